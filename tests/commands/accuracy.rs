//! Vocal indicators against Praat, measured side by side on the shared speech and signals
//! (tests/data/reference_results.json, made by `../shared/audio/reference.py`).

use std::collections::HashMap;
use std::path::Path;

use temoin::features::{Measures, measure};

fn load(path: &Path) -> (Vec<f32>, f64) {
    let mut r = hound::WavReader::open(path).unwrap();
    let spec = r.spec();
    let x: Vec<f32> = r
        .samples::<i16>()
        .map(|s| s.unwrap() as f32 / 32768.0)
        .collect();
    (x, spec.sample_rate as f64)
}

struct Row {
    name: String,
    ours: Measures,
    praat: serde_json::Value,
}

fn rows() -> Vec<Row> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let refs: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("reference_results.json")).unwrap(),
    )
    .unwrap();
    refs["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let name = r["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            let path = if data.join(&name).exists() {
                data.join(&name)
            } else {
                data.join("synth").join(&name)
            };
            let (x, sr) = load(&path);
            Row {
                name,
                ours: measure(&x, sr),
                praat: r["praat"].clone(),
            }
        })
        .collect()
}

fn rel(ours: Option<f64>, praat: &serde_json::Value) -> Option<f64> {
    Some((ours? - praat.as_f64()?) / praat.as_f64()?)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[test]
fn indicators_match_praat() {
    let rows = rows();
    let by: HashMap<&str, &Row> = rows.iter().map(|r| (r.name.as_str(), r)).collect();
    eprintln!(
        "{:<28} {:>16} {:>16} {:>14} {:>14} {:>12} {:>14} {:>8}",
        "file", "F0 ours/praat", "sd", "jitter%", "shimmer%", "HNR", "int dB", "pause"
    );
    for r in &rows {
        let p = &r.praat;
        let f = |o: Option<f64>, k: &str| {
            format!(
                "{:.2}/{:.2}",
                o.unwrap_or(f64::NAN),
                p[k].as_f64().unwrap_or(f64::NAN)
            )
        };
        eprintln!(
            "{:<28} {:>16} {:>16} {:>14} {:>14} {:>12} {:>14} {:>8} syl/s {:.2} voiced {:.2}/{:.2}",
            r.name,
            f(r.ours.f0_mean_hz, "f0_mean_hz"),
            f(r.ours.f0_sd_hz, "f0_std_hz"),
            f(r.ours.jitter_local_pct, "jitter_local_pct"),
            f(r.ours.shimmer_local_pct, "shimmer_local_pct"),
            f(r.ours.hnr_db, "hnr_db"),
            f(r.ours.intensity_db, "intensity_mean_db"),
            f(r.ours.pause_ratio, "pause_ratio"),
            r.ours.syllables_per_s.unwrap_or(f64::NAN),
            r.ours.voiced_s,
            p["voiced_duration_s"].as_f64().unwrap(),
        );
    }

    // Tones: F0 within 0.5 %.
    for name in [
        "sine_100hz.wav",
        "sine_150hz.wav",
        "sine_220hz.wav",
        "saw_100hz.wav",
        "saw_150hz.wav",
        "saw_220hz.wav",
    ] {
        let r = by[name];
        let e = rel(r.ours.f0_mean_hz, &r.praat["f0_mean_hz"])
            .unwrap()
            .abs();
        assert!(e < 0.005, "{name}: F0 off by {:.3} %", 100.0 * e);
    }
    // Real speech: mean F0 within 3 % on the median file, 10 % on every file.
    let speech: Vec<&Row> = rows
        .iter()
        .filter(|r| r.name.starts_with("en_") || r.name.starts_with("fr_"))
        .collect();
    let f0_err: Vec<f64> = speech
        .iter()
        .map(|r| {
            rel(r.ours.f0_mean_hz, &r.praat["f0_mean_hz"])
                .unwrap()
                .abs()
        })
        .collect();
    assert!(median(f0_err.clone()) < 0.03, "median F0 error {f0_err:?}");
    assert!(f0_err.iter().all(|&e| e < 0.10), "F0 error {f0_err:?}");
    // Jitter and shimmer within 20 % on the median file.
    let jit: Vec<f64> = speech
        .iter()
        .map(|r| rel(r.ours.jitter_local_pct, &r.praat["jitter_local_pct"]).unwrap())
        .collect();
    let shim: Vec<f64> = speech
        .iter()
        .map(|r| rel(r.ours.shimmer_local_pct, &r.praat["shimmer_local_pct"]).unwrap())
        .collect();
    assert!(
        median(jit.clone()).abs() < 0.20,
        "jitter relative errors {jit:?}"
    );
    assert!(
        median(shim.clone()).abs() < 0.20,
        "shimmer relative errors {shim:?}"
    );
    // HNR within 2 dB on speech.
    for r in &speech {
        let d = r.ours.hnr_db.unwrap() - r.praat["hnr_db"].as_f64().unwrap();
        assert!(d.abs() < 2.0, "{}: HNR off by {d:.2} dB", r.name);
    }
    // The −12 dB tone reads 12 ± 0.5 dB lower.
    let drop = by["sine_150hz.wav"].ours.intensity_db.unwrap()
        - by["sine_150hz_minus12db.wav"].ours.intensity_db.unwrap();
    assert!((drop - 12.0).abs() < 0.5, "level drop {drop:.2} dB");
    // Tone–gap–tone: pause ratio 0.33 ± 0.02.
    let pr = by["sine_150hz_gap.wav"].ours.pause_ratio.unwrap();
    assert!((pr - 0.33).abs() <= 0.02, "pause ratio {pr:.3}");
    // espeak pairs: F0 follows the pitch setting, syllable rate the speed.
    for lang in ["en", "fr"] {
        for speed in ["130", "200"] {
            let lo = by[format!("espeak_{lang}_p30_s{speed}.wav").as_str()]
                .ours
                .f0_mean_hz
                .unwrap();
            let hi = by[format!("espeak_{lang}_p70_s{speed}.wav").as_str()]
                .ours
                .f0_mean_hz
                .unwrap();
            assert!(hi > lo, "{lang} s{speed}: F0 p70 {hi:.1} ≤ p30 {lo:.1}");
        }
        for pitch in ["30", "70"] {
            let slow = by[format!("espeak_{lang}_p{pitch}_s130.wav").as_str()]
                .ours
                .syllables_per_s
                .unwrap();
            let fast = by[format!("espeak_{lang}_p{pitch}_s200.wav").as_str()]
                .ours
                .syllables_per_s
                .unwrap();
            assert!(
                fast > slow,
                "{lang} p{pitch}: syllable rate s200 {fast:.2} ≤ s130 {slow:.2}"
            );
        }
    }
}
