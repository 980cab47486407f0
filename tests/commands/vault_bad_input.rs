//! Every bad input gets its own message, and the file is left byte for byte as it was.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use rusqlite::Connection;

/// Runs a command that must fail with exit 2, a message containing `expect`, and `path` unchanged.
fn refused(path: &Path, cmd: &mut Command, expect: &str) {
    let before = bytes(path);
    let (code, out, err) = run(cmd);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    assert!(err.contains(expect), "expected {expect:?} in: {err}");
    assert_eq!(bytes(path), before, "the file changed");
}

fn vault_with_notes(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (d, path) = temp_vault_path();
    run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    for i in 0..n {
        run(temoin(&path).args(["note", &format!("note {i}")]));
    }
    (d, path)
}

#[test]
fn wrong_passphrase() {
    let (_d, path) = vault_with_notes(1);
    refused(
        &path,
        temoin(&path)
            .arg("events")
            .env("TEMOIN_PASSPHRASE", "tout autre chose"),
        "Phrase de passe incorrecte",
    );
    refused(
        &path,
        temoin(&path)
            .arg("passwd")
            .env("TEMOIN_PASSPHRASE", "tout autre chose")
            .env("TEMOIN_NEW_PASSPHRASE", "nouvelle phrase longue"),
        "Phrase de passe incorrecte",
    );
}

#[test]
fn wrong_recovery_code_and_a_code_that_is_not_one() {
    let (_d, path) = vault_with_notes(1);
    refused(
        &path,
        temoin(&path)
            .arg("recover")
            .env(
                "TEMOIN_RECOVERY_CODE",
                "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ",
            )
            .env("TEMOIN_NEW_PASSPHRASE", "nouvelle phrase longue"),
        "Code de récupération incorrect",
    );
    refused(
        &path,
        temoin(&path)
            .arg("recover")
            .env("TEMOIN_RECOVERY_CODE", "pas un code")
            .env("TEMOIN_NEW_PASSPHRASE", "nouvelle phrase longue"),
        "Code de récupération incorrect",
    );
}

#[test]
fn a_short_new_passphrase_is_refused() {
    let (_d, path) = vault_with_notes(1);
    refused(
        &path,
        temoin(&path)
            .arg("passwd")
            .env("TEMOIN_PASSPHRASE", PASS)
            .env("TEMOIN_NEW_PASSPHRASE", "court"),
        "trop courte",
    );
    let (_d2, fresh) = temp_vault_path();
    let (code, _, err) = run(temoin(&fresh).arg("init").env("TEMOIN_PASSPHRASE", "court"));
    assert_eq!(code, 2);
    assert!(err.contains("trop courte"), "{err}");
    assert!(!fresh.exists(), "no vault is left behind");
}

#[test]
fn a_file_that_is_not_a_vault() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "ceci n'est pas un coffre\n".repeat(200)).unwrap();
    for args in [&["note", "x"][..], &["events"], &["check"]] {
        refused(
            &text,
            temoin(&text).args(args).env("TEMOIN_PASSPHRASE", PASS),
            "n'est pas un coffre Témoin",
        );
    }
    // Another application's SQLite database.
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    refused(
        &other,
        temoin(&other).args(["note", "x"]),
        "n'est pas un coffre Témoin",
    );
    // An empty file.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    refused(
        &empty,
        temoin(&empty).args(["note", "x"]),
        "n'est pas un coffre Témoin",
    );
    // A directory.
    let (code, _, err) = run(temoin(dir.path()).args(["note", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("n'est pas un coffre Témoin"), "{err}");
}

#[test]
fn init_never_overwrites() {
    let (_d, path) = vault_with_notes(2);
    refused(
        &path,
        temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS),
        "Témoin ne l'écrase jamais",
    );
}

#[test]
fn a_vault_from_a_newer_version() {
    let (_d, path) = vault_with_notes(1);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    refused(
        &path,
        temoin(&path).args(["note", "x"]),
        "version plus récente",
    );
    refused(
        &path,
        temoin(&path)
            .args(["--lang", "en", "events"])
            .env("TEMOIN_PASSPHRASE", PASS),
        "made by a newer Témoin",
    );
}

#[test]
fn a_truncated_vault() {
    let (_d, path) = vault_with_notes(300);
    let len = std::fs::metadata(&path).unwrap().len();
    assert!(
        len > 40_000,
        "the vault should span several pages ({len} bytes)"
    );
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    refused(
        &path,
        temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS),
        "Le fichier du coffre est coupé",
    );
    // `check` says what happened and what to do, not "run check" again, nor SQLite's English.
    let (_, _, err) = run(temoin(&path).arg("check"));
    assert!(
        err.contains("sa fin manque") && err.contains("copie complète"),
        "{err}"
    );
    assert!(
        !err.contains("malformed") && !err.contains("temoin check"),
        "{err}"
    );
    refused(
        &path,
        temoin(&path).args(["--lang", "en", "check"]),
        "The vault file is cut",
    );
}

#[test]
fn a_vault_with_garbage_pages() {
    let (_d, path) = vault_with_notes(300);
    let mut raw = bytes(&path);
    // Keep the header page; scribble over the pages after it.
    for (i, b) in raw.iter_mut().enumerate().skip(4096).take(12_000) {
        *b = (i * 7919 % 251) as u8;
    }
    std::fs::write(&path, &raw).unwrap();
    refused(&path, temoin(&path).arg("check"), "endommagé");
    let (_, _, err) = run(temoin(&path).arg("check"));
    let sentence = err.lines().next().unwrap_or_default();
    assert!(
        !sentence.contains("malformed"),
        "SQLite's words only on the detail line: {err}"
    );
}

#[test]
fn a_read_only_vault_is_never_written() {
    let (_d, path) = vault_with_notes(1);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    refused(&path, temoin(&path).args(["note", "x"]), "lecture seule");
    refused(
        &path,
        temoin(&path)
            .arg("passwd")
            .env("TEMOIN_PASSPHRASE", PASS)
            .env("TEMOIN_NEW_PASSPHRASE", "nouvelle phrase longue"),
        "lecture seule",
    );
    // Reading still works.
    let before = bytes(&path);
    let (code, out, err) = run(temoin(&path).arg("events").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("note 0"));
    assert_eq!(bytes(&path), before);
}

/// A real full disk: a 256 KiB tmpfs in a private mount namespace (`unshare`, no root needed),
/// filled up, then `temoin note`. The script prints the vault's hash before and after.
#[test]
fn a_full_disk() {
    let (_d, path) = vault_with_notes(3);
    let script = r#"
        set -u
        D=$(mktemp -d)
        mount -t tmpfs -o size=256k tmpfs "$D" || exit 99
        cp "$1" "$D/vault.db"
        dd if=/dev/zero of="$D/fill" bs=1k 2>/dev/null
        sha256sum "$D/vault.db" | cut -d' ' -f1
        "$2" --vault "$D/vault.db" note "disque plein"; echo "rc=$?"
        sha256sum "$D/vault.db" | cut -d' ' -f1
        rm "$D/fill"
        TEMOIN_PASSPHRASE="$3" "$2" --vault "$D/vault.db" events
    "#;
    let out = isolate(&mut Command::new("unshare"), path.parent().unwrap())
        .args(["-rm", "bash", "-c", script, "full"])
        .arg(&path)
        .arg(env!("CARGO_BIN_EXE_temoin"))
        .arg(PASS)
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(
        out.status.code(),
        Some(99),
        "could not mount a tmpfs: {stderr}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 4, "{stdout}\n{stderr}");
    assert_eq!(lines[1], "rc=2", "{stdout}\n{stderr}");
    assert!(stderr.contains("Le disque est plein"), "{stderr}");
    assert_eq!(lines[0], lines[2], "the vault changed");
    // Earlier events are intact and readable once space is back.
    for i in 0..3 {
        assert!(stdout.contains(&format!("note {i}")), "{stdout}");
    }
    assert!(!stdout.contains("disque plein"));
}

/// The messages people met, in French and in English: the sentence names what is wrong and what
/// to do; the system's own words, if any, only on the « détail technique » line after it.
#[test]
fn what_people_met_reads_in_their_language() {
    let (d, path) = vault_with_notes(2);
    let nowhere = d.path().join("absent").join("releve.html");
    let nowhere = nowhere.to_str().unwrap();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["analyze", "absent.wav"],
            "Impossible de lire absent.wav : le fichier n'existe pas",
            "Cannot read absent.wav: the file does not exist",
        ),
        (
            &["verify", "absent.json"],
            "Impossible de lire absent.json : le fichier n'existe pas",
            "Cannot read absent.json: the file does not exist",
        ),
        (
            &["report", "--out", nowhere],
            "n'existe pas. Créez-le",
            "does not exist. Create it",
        ),
        (
            &["report", "--from", "29/13/2026", "--out", "x.html"],
            "JJ/MM/AAAA (par exemple 29/11/2026)",
            "DD/MM/YYYY (for example 29/11/2026)",
        ),
        (
            &["gui"],
            "Pas d'écran graphique ici",
            "No graphical display here",
        ),
    ];
    for (args, fr, en) in cases {
        for (lang, expected) in [("fr", fr), ("en", en)] {
            let (code, _, err) = run(temoin(&path)
                .current_dir(d.path())
                .args(["--lang", lang])
                .args(args)
                .env("TEMOIN_PASSPHRASE", PASS)
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY"));
            assert_ne!(code, 0, "{args:?}: {err}");
            let sentence = err.lines().next().unwrap_or_default();
            assert!(sentence.contains(expected), "{args:?} in {lang}: {err}");
            for english in ["os error", "No such file", "malformed", "winit", ".rs:"] {
                assert!(!sentence.contains(english), "{args:?} in {lang}: {err}");
            }
            if let Some(detail) = err.lines().nth(1) {
                let label = if lang == "fr" {
                    "détail technique : "
                } else {
                    "technical detail: "
                };
                assert!(detail.starts_with(label), "{args:?} in {lang}: {err}");
            }
        }
    }
}
