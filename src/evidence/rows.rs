//! The log witnesses cosign: a Merkle tree (RFC 9162) over the vault's sealed rows, each leaf the
//! row's number and blob as stored. It is computed from the file alone, so the app that runs all
//! day signs its checkpoints with the log key, without the passphrase; an export signs its head
//! beside the events' (same rows, same count), which ties the two.
//!
//! What a bundle carries of it ([`Witnessed`]) and how `verify` reads it ([`check`]): the latest
//! cosignature of each witness, with the consistency proof from it to the exported head. A vault
//! cut or rolled back after a cosignature cannot give that proof: `verify` says so, with the date
//! the witness cosigned.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::cosign::{self, VerifierKey};
use super::identity::PublicKey;
use super::merkle::{self, Hash, Tree, from_hex, hash_from_hex, leaf_hash, to_hex};
use crate::vault::{Cosigned, Vault, VaultError};

/// The leaf of one sealed row.
pub fn leaf(seq: u64, blob: &[u8]) -> Hash {
    let mut data = Vec::with_capacity(blob.len() + 24);
    data.extend(b"temoin/v1/row/");
    data.extend(seq.to_be_bytes());
    data.extend(blob);
    leaf_hash(&data)
}

/// The rows' leaves, kept up to date with the vault by reading only the rows added since (all of
/// them again when a row already read changed: a rollback or a rewrite). Every row present is a
/// leaf, as in the events' log, so both trees have the same size; a row missing shows in the
/// chain check, and its absence in every root.
#[derive(Default)]
pub struct Rows {
    leaves: Vec<Hash>,
    last: Option<(u64, Vec<u8>)>,
}

impl Rows {
    pub fn read(vault: &Vault) -> Result<Rows, VaultError> {
        let mut rows = Rows::default();
        rows.update(vault)?;
        Ok(rows)
    }

    pub fn update(&mut self, vault: &Vault) -> Result<(), VaultError> {
        if let Some((seq, link)) = &self.last
            && vault.link_at(*seq)?.as_ref() != Some(link)
        {
            *self = Rows::default();
        }
        let after = self.last.as_ref().map(|(seq, _)| *seq);
        vault.sealed_rows_after(after, |seq, blob, link| {
            self.leaves.push(leaf(seq, blob));
            self.last = Some((seq, link.to_vec()));
        })
    }

    pub fn size(&self) -> u64 {
        self.leaves.len() as u64
    }

    /// The tree over the first `size` rows (all when there are fewer).
    pub fn tree(&self, size: u64) -> Tree {
        let n = (size as usize).min(self.leaves.len());
        Tree::new(self.leaves[..n].to_vec())
    }
}

/// What a bundle carries of the rows' log: its key and head (signed with the rest), and the
/// latest checkpoint each witness cosigned, with the proof that the head extends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Witnessed {
    pub log_key: String,
    pub size: u64,
    pub root: String,
    pub cosigned: Vec<WitnessedBy>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WitnessedBy {
    /// The witness's verifier key.
    pub witness: String,
    /// The checkpoint, signed by the log key and cosigned by the witness.
    pub note: String,
    /// From the checkpoint's size to the head's (empty when it is not smaller).
    pub proof: Vec<String>,
}

/// The most witnesses a bundle lists, and the longest note.
pub const MAX_WITNESSES: usize = 64;
const MAX_NOTE: usize = 4096;

/// The section of a bundle over the first `size` rows (`None`: no witness was ever added).
pub fn witnessed(vault: &Vault, size: u64) -> Result<Option<Witnessed>, VaultError> {
    let Some(key) = vault.log_key()? else {
        return Ok(None);
    };
    let rows = Rows::read(vault)?;
    let tree = rows.tree(size);
    // Of each witness, the latest checkpoint the head extends; one the vault does not hold any
    // more (cut, rolled back, changed) is carried instead, as the proof of it. One the vault
    // holds but that came after the events were read (the app that runs all day submitted
    // meanwhile) is passed over for the one before.
    let mut by_witness: std::collections::BTreeMap<String, Vec<Cosigned>> = Default::default();
    for c in vault.cosigned()? {
        by_witness.entry(c.witness.clone()).or_default().push(c);
    }
    let held = |c: &Cosigned| {
        c.size <= rows.size() && Some(rows.tree(c.size).root()) == cosigned_root(&c.note)
    };
    let cosigned = by_witness
        .into_values()
        .filter_map(|mut list| {
            list.sort_by_key(|c| std::cmp::Reverse(c.size));
            list.into_iter().find(|c| c.size <= size || !held(c))
        })
        .take(MAX_WITNESSES)
        .map(|c| WitnessedBy {
            proof: if c.size > 0 && c.size < tree.size() {
                tree.consistency(c.size).iter().map(|h| to_hex(h)).collect()
            } else {
                Vec::new()
            },
            witness: c.witness,
            note: c.note,
        })
        .collect();
    Ok(Some(Witnessed {
        log_key: to_hex(&PublicKey::of(&key).0),
        size: tree.size(),
        root: to_hex(&tree.root()),
        cosigned,
    }))
}

/// The root a checkpoint note (signed, cosigned or not) states.
pub fn cosigned_root(note: &str) -> Option<Hash> {
    let text = note.get(..note.find("\n\n")? + 1)?;
    Some(cosign::body(text)?.root)
}

/// A witness's cosignature as `verify` found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CosignedBy {
    /// The witness's name and key fingerprint (from its verifier key).
    pub witness: String,
    pub key: String,
    pub size: u64,
    pub at: DateTime<Utc>,
}

/// What is wrong with the rows' log against one witness's cosignature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WitnessProblem {
    /// The section does not hold together (a key, a root, a size unlike the events').
    Malformed,
    /// The note is not signed by the log key, or not cosigned by the witness it names.
    BadCosignature { witness: String },
    /// The witness cosigned more rows than the bundle has: cut or rolled back after `at`.
    Cut { by: CosignedBy, size: u64 },
    /// The head does not extend what the witness cosigned at `at`: rows changed since.
    Contradicts { by: CosignedBy },
}

/// Checks the section against the bundle's events log size: each witness's cosignature, and
/// that the head extends it.
pub fn check(w: &Witnessed, events_size: u64) -> (Vec<CosignedBy>, Vec<WitnessProblem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let head = from_hex(&w.log_key)
        .and_then(|k| PublicKey::from_slice(&k))
        .zip(hash_from_hex(&w.root));
    let Some((key, root)) = head.filter(|_| w.size == events_size) else {
        return (found, vec![WitnessProblem::Malformed]);
    };
    let log = super::note::rows_vkey(&key);
    for c in &w.cosigned {
        let Some(by) = cosigned_by(c, &log) else {
            let name = c.witness.split('+').next().unwrap_or_default();
            problems.push(WitnessProblem::BadCosignature {
                witness: name.chars().take(80).collect(),
            });
            continue;
        };
        let (size, old_root) = (by.size, cosigned_root(&c.note));
        let proof: Option<Vec<Hash>> = c.proof.iter().map(|h| hash_from_hex(h)).collect();
        let extends = match (proof, old_root) {
            _ if size > w.size => {
                problems.push(WitnessProblem::Cut { by, size: w.size });
                continue;
            }
            (Some(p), Some(old)) if size == w.size => p.is_empty() && old == root,
            (Some(p), Some(_)) if size == 0 => p.is_empty(),
            (Some(p), Some(old)) => merkle::verify_consistency(size, w.size, &old, &root, &p),
            _ => false,
        };
        if extends {
            found.push(by);
        } else {
            problems.push(WitnessProblem::Contradicts { by });
        }
    }
    (found, problems)
}

/// The witness's cosignature of the note, when the log key signed it.
fn cosigned_by(c: &WitnessedBy, log: &VerifierKey) -> Option<CosignedBy> {
    if c.note.len() > MAX_NOTE || c.proof.len() > cosign::MAX_PROOF {
        return None;
    }
    let witness = VerifierKey::parse(&c.witness).filter(VerifierKey::is_witness)?;
    let (text, _) = super::note::log_signature(&c.note, log)?;
    let body = cosign::body(&text)?;
    let signatures = &c.note[c.note.find("\n\n")? + 2..];
    let time = signatures
        .lines()
        .filter_map(cosign::signature_line)
        .find_map(|s| cosign::cosigned_at(&witness, &s, &text))?;
    Some(CosignedBy {
        witness: witness.name.clone(),
        key: witness.key.fingerprint(),
        size: body.size,
        at: DateTime::from_timestamp(time as i64, 0)?,
    })
}

/// Reads what a witness answered to `note` (its cosignature lines) and returns the note with the
/// witness's line added and when it cosigned, if one of the lines is its valid cosignature.
pub fn with_cosignature(note: &str, answer: &str, witness: &VerifierKey) -> Option<(String, u64)> {
    let text = &note[..note.find("\n\n")? + 1];
    answer.lines().find_map(|l| {
        let s = cosign::signature_line(l)?;
        let time = cosign::cosigned_at(witness, &s, text)?;
        let line = String::from_utf8(s.to_bytes()).ok()?;
        Some((format!("{note}{line}"), time))
    })
}

/// Reads a note the witness holds as its latest for our log (signed by the log key, cosigned by
/// the witness): its size and when it was cosigned.
pub fn read_cosigned(note: &str, log: &VerifierKey, witness: &VerifierKey) -> Option<(u64, u64)> {
    let c = WitnessedBy {
        witness: witness.to_text(),
        note: note.to_string(),
        proof: Vec::new(),
    };
    let by = cosigned_by(&c, log)?;
    Some((by.size, by.at.timestamp() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::identity::test_key as key;

    fn cosigned(size: u64, root: &Hash, log: &ring::signature::Ed25519KeyPair) -> WitnessedBy {
        let w = key();
        let wv = VerifierKey::witness("cse.example/temoin", PublicKey::of(&w));
        let note = super::super::note::sign_rows(log, size, root);
        let text = &note[..note.find("\n\n").unwrap() + 1];
        let line = cosign::cosign(&w, "cse.example/temoin", 1_764_500_000, text);
        let answer = String::from_utf8(line.to_bytes()).unwrap();
        let (note, time) = with_cosignature(&note, &answer, &wv).unwrap();
        assert_eq!(time, 1_764_500_000);
        WitnessedBy {
            witness: wv.to_text(),
            note,
            proof: Vec::new(),
        }
    }

    #[test]
    fn a_head_that_extends_the_cosigned_one_passes_and_a_cut_one_is_dated() {
        let log = key();
        let leaves: Vec<Hash> = (1..=9).map(|i| leaf(i, &[i as u8; 40])).collect();
        let at5 = Tree::new(leaves[..5].to_vec());
        let at9 = Tree::new(leaves.clone());
        let mut by = cosigned(5, &at5.root(), &log);
        by.proof = at9.consistency(5).iter().map(|h| to_hex(h)).collect();
        let mut w = Witnessed {
            log_key: to_hex(&PublicKey::of(&log).0),
            size: 9,
            root: to_hex(&at9.root()),
            cosigned: vec![by.clone()],
        };
        let (found, problems) = check(&w, 9);
        assert_eq!(problems, vec![]);
        assert_eq!((found[0].size, found[0].at.timestamp()), (5, 1_764_500_000));
        // The events' log of another size: the two heads are not the same rows.
        assert_eq!(check(&w, 8).1, vec![WitnessProblem::Malformed]);
        // Cut to 4 rows after the witness cosigned 5.
        let at4 = Tree::new(leaves[..4].to_vec());
        w.size = 4;
        w.root = to_hex(&at4.root());
        w.cosigned[0].proof.clear();
        assert!(
            matches!(&check(&w, 4).1[..], [WitnessProblem::Cut { size: 4, by }] if by.size == 5)
        );
        // Rows 3 to 9 replaced: the proof from 5 no longer leads to the head.
        let mut other = leaves.clone();
        other[2] = leaf(3, b"changed");
        let forked = Tree::new(other);
        w.size = 9;
        w.root = to_hex(&forked.root());
        w.cosigned[0].proof = forked.consistency(5).iter().map(|h| to_hex(h)).collect();
        assert!(matches!(
            &check(&w, 9).1[..],
            [WitnessProblem::Contradicts { .. }]
        ));
        // A cosignature by a key other than the one it names.
        let mut forged = by;
        forged.witness =
            VerifierKey::witness("cse.example/temoin", PublicKey::of(&key())).to_text();
        w.cosigned = vec![forged];
        assert!(matches!(
            &check(&w, 9).1[..],
            [WitnessProblem::BadCosignature { .. }]
        ));
    }
}
