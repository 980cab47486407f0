//! The witness's state in one SQLite file (`witness.db`, 0600): its name and key, the logs
//! enrolled, and for each the last checkpoint cosigned. WAL, `synchronous=FULL`: a cosignature is
//! answered only once its state is on disk.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::Refusal;
use crate::evidence::merkle::Hash;

const FILE: &str = "witness.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no witness in {0} (temoin witness init)")]
    Missing(PathBuf),
    #[error("a witness already exists in {0}")]
    Exists(PathBuf),
    #[error("a witness name has no space, no '+' and at most 255 bytes")]
    BadName,
    #[error("the witness's file is damaged ({0})")]
    Damaged(&'static str),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// What the witness holds of one log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogState {
    pub origin: String,
    /// 0 and the empty root until a first checkpoint is cosigned.
    pub size: u64,
    pub root: Hash,
    /// When the last cosignature was made (seconds since 1970; 0: none yet).
    pub time: u64,
}

pub struct Store {
    conn: Mutex<Connection>,
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

impl Store {
    pub fn create(dir: &Path, name: &str) -> Result<(), StoreError> {
        let path = dir.join(FILE);
        if path.exists() {
            return Err(StoreError::Exists(dir.to_path_buf()));
        }
        crate::paths::private_dir(dir)?;
        let pkcs8 =
            ring::signature::Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new())
                .map_err(|_| StoreError::Damaged("key generation"))?;
        // Made for its owner only before anything secret goes in.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode_private()
            .open(&path)?;
        let conn = connect(&path)?;
        conn.execute_batch(
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
             CREATE TABLE logs (origin TEXT PRIMARY KEY, vkey TEXT NOT NULL, enrolled INTEGER NOT NULL);
             CREATE TABLE state (origin TEXT PRIMARY KEY REFERENCES logs(origin), size INTEGER NOT NULL,
                                 root BLOB NOT NULL, note TEXT NOT NULL, time INTEGER NOT NULL);",
        )?;
        conn.execute(
            "INSERT INTO meta VALUES ('name', ?1), ('key', ?2)",
            params![name.as_bytes(), pkcs8.as_ref()],
        )?;
        Ok(())
    }

    /// The store, the witness's name and its key (PKCS#8).
    pub fn open(dir: &Path) -> Result<(Store, String, zeroize::Zeroizing<Vec<u8>>), StoreError> {
        let path = dir.join(FILE);
        if !path.is_file() {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        let conn = connect(&path)?;
        let get = |n: &str| -> Result<Vec<u8>, StoreError> {
            conn.query_row("SELECT value FROM meta WHERE name = ?1", [n], |r| r.get(0))
                .optional()?
                .ok_or(StoreError::Damaged("meta"))
        };
        let name = String::from_utf8(get("name")?).map_err(|_| StoreError::Damaged("name"))?;
        let key = zeroize::Zeroizing::new(get("key")?);
        Ok((
            Store {
                conn: Mutex::new(conn),
            },
            name,
            key,
        ))
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn enroll(&self, origin: &str, vkey: &str, at: u64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO logs (origin, vkey, enrolled) VALUES (?1, ?2, ?3)
             ON CONFLICT(origin) DO UPDATE SET vkey = excluded.vkey",
            params![origin, vkey, at as i64],
        )?;
        Ok(())
    }

    pub fn vkey(&self, origin: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT vkey FROM logs WHERE origin = ?1", [origin], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The last checkpoint cosigned for a log, as answered (with the log's and the witness's
    /// signature lines).
    pub fn latest(&self, origin: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT note FROM state WHERE origin = ?1", [origin], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn logs(&self) -> Result<Vec<LogState>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT logs.origin, state.size, state.root, state.time FROM logs
             LEFT JOIN state ON state.origin = logs.origin ORDER BY logs.origin",
        )?;
        let rows = stmt.query_map([], |r| {
            let root: Option<Vec<u8>> = r.get(2)?;
            Ok(LogState {
                origin: r.get(0)?,
                size: r.get::<_, Option<i64>>(1)?.unwrap_or(0) as u64,
                root: root
                    .and_then(|b| b.try_into().ok())
                    .unwrap_or_else(crate::evidence::merkle::empty_root),
                time: r.get::<_, Option<i64>>(3)?.unwrap_or(0) as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Reads the log's state and, in the same transaction, writes what `decide` makes of it
    /// (the new state, the note kept, the answer), committed before the answer is returned.
    pub fn update(
        &self,
        origin: &str,
        decide: impl FnOnce(Option<&LogState>) -> Result<(LogState, String, String), Refusal>,
    ) -> Result<String, Refusal> {
        let store = |e: rusqlite::Error| Refusal::Store(e.to_string());
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(store)?;
        let known: Option<LogState> = tx
            .query_row(
                "SELECT size, root, time FROM state WHERE origin = ?1",
                [origin],
                |r| {
                    let root: Vec<u8> = r.get(1)?;
                    Ok((r.get::<_, i64>(0)?, root, r.get::<_, i64>(2)?))
                },
            )
            .optional()
            .map_err(store)?
            .map(|(size, root, time)| LogState {
                origin: origin.into(),
                size: size as u64,
                root: root.try_into().unwrap_or([0; 32]),
                time: time as u64,
            });
        let (state, note, answer) = decide(known.as_ref())?;
        tx.execute(
            "INSERT INTO state (origin, size, root, note, time) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(origin) DO UPDATE SET size = excluded.size, root = excluded.root,
                 note = excluded.note, time = excluded.time",
            params![
                origin,
                state.size as i64,
                state.root.as_slice(),
                note,
                state.time as i64
            ],
        )
        .map_err(store)?;
        tx.commit().map_err(store)?;
        Ok(answer)
    }
}

/// Files the witness makes are its owner's only.
trait Private {
    fn mode_private(&mut self) -> &mut Self;
}

impl Private for std::fs::OpenOptions {
    fn mode_private(&mut self) -> &mut Self {
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(self, 0o600);
        self
    }
}
