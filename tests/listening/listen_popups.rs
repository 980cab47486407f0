//! Pop-ups held against the worker's own speech, live: a private PulseAudio plays the example
//! call into the microphone `temoin listen` captures, while real notifications arrive on a real
//! desktop. Each pop-up gets a verdict from the measurements taken around it.

use crate::{desktop, pulse};
use std::path::Path;
use std::time::Duration;

use crate::common::*;
use desktop::{Desktop, Watcher};
use temoin::events::{Consistency, EventKind, PopupCategory};
use temoin::vault::Vault;

#[test]
fn popups_while_listening_get_a_verdict_from_the_workers_speech() {
    let pulse = pulse::Pulse::start();
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut cmd = temoin(&path);
    desktop
        .env(&mut cmd)
        .env("TEMOIN_CONFIG", &config)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .args([
            "listen",
            "--seconds",
            "60",
            "--own-level",
            "-27",
            "--no-words",
        ]);
    let mut w = Watcher::spawn(cmd);
    w.expect(
        "Notifications : surveillance active",
        Duration::from_secs(20),
    );
    w.expect("Écoute du micro", Duration::from_secs(20));

    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav");
    let mut player = pulse.play(&example);
    std::thread::sleep(Duration::from_secs(4));
    // Silence cues every 2.5 s through the call: some land while the worker is speaking.
    for _ in 0..8 {
        desktop.notify("Verint", "Silence prolongé détecté", "");
        std::thread::sleep(Duration::from_millis(2500));
    }
    desktop.notify("Cogito", "Parlez plus vite", "");
    let _ = player.wait();
    std::thread::sleep(Duration::from_secs(2));
    let out = w.stop();
    assert!(out.contains("9 pop-ups enregistrés"), "{out}");

    let vault = Vault::open(&path).unwrap();
    let events = vault.unlock(PASS).unwrap().events().unwrap();
    let mut speech = 0;
    let mut popups = Vec::new();
    for e in events {
        match e.event.unwrap().kind {
            EventKind::SpeechSegment(_) => speech += 1,
            EventKind::PopupSeen(p) => popups.push(p),
            _ => {}
        }
    }
    assert!(speech >= 5, "{speech} segments");
    assert_eq!(popups.len(), 9);
    let silence: Vec<_> = popups
        .iter()
        .filter(|p| p.category == Some(PopupCategory::Silence))
        .collect();
    assert_eq!(silence.len(), 8);
    let contradicted = silence
        .iter()
        .filter(|p| p.consistency == Some(Consistency::Contradicted))
        .count();
    assert!(
        contradicted >= 2,
        "{contradicted} of 8 silence cues came while speaking"
    );
    // Never "consistent": the worker's own silence proves nothing about the call.
    assert!(
        silence
            .iter()
            .all(|p| p.consistency != Some(Consistency::Consistent))
    );
    // Every verdict carries the numbers it rests on.
    assert!(popups.iter().all(|p| p.measured.is_some()));
    let pace = popups
        .iter()
        .find(|p| p.category == Some(PopupCategory::PaceFaster))
        .unwrap();
    let m = pace.measured.as_ref().unwrap();
    assert!(m.speech_s > 5.0, "{m:?}");
    // Too little speech in the minute, and no usual rate yet on a first day: not measurable
    // rather than a guess.
    assert_eq!(pace.consistency, Some(Consistency::NotMeasurable));
}
