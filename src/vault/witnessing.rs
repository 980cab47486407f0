//! What the worker's witnesses need from the vault, all without the passphrase, so that the app
//! that runs all day can submit checkpoints: the sealed rows (the tree a witness cosigns is over
//! them, not over the events only the passphrase opens), the log key that signs those checkpoints
//! and nothing else, and what the witnesses answered.
//!
//! The log key is kept in clear, made only when the worker adds a witness: whoever copies the file
//! can sign a checkpoint that extends the log, never one that contradicts what a witness already
//! cosigned (the witness refuses it). The cosignatures are public (sizes, roots, signatures) and
//! sit beside the rows, outside the chain, so that a vault cut after a cosignature still carries
//! the proof of what it had.

use ring::signature::Ed25519KeyPair;
use rusqlite::{OptionalExtension, params};
use zeroize::Zeroizing;

use super::{Vault, VaultError, meta_optional, new_pkcs8};

/// A checkpoint of the rows a witness cosigned (or, when the witness showed it had cosigned more
/// than the vault now holds, the witness's own record of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cosigned {
    /// The witness's verifier key (`<name>+<id>+<base64>`).
    pub witness: String,
    pub size: u64,
    /// The signed note with the log's signature and the witness's cosignature.
    pub note: String,
    /// When the witness cosigned (seconds since 1970, from its cosignature).
    pub time: u64,
}

/// How submissions to one witness went: failures since the last success are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tries {
    pub witness: String,
    pub failures: u64,
    pub last_error: Option<String>,
    /// Last time a submission was answered (seconds since 1970).
    pub last_answer: Option<u64>,
}

const TABLES: &str = "
    CREATE TABLE IF NOT EXISTS cosigned (witness TEXT NOT NULL, size INTEGER NOT NULL,
        note TEXT NOT NULL, time INTEGER NOT NULL, PRIMARY KEY (witness, size)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS witness_tries (witness TEXT PRIMARY KEY, failures INTEGER NOT NULL,
        last_error TEXT, last_answer INTEGER) WITHOUT ROWID;
";

impl Vault {
    /// Streams the sealed rows after row `after` (all of them: `None`), in order: sequence
    /// number, blob and link.
    pub fn sealed_rows_after(
        &self,
        after: Option<u64>,
        f: impl FnMut(u64, &[u8], &[u8]),
    ) -> Result<(), VaultError> {
        self.each_row(after, f)
    }

    /// The chain link stored with row `seq` (it binds every row up to it).
    pub fn link_at(&self, seq: u64) -> Result<Option<Vec<u8>>, VaultError> {
        self.conn
            .query_row(
                "SELECT link FROM events WHERE seq = ?1",
                [seq as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())
    }

    /// The key that signs the rows' checkpoints, when the worker added a witness.
    pub fn log_key(&self) -> Result<Option<Ed25519KeyPair>, VaultError> {
        let Some(pkcs8) = meta_optional(&self.conn, "log_key")?.map(Zeroizing::new) else {
            return Ok(None);
        };
        Ed25519KeyPair::from_pkcs8(&pkcs8)
            .map(Some)
            .map_err(|_| VaultError::Corrupt("log key".into()))
    }

    /// The log key, made the first time it is asked for.
    pub fn make_log_key(&mut self) -> Result<Ed25519KeyPair, VaultError> {
        if let Some(k) = self.log_key()? {
            return Ok(k);
        }
        self.writable()?;
        let pkcs8 = new_pkcs8()?;
        self.conn
            .execute(
                "INSERT INTO meta (name, value) VALUES ('log_key', ?1) ON CONFLICT(name) DO NOTHING",
                [pkcs8.as_slice()],
            )
            .map_err(self.sql())?;
        self.log_key()?
            .ok_or_else(|| VaultError::Corrupt("log key".into()))
    }

    fn has_tables(&self) -> Result<bool, VaultError> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('cosigned', 'witness_tries')",
                [],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        Ok(n == 2)
    }

    /// Keeps a cosigned checkpoint (a second one of the same size from the same witness is the
    /// same checkpoint: the first is kept).
    pub fn keep_cosigned(&mut self, c: &Cosigned) -> Result<(), VaultError> {
        self.writable()?;
        let sql = self.sql();
        self.conn.execute_batch(TABLES).map_err(&sql)?;
        self.conn
            .execute(
                "INSERT INTO cosigned (witness, size, note, time) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![c.witness, c.size as i64, c.note, c.time as i64],
            )
            .map_err(&sql)?;
        Ok(())
    }

    /// Every cosigned checkpoint kept, by witness then size.
    pub fn cosigned(&self) -> Result<Vec<Cosigned>, VaultError> {
        if !self.has_tables()? {
            return Ok(Vec::new());
        }
        let sql = self.sql();
        let mut stmt = self
            .conn
            .prepare("SELECT witness, size, note, time FROM cosigned ORDER BY witness, size")
            .map_err(&sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Cosigned {
                    witness: r.get(0)?,
                    size: r.get::<_, i64>(1)? as u64,
                    note: r.get(2)?,
                    time: r.get::<_, i64>(3)? as u64,
                })
            })
            .map_err(&sql)?;
        rows.collect::<Result<_, _>>().map_err(&sql)
    }

    /// Counts a submission: an answer (`None`) clears the failures, an error adds one.
    pub fn note_try(
        &mut self,
        witness: &str,
        error: Option<&str>,
        at: u64,
    ) -> Result<(), VaultError> {
        self.writable()?;
        let sql = self.sql();
        self.conn.execute_batch(TABLES).map_err(&sql)?;
        match error {
            None => self.conn.execute(
                "INSERT INTO witness_tries (witness, failures, last_error, last_answer)
                 VALUES (?1, 0, NULL, ?2) ON CONFLICT(witness) DO UPDATE SET failures = 0,
                 last_error = NULL, last_answer = excluded.last_answer",
                params![witness, at as i64],
            ),
            Some(e) => self.conn.execute(
                "INSERT INTO witness_tries (witness, failures, last_error) VALUES (?1, 1, ?2)
                 ON CONFLICT(witness) DO UPDATE SET failures = failures + 1,
                 last_error = excluded.last_error",
                params![witness, e],
            ),
        }
        .map_err(&sql)?;
        Ok(())
    }

    /// How submissions went, per witness.
    pub fn tries(&self) -> Result<Vec<Tries>, VaultError> {
        if !self.has_tables()? {
            return Ok(Vec::new());
        }
        let sql = self.sql();
        let mut stmt = self
            .conn
            .prepare("SELECT witness, failures, last_error, last_answer FROM witness_tries")
            .map_err(&sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Tries {
                    witness: r.get(0)?,
                    failures: r.get::<_, i64>(1)? as u64,
                    last_error: r.get(2)?,
                    last_answer: r.get::<_, Option<i64>>(3)?.map(|t| t as u64),
                })
            })
            .map_err(&sql)?;
        rows.collect::<Result<_, _>>().map_err(&sql)
    }
}
