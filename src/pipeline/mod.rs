//! Wires the stages together: capture → voice activity → measurements → events → vault.
//! Only this module imports the stages, so no loop forms between them.

pub mod listener;
pub mod live;

use std::path::Path;

use serde::Serialize;

pub use listener::{Heard, Listener, SegmentReport};

use crate::capture::{self, CaptureError};
use crate::voice::VoiceError;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Capture(#[from] CaptureError),
    #[error(transparent)]
    Voice(#[from] VoiceError),
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
    let mut listener = Listener::new(own_level_db)?;
    let mut heard = listener.push(audio)?;
    let tail = listener.finish();
    heard.own.extend(tail.own);
    heard.set_aside.extend(tail.set_aside);
    Ok(Analysis {
        duration_s: audio.len() as f64 / capture::RATE as f64,
        speech_s: heard.own.iter().map(|s| s.end_s - s.start_s).sum(),
        segments: heard.own,
        set_aside: heard.set_aside.len(),
    })
}
