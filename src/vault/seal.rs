//! Sealing events to the vault's public key, so appending never needs the passphrase.
//!
//! Each writing session does one HPKE (RFC 9180) base-mode setup to the vault's X25519 public key
//! (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, export-only AEAD) and takes an exported secret as a
//! chain key. Every event gets its own key from a one-way ratchet over that chain key
//! (HMAC-SHA256), sealed with ChaCha20-Poly1305 from ring; the writer forgets each key once used,
//! so whoever reads the running process's memory cannot open what it already wrote.
//! Why not one HPKE setup per event: an X25519 operation per event makes listing years of events
//! take tens of seconds on a weak PC; one per session keeps it to a hash per event.
//!
//! Blob layout (all of it inside the hash chain):
//! - session start: `3 ‖ enc (32) ‖ ciphertext`, index 0 of a new session;
//! - continuation: `4 ‖ start row (u64 BE) ‖ index (u32 BE) ‖ ciphertext`.
//!
//! The sealed text begins with the session's own history, which only the writer's keys could
//! have sealed (so whoever holds only the public key cannot forge it into the session): a
//! session's first row says what it found (the last row number and its chain link) and which
//! program wrote it, when; each next row says which row the session stored before it. With the
//! passphrase, a row removed, reordered or replaced inside a session, and a session that does not
//! start where the previous one ended, show ([`History`]).
//! Rows written before (forms `1` and `2`) hold the event alone and are still read.
//!
//! Every row is padded (with spaces after the event's JSON, inside the seal) to a size class
//! ([`padded_len`]): a speech segment, a call mark, a pop-up, a short note, a checkpoint given and
//! a session's first row all take 768 bytes, so the file's row sizes do not tell which kind was
//! written when. What stays visible: the number of rows, which rows start a writing session (its
//! form byte), and a text long enough to need a larger class.

use std::collections::HashMap;

use hpke::aead::ExportOnlyAead;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem as KemTrait, OpModeR, OpModeS, Serializable};
use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::hmac;
use zeroize::Zeroizing;

use super::keys::SecretKey;

type Kem = X25519HkdfSha256;

const FORM_START_V1: u8 = 1;
const FORM_NEXT_V1: u8 = 2;
const FORM_START: u8 = 3;
const FORM_NEXT: u8 = 4;
const TAG_LEN: usize = 16;
/// The smallest size class: above the largest speech segment with a session's first-row header
/// (about 630 bytes; benches/README.md has the measured sizes and the cost).
const SMALLEST_CLASS: usize = 768;

/// The sealed size of a row of `n` bytes unpadded: 768 bytes, then doubling (1 536, 3 072…).
pub fn padded_len(n: usize) -> usize {
    let mut class = SMALLEST_CLASS;
    while class < n {
        class *= 2;
    }
    class
}
/// A row claiming more skipped keys than this is refused before any work (a writer skips one
/// per failed transaction; a forged gap of millions would cost seconds of hashing).
const MAX_GAP: u32 = 100_000;

/// Which program wrote a session (shown to the worker, so that a foreign session stands out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Program {
    #[default]
    CommandLine,
    Window,
    Listening,
    PopupWatch,
    ExtensionHost,
    /// A number this version does not know.
    Other(u8),
}

impl Program {
    fn code(self) -> u8 {
        match self {
            Program::CommandLine => 1,
            Program::Window => 2,
            Program::Listening => 3,
            Program::PopupWatch => 4,
            Program::ExtensionHost => 5,
            Program::Other(n) => n,
        }
    }

    fn of(code: u8) -> Program {
        match code {
            1 => Program::CommandLine,
            2 => Program::Window,
            3 => Program::Listening,
            4 => Program::PopupWatch,
            5 => Program::ExtensionHost,
            n => Program::Other(n),
        }
    }
}

/// What a session's first row says of its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStart {
    /// The last row number the writer found, and that row's chain link.
    pub found_size: u64,
    pub found_link: [u8; 32],
    pub program: Program,
    /// When it started, seconds since 1970 (UTC).
    pub started: i64,
    pub app_version: String,
}

/// The history a row carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// Written before rows carried their history.
    Legacy,
    Start(SessionStart),
    /// The row this session stored before this one.
    Next {
        after: u64,
    },
}

/// A row opened: its session (by first row), the history it carries, and the event.
pub struct Opened {
    pub session: u64,
    pub carried: Carried,
    pub event: Zeroizing<Vec<u8>>,
}

pub fn generate_keypair() -> (SecretKey, [u8; 32]) {
    let (sk, pk) = Kem::gen_keypair(&mut rand_core::UnwrapErr(rand_core::OsRng));
    let sk = SecretKey::from_bytes(&sk.to_bytes()).expect("X25519 keys are 32 bytes");
    let mut pk_bytes = [0u8; 32];
    pk_bytes.copy_from_slice(&pk.to_bytes());
    (sk, pk_bytes)
}

/// The public key that goes with a private key (to check a vault's keys were not swapped).
pub fn public_of(sk: &SecretKey) -> [u8; 32] {
    let sk = <Kem as KemTrait>::PrivateKey::from_bytes(sk.expose()).expect("32 bytes");
    let mut out = [0u8; 32];
    out.copy_from_slice(&<Kem as KemTrait>::sk_to_pk(&sk).to_bytes());
    out
}

/// The key pair a secret of 32 bytes stands for (the recovery code's: whoever rotates the vault's
/// keys seals the new data key to its public half without knowing the code).
pub fn keypair_from(ikm: &[u8]) -> (SecretKey, [u8; 32]) {
    let (sk, pk) = Kem::derive_keypair(ikm);
    let sk = SecretKey::from_bytes(&sk.to_bytes()).expect("X25519 keys are 32 bytes");
    let mut pk_bytes = [0u8; 32];
    pk_bytes.copy_from_slice(&pk.to_bytes());
    (sk, pk_bytes)
}

/// Seals a secret to a public key: `enc (32) ‖ nonce ‖ ciphertext ‖ tag`.
pub fn seal_secret(public_key: &[u8], info: &[u8], secret: &[u8]) -> Option<Vec<u8>> {
    let pk = <Kem as KemTrait>::PublicKey::from_bytes(public_key).ok()?;
    let (enc, ctx) = hpke::setup_sender::<ExportOnlyAead, HkdfSha256, Kem, _>(
        &OpModeS::Base,
        &pk,
        info,
        &mut rand_core::UnwrapErr(rand_core::OsRng),
    )
    .ok()?;
    let mut k = Zeroizing::new([0u8; 32]);
    ctx.export(b"temoin/v1/secret", k.as_mut()).ok()?;
    let key = SecretKey::from_bytes(k.as_ref())?;
    Some(
        [
            enc.to_bytes().as_slice(),
            &super::keys::wrap(&key, secret, info),
        ]
        .concat(),
    )
}

/// Reverses [`seal_secret`]; `None` for another key or altered bytes.
pub fn open_secret(sk: &SecretKey, info: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let sk = <Kem as KemTrait>::PrivateKey::from_bytes(sk.expose()).ok()?;
    let enc = <Kem as KemTrait>::EncappedKey::from_bytes(sealed.get(..32)?).ok()?;
    let ctx =
        hpke::setup_receiver::<ExportOnlyAead, HkdfSha256, Kem>(&OpModeR::Base, &sk, &enc, info)
            .ok()?;
    let mut k = Zeroizing::new([0u8; 32]);
    ctx.export(b"temoin/v1/secret", k.as_mut()).ok()?;
    super::keys::unwrap(&SecretKey::from_bytes(k.as_ref())?, &sealed[32..], info)
}

fn session_info(vault_id: &[u8]) -> Vec<u8> {
    [b"temoin/v1/session ".as_slice(), vault_id].concat()
}

/// Binds a sealed event to its vault and row, so it cannot be moved elsewhere and still open.
fn aad(vault_id: &[u8], seq: u64) -> Vec<u8> {
    [vault_id, &seq.to_be_bytes()].concat()
}

/// One step of the ratchet: the event key and the next chain key.
fn step(chain: &[u8; 32]) -> (Zeroizing<[u8; 32]>, Zeroizing<[u8; 32]>) {
    let k = hmac::Key::new(hmac::HMAC_SHA256, chain);
    let mut event_key = Zeroizing::new([0u8; 32]);
    let mut next = Zeroizing::new([0u8; 32]);
    event_key.copy_from_slice(hmac::sign(&k, b"\x01event").as_ref());
    next.copy_from_slice(hmac::sign(&k, b"\x02chain").as_ref());
    (event_key, next)
}

fn cipher(key: &[u8; 32]) -> LessSafeKey {
    LessSafeKey::new(UnboundKey::new(&aead::CHACHA20_POLY1305, key).expect("32-byte key"))
}

/// The appending side: holds only the vault's public key and the current chain key.
pub struct Sealer {
    vault_id: Vec<u8>,
    public_key: <Kem as KemTrait>::PublicKey,
    session: Option<WriterSession>,
    program: Program,
}

struct WriterSession {
    enc: [u8; 32],
    start_seq: Option<u64>,
    /// The session-start row has been committed.
    confirmed: bool,
    index: u32,
    chain: Zeroizing<[u8; 32]>,
    /// The last row sealed, and the last one known stored.
    last: Option<u64>,
    last_stored: Option<u64>,
}

impl Sealer {
    pub fn new(vault_id: &[u8], public_key: &[u8]) -> Option<Self> {
        Some(Self {
            vault_id: vault_id.to_vec(),
            public_key: <Kem as KemTrait>::PublicKey::from_bytes(public_key).ok()?,
            session: None,
            program: Program::default(),
        })
    }

    pub fn program(&self) -> Program {
        self.program
    }

    /// Names the program whose sessions these are (said in each session's first row).
    pub fn set_program(&mut self, program: Program) {
        self.program = program;
    }

    /// Seals `plaintext` for row `seq`, which follows a row whose chain link is `prev_link`. The
    /// key used is forgotten before this returns, whether or not the row is then stored: a key is
    /// never used twice.
    pub fn seal(&mut self, seq: u64, prev_link: &[u8; 32], plaintext: &[u8]) -> Vec<u8> {
        let program = self.program;
        let session = self.session.get_or_insert_with(|| {
            let (enc, ctx) = hpke::setup_sender::<ExportOnlyAead, HkdfSha256, Kem, _>(
                &OpModeS::Base,
                &self.public_key,
                &session_info(&self.vault_id),
                &mut rand_core::UnwrapErr(rand_core::OsRng),
            )
            .expect("HPKE setup to a valid public key");
            let mut chain = Zeroizing::new([0u8; 32]);
            ctx.export(b"temoin/v1/chain", chain.as_mut())
                .expect("32 bytes is a valid export length");
            let mut enc_bytes = [0u8; 32];
            enc_bytes.copy_from_slice(&enc.to_bytes());
            WriterSession {
                enc: enc_bytes,
                start_seq: None,
                confirmed: false,
                index: 0,
                chain,
                last: None,
                last_stored: None,
            }
        });
        let (event_key, next) = step(&session.chain);
        let (mut blob, carried) = match session.start_seq {
            Some(start) => (
                [
                    &[FORM_NEXT][..],
                    &start.to_be_bytes(),
                    &session.index.to_be_bytes(),
                ]
                .concat(),
                // A confirmed session always has a row stored before this one.
                session.last.unwrap_or(start).to_be_bytes().to_vec(),
            ),
            None => {
                session.start_seq = Some(seq);
                let version = env!("CARGO_PKG_VERSION").as_bytes();
                let started = chrono::Utc::now().timestamp();
                (
                    [&[FORM_START][..], &session.enc].concat(),
                    [
                        &(seq - 1).to_be_bytes()[..],
                        prev_link,
                        &[program.code(), version.len() as u8],
                        version,
                        &started.to_be_bytes(),
                    ]
                    .concat(),
                )
            }
        };
        session.last = Some(seq);
        let header_len = blob.len();
        blob.extend_from_slice(&carried);
        blob.extend_from_slice(plaintext);
        // Trailing spaces: JSON readers skip them, so rows padded are read by every version.
        let unpadded = blob.len() + TAG_LEN;
        blob.resize(padded_len(unpadded) - TAG_LEN, b' ');
        let tag = cipher(&event_key)
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key([0; 12]),
                Aad::from(aad(&self.vault_id, seq)),
                &mut blob[header_len..],
            )
            .expect("sealing cannot fail for in-memory sizes");
        blob.extend_from_slice(tag.as_ref());
        session.chain = next;
        session.index += 1;
        blob
    }

    /// Says whether the rows sealed since the last call were committed. If the session's start
    /// row was not, the session is dropped, so its encapsulation is never reused.
    pub fn stored(&mut self, ok: bool) {
        if let Some(s) = &mut self.session {
            if ok {
                s.confirmed = true;
                s.last_stored = s.last;
            } else if !s.confirmed {
                self.session = None;
            } else {
                s.last = s.last_stored;
            }
        }
    }
}

/// Why a sealed row could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// The blob's layout is not one this version writes.
    Malformed,
    /// It refers to a session whose start row is missing or unreadable.
    NoSession,
    /// Authentication failed: the row was altered or belongs elsewhere.
    Altered,
}

/// The reading side: opens rows in order, keeping one chain per session. Holds the vault's
/// private keys, the current one first: a session sealed before a rotation opens with an older one.
pub struct Opener<'a> {
    vault_id: Vec<u8>,
    private_keys: Vec<<Kem as KemTrait>::PrivateKey>,
    sessions: HashMap<u64, ReaderSession>,
    _key: std::marker::PhantomData<&'a SecretKey>,
}

struct ReaderSession {
    next_index: u32,
    chain: Zeroizing<[u8; 32]>,
}

/// Splits what a row of the current forms carries from its event.
fn carried(start: bool, text: &[u8]) -> Option<(Carried, &[u8])> {
    if !start {
        let after = u64::from_be_bytes(text.get(..8)?.try_into().ok()?);
        return Some((Carried::Next { after }, &text[8..]));
    }
    let found_size = u64::from_be_bytes(text.get(..8)?.try_into().ok()?);
    let found_link: [u8; 32] = text.get(8..40)?.try_into().ok()?;
    let program = Program::of(*text.get(40)?);
    let vlen = *text.get(41)? as usize;
    let app_version = String::from_utf8_lossy(text.get(42..42 + vlen)?).into_owned();
    let at = 42 + vlen;
    let started = i64::from_be_bytes(text.get(at..at + 8)?.try_into().ok()?);
    Some((
        Carried::Start(SessionStart {
            found_size,
            found_link,
            program,
            started,
            app_version,
        }),
        &text[at + 8..],
    ))
}

impl<'a> Opener<'a> {
    #[cfg(test)]
    pub fn new(vault_id: &[u8], private_key: &'a SecretKey) -> Option<Self> {
        Self::with_keys(vault_id, std::slice::from_ref(private_key))
    }

    /// With every private key the vault had, the current one first.
    pub fn with_keys(vault_id: &[u8], private_keys: &'a [SecretKey]) -> Option<Self> {
        Some(Self {
            vault_id: vault_id.to_vec(),
            private_keys: private_keys
                .iter()
                .map(|k| <Kem as KemTrait>::PrivateKey::from_bytes(k.expose()).ok())
                .collect::<Option<_>>()?,
            sessions: HashMap::new(),
            _key: std::marker::PhantomData,
        })
    }

    /// Opens the blob stored at row `seq`. Rows of one session must come in increasing order.
    pub fn open(&mut self, seq: u64, blob: &[u8]) -> Result<Opened, OpenError> {
        let form = blob.first().copied();
        let (start, index, body) = match form {
            Some(FORM_START | FORM_START_V1) if blob.len() >= 1 + 32 + TAG_LEN => {
                let enc = <Kem as KemTrait>::EncappedKey::from_bytes(&blob[1..33])
                    .map_err(|_| OpenError::Malformed)?;
                // The key the session was sealed to is the one whose first key opens its row.
                let body = &blob[33..];
                let chain = self
                    .private_keys
                    .iter()
                    .filter_map(|sk| {
                        let ctx = hpke::setup_receiver::<ExportOnlyAead, HkdfSha256, Kem>(
                            &OpModeR::Base,
                            sk,
                            &enc,
                            &session_info(&self.vault_id),
                        )
                        .ok()?;
                        let mut chain = Zeroizing::new([0u8; 32]);
                        ctx.export(b"temoin/v1/chain", chain.as_mut()).ok()?;
                        Some(chain)
                    })
                    .find(|chain| {
                        let mut trial = Zeroizing::new(body.to_vec());
                        cipher(&step(chain).0)
                            .open_in_place(
                                Nonce::assume_unique_for_key([0; 12]),
                                Aad::from(aad(&self.vault_id, seq)),
                                trial.as_mut_slice(),
                            )
                            .is_ok()
                    })
                    .ok_or(OpenError::Altered)?;
                self.sessions.insert(
                    seq,
                    ReaderSession {
                        next_index: 0,
                        chain,
                    },
                );
                (seq, 0u32, body)
            }
            Some(FORM_NEXT | FORM_NEXT_V1) if blob.len() >= 1 + 8 + 4 + TAG_LEN => {
                let start = u64::from_be_bytes(blob[1..9].try_into().expect("8 bytes"));
                let index = u32::from_be_bytes(blob[9..13].try_into().expect("4 bytes"));
                (start, index, &blob[13..])
            }
            _ => return Err(OpenError::Malformed),
        };
        let session = self.sessions.get_mut(&start).ok_or(OpenError::NoSession)?;
        if index < session.next_index || index - session.next_index > MAX_GAP {
            return Err(OpenError::Altered);
        }
        // A writer that failed to store a row skipped its key: walk past the gap.
        let mut chain = session.chain.clone();
        for _ in session.next_index..index {
            chain = step(&chain).1;
        }
        let (event_key, next) = step(&chain);
        let mut buf = Zeroizing::new(body.to_vec());
        let len = cipher(&event_key)
            .open_in_place(
                Nonce::assume_unique_for_key([0; 12]),
                Aad::from(aad(&self.vault_id, seq)),
                buf.as_mut_slice(),
            )
            .map_err(|_| OpenError::Altered)?
            .len();
        buf.truncate(len);
        session.chain = next;
        session.next_index = index + 1;
        let (carried, event) = match form {
            Some(FORM_START | FORM_NEXT) => {
                let (c, e) = carried(form == Some(FORM_START), &buf).ok_or(OpenError::Malformed)?;
                (c, Zeroizing::new(e.to_vec()))
            }
            _ => (Carried::Legacy, buf),
        };
        Ok(Opened {
            session: start,
            carried,
            event,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: [u8; 32] = [7; 32];

    #[test]
    fn a_session_of_rows_opens_in_order_and_only_where_it_was_sealed() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"vault-a", &pk).unwrap();
        sealer.set_program(Program::Window);
        let rows: Vec<(u64, Vec<u8>)> = (1..=5u64)
            .map(|seq| {
                let b = sealer.seal(seq, &LINK, format!("event {seq}").as_bytes());
                sealer.stored(true);
                (seq, b)
            })
            .collect();
        assert_eq!(rows[0].1[0], FORM_START);
        assert_eq!(rows[1].1[0], FORM_NEXT);
        let mut opener = Opener::new(b"vault-a", &sk).unwrap();
        for (seq, blob) in &rows {
            let o = opener.open(*seq, blob).unwrap();
            assert_eq!(o.event.trim_ascii_end(), format!("event {seq}").as_bytes());
            assert_eq!(o.session, 1);
            match o.carried {
                Carried::Start(s) => {
                    assert_eq!((*seq, s.found_size, s.found_link), (1, 0, LINK));
                    assert_eq!(s.program, Program::Window);
                    assert_eq!(s.app_version, env!("CARGO_PKG_VERSION"));
                }
                Carried::Next { after } => assert_eq!(after, seq - 1),
                Carried::Legacy => panic!("a current row"),
            }
        }
        // Moved to another row or another vault: refused.
        let mut other = Opener::new(b"vault-b", &sk).unwrap();
        assert_eq!(other.open(1, &rows[0].1).err(), Some(OpenError::Altered));
        let mut moved = Opener::new(b"vault-a", &sk).unwrap();
        assert_eq!(moved.open(2, &rows[0].1).err(), Some(OpenError::Altered));
    }

    #[test]
    fn rows_of_every_kind_written_all_day_take_the_same_size() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        // A session's first row, a call mark, a speech segment as measured, a checkpoint given.
        let events: [&[u8]; 4] = [
            br#"{"at":"2026-11-30T09:00:00+01:00","type":"call_started","source":"manual"}"#,
            br#"{"at":"2026-11-30T09:00:00.123456789+01:00","type":"call_ended","source":"manual","handle_s":0.0}"#,
            br#"{"at":"2026-11-30T09:00:03.042123456+01:00","type":"speech_segment","duration_s":2.172,"voiced_s":1.67,"f0_mean_hz":187.85679895973627,"f0_sd_hz":31.67546995059208,"jitter_local_pct":2.16018540777765,"shimmer_local_pct":10.808581366271582,"hnr_db":14.798039639484596,"intensity_db":72.2871026679652,"pause_ratio":0.0764272559852672,"syllables_per_s":5.483549351944168,"words":8,"words_per_minute":220.9944751381215,"articulation_wpm":239.28215353938182,"phrases":{"apology":2,"hold":1,"thanks":3}}"#,
            br#"{"at":"2026-11-30T09:00:00+01:00","type":"checkpoint_given","size":1432,"root":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}"#,
        ];
        let blobs: Vec<Vec<u8>> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let b = sealer.seal(i as u64 + 1, &LINK, e);
                sealer.stored(true);
                b
            })
            .collect();
        assert!(
            blobs.iter().all(|b| b.len() == 768),
            "{:?}",
            blobs.iter().map(Vec::len).collect::<Vec<_>>()
        );
        // Opened, each is its event (the padding is JSON whitespace, and read as such).
        let mut opener = Opener::new(b"v", &sk).unwrap();
        for (i, (b, e)) in blobs.iter().zip(events).enumerate() {
            let o = opener.open(i as u64 + 1, b).unwrap();
            assert_eq!(
                std::str::from_utf8(&o.event).unwrap().trim_end(),
                std::str::from_utf8(e).unwrap()
            );
        }
        // A long note takes the next class, not its own length.
        let long = sealer.seal(5, &LINK, &[b'x'; 900]);
        assert_eq!(long.len(), 1536);
    }

    #[test]
    fn a_failed_store_skips_a_key_and_later_rows_still_open() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        let first = sealer.seal(1, &LINK, b"one");
        sealer.stored(true);
        let _lost = sealer.seal(2, &LINK, b"lost");
        sealer.stored(false);
        let third = sealer.seal(2, &LINK, b"two");
        sealer.stored(true);
        let mut opener = Opener::new(b"v", &sk).unwrap();
        assert_eq!(
            opener.open(1, &first).unwrap().event.trim_ascii_end(),
            b"one"
        );
        let o = opener.open(2, &third).unwrap();
        assert_eq!(o.event.trim_ascii_end(), b"two");
        // The lost row is not claimed: the row stored before it was row 1.
        assert_eq!(o.carried, Carried::Next { after: 1 });
    }

    #[test]
    fn an_unstored_session_start_is_never_reused() {
        let (_sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        let a = sealer.seal(1, &LINK, b"x");
        sealer.stored(false);
        let b = sealer.seal(1, &LINK, b"x");
        assert_eq!(b[0], FORM_START);
        assert_ne!(a[1..33], b[1..33]);
    }

    #[test]
    fn a_forged_gap_is_refused_without_the_work() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        let first = sealer.seal(1, &LINK, b"one");
        sealer.stored(true);
        let mut second = sealer.seal(2, &LINK, b"two");
        // Claims to be the 16 millionth key of the session.
        second[9..13].copy_from_slice(&(1u32 << 24).to_be_bytes());
        let mut opener = Opener::new(b"v", &sk).unwrap();
        opener.open(1, &first).unwrap();
        let t = std::time::Instant::now();
        assert_eq!(opener.open(2, &second).err(), Some(OpenError::Altered));
        assert!(t.elapsed() < std::time::Duration::from_millis(100));
    }
}
