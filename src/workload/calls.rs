//! Calls from the worker's own speech activity: bursts of speech separated by less than the
//! gap belong to one call; a longer silence ends it, at the end of its last burst. The gap is
//! learned from the worker's own day when it can be ([`learned_gap`]: the silences between bursts
//! are two-humped, pauses inside a call and gaps between calls), else [`CallSettings::gap_s`].
//! Where the transcript is counted, an opening (« Acme, bonjour ») or a closing (« bonne
//! journée, au revoir ») said by the worker also ends a call on a shorter silence. Times are
//! seconds of the audio stream (monotonic), never the wall clock, so a clock change cannot
//! stretch or shrink a call.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallSettings {
    /// A silence of the worker longer than this always ends the call (the customer may talk a
    /// while); the gap learned from the day is never longer.
    pub gap_s: f64,
    /// Less of the worker's speech than this is not a call (a word to a colleague).
    pub min_talk_s: f64,
    /// Whether the gap is learned from the silences of the worker's day.
    pub learn_gap: bool,
}

impl Default for CallSettings {
    fn default() -> Self {
        Self {
            gap_s: 60.0,
            min_talk_s: 3.0,
            learn_gap: true,
        }
    }
}

/// How a call was told apart from the next (its start's or end's most telling source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// A silence longer than the gap.
    #[default]
    Silence,
    /// An opening or a closing the worker said.
    Words,
    /// The softphone's own audio stream opening and closing.
    Stream,
}

/// A call found in a stream, in stream seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CallSpan {
    pub start_s: f64,
    pub end_s: f64,
    /// How it was told apart from the calls around it.
    pub source: Found,
    /// Seconds of the worker's own speech in it.
    #[serde(skip)]
    pub talk_s: f64,
    #[serde(skip)]
    pub popups: u32,
}

/// A burst of the worker's speech, and whether the words counted in it open or close a call.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Burst {
    pub start_s: f64,
    pub end_s: f64,
    pub opens: bool,
    pub closes: bool,
}

impl Burst {
    pub fn of(start_s: f64, end_s: f64) -> Burst {
        Burst {
            start_s,
            end_s,
            ..Default::default()
        }
    }
}

/// The shortest silence an opening or a closing splits calls on: the worker takes a breath
/// between « au revoir » and the next « bonjour », never less.
pub const WORDS_GAP_S: f64 = 2.0;
/// An opening parts calls only when said this soon after the run of speech it is in began (the
/// greeting comes first: « Société Acme » | « bonjour »).
pub const OPENING_WITHIN_S: f64 = 4.0;
/// The learned gap stays within these bounds.
pub const MIN_LEARNED_GAP_S: f64 = 8.0;
/// Silences kept to learn from (the last ones of the day).
const KEPT_SILENCES: usize = 600;
/// Fewer silences than this are not enough to learn from.
const MIN_SILENCES: usize = 8;

/// Silences shorter than this are breaths and hesitations, not turns: left out when learning.
const LEARN_FLOOR_S: f64 = 2.0;

/// The split between the pauses inside calls and the gaps between them, from the silences between
/// the worker's bursts of speech (breaths left out): the widest valley between two humps, where
/// consecutive silences, sorted, jump the most (by ratio), kept only when the jump is at least
/// twofold, with at least three pauses below and two gaps above; then the geometric middle,
/// within `MIN_LEARNED_GAP_S..=max_s`. One hump, or too few silences: `None`.
pub fn learned_gap(silences: &[f64], max_s: f64) -> Option<f64> {
    let mut s: Vec<f64> = silences
        .iter()
        .copied()
        .filter(|s| *s >= LEARN_FLOOR_S)
        .collect();
    if s.len() < MIN_SILENCES {
        return None;
    }
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let (ratio, k) = (3..=n - 2)
        .map(|k| (s[k] / s[k - 1], k))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    if ratio < 2.0 {
        return None;
    }
    let split = (s[k - 1] * s[k]).sqrt();
    Some(split.clamp(MIN_LEARNED_GAP_S, max_s.max(MIN_LEARNED_GAP_S)))
}

/// Follows the worker's speech and says when calls start and end.
#[derive(Debug, Clone, Default)]
pub struct CallTracker {
    settings: CallSettings,
    /// The gap in force: learned, or the settings'.
    gap_s: f64,
    open: Option<CallSpan>,
    /// The open call has been announced (it reached `min_talk_s`).
    announced: bool,
    /// The worker said a closing in the current run of bursts.
    closing_said: bool,
    /// The current run of bursts (less than [`WORDS_GAP_S`] apart).
    run: Run,
    /// The silences between bursts, to learn the gap from.
    silences: VecDeque<f64>,
    last_end: Option<f64>,
    since_learned: usize,
}

/// A run of bursts less than [`WORDS_GAP_S`] apart: where it began, the call under way before
/// it (and whether that call was announced), the speech in it.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    start_s: f64,
    before: Option<(CallSpan, bool)>,
    talk_s: f64,
}

/// What the tracker saw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CallMark {
    Started { at_s: f64 },
    Ended(CallSpan),
}

impl CallTracker {
    pub fn new(settings: CallSettings) -> Self {
        Self {
            settings,
            gap_s: settings.gap_s,
            ..Default::default()
        }
    }

    /// As [`CallTracker::new`], the gap learned beforehand from `silences` (a whole recording).
    pub fn learning_from(settings: CallSettings, silences: &[f64]) -> Self {
        let mut t = Self::new(settings);
        if settings.learn_gap
            && let Some(g) = learned_gap(silences, settings.gap_s)
        {
            t.gap_s = g;
        }
        t
    }

    /// The gap in force now.
    pub fn gap_s(&self) -> f64 {
        self.gap_s
    }

    /// A segment of the worker's speech, `start_s..end_s`, in stream order.
    pub fn speech(&mut self, start_s: f64, end_s: f64) -> Vec<CallMark> {
        self.burst(Burst::of(start_s, end_s))
    }

    /// A burst of the worker's speech, with what its words say, in stream order.
    ///
    /// Words are counted segment by segment, and a greeting often takes two (« Société Acme » |
    /// « bonjour, je vous écoute »): an opening in the first [`OPENING_WITHIN_S`] of a run of
    /// bursts less than [`WORDS_GAP_S`] apart parts the call at the run's start; a closing
    /// anywhere in a run parts it at the next run.
    pub fn burst(&mut self, b: Burst) -> Vec<CallMark> {
        self.learn(b.start_s);
        let silence = self.last_end.map(|e| b.start_s - e);
        self.last_end = Some(b.end_s);
        let mut marks: Vec<CallMark> = self.tick(b.start_s).into_iter().collect();
        let mut parted_by_words = false;
        if silence.is_none_or(|s| s >= WORDS_GAP_S) {
            if self.closing_said && self.open.is_some() {
                if let Some(c) = self.open.as_mut() {
                    c.source = Found::Words;
                }
                marks.extend(self.close());
                parted_by_words = true;
            }
            self.closing_said = false;
            self.run = Run {
                start_s: b.start_s,
                before: self.open.map(|c| (c, self.announced)),
                talk_s: 0.0,
            };
        }
        // An opening in a run that joined a call under way: that call ended where the run began.
        if b.opens
            && b.start_s - self.run.start_s <= OPENING_WITHIN_S
            && let Some((before, announced)) = self.run.before.take()
        {
            let end_s = self.open.map_or(b.start_s, |c| c.end_s);
            self.open = None;
            self.announced = false;
            if announced {
                marks.push(CallMark::Ended(CallSpan {
                    source: Found::Words,
                    ..before
                }));
            }
            self.open = Some(CallSpan {
                start_s: self.run.start_s,
                end_s,
                source: Found::Words,
                talk_s: self.run.talk_s,
                popups: 0,
            });
        }
        let fresh = self.open.is_none();
        let run_start = self.run.start_s;
        let call = self.open.get_or_insert(CallSpan {
            start_s: b.start_s,
            end_s: b.end_s,
            source: if parted_by_words {
                Found::Words
            } else {
                Found::Silence
            },
            talk_s: 0.0,
            popups: 0,
        });
        // Opened by the worker's greeting, at the start of its run.
        if b.opens && (fresh || call.start_s == run_start) {
            call.source = Found::Words;
        }
        call.end_s = call.end_s.max(b.end_s);
        call.talk_s += b.end_s - b.start_s;
        self.run.talk_s += b.end_s - b.start_s;
        self.closing_said |= b.closes;
        if !self.announced && call.talk_s >= self.settings.min_talk_s {
            self.announced = true;
            marks.push(CallMark::Started { at_s: call.start_s });
        }
        marks
    }

    /// Keeps the silence before a burst, and learns the gap again now and then.
    fn learn(&mut self, start_s: f64) {
        let Some(end) = self.last_end else { return };
        if !self.settings.learn_gap || start_s <= end {
            return;
        }
        if self.silences.len() == KEPT_SILENCES {
            self.silences.pop_front();
        }
        self.silences.push_back(start_s - end);
        self.since_learned += 1;
        if self.since_learned >= 10 {
            self.since_learned = 0;
            let all: Vec<f64> = self.silences.iter().copied().collect();
            if let Some(g) = learned_gap(&all, self.settings.gap_s) {
                self.gap_s = g;
            }
        }
    }

    /// The stream has reached `now_s`: ends the open call if the worker has been silent too long.
    pub fn tick(&mut self, now_s: f64) -> Option<CallMark> {
        let call = self.open?;
        if now_s - call.end_s <= self.gap_s {
            return None;
        }
        self.close()
    }

    /// A pop-up during the open call.
    pub fn popup(&mut self) {
        if let Some(c) = &mut self.open {
            c.popups += 1;
        }
    }

    /// The stream stops (quit, pause, device lost): the open call ends at its last activity.
    pub fn close(&mut self) -> Option<CallMark> {
        let call = self.open.take()?;
        self.closing_said = false;
        let announced = std::mem::take(&mut self.announced);
        announced.then_some(CallMark::Ended(call))
    }

    pub fn in_call(&self) -> bool {
        self.announced
    }
}

fn silences(bursts: &[Burst]) -> Vec<f64> {
    bursts
        .windows(2)
        .map(|w| w[1].start_s - w[0].end_s)
        .collect()
}

/// The gap that ends a call in a recording: learned from its silences, else the settings'.
pub fn gap_in(bursts: &[Burst], settings: CallSettings) -> f64 {
    CallTracker::learning_from(settings, &silences(bursts)).gap_s()
}

/// The calls in a recording, from its bursts of speech: the gap learned from the whole
/// recording first, then the bursts followed in order.
pub fn calls_in(bursts: &[Burst], settings: CallSettings) -> Vec<CallSpan> {
    let mut t = CallTracker::learning_from(settings, &silences(bursts));
    // Learned once, from everything: not again along the way.
    t.settings.learn_gap = false;
    let mut out = Vec::new();
    let mut ended = |m: CallMark| {
        if let CallMark::Ended(c) = m {
            out.push(c);
        }
    };
    for b in bursts {
        t.burst(*b).into_iter().for_each(&mut ended);
    }
    if let Some(m) = t.close() {
        ended(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_close_together_are_one_call_and_a_long_silence_ends_it() {
        let s = CallSettings::default();
        let segs = [
            (0.0, 4.0),
            (20.0, 30.0),
            (75.0, 80.0),
            (200.0, 210.0),
            (215.0, 216.0),
            (600.0, 601.0),
        ];
        let bursts: Vec<Burst> = segs.iter().map(|&(a, b)| Burst::of(a, b)).collect();
        let calls = calls_in(
            &bursts,
            CallSettings {
                learn_gap: false,
                ..s
            },
        );
        let spans: Vec<(f64, f64)> = calls.iter().map(|c| (c.start_s, c.end_s)).collect();
        // The last burst (1 s) is too short to be a call.
        assert_eq!(spans, [(0.0, 80.0), (200.0, 216.0)]);
        assert_eq!(calls[0].talk_s, 19.0);
    }

    #[test]
    fn marks_come_when_known() {
        let mut t = CallTracker::new(CallSettings {
            learn_gap: false,
            ..Default::default()
        });
        assert!(t.speech(10.0, 11.0).is_empty(), "too little yet");
        assert_eq!(t.speech(12.0, 15.0), [CallMark::Started { at_s: 10.0 }]);
        t.popup();
        assert_eq!(t.tick(70.0), None);
        let Some(CallMark::Ended(c)) = t.tick(75.5) else {
            panic!()
        };
        assert_eq!((c.start_s, c.end_s, c.popups), (10.0, 15.0, 1));
        assert_eq!(t.close(), None);
    }

    /// A day of calls 40 s apart, pauses of 1 to 9 s inside them: the gap is learned between.
    #[test]
    fn the_gap_is_learned_from_a_two_humped_day() {
        let mut bursts = Vec::new();
        let mut t = 0.0;
        for call in 0..6 {
            for k in 0..5 {
                bursts.push(Burst::of(t, t + 4.0));
                t += 4.0 + 1.0 + ((call * 5 + k) % 9) as f64;
            }
            t += 40.0;
        }
        let silences: Vec<f64> = bursts
            .windows(2)
            .map(|w| w[1].start_s - w[0].end_s)
            .collect();
        let gap = learned_gap(&silences, 60.0).unwrap();
        assert!((9.0..40.0).contains(&gap), "{gap}");
        assert_eq!(calls_in(&bursts, CallSettings::default()).len(), 6);
        // The fixed gap of before finds one call.
        let fixed = CallSettings {
            learn_gap: false,
            ..Default::default()
        };
        assert_eq!(calls_in(&bursts, fixed).len(), 1);
        // One hump only (pauses of every length): nothing learned, the settings' gap kept.
        let flat: Vec<f64> = (1..40).map(|i| i as f64).collect();
        assert_eq!(learned_gap(&flat, 60.0), None);
        assert_eq!(
            learned_gap(&[1.0, 50.0], 60.0),
            None,
            "too few to learn from"
        );
    }

    /// Calls 5 s apart: the silence alone cannot part them, the worker's words do.
    #[test]
    fn openings_and_closings_part_calls_on_short_silences() {
        let fixed = CallSettings {
            learn_gap: false,
            ..Default::default()
        };
        let b = |a: f64, z: f64, opens: bool, closes: bool| Burst {
            start_s: a,
            end_s: z,
            opens,
            closes,
        };
        let bursts = [
            b(0.0, 3.0, true, false),
            b(5.0, 20.0, false, false),
            b(23.0, 26.0, false, true),
            // 5 s later, the next customer.
            b(31.0, 34.0, true, false),
            b(36.0, 50.0, false, true),
            // A « bonjour » inside a call 1 s after the last word: the same call.
            b(51.0, 53.0, true, false),
        ];
        let calls = calls_in(&bursts, fixed);
        let spans: Vec<(f64, f64, Found)> = calls
            .iter()
            .map(|c| (c.start_s, c.end_s, c.source))
            .collect();
        assert_eq!(
            spans,
            [(0.0, 26.0, Found::Words), (31.0, 53.0, Found::Words)]
        );
        // The greeting in two segments, the goodbye not heard: the opening in the second parts
        // the calls where the first began.
        let bursts = [
            b(0.0, 12.0, true, false),
            b(14.0, 20.0, false, false),
            b(25.0, 26.0, false, false),
            b(26.2, 27.0, true, false),
            b(29.0, 40.0, false, false),
        ];
        let spans: Vec<(f64, f64)> = calls_in(&bursts, fixed)
            .iter()
            .map(|c| (c.start_s, c.end_s))
            .collect();
        assert_eq!(spans, [(0.0, 20.0), (25.0, 40.0)]);
    }
}
