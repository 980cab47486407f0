//! Secrets of the vault and how they are wrapped.
//!
//! A random data key wraps the vault's private keys; the passphrase (through Argon2id) and the
//! recovery code each open the data key. Changing the passphrase rotates the data key and the
//! key pair (see `Vault::change_passphrase`).
//! Secret bytes live in zeroizing buffers and have no `Debug` or `Serialize`.

use argon2::{Algorithm, Argon2, Params, Version};
use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::VaultError;

/// 32 secret bytes, wiped when dropped. Deliberately not `Debug`, `Clone` or `Serialize`.
pub struct SecretKey(Zeroizing<[u8; 32]>);

impl SecretKey {
    pub fn random() -> Self {
        let mut k = Zeroizing::new([0u8; 32]);
        SystemRandom::new()
            .fill(k.as_mut())
            .expect("the system random generator failed");
        Self(k)
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut k = Zeroizing::new([0u8; 32]);
        if bytes.len() != 32 {
            return None;
        }
        k.copy_from_slice(bytes);
        Some(Self(k))
    }

    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

/// Argon2id cost, stored with the vault so it can be raised later without breaking old vaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// 64 MiB, 3 passes: above OWASP's floor (19 MiB, 2 passes) and about 0.2 s here (benches/README.md).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };

    /// The floor below which a stored parameter set is refused as tampered or unsafe, and the
    /// ceiling above which it is refused before any work (a forged cost would hold the worker's
    /// PC for hours or take all its memory).
    fn is_safe(&self) -> bool {
        (19 * 1024..=1024 * 1024).contains(&self.m_kib)
            && (2..=16).contains(&self.t)
            && (1..=8).contains(&self.p)
    }
}

/// Derives a key-encryption key from a passphrase or recovery code.
pub fn derive_kek(secret: &[u8], salt: &[u8], params: KdfParams) -> Result<SecretKey, VaultError> {
    if !params.is_safe() {
        return Err(VaultError::Corrupt(
            "paramètres Argon2id hors limites".into(),
        ));
    }
    let p = Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|e| VaultError::Corrupt(format!("argon2: {e}")))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|e| VaultError::Corrupt(format!("argon2: {e}")))?;
    Ok(SecretKey(out))
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    SystemRandom::new()
        .fill(&mut b)
        .expect("the system random generator failed");
    b
}

fn aead_key(key: &SecretKey) -> LessSafeKey {
    LessSafeKey::new(UnboundKey::new(&aead::CHACHA20_POLY1305, key.expose()).expect("32-byte key"))
}

/// Encrypts `plaintext` under `key` with a random nonce: `nonce ‖ ciphertext ‖ tag`.
pub fn wrap(key: &SecretKey, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    let nonce = random_bytes::<12>();
    let mut buf = plaintext.to_vec();
    aead_key(key)
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut buf,
        )
        .expect("sealing cannot fail for in-memory sizes");
    let mut out = nonce.to_vec();
    out.append(&mut buf);
    out
}

/// Reverses [`wrap`]; `None` when the key is wrong or the bytes were altered.
pub fn unwrap(key: &SecretKey, wrapped: &[u8], aad: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if wrapped.len() < 12 + 16 {
        return None;
    }
    let (nonce, ct) = wrapped.split_at(12);
    let mut buf = Zeroizing::new(ct.to_vec());
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let len = aead_key(key)
        .open_in_place(nonce, Aad::from(aad), buf.as_mut_slice())
        .ok()?
        .len();
    buf.truncate(len);
    Some(buf)
}

/// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A recovery code: 160 random bits, shown once as eight groups of four characters.
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    pub fn generate() -> Self {
        let bytes = Zeroizing::new(random_bytes::<20>());
        let mut acc: u64 = 0;
        let mut bits = 0;
        let mut chars = Zeroizing::new(String::with_capacity(40));
        for &b in bytes.iter() {
            acc = (acc << 8) | b as u64;
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                let idx = ((acc >> bits) & 31) as usize;
                if !chars.is_empty() && chars.len() % 5 == 4 {
                    chars.push('-');
                }
                chars.push(CROCKFORD[idx] as char);
            }
        }
        Self(chars)
    }

    /// Accepts what a person types: any case, spaces or dashes, and O/I/L for 0/1.
    pub fn parse(input: &str) -> Option<Self> {
        let mut canon = Zeroizing::new(String::with_capacity(40));
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\n' | '\r' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
                _ => return None,
            };
            if canon.len() >= 39 {
                return None;
            }
            if !canon.is_empty() && canon.len() % 5 == 4 {
                canon.push('-');
            }
            canon.push(c);
        }
        (canon.len() == 39).then(|| Self(canon))
    }

    /// The code for display, e.g. `7K3M-Q9XT-…`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The bytes fed to the key derivation (the canonical form).
    pub fn secret(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_round_trips_and_rejects_other_keys_and_contexts() {
        let k = SecretKey::random();
        let w = wrap(&k, b"secret", b"ctx");
        assert_eq!(unwrap(&k, &w, b"ctx").unwrap().as_slice(), b"secret");
        assert!(unwrap(&k, &w, b"other").is_none());
        assert!(unwrap(&SecretKey::random(), &w, b"ctx").is_none());
        let mut bad = w.clone();
        bad[20] ^= 1;
        assert!(unwrap(&k, &bad, b"ctx").is_none());
    }

    #[test]
    fn recovery_code_reads_back_as_typed() {
        let code = RecoveryCode::generate();
        assert_eq!(code.as_str().len(), 39);
        assert_eq!(code.as_str().split('-').count(), 8);
        let typed = code
            .as_str()
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o");
        assert_eq!(RecoveryCode::parse(&typed).unwrap().as_str(), code.as_str());
        assert!(RecoveryCode::parse("ABCD-EFGH").is_none());
        assert!(RecoveryCode::parse(&format!("{}-X", code.as_str())).is_none());
        assert!(RecoveryCode::parse("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU").is_none());
    }

    #[test]
    fn kdf_refuses_weak_stored_parameters() {
        let weak = KdfParams {
            m_kib: 8,
            t: 1,
            p: 1,
        };
        assert!(derive_kek(b"x", &[0; 16], weak).is_err());
        // A forged cost that would hold the PC for hours, or take its memory: refused at once.
        for forged in [
            KdfParams {
                t: 1_000_000,
                ..KdfParams::DEFAULT
            },
            KdfParams {
                m_kib: 8 * 1024 * 1024,
                ..KdfParams::DEFAULT
            },
            KdfParams {
                p: 1000,
                ..KdfParams::DEFAULT
            },
        ] {
            let t = std::time::Instant::now();
            assert!(derive_kek(b"x", &[0; 16], forged).is_err());
            assert!(t.elapsed() < std::time::Duration::from_millis(50));
        }
    }
}
