//! What a witness adds to a checkpoint, and how a log asks for it: `c2sp.org/tlog-cosignature`
//! (Ed25519 cosignatures over `cosignature/v1`, the time and the checkpoint) and the body of
//! `c2sp.org/tlog-witness`'s `add-checkpoint` request (`old <size>`, the consistency proof, the
//! signed checkpoint). Both sides use it: `temoin witness serve` and the worker's submissions.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ring::digest::{SHA256, digest};
use ring::signature::Ed25519KeyPair;
pub use signed_note::Signature;

use super::identity::PublicKey;
use super::merkle::Hash;

/// Signature type of an Ed25519 cosignature (c2sp.org/tlog-cosignature).
const COSIGNATURE: u8 = 0x04;
/// Signature type of an Ed25519 note signature (a log's own).
const ED25519: u8 = 0x01;
/// The proof has at most this many lines (tlog-witness).
pub const MAX_PROOF: usize = 63;

fn key_id(name: &str, kind: u8, key: &[u8; 32]) -> [u8; 4] {
    let d = digest(&SHA256, &[name.as_bytes(), b"\n", &[kind], key].concat());
    d.as_ref()[..4].try_into().expect("4 bytes")
}

/// A name as keys and origins may have it: 1 to 255 bytes, no space, no `+`, no control.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c < ' ')
}

/// A verifier key (`<name>+<key ID hex>+<base64(type ‖ key)>`) of one of the two kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    pub name: String,
    pub key: PublicKey,
    /// 0x01: a log's note signatures; 0x04: a witness's cosignatures.
    pub kind: u8,
}

impl VerifierKey {
    pub fn log(name: &str, key: PublicKey) -> Self {
        Self {
            name: name.into(),
            key,
            kind: ED25519,
        }
    }

    pub fn witness(name: &str, key: PublicKey) -> Self {
        Self {
            name: name.into(),
            key,
            kind: COSIGNATURE,
        }
    }

    pub fn is_witness(&self) -> bool {
        self.kind == COSIGNATURE
    }

    pub fn id(&self) -> [u8; 4] {
        key_id(&self.name, self.kind, &self.key.0)
    }

    pub fn parse(text: &str) -> Option<Self> {
        // The base64 key may itself hold a `+`: only the first two split.
        let mut parts = text.trim().splitn(3, '+');
        let (name, id, key) = (parts.next()?, parts.next()?, parts.next()?);
        if !valid_name(name) || id.len() != 8 {
            return None;
        }
        let raw = B64.decode(key).ok()?;
        let (&kind, key) = raw.split_first()?;
        let v = Self {
            name: name.into(),
            key: PublicKey::from_slice(key)?,
            kind,
        };
        let ok = matches!(kind, ED25519 | COSIGNATURE)
            && super::merkle::to_hex(&v.id()) == id.to_ascii_lowercase();
        ok.then_some(v)
    }

    pub fn to_text(&self) -> String {
        format!(
            "{}+{}+{}",
            self.name,
            super::merkle::to_hex(&self.id()),
            B64.encode([&[self.kind][..], &self.key.0].concat())
        )
    }
}

fn cosigned_message(time: u64, checkpoint: &str) -> Vec<u8> {
    format!("cosignature/v1\ntime {time}\n{checkpoint}").into_bytes()
}

/// A witness's cosignature of `checkpoint` (the note's text, origin to last extension line) at
/// `time` (seconds since 1970): a signature line, `signed_note`'s, of the 0x04 kind.
pub fn cosign(key: &Ed25519KeyPair, name: &str, time: u64, checkpoint: &str) -> Signature {
    let v = VerifierKey::witness(name, PublicKey::of(key));
    let sig = key.sign(&cosigned_message(time, checkpoint));
    Signature::new(
        name.into(),
        u32::from_be_bytes(v.id()),
        [&time.to_be_bytes()[..], sig.as_ref()].concat(),
    )
    .expect("a witness's name is checked when it is made")
}

/// The time a witness cosigned `checkpoint` at, when `line` is its valid cosignature.
pub fn cosigned_at(witness: &VerifierKey, line: &Signature, checkpoint: &str) -> Option<u64> {
    let sig = line.signature();
    if !witness.is_witness()
        || line.name() != witness.name
        || line.id() != u32::from_be_bytes(witness.id())
        || sig.len() != 72
    {
        return None;
    }
    let time = u64::from_be_bytes(sig[..8].try_into().ok()?);
    witness
        .key
        .verify(&cosigned_message(time, checkpoint), &sig[8..])
        .then_some(time)
}

/// Reads one signature line (`— <name> <base64(key ID ‖ signature)>`).
pub fn signature_line(line: &str) -> Option<Signature> {
    Signature::from_bytes(line.trim_end_matches('\n').as_bytes()).ok()
}

/// A checkpoint's body: origin, size, root, extension lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    pub extensions: Vec<String>,
}

/// Reads a checkpoint body (`c2sp.org/tlog-checkpoint`).
pub fn body(text: &str) -> Option<Body> {
    let mut lines = text.strip_suffix('\n')?.split('\n');
    let origin = lines.next().filter(|o| valid_name(o))?.to_string();
    let size_text = lines.next()?;
    let size: u64 = size_text.parse().ok()?;
    if size.to_string() != size_text {
        return None;
    }
    let root: Hash = B64.decode(lines.next()?).ok()?.try_into().ok()?;
    let extensions: Vec<String> = lines.map(str::to_string).collect();
    if extensions.iter().any(String::is_empty) {
        return None;
    }
    Some(Body {
        origin,
        size,
        root,
        extensions,
    })
}

/// An `add-checkpoint` request: the size the log last had cosigned, the consistency proof from
/// it, and the signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCheckpoint {
    pub old: u64,
    pub proof: Vec<Hash>,
    pub note: String,
}

impl AddCheckpoint {
    pub fn to_text(&self) -> String {
        let mut out = format!("old {}\n", self.old);
        for h in &self.proof {
            out.push_str(&B64.encode(h));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.note);
        out
    }

    pub fn parse(text: &str) -> Option<Self> {
        let (head, note) = text.split_once("\n\n")?;
        let mut lines = head.split('\n');
        let old_text = lines.next()?.strip_prefix("old ")?;
        let old: u64 = old_text.parse().ok()?;
        if old.to_string() != old_text {
            return None;
        }
        let proof: Option<Vec<Hash>> = lines
            .map(|l| {
                let raw = B64.decode(l).ok()?;
                (B64.encode(&raw) == l).then_some(())?;
                raw.try_into().ok()
            })
            .collect();
        let proof = proof.filter(|p| p.len() <= MAX_PROOF)?;
        Some(Self {
            old,
            proof,
            note: note.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::evidence::identity::test_key as key;

    #[test]
    fn a_cosignature_verifies_for_its_checkpoint_and_time_only() {
        let k = key();
        let cp = "temoin/T-AAAA-BBBB/00\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        let line = cosign(&k, "cse.example/temoin", 1_764_500_000, cp);
        let v = VerifierKey::witness("cse.example/temoin", PublicKey::of(&k));
        assert_eq!(VerifierKey::parse(&v.to_text()), Some(v.clone()));
        let back = signature_line(&String::from_utf8(line.to_bytes()).unwrap()).unwrap();
        assert_eq!(cosigned_at(&v, &back, cp), Some(1_764_500_000));
        assert_eq!(
            cosigned_at(&v, &back, &cp.replace("\n12\n", "\n13\n")),
            None
        );
        let mut tampered = back.signature().to_vec();
        tampered[7] ^= 1;
        let later = Signature::new(back.name().into(), back.id(), tampered).unwrap();
        assert_eq!(cosigned_at(&v, &later, cp), None);
        // A log key (type 0x01) is not a witness key.
        assert_eq!(
            cosigned_at(
                &VerifierKey::log("cse.example/temoin", PublicKey::of(&k)),
                &back,
                cp
            ),
            None
        );
    }

    #[test]
    fn add_checkpoint_bodies_read_back_and_bad_ones_are_refused() {
        let r = AddCheckpoint {
            old: 5,
            proof: vec![[1; 32], [2; 32]],
            note: "o\n9\nAAAA\n\n— o AAAAAAAA\n".into(),
        };
        assert_eq!(AddCheckpoint::parse(&r.to_text()), Some(r));
        for bad in [
            "old 05\n\nx",
            "old -1\n\nx",
            "old 1\nAAAA\n\nx",
            "ancien 1\n\nx",
            "old 1",
        ] {
            assert_eq!(AddCheckpoint::parse(bad), None, "{bad:?}");
        }
        let long = format!(
            "old 1\n{}\nx",
            "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n".repeat(64)
        );
        assert_eq!(AddCheckpoint::parse(&long), None);
    }
}
