//! The worker's side of the witness: `temoin witness add` / `submit`, the cosignatures kept in the
//! vault and carried by exports, and what `verify` says of a vault cut or rolled back after a
//! cosignature, against `temoin witness serve` and against the PyPI witness (`aics-witness`).

use std::path::Path;

use crate::c2sp::{note_now, start_witness};
use crate::common::*;

struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The log key printed by `witness add` / `list` (the line naming a rows' origin).
fn log_key(out: &str) -> String {
    out.lines()
        .find(|l| l.starts_with("temoin-rows/"))
        .unwrap_or_else(|| panic!("no log key in {out}"))
        .to_string()
}

fn export_and_verify(path: &Path, dir: &Path, name: &str) -> (i32, String) {
    let out = dir.join(name);
    let (code, _, err) = run(temoin(path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", "daily", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    let (code, said, err) = run(temoin(path).arg("verify").arg(&out));
    (code, format!("{said}{err}"))
}

/// The vault's three files, copied (what an administrator keeps to roll the vault back).
fn copy_vault(from: &Path, to: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let f = |p: &Path| std::path::PathBuf::from(format!("{}{ext}", p.display()));
        let _ = std::fs::remove_file(f(to));
        if f(from).exists() {
            std::fs::copy(f(from), f(to)).unwrap();
        }
    }
}

/// A worker's vault and, beside it, the council's witness folder (`temoin witness init`): the
/// vault's folder, its path, the witness's folder and its key.
fn vault_and_witness() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    String,
) {
    let (dir, path, vault, _) = new_vault();
    drop(vault);
    let wdir = dir.path().join("cse");
    let (code, out, err) = run(temoin_in(dir.path())
        .args(["witness", "init"])
        .arg(&wdir)
        .args(["--name", "cse-acme.example/temoin"]));
    assert_eq!(code, 0, "{err}");
    let wkey = out.lines().last().unwrap().to_string();
    (dir, path, wdir, wkey)
}

#[test]
fn a_vault_rolled_back_after_a_cosignature_fails_verify_with_the_witness_date() {
    let (dir, path, wdir, _) = vault_and_witness();
    let (child, addr, wkey) = start_witness(&wdir);
    let _served = Served(child);
    let url = format!("http://{addr}");

    // Nothing is sent before a witness is added.
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_ne!(code, 0);
    assert!(said.is_empty());
    let (code, said, err) = run(temoin(&path).args(["witness", "add", &url, &wkey]));
    assert_eq!(code, 0, "{err}");
    assert!(said.contains("Rien d'autre"), "{said}");
    let key = log_key(&said);
    // Not enrolled yet: refused, counted, the key to give shown again.
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("ne connaît pas encore votre journal"),
        "{said}"
    );
    assert_eq!(log_key(&said), key);
    let (_, listed, _) = run(temoin(&path).args(["witness", "list"]));
    assert!(
        listed.contains("1 envoi a échoué depuis")
            && listed.contains("détail technique : HTTP 404"),
        "{listed}"
    );
    let (code, _, err) = run(temoin_in(dir.path())
        .args(["witness", "enroll"])
        .arg(&wdir)
        .arg(&key));
    assert_eq!(code, 0, "{err}");

    note_now(&path, 3);
    let (code, said, err) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 0, "{said}{err}");
    assert!(said.contains("contre-signé, 3 lignes"), "{said}");
    let (_, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert!(said.contains("rien de nouveau"), "{said}");
    // The administrator keeps a copy of the file here.
    let backup = dir.path().join("backup.db");
    copy_vault(&path, &backup);
    note_now(&path, 2);
    let (code, said, err) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 0, "{said}{err}");
    assert!(said.contains("contre-signé, 5 lignes"), "{said}");
    let (_, listed, _) = run(temoin(&path).args(["witness", "list"]));
    assert!(
        listed.contains("cse-acme.example/temoin") && listed.contains("5 lignes"),
        "{listed}"
    );
    let (code, said) = export_and_verify(&path, dir.path(), "before.json");
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("Cosigné par le témoin cse-acme.example/temoin") && said.contains("5 lignes"),
        "{said}"
    );

    // Cut: the last rows deleted (the export just recorded as given among them) and the chain's
    // head rewritten to match; the cosignature of 5 rows kept beside them says what is missing,
    // without asking the witness.
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute("DELETE FROM events WHERE seq >= 5", []).unwrap();
        let link: Vec<u8> = db
            .query_row("SELECT link FROM events WHERE seq = 4", [], |r| r.get(0))
            .unwrap();
        let head = [&4u64.to_be_bytes()[..], &link].concat();
        db.execute("UPDATE meta SET value = ?1 WHERE name = 'head'", [head])
            .unwrap();
    }
    let (code, said) = export_and_verify(&path, dir.path(), "cut.json");
    assert_ne!(code, 0, "{said}");
    assert!(
        said.contains("a cosigné 5 lignes de ce journal le") && said.contains("n'en a que 4"),
        "{said}"
    );

    // Rolled back to the copy (the cosignatures with it), then a new event: 4 rows, the witness
    // cosigned 5; the app asks the witness for its copy and keeps it.
    copy_vault(&backup, &path);
    note_now(&path, 1);
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("ATTENTION"), "{said}");
    let (code, said) = export_and_verify(&path, dir.path(), "after.json");
    assert_ne!(code, 0, "{said}");
    let today = chrono::Local::now().format("%d/%m/%Y").to_string();
    assert!(
        said.contains("a cosigné 5 lignes de ce journal le")
            && said.contains(&today)
            && said.contains("n'en a que 4"),
        "{said}"
    );

    // Rolled back and written again up to the same size: another log of 5 rows.
    copy_vault(&backup, &path);
    note_now(&path, 2);
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 2, "a fork of the same size is refused too: {said}");
    let (code, said) = export_and_verify(&path, dir.path(), "forked.json");
    assert_ne!(code, 0, "{said}");
    assert!(said.contains("ne prolonge pas ce que le témoin"), "{said}");
}

/// The PyPI witness cosigns the worker's log as `temoin witness submit` sends it, and an export
/// carries its cosignature, which `verify` checks.
#[test]
fn the_pypi_witness_cosigns_the_worker_s_log() {
    let python = c2sp_python();
    let (dir, path, vault, _) = new_vault();
    drop(vault);
    let config = dir.path().join("aics").join("witness.json");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let aics = |args: &[&str]| {
        let o = std::process::Command::new(&python)
            .args(["-m", "aics_witness"])
            .args(args)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let init = aics(&[
        "init",
        "--name",
        "aics.example/w1",
        "--listen",
        &format!("127.0.0.1:{port}"),
    ]);
    let wkey = init.trim().lines().last().unwrap().to_string();
    let url = format!("http://127.0.0.1:{port}");
    let (code, said, err) = run(temoin(&path).args(["witness", "add", &url, &wkey]));
    assert_eq!(code, 0, "{err}");
    let key = log_key(&said);
    let origin = key.split('+').next().unwrap();
    aics(&["add-log", "--origin", origin, "--vkey", &key]);
    let _served = Served(
        std::process::Command::new(&python)
            .args(["-m", "aics_witness", "serve", "--config"])
            .arg(&config)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    note_now(&path, 4);
    let mut said = String::new();
    for _ in 0..50 {
        let (code, out, _) = run(temoin(&path).args(["witness", "submit"]));
        said = out;
        if code == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(
        said.contains("aics.example/w1 : contre-signé, 4 lignes"),
        "{said}"
    );
    note_now(&path, 2);
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(
        code, 0,
        "a consistency proof the PyPI witness accepts: {said}"
    );
    let (code, said) = export_and_verify(&path, dir.path(), "export.json");
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("Cosigné par le témoin aics.example/w1") && said.contains("6 lignes"),
        "{said}"
    );
}

/// Clients that open a connection and never finish their headers (more of them than the witness
/// serves at once) are closed after ten seconds, and a worker's submission still gets through.
#[test]
fn idle_and_slow_clients_cannot_hold_the_witness() {
    use std::io::{Read, Write};
    let (dir, path, wdir, _) = vault_and_witness();
    let (child, addr, wkey) = start_witness(&wdir);
    let _served = Served(child);
    let (_, said, _) =
        run(temoin(&path).args(["witness", "add", &format!("http://{addr}"), &wkey]));
    let (code, _, _) = run(temoin_in(dir.path())
        .args(["witness", "enroll"])
        .arg(&wdir)
        .arg(log_key(&said)));
    assert_eq!(code, 0);
    note_now(&path, 2);
    let started = std::time::Instant::now();
    let mut idle: Vec<std::net::TcpStream> = (0..300)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.write_all(b"POST /add-checkpoint HTTP/1.1\r\nHost: w\r\n")
                .unwrap();
            s
        })
        .collect();
    let (code, said, _) = run(temoin(&path).args(["witness", "submit"]));
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("contre-signé, 2 lignes"), "{said}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // Each idle connection was closed by the witness, none after more than 30 s.
    let s = &mut idle[0];
    s.set_read_timeout(Some(std::time::Duration::from_secs(40)))
        .unwrap();
    let mut rest = Vec::new();
    assert!(s.read_to_end(&mut rest).is_ok(), "still open");
    assert!(started.elapsed() < std::time::Duration::from_secs(35));
}

/// The submitter the app runs all day: a witness out of reach is counted and tried again later,
/// never waited for; once it answers, each call ended brings a checkpoint, without the passphrase.
#[test]
fn the_app_sends_after_each_call_and_tries_again_a_witness_out_of_reach() {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};
    use temoin::witness::client::{Pace, Submitter};
    let (dir, path, wdir, wkey) = vault_and_witness();
    let log = {
        let mut v = temoin::vault::Vault::open(&path).unwrap();
        temoin::witness::client::log_vkey(&mut v).unwrap()
    };
    let (code, _, _) = run(temoin_in(dir.path())
        .args(["witness", "enroll"])
        .arg(&wdir)
        .arg(&log));
    assert_eq!(code, 0);
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let counters = Arc::new(temoin::pipeline::live::Counters::default());
    let submitter = Submitter::start_at(
        path.clone(),
        vec![temoin::settings::AddedWitness {
            url: format!("http://127.0.0.1:{port}"),
            key: wkey,
        }],
        Some(counters.clone()),
        Pace {
            look: Duration::from_millis(100),
            every: Duration::from_secs(3600),
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(2),
        },
    )
    .unwrap();
    let until = |what: &str, ok: &dyn Fn(&temoin::vault::Vault) -> bool| {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(15) {
            if ok(&temoin::vault::Vault::open(&path).unwrap()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{what} did not happen");
    };
    let cosigned = |v: &temoin::vault::Vault| v.cosigned().unwrap().iter().map(|c| c.size).max();
    // A call ends while the witness is down: tried, counted, nothing stored.
    note_now(&path, 2);
    counters.calls_ended.fetch_add(1, Ordering::Relaxed);
    until("a failure counted", &|v| {
        v.tries().unwrap().first().is_some_and(|t| t.failures >= 1)
    });
    assert_eq!(cosigned(&temoin::vault::Vault::open(&path).unwrap()), None);
    // The witness comes up: tried again on its own, without another call.
    let _served = Served(
        std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
            .args(["witness", "serve"])
            .arg(&wdir)
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    until("the retry cosigned", &|v| cosigned(v) == Some(2));
    assert_eq!(
        temoin::vault::Vault::open(&path).unwrap().tries().unwrap()[0].failures,
        0,
        "failures are counted since the last answer"
    );
    // Another call: another checkpoint.
    note_now(&path, 3);
    counters.calls_ended.fetch_add(1, Ordering::Relaxed);
    until("the checkpoint after the call", &|v| cosigned(v) == Some(5));
    // The end of the shift: the last rows sent before it returns.
    note_now(&path, 1);
    submitter.finish(Duration::from_secs(10));
    assert_eq!(
        cosigned(&temoin::vault::Vault::open(&path).unwrap()),
        Some(6)
    );
}

/// An export made while the app submits (the events read at 4 rows, the witness cosigning 5
/// meanwhile) carries the cosignature before, not a false cut; a cosignature of rows the vault
/// no longer holds is always carried.
#[test]
fn an_export_carries_the_cosignature_its_rows_extend_unless_the_vault_lost_rows() {
    use temoin::evidence::cosign::{self, VerifierKey};
    use temoin::evidence::identity::PublicKey;
    use temoin::evidence::rows::{self, Rows};
    let (_dir, path, vault, _) = new_vault();
    drop(vault);
    note_now(&path, 5);
    let mut v = temoin::vault::Vault::open(&path).unwrap();
    let log = v.make_log_key().unwrap();
    let w = ring::signature::Ed25519KeyPair::from_pkcs8(
        ring::signature::Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new())
            .unwrap()
            .as_ref(),
    )
    .unwrap();
    let wkey = VerifierKey::witness("cse.example/temoin", PublicKey::of(&w));
    let all = Rows::read(&v).unwrap();
    let cosign_at = |size: u64, root: [u8; 32]| {
        let note = temoin::evidence::note::sign_rows(&log, size, &root);
        let text = &note[..note.find("\n\n").unwrap() + 1];
        let line = cosign::cosign(&w, "cse.example/temoin", 1_764_500_000 + size, text);
        let (note, time) =
            rows::with_cosignature(&note, &String::from_utf8(line.to_bytes()).unwrap(), &wkey)
                .unwrap();
        temoin::vault::Cosigned {
            witness: wkey.to_text(),
            size,
            note,
            time,
        }
    };
    for size in [3, 5] {
        let c = cosign_at(size, all.tree(size).root());
        v.keep_cosigned(&c).unwrap();
    }
    let w4 = rows::witnessed(&v, 4).unwrap().unwrap();
    let (found, problems) = rows::check(&w4, 4);
    assert_eq!(problems, vec![]);
    assert_eq!(found.iter().map(|f| f.size).collect::<Vec<_>>(), vec![3]);
    // A cosignature of 6 rows the vault does not have: carried, and said.
    v.keep_cosigned(&cosign_at(6, [9; 32])).unwrap();
    let w5 = rows::witnessed(&v, 5).unwrap().unwrap();
    let (_, problems) = rows::check(&w5, 5);
    assert!(
        matches!(&problems[..], [rows::WitnessProblem::Cut { size: 5, by }] if by.size == 6),
        "{problems:?}"
    );
}
