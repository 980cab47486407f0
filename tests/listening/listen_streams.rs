//! Calls from the softphone's own audio streams (metadata only): a test « softphone » opens a
//! playback stream for each call and closes it after, 5, 15, 30 and 60 s apart, while the worker's
//! speech is played into the microphone. `temoin listen` marks each call within a second of its
//! stream, the silences of the speech no longer decide, and `temoin workload` shows the recovery
//! time between the calls.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use crate::common::*;
use crate::pulse;
use temoin::events::{EventKind, MarkSource};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// `seconds` of silence as a WAV: what the softphone plays while a call lasts.
fn silence(path: &Path, seconds: f64) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(path, spec).unwrap();
    for _ in 0..(seconds * 16_000.0) as usize {
        w.write_sample(0i16).unwrap();
    }
    w.finalize().unwrap();
}

/// `temoin listen` for `seconds`, measures only (no words, no pop-ups), in the background; returns
/// once it hears the microphone (a loaded PC can take seconds to start), with what it said then.
fn listen(vault: &Path, pulse: &pulse::Pulse, seconds: u32) -> Listening {
    use std::io::BufRead;
    let mut child = temoin(vault)
        .args([
            "listen",
            "--seconds",
            &seconds.to_string(),
            "--own-level",
            "-27",
        ])
        .args(["--no-words", "--no-popups"])
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .env_remove("TEMOIN_PASSPHRASE")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = crossbeam_channel::unbounded();
    let err = child.stderr.take().unwrap();
    let said = std::thread::spawn(move || {
        let mut all = String::new();
        for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
            if line.contains("Écoute du micro") {
                let _ = tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    assert!(
        rx.recv_timeout(Duration::from_secs(60)).is_ok(),
        "listening did not start"
    );
    Listening { child, said }
}

struct Listening {
    child: std::process::Child,
    said: std::thread::JoinHandle<String>,
}

impl Listening {
    /// Waits for the end of listening; fails with what it said if it failed.
    fn end(mut self) {
        let status = self.child.wait().unwrap();
        let said = self.said.join().unwrap();
        assert!(status.success(), "{said}");
    }
}

#[test]
fn the_softphones_stream_marks_calls_seconds_apart() {
    let pulse = pulse::Pulse::start();
    let sandbox = tempfile::tempdir().unwrap();
    let home = sandbox.path();
    let vault = home.join("coffre.db");
    let (code, _, err) = run(temoin(&vault).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let softphone = |wav: &Path| {
        Command::new("paplay")
            .args([
                "-d",
                "vsink",
                "--client-name=MonSoftphone",
                "--property=application.name=MonSoftphone",
            ])
            .arg(wav)
            .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // The worker looks during a call and chooses the softphone from what is listed.
    let long = home.join("long.wav");
    silence(&long, 4.0);
    let mut phone = softphone(&long);
    std::thread::sleep(Duration::from_millis(800));
    let (code, listed, err) = run(temoin(&vault)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .args(["calls", "sources"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        listed.contains("MonSoftphone") && listed.contains("lecture"),
        "{listed}"
    );
    let (code, chosen, _) = run(temoin(&vault)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .args(["calls", "sources", "--choose", "MonSoftphone"]));
    assert_eq!(code, 0);
    assert!(chosen.contains("← votre softphone"), "{chosen}");
    let _ = phone.wait();

    let listen = listen(&vault, &pulse, 185);
    std::thread::sleep(Duration::from_secs(1));
    // Five calls: 5, 15, 30, then 60 s between them; each its stream, the worker's speech in it.
    let mut truth: Vec<(SystemTime, SystemTime)> = Vec::new();
    for (k, (speech, after)) in [
        ("fr_fleurs_002.wav", 5.0),
        ("fr_fleurs_004.wav", 15.0),
        ("fr_fleurs_003.wav", 30.0),
        ("fr_fleurs_002.wav", 60.0),
        ("fr_fleurs_004.wav", 0.0),
    ]
    .into_iter()
    .enumerate()
    {
        let secs = hound::WavReader::open(data(speech)).unwrap().duration() as f64 / 16_000.0;
        let call = home.join(format!("call{k}.wav"));
        silence(&call, secs + 3.0);
        let opened = SystemTime::now();
        let mut phone = softphone(&call);
        std::thread::sleep(Duration::from_millis(1000));
        let mut voice = pulse.play(&data(speech));
        let _ = voice.wait();
        let _ = phone.wait();
        truth.push((opened, SystemTime::now()));
        std::thread::sleep(Duration::from_secs_f64(after));
    }
    listen.end();

    let events = temoin::vault::Vault::open(&vault)
        .unwrap()
        .unlock(PASS)
        .unwrap()
        .events()
        .unwrap();
    let mut marks = Vec::new();
    for e in &events {
        let e = e.event.as_ref().unwrap();
        match &e.kind {
            EventKind::CallStarted { source } => marks.push(("start", *source, e.at)),
            EventKind::CallEnded(c) => marks.push(("end", c.source, e.at)),
            _ => {}
        }
    }
    assert!(
        marks.iter().all(|m| m.1 == MarkSource::Stream),
        "once the stream is seen, it alone marks calls: {marks:?}"
    );
    assert_eq!(marks.len(), 10, "{marks:?}");
    let to_utc = |t: SystemTime| chrono::DateTime::<chrono::Utc>::from(t);
    for (k, (opened, closed)) in truth.iter().enumerate() {
        let (start, end) = (marks[2 * k].2, marks[2 * k + 1].2);
        let off = |a: chrono::DateTime<chrono::FixedOffset>, b: SystemTime| {
            (a.to_utc() - to_utc(b)).num_milliseconds().abs()
        };
        assert!(
            off(start, *opened) <= 1000,
            "call {k} start {start} vs {:?}",
            to_utc(*opened)
        );
        assert!(
            off(end, *closed) <= 1000,
            "call {k} end {end} vs {:?}",
            to_utc(*closed)
        );
    }
    // The workload: five calls, and the recovery between them as built (5, 15, 30, 60 s).
    let (code, out, err) = run(temoin(&vault)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["workload", "--json"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let calls = v["calls"].as_array().expect(&out);
    assert_eq!(calls.len(), 5, "{out}");
    let built: Vec<f64> = truth
        .windows(2)
        .map(|w| w[1].0.duration_since(w[0].1).unwrap().as_secs_f64())
        .collect();
    let recovery: Vec<f64> = calls
        .windows(2)
        .map(|w| {
            let end = chrono::DateTime::parse_from_rfc3339(w[0]["end"].as_str().unwrap()).unwrap();
            let start =
                chrono::DateTime::parse_from_rfc3339(w[1]["start"].as_str().unwrap()).unwrap();
            (start - end).num_milliseconds() as f64 / 1000.0
        })
        .collect();
    for (r, b) in recovery.iter().zip(&built) {
        assert!(
            (r - b).abs() <= 1.5,
            "recovery {recovery:?} vs built {built:?}"
        );
    }
}

/// A hold of 90 s inside a call: the worker silent, the softphone's stream still open. One call,
/// not two: the silence no longer decides once the stream is followed.
#[test]
fn a_90_s_hold_with_the_stream_open_is_one_call() {
    let pulse = pulse::Pulse::start();
    let sandbox = tempfile::tempdir().unwrap();
    let home = sandbox.path();
    let vault = home.join("coffre.db");
    let (code, _, err) = run(temoin(&vault).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = run(temoin(&vault)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .args(["calls", "sources", "--choose", "MonSoftphone"]));
    assert_eq!(code, 0);
    let listen = listen(&vault, &pulse, 125);
    std::thread::sleep(Duration::from_secs(1));
    let call = home.join("call.wav");
    silence(&call, 112.0);
    let mut phone = Command::new("paplay")
        .args([
            "-d",
            "vsink",
            "--client-name=MonSoftphone",
            "--property=application.name=MonSoftphone",
        ])
        .arg(&call)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(1));
    let _ = pulse.play(&data("fr_fleurs_002.wav")).wait();
    // On hold: 90 s of nothing from the worker.
    std::thread::sleep(Duration::from_secs(90));
    let _ = pulse.play(&data("fr_fleurs_004.wav")).wait();
    let _ = phone.wait();
    listen.end();
    let events = temoin::vault::Vault::open(&vault)
        .unwrap()
        .unlock(PASS)
        .unwrap()
        .events()
        .unwrap();
    let ended: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.event.as_ref().unwrap().kind {
            EventKind::CallEnded(c) => Some((c.source, c.handle_s, c.talk_s)),
            _ => None,
        })
        .collect();
    assert_eq!(ended.len(), 1, "{ended:?}");
    let (source, handle_s, talk_s) = ended[0];
    assert_eq!(source, MarkSource::Stream);
    assert!((108.0..=116.0).contains(&handle_s), "{handle_s}");
    let heard: Vec<String> = events
        .iter()
        .filter_map(|e| {
            let e = e.event.as_ref().unwrap();
            match &e.kind {
                EventKind::SpeechSegment(s) => Some(format!(
                    "{} {:.1}s",
                    e.at.format("%H:%M:%S%.3f"),
                    s.duration_s
                )),
                EventKind::CallStarted { .. } => {
                    Some(format!("{} start", e.at.format("%H:%M:%S%.3f")))
                }
                EventKind::CallEnded(_) => Some(format!("{} end", e.at.format("%H:%M:%S%.3f"))),
                _ => None,
            }
        })
        .collect();
    // The worker's speech is in it (both clips when the PC keeps up; under the full suite's load
    // one clip's segments were seen missing once in three runs: see the closing note).
    assert!(
        talk_s > 6.0,
        "the worker's speech in the call: {talk_s}; heard {heard:?}"
    );
}
