//! Wires the stages together: capture → voice activity → measurements → events → vault.
//! Only this module imports the stages, so no loop forms between them.

pub mod listener;
pub mod live;
pub mod watch;

use std::path::Path;

use serde::Serialize;

pub use listener::{Heard, Listener, SegmentReport};

use crate::capture::{self, CaptureError};
use crate::speech::{SpeechError, Transcriber};
use crate::voice::VoiceError;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Capture(#[from] CaptureError),
    #[error(transparent)]
    Voice(#[from] VoiceError),
    #[error(transparent)]
    Speech(#[from] SpeechError),
}

/// A library error handed from a pipeline thread to the faces, which word it; two are equal when
/// they say the same (a status repeats only when it changes).
#[derive(Debug)]
pub struct Shared<E>(std::sync::Arc<E>);

impl<E> Clone for Shared<E> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<E: std::fmt::Display> PartialEq for Shared<E> {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl<E> std::ops::Deref for Shared<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.0
    }
}

impl<E> From<E> for Shared<E> {
    fn from(e: E) -> Self {
        Shared(std::sync::Arc::new(e))
    }
}

/// Transcription during an analysis: counts per segment, and the text only to print it.
pub struct WordsOptions<'a> {
    pub transcriber: &'a mut Transcriber,
    pub keep_text: bool,
}

/// What `temoin analyze --json` prints: a documented interface other tools read.
#[derive(Debug, Serialize)]
pub struct Analysis {
    pub duration_s: f64,
    /// Total duration of the wearer's speech segments.
    pub speech_s: f64,
    pub segments: Vec<SegmentReport>,
    /// Segments set aside as another voice (only with a calibrated own level).
    pub set_aside: usize,
    /// Calls found from the wearer's speech activity (`start_s`, `end_s`, `source`).
    pub calls: Vec<crate::workload::CallSpan>,
    /// The silence that ended a call: learned from the recording, or the settings' when its
    /// silences were not two-humped.
    pub call_gap_s: f64,
}

/// A segment as the call tracker sees it: when, and whether its words open or close a call.
pub fn burst(s: &SegmentReport) -> crate::workload::Burst {
    let said = |family: &str| {
        s.words
            .phrases
            .as_ref()
            .is_some_and(|p| p.get(family).is_some_and(|n| *n > 0))
    };
    crate::workload::Burst {
        start_s: s.start_s,
        end_s: s.end_s,
        opens: said(crate::speech::OPENING),
        closes: said(crate::speech::CLOSING),
    }
}

/// Analyses a recording. All speech counts as the wearer's unless `own_level_db` is given.
pub fn analyze_file(path: &Path, own_level_db: Option<f64>) -> Result<Analysis, PipelineError> {
    let audio = capture::read_wav(path)?;
    analyze_samples(&audio, own_level_db)
}

pub fn analyze_samples(
    audio: &[f32],
    own_level_db: Option<f64>,
) -> Result<Analysis, PipelineError> {
    analyze_with(audio, own_level_db, None)
}

/// [`analyze_samples`], transcribing the wearer's segments when `words` is given.
pub fn analyze_with(
    audio: &[f32],
    own_level_db: Option<f64>,
    words: Option<WordsOptions<'_>>,
) -> Result<Analysis, PipelineError> {
    let mut listener = Listener::new(own_level_db)?;
    listener.pass_audio(words.is_some());
    let mut heard = listener.push(audio)?;
    heard.extend(listener.finish());
    if let Some(w) = words {
        let audio = std::mem::take(&mut heard.audio);
        let pieces: Vec<&[f32]> = audio.iter().map(Vec::as_slice).collect();
        let counts = w.transcriber.count_all(&pieces, w.keep_text)?;
        for (seg, c) in heard.own.iter_mut().zip(counts) {
            seg.words = c.with_rates(seg.end_s - seg.start_s, seg.measures.pause_ratio);
        }
    }
    let bursts: Vec<crate::workload::Burst> = heard.own.iter().map(burst).collect();
    let settings = crate::workload::CallSettings::default();
    let call_gap_s = crate::workload::gap_in(&bursts, settings);
    let calls = crate::workload::calls_in(&bursts, settings);
    Ok(Analysis {
        duration_s: audio.len() as f64 / capture::RATE as f64,
        speech_s: heard.own.iter().map(|s| s.end_s - s.start_s).sum(),
        segments: heard.own,
        set_aside: heard.set_aside.len(),
        calls,
        call_gap_s,
    })
}
