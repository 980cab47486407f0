//! A full-time year of a worker's events, for the workload and evidence benchmarks.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use temoin::events::{CallEnded, Event, EventKind, MarkSource, PopupSeen, SpeechSegment};

/// A full-time year: 230 working days of 7 h, a call every 6 minutes (5 min call, 1 min
/// recovery, a 15-minute break twice a day), the worker's speech in 5-second segments (half the
/// call), two pop-ups an hour, a self-report each evening.
pub fn a_year() -> Vec<Event> {
    let paris = FixedOffset::east_opt(3600).unwrap();
    let mut events = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let mut worked = 0;
    while worked < 230 {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day = day.succ_opt().unwrap();
            continue;
        }
        worked += 1;
        let start: DateTime<FixedOffset> = day
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_local_timezone(paris)
            .unwrap();
        let mut t = start;
        for call in 0..66 {
            if call == 22 || call == 44 {
                t += Duration::minutes(15);
            }
            events.push(Event {
                at: t,
                kind: EventKind::CallStarted {
                    source: MarkSource::Speech,
                },
            });
            for s in 0..30 {
                events.push(Event {
                    at: t + Duration::seconds(10 * s),
                    kind: EventKind::SpeechSegment(SpeechSegment {
                        duration_s: 5.0,
                        voiced_s: 3.4,
                        f0_mean_hz: Some(190.0),
                        ..Default::default()
                    }),
                });
            }
            if call % 3 == 0 {
                events.push(Event {
                    at: t + Duration::seconds(90),
                    kind: EventKind::PopupSeen(PopupSeen {
                        count: 1,
                        ..Default::default()
                    }),
                });
            }
            t += Duration::minutes(5);
            events.push(Event {
                at: t,
                kind: EventKind::CallEnded(CallEnded {
                    source: MarkSource::Speech,
                    handle_s: 300.0,
                    talk_s: 150.0,
                    worker_share: None,
                    popups: u32::from(call % 3 == 0),
                    closed_at_quit: false,
                }),
            });
            t += Duration::minutes(1);
        }
        events.push(Event {
            at: t,
            kind: EventKind::SelfReport(temoin::events::SelfReport {
                mental: Some(70),
                physical: Some(40),
                temporal: Some(80),
                performance: Some(50),
                effort: Some(70),
                frustration: Some(60),
                note: None,
            }),
        });
        day = day.succ_opt().unwrap();
    }
    events
}
