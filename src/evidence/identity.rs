//! Who signed, without a name: the worker's pseudonym and key fingerprint, both derived from the
//! device's Ed25519 public key, so a council can count each worker once and no one else can tell
//! who they are.

use ring::digest::{SHA256, digest};
use ring::signature::{ED25519, UnparsedPublicKey};

/// A device public key (Ed25519, 32 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey(pub [u8; 32]);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl PublicKey {
    pub fn from_slice(b: &[u8]) -> Option<Self> {
        b.try_into().ok().map(PublicKey)
    }

    /// The public half of a signing key.
    pub fn of(key: &ring::signature::Ed25519KeyPair) -> Self {
        use ring::signature::KeyPair;
        Self::from_slice(key.public_key().as_ref()).expect("Ed25519 public keys are 32 bytes")
    }

    /// "T-7KQ2-M3XA": 40 bits of a domain-separated hash, in Crockford's base 32. A name to read,
    /// not to compare: a key with the same pseudonym can be ground out, so wherever people
    /// compare keys the 128-bit [`PublicKey::fingerprint`] is shown beside it.
    pub fn pseudonym(&self) -> String {
        let h = digest(
            &SHA256,
            &[b"temoin/v1/pseudonym/".as_slice(), &self.0].concat(),
        );
        let bits = h.as_ref()[..5]
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let chars: String = (0..8)
            .rev()
            .map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize] as char)
            .collect();
        format!("T-{}-{}", &chars[..4], &chars[4..])
    }

    /// The key's SHA-256, first 16 bytes, in groups: what a worker reads aloud to confirm.
    pub fn fingerprint(&self) -> String {
        let h = digest(&SHA256, &self.0);
        h.as_ref()[..16]
            .chunks(2)
            .map(|c| format!("{:02x}{:02x}", c[0], c[1]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        UnparsedPublicKey::new(&ED25519, &self.0)
            .verify(message, signature)
            .is_ok()
    }
}

/// A fresh Ed25519 key for the tests of the modules that sign.
#[cfg(test)]
pub(crate) fn test_key() -> ring::signature::Ed25519KeyPair {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
    ring::signature::Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_stable_and_distinct() {
        let a = PublicKey([1; 32]);
        let b = PublicKey([2; 32]);
        assert_eq!(a.pseudonym(), a.pseudonym());
        assert_ne!(a.pseudonym(), b.pseudonym());
        assert_eq!(a.pseudonym().len(), 11);
        assert!(a.pseudonym().starts_with("T-"));
        assert_eq!(a.fingerprint().len(), 39);
    }
}
