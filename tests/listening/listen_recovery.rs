//! No microphone at all, then one, then it goes away and comes back: the monitor says so and
//! recovers by itself, and the rest keeps running. The sound server killed under a running
//! `temoin listen`, then restarted or not: the gap is recorded and the run ends on time.

use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, Utc};

use crate::common::*;
use crate::pulse;
use pulse::wait_for;
use temoin::events::{Event, EventKind, PauseReason};
use temoin::pipeline::live::{LiveSettings, Monitor, Status};

fn listening(s: &Status) -> bool {
    matches!(s, Status::Listening { .. })
}

#[test]
fn the_monitor_recovers_when_the_device_comes_and_goes() {
    let runtime = tempfile::tempdir().unwrap();
    // SAFETY: the only test in this binary, set before any other thread starts.
    unsafe { std::env::set_var("XDG_RUNTIME_DIR", runtime.path()) };
    let (_d, path, vault, _) = new_vault();
    drop(vault);

    // No sound server: no usable device. The monitor runs anyway and says so.
    let monitor = Monitor::start(&path, LiveSettings::default()).expect("starts without a device");
    let s = wait_for(&monitor, |s| matches!(s, Status::NoDevice(_)), 10);
    assert!(matches!(s, Status::NoDevice(_)), "{s:?}");

    // The device appears: listening starts by itself.
    let mut pulse = pulse::Pulse::start_in(runtime.path());
    let s = wait_for(&monitor, listening, 15);
    assert!(listening(&s), "{s:?}");

    // It goes away: reported; it comes back: recovered.
    pulse.kill();
    let s = wait_for(&monitor, |s| !listening(s), 15);
    assert!(matches!(s, Status::NoDevice(_)), "{s:?}");
    let _pulse = pulse::Pulse::start_in(runtime.path());
    let s = wait_for(&monitor, listening, 20);
    assert!(listening(&s), "{s:?}");
    monitor.stop();
}

fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav")
}

/// `temoin listen` on the sound server in `runtime`, for `seconds`, its stderr and stdout piped.
fn listen(vault: &std::path::Path, runtime: &std::path::Path, seconds: u32) -> std::process::Child {
    temoin(vault)
        .args(["listen", "--no-words", "--seconds", &seconds.to_string()])
        .env("XDG_RUNTIME_DIR", runtime)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("temoin listen")
}

fn init(vault: &std::path::Path) {
    let (code, _, err) = run(temoin(vault).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
}

fn utc(t: SystemTime) -> DateTime<Utc> {
    DateTime::<Utc>::from(t)
}

fn gap_marks(events: &[Event]) -> Vec<(DateTime<Utc>, &'static str)> {
    events
        .iter()
        .filter_map(|e| {
            let what = match &e.kind {
                EventKind::MonitoringPaused {
                    reason: PauseReason::SoundLost,
                } => "lost",
                EventKind::MonitoringPaused {
                    reason: PauseReason::Stopped,
                } => "stopped",
                EventKind::MonitoringResumed => "resumed",
                _ => return None,
            };
            Some((e.at.with_timezone(&Utc), what))
        })
        .collect()
}

/// The common case the first test does not cover: a server that was running dies (SIGKILL, as a
/// crash or a session restart) and comes back. Listening resumes by itself within 10 s, the gap
/// is stored with its start and end, and `--seconds` still ends the run on time.
#[test]
fn listening_comes_back_after_the_sound_server_is_killed_and_restarted() {
    let runtime = tempfile::tempdir().unwrap();
    let mut pulse = pulse::Pulse::start_in(runtime.path());
    let (_d, vault) = temp_vault_path();
    init(&vault);
    let started = Instant::now();
    let child = listen(&vault, runtime.path(), 30);
    std::thread::sleep(Duration::from_secs(2));
    let mut player = pulse.play(&example());
    std::thread::sleep(Duration::from_secs(8));
    let killed = SystemTime::now();
    pulse.kill();
    let _ = player.wait();
    std::thread::sleep(Duration::from_secs(6));
    let pulse = pulse::Pulse::start_in(runtime.path());
    let restarted = SystemTime::now();
    let mut player = pulse.play(&example());
    let out = child.wait_with_output().unwrap();
    let ran = started.elapsed();
    let _ = player.kill();
    let _ = player.wait();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        ran < Duration::from_secs(33),
        "--seconds 30 ended after {ran:?}: {stderr}"
    );
    assert!(stderr.contains("Le son est perdu"), "{stderr}");

    let events = stored_events(&vault);
    let marks = gap_marks(&events);
    let kinds: Vec<&str> = marks.iter().map(|(_, k)| *k).collect();
    assert_eq!(kinds, ["lost", "resumed", "stopped"], "{marks:?}");
    let (lost, resumed) = (marks[0].0, marks[1].0);
    // The gap starts when the audio stopped (the kill), not when the watchdog noticed.
    let (killed, restarted) = (utc(killed), utc(restarted));
    assert!(
        lost > killed - chrono::Duration::seconds(2)
            && lost <= killed + chrono::Duration::seconds(1),
        "gap from {lost}, server killed at {killed}"
    );
    assert!(
        resumed > restarted - chrono::Duration::seconds(1)
            && resumed < restarted + chrono::Duration::seconds(10),
        "resumed at {resumed}, server back at {restarted}"
    );
    // Measures resumed: the worker's speech after the restart is in the record.
    let after = events
        .iter()
        .filter(|e| e.at.with_timezone(&Utc) > resumed)
        .filter(|e| matches!(e.kind, EventKind::SpeechSegment(_)))
        .count();
    assert!(after >= 2, "{after} segments after the restart: {marks:?}");
}

/// The server gone for good: the worker is told, and SIGTERM still ends listening within a
/// second, the gap closed by the stop.
#[test]
fn listening_ends_cleanly_when_the_sound_server_is_gone_for_good() {
    let runtime = tempfile::tempdir().unwrap();
    let mut pulse = pulse::Pulse::start_in(runtime.path());
    let (_d, vault) = temp_vault_path();
    init(&vault);
    let child = listen(&vault, runtime.path(), 60);
    std::thread::sleep(Duration::from_secs(3));
    pulse.kill();
    std::thread::sleep(Duration::from_secs(5));
    let asked = Instant::now();
    // SAFETY: a signal to the child we spawned.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    let took = asked.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(took < Duration::from_secs(1), "SIGTERM took {took:?}");
    assert!(stderr.contains("Le son est perdu"), "{stderr}");
    assert!(
        !stderr.contains("pa_") && !stderr.contains("Connection"),
        "{stderr}"
    );
    let kinds: Vec<&str> = gap_marks(&stored_events(&vault))
        .iter()
        .map(|(_, k)| *k)
        .collect();
    assert_eq!(kinds, ["lost", "stopped"]);
}
