//! A writer killed with SIGKILL mid-append loses at most the event it was writing: the vault
//! still opens, verifies, and holds every event that was acknowledged.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;
use temoin::events::EventKind;
use temoin::vault::Vault;

/// Appends notes in a loop through the real binary and prints `ack N` after each committed one,
/// then is killed, whole process group at once, after `after`.
fn append_then_kill(vault: &std::path::Path, round: u32, after: Duration) -> Vec<String> {
    let script =
        r#"i=0; while :; do "$1" note "r$2-$i" >/dev/null && echo "ack r$2-$i"; i=$((i+1)); done"#;
    let mut child = isolate(&mut Command::new("bash"), vault.parent().unwrap())
        .args(["-c", script, "loop"])
        .arg(env!("CARGO_BIN_EXE_temoin"))
        .arg(round.to_string())
        .env("TEMOIN_VAULT", vault)
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("bash");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("ack ") {
                let _ = tx.send(id.to_string());
            }
        }
    });
    std::thread::sleep(after);
    let pgid = child.id() as i32;
    let killed = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = child.wait();
    reader.join().unwrap();
    rx.try_iter().collect()
}

#[test]
fn killed_writers_lose_nothing_acknowledged() {
    let (_d, path, vault, _) = new_vault();
    drop(vault);
    let mut acked = Vec::new();
    let start = Instant::now();
    for round in 0..6u32 {
        // Kill times spread over a few process lifetimes so some land mid-append.
        let after = Duration::from_millis(150 + 37 * round as u64);
        acked.extend(append_then_kill(&path, round, after));
    }
    assert!(acked.len() >= 6, "too few appends acknowledged: {acked:?}");

    let vault = Vault::open(&path).expect("the vault opens after the kills");
    let report = vault.check().expect("check runs");
    assert_eq!(report.broken, None, "chain broken after kills");
    let unlocked = vault.unlock(PASS).unwrap();
    let stored: Vec<String> = unlocked
        .events()
        .unwrap()
        .into_iter()
        .map(|r| match r.event.expect("every row reads").kind {
            EventKind::Note { text } => text,
            other => panic!("unexpected event {other:?}"),
        })
        .collect();
    for id in &acked {
        assert!(stored.contains(id), "acknowledged {id} is missing");
    }
    // At most one unacknowledged (in-flight) event per kill.
    assert!(
        stored.len() <= acked.len() + 6,
        "{} stored, {} acked",
        stored.len(),
        acked.len()
    );
    eprintln!(
        "{} acknowledged, {} stored, in {:?}",
        acked.len(),
        stored.len(),
        start.elapsed()
    );
}
