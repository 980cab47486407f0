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
    // Without a level, the least detailed leaves: daily figures, no note at all.
    let daily = d.path().join("jour.json");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--out"])
        .arg(&daily));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&bytes(&daily)).unwrap();
    assert_eq!(v["level"], "daily");
    assert_eq!(v["events"].as_array().map_or(0, Vec::len), 0);
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

/// A meta row set to a value, or removed.
type MetaChange = (&'static str, Option<Vec<u8>>);

/// Someone with a hand on the file puts their own key where new events are sealed (alone, with a
/// signing key of their own, or with the anchor removed): refused by a new run of `temoin` and by
/// the monitor that had the vault open, nothing written; the file put back, writing goes on.
#[test]
fn a_swapped_sealing_key_is_refused_not_used() {
    use ring::signature::{Ed25519KeyPair, KeyPair};
    let (_d, path, vault, _) = new_vault();
    drop(vault);
    typed_after(temoin(&path).arg("note"), "avant");
    let mut monitor = temoin::vault::Vault::open(&path).unwrap();
    let rows = || {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    let names = ["hpke_pk", "hpke_pk_sig", "anchor_pk"];
    let original: Vec<Vec<u8>> = names.iter().map(|n| meta(&path, n)).collect();
    let set = |values: &[MetaChange]| {
        let c = rusqlite::Connection::open(&path).unwrap();
        for (name, v) in values {
            match v {
                Some(v) => c
                    .execute(
                        "INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)",
                        rusqlite::params![name, v],
                    )
                    .unwrap(),
                None => c
                    .execute("DELETE FROM meta WHERE name = ?1", [name])
                    .unwrap(),
            };
        }
    };
    let theirs = [9u8; 32].to_vec();
    let rng = ring::rand::SystemRandom::new();
    let their_anchor =
        Ed25519KeyPair::from_pkcs8(Ed25519KeyPair::generate_pkcs8(&rng).unwrap().as_ref()).unwrap();
    let signed = their_anchor
        .sign(
            &[
                b"temoin/v1/sealing-key\n".as_slice(),
                &meta(&path, "vault_id"),
                &theirs,
            ]
            .concat(),
        )
        .as_ref()
        .to_vec();
    let attacks: [Vec<MetaChange>; 3] = [
        vec![("hpke_pk", Some(theirs.clone()))],
        vec![
            ("hpke_pk", Some(theirs.clone())),
            ("hpke_pk_sig", Some(signed)),
            (
                "anchor_pk",
                Some(their_anchor.public_key().as_ref().to_vec()),
            ),
        ],
        vec![
            ("hpke_pk", Some(theirs.clone())),
            ("hpke_pk_sig", None),
            ("anchor_pk", None),
        ],
    ];
    for attack in &attacks {
        set(attack);
        let before = rows();
        let (code, _, err) = run(temoin(&path).args(["call", "start"]));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("Les clés de ce coffre ont été remplacées"),
            "{err}"
        );
        assert!(matches!(
            monitor.append(&temoin::events::Event::now(EventKind::MonitoringResumed)),
            Err(temoin::vault::VaultError::KeysReplaced)
        ));
        assert_eq!(rows(), before, "nothing written");
        let restore: Vec<MetaChange> = names
            .iter()
            .copied()
            .zip(original.iter().cloned().map(Some))
            .collect();
        set(&restore);
    }
    // The file as it was: both write again.
    assert_eq!(run(temoin(&path).args(["call", "start"])).0, 0);
    note(&mut monitor, "après");
    assert_eq!(stored_events(&path).len(), 3);
}

fn exported_for(
    path: &std::path::Path,
    out: &std::path::Path,
    recipient: Option<&str>,
) -> serde_json::Value {
    let mut cmd = temoin(path);
    cmd.env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", "events", "--out"])
        .arg(out);
    if let Some(r) = recipient {
        cmd.args(["--for", r]);
    }
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    serde_json::from_slice(&bytes(out)).unwrap()
}

/// Two councils compare what they were given: each recipient named gets its own key, so nothing
/// links them; a checkpoint given for one extends that one's export only; and the file on the PC
/// holds no public key an export is signed with (the worker's pseudonym cannot be computed from it).
#[test]
fn each_recipient_gets_a_key_of_its_own_and_the_file_names_none() {
    let (d, path, vault, _) = new_vault();
    drop(vault);
    typed_after(temoin(&path).arg("note"), "Pause refusée");
    let acme = exported_for(&path, &d.path().join("acme.json"), Some("CSE Acme"));
    let doctor = exported_for(
        &path,
        &d.path().join("medecin.json"),
        Some("médecin du travail"),
    );
    let plain = exported_for(&path, &d.path().join("sans.json"), None);
    let key = |v: &serde_json::Value| v["worker"]["public_key"].as_str().unwrap().to_string();
    let pseudonym = |v: &serde_json::Value| v["worker"]["pseudonym"].as_str().unwrap().to_string();
    assert_ne!(key(&acme), key(&doctor));
    assert_ne!(key(&acme), key(&plain));
    assert_ne!(pseudonym(&acme), pseudonym(&doctor));
    // The same name, typed another way, is the same recipient.
    let again = exported_for(&path, &d.path().join("acme2.json"), Some("  cse   ACME "));
    assert_eq!(key(&again), key(&acme));
    for f in ["acme.json", "medecin.json", "sans.json"] {
        let (code, out, _) = run(temoin(&path).arg("verify").arg(d.path().join(f)));
        assert_eq!(code, 0, "{f}: {out}");
    }
    // A checkpoint for Acme: Acme's export extends it, the doctor's is not the same signer.
    let cp = d.path().join("point-acme.txt");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["checkpoint", "--for", "CSE Acme", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    let later = exported_for(&path, &d.path().join("acme3.json"), Some("CSE Acme"));
    assert_eq!(key(&later), key(&acme));
    let verify = |f: &str| {
        run(temoin(&path)
            .arg("verify")
            .arg(d.path().join(f))
            .arg("--checkpoint")
            .arg(&cp))
    };
    let (code, out, _) = verify("acme3.json");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Prolonge bien le point de contrôle"), "{out}");
    assert_eq!(verify("medecin.json").0, 1);
    // The worker's own check against it: with the name given then, and not without.
    let check = |name: Option<&str>| {
        let mut c = temoin(&path);
        c.env("TEMOIN_PASSPHRASE", PASS)
            .args(["check", "--checkpoint"])
            .arg(&cp);
        if let Some(n) = name {
            c.args(["--for", n]);
        }
        run(&mut c)
    };
    assert_eq!(check(Some("cse acme")).0, 0);
    let (code, out, _) = check(None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("indiquez le même nom"), "{out}");
    // The file and its journal hold none of the public keys exports were signed with.
    let disk = on_disk(&path);
    for v in [&acme, &doctor, &plain] {
        let pk: Vec<u8> = (0..32)
            .map(|i| u8::from_str_radix(&key(v)[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        assert!(
            !disk.windows(32).any(|w| w == pk.as_slice()),
            "a signing key in the clear"
        );
    }
}
