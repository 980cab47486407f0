//! Pop-ups as the record shows them: the category given later is applied, and each verdict is
//! assessed again against every measurement of the log, including the words counted after the
//! pop-up was stored (transcription runs behind, at low priority). A verdict measured live that the
//! log cannot improve on (the worker was speaking at that very moment) is kept.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use crate::events::{Consistency, Event, EventKind, PopupCategory, PopupSeen};
use crate::popups::consistency::SpeechHistory;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewedPopup {
    pub at: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub popup: PopupSeen,
}

/// The pop-ups of `events` (in their order), reviewed: each against the speech and call marks
/// before it only (events are taken in time order), so a verdict never depends on what came after,
/// and every pop-up has one ("not measurable" at least), however old.
pub fn review(events: &[Event]) -> Vec<ReviewedPopup> {
    let given: Vec<(DateTime<FixedOffset>, PopupCategory)> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::PopupCategorised { popup_at, category } => Some((*popup_at, *category)),
            _ => None,
        })
        .collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|i| events[*i].at.with_timezone(&Utc));
    let mut history = SpeechHistory::default();
    let mut reviewed: Vec<(usize, ReviewedPopup)> = Vec::new();
    for i in order {
        let e = &events[i];
        let EventKind::PopupSeen(p) = &e.kind else {
            history.take(e);
            continue;
        };
        let (at, mut p) = (e.at, p.clone());
        // The last category given for this pop-up wins (the worker may correct themselves).
        if let Some((_, c)) = given
            .iter()
            .rev()
            .find(|(t, _)| crate::events::names_popup(t, &at))
        {
            p.category = Some(*c);
        }
        // Categorised later as emotion analysis: flagged from then on, everywhere.
        if p.category.is_some_and(PopupCategory::reveals_emotion) {
            p.emotion_flag = true;
        }
        let (verdict, measured) = history.assess(p.category, at.with_timezone(&Utc), false);
        // What the live verdict heard (the worker speaking at that moment) is kept when the
        // record alone cannot say more.
        let live_is_better = verdict == Consistency::NotMeasurable
            && p.consistency
                .is_some_and(|c| c != Consistency::NotMeasurable);
        if !live_is_better {
            p.consistency = Some(verdict);
            p.measured = Some(measured);
        }
        reviewed.push((i, ReviewedPopup { at, popup: p }));
    }
    reviewed.sort_by_key(|(i, _)| *i);
    reviewed.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{PopupSource, SpeechSegment};
    use chrono::Duration;

    #[test]
    fn later_words_and_later_categories_are_joined() {
        let t0 = Utc::now() - Duration::hours(1);
        let mut events = Vec::new();
        for i in 0..30 {
            let s = SpeechSegment {
                duration_s: 8.0,
                voiced_s: 5.0,
                words: Some(20),
                words_per_minute: Some(150.0),
                ..Default::default()
            };
            events.push(Event::at(
                t0 + Duration::seconds(i * 9),
                EventKind::SpeechSegment(s),
            ));
        }
        let cue = t0 + Duration::seconds(30 * 9 + 2);
        // Logged live before the words were counted: no verdict then.
        events.push(Event::at(
            cue,
            EventKind::PopupSeen(PopupSeen {
                source: Some(PopupSource::Manual),
                count: 1,
                ..Default::default()
            }),
        ));
        events.push(Event::at(
            cue + Duration::seconds(40),
            EventKind::PopupCategorised {
                popup_at: Event::at(cue, EventKind::MonitoringResumed).at,
                category: PopupCategory::PaceSlower,
            },
        ));
        let r = review(&events);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].popup.category, Some(PopupCategory::PaceSlower));
        // 150 wpm, the worker's usual rate: "slow down" is neither deserved nor disproved.
        assert_eq!(r[0].popup.consistency, Some(Consistency::UsualPace));
        let m = r[0].popup.measured.as_ref().unwrap();
        assert_eq!(m.words_per_minute, Some(150.0));
    }

    /// A pop-up hours after the speech, logged with nothing measured around it, still has its
    /// verdict: « non mesurable », never none.
    #[test]
    fn every_popup_has_a_verdict_however_old() {
        let t0 = Utc::now() - Duration::hours(10);
        let mut events = vec![Event::at(
            t0,
            EventKind::PopupSeen(PopupSeen {
                source: Some(PopupSource::Manual),
                category: Some(PopupCategory::PaceFaster),
                count: 1,
                ..Default::default()
            }),
        )];
        for i in 0..40 {
            events.push(Event::at(
                t0 + Duration::hours(2) + Duration::seconds(i * 9),
                EventKind::SpeechSegment(SpeechSegment {
                    duration_s: 8.0,
                    words_per_minute: Some(150.0),
                    words: Some(20),
                    ..Default::default()
                }),
            ));
        }
        let r = review(&events);
        assert_eq!(r[0].popup.consistency, Some(Consistency::NotMeasurable));
    }
}
