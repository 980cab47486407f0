//! The figures of a report, and the council's privacy rule: a worker's own period from their
//! events, a council's from every worker's hourly and daily figures, where every cell built from
//! fewer than [`MIN_WORKERS`] workers is suppressed and no output names or fingerprints anyone.
//! The `report` module only draws them.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Timelike};

use super::buckets::{Bucket, buckets};
use super::popups::review;
use crate::events::{Consistency, Event, EventKind};
use crate::labels::consistency_text;
use crate::lang::Lang;
use crate::workload::{WorkloadSettings, compute};

/// Fewer workers than this behind a council figure: the figure is suppressed.
pub const MIN_WORKERS: usize = 5;

/// A figure, or `None` where it is suppressed.
pub type Cell = Option<f64>;

#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Worker {
        pseudonym: String,
        fingerprint: String,
    },
    Council {
        workers: usize,
        /// How many files were looked at.
        files: usize,
        /// Why exports were set aside, each with how many: never which file (a name may be in it).
        rejected: Vec<(String, usize)>,
        /// The council's own key, when the report is signed by its desk.
        signed_by: Option<super::identity::PublicKey>,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    pub popups: Cell,
    pub emotion: Cell,
    pub contradicted: Cell,
    pub strain: Cell,
    pub calls: Cell,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub who: Who,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub active_hours: Cell,
    pub popups: Cell,
    pub emotion: Cell,
    pub contradicted: Cell,
    pub consistent: Cell,
    pub strain: Cell,
    pub calls: Cell,
    pub phone_hours: Cell,
    pub longest_run_min: Cell,
    pub days: BTreeMap<NaiveDate, Day>,
    pub hour_of_day: Vec<Cell>,
    /// Hours of presence in each hour of the day (for rates per worker-hour).
    pub hour_of_day_active: Vec<Cell>,
    pub categories: BTreeMap<String, Cell>,
    /// Mean NASA-TLX scales and how many reports.
    pub self_report: Option<([f64; 6], usize)>,
    /// Sentences about pop-ups the measurements contradict (worker report only).
    pub examples: Vec<String>,
    /// When listening was interrupted (worker report only: the council pools counts).
    pub gaps: Vec<crate::workload::Gap>,
}

/// The report of one worker's events over a period.
pub fn for_worker(
    events: &[Event],
    from: NaiveDate,
    to: NaiveDate,
    pseudonym: String,
    fingerprint: String,
    lang: Lang,
) -> Report {
    let events: Vec<Event> = events
        .iter()
        .filter(|e| (from..=to).contains(&e.at.date_naive()))
        .cloned()
        .collect();
    let daily = buckets(&events, 24);
    let hourly = buckets(&events, 1);
    let mut r = from_buckets(
        Who::Worker {
            pseudonym,
            fingerprint,
        },
        from,
        to,
        &[(daily, hourly)],
    );
    let reviewed = review(&events);
    r.consistent = Some(
        reviewed
            .iter()
            .filter(|p| p.popup.consistency == Some(Consistency::Consistent))
            .map(|p| f64::from(p.popup.count))
            .sum::<f64>()
            + 0.0,
    );
    r.gaps = crate::workload::gaps(&events);
    r.examples = reviewed
        .iter()
        .filter(|p| p.popup.consistency == Some(Consistency::Contradicted))
        .take(30)
        .filter_map(|p| {
            consistency_text(&p.popup, lang)
                .map(|t| format!("{} — {t}", p.at.format("%Y-%m-%d %H:%M")))
        })
        .collect();
    let w = compute(&events, WorkloadSettings::default());
    r.longest_run_min = Some(w.total.longest_run_s / 60.0);
    let reports: Vec<[Option<u8>; 6]> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SelfReport(s) => Some([
                s.mental,
                s.physical,
                s.temporal,
                s.performance,
                s.effort,
                s.frustration,
            ]),
            _ => None,
        })
        .collect();
    if !reports.is_empty() {
        // Each scale's mean over the reports that answered it: an unanswered scale is not a 0.
        let mut mean = [f64::NAN; 6];
        for (k, m) in mean.iter_mut().enumerate() {
            let answered: Vec<f64> = reports.iter().filter_map(|r| r[k]).map(f64::from).collect();
            if !answered.is_empty() {
                *m = answered.iter().sum::<f64>() / answered.len() as f64;
            }
        }
        r.self_report = Some((mean, reports.len()));
    }
    r
}

/// Figures from each worker's (daily, hourly) buckets, cells under [`MIN_WORKERS`] suppressed
/// when there is more than one worker's data (a council) — one worker sees all of their own.
pub fn from_buckets(
    who: Who,
    from: NaiveDate,
    to: NaiveDate,
    workers: &[(Vec<Bucket>, Vec<Bucket>)],
) -> Report {
    let council = matches!(who, Who::Council { .. });
    let keep = |n: usize, v: f64| (!council || n >= MIN_WORKERS).then_some(v);
    let in_period = |b: &&Bucket| (from..=to).contains(&b.start.date());
    let n_all = workers.len();
    let sum = |f: &dyn Fn(&Bucket) -> f64| -> f64 {
        workers
            .iter()
            .flat_map(|(d, _)| d.iter().filter(in_period))
            .map(f)
            .sum()
    };
    let mut days: BTreeMap<NaiveDate, (usize, Day, [f64; 5])> = BTreeMap::new();
    for (daily, _) in workers {
        for b in daily.iter().filter(in_period) {
            let e = days.entry(b.start.date()).or_default();
            e.0 += 1;
            let v = [
                f64::from(b.popups),
                f64::from(b.emotion_flagged),
                f64::from(b.contradicted),
                f64::from(b.strain_episodes),
                f64::from(b.calls),
            ];
            for (sum, x) in e.2.iter_mut().zip(v) {
                *sum += x;
            }
        }
    }
    let days = days
        .into_iter()
        .map(|(d, (n, _, v))| {
            (
                d,
                Day {
                    popups: keep(n, v[0]),
                    emotion: keep(n, v[1]),
                    contradicted: keep(n, v[2]),
                    strain: keep(n, v[3]),
                    calls: keep(n, v[4]),
                },
            )
        })
        .collect();
    let mut hours = vec![(0usize, 0.0f64); 24];
    let mut active = [0.0f64; 24];
    let mut categories: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    for (daily, hourly) in workers {
        let mut worked = [false; 24];
        for b in hourly.iter().filter(in_period) {
            let h = b.start.hour() as usize;
            hours[h].1 += f64::from(b.popups);
            active[h] += b.active_s / 3600.0;
            worked[h] = true;
        }
        for (h, w) in worked.iter().enumerate() {
            hours[h].0 += usize::from(*w);
        }
        let mut mine: BTreeMap<&String, f64> = BTreeMap::new();
        for b in daily.iter().filter(in_period) {
            for (c, n) in &b.by_category {
                *mine.entry(c).or_default() += f64::from(*n);
            }
        }
        for (c, n) in mine {
            let e = categories.entry(c.clone()).or_default();
            e.0 += 1;
            e.1 += n;
        }
    }
    Report {
        who,
        from,
        to,
        active_hours: keep(n_all, sum(&|b| b.active_s) / 3600.0),
        popups: keep(n_all, sum(&|b| f64::from(b.popups))),
        emotion: keep(n_all, sum(&|b| f64::from(b.emotion_flagged))),
        contradicted: keep(n_all, sum(&|b| f64::from(b.contradicted))),
        consistent: None,
        strain: keep(n_all, sum(&|b| f64::from(b.strain_episodes))),
        calls: keep(n_all, sum(&|b| f64::from(b.calls))),
        phone_hours: keep(n_all, sum(&|b| b.phone_s) / 3600.0),
        longest_run_min: None,
        days,
        hour_of_day_active: hours
            .iter()
            .zip(active)
            .map(|((n, _), a)| keep(*n, a))
            .collect(),
        hour_of_day: hours.into_iter().map(|(n, v)| keep(n, v)).collect(),
        categories: categories
            .into_iter()
            .map(|(c, (n, v))| (c, keep(n, v)))
            .collect(),
        self_report: None,
        examples: Vec::new(),
        gaps: Vec::new(),
    }
}
