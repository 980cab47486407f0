//! Checkpoints in the transparency logs' standard form, so that any C2SP witness or verifier
//! reads them: a `c2sp.org/tlog-checkpoint` body (origin, size, base64 root of the RFC 9162 tree,
//! then one extension line with the time it was given) in a `c2sp.org/signed-note`, signed with
//! Ed25519. The note format is `signed_note`'s (Cloudflare's azul); signing and verifying are
//! ring's, through its `Signer` / `Verifier` traits. `tlog_tiles` is not used: it brings URL and
//! IDNA parsing for tile paths Témoin does not serve, for a body of four lines parsed here (and
//! checked against an independent implementation, `aics-tlog`, in the tests).
//!
//! The origin names the log by the worker's pseudonym and carries the whole public key in hex,
//! `temoin/T-7KQ2-M3XA/<64 hex>`, so that a checkpoint is verified from its text alone and a
//! witness can enrol the key it names.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chrono::{DateTime, FixedOffset};
use ring::signature::Ed25519KeyPair;
use signed_note::{Note, Signature, Signer, VerificationError, Verifier, Verifiers};

use super::cosign::{self, VerifierKey};
use super::identity::PublicKey;
use super::merkle::Hash;

const PREFIX: &str = "temoin/";
/// The origin of the rows' log, which witnesses cosign (see [`sign_rows`]).
const ROWS_PREFIX: &str = "temoin-rows/";
/// Témoin's extension line: when the worker gave the checkpoint.
const TIME: &str = "temoin-time ";

/// The log's origin line for a signing key.
pub fn origin(key: &PublicKey) -> String {
    named(PREFIX, key)
}

/// The origin of the rows' log for a log key: `temoin-rows/<pseudonym>/<64 hex>`.
pub fn rows_origin(key: &PublicKey) -> String {
    named(ROWS_PREFIX, key)
}

fn named(prefix: &str, key: &PublicKey) -> String {
    format!(
        "{prefix}{}/{}",
        key.pseudonym(),
        super::merkle::to_hex(&key.0)
    )
}

/// The key an origin names (`None`: not a Témoin origin, or its pseudonym does not match).
pub fn key_of(origin: &str) -> Option<PublicKey> {
    key_named(PREFIX, origin)
}

/// The log key a rows' origin names.
pub fn rows_key_of(origin: &str) -> Option<PublicKey> {
    key_named(ROWS_PREFIX, origin)
}

fn key_named(prefix: &str, origin: &str) -> Option<PublicKey> {
    let rest = origin.strip_prefix(prefix)?;
    let (pseudonym, hex) = rest.split_once('/')?;
    let key = super::merkle::from_hex(hex).and_then(|b| PublicKey::from_slice(&b))?;
    (key.pseudonym() == pseudonym).then_some(key)
}

/// The verifier key a witness is given: `<origin>+<key ID>+<base64(0x01 ‖ key)>`.
pub fn vkey(key: &PublicKey) -> String {
    VerifierKey::log(&origin(key), *key).to_text()
}

/// The rows' log's verifier key, which the worker gives the works council to enrol.
pub fn rows_vkey(key: &PublicKey) -> VerifierKey {
    VerifierKey::log(&rows_origin(key), *key)
}

struct RingSigner<'a> {
    name: String,
    id: u32,
    key: &'a Ed25519KeyPair,
}

impl Signer for RingSigner<'_> {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, signature::Error> {
        Ok(self.key.sign(msg).as_ref().to_vec())
    }
}

struct RingVerifier {
    name: String,
    id: u32,
    key: PublicKey,
}

impl RingVerifier {
    fn of(log: &VerifierKey) -> Self {
        Self {
            name: log.name.clone(),
            id: u32::from_be_bytes(log.id()),
            key: log.key,
        }
    }
}

impl Verifier for RingVerifier {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        self.key.verify(msg, sig)
    }
}

impl Verifiers for RingVerifier {
    fn verifier(&self, name: &str, id: u32) -> Result<&dyn Verifier, VerificationError> {
        if name == self.name && id == self.id {
            Ok(self)
        } else {
            Err(VerificationError::UnknownKey {
                name: name.to_string(),
                id,
            })
        }
    }
}

/// A checkpoint read from a note: what it says, its signature checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub key: PublicKey,
    pub size: u64,
    pub root: Hash,
    pub at: DateTime<FixedOffset>,
    /// The log's signature (key ID first, as in the note).
    pub signature: Vec<u8>,
}

/// Why a note is not a checkpoint Témoin signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteError {
    /// Not a signed note, or its body is not a checkpoint.
    Malformed(&'static str),
    /// The origin is not a Témoin log's.
    NotOurs,
    /// No valid signature by the key the origin names.
    BadSignature,
}

/// The checkpoint as a signed note (text ending in a line break).
pub fn sign(key: &Ed25519KeyPair, size: u64, root: &Hash, at: DateTime<FixedOffset>) -> String {
    let name = origin(&PublicKey::of(key));
    sign_body(
        key,
        &name,
        size,
        root,
        &[format!("{TIME}{}", at.to_rfc3339())],
    )
}

/// A checkpoint of the vault's sealed rows (the tree witnesses cosign), signed by the log key:
/// no extension line, the witness's cosignature says when.
pub fn sign_rows(key: &Ed25519KeyPair, size: u64, root: &Hash) -> String {
    sign_body(key, &rows_origin(&PublicKey::of(key)), size, root, &[])
}

fn sign_body(
    key: &Ed25519KeyPair,
    name: &str,
    size: u64,
    root: &Hash,
    extensions: &[String],
) -> String {
    let mut body = format!("{name}\n{size}\n{}\n", B64.encode(root));
    for e in extensions {
        body.push_str(e);
        body.push('\n');
    }
    let mut note = Note::new(body.as_bytes(), &[]).expect("a well-formed body");
    let signer = RingSigner {
        id: u32::from_be_bytes(VerifierKey::log(name, PublicKey::of(key)).id()),
        name: name.to_string(),
        key,
    };
    note.add_sigs(&[&signer]).expect("a valid key name");
    String::from_utf8(note.to_bytes()).expect("notes are UTF-8")
}

/// A note's text (origin to last extension line) and the log's valid signature of it, when `log`
/// signed it (a signature line of `log` that does not verify, or none at all: `None`). Lines of
/// other keys (a witness's cosignatures) are left as they are.
pub fn log_signature(note: &str, log: &VerifierKey) -> Option<(String, Signature)> {
    let note = Note::from_bytes(note.as_bytes()).ok()?;
    let text = String::from_utf8(note.text().to_vec()).ok()?;
    let (verified, _) = note.verify(&RingVerifier::of(log)).ok()?;
    Some((text, verified.into_iter().next()?))
}

/// Reads a checkpoint note and checks the signature of the key its origin names.
pub fn read(text: &str) -> Result<Read, NoteError> {
    let note = Note::from_bytes(text.as_bytes()).map_err(|_| NoteError::Malformed("note"))?;
    let body = std::str::from_utf8(note.text()).map_err(|_| NoteError::Malformed("text"))?;
    let body = cosign::body(body).ok_or(NoteError::Malformed("checkpoint"))?;
    let key = key_of(&body.origin).ok_or(NoteError::NotOurs)?;
    let at = match body.extensions.as_slice() {
        [time] => time
            .strip_prefix(TIME)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .ok_or(NoteError::Malformed("time"))?,
        _ => return Err(NoteError::Malformed("extension")),
    };
    let (_, signature) =
        log_signature(text, &VerifierKey::log(&body.origin, key)).ok_or(NoteError::BadSignature)?;
    Ok(Read {
        key,
        size: body.size,
        root: body.root,
        at,
        signature: signature.signature().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::evidence::identity::test_key as key;

    #[test]
    fn a_note_reads_back_and_any_change_is_refused() {
        let k = key();
        let at = DateTime::parse_from_rfc3339("2026-11-25T17:00:00+01:00").unwrap();
        let text = sign(&k, 1432, &[7; 32], at);
        let r = read(&text).unwrap();
        assert_eq!(
            (r.key, r.size, r.root, r.at),
            (PublicKey::of(&k), 1432, [7; 32], at)
        );
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("temoin/T-"), "{text}");
        assert_eq!(lines[1], "1432");
        assert_eq!(lines[4], "");
        assert!(lines[5].starts_with("— temoin/T-"), "{text}");
        // Another size under the same signature: refused.
        assert_eq!(
            read(&text.replacen("\n1432\n", "\n1200\n", 1)),
            Err(NoteError::BadSignature)
        );
        // Signed by another key than the origin names.
        let other = sign(&key(), 1432, &[7; 32], at);
        let forged = format!(
            "{}\n{}",
            text.split("\n\n").next().unwrap(),
            &other[other.find("\n\n").unwrap() + 2..]
        );
        assert!(read(&forged).is_err());
        assert_eq!(read("bonjour\n"), Err(NoteError::Malformed("note")));
    }

    #[test]
    fn the_vkey_names_the_origin_and_the_key() {
        let k = key();
        let v = vkey(&PublicKey::of(&k));
        let (name, _) = v.split_once('+').unwrap();
        assert_eq!(key_of(name), Some(PublicKey::of(&k)));
        // Read back whole (its base64 may hold a `+` of its own).
        let back = crate::evidence::cosign::VerifierKey::parse(&v).unwrap();
        assert_eq!((back.name.as_str(), back.key), (name, PublicKey::of(&k)));
    }
}
