//! The vault through the real `temoin` binary and a real SQLite file.

use crate::common::*;
use rusqlite::Connection;

#[test]
fn note_needs_no_passphrase_and_reading_needs_it() {
    let (_d, path) = temp_vault_path();
    let (code, out, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Code de récupération"), "{out}");

    let (code, out, err) = run(temoin(&path).args(["note", "on m'a dit de sourire au téléphone"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Note enregistrée (n° 1)"), "{out}");

    let (code, out, err) = run(temoin(&path).arg("events"));
    assert_eq!(code, 2);
    assert!(!out.contains("sourire"));
    assert!(err.contains("TEMOIN_PASSPHRASE"), "{err}");

    let (code, out, err) = run(temoin(&path)
        .arg("events")
        .env("TEMOIN_PASSPHRASE", "pas la bonne phrase"));
    assert_eq!(code, 2);
    assert!(!out.contains("sourire"));
    assert!(err.contains("Phrase de passe incorrecte"), "{err}");

    let (code, out, err) = run(temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("on m'a dit de sourire au téléphone"), "{out}");

    let (code, out, _) = run(temoin(&path)
        .args(["--lang", "en", "events", "--json"])
        .env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["seq"], 1);
    assert_eq!(v[0]["kind"]["type"], "note");
    assert_eq!(v[0]["kind"]["text"], "on m'a dit de sourire au téléphone");
}

#[test]
fn the_file_holds_nothing_readable() {
    let (_d, path) = temp_vault_path();
    run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    for i in 0..20 {
        let (code, _, err) = run(temoin(&path).args(["note", &format!("surveillance-{i}")]));
        assert_eq!(code, 0, "{err}");
    }
    let raw = bytes(&path);
    let year = chrono::Utc::now().format("%Y").to_string();
    for needle in ["surveillance", "note", "\"type\"", &year, "text"] {
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle:?} readable in the vault file"
        );
    }
    // The same through SQL: every column of every table is a number or opaque bytes.
    let conn = Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT seq, typeof(blob), typeof(link), length(link) FROM events")
        .unwrap();
    let rows: Vec<(i64, String, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 20);
    assert!(
        rows.iter()
            .all(|r| r.1 == "blob" && r.2 == "blob" && r.3 == 32)
    );
    let names: Vec<String> = conn
        .prepare("SELECT name FROM meta ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        names,
        [
            "anchor_pk",
            "anchor_wrap",
            "device_wrap",
            "head",
            "hpke_pk",
            "hpke_pk_sig",
            "hpke_wrap",
            "kdf",
            "passphrase_salt",
            "passphrase_wrap",
            "recovery_pk_wrap",
            "recovery_salt",
            "recovery_sealed",
            "vault_id"
        ]
    );
}

/// A vault of six notes, tampered by `f` through plain SQL, then checked by `temoin check`.
fn tampered(f: impl FnOnce(&Connection)) -> (i32, String, String) {
    let (_d, path) = temp_vault_path();
    run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    for i in 1..=6 {
        run(temoin(&path).args(["note", &format!("n{i}")]));
    }
    let (code, out, _) = run(temoin(&path).arg("check"));
    assert_eq!((code, out.trim()), (0, "Coffre intact (6 lignes)."));
    {
        let conn = Connection::open(&path).unwrap();
        f(&conn);
    }
    let checked = run(temoin(&path).arg("check"));
    // Reading still lists what can be read.
    let (code, out, err) = run(temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Attention"), "{err}");
    assert!(out.contains("n1"), "{out}");
    checked
}

#[test]
fn an_edited_row_is_named() {
    let (code, out, _) = tampered(|c| {
        c.execute("UPDATE events SET blob = substr(blob, 1, 40) || X'00' || substr(blob, 42) WHERE seq = 4", [])
            .unwrap();
    });
    assert_eq!(code, 1);
    assert!(out.contains("la ligne 4 a été modifiée"), "{out}");
}

#[test]
fn a_deleted_row_is_named() {
    let (code, out, _) = tampered(|c| {
        c.execute("DELETE FROM events WHERE seq = 3", []).unwrap();
    });
    assert_eq!(code, 1);
    assert!(out.contains("la ligne 3 a été supprimée"), "{out}");
}

#[test]
fn reordered_rows_are_named() {
    let (code, out, _) = tampered(|c| {
        c.execute_batch(
            "UPDATE events SET seq = 100 WHERE seq = 2;
             UPDATE events SET seq = 2 WHERE seq = 5;
             UPDATE events SET seq = 5 WHERE seq = 100;",
        )
        .unwrap();
    });
    assert_eq!(code, 1);
    assert!(out.contains("la ligne 2 a été modifiée"), "{out}");
}

#[test]
fn a_cut_end_is_named() {
    let (code, out, _) = tampered(|c| {
        c.execute("DELETE FROM events WHERE seq > 4", []).unwrap();
    });
    assert_eq!(code, 1);
    assert!(
        out.contains("s'arrête à la ligne 4 alors qu'il en comptait 6"),
        "{out}"
    );
}

#[test]
fn an_edited_link_or_head_is_named() {
    let (code, out, _) = tampered(|c| {
        c.execute("UPDATE events SET link = zeroblob(32) WHERE seq = 6", [])
            .unwrap();
    });
    assert_eq!(
        (code, out.contains("la ligne 6 a été modifiée")),
        (1, true),
        "{out}"
    );
    let (code, out, _) = tampered(|c| {
        // The end cut off and the head's count lowered to match, without the right link.
        c.execute(
            "UPDATE meta SET value = X'0000000000000005' || zeroblob(32) WHERE name = 'head'",
            [],
        )
        .unwrap();
        c.execute("DELETE FROM events WHERE seq = 6", []).unwrap();
    });
    assert_eq!(code, 1);
    assert!(out.contains("en-tête"), "{out}");
}

#[test]
fn passwd_and_recover_keep_every_event_readable() {
    let (_d, path) = temp_vault_path();
    let (_, out, _) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    let code_line = out
        .lines()
        .find(|l| l.trim().len() == 39)
        .unwrap()
        .trim()
        .to_string();
    run(temoin(&path).args(["note", "avant"]));

    let (code, out, err) = run(temoin(&path)
        .arg("passwd")
        .env("TEMOIN_PASSPHRASE", PASS)
        .env("TEMOIN_NEW_PASSPHRASE", "une autre phrase longue"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Phrase de passe changée"));
    let (code, _, err) = run(temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 2);
    assert!(err.contains("incorrecte"));
    let (code, out, _) = run(temoin(&path)
        .arg("events")
        .env("TEMOIN_PASSPHRASE", "une autre phrase longue"));
    assert_eq!(code, 0);
    assert!(out.contains("avant"));

    // Wrong recovery code: refused, file unchanged.
    let before = bytes(&path);
    let (code, _, err) = run(temoin(&path)
        .arg("recover")
        .env(
            "TEMOIN_RECOVERY_CODE",
            "0000-0000-0000-0000-0000-0000-0000-0000",
        )
        .env("TEMOIN_NEW_PASSPHRASE", "encore une autre phrase"));
    assert_eq!(code, 2);
    assert!(err.contains("Code de récupération incorrect"), "{err}");
    assert_eq!(bytes(&path), before);

    // The recovery code, typed loosely, sets a new passphrase and is replaced.
    let typed = code_line.to_lowercase().replace('-', " ");
    let (code, out, err) = run(temoin(&path)
        .arg("recover")
        .env("TEMOIN_RECOVERY_CODE", &typed)
        .env("TEMOIN_NEW_PASSPHRASE", "encore une autre phrase"));
    assert_eq!(code, 0, "{err}");
    let fresh = out
        .lines()
        .find(|l| l.trim().len() == 39)
        .unwrap()
        .trim()
        .to_string();
    assert_ne!(fresh, code_line);
    let (code, out, _) = run(temoin(&path)
        .arg("events")
        .env("TEMOIN_PASSPHRASE", "encore une autre phrase"));
    assert_eq!(code, 0);
    assert!(out.contains("avant"));
    let (code, _, _) = run(temoin(&path)
        .arg("recover")
        .env("TEMOIN_RECOVERY_CODE", &typed)
        .env("TEMOIN_NEW_PASSPHRASE", "encore une autre phrase"));
    assert_eq!(code, 2, "a used recovery code must no longer work");
}

#[test]
fn english_messages_on_request() {
    let (_d, path) = temp_vault_path();
    let (code, _, err) = run(temoin(&path).args(["--lang", "en", "note", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("No Témoin vault at"), "{err}");
    assert!(err.contains("temoin init"), "{err}");
}

/// Someone who alters a row and recomputes every link after it (the chain has no key) passes
/// `check`, but not `check --full`: the sealed row no longer opens, and it is named.
#[test]
fn a_recomputed_chain_is_caught_when_rows_are_opened() {
    use ring::digest::{Context, SHA256};
    let (_d, path) = temp_vault_path();
    run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    for i in 1..=5 {
        run(temoin(&path).args(["note", &format!("n{i}")]));
    }
    {
        let conn = Connection::open(&path).unwrap();
        let rows: Vec<(i64, Vec<u8>, Vec<u8>)> = conn
            .prepare("SELECT seq, blob, link FROM events ORDER BY seq")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut prev = rows[1].2.clone();
        for (seq, mut blob, _) in rows.into_iter().skip(2) {
            if seq == 3 {
                let last = blob.len() - 20;
                blob[last] ^= 0x01;
            }
            let mut ctx = Context::new(&SHA256);
            ctx.update(b"temoin/v1/link");
            ctx.update(&prev);
            ctx.update(&(seq as u64).to_be_bytes());
            ctx.update(&(blob.len() as u64).to_be_bytes());
            ctx.update(&blob);
            let link = ctx.finish().as_ref().to_vec();
            conn.execute(
                "UPDATE events SET blob = ?2, link = ?3 WHERE seq = ?1",
                rusqlite::params![seq, blob, link],
            )
            .unwrap();
            prev = link;
        }
        let head = [&5u64.to_be_bytes()[..], &prev].concat();
        conn.execute("UPDATE meta SET value = ?1 WHERE name = 'head'", [head])
            .unwrap();
    }
    let (code, out, _) = run(temoin(&path).arg("check"));
    assert_eq!(code, 0, "the keyless chain alone cannot see it: {out}");
    let (code, out, err) = run(temoin(&path)
        .args(["check", "--full"])
        .env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("la ligne 3"), "{out}");
}
