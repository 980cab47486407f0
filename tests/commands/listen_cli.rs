//! `temoin listen` around the edges: the baseline resumed from the vault with the passphrase,
//! a wrong passphrase refused before anything starts, and no microphone at all.

use crate::common::*;
use chrono::{Duration, Utc};
use temoin::events::{Event, EventKind, SpeechSegment};

fn listen(vault: &std::path::Path, runtime: &std::path::Path) -> std::process::Command {
    let mut c = temoin(vault);
    c.args(["listen", "--seconds", "1.5", "--baseline"])
        .env("XDG_RUNTIME_DIR", runtime)
        .env("TEMOIN_CONFIG", runtime.join("settings.json"));
    c
}

#[test]
fn the_baseline_resumes_from_the_last_fourteen_days() {
    let (_d, path, mut vault, _) = new_vault();
    let segment = |f0| {
        EventKind::SpeechSegment(SpeechSegment {
            duration_s: 3.0,
            f0_mean_hz: Some(f0),
            ..Default::default()
        })
    };
    vault
        .append(&Event::at(Utc::now() - Duration::days(20), segment(150.0)))
        .unwrap();
    for f0 in [180.0, 185.0, 190.0] {
        vault
            .append(&Event::at(Utc::now() - Duration::days(2), segment(f0)))
            .unwrap();
    }
    vault
        .append(&Event::now(EventKind::Note {
            text: "pas une mesure".into(),
        }))
        .unwrap();
    drop(vault);
    // No sound server in this runtime folder: no microphone, and listening runs anyway.
    let runtime = tempfile::tempdir().unwrap();

    let before = bytes(&path);
    let (code, _, err) =
        run(listen(&path, runtime.path()).env("TEMOIN_PASSPHRASE", "pas la bonne phrase"));
    assert_eq!(code, 2);
    assert!(err.contains("Phrase de passe incorrecte"), "{err}");
    assert_eq!(bytes(&path), before, "nothing started, nothing written");

    // Nothing heard: said, with why and what to do, and not a success.
    let (code, out, err) = run(listen(&path, runtime.path()).env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Ligne de base reprise : 3 segments"), "{err}");
    assert!(err.contains("L'écoute reprendra d'elle-même"), "{err}");
    assert!(out.contains("0 segment de votre voix mesuré"), "{out}");
    assert!(
        err.contains("Rien n'a été mesuré : aucun son n'est arrivé du micro"),
        "{err}"
    );
    assert!(err.contains("temoin listen --list"), "{err}");
    // The end is stored as the end of listening, not as a privacy pause the worker never took.
    let (code, listed, err) = run(temoin(&path).env("TEMOIN_PASSPHRASE", PASS).arg("events"));
    assert_eq!(code, 0, "{err}");
    assert!(listed.contains("Fin de l'écoute"), "{listed}");
    assert!(!listed.contains("Pause de confidentialité"), "{listed}");
}

#[test]
fn a_read_only_vault_is_refused_before_listening() {
    let (_d, path, vault, _) = new_vault();
    drop(vault);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let runtime = tempfile::tempdir().unwrap();
    let before = bytes(&path);
    let mut c = temoin(&path);
    c.args(["listen", "--seconds", "1"])
        .env("XDG_RUNTIME_DIR", runtime.path());
    let (code, _, err) = run(&mut c);
    assert_eq!(code, 2);
    assert!(err.contains("lecture seule"), "{err}");
    assert_eq!(bytes(&path), before);
}

/// `calibrate` without a microphone stops at once and says what to do: no promise of a retry
/// it will not make.
#[test]
fn calibrate_without_a_microphone_says_what_to_do() {
    let (d, path) = temp_vault_path();
    let runtime = tempfile::tempdir().unwrap();
    let (code, _, err) = run(temoin(&path)
        .args(["calibrate", "--seconds", "2"])
        .env("XDG_RUNTIME_DIR", runtime.path()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("recommencez"), "{err}");
    assert!(!err.contains("automatique"), "{err}");
    assert!(!d.path().join("settings.json").exists());
}
