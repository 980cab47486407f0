//! Safe on the employer's own PC: what endpoint monitoring or a colleague can read of a running
//! `temoin` (its command line, its environment) holds no note and no passphrase.

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use crate::common::*;
use temoin::events::EventKind;

fn proc_file(pid: u32, name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(format!("/proc/{pid}/{name}")).unwrap_or_default())
        .into_owned()
}

/// Runs `cmd`, reads its command line and environment while it waits for the text, then types
/// `text` (here, piped) and waits for it to end.
fn typed_after(cmd: &mut std::process::Command, text: &str) -> (String, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let seen = (
        proc_file(child.id(), "cmdline"),
        proc_file(child.id(), "environ"),
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    seen
}

#[test]
fn a_note_and_the_passphrase_stay_out_of_the_process_list() {
    let (_d, path, vault, _) = new_vault();
    drop(vault);
    let note = "Le chef d'équipe m'a menacé de sanction";
    // The note typed (here, piped) after the command, never on its line; a passphrase in the
    // environment, as a script would give it.
    // The process waits for the note: what others can read of it meanwhile.
    let (cmdline, environ) = typed_after(
        temoin(&path).arg("note").env("TEMOIN_PASSPHRASE", PASS),
        note,
    );
    assert!(cmdline.contains("note"), "{cmdline:?}");
    assert!(!cmdline.contains("menacé"), "{cmdline:?}");
    assert!(
        !environ.contains(PASS),
        "the passphrase readable in /proc/PID/environ"
    );
    let notes: Vec<String> = stored_events(&path)
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::Note { text } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(notes, [note]);
    // Nothing given: nothing stored, and said.
    let (code, _, err) = run(temoin(&path).arg("note"));
    assert_eq!(code, 2);
    assert!(err.contains("Note vide"), "{err}");
    // The end-of-shift note too: « - » reads it, the command line holds none of it.
    let (cmdline, _) = typed_after(
        temoin(&path).args(["fin-de-service", "--frustration", "70", "--note", "-"]),
        "Trois clients agressifs",
    );
    assert!(!cmdline.contains("agressifs"), "{cmdline:?}");
    let stored = stored_events(&path).into_iter().find_map(|e| match e.kind {
        EventKind::SelfReport(r) => r.note,
        _ => None,
    });
    assert_eq!(stored.as_deref(), Some("Trois clients agressifs"));
}

/// Runs `temoin` with the passphrase, `args` and `--out out`; the mode of what it wrote.
#[cfg(unix)]
fn written(path: &std::path::Path, args: &[&str], out: &std::path::Path) -> u32 {
    let (code, _, err) = run(temoin(path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(args)
        .arg("--out")
        .arg(out));
    assert_eq!(code, 0, "{args:?}: {err}");
    mode(out)
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Everything Témoin writes is the worker's alone (0600 in folders made 0700), and no path it
/// writes through can be a link planted by someone else.
#[cfg(unix)]
#[test]
fn files_are_for_the_worker_only_and_no_planted_link_is_written_through() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("donnees/coffre.db");
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let mut c = temoin(&path);
    c.args(["popup", "--category", "thanks"]);
    assert_eq!(run(&mut c).0, 0);
    assert_eq!(mode(&path), 0o600, "the vault");
    assert_eq!(mode(path.parent().unwrap()), 0o700, "the vault's folder");
    for journal in ["coffre.db-wal", "coffre.db-shm"] {
        let j = path.with_file_name(journal);
        if j.exists() {
            assert_eq!(mode(&j) & 0o077, 0, "{journal}");
        }
    }
    // A link planted where older versions wrote their temporary file, pointing at a victim.
    let out = home.path().join("sorties/export.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let victim = home.path().join("victime.txt");
    std::fs::write(&victim, "à ne pas écraser").unwrap();
    std::os::unix::fs::symlink(&victim, out.with_extension("partial")).unwrap();
    let export_mode = written(&path, &["export", "--level", "daily"], &out);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "à ne pas écraser"
    );
    assert_eq!(export_mode, 0o600, "the export");
    let page = home.path().join("releve.html");
    assert_eq!(written(&path, &["report"], &page), 0o600, "the report");
    let point = home.path().join("point.txt");
    assert_eq!(
        written(&path, &["checkpoint"], &point),
        0o600,
        "the checkpoint"
    );
    let settings = home.path().join("reglages/settings.json");
    temoin::settings::Settings::default()
        .save(&settings)
        .unwrap();
    assert_eq!(mode(&settings), 0o600, "the settings");
    assert_eq!(
        mode(settings.parent().unwrap()),
        0o700,
        "the settings' folder"
    );
}

/// The weakest passphrases are refused in plain words, and nothing is created.
#[test]
fn a_passphrase_guessed_at_once_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coffre.db");
    for weak in ["motdepasse123", "azertyuiop", "password1234"] {
        let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", weak));
        assert_eq!(code, 2, "{weak}: {err}");
        assert!(err.contains("se devine trop vite"), "{weak}: {err}");
        assert!(!path.exists());
    }
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_customer_named_in_a_note_leaves_the_pc_masked_and_the_export_stays_verifiable() {
    let (d, path, vault, _) = new_vault();
    drop(vault);
    let note = "Le client M. Dupont (06 12 34 56 78, dossier 4455667) m'a insulté";
    typed_after(temoin(&path).arg("note"), note);
    typed_after(temoin(&path).arg("note"), "Pas de pause depuis 3 heures");
    let out = d.path().join("export.json");
    let (code, said, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", "events", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    // The worker is told what leaves masked, as it leaves.
    assert!(said.contains("Une note désignait un client"), "{said}");
    assert!(
        said.contains("M. [nom] ([téléphone], dossier [numéro])"),
        "{said}"
    );
    let text = String::from_utf8(bytes(&out)).unwrap();
    for leak in ["Dupont", "06 12", "4455667"] {
        assert!(!text.contains(leak), "{leak} left the PC");
    }
    assert!(text.contains("Pas de pause depuis 3 heures"));
    // The vault keeps the note as written.
    assert!(
        stored_events(&path)
            .iter()
            .any(|e| matches!(&e.kind, EventKind::Note { text } if text == note))
    );
    // Verified intact, the masking said; the masked text changed afterwards is caught.
    let (code, said, _) = run(temoin(&path).arg("verify").arg(&out));
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("Une note a été masquée par le travailleur"),
        "{said}"
    );
    // Every byte of a bundle with a masked note counts, as for any bundle.
    let good = text.as_bytes();
    for i in 0..good.len() {
        for flip in [0x01u8, 0x20, 0x80] {
            let mut bad = good.to_vec();
            bad[i] ^= flip;
            if let Ok(v) = temoin::evidence::bundle::verify(&bad, &[]) {
                assert!(!v.intact(), "byte {i} ^ {flip:#x} went unnoticed");
            }
        }
    }
    std::fs::write(&out, text.replace("m'a insulté", "m'a félicité")).unwrap();
    let (code, said, _) = run(temoin(&path).arg("verify").arg(&out));
    assert_eq!(code, 1, "{said}");
    // A masked row dressed as another kind is refused too (only notes are ever masked).
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let i = v["masked"][0]["index"].as_u64().unwrap();
    let mut forged = v.clone();
    for e in forged["events"].as_array_mut().unwrap() {
        if e["index"].as_u64() == Some(i) {
            e["event"]["type"] = "monitoring_resumed".into();
        }
    }
    std::fs::write(&out, serde_json::to_vec(&forged).unwrap()).unwrap();
    assert_eq!(run(temoin(&path).arg("verify").arg(&out)).0, 1);
}

/// Whoever copies the file reads row sizes: a note, pop-ups, call marks, a checkpoint given and
/// the first rows of each command's session all look alike.
#[test]
fn the_file_alone_does_not_tell_which_kind_of_row_was_written() {
    let (d, path, vault, _) = new_vault();
    drop(vault);
    typed_after(temoin(&path).arg("note"), "Pause refusée à 11 h");
    for args in [
        &["call", "start"][..],
        &["popup", "Client mécontent : soyez plus empathique"],
        &["call", "end"],
    ] {
        assert_eq!(run(temoin(&path).args(args)).0, 0);
    }
    let cp = d.path().join("point.txt");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let sizes: Vec<i64> = conn
        .prepare("SELECT length(blob) FROM events ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(sizes.len(), 5);
    assert!(sizes.iter().all(|&n| n == 768), "{sizes:?}");
}

const NEW_PASS: &str = "vieux moulin bleu sous la pluie";

fn note(vault: &mut temoin::vault::Vault, text: &str) {
    vault
        .append(&temoin::events::Event::now(EventKind::Note {
            text: text.into(),
        }))
        .unwrap();
}

/// The file and its journal, as whoever copies the folder gets them.
fn on_disk(path: &std::path::Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
    bytes
}

fn meta(path: &std::path::Path, name: &str) -> Vec<u8> {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap()
}

/// What an attacker does with a backup taken before the change and the file as it is now: the
/// rows written since, copied into the backup, opened with the old secret.
fn merged(backup: &std::path::Path, now: &std::path::Path, into: &std::path::Path) {
    std::fs::copy(backup, into).unwrap();
    let c = rusqlite::Connection::open(into).unwrap();
    c.execute("ATTACH ?1 AS now", [now.to_str().unwrap()])
        .unwrap();
    c.execute_batch(
        "INSERT INTO events SELECT * FROM now.events WHERE seq > (SELECT max(seq) FROM events);
         UPDATE meta SET value = (SELECT value FROM now.meta WHERE name = 'head') WHERE name = 'head';",
    )
    .unwrap();
}

fn backup_of(path: &std::path::Path, to: &std::path::Path) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute("VACUUM INTO ?1", [to.to_str().unwrap()])
        .unwrap();
}

/// `passwd` and `recover` rotate what protects new events: an old passphrase or recovery code,
/// with a backup of before, opens nothing written after the change (not even by a program that had
/// the vault open all along), and what was replaced is left neither in the file nor its journal.
#[test]
fn an_old_secret_with_a_backup_opens_nothing_written_after_the_change() {
    use temoin::vault::{RowProblem, Vault};
    let (d, path, mut vault, code) = new_vault();
    note(&mut vault, "avant");
    let backup = d.path().join("sauvegarde.db");
    backup_of(&path, &backup);
    // The monitor, open since the morning.
    let mut monitor = Vault::open(&path).unwrap();
    monitor.set_program(temoin::vault::Program::Listening);
    note(&mut monitor, "le matin, par le moniteur");
    let replaced: Vec<Vec<u8>> = [
        "passphrase_wrap",
        "hpke_wrap",
        "device_wrap",
        "recovery_sealed",
    ]
    .iter()
    .map(|n| meta(&path, n))
    .collect();
    vault.change_passphrase(PASS, NEW_PASS).unwrap();
    let disk = on_disk(&path);
    for old in &replaced {
        assert!(
            !disk.windows(old.len()).any(|w| w == old.as_slice()),
            "a replaced key is still in the file or its journal"
        );
    }
    note(&mut monitor, "après, par le moniteur");
    note(&mut vault, "après, par la fenêtre");
    let readable = |p: &std::path::Path, secret: Result<&str, &temoin::vault::RecoveryCode>| {
        let v = Vault::open(p).unwrap();
        let u = match secret {
            Ok(pass) => v.unlock(pass).unwrap(),
            Err(code) => v.unlock_with_recovery(code).unwrap(),
        };
        u.events()
            .unwrap()
            .into_iter()
            .map(|e| match e.event {
                Ok(e) => match e.kind {
                    EventKind::Note { text } => text,
                    _ => "autre".into(),
                },
                Err(RowProblem::Unreadable(_)) => "illisible".into(),
                Err(RowProblem::UnknownKind) => "inconnu".into(),
            })
            .collect::<Vec<_>>()
    };
    let all = [
        "avant",
        "le matin, par le moniteur",
        "après, par le moniteur",
        "après, par la fenêtre",
    ];
    // The worker reads everything, with the new passphrase and with the same recovery code.
    assert_eq!(readable(&path, Ok(NEW_PASS)), all);
    assert_eq!(readable(&path, Err(&code)), all);
    // The old passphrase and the backup: what was there then, nothing after.
    let attack = d.path().join("fusion.db");
    merged(&backup, &path, &attack);
    assert_eq!(
        readable(&attack, Ok(PASS)),
        [
            "avant",
            "le matin, par le moniteur",
            "illisible",
            "illisible"
        ]
    );
    assert!(Vault::open(&path).unwrap().unlock(PASS).is_err());
    // Recovered: the used code and a backup of before open nothing written after.
    let backup2 = d.path().join("sauvegarde2.db");
    backup_of(&path, &backup2);
    let fresh = vault.recover(&code, PASS).unwrap();
    note(&mut monitor, "après la récupération");
    assert!(
        Vault::open(&path)
            .unwrap()
            .unlock_with_recovery(&code)
            .is_err()
    );
    assert_eq!(
        readable(&path, Err(&fresh)).last().unwrap(),
        "après la récupération"
    );
    let attack2 = d.path().join("fusion2.db");
    merged(&backup2, &path, &attack2);
    assert_eq!(readable(&attack2, Err(&code)).last().unwrap(), "illisible");
    assert_eq!(
        readable(&attack2, Ok(NEW_PASS)).last().unwrap(),
        "illisible"
    );
    assert_eq!(readable(&attack2, Ok(NEW_PASS))[..4], all);
}
