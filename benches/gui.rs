//! The window: time per frame of the « Aujourd'hui » view (an egui frame through egui_kittest,
//! no GPU painting), and the idle CPU of the real window on Xvfb (target ≈ 0: no
//! continuous repaint). A plain timed harness: `cargo bench --bench gui`. Figures in
//! benches/README.md.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/common/desktop.rs"]
mod desktop;
#[path = "../tests/common/pulse.rs"]
mod pulse;
#[path = "shared/year.rs"]
mod year;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use temoin::gui::today::Today;
use temoin::messages::Lang;
use temoin::popups::RulesFile;

/// CPU seconds a process has used (user + system).
fn cpu_s(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

/// Milliseconds per egui frame over `frames` frames.
fn ms_per_frame<S>(h: &mut Harness<'_, S>, frames: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..frames {
        h.step();
    }
    start.elapsed().as_secs_f64() * 1e3 / f64::from(frames)
}

fn main() {
    let (_d, path, _, _) = common::new_vault();
    let today = Today::new(path.clone(), Lang::Fr, RulesFile::open(None).unwrap(), None);
    let mut h = Harness::new_ui_state(|ui, t: &mut Today| t.ui(ui), today);
    h.run();
    let frames = 2000;
    let per = ms_per_frame(&mut h, frames);
    println!(
        "Aujourd'hui view: {per:.3} ms per frame (an egui frame, no GPU painting; {frames} frames)"
    );
    history();

    let desktop = desktop::Desktop::start();
    let mut app = desktop
        .env(&mut common::temoin(&path))
        .args(["gui", "--no-listen"])
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let shown = desktop::wait_until(Duration::from_secs(30), || {
        let out = desktop
            .env(&mut Command::new("xdotool"))
            .args(["search", "--class", "temoin"])
            .output()
            .unwrap();
        !out.stdout.is_empty()
    });
    assert!(shown, "no window");
    std::thread::sleep(Duration::from_secs(3));
    let (c0, t0) = (cpu_s(app.id()), Instant::now());
    std::thread::sleep(Duration::from_secs(20));
    let used = cpu_s(app.id()) - c0;
    let wall = t0.elapsed().as_secs_f64();
    let rss = std::fs::read_to_string(format!("/proc/{}/status", app.id()))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
        .unwrap_or_default();
    let _ = app.kill();
    let _ = app.wait();
    println!(
        "open window, idle: {:.3} % of a core over {wall:.0} s; memory {rss} kB (no listening, software GL)",
        used / wall * 100.0
    );
    with_models(&desktop, &path);
}

/// A process's resident and peak memory, in kB.
fn memory_kb(pid: u32) -> (String, String) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("?")
            .to_string()
    };
    (field("VmRSS"), field("VmHWM"))
}

/// The whole app as a worker runs it: the window listening (voice model and speech model
/// loaded, words counted) while the example call plays into a virtual microphone.
fn with_models(desktop: &desktop::Desktop, vault: &std::path::Path) {
    let pulse = pulse::Pulse::start();
    let mut app = desktop
        .env(&mut common::temoin(vault))
        .arg("gui")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .env("TEMOIN_CONFIG", desktop.dir.path().join("settings.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(5));
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav");
    let (c0, t0) = (cpu_s(app.id()), Instant::now());
    let mut player = pulse.play(&example);
    let _ = player.wait();
    std::thread::sleep(Duration::from_secs(5));
    let used = cpu_s(app.id()) - c0;
    let wall = t0.elapsed().as_secs_f64();
    let (rss, peak) = memory_kb(app.id());
    let _ = app.kill();
    let _ = app.wait();
    println!(
        "window listening with the models loaded, the example call played: {:.1} % of a core over {wall:.0} s; memory {rss} kB, peak {peak} kB",
        used / wall * 100.0
    );
}

/// « Historique » over a year of events: the month of charts, then the month's list.
fn history() {
    use temoin::gui::history::{History, Span, Tab};
    use temoin::gui::session::Session;
    let before = memory_kb(std::process::id()).0;
    let events = year::a_year();
    let n = events.len();
    let last = events.last().unwrap().at.date_naive();
    let start = Instant::now();
    let session = std::sync::Arc::new(Session::of(events, String::new().into()));
    let loaded = start.elapsed().as_secs_f64();
    let mut view = History::new(Lang::Fr);
    view.span = Span::Month;
    view.end = last;
    let mut h = Harness::builder()
        .with_size(eframe::egui::vec2(420.0, 560.0))
        .build_ui_state(
            move |ui, v: &mut History| {
                v.ui(ui, &session);
            },
            view,
        );
    h.run();
    for tab in [Tab::Charts, Tab::List] {
        h.state_mut().tab = tab;
        h.run();
        let frames = 500;
        let per = ms_per_frame(&mut h, frames);
        println!(
            "Historique ({tab:?}, a month of a year of {n} events): {per:.3} ms per frame ({frames} frames)"
        );
    }
    println!("Historique: figures of a year of {n} events made in {loaded:.2} s (once, at unlock)");
    println!(
        "Historique: memory {before} kB before the year, {} kB with it open",
        memory_kb(std::process::id()).0
    );
}
