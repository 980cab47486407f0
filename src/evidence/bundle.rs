//! Export bundles: one self-describing JSON file (format `temoin-bundle`, version 2) holding the
//! period's events or hourly / daily figures, the worker's pseudonym and public key, the log's
//! size and Merkle root, which rows of the log it holds, the nodes that prove those rows belong to
//! that log, the proofs that the log extends every checkpoint given before, and an Ed25519
//! signature over all of it.
//!
//! Signed message: `temoin/v1/bundle\n` followed by the bundle without its `signature`, `events`
//! and `proof_nodes` fields, in canonical JSON ([`super::log::canonical`]). The signed part names
//! the rows held (`holds`: their count and ranges of log indexes), so an event cannot be taken out
//! and its leaf hidden among the proof nodes, nor one added from another export: the verifier
//! requires exactly those rows, in order, each once, each dated inside the signed period. The
//! events need no second signature: each one's leaf is recomputed from its `seq` and `event`
//! ([`super::log::event_leaf`]) and the leaves with `proof_nodes` (keyed `level/index` in the tree
//! kept level by level: RFC 9162's tree, a lone last node carried up) must give the signed root.
//!
//! Read as typed structures that refuse unknown fields, streamed from the file: an event stays
//! the raw text it was written as (its leaf is computed from it), never a generic JSON tree; the
//! signed part is checked as it is written (a date written another way is another text); every
//! list and field has a ceiling, so a padded file cannot take the council's memory.
//!
//! Version 1 (before the rows held were signed) is still read; its verdict says that events could
//! have been removed unseen.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::buckets::{Bucket, buckets};
use super::checkpoint::Checkpoint;
use super::identity::PublicKey;
use super::log::{Log, canonical, event_leaf};
use super::merkle::{self, Hash, hash_from_hex, to_hex};
use super::rows::{CosignedBy, WitnessProblem, Witnessed};
use crate::events::{Event, EventKind};

pub const FORMAT: &str = "temoin-bundle";
/// Version 3 when the bundle holds masked events ([`MaskedRow`]), else 2, so that a bundle
/// without any is read by the versions before.
pub const VERSION: u64 = 4;
/// Masked events came with version 3.
const MASKED_VERSION: u64 = 3;
const PLAIN_VERSION: u64 = 2;
/// Larger files are refused before being read: a worker-year of every event is about 200 MB.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;
/// Ceilings on what a bundle may list (a worker-year is about 500 000 events, 9 000 hours).
const MAX_EVENTS: usize = 4_000_000;
const MAX_NODES: usize = 8_000_000;
const MAX_BUCKETS: usize = 200_000;
const MAX_CHECKPOINTS: usize = 100_000;
const MAX_RANGES: usize = 4_000_000;
/// An event longer than this is not one Témoin wrote (a note is a few hundred bytes).
const MAX_EVENT_BYTES: usize = 256 * 1024;
/// Short texts of the signed part (version, pseudonym, key, root, signature).
const MAX_SHORT: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Events,
    Hourly,
    Daily,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worker {
    pub pseudonym: String,
    pub public_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.from && d <= self.to
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub size: u64,
    pub root: String,
}

/// The rows of the log a bundle holds (or, for hourly and daily figures, summarises): their
/// number and their log indexes as ranges, both ends included, in order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holds {
    pub count: u64,
    #[serde(deserialize_with = "capped_vec::<_, _, MAX_RANGES>")]
    pub ranges: Vec<[u64; 2]>,
}

impl Holds {
    /// From indexes in increasing order.
    pub fn of(indexes: impl IntoIterator<Item = u64>) -> Holds {
        let mut ranges: Vec<[u64; 2]> = Vec::new();
        let mut count = 0;
        for i in indexes {
            count += 1;
            match ranges.last_mut() {
                Some(r) if r[1] + 1 == i => r[1] = i,
                _ => ranges.push([i, i]),
            }
        }
        Holds { count, ranges }
    }

    /// Well formed: ranges in order, not touching, inside a log of `size`, adding up to `count`.
    fn well_formed(&self, size: u64) -> bool {
        let mut total: u64 = 0;
        let mut after: Option<u64> = None;
        for r in &self.ranges {
            if r[0] > r[1] || r[1] >= size || after.is_some_and(|a| r[0] <= a + 1) {
                return false;
            }
            total += r[1] - r[0] + 1;
            after = Some(r[1]);
        }
        total == self.count
    }

    fn indexes(&self) -> impl Iterator<Item = u64> + '_ {
        self.ranges.iter().flat_map(|r| r[0]..=r[1])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub index: u64,
    pub seq: u64,
    pub leaf: String,
    /// The event as written: its leaf is computed from this text.
    pub event: Box<RawValue>,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        (self.index, self.seq, &self.leaf, self.event.get())
            == (o.index, o.seq, &o.leaf, o.event.get())
    }
}

impl Entry {
    /// The event, typed (`None` for a kind this version does not know).
    pub fn event(&self) -> Option<Event> {
        serde_json::from_str(self.event.get()).ok()
    }
}

/// An event whose free text was masked for export ([`super::masking`]): its position, and the
/// digest of its row number and the masked event's canonical JSON. Signed: the masked text cannot be changed after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaskedRow {
    pub index: u64,
    pub digest: String,
}

/// The proof that the log extends a checkpoint given earlier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extends {
    pub given: DateTime<FixedOffset>,
    pub size: u64,
    pub root: String,
    #[serde(deserialize_with = "capped_vec::<_, _, 128>")]
    pub proof: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    pub app_version: String,
    pub created: DateTime<FixedOffset>,
    pub worker: Worker,
    pub period: Period,
    pub level: Level,
    pub log: Head,
    /// Signed from version 2 on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<Holds>,
    #[serde(default, deserialize_with = "capped_vec::<_, _, MAX_EVENTS>")]
    pub events: Vec<Entry>,
    #[serde(default, deserialize_with = "capped_map::<_, MAX_NODES>")]
    pub proof_nodes: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "capped_vec::<_, _, MAX_BUCKETS>")]
    pub aggregates: Vec<Bucket>,
    #[serde(default, deserialize_with = "capped_vec::<_, _, MAX_CHECKPOINTS>")]
    pub checkpoints: Vec<Extends>,
    /// Signed from version 3 on.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "capped_vec::<_, _, MAX_EVENTS>"
    )]
    pub masked: Vec<MaskedRow>,
    /// The rows' log and its witnesses' cosignatures ([`super::rows`]). Signed, from version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witnessed: Option<Witnessed>,
    #[serde(default)]
    pub signature: String,
}

/// The signed part: everything but the signature and what the root already binds.
#[derive(Serialize)]
struct Signed<'a> {
    format: &'a str,
    version: u64,
    app_version: &'a str,
    created: &'a DateTime<FixedOffset>,
    worker: &'a Worker,
    period: &'a Period,
    level: Level,
    log: &'a Head,
    #[serde(skip_serializing_if = "Option::is_none")]
    holds: Option<&'a Holds>,
    aggregates: &'a [Bucket],
    checkpoints: &'a [Extends],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    masked: &'a [MaskedRow],
    #[serde(skip_serializing_if = "Option::is_none")]
    witnessed: Option<&'a Witnessed>,
}

impl Bundle {
    fn signed_message(&self) -> Vec<u8> {
        let signed = Signed {
            format: &self.format,
            version: self.version,
            app_version: &self.app_version,
            created: &self.created,
            worker: &self.worker,
            period: &self.period,
            level: self.level,
            log: &self.log,
            holds: self.holds.as_ref(),
            aggregates: &self.aggregates,
            checkpoints: &self.checkpoints,
            masked: &self.masked,
            witnessed: self.witnessed.as_ref(),
        };
        let v = serde_json::to_value(&signed).expect("the signed part serialises");
        [b"temoin/v1/bundle\n".as_slice(), &canonical(&v)].concat()
    }
}

/// A bundle as read: what is signed kept as the text it was written as (so the signature is
/// checked against exactly what the file says), the events and proof nodes streamed and capped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBundle {
    format: Box<RawValue>,
    version: Box<RawValue>,
    app_version: Box<RawValue>,
    created: Box<RawValue>,
    worker: Box<RawValue>,
    period: Box<RawValue>,
    level: Box<RawValue>,
    log: Box<RawValue>,
    #[serde(default)]
    holds: Option<Box<RawValue>>,
    #[serde(default, deserialize_with = "capped_vec::<_, _, MAX_EVENTS>")]
    events: Vec<Entry>,
    #[serde(default, deserialize_with = "capped_map::<_, MAX_NODES>")]
    proof_nodes: BTreeMap<String, String>,
    #[serde(default)]
    aggregates: Option<Box<RawValue>>,
    #[serde(default)]
    checkpoints: Option<Box<RawValue>>,
    #[serde(default)]
    masked: Option<Box<RawValue>>,
    #[serde(default)]
    witnessed: Option<Box<RawValue>>,
    #[serde(default)]
    signature: String,
}

/// The longest text a signed field may have (the figures and checkpoints are longer).
const MAX_FIELD: usize = 64 * 1024;
const MAX_LISTS: usize = 32 * 1024 * 1024;
/// The witnesses' section: a few notes of under 4 kB and their proofs each.
const MAX_WITNESSED: usize = 1024 * 1024;

impl RawBundle {
    /// The signed message, from the fields as written, and the typed bundle.
    fn into_bundle(self) -> Result<(Bundle, Vec<u8>), Unreadable> {
        let mut signed = serde_json::Map::new();
        let mut field = |name: &str, raw: Option<&RawValue>, max: usize| {
            let Some(raw) = raw else { return Ok(()) };
            if raw.get().len() > max {
                return Err(Unreadable::Malformed(format!("{name} too long")));
            }
            let v: Value = serde_json::from_str(raw.get())
                .map_err(|e| Unreadable::Malformed(e.to_string()))?;
            signed.insert(name.to_string(), v);
            Ok(())
        };
        field("format", Some(&self.format), MAX_SHORT)?;
        field("version", Some(&self.version), MAX_SHORT)?;
        field("app_version", Some(&self.app_version), MAX_SHORT)?;
        field("created", Some(&self.created), MAX_SHORT)?;
        field("worker", Some(&self.worker), MAX_FIELD)?;
        field("period", Some(&self.period), MAX_FIELD)?;
        field("level", Some(&self.level), MAX_SHORT)?;
        field("log", Some(&self.log), MAX_FIELD)?;
        field("holds", self.holds.as_deref(), MAX_LISTS)?;
        field("aggregates", self.aggregates.as_deref(), MAX_LISTS)?;
        field("checkpoints", self.checkpoints.as_deref(), MAX_LISTS)?;
        field("masked", self.masked.as_deref(), MAX_LISTS)?;
        field("witnessed", self.witnessed.as_deref(), MAX_WITNESSED)?;
        let message = [
            b"temoin/v1/bundle\n".as_slice(),
            &canonical(&Value::Object(signed)),
        ]
        .concat();
        fn typed<T: for<'d> Deserialize<'d>>(raw: &RawValue) -> Result<T, Unreadable> {
            serde_json::from_str(raw.get()).map_err(|e| Unreadable::Malformed(e.to_string()))
        }
        let aggregates = capped_list::<Bucket, MAX_BUCKETS>(self.aggregates.as_deref())?;
        let checkpoints = capped_list::<Extends, MAX_CHECKPOINTS>(self.checkpoints.as_deref())?;
        let masked = capped_list::<MaskedRow, MAX_EVENTS>(self.masked.as_deref())?;
        let bundle = Bundle {
            format: typed(&self.format)?,
            version: typed(&self.version)?,
            app_version: typed(&self.app_version)?,
            created: typed(&self.created)?,
            worker: typed(&self.worker)?,
            period: typed(&self.period)?,
            level: typed(&self.level)?,
            log: typed(&self.log)?,
            holds: self.holds.as_deref().map(typed).transpose()?,
            events: self.events,
            proof_nodes: self.proof_nodes,
            aggregates,
            checkpoints,
            masked,
            witnessed: self.witnessed.as_deref().map(typed).transpose()?,
            signature: self.signature,
        };
        Ok((bundle, message))
    }
}

/// A signed list, typed, with its ceiling (none: empty).
fn capped_list<T, const MAX: usize>(raw: Option<&RawValue>) -> Result<Vec<T>, Unreadable>
where
    T: for<'d> Deserialize<'d>,
{
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let mut de = serde_json::Deserializer::from_str(raw.get());
    capped_vec::<_, T, MAX>(&mut de).map_err(|e| Unreadable::Malformed(e.to_string()))
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
    let mut entries = Vec::new();
    let mut masked = Vec::new();
    let mut chosen = Vec::new();
    let mut indexes = Vec::new();
    for (index, (seq, event)) in log.rows.iter().enumerate() {
        if let Some(e) = event
            .as_ref()
            .filter(|e| period.contains(e.at.date_naive()))
        {
            indexes.push(index as u64);
            chosen.push(e.clone());
            if level == Level::Events {
                let v = serde_json::to_value(e).expect("events serialise");
                let leaf = to_hex(&event_leaf(*seq, &v));
                // What identifies a customer in a note leaves masked; the row's leaf stays.
                let v = match super::masking::for_export(e) {
                    Some(m) => {
                        let m = serde_json::to_value(&m).expect("events serialise");
                        masked.push(MaskedRow {
                            index: index as u64,
                            digest: masked_digest(*seq, &m),
                        });
                        m
                    }
                    None => v,
                };
                entries.push(Entry {
                    index: index as u64,
                    seq: *seq,
                    leaf,
                    event: serde_json::value::to_raw_value(&v).expect("events serialise"),
                });
            }
        }
    }
    let proven: Vec<u64> = entries.iter().map(|e| e.index).collect();
    let proof_nodes = log
        .tree
        .multiproof(&proven)
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
        version: if masked.is_empty() {
            PLAIN_VERSION
        } else {
            MASKED_VERSION
        },
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
        holds: Some(Holds::of(indexes)),
        events: entries,
        proof_nodes,
        aggregates,
        checkpoints,
        masked,
        witnessed: None,
        signature: String::new(),
    };
    sign(&mut bundle, key);
    bundle
}

/// Adds the rows' log and its cosignatures to a bundle of the same rows, and signs it again.
pub fn attach_witnessed(bundle: &mut Bundle, witnessed: Witnessed, key: &Ed25519KeyPair) {
    bundle.witnessed = Some(witnessed);
    bundle.version = VERSION;
    sign(bundle, key);
}

/// What a masked event's signed digest is computed from: its row number and canonical JSON.
fn masked_digest(seq: u64, v: &Value) -> String {
    let text = [&seq.to_be_bytes()[..], &canonical(v)].concat();
    to_hex(ring::digest::digest(&ring::digest::SHA256, &text).as_ref())
}

/// Signs (or signs again) the bundle as it stands.
pub fn sign(bundle: &mut Bundle, key: &Ed25519KeyPair) {
    bundle.signature = to_hex(key.sign(&bundle.signed_message()).as_ref());
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

/// Reads and verifies the bundle at `path`, streamed; a file over [`MAX_BYTES`] is refused
/// before it is read.
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
    let open = || std::fs::File::open(path).map(std::io::BufReader::new);
    let read = read(open().map_err(FileProblem::Io)?, || {
        open().map(|r| Box::new(r) as Box<dyn Read>)
    })
    .map_err(|e| match e {
        ReadError::Io(e) => FileProblem::Io(e),
        ReadError::Unreadable(u) => FileProblem::Unreadable(u),
    })?;
    check(read, checkpoints).map_err(FileProblem::Unreadable)
}

/// Reads a bundle file's bytes: [`Unreadable`] when it is not one; otherwise every check.
pub fn verify(bytes: &[u8], checkpoints: &[Checkpoint]) -> Result<Verified, Unreadable> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Unreadable::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_BYTES,
        });
    }
    let read = read(bytes, || Ok(Box::new(bytes) as Box<dyn Read + '_>)).map_err(|e| match e {
        ReadError::Io(e) => Unreadable::NotJson(e.to_string()),
        ReadError::Unreadable(u) => u,
    })?;
    check(read, checkpoints)
}

enum ReadError {
    Io(std::io::Error),
    Unreadable(Unreadable),
}

/// What a file says it is, whatever else it holds (read only to word a refusal).
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
}

/// Parses a bundle from `r`; when that fails, `again` gives the file once more to say why (not
/// JSON, not a bundle, an unknown version, or damaged).
fn read<'a>(
    r: impl Read,
    again: impl Fn() -> std::io::Result<Box<dyn Read + 'a>>,
) -> Result<(Bundle, Vec<u8>), ReadError> {
    let mut de = serde_json::Deserializer::from_reader(r);
    let parsed = RawBundle::deserialize(&mut de).and_then(|b| de.end().map(|()| b));
    let err = match parsed {
        Ok(b) if probably_ours(&b) => {
            return b.into_bundle().map_err(ReadError::Unreadable);
        }
        // Read whole, but another format or version: the probe below says which.
        Ok(_) => "format".to_string(),
        Err(e) if e.is_io() => return Err(ReadError::Io(e.into())),
        Err(e) => e.to_string(),
    };
    let un = |u| Err(ReadError::Unreadable(u));
    let mut first = Vec::new();
    again()
        .map_err(ReadError::Io)?
        .take(4096)
        .read_to_end(&mut first)
        .map_err(ReadError::Io)?;
    if first.iter().all(u8::is_ascii_whitespace) {
        return un(Unreadable::Empty);
    }
    let probe: Result<Probe, _> = serde_json::from_reader(again().map_err(ReadError::Io)?);
    let probe = match probe {
        Ok(p) => p,
        Err(e) if e.is_io() => return Err(ReadError::Io(e.into())),
        Err(e) if matches!(e.classify(), serde_json::error::Category::Data) => {
            return un(Unreadable::NotABundle);
        }
        Err(e) => return un(Unreadable::NotJson(e.to_string())),
    };
    if probe.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return un(Unreadable::NotABundle);
    }
    match probe.version {
        Some(Value::Number(n)) if n.as_u64().is_some_and(known_version) => {}
        Some(other) => {
            let shown: String = other.to_string().chars().take(20).collect();
            return un(Unreadable::UnknownVersion(shown));
        }
        None => return un(Unreadable::Malformed("no version".into())),
    }
    un(Unreadable::Malformed(err))
}

fn known_version(v: u64) -> bool {
    (1..=VERSION).contains(&v)
}

/// Names itself a Témoin bundle of a version this one reads (else the refusal says which).
fn probably_ours(b: &RawBundle) -> bool {
    serde_json::from_str::<String>(b.format.get()).is_ok_and(|f| f == FORMAT)
        && serde_json::from_str::<u64>(b.version.get()).is_ok_and(known_version)
}

/// Something wrong in a readable bundle.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The signature does not match the content (altered, or not signed by this key).
    BadSignature,
    /// A version 1 bundle: which rows it holds is not signed, so some could have been removed.
    RowsNotSigned,
    /// The signed list of rows does not hold together (out of order, outside the log).
    RowsMalformed,
    /// Rows the signed part says are here are not (log positions, from 1).
    Missing { positions: Vec<u64>, total: u64 },
    /// Rows that are here but not in the signed list (log positions, from 1).
    Unexpected { positions: Vec<u64>, total: u64 },
    /// This event is not the one that was logged.
    AlteredEvent { index: u64, seq: u64 },
    /// This event is dated outside the signed period.
    OutsidePeriod { seq: u64, date: Option<NaiveDate> },
    /// The events and proof do not lead to the log's root.
    ProofFails,
    /// Hourly or daily figures that cannot be (more than the hour's time, more flagged pop-ups
    /// than pop-ups, outside the period…).
    ImpossibleFigures { start: chrono::NaiveDateTime },
    /// The checkpoint was signed by another worker's key.
    OtherWorker { at: DateTime<FixedOffset> },
    /// The checkpoint is later than the bundle (covers more events than it has).
    CheckpointLater { at: DateTime<FixedOffset> },
    /// The log does not extend the checkpoint: something given before was removed or changed.
    Inconsistent { at: DateTime<FixedOffset> },
    /// Against a witness's cosignature: the log was cut, rolled back or changed after it.
    Witness(WitnessProblem),
}

/// Positions named at most in a verdict (the total is given beside).
const NAMED: usize = 20;

/// What a readable bundle says and what is wrong with it (nothing: intact).
#[derive(Debug, Clone)]
pub struct Verified {
    pub bundle: Bundle,
    pub key: PublicKey,
    pub problems: Vec<Problem>,
    /// Checkpoints the bundle was shown to extend.
    pub extends: Vec<DateTime<FixedOffset>>,
    /// Witnesses' cosignatures the bundle was shown to extend.
    pub cosigned: Vec<CosignedBy>,
}

impl Verified {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }

    /// Hourly or daily figures: signed by the worker's device, not proven event by event.
    pub fn figures_only(&self) -> bool {
        self.bundle.level != Level::Events
    }
}

fn short(s: &str, what: &str) -> Result<(), Unreadable> {
    if s.len() > MAX_SHORT {
        return Err(Unreadable::Malformed(format!("{what} too long")));
    }
    Ok(())
}

/// Every check of a parsed bundle (with its signed message, as written).
fn check(
    (bundle, message): (Bundle, Vec<u8>),
    checkpoints: &[Checkpoint],
) -> Result<Verified, Unreadable> {
    if bundle.format != FORMAT {
        return Err(Unreadable::NotABundle);
    }
    if !known_version(bundle.version) {
        return Err(Unreadable::UnknownVersion(bundle.version.to_string()));
    }
    if bundle.version < MASKED_VERSION && !bundle.masked.is_empty() {
        return Err(Unreadable::Malformed(
            "masked events before version 3".into(),
        ));
    }
    if bundle.version < VERSION && bundle.witnessed.is_some() {
        return Err(Unreadable::Malformed("witnesses before version 4".into()));
    }
    if bundle
        .witnessed
        .as_ref()
        .is_some_and(|w| w.cosigned.len() > super::rows::MAX_WITNESSES)
    {
        return Err(Unreadable::Malformed("too many witnesses".into()));
    }
    for (s, what) in [
        (&bundle.app_version, "version"),
        (&bundle.worker.pseudonym, "pseudonym"),
        (&bundle.worker.public_key, "public key"),
        (&bundle.log.root, "root"),
        (&bundle.signature, "signature"),
    ] {
        short(s, what)?;
    }
    if bundle
        .events
        .iter()
        .any(|e| e.event.get().len() > MAX_EVENT_BYTES)
    {
        return Err(Unreadable::Malformed("an event is too long".into()));
    }
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
    match &bundle.holds {
        None => problems.push(Problem::RowsNotSigned),
        Some(h) if !h.well_formed(bundle.log.size) => problems.push(Problem::RowsMalformed),
        Some(h) if bundle.level == Level::Events => problems.extend(rows_held(h, &bundle.events)),
        Some(_) => {}
    }
    // Each event against its leaf and the period, then all leaves with the proof nodes against
    // the root.
    let mut leaves = BTreeMap::new();
    let mut duplicated = false;
    // A masked event is checked against its signed digest, its leaf taken as stated (the proof
    // to the root still places it); only a note or a self-report is ever masked.
    let masked: BTreeMap<u64, &str> = bundle
        .masked
        .iter()
        .map(|m| (m.index, m.digest.as_str()))
        .collect();
    if masked.len() != bundle.masked.len() {
        duplicated = true;
    }
    for e in &bundle.events {
        let stated = hash_from_hex(&e.leaf);
        let value: Option<Value> = serde_json::from_str(e.event.get()).ok();
        let holds_together = match masked.get(&e.index) {
            Some(digest) => value.as_ref().is_some_and(|v| {
                masked_digest(e.seq, v) == *digest
                    && serde_json::from_value::<Event>(v.clone())
                        .is_ok_and(|e| super::masking::maskable(&e))
            }),
            None => value.as_ref().map(|v| event_leaf(e.seq, v)) == stated,
        };
        if stated.is_none() || !holds_together {
            problems.push(Problem::AlteredEvent {
                index: e.index,
                seq: e.seq,
            });
        }
        let date = value
            .as_ref()
            .and_then(|v| v.get("at"))
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.date_naive());
        if !date.is_some_and(|d| bundle.period.contains(d)) {
            problems.push(Problem::OutsidePeriod { seq: e.seq, date });
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
    problems.extend(impossible_figures(&bundle));
    let mut extends = Vec::new();
    for c in checkpoints {
        match check_extends(&bundle, &key, &root, c) {
            Ok(()) => extends.push(c.at),
            Err(p) => problems.push(p),
        }
    }
    let mut cosigned = Vec::new();
    if let Some(w) = &bundle.witnessed {
        let (found, wrong) = super::rows::check(w, bundle.log.size);
        cosigned = found;
        problems.extend(wrong.into_iter().map(Problem::Witness));
    }
    Ok(Verified {
        bundle,
        key,
        problems,
        extends,
        cosigned,
    })
}

/// The rows held against the signed list: the missing and the unexpected, by log position.
fn rows_held(holds: &Holds, events: &[Entry]) -> Vec<Problem> {
    let mut missing = Vec::new();
    let mut unexpected = Vec::new();
    let (mut n_missing, mut n_unexpected) = (0u64, 0u64);
    let note = |list: &mut Vec<u64>, n: &mut u64, index: u64| {
        *n += 1;
        if list.len() < NAMED {
            list.push(index + 1);
        }
    };
    let mut wanted = holds.indexes().peekable();
    let mut last: Option<u64> = None;
    for e in events {
        // In order, each once.
        if last.is_some_and(|l| e.index <= l) {
            note(&mut unexpected, &mut n_unexpected, e.index);
            continue;
        }
        last = Some(e.index);
        while let Some(&w) = wanted.peek() {
            if w >= e.index {
                break;
            }
            note(&mut missing, &mut n_missing, w);
            wanted.next();
        }
        if wanted.peek() == Some(&e.index) {
            wanted.next();
        } else {
            note(&mut unexpected, &mut n_unexpected, e.index);
        }
    }
    for w in wanted {
        note(&mut missing, &mut n_missing, w);
    }
    let mut out = Vec::new();
    if n_missing > 0 {
        out.push(Problem::Missing {
            positions: missing,
            total: n_missing,
        });
    }
    if n_unexpected > 0 {
        out.push(Problem::Unexpected {
            positions: unexpected,
            total: n_unexpected,
        });
    }
    out
}

/// Hourly and daily figures that cannot be true of any worker's hour or day.
fn impossible_figures(bundle: &Bundle) -> Vec<Problem> {
    let hours = match bundle.level {
        Level::Events => {
            return bundle
                .aggregates
                .first()
                .map(|b| Problem::ImpossibleFigures { start: b.start })
                .into_iter()
                .collect();
        }
        Level::Hourly => 1,
        Level::Daily => 24,
    };
    let span = f64::from(hours) * 3600.0;
    let mut out = Vec::new();
    let mut previous = None;
    for b in &bundle.aggregates {
        let aligned =
            b.start.minute() == 0 && b.start.second() == 0 && (hours == 1 || b.start.hour() == 0);
        let time_ok = |s: f64| s.is_finite() && s >= 0.0;
        let ok = b.hours == hours
            && aligned
            && previous.is_none_or(|p| b.start > p)
            && bundle.period.contains(b.start.date())
            // A second of slack for rounding.
            && time_ok(b.active_s)
            && b.active_s <= span + 1.0
            && time_ok(b.speech_s)
            && b.speech_s <= span + 60.0
            && time_ok(b.phone_s)
            && b.emotion_flagged <= b.popups
            && b.contradicted <= b.popups
            && b.by_category.values().map(|&n| u64::from(n)).sum::<u64>() == u64::from(b.popups);
        if !ok {
            out.push(Problem::ImpossibleFigures { start: b.start });
        }
        previous = Some(b.start);
    }
    out
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

/// Whether the log of `later` is shown to extend the log of `earlier` (the same worker's two
/// bundles): the same head, or a consistency proof `later` carries from `earlier`'s head.
/// `false` is a fork, or a later bundle that cannot show it grew from the earlier one.
pub fn extends(later: &Bundle, earlier: &Bundle) -> bool {
    let (Some(r_later), Some(r_earlier)) = (
        hash_from_hex(&later.log.root),
        hash_from_hex(&earlier.log.root),
    ) else {
        return false;
    };
    if earlier.log.size == later.log.size {
        return r_earlier == r_later;
    }
    if earlier.log.size > later.log.size {
        return false;
    }
    later.checkpoints.iter().any(|x| {
        x.size == earlier.log.size
            && hash_from_hex(&x.root) == Some(r_earlier)
            && x.proof
                .iter()
                .map(|h| hash_from_hex(h))
                .collect::<Option<Vec<Hash>>>()
                .is_some_and(|h| {
                    merkle::verify_consistency(x.size, later.log.size, &r_earlier, &r_later, &h)
                })
    })
}

/// A list read with a ceiling: past `MAX` items the file is refused, before more is allocated.
fn capped_vec<'de, D, T, const MAX: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T, const MAX: usize>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const MAX: usize> Visitor<'de> for V<T, MAX> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {MAX} items")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(x) = seq.next_element()? {
                if out.len() == MAX {
                    return Err(de::Error::custom(format!("more than {MAX} items")));
                }
                out.push(x);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V::<T, MAX>(PhantomData))
}

/// A map of short texts read with a ceiling on its size.
fn capped_map<'de, D, const MAX: usize>(d: D) -> Result<BTreeMap<String, String>, D::Error>
where
    D: Deserializer<'de>,
{
    struct V<const MAX: usize>;
    impl<'de, const MAX: usize> Visitor<'de> for V<MAX> {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a map of at most {MAX} entries")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, String>()? {
                if out.len() == MAX || k.len() > 64 || v.len() > 64 {
                    return Err(de::Error::custom("proof nodes too many or too long"));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V::<MAX>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_held_are_ranges_and_their_gaps_are_named() {
        let h = Holds::of([2, 3, 4, 7, 9, 10]);
        assert_eq!(h.count, 6);
        assert_eq!(h.ranges, vec![[2, 4], [7, 7], [9, 10]]);
        assert!(h.well_formed(11));
        assert!(!h.well_formed(10), "past the log's end");
        let bad = Holds {
            count: 6,
            ranges: vec![[7, 7], [2, 4], [9, 10]],
        };
        assert!(!bad.well_formed(11), "out of order");
        let entry = |index: u64| Entry {
            index,
            seq: index + 1,
            leaf: String::new(),
            event: RawValue::from_string("{}".into()).unwrap(),
        };
        let held: Vec<Entry> = [2, 4, 7, 8, 9, 10].into_iter().map(entry).collect();
        assert_eq!(
            rows_held(&h, &held),
            vec![
                Problem::Missing {
                    positions: vec![4],
                    total: 1
                },
                Problem::Unexpected {
                    positions: vec![9],
                    total: 1
                }
            ]
        );
        let twice: Vec<Entry> = [2, 3, 3, 4, 7, 9, 10].into_iter().map(entry).collect();
        assert_eq!(
            rows_held(&h, &twice),
            vec![Problem::Unexpected {
                positions: vec![4],
                total: 1
            }]
        );
    }
}
