//! Audio in: WAV files and live input devices, always delivered as 16 kHz mono f32.
//!
//! The audio callback only copies into a bounded channel (see [`live`]); conversion to 16 kHz
//! mono happens on the receiving side with [`To16k`]. Not for: what the audio means. (And the
//! camera, [`camera`], for one thing only: a QR code a worker shows a works council.)

pub mod camera;
pub mod live;

use std::path::{Path, PathBuf};

use rubato::{FftFixedIn, Resampler};

/// The rate every later stage works at.
pub const RATE: u32 = 16_000;

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    /// No file there, or it cannot be opened.
    #[error("cannot open {path}: {source}")]
    Missing {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file, but not a WAV one this can read.
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("no audio input device")]
    NoDevice,
    #[error("no input device named {0:?}")]
    DeviceNotFound(String),
    #[error("the input device cannot be opened: {0}")]
    DeviceUnavailable(String),
    /// The sound system did not answer in time (a server stuck or dying).
    #[error("the sound system does not answer")]
    NoAnswer,
    #[error("resampling from {0} Hz is not possible")]
    Rate(u32),
}

/// Converts interleaved audio at any rate and channel count to 16 kHz mono, in a stream.
pub struct To16k {
    channels: usize,
    resampler: Option<FftFixedIn<f32>>,
    pending: Vec<f32>,
    skip: usize,
}

impl To16k {
    pub fn new(rate: u32, channels: u16) -> Result<Self, CaptureError> {
        let resampler = if rate == RATE {
            None
        } else {
            Some(
                FftFixedIn::<f32>::new(rate as usize, RATE as usize, 1024, 2, 1)
                    .map_err(|_| CaptureError::Rate(rate))?,
            )
        };
        let skip = resampler.as_ref().map_or(0, |r| r.output_delay());
        Ok(Self {
            channels: channels.max(1) as usize,
            resampler,
            pending: Vec::new(),
            skip,
        })
    }

    /// Feeds interleaved samples; appends whatever 16 kHz mono output is ready to `out`.
    pub fn push(&mut self, interleaved: &[f32], out: &mut Vec<f32>) {
        let c = self.channels;
        let mono = interleaved
            .chunks_exact(c)
            .map(|f| f.iter().sum::<f32>() / c as f32);
        let Some(r) = &mut self.resampler else {
            out.extend(mono);
            return;
        };
        self.pending.extend(mono);
        let need = r.input_frames_next();
        let mut used = 0;
        while self.pending.len() - used >= need {
            if let Ok(res) = r.process(&[&self.pending[used..used + need]], None) {
                Self::emit(&mut self.skip, &res[0], out);
            }
            used += need;
        }
        self.pending.drain(..used);
    }

    /// Flushes the tail at the end of a stream.
    pub fn finish(&mut self, out: &mut Vec<f32>) {
        if let Some(r) = &mut self.resampler {
            let tail = std::mem::take(&mut self.pending);
            if let Ok(res) = r.process_partial(Some(&[tail.as_slice()]), None) {
                Self::emit(&mut self.skip, &res[0], out);
            }
            if let Ok(res) = r.process_partial::<&[f32]>(None, None) {
                Self::emit(&mut self.skip, &res[0], out);
            }
        }
    }

    fn emit(skip: &mut usize, chunk: &[f32], out: &mut Vec<f32>) {
        let s = (*skip).min(chunk.len());
        *skip -= s;
        out.extend_from_slice(&chunk[s..]);
    }
}

/// Reads a whole WAV file (any rate, format and channel count) as 16 kHz mono in [-1, 1].
pub fn read_wav(path: &Path) -> Result<Vec<f32>, CaptureError> {
    let bad = |reason: String| CaptureError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|source| CaptureError::Missing {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader =
        hound::WavReader::new(std::io::BufReader::new(file)).map_err(|e| bad(e.to_string()))?;
    let spec = reader.spec();
    let samples: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => reader
            .samples::<f32>()
            .collect::<Result<_, _>>()
            .map_err(|e| bad(e.to_string()))?,
        hound::SampleFormat::Int => {
            let scale = 1.0 / (1u64 << (spec.bits_per_sample - 1)) as f32;
            reader
                .samples::<i32>()
                .map(|s| s.map(|v| v as f32 * scale))
                .collect::<Result<_, _>>()
                .map_err(|e| bad(e.to_string()))?
        }
    };
    let mut conv = To16k::new(spec.sample_rate, spec.channels)?;
    let mut out =
        Vec::with_capacity(samples.len() * RATE as usize / spec.sample_rate.max(1) as usize + 1024);
    conv.push(&samples, &mut out);
    conv.finish(&mut out);
    // The resampler's tail padding is not audio: keep the expected length.
    let expected = (samples.len() / spec.channels.max(1) as usize) as u64 * RATE as u64
        / spec.sample_rate as u64;
    out.truncate(expected as usize);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_48k_stereo_tone_becomes_16k_mono_at_the_same_pitch() {
        let rate = 48_000;
        let f = 220.0;
        let stereo: Vec<f32> = (0..rate)
            .flat_map(|i| {
                let v = (2.0 * std::f32::consts::PI * f * i as f32 / rate as f32).sin() * 0.5;
                [v, v]
            })
            .collect();
        let mut conv = To16k::new(rate, 2).unwrap();
        let mut out = Vec::new();
        for chunk in stereo.chunks(960) {
            conv.push(chunk, &mut out);
        }
        conv.finish(&mut out);
        assert!(
            (out.len() as i64 - 16_000).abs() < 1100,
            "{} samples",
            out.len()
        );
        let m = crate::features::measure(&out[..15_000], 16_000.0);
        let f0 = m.f0_mean_hz.unwrap();
        assert!((f0 - f as f64).abs() < 0.5, "{f0}");
    }
}
