//! Was the cue deserved? For each pop-up, the worker's own speech just before it, against their
//! own usual values: speech rate for pace cues, thanks and apologies said in the current call for
//! politeness cues, whether they were speaking for silence cues. A verdict is given only where the
//! measurement can support it; otherwise "not measurable", never a guess.
//!
//! - Pace: words per minute over the worker's speech in the minute before the cue (syllables per
//!   second where words were not counted), against their usual rate: the same statistic (words
//!   over speaking time, each segment weighted by its length) over all their speech before the
//!   cue. Within [`PACE_BAND`] of it (the word counts' own error on the shared files), the pace is
//!   their usual one: neither verdict. Beyond it, "speak faster" when faster than usual, or "slow
//!   down" when slower, is contradicted; otherwise consistent.
//! - Thanks / apology: counted in the current call (since its start mark, or the last silence
//!   longer than [`CALL_GAP_S`], whichever is later). A cue to thank (apologise) after the worker already did is contradicted; with
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
/// A rate within this share of the usual one is the worker's usual pace (words are counted within
/// about ±10 % on the shared files: a smaller difference is not a measurement).
pub const PACE_BAND: f64 = 0.10;

/// A rate measured on a segment: when it started, the rate, and its length (its weight).
type Rate = (DateTime<Utc>, f64, f64);

/// The worker's recent speech, in memory: segments of the last minutes and rates of the last days.
#[derive(Debug, Default)]
pub struct SpeechHistory {
    recent: VecDeque<(DateTime<Utc>, SpeechSegment)>,
    wpm: VecDeque<Rate>,
    syllables: VecDeque<Rate>,
    /// Where calls began (their start marks), for "in the current call".
    call_starts: VecDeque<DateTime<Utc>>,
}

impl SpeechHistory {
    /// Adds a measured segment (starting at `at`); older ones beyond the current call are dropped.
    /// The same segment again (its words counted since) replaces the first.
    pub fn push(&mut self, at: DateTime<Utc>, s: &SpeechSegment) {
        let pos = self.recent.partition_point(|(t, _)| *t < at);
        let again = self.recent.get(pos).is_some_and(|(t, _)| *t == at);
        let had_words = again && self.recent[pos].1.words_per_minute.is_some();
        if let Some(w) = s.words_per_minute.filter(|_| !had_words) {
            push_capped(&mut self.wpm, (at, w, s.duration_s));
        }
        if let Some(r) = s.syllables_per_s.filter(|_| !again) {
            push_capped(&mut self.syllables, (at, r, s.duration_s));
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

    /// The worker's usual syllable rates from earlier days (their baseline, read at start):
    /// (rate, seconds of speech).
    pub fn seed_syllables(&mut self, rates: impl IntoIterator<Item = (f64, f64)>) {
        for (r, d) in rates {
            push_capped(&mut self.syllables, (DateTime::<Utc>::MIN_UTC, r, d));
        }
    }

    /// A call began at `at` (a start mark: the worker's, the softphone's, or from speech).
    pub fn call_started(&mut self, at: DateTime<Utc>) {
        self.call_starts.push_back(at);
        if self.call_starts.len() > 64 {
            self.call_starts.pop_front();
        }
    }

    /// Takes an event in time order: speech and call marks are remembered.
    pub fn take(&mut self, e: &Event) {
        match &e.kind {
            EventKind::SpeechSegment(s) => self.push(e.at.with_timezone(&Utc), s),
            EventKind::CallStarted { .. } => self.call_started(e.at.with_timezone(&Utc)),
            _ => {}
        }
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
        m.band = Some(PACE_BAND);
        if speaking_now {
            m.speaking_at_cue = Some(true);
        }
        let verdict = match category {
            Some(PopupCategory::PaceFaster) => pace(&m, true),
            Some(PopupCategory::PaceSlower) => pace(&m, false),
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
        // The current call: back from the cue until a gap longer than CALL_GAP_S, or its start
        // mark.
        let call_start = self.call_starts.iter().rev().find(|t| **t <= at).copied();
        let mut call: Vec<&SpeechSegment> = Vec::new();
        let mut edge = at;
        for p in before.iter().rev() {
            if (edge - end(p)).num_milliseconds() as f64 / 1000.0 > CALL_GAP_S
                || call_start.is_some_and(|c| p.0 < c)
            {
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
            usual_words_per_minute: usual(&self.wpm, at),
            syllables_per_s: weighted(&|s| s.syllables_per_s),
            usual_syllables_per_s: usual(&self.syllables, at),
            thanks_in_call: family("thanks"),
            apologies_in_call: family("apology"),
            speaking_at_cue: (!self.recent.is_empty())
                .then(|| before.iter().any(|p| end(p) >= at - secs(SPEAKING_S))),
            band: None,
        }
    }
}

/// A pace cue against the measured rate: `faster` for "speak faster", else "slow down".
fn pace(m: &PopupMeasure, faster: bool) -> Consistency {
    let pair = match (m.words_per_minute, m.usual_words_per_minute) {
        (Some(r), Some(u)) => Some((r, u)),
        _ => m.syllables_per_s.zip(m.usual_syllables_per_s),
    };
    let Some((rate, usual)) = pair.filter(|(_, u)| *u > 0.0) else {
        return Consistency::NotMeasurable;
    };
    let ratio = rate / usual;
    if (ratio - 1.0).abs() <= PACE_BAND {
        Consistency::UsualPace
    } else if (ratio > 1.0) == faster {
        Consistency::Contradicted
    } else {
        Consistency::Consistent
    }
}

fn said(n: Option<u32>) -> Consistency {
    match n {
        Some(0) => Consistency::Consistent,
        Some(_) => Consistency::Contradicted,
        None => Consistency::NotMeasurable,
    }
}

fn push_capped(v: &mut VecDeque<Rate>, x: Rate) {
    if x.1.is_finite() && x.2 > 0.0 {
        v.push_back(x);
        if v.len() > BASELINE_KEEP {
            v.pop_front();
        }
    }
}

/// The worker's usual rate at `at`: the window's statistic (rates weighted by speaking time)
/// over their speech before `at` only.
fn usual(v: &VecDeque<Rate>, at: DateTime<Utc>) -> Option<f64> {
    let before = v.iter().filter(|(t, ..)| *t < at);
    let (mut n, mut sum, mut dur) = (0usize, 0.0, 0.0);
    for (_, r, d) in before {
        n += 1;
        sum += r * d;
        dur += d;
    }
    (n >= MIN_BASELINE && dur > 0.0).then(|| sum / dur)
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
        // The usual rate is the same statistic over all the speech before the cue.
        let usual = (30.0 * 150.0 + 5.0 * 175.0) / 35.0;
        assert!(
            (m.usual_words_per_minute.unwrap() - usual).abs() < 1e-9,
            "{m:?}"
        );
        let (v, _) = history(175.0, 0, t0).assess(Some(PopupCategory::PaceSlower), cue, false);
        assert_eq!(v, Consistency::Consistent);
        let (v, _) = history(128.0, 0, t0).assess(Some(PopupCategory::PaceSlower), cue, false);
        assert_eq!(v, Consistency::Contradicted);
    }

    #[test]
    fn the_usual_pace_is_neither_and_only_speech_before_the_cue_sets_it() {
        let t0 = Utc::now();
        let cue = t0 + Duration::seconds(50);
        // 158 wpm against a usual 151: within ±10 %, whichever way the cue asks.
        for c in [PopupCategory::PaceFaster, PopupCategory::PaceSlower] {
            let (v, m) = history(158.0, 0, t0).assess(Some(c), cue, false);
            assert_eq!(v, Consistency::UsualPace, "{m:?}");
            assert_eq!(m.band, Some(PACE_BAND));
        }
        // Fast speech after the cue does not move the usual rate it was judged against.
        let mut h = history(158.0, 0, t0);
        for i in 0..40 {
            h.push(
                t0 + Duration::minutes(5) + Duration::seconds(i * 10),
                &seg(260.0, 0),
            );
        }
        let (v, _) = h.assess(Some(PopupCategory::PaceFaster), cue, false);
        assert_eq!(v, Consistency::UsualPace);
    }

    #[test]
    fn a_call_mark_starts_the_current_call() {
        let t0 = Utc::now();
        let mut h = history(150.0, 2, t0);
        // Thanks said at t0 + 10 s; a new call starts at t0 + 30 s without a 60 s gap.
        h.call_started(t0 + Duration::seconds(30));
        let (v, m) = h.assess(
            Some(PopupCategory::Thanks),
            t0 + Duration::seconds(47),
            false,
        );
        // Only 16 s of this call so far, none of it thanks: too little to say; never the 2 of
        // the call before.
        assert_eq!(
            (v, m.thanks_in_call),
            (Consistency::NotMeasurable, None),
            "{m:?}"
        );
        let (_, m) = history(150.0, 2, t0).assess(
            Some(PopupCategory::Thanks),
            t0 + Duration::seconds(47),
            false,
        );
        assert_eq!(
            m.thanks_in_call,
            Some(2),
            "without the mark, one run of speech"
        );
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
