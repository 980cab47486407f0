//! Checkpoints: a short signed statement of the log's size and root at a moment, one line of text
//! (and a QR code) a worker hands to a union representative. A later bundle proves it extends
//! every checkpoint given before.
//!
//! Text form: `temoin-checkpoint 1 <public key hex> <size> <root hex> <RFC 3339 time> <signature
//! hex>`; the signature is Ed25519 over `temoin/v1/checkpoint\n` and the same fields, spaces
//! between them.

use chrono::{DateTime, FixedOffset};
use ring::signature::{Ed25519KeyPair, KeyPair};

use super::identity::PublicKey;
use super::merkle::{Hash, from_hex, hash_from_hex, to_hex};

pub const TAG: &str = "temoin-checkpoint";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub key: PublicKey,
    pub size: u64,
    pub root: Hash,
    pub at: DateTime<FixedOffset>,
    pub signature: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a Témoin checkpoint")]
    NotACheckpoint,
    #[error("checkpoint format version {0} is not known to this version")]
    UnknownVersion(String),
    #[error("the checkpoint is damaged: {0}")]
    Malformed(&'static str),
    #[error("the checkpoint's signature is not valid (forged or altered)")]
    BadSignature,
}

fn message(key: &PublicKey, size: u64, root: &Hash, at: &DateTime<FixedOffset>) -> Vec<u8> {
    format!(
        "temoin/v1/checkpoint\n{} {size} {} {}",
        to_hex(&key.0),
        to_hex(root),
        at.to_rfc3339()
    )
    .into_bytes()
}

impl Checkpoint {
    pub fn sign(key: &Ed25519KeyPair, size: u64, root: Hash, at: DateTime<FixedOffset>) -> Self {
        let public = PublicKey::from_slice(key.public_key().as_ref()).expect("Ed25519 key");
        let signature = key
            .sign(&message(&public, size, &root, &at))
            .as_ref()
            .to_vec();
        Checkpoint {
            key: public,
            size,
            root,
            at,
            signature,
        }
    }

    pub fn to_line(&self) -> String {
        format!(
            "{TAG} {VERSION} {} {} {} {} {}",
            to_hex(&self.key.0),
            self.size,
            to_hex(&self.root),
            self.at.to_rfc3339(),
            to_hex(&self.signature)
        )
    }

    /// Reads the text form (surrounding spaces and line breaks ignored) and checks its signature.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let f: Vec<&str> = text.split_whitespace().collect();
        if f.first() != Some(&TAG) {
            return Err(CheckpointError::NotACheckpoint);
        }
        match f.get(1) {
            Some(v) if *v == VERSION.to_string() => {}
            Some(v) => {
                return Err(CheckpointError::UnknownVersion(
                    v.chars().take(20).collect(),
                ));
            }
            None => return Err(CheckpointError::Malformed("version")),
        }
        if f.len() != 7 {
            return Err(CheckpointError::Malformed("field count"));
        }
        let key = from_hex(f[2])
            .and_then(|b| PublicKey::from_slice(&b))
            .ok_or(CheckpointError::Malformed("public key"))?;
        let size = f[3]
            .parse()
            .map_err(|_| CheckpointError::Malformed("size"))?;
        let root = hash_from_hex(f[4]).ok_or(CheckpointError::Malformed("root"))?;
        let at =
            DateTime::parse_from_rfc3339(f[5]).map_err(|_| CheckpointError::Malformed("time"))?;
        let signature = from_hex(f[6])
            .filter(|s| s.len() == 64)
            .ok_or(CheckpointError::Malformed("signature"))?;
        if !key.verify(&message(&key, size, &root, &at), &signature) {
            return Err(CheckpointError::BadSignature);
        }
        Ok(Checkpoint {
            key,
            size,
            root,
            at,
            signature,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ring::rand::SystemRandom;

    fn key() -> Ed25519KeyPair {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap()
    }

    #[test]
    fn round_trip_and_forgeries() {
        let k = key();
        let at = DateTime::parse_from_rfc3339("2026-11-25T17:00:00+01:00").unwrap();
        let c = Checkpoint::sign(&k, 42, [7; 32], at);
        let line = c.to_line();
        assert_eq!(Checkpoint::parse(&format!("  {line}\n")).unwrap(), c);
        // Another size with the same signature: forged.
        let forged = line.replacen(" 42 ", " 41 ", 1);
        assert_eq!(
            Checkpoint::parse(&forged),
            Err(CheckpointError::BadSignature)
        );
        assert_eq!(
            Checkpoint::parse(&line.replacen(" 1 ", " 9 ", 1)),
            Err(CheckpointError::UnknownVersion("9".into()))
        );
        assert_eq!(
            Checkpoint::parse("bonjour"),
            Err(CheckpointError::NotACheckpoint)
        );
    }

    proptest! {
        #[test]
        fn random_text_never_panics(s in "\\PC{0,400}") {
            let _ = Checkpoint::parse(&s);
            let _ = Checkpoint::parse(&format!("temoin-checkpoint 1 {s}"));
        }
    }
}
