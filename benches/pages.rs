//! What reading pages through the accessibility bus costs: a real Chromium and a real Firefox ESR
//! on a mock agent desktop, calm (the call timer ticking in a live region) and busy (also 300 queue
//! figures refreshed 20 times a second), a coaching toast every 10 s, once with accessibility off
//! and nothing watching, once with Témoin's page source on (accessibility switched on by it). Measured: the
//! browser's CPU (all its processes) and memory (PSS), Témoin's own CPU (the page thread), and the
//! accessibility events the browser sends per second (counted apart on the bus).
//! `cargo bench --bench pages`; figures in benches/README.md.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/common/desktop.rs"]
mod desktop;
#[path = "../tests/common/web.rs"]
mod web;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use temoin::pipeline::watch::{Notice, Watch};
use temoin::popups::RulesFile;

const WARM_UP: Duration = Duration::from_secs(10);
const MEASURE: Duration = Duration::from_secs(40);
const TOAST_EVERY: Duration = Duration::from_secs(10);
const TICKS: f64 = 100.0; // USER_HZ on Linux

fn stat_fields(path: &Path) -> Vec<String> {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("").to_string();
    after.split_whitespace().map(str::to_string).collect()
}

/// The process and all its descendants.
fn family(root: u32) -> Vec<u32> {
    let mut parent = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let f = stat_fields(&e.path().join("stat"));
        if let Some(pp) = f.get(1).and_then(|p| p.parse::<u32>().ok()) {
            parent.push((pid, pp));
        }
    }
    let mut all: HashSet<u32> = HashSet::from([root]);
    loop {
        let before = all.len();
        for (pid, pp) in &parent {
            if all.contains(pp) {
                all.insert(*pid);
            }
        }
        if all.len() == before {
            return all.into_iter().collect();
        }
    }
}

/// CPU seconds used so far by these processes.
fn cpu_s(pids: &[u32]) -> f64 {
    pids.iter()
        .map(|p| {
            let f = stat_fields(&Path::new("/proc").join(p.to_string()).join("stat"));
            let u: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0);
            let s: f64 = f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
            (u + s) / TICKS
        })
        .sum()
}

/// Proportional memory of these processes, MiB.
fn pss_mib(pids: &[u32]) -> f64 {
    pids.iter()
        .map(|p| {
            let t = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
            t.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
                .unwrap_or(0.0)
                / 1024.0
        })
        .sum()
}

/// CPU seconds used so far by this process's threads named `name`.
fn thread_cpu_s(name: &str) -> f64 {
    let mut total = 0.0;
    for t in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.trim() == name {
            let f = stat_fields(&t.path().join("stat"));
            let u: f64 = f[11].parse().unwrap_or(0.0);
            let s: f64 = f[12].parse().unwrap_or(0.0);
            total += (u + s) / TICKS;
        }
    }
    total
}

/// Counts the accessibility events on the bus (a passive listener: it asks for nothing).
fn count_events(counter: Arc<AtomicU64>) {
    std::thread::spawn(move || {
        zbus::block_on(async {
            let Ok(conn) = temoin::popups::a11y::connect().await else {
                return;
            };
            let rule = zbus::MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .interface("org.a11y.atspi.Event.Object")
                .build()
                .unwrap();
            let Ok(mut s) = zbus::MessageStream::for_match_rule(rule, &conn, None).await else {
                return;
            };
            while s.next().await.is_some() {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        })
    });
}

struct Figures {
    browser_cpu_pct: f64,
    browser_pss: f64,
    temoin_cpu_pct: f64,
    events_per_s: f64,
    stored: usize,
    /// From the page asked to show each toast to the pop-up stored, ms (the slowest).
    worst_ms: Option<f64>,
}

fn run(browser: &str, page: &str, watched: bool) -> Figures {
    let mut desktop = desktop::Desktop::start();
    desktop.window_manager();
    // SAFETY: the bench's threads read these only when they connect, after this.
    unsafe {
        std::env::set_var("DISPLAY", &desktop.display);
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address());
    }
    let (_d, path, _, _) = common::new_vault();
    let watch = watched.then(|| {
        let w = Watch::start(&path, RulesFile::open(None).unwrap()).unwrap();
        loop {
            if let Ok(Notice::Source(r)) = w.notices().recv_timeout(Duration::from_secs(20))
                && r.source == "pages"
            {
                break;
            }
        }
        w
    });
    let mut desk = web::Desk::start();
    let profile = desktop.dir.path().join(browser);
    let url = format!("{}{page}", desk.url("desk.html"));
    let child = match browser {
        "chromium" => web::chromium(&desktop, &profile, &[&url]),
        _ => web::firefox(&desktop, &profile, &url),
    };
    let pid = child.id();
    assert!(desk.wait_for_page(Duration::from_secs(60)));
    let events = Arc::new(AtomicU64::new(0));
    if watched {
        count_events(events.clone());
    }
    std::thread::sleep(WARM_UP);
    let pids = family(pid);
    let (b0, t0, e0) = (
        cpu_s(&pids),
        thread_cpu_s("temoin-pages"),
        events.load(Ordering::Relaxed),
    );
    let start = Instant::now();
    let mut n = 0;
    let mut worst: Option<f64> = None;
    while start.elapsed() < MEASURE {
        std::thread::sleep(TOAST_EVERY);
        n += 1;
        let asked = Instant::now();
        desk.show(web::Show::Toast(
            Some("alert"),
            format!("Parlez plus vite ({n})"),
        ));
        if let Some(w) = &watch {
            while let Ok(notice) = w.notices().recv_timeout(Duration::from_secs(10)) {
                if matches!(notice, Notice::Stored(_)) {
                    let ms = asked.elapsed().as_secs_f64() * 1e3;
                    worst = Some(worst.map_or(ms, |x: f64| x.max(ms)));
                    break;
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pids = family(pid);
    let figures = Figures {
        browser_cpu_pct: (cpu_s(&pids) - b0) / secs * 100.0,
        browser_pss: pss_mib(&pids),
        temoin_cpu_pct: (thread_cpu_s("temoin-pages") - t0) / secs * 100.0,
        events_per_s: (events.load(Ordering::Relaxed) - e0) as f64 / secs,
        stored: 0,
        worst_ms: worst,
    };
    web::close(child, &profile);
    let stored = watch.map_or(0, |w| {
        w.stop();
        common::stored_events(&path).len()
    });
    Figures { stored, ..figures }
}

fn main() {
    println!(
        "| browser | page | accessibility | browser CPU (% of a core) | browser PSS (MiB) | Témoin page thread (% of a core) | events/s | toasts stored | slowest toast (ms) |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for browser in ["chromium", "firefox"] {
        for (page, name) in [("?calm", "calm"), ("?busy", "busy")] {
            for watched in [false, true] {
                let f = run(browser, page, watched);
                let on = if watched {
                    "on, Témoin watching"
                } else {
                    "off"
                };
                println!(
                    "| {browser} | {name} | {on} | {:.1} | {:.0} | {:.2} | {:.0} | {} | {} |",
                    f.browser_cpu_pct,
                    f.browser_pss,
                    f.temoin_cpu_pct,
                    f.events_per_s,
                    f.stored,
                    f.worst_ms.map_or("—".into(), |w| format!("{w:.0}"))
                );
            }
        }
    }
}
