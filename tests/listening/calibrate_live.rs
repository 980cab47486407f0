//! `temoin calibrate` through real capture: the worker reads, their level (and the microphone
//! named) is saved; silence gives a clear message and changes nothing.

use crate::{common, pulse};
use std::path::Path;

use crate::common::run;

fn calibrate(pulse: &pulse::Pulse, config: &Path, args: &[&str]) -> std::process::Child {
    common::temoin_in(config.parent().unwrap())
        .arg("calibrate")
        .args(args)
        .env("TEMOIN_CONFIG", config)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn calibration_saves_the_readers_level() {
    let pulse = pulse::Pulse::start();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("settings.json");
    let clip = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fr_fleurs_004.wav");

    // Silence: nothing to calibrate on; nothing saved.
    let out = calibrate(&pulse, &config, &["--seconds", "3"])
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Aucune parole entendue"));
    assert!(!config.exists());

    // The microphone named is the one calibrated: kept for listening too.
    let child = calibrate(
        &pulse,
        &config,
        &["--seconds", "11", "--device", "vsink.monitor"],
    );
    std::thread::sleep(std::time::Duration::from_millis(800));
    let mut player = pulse.play(&clip);
    let out = child.wait_with_output().unwrap();
    let _ = player.wait();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&config).unwrap()).unwrap();
    let level = saved["own_level_db"].as_f64().unwrap();
    assert_eq!(saved["device"], "vsink.monitor", "{saved}");
    // The same clip measured from the file: the median of its segments' levels.
    let offline = temoin::pipeline::analyze_file(&clip, None).unwrap();
    let mut levels: Vec<f64> = offline.segments.iter().map(|s| s.level_dbfs).collect();
    levels.sort_by(|a, b| a.total_cmp(b));
    let expected = levels[levels.len() / 2];
    assert!(
        (level - expected).abs() < 2.0,
        "calibrated {level:.1}, file median {expected:.1}"
    );

    // `analyze` is unaffected by settings; `listen` picks the level up (checked in listen_live).
    let (code, _, _) = run(common::temoin_in(config.parent().unwrap())
        .env("TEMOIN_CONFIG", &config)
        .arg("analyze")
        .arg(&clip));
    assert_eq!(code, 0);
}
