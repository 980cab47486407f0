//! The works council's register: the keys of the workers it met in person, by fingerprint (no
//! name), each with the day it was registered. Only their exports are pooled, so that keys made up
//! for the occasion cannot fill a cell. A council keeps it in its own desk, a vault like a
//! worker's (`KeyRegistered` / `KeyUnregistered` events: encrypted, chained, dated), each entry
//! signed by the desk's key ([`signed`]): a vault takes rows without its passphrase, so an entry
//! appended by someone without it is shown and never counted. A plain list of fingerprints is
//! still read for `temoin aggregate --registre`.
//!
//! What a worker shows to be registered: the QR of [`qr_text`] (their key) or the fingerprint as
//! their window and `temoin verify` print it; [`read_code`] takes either, typed or read from a
//! photo ([`codes_in_photo`]) or a camera frame ([`codes_in_grey`]).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use ring::signature::Ed25519KeyPair;

use super::identity::PublicKey;
use super::merkle::{from_hex, to_hex};
use crate::events::{Event, EventKind};

/// The first word of a key's QR code.
pub const QR_TAG: &str = "temoin-cle";

/// The keys the council registered, by fingerprint (32 hexadecimal digits, lower case).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Register {
    fingerprints: HashSet<String>,
}

/// A register line that is not a fingerprint.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line} is not a key fingerprint (32 hexadecimal digits)")]
pub struct RegisterError {
    pub line: usize,
}

/// A key in the register and when it was entered.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// As people read it: eight groups of four digits.
    pub fingerprint: String,
    pub at: DateTime<FixedOffset>,
}

impl Register {
    /// One fingerprint a line (as `temoin verify` and the worker's window show it; spaces and
    /// case do not matter), `#` starting a comment.
    pub fn parse(text: &str) -> Result<Register, RegisterError> {
        let mut fingerprints = HashSet::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("");
            let hex = compact(line);
            if hex.is_empty() {
                continue;
            }
            if !is_fingerprint(&hex) {
                return Err(RegisterError { line: i + 1 });
            }
            fingerprints.insert(hex);
        }
        Ok(Register { fingerprints })
    }

    /// The register a council's desk holds: its registrations signed by `desk` (its key), less
    /// the keys taken out after.
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a Event>,
        desk: &PublicKey,
    ) -> Register {
        Register {
            fingerprints: entries(events, desk)
                .listed
                .into_iter()
                .map(|e| compact(&e.fingerprint))
                .collect(),
        }
    }

    pub fn contains(&self, key: &PublicKey) -> bool {
        self.fingerprints.contains(&compact(&key.fingerprint()))
    }

    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }
}

/// The register as a desk's events make it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    /// The keys registered now, in the order they were first entered, each with its date.
    pub listed: Vec<Entry>,
    /// Entries not signed by the desk's key (appended without its passphrase): not counted.
    pub unsigned: usize,
}

/// What a desk's key signs for an entry: whether it adds or removes, and the key's fingerprint.
fn message(add: bool, fingerprint: &str) -> Vec<u8> {
    let what = if add { "add" } else { "remove" };
    format!("temoin/v1/register\n{what} {}", compact(fingerprint)).into_bytes()
}

/// The event that adds (`add`) or removes a key, signed by the desk's key.
pub fn signed(desk: &Ed25519KeyPair, add: bool, fingerprint: &str) -> EventKind {
    let fingerprint = grouped(&compact(fingerprint));
    let signature = to_hex(desk.sign(&message(add, &fingerprint)).as_ref());
    if add {
        EventKind::KeyRegistered {
            fingerprint,
            signature,
        }
    } else {
        EventKind::KeyUnregistered {
            fingerprint,
            signature,
        }
    }
}

/// The keys registered now by `desk`'s signed entries, each with the date it was first entered.
pub fn entries<'a>(events: impl IntoIterator<Item = &'a Event>, desk: &PublicKey) -> Entries {
    let mut now: BTreeMap<String, DateTime<FixedOffset>> = BTreeMap::new();
    let mut order = Vec::new();
    let mut unsigned = 0;
    for e in events {
        let (add, fingerprint, signature) = match &e.kind {
            EventKind::KeyRegistered {
                fingerprint,
                signature,
            } => (true, fingerprint, signature),
            EventKind::KeyUnregistered {
                fingerprint,
                signature,
            } => (false, fingerprint, signature),
            _ => continue,
        };
        let good = from_hex(signature).is_some_and(|s| desk.verify(&message(add, fingerprint), &s));
        if !good {
            unsigned += 1;
            continue;
        }
        let f = compact(fingerprint);
        if add {
            if !now.contains_key(&f) {
                now.insert(f.clone(), e.at);
                order.push(f);
            }
        } else {
            now.remove(&f);
            order.retain(|x| *x != f);
        }
    }
    let listed = order
        .into_iter()
        .filter_map(|f| {
            now.get(&f).map(|at| Entry {
                fingerprint: grouped(&f),
                at: *at,
            })
        })
        .collect();
    Entries { listed, unsigned }
}

/// Digits only, lower case.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_fingerprint(hex: &str) -> bool {
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// "1a2b3c4d…" as people read it: groups of four.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a worker's window puts in the QR code of their key.
pub fn qr_text(key: &PublicKey) -> String {
    format!("{QR_TAG} 1 {}", to_hex(&key.0))
}

/// What was typed or read is not a key's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("not a key's code: 32 hexadecimal digits, or a Témoin key's QR code")]
    NotACode,
    #[error("a QR code of another kind (not a Témoin key)")]
    OtherQr,
}

/// The fingerprint in a code: the 32 digits typed (spaces, dashes and case ignored), a key's
/// QR text, or a public key in 64 digits.
pub fn read_code(text: &str) -> Result<String, CodeError> {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let key_hex = match words.as_slice() {
        [tag, "1", hex] if *tag == QR_TAG => Some(*hex),
        [tag, ..] if *tag == QR_TAG => return Err(CodeError::NotACode),
        _ => None,
    };
    let hex = compact(key_hex.unwrap_or(text));
    if is_fingerprint(&hex) {
        return Ok(grouped(&hex));
    }
    if hex.len() == 64
        && let Some(key) = from_hex(&hex).as_deref().and_then(PublicKey::from_slice)
    {
        return Ok(key.fingerprint());
    }
    if key_hex.is_none() && text.contains("://") || text.starts_with("temoin-") {
        return Err(CodeError::OtherQr);
    }
    Err(CodeError::NotACode)
}

/// The texts of the QR codes in a grey image (one byte a pixel, rows top to bottom).
pub fn codes_in_grey(width: usize, height: usize, pixels: &[u8]) -> Vec<String> {
    if width == 0 || pixels.len() < width * height {
        return Vec::new();
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// A photo that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("not an image this version reads (PNG or JPEG): {0}")]
    NotAnImage(String),
}

/// The texts of the QR codes in a photo (PNG or JPEG). A phone's photo is read at a reduced size
/// first (fast, and enough for a code filling a tenth of it), then whole if nothing was found.
pub fn codes_in_photo(path: &Path) -> Result<Vec<String>, PhotoError> {
    let bytes = std::fs::read(path)?;
    let img = image::load_from_memory(&bytes)
        .map_err(|e| PhotoError::NotAnImage(e.to_string()))?
        .into_luma8();
    const SMALL: u32 = 1600;
    if img.width().max(img.height()) > SMALL {
        let small = image::imageops::thumbnail(
            &img,
            img.width() * SMALL / img.width().max(img.height()),
            img.height() * SMALL / img.width().max(img.height()),
        );
        let found = codes_in_grey(
            small.width() as usize,
            small.height() as usize,
            small.as_raw(),
        );
        if !found.is_empty() {
            return Ok(found);
        }
    }
    Ok(codes_in_grey(
        img.width() as usize,
        img.height() as usize,
        img.as_raw(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PublicKey {
        PublicKey::of(&super::super::identity::test_key())
    }

    #[test]
    fn a_code_is_read_typed_or_from_a_qr_and_nothing_else_is() {
        let k = key();
        let fp = k.fingerprint();
        assert_eq!(read_code(&qr_text(&k)), Ok(fp.clone()));
        assert_eq!(read_code(&fp.to_uppercase()), Ok(fp.clone()));
        assert_eq!(read_code(&fp.replace(' ', "-")), Ok(fp.clone()));
        assert_eq!(read_code(&to_hex(&k.0)), Ok(fp.clone()));
        assert_eq!(read_code(&fp[..30]), Err(CodeError::NotACode));
        assert_eq!(read_code(&format!("{fp}0")), Err(CodeError::NotACode));
        assert_eq!(read_code("https://example.org/qr"), Err(CodeError::OtherQr));
        assert_eq!(read_code("temoin-cle 2 00"), Err(CodeError::NotACode));
    }

    #[test]
    fn the_register_is_the_keys_entered_less_those_taken_out() {
        let desk = super::super::identity::test_key();
        let council = PublicKey::of(&desk);
        let (a, b) = (key(), key());
        let at = |h: u32| {
            chrono::DateTime::parse_from_rfc3339(&format!("2026-11-0{h}T10:00:00+01:00")).unwrap()
        };
        let ev = |h, kind| Event { at: at(h), kind };
        let events = vec![
            ev(1, signed(&desk, true, &a.fingerprint())),
            ev(2, signed(&desk, true, &b.fingerprint().to_uppercase())),
            ev(3, signed(&desk, true, &a.fingerprint())),
            ev(4, signed(&desk, false, &b.fingerprint())),
        ];
        let r = Register::from_events(&events, &council);
        assert!(r.contains(&a) && !r.contains(&b), "{r:?}");
        let listed = entries(&events, &council).listed;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].fingerprint, a.fingerprint());
        assert_eq!(listed[0].at, at(1), "registered once, on the first day");
    }

    /// The adversary has the desk's file but not its passphrase: they append rows (which needs
    /// no passphrase) registering a key of their own, with no signature, with one of their own
    /// key, or with the council's signature of another entry; and a removal of a real key.
    #[test]
    fn entries_not_signed_by_the_desk_are_never_counted() {
        let desk = super::super::identity::test_key();
        let council = PublicKey::of(&desk);
        let (worker, made_up, intruder) = (key(), key(), super::super::identity::test_key());
        let now = chrono::Local::now().fixed_offset();
        let ev = |kind| Event { at: now, kind };
        let mut events = vec![ev(signed(&desk, true, &worker.fingerprint()))];
        let genuine = match &events[0].kind {
            EventKind::KeyRegistered { signature, .. } => signature.clone(),
            _ => unreachable!(),
        };
        events.extend([
            ev(EventKind::KeyRegistered {
                fingerprint: made_up.fingerprint(),
                signature: String::new(),
            }),
            ev(signed(&intruder, true, &made_up.fingerprint())),
            ev(EventKind::KeyRegistered {
                fingerprint: made_up.fingerprint(),
                signature: genuine.clone(),
            }),
            // The council's « add » signature replayed as a removal.
            ev(EventKind::KeyUnregistered {
                fingerprint: worker.fingerprint(),
                signature: genuine,
            }),
        ]);
        let r = Register::from_events(&events, &council);
        assert!(r.contains(&worker) && !r.contains(&made_up), "{r:?}");
        let e = entries(&events, &council);
        assert_eq!((e.listed.len(), e.unsigned), (1, 4));
    }

    #[test]
    fn a_key_s_qr_is_read_back_from_a_grey_image() {
        let k = key();
        let code = qrcode::QrCode::new(qr_text(&k)).unwrap();
        let (w, scale, quiet) = (code.width(), 4, 4);
        let side = (w + 2 * quiet) * scale;
        let colors = code.to_colors();
        let grey: Vec<u8> = (0..side * side)
            .map(|i| {
                let (x, y) = (i % side / scale, i / side / scale);
                let inside = (quiet..w + quiet).contains(&x) && (quiet..w + quiet).contains(&y);
                let dark = inside && colors[(y - quiet) * w + x - quiet] == qrcode::Color::Dark;
                if dark { 0 } else { 255 }
            })
            .collect();
        assert_eq!(codes_in_grey(side, side, &grey), vec![qr_text(&k)]);
        assert!(codes_in_grey(10, 10, &[255; 100]).is_empty());
    }
}
