//! Periodicity analysis after Boersma (1993), with the settings Praat publishes, so the numbers
//! mean what voice experts expect:
//! - [`pitch_ac`]: "To Pitch (ac)", Hanning window of 3 periods of the floor, autocorrelation
//!   divided by the window's own, candidates scored with an octave cost, a Viterbi path with
//!   octave-jump and voiced/unvoiced costs (all per 10 ms).
//! - [`harmonicity_cc`]: "To Harmonicity (cc)", forward cross-correlation over one period; the
//!   best candidate's correlation r gives HNR = 10·log10(r / (1 − r)).

use realfft::num_complex::Complex;

/// One analysis frame's choice: 0 Hz when unvoiced, with the correlation strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PitchFrame {
    pub time_s: f64,
    pub f0_hz: f64,
    pub strength: f64,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    f: f64,
    r: f64,
}

/// Settings of the analysis; the defaults are Praat's for "To Pitch (ac)" with floor 75, ceiling 500.
#[derive(Debug, Clone, Copy)]
pub struct PitchSettings {
    pub floor_hz: f64,
    pub ceiling_hz: f64,
    pub periods_per_window: f64,
    pub time_step_s: f64,
    pub max_candidates: usize,
    pub silence_threshold: f64,
    pub voicing_threshold: f64,
    pub octave_cost: f64,
    pub octave_jump_cost: f64,
    pub voiced_unvoiced_cost: f64,
}

impl Default for PitchSettings {
    fn default() -> Self {
        Self {
            floor_hz: 75.0,
            ceiling_hz: 500.0,
            periods_per_window: 3.0,
            time_step_s: 0.01,
            max_candidates: 15,
            silence_threshold: 0.03,
            voicing_threshold: 0.45,
            octave_cost: 0.01,
            octave_jump_cost: 0.35,
            voiced_unvoiced_cost: 0.14,
        }
    }
}

/// Frame centres that fit symmetrically in the signal (Praat's short-term analysis layout).
/// Times are on Praat's sample grid, where sample i sits at (i + 0.5) / sr.
pub fn frame_times(n: usize, sr: f64, window_s: f64, step_s: f64) -> Vec<f64> {
    let duration = n as f64 / sr;
    if duration < window_s {
        return Vec::new();
    }
    let count = ((duration - window_s) / step_s).floor() as usize + 1;
    let t1 = 0.5 * duration - 0.5 * count as f64 * step_s + 0.5 * step_s;
    (0..count).map(|i| t1 + i as f64 * step_s).collect()
}

/// Index of the sample at or just before time `t` (0-based).
fn low_index(t: f64, sr: f64) -> isize {
    (t * sr - 0.5).floor() as isize
}

/// Windowed-sinc interpolation of `r` (defined for lags −len+1..len−1 by symmetry) at lag `x`.
/// sin(π(x − i)) only changes sign from one term to the next, and the raised-cosine window
/// follows a cosine recurrence, so each term costs a few multiplications.
fn sinc_at(r: &[f64], x: f64, depth: usize) -> f64 {
    let ix = x.floor();
    if (x - ix).abs() < 1e-12 {
        return r[(ix as isize).unsigned_abs().min(r.len() - 1)];
    }
    let n = r.len() as isize;
    let pi = std::f64::consts::PI;
    let depth_i = depth as isize;
    let scale = 1.0 / (depth as f64 + 0.5);
    let step = pi * scale;
    let (sin_step, cos_step) = step.sin_cos();
    let first = ix as isize - depth_i + 1;
    let offset = x - first as f64;
    // sin(π(x − i)) = (−1)^(i − first) · sin(π(x − first)).
    let mut sign_sin = (pi * offset).sin();
    // Window cosine of phase·scale, stepping by −π·scale per term.
    let (sin_p0, cos_p0) = (pi * offset * scale).sin_cos();
    let (mut c_prev, mut c) = (cos_p0 * cos_step - sin_p0 * sin_step, cos_p0);
    let mut sum = 0.0;
    for i in first..first + 2 * depth_i {
        let k = i.unsigned_abs() as isize;
        if k < n {
            sum += r[k as usize] * sign_sin / (pi * (x - i as f64)) * (0.5 + 0.5 * c);
        }
        sign_sin = -sign_sin;
        let next = 2.0 * cos_step * c - c_prev;
        c_prev = c;
        c = next;
    }
    sum
}

/// The interpolated correlation at lag `x` with its first and second derivatives, in one pass:
/// the windowed sinc g(u) = S(u)·W(u), S = sin πu / πu, W = ½ + ½ cos au, a = π / (depth + ½),
/// and its derivatives S' = (cos πu − S)/u, S'' = −π²S − 2S'/u, W' = −½a sin au, W'' = −½a² cos au.
fn sinc_with_slopes(r: &[f64], x: f64, depth: usize) -> (f64, f64, f64) {
    let n = r.len() as isize;
    let pi = std::f64::consts::PI;
    let depth_i = depth as isize;
    let a = pi / (depth as f64 + 0.5);
    let (sin_a, cos_a) = a.sin_cos();
    let first = x.floor() as isize - depth_i + 1;
    let u0 = x - first as f64;
    // sin πu and cos πu flip sign together from one term to the next (u falls by 1).
    let (mut sin_pu, mut cos_pu) = (pi * u0).sin_cos();
    let (mut sin_au, mut cos_au) = (a * u0).sin_cos();
    let (mut f, mut f1, mut f2) = (0.0, 0.0, 0.0);
    for i in first..first + 2 * depth_i {
        let u = x - i as f64;
        let k = i.unsigned_abs() as isize;
        if k < n {
            let (s, s1, s2) = if u.abs() < 1e-9 {
                (1.0, 0.0, -pi * pi / 3.0)
            } else {
                let s = sin_pu / (pi * u);
                let s1 = (cos_pu - s) / u;
                (s, s1, -pi * pi * s - 2.0 * s1 / u)
            };
            let w = 0.5 + 0.5 * cos_au;
            let w1 = -0.5 * a * sin_au;
            let w2 = -0.5 * a * a * cos_au;
            let rk = r[k as usize];
            f += rk * s * w;
            f1 += rk * (s1 * w + s * w1);
            f2 += rk * (s2 * w + 2.0 * s1 * w1 + s * w2);
        }
        sin_pu = -sin_pu;
        cos_pu = -cos_pu;
        // Rotate the window's angle back by a.
        (sin_au, cos_au) = (
            sin_au * cos_a - cos_au * sin_a,
            cos_au * cos_a + sin_au * sin_a,
        );
    }
    (f, f1, f2)
}

/// Maximises the interpolated correlation near lag `x0` by Newton's method on the exact
/// derivatives: from a parabolic estimate, two or three passes reach a millionth of a lag.
fn refine(r: &[f64], x0: f64, depth: usize) -> (f64, f64) {
    let mut x = x0;
    let mut best = (x0, f64::NEG_INFINITY);
    for _ in 0..4 {
        let (f, f1, f2) = sinc_with_slopes(r, x, depth);
        if f > best.1 {
            best = (x, f);
        }
        let step = if f2 < 0.0 {
            (-f1 / f2).clamp(-0.5, 0.5)
        } else {
            0.1f64.copysign(f1)
        };
        if step.abs() < 1e-6 {
            // Close enough that the quadratic model gives the peak's height.
            return (x + step, f - 0.5 * f1 * f1 / f2);
        }
        x = (x + step).clamp(x0 - 1.0, x0 + 1.0);
    }
    best
}

/// How much weaker than the best a candidate may be and still be refined. The path's costs
/// (octave jump 0.35 per octave, voicing change 0.14) rarely let a weaker one win: on the shared
/// speech, means are unchanged and F0 σ moves by 0.01 Hz at most, for half the pitch time.
const REFINE_MARGIN: f64 = 0.25;

/// Keeps the strongest candidates, favouring higher frequencies by the octave cost.
fn add_candidate(cands: &mut Vec<Candidate>, c: Candidate, s: &PitchSettings) {
    let score = |c: &Candidate| c.r - s.octave_cost * (s.floor_hz / c.f).log2();
    if cands.len() < s.max_candidates {
        cands.push(c);
        return;
    }
    let (weakest, w) = cands
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, k)| (i, score(k)))
        .fold(
            (0, f64::INFINITY),
            |acc, x| if x.1 < acc.1 { x } else { acc },
        );
    if weakest > 0 && score(&c) > w {
        cands[weakest] = c;
    }
}

/// A dot product in four independent sums, so the compiler can vectorise it.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            acc[k] += x[k] * y[k];
        }
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc[0] + acc[1] + acc[2] + acc[3] + tail
}

/// Candidate peaks of one frame's correlation `r[0..]`, refined by sinc interpolation.
fn candidates(
    r: &[f64],
    sr: f64,
    max_lag: usize,
    s: &PitchSettings,
    depth: usize,
    refine_best: usize,
) -> Vec<Candidate> {
    let upper = max_lag.min(r.len() - 1);
    // Peaks with their parabolic lag and height.
    let mut peaks: Vec<(f64, f64)> = (2..upper)
        .filter(|&i| r[i] > 0.5 * s.voicing_threshold && r[i] > r[i - 1] && r[i] >= r[i + 1])
        .map(|i| {
            let dr = 0.5 * (r[i + 1] - r[i - 1]);
            let d2r = 2.0 * r[i] - r[i - 1] - r[i + 1];
            if d2r != 0.0 {
                (i as f64 + dr / d2r, r[i] + 0.5 * dr * dr / d2r)
            } else {
                (i as f64, r[i])
            }
        })
        .collect();
    if refine_best < s.max_candidates && peaks.len() > refine_best + 2 {
        // Where only the few strongest matter (harmonicity), the parabolic heights pick them
        // (two spare): sinc interpolation moves a height by far less than separates the rest.
        peaks.sort_by(|a, b| b.1.total_cmp(&a.1));
        peaks.truncate(refine_best + 2);
    }
    let mut cands = vec![Candidate { f: 0.0, r: 0.0 }];
    for (lag, _) in peaks {
        let mut strength = sinc_at(r, lag, 30);
        if strength > 1.0 {
            strength = 1.0 / strength;
        }
        add_candidate(
            &mut cands,
            Candidate {
                f: sr / lag,
                r: strength,
            },
            s,
        );
    }
    if cands.len() - 1 > refine_best {
        // Only the strongest few can win where no path costs apply (harmonicity).
        cands[1..].sort_by(|a, b| b.r.total_cmp(&a.r));
        cands.truncate(refine_best + 1);
    }
    // A candidate far weaker than the best cannot win the path; its rough estimate is enough.
    let best = cands.iter().skip(1).map(|c| c.r).fold(0.0, f64::max);
    for c in cands.iter_mut().skip(1) {
        if c.r < best - REFINE_MARGIN {
            continue;
        }
        let x0 = (sr / c.f).clamp(2.0, r.len() as f64 - 2.0);
        let (lag, mut strength) = refine(r, x0, depth);
        if strength > 1.0 {
            strength = 1.0 / strength;
        }
        c.f = sr / lag;
        c.r = strength;
    }
    cands
}

/// The local score of the unvoiced candidate: the voicing threshold, raised in faint frames.
/// A voiced candidate scores at most 1.
fn unvoiced_score(intensity: f64, s: &PitchSettings) -> f64 {
    s.voicing_threshold
        + if s.silence_threshold <= 0.0 {
            0.0
        } else {
            (2.0 - intensity / (s.silence_threshold / (1.0 + s.voicing_threshold))).max(0.0)
        }
}

/// The best path through the candidates (Viterbi), as Praat's path finder scores it.
fn path(
    frames: &[(f64, Vec<Candidate>)],
    s: &PitchSettings,
    ceiling: f64,
    times: &[f64],
) -> Vec<PitchFrame> {
    if frames.is_empty() {
        return Vec::new();
    }
    let correction = 0.01 / s.time_step_s;
    let jump = s.octave_jump_cost * correction;
    let vu = s.voiced_unvoiced_cost * correction;
    let voiced = |c: &Candidate| c.f > 0.0 && c.f < ceiling;
    let local: Vec<Vec<f64>> = frames
        .iter()
        .map(|(intensity, cands)| {
            let unvoiced = unvoiced_score(*intensity, s);
            cands
                .iter()
                .map(|c| {
                    if voiced(c) {
                        c.r - s.octave_cost * (ceiling / c.f).log2()
                    } else {
                        unvoiced
                    }
                })
                .collect()
        })
        .collect();
    // log2 of each voiced candidate's frequency, NaN for unvoiced ones, computed once.
    let octaves: Vec<Vec<f64>> = frames
        .iter()
        .map(|(_, cands)| {
            cands
                .iter()
                .map(|c| if voiced(c) { c.f.log2() } else { f64::NAN })
                .collect()
        })
        .collect();
    let mut score = local[0].clone();
    let mut back: Vec<Vec<usize>> = vec![vec![0; score.len()]];
    for t in 1..frames.len() {
        let (prev, cur) = (&octaves[t - 1], &octaves[t]);
        let mut next = vec![f64::NEG_INFINITY; cur.len()];
        let mut from = vec![0; cur.len()];
        for (j, &oj) in cur.iter().enumerate() {
            for (k, &ok) in prev.iter().enumerate() {
                let cost = match (!ok.is_nan(), !oj.is_nan()) {
                    (false, false) => 0.0,
                    (true, true) => jump * (ok - oj).abs(),
                    _ => vu,
                };
                let v = score[k] - cost + local[t][j];
                if v > next[j] {
                    next[j] = v;
                    from[j] = k;
                }
            }
        }
        score = next;
        back.push(from);
    }
    let mut j = score
        .iter()
        .enumerate()
        .fold(
            (0, f64::NEG_INFINITY),
            |a, (i, &v)| if v > a.1 { (i, v) } else { a },
        )
        .0;
    let mut out = vec![
        PitchFrame {
            time_s: 0.0,
            f0_hz: 0.0,
            strength: 0.0
        };
        frames.len()
    ];
    for t in (0..frames.len()).rev() {
        let c = frames[t].1[j];
        out[t] = PitchFrame {
            time_s: times[t],
            f0_hz: if voiced(&c) { c.f } else { 0.0 },
            strength: c.r,
        };
        j = back[t][j];
    }
    out
}

fn global_peak(x: &[f32]) -> f64 {
    let mean = x.iter().map(|&v| v as f64).sum::<f64>() / x.len().max(1) as f64;
    x.iter()
        .map(|&v| (v as f64 - mean).abs())
        .fold(0.0, f64::max)
}

fn local_mean(x: &[f32], left: isize, nsamp_period: isize) -> f64 {
    let (a, b) = (
        (left + 1 - nsamp_period).max(0),
        (left + nsamp_period).min(x.len() as isize - 1),
    );
    x[a as usize..=b as usize]
        .iter()
        .map(|&v| v as f64)
        .sum::<f64>()
        / (2 * nsamp_period) as f64
}

/// "To Pitch (ac)". `x` is mono, `sr` its sample rate.
pub fn pitch_ac(x: &[f32], sr: f64, s: &PitchSettings) -> Vec<PitchFrame> {
    let nsamp_period = (sr / s.floor_hz).floor() as isize;
    let half_period = nsamp_period / 2 + 1;
    let window_s = s.periods_per_window / s.floor_hz;
    let half_window = (window_s * sr).floor() as isize / 2 - 1;
    let nwin = (2 * half_window) as usize;
    let max_lag = ((nwin as f64 / s.periods_per_window).floor() as usize + 2).min(nwin);
    let ceiling = s.ceiling_hz.min(0.5 * sr);
    let times = frame_times(x.len(), sr, window_s, s.time_step_s);
    let peak = global_peak(x);
    if times.is_empty() || peak == 0.0 {
        return times
            .iter()
            .map(|&t| PitchFrame {
                time_s: t,
                f0_hz: 0.0,
                strength: 0.0,
            })
            .collect();
    }
    let mut nfft = 1;
    while (nfft as f64) < nwin as f64 * 1.5 {
        nfft *= 2;
    }
    let ixmax = (nwin as f64 * 0.5).floor() as usize;
    let window: Vec<f64> = (1..=nwin)
        .map(|i| 0.5 - 0.5 * (2.0 * std::f64::consts::PI * i as f64 / (nwin as f64 + 1.0)).cos())
        .collect();
    // The window's own autocorrelation, exactly, once.
    let window_r: Vec<f64> = (0..=ixmax)
        .map(|lag| dot(&window[..nwin - lag], &window[lag..]))
        .collect();
    let window_r: Vec<f64> = window_r.iter().map(|v| v / window_r[0]).collect();
    // Autocorrelation as the inverse transform of the power spectrum (real FFTs, in f32: twice
    // the vector width, and strengths still good to 1e-6).
    let mut planner = realfft::RealFftPlanner::<f32>::new();
    let (fwd, inv) = (
        planner.plan_fft_forward(nfft),
        planner.plan_fft_inverse(nfft),
    );
    let mut spectrum = fwd.make_output_vec();
    let mut autocorr = |input: &mut Vec<f32>, out: &mut Vec<f32>| {
        fwd.process(input, &mut spectrum)
            .expect("sizes from the planner");
        for c in spectrum.iter_mut() {
            *c = Complex::new(c.norm_sqr(), 0.0);
        }
        inv.process(&mut spectrum, out)
            .expect("sizes from the planner");
    };

    let vu = s.voiced_unvoiced_cost * 0.01 / s.time_step_s;
    let mut buf = fwd.make_input_vec();
    let mut ac = inv.make_output_vec();
    let mut r = vec![0.0; ixmax + 1];
    let frames: Vec<(f64, Vec<Candidate>)> = times
        .iter()
        .map(|&t| {
            let left = low_index(t, sr);
            let mean = local_mean(x, left, nsamp_period);
            let start = left + 1 - half_window;
            // The window's samples that fall inside the signal: j in j0..j1.
            let j0 = (-start).clamp(0, nwin as isize) as usize;
            let j1 = (x.len() as isize - start).clamp(j0 as isize, nwin as isize) as usize;
            let inside = |a: usize, b: usize| {
                let a = a.clamp(j0, j1);
                let b = b.clamp(a, j1);
                let from = (start + a as isize) as usize;
                x[from..from + (b - a)]
                    .iter()
                    .zip(&window[a..b])
                    .map(move |(&v, &w)| (v as f64 - mean) * w)
            };
            // The local peak (within half a period of the centre) decides silence first.
            let (a, b) = (
                (half_window - half_period).max(0) as usize,
                ((half_window + half_period) as usize).min(nwin),
            );
            let local_peak = inside(a, b).map(f64::abs).fold(0.0, f64::max);
            let intensity = (local_peak / peak).min(1.0);
            // So faint that no path can be voiced here: the correlation cannot matter.
            if local_peak == 0.0 || unvoiced_score(intensity, s) > 1.0 + 2.0 * vu {
                return (intensity, vec![Candidate { f: 0.0, r: 0.0 }]);
            }
            // Rewritten whole: the transform uses its input as scratch.
            buf.fill(0.0);
            for (v, w) in buf[j0..j1].iter_mut().zip(inside(j0, j1)) {
                *v = w as f32;
            }
            autocorr(&mut buf, &mut ac);
            r[0] = 1.0;
            for i in 1..=ixmax {
                r[i] = ac[i] as f64 / (ac[0] as f64 * window_r[i]);
            }
            (
                intensity,
                candidates(&r, sr, max_lag, s, 30, s.max_candidates),
            )
        })
        .collect();
    path(&frames, s, ceiling, &times)
}

/// "To Harmonicity (cc)" with one period per window, silence threshold 0.1; -200 dB where unvoiced.
pub fn harmonicity_cc(x: &[f32], sr: f64, floor_hz: f64, time_step_s: f64) -> Vec<f64> {
    let s = PitchSettings {
        floor_hz,
        ceiling_hz: 0.5 * sr,
        periods_per_window: 1.0,
        time_step_s,
        max_candidates: 15,
        silence_threshold: 0.1,
        voicing_threshold: 0.0,
        octave_cost: 0.0,
        octave_jump_cost: 0.0,
        voiced_unvoiced_cost: 0.0,
    };
    let nsamp_period = (sr / floor_hz).floor() as isize;
    let half_period = nsamp_period / 2 + 1;
    let window_s = 1.0 / floor_hz;
    let half_window = (window_s * sr).floor() as isize / 2 - 1;
    let nwin = (2 * half_window) as usize;
    let max_lag = (nwin + 2).min(nwin);
    let times = frame_times(x.len(), sr, 1.0 / floor_hz + window_s, time_step_s);
    let peak = global_peak(x);
    let mut r = vec![0.0; nwin + 1];
    let mut seg = vec![0.0f64; nwin + max_lag + 1];
    // All lags at once: cross-correlation through real FFTs. Lags 0..=nwin of a window against
    // a span of at most nwin + max_lag samples never wrap in that length.
    let nfft = (nwin + max_lag + 1).next_power_of_two();
    let mut planner = realfft::RealFftPlanner::<f64>::new();
    let (fwd, inv) = (
        planner.plan_fft_forward(nfft),
        planner.plan_fft_inverse(nfft),
    );
    let (mut xa, mut xb) = (fwd.make_input_vec(), fwd.make_input_vec());
    let (mut fa, mut fb) = (fwd.make_output_vec(), fwd.make_output_vec());
    let mut products = inv.make_output_vec();
    times
        .iter()
        .map(|&t| {
            if peak == 0.0 {
                return -200.0;
            }
            let left = low_index(t, sr);
            let mean = local_mean(x, left, nsamp_period);
            // The local peak around the frame centre decides silence before any correlation.
            let fstart = left + 1 - half_window;
            let (a, b) = (
                (half_window - half_period).max(0),
                (half_window + half_period - 1).min(nwin as isize - 1),
            );
            let local_peak = (a..=b)
                .map(|j| {
                    let idx = fstart + j;
                    if idx >= 0 && (idx as usize) < x.len() {
                        (x[idx as usize] as f64 - mean).abs()
                    } else {
                        0.0
                    }
                })
                .fold(0.0, f64::max);
            let intensity = (local_peak / peak).min(1.0);
            // Unvoiced strength 2 − intensity/0.1 ≥ 1 beats any correlation: skip the work.
            if local_peak == 0.0 || intensity <= 0.1 {
                return -200.0;
            }
            let start = low_index(t - 0.5 * (1.0 / floor_hz + window_s), sr) + 1;
            let start = start.max(0) as usize;
            let span = (max_lag + nwin).min(x.len().saturating_sub(start));
            if span <= nwin {
                return -200.0;
            }
            let local_max_lag = span - nwin;
            for (k, v) in seg.iter_mut().enumerate().take(span) {
                *v = x[start + k] as f64 - mean;
            }
            let sumx2: f64 = seg[..nwin].iter().map(|v| v * v).sum();
            xa.fill(0.0);
            xa[..nwin].copy_from_slice(&seg[..nwin]);
            xb.fill(0.0);
            xb[..span].copy_from_slice(&seg[..span]);
            fwd.process(&mut xa, &mut fa)
                .expect("sizes from the planner");
            fwd.process(&mut xb, &mut fb)
                .expect("sizes from the planner");
            for (a, b) in fa.iter_mut().zip(&fb) {
                *a = a.conj() * b;
            }
            inv.process(&mut fa, &mut products)
                .expect("sizes from the planner");
            let scale = 1.0 / nfft as f64;
            let mut sumy2 = sumx2;
            r[0] = 1.0;
            for i in 1..=nwin {
                if i <= local_max_lag {
                    let y0 = seg[i - 1];
                    let yz = seg[i - 1 + nwin];
                    sumy2 += yz * yz - y0 * y0;
                    let denom = (sumx2 * sumy2).sqrt();
                    r[i] = if denom > 0.0 {
                        products[i] * scale / denom
                    } else {
                        0.0
                    };
                } else {
                    r[i] = 0.0;
                }
            }
            let cands = candidates(&r, sr, max_lag.min(local_max_lag + 1), &s, 70, 2);
            let best = path(&[(intensity, cands)], &s, s.ceiling_hz, &[t]);
            let (f, strength) = (best[0].f0_hz, best[0].strength);
            if f <= 0.0 {
                -200.0
            } else if strength <= 1e-15 {
                -150.0
            } else if strength > 1.0 - 1e-15 {
                150.0
            } else {
                10.0 * (strength / (1.0 - strength)).log10()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(f: f64, secs: f64, sr: f64) -> Vec<f32> {
        (0..(secs * sr) as usize)
            .map(|i| (0.5 * (2.0 * std::f64::consts::PI * f * i as f64 / sr).sin()) as f32)
            .collect()
    }

    #[test]
    fn a_pure_tone_reads_its_frequency() {
        for f in [100.0, 150.0, 220.0] {
            let frames = pitch_ac(&tone(f, 1.0, 16000.0), 16000.0, &PitchSettings::default());
            let voiced: Vec<f64> = frames
                .iter()
                .filter(|p| p.f0_hz > 0.0)
                .map(|p| p.f0_hz)
                .collect();
            assert!(voiced.len() as f64 > 0.9 * frames.len() as f64);
            let mean = voiced.iter().sum::<f64>() / voiced.len() as f64;
            assert!((mean - f).abs() / f < 0.005, "{f} Hz read as {mean}");
        }
    }

    #[test]
    fn silence_is_unvoiced() {
        let frames = pitch_ac(&vec![0.0; 16000], 16000.0, &PitchSettings::default());
        assert!(frames.iter().all(|p| p.f0_hz == 0.0));
    }
}
