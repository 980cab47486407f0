//! Pop-up text made safe to keep: control characters out, length capped, and whatever could
//! identify a customer masked before anything is stored: names after "client", "M.", "Mme"…,
//! phone numbers, e-mail addresses, account, contract and file numbers. Masking errs on the side
//! of hiding: a masked score is a small loss, a stored customer name is not.
//!
//! Not caught: a name with no title or "client" before it ("Jean est en attente"): the worker can
//! keep categories only (`texte = "categorie"` in the rules).

use std::ops::Range;

/// Longest text kept, in characters.
pub const MAX_CHARS: usize = 500;

const NAME: &str = "[nom]";
const PHONE: &str = "[téléphone]";
const EMAIL: &str = "[e-mail]";
const NUMBER: &str = "[numéro]";

/// Words after which capitalised words are a person's name.
const NAME_MARKERS: &[&str] = &[
    "M.",
    "M",
    "Mme",
    "Mme.",
    "Mlle",
    "Mlle.",
    "Monsieur",
    "Madame",
    "Mademoiselle",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "client",
    "cliente",
    "customer",
    "caller",
    "interlocuteur",
    "interlocutrice",
    "abonné",
    "abonnée",
    "subscriber",
    "nom",
    "name",
];

/// Words after which a token holding a digit is an identifier.
const NUMBER_MARKERS: &[&str] = &[
    "n°",
    "no",
    "nº",
    "num",
    "numéro",
    "numero",
    "réf",
    "ref",
    "référence",
    "reference",
    "dossier",
    "compte",
    "contrat",
    "account",
    "contract",
    "ticket",
    "commande",
    "order",
    "facture",
    "invoice",
    "id",
    "identifiant",
    "client",
    "customer",
    "iban",
    "#",
];

/// Printable, single-spaced, at most [`MAX_CHARS`] characters. Titles can be anything: empty,
/// huge, full of control characters.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(MAX_CHARS * 4));
    let mut chars = 0;
    let words = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    for word in words {
        if chars > MAX_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        for c in word.chars().filter(|c| !is_invisible(*c)) {
            out.push(c);
            chars += 1;
        }
    }
    if chars > MAX_CHARS {
        out = out.chars().take(MAX_CHARS - 1).collect();
        out.push('…');
    }
    out
}

/// Formatting characters that would let a stored text look unlike what was shown.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` (already [`clean`]) with customer identifiers replaced. `keep` are byte ranges that
/// matched the classifier: cue words, never masked as names.
pub fn mask(text: &str, keep: &[Range<usize>]) -> String {
    let tokens: Vec<Range<usize>> = tokens(text);
    let mut replace: Vec<Option<&'static str>> = vec![None; tokens.len()];
    let word = |i: usize| &text[tokens[i].clone()];
    let kept = |i: usize| {
        let t = &tokens[i];
        keep.iter().any(|k| k.start < t.end && t.start < k.end)
    };
    // Phone numbers: runs of digit groups holding 8 digits or more.
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        let mut digits = 0;
        while j < tokens.len() && is_phone_part(word(j)) {
            digits += word(j).chars().filter(char::is_ascii_digit).count();
            j += 1;
        }
        if digits >= 8 {
            for r in &mut replace[i..j] {
                *r = Some(PHONE);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    for (i, r) in replace.iter_mut().enumerate() {
        if r.is_some() {
            continue;
        }
        let w = word(i);
        if is_email(w) {
            *r = Some(EMAIL);
        } else if w
            .split(['/', ':', ',', '%', '(', ')'])
            .any(|part| part.chars().filter(char::is_ascii_digit).count() >= 5)
        {
            *r = Some(NUMBER);
        }
    }
    for i in 0..tokens.len() {
        let marker = core(word(i));
        // An identifier after its label ("dossier A12", "n° 4521", "réf : X-9").
        if NUMBER_MARKERS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(marker) || *m == marker)
        {
            let mut j = i + 1;
            while j < tokens.len() && matches!(word(j), ":" | "#" | "n°" | "-") {
                j += 1;
            }
            if j < tokens.len() && word(j).chars().any(|c| c.is_ascii_digit()) {
                replace[j].get_or_insert(NUMBER);
            }
        }
        // A name after a title or "client": up to three capitalised words.
        if is_name_marker(word(i)) {
            // "Client : M. Martin": the title and the colon stay, the name goes.
            let mut j = i + 1;
            while j < tokens.len() && (word(j) == ":" || is_name_marker(word(j))) {
                j += 1;
            }
            let mut n = 0;
            while j < tokens.len() && n < 3 && is_name(core(word(j))) && !kept(j) {
                replace[j].get_or_insert(NAME);
                j += 1;
                n += 1;
            }
        }
    }
    // Rebuild: masked runs of the same kind fold into one placeholder; punctuation stays.
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut prev: Option<&str> = None;
    for (k, t) in tokens.iter().enumerate() {
        match replace[k] {
            Some(r) if prev == Some(r) && text[last..t.start].trim().is_empty() => {
                out.push_str(trailing(word(k), r));
            }
            Some(r) => {
                out.push_str(&text[last..t.start]);
                out.push_str(leading(word(k), r));
                out.push_str(r);
                out.push_str(trailing(word(k), r));
            }
            None => out.push_str(&text[last..t.end]),
        }
        prev = replace[k];
        last = t.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A title ("M.", "Mme") as written, or a word such as "client" in any case.
fn is_name_marker(w: &str) -> bool {
    let plain = core(w);
    NAME_MARKERS
        .iter()
        .any(|m| *m == w || (m.chars().all(char::is_lowercase) && m.eq_ignore_ascii_case(plain)))
}

fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The word without punctuation around it.
fn core(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '°' && c != '#')
}

/// Punctuation that closes a phrase around a number ("(06 … 78," keeps its brackets and comma).
fn is_around_number(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']' | ',' | ';' | '!' | '?' | '.')
}

/// The punctuation after a masked name ("Dupont," keeps its comma) or number.
fn trailing<'a>(w: &'a str, kind: &str) -> &'a str {
    let end = if kind == NAME {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
    } else {
        w.trim_end_matches(is_around_number)
    };
    &w[end.len()..]
}

/// The opening bracket before a masked number ("(06").
fn leading<'a>(w: &'a str, kind: &str) -> &'a str {
    if kind == NAME {
        return "";
    }
    let start = w.trim_start_matches(['(', '[']);
    &w[..w.len() - start.len()]
}

fn is_name(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

fn is_phone_part(w: &str) -> bool {
    let w = w
        .trim_start_matches(['(', '['])
        .trim_end_matches(is_around_number);
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '.' | '-' | '(' | ')' | '/'))
}

fn is_email(w: &str) -> bool {
    w.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> String {
        mask(&clean(s), &[])
    }

    #[test]
    fn masks_what_identifies_a_customer_and_keeps_the_punctuation_around() {
        assert_eq!(
            m("Le client M. Dupont (06 12 34 56 78, dossier 4455667) m'a insulté"),
            "Le client M. [nom] ([téléphone], dossier [numéro]) m'a insulté"
        );
    }

    #[test]
    fn masks_what_identifies_a_customer() {
        assert_eq!(
            m("Client Jean Dupont mécontent, rappeler au 06 12 34 56 78"),
            "Client [nom] mécontent, rappeler au [téléphone]"
        );
        assert_eq!(
            m("Mme Le Goff, dossier A12 : excusez-vous"),
            "Mme [nom], dossier [numéro] : excusez-vous"
        );
        assert_eq!(m("Écrire à jean.dupont@example.fr"), "Écrire à [e-mail]");
        assert_eq!(m("Client : M. Martin"), "Client : M. [nom]");
        assert_eq!(
            m("Contrat n° 4521 — M. Martin"),
            "Contrat n° [numéro] — M. [nom]"
        );
        assert_eq!(m("IBAN FR7630006000011234567890189"), "IBAN [numéro]");
        assert_eq!(m("Appel de +33 (0)1 23 45 67 89"), "Appel de [téléphone]");
    }

    #[test]
    fn keeps_cues_scores_and_times() {
        assert_eq!(
            m("Score d'empathie : 42/100 à 14:32"),
            "Score d'empathie : 42/100 à 14:32"
        );
        assert_eq!(m("Client frustré détecté"), "Client frustré détecté");
        // A cue word that happens to be capitalised is not taken for a name.
        let text = "CLIENT MÉCONTENT";
        let c = super::super::classify(&super::super::Rules::default(), text);
        assert_eq!(mask(text, &c.matched), "CLIENT MÉCONTENT");
        assert_eq!(mask(text, &[]), "CLIENT [nom]");
    }

    #[test]
    fn odd_titles_are_made_printable_and_short() {
        assert_eq!(clean(""), "");
        assert_eq!(clean("a\u{0}b\u{1b}[31m\tc\u{202e}d"), "a b [31m cd");
        let long = "mot ".repeat(5000);
        let c = clean(&long);
        assert!(c.chars().count() <= MAX_CHARS, "{}", c.chars().count());
        assert!(c.ends_with('…'));
        let bytes = [b'a', 0xff, 0xfe, b'b'];
        assert_eq!(
            clean(&String::from_utf8_lossy(&bytes)),
            "a\u{fffd}\u{fffd}b"
        );
    }
}
