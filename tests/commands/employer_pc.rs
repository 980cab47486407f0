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

#[test]
fn a_note_and_the_passphrase_stay_out_of_the_process_list() {
    let (_d, path, vault, _) = new_vault();
    drop(vault);
    let note = "Le chef d'équipe m'a menacé de sanction";
    // The note typed (here, piped) after the command, never on its line; a passphrase in the
    // environment, as a script would give it.
    let mut child = temoin(&path)
        .arg("note")
        .env("TEMOIN_PASSPHRASE", PASS)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process waits for the note: what others can read of it meanwhile.
    std::thread::sleep(Duration::from_millis(500));
    let (cmdline, environ) = (
        proc_file(child.id(), "cmdline"),
        proc_file(child.id(), "environ"),
    );
    assert!(cmdline.contains("note"), "{cmdline:?}");
    assert!(!cmdline.contains("menacé"), "{cmdline:?}");
    assert!(
        !environ.contains(PASS),
        "the passphrase readable in /proc/PID/environ"
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(note.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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
}
