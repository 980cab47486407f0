//! The works council's pooling: every bundle verified (the bad ones set aside with why), each
//! worker counted once however many overlapping bundles they sent, and their hourly and daily
//! figures gathered for [`super::summary::from_buckets`], which suppresses small cells.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use super::buckets::{Bucket, buckets};
use super::bundle::{self, FileProblem, Level, Unreadable, Verified};
use super::identity::PublicKey;
pub use super::register::Register;
use crate::events::Event;

/// A file that was not counted.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejected {
    Unreadable(PathBuf, Unreadable),
    NotIntact(PathBuf, Vec<bundle::Problem>),
    Io(PathBuf, String),
    /// Signed by a key the council did not register (in person, from the worker's QR).
    Unregistered(PathBuf),
    /// One of two bundles of one key whose logs do not extend each other: a forked log. Every
    /// bundle of that key is set aside.
    Forked(PathBuf),
}

impl Rejected {
    /// The file set aside (for the council's own terminal; never in what is passed around).
    pub fn path(&self) -> &Path {
        match self {
            Rejected::Unreadable(p, _)
            | Rejected::NotIntact(p, _)
            | Rejected::Io(p, _)
            | Rejected::Unregistered(p)
            | Rejected::Forked(p) => p,
        }
    }
}

/// One worker's figures, from all their bundles.
#[derive(Debug, Default)]
pub struct WorkerData {
    pub daily: BTreeMap<NaiveDateTime, Bucket>,
    pub hourly: BTreeMap<NaiveDateTime, Bucket>,
    /// Events by row number, so overlapping event bundles count each event once.
    events: BTreeMap<u64, Event>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Default)]
pub struct Pool {
    pub workers: BTreeMap<PublicKey, WorkerData>,
    pub rejected: Vec<Rejected>,
    pub files: usize,
    /// Only these keys are pooled; `None`: every key (the council chose to go without).
    pub register: Option<Register>,
    /// The heads of each worker's bundles pooled so far (to tell a forked log).
    heads: BTreeMap<PublicKey, Vec<(PathBuf, bundle::Bundle)>>,
    /// Keys whose log forked: none of their bundles count.
    forked: std::collections::BTreeSet<PublicKey>,
}

/// The bundle files named, or found (`*.json`) in the folders named.
pub fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(i)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(i.clone());
        }
    }
    out
}

impl Pool {
    /// A pool of the bundles signed by registered keys only.
    pub fn registered(register: Register) -> Pool {
        Pool {
            register: Some(register),
            ..Default::default()
        }
    }

    pub fn add_file(&mut self, path: &Path) {
        self.files += 1;
        match bundle::verify_file(path, &[]) {
            Ok(v) if v.intact() => self.add_from(path, v),
            Ok(v) => self
                .rejected
                .push(Rejected::NotIntact(path.into(), v.problems)),
            Err(FileProblem::Unreadable(e)) => {
                self.rejected.push(Rejected::Unreadable(path.into(), e))
            }
            Err(FileProblem::Io(e)) => self.rejected.push(Rejected::Io(path.into(), e.to_string())),
        }
    }

    /// A verified bundle, from `path`: set aside if its key is not registered or its log
    /// forks from another of the same key's; otherwise its figures are merged into its worker's.
    pub fn add_from(&mut self, path: &Path, v: Verified) {
        if self.register.as_ref().is_some_and(|r| !r.contains(&v.key)) {
            self.rejected.push(Rejected::Unregistered(path.into()));
            return;
        }
        if self.forked.contains(&v.key) {
            self.rejected.push(Rejected::Forked(path.into()));
            return;
        }
        let head = bundle::Bundle {
            events: Vec::new(),
            proof_nodes: BTreeMap::new(),
            aggregates: Vec::new(),
            ..v.bundle.clone()
        };
        let heads = self.heads.entry(v.key).or_default();
        let fork = heads
            .iter()
            .any(|(_, h)| !(bundle::extends(&head, h) || bundle::extends(h, &head)));
        if fork {
            let earlier = self.heads.remove(&v.key).unwrap_or_default();
            self.rejected
                .extend(earlier.into_iter().map(|(p, _)| Rejected::Forked(p)));
            self.rejected.push(Rejected::Forked(path.into()));
            self.workers.remove(&v.key);
            self.forked.insert(v.key);
            return;
        }
        heads.push((path.into(), head));
        self.add(v);
    }

    /// A verified bundle's figures, merged into its worker's: an hour or day already known from
    /// another bundle is kept once.
    pub fn add(&mut self, v: Verified) {
        let w = self.workers.entry(v.key).or_default();
        let b = v.bundle;
        w.from = Some(w.from.map_or(b.period.from, |f| f.min(b.period.from)));
        w.to = Some(w.to.map_or(b.period.to, |t| t.max(b.period.to)));
        match b.level {
            Level::Events => {
                for e in b.events {
                    if let Some(ev) = e.event() {
                        w.events.insert(e.seq, ev);
                    }
                }
            }
            Level::Hourly => {
                for a in b.aggregates {
                    w.hourly.entry(a.start).or_insert(a);
                }
            }
            Level::Daily => {
                for a in b.aggregates {
                    w.daily.entry(a.start).or_insert(a);
                }
            }
        }
    }

    /// Each worker's (daily, hourly) buckets; daily built from hourly where only hours came.
    pub fn buckets(&self) -> Vec<(Vec<Bucket>, Vec<Bucket>)> {
        self.workers
            .values()
            .map(|w| {
                let events: Vec<Event> = w.events.values().cloned().collect();
                let mut hourly = w.hourly.clone();
                for b in buckets(&events, 1) {
                    hourly.entry(b.start).or_insert(b);
                }
                let mut daily = w.daily.clone();
                for b in buckets(&events, 24) {
                    daily.entry(b.start).or_insert(b);
                }
                // Days known only from hourly bundles: their hours summed. (Looked up in a set:
                // scanning the events for each hour was quadratic on a year of events.)
                let event_days: std::collections::HashSet<NaiveDate> =
                    events.iter().map(|e| e.at.naive_local().date()).collect();
                for b in w.hourly.values() {
                    let day = b.start.date();
                    if w.daily
                        .contains_key(&day.and_hms_opt(0, 0, 0).expect("midnight"))
                        || event_days.contains(&day)
                    {
                        continue;
                    }
                    let start = day.and_hms_opt(0, 0, 0).expect("midnight");
                    let d = daily.entry(start).or_insert_with(|| Bucket {
                        start,
                        hours: 24,
                        ..Default::default()
                    });
                    merge(d, b);
                }
                (
                    daily.into_values().collect(),
                    hourly.into_values().collect(),
                )
            })
            .collect()
    }

    /// The council's report of what was pooled: `rejected` says why files were set aside (in
    /// words, each with how many), `signed_by` the council's key when its desk signs it.
    pub fn report(
        &self,
        rejected: Vec<(String, usize)>,
        signed_by: Option<PublicKey>,
        today: NaiveDate,
    ) -> super::summary::Report {
        let (from, to) = self.period().unwrap_or((today, today));
        super::summary::from_buckets(
            super::summary::Who::Council {
                workers: self.workers.len(),
                files: self.files,
                rejected,
                signed_by,
            },
            from,
            to,
            &self.buckets(),
        )
    }

    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let from = self.workers.values().filter_map(|w| w.from).min()?;
        let to = self.workers.values().filter_map(|w| w.to).max()?;
        Some((from, to))
    }
}

fn merge(d: &mut Bucket, b: &Bucket) {
    d.active_s += b.active_s;
    d.popups += b.popups;
    d.emotion_flagged += b.emotion_flagged;
    d.contradicted += b.contradicted;
    for (c, n) in &b.by_category {
        *d.by_category.entry(c.clone()).or_default() += n;
    }
    d.strain_episodes += b.strain_episodes;
    d.speech_s += b.speech_s;
    d.calls += b.calls;
    d.phone_s += b.phone_s;
    d.self_reports += b.self_reports;
}

/// The council's figures as JSON: totals and cells, suppressed ones as `null` with
/// `"suppressed": true`, never a pseudonym or key.
pub fn json(r: &super::summary::Report) -> Value {
    let cell = |c: super::summary::Cell| match c {
        Some(v) => serde_json::json!({ "value": v, "suppressed": false }),
        None => serde_json::json!({ "value": null, "suppressed": true }),
    };
    // A rate per worker-hour, suppressed with its count or its hours.
    let rate = |c: super::summary::Cell, hours: super::summary::Cell| match (c, hours) {
        (Some(v), Some(h)) if h > 0.0 => Some(v / h),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    let with_rate = |c: super::summary::Cell, hours: super::summary::Cell| {
        let mut v = cell(c);
        v["per_worker_hour"] = rate(c, hours).into();
        v
    };
    let workers = match &r.who {
        super::summary::Who::Council { workers, .. } => *workers,
        super::summary::Who::Worker { .. } => 1,
    };
    serde_json::json!({
        "workers": workers,
        "from": r.from,
        "to": r.to,
        "min_workers_per_cell": super::summary::MIN_WORKERS,
        "worker_hours": cell(r.active_hours),
        "popups": cell(r.popups),
        "emotion_flagged": cell(r.emotion),
        "contradicted": cell(r.contradicted),
        "strain_episodes": cell(r.strain),
        "calls": cell(r.calls),
        "phone_hours": cell(r.phone_hours),
        "popups_per_worker_hour": cell(rate(r.popups, r.active_hours)),
        "emotion_flagged_share": cell(match (r.emotion, r.popups) {
            (Some(e), Some(p)) if p > 0.0 => Some(e / p),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        }),
        "strain_episodes_per_worker_hour": cell(rate(r.strain, r.active_hours)),
        "by_hour_of_day": r.hour_of_day.iter().zip(&r.hour_of_day_active).map(|(c, h)| with_rate(*c, *h)).collect::<Vec<_>>(),
        "by_category": r.categories.iter().map(|(k, c)| (k.clone(), with_rate(*c, r.active_hours))).collect::<serde_json::Map<_, _>>(),
        "by_day": r.days.iter().map(|(d, x)| serde_json::json!({
            "date": d,
            "popups": cell(x.popups),
            "emotion_flagged": cell(x.emotion),
            "contradicted": cell(x.contradicted),
            "strain_episodes": cell(x.strain),
            "calls": cell(x.calls),
        })).collect::<Vec<_>>(),
    })
}
