//! Phrase matching shared by the speech lexicon (thanks and apologies in a transcript) and the
//! pop-up classifier (cues in a window title or a notification): case, accents, punctuation and
//! elisions are ignored, French endings said alike are one (« quittez » / « quitter » /
//! « quitté »), and a word written `word*` accepts any ending. Matches keep where they were in
//! the original text, so a reason can quote the words as shown.

use std::ops::Range;

/// One word of a phrase: exact, or a prefix (`merci*`).
#[derive(Debug, Clone, PartialEq)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn matches(&self, w: &str) -> bool {
        match self {
            Word::Exact(e) => e == w || same_sound_ending(e, w),
            Word::Prefix(p) => w.starts_with(p.as_str()),
        }
    }
}

/// French endings said /e/, as a transcription writes one for another: the infinitive for the
/// imperative (« le quitter pas » for « ne quittez pas »), a participle for either.
const E_ENDINGS: [&str; 6] = ["ees", "ee", "es", "ez", "er", "e"];

/// Whether two folded words differ only by an /e/ ending, on a stem of four letters or more
/// (« patientez » / « patienter », not « patientez » / « patient »).
fn same_sound_ending(a: &str, b: &str) -> bool {
    fn stem(w: &str) -> Option<&str> {
        E_ENDINGS
            .iter()
            .find_map(|e| w.strip_suffix(e))
            .filter(|s| s.chars().count() >= 4)
    }
    matches!((stem(a), stem(b)), (Some(x), Some(y)) if x == y)
}

/// A phrase as written in a rules or lexicon file.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    words: Vec<Word>,
}

impl Phrase {
    /// `None` for a phrase with no word in it.
    pub fn parse(s: &str) -> Option<Phrase> {
        let words: Vec<Word> = s
            .split_whitespace()
            .flat_map(|raw| {
                let prefix = raw.ends_with('*');
                let mut ws: Vec<Word> = normalise(raw).words.into_iter().map(Word::Exact).collect();
                if prefix && let Some(Word::Exact(w)) = ws.pop() {
                    ws.push(Word::Prefix(w));
                }
                ws
            })
            .collect();
        (!words.is_empty()).then_some(Phrase { words })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn matches_at(&self, words: &[String], i: usize) -> bool {
        self.words.len() <= words.len() - i
            && self
                .words
                .iter()
                .zip(&words[i..])
                .all(|(p, w)| p.matches(w))
    }
}

/// A text cut into normalised words, each with its place in the original.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub words: Vec<String>,
    spans: Vec<Range<usize>>,
}

impl Words {
    /// The original text of words `from..to`.
    pub fn quote<'t>(&self, text: &'t str, words: Range<usize>) -> &'t str {
        &text[self.byte_range(words)]
    }

    /// Where words `from..to` are in the original text.
    pub fn byte_range(&self, words: Range<usize>) -> Range<usize> {
        if words.is_empty() {
            return 0..0;
        }
        self.spans[words.start].start..self.spans[words.end - 1].end
    }
}

/// A match: which phrase, and which words of the text it covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub phrase: usize,
    pub words: Range<usize>,
}

/// Non-overlapping matches, left to right, the longest phrase winning at each place.
/// `phrases` must be sorted longest first (see [`sort_longest_first`]).
pub fn find_all(phrases: &[Phrase], words: &Words) -> Vec<Match> {
    let w = &words.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match phrases.iter().position(|p| p.matches_at(w, i)) {
            Some(k) => {
                let n = phrases[k].len();
                out.push(Match {
                    phrase: k,
                    words: i..i + n,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

pub fn sort_longest_first(phrases: &mut [Phrase]) {
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
}

/// Lower case, accents folded, everything but letters and digits a separator.
pub fn normalise(text: &str) -> Words {
    let mut out = Words::default();
    let mut current = String::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let mut kept = false;
        for l in c.to_lowercase() {
            let f = fold(l);
            if f.is_alphanumeric() {
                if current.is_empty() {
                    start = at;
                }
                current.push(f);
                kept = true;
            }
        }
        if !kept && !current.is_empty() {
            out.words.push(std::mem::take(&mut current));
            out.spans.push(start..at);
        }
    }
    if !current.is_empty() {
        out.words.push(current);
        out.spans.push(start..text.len());
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'œ' => 'o',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Vec<Phrase> {
        let mut p: Vec<Phrase> = list.iter().filter_map(|s| Phrase::parse(s)).collect();
        sort_longest_first(&mut p);
        p
    }

    #[test]
    fn folds_case_accents_and_elisions_and_quotes_the_original() {
        let text = "Excusez-vous auprès de l'Élève, SVP !";
        let w = normalise(text);
        assert_eq!(
            w.words,
            ["excusez", "vous", "aupres", "de", "l", "eleve", "svp"]
        );
        let m = find_all(&phrases(&["aupres de l eleve"]), &w);
        assert_eq!(m.len(), 1);
        assert_eq!(w.quote(text, m[0].words.clone()), "auprès de l'Élève");
    }

    #[test]
    fn french_endings_said_alike_match() {
        let p = phrases(&["quittez pas", "patientez"]);
        for heard in [
            "Le quitter pas !",
            "ne quitté pas",
            "Patienter.",
            "patientée",
        ] {
            assert_eq!(find_all(&p, &normalise(heard)).len(), 1, "{heard}");
        }
        for other in ["un patient", "quittons pas", "patientons"] {
            assert!(find_all(&p, &normalise(other)).is_empty(), "{other}");
        }
    }

    #[test]
    fn prefixes_anywhere_and_the_longest_phrase_first() {
        let p = phrases(&["vite", "trop vite", "ralenti* votre debit"]);
        let w = normalise("Trop vite ! Ralentissez votre débit.");
        let found: Vec<usize> = find_all(&p, &w).iter().map(|m| p[m.phrase].len()).collect();
        assert_eq!(found, [2, 3]);
        assert!(Phrase::parse(" - ").is_none());
    }
}
