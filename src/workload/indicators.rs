//! Workload indicators from the stored events, per shift, per day, per hour of day and in total.
//!
//! Definitions (also in the report's method section):
//! - **Call**: from a call's first to its last burst of the worker's speech ([`super::calls`]), or
//!   between the worker's manual marks; overlapping calls from several sources are merged into
//!   one (never counted twice). Duration (handle time) from the audio stream's clock where the call
//!   came from speech, so clock changes do not alter it.
//! - **Recovery time**: from a call's end to the next call's start, within a shift.
//! - **Shift**: from the first to the last activity (speech, call, pop-up, self-report) with no gap
//!   longer than [`WorkloadSettings::shift_gap_h`]; its length is the logged time.
//! - **Occupancy**: time in calls over logged time.
//! - **Run without a break**: consecutive calls each followed by less than
//!   [`WorkloadSettings::break_min`] minutes of recovery; its length, first start to last end.
//! - **Evening and night**: time in calls between 20:00 and 07:00, local time of the call;
//!   **weekend**: on Saturday or Sunday.
//!
//! Hours of day and days are those of the local time in force when the call happened (the offset
//! is stored with each event), so evening work stays evening work across DST and travel.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::events::{Event, EventKind, MarkSource};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkloadSettings {
    /// A recovery at least this long (minutes) is a break.
    pub break_min: f64,
    /// A gap in activity longer than this (hours) separates shifts.
    pub shift_gap_h: f64,
}

impl Default for WorkloadSettings {
    fn default() -> Self {
        Self {
            break_min: 5.0,
            shift_gap_h: 2.0,
        }
    }
}

/// One call as the record shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Call {
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub handle_s: f64,
    /// The worker's own speech in it, where measured.
    pub talk_s: f64,
    pub popups: u32,
    /// Where its start and end came from (several when merged).
    pub sources: Vec<MarkSource>,
    /// Still open when the app stopped: closed at the last activity.
    pub closed_at_quit: bool,
}

/// Figures over a span (a shift, a day, everything).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Figures {
    pub calls: usize,
    pub phone_s: f64,
    pub logged_s: f64,
    pub mean_handle_s: Option<f64>,
    pub mean_recovery_s: Option<f64>,
    pub min_recovery_s: Option<f64>,
    pub occupancy: Option<f64>,
    pub longest_run_s: f64,
    pub longest_run_calls: usize,
    pub evening_s: f64,
    pub weekend_s: f64,
    /// Pop-ups seen during these calls (all pop-ups: `temoin popup list`).
    pub popups: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub figures: Figures,
}

/// Calls started and time on the phone by hour of the day (0–23, local time).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Hour {
    pub calls: usize,
    pub phone_s: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    pub calls: Vec<Call>,
    pub shifts: Vec<Shift>,
    pub days: Vec<Day>,
    pub hours: Vec<Hour>,
    pub total: Figures,
}

fn secs(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> f64 {
    (b - a).num_milliseconds() as f64 / 1000.0
}

fn back(at: DateTime<FixedOffset>, s: f64) -> DateTime<FixedOffset> {
    at - chrono::Duration::milliseconds((s * 1000.0).round() as i64)
}

/// An interval of one source, before merging.
struct Piece {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    handle_s: f64,
    talk_s: f64,
    source: MarkSource,
    closed_at_quit: bool,
}

/// Computes everything from events in any order.
pub fn compute(events: &[Event], settings: WorkloadSettings) -> Workload {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by_key(|e| e.at.with_timezone(&Utc));
    let calls = calls(&sorted);
    let shifts = corrected(shifts(&sorted, &calls, settings), &sorted);
    let shift_figures: Vec<Shift> = shifts
        .iter()
        .map(|&(start, end)| {
            let in_shift: Vec<&Call> = calls
                .iter()
                .filter(|c| c.start >= start && c.start <= end)
                .collect();
            Shift {
                start,
                end,
                figures: figures(&in_shift, secs(start, end), settings),
            }
        })
        .collect();
    // Days: calls by local date of their start; logged time of the shifts that start that day.
    let mut by_day: BTreeMap<NaiveDate, (Vec<&Call>, f64)> = BTreeMap::new();
    for c in &calls {
        by_day.entry(c.start.date_naive()).or_default().0.push(c);
    }
    for s in &shift_figures {
        by_day.entry(s.start.date_naive()).or_default().1 += s.figures.logged_s;
    }
    let days = by_day
        .into_iter()
        .map(|(date, (cs, logged))| Day {
            date,
            figures: figures(&cs, logged, settings),
        })
        .collect();
    let mut hours = vec![Hour::default(); 24];
    for c in &calls {
        let h = &mut hours[c.start.hour() as usize];
        h.calls += 1;
        h.phone_s += c.handle_s;
    }
    let all: Vec<&Call> = calls.iter().collect();
    let mut total = figures(
        &all,
        shift_figures.iter().map(|s| s.figures.logged_s).sum(),
        settings,
    );
    // Runs and recoveries do not cross shifts.
    total.longest_run_s = shift_figures
        .iter()
        .map(|s| s.figures.longest_run_s)
        .fold(0.0, f64::max);
    total.longest_run_calls = shift_figures
        .iter()
        .map(|s| s.figures.longest_run_calls)
        .max()
        .unwrap_or(0);
    let rec: Vec<(f64, usize)> = shift_figures
        .iter()
        .filter_map(|s| {
            s.figures
                .mean_recovery_s
                .map(|m| (m, s.figures.calls.saturating_sub(1)))
        })
        .collect();
    let n: usize = rec.iter().map(|r| r.1).sum();
    total.mean_recovery_s =
        (n > 0).then(|| rec.iter().map(|(m, k)| m * *k as f64).sum::<f64>() / n as f64);
    total.min_recovery_s = shift_figures
        .iter()
        .filter_map(|s| s.figures.min_recovery_s)
        .reduce(f64::min);
    Workload {
        calls,
        shifts: shift_figures,
        days,
        hours,
        total,
    }
}

/// Calls from call marks, merged across sources; pop-ups counted in each.
fn calls(sorted: &[&Event]) -> Vec<Call> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut marked_start: HashMap<MarkSource, DateTime<FixedOffset>> = HashMap::new();
    let mut speech_start: Option<DateTime<FixedOffset>> = None;
    let mut last_speech: Option<DateTime<FixedOffset>> = None;
    for e in sorted {
        match &e.kind {
            EventKind::CallStarted {
                source: MarkSource::Speech,
            } => {
                // A start never ended (the app was killed): closed at the last speech heard.
                if let (Some(s), Some(l)) = (speech_start.take(), last_speech)
                    && l > s
                {
                    pieces.push(Piece {
                        start: s,
                        end: l,
                        handle_s: secs(s, l),
                        talk_s: 0.0,
                        source: MarkSource::Speech,
                        closed_at_quit: true,
                    });
                }
                speech_start = Some(e.at);
            }
            EventKind::CallStarted { source } => {
                marked_start.entry(*source).or_insert(e.at);
            }
            // Calls from the worker's speech (a silence, or their words) run in stream time.
            EventKind::CallEnded(c)
                if matches!(c.source, MarkSource::Speech | MarkSource::Words) =>
            {
                // The start as stamped then, with the offset in force then (DST), when it is
                // this call's; the duration always from the stream.
                let from_stream = back(e.at, c.handle_s);
                let start = speech_start
                    .take()
                    .filter(|s| (secs(*s, from_stream)).abs() < 2.0)
                    .map_or(from_stream, |s| {
                        back(e.at, c.handle_s).with_timezone(s.offset())
                    });
                pieces.push(Piece {
                    start,
                    end: e.at,
                    handle_s: c.handle_s,
                    talk_s: c.talk_s,
                    source: c.source,
                    closed_at_quit: c.closed_at_quit,
                });
            }
            EventKind::CallEnded(c) => {
                // The softphone's window gives a monotonic duration; a manual mark, the clock's.
                let start = marked_start
                    .remove(&c.source)
                    .unwrap_or_else(|| back(e.at, c.handle_s));
                pieces.push(Piece {
                    start,
                    end: e.at,
                    handle_s: if c.handle_s > 0.0 {
                        c.handle_s
                    } else {
                        secs(start, e.at)
                    },
                    talk_s: 0.0,
                    source: c.source,
                    closed_at_quit: c.closed_at_quit,
                });
            }
            EventKind::SpeechSegment(s) => {
                last_speech =
                    Some(e.at + chrono::Duration::milliseconds((s.duration_s * 1000.0) as i64));
            }
            _ => {}
        }
    }
    if let (Some(s), Some(l)) = (speech_start, last_speech)
        && l > s
    {
        pieces.push(Piece {
            start: s,
            end: l,
            handle_s: secs(s, l),
            talk_s: 0.0,
            source: MarkSource::Speech,
            closed_at_quit: true,
        });
    }
    pieces.sort_by_key(|p| p.start.with_timezone(&Utc));
    let mut calls: Vec<Call> = Vec::new();
    for p in pieces {
        match calls.last_mut() {
            Some(c) if p.start <= c.end => {
                // Overlapping marks of one call: merged, not counted twice.
                if p.end > c.end {
                    c.end = p.end;
                }
                c.handle_s = c.handle_s.max(p.handle_s).max(secs(c.start, c.end));
                c.talk_s += p.talk_s;
                if !c.sources.contains(&p.source) {
                    c.sources.push(p.source);
                }
                c.closed_at_quit &= p.closed_at_quit;
            }
            _ => calls.push(Call {
                start: p.start,
                end: p.end,
                handle_s: p.handle_s,
                talk_s: p.talk_s,
                popups: 0,
                sources: vec![p.source],
                closed_at_quit: p.closed_at_quit,
            }),
        }
    }
    // Pop-ups in each call (one pass: both lists are in time order).
    let mut k = 0;
    for e in sorted {
        let EventKind::PopupSeen(p) = &e.kind else {
            continue;
        };
        while k < calls.len() && calls[k].end < e.at {
            k += 1;
        }
        if k < calls.len() && calls[k].start <= e.at {
            calls[k].popups += p.count;
        }
    }
    calls
}

/// Shifts: spans of activity with no gap longer than the setting.
fn shifts(
    sorted: &[&Event],
    calls: &[Call],
    settings: WorkloadSettings,
) -> Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let mut spans: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> =
        calls.iter().map(|c| (c.start, c.end)).collect();
    for e in sorted {
        let end = match &e.kind {
            EventKind::SpeechSegment(s) => {
                e.at + chrono::Duration::milliseconds((s.duration_s * 1000.0) as i64)
            }
            EventKind::PopupSeen(_)
            | EventKind::SelfReport(_)
            | EventKind::CallStarted { .. }
            | EventKind::CallEnded(_) => e.at,
            _ => continue,
        };
        spans.push((e.at, end));
    }
    spans.sort_by_key(|s| s.0.with_timezone(&Utc));
    let gap = settings.shift_gap_h * 3600.0;
    let mut out: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> = Vec::new();
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if secs(last.1, a) <= gap => {
                if b > last.1 {
                    last.1 = b;
                }
            }
            _ => out.push((a, b)),
        }
    }
    out
}

/// The worker's corrections, in the order given: the shifts that started on the date become one,
/// with the bounds the worker gave (a later correction of the same day wins).
fn corrected(
    mut shifts: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    sorted: &[&Event],
) -> Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    for e in sorted {
        let EventKind::ShiftCorrected(c) = &e.kind else {
            continue;
        };
        let (same, mut rest): (Vec<_>, Vec<_>) =
            shifts.into_iter().partition(|s| s.0.date_naive() == c.date);
        let found = same
            .iter()
            .map(|s| s.0)
            .min_by_key(|t| t.with_timezone(&Utc))
            .zip(
                same.iter()
                    .map(|s| s.1)
                    .max_by_key(|t| t.with_timezone(&Utc)),
            );
        let bounds = match (found, c.start, c.end) {
            (_, Some(a), Some(b)) => Some((a, b)),
            (Some((a, _)), None, Some(b)) => Some((a, b)),
            (Some((_, b)), Some(a), None) => Some((a, b)),
            (found, _, _) => found,
        };
        if let Some((a, b)) = bounds.filter(|(a, b)| a < b) {
            rest.push((a, b));
        } else {
            rest.extend(same);
        }
        rest.sort_by_key(|s| s.0.with_timezone(&Utc));
        shifts = rest;
    }
    shifts
}

fn figures(calls: &[&Call], logged_s: f64, settings: WorkloadSettings) -> Figures {
    let n = calls.len();
    let phone_s: f64 = calls.iter().map(|c| c.handle_s).sum();
    let recoveries: Vec<f64> = calls
        .windows(2)
        .map(|w| secs(w[0].end, w[1].start).max(0.0))
        .collect();
    let break_s = settings.break_min * 60.0;
    let (mut best_s, mut best_n) = (0.0f64, 0usize);
    let mut run_start = 0;
    for i in 0..n {
        if i > 0 && recoveries[i - 1] >= break_s {
            run_start = i;
        }
        let len = secs(calls[run_start].start, calls[i].end);
        if len > best_s {
            best_s = len;
            best_n = i - run_start + 1;
        }
    }
    let evening_s = calls.iter().map(|c| evening(c)).sum();
    let weekend_s = calls
        .iter()
        .filter(|c| matches!(c.start.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|c| c.handle_s)
        .sum();
    Figures {
        calls: n,
        phone_s,
        logged_s,
        mean_handle_s: (n > 0).then(|| phone_s / n as f64),
        mean_recovery_s: (!recoveries.is_empty())
            .then(|| recoveries.iter().sum::<f64>() / recoveries.len() as f64),
        min_recovery_s: recoveries.iter().copied().reduce(f64::min),
        occupancy: (logged_s > 0.0).then(|| (phone_s / logged_s).min(1.0)),
        longest_run_s: best_s,
        longest_run_calls: best_n,
        evening_s,
        weekend_s,
        popups: calls.iter().map(|c| c.popups).sum(),
    }
}

/// Seconds of the call between 20:00 and 07:00, local time, minute by minute boundaries.
fn evening(c: &Call) -> f64 {
    let mut t = c.start;
    let mut s = 0.0;
    while t < c.end {
        let next_hour = (t + chrono::Duration::hours(1))
            .with_minute(0)
            .and_then(|x| x.with_second(0))
            .and_then(|x| x.with_nanosecond(0))
            .unwrap_or(c.end);
        let step_end = next_hour.min(c.end);
        if t.hour() >= 20 || t.hour() < 7 {
            s += secs(t, step_end);
        }
        t = step_end;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{CallEnded, PopupSeen};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn speech_call(start: &str, handle_s: f64) -> Vec<Event> {
        let s = at(start);
        let end = s + chrono::Duration::milliseconds((handle_s * 1000.0) as i64);
        vec![
            Event {
                at: s,
                kind: EventKind::CallStarted {
                    source: MarkSource::Speech,
                },
            },
            Event {
                at: end,
                kind: EventKind::CallEnded(CallEnded {
                    source: MarkSource::Speech,
                    handle_s,
                    talk_s: handle_s / 2.0,
                    worker_share: None,
                    popups: 0,
                    closed_at_quit: false,
                }),
            },
        ]
    }

    #[test]
    fn calls_recoveries_runs_and_occupancy() {
        let mut ev = Vec::new();
        ev.extend(speech_call("2026-11-24T09:00:00+01:00", 300.0));
        ev.extend(speech_call("2026-11-24T09:05:30+01:00", 240.0)); // 30 s recovery
        ev.extend(speech_call("2026-11-24T09:10:00+01:00", 600.0)); // 30 s recovery
        ev.extend(speech_call("2026-11-24T09:30:00+01:00", 120.0)); // 10 min break before
        ev.push(Event {
            at: at("2026-11-24T09:06:00+01:00"),
            kind: EventKind::PopupSeen(PopupSeen {
                count: 3,
                ..Default::default()
            }),
        });
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.calls.len(), 4);
        assert_eq!(w.calls[1].popups, 3);
        assert_eq!(w.shifts.len(), 1);
        let f = &w.shifts[0].figures;
        assert_eq!(f.calls, 4);
        assert_eq!(f.phone_s, 1260.0);
        assert_eq!(f.logged_s, 32.0 * 60.0);
        assert_eq!(f.longest_run_calls, 3);
        assert_eq!(f.longest_run_s, 20.0 * 60.0);
        assert_eq!(f.min_recovery_s, Some(30.0));
        assert!((f.occupancy.unwrap() - 1260.0 / 1920.0).abs() < 1e-9);
        assert_eq!(w.hours[9].calls, 4);
        assert_eq!(w.total.popups, 3);
    }

    #[test]
    fn manual_and_automatic_marks_of_one_call_are_merged() {
        let mut ev = speech_call("2026-11-24T10:00:05+01:00", 295.0);
        ev.push(Event {
            at: at("2026-11-24T10:00:00+01:00"),
            kind: EventKind::CallStarted {
                source: MarkSource::Manual,
            },
        });
        ev.push(Event {
            at: at("2026-11-24T10:05:10+01:00"),
            kind: EventKind::CallEnded(CallEnded {
                source: MarkSource::Manual,
                handle_s: 0.0,
                talk_s: 0.0,
                worker_share: None,
                popups: 0,
                closed_at_quit: false,
            }),
        });
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.calls.len(), 1);
        assert_eq!(w.calls[0].handle_s, 310.0);
        assert_eq!(w.calls[0].sources, [MarkSource::Manual, MarkSource::Speech]);
    }

    #[test]
    fn across_a_dst_change_durations_hold_and_hours_are_local() {
        // Paris, 29 March 2026: 02:00 +01:00 becomes 03:00 +02:00. A call from 01:50 to 03:10
        // local lasts 20 minutes; the handle time comes from the stream, not the wall clock.
        let start = at("2026-03-29T01:50:00+01:00");
        let end = at("2026-03-29T03:10:00+02:00");
        assert_eq!(secs(start, end), 1200.0);
        let ev = vec![
            Event {
                at: start,
                kind: EventKind::CallStarted {
                    source: MarkSource::Speech,
                },
            },
            Event {
                at: end,
                kind: EventKind::CallEnded(CallEnded {
                    source: MarkSource::Speech,
                    handle_s: 1200.0,
                    talk_s: 600.0,
                    worker_share: None,
                    popups: 0,
                    closed_at_quit: false,
                }),
            },
        ];
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.calls[0].handle_s, 1200.0);
        assert_eq!(w.hours[1].calls, 1, "started at 01:50 local");
        assert_eq!(w.total.evening_s, 1200.0, "night work stays night work");
        assert_eq!(w.total.weekend_s, 1200.0, "a Sunday");
        // A manual clock change backwards during a call does not shorten it either.
        let w = compute(
            &[
                Event {
                    at: at("2026-11-24T10:00:00+01:00"),
                    kind: EventKind::CallStarted {
                        source: MarkSource::Speech,
                    },
                },
                // The clock was set back 7 minutes during this 5-minute call.
                Event {
                    at: at("2026-11-24T09:58:00+01:00"),
                    kind: EventKind::CallEnded(CallEnded {
                        source: MarkSource::Speech,
                        handle_s: 300.0,
                        talk_s: 100.0,
                        worker_share: None,
                        popups: 0,
                        closed_at_quit: false,
                    }),
                },
            ],
            WorkloadSettings::default(),
        );
        assert_eq!(w.calls.len(), 1);
        assert_eq!(w.calls[0].handle_s, 300.0);
        assert_eq!(w.total.phone_s, 300.0);
    }

    #[test]
    fn the_worker_corrects_a_shift() {
        let mut ev = speech_call("2026-11-24T09:00:00+01:00", 600.0);
        ev.extend(speech_call("2026-11-24T12:30:00+01:00", 600.0)); // a 3 h 20 gap: two shifts
        ev.extend(speech_call("2026-11-25T09:00:00+01:00", 600.0));
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.shifts.len(), 3);
        let fix = |start: Option<&str>, end: Option<&str>| Event {
            at: at("2026-11-25T18:00:00+01:00"),
            kind: EventKind::ShiftCorrected(crate::events::ShiftCorrection {
                date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                start: start.map(at),
                end: end.map(at),
            }),
        };
        // One shift from 08:30 to 17:00 (lunch was not a shift's end).
        ev.push(fix(
            Some("2026-11-24T08:30:00+01:00"),
            Some("2026-11-24T17:00:00+01:00"),
        ));
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.shifts.len(), 2);
        assert_eq!(w.shifts[0].start, at("2026-11-24T08:30:00+01:00"));
        assert_eq!(w.shifts[0].figures.calls, 2);
        assert_eq!(w.shifts[0].figures.logged_s, 8.5 * 3600.0);
        // A later correction of only the end keeps the corrected start.
        ev.push(fix(None, Some("2026-11-24T16:30:00+01:00")));
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.shifts[0].figures.logged_s, 8.0 * 3600.0);
        assert_eq!(w.shifts[1].start, at("2026-11-25T09:00:00+01:00"));
        // An end before the start is not applied.
        ev.push(fix(None, Some("2026-11-24T07:00:00+01:00")));
        assert_eq!(
            compute(&ev, WorkloadSettings::default()).shifts[0]
                .figures
                .logged_s,
            8.0 * 3600.0
        );
    }

    #[test]
    fn a_call_never_ended_is_closed_at_the_last_speech() {
        let ev = vec![
            Event {
                at: at("2026-11-24T11:00:00+01:00"),
                kind: EventKind::CallStarted {
                    source: MarkSource::Speech,
                },
            },
            Event {
                at: at("2026-11-24T11:03:00+01:00"),
                kind: EventKind::SpeechSegment(crate::events::SpeechSegment {
                    duration_s: 10.0,
                    ..Default::default()
                }),
            },
            Event {
                at: at("2026-11-24T14:00:00+01:00"),
                kind: EventKind::CallStarted {
                    source: MarkSource::Speech,
                },
            },
        ];
        let w = compute(&ev, WorkloadSettings::default());
        assert_eq!(w.calls.len(), 1);
        assert!(w.calls[0].closed_at_quit);
        assert_eq!(w.calls[0].handle_s, 190.0);
    }
}
