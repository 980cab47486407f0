//! Live listening through real cpal capture: a private PulseAudio daemon plays the example call
//! into a null sink, `temoin listen` captures it, and measurements (never sound) land in a real
//! vault. Then the same through the library with a privacy pause.

use crate::{common, pulse};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::*;
use pulse::wait_for;
use temoin::events::{EventKind, PauseReason};
use temoin::pipeline::live::{LiveSettings, Monitor, Status};
use temoin::vault::Vault;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav")
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn live_capture_logs_measurements_and_never_sound() {
    let pulse = pulse::Pulse::start();
    // The CLI run: its home, data and working folders are a sandbox we can inspect afterwards.
    let sandbox = tempfile::tempdir().unwrap();
    let vault = sandbox.path().join("coffre.db");
    let (code, _, err) = run(temoin(&vault).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let before: Vec<PathBuf> = files(sandbox.path());

    let mut listen = common::temoin_in(sandbox.path());
    listen
        .args(["listen", "--seconds", "37", "--own-level", "-27"])
        .env("TEMOIN_VAULT", &vault)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .env("HOME", sandbox.path())
        .env("XDG_DATA_HOME", sandbox.path().join("data"))
        .env("XDG_CACHE_HOME", sandbox.path().join("cache"))
        .env("XDG_CONFIG_HOME", sandbox.path().join("config"))
        .current_dir(sandbox.path())
        .env_remove("TEMOIN_PASSPHRASE");
    let child = listen
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let mut player = pulse.play(&example());
    let out = child.wait_with_output().unwrap();
    let _ = player.wait();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("Écoute du micro"), "{stderr}");
    // The live path resamples twice (PulseAudio, then ours), so a segment boundary may fall a
    // chunk differently from the file: counts are compared within one, measures by median.
    let set_aside: usize = stdout
        .split(" écarté")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        (1..=2).contains(&set_aside),
        "the customer leaking at −55 dBFS is set aside: {stdout}"
    );

    // The same measurements as the offline analysis of the same call, worker's segments only.
    let offline = temoin::pipeline::analyze_file(&example(), Some(-27.0)).unwrap();
    let reader = Vault::open(&vault).unwrap();
    assert_eq!(reader.check().unwrap().broken, None);
    let events = reader.unlock(PASS).unwrap().events().unwrap();
    let live: Vec<f64> = events
        .iter()
        .filter_map(|e| match &e.event.as_ref().unwrap().kind {
            EventKind::SpeechSegment(s) => s.f0_mean_hz,
            _ => None,
        })
        .collect();
    assert!(
        live.len().abs_diff(offline.segments.len()) <= 1,
        "live {live:?}"
    );
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let file: Vec<f64> = offline
        .segments
        .iter()
        .filter_map(|s| s.measures.f0_mean_hz)
        .collect();
    let (l, f) = (median(live.clone()), median(file));
    assert!(
        (l - f).abs() / f < 0.03,
        "live median F0 {l:.1} vs file {f:.1}"
    );
    // Every live segment is the worker's (female voice, 200–300 Hz), none the customer's (105 Hz).
    assert!(live.iter().all(|&f0| f0 > 180.0), "{live:?}");
    // Words were counted live (the worker reads 50), and no word of theirs was kept: the
    // decrypted log holds counts, never text.
    let words: u32 = events
        .iter()
        .filter_map(|e| match &e.event.as_ref().unwrap().kind {
            EventKind::SpeechSegment(s) => s.words,
            _ => None,
        })
        .sum();
    assert!((35..=60).contains(&words), "{words} words counted live");
    let log = serde_json::to_string(
        &events
            .iter()
            .map(|e| e.event.as_ref().unwrap())
            .collect::<Vec<_>>(),
    )
    .unwrap()
    .to_lowercase();
    for spoken in ["rugissement", "tigre", "avion", "piste", "personnes"] {
        assert!(!log.contains(spoken), "{spoken:?} reached the vault");
    }
    assert!(matches!(
        events.last().unwrap().event.as_ref().unwrap().kind,
        EventKind::MonitoringPaused {
            reason: PauseReason::Stopped
        }
    ));

    // Nothing audio-like was written: the only new files are the vault's, far smaller than the
    // sound, and no stretch of the call's samples appears in any of them.
    let audio = std::fs::read(example()).unwrap();
    // (PulseAudio's client library keeps its own cookie; ONNX Runtime must leave no trace.)
    let created: Vec<PathBuf> = files(sandbox.path())
        .into_iter()
        .filter(|p| !before.contains(p) && !p.ends_with("config/pulse/cookie"))
        .collect();
    assert!(
        created.iter().all(|p| p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("coffre.db")),
        "{created:?}"
    );
    for p in files(sandbox.path()) {
        let bytes = std::fs::read(&p).unwrap();
        assert!(
            bytes.len() < audio.len() / 10,
            "{} is {} bytes",
            p.display(),
            bytes.len()
        );
        for window in audio[44..]
            .chunks(4000)
            .map(|c| &c[..32])
            .filter(|w| w.iter().any(|&b| b != 0))
        {
            assert!(
                !bytes.windows(32).any(|w| w == window),
                "{} holds sample data",
                p.display()
            );
        }
    }

    // Through the library: a privacy pause stops capture at once and is logged.
    // SAFETY: this test binary runs this one test, on this thread, before any other thread reads it.
    unsafe { std::env::set_var("XDG_RUNTIME_DIR", &pulse.runtime_dir) };
    let monitor = Monitor::start(&vault, LiveSettings::default()).unwrap();
    let s = wait_for(&monitor, |s| matches!(s, Status::Listening { .. }), 10);
    assert!(matches!(s, Status::Listening { .. }), "{s:?}");
    monitor.pause();
    assert_eq!(
        wait_for(&monitor, |s| *s == Status::Paused, 5),
        Status::Paused
    );
    monitor.resume();
    let s = wait_for(&monitor, |s| matches!(s, Status::Listening { .. }), 10);
    assert!(matches!(s, Status::Listening { .. }), "{s:?}");
    monitor.stop();
    let kinds: Vec<String> = stored_events(&vault)
        .into_iter()
        .map(|e| e.kind.name().to_string())
        .collect();
    let tail = &kinds[kinds.len() - 3..];
    assert_eq!(
        tail,
        [
            "monitoring_paused",
            "monitoring_resumed",
            "monitoring_paused"
        ],
        "{kinds:?}"
    );
}
