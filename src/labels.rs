//! The names people read for what events hold: kinds of event, pop-up categories, verdicts, one
//! line of details. Below the reports and the faces (which use them), above `events` and `i18n`.

use crate::events::{Consistency, EventKind, PopupCategory, PopupSeen};
use crate::lang::Lang;
use crate::t;

/// The short name of an event's kind as shown in lists.
pub fn kind_label(kind: &EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::PopupSeen(_) => crate::i18n::s(lang, "messages-pop-up"),
        EventKind::PopupCategorised { .. } => crate::i18n::s(lang, "messages-pop-up-categorised"),
        EventKind::SpeechSegment(_) => crate::i18n::s(lang, "messages-speech-measured"),
        EventKind::StrainEpisode(_) => crate::i18n::s(lang, "messages-vocal-strain-episode"),
        EventKind::CallStarted { .. } => crate::i18n::s(lang, "messages-call-started"),
        EventKind::CallEnded(_) => crate::i18n::s(lang, "messages-call-ended"),
        EventKind::SelfReport(_) => crate::i18n::s(lang, "messages-end-of-shift-report"),
        EventKind::ShiftCorrected(_) => crate::i18n::s(lang, "messages-shift-corrected"),
        EventKind::CheckpointGiven { .. } => crate::i18n::s(lang, "messages-checkpoint-given"),
        EventKind::Note { .. } => crate::i18n::s(lang, "messages-note"),
        EventKind::MonitoringPaused { reason } => match reason {
            crate::events::PauseReason::Privacy => crate::i18n::s(lang, "messages-privacy-pause"),
            crate::events::PauseReason::Stopped => crate::i18n::s(lang, "messages-listening-ended"),
            crate::events::PauseReason::SoundLost => crate::i18n::s(lang, "messages-sound-lost"),
        },
        EventKind::MonitoringResumed => crate::i18n::s(lang, "messages-resumed"),
        EventKind::KeyRegistered { .. } => crate::i18n::s(lang, "messages-key-registered"),
        EventKind::KeyUnregistered { .. } => crate::i18n::s(lang, "messages-key-unregistered"),
    }
}

pub fn category_label(c: PopupCategory, lang: Lang) -> &'static str {
    use PopupCategory as P;
    match c {
        P::PaceFaster => crate::i18n::s(lang, "messages-pace-faster"),
        P::PaceSlower => crate::i18n::s(lang, "messages-pace-slower"),
        P::Thanks => crate::i18n::s(lang, "messages-thanks"),
        P::Apology => crate::i18n::s(lang, "messages-apology"),
        P::Empathy => crate::i18n::s(lang, "messages-empathy-tone-energy"),
        P::Silence => crate::i18n::s(lang, "messages-silence"),
        P::Overtalk => crate::i18n::s(lang, "messages-overtalk"),
        P::Hold => crate::i18n::s(lang, "messages-hold"),
        P::Script => crate::i18n::s(lang, "messages-script-compliance"),
        P::Score => crate::i18n::s(lang, "messages-score-feedback"),
        P::CustomerSentiment => crate::i18n::s(lang, "messages-customer-sentiment"),
        P::Other => crate::i18n::s(lang, "messages-other"),
    }
}

/// One line of details for an event in a list.
pub fn event_details(kind: &EventKind, lang: Lang) -> String {
    let opt = |v: Option<f64>, id: &'static str| {
        v.map(|v| crate::i18n::text(lang, id, &[("value", v.into())]))
            .unwrap_or_else(|| "—".into())
    };
    match kind {
        EventKind::Note { text } => text.clone(),
        EventKind::PopupCategorised { popup_at, category } => t!(lang, "details-categorised",
            "time" => popup_at.format("%H:%M:%S").to_string(),
            "category" => category_label(*category, lang)),
        EventKind::PopupSeen(p) => {
            let text = p.text.clone().unwrap_or_default();
            let category = p
                .category
                .map_or(crate::i18n::s(lang, "messages-not-yet-categorised"), |c| {
                    category_label(c, lang)
                });
            let mut s = if p.emotion_flag {
                t!(lang, "details-popup-flagged", "category" => category, "text" => text)
            } else {
                t!(lang, "details-popup", "category" => category, "text" => text)
            };
            if p.count > 1 {
                s = t!(lang, "details-count", "text" => s, "count" => p.count);
            }
            if let Some(v) = consistency_text(p, lang) {
                s = t!(lang, "details-verdict", "text" => s, "verdict" => v);
            }
            s.trim().to_string()
        }
        EventKind::SpeechSegment(s) => t!(lang, "details-speech",
            "seconds" => s.duration_s,
            "f0" => opt(s.f0_mean_hz, "value-hz"),
            "intensity" => opt(s.intensity_db, "value-db")),
        EventKind::StrainEpisode(e) => t!(lang, "details-strain",
            "seconds" => e.duration_s,
            "count" => e.indicators.len()),
        EventKind::CallStarted { .. } | EventKind::MonitoringResumed => String::new(),
        // A manual end mark knows no duration (it is written without reading the start): the
        // workload computes it from the marks; no « 0 s » here.
        EventKind::CallEnded(c)
            if c.source == crate::events::MarkSource::Manual && c.handle_s <= 0.0 =>
        {
            String::new()
        }
        EventKind::CallEnded(c) => t!(lang, "details-call-ended", "seconds" => c.handle_s),
        EventKind::SelfReport(r) => {
            let answer = |v: Option<u8>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
            t!(lang, "details-self-report",
                "mental" => answer(r.mental),
                "frustration" => answer(r.frustration))
        }
        EventKind::ShiftCorrected(c) => t!(lang, "details-shift",
            "date" => crate::i18n::date(lang, c.date),
            "start" => c.start.map_or("…".to_string(), |t| t.format("%H:%M").to_string()),
            "end" => c.end.map_or("…".to_string(), |t| t.format("%H:%M").to_string())),
        EventKind::CheckpointGiven { size, root } => t!(lang, "details-checkpoint",
            "size" => *size,
            "root" => root.get(..16).unwrap_or(root)),
        EventKind::MonitoringPaused { .. } => String::new(),
        EventKind::KeyRegistered { fingerprint, .. }
        | EventKind::KeyUnregistered { fingerprint, .. } => fingerprint.clone(),
    }
}

pub fn consistency_label(c: Consistency, lang: Lang) -> &'static str {
    match c {
        Consistency::Contradicted => crate::i18n::s(lang, "messages-contradicted-by-measurement"),
        Consistency::Consistent => crate::i18n::s(lang, "messages-consistent-with-measurement"),
        Consistency::UsualPace => crate::i18n::s(lang, "messages-usual-pace"),
        Consistency::NotMeasurable => crate::i18n::s(lang, "messages-not-measurable"),
    }
}

/// The verdict with the numbers behind it: "contredit : 175 mots/min, votre médiane 151".
pub fn consistency_text(p: &PopupSeen, lang: Lang) -> Option<String> {
    let c = p.consistency?;
    let verdict = consistency_label(c, lang);
    let m = p.measured.as_ref();
    let band = m.and_then(|m| m.band).unwrap_or(0.10) * 100.0;
    let numbers = m.and_then(|m| match p.category? {
        PopupCategory::PaceFaster | PopupCategory::PaceSlower => {
            match (m.words_per_minute, m.usual_words_per_minute) {
                (Some(r), Some(u)) => Some(t!(lang, "verdict-measured-rate",
                    "verdict" => verdict, "rate" => r, "usual" => u,
                    "speech" => m.speech_s, "band" => band)),
                _ => m
                    .syllables_per_s
                    .zip(m.usual_syllables_per_s)
                    .map(|(r, u)| {
                        t!(lang, "verdict-measured-syllables",
                        "verdict" => verdict, "rate" => r, "usual" => u,
                        "speech" => m.speech_s, "band" => band)
                    }),
            }
        }
        PopupCategory::Thanks => m
            .thanks_in_call
            .map(|n| t!(lang, "verdict-thanks", "verdict" => verdict, "count" => n)),
        PopupCategory::Apology => m
            .apologies_in_call
            .map(|n| t!(lang, "verdict-apologies", "verdict" => verdict, "count" => n)),
        PopupCategory::Silence => m
            .speaking_at_cue
            .filter(|s| *s)
            .map(|_| t!(lang, "verdict-speaking", "verdict" => verdict)),
        _ => None,
    });
    Some(numbers.unwrap_or_else(|| verdict.to_string()))
}

/// The shipped families' names in the reader's language; the worker's own as they wrote them.
pub fn family_label(family: &str, lang: Lang) -> String {
    match family {
        "thanks" => crate::i18n::s(lang, "messages-thanks-2"),
        "apology" => crate::i18n::s(lang, "messages-apologies"),
        "hold" => crate::i18n::s(lang, "messages-hold-2"),
        other => return other.to_string(),
    }
    .to_string()
}

/// A listening gap as a sentence: « Écoute interrompue : son perdu de 14:02 à 14:03 » (with the
/// day when `with_day`), or « … depuis 14:02 » while it lasts.
pub fn gap_sentence(
    from: chrono::DateTime<chrono::FixedOffset>,
    to: Option<chrono::DateTime<chrono::FixedOffset>>,
    with_day: bool,
    lang: Lang,
) -> String {
    let hm = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%H:%M").to_string();
    let day = crate::i18n::date(lang, from.date_naive());
    match (to, with_day) {
        (Some(to), false) => t!(lang, "gap-between", "from" => hm(from), "to" => hm(to)),
        (Some(to), true) => {
            t!(lang, "gap-between-on", "day" => day, "from" => hm(from), "to" => hm(to))
        }
        (None, false) => t!(lang, "gap-since", "from" => hm(from)),
        (None, true) => t!(lang, "gap-since-on", "day" => day, "from" => hm(from)),
    }
}
