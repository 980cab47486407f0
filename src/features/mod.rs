//! Vocal-strain indicators of one stretch of the worker's own speech, by deterministic signal
//! processing after Praat's methods (settings in `../shared/audio/reference.py`): F0 level and
//! variability, local jitter and shimmer, HNR, intensity, pause ratio and a syllable rate.
//! These are measures of vocal effort, not emotion recognition.
//!
//! Not for: deciding what is speech (see `voice`) or storing anything.

pub mod baseline;
pub mod intensity;
pub mod pitch;
pub mod pulses;

use serde::Serialize;

use pitch::PitchSettings;

/// The indicators of one buffer of audio. `None` where not measurable (too little voicing).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Measures {
    pub duration_s: f64,
    pub voiced_s: f64,
    pub f0_mean_hz: Option<f64>,
    pub f0_sd_hz: Option<f64>,
    pub jitter_local_pct: Option<f64>,
    pub shimmer_local_pct: Option<f64>,
    pub hnr_db: Option<f64>,
    pub intensity_db: Option<f64>,
    pub pause_ratio: Option<f64>,
    pub syllables_per_s: Option<f64>,
}

/// Measures `x` (mono, `sr` Hz, samples as pascals like Praat reads a WAV).
pub fn measure(x: &[f32], sr: f64) -> Measures {
    let settings = PitchSettings::default();
    let duration_s = x.len() as f64 / sr;
    let mut m = Measures {
        duration_s,
        ..Default::default()
    };
    let pitch = pitch::pitch_ac(x, sr, &settings);
    let voiced: Vec<f64> = pitch
        .iter()
        .filter(|p| p.f0_hz > 0.0)
        .map(|p| p.f0_hz)
        .collect();
    m.voiced_s = voiced.len() as f64 * settings.time_step_s;
    if !voiced.is_empty() {
        let mean = voiced.iter().sum::<f64>() / voiced.len() as f64;
        m.f0_mean_hz = Some(mean);
        if voiced.len() > 1 {
            let var =
                voiced.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / (voiced.len() - 1) as f64;
            m.f0_sd_hz = Some(var.sqrt());
        }
        let pulses = pulses::pulses(x, sr, &pitch);
        m.jitter_local_pct = pulses::jitter_local_pct(&pulses);
        m.shimmer_local_pct = pulses::shimmer_local_pct(x, sr, &pulses);
        let hnr: Vec<f64> = pitch::harmonicity_cc(x, sr, settings.floor_hz, 0.01)
            .into_iter()
            .filter(|&h| h > -200.0)
            .collect();
        if !hnr.is_empty() {
            m.hnr_db = Some(hnr.iter().sum::<f64>() / hnr.len() as f64);
        }
    }
    m.intensity_db =
        intensity::energy_mean_db(&intensity::intensity(x, sr, settings.floor_hz, 0.0));
    if duration_s > 0.0 {
        let silent: f64 = intensity::silences(x, sr).iter().map(|(a, b)| b - a).sum();
        m.pause_ratio = Some(silent / duration_s);
        let sounding = duration_s - silent;
        if !voiced.is_empty() && sounding > 0.0 {
            let step = settings.time_step_s;
            let voiced_at = |t: f64| {
                pitch
                    .iter()
                    .any(|p| p.f0_hz > 0.0 && (p.time_s - t).abs() <= 0.5 * step + 1e-9)
            };
            let n = intensity::syllable_nuclei(x, sr, voiced_at);
            m.syllables_per_s = Some(n as f64 / sounding);
        }
    }
    m
}
