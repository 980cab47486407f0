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
//! - session start: `1 ‖ enc (32) ‖ ciphertext`, index 0 of a new session;
//! - continuation: `2 ‖ start row (u64 BE) ‖ index (u32 BE) ‖ ciphertext`.

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

const FORM_START: u8 = 1;
const FORM_NEXT: u8 = 2;
const TAG_LEN: usize = 16;

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
}

struct WriterSession {
    enc: [u8; 32],
    start_seq: Option<u64>,
    /// The session-start row has been committed.
    confirmed: bool,
    index: u32,
    chain: Zeroizing<[u8; 32]>,
}

impl Sealer {
    pub fn new(vault_id: &[u8], public_key: &[u8]) -> Option<Self> {
        Some(Self {
            vault_id: vault_id.to_vec(),
            public_key: <Kem as KemTrait>::PublicKey::from_bytes(public_key).ok()?,
            session: None,
        })
    }

    /// Seals `plaintext` for row `seq`. The key used is forgotten before this returns, whether or
    /// not the row is then stored: a key is never used twice.
    pub fn seal(&mut self, seq: u64, plaintext: &[u8]) -> Vec<u8> {
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
            }
        });
        let (event_key, next) = step(&session.chain);
        let mut blob = match session.start_seq {
            None => {
                session.start_seq = Some(seq);
                [&[FORM_START][..], &session.enc].concat()
            }
            Some(start) => [
                &[FORM_NEXT][..],
                &start.to_be_bytes(),
                &session.index.to_be_bytes(),
            ]
            .concat(),
        };
        let header_len = blob.len();
        blob.extend_from_slice(plaintext);
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
            } else if !s.confirmed {
                self.session = None;
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

/// The reading side: opens rows in order, keeping one chain per session.
pub struct Opener<'a> {
    vault_id: Vec<u8>,
    private_key: <Kem as KemTrait>::PrivateKey,
    sessions: HashMap<u64, ReaderSession>,
    _key: std::marker::PhantomData<&'a SecretKey>,
}

struct ReaderSession {
    next_index: u32,
    chain: Zeroizing<[u8; 32]>,
}

impl<'a> Opener<'a> {
    pub fn new(vault_id: &[u8], private_key: &'a SecretKey) -> Option<Self> {
        Some(Self {
            vault_id: vault_id.to_vec(),
            private_key: <Kem as KemTrait>::PrivateKey::from_bytes(private_key.expose()).ok()?,
            sessions: HashMap::new(),
            _key: std::marker::PhantomData,
        })
    }

    /// Opens the blob stored at row `seq`. Rows of one session must come in increasing order.
    pub fn open(&mut self, seq: u64, blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        let (start, index, body) = match blob.first() {
            Some(&FORM_START) if blob.len() >= 1 + 32 + TAG_LEN => {
                let enc = <Kem as KemTrait>::EncappedKey::from_bytes(&blob[1..33])
                    .map_err(|_| OpenError::Malformed)?;
                let ctx = hpke::setup_receiver::<ExportOnlyAead, HkdfSha256, Kem>(
                    &OpModeR::Base,
                    &self.private_key,
                    &enc,
                    &session_info(&self.vault_id),
                )
                .map_err(|_| OpenError::Altered)?;
                let mut chain = Zeroizing::new([0u8; 32]);
                ctx.export(b"temoin/v1/chain", chain.as_mut())
                    .map_err(|_| OpenError::Altered)?;
                self.sessions.insert(
                    seq,
                    ReaderSession {
                        next_index: 0,
                        chain,
                    },
                );
                (seq, 0u32, &blob[33..])
            }
            Some(&FORM_NEXT) if blob.len() >= 1 + 8 + 4 + TAG_LEN => {
                let start = u64::from_be_bytes(blob[1..9].try_into().expect("8 bytes"));
                let index = u32::from_be_bytes(blob[9..13].try_into().expect("4 bytes"));
                (start, index, &blob[13..])
            }
            _ => return Err(OpenError::Malformed),
        };
        let session = self.sessions.get_mut(&start).ok_or(OpenError::NoSession)?;
        if index < session.next_index {
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
        Ok(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_of_rows_opens_in_order_and_only_where_it_was_sealed() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"vault-a", &pk).unwrap();
        let rows: Vec<(u64, Vec<u8>)> = (1..=5u64)
            .map(|seq| {
                let b = sealer.seal(seq, format!("event {seq}").as_bytes());
                sealer.stored(true);
                (seq, b)
            })
            .collect();
        assert_eq!(rows[0].1[0], FORM_START);
        assert_eq!(rows[1].1[0], FORM_NEXT);
        let mut opener = Opener::new(b"vault-a", &sk).unwrap();
        for (seq, blob) in &rows {
            assert_eq!(
                opener.open(*seq, blob).unwrap().as_slice(),
                format!("event {seq}").as_bytes()
            );
        }
        // Moved to another row or another vault: refused.
        let mut other = Opener::new(b"vault-b", &sk).unwrap();
        assert_eq!(other.open(1, &rows[0].1), Err(OpenError::Altered));
        let mut moved = Opener::new(b"vault-a", &sk).unwrap();
        assert_eq!(moved.open(2, &rows[0].1), Err(OpenError::Altered));
    }

    #[test]
    fn a_failed_store_skips_a_key_and_later_rows_still_open() {
        let (sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        let first = sealer.seal(1, b"one");
        sealer.stored(true);
        let _lost = sealer.seal(2, b"lost");
        sealer.stored(false);
        let third = sealer.seal(2, b"two");
        sealer.stored(true);
        let mut opener = Opener::new(b"v", &sk).unwrap();
        assert_eq!(opener.open(1, &first).unwrap().as_slice(), b"one");
        assert_eq!(opener.open(2, &third).unwrap().as_slice(), b"two");
    }

    #[test]
    fn an_unstored_session_start_is_never_reused() {
        let (_sk, pk) = generate_keypair();
        let mut sealer = Sealer::new(b"v", &pk).unwrap();
        let a = sealer.seal(1, b"x");
        sealer.stored(false);
        let b = sealer.seal(1, b"x");
        assert_eq!(b[0], FORM_START);
        assert_ne!(a[1..33], b[1..33]);
    }
}
