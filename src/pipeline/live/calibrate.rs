//! Calibration (the worker reads a few sentences: their level is kept) and the worker's recent
//! measurements (to seed the baseline).

use std::time::Duration;

use chrono::Utc;
use crossbeam_channel::bounded;

use super::{QUEUE, StartError};
use crate::capture::live::{ChunkTo16k, Feed, LiveCapture};
use crate::events::{Event, EventKind};
use crate::pipeline::{Listener, PipelineError};
use crate::vault::VaultError;

/// A calibration: the worker reads a few sentences; the median level of their speech segments
/// becomes their own level.
#[derive(Debug, Clone)]
pub struct Calibration {
    pub level_db: Option<f64>,
    pub segments: usize,
}

/// Listens for `seconds` on the device (no vault: nothing is logged) and calibrates.
pub fn calibrate(device: Option<&str>, seconds: f64) -> Result<Calibration, StartError> {
    let mut listener = Listener::new(None)?;
    let (tx, rx) = bounded::<Feed>(QUEUE);
    let capture = LiveCapture::open(device, tx).map_err(PipelineError::from)?;
    let deadline = std::time::Instant::now() + Duration::from_secs_f64(seconds);
    let mut conv = ChunkTo16k::default();
    let mut audio = Vec::new();
    let mut levels = Vec::new();
    while std::time::Instant::now() < deadline {
        let Ok(Feed::Audio(chunk)) = rx.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        audio.clear();
        conv.push(&chunk, &mut audio).map_err(PipelineError::from)?;
        let heard = listener.push(&audio).map_err(PipelineError::from)?;
        levels.extend(heard.own.iter().map(|s| s.level_dbfs));
    }
    drop(capture);
    levels.extend(listener.finish().own.iter().map(|s| s.level_dbfs));
    Ok(Calibration {
        level_db: crate::voice::OwnVoice::calibrate(&levels),
        segments: levels.len(),
    })
}

/// The worker's speech measurements of the last `days` days, from an unlocked vault, oldest first.
pub fn recent_measures(
    vault: &crate::vault::Unlocked<'_>,
    days: i64,
) -> Result<Vec<crate::features::Measures>, VaultError> {
    let since = Utc::now() - chrono::Duration::days(days);
    let mut out = Vec::new();
    vault.for_each(|row| {
        if let Ok(Event {
            at,
            kind: EventKind::SpeechSegment(s),
        }) = row.event
            && at >= since
        {
            out.push(crate::features::Measures {
                duration_s: s.duration_s,
                voiced_s: s.voiced_s,
                f0_mean_hz: s.f0_mean_hz,
                f0_sd_hz: s.f0_sd_hz,
                jitter_local_pct: s.jitter_local_pct,
                shimmer_local_pct: s.shimmer_local_pct,
                hnr_db: s.hnr_db,
                intensity_db: s.intensity_db,
                pause_ratio: s.pause_ratio,
                syllables_per_s: s.syllables_per_s,
            });
        }
    })?;
    Ok(out)
}
