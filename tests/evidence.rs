//! Evidence against real files: a real vault, `temoin export`, `checkpoint` and `verify` as a
//! worker and a works council would run them; every byte of a bundle flipped; a subset bundle
//! with its proofs; a row deleted from the SQLite file after a checkpoint; malformed input.

mod common;

use std::path::Path;

use chrono::DateTime;
use common::*;
use proptest::prelude::*;
use temoin::events::{Event, EventKind, PopupCategory, PopupSeen};
use temoin::evidence::bundle;

/// Three days of pop-ups and notes, written as the app would.
fn three_days(path: &Path) {
    let mut vault = temoin::vault::Vault::open(path).unwrap();
    for (day, n) in [("2026-11-02", 3), ("2026-11-03", 4), ("2026-11-04", 2)] {
        for i in 0..n {
            let at = DateTime::parse_from_rfc3339(&format!("{day}T10:{i:02}:00+01:00")).unwrap();
            let kind = if i % 2 == 0 {
                EventKind::PopupSeen(PopupSeen {
                    text: Some("Soyez plus empathique".into()),
                    category: Some(PopupCategory::Empathy),
                    emotion_flag: true,
                    count: 1,
                    ..Default::default()
                })
            } else {
                EventKind::Note {
                    text: format!("note {day} {i}"),
                }
            };
            vault.append(&Event { at, kind }).unwrap();
        }
    }
}

fn with_pass(cmd: &mut std::process::Command) -> &mut std::process::Command {
    cmd.env("TEMOIN_PASSPHRASE", PASS)
}

#[test]
fn export_checkpoint_verify_round_trip_and_a_subset_with_its_proofs() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let cp = dir.path().join("checkpoint.txt");
    let (code, out, err) = run(with_pass(&mut temoin(&path))
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("temoin-checkpoint 1 "), "{out}");
    assert!(
        out.contains('▀') || out.contains('█'),
        "a QR code is drawn: {out}"
    );
    // More events after the checkpoint, then a bundle of the middle day only.
    three_days(&path);
    let b = dir.path().join("novembre.json");
    let (code, out, err) = run(with_pass(&mut temoin(&path))
        .args([
            "export",
            "--from",
            "2026-11-03",
            "--to",
            "2026-11-03",
            "--out",
        ])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("8 événements"), "{out}");
    let (code, out, err) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .arg("--checkpoint")
        .arg(&cp));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Intact."), "{out}");
    assert!(out.contains("Prolonge bien le point de contrôle"), "{out}");
    assert!(out.contains("du 2026-11-03 au 2026-11-03"), "{out}");
    let json: serde_json::Value = serde_json::from_slice(&bytes(&b)).unwrap();
    assert_eq!(
        json["log"]["size"], 19,
        "18 events and the checkpoint's own record"
    );
    assert_eq!(json["events"].as_array().unwrap().len(), 8);
    // A subset carries a few proof nodes, not the whole log.
    let nodes = json["proof_nodes"].as_object().unwrap().len();
    assert!((1..=8).contains(&nodes), "{nodes} proof nodes");
    // The checkpoint pasted as text works as well as the file; in English too.
    let line = std::fs::read_to_string(&cp).unwrap();
    let (code, out, _) = run(temoin(&path)
        .args(["--lang", "en", "verify"])
        .arg(&b)
        .args(["--checkpoint", line.trim()]));
    assert_eq!(code, 0);
    assert!(
        out.contains("Intact.") && out.contains("Signed by T-"),
        "{out}"
    );
    // Daily figures instead of events.
    let d = dir.path().join("jours.json");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["export", "--level", "daily", "--out"])
        .arg(&d));
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_slice(&bytes(&d)).unwrap();
    let days = json["aggregates"].as_array().unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[0]["popups"], 4);
    assert_eq!(days[0]["emotion_flagged"], 4);
    assert!(json["events"].as_array().unwrap().is_empty());
    let (code, out, _) = run(temoin(&path)
        .arg("verify")
        .arg(&d)
        .arg("--checkpoint")
        .arg(&cp));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn one_byte_flipped_anywhere_fails_verification() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let b = dir.path().join("b.json");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["export", "--out"])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    let good = bytes(&b);
    assert!(bundle::verify(&good, &[]).unwrap().intact());
    for i in 0..good.len() {
        for flip in [0x01u8, 0x20, 0x80] {
            let mut bad = good.clone();
            bad[i] ^= flip;
            if let Ok(v) = bundle::verify(&bad, &[]) {
                assert!(!v.intact(), "byte {i} ^ {flip:#x} went unnoticed");
            }
        }
    }
    // The command says which event was altered, and exits 1.
    let text = String::from_utf8(good).unwrap();
    let altered = text.replacen("Soyez plus empathique", "Soyez plus aimable", 1);
    assert_ne!(altered, text);
    std::fs::write(&b, altered).unwrap();
    let (code, out, _) = run(temoin(&path).arg("verify").arg(&b));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("PAS INTACT"), "{out}");
    assert!(out.contains("L'événement n° 1 a été modifié"), "{out}");
    // A new leaf written beside the altered event does not help: the root does not follow.
    let v: serde_json::Value = serde_json::from_slice(&bytes(&b)).unwrap();
    let mut forged = v.clone();
    let ev = forged["events"][0]["event"].clone();
    let leaf = temoin::evidence::log::event_leaf(1, &ev);
    forged["events"][0]["leaf"] = temoin::evidence::merkle::to_hex(&leaf).into();
    std::fs::write(&b, serde_json::to_vec(&forged).unwrap()).unwrap();
    let (code, out, _) = run(temoin(&path).arg("verify").arg(&b));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ne mènent pas à la racine"), "{out}");
    // Nor does a made-up event, with its own right leaf, put before the real one at its place.
    let mut twice: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut fake = twice["events"][0].clone();
    fake["event"]["text"] = "inventé".into();
    let leaf = temoin::evidence::log::event_leaf(1, &fake["event"]);
    fake["leaf"] = temoin::evidence::merkle::to_hex(&leaf).into();
    twice["events"].as_array_mut().unwrap().insert(0, fake);
    std::fs::write(&b, serde_json::to_vec(&twice).unwrap()).unwrap();
    let (code, out, _) = run(temoin(&path).arg("verify").arg(&b));
    assert_eq!(code, 1, "{out}");
}

#[test]
fn an_event_deleted_after_a_checkpoint_is_caught() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let cp = dir.path().join("cp.txt");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    // Someone removes the second event from the SQLite file (and the chain with it).
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("DELETE FROM events WHERE seq = 2", [])
        .unwrap();
    drop(conn);
    let b = dir.path().join("b.json");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["export", "--out"])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .arg("--checkpoint")
        .arg(&cp));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Incohérent avec le point de contrôle"),
        "{out}"
    );
    // Without the checkpoint, the bundle is self-consistent: the checkpoint is what catches it.
    let (code, _, _) = run(temoin(&path).arg("verify").arg(&b));
    assert_eq!(code, 0);
}

#[test]
fn bad_input_gets_its_own_message_and_exit_2() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let b = dir.path().join("b.json");
    let cp = dir.path().join("cp.txt");
    assert_eq!(
        run(with_pass(&mut temoin(&path))
            .args(["checkpoint", "--out"])
            .arg(&cp))
        .0,
        0
    );
    assert_eq!(
        run(with_pass(&mut temoin(&path))
            .args(["export", "--out"])
            .arg(&b))
        .0,
        0
    );
    let good = bytes(&b);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "vide"),
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "coupé ou abîmé",
        ),
        ("other", b"{\"hello\": 1}".to_vec(), "pas un export Témoin"),
        (
            "version",
            String::from_utf8(good.clone())
                .unwrap()
                .replacen("\"version\": 2", "\"version\": 7", 1)
                .into_bytes(),
            "version 7",
        ),
        (
            "malformed",
            String::from_utf8(good.clone())
                .unwrap()
                .replacen("\"events\": [", "\"events\": 3, \"x\": [", 1)
                .into_bytes(),
            "abîmé",
        ),
    ];
    for (name, content, says) in cases {
        let f = dir.path().join(format!("{name}.json"));
        std::fs::write(&f, content).unwrap();
        let (code, out, err) = run(temoin(&path).arg("verify").arg(&f));
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(err.contains(says), "{name}: {err}");
    }
    // Oversized: refused before being read (a sparse file, no disk used).
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(bundle::MAX_BYTES + 1)
        .unwrap();
    let (code, _, err) = run(temoin(&path).arg("verify").arg(&huge));
    assert_eq!(code, 2);
    assert!(err.contains("trop gros"), "{err}");
    // A forged checkpoint (another size, same signature), and a missing file.
    let line = std::fs::read_to_string(&cp).unwrap();
    let mut fields: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    fields[3] = (fields[3].parse::<u64>().unwrap() - 1).to_string();
    let (code, _, err) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .args(["--checkpoint", &fields.join(" ")]));
    assert_eq!(code, 2);
    assert!(err.contains("fabriqué"), "{err}");
    let (code, _, err) = run(temoin(&path)
        .arg("verify")
        .arg(dir.path().join("absent.json")));
    assert_eq!(code, 2, "{err}");
    // The same export given twice is the same worker (the council counts them once).
    let again = dir.path().join("again.json");
    std::fs::copy(&b, &again).unwrap();
    let one = bundle::verify(&bytes(&b), &[]).unwrap();
    let two = bundle::verify(&bytes(&again), &[]).unwrap();
    assert_eq!(one.key, two.key);
}

#[test]
fn the_regression_corpus_is_read_without_a_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut seen = 0;
    for f in std::fs::read_dir(&dir).unwrap() {
        let f = f.unwrap().path();
        let b = std::fs::read(&f).unwrap();
        let verified = bundle::verify(&b, &[]);
        assert!(verified.map_or(true, |v| !v.intact()), "{}", f.display());
        let _ = temoin::evidence::checkpoint::Checkpoint::parse(&String::from_utf8_lossy(&b));
        seen += 1;
    }
    assert!(seen >= 5, "{seen} files");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_are_never_a_crash(b in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(v) = bundle::verify(&b, &[]) {
            prop_assert!(!v.intact());
        }
    }

    #[test]
    fn random_json_shaped_bundles_are_never_a_crash(
        size in any::<u64>(),
        index in any::<u64>(),
        node in "[0-9]{1,20}/[0-9]{1,20}",
        hexes in "[0-9a-f]{0,70}",
    ) {
        let text = format!(
            r#"{{"format":"temoin-bundle","version":1,"app_version":"x","created":"2026-11-25T10:00:00+01:00",
            "worker":{{"pseudonym":"T-0000-0000","public_key":"{k}"}},"period":{{"from":"2026-11-01","to":"2026-11-02"}},
            "level":"events","log":{{"size":{size},"root":"{k}"}},
            "events":[{{"index":{index},"seq":1,"leaf":"{hexes}","event":{{"type":"note","text":"x"}},"at":"x"}}],
            "proof_nodes":{{"{node}":"{hexes}"}},"signature":"{hexes}"}}"#,
            k = "ab".repeat(32)
        );
        if let Ok(v) = bundle::verify(text.as_bytes(), &[]) {
            prop_assert!(!v.intact());
        }
    }
}
