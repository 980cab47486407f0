//! What a pop-up asked, by transparent rules: the first category (in the rules' priority order)
//! whose phrases occur in the text, and the emotion-analysis flag when the category or any of the
//! emotion phrases shows that an affective state was inferred. The matched words, as shown, are
//! the reasons: a works council can read why.

use std::ops::Range;

use serde::Serialize;

use super::rules::Rules;
use crate::events::PopupCategory;
use crate::phrases::{find_all, normalise};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub category: PopupCategory,
    pub emotion_flag: bool,
    /// The words that set the category, then those that set the flag, as shown.
    pub reason: Vec<String>,
    /// Byte ranges of the text that matched (kept clear of masking: cue words are not names).
    #[serde(skip)]
    pub matched: Vec<Range<usize>>,
}

pub fn classify(rules: &Rules, text: &str) -> Classification {
    let words = normalise(text);
    let mut reason: Vec<String> = Vec::new();
    let mut matched = Vec::new();
    let mut keep = |r: Range<usize>| {
        let quote = words.quote(text, r.clone()).to_string();
        if !reason.iter().any(|q| q.eq_ignore_ascii_case(&quote)) {
            reason.push(quote);
        }
        matched.push(words.byte_range(r));
    };
    let (category, mut emotion_flag) = match rules.first_category(&words) {
        Some((rule, hits)) => {
            hits.into_iter().for_each(&mut keep);
            (rule.category, rule.emotion)
        }
        None => (PopupCategory::Other, false),
    };
    for m in find_all(&rules.emotion, &words) {
        emotion_flag = true;
        keep(m.words);
    }
    Classification {
        category,
        emotion_flag,
        reason,
        matched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_quote_the_text_and_the_flag_follows_emotion_words() {
        let r = Rules::default();
        let c = classify(&r, "Score d'empathie : 42/100");
        assert_eq!(c.category, PopupCategory::Empathy);
        assert!(c.emotion_flag);
        assert_eq!(c.reason, ["empathie"]);
        let c = classify(&r, "Vous parlez trop vite, baissez votre rythme");
        assert_eq!(c.category, PopupCategory::PaceSlower);
        assert!(!c.emotion_flag);
        assert_eq!(c.reason, ["trop vite", "baissez votre rythme"]);
        let c = classify(&r, "Réunion d'équipe à 14 h");
        assert_eq!((c.category, c.emotion_flag), (PopupCategory::Other, false));
        assert!(c.reason.is_empty());
    }
}
