//! When listening was interrupted against the worker's will (the sound lost), from the marks the
//! monitor stores: so a day's record shows what was covered, not a silence that looks like calm.

use chrono::{DateTime, FixedOffset};

use crate::events::{Event, EventKind, PauseReason};

/// A stretch without listening: from the last audio heard to the sound's return, or to the end
/// of listening (`to` is `None` while it lasts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub from: DateTime<FixedOffset>,
    pub to: Option<DateTime<FixedOffset>>,
}

impl Gap {
    pub fn seconds(&self) -> Option<f64> {
        self.to
            .map(|to| (to - self.from).num_milliseconds().max(0) as f64 / 1000.0)
    }
}

/// The gaps in `events` (any order), oldest first.
pub fn gaps(events: &[Event]) -> Vec<Gap> {
    let mut marks: Vec<&Event> = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::MonitoringPaused { .. } | EventKind::MonitoringResumed
            )
        })
        .collect();
    marks.sort_by_key(|e| e.at);
    let mut out: Vec<Gap> = Vec::new();
    let mut open = false;
    for e in marks {
        match (&e.kind, open) {
            (
                EventKind::MonitoringPaused {
                    reason: PauseReason::SoundLost,
                },
                false,
            ) => {
                out.push(Gap {
                    from: e.at,
                    to: None,
                });
                open = true;
            }
            // The sound came back, or listening ended while it was away.
            (EventKind::MonitoringResumed | EventKind::MonitoringPaused { .. }, true) => {
                if let Some(g) = out.last_mut() {
                    g.to = Some(e.at);
                }
                open = false;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hm: &str, kind: EventKind) -> Event {
        let t = DateTime::parse_from_rfc3339(&format!("2026-11-30T{hm}:00+01:00")).unwrap();
        Event {
            at: t,
            ..Event::now(kind)
        }
    }

    fn lost() -> EventKind {
        EventKind::MonitoringPaused {
            reason: PauseReason::SoundLost,
        }
    }

    #[test]
    fn a_gap_ends_when_the_sound_returns_or_listening_stops() {
        let stopped = EventKind::MonitoringPaused {
            reason: PauseReason::Stopped,
        };
        let events = vec![
            at("14:03", EventKind::MonitoringResumed),
            at("14:02", lost()),
            at("15:00", lost()),
            at("15:10", stopped),
            at("16:00", lost()),
        ];
        let g = gaps(&events);
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].seconds(), Some(60.0));
        assert_eq!(g[1].seconds(), Some(600.0));
        assert_eq!(g[2].to, None);
    }

    #[test]
    fn a_privacy_pause_is_not_a_gap() {
        let privacy = EventKind::MonitoringPaused {
            reason: PauseReason::Privacy,
        };
        let events = vec![
            at("10:00", privacy),
            at("10:05", EventKind::MonitoringResumed),
        ];
        assert!(gaps(&events).is_empty());
    }
}
