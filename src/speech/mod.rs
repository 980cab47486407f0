//! Words without keeping words: the worker's own speech segments transcribed locally by
//! whisper.cpp (through whisper-rs), turned at once into counts — words, words per minute, phrase
//! families — and the text dropped. Only the wearer's segments ever reach this module (the
//! listener's own-voice gate runs first); the customer is never transcribed.
//!
//! The text lives in a zeroized buffer for the time counting takes. whisper.cpp keeps its own
//! copy of the last result inside its state until the next transcription overwrites it; that
//! memory is never written anywhere.
//!
//! Not for: deciding what is the worker's speech (see `voice`), or storing anything.

pub mod lexicon;
pub mod numbers;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};
use zeroize::Zeroizing;

pub use lexicon::{Lexicon, LexiconError, word_count};
pub use numbers::Reading;

use crate::models::{self, MissingModel};

/// The model every worker gets, French- or English-speaking: multilingual Whisper base, q8_0
/// (the weight type whisper.cpp's llamafile kernels multiply fastest: the encoder ran 1.5×
/// faster than in q5_1). English-only tiny.en cost 40 % as much but heard "hold" as "vote" and
/// "bear with me" as "where with me", which base did not: the counts matter more.
pub const DEFAULT_MODEL: &str = "ggml-base-q8_0.bin";
/// The lexicon's families that open and close a call (`workload::calls` parts calls on them).
pub const OPENING: &str = "opening";
pub const CLOSING: &str = "closing";

/// Encoder positions per second of audio (whisper: 1500 for 30 s).
const CTX_PER_SECOND: f64 = 50.0;
/// Encoder context never goes below this (about 5 s): shorter contexts make whisper repeat itself.
const MIN_AUDIO_CTX: i32 = 256;

#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    #[error(transparent)]
    MissingModel(#[from] MissingModel),
    #[error("the speech model {path} could not be loaded: {reason}")]
    Load { path: PathBuf, reason: String },
    #[error("transcription failed: {0}")]
    Transcribe(String),
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

/// Spoken language of the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SpokenLanguage {
    Fr,
    En,
    /// Detected by the model on each segment.
    Auto,
}

impl SpokenLanguage {
    fn code(self) -> Option<&'static str> {
        match self {
            SpokenLanguage::Fr => Some("fr"),
            SpokenLanguage::En => Some("en"),
            SpokenLanguage::Auto => None,
        }
    }
}

/// What one segment's speech came to: counts and rates, never the words themselves (except
/// `transcript`, filled only when asked for checking at the terminal). All `None` when the
/// segment was not transcribed (`--no-words`, no model, or skipped on a busy PC).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub words: Option<u32>,
    /// Words per minute over the whole segment.
    pub words_per_minute: Option<f64>,
    /// Words per minute over the time actually sounding (pauses excluded).
    pub articulation_wpm: Option<f64>,
    /// Phrase families by name (`thanks`, `apology`, `hold`…): counts.
    pub phrases: Option<BTreeMap<String, u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
}

impl Counts {
    /// Fills the rates from the segment's duration and pause ratio.
    pub fn with_rates(mut self, duration_s: f64, pause_ratio: Option<f64>) -> Self {
        if let (Some(words), true) = (self.words, duration_s > 0.0) {
            self.words_per_minute = Some(words as f64 * 60.0 / duration_s);
            let sounding = duration_s * (1.0 - pause_ratio.unwrap_or(0.0));
            if sounding > 0.0 {
                self.articulation_wpm = Some(words as f64 * 60.0 / sounding);
            }
        }
        self
    }
}

/// How many decoding threads to use now: whatever cores the machine's load leaves idle, at
/// least one (on two busy cores, two whisper threads were slower than one).
pub fn threads_for_load() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(cores as f64);
    ((cores as f64 - load).floor() as usize).clamp(1, 4)
}

/// Longest stretch of packed speech given to the model at once. Its window holds 30 s, but the
/// encoder's attention grows with the square of the fitted context: packed 16 s windows cost 20 %
/// less than 28 s ones per second of speech; 12 s ones counted words twice.
pub const WINDOW_S: f64 = 16.0;

/// Seconds a window of segments (lengths in samples) fills once packed with the gaps between.
pub fn packed_seconds(lengths: impl IntoIterator<Item = usize>) -> f64 {
    let (n, samples) = lengths
        .into_iter()
        .fold((0usize, 0usize), |(n, s), l| (n + 1, s + l));
    samples as f64 / 16_000.0 + GAP_S * n.saturating_sub(1) as f64
}

/// Silence put between packed segments: what lies between them (another voice, the
/// customer's) is never given to the model.
const GAP_S: f64 = 0.5;

pub struct Transcriber {
    ctx: WhisperContext,
    state: whisper_rs::WhisperState,
    language: SpokenLanguage,
    lexicon: Lexicon,
    /// Decoding threads; `None` chooses from the load before each window.
    threads: Option<usize>,
}

impl Transcriber {
    /// The installed model file (the same for every language).
    pub fn model() -> Result<PathBuf, MissingModel> {
        models::find(DEFAULT_MODEL)
    }

    /// Loads the model once; every segment after that reuses it.
    pub fn load(
        model: &Path,
        language: SpokenLanguage,
        lexicon: Lexicon,
    ) -> Result<Self, SpeechError> {
        whisper_rs::install_logging_hooks();
        let load_err = |reason: String| SpeechError::Load {
            path: model.to_path_buf(),
            reason,
        };
        if !model.is_file() {
            return Err(MissingModel {
                name: model.display().to_string(),
                searched: vec![model.to_path_buf()],
            }
            .into());
        }
        let path = model
            .to_str()
            .ok_or_else(|| load_err("path is not UTF-8".into()))?;
        let mut params = WhisperContextParameters::default();
        params.use_gpu(false);
        let ctx = WhisperContext::new_with_params(path, params)
            .map_err(|e| load_err(format!("{e} (the file may be damaged: run scripts/models)")))?;
        let state = ctx.create_state().map_err(|e| load_err(e.to_string()))?;
        Ok(Self {
            ctx,
            state,
            language,
            lexicon,
            threads: None,
        })
    }

    pub fn set_threads(&mut self, threads: Option<usize>) {
        self.threads = threads;
    }

    /// Transcribes one segment of the worker's speech (16 kHz mono) and counts it.
    pub fn count(&mut self, audio: &[f32], keep_text: bool) -> Result<Counts, SpeechError> {
        Ok(self.count_all(&[audio], keep_text)?.remove(0))
    }

    /// Transcribes consecutive segments of the worker's speech and counts each. Segments are
    /// packed into windows of up to [`WINDOW_S`], with short silences between them, so the model
    /// sees whole sentences and runs once per window; each word goes back to its segment by its
    /// timestamp. The text is kept only if `keep_text` (for `temoin analyze --transcript`).
    pub fn count_all(
        &mut self,
        segments: &[&[f32]],
        keep_text: bool,
    ) -> Result<Vec<Counts>, SpeechError> {
        let mut texts: Vec<Zeroizing<String>> = segments
            .iter()
            .map(|_| Zeroizing::new(String::new()))
            .collect();
        let mut readings = vec![Reading::French; segments.len()];
        let mut first = 0;
        while first < segments.len() {
            let mut last = first + 1;
            while last < segments.len()
                && packed_seconds(segments[first..=last].iter().map(|s| s.len())) <= WINDOW_S
            {
                last += 1;
            }
            self.transcribe_window(
                &segments[first..last],
                &mut texts[first..last],
                &mut readings[first..last],
            )?;
            first = last;
        }
        let mut phrases: Vec<BTreeMap<String, u32>> =
            texts.iter().map(|t| self.lexicon.count(t)).collect();
        // A greeting or a goodbye cut between two segments (« bonne » | « journée ») still
        // counts: the opening for the segment it starts in, the closing for the one it ends in.
        for i in 1..texts.len() {
            let joined = Zeroizing::new(format!("{} {}", texts[i - 1].trim(), texts[i].trim()));
            let both = self.lexicon.count(&joined);
            for (family, into) in [(OPENING, i - 1), (CLOSING, i)] {
                let apart = [i - 1, i]
                    .iter()
                    .map(|k| phrases[*k].get(family).copied().unwrap_or(0))
                    .sum::<u32>();
                let across = both.get(family).copied().unwrap_or(0).saturating_sub(apart);
                if across > 0 {
                    *phrases[into].entry(family.to_string()).or_insert(0) += across;
                }
            }
        }
        Ok(texts
            .into_iter()
            .zip(readings)
            .zip(phrases)
            .map(|((text, reading), phrases)| Counts {
                words: Some(word_count(&text, reading)),
                phrases: Some(phrases),
                transcript: keep_text.then(|| text.trim().to_string()),
                ..Counts::default()
            })
            .collect())
    }

    /// Transcribes one packed window into `texts`, and says in `readings` how its numbers are
    /// read out: in the worker's language, or the one the model heard.
    fn transcribe_window(
        &mut self,
        segments: &[&[f32]],
        texts: &mut [Zeroizing<String>],
        readings: &mut [Reading],
    ) -> Result<(), SpeechError> {
        let gap = (GAP_S * 16_000.0) as usize;
        let mut starts = Vec::with_capacity(segments.len());
        let mut packed: Zeroizing<Vec<f32>> = Zeroizing::new(Vec::new());
        for seg in segments {
            if !packed.is_empty() {
                let with_gap = packed.len() + gap;
                packed.resize(with_gap, 0.0);
            }
            starts.push(packed.len());
            packed.extend_from_slice(seg);
        }
        // Whisper needs a full second at least.
        if packed.len() < 17_600 {
            packed.resize(17_600, 0.0);
        }
        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_language(self.language.code());
        params.set_detect_language(false);
        let threads = self.threads.unwrap_or_else(threads_for_load);
        params.set_n_threads(threads as i32);
        // Encode only as much of the 30 s window as the packed speech fills.
        let seconds = packed.len() as f64 / 16_000.0;
        let ctx = ((seconds * CTX_PER_SECOND).ceil() as i32 + 32).clamp(MIN_AUDIO_CTX, 1500);
        params.set_audio_ctx(ctx);
        params.set_no_context(true);
        // The packed window is decoded as one segment: otherwise whisper encodes the window a
        // second time from its last timestamp whenever it ends a sentence before the audio ends.
        params.set_single_segment(true);
        // whisper's re-decoding at higher temperatures stays on: without it, short live segments
        // fell into repetition loops (119 words counted for 50 spoken).
        params.set_suppress_blank(true);
        params.set_token_timestamps(true);
        params.set_print_special(false);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        params.set_print_timestamps(false);
        self.state
            .full(params, &packed)
            .map_err(|e| SpeechError::Transcribe(e.to_string()))?;
        let heard_in = match self.language {
            SpokenLanguage::Auto => whisper_rs::get_lang_str(self.state.full_lang_id_from_state()),
            language => language.code(),
        };
        readings.fill(match heard_in {
            Some("en") => Reading::English,
            _ => Reading::French,
        });
        let sound = Sounding::of(&packed);
        let eot = self.ctx.token_eot();
        let beg = self.ctx.token_beg();
        let spans: Vec<(usize, usize)> = starts
            .iter()
            .zip(segments)
            .map(|(&s, seg)| (s, s + seg.len()))
            .collect();
        // How far into the window the model's timestamps went (samples).
        let mut heard = 0;
        for i in 0..self.state.full_n_segments() {
            let Some(seg) = self.state.get_segment(i) else {
                continue;
            };
            let tokens: Vec<_> = (0..seg.n_tokens())
                .filter_map(|k| seg.get_token(k))
                .collect();
            // Whisper's timestamp tokens mark where each phrase it heard begins and ends, within
            // a frame or two of the packed gaps here; inside a phrase, `place` spreads its words
            // over the speech. (Word times by DTW cost 12 % more and ran late at phrase ends,
            // into the next segment; whisper's own token times fell into the gaps.)
            let marks: Vec<(usize, usize)> = tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.token_id() >= beg)
                .map(|(k, t)| (k, (t.token_id() - beg) as usize * SAMPLES_PER_STEP))
                .collect();
            heard = marks.iter().fold(heard, |h, m| h.max(m.1));
            let mut previous: Vec<i32> = Vec::new();
            let mut k = 0;
            while k < tokens.len() {
                // Timestamps and control tokens come after the text tokens.
                if tokens[k].token_id() >= eot {
                    k += 1;
                    continue;
                }
                let first = k;
                while k < tokens.len() && tokens[k].token_id() < eot {
                    k += 1;
                }
                // whisper's known loop: the phrase it just wrote, again, word for word.
                let ids: Vec<i32> = tokens[first..k].iter().map(|t| t.token_id()).collect();
                if ids.len() >= REPEAT_MIN_TOKENS && ids == previous {
                    continue;
                }
                previous = ids;
                let from = marks.iter().rfind(|m| m.0 < first).map_or(0, |m| m.1);
                let to = marks
                    .iter()
                    .find(|m| m.0 >= k)
                    .map_or(packed.len(), |m| m.1);
                // Words over silence: whisper's "Thank you." after the last word, in the quiet
                // tail of a window (seen on the phrase table, one run in five).
                if sound.steps(from, to) < MIN_SOUNDING_STEPS {
                    continue;
                }
                let pieces = tokens[first..k]
                    .iter()
                    .map(|t| t.to_str_lossy())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| SpeechError::Transcribe(e.to_string()))?;
                let letters: Vec<usize> = pieces
                    .iter()
                    .map(|p| p.trim().chars().count().max(1))
                    .collect();
                let owners = place(&spans, from, to.max(from), &letters, |a, b| {
                    sound.steps(a, b)
                });
                let mut last = owners[0];
                for (i, piece) in pieces.iter().enumerate() {
                    // A piece that does not begin a word stays with the word it continues.
                    if i == 0 || piece.starts_with(char::is_whitespace) {
                        last = owners[i];
                    }
                    texts[last].push_str(piece);
                }
            }
        }
        // Decoded as one segment, the window ends where the model said the text ended: the
        // segments it never reached get a window of their own (whisper itself would have
        // encoded again from its last timestamp).
        let unheard = starts.partition_point(|&s| s < heard).max(1);
        if unheard < segments.len() {
            self.transcribe_window(
                &segments[unheard..],
                &mut texts[unheard..],
                &mut readings[unheard..],
            )?;
        }
        Ok(())
    }
}

/// A phrase repeated at once, word for word, is dropped from this many tokens up: a sentence
/// written twice is whisper looping (seen on espeak's "Thank you, and sorry again for the
/// trouble."), while "merci, merci" is two tokens a phrase and stays.
const REPEAT_MIN_TOKENS: usize = 4;

/// Samples per step of whisper's timestamp tokens (20 ms).
const SAMPLES_PER_STEP: usize = 320;

/// A phrase needs this many sounding steps (100 ms) within its timestamps to be kept.
const MIN_SOUNDING_STEPS: usize = 5;

/// Which 20 ms steps of a window make a sound: louder than 40 dB below its loudest step, so
/// a quiet headset's words count and the packed gaps and the tail's silence do not.
struct Sounding {
    /// Sounding steps before each step (one more entry than steps).
    before: Vec<usize>,
}

impl Sounding {
    fn of(window: &[f32]) -> Self {
        let power: Vec<f32> = window
            .chunks(SAMPLES_PER_STEP)
            .map(|c| c.iter().map(|v| v * v).sum::<f32>() / c.len() as f32)
            .collect();
        let floor = power.iter().copied().fold(0.0, f32::max) * 1e-4;
        let mut before = Vec::with_capacity(power.len() + 1);
        before.push(0);
        for p in power {
            before.push(before.last().copied().unwrap_or(0) + usize::from(p > floor));
        }
        Sounding { before }
    }

    /// Sounding steps between two sample positions (clamped to the window).
    fn steps(&self, from: usize, to: usize) -> usize {
        let steps = self.before.len() - 1;
        let a = (from / SAMPLES_PER_STEP).min(steps);
        let b = to.div_ceil(SAMPLES_PER_STEP).clamp(a, steps);
        self.before[b] - self.before[a]
    }
}

/// Which segment each word of one phrase was spoken in. Whisper bounds the phrase (`from`..`to`,
/// samples into the packed window) by its timestamps; inside, the words are spread over the
/// sound of the segments it covers (`sounding(a, b)`: how much between two positions), gaps and
/// silent segments left out, in proportion to their letters. (Whisper starts its first phrase at
/// 0: a silent segment first in the window would otherwise take the first words.)
fn place(
    spans: &[(usize, usize)],
    from: usize,
    to: usize,
    letters: &[usize],
    sounding: impl Fn(usize, usize) -> usize,
) -> Vec<usize> {
    let parts: Vec<(usize, usize)> = spans
        .iter()
        .enumerate()
        .filter(|&(_, &(s, e))| s.max(from) < e.min(to))
        .map(|(j, &(s, e))| (j, sounding(s.max(from), e.min(to))))
        .filter(|p| p.1 > 0)
        .collect();
    let speech: usize = parts.iter().map(|p| p.1).sum();
    if speech == 0 {
        // The phrase lies in a gap: it goes with the segment before it.
        let j = spans.partition_point(|s| s.0 <= from).saturating_sub(1);
        return vec![j; letters.len()];
    }
    let total = letters.iter().sum::<usize>().max(1) as f64;
    let mut before = 0.0;
    letters
        .iter()
        .map(|&n| {
            let mut at = ((before + n as f64 / 2.0) / total * speech as f64) as usize;
            before += n as f64;
            for &(j, len) in &parts {
                if at < len {
                    return j;
                }
                at -= len;
            }
            parts[parts.len() - 1].0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_exclude_pauses_for_articulation() {
        let c = Counts {
            words: Some(30),
            ..Counts::default()
        }
        .with_rates(12.0, Some(0.25));
        assert_eq!(c.words_per_minute, Some(150.0));
        assert_eq!(c.articulation_wpm, Some(200.0));
    }

    #[test]
    fn words_of_a_phrase_spread_over_its_speech() {
        // Two segments of 1 s and 3 s with a gap; the phrase covers both.
        let spans = [(0, 16_000), (24_000, 72_000)];
        let samples = |a: usize, b: usize| b - a;
        let owners = place(&spans, 0, 72_000, &[4, 4, 4, 4], samples);
        assert_eq!(owners, vec![0, 1, 1, 1]);
        // Bounded to the second segment by its timestamps: all there.
        assert_eq!(place(&spans, 24_000, 72_000, &[3, 9], samples), vec![1, 1]);
        // In a gap: with the segment before.
        assert_eq!(place(&spans, 17_000, 23_000, &[5], samples), vec![0]);
        // A silent first segment takes no word.
        let quiet_first = |a: usize, b: usize| b.saturating_sub(a.max(24_000));
        assert_eq!(place(&spans, 0, 72_000, &[4, 4], quiet_first), vec![1, 1]);
    }

    #[test]
    fn only_steps_that_make_a_sound_count() {
        // 1 s of a quiet voice, 0.5 s of gap, 0.2 s of a loud one, then a silent tail.
        let mut w: Vec<f32> = (0..16_000).map(|i| 0.01 * (i as f32 * 0.1).sin()).collect();
        w.extend(std::iter::repeat_n(0.0, 8_000));
        w.extend((0..3_200).map(|i| 0.5 * (i as f32 * 0.1).sin()));
        w.extend(std::iter::repeat_n(1e-5, 6_400));
        let s = Sounding::of(&w);
        assert_eq!(s.steps(0, 16_000), 50);
        assert_eq!(s.steps(16_000, 24_000), 0);
        assert_eq!(s.steps(24_000, 27_200), 10);
        assert_eq!(s.steps(27_200, 40_000), 0);
        assert_eq!(s.steps(30_000, 90_000), 0);
    }

    #[test]
    fn packed_windows_count_their_gaps() {
        assert_eq!(packed_seconds([16_000, 32_000]), 1.0 + GAP_S + 2.0);
        assert_eq!(packed_seconds([]), 0.0);
    }

    #[test]
    fn at_least_one_thread() {
        assert!(threads_for_load() >= 1);
    }
}
