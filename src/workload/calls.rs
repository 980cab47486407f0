//! Calls from the worker's own speech activity: bursts of speech separated by less than
//! [`CallSettings::gap_s`] belong to one call; a longer silence ends it, at the end of its last
//! burst. Times are seconds of the audio stream (monotonic), never the wall clock, so a clock
//! change cannot stretch or shrink a call.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallSettings {
    /// A silence of the worker longer than this ends the call (the customer may talk a while).
    pub gap_s: f64,
    /// Less of the worker's speech than this is not a call (a word to a colleague).
    pub min_talk_s: f64,
}

impl Default for CallSettings {
    fn default() -> Self {
        Self {
            gap_s: 60.0,
            min_talk_s: 3.0,
        }
    }
}

/// A call found in a stream, in stream seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CallSpan {
    pub start_s: f64,
    pub end_s: f64,
    /// Seconds of the worker's own speech in it.
    #[serde(skip)]
    pub talk_s: f64,
    #[serde(skip)]
    pub popups: u32,
}

/// Follows the worker's speech and says when calls start and end.
#[derive(Debug, Clone, Default)]
pub struct CallTracker {
    settings: CallSettings,
    open: Option<CallSpan>,
    /// The open call has been announced (it reached `min_talk_s`).
    announced: bool,
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
            ..Default::default()
        }
    }

    /// A segment of the worker's speech, `start_s..end_s`, in stream order.
    pub fn speech(&mut self, start_s: f64, end_s: f64) -> Vec<CallMark> {
        let mut marks: Vec<CallMark> = self.tick(start_s).into_iter().collect();
        let call = self.open.get_or_insert(CallSpan {
            start_s,
            end_s,
            talk_s: 0.0,
            popups: 0,
        });
        call.end_s = call.end_s.max(end_s);
        call.talk_s += end_s - start_s;
        if !self.announced && call.talk_s >= self.settings.min_talk_s {
            self.announced = true;
            marks.push(CallMark::Started { at_s: call.start_s });
        }
        marks
    }

    /// The stream has reached `now_s`: ends the open call if the worker has been silent too long.
    pub fn tick(&mut self, now_s: f64) -> Option<CallMark> {
        let call = self.open?;
        if now_s - call.end_s <= self.settings.gap_s {
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
        let announced = std::mem::take(&mut self.announced);
        announced.then_some(CallMark::Ended(call))
    }

    pub fn in_call(&self) -> bool {
        self.announced
    }
}

/// The calls in a recording, from its speech segments (`start_s`, `end_s`).
pub fn calls_in(
    segments: impl IntoIterator<Item = (f64, f64)>,
    settings: CallSettings,
) -> Vec<CallSpan> {
    let mut t = CallTracker::new(settings);
    let mut out = Vec::new();
    let mut ended = |m: CallMark| {
        if let CallMark::Ended(c) = m {
            out.push(c);
        }
    };
    for (a, b) in segments {
        t.speech(a, b).into_iter().for_each(&mut ended);
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
        let calls = calls_in(segs, s);
        let spans: Vec<(f64, f64)> = calls.iter().map(|c| (c.start_s, c.end_s)).collect();
        // The last burst (1 s) is too short to be a call.
        assert_eq!(spans, [(0.0, 80.0), (200.0, 216.0)]);
        assert_eq!(calls[0].talk_s, 19.0);
    }

    #[test]
    fn marks_come_when_known() {
        let mut t = CallTracker::new(CallSettings::default());
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
}
