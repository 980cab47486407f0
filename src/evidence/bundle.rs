//! Export bundles: one self-describing JSON file (format `temoin-bundle`, version 1) holding the
//! period's events or hourly / daily figures, the worker's pseudonym and public key, the log's
//! size and Merkle root, the nodes that prove the events belong to that log, the proofs that the
//! log extends every checkpoint given before, and an Ed25519 signature over all of it.
//!
//! Signed message: `temoin/v1/bundle\n` followed by the bundle without its `signature`, `events`
//! and `proof_nodes` fields, in canonical JSON ([`super::log::canonical`]). The events need no
//! second signature: each one's leaf is recomputed from its `seq` and `event`
//! ([`super::log::event_leaf`]) and the leaves with `proof_nodes` (keyed `level/index` in the tree
//! kept level by level: RFC 9162's tree, a lone last node carried up) must give the signed root.
//! So a worker-year verifies without writing its 200 MB out a second time.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::buckets::{Bucket, buckets};
use super::checkpoint::Checkpoint;
use super::identity::PublicKey;
use super::log::{Log, canonical, event_leaf};
use super::merkle::{self, Hash, hash_from_hex, to_hex};
use crate::events::{Event, EventKind};

pub const FORMAT: &str = "temoin-bundle";
pub const VERSION: u64 = 1;
/// Larger files are refused before being read: a worker-year of every event is about 200 MB.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Events,
    Hourly,
    Daily,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Worker {
    pub pseudonym: String,
    pub public_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub size: u64,
    pub root: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub index: u64,
    pub seq: u64,
    pub leaf: String,
    pub event: Value,
}

/// The proof that the log extends a checkpoint given earlier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extends {
    pub given: DateTime<FixedOffset>,
    pub size: u64,
    pub root: String,
    pub proof: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    pub app_version: String,
    pub created: DateTime<FixedOffset>,
    pub worker: Worker,
    pub period: Period,
    pub level: Level,
    pub log: Head,
    #[serde(default)]
    pub events: Vec<Entry>,
    #[serde(default)]
    pub proof_nodes: BTreeMap<String, String>,
    #[serde(default)]
    pub aggregates: Vec<Bucket>,
    #[serde(default)]
    pub checkpoints: Vec<Extends>,
    #[serde(default)]
    pub signature: String,
}

/// The signed part: everything but the signature and what the root already binds.
const UNSIGNED: [&str; 3] = ["signature", "events", "proof_nodes"];

fn signed_message(m: &serde_json::Map<String, Value>) -> Vec<u8> {
    let head: serde_json::Map<String, Value> = m
        .iter()
        .filter(|(k, _)| !UNSIGNED.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    [
        b"temoin/v1/bundle\n".as_slice(),
        &canonical(&Value::Object(head)),
    ]
    .concat()
}

/// Makes a signed bundle of the log's events dated `period` (local dates, both included).
pub fn build(
    log: &Log,
    key: &Ed25519KeyPair,
    period: Period,
    level: Level,
    created: DateTime<FixedOffset>,
) -> Bundle {
    let public = PublicKey::from_slice(key.public_key().as_ref()).expect("Ed25519 key");
    let in_period = |e: &Event| {
        let d = e.at.date_naive();
        d >= period.from && d <= period.to
    };
    let mut entries = Vec::new();
    let mut chosen = Vec::new();
    for (index, (seq, event)) in log.rows.iter().enumerate() {
        if let Some(e) = event.as_ref().filter(|e| in_period(e)) {
            chosen.push(e.clone());
            if level == Level::Events {
                let v = serde_json::to_value(e).expect("events serialise");
                entries.push(Entry {
                    index: index as u64,
                    seq: *seq,
                    leaf: to_hex(&event_leaf(*seq, &v)),
                    event: v,
                });
            }
        }
    }
    let indices: Vec<u64> = entries.iter().map(|e| e.index).collect();
    let proof_nodes = log
        .tree
        .multiproof(&indices)
        .into_iter()
        .map(|((l, i), h)| (format!("{l}/{i}"), to_hex(&h)))
        .collect();
    let aggregates = match level {
        Level::Events => Vec::new(),
        Level::Hourly => buckets(&chosen, 1),
        Level::Daily => buckets(&chosen, 24),
    };
    let checkpoints = log
        .rows
        .iter()
        .filter_map(|(_, e)| match e.as_ref().map(|e| (&e.kind, e.at)) {
            Some((EventKind::CheckpointGiven { size, root }, at)) => Some(Extends {
                given: at,
                size: *size,
                root: root.clone(),
                proof: log
                    .tree
                    .consistency(*size)
                    .iter()
                    .map(|h| to_hex(h))
                    .collect(),
            }),
            _ => None,
        })
        .collect();
    let mut bundle = Bundle {
        format: FORMAT.into(),
        version: VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        created,
        worker: Worker {
            pseudonym: public.pseudonym(),
            public_key: to_hex(&public.0),
        },
        period,
        level,
        log: Head {
            size: log.tree.size(),
            root: to_hex(&log.tree.root()),
        },
        events: entries,
        proof_nodes,
        aggregates,
        checkpoints,
        signature: String::new(),
    };
    let events = std::mem::take(&mut bundle.events);
    let v = serde_json::to_value(&bundle).expect("bundles serialise");
    let Value::Object(m) = v else {
        unreachable!("a bundle is an object")
    };
    bundle.signature = to_hex(key.sign(&signed_message(&m)).as_ref());
    bundle.events = events;
    bundle
}

/// Why a file could not be read as a bundle at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unreadable {
    #[error("the file is too large ({bytes} bytes; at most {max})")]
    TooLarge { bytes: u64, max: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("not JSON (cut short or damaged): {0}")]
    NotJson(String),
    #[error("not a Témoin bundle")]
    NotABundle,
    #[error("bundle format version {0} is not known to this version of Témoin")]
    UnknownVersion(String),
    #[error("the bundle is damaged: {0}")]
    Malformed(String),
}

/// Why a bundle file could not be verified at all.
#[derive(Debug)]
pub enum FileProblem {
    /// The file could not be read (missing, no permission…).
    Io(std::io::Error),
    Unreadable(Unreadable),
}

/// Reads and verifies the bundle at `path`; a file over [`MAX_BYTES`] is refused before it is read.
pub fn verify_file(
    path: &std::path::Path,
    checkpoints: &[Checkpoint],
) -> Result<Verified, FileProblem> {
    let bytes = std::fs::metadata(path).map_err(FileProblem::Io)?.len();
    if bytes > MAX_BYTES {
        return Err(FileProblem::Unreadable(Unreadable::TooLarge {
            bytes,
            max: MAX_BYTES,
        }));
    }
    let data = std::fs::read(path).map_err(FileProblem::Io)?;
    verify(&data, checkpoints).map_err(FileProblem::Unreadable)
}

/// Something wrong in a readable bundle.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The signature does not match the content (altered, or not signed by this key).
    BadSignature,
    /// This event is not the one that was logged.
    AlteredEvent { index: u64, seq: u64 },
    /// The events and proof do not lead to the log's root.
    ProofFails,
    /// The checkpoint was signed by another worker's key.
    OtherWorker { at: DateTime<FixedOffset> },
    /// The checkpoint is later than the bundle (covers more events than it has).
    CheckpointLater { at: DateTime<FixedOffset> },
    /// The log does not extend the checkpoint: something given before was removed or changed.
    Inconsistent { at: DateTime<FixedOffset> },
}

/// What a readable bundle says and what is wrong with it (nothing: intact).
#[derive(Debug, Clone)]
pub struct Verified {
    pub bundle: Bundle,
    pub key: PublicKey,
    pub problems: Vec<Problem>,
    /// Checkpoints the bundle was shown to extend.
    pub extends: Vec<DateTime<FixedOffset>>,
}

impl Verified {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads a bundle file's bytes: [`Unreadable`] when it is not one; otherwise every check.
pub fn verify(bytes: &[u8], checkpoints: &[Checkpoint]) -> Result<Verified, Unreadable> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Unreadable::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Unreadable::NotABundle);
    }
    match v.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(other) => {
            let shown: String = other.to_string().chars().take(20).collect();
            return Err(Unreadable::UnknownVersion(shown));
        }
        None => return Err(Unreadable::Malformed("no version".into())),
    }
    let Value::Object(m) = &v else {
        return Err(Unreadable::NotABundle);
    };
    let message = signed_message(m);
    let bundle: Bundle =
        serde_json::from_value(v).map_err(|e| Unreadable::Malformed(e.to_string()))?;
    let key = merkle::from_hex(&bundle.worker.public_key)
        .and_then(|b| PublicKey::from_slice(&b))
        .ok_or_else(|| Unreadable::Malformed("public key".into()))?;
    let root =
        hash_from_hex(&bundle.log.root).ok_or_else(|| Unreadable::Malformed("root".into()))?;
    let mut problems = Vec::new();
    let signature = merkle::from_hex(&bundle.signature).unwrap_or_default();
    if !key.verify(&message, &signature) {
        problems.push(Problem::BadSignature);
    }
    // Each event against its leaf, then all leaves with the proof nodes against the root.
    let mut leaves = BTreeMap::new();
    let mut duplicated = false;
    for e in &bundle.events {
        let stated = hash_from_hex(&e.leaf);
        if stated != Some(event_leaf(e.seq, &e.event)) {
            problems.push(Problem::AlteredEvent {
                index: e.index,
                seq: e.seq,
            });
        }
        // One event per place: a second one at the same index would go unchecked.
        if leaves.insert(e.index, stated.unwrap_or([0; 32])).is_some() {
            duplicated = true;
        }
    }
    if duplicated {
        problems.push(Problem::ProofFails);
    } else if !leaves.is_empty() {
        let nodes = parse_nodes(&bundle.proof_nodes)?;
        if merkle::root_from_multiproof(bundle.log.size, &leaves, &nodes) != Some(root) {
            problems.push(Problem::ProofFails);
        }
    }
    let mut extends = Vec::new();
    for c in checkpoints {
        match check_extends(&bundle, &key, &root, c) {
            Ok(()) => extends.push(c.at),
            Err(p) => problems.push(p),
        }
    }
    Ok(Verified {
        bundle,
        key,
        problems,
        extends,
    })
}

fn parse_nodes(
    raw: &BTreeMap<String, String>,
) -> Result<BTreeMap<merkle::NodeId, Hash>, Unreadable> {
    raw.iter()
        .map(|(k, h)| {
            let (l, i) = k
                .split_once('/')
                .and_then(|(l, i)| Some((l.parse().ok()?, i.parse().ok()?)))
                .ok_or_else(|| Unreadable::Malformed(format!("proof node {k}")))?;
            let h =
                hash_from_hex(h).ok_or_else(|| Unreadable::Malformed(format!("proof node {k}")))?;
            Ok(((l, i), h))
        })
        .collect()
}

fn check_extends(
    bundle: &Bundle,
    key: &PublicKey,
    root: &Hash,
    c: &Checkpoint,
) -> Result<(), Problem> {
    let at = c.at;
    if c.key != *key {
        return Err(Problem::OtherWorker { at });
    }
    let size = bundle.log.size;
    if c.size > size {
        return Err(Problem::CheckpointLater { at });
    }
    if c.size == size {
        return (c.root == *root)
            .then_some(())
            .ok_or(Problem::Inconsistent { at });
    }
    let proof = bundle
        .checkpoints
        .iter()
        .find(|x| x.size == c.size && hash_from_hex(&x.root) == Some(c.root))
        .ok_or(Problem::Inconsistent { at })?;
    let hashes: Option<Vec<Hash>> = proof.proof.iter().map(|h| hash_from_hex(h)).collect();
    match hashes {
        Some(h) if merkle::verify_consistency(c.size, size, &c.root, root, &h) => Ok(()),
        _ => Err(Problem::Inconsistent { at }),
    }
}
