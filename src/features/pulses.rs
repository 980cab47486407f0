//! Glottal pulses and the perturbation measures built on them.
//!
//! Pulses are placed as Praat's "To PointProcess (cc)" describes: in each voiced stretch, start at
//! the strongest extremum near the middle, then step period by period to both sides, placing each
//! pulse where the waveform best matches the previous period (cross-correlation). Jitter and
//! shimmer (local) then follow Praat's definitions with period range 0.1–20 ms, period factor 1.3
//! and amplitude factor 1.6.

use super::pitch::PitchFrame;

pub const SHORTEST_PERIOD: f64 = 0.0001;
pub const LONGEST_PERIOD: f64 = 0.02;
pub const PERIOD_FACTOR: f64 = 1.3;
pub const AMPLITUDE_FACTOR: f64 = 1.6;

/// F0 at time `t` by linear interpolation between voiced frames; `None` when unvoiced there.
fn f0_at(pitch: &[PitchFrame], t: f64) -> Option<f64> {
    if pitch.len() < 2 {
        return pitch.first().filter(|p| p.f0_hz > 0.0).map(|p| p.f0_hz);
    }
    let dt = pitch[1].time_s - pitch[0].time_s;
    let pos = (t - pitch[0].time_s) / dt;
    let i = pos.floor();
    if i < -0.5 || i > pitch.len() as f64 - 0.5 {
        return None;
    }
    let i = (i.max(0.0) as usize).min(pitch.len() - 1);
    let j = (i + 1).min(pitch.len() - 1);
    let (a, b) = (pitch[i].f0_hz, pitch[j].f0_hz);
    let frac = (pos - i as f64).clamp(0.0, 1.0);
    match (a > 0.0, b > 0.0) {
        (true, true) => Some(a + (b - a) * frac),
        (true, false) if frac < 0.5 => Some(a),
        (false, true) if frac >= 0.5 => Some(b),
        _ => None,
    }
}

/// Voiced stretches as (start, end) times, from frame centres ± half a step.
fn voiced_intervals(pitch: &[PitchFrame]) -> Vec<(f64, f64)> {
    if pitch.len() < 2 {
        return Vec::new();
    }
    let half = 0.5 * (pitch[1].time_s - pitch[0].time_s);
    let mut out = Vec::new();
    let mut start = None;
    for p in pitch {
        match (p.f0_hz > 0.0, start) {
            (true, None) => start = Some(p.time_s - half),
            (false, Some(s)) => {
                out.push((s, p.time_s - half));
                start = None;
            }
            _ => {}
        }
    }
    if let (Some(s), Some(last)) = (start, pitch.last()) {
        out.push((s, last.time_s + half));
    }
    out
}

fn sample_time(i: usize, sr: f64) -> f64 {
    (i as f64 + 0.5) / sr
}

fn index_of(t: f64, sr: f64) -> isize {
    (t * sr - 0.5).round() as isize
}

/// Normalised correlations of windows of a signal, with the energies of all windows taken from
/// running sums of squares so that each correlation costs one dot product.
struct Correlator<'a> {
    x: &'a [f32],
    /// squares[i] = Σ x[k]² for k < i.
    squares: Vec<f64>,
}

impl<'a> Correlator<'a> {
    fn new(x: &'a [f32]) -> Self {
        let mut squares = Vec::with_capacity(x.len() + 1);
        let mut acc = 0.0;
        squares.push(acc);
        for &v in x {
            acc += v as f64 * v as f64;
            squares.push(acc);
        }
        Self { x, squares }
    }

    fn energy(&self, lo: usize, hi: usize) -> f64 {
        (self.squares[hi] - self.squares[lo]).max(0.0)
    }

    /// Correlation of the 2·half + 1 samples centred on `a` with those centred on `b`.
    fn at(&self, a: isize, b: isize, half: isize) -> Option<f64> {
        let n = self.x.len() as isize;
        if a - half < 0 || b - half < 0 || a + half >= n || b + half >= n {
            return None;
        }
        let (ua, va) = ((a - half) as usize, (b - half) as usize);
        let len = (2 * half + 1) as usize;
        let xy = dot_f32(&self.x[ua..ua + len], &self.x[va..va + len]);
        let d = (self.energy(ua, ua + len) * self.energy(va, va + len)).sqrt();
        Some(if d > 0.0 { xy / d } else { 0.0 })
    }
}

/// A dot product in eight lanes of f32 (vectorised), totalled in f64.
fn dot_f32(u: &[f32], v: &[f32]) -> f64 {
    let mut lanes = [0.0f32; 8];
    for (cu, cv) in u.chunks_exact(8).zip(v.chunks_exact(8)) {
        for k in 0..8 {
            lanes[k] += cu[k] * cv[k];
        }
    }
    let tail = u.len() / 8 * 8;
    let mut sum = lanes.iter().map(|&l| l as f64).sum::<f64>();
    for (p, q) in u[tail..].iter().zip(&v[tail..]) {
        sum += (p * q) as f64;
    }
    sum
}

/// Sub-sample position of a peak at `i` by parabolic interpolation of `f`.
fn parabolic(fm: f64, f0: f64, fp: f64) -> f64 {
    let d = fm - 2.0 * f0 + fp;
    if d.abs() < 1e-20 {
        0.0
    } else {
        0.5 * (fm - fp) / d
    }
}

/// Glottal pulse times (seconds), sorted.
pub fn pulses(x: &[f32], sr: f64, pitch: &[PitchFrame]) -> Vec<f64> {
    let peak = x.iter().map(|v| v.abs() as f64).fold(0.0, f64::max);
    let corr = Correlator::new(x);
    let mut out = Vec::new();
    for (tb, te) in voiced_intervals(pitch) {
        let tmid = 0.5 * (tb + te);
        let Some(f) = f0_at(pitch, tmid) else {
            continue;
        };
        let period = 1.0 / f;
        // The strongest extremum within half a period of the middle sets the polarity.
        let (a, b) = (
            index_of(tmid - 0.5 * period, sr).max(0),
            index_of(tmid + 0.5 * period, sr).min(x.len() as isize - 1),
        );
        if b <= a {
            continue;
        }
        let (mut imax, mut imin) = (a, a);
        for i in a..=b {
            if x[i as usize] > x[imax as usize] {
                imax = i;
            }
            if x[i as usize] < x[imin as usize] {
                imin = i;
            }
        }
        let i0 = if x[imax as usize].abs() >= x[imin as usize].abs() {
            imax
        } else {
            imin
        };
        let start = sample_time(i0 as usize, sr);
        let mut stretch = vec![start];
        for dir in [1.0f64, -1.0] {
            let mut t = start;
            let mut last_i = i0;
            while let Some(f) = f0_at(pitch, t).or_else(|| f0_at(pitch, t + dir * 0.5 * period)) {
                let p = 1.0 / f;
                let half = ((0.5 * p * sr).round() as isize).max(2);
                let lo = index_of(t + dir * 0.8 * p, sr);
                let hi = index_of(t + dir * 1.25 * p, sr);
                let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
                let mut best: Option<(isize, f64)> = None;
                for c in lo..=hi {
                    if let Some(r) = corr.at(last_i, c, half)
                        && best.is_none_or(|(_, br)| r > br)
                    {
                        best = Some((c, r));
                    }
                }
                let Some((c, r)) = best else { break };
                if r < 0.3 || x[c as usize].abs() as f64 <= 0.01 * peak && r < 0.7 {
                    break;
                }
                let rm = corr.at(last_i, c - 1, half).unwrap_or(r);
                let rp = corr.at(last_i, c + 1, half).unwrap_or(r);
                let tc = sample_time(c as usize, sr) + parabolic(rm, r, rp) / sr;
                if tc < tb - 0.5 * p || tc > te + 0.5 * p {
                    break;
                }
                stretch.push(tc);
                t = tc;
                last_i = c;
            }
        }
        out.extend(stretch);
    }
    out.sort_by(|a, b| a.total_cmp(b));
    out.dedup_by(|a, b| (*a - *b).abs() < SHORTEST_PERIOD);
    out
}

fn is_period(p: f64) -> bool {
    (SHORTEST_PERIOD..=LONGEST_PERIOD).contains(&p)
}

fn ratio(a: f64, b: f64) -> f64 {
    if a > b { a / b } else { b / a }
}

/// Mean of the valid periods (range and, where neighbours are periods too, the period factor).
fn mean_period(t: &[f64]) -> Option<f64> {
    let periods: Vec<f64> = t.windows(2).map(|w| w[1] - w[0]).collect();
    let mut sum = 0.0;
    let mut n = 0;
    for (i, &p) in periods.iter().enumerate() {
        if !is_period(p) {
            continue;
        }
        let prev_ok =
            i == 0 || !is_period(periods[i - 1]) || ratio(p, periods[i - 1]) <= PERIOD_FACTOR;
        let next_ok = i + 1 == periods.len()
            || !is_period(periods[i + 1])
            || ratio(p, periods[i + 1]) <= PERIOD_FACTOR;
        if prev_ok && next_ok {
            sum += p;
            n += 1;
        }
    }
    (n > 0).then(|| sum / n as f64)
}

/// Jitter (local): mean absolute difference of consecutive periods over the mean period, in %.
pub fn jitter_local_pct(t: &[f64]) -> Option<f64> {
    let mut sum = 0.0;
    let mut n = 0;
    for w in t.windows(3) {
        let (p1, p2) = (w[1] - w[0], w[2] - w[1]);
        if is_period(p1) && is_period(p2) && ratio(p1, p2) <= PERIOD_FACTOR {
            sum += (p1 - p2).abs();
            n += 1;
        }
    }
    let mean = mean_period(t)?;
    (n > 0).then(|| 100.0 * sum / n as f64 / mean)
}

/// Hann-windowed RMS around `tmid`, reaching `left` and `right` seconds to each side.
fn windowed_rms(x: &[f32], sr: f64, tmid: f64, left: f64, right: f64) -> Option<f64> {
    let a = ((tmid - left) * sr - 0.5).ceil().max(0.0) as usize;
    let b = (((tmid + right) * sr - 0.5).floor() as usize).min(x.len().saturating_sub(1));
    if b < a + 2 {
        return None;
    }
    let (mut ss, mut ww) = (0.0, 0.0);
    for (i, &v) in x.iter().enumerate().take(b + 1).skip(a) {
        let t = sample_time(i, sr);
        let width = if t < tmid { left } else { right };
        let w = 0.5 + 0.5 * (std::f64::consts::PI * (t - tmid) / width).cos();
        ss += (v as f64 * w).powi(2);
        ww += w * w;
    }
    (ww > 0.0).then(|| (ss / ww).sqrt())
}

/// Shimmer (local): mean absolute difference of consecutive period amplitudes over the mean
/// amplitude, in %.
pub fn shimmer_local_pct(x: &[f32], sr: f64, t: &[f64]) -> Option<f64> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for w in t.windows(3) {
        let (p1, p2) = (w[1] - w[0], w[2] - w[1]);
        if is_period(p1)
            && is_period(p2)
            && ratio(p1, p2) <= PERIOD_FACTOR
            && let Some(a) = windowed_rms(x, sr, w[1], 0.2 * p1, 0.2 * p2).filter(|a| *a > 0.0)
        {
            points.push((w[1], a));
        }
    }
    let mut sum = 0.0;
    let mut n = 0;
    for w in points.windows(2) {
        let ((t1, a1), (t2, a2)) = (w[0], w[1]);
        if is_period(t2 - t1) && ratio(a1, a2) <= AMPLITUDE_FACTOR {
            sum += (a1 - a2).abs();
            n += 1;
        }
    }
    if n == 0 {
        return None;
    }
    let mean = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
    Some(100.0 * sum / n as f64 / mean)
}
