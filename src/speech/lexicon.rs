//! Phrase families (thanks, apologies, hold announcements, the worker's own script phrases)
//! counted in a transcript, in French and English, tolerant of what transcription does to words:
//! case, accents, punctuation and elisions are ignored, and `word*` accepts any ending.
//! The lexicon is a TOML file the worker can edit (`lexique.toml` beside the settings); the
//! shipped one is `assets/lexique.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::phrases::{Phrase, find_all, normalise, sort_longest_first};
use crate::speech::numbers::{Reading, number_words};

const DEFAULT: &str = include_str!("../../assets/lexique.toml");

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read the lexicon {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("the lexicon {path} is not valid: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

#[derive(Debug, Deserialize)]
struct File {
    familles: BTreeMap<String, Phrases>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Phrases {
    fr: Vec<String>,
    en: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Family name → phrases, longest first.
    families: BTreeMap<String, Vec<Phrase>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::parse(DEFAULT, Path::new("assets/lexique.toml")).expect("shipped lexicon is valid")
    }
}

impl Lexicon {
    /// The worker's lexicon file beside the settings, if they have one.
    pub fn user_path() -> Option<PathBuf> {
        crate::paths::beside("lexique.toml")
    }

    /// Loads `path`, or the shipped lexicon when there is no such file.
    pub fn load(path: Option<&Path>) -> Result<Self, LexiconError> {
        let own = crate::paths::read_own_file(path).map_err(|e| LexiconError::Unreadable {
            path: path.map(Path::to_path_buf).unwrap_or_default(),
            reason: e.to_string(),
        })?;
        match (own, path) {
            (Some(text), Some(p)) => Self::parse(&text, p),
            _ => Ok(Self::default()),
        }
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, LexiconError> {
        let file: File = toml::from_str(text).map_err(|e| LexiconError::Invalid {
            path: path.to_path_buf(),
            reason: e.message().to_string(),
        })?;
        let families = file
            .familles
            .into_iter()
            .map(|(name, p)| {
                let mut phrases: Vec<Phrase> =
                    p.fr.iter()
                        .chain(&p.en)
                        .filter_map(|s| Phrase::parse(s))
                        .collect();
                sort_longest_first(&mut phrases);
                (name, phrases)
            })
            .collect();
        Ok(Self { families })
    }

    pub fn family_names(&self) -> impl Iterator<Item = &str> {
        self.families.keys().map(String::as_str)
    }

    /// Counts each family's phrases in `text`, without overlaps within a family. Families with
    /// no match are absent.
    pub fn count(&self, text: &str) -> BTreeMap<String, u32> {
        let words = normalise(&without_annotations(text));
        self.families
            .iter()
            .map(|(name, phrases)| (name.clone(), find_all(phrases, &words).len() as u32))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The number of words as a reader counts them: whitespace-separated runs holding a letter or
/// digit ("j'ai" is one word, "—" none), once the model's sound annotations are removed; a
/// number written in digits counts the words it is said in ("1995": four in French), and so do
/// the signs read out with amounts ("40,5 €": quarante virgule cinq euros). French writes
/// thousands apart ("1 000", "12 500 €"): those groups are one number.
pub fn word_count(text: &str, reading: Reading) -> u32 {
    let text = without_annotations(text);
    let mut tokens: Vec<String> = Vec::new();
    // Whether the last token is a number a group of three digits may still follow.
    let mut open = false;
    for w in text.split_whitespace() {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let group = digits == 3 && !w[3..].contains(|c: char| c.is_ascii_digit());
        match tokens.last_mut() {
            Some(last) if open && group => {
                last.push(reading.thousands_separator());
                last.push_str(w);
                open = w.len() == 3;
            }
            _ => {
                tokens.push(w.to_string());
                open = (1..=3).contains(&w.len()) && digits == w.len();
            }
        }
    }
    tokens
        .iter()
        .map(|w| {
            number_words(w, reading)
                .unwrap_or_else(|| u32::from(w.chars().any(char::is_alphanumeric)))
        })
        .sum()
}

/// The text without what the model writes for non-speech sounds: "[Musique]", "(rires)", "*toux*".
pub fn without_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match (closing, c) {
            (None, '[') => closing = Some(']'),
            (None, '(') => closing = Some(')'),
            (None, '*') => closing = Some('*'),
            (Some(end), c) if c == end => {
                closing = None;
                out.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_families_across_languages_and_variants() {
        let lex = Lexicon::default();
        let c = lex.count("Merci beaucoup ! Je vous remercie. Désolée, veuillez patienter.");
        assert_eq!(c.get("thanks"), Some(&2));
        assert_eq!(c.get("apology"), Some(&1));
        assert_eq!(c.get("hold"), Some(&1));
        let c = lex.count("Thank you so much, I'm sorry. Please hold.");
        assert_eq!(c.get("thanks"), Some(&1));
        assert_eq!(c.get("apology"), Some(&1));
        assert_eq!(c.get("hold"), Some(&1));
        // A greeting opens a call, and counts as nothing else.
        let c = lex.count("Bonjour, quel est votre numéro de dossier ?");
        assert_eq!(
            c.into_iter().collect::<Vec<_>>(),
            [("opening".to_string(), 1)]
        );
        let c = lex.count("Très bien, bonne journée, au revoir !");
        assert_eq!(c.get("closing"), Some(&2));
        assert!(lex.count("Quel est votre numéro de dossier ?").is_empty());
    }

    #[test]
    fn a_phrase_is_counted_once_within_its_family() {
        // "je vous remercie" is one thanks, not "remercie" again inside it.
        let c = Lexicon::default().count("je vous remercie");
        assert_eq!(c.get("thanks"), Some(&1));
    }

    #[test]
    fn words_are_counted_as_written() {
        let fr = |t| word_count(t, Reading::French);
        assert_eq!(fr("J'ai bien noté, merci — au revoir."), 6);
        assert_eq!(fr("  "), 0);
        assert_eq!(fr("la créditation. [Musique] (rires) oui"), 3);
        assert_eq!(fr("tuant ainsi 17 personnes"), 4);
        assert_eq!(fr("en 1995, 40,5 €"), 1 + 4 + 4);
        assert_eq!(fr("une hausse de 12 %"), 3 + 3);
        assert_eq!(fr("1 000 euros"), 2);
        assert_eq!(
            fr("12\u{202f}500 €, en 2024 100 clients"),
            4 + 1 + 1 + 3 + 1 + 1
        );
        assert_eq!(fr("1 000 000"), 2);
        assert_eq!(word_count("born in 1995", Reading::English), 2 + 2);
        assert_eq!(word_count("$1,500 or 12%", Reading::English), 5 + 1 + 2);
    }

    #[test]
    fn a_broken_lexicon_says_where() {
        let e = Lexicon::parse("familles = 3", Path::new("x.toml")).unwrap_err();
        assert!(e.to_string().contains("x.toml"));
    }
}
