//! The worker's own baseline and vocal-strain episodes.
//!
//! Each indicator is compared with the worker's recent speech by a robust z-score:
//! z = (x − median) / (1.4826 · MAD), over the last `window` segments. A segment counts as
//! strained when at least `min_indicators` of the effort indicators (F0 up, jitter up, shimmer up,
//! HNR down, intensity up) lie `z_threshold` or more beyond the baseline; an episode is a run of
//! strained segments lasting at least `min_duration_s`, with no gap over `max_gap_s`.
//! These are indicators of vocal effort, never a diagnosis.

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::Measures;
use crate::events::Indicator;

/// Thresholds, documented above; all configurable.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(default)]
pub struct StrainSettings {
    pub window: usize,
    pub min_segments: usize,
    pub z_threshold: f64,
    pub min_indicators: usize,
    pub min_duration_s: f64,
    pub max_gap_s: f64,
}

impl Default for StrainSettings {
    fn default() -> Self {
        Self {
            window: 3000,
            min_segments: 30,
            z_threshold: 2.0,
            min_indicators: 3,
            min_duration_s: 60.0,
            max_gap_s: 120.0,
        }
    }
}

fn values(m: &Measures) -> [(Indicator, Option<f64>); 8] {
    [
        (Indicator::F0Mean, m.f0_mean_hz),
        (Indicator::F0Sd, m.f0_sd_hz),
        (Indicator::Jitter, m.jitter_local_pct),
        (Indicator::Shimmer, m.shimmer_local_pct),
        (Indicator::Hnr, m.hnr_db),
        (Indicator::Intensity, m.intensity_db),
        (Indicator::PauseRatio, m.pause_ratio),
        (Indicator::SyllableRate, m.syllables_per_s),
    ]
}

/// +1 where a higher value means more effort, −1 where lower does; 0 not counted for strain.
fn effort_sign(i: Indicator) -> f64 {
    match i {
        Indicator::F0Mean | Indicator::Jitter | Indicator::Shimmer | Indicator::Intensity => 1.0,
        Indicator::Hnr => -1.0,
        _ => 0.0,
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    }
}

/// Robust per-indicator baseline over the worker's recent segments.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    history: BTreeMap<Indicator, VecDeque<f64>>,
    window: usize,
}

impl Baseline {
    pub fn new(window: usize) -> Self {
        Self {
            history: BTreeMap::new(),
            window,
        }
    }

    pub fn add(&mut self, m: &Measures) {
        for (i, v) in values(m) {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                let h = self.history.entry(i).or_default();
                h.push_back(v);
                if h.len() > self.window {
                    h.pop_front();
                }
            }
        }
    }

    /// Segments behind the baseline (the most of any indicator's).
    pub fn len(&self) -> usize {
        self.history.values().map(VecDeque::len).max().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Robust z-scores of `m` against the baseline, for indicators with `min` values at least.
    pub fn z(&self, m: &Measures, min: usize) -> BTreeMap<Indicator, f64> {
        let mut out = BTreeMap::new();
        for (i, v) in values(m) {
            let (Some(v), Some(h)) = (v, self.history.get(&i)) else {
                continue;
            };
            if h.len() < min {
                continue;
            }
            let mut xs: Vec<f64> = h.iter().copied().collect();
            let med = median(&mut xs);
            let mut dev: Vec<f64> = xs.iter().map(|x| (x - med).abs()).collect();
            let mad = 1.4826 * median(&mut dev);
            if mad > 1e-12 {
                out.insert(i, (v - med) / mad);
            }
        }
        out
    }
}

struct Open {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zs: Vec<BTreeMap<Indicator, f64>>,
}

/// Follows segments through time and reports strain episodes.
pub struct StrainTracker {
    pub settings: StrainSettings,
    baseline: Baseline,
    open: Option<Open>,
    effort: Option<f64>,
}

/// Where the worker's voice stands against their own baseline, for a gauge: an indicator of
/// vocal effort, never a diagnosis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gauge {
    /// Still learning the worker's usual voice: segments heard so far, and needed.
    Learning { heard: usize, needed: usize },
    /// The recent mean deviation of the effort indicators (F0, jitter, shimmer and intensity
    /// up, HNR down), in robust z units; 0 is the worker's usual.
    Effort(f64),
}

/// Weight of the newest segment in the gauge's running mean (about the last ten segments).
const GAUGE_WEIGHT: f64 = 0.2;

impl StrainTracker {
    pub fn new(settings: StrainSettings) -> Self {
        Self {
            settings,
            baseline: Baseline::new(settings.window),
            open: None,
            effort: None,
        }
    }

    /// The gauge after the segments pushed so far.
    pub fn gauge(&self) -> Gauge {
        match self.effort {
            Some(e) => Gauge::Effort(e),
            None => Gauge::Learning {
                heard: self.baseline.len(),
                needed: self.settings.min_segments,
            },
        }
    }

    /// Whether these z-scores make a strained segment.
    fn strained(&self, z: &BTreeMap<Indicator, f64>) -> bool {
        z.iter()
            .filter(|(i, z)| {
                effort_sign(**i) * **z >= self.settings.z_threshold && effort_sign(**i) != 0.0
            })
            .count()
            >= self.settings.min_indicators
    }

    /// Feeds one of the worker's segments (started at `start`, lasting `duration_s`); returns an
    /// episode when one ends. The segment then joins the baseline.
    pub fn push(
        &mut self,
        start: DateTime<Utc>,
        duration_s: f64,
        m: &Measures,
    ) -> Option<crate::events::StrainEpisode> {
        let z = self.baseline.z(m, self.settings.min_segments);
        self.baseline.add(m);
        let signed: Vec<f64> = z
            .iter()
            .filter(|(i, _)| effort_sign(**i) != 0.0)
            .map(|(i, z)| (effort_sign(*i) * z).clamp(-4.0, 4.0))
            .collect();
        if !signed.is_empty() {
            let e = signed.iter().sum::<f64>() / signed.len() as f64;
            self.effort = Some(match self.effort {
                Some(prev) => prev + GAUGE_WEIGHT * (e - prev),
                None => e,
            });
        }
        let end = start + Duration::milliseconds((duration_s * 1000.0) as i64);
        let gap_ok = |o: &Open| {
            (start - o.end).num_milliseconds() as f64 <= self.settings.max_gap_s * 1000.0
        };
        if self.strained(&z) {
            match &mut self.open {
                Some(o) if gap_ok(o) => {
                    o.end = end;
                    o.zs.push(z);
                    return None;
                }
                _ => {
                    let done = self.close();
                    self.open = Some(Open {
                        start,
                        end,
                        zs: vec![z],
                    });
                    return done;
                }
            }
        }
        self.close()
    }

    /// Fills the baseline with earlier segments (oldest first) before listening starts.
    pub fn seed(&mut self, earlier: &[Measures]) {
        for m in earlier {
            self.baseline.add(m);
        }
    }

    /// Ends any open run (end of stream, pause); returns it if long enough to be an episode.
    pub fn close(&mut self) -> Option<crate::events::StrainEpisode> {
        let o = self.open.take()?;
        let duration_s = (o.end - o.start).num_milliseconds() as f64 / 1000.0;
        if duration_s < self.settings.min_duration_s {
            return None;
        }
        let mut indicators = BTreeMap::new();
        let keys: Vec<Indicator> = o.zs.iter().flat_map(|z| z.keys().copied()).collect();
        for k in keys {
            let mut v: Vec<f64> = o.zs.iter().filter_map(|z| z.get(&k).copied()).collect();
            if !v.is_empty() && effort_sign(k) != 0.0 {
                let med = median(&mut v);
                if effort_sign(k) * med >= self.settings.z_threshold {
                    indicators.insert(k, med);
                }
            }
        }
        Some(crate::events::StrainEpisode {
            started: o.start.fixed_offset(),
            duration_s,
            indicators,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(f0: f64, jitter: f64, shimmer: f64, hnr: f64, int: f64) -> Measures {
        Measures {
            f0_mean_hz: Some(f0),
            jitter_local_pct: Some(jitter),
            shimmer_local_pct: Some(shimmer),
            hnr_db: Some(hnr),
            intensity_db: Some(int),
            ..Default::default()
        }
    }

    #[test]
    fn the_gauge_learns_then_rises_with_effort_and_comes_back() {
        let mut t = StrainTracker::new(StrainSettings::default());
        let at = Utc::now();
        for k in 0..10 {
            t.push(at, 3.0, &seg(200.0 + (k % 3) as f64, 1.0, 3.0, 15.0, 70.0));
        }
        assert_eq!(
            t.gauge(),
            Gauge::Learning {
                heard: 10,
                needed: 30
            }
        );
        for k in 0..30 {
            t.push(
                at,
                3.0,
                &seg(
                    200.0 + (k % 5) as f64,
                    1.0 + 0.01 * (k % 4) as f64,
                    3.0 + 0.02 * (k % 3) as f64,
                    15.0 - 0.1 * (k % 4) as f64,
                    70.0 + 0.2 * (k % 5) as f64,
                ),
            );
        }
        let Gauge::Effort(usual) = t.gauge() else {
            panic!("{:?}", t.gauge())
        };
        assert!(usual.abs() < 1.0, "{usual}");
        for _ in 0..15 {
            t.push(at, 3.0, &seg(240.0, 1.6, 4.5, 11.0, 76.0));
        }
        let Gauge::Effort(strained) = t.gauge() else {
            unreachable!()
        };
        assert!(strained > 2.0, "{strained}");
    }

    #[test]
    fn a_seeded_baseline_judges_the_first_segment_already() {
        let mut t = StrainTracker::new(StrainSettings {
            min_duration_s: 0.0,
            ..StrainSettings::default()
        });
        let calm: Vec<Measures> = (0..40)
            .map(|k| {
                let w = (k % 5) as f64 - 2.0;
                seg(
                    180.0 + w,
                    2.0 + 0.05 * w,
                    9.0 + 0.2 * w,
                    14.0 - 0.2 * w,
                    70.0 + 0.3 * w,
                )
            })
            .collect();
        t.seed(&calm);
        let at = Utc::now();
        assert!(
            t.push(at, 3.0, &seg(230.0, 3.0, 13.0, 10.0, 78.0))
                .is_none()
        );
        let ep = t
            .close()
            .expect("strained from the first segment, thanks to the seed");
        assert_eq!(ep.indicators.len(), 5);
    }

    #[test]
    fn a_sustained_run_beyond_the_baseline_is_an_episode_and_a_blip_is_not() {
        let mut t = StrainTracker::new(StrainSettings::default());
        let t0 = Utc::now();
        let mut at = t0;
        // A calm baseline with natural spread.
        for k in 0..60 {
            let w = (k % 7) as f64 - 3.0;
            assert!(
                t.push(
                    at,
                    3.0,
                    &seg(
                        180.0 + w,
                        2.0 + 0.05 * w,
                        9.0 + 0.2 * w,
                        14.0 - 0.2 * w,
                        70.0 + 0.3 * w
                    )
                )
                .is_none()
            );
            at += Duration::seconds(5);
        }
        // One strained segment alone: no episode.
        assert!(
            t.push(at, 3.0, &seg(230.0, 3.0, 13.0, 10.0, 78.0))
                .is_none()
        );
        at += Duration::seconds(5);
        assert!(t.push(at, 3.0, &seg(180.0, 2.0, 9.0, 14.0, 70.0)).is_none());
        // Ninety seconds of raised effort, then calm again.
        for _ in 0..18 {
            at += Duration::seconds(5);
            assert!(
                t.push(at, 4.0, &seg(230.0, 3.0, 13.0, 10.0, 78.0))
                    .is_none()
            );
        }
        at += Duration::seconds(5);
        let ep = t
            .push(at, 3.0, &seg(180.0, 2.0, 9.0, 14.0, 70.0))
            .expect("an episode");
        assert!(
            ep.duration_s >= 85.0 && ep.duration_s <= 95.0,
            "{}",
            ep.duration_s
        );
        assert!(ep.indicators[&Indicator::F0Mean] > 2.0);
        assert!(ep.indicators[&Indicator::Hnr] < -2.0);
    }
}
