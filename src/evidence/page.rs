//! A page the works council publishes (the collective report), signed by the council's own key:
//! anyone can check with `temoin verify` that no figure was changed since and whose key signed it.
//!
//! The signature is an HTML comment before `</body>`: `<!-- temoin-signature 1 <public key hex>
//! <signature hex> -->`, Ed25519 over `temoin/v1/page\n` and every byte before the comment. Nothing
//! may follow it but the closing tags, so a paragraph added after signing is caught too.

use ring::signature::Ed25519KeyPair;

use super::identity::PublicKey;
use super::merkle::{from_hex, to_hex};

const MARK: &str = "<!-- temoin-signature ";
const END: &str = "</body></html>";

fn message(before: &str) -> Vec<u8> {
    [b"temoin/v1/page\n".as_slice(), before.as_bytes()].concat()
}

/// `html` (one document ending in `</body></html>`) with its signature.
pub fn sign(html: &str, key: &Ed25519KeyPair) -> String {
    let body = html.trim_end();
    let before = body.strip_suffix(END).unwrap_or(body);
    let signature = key.sign(&message(before));
    format!(
        "{before}{MARK}1 {} {} -->\n{END}\n",
        to_hex(&PublicKey::of(key).0),
        to_hex(signature.as_ref())
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("the page carries no Témoin signature")]
    NotSigned,
    #[error("the page's signature is damaged")]
    Malformed,
    #[error("the page was changed after it was signed")]
    Altered,
}

/// Whether `text` looks like a signed page (to tell it from an export before reading it).
pub fn looks_signed(text: &str) -> bool {
    text.contains(MARK)
}

/// Whether the file is an HTML page (a report), not an export: by its first bytes.
pub fn is_page(path: &std::path::Path) -> bool {
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let start = String::from_utf8_lossy(&head[..n])
        .trim_start()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// The key that signed `text`, if the page is as it was signed.
pub fn verify(text: &str) -> Result<PublicKey, PageError> {
    let at = text.rfind(MARK).ok_or(PageError::NotSigned)?;
    let (before, rest) = text.split_at(at);
    let rest = &rest[MARK.len()..];
    let (fields, tail) = rest.split_once("-->").ok_or(PageError::Malformed)?;
    let f: Vec<&str> = fields.split_whitespace().collect();
    let [version, key, signature] = f.as_slice() else {
        return Err(PageError::Malformed);
    };
    if *version != "1" {
        return Err(PageError::Malformed);
    }
    let key = from_hex(key)
        .as_deref()
        .and_then(PublicKey::from_slice)
        .ok_or(PageError::Malformed)?;
    let signature = from_hex(signature).ok_or(PageError::Malformed)?;
    if tail.trim() != END {
        return Err(PageError::Altered);
    }
    if key.verify(&message(before), &signature) {
        Ok(key)
    } else {
        Err(PageError::Altered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><body><p>Pop-ups : <b>12</b></p></body></html>\n";

    #[test]
    fn a_signed_page_verifies_and_names_its_key() {
        let key = super::super::identity::test_key();
        let signed = sign(PAGE, &key);
        assert!(looks_signed(&signed));
        assert_eq!(verify(&signed), Ok(PublicKey::of(&key)));
        assert!(signed.ends_with("</body></html>\n"), "{signed}");
        assert_eq!(verify(PAGE), Err(PageError::NotSigned));
    }

    /// The adversary changes a figure, adds a paragraph after the signature, or signs the
    /// altered page with a key of their own and keeps the council's key in the comment.
    #[test]
    fn a_page_changed_after_signing_is_caught() {
        let key = super::super::identity::test_key();
        let signed = sign(PAGE, &key);
        let figure = signed.replace("<b>12</b>", "<b>2</b>");
        assert_eq!(verify(&figure), Err(PageError::Altered));
        let added = signed.replace("-->\n</body>", "-->\n<p>Aucun pop-up d'émotion.</p></body>");
        assert_eq!(verify(&added), Err(PageError::Altered));
        let other = super::super::identity::test_key();
        let forged = sign(&PAGE.replace("12", "2"), &other).replace(
            &to_hex(&PublicKey::of(&other).0),
            &to_hex(&PublicKey::of(&key).0),
        );
        assert_eq!(verify(&forged), Err(PageError::Altered));
        let cut = signed.replace(" -->", "");
        assert_eq!(verify(&cut), Err(PageError::Malformed));
    }
}
