//! `temoin witness`: the witness a works council or a union runs for its members' logs
//! (`c2sp.org/tlog-witness`). It cosigns a checkpoint only if it extends every checkpoint it
//! cosigned before for that log (never two of one size with different roots, never a smaller
//! tree after a larger one), across restarts: the new state is committed to SQLite before the
//! answer is sent. Only logs enrolled in person (from the worker's checkpoint or key) are heard.
//!
//! [`Witness::add_checkpoint`] follows the specification's checks in order; `serve` puts it
//! behind HTTP.

pub mod client;
mod serve;
mod store;

use std::path::Path;

use ring::signature::Ed25519KeyPair;

use crate::evidence::cosign::{self, AddCheckpoint, VerifierKey};
use crate::evidence::identity::PublicKey;
use crate::evidence::merkle;

pub use serve::serve;
pub use store::{LogState, StoreError};

/// Bodies larger than this are refused before being read (a checkpoint with its proof is under
/// 4 kB; a log may carry extension lines).
pub const MAX_BODY: usize = 64 * 1024;

/// Why a checkpoint was not cosigned, with the HTTP status the specification gives it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("malformed request: {0}")]
    Malformed(&'static str),
    #[error("unknown log")]
    UnknownLog,
    #[error("no valid signature by the log's key")]
    BadSignature,
    /// The old size is not the last one cosigned: the log is told which it is.
    #[error("the last size cosigned is {0}")]
    Conflict(u64),
    #[error("not consistent with what was cosigned: {0}")]
    Inconsistent(&'static str),
    /// The clock reads before the last cosignature of this log.
    #[error("the witness clock is behind")]
    ClockBehind,
    #[error("the witness's store failed: {0}")]
    Store(String),
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Malformed(_) => 400,
            Refusal::BadSignature => 403,
            Refusal::UnknownLog => 404,
            Refusal::Conflict(_) => 409,
            Refusal::Inconsistent(_) => 422,
            Refusal::ClockBehind | Refusal::Store(_) => 503,
        }
    }
}

/// A witness: its signing key and name, and its store.
pub struct Witness {
    name: String,
    key: Ed25519KeyPair,
    store: store::Store,
    clock: fn() -> u64,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Witness {
    /// Creates a witness in `dir` (its database, 0600) named `name` (e.g.
    /// `cse-acme.example/temoin`), and returns it.
    pub fn create(dir: &Path, name: &str) -> Result<Witness, StoreError> {
        if !cosign::valid_name(name) {
            return Err(StoreError::BadName);
        }
        store::Store::create(dir, name)?;
        Self::open(dir)
    }

    pub fn open(dir: &Path) -> Result<Witness, StoreError> {
        let (store, name, pkcs8) = store::Store::open(dir)?;
        let key = Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| StoreError::Damaged("key"))?;
        Ok(Witness {
            name,
            key,
            store,
            clock: now,
        })
    }

    /// The key logs verify cosignatures with (`<name>+<id>+<base64>`).
    pub fn vkey(&self) -> VerifierKey {
        VerifierKey::witness(&self.name, PublicKey::of(&self.key))
    }

    /// Enrols a log from its verifier key, or from a Témoin checkpoint (whose origin names its
    /// key; its signature is checked). Returns the origin.
    pub fn enroll(&self, given: &str) -> Result<String, Refusal> {
        let vkey = match VerifierKey::parse(given) {
            Some(v) if !v.is_witness() => v,
            Some(_) => return Err(Refusal::Malformed("a witness key, not a log's")),
            None => {
                let c = crate::evidence::checkpoint::Checkpoint::parse(given)
                    .map_err(|_| Refusal::Malformed("neither a log key nor a checkpoint"))?;
                VerifierKey::log(&crate::evidence::note::origin(&c.key), c.key)
            }
        };
        self.store
            .enroll(&vkey.name, &vkey.to_text(), (self.clock)())
            .map_err(|e| Refusal::Store(e.to_string()))?;
        Ok(vkey.name)
    }

    /// The last checkpoint cosigned for a log (its note with both signature lines).
    pub fn latest(&self, origin: &str) -> Result<Option<String>, StoreError> {
        self.store.latest(origin)
    }

    /// What the witness holds of each enrolled log.
    pub fn logs(&self) -> Result<Vec<LogState>, StoreError> {
        self.store.logs()
    }

    /// `add-checkpoint`: the checks of c2sp.org/tlog-witness in order, the new state committed,
    /// then the cosignature line.
    pub fn add_checkpoint(&self, request: &str) -> Result<String, Refusal> {
        let req = AddCheckpoint::parse(request).ok_or(Refusal::Malformed("request"))?;
        let text = req
            .note
            .rfind("\n\n")
            .map(|at| &req.note[..at + 1])
            .ok_or(Refusal::Malformed("note"))?;
        let body = cosign::body(text).ok_or(Refusal::Malformed("checkpoint"))?;
        let vkey = self
            .store
            .vkey(&body.origin)
            .map_err(|e| Refusal::Store(e.to_string()))?
            .and_then(|v| VerifierKey::parse(&v))
            .ok_or(Refusal::UnknownLog)?;
        let (text, theirs) =
            crate::evidence::note::log_signature(&req.note, &vkey).ok_or(Refusal::BadSignature)?;
        let text = text.as_str();
        if req.old > body.size {
            return Err(Refusal::Malformed("old size larger than the checkpoint's"));
        }
        self.store.update(&body.origin, |known| {
            let (known_size, known_root) =
                known.map_or((0, merkle::empty_root()), |k| (k.size, k.root));
            if req.old != known_size {
                return Err(Refusal::Conflict(known_size));
            }
            let consistent = if req.old == 0 {
                req.proof.is_empty() && (body.size > 0 || body.root == merkle::empty_root())
            } else if req.old == body.size {
                req.proof.is_empty() && body.root == known_root
            } else {
                merkle::verify_consistency(req.old, body.size, &known_root, &body.root, &req.proof)
            };
            if !consistent {
                return Err(Refusal::Inconsistent(if req.old == body.size {
                    "same size, another root"
                } else {
                    "the consistency proof does not verify"
                }));
            }
            let time = (self.clock)();
            if known.is_some_and(|k| time < k.time) {
                return Err(Refusal::ClockBehind);
            }
            let line =
                String::from_utf8(cosign::cosign(&self.key, &self.name, time, text).to_bytes())
                    .expect("signature lines are UTF-8");
            let log_line = String::from_utf8(theirs.to_bytes()).expect("read as UTF-8");
            Ok((
                LogState {
                    origin: body.origin.clone(),
                    size: body.size,
                    root: body.root,
                    time,
                },
                format!("{text}\n{log_line}{line}"),
                line,
            ))
        })
    }
}

#[cfg(test)]
mod tests;
