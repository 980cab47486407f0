//! The pace verdict live, at the worker's normal, fast and slow tempo: one FLEURS reader (the
//! shared speech) is the worker, heard four times to learn their usual rate, then at their pace,
//! at ×1.4 and at ×0.7 (sox `tempo`, pitch kept), each after 35 s of silence so that the minute
//! before each cue holds that tempo only. « Ralentissez » logged by hand after each: neither at
//! their usual pace, deserved when fast, contradicted when slow; « plus vite » at their pace:
//! neither either.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::pulse;
use temoin::events::Consistency;

fn sox(args: &[&str]) {
    let ok = Command::new("sox")
        .args(args)
        .status()
        .expect("sox")
        .success();
    assert!(ok, "sox {args:?}");
}

fn seconds(wav: &Path) -> f64 {
    let out = Command::new("soxi")
        .arg("-D")
        .arg(wav)
        .output()
        .expect("soxi");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn pace_cues_at_normal_fast_and_slow_tempo() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).display().to_string();
    let reader: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fr_fleurs_001.wav");
    let reader = reader.display().to_string();
    sox(&[&reader, &p("fast.wav"), "tempo", "1.4"]);
    sox(&[&reader, &p("slow.wav"), "tempo", "0.7"]);
    sox(&[
        "-n",
        "-r",
        "16000",
        "-c",
        "1",
        &p("quiet.wav"),
        "trim",
        "0",
        "35",
    ]);
    // The day: usual speech, then three phases, each preceded by silence; a cue after each.
    let phases = [
        vec![
            reader.clone(),
            reader.clone(),
            reader.clone(),
            reader.clone(),
        ],
        vec![p("quiet.wav"), reader.clone()],
        vec![p("quiet.wav"), p("fast.wav")],
        vec![p("quiet.wav"), p("slow.wav")],
    ];
    let mut cues = Vec::new();
    let mut all: Vec<String> = Vec::new();
    let mut t = 0.0;
    for phase in &phases {
        for f in phase {
            t += seconds(Path::new(f));
            all.push(f.clone());
        }
        cues.push(t);
    }
    let day = p("day.wav");
    let mut args: Vec<&str> = all.iter().map(String::as_str).collect();
    args.push(&day);
    sox(&args);

    let pulse = pulse::Pulse::start();
    let (_d, path) = temp_vault_path();
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let listen = temoin(&path)
        .args(["listen", "--seconds", &format!("{:.0}", t + 20.0)])
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let start = Instant::now();
    let mut player = pulse.play(Path::new(&day));
    let popup = |category: &str| {
        let (code, _, err) = run(temoin(&path).args(["popup", "--category", category]));
        assert_eq!(code, 0, "{err}");
    };
    let wait_until = |s: f64| {
        let at = Duration::from_secs_f64(s + 1.0);
        if let Some(rest) = at.checked_sub(start.elapsed()) {
            std::thread::sleep(rest);
        }
    };
    wait_until(cues[1]);
    popup("pace_slower");
    popup("pace_faster");
    wait_until(cues[2]);
    popup("pace_slower");
    wait_until(cues[3]);
    popup("pace_slower");
    let out = listen.wait_with_output().unwrap();
    let _ = player.wait();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (code, listed, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let verdicts: Vec<Consistency> = (0..4)
        .map(|k| serde_json::from_value(listed[k]["consistency"].clone()).unwrap())
        .collect();
    assert_eq!(
        verdicts,
        [
            Consistency::UsualPace,
            Consistency::UsualPace,
            Consistency::Consistent,
            Consistency::Contradicted
        ],
        "{listed:#}"
    );
    // The words were counted (the verdicts are on words per minute, not syllables).
    assert!(
        listed[2]["measured"]["words_per_minute"].is_number(),
        "{listed:#}"
    );
}
