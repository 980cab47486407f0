//! The listening chain on a 16 kHz stream: voice activity → segments → own-voice gate →
//! measurements. The same code serves a file (`temoin analyze`) and the live microphone.
//! Audio is held only from the start of the open segment; it is dropped once measured.

use std::collections::VecDeque;

use serde::Serialize;

use crate::features::{self, Measures};
use crate::speech::Counts;
use crate::voice::{self, OwnVoice, SegmentSettings, Segmenter, Vad, VoiceError};

/// One segment of speech with its measurements (never its samples).
#[derive(Debug, Clone, Serialize)]
pub struct SegmentReport {
    pub start_s: f64,
    pub end_s: f64,
    /// RMS level in dB re full scale, used to tell the wearer from other voices.
    pub level_dbfs: f64,
    #[serde(flatten)]
    pub measures: Measures,
    /// Words and phrase counts, when the segment was transcribed.
    #[serde(flatten)]
    pub words: Counts,
}

/// What one push of audio produced.
#[derive(Debug, Default)]
pub struct Heard {
    /// The wearer's segments, measured.
    pub own: Vec<SegmentReport>,
    /// Segments set aside as someone else's voice (start, end, level).
    pub set_aside: Vec<(f64, f64, f64)>,
    /// The samples of each `own` segment, in order, only when the listener passes audio on
    /// (for transcription, which drops them once counted).
    pub audio: Vec<Vec<f32>>,
}

impl Heard {
    pub fn extend(&mut self, other: Heard) {
        self.own.extend(other.own);
        self.set_aside.extend(other.set_aside);
        self.audio.extend(other.audio);
    }
}

pub struct Listener {
    vad: Vad,
    segmenter: Segmenter,
    own: OwnVoice,
    /// Audio not yet consumed by the VAD (less than one chunk).
    pending: Vec<f32>,
    /// Audio kept from sample `kept_from` on, for the open segment.
    kept: VecDeque<f32>,
    kept_from: u64,
    position: u64,
    pass_audio: bool,
    /// Frames quieter than this (dBFS) skip the voice model; `None` runs it on every frame.
    gate_db: Option<f64>,
    /// Quiet frames in a row (the model's state is kept as it was on the last one it ran on).
    quiet_run: u32,
    skipped: u64,
    /// Frames waiting for the gate's decision (it looks [`GATE_LOOKAHEAD`] frames ahead).
    ahead: VecDeque<f32>,
    ahead_quiet: VecDeque<bool>,
    frame: Vec<f32>,
}

/// Frames this far below the worker's own level are not their speech: the voice model is not
/// run on them (most of a day is silence, or the customer in the earpiece).
const GATE_BELOW_OWN_DB: f64 = 35.0;
/// Without a calibrated level only silence is skipped (a muted microphone, a stream with nothing
/// in it): some voices come through at −62 dBFS, which no fixed level could tell from a room.
const GATE_FLOOR_DB: f64 = -90.0;
/// The model still runs on the first quiet frames (about half a second): its own
/// hangover keeps a short pause inside a segment, as without the gate.
const GATE_HANGOVER: u32 = 16;
/// Frames looked ahead (about a third of a second): those before a sound are heard by the model.
const GATE_LOOKAHEAD: usize = 10;

/// The level under which a frame skips the voice model.
fn gate_for(own_level_db: Option<f64>) -> f64 {
    own_level_db.map_or(GATE_FLOOR_DB, |own| (own - GATE_BELOW_OWN_DB).min(-50.0))
}

impl Listener {
    pub fn new(own_level_db: Option<f64>) -> Result<Self, VoiceError> {
        Ok(Self {
            vad: Vad::load()?,
            segmenter: Segmenter::new(SegmentSettings::default()),
            own: OwnVoice::new(own_level_db),
            pending: Vec::with_capacity(voice::CHUNK),
            kept: VecDeque::new(),
            kept_from: 0,
            position: 0,
            pass_audio: false,
            gate_db: Some(gate_for(own_level_db)),
            quiet_run: 0,
            skipped: 0,
            ahead: VecDeque::new(),
            ahead_quiet: VecDeque::new(),
            frame: Vec::with_capacity(voice::CHUNK),
        })
    }

    /// Hands each own segment's samples on in [`Heard::audio`] (for transcription).
    pub fn pass_audio(&mut self, on: bool) {
        self.pass_audio = on;
    }

    /// Runs the voice model on every frame, however quiet (to compare with the gate).
    pub fn without_gate(&mut self) {
        self.gate_db = None;
    }

    /// Frames the gate kept from the voice model so far.
    pub fn frames_skipped(&self) -> u64 {
        self.skipped
    }

    /// Forgets the stream (after a pause or a device change): nothing from before is measured.
    pub fn reset(&mut self) {
        self.vad.reset();
        self.segmenter = Segmenter::new(SegmentSettings::default());
        self.pending.clear();
        self.kept.clear();
        self.kept_from = 0;
        self.position = 0;
        self.quiet_run = 0;
        self.ahead.clear();
        self.ahead_quiet.clear();
    }

    /// Feeds 16 kHz mono audio.
    pub fn push(&mut self, audio: &[f32]) -> Result<Heard, VoiceError> {
        let mut heard = Heard::default();
        let mut rest = audio;
        while !rest.is_empty() {
            let take = (voice::CHUNK - self.pending.len()).min(rest.len());
            self.pending.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.pending.len() == voice::CHUNK {
                let quiet = self
                    .gate_db
                    .is_some_and(|gate| voice::level_dbfs(&self.pending) < gate);
                self.ahead.extend(self.pending.drain(..));
                self.ahead_quiet.push_back(quiet);
                if self.ahead_quiet.len() > GATE_LOOKAHEAD {
                    self.step(&mut heard)?;
                }
            }
        }
        Ok(heard)
    }

    /// Runs the oldest frame waiting in `ahead` through the model (or not) and the segmenter.
    fn step(&mut self, heard: &mut Heard) -> Result<(), VoiceError> {
        let Some(quiet) = self.ahead_quiet.pop_front() else {
            return Ok(());
        };
        self.frame.clear();
        self.frame.extend(self.ahead.drain(..voice::CHUNK));
        self.quiet_run = if quiet { self.quiet_run + 1 } else { 0 };
        // Skipped only well into a quiet stretch that goes on: the model hears a speech onset's
        // soft start and its own hangover in short pauses, as without the gate.
        let skip = self.quiet_run > GATE_HANGOVER && self.ahead_quiet.iter().all(|q| *q);
        let p = if skip {
            self.skipped += 1;
            0.0
        } else {
            self.vad.probability(&self.frame)?
        };
        self.kept.extend(self.frame.iter());
        self.position += voice::CHUNK as u64;
        if let Some(seg) = self.segmenter.push(p) {
            self.measure(seg, heard);
        }
        self.trim();
        Ok(())
    }

    /// Seconds of audio heard since the stream started (monotonic stream time).
    pub fn position_s(&self) -> f64 {
        self.position as f64 / 16_000.0
    }

    /// The wearer is speaking now: a segment is open and its last second is at their level.
    pub fn speaking(&self) -> bool {
        let Some(open) = self.segmenter.open_since() else {
            return false;
        };
        let from = open.max(self.position.saturating_sub(16_000));
        let a = from.saturating_sub(self.kept_from) as usize;
        if a >= self.kept.len() {
            return false;
        }
        let (x, y) = self.kept.as_slices();
        let tail: Vec<f32> = x.iter().chain(y).skip(a).copied().collect();
        self.own.is_own(voice::level_dbfs(&tail))
    }

    /// Ends the stream: measures a segment still open.
    pub fn finish(&mut self) -> Heard {
        let mut heard = Heard::default();
        while !self.ahead_quiet.is_empty() {
            // A model failure on the last frames only loses them.
            if self.step(&mut heard).is_err() {
                self.ahead.clear();
                self.ahead_quiet.clear();
            }
        }
        if let Some(seg) = self.segmenter.finish() {
            self.measure(seg, &mut heard);
        }
        self.kept.clear();
        heard
    }

    fn measure(&mut self, seg: voice::Segment, heard: &mut Heard) {
        let a = seg.start.saturating_sub(self.kept_from) as usize;
        let b = (seg.end.saturating_sub(self.kept_from) as usize).min(self.kept.len());
        if b <= a {
            return;
        }
        let audio: Vec<f32> = self.kept.range(a..b).copied().collect();
        let level = voice::level_dbfs(&audio);
        if !self.own.accept(level) {
            heard.set_aside.push((seg.start_s(), seg.end_s(), level));
            return;
        }
        heard.own.push(SegmentReport {
            start_s: seg.start_s(),
            end_s: seg.end_s(),
            level_dbfs: level,
            measures: features::measure(&audio, 16_000.0),
            words: Counts::default(),
        });
        if self.pass_audio {
            heard.audio.push(audio);
        }
    }

    /// Drops audio no open segment can need (keeping the padding before a possible start).
    fn trim(&mut self) {
        let keep_from = self
            .segmenter
            .open_since()
            .unwrap_or(self.position.saturating_sub(2 * voice::CHUNK as u64));
        let drop = keep_from
            .saturating_sub(self.kept_from)
            .min(self.kept.len() as u64);
        self.kept.drain(..drop as usize);
        self.kept_from += drop;
    }
}
