//! The encrypted, tamper-evident store: one SQLite file.
//!
//! - Appending needs no passphrase: events are sealed to the vault's public key ([`seal`]).
//! - Reading needs the passphrase: Argon2id turns it into the key that unwraps the data key,
//!   which unwraps the private keys ([`keys`]).
//! - Nothing in the file is readable without it: rows hold a sequence number, the sealed blob
//!   (padded to a size class) and a hash-chain link ([`chain`]); the `meta` table holds the key
//!   new events are sealed to, signed by the vault's anchor key (pinned on this PC: [`pins`]),
//!   wrapped keys, KDF parameters and the chain head; no key that signs an export.
//! - Crash-safe: WAL, `synchronous=FULL`, one transaction per append.
//! - Changing the passphrase or recovering rotates what protects new events (a new data key and
//!   key pair; the old private keys kept, wrapped, to read old rows), with `secure_delete` and the
//!   journal folded in and emptied: an old passphrase or code, with an old copy of the file, opens
//!   nothing written after the change ([`Vault::change_passphrase`]).
//!
//! Not for: what events mean (see `events`), or formatting anything for people.

mod chain;
mod history;
mod keys;
mod pins;
mod seal;
mod witnessing;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use zeroize::Zeroizing;

pub use chain::Break;
pub use history::{History, HistoryProblem, Session};
pub use keys::{KdfParams, RecoveryCode};
pub use seal::{OpenError, Program};
pub use witnessing::{Cosigned, Tries};

use crate::events::Event;
use keys::SecretKey;

/// `PRAGMA application_id`: "TEMO". Tells a Témoin vault from any other SQLite file.
const APP_ID: i64 = 0x5445_4D4F;
/// The file format this version writes and reads (`PRAGMA user_version`).
pub const FORMAT: i64 = 1;
/// Shorter passphrases are refused: the vault may be copied and attacked offline.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Everything that can go wrong with a vault. `messages` turns each into a sentence that says
/// what to do; none of them leaves the file changed.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("no vault at {0}")]
    NotFound(PathBuf),
    #[error("a file already exists at {0}")]
    AlreadyExists(PathBuf),
    #[error("{0} is not a Témoin vault")]
    NotAVault(PathBuf),
    #[error("vault format {found} is newer than this version ({supported})")]
    NewerFormat { found: i64, supported: i64 },
    #[error("the vault is damaged: {0}")]
    Corrupt(String),
    /// The file is shorter than its own header says: its end is missing.
    #[error("the vault file is cut: {found} bytes of {expected}")]
    Truncated { found: u64, expected: u64 },
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("wrong recovery code")]
    WrongRecoveryCode,
    #[error("passphrase shorter than {min} characters")]
    PassphraseTooShort { min: usize },
    /// Long enough but among the first guesses of an attacker (a common word, a keyboard row,
    /// a name and a year), by zxcvbn's estimate.
    #[error("passphrase too easy to guess")]
    PassphraseTooWeak,
    #[error("the vault file {0} is read-only")]
    ReadOnly(PathBuf),
    #[error("the disk is full")]
    DiskFull,
    #[error("the vault is busy (another Témoin is writing)")]
    Busy,
    /// The key new events are sealed to is not one the vault's own anchor key signed, or the
    /// anchor is not the one this PC pinned: new events would go to someone else.
    #[error("the vault's keys were replaced")]
    KeysReplaced,
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Database(String),
}

impl VaultError {
    fn from_sql(e: rusqlite::Error, path: &Path) -> Self {
        use rusqlite::ErrorCode as C;
        match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                C::NotADatabase => VaultError::NotAVault(path.to_path_buf()),
                C::DatabaseCorrupt => VaultError::Corrupt(e.to_string()),
                C::DiskFull => VaultError::DiskFull,
                C::ReadOnly => VaultError::ReadOnly(path.to_path_buf()),
                C::DatabaseBusy | C::DatabaseLocked => VaultError::Busy,
                C::SystemIoFailure if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHORT_READ => {
                    VaultError::Corrupt(e.to_string())
                }
                // SQLite reports a full disk met while growing its WAL index as a plain I/O error.
                C::SystemIoFailure if disk_nearly_full(path) => VaultError::DiskFull,
                _ => VaultError::Database(e.to_string()),
            },
            _ => VaultError::Database(e.to_string()),
        }
    }
}

/// The length an SQLite file's own header gives it (page size × page count), when the header
/// vouches for that count (its change counter matches "version-valid-for"); a cut file is told
/// apart from a damaged one before SQLite reads it.
fn expected_length(path: &Path) -> Result<Option<u64>, VaultError> {
    use std::io::Read;
    let mut head = [0u8; 100];
    let mut f = fs::File::open(path)?;
    if f.read_exact(&mut head).is_err() || &head[..16] != b"SQLite format 3\0" {
        return Ok(None);
    }
    let be32 = |at: usize| u32::from_be_bytes(head[at..at + 4].try_into().expect("4 bytes"));
    let page = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    Ok((pages > 0 && be32(24) == be32(92)).then_some(page * pages))
}

/// Whether the filesystem holding `path` has less than 1 MiB left.
fn disk_nearly_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let mut st = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c` is a valid C string and `st` is written by statvfs before being read.
    let ok = unsafe { libc::statvfs(c.as_ptr(), st.as_mut_ptr()) } == 0;
    if !ok {
        return false;
    }
    // SAFETY: statvfs returned 0, so it filled `st`.
    let st = unsafe { st.assume_init() };
    (st.f_bavail as u128) * (st.f_frsize as u128) < 1 << 20
}

/// The outcome of a chain check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Rows present in the file.
    pub rows: u64,
    /// The first break found, or `None` when the chain is intact.
    pub broken: Option<Break>,
}

/// An event read back from the vault, or why its row could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub seq: u64,
    pub event: Result<Event, RowProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The sealed row did not open (altered, moved, or its session start is missing).
    Unreadable(OpenError),
    /// It opened but holds a kind of event this version does not know (written by a newer one).
    UnknownKind,
}

/// What the vault's `meta` table holds. All of it is public or wrapped.
struct Meta {
    vault_id: Vec<u8>,
    hpke_pk: Vec<u8>,
    /// Kept in clear by vaults made before signing keys were per recipient (removed at their
    /// next rotation): whoever copied the file could compute the worker's pseudonym.
    device_pk: Option<Vec<u8>>,
    kdf: KdfParams,
    /// The key that signs the sealing key (`None` for a vault made before it), pinned on this PC.
    anchor_pk: Option<Vec<u8>>,
}

/// An open vault: can append and check; [`Vault::unlock`] to read.
pub struct Vault {
    conn: Connection,
    path: PathBuf,
    meta: Meta,
    sealer: seal::Sealer,
    read_only: bool,
}

const SCHEMA: &str = "
    CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE events (seq INTEGER PRIMARY KEY, blob BLOB NOT NULL, link BLOB NOT NULL);
";

fn wrap_aad(purpose: &str, vault_id: &[u8]) -> Vec<u8> {
    [
        b"temoin/v1/wrap/".as_slice(),
        purpose.as_bytes(),
        b"/",
        vault_id,
    ]
    .concat()
}

impl Vault {
    /// `$XDG_DATA_HOME/temoin/vault.db` (or the platform's equivalent).
    pub fn default_path() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("temoin").join("vault.db"))
    }

    /// Creates a new vault at `path` (which must not exist) and returns it with its recovery code,
    /// to be shown to the worker once.
    pub fn create(path: &Path, passphrase: &str) -> Result<(Vault, RecoveryCode), VaultError> {
        Self::create_with(path, passphrase, KdfParams::DEFAULT)
    }

    /// As [`Vault::create`] with chosen Argon2id costs (never below the safe floor).
    pub fn create_with(
        path: &Path,
        passphrase: &str,
        kdf: KdfParams,
    ) -> Result<(Vault, RecoveryCode), VaultError> {
        check_passphrase(passphrase)?;
        if path.exists() {
            return Err(VaultError::AlreadyExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::paths::private_dir(dir)?;
        }
        // Built under a temporary name and renamed at the end: a crash never leaves half a vault
        // where the real one should be.
        let tmp = path.with_extension(format!("creating-{}", std::process::id()));
        let code = RecoveryCode::generate();
        let built = build_new(&tmp, passphrase, &code, kdf).and_then(|()| {
            // For the worker only; SQLite gives its journal (-wal, -shm) the same mode.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&tmp, fs::Permissions::from_mode(0o600))?;
            }
            Ok(())
        });
        let result = built.and_then(|()| {
            if path.exists() {
                return Err(VaultError::AlreadyExists(path.to_path_buf()));
            }
            fs::rename(&tmp, path).map_err(VaultError::from)
        });
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok((Vault::open(path)?, code))
    }

    /// Opens an existing vault without its passphrase. Reads nothing but public metadata and
    /// writes nothing.
    pub fn open(path: &Path) -> Result<Vault, VaultError> {
        let md = match fs::metadata(path) {
            Ok(md) => md,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(VaultError::NotFound(path.to_path_buf()));
            }
            Err(e) => return Err(e.into()),
        };
        if !md.is_file() {
            return Err(VaultError::NotAVault(path.to_path_buf()));
        }
        if let Some(expected) = expected_length(path)?
            && md.len() < expected
        {
            return Err(VaultError::Truncated {
                found: md.len(),
                expected,
            });
        }
        // A file the worker made read-only is treated as such even by root: never write to it.
        let read_only = md.permissions().readonly();
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let sql = |e| VaultError::from_sql(e, path);
        let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
        let app_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(sql)?;
        if app_id != APP_ID {
            return Err(VaultError::NotAVault(path.to_path_buf()));
        }
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sql)?;
        if version > FORMAT {
            return Err(VaultError::NewerFormat {
                found: version,
                supported: FORMAT,
            });
        }
        if version < 1 {
            return Err(VaultError::Corrupt("format version missing".into()));
        }
        conn.busy_timeout(Duration::from_secs(10)).map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        // What a rotation replaces is overwritten, not left in free pages.
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(sql)?;
        let meta = read_meta(&conn).map_err(|e| match e {
            VaultError::Database(m) => VaultError::Corrupt(m),
            e => e,
        })?;
        check_sealing_key(&conn, &meta, &meta.hpke_pk)?;
        pins::check(&meta.vault_id, meta.anchor_pk.as_deref())?;
        let sealer = seal::Sealer::new(&meta.vault_id, &meta.hpke_pk)
            .ok_or_else(|| VaultError::Corrupt("public key".into()))?;
        Ok(Vault {
            conn,
            path: path.to_path_buf(),
            meta,
            sealer,
            read_only,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> VaultError + '_ {
        |e| VaultError::from_sql(e, &self.path)
    }

    /// Names the program that writes (said in each writing session's first row, so that the
    /// worker can see which program wrote what).
    pub fn set_program(&mut self, program: Program) {
        self.sealer.set_program(program);
    }

    /// Fails with [`VaultError::ReadOnly`] when nothing could be appended.
    pub fn writable(&self) -> Result<(), VaultError> {
        if self.read_only {
            return Err(VaultError::ReadOnly(self.path.clone()));
        }
        Ok(())
    }

    /// Appends one event, durably, and returns its row number. Needs no passphrase.
    pub fn append(&mut self, event: &Event) -> Result<u64, VaultError> {
        self.append_all(std::slice::from_ref(event))
    }

    /// Appends events in one transaction (all or none) and returns the last row number.
    pub fn append_all(&mut self, events: &[Event]) -> Result<u64, VaultError> {
        self.writable()?;
        let path = self.path.clone();
        let sql = |e| VaultError::from_sql(e, &path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let (mut seq, mut prev) = match append_point(&tx).map_err(sql)? {
            Some(h) => h,
            None => (0, chain::genesis(&self.meta.vault_id)),
        };
        // The keys were rotated by another program since this one opened the vault: seal to the
        // new public key from now on (a new session), never to the one left behind.
        let current = meta_value(&tx, "hpke_pk")?;
        if current != self.meta.hpke_pk {
            // Only a key signed by the anchor this vault opened with (a rotation, never a swap).
            if let Err(e) = check_sealing_key(&tx, &self.meta, &current) {
                drop(tx);
                self.sealer.stored(false);
                return Err(e);
            }
            let mut sealer = seal::Sealer::new(&self.meta.vault_id, &current)
                .ok_or_else(|| VaultError::Corrupt("public key".into()))?;
            sealer.set_program(self.sealer.program());
            self.sealer = sealer;
            self.meta.hpke_pk = current;
        }
        let mut result = Ok(());
        for event in events {
            seq += 1;
            let json = Zeroizing::new(serde_json::to_vec(event).expect("events always serialise"));
            let blob = self.sealer.seal(seq, &prev, &json);
            let link = chain::link(&prev, seq, &blob);
            result = tx
                .execute(
                    "INSERT INTO events (seq, blob, link) VALUES (?1, ?2, ?3)",
                    params![seq as i64, blob, link.as_slice()],
                )
                .map(|_| ());
            if result.is_err() {
                break;
            }
            prev = link;
        }
        let result = result
            .and_then(|()| write_head(&tx, seq, &prev))
            .and_then(|()| tx.commit());
        self.sealer.stored(result.is_ok());
        result.map_err(sql)?;
        Ok(seq)
    }

    /// Verifies the hash chain and the file's integrity. Needs no passphrase.
    pub fn check(&self) -> Result<ChainReport, VaultError> {
        let sql = self.sql();
        // Rows and head read in one transaction: an append landing meanwhile is not taken for a
        // cut (it is seen whole or not at all).
        let snapshot = self.conn.unchecked_transaction().map_err(&sql)?;
        let problems: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(&sql)?;
        if problems != "ok" {
            return Err(VaultError::Corrupt(problems));
        }
        let mut walker = chain::Walker::new(&self.meta.vault_id);
        let mut rows = 0;
        self.each_row_here(None, |seq, blob, link| {
            rows += 1;
            walker.row(seq, blob, link);
        })?;
        let head = read_head(&self.conn).map_err(&sql)?;
        drop(snapshot);
        Ok(ChainReport {
            rows,
            broken: walker.finish(head).err(),
        })
    }

    /// The rows after row `after` (all: `None`), in order, read in one snapshot.
    fn each_row(
        &self,
        after: Option<u64>,
        f: impl FnMut(u64, &[u8], &[u8]),
    ) -> Result<(), VaultError> {
        let sql = self.sql();
        let snapshot = self.conn.unchecked_transaction().map_err(&sql)?;
        let done = self.each_row_here(after, f);
        drop(snapshot);
        done
    }

    /// The rows after row `after` (every row, whatever its number, when `None`: a forged row
    /// numbered 0 or less is still seen by the chain walk), in order, inside the caller's
    /// transaction if any.
    fn each_row_here(
        &self,
        after: Option<u64>,
        mut f: impl FnMut(u64, &[u8], &[u8]),
    ) -> Result<(), VaultError> {
        let sql = self.sql();
        let mut stmt = self
            .conn
            .prepare_cached(match after {
                None => "SELECT seq, blob, link FROM events ORDER BY seq",
                Some(_) => "SELECT seq, blob, link FROM events WHERE seq > ?1 ORDER BY seq",
            })
            .map_err(&sql)?;
        let mut rows = match after {
            None => stmt.query([]),
            Some(a) => stmt.query([a as i64]),
        }
        .map_err(&sql)?;
        while let Some(row) = rows.next().map_err(&sql)? {
            let seq: i64 = row.get(0).map_err(&sql)?;
            let blob = row.get_ref(1).map_err(&sql)?.as_blob().unwrap_or(&[]);
            let link = row.get_ref(2).map_err(&sql)?.as_blob().unwrap_or(&[]);
            f(seq as u64, blob, link);
        }
        Ok(())
    }

    /// Unlocks reading with the passphrase.
    pub fn unlock(&self, passphrase: &str) -> Result<Unlocked<'_>, VaultError> {
        let data_key = self
            .unwrap_data_key("passphrase", passphrase.as_bytes())?
            .ok_or(VaultError::WrongPassphrase)?;
        self.unlocked(data_key)
    }

    /// Unlocks reading with the recovery code.
    pub fn unlock_with_recovery(&self, code: &RecoveryCode) -> Result<Unlocked<'_>, VaultError> {
        let data_key = self
            .unwrap_data_key("recovery", code.secret())?
            .ok_or(VaultError::WrongRecoveryCode)?;
        self.unlocked(data_key)
    }

    fn unwrap_data_key(&self, slot: &str, secret: &[u8]) -> Result<Option<SecretKey>, VaultError> {
        let salt = self.meta_value(&format!("{slot}_salt"))?;
        let kek = keys::derive_kek(secret, &salt, self.meta.kdf)?;
        let aad = wrap_aad(slot, &self.meta.vault_id);
        // The recovery code stands for a key pair the data key is sealed to (so a rotation
        // without the code still lets it open); vaults made before kept a plain wrap.
        if slot == "recovery"
            && let Some(sealed) = meta_optional(&self.conn, "recovery_sealed")?
        {
            let (sk, _) = seal::keypair_from(kek.expose());
            return Ok(
                seal::open_secret(&sk, &aad, &sealed).and_then(|k| SecretKey::from_bytes(&k))
            );
        }
        let wrapped = self.meta_value(&format!("{slot}_wrap"))?;
        Ok(keys::unwrap(&kek, &wrapped, &aad).and_then(|k| SecretKey::from_bytes(&k)))
    }

    fn unlocked(&self, data_key: SecretKey) -> Result<Unlocked<'_>, VaultError> {
        let id = &self.meta.vault_id;
        let open = |name: &str| -> Result<Zeroizing<Vec<u8>>, VaultError> {
            let wrapped = self.meta_value(&format!("{name}_wrap"))?;
            keys::unwrap(&data_key, &wrapped, &wrap_aad(name, id))
                .ok_or_else(|| VaultError::Corrupt(format!("{name} key altered")))
        };
        let hpke_sk = SecretKey::from_bytes(&open("hpke")?)
            .ok_or_else(|| VaultError::Corrupt("hpke key".into()))?;
        // The private keys of before each rotation, newest first.
        let mut hpke_keys = vec![];
        if meta_optional(&self.conn, "hpke_old_wrap")?.is_some() {
            let old = open("hpke_old")?;
            for k in old.chunks(32) {
                hpke_keys.push(
                    SecretKey::from_bytes(k)
                        .ok_or_else(|| VaultError::Corrupt("old keys".into()))?,
                );
            }
        }
        let anchor_pkcs8 = match meta_optional(&self.conn, "anchor_wrap")? {
            Some(_) => Some(open("anchor")?),
            None => None,
        };
        let recovery_pk = match meta_optional(&self.conn, "recovery_pk_wrap")? {
            Some(_) => Some(open("recovery_pk")?.to_vec()),
            None => None,
        };
        let device_pkcs8 = open("device")?;
        // A swapped public key would have new events sealed to someone else: refuse to go on.
        let device = Ed25519KeyPair::from_pkcs8(&device_pkcs8)
            .map_err(|_| VaultError::Corrupt("device key".into()))?;
        // Read from the file now: another program may have rotated the keys since this one opened.
        let hpke_pk = meta_value(&self.conn, "hpke_pk")?;
        if self
            .meta
            .device_pk
            .as_ref()
            .is_some_and(|pk| device.public_key().as_ref() != pk.as_slice())
            || seal::public_of(&hpke_sk).as_slice() != hpke_pk.as_slice()
        {
            return Err(VaultError::Corrupt("public keys replaced".into()));
        }
        hpke_keys.insert(0, hpke_sk);
        Ok(Unlocked {
            vault: self,
            hpke_keys,
            recovery_pk,
            device_pkcs8,
            anchor_pkcs8,
        })
    }

    /// Changes the passphrase and rotates what protects new events: a new data key and key pair
    /// (the old private keys kept, wrapped, to read old rows). The recovery code keeps working
    /// (the new data key is sealed to its public half). A vault made before recovery codes were
    /// sealed this way has only its passphrase's wrapping changed, until it is recovered once.
    pub fn change_passphrase(&mut self, old: &str, new: &str) -> Result<(), VaultError> {
        self.writable()?;
        check_passphrase(new)?;
        if meta_optional(&self.conn, "recovery_pk_wrap")?.is_none() {
            let rows = slot_rows(
                "passphrase",
                new.as_bytes(),
                &self.legacy_data_key(old)?,
                &self.meta,
            )?;
            return self.write_meta(&rows, &[]);
        }
        let rows = {
            let unlocked = self.unlock(old)?;
            let pk = unlocked
                .recovery_pk
                .clone()
                .ok_or_else(|| VaultError::Corrupt("recovery key".into()))?;
            rotated(&unlocked, new, Recovery::Keep(&pk))?
        };
        self.write_meta(&rows, RETIRED_AT_ROTATION)
    }

    /// The data key of a vault whose recovery code still wraps it plainly.
    fn legacy_data_key(&self, passphrase: &str) -> Result<SecretKey, VaultError> {
        self.unwrap_data_key("passphrase", passphrase.as_bytes())?
            .ok_or(VaultError::WrongPassphrase)
    }

    /// Sets a new passphrase with the recovery code, replaces the code (it has been read out) and
    /// rotates the keys as [`Vault::change_passphrase`] does.
    pub fn recover(&mut self, code: &RecoveryCode, new: &str) -> Result<RecoveryCode, VaultError> {
        self.writable()?;
        check_passphrase(new)?;
        let fresh = RecoveryCode::generate();
        let rows = {
            let unlocked = self.unlock_with_recovery(code)?;
            rotated(&unlocked, new, Recovery::New(&fresh))?
        };
        self.write_meta(&rows, RETIRED_AT_ROTATION)?;
        Ok(fresh)
    }

    /// Writes `rows` and removes `retired` in one transaction, then folds the journal into the
    /// file and empties it, so that what they replace stays neither in free pages
    /// (`secure_delete`) nor in `-wal`.
    fn write_meta(
        &mut self,
        rows: &[(String, Vec<u8>)],
        retired: &[&str],
    ) -> Result<(), VaultError> {
        let path = self.path.clone();
        let sql = |e| VaultError::from_sql(e, &path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        for (name, value) in rows {
            tx.execute(
                "INSERT INTO meta (name, value) VALUES (?1, ?2)
                 ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                params![name, value],
            )
            .map_err(sql)?;
        }
        for name in retired {
            tx.execute("DELETE FROM meta WHERE name = ?1", [name])
                .map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        if retired.contains(&"device_pk") {
            self.meta.device_pk = None;
        }
        // Readers hold no transaction between reads, so the checkpoint completes; if one does,
        // the next write's checkpoint (SQLite's own, at 1 000 pages) or this one again will.
        let _: (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(sql)?;
        Ok(())
    }

    fn meta_value(&self, name: &str) -> Result<Vec<u8>, VaultError> {
        meta_value(&self.conn, name)
    }
}

/// A vault opened with its passphrase: can read events and sign. Drops its keys (zeroized) when
/// it goes out of scope.
pub struct Unlocked<'v> {
    vault: &'v Vault,
    /// The current private key first, then those of before each rotation.
    hpke_keys: Vec<SecretKey>,
    /// The recovery code's public half (`None` for a vault made before it was kept).
    recovery_pk: Option<Vec<u8>>,
    device_pkcs8: Zeroizing<Vec<u8>>,
    /// The key that signs the sealing key (`None` for a vault made before it).
    anchor_pkcs8: Option<Zeroizing<Vec<u8>>>,
}

impl Unlocked<'_> {
    /// Every row, in order, decrypted; rows that cannot be read are returned as such, never
    /// skipped silently.
    pub fn events(&self) -> Result<Vec<StoredEvent>, VaultError> {
        let mut out = Vec::new();
        self.for_each(|e| out.push(e))?;
        Ok(out)
    }

    /// The rows that could be read, in order (those that cannot are left to `check` and `events`,
    /// which name them).
    pub fn readable(&self) -> Result<Vec<Event>, VaultError> {
        let mut out = Vec::new();
        self.for_each(|e| out.extend(e.event.ok()))?;
        Ok(out)
    }

    /// Streams every row, in order, decrypted.
    pub fn for_each(&self, f: impl FnMut(StoredEvent)) -> Result<(), VaultError> {
        self.read(f).map(|_| ())
    }

    /// Every row, decrypted, and the history of the writing sessions: which program wrote what,
    /// when, and any row removed, reordered or replaced inside a session, or a session that does
    /// not start where the previous one ended.
    pub fn history(&self, f: impl FnMut(StoredEvent)) -> Result<History, VaultError> {
        self.read(f)
    }

    fn read(&self, mut f: impl FnMut(StoredEvent)) -> Result<History, VaultError> {
        let v = self.vault;
        let mut opener = seal::Opener::with_keys(&v.meta.vault_id, &self.hpke_keys)
            .ok_or_else(|| VaultError::Corrupt("private key".into()))?;
        let mut history = history::Walk::new(chain::genesis(&v.meta.vault_id));
        v.each_row(None, |seq, blob, link| {
            let opened = opener.open(seq, blob);
            let event = match &opened {
                Ok(o) => {
                    serde_json::from_slice::<Event>(&o.event).map_err(|_| RowProblem::UnknownKind)
                }
                Err(e) => Err(RowProblem::Unreadable(*e)),
            };
            history.row(seq, link, opened.ok().map(|o| (o.session, o.carried)));
            f(StoredEvent { seq, event });
        })?;
        Ok(history.finish())
    }

    /// The key that signs exports and checkpoints for `recipient`: one key per recipient named
    /// (derived from the device key, so nothing more is stored), so that two recipients cannot
    /// link what the worker gave each; the device key itself when none is named. Names are
    /// compared without case or extra spaces (« CSE  Acme » is « cse acme »).
    pub fn signing_key(&self, recipient: Option<&str>) -> Ed25519KeyPair {
        let device = Ed25519KeyPair::from_pkcs8(&self.device_pkcs8).expect("checked at unlock");
        let Some(name) = recipient.and_then(normalized_recipient) else {
            return device;
        };
        let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &self.device_pkcs8);
        let seed = Zeroizing::new(
            ring::hmac::sign(&k, format!("temoin/v1/recipient\n{name}").as_bytes())
                .as_ref()
                .to_vec(),
        );
        Ed25519KeyPair::from_seed_unchecked(&seed).expect("32 bytes are a seed")
    }
}

/// A recipient's name as compared: lower case, single spaces; `None` when nothing is left.
pub fn normalized_recipient(name: &str) -> Option<String> {
    let n = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!n.is_empty()).then_some(n)
}

/// How hard a passphrase is to guess, roughly: for the strength shown while it is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Good,
}

/// How hard the passphrase is to guess, by zxcvbn (Dropbox's estimator: dictionaries, keyboard
/// patterns, dates, repeats). Not a promise, a guide; the weakest are refused.
pub fn strength(p: &str) -> Strength {
    if p.chars().count() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    match u8::from(zxcvbn::zxcvbn(p, &[]).score()) {
        0 | 1 => Strength::Weak,
        2 => Strength::Fair,
        _ => Strength::Good,
    }
}

fn check_passphrase(p: &str) -> Result<(), VaultError> {
    match strength(p) {
        Strength::TooShort => Err(VaultError::PassphraseTooShort {
            min: MIN_PASSPHRASE_CHARS,
        }),
        Strength::Weak => Err(VaultError::PassphraseTooWeak),
        _ => Ok(()),
    }
}

/// What a rotation leaves behind of a vault made before it: the recovery code's plain wrap, and
/// the device's public key in clear (which identified the worker).
const RETIRED_AT_ROTATION: &[&str] = &["recovery_wrap", "device_pk"];

/// What becomes of the recovery code in a rotation.
enum Recovery<'a> {
    /// The same code: the new data key sealed to its public half.
    Keep(&'a [u8]),
    /// A fresh code (the old one was used).
    New(&'a RecoveryCode),
}

/// The meta rows of a rotation: a new data key and key pair; the old private keys, the device key
/// and the recovery code's public half wrapped under the new data key; the passphrase's and the
/// recovery code's slots for it.
fn rotated(
    unlocked: &Unlocked<'_>,
    passphrase: &str,
    recovery: Recovery<'_>,
) -> Result<Vec<(String, Vec<u8>)>, VaultError> {
    let meta = &unlocked.vault.meta;
    let id = &meta.vault_id;
    let data_key = SecretKey::random();
    let (hpke_sk, hpke_pk) = seal::generate_keypair();
    let old: Zeroizing<Vec<u8>> = Zeroizing::new(
        unlocked
            .hpke_keys
            .iter()
            .flat_map(|k| k.expose().iter().copied())
            .collect(),
    );
    let wrap = |name: &str, secret: &[u8]| {
        (
            format!("{name}_wrap"),
            keys::wrap(&data_key, secret, &wrap_aad(name, id)),
        )
    };
    // A vault made before anchors gets one now (and is pinned at its next opening).
    let anchor_pkcs8 = match &unlocked.anchor_pkcs8 {
        Some(k) => k.clone(),
        None => new_pkcs8()?,
    };
    let anchor = Ed25519KeyPair::from_pkcs8(&anchor_pkcs8)
        .map_err(|_| VaultError::Corrupt("anchor key".into()))?;
    let mut rows = vec![
        ("hpke_pk".to_string(), hpke_pk.to_vec()),
        (
            "hpke_pk_sig".to_string(),
            anchor
                .sign(&sealing_key_message(id, &hpke_pk))
                .as_ref()
                .to_vec(),
        ),
        (
            "anchor_pk".to_string(),
            anchor.public_key().as_ref().to_vec(),
        ),
        wrap("anchor", &anchor_pkcs8),
        wrap("hpke", hpke_sk.expose()),
        wrap("hpke_old", &old),
        wrap("device", &unlocked.device_pkcs8),
    ];
    rows.extend(slot_rows(
        "passphrase",
        passphrase.as_bytes(),
        &data_key,
        meta,
    )?);
    match recovery {
        Recovery::Keep(pk) => {
            rows.push(wrap("recovery_pk", pk));
            rows.push(sealed_recovery(pk, &data_key, id)?);
        }
        Recovery::New(code) => rows.extend(recovery_rows(code, &data_key, meta)?),
    }
    Ok(rows)
}

/// The recovery code's slot: its salt, its public half wrapped under the data key, and the data
/// key sealed to it.
fn recovery_rows(
    code: &RecoveryCode,
    data_key: &SecretKey,
    meta: &Meta,
) -> Result<Vec<(String, Vec<u8>)>, VaultError> {
    let salt = keys::random_bytes::<16>();
    let kek = keys::derive_kek(code.secret(), &salt, meta.kdf)?;
    let (_, pk) = seal::keypair_from(kek.expose());
    Ok(vec![
        ("recovery_salt".to_string(), salt.to_vec()),
        (
            "recovery_pk_wrap".to_string(),
            keys::wrap(data_key, &pk, &wrap_aad("recovery_pk", &meta.vault_id)),
        ),
        sealed_recovery(&pk, data_key, &meta.vault_id)?,
    ])
}

fn sealed_recovery(
    pk: &[u8],
    data_key: &SecretKey,
    vault_id: &[u8],
) -> Result<(String, Vec<u8>), VaultError> {
    let sealed = seal::seal_secret(pk, &wrap_aad("recovery", vault_id), data_key.expose())
        .ok_or_else(|| VaultError::Corrupt("recovery key".into()))?;
    Ok(("recovery_sealed".to_string(), sealed))
}

/// The meta rows that let `secret` unwrap the data key in `slot`.
fn slot_rows(
    slot: &str,
    secret: &[u8],
    data_key: &SecretKey,
    meta: &Meta,
) -> Result<Vec<(String, Vec<u8>)>, VaultError> {
    let salt = keys::random_bytes::<16>();
    let kek = keys::derive_kek(secret, &salt, meta.kdf)?;
    let wrapped = keys::wrap(&kek, data_key.expose(), &wrap_aad(slot, &meta.vault_id));
    Ok(vec![
        (format!("{slot}_salt"), salt.to_vec()),
        (format!("{slot}_wrap"), wrapped),
    ])
}

fn build_new(
    tmp: &Path,
    passphrase: &str,
    code: &RecoveryCode,
    kdf: KdfParams,
) -> Result<(), VaultError> {
    let sql = |e| VaultError::from_sql(e, tmp);
    let _ = fs::remove_file(tmp);
    let mut conn = Connection::open(tmp).map_err(sql)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "secure_delete", "ON")
        .map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    tx.execute_batch(SCHEMA).map_err(sql)?;
    tx.pragma_update(None, "application_id", APP_ID)
        .map_err(sql)?;
    tx.pragma_update(None, "user_version", FORMAT)
        .map_err(sql)?;

    let vault_id = keys::random_bytes::<16>().to_vec();
    let data_key = SecretKey::random();
    let (hpke_sk, hpke_pk) = seal::generate_keypair();
    let device_pkcs8 = new_pkcs8()?;
    let anchor_pkcs8 = new_pkcs8()?;
    let anchor = Ed25519KeyPair::from_pkcs8(&anchor_pkcs8).expect("ring just made it");
    let meta = Meta {
        vault_id: vault_id.clone(),
        hpke_pk: hpke_pk.to_vec(),
        device_pk: None,
        kdf,
        anchor_pk: Some(anchor.public_key().as_ref().to_vec()),
    };
    let mut rows = vec![
        ("vault_id".to_string(), vault_id.clone()),
        ("hpke_pk".to_string(), hpke_pk.to_vec()),
        (
            "kdf".to_string(),
            serde_json::to_vec(&kdf).expect("plain struct"),
        ),
        (
            "hpke_wrap".to_string(),
            keys::wrap(&data_key, hpke_sk.expose(), &wrap_aad("hpke", &vault_id)),
        ),
        (
            "device_wrap".to_string(),
            keys::wrap(&data_key, &device_pkcs8, &wrap_aad("device", &vault_id)),
        ),
        (
            "anchor_wrap".to_string(),
            keys::wrap(&data_key, &anchor_pkcs8, &wrap_aad("anchor", &vault_id)),
        ),
        (
            "anchor_pk".to_string(),
            anchor.public_key().as_ref().to_vec(),
        ),
        (
            "hpke_pk_sig".to_string(),
            anchor
                .sign(&sealing_key_message(&vault_id, &hpke_pk))
                .as_ref()
                .to_vec(),
        ),
    ];
    rows.extend(slot_rows(
        "passphrase",
        passphrase.as_bytes(),
        &data_key,
        &meta,
    )?);
    rows.extend(recovery_rows(code, &data_key, &meta)?);
    for (name, value) in rows {
        tx.execute(
            "INSERT INTO meta (name, value) VALUES (?1, ?2)",
            params![name, value],
        )
        .map_err(sql)?;
    }
    tx.commit().map_err(sql)?;
    conn.close().map_err(|(_, e)| sql(e))?;
    Ok(())
}

fn new_pkcs8() -> Result<Zeroizing<Vec<u8>>, VaultError> {
    Ok(Zeroizing::new(
        Ed25519KeyPair::generate_pkcs8(&SystemRandom::new())
            .map_err(|_| VaultError::Database("key generation failed".into()))?
            .as_ref()
            .to_vec(),
    ))
}

/// What the anchor key signs: the vault and the public key its new events are sealed to.
fn sealing_key_message(vault_id: &[u8], hpke_pk: &[u8]) -> Vec<u8> {
    [b"temoin/v1/sealing-key\n".as_slice(), vault_id, hpke_pk].concat()
}

/// `hpke_pk` is the sealing key the vault's anchor signed (a vault made before anchors has none
/// to check).
fn check_sealing_key(conn: &Connection, meta: &Meta, hpke_pk: &[u8]) -> Result<(), VaultError> {
    let Some(anchor) = &meta.anchor_pk else {
        return Ok(());
    };
    let sig = meta_optional(conn, "hpke_pk_sig")?.unwrap_or_default();
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, anchor)
        .verify(&sealing_key_message(&meta.vault_id, hpke_pk), &sig)
        .map_err(|_| VaultError::KeysReplaced)
}

fn meta_optional(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>, VaultError> {
    conn.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .optional()
    .map_err(|e| VaultError::Corrupt(e.to_string()))
}

fn meta_value(conn: &Connection, name: &str) -> Result<Vec<u8>, VaultError> {
    conn.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .optional()
    .map_err(|e| VaultError::Corrupt(e.to_string()))?
    .ok_or_else(|| VaultError::Corrupt(format!("missing {name}")))
}

fn read_meta(conn: &Connection) -> Result<Meta, VaultError> {
    let kdf: KdfParams = serde_json::from_slice(&meta_value(conn, "kdf")?)
        .map_err(|e| VaultError::Corrupt(format!("kdf: {e}")))?;
    let meta = Meta {
        vault_id: meta_value(conn, "vault_id")?,
        hpke_pk: meta_value(conn, "hpke_pk")?,
        device_pk: meta_optional(conn, "device_pk")?,
        kdf,
        anchor_pk: meta_optional(conn, "anchor_pk")?,
    };
    if meta.vault_id.len() != 16
        || meta.hpke_pk.len() != 32
        || meta.device_pk.as_ref().is_some_and(|k| k.len() != 32)
        || meta.anchor_pk.as_ref().is_some_and(|k| k.len() != 32)
    {
        return Err(VaultError::Corrupt("key sizes".into()));
    }
    Ok(meta)
}

/// The last row number and link as recorded in the head; `None` if absent or not well formed.
fn read_head(conn: &Connection) -> rusqlite::Result<Option<(u64, [u8; chain::LINK_LEN])>> {
    conn.query_row("SELECT value FROM meta WHERE name = 'head'", [], |r| {
        Ok(split_head(r.get_ref(0)?.as_bytes().ok()))
    })
    .optional()
    .map(Option::flatten)
}

fn split_head(v: Option<&[u8]>) -> Option<(u64, [u8; chain::LINK_LEN])> {
    let v = v.filter(|v| v.len() == 8 + chain::LINK_LEN)?;
    let seq = u64::from_be_bytes(v[..8].try_into().ok()?);
    Some((seq, v[8..].try_into().ok()?))
}

/// Where the next append continues: the head, or the last row if the head was damaged (the
/// damage is reported by `check`; new events are still kept).
fn append_point(conn: &Connection) -> rusqlite::Result<Option<(u64, [u8; chain::LINK_LEN])>> {
    if let Some(h) = read_head(conn)? {
        return Ok(Some(h));
    }
    conn.query_row(
        "SELECT seq, link FROM events ORDER BY seq DESC LIMIT 1",
        [],
        |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get_ref(1)?.as_bytes().ok().map(<[u8]>::to_vec),
            ))
        },
    )
    .optional()
    .map(|row| {
        row.map(|(seq, link)| {
            let mut l = [0u8; chain::LINK_LEN];
            if let Some(link) = link.filter(|l| l.len() == chain::LINK_LEN) {
                l.copy_from_slice(&link);
            }
            (seq, l)
        })
    })
}

fn write_head(conn: &Connection, seq: u64, link: &[u8]) -> rusqlite::Result<()> {
    let value = [&seq.to_be_bytes()[..], link].concat();
    conn.execute(
        "INSERT INTO meta (name, value) VALUES ('head', ?1)
         ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        [value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventKind;

    const PASS: &str = "correct horse battery staple";
    const NEW: &str = "vieux moulin bleu sous la pluie";

    fn note(v: &mut Vault, text: &str) {
        v.append(&Event::now(EventKind::Note { text: text.into() }))
            .unwrap();
    }

    fn readable(v: &Vault, pass: &str) -> usize {
        let u = v.unlock(pass).unwrap();
        u.events()
            .unwrap()
            .iter()
            .filter(|e| e.event.is_ok())
            .count()
    }

    /// A vault made before recovery codes were sealed (its code wraps the data key plainly): it
    /// still opens, `passwd` keeps its code valid, and once recovered it takes the new form.
    #[test]
    fn a_vault_of_the_earlier_form_keeps_working_and_takes_the_new_one_when_recovered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let (mut v, code) = Vault::create(&path, PASS).unwrap();
        note(&mut v, "un");
        let data_key = v.legacy_data_key(PASS).unwrap();
        let rows = slot_rows("recovery", code.secret(), &data_key, &v.meta).unwrap();
        v.write_meta(&rows, &[]).unwrap();
        v.conn
            .execute(
                "DELETE FROM meta WHERE name IN ('recovery_sealed', 'recovery_pk_wrap')",
                [],
            )
            .unwrap();
        assert!(v.unlock_with_recovery(&code).is_ok());
        v.change_passphrase(PASS, NEW).unwrap();
        note(&mut v, "deux");
        assert_eq!(readable(&v, NEW), 2);
        assert!(v.unlock_with_recovery(&code).is_ok());
        let fresh = v.recover(&code, PASS).unwrap();
        assert!(meta_optional(&v.conn, "recovery_wrap").unwrap().is_none());
        assert!(meta_optional(&v.conn, "recovery_sealed").unwrap().is_some());
        note(&mut v, "trois");
        assert_eq!(readable(&v, PASS), 3);
        assert!(v.unlock_with_recovery(&fresh).is_ok());
        assert!(v.unlock_with_recovery(&code).is_err());
    }
}
