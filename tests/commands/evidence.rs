//! Evidence against real files: a real vault, `temoin export`, `checkpoint` and `verify` as a
//! worker and a works council would run them; every byte of a bundle flipped; a subset bundle
//! with its proofs; a row deleted from the SQLite file after a checkpoint; malformed input.

use std::path::Path;

use crate::common::*;
use chrono::DateTime;
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
                    // Nothing a customer could be named by: these notes leave as written.
                    text: format!("note {i} du {}", &day[8..]),
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
    // A C2SP checkpoint note: origin, size, root, the time given, then the log's signature.
    let note = std::fs::read_to_string(&cp).unwrap();
    let lines: Vec<&str> = note.lines().collect();
    assert!(
        lines[0].starts_with("temoin/T-") && lines[1] == "9",
        "{note}"
    );
    assert!(lines[5].starts_with("— temoin/T-"), "{note}");
    assert!(out.contains(lines[0]), "{out}");
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
            "--level",
            "events",
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
    assert!(out.contains("du 03/11/2026 au 03/11/2026"), "{out}");
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
        .args(["export", "--level", "events", "--out"])
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
        .args(["export", "--level", "events", "--out"])
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
            .args(["export", "--level", "events", "--out"])
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
    let note = std::fs::read_to_string(&cp).unwrap();
    let size = note.lines().nth(1).unwrap().parse::<u64>().unwrap();
    let forged = note.replacen(&format!("\n{size}\n"), &format!("\n{}\n", size - 1), 1);
    let (code, _, err) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .args(["--checkpoint", &forged]));
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

/// An export of `args` from the vault, as JSON to tamper with.
fn exported(
    path: &Path,
    dir: &Path,
    name: &str,
    args: &[&str],
) -> (std::path::PathBuf, serde_json::Value) {
    let f = dir.join(name);
    let (code, _, err) = run(with_pass(&mut temoin(path))
        .arg("export")
        // The command line's default is the least detailed: these tests read events.
        .args(if args.contains(&"--level") {
            &[][..]
        } else {
            &["--level", "events"][..]
        })
        .args(args)
        .arg("--out")
        .arg(&f));
    assert_eq!(code, 0, "{err}");
    let v = serde_json::from_slice(&bytes(&f)).unwrap();
    (f, v)
}

/// `temoin verify` on this JSON: the exit code and what it says.
fn verify_json(path: &Path, file: &Path, v: &serde_json::Value) -> (i32, String) {
    std::fs::write(file, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    let (code, out, err) = run(temoin(path).arg("verify").arg(file));
    (code, out + &err)
}

#[test]
fn an_export_cut_or_added_to_by_whoever_relays_it_is_not_intact() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    // The same log, kept aside before the export records itself in it.
    let same = dir.path().join("same.db");
    std::fs::copy(&path, &same).unwrap();
    let (f, good) = exported(
        &path,
        dir.path(),
        "b.json",
        &["--from", "2026-11-03", "--to", "2026-11-03"],
    );
    assert_eq!(verify_json(&path, &f, &good).0, 0);

    // Two events taken out, their leaves hidden among the proof nodes: the root still follows,
    // the signed list does not.
    let mut cut = good.clone();
    let events = cut["events"].as_array_mut().unwrap();
    let taken: Vec<serde_json::Value> = vec![events.remove(1), events.remove(1)];
    for e in &taken {
        cut["proof_nodes"][format!("0/{}", e["index"])] = e["leaf"].clone();
    }
    let (code, said) = verify_json(&path, &f, &cut);
    assert_eq!(code, 1, "{said}");
    let (a, b) = (
        taken[0]["index"].as_u64().unwrap() + 1,
        taken[1]["index"].as_u64().unwrap() + 1,
    );
    assert!(
        said.contains(&format!(
            "2 événements annoncés manquent : n° {a} et n° {b}."
        )),
        "{said}"
    );
    assert!(!said.contains("Intact."), "{said}");

    // Emptied: every event announced is missing.
    let mut empty = good.clone();
    empty["events"] = serde_json::json!([]);
    empty["proof_nodes"] = serde_json::json!({});
    let (code, said) = verify_json(&path, &f, &empty);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("4 événements annoncés manquent"), "{said}");
    let (code, said) = {
        std::fs::write(&f, serde_json::to_vec_pretty(&empty).unwrap()).unwrap();
        let (c, o, e) = run(temoin(&path).args(["--lang", "en", "verify"]).arg(&f));
        (c, o + &e)
    };
    assert_eq!(code, 1);
    assert!(said.contains("4 events announced are missing"), "{said}");

    // An event from another export of the same worker (same log, the next day), with that
    // export's proof nodes: its leaf is genuine, but it was not in this export.
    let (_, other) = exported(
        &same,
        dir.path(),
        "c.json",
        &["--from", "2026-11-04", "--to", "2026-11-04"],
    );
    assert_eq!(other["log"], good["log"], "both from the same log");
    let mut added = good.clone();
    let stranger = other["events"][0].clone();
    added["events"]
        .as_array_mut()
        .unwrap()
        .push(stranger.clone());
    for (k, h) in other["proof_nodes"].as_object().unwrap() {
        added["proof_nodes"][k] = h.clone();
    }
    let (code, said) = verify_json(&path, &f, &added);
    assert_eq!(code, 1, "{said}");
    let n = stranger["index"].as_u64().unwrap() + 1;
    assert!(
        said.contains(&format!(
            "1 événement ajouté sans figurer dans la liste signée : n° {n}."
        )),
        "{said}"
    );
    assert!(said.contains("hors de la période"), "{said}");

    // An event's date moved into the period: it is no longer the event that was logged.
    let mut shifted = good.clone();
    shifted["events"][0]["event"]["at"] = "2026-11-03T23:59:00+01:00".into();
    let (code, said) = verify_json(&path, &f, &shifted);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("a été modifié"), "{said}");

    // The signed list itself changed: the signature fails.
    let mut relisted = good.clone();
    relisted["holds"]["count"] = 2.into();
    let (code, said) = verify_json(&path, &f, &relisted);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("Signature invalide"), "{said}");

    // A field nobody knows is refused, not ignored.
    let mut extra = good.clone();
    extra["comment"] = "ajouté".into();
    let (code, said) = verify_json(&path, &f, &extra);
    assert_eq!(code, 2, "{said}");
}

#[test]
fn daily_figures_are_bounded_and_said_to_be_signed_not_proven() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let (f, good) = exported(&path, dir.path(), "d.json", &["--level", "daily"]);
    let (code, said) = verify_json(&path, &f, &good);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains(
            "signés par l'appareil du salarié, ils ne sont pas prouvés événement par événement"
        ),
        "{said}"
    );
    // Made-up figures are refused even before the signature is looked at: the verdict names
    // the day.
    let mut worse = good.clone();
    worse["aggregates"][0]["active_s"] = (25.0 * 3600.0).into();
    let (code, said) = verify_json(&path, &f, &worse);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("Les chiffres du 02/11/2026 00:00 sont impossibles"),
        "{said}"
    );
    let mut more = good.clone();
    more["aggregates"][0]["emotion_flagged"] = 99.into();
    assert_eq!(verify_json(&path, &f, &more).0, 1);
    let mut negative = good.clone();
    negative["aggregates"][0]["popups"] = (-1).into();
    assert_eq!(verify_json(&path, &f, &negative).0, 2);
}

/// The vault's rows with their links, and the head, as stored.
fn rows_of(conn: &rusqlite::Connection) -> Vec<(i64, Vec<u8>, Vec<u8>)> {
    let mut stmt = conn
        .prepare("SELECT seq, blob, link FROM events ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn set_head(conn: &rusqlite::Connection, seq: i64, link: &[u8]) {
    let head = [&(seq as u64).to_be_bytes()[..], link].concat();
    conn.execute("UPDATE meta SET value = ?1 WHERE name = 'head'", [head])
        .unwrap();
}

#[test]
fn a_vault_cut_at_its_end_or_rolled_back_is_caught_against_a_checkpoint() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let older = dir.path().join("older.db");
    std::fs::copy(&path, &older).unwrap();
    three_days(&path);
    let cp = dir.path().join("cp.txt");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    let given = std::fs::read(&path).unwrap();

    // The last five rows deleted and the head moved back with them (one UPDATE): the chain
    // alone cannot tell.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows = rows_of(&conn);
    let keep = rows.len() as i64 - 5;
    conn.execute("DELETE FROM events WHERE seq > ?1", [keep])
        .unwrap();
    set_head(&conn, keep, &rows[keep as usize - 1].2);
    drop(conn);
    let (code, out, _) = run(temoin(&path).arg("check"));
    assert_eq!(code, 0, "without a checkpoint: {out}");
    let (code, out, err) = run(with_pass(&mut temoin(&path))
        .args(["check", "--checkpoint"])
        .arg(&cp));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!(
            "le journal comptait {} événements, il n'en a plus que {keep}",
            rows.len() - 1
        )),
        "{out}"
    );

    // Last month's copy put back in its place.
    std::fs::copy(&older, &path).unwrap();
    let (code, out, err) = run(with_pass(&mut temoin(&path))
        .args(["check", "--checkpoint"])
        .arg(&cp));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("le fichier remis à une copie plus ancienne"),
        "{out}"
    );

    // The file as it was when the checkpoint was given: it still holds.
    std::fs::write(&path, given).unwrap();
    let (code, out, err) = run(with_pass(&mut temoin(&path))
        .args(["check", "--full", "--checkpoint"])
        .arg(&cp));
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("il prolonge chaque point de contrôle donné"),
        "{out}"
    );
}

#[test]
fn a_row_replaced_by_one_sealed_with_the_public_key_alone_is_caught_with_the_passphrase() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    // The adversary holds the file (its public key) but not the passphrase. In a copy cut back
    // to row 4, they append a forged event: a new writing session, sealed properly, that says it
    // found row 4 and its link, as a real one would.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    {
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let rows = rows_of(&conn);
        conn.execute("DELETE FROM events WHERE seq > 4", [])
            .unwrap();
        set_head(&conn, 4, &rows[3].2);
    }
    let mut forger = temoin::vault::Vault::open(&copy).unwrap();
    forger
        .append(&Event {
            at: DateTime::parse_from_rfc3339("2026-11-03T10:01:00+01:00").unwrap(),
            kind: EventKind::Note {
                text: "tout va bien".into(),
            },
        })
        .unwrap();
    drop(forger);
    let forged_blob: Vec<u8> = rusqlite::Connection::open(&copy)
        .unwrap()
        .query_row("SELECT blob FROM events WHERE seq = 5", [], |r| r.get(0))
        .unwrap();
    // Row 5 of the real vault replaced by it, and every link after it computed again.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows = rows_of(&conn);
    let mut prev = rows[3].2.clone();
    let mut last = prev.clone();
    for (seq, blob, _) in rows.iter().skip(4) {
        let blob = if *seq == 5 { &forged_blob } else { blob };
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"temoin/v1/link");
        ctx.update(&prev);
        ctx.update(&(*seq as u64).to_be_bytes());
        ctx.update(&(blob.len() as u64).to_be_bytes());
        ctx.update(blob);
        let link = ctx.finish().as_ref().to_vec();
        conn.execute(
            "UPDATE events SET blob = ?2, link = ?3 WHERE seq = ?1",
            rusqlite::params![seq, blob, link],
        )
        .unwrap();
        prev = link.clone();
        last = link;
    }
    set_head(&conn, rows.len() as i64, &last);
    drop(conn);
    // The chain holds: without the passphrase nothing shows.
    let (code, out, _) = run(temoin(&path).arg("check"));
    assert_eq!(code, 0, "{out}");
    // With it, the row the first session wrote before row 6 is gone, and the foreign session
    // stands out in the list.
    let (code, out, err) = run(with_pass(&mut temoin(&path)).args(["check", "--full"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("dans la session commencée ligne 1, la ligne 5, écrite juste avant la ligne 6, n'est plus là telle qu'elle a été écrite"),
        "{out}"
    );
    assert!(
        out.contains("- ligne 5 : la ligne de commande le "),
        "{out}"
    );
}

#[test]
fn checking_while_the_app_appends_never_raises_a_false_alarm() {
    let (_dir, path, _, _) = new_vault();
    let writer_path = path.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopping = stop.clone();
    let written = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let counted = written.clone();
    let writer = std::thread::spawn(move || {
        let mut v = temoin::vault::Vault::open(&writer_path).unwrap();
        while !stopping.load(std::sync::atomic::Ordering::SeqCst) {
            let n = counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            v.append(&Event::now(EventKind::Note {
                text: format!("note {n}"),
            }))
            .unwrap();
        }
    });
    let reader = temoin::vault::Vault::open(&path).unwrap();
    // A thousand checks at least, and for as long as it takes the app to append 200 rows.
    let mut i = 0;
    while i < 1000 || written.load(std::sync::atomic::Ordering::SeqCst) < 200 {
        let r = reader.check().unwrap();
        assert_eq!(r.broken, None, "check {i} of {} rows", r.rows);
        i += 1;
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.join().unwrap();
}

#[test]
fn a_forked_log_and_an_unregistered_key_are_set_aside_by_the_council() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let (_, first) = exported(&path, &exports, "a.json", &["--level", "hourly"]);
    // The same vault copied, and the two copies going on apart: one key, two histories.
    let twin = dir.path().join("twin.db");
    std::fs::copy(&path, &twin).unwrap();
    for (p, text) in [(&path, "une"), (&twin, "autre")] {
        temoin::vault::Vault::open(p)
            .unwrap()
            .append(&Event {
                at: DateTime::parse_from_rfc3339("2026-11-04T11:00:00+01:00").unwrap(),
                kind: EventKind::Note { text: text.into() },
            })
            .unwrap();
    }
    exported(&path, &exports, "b.json", &["--level", "hourly"]);
    exported(&twin, &exports, "c.json", &["--level", "hourly"]);
    // Another worker, not in the register.
    let (_d2, other, _, _) = new_vault();
    three_days(&other);
    exported(&other, &exports, "d.json", &["--level", "hourly"]);
    let key = temoin::evidence::identity::PublicKey::from_slice(
        &temoin::evidence::merkle::from_hex(first["worker"]["public_key"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    let register = dir.path().join("registre.txt");
    std::fs::write(&register, key.fingerprint()).unwrap();
    let (code, out, err) = run(temoin(&path)
        .args(["aggregate", "--json", "--out"])
        .arg(dir.path().join("cse.html"))
        .arg("--registre")
        .arg(&register)
        .arg(&exports));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("journal divergent").count(), 3, "{err}");
    assert_eq!(err.matches("clé non enregistrée").count(), 1, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["workers"], 0, "{out}");
    // The council's terminal names the files; the report, passed around, says only why.
    assert!(err.contains("d.json"), "{err}");
    let html = std::fs::read_to_string(dir.path().join("cse.html")).unwrap();
    assert!(html.contains("4 fichiers écartés"), "{html}");
    assert!(
        html.contains("(3 fichiers)") && html.contains("(1 fichier)"),
        "{html}"
    );
    for name in ["a.json", "b.json", "c.json", "d.json"] {
        assert!(!html.contains(name), "{name} named in the report");
    }
    // Two exports of one log that grew in between are one worker, not a fork.
    std::fs::remove_file(exports.join("c.json")).unwrap();
    std::fs::remove_file(exports.join("d.json")).unwrap();
    let (code, out, err) = run(temoin(&path)
        .args(["aggregate", "--json", "--out"])
        .arg(dir.path().join("cse.html"))
        .arg("--registre")
        .arg(&register)
        .arg(&exports));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("divergent"), "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["workers"], 1, "{out}");
}

/// The largest resident size of the children waited for so far, in MB.
fn children_peak_mb() -> f64 {
    let mut u = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given.
    let u = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, u.as_mut_ptr());
        u.assume_init()
    };
    u.ru_maxrss as f64 / 1024.0
}

#[test]
fn a_bundle_padded_to_512_mb_is_verified_within_1_gb() {
    let (dir, path, _, _) = new_vault();
    three_days(&path);
    let (f, _) = exported(&path, dir.path(), "b.json", &[]);
    let good = bytes(&f);
    let text = String::from_utf8(good).unwrap();
    let at = text.find("\"events\": [").unwrap() + "\"events\": [".len();
    let target = bundle::MAX_BYTES as usize - 1024;
    // Whitespace where JSON allows it: still the same bundle, intact.
    let padded = dir.path().join("padded.json");
    {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&padded).unwrap());
        out.write_all(&text.as_bytes()[..at]).unwrap();
        let pad = vec![b' '; 1 << 20];
        let mut left = target - text.len();
        while left > 0 {
            let n = left.min(pad.len());
            out.write_all(&pad[..n]).unwrap();
            left -= n;
        }
        out.write_all(&text.as_bytes()[at..]).unwrap();
    }
    let (code, out, err) = run(temoin(&path).arg("verify").arg(&padded));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Intact."), "{out}");
    // A note padded to 500 MB inside an event: refused, memory bounded all the same.
    let huge = dir.path().join("huge.json");
    {
        use std::io::Write;
        let note = text.find("\"text\":\"note ").unwrap() + "\"text\":\"".len();
        let mut out = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        out.write_all(&text.as_bytes()[..note]).unwrap();
        let pad = vec![b'x'; 1 << 20];
        for _ in 0..500 {
            out.write_all(&pad).unwrap();
        }
        out.write_all(&text.as_bytes()[note..]).unwrap();
    }
    let (code, out, err) = run(temoin(&path).arg("verify").arg(&huge));
    assert_eq!(code, 2, "{out}{err}");
    let peak = children_peak_mb();
    assert!(peak < 1024.0, "a child took {peak:.0} MB");
    let _ = std::fs::remove_file(&padded);
    let _ = std::fs::remove_file(&huge);
}

/// A checkpoint given before checkpoints became C2SP notes (one line) still counts: `verify` and
/// `check` say the log extends it, and one with another size is refused as forged.
#[test]
fn a_checkpoint_of_the_one_line_form_still_verifies() {
    use temoin::evidence::merkle::to_hex;
    let (dir, path, vault, _) = new_vault();
    three_days(&path);
    let b = dir.path().join("b.json");
    let (code, _, err) = run(with_pass(&mut temoin(&path))
        .args(["export", "--level", "events", "--out"])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&bytes(&b)).unwrap();
    let (size, root) = (
        v["log"]["size"].as_u64().unwrap(),
        v["log"]["root"].as_str().unwrap(),
    );
    let key = vault.unlock(PASS).unwrap().signing_key(None);
    let pk = to_hex(ring::signature::KeyPair::public_key(&key).as_ref());
    let at = "2026-11-05T18:00:00+01:00";
    let signed = format!("temoin/v1/checkpoint\n{pk} {size} {root} {at}");
    let sig = to_hex(key.sign(signed.as_bytes()).as_ref());
    let line = format!("temoin-checkpoint 1 {pk} {size} {root} {at} {sig}");
    let (code, out, _) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .args(["--checkpoint", &line]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Prolonge bien le point de contrôle du 05/11/2026"),
        "{out}"
    );
    let (code, out, _) = run(with_pass(&mut temoin(&path)).args(["check", "--checkpoint", &line]));
    assert_eq!(code, 0, "{out}");
    let forged = line.replacen(&format!(" {size} "), &format!(" {} ", size - 1), 1);
    let (code, _, err) = run(temoin(&path)
        .arg("verify")
        .arg(&b)
        .args(["--checkpoint", &forged]));
    assert_eq!(code, 2, "{err}");
}
