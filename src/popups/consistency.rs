//! Was the cue deserved? For each pop-up, the worker's own speech just before it, against their
//! own usual values: speech rate for pace cues, thanks and apologies said in the current call for
//! politeness cues, whether they were speaking for silence cues. A verdict is given only where the
//! measurement can support it; otherwise "not measurable", never a guess.
//!
//! - Pace: words per minute over the worker's speech in the minute before the cue (syllables per
//!   second where words were not counted), against their median. "Speak faster" at or above the
//!   median, or "slow down" at or below it, is contradicted; otherwise consistent.
//! - Thanks / apology: counted in the current call (speech since the last silence longer than
//!   [`CALL_GAP_S`]). A cue to thank (apologise) after the worker already did is contradicted; with
//!   none said in at least [`MIN_CALL_WORDS_S`] of counted speech, consistent.
//! - Silence: the worker was speaking within [`SPEAKING_S`] of the cue: contradicted. Their own
//!   silence proves nothing (the customer may have been talking), so never "consistent".
//! - Overtalk, hold, script, empathy, score, sentiment, other: not measurable from the worker's
//!   voice alone (the customer's voice is never analysed).

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};

use crate::events::{Consistency, Event, EventKind, PopupCategory, PopupMeasure, SpeechSegment};

/// The window of speech looked at before a cue.
pub const BEFORE_S: f64 = 60.0;
/// Less own speech than this in the window: rate not measurable.
pub const MIN_SPEECH_S: f64 = 10.0;
/// A silence longer than this ends a call (until calls are marked by the workload module).
pub const CALL_GAP_S: f64 = 60.0;
/// Counted speech needed in a call before "never said thank you" means anything.
pub const MIN_CALL_WORDS_S: f64 = 20.0;
/// "Speaking at the cue": own speech ending this close before it.
pub const SPEAKING_S: f64 = 3.0;
/// Usual values need at least this many segments.
pub const MIN_BASELINE: usize = 20;
/// Values kept for the usual rates (the most recent).
const BASELINE_KEEP: usize = 5_000;

/// The worker's recent speech, in memory: segments of the last minutes and rates of the last days.
#[derive(Debug, Default)]
pub struct SpeechHistory {
    recent: VecDeque<(DateTime<Utc>, SpeechSegment)>,
    wpm: VecDeque<f64>,
    syllables: VecDeque<f64>,
}

impl SpeechHistory {
    /// Adds a measured segment (starting at `at`); older ones beyond the current call are dropped.
    /// The same segment again (its words counted since) replaces the first.
    pub fn push(&mut self, at: DateTime<Utc>, s: &SpeechSegment) {
        let pos = self.recent.partition_point(|(t, _)| *t < at);
        let again = self.recent.get(pos).is_some_and(|(t, _)| *t == at);
        let had_words = again && self.recent[pos].1.words_per_minute.is_some();
        if let Some(w) = s
            .words_per_minute
            .filter(|_| s.duration_s >= 2.0 && !had_words)
        {
            push_capped(&mut self.wpm, w);
        }
        if let Some(r) = s.syllables_per_s.filter(|_| !again) {
            push_capped(&mut self.syllables, r);
        }
        if again {
            self.recent[pos].1 = s.clone();
        } else {
            self.recent.insert(pos, (at, s.clone()));
        }
        // Keep what a cue may still need: the current call and the last minute.
        let keep_from = at - secs(BEFORE_S.max(CALL_GAP_S) * 30.0);
        while self.recent.front().is_some_and(|(t, _)| *t < keep_from) {
            self.recent.pop_front();
        }
    }

    /// The worker's usual syllable rates from earlier days (their baseline, read at start).
    pub fn seed_syllables(&mut self, rates: impl IntoIterator<Item = f64>) {
        for r in rates {
            push_capped(&mut self.syllables, r);
        }
    }

    /// Builds the history from stored events (for a report over the whole log).
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut h = Self::default();
        for e in events {
            if let EventKind::SpeechSegment(s) = &e.kind {
                h.push(e.at.with_timezone(&Utc), s);
            }
        }
        h
    }

    /// The verdict for a cue of `category` shown at `at`, with the numbers behind it;
    /// `speaking_now`: the worker's voice was heard at that moment (a segment not yet measured).
    pub fn assess(
        &self,
        category: Option<PopupCategory>,
        at: DateTime<Utc>,
        speaking_now: bool,
    ) -> (Consistency, PopupMeasure) {
        let mut m = self.measure(at);
        if speaking_now {
            m.speaking_at_cue = Some(true);
        }
        let verdict = match category {
            Some(PopupCategory::PaceFaster) => pace(&m, |rate, usual| rate >= usual),
            Some(PopupCategory::PaceSlower) => pace(&m, |rate, usual| rate <= usual),
            Some(PopupCategory::Thanks) => said(m.thanks_in_call),
            Some(PopupCategory::Apology) => said(m.apologies_in_call),
            Some(PopupCategory::Silence) => match m.speaking_at_cue {
                Some(true) => Consistency::Contradicted,
                _ => Consistency::NotMeasurable,
            },
            _ => Consistency::NotMeasurable,
        };
        (verdict, m)
    }

    /// What was measured before `at`.
    pub fn measure(&self, at: DateTime<Utc>) -> PopupMeasure {
        let from = at - secs(BEFORE_S);
        let before: Vec<&(DateTime<Utc>, SpeechSegment)> =
            self.recent.iter().filter(|(t, _)| *t < at).collect();
        let end = |(t, s): &(DateTime<Utc>, SpeechSegment)| *t + secs(s.duration_s);
        // Seconds of each segment inside the window.
        let inside = |(t, s): &(DateTime<Utc>, SpeechSegment)| {
            let a = (*t).max(from);
            let b = end(&(*t, s.clone())).min(at);
            ((b - a).num_milliseconds() as f64 / 1000.0).max(0.0)
        };
        let window: Vec<(f64, &SpeechSegment)> = before
            .iter()
            .map(|p| (inside(p), &p.1))
            .filter(|(w, _)| *w > 0.0)
            .collect();
        let speech_s: f64 = window.iter().map(|(w, _)| w).sum();
        let weighted = |get: &dyn Fn(&SpeechSegment) -> Option<f64>| {
            let (mut sum, mut dur) = (0.0, 0.0);
            for (w, s) in &window {
                if let Some(v) = get(s) {
                    sum += v * w;
                    dur += w;
                }
            }
            (dur >= MIN_SPEECH_S).then(|| sum / dur)
        };
        // The current call: back from the cue until a gap longer than CALL_GAP_S.
        let mut call: Vec<&SpeechSegment> = Vec::new();
        let mut edge = at;
        for p in before.iter().rev() {
            if (edge - end(p)).num_milliseconds() as f64 / 1000.0 > CALL_GAP_S {
                break;
            }
            call.push(&p.1);
            edge = p.0;
        }
        let counted: Vec<&&SpeechSegment> = call.iter().filter(|s| s.words.is_some()).collect();
        let counted_s: f64 = counted.iter().map(|s| s.duration_s).sum();
        let family = |name: &str| {
            let n: u32 = counted
                .iter()
                .map(|s| s.phrases.get(name).copied().unwrap_or(0))
                .sum();
            (n > 0 || counted_s >= MIN_CALL_WORDS_S).then_some(n)
        };
        PopupMeasure {
            speech_s: (speech_s * 10.0).round() / 10.0,
            words_per_minute: weighted(&|s| s.words_per_minute),
            usual_words_per_minute: median(&self.wpm),
            syllables_per_s: weighted(&|s| s.syllables_per_s),
            usual_syllables_per_s: median(&self.syllables),
            thanks_in_call: family("thanks"),
            apologies_in_call: family("apology"),
            speaking_at_cue: (!self.recent.is_empty())
                .then(|| before.iter().any(|p| end(p) >= at - secs(SPEAKING_S))),
        }
    }
}

fn pace(m: &PopupMeasure, contradicted: impl Fn(f64, f64) -> bool) -> Consistency {
    let pair = match (m.words_per_minute, m.usual_words_per_minute) {
        (Some(r), Some(u)) => Some((r, u)),
        _ => m.syllables_per_s.zip(m.usual_syllables_per_s),
    };
    match pair {
        Some((rate, usual)) if contradicted(rate, usual) => Consistency::Contradicted,
        Some(_) => Consistency::Consistent,
        None => Consistency::NotMeasurable,
    }
}

fn said(n: Option<u32>) -> Consistency {
    match n {
        Some(0) => Consistency::Consistent,
        Some(_) => Consistency::Contradicted,
        None => Consistency::NotMeasurable,
    }
}

fn push_capped(v: &mut VecDeque<f64>, x: f64) {
    if x.is_finite() {
        v.push_back(x);
        if v.len() > BASELINE_KEEP {
            v.pop_front();
        }
    }
}

fn median(v: &VecDeque<f64>) -> Option<f64> {
    if v.len() < MIN_BASELINE {
        return None;
    }
    let mut s: Vec<f64> = v.iter().copied().collect();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    Some(if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    })
}

fn secs(s: f64) -> Duration {
    Duration::milliseconds((s * 1000.0) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(wpm: f64, thanks: u32) -> SpeechSegment {
        let mut s = SpeechSegment {
            duration_s: 8.0,
            voiced_s: 5.0,
            words: Some((wpm * 8.0 / 60.0) as u32),
            words_per_minute: Some(wpm),
            syllables_per_s: Some(wpm / 25.0),
            ..Default::default()
        };
        if thanks > 0 {
            s.phrases.insert("thanks".into(), thanks);
        }
        s
    }

    /// A day of usual speech at 150 wpm, then a call at `wpm` with `thanks` said.
    fn history(wpm: f64, thanks: u32, t0: DateTime<Utc>) -> SpeechHistory {
        let mut h = SpeechHistory::default();
        for i in 0..30 {
            h.push(
                t0 - Duration::hours(5) + Duration::seconds(i * 20),
                &seg(150.0, 0),
            );
        }
        for i in 0..5 {
            h.push(
                t0 + Duration::seconds(i * 10),
                &seg(wpm, if i == 1 { thanks } else { 0 }),
            );
        }
        h
    }

    #[test]
    fn pace_cues_against_the_workers_own_rate() {
        let t0 = Utc::now();
        let cue = t0 + Duration::seconds(50);
        let (v, m) = history(175.0, 0, t0).assess(Some(PopupCategory::PaceFaster), cue, false);
        assert_eq!(v, Consistency::Contradicted, "{m:?}");
        assert_eq!(m.words_per_minute.map(f64::round), Some(175.0));
        assert_eq!(m.usual_words_per_minute, Some(150.0));
        let (v, _) = history(175.0, 0, t0).assess(Some(PopupCategory::PaceSlower), cue, false);
        assert_eq!(v, Consistency::Consistent);
        let (v, _) = history(128.0, 0, t0).assess(Some(PopupCategory::PaceSlower), cue, false);
        assert_eq!(v, Consistency::Contradicted);
    }

    #[test]
    fn thanks_in_the_current_call_and_silence_while_speaking() {
        let t0 = Utc::now();
        let cue = t0 + Duration::seconds(47);
        let h = history(150.0, 2, t0);
        let (v, m) = h.assess(Some(PopupCategory::Thanks), cue, false);
        assert_eq!((v, m.thanks_in_call), (Consistency::Contradicted, Some(2)));
        let (v, _) = history(150.0, 0, t0).assess(Some(PopupCategory::Thanks), cue, false);
        assert_eq!(v, Consistency::Consistent);
        assert_eq!(
            h.assess(Some(PopupCategory::Silence), cue, false).0,
            Consistency::Contradicted
        );
        // Thanks said in an earlier call, hours ago, do not count.
        let later = t0 + Duration::hours(1);
        let (v, m) = h.assess(Some(PopupCategory::Thanks), later, false);
        assert_eq!((v, m.thanks_in_call), (Consistency::NotMeasurable, None));
    }

    #[test]
    fn words_counted_later_replace_the_segment_without_double_counting() {
        let t0 = Utc::now();
        let mut h = history(150.0, 0, t0);
        let late = t0 + Duration::seconds(50);
        let mut s = seg(150.0, 0);
        s.words = None;
        s.words_per_minute = None;
        h.push(late, &s);
        let (syl, wpm, n) = (h.syllables.len(), h.wpm.len(), h.recent.len());
        s.words = Some(20);
        s.words_per_minute = Some(150.0);
        s.phrases.insert("thanks".into(), 1);
        h.push(late, &s);
        assert_eq!(
            (h.syllables.len(), h.wpm.len(), h.recent.len()),
            (syl, wpm + 1, n)
        );
        let (v, m) = h.assess(
            Some(PopupCategory::Thanks),
            late + Duration::seconds(9),
            false,
        );
        assert_eq!((v, m.thanks_in_call), (Consistency::Contradicted, Some(1)));
    }

    #[test]
    fn nothing_heard_is_not_measurable() {
        let h = SpeechHistory::default();
        for c in [
            PopupCategory::PaceFaster,
            PopupCategory::Thanks,
            PopupCategory::Silence,
            PopupCategory::Empathy,
        ] {
            assert_eq!(
                h.assess(Some(c), Utc::now(), false).0,
                Consistency::NotMeasurable
            );
        }
    }
}
