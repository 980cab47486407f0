//! The one record type everything in Témoin emits and the vault stores.
//!
//! An [`Event`] is what happened and when; nothing more. No variant can carry audio samples or the
//! words of speech: measurements are numbers, phrase counts are counts, and the only free text is
//! what the worker typed (a note) or what a pop-up showed them (masked before it gets here).
//! This module imports nothing of the project so every stage can depend on it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Local, Utc};
use serde::{Deserialize, Serialize};

/// Something that happened, stamped with the instant and the local offset in force then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The instant, with the worker's UTC offset at that moment (evening work stays evening work
    /// across DST changes and travel).
    pub at: DateTime<FixedOffset>,
    pub kind: EventKind,
}

impl Event {
    /// An event stamped now, with the current local offset.
    pub fn now(kind: EventKind) -> Self {
        Self::at(Utc::now(), kind)
    }

    /// An event at a given instant, with the local offset that was in force at that instant.
    pub fn at(instant: DateTime<Utc>, kind: EventKind) -> Self {
        let local = instant.with_timezone(&Local);
        Self {
            at: local.fixed_offset(),
            kind,
        }
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// A surveillance pop-up was seen (caught automatically or logged by the worker).
    PopupSeen(PopupSeen),
    /// The worker gave the category of a pop-up logged earlier without one (one key press first,
    /// the category later).
    PopupCategorised {
        /// When that pop-up was seen (to the second).
        popup_at: DateTime<FixedOffset>,
        category: PopupCategory,
    },
    /// One stretch of the worker's own speech, measured. Features only.
    SpeechSegment(SpeechSegment),
    /// Several vocal-strain indicators stayed beyond the worker's own baseline for a while.
    StrainEpisode(StrainEpisode),
    CallStarted {
        source: MarkSource,
    },
    CallEnded(CallEnded),
    /// The end-of-shift self-report (NASA-TLX scales, 0–100).
    SelfReport(SelfReport),
    /// The worker corrected the start and/or end of the shift of a given day (the shifts found
    /// that day become one, with these bounds where given).
    ShiftCorrected(ShiftCorrection),
    /// A signed checkpoint of the log was given out (its size and root), so later exports carry
    /// the proof that they extend it.
    CheckpointGiven {
        size: u64,
        root: String,
    },
    /// A free note the worker wrote.
    Note {
        text: String,
    },
    /// Monitoring stopped at the worker's request (privacy pause) or because a source stopped.
    MonitoringPaused {
        reason: PauseReason,
    },
    MonitoringResumed,
    /// A works council's desk: a worker's key entered in its register, in person (from the QR
    /// or the code the worker's window shows). Its fingerprint only: the register holds no name.
    /// Signed (hex) by the desk's own key, which only its passphrase opens: rows anyone can append
    /// without it do not count.
    KeyRegistered {
        fingerprint: String,
        signature: String,
    },
    /// A works council's desk: a key taken out of its register, signed the same way.
    KeyUnregistered {
        fingerprint: String,
        signature: String,
    },
}

impl EventKind {
    /// A stable short name for the kind, for filters and file formats (never shown to people as is).
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::PopupSeen(_) => "popup_seen",
            EventKind::PopupCategorised { .. } => "popup_categorised",
            EventKind::SpeechSegment(_) => "speech_segment",
            EventKind::StrainEpisode(_) => "strain_episode",
            EventKind::CallStarted { .. } => "call_started",
            EventKind::CallEnded(_) => "call_ended",
            EventKind::SelfReport(_) => "self_report",
            EventKind::ShiftCorrected(_) => "shift_corrected",
            EventKind::CheckpointGiven { .. } => "checkpoint_given",
            EventKind::Note { .. } => "note",
            EventKind::MonitoringPaused { .. } => "monitoring_paused",
            EventKind::MonitoringResumed => "monitoring_resumed",
            EventKind::KeyRegistered { .. } => "key_registered",
            EventKind::KeyUnregistered { .. } => "key_unregistered",
        }
    }
}

/// Where a pop-up was caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopupSource {
    /// The worker pressed the hotkey, clicked the button or used the command line.
    Manual,
    /// A new window matched the rules.
    Window,
    /// A desktop notification matched the rules.
    Notification,
    /// A web page or an app announced it to screen readers (a toast, an alert, a live region).
    Page,
}

/// What a pop-up asked of the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopupCategory {
    PaceFaster,
    PaceSlower,
    Thanks,
    Apology,
    Empathy,
    Silence,
    Overtalk,
    Hold,
    Script,
    Score,
    CustomerSentiment,
    Other,
}

/// Whether a categorisation naming `popup_at` is about the pop-up stored at `popup`: the same
/// instant (what is written now), or the same second for categorisations written with a time
/// typed to the second (before pop-ups were named by their number).
pub fn names_popup(popup_at: &DateTime<FixedOffset>, popup: &DateTime<FixedOffset>) -> bool {
    popup_at == popup
        || (popup_at.timestamp_subsec_nanos() == 0 && popup_at.timestamp() == popup.timestamp())
}

impl PopupCategory {
    /// A cue of this category can only come from inferring someone's emotion (the worker's or the
    /// customer's): a pop-up given it is flagged, however it was logged or categorised.
    pub fn reveals_emotion(self) -> bool {
        matches!(
            self,
            PopupCategory::Empathy | PopupCategory::CustomerSentiment
        )
    }

    pub const ALL: [PopupCategory; 12] = [
        PopupCategory::PaceFaster,
        PopupCategory::PaceSlower,
        PopupCategory::Thanks,
        PopupCategory::Apology,
        PopupCategory::Empathy,
        PopupCategory::Silence,
        PopupCategory::Overtalk,
        PopupCategory::Hold,
        PopupCategory::Script,
        PopupCategory::Score,
        PopupCategory::CustomerSentiment,
        PopupCategory::Other,
    ];

    /// The stable name used in files and exports (`pace_faster`), the same as its serde name.
    pub fn key(self) -> &'static str {
        match self {
            PopupCategory::PaceFaster => "pace_faster",
            PopupCategory::PaceSlower => "pace_slower",
            PopupCategory::Thanks => "thanks",
            PopupCategory::Apology => "apology",
            PopupCategory::Empathy => "empathy",
            PopupCategory::Silence => "silence",
            PopupCategory::Overtalk => "overtalk",
            PopupCategory::Hold => "hold",
            PopupCategory::Script => "script",
            PopupCategory::Score => "score",
            PopupCategory::CustomerSentiment => "customer_sentiment",
            PopupCategory::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<PopupCategory> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Whether what the worker measurably did matched the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consistency {
    Contradicted,
    Consistent,
    /// A pace cue while the worker spoke at their usual pace (within the band): neither.
    UsualPace,
    NotMeasurable,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PopupSeen {
    pub source: Option<PopupSource>,
    /// The application or window class that showed it, when known.
    #[serde(default)]
    pub app: Option<String>,
    /// The text as shown, with customer identifiers masked; `None` when the worker keeps categories only.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub category: Option<PopupCategory>,
    /// The text shows that an emotion or affective state was inferred.
    #[serde(default)]
    pub emotion_flag: bool,
    /// The words that set the category and the flag.
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default)]
    pub consistency: Option<Consistency>,
    /// What was measured of the worker's speech around the cue (the numbers behind the verdict).
    #[serde(default)]
    pub measured: Option<PopupMeasure>,
    /// How many identical pop-ups this one stands for (a burst folded into one event).
    #[serde(default = "one")]
    pub count: u32,
}

/// The worker's own speech around a pop-up. `None` where not measured.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PopupMeasure {
    /// Seconds of the worker's speech in the minute before the cue.
    #[serde(default)]
    pub speech_s: f64,
    /// Words per minute in that minute, and the worker's usual rate (the same statistic over
    /// their speech before the cue).
    #[serde(default)]
    pub words_per_minute: Option<f64>,
    #[serde(default)]
    pub usual_words_per_minute: Option<f64>,
    /// Syllables per second (by signal processing; used where words were not counted).
    #[serde(default)]
    pub syllables_per_s: Option<f64>,
    #[serde(default)]
    pub usual_syllables_per_s: Option<f64>,
    /// Thanks and apologies said so far in the current call.
    #[serde(default)]
    pub thanks_in_call: Option<u32>,
    #[serde(default)]
    pub apologies_in_call: Option<u32>,
    /// The worker was speaking in the seconds just before the cue.
    #[serde(default)]
    pub speaking_at_cue: Option<bool>,
    /// The share around the usual rate taken as the usual pace (0.10: ±10 %).
    #[serde(default)]
    pub band: Option<f64>,
}

fn one() -> u32 {
    1
}

/// Measurements of one segment of the worker's own speech. `None` where not measurable.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SpeechSegment {
    pub duration_s: f64,
    pub voiced_s: f64,
    #[serde(default)]
    pub f0_mean_hz: Option<f64>,
    #[serde(default)]
    pub f0_sd_hz: Option<f64>,
    #[serde(default)]
    pub jitter_local_pct: Option<f64>,
    #[serde(default)]
    pub shimmer_local_pct: Option<f64>,
    #[serde(default)]
    pub hnr_db: Option<f64>,
    #[serde(default)]
    pub intensity_db: Option<f64>,
    #[serde(default)]
    pub pause_ratio: Option<f64>,
    #[serde(default)]
    pub syllables_per_s: Option<f64>,
    #[serde(default)]
    pub words: Option<u32>,
    #[serde(default)]
    pub words_per_minute: Option<f64>,
    /// Words per minute of sounding time (pauses excluded).
    #[serde(default)]
    pub articulation_wpm: Option<f64>,
    /// Phrase families counted in this segment (`thanks`, `apology`, `hold`…): counts, never words.
    #[serde(default)]
    pub phrases: BTreeMap<String, u32>,
}

/// A vocal indicator that can drift from the worker's baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    F0Mean,
    F0Sd,
    Jitter,
    Shimmer,
    Hnr,
    Intensity,
    PauseRatio,
    SyllableRate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrainEpisode {
    pub started: DateTime<FixedOffset>,
    pub duration_s: f64,
    /// Each indicator beyond the baseline, with its median deviation (robust z-score).
    pub indicators: BTreeMap<Indicator, f64>,
}

/// Who or what marked a call's start or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkSource {
    /// The worker's speech: a silence longer than the gap (fixed or learned).
    Speech,
    Window,
    Manual,
    /// An opening or a closing the worker said.
    Words,
    /// The softphone's own audio streams (metadata, never samples).
    Stream,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallEnded {
    pub source: MarkSource,
    pub handle_s: f64,
    pub talk_s: f64,
    /// Share of the call's speech that was the worker's, when the other side's activity is known.
    #[serde(default)]
    pub worker_share: Option<f64>,
    #[serde(default)]
    pub popups: u32,
    /// The app quit during the call: it was closed at the last activity.
    #[serde(default)]
    pub closed_at_quit: bool,
}

/// NASA-TLX scales, each 0–100, and an optional note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelfReport {
    // Each scale is `None` when not answered: an untouched slider is not an answer.
    #[serde(default)]
    pub mental: Option<u8>,
    #[serde(default)]
    pub physical: Option<u8>,
    #[serde(default)]
    pub temporal: Option<u8>,
    #[serde(default)]
    pub performance: Option<u8>,
    #[serde(default)]
    pub effort: Option<u8>,
    #[serde(default)]
    pub frustration: Option<u8>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A shift's bounds as the worker states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftCorrection {
    /// The local date the shift started on.
    pub date: chrono::NaiveDate,
    #[serde(default)]
    pub start: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub end: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    /// The worker pressed Pause.
    Privacy,
    /// The app or a source stopped (app closed, end of the time asked).
    Stopped,
    /// The sound went away (microphone unplugged, sound server restarted or stuck): listening
    /// was interrupted from this moment until the next `MonitoringResumed`, or the next stop.
    SoundLost,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_key_is_its_serde_name() {
        for c in PopupCategory::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.key());
            assert_eq!(PopupCategory::from_key(c.key()), Some(c));
        }
        assert_eq!(PopupCategory::from_key("nope"), None);
    }

    #[test]
    fn json_names_the_kind_and_keeps_the_offset() {
        let at = DateTime::parse_from_rfc3339("2026-03-29T01:30:00+01:00").unwrap();
        let e = Event {
            at,
            kind: EventKind::Note {
                text: "pause refusée".into(),
            },
        };
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(r#""type":"note""#), "{json}");
        assert!(json.contains("+01:00"), "{json}");
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
        assert_eq!(back.kind.name(), "note");
    }

    #[test]
    fn stamping_keeps_the_instant() {
        let now = Utc::now();
        let e = Event::at(now, EventKind::MonitoringResumed);
        assert_eq!(e.at.with_timezone(&Utc), now);
    }
}
