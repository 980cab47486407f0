//! Hourly and daily figures, for bundles that carry less than every event and for reports:
//! pop-ups (by category, flagged as emotion analysis, contradicted by measurement), vocal-strain
//! episodes, the worker's speech, calls, time on the phone, and the time the worker was active
//! (the shifts' time inside the hour or day), so councils can count per worker-hour.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use super::popups::review;
use crate::events::{Consistency, Event, EventKind};
use crate::workload::{WorkloadSettings, compute};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Bucket {
    /// The start of the hour or day, local time of the events in it.
    pub start: NaiveDateTime,
    pub hours: u32,
    pub active_s: f64,
    pub popups: u32,
    pub emotion_flagged: u32,
    pub contradicted: u32,
    pub by_category: BTreeMap<String, u32>,
    pub strain_episodes: u32,
    pub speech_s: f64,
    pub calls: u32,
    pub phone_s: f64,
    pub self_reports: u32,
}

enum Add {
    Popup {
        count: u32,
        flag: bool,
        contradicted: bool,
        category: String,
    },
    Strain,
    Speech(f64),
    SelfReport,
    Call(f64),
}

impl Add {
    fn apply(self, b: &mut Bucket) {
        match self {
            Add::Popup {
                count,
                flag,
                contradicted,
                category,
            } => {
                b.popups += count;
                b.emotion_flagged += if flag { count } else { 0 };
                b.contradicted += if contradicted { count } else { 0 };
                *b.by_category.entry(category).or_default() += count;
            }
            Add::Strain => b.strain_episodes += 1,
            Add::Speech(s) => b.speech_s += s,
            Add::SelfReport => b.self_reports += 1,
            Add::Call(h) => {
                b.calls += 1;
                b.phone_s += h;
            }
        }
    }
}

fn start_of(at: NaiveDateTime, hours: u32) -> NaiveDateTime {
    let hour = at.date().and_hms_opt(at.hour(), 0, 0).expect("valid hour");
    if hours >= 24 {
        at.date().and_hms_opt(0, 0, 0).expect("midnight")
    } else {
        hour
    }
}

/// Figures by hour (`hours` = 1) or by day (24), over the events given (all of a period).
pub fn buckets(events: &[Event], hours: u32) -> Vec<Bucket> {
    let mut out: BTreeMap<NaiveDateTime, Bucket> = BTreeMap::new();
    // Each event's contribution, applied to its bucket below.
    let mut adds: Vec<(DateTime<FixedOffset>, Add)> = Vec::new();
    for p in review(events) {
        let category = p
            .popup
            .category
            .map_or("uncategorised", |c| c.key())
            .to_string();
        adds.push((
            p.at,
            Add::Popup {
                count: p.popup.count,
                flag: p.popup.emotion_flag,
                contradicted: p.popup.consistency == Some(Consistency::Contradicted),
                category,
            },
        ));
    }
    for e in events {
        match &e.kind {
            EventKind::StrainEpisode(_) => adds.push((e.at, Add::Strain)),
            EventKind::SpeechSegment(s) => adds.push((e.at, Add::Speech(s.duration_s))),
            EventKind::SelfReport(_) => adds.push((e.at, Add::SelfReport)),
            _ => {}
        }
    }
    let w = compute(events, WorkloadSettings::default());
    adds.extend(w.calls.iter().map(|c| (c.start, Add::Call(c.handle_s))));
    for (t, add) in adds {
        let start = start_of(t.naive_local(), hours);
        let b = out.entry(start).or_insert_with(|| Bucket {
            start,
            hours,
            ..Default::default()
        });
        add.apply(b);
    }
    // Active time: each shift cut at the bucket edges (local time of its start).
    for s in &w.shifts {
        let (mut a, end) = (s.start.naive_local(), s.end.naive_local());
        while a < end {
            let start = start_of(a, hours);
            let next = (start + Duration::hours(i64::from(hours))).min(end);
            let b = out.entry(start).or_insert_with(|| Bucket {
                start,
                hours,
                ..Default::default()
            });
            b.active_s += (next - a).num_milliseconds() as f64 / 1000.0;
            a = next;
        }
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{PopupCategory, PopupSeen};

    #[test]
    fn popups_and_time_fall_in_their_hour() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let popup = |t: &str, c: PopupCategory, flag: bool| Event {
            at: at(t),
            kind: EventKind::PopupSeen(PopupSeen {
                category: Some(c),
                emotion_flag: flag,
                count: 1,
                ..Default::default()
            }),
        };
        let ev = vec![
            popup(
                "2026-11-24T09:10:00+01:00",
                PopupCategory::PaceFaster,
                false,
            ),
            popup("2026-11-24T09:50:00+01:00", PopupCategory::Empathy, true),
            popup("2026-11-24T10:05:00+01:00", PopupCategory::Empathy, true),
        ];
        let b = buckets(&ev, 1);
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].popups, b[0].emotion_flagged), (2, 1));
        assert_eq!(b[0].by_category["empathy"], 1);
        assert_eq!(b[0].active_s, 50.0 * 60.0);
        assert_eq!(b[1].active_s, 5.0 * 60.0);
        let d = buckets(&ev, 24);
        assert_eq!((d.len(), d[0].popups, d[0].hours), (1, 3, 24));
    }
}
