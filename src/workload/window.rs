//! Calls from the softphone's window, where the worker describes it (`[appel]` in the pop-up
//! rules): a call runs from the title saying "in call" (or wrap-up, part of handle time as call
//! centres count it) to any other title or the window's end. Durations come from the monotonic
//! clock of the detections, never the wall clock.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::events::{CallEnded, Event, EventKind, MarkSource, PopupSource};
use crate::popups::rules::{CallWindowRule, CallWindowState};
use crate::popups::{Detection, WindowChange};

struct Open {
    window: u32,
    seen: Instant,
    at: DateTime<Utc>,
    /// The worker's speech measured during the call, and the pop-ups seen in it.
    talk_s: f64,
    popups: u32,
}

/// Follows the softphone's window.
#[derive(Default)]
pub struct CallWindow {
    open: Option<Open>,
    /// When each window was last seen: a detection older than that (a new window's text read
    /// late) cannot undo a later title.
    last: HashMap<u32, Instant>,
}

impl CallWindow {
    /// The call marks a window detection makes, and whether the window is the softphone's (then
    /// it is not a pop-up).
    pub fn detection(&mut self, rule: &CallWindowRule, d: &Detection) -> (bool, Vec<Event>) {
        let (PopupSource::Window, Some(w)) = (d.source, d.window) else {
            return (false, Vec::new());
        };
        if self.last.get(&w).is_some_and(|t| d.seen < *t) {
            return (false, Vec::new());
        }
        self.last.insert(w, d.seen);
        let state = if d.change == WindowChange::Closed {
            self.last.remove(&w);
            self.open
                .as_ref()
                .is_some_and(|o| o.window == w)
                .then_some(CallWindowState::Idle)
        } else {
            rule.state(d.app.as_deref(), d.title.as_deref())
        };
        let Some(state) = state else {
            return (false, Vec::new());
        };
        let mut marks = Vec::new();
        match (state, &self.open) {
            (CallWindowState::InCall | CallWindowState::WrapUp, None) => {
                self.open = Some(Open {
                    window: w,
                    seen: d.seen,
                    at: d.at,
                    talk_s: 0.0,
                    popups: 0,
                });
                marks.push(Event::at(
                    d.at,
                    EventKind::CallStarted {
                        source: MarkSource::Window,
                    },
                ));
            }
            (CallWindowState::Idle, Some(o)) if o.window == w => {
                marks.extend(self.end(d.at, d.seen, false));
            }
            _ => {}
        }
        (true, marks)
    }

    /// A segment of the worker's speech that started at `at`: counted in the open call's talk.
    pub fn speech(&mut self, at: DateTime<Utc>, duration_s: f64) {
        if let Some(o) = &mut self.open
            && at >= o.at
        {
            o.talk_s += duration_s;
        }
    }

    /// A pop-up was stored: counted in the open call.
    pub fn popup(&mut self) {
        if let Some(o) = &mut self.open {
            o.popups += 1;
        }
    }

    /// The call still open when watching stops, closed now and marked as such.
    pub fn close(&mut self) -> Option<Event> {
        self.end(Utc::now(), Instant::now(), true)
    }

    fn end(&mut self, at: DateTime<Utc>, seen: Instant, at_quit: bool) -> Option<Event> {
        let o = self.open.take()?;
        Some(Event::at(
            at,
            EventKind::CallEnded(CallEnded {
                source: MarkSource::Window,
                handle_s: seen.saturating_duration_since(o.seen).as_secs_f64(),
                talk_s: o.talk_s,
                worker_share: None,
                popups: o.popups,
                closed_at_quit: at_quit,
            }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::popups::Rules;
    use std::path::Path;
    use std::time::Duration;

    fn rules() -> Rules {
        Rules::parse(
            "[appel]\nclasse = [\"softphone*\"]\nen_appel = [\"en communication\"]\npost_appel = [\"post appel\"]\n",
            Path::new("popups.toml"),
        )
        .unwrap()
    }

    fn window(title: &str, seen: Instant, change: WindowChange) -> Detection {
        let mut d = Detection::new(PopupSource::Window);
        d.app = Some("softphone Softphone".into());
        d.title = Some(title.into());
        d.window = Some(7);
        d.seen = seen;
        d.change = change;
        d
    }

    fn handle(e: &Event) -> f64 {
        match &e.kind {
            EventKind::CallEnded(c) => c.handle_s,
            _ => panic!("{e:?}"),
        }
    }

    #[test]
    fn in_call_and_wrap_up_make_one_call_and_late_news_changes_nothing() {
        let r = rules();
        let rule = &r.call_window;
        let t0 = Instant::now();
        let s = |ms| t0 + Duration::from_millis(ms);
        let mut cw = CallWindow::default();
        let (softphone, marks) =
            cw.detection(rule, &window("Prêt", s(0), WindowChange::Background));
        assert!(softphone && marks.is_empty());
        let (_, marks) = cw.detection(
            rule,
            &window(
                "En communication — 06 12",
                s(1000),
                WindowChange::Background,
            ),
        );
        assert!(matches!(
            marks[..],
            [Event {
                kind: EventKind::CallStarted {
                    source: MarkSource::Window
                },
                ..
            }]
        ));
        assert!(
            cw.detection(
                rule,
                &window("Post-appel", s(61_000), WindowChange::Background)
            )
            .1
            .is_empty()
        );
        // The window's first text, read late, is older than what is known: ignored.
        assert!(
            cw.detection(rule, &window("Prêt", s(500), WindowChange::Opened))
                .1
                .is_empty()
        );
        let (_, marks) = cw.detection(rule, &window("Prêt", s(91_000), WindowChange::Background));
        assert_eq!(handle(&marks[0]), 90.0);
        // Another application's window is not the softphone, even with the words.
        let mut other = window("En communication", s(92_000), WindowChange::Opened);
        other.app = Some("firefox".into());
        other.window = Some(8);
        assert_eq!(cw.detection(rule, &other), (false, Vec::new()));
        // The window closed during a call ends it; a call open at quit is closed and marked.
        cw.detection(
            rule,
            &window("En communication", s(100_000), WindowChange::Background),
        );
        let (_, marks) = cw.detection(rule, &window("", s(130_000), WindowChange::Closed));
        assert_eq!(handle(&marks[0]), 30.0);
        cw.detection(
            rule,
            &window("En communication", s(140_000), WindowChange::Opened),
        );
        let EventKind::CallEnded(c) = cw.close().unwrap().kind else {
            panic!()
        };
        assert!(c.closed_at_quit);
    }

    #[test]
    fn without_a_rule_nothing_is_a_softphone() {
        let r = Rules::default();
        let mut cw = CallWindow::default();
        let d = window("En communication", Instant::now(), WindowChange::Opened);
        assert_eq!(cw.detection(&r.call_window, &d), (false, Vec::new()));
    }
}
