//! Pop-up detection on a real desktop (Xvfb, a session bus, dunst): latency from the window being
//! mapped or the notification being sent to the event durably in the vault, and the watchers' CPU
//! while nothing happens. `cargo bench --bench popups`; figures in benches/README.md.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/common/desktop.rs"]
mod desktop;

use std::time::{Duration, Instant};

use temoin::pipeline::watch::{Notice, Watch};
use temoin::popups::RulesFile;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt, CreateWindowAux, PropMode, WindowClass};
use x11rb::wrapper::ConnectionExt as _;

const ROUNDS: usize = 100;
/// Slower than the flood limit, so every pop-up is stored on its own.
const SPACING: Duration = Duration::from_millis(150);
const OCR_ROUNDS: usize = 20;

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn wait_stored(watch: &Watch) -> Instant {
    loop {
        match watch.notices().recv_timeout(Duration::from_secs(5)) {
            Ok(Notice::Stored(_)) => return Instant::now(),
            Ok(_) => {}
            Err(_) => panic!("pop-up not stored within 5 s"),
        }
    }
}

/// CPU seconds used so far by this process's threads whose name starts with `temoin-`.
fn watcher_cpu_s() -> f64 {
    let ticks = 100.0; // USER_HZ on Linux
    let mut total = 0.0;
    for t in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if !comm.starts_with("temoin-") {
            continue;
        }
        let stat = std::fs::read_to_string(t.path().join("stat")).unwrap_or_default();
        let after = stat.rsplit(')').next().unwrap_or("");
        let f: Vec<&str> = after.split_whitespace().collect();
        let (u, s): (f64, f64) = (f[11].parse().unwrap_or(0.0), f[12].parse().unwrap_or(0.0));
        total += (u + s) / ticks;
    }
    total
}

fn main() {
    let desktop = desktop::Desktop::start();
    // SAFETY: set before any thread of ours starts; the watchers read them when they connect.
    unsafe {
        std::env::set_var("DISPLAY", &desktop.display);
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address());
    }
    let (_d, path, _, _) = common::new_vault();
    let watch = Watch::start(&path, RulesFile::open(None).unwrap()).unwrap();
    let mut watching = 0;
    while watching < 3 {
        if let Ok(Notice::Source(r)) = watch.notices().recv_timeout(Duration::from_secs(10))
            && r.state == temoin::popups::SourceState::Watching
        {
            watching += 1;
        }
    }

    // Notifications: from the Notify call to the event stored.
    let mut notif = Vec::new();
    let t0 = std::cell::Cell::new(Instant::now());
    desktop.notify_raw(
        ROUNDS,
        |_| {
            t0.set(Instant::now());
            "Parlez plus vite"
        },
        |_| {
            notif.push(wait_stored(&watch).duration_since(t0.get()).as_secs_f64() * 1e3);
            std::thread::sleep(SPACING);
        },
    );

    // Windows: from MapWindow to the event stored.
    let (conn, screen) = x11rb::connect(Some(&desktop.display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let mut windows = Vec::new();
    for _ in 0..ROUNDS {
        let w = conn.generate_id().unwrap();
        conn.create_window(
            0,
            w,
            root,
            10,
            10,
            300,
            80,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new(),
        )
        .unwrap();
        conn.change_property8(
            PropMode::REPLACE,
            w,
            AtomEnum::WM_NAME,
            AtomEnum::STRING,
            b"Ralentissez votre debit",
        )
        .unwrap();
        conn.change_property8(
            PropMode::REPLACE,
            w,
            AtomEnum::WM_CLASS,
            AtomEnum::STRING,
            b"bench\0Bench\0",
        )
        .unwrap();
        conn.flush().unwrap();
        let t0 = Instant::now();
        conn.map_window(w).unwrap();
        conn.flush().unwrap();
        windows.push(wait_stored(&watch).duration_since(t0).as_secs_f64() * 1e3);
        conn.destroy_window(w).unwrap();
        conn.flush().unwrap();
        std::thread::sleep(SPACING);
    }

    // With OCR on: an xmessage window's text read from its pixels (after letting it paint).
    let rules = desktop.dir.path().join("ocr.toml");
    std::fs::write(
        &rules,
        "[sources]\nocr = true\nnotifications = false\nraccourci = \"\"\n",
    )
    .unwrap();
    let (_d2, path2, _, _) = common::new_vault();
    let ocr_watch = Watch::start(&path2, RulesFile::open(Some(rules)).unwrap()).unwrap();
    while !matches!(
        ocr_watch.notices().recv_timeout(Duration::from_secs(10)),
        Ok(Notice::Source(_))
    ) {}
    let mut ocr = Vec::new();
    for _ in 0..OCR_ROUNDS {
        let t0 = Instant::now();
        let mut win = desktop.window("outil", "Alerte", "Vous parlez trop vite, ralentissez");
        ocr.push(wait_stored(&ocr_watch).duration_since(t0).as_secs_f64() * 1e3);
        let _ = win.kill();
        let _ = win.wait();
        std::thread::sleep(SPACING);
    }
    ocr_watch.stop();

    // Idle: nothing happens for 20 s.
    std::thread::sleep(Duration::from_secs(1));
    let cpu0 = watcher_cpu_s();
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_secs(20));
    let idle_pct = (watcher_cpu_s() - cpu0) / t0.elapsed().as_secs_f64() * 100.0;
    watch.stop();

    for (name, v) in [
        ("notification", &mut notif),
        ("window", &mut windows),
        ("window read by OCR (from xmessage start)", &mut ocr),
    ] {
        println!(
            "popups/{name}: detection to stored, {} rounds: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            v.len(),
            percentile(v, 0.5),
            percentile(v, 0.95),
            percentile(v, 1.0)
        );
    }
    println!("popups/idle: watcher threads {idle_pct:.3} % of a core over 20 s");
}
