//! What `temoin export` / `temoin checkpoint` and the window's « Preuves » do alike: read the vault
//! with the passphrase, sign, write whole files.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::bundle::{self, Bundle, Level, Period};
use super::checkpoint::Checkpoint;
use super::identity::PublicKey;
use super::log::Log;
use super::merkle::to_hex;
use crate::events::{Event, EventKind};
use crate::vault::{Break, Vault, VaultError};

/// A signed bundle, and the chain break the vault showed when it was read (exported as it is:
/// a checkpoint given earlier will show what changed).
pub struct Made {
    pub bundle: Bundle,
    pub broken: Option<Break>,
}

/// The period asked for, each end defaulting to the first logged day and `today`.
pub fn period(
    log: &Log,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Period {
    let first = log
        .rows
        .iter()
        .find_map(|(_, e)| e.as_ref().map(|e| e.at.date_naive()));
    Period {
        from: from.or(first).unwrap_or(today),
        to: to.unwrap_or(today),
    }
}

/// What an export is made of: the period (each end defaulted by [`period`]), the level, and who
/// it is for (each recipient named gets its own signing key).
pub struct Asked<'a> {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub level: Level,
    pub recipient: Option<&'a str>,
}

/// Unlocks, reads the whole log and signs a bundle as asked.
pub fn make(
    vault: &Vault,
    passphrase: &str,
    asked: &Asked<'_>,
    now: DateTime<FixedOffset>,
) -> Result<Made, VaultError> {
    let unlocked = vault.unlock(passphrase)?;
    let broken = vault.check()?.broken;
    let log = Log::new(unlocked.events()?);
    let p = period(&log, asked.from, asked.to, now.date_naive());
    let key = unlocked.signing_key(asked.recipient);
    let mut bundle = bundle::build(&log, &key, p, asked.level, now);
    if let Some(w) = super::rows::witnessed(vault, log.tree.size())? {
        bundle::attach_witnessed(&mut bundle, w, &key);
    }
    Ok(Made { bundle, broken })
}

/// The pseudonym and fingerprint `recipient` sees exports and checkpoints signed by (unlocks).
pub fn identity(
    vault: &Vault,
    passphrase: &str,
    recipient: Option<&str>,
) -> Result<PublicKey, VaultError> {
    Ok(PublicKey::of(
        &vault.unlock(passphrase)?.signing_key(recipient),
    ))
}

/// The bundle as its file: indented to be read, unless it is long enough that size matters more.
pub fn to_json(b: &Bundle) -> Vec<u8> {
    let json = if b.events.len() < 20_000 {
        serde_json::to_vec_pretty(b)
    } else {
        serde_json::to_vec(b)
    };
    json.expect("bundles serialise")
}

/// Writes the worker's file whole and for them only (see [`crate::paths::write_private`]).
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::paths::write_private(path, bytes)
}

/// Records in the log that this bundle's head was given out, so that every later bundle carries
/// the proof that it extends it (a council that receives both can tell a forked log). A vault
/// that cannot be written to is left as it is: the bundle is valid all the same.
pub fn given(vault: &mut Vault, b: &Bundle, now: DateTime<FixedOffset>) -> Result<(), VaultError> {
    if vault.writable().is_err() {
        return Ok(());
    }
    vault.append(&Event::at(
        now.to_utc(),
        EventKind::CheckpointGiven {
            size: b.log.size,
            root: b.log.root.clone(),
        },
    ))?;
    Ok(())
}

/// Signs the log's size and root now and records in the log that it was given.
pub fn give_checkpoint(
    vault: &mut Vault,
    passphrase: &str,
    recipient: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<Checkpoint, VaultError> {
    vault.writable()?;
    let c = {
        let unlocked = vault.unlock(passphrase)?;
        let log = Log::new(unlocked.events()?);
        Checkpoint::sign(
            &unlocked.signing_key(recipient),
            log.tree.size(),
            log.tree.root(),
            now,
        )
    };
    vault.append(&Event::at(
        now.to_utc(),
        EventKind::CheckpointGiven {
            size: c.size,
            root: to_hex(&c.root),
        },
    ))?;
    Ok(c)
}
