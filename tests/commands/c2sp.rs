//! Témoin's checkpoints read by code nobody here wrote: `aics-tlog` (PyPI, an independent C2SP
//! implementation) parses each checkpoint note, checks its log signature with a verifier key it
//! builds itself from the origin line, recomputes the tree's root from an export's leaves and
//! checks Témoin's consistency proofs (RFC 9162).

use crate::common::*;
use temoin::events::{Event, EventKind};

const CHECK: &str = r#"
import json, sys
from aics_tlog import verify_checkpoint, vkey_from_ed25519, verify_consistency, node_hash
from aics_tlog.checkpoint import checkpoint_from_note
from aics_tlog.checkpoint import Checkpoint, serialise_checkpoint
from aics_tlog.note import Note

def root(leaves):
    # RFC 9162 2.1.1: split at the largest power of two below n.
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(root(leaves[:k]), root(leaves[k:]))

notes = [open(p).read() for p in sys.argv[1:3]]
bundle = json.load(open(sys.argv[3]))
leaves = [bytes.fromhex(e["leaf"]) for e in sorted(bundle["events"], key=lambda e: e["index"])]
size, top = bundle["log"]["size"], bytes.fromhex(bundle["log"]["root"])
assert len(leaves) == size, (len(leaves), size)
assert root(leaves) == top, "the export's root is not RFC 9162's"
for text in notes:
    cp, note = checkpoint_from_note(text)
    key = bytes.fromhex(cp.origin.rsplit("/", 1)[1])
    vkey = vkey_from_ed25519(cp.origin, key)
    r = verify_checkpoint(note, vkey)
    assert r.ok and r.log_ok, r.error
    assert root(leaves[: cp.size]) == cp.root, "the checkpoint's root is not the log's"
    assert cp.extension_lines[0].startswith("temoin-time "), cp.extension_lines
    forged = Note(text=serialise_checkpoint(Checkpoint(cp.origin, cp.size - 1, cp.root, cp.extension_lines)), signatures=note.signatures)
    assert not verify_checkpoint(forged, vkey).log_ok, "a forged size passed"
proofs = bundle["checkpoints"]
assert len(proofs) >= 2, proofs
for p in proofs:
    old = root(leaves[: p["size"]])
    assert old == bytes.fromhex(p["root"])
    proof = [bytes.fromhex(h) for h in p["proof"]]
    assert verify_consistency(p["size"], size, old, top, proof), p
    if proof:
        assert not verify_consistency(p["size"], size, old, top, proof[:-1])
print("ok", size, len(proofs))
"#;

fn note_now(path: &std::path::Path, n: usize) {
    let mut v = temoin::vault::Vault::open(path).unwrap();
    for i in 0..n {
        v.append(&Event::now(EventKind::Note {
            text: format!("note {i}"),
        }))
        .unwrap();
    }
}

#[test]
fn checkpoints_and_the_tree_are_read_by_an_independent_c2sp_implementation() {
    let python = c2sp_python();
    let (dir, path, vault, _) = new_vault();
    drop(vault);
    let checkpoint = |name: &str| {
        let f = dir.path().join(name);
        let (code, _, err) = run(temoin(&path)
            .env("TEMOIN_PASSPHRASE", PASS)
            .args(["checkpoint", "--out"])
            .arg(&f));
        assert_eq!(code, 0, "{err}");
        f
    };
    note_now(&path, 5);
    let first = checkpoint("un.txt");
    note_now(&path, 12);
    let second = checkpoint("deux.txt");
    note_now(&path, 3);
    let b = dir.path().join("export.json");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", "events", "--out"])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    let script = dir.path().join("check.py");
    std::fs::write(&script, CHECK).unwrap();
    let out = std::process::Command::new(&python)
        .arg(&script)
        .args([&first, &second, &b])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 5 notes, a checkpoint given, 12 notes, another, 3 notes (the export is noted after it).
    assert_eq!(said.trim(), "ok 22 2");
}
