use super::*;
use crate::evidence::checkpoint::Checkpoint;
use crate::evidence::merkle::{Tree, leaf_hash};
use chrono::DateTime;

use crate::evidence::identity::test_key as log_key;

fn tree(n: usize, salt: u8) -> Tree {
    Tree::new((0..n).map(|i| leaf_hash(&[salt, i as u8])).collect())
}

fn note(key: &Ed25519KeyPair, t: &Tree) -> String {
    let at = DateTime::parse_from_rfc3339("2026-11-30T18:00:00+01:00").unwrap();
    Checkpoint::sign(key, t.size(), t.root(), at).to_text()
}

fn request(old: u64, proof: Vec<merkle::Hash>, note: String) -> String {
    AddCheckpoint { old, proof, note }.to_text()
}

#[test]
fn cosigns_only_what_extends_what_it_cosigned_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let w = Witness::create(dir.path(), "cse.example/temoin").unwrap();
    let k = log_key();
    let t5 = tree(5, 1);
    // Not enrolled: unknown.
    assert_eq!(
        w.add_checkpoint(&request(0, vec![], note(&k, &t5))),
        Err(Refusal::UnknownLog)
    );
    w.enroll(&note(&k, &t5)).unwrap();
    let line = w
        .add_checkpoint(&request(0, vec![], note(&k, &t5)))
        .unwrap();
    let sig = cosign::signature_line(&line).unwrap();
    let text = note(&k, &t5);
    let body = &text[..text.find("\n\n").unwrap() + 1];
    assert!(cosign::cosigned_at(&w.vkey(), &sig, body).is_some());
    // Replayed with old 0: the log is told the size cosigned.
    assert_eq!(
        w.add_checkpoint(&request(0, vec![], note(&k, &t5))),
        Err(Refusal::Conflict(5))
    );
    // A fork of the same size, and a tree that does not extend: refused.
    assert!(matches!(
        w.add_checkpoint(&request(5, vec![], note(&k, &tree(5, 2)))),
        Err(Refusal::Inconsistent(_))
    ));
    let t9 = tree(9, 1);
    let other9 = tree(9, 3);
    assert!(matches!(
        w.add_checkpoint(&request(5, t9.consistency(5), note(&k, &other9))),
        Err(Refusal::Inconsistent(_))
    ));
    // Another key's signature: refused.
    assert_eq!(
        w.add_checkpoint(&request(5, t9.consistency(5), note(&log_key(), &t9))),
        Err(Refusal::UnknownLog)
    );
    drop(w);
    // After a restart: the state held; a smaller tree is refused, the extension cosigned.
    let w = Witness::open(dir.path()).unwrap();
    assert_eq!(
        w.add_checkpoint(&request(5, vec![], note(&k, &tree(3, 1)))),
        Err(Refusal::Malformed("old size larger than the checkpoint's"))
    );
    assert_eq!(
        w.add_checkpoint(&request(0, vec![], note(&k, &tree(3, 1)))),
        Err(Refusal::Conflict(5))
    );
    w.add_checkpoint(&request(5, t9.consistency(5), note(&k, &t9)))
        .unwrap();
    let logs = w.logs().unwrap();
    assert_eq!((logs.len(), logs[0].size, logs[0].root), (1, 9, t9.root()));
}
