//! `temoin analyze` on the shipped example call, through the real binary, Silero and ONNX Runtime.

use std::path::{Path, PathBuf};

use crate::common::{run, temoin_in};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav")
}

fn analyze(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().unwrap();
    run(temoin_in(home.path())
        .arg("analyze")
        .args(args)
        .env_remove("TEMOIN_MODELS"))
}

/// Worker turns in the example: 1.0–9.3 s and 20.0–28.4 s; the customer leaks at 11.4–18.4 s.
const WORKER: [(f64, f64); 2] = [(0.9, 9.5), (19.9, 28.6)];

fn inside(s: f64, e: f64, spans: &[(f64, f64)]) -> bool {
    spans.iter().any(|&(a, b)| s >= a && e <= b)
}

#[test]
fn json_interface_on_the_example_call() {
    let (code, out, err) = analyze(&[example().to_str().unwrap(), "--json", "--no-words"]);
    assert_eq!(code, 0, "{err}");
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!((a["duration_s"].as_f64().unwrap() - 31.2).abs() < 0.1);
    let segs = a["segments"].as_array().unwrap();
    assert!(segs.len() >= 4, "{out}");
    for key in [
        "start_s",
        "end_s",
        "voiced_s",
        "f0_mean_hz",
        "f0_sd_hz",
        "jitter_local_pct",
        "shimmer_local_pct",
        "hnr_db",
        "intensity_db",
        "syllables_per_s",
        "words",
        "words_per_minute",
        "articulation_wpm",
        "phrases",
    ] {
        assert!(segs.iter().all(|s| s.get(key).is_some()), "missing {key}");
    }
    let speech: f64 = segs
        .iter()
        .map(|s| s["end_s"].as_f64().unwrap() - s["start_s"].as_f64().unwrap())
        .sum();
    assert!((a["speech_s"].as_f64().unwrap() - speech).abs() < 1e-6);
    // Without calibration, all speech counts, the leaking customer too.
    assert!(
        segs.iter()
            .any(|s| s["start_s"].as_f64().unwrap() > 10.0 && s["end_s"].as_f64().unwrap() < 19.0)
    );
    // The female worker's voice reads as such.
    let f0 = segs[0]["f0_mean_hz"].as_f64().unwrap();
    assert!((180.0..300.0).contains(&f0), "{f0}");
}

#[test]
fn a_calibrated_level_sets_the_customer_aside() {
    // With words: only the worker's segments are transcribed, and only counts come out.
    let (code, out, err) = analyze(&[example().to_str().unwrap(), "--json", "--own-level", "-27"]);
    assert_eq!(code, 0, "{err}");
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["set_aside"], 1);
    let mut words = 0;
    for s in a["segments"].as_array().unwrap() {
        let (st, en) = (s["start_s"].as_f64().unwrap(), s["end_s"].as_f64().unwrap());
        assert!(
            inside(st, en, &WORKER),
            "segment {st}–{en} is not the worker's"
        );
        words += s["words"].as_u64().expect("words counted");
        let wpm = s["words_per_minute"].as_f64().unwrap();
        assert!((60.0..400.0).contains(&wpm), "{wpm} wpm");
        assert!(s["phrases"].is_object());
        assert!(s.get("transcript").is_none(), "text only with --transcript");
    }
    // The worker reads FLEURS 004 and 003: 50 words in all.
    assert!((42..=58).contains(&words), "{words} words");
    let (code, out, _) = analyze(&[
        example().to_str().unwrap(),
        "--own-level",
        "-27",
        "--transcript",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("écartés : une autre voix") || out.contains("écarté : une autre voix"),
        "{out}"
    );
    assert!(
        out.contains("« "),
        "the transcript is printed on request: {out}"
    );
}

#[test]
fn bad_inputs_are_explained() {
    let (code, _, err) = analyze(&["/nonexistent/appel.wav"]);
    assert_eq!(code, 2);
    assert!(err.contains("Impossible de lire"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let not_wav = dir.path().join("x.wav");
    std::fs::write(&not_wav, "pas du son").unwrap();
    let (code, _, err) = analyze(&[not_wav.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("WAV"), "{err}");
    // A models folder without the models.
    let mut c = temoin_in(dir.path());
    c.args(["--lang", "en", "analyze"])
        .arg(example())
        .env("TEMOIN_MODELS", dir.path());
    let (code, _, err) = run(&mut c);
    assert_eq!(code, 2);
    assert!(
        err.contains("was not found") && err.contains("scripts/setup"),
        "{err}"
    );
    // Only the speech model missing: the voice is still measured, and the reason said.
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    for f in ["silero_vad.onnx", "onnxruntime"] {
        std::os::unix::fs::symlink(models.join(f), dir.path().join(f)).unwrap();
    }
    let mut c = temoin_in(dir.path());
    c.args(["--lang", "en", "analyze", "--json"])
        .arg(example())
        .env("TEMOIN_MODELS", dir.path());
    let (code, out, err) = run(&mut c);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("transcription model") && err.contains("--no-words"),
        "{err}"
    );
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(a["segments"][0]["f0_mean_hz"].is_number());
    assert!(a["segments"][0]["words"].is_null());
}
