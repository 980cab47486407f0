//! Checkpoints: a short signed statement of the log's size and root at a moment, one line of text
//! (and a QR code) a worker hands to a union representative. A later bundle proves it extends
//! every checkpoint given before.
//!
//! Text form: a C2SP signed note ([`super::note`]), which any transparency-log witness reads.
//! Checkpoints given before it (one line, `temoin-checkpoint 1 <public key hex> <size> <root hex>
//! <RFC 3339 time> <signature hex>`, Ed25519 over `temoin/v1/checkpoint\n` and the same fields)
//! are still read.

use chrono::{DateTime, FixedOffset};
use ring::signature::Ed25519KeyPair;

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
    /// The signed note as written (`None` for a checkpoint of the one-line form).
    pub note: Option<String>,
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
    /// Signs a checkpoint as a C2SP note.
    pub fn sign(key: &Ed25519KeyPair, size: u64, root: Hash, at: DateTime<FixedOffset>) -> Self {
        let text = super::note::sign(key, size, &root, at);
        Self::parse(&text).expect("a note just signed reads back")
    }

    /// The text to hand over: the signed note (several lines), or the old one-line form.
    pub fn to_text(&self) -> String {
        if let Some(note) = &self.note {
            return note.clone();
        }
        format!(
            "{TAG} {VERSION} {} {} {} {} {}",
            to_hex(&self.key.0),
            self.size,
            to_hex(&self.root),
            self.at.to_rfc3339(),
            to_hex(&self.signature)
        )
    }

    /// Reads either text form (surrounding spaces and line breaks ignored, Windows line ends
    /// taken as they come) and checks its signature.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let f: Vec<&str> = text.split_whitespace().collect();
        if f.first() != Some(&TAG) {
            return Self::parse_note(text);
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
            note: None,
        })
    }

    fn parse_note(text: &str) -> Result<Self, CheckpointError> {
        use super::note::NoteError;
        let text = format!("{}\n", text.replace("\r\n", "\n").trim());
        let r = super::note::read(&text).map_err(|e| match e {
            NoteError::Malformed(_) if !text.starts_with("temoin/") => {
                CheckpointError::NotACheckpoint
            }
            NoteError::Malformed(what) => CheckpointError::Malformed(what),
            NoteError::NotOurs => CheckpointError::NotACheckpoint,
            NoteError::BadSignature => CheckpointError::BadSignature,
        })?;
        Ok(Checkpoint {
            key: r.key,
            size: r.size,
            root: r.root,
            at: r.at,
            signature: r.signature,
            note: Some(text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ring::signature::KeyPair;

    use crate::evidence::identity::test_key as key;

    #[test]
    fn round_trip_and_forgeries() {
        let k = key();
        let at = DateTime::parse_from_rfc3339("2026-11-25T17:00:00+01:00").unwrap();
        // The one-line form of before, still read.
        let public = PublicKey::from_slice(k.public_key().as_ref()).unwrap();
        let signature = k
            .sign(&message(&public, 42, &[7; 32], &at))
            .as_ref()
            .to_vec();
        let c = Checkpoint {
            key: public,
            size: 42,
            root: [7; 32],
            at,
            signature,
            note: None,
        };
        let line = c.to_text();
        assert_eq!(Checkpoint::parse(&format!("  {line}\n")).unwrap(), c);
        // A note, as given now, read back (also copied with Windows line ends).
        let n = Checkpoint::sign(&k, 42, [7; 32], at);
        assert_eq!((n.key, n.size, n.root, n.at), (public, 42, [7; 32], at));
        let text = n.to_text();
        assert_eq!(Checkpoint::parse(&text).unwrap(), n);
        assert_eq!(
            Checkpoint::parse(&format!("\n {}", text.replace('\n', "\r\n"))).unwrap(),
            n
        );
        assert_eq!(
            Checkpoint::parse(&text.replacen("\n42\n", "\n41\n", 1)),
            Err(CheckpointError::BadSignature)
        );
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
