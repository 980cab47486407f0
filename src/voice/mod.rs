//! Voice activity: which stretches of the 16 kHz stream are speech (Silero VAD through ONNX
//! Runtime), and which of those are the wearer's own voice ([`OwnVoice`]).
//!
//! Not for: words, measurements or storage.

mod silero;

pub use silero::{Vad, VoiceError};

/// Samples per VAD chunk at 16 kHz (32 ms).
pub const CHUNK: usize = 512;

/// Hangover and padding after Silero's own `get_speech_timestamps`.
#[derive(Debug, Clone, Copy)]
pub struct SegmentSettings {
    pub threshold: f32,
    /// Speech ends only after this much silence, so words are not split.
    pub min_silence_s: f64,
    pub min_speech_s: f64,
    pub pad_s: f64,
    /// A longer stretch is cut into pieces, so memory stays bounded in a long monologue.
    pub max_speech_s: f64,
}

impl Default for SegmentSettings {
    fn default() -> Self {
        Self {
            threshold: 0.5,
            min_silence_s: 0.1,
            min_speech_s: 0.25,
            pad_s: 0.03,
            max_speech_s: 30.0,
        }
    }
}

/// A stretch of speech, in samples of the 16 kHz stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: u64,
    pub end: u64,
}

impl Segment {
    pub fn start_s(&self) -> f64 {
        self.start as f64 / 16_000.0
    }
    pub fn end_s(&self) -> f64 {
        self.end as f64 / 16_000.0
    }
}

/// Turns per-chunk speech probabilities into segments, as a stream.
pub struct Segmenter {
    s: SegmentSettings,
    pos: u64,
    start: Option<u64>,
    silence_from: Option<u64>,
}

impl Segmenter {
    pub fn new(s: SegmentSettings) -> Self {
        Self {
            s,
            pos: 0,
            start: None,
            silence_from: None,
        }
    }

    fn samples(&self, secs: f64) -> u64 {
        (secs * 16_000.0) as u64
    }

    /// Feeds the probability for the next chunk; returns a segment when one ends.
    pub fn push(&mut self, p: f32) -> Option<Segment> {
        let chunk_start = self.pos;
        self.pos += CHUNK as u64;
        let neg = self.s.threshold - 0.15;
        if p >= self.s.threshold {
            self.silence_from = None;
            match self.start {
                None => self.start = Some(chunk_start.saturating_sub(self.samples(self.s.pad_s))),
                Some(start) if self.pos - start >= self.samples(self.s.max_speech_s) => {
                    self.start = Some(self.pos);
                    return Some(Segment {
                        start,
                        end: self.pos,
                    });
                }
                Some(_) => {}
            }
            return None;
        }
        let start = self.start?;
        if p < neg {
            let from = *self.silence_from.get_or_insert(chunk_start);
            if self.pos - from >= self.samples(self.s.min_silence_s) {
                self.start = None;
                self.silence_from = None;
                let end = from + self.samples(self.s.pad_s);
                if end - start >= self.samples(self.s.min_speech_s) {
                    return Some(Segment { start, end });
                }
            }
        }
        None
    }

    /// Where the open segment started, if one is open (the audio from there must be kept).
    pub fn open_since(&self) -> Option<u64> {
        self.start
    }

    /// Closes a segment still open at the end of the stream.
    pub fn finish(&mut self) -> Option<Segment> {
        let start = self.start.take()?;
        let end = self.silence_from.take().unwrap_or(self.pos);
        (end - start >= self.samples(self.s.min_speech_s)).then_some(Segment { start, end })
    }
}

/// RMS level of a stretch in dB re full scale.
pub fn level_dbfs(x: &[f32]) -> f64 {
    if x.is_empty() {
        return f64::NEG_INFINITY;
    }
    let ms = x.iter().map(|&v| (v as f64).powi(2)).sum::<f64>() / x.len() as f64;
    10.0 * ms.max(1e-20).log10()
}

/// Keeps only speech near the wearer's own level. A close-talk headset hears its wearer far
/// louder than colleagues or the customer leaking from the earpiece.
#[derive(Debug, Clone)]
pub struct OwnVoice {
    /// The wearer's typical speech level (dBFS), once known.
    pub level_db: Option<f64>,
    /// How far below that level a segment may be and still count as the wearer's.
    pub margin_db: f64,
    recent: Vec<f64>,
}

impl OwnVoice {
    pub fn new(level_db: Option<f64>) -> Self {
        Self {
            level_db,
            margin_db: 10.0,
            recent: Vec::new(),
        }
    }

    /// Calibrates from a few sentences the worker reads: the median of their segment levels.
    pub fn calibrate(levels: &[f64]) -> Option<f64> {
        let mut v: Vec<f64> = levels.iter().copied().filter(|l| l.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(|a, b| a.total_cmp(b));
        Some(v[v.len() / 2])
    }

    /// Whether speech at `level` would be taken as the wearer's (nothing is refined).
    pub fn is_own(&self, level: f64) -> bool {
        self.level_db
            .is_none_or(|own| level >= own - self.margin_db)
    }

    /// Whether a segment at `level` is the wearer's; accepted ones refine the level (median of
    /// the last 50), so it follows the worker through the day.
    pub fn accept(&mut self, level: f64) -> bool {
        let Some(own) = self.level_db else {
            return true;
        };
        if level < own - self.margin_db {
            return false;
        }
        self.recent.push(level);
        if self.recent.len() > 50 {
            self.recent.remove(0);
        }
        if self.recent.len() >= 5 {
            self.level_db = Self::calibrate(&self.recent);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_pause_does_not_split_speech_and_a_long_one_does() {
        let mut s = Segmenter::new(SegmentSettings::default());
        let mut probs = vec![0.0; 5];
        probs.extend(vec![0.9; 20]); // 640 ms of speech
        probs.extend(vec![0.1; 2]); // 64 ms dip: kept inside
        probs.extend(vec![0.9; 20]);
        probs.extend(vec![0.1; 10]); // 320 ms: ends the segment
        let segs: Vec<Segment> = probs.iter().filter_map(|&p| s.push(p)).collect();
        assert_eq!(segs.len(), 1);
        let seg = segs[0];
        assert_eq!(seg.start, 5 * 512 - 480);
        assert_eq!(seg.end, 47 * 512 + 480);
    }

    #[test]
    fn too_short_a_blip_is_not_speech() {
        let mut s = Segmenter::new(SegmentSettings::default());
        let out: Vec<Segment> = [0.9, 0.9, 0.1, 0.1, 0.1, 0.1]
            .iter()
            .filter_map(|&p| s.push(p))
            .collect();
        assert!(out.is_empty());
    }

    #[test]
    fn quieter_voices_are_set_aside_once_calibrated() {
        let mut own = OwnVoice::new(OwnVoice::calibrate(&[-20.0, -22.0, -21.0]));
        assert!(own.accept(-23.0));
        assert!(!own.accept(-38.0), "a colleague 17 dB down");
        let mut uncalibrated = OwnVoice::new(None);
        assert!(uncalibrated.accept(-60.0));
    }
}
