//! Loudness and timing from the intensity contour: Praat's "To Intensity" (Kaiser window of
//! 6.4 / floor seconds, mean subtracted, dB re 2·10⁻⁵ Pa with samples as pascals), its energy
//! mean, silences as "To TextGrid (silences)" finds them, and syllable nuclei after De Jong &
//! Wempe (2009): intensity peaks that stand out by a dip of 2 dB and fall on voiced frames.

use super::pitch::frame_times;

/// Modified Bessel function of the first kind, order 0 (series; plenty for window shapes).
fn bessel_i0(x: f64) -> f64 {
    let mut sum = 1.0;
    let mut term = 1.0;
    let q = x * x / 4.0;
    for k in 1..200 {
        term *= q / (k as f64 * k as f64);
        sum += term;
        if term < sum * 1e-16 {
            break;
        }
    }
    sum
}

/// Intensity frames (time, dB) with the given floor; `step_s` 0 means Praat's default 0.8/floor.
pub fn intensity(x: &[f32], sr: f64, floor_hz: f64, step_s: f64) -> Vec<(f64, f64)> {
    let step = if step_s > 0.0 { step_s } else { 0.8 / floor_hz };
    let window_s = 6.4 / floor_hz;
    let half = (0.5 * window_s * sr).floor() as isize;
    let n = (2 * half + 1) as usize;
    let beta = 2.0 * std::f64::consts::PI * std::f64::consts::PI + 0.5;
    let window: Vec<f64> = (0..n)
        .map(|i| {
            let r = (i as f64 - half as f64) / (half as f64 + 1.0);
            bessel_i0(beta * (1.0 - r * r).max(0.0).sqrt())
        })
        .collect();
    let wsum: f64 = window.iter().sum();
    let window: Vec<f32> = window.iter().map(|&w| w as f32).collect();
    // The buffer's own mean removed first, so the one-pass sums below lose nothing to
    // cancellation when a microphone adds a DC offset.
    let dc = x.iter().map(|&v| v as f64).sum::<f64>() / x.len().max(1) as f64;
    let y: Vec<f32> = x.iter().map(|&v| (v as f64 - dc) as f32).collect();
    let n_i = n as isize;
    frame_times(x.len(), sr, window_s, step)
        .into_iter()
        .map(|t| {
            let a = (t * sr - 0.5).round() as isize - half;
            // Samples outside the signal count as zeros, as in the padded window.
            let lo = a.max(0);
            let hi = (a + n_i).min(y.len() as isize);
            let inside = if hi > lo {
                &y[lo as usize..hi as usize]
            } else {
                &[][..]
            };
            let w = &window[(lo - a) as usize..(lo - a) as usize + inside.len()];
            let (s, sw, sw2) = window_sums(inside, w);
            let mean = s / n as f64;
            // Σw(v−m)² over the whole window, zero padding included, expanded.
            let ms = (sw2 - 2.0 * mean * sw + mean * mean * wsum) / wsum;
            let db = if ms < 1e-30 {
                -300.0
            } else {
                10.0 * (ms / 4e-10).log10()
            };
            (t, db)
        })
        .collect()
}

/// Σv, Σwv and Σwv², totalled in f64.
fn window_sums(v: &[f32], w: &[f32]) -> (f64, f64, f64) {
    let n = v.len() / 4 * 4;
    let (mut s, mut sw, mut sw2) = lanes::sums3(&v[..n], &w[..n]);
    for (&a, &b) in v[n..].iter().zip(&w[n..]) {
        let wv = (a * b) as f64;
        s += a as f64;
        sw += wv;
        sw2 += wv * a as f64;
    }
    (s, sw, sw2)
}

/// The inner loop in explicit SSE registers (x86-64's baseline): the auto-vectoriser shuffles
/// three interleaved sums into pairs and runs at a third of this speed.
#[cfg(target_arch = "x86_64")]
mod lanes {
    use std::arch::x86_64::*;

    /// Σv, Σwv, Σwv² over slices whose length is a multiple of 4.
    pub fn sums3(v: &[f32], w: &[f32]) -> (f64, f64, f64) {
        // SAFETY: SSE is part of every x86-64 processor's baseline.
        unsafe { sums3_sse(v, w) }
    }

    #[target_feature(enable = "sse")]
    fn sums3_sse(v: &[f32], w: &[f32]) -> (f64, f64, f64) {
        let load = |c: &[f32]| _mm_set_ps(c[3], c[2], c[1], c[0]);
        let (mut s, mut sw, mut sw2) = (_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps());
        for (a, b) in v.chunks_exact(4).zip(w.chunks_exact(4)) {
            let (a, b) = (load(a), load(b));
            let wv = _mm_mul_ps(a, b);
            s = _mm_add_ps(s, a);
            sw = _mm_add_ps(sw, wv);
            sw2 = _mm_add_ps(sw2, _mm_mul_ps(wv, a));
        }
        let total = |v: __m128| {
            let mut out = [0.0f32; 4];
            // SAFETY: `out` holds exactly the four floats stored.
            unsafe { _mm_storeu_ps(out.as_mut_ptr(), v) };
            out.iter().map(|&l| l as f64).sum::<f64>()
        };
        (total(s), total(sw), total(sw2))
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod lanes {
    pub fn sums3(v: &[f32], w: &[f32]) -> (f64, f64, f64) {
        let (mut s, mut sw, mut sw2) = ([0.0f32; 4], [0.0f32; 4], [0.0f32; 4]);
        for (a, b) in v.chunks_exact(4).zip(w.chunks_exact(4)) {
            for k in 0..4 {
                s[k] += a[k];
                sw[k] += a[k] * b[k];
                sw2[k] += a[k] * b[k] * a[k];
            }
        }
        let total = |l: [f32; 4]| l.iter().map(|&x| x as f64).sum::<f64>();
        (total(s), total(sw), total(sw2))
    }
}

/// The energy average of intensity frames, in dB.
pub fn energy_mean_db(frames: &[(f64, f64)]) -> Option<f64> {
    if frames.is_empty() {
        return None;
    }
    let mean = frames.iter().map(|f| 10f64.powf(f.1 / 10.0)).sum::<f64>() / frames.len() as f64;
    Some(10.0 * mean.log10())
}

/// Silent stretches (start, end) in seconds: intensity more than 25 dB below the maximum, with
/// silences and sounding parts shorter than 0.1 s absorbed by their neighbours.
pub fn silences(x: &[f32], sr: f64) -> Vec<(f64, f64)> {
    let frames = intensity(x, sr, 100.0, 0.0);
    let duration = x.len() as f64 / sr;
    if frames.is_empty() {
        return Vec::new();
    }
    let max = frames.iter().map(|f| f.1).fold(f64::NEG_INFINITY, f64::max);
    let threshold = max - 25.0;
    // Intervals with boundaries midway between frames where the state changes.
    let mut spans: Vec<(bool, f64, f64)> = Vec::new();
    for (k, &(t, db)) in frames.iter().enumerate() {
        let silent = db < threshold;
        let start = if k == 0 {
            0.0
        } else {
            0.5 * (frames[k - 1].0 + t)
        };
        match spans.last_mut() {
            Some(last) if last.0 == silent => last.2 = t,
            Some(last) => {
                last.2 = start;
                spans.push((silent, start, t));
            }
            None => spans.push((silent, start, t)),
        }
    }
    if let Some(last) = spans.last_mut() {
        last.2 = duration;
    }
    // Absorb short silences, then short sounding parts.
    for absorb_silent in [true, false] {
        let mut merged: Vec<(bool, f64, f64)> = Vec::new();
        for s in spans {
            let short = s.2 - s.1 < 0.1;
            let state = if short && s.0 == absorb_silent {
                !s.0
            } else {
                s.0
            };
            match merged.last_mut() {
                Some(last) if last.0 == state => last.2 = s.2,
                _ => merged.push((state, s.1, s.2)),
            }
        }
        spans = merged;
    }
    spans
        .into_iter()
        .filter(|s| s.0)
        .map(|s| (s.1, s.2))
        .collect()
}

/// Syllable nuclei: peaks of a 50 Hz-floor intensity contour above the median and within 25 dB
/// of the maximum, each separated from the previous by a dip of at least 2 dB, on voiced frames.
pub fn syllable_nuclei(x: &[f32], sr: f64, voiced_at: impl Fn(f64) -> bool) -> usize {
    let frames = intensity(x, sr, 50.0, 0.01);
    if frames.len() < 3 {
        return 0;
    }
    let mut sorted: Vec<f64> = frames.iter().map(|f| f.1).collect();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let median = sorted[sorted.len() / 2];
    let max = sorted[sorted.len() - 1];
    let threshold = median.max(max - 25.0);
    let mut count = 0;
    let mut last_peak: Option<f64> = None;
    let mut dip_since = f64::INFINITY;
    for k in 1..frames.len() - 1 {
        let (t, v) = frames[k];
        dip_since = dip_since.min(v);
        let is_peak = v > frames[k - 1].1 && v >= frames[k + 1].1 && v > threshold;
        if !is_peak {
            continue;
        }
        let stands_out = match last_peak {
            None => true,
            Some(p) => p - dip_since >= 2.0 && v - dip_since >= 2.0,
        };
        if stands_out && voiced_at(t) {
            count += 1;
            last_peak = Some(v);
            dip_since = v;
        } else if last_peak.is_some_and(|p| v > p) {
            last_peak = Some(v);
            dip_since = v;
        }
    }
    count
}
