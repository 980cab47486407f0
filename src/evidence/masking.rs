//! What the worker typed (a note, the end-of-shift note) masked before it leaves the PC, as pop-up
//! texts are masked before they are stored: a customer named in a note stays on the PC. The vault
//! keeps the note as written (it is the worker's own record); only exports are masked.
//!
//! A masked event cannot give back its row's leaf, so the bundle signs, for each one, its position
//! and the digest of the masked text ([`super::bundle`]): its place in the log is proven, its
//! content is vouched for by the worker's signature alone, as hourly and daily figures are.

use crate::events::{Event, EventKind};
use crate::popups::mask;

/// The event as it may leave the PC, when masking changed something (`None`: it leaves as is).
pub fn for_export(e: &Event) -> Option<Event> {
    let masked = |t: &str| {
        let m = mask::mask(&mask::clean(t), &[]);
        (m != t).then_some(m)
    };
    let kind = match &e.kind {
        EventKind::Note { text } => EventKind::Note {
            text: masked(text)?,
        },
        EventKind::SelfReport(r) => {
            let mut r = r.clone();
            r.note = Some(masked(r.note.as_deref()?)?);
            EventKind::SelfReport(r)
        }
        _ => return None,
    };
    Some(Event { kind, ..e.clone() })
}

/// The free text an event holds (a note's, the end-of-shift note), to show what leaves masked.
pub fn text_of(e: &Event) -> Option<&str> {
    match &e.kind {
        EventKind::Note { text } => Some(text),
        EventKind::SelfReport(r) => r.note.as_deref(),
        _ => None,
    }
}

/// Whether a masked event in a bundle is of a kind that is ever masked (a masked pop-up or call
/// would be one the worker could write anything in).
pub fn maskable(e: &Event) -> bool {
    matches!(e.kind, EventKind::Note { .. } | EventKind::SelfReport(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_in_a_note_is_masked_and_a_plain_note_left_alone() {
        let note = |t: &str| Event::at(chrono::Utc::now(), EventKind::Note { text: t.into() });
        let m = for_export(&note(
            "Le client M. Dupont (06 12 34 56 78, dossier 4455667) m'a insulté",
        ))
        .unwrap();
        let EventKind::Note { text } = &m.kind else {
            panic!()
        };
        assert_eq!(
            text,
            "Le client M. [nom] ([téléphone], dossier [numéro]) m'a insulté"
        );
        assert!(for_export(&note("Trop d'appels ce matin, pas de pause")).is_none());
    }
}
