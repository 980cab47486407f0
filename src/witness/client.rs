//! The worker's side of `c2sp.org/tlog-witness`: sends each witness the worker added a checkpoint
//! of the vault's sealed rows ([`crate::evidence::rows`]) with the consistency proof from the last
//! one it cosigned, and keeps its cosignature in the vault. Only the request the specification
//! defines is sent (old size, proof hashes, the signed checkpoint: size, root, signature) and,
//! when a witness says it holds more than the vault, a request for its own copy of it.
//!
//! A witness that holds a larger log than the vault, or one the vault does not extend, is the
//! proof the vault was cut, rolled back or changed: its cosigned checkpoint is kept beside the
//! rows so that every export carries it and `verify` says so, with the witness's date.
//!
//! [`Submitter`] does this on a thread for the app that runs all day: after each call, every
//! quarter of an hour when rows were added, and once more at the end of the shift; a witness out of
//! reach is counted and tried again later, never waited for.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::pipeline::live::Counters;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use crate::evidence::cosign::{AddCheckpoint, VerifierKey};
use crate::evidence::identity::PublicKey;
use crate::evidence::merkle::to_hex;
use crate::evidence::note;
use crate::evidence::rows::{self, Rows};
use crate::settings::AddedWitness;
use crate::vault::{Cosigned, Vault, VaultError};

/// Why nothing could be sent at all.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("no witness was added")]
    NoWitness,
    #[error("the witness key {0:?} is not a witness's key")]
    BadKey(String),
    #[error("the witness address {0:?} is not an http:// or https:// address")]
    BadUrl(String),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// What one witness made of the checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Cosigned now.
    Cosigned { size: u64, time: u64 },
    /// It already cosigned this very checkpoint.
    UpToDate { size: u64 },
    /// It cosigned `cosigned` rows (at `time`, when it showed its copy) that this vault, now of
    /// `have` rows, does not extend: cut, rolled back or changed.
    Contradicted {
        cosigned: u64,
        time: Option<u64>,
        have: u64,
    },
    /// Not cosigned this time: tried again later.
    Failed(Failure),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer (network, name, refused connection, time out).
    Unreachable(String),
    /// The witness does not know this log: it was not enrolled (404) or not with this key (403).
    NotEnrolled(u16),
    /// Another refusal (the status and the witness's words).
    Refused { status: u16, said: String },
    /// An answer that holds no valid cosignature by the witness's key.
    BadAnswer,
}

impl Failure {
    fn said(&self) -> String {
        match self {
            Failure::Unreachable(e) => e.clone(),
            Failure::NotEnrolled(s) => format!("HTTP {s}"),
            Failure::Refused { status, said } => format!("HTTP {status}: {said}"),
            Failure::BadAnswer => "no valid cosignature".into(),
        }
    }
}

/// A witness the worker added, its key read.
pub struct Target {
    pub url: String,
    pub key: VerifierKey,
}

impl Target {
    pub fn of(added: &AddedWitness) -> Result<Target, ClientError> {
        let key = VerifierKey::parse(&added.key)
            .filter(VerifierKey::is_witness)
            .ok_or_else(|| ClientError::BadKey(added.key.chars().take(120).collect()))?;
        let url = added.url.trim().trim_end_matches('/').to_string();
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(' ') {
            return Err(ClientError::BadUrl(added.url.chars().take(120).collect()));
        }
        Ok(Target { url, key })
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(5)))
        .timeout_global(Some(Duration::from_secs(20)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Status and body (at most 64 kB) of an answer.
fn answer(
    r: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<(u16, String), Failure> {
    let mut r = r.map_err(|e| Failure::Unreachable(e.to_string()))?;
    let status = r.status().as_u16();
    let body = r
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .map_err(|e| Failure::Unreachable(e.to_string()))?;
    Ok((status, body))
}

/// Sends the vault's checkpoint to each witness; each outcome is also counted in the vault.
pub fn submit(
    vault: &mut Vault,
    rows: &mut Rows,
    witnesses: &[AddedWitness],
) -> Result<Vec<(String, Outcome)>, ClientError> {
    if witnesses.is_empty() {
        return Err(ClientError::NoWitness);
    }
    let targets: Vec<Target> = witnesses.iter().map(Target::of).collect::<Result<_, _>>()?;
    let key = vault.make_log_key()?;
    rows.update(vault)?;
    let tree = rows.tree(rows.size());
    let checkpoint = note::sign_rows(&key, tree.size(), &tree.root());
    let log = note::rows_vkey(&PublicKey::of(&key));
    let kept = vault.cosigned()?;
    let agent = agent();
    let mut out = Vec::new();
    for t in &targets {
        let name = t.key.name.clone();
        let latest = kept
            .iter()
            .filter(|c| c.witness == t.key.to_text())
            .max_by_key(|c| c.size);
        let outcome = one(&agent, t, &log, &checkpoint, &tree, latest, vault);
        let error = match &outcome {
            Outcome::Failed(f) => Some(f.said()),
            _ => None,
        };
        vault.note_try(&t.key.to_text(), error.as_deref(), now())?;
        out.push((name, outcome));
    }
    Ok(out)
}

fn one(
    agent: &ureq::Agent,
    t: &Target,
    log: &VerifierKey,
    checkpoint: &str,
    tree: &crate::evidence::merkle::Tree,
    latest: Option<&Cosigned>,
    vault: &mut Vault,
) -> Outcome {
    let have = tree.size();
    let known = latest.and_then(|c| Some((c.size, rows::cosigned_root(&c.note)?, c.time)));
    match known {
        Some((size, _, time)) if size > have => {
            return Outcome::Contradicted {
                cosigned: size,
                time: Some(time),
                have,
            };
        }
        Some((size, root, _)) if size == have && root == tree.root() => {
            return Outcome::UpToDate { size };
        }
        _ => {}
    }
    let mut old = known.map_or(0, |k| k.0);
    // Twice at most: once from what the vault knows, once from the size the witness says it holds.
    for _ in 0..2 {
        let proof = if old > 0 && old < have {
            tree.consistency(old)
        } else {
            Vec::new()
        };
        let body = AddCheckpoint {
            old,
            proof,
            note: checkpoint.to_string(),
        }
        .to_text();
        let sent = agent
            .post(format!("{}/add-checkpoint", t.url))
            .header("Content-Type", "text/plain")
            .send(body.as_bytes());
        let (status, said) = match answer(sent) {
            Ok(a) => a,
            Err(f) => return Outcome::Failed(f),
        };
        match status {
            200 => {
                let Some((note, time)) = rows::with_cosignature(checkpoint, &said, &t.key) else {
                    return Outcome::Failed(Failure::BadAnswer);
                };
                let kept = vault.keep_cosigned(&Cosigned {
                    witness: t.key.to_text(),
                    size: have,
                    note,
                    time,
                });
                return match kept {
                    Ok(()) => Outcome::Cosigned { size: have, time },
                    Err(e) => Outcome::Failed(Failure::Unreachable(e.to_string())),
                };
            }
            409 => {
                let Ok(theirs) = said.trim().parse::<u64>() else {
                    return Outcome::Failed(Failure::BadAnswer);
                };
                if theirs > have {
                    return contradicted(agent, t, log, vault, theirs, have);
                }
                old = theirs;
            }
            422 => return contradicted(agent, t, log, vault, old, have),
            403 | 404 => return Outcome::Failed(Failure::NotEnrolled(status)),
            _ => {
                return Outcome::Failed(Failure::Refused {
                    status,
                    said: said
                        .chars()
                        .take(200)
                        .collect::<String>()
                        .trim()
                        .to_string(),
                });
            }
        }
    }
    Outcome::Failed(Failure::Refused {
        status: 409,
        said: "conflict".into(),
    })
}

/// The witness holds what the vault does not extend: its own cosigned copy is asked for (a Témoin
/// witness gives it; another may not) and kept, so that exports carry it.
fn contradicted(
    agent: &ureq::Agent,
    t: &Target,
    log: &VerifierKey,
    vault: &mut Vault,
    theirs: u64,
    have: u64,
) -> Outcome {
    let url = format!("{}/checkpoint/{}", t.url, log.name);
    let copy = answer(agent.get(url).call())
        .ok()
        .filter(|(status, _)| *status == 200)
        .and_then(|(_, note)| {
            let (size, time) = rows::read_cosigned(&note, log, &t.key)?;
            Some(Cosigned {
                witness: t.key.to_text(),
                size,
                note,
                time,
            })
        });
    match copy {
        Some(c) => {
            let (cosigned, time) = (c.size, c.time);
            let _ = vault.keep_cosigned(&c);
            Outcome::Contradicted {
                cosigned,
                time: Some(time),
                have,
            }
        }
        None => Outcome::Contradicted {
            cosigned: theirs,
            time: None,
            have,
        },
    }
}

/// The log key's verifier key, which the worker gives the council to enrol (made if needed).
pub fn log_vkey(vault: &mut Vault) -> Result<String, VaultError> {
    Ok(note::rows_vkey(&PublicKey::of(&vault.make_log_key()?)).to_text())
}

/// The log key's fingerprint and the rows' head now: what the worker can compare.
pub fn head(vault: &Vault) -> Result<(u64, String), VaultError> {
    let rows = Rows::read(vault)?;
    Ok((rows.size(), to_hex(&rows.tree(rows.size()).root())))
}

enum Nudge {
    Now,
    Finish(Sender<()>),
}

/// Submissions on a thread, for the app that runs all day.
pub struct Submitter {
    tx: Sender<Nudge>,
    /// Submissions made, and those that found the vault contradicted (read by the window).
    pub status: Arc<SubmitterStatus>,
}

#[derive(Debug, Default)]
pub struct SubmitterStatus {
    pub cosigned: AtomicU64,
    pub failed: AtomicU64,
    pub contradicted: AtomicU64,
}

/// How often the submitter looks and sends.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// How often it looks whether a call ended.
    pub look: Duration,
    /// When rows were added but no call ended, a checkpoint this often.
    pub every: Duration,
    /// The wait after a first failure; it doubles with each one after, up to `max_backoff`.
    pub backoff: Duration,
    pub max_backoff: Duration,
}

impl Pace {
    /// A working day's: a look every 5 s, a checkpoint at least every quarter of an hour when
    /// rows were added, a witness out of reach tried after 1 min, then 2, 4… up to 30.
    pub const DAY: Pace = Pace {
        look: Duration::from_secs(5),
        every: Duration::from_secs(15 * 60),
        backoff: Duration::from_secs(60),
        max_backoff: Duration::from_secs(30 * 60),
    };
}

impl Submitter {
    /// Starts when the worker added witnesses (`None` otherwise: nothing is sent). `calls_ended`
    /// is the monitor's count of calls ended.
    pub fn start(
        vault: PathBuf,
        witnesses: Vec<AddedWitness>,
        calls_ended: Option<Arc<Counters>>,
    ) -> Option<Submitter> {
        Self::start_at(vault, witnesses, calls_ended, Pace::DAY)
    }

    /// As [`Submitter::start`], at another pace.
    pub fn start_at(
        vault: PathBuf,
        witnesses: Vec<AddedWitness>,
        calls_ended: Option<Arc<Counters>>,
        pace: Pace,
    ) -> Option<Submitter> {
        if witnesses.is_empty() {
            return None;
        }
        let (tx, rx) = crossbeam_channel::unbounded();
        let status = Arc::new(SubmitterStatus::default());
        let st = status.clone();
        std::thread::Builder::new()
            .name("temoin-witness".into())
            .spawn(move || run(vault, witnesses, calls_ended, rx, st, pace))
            .ok()?;
        Some(Submitter { tx, status })
    }

    /// Submits as soon as possible (after a call, an end-of-shift report).
    pub fn nudge(&self) {
        let _ = self.tx.send(Nudge::Now);
    }

    /// The end of the shift: one last submission, waited for at most `within`.
    pub fn finish(self, within: Duration) {
        let (done, wait) = crossbeam_channel::bounded(1);
        if self.tx.send(Nudge::Finish(done)).is_ok() {
            let _ = wait.recv_timeout(within);
        }
    }
}

fn run(
    path: PathBuf,
    witnesses: Vec<AddedWitness>,
    calls_ended: Option<Arc<Counters>>,
    rx: Receiver<Nudge>,
    status: Arc<SubmitterStatus>,
    pace: Pace,
) {
    let mut rows = Rows::default();
    let mut vault: Option<Vault> = None;
    let mut calls_seen = calls_ended
        .as_ref()
        .map_or(0, |c| c.calls_ended.load(Ordering::Relaxed));
    let mut submitted_size = None;
    let mut last = Instant::now();
    let mut backoff: Option<(Instant, Duration)> = None;
    loop {
        let nudge = rx.recv_timeout(pace.look);
        let (finish, asked) = match nudge {
            Ok(Nudge::Finish(done)) => (Some(done), true),
            Ok(Nudge::Now) => (None, true),
            Err(RecvTimeoutError::Timeout) => (None, false),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let calls = calls_ended
            .as_ref()
            .map_or(0, |c| c.calls_ended.load(Ordering::Relaxed));
        let waiting = backoff.is_some_and(|(since, wait)| since.elapsed() < wait);
        let due = asked
            || (!waiting
                && (calls != calls_seen || last.elapsed() >= pace.every || backoff.is_some()));
        if !due {
            continue;
        }
        calls_seen = calls;
        last = Instant::now();
        if vault.is_none() {
            vault = Vault::open(&path).ok();
        }
        let Some(v) = vault.as_mut() else {
            continue;
        };
        // Nothing new since the last submission that was answered: nothing to send.
        let grown = rows.update(v).map(|()| Some(rows.size()) != submitted_size);
        if matches!(grown, Ok(false)) && backoff.is_none() {
            if let Some(done) = finish {
                let _ = done.send(());
            }
            continue;
        }
        match submit(v, &mut rows, &witnesses) {
            Ok(outcomes) => {
                let failed = outcomes
                    .iter()
                    .any(|(_, o)| matches!(o, Outcome::Failed(_)));
                for (_, o) in &outcomes {
                    let counter = match o {
                        Outcome::Cosigned { .. } | Outcome::UpToDate { .. } => &status.cosigned,
                        Outcome::Contradicted { .. } => &status.contradicted,
                        Outcome::Failed(_) => &status.failed,
                    };
                    counter.fetch_add(1, Ordering::Relaxed);
                }
                backoff = failed.then(|| {
                    let wait = backoff.map_or(pace.backoff, |(_, w)| (w * 2).min(pace.max_backoff));
                    (Instant::now(), wait)
                });
                submitted_size = Some(rows.size());
            }
            Err(_) => {
                // The vault went away (moved, locked): opened again next time.
                vault = None;
                status.failed.fetch_add(1, Ordering::Relaxed);
            }
        }
        if let Some(done) = finish {
            let _ = done.send(());
        }
    }
}
