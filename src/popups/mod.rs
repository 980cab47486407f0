//! Surveillance pop-ups: caught by sources behind one trait ([`Source`]), kept or dropped by the
//! worker's rules ([`rules`]), classified ([`classify`]), masked ([`mask`]) and folded when they
//! flood ([`Recorder`]), then stored as `PopupSeen` events by whoever holds the vault.
//!
//! Sources on Linux/X11: the hotkey and new windows ([`x11`]), desktop notifications
//! ([`notifications`]), announcements of web pages and Electron apps on the accessibility bus
//! ([`a11y::live`]); the command line and the GUI button record manual pop-ups directly.
//! Each source runs on its own thread, sends [`Detection`]s stamped when it saw them, and reports
//! its state ([`SourceState`]); a source that cannot run says so and the others go on.
//!
//! Plan for other platforms (not built here: nothing that cannot be compiled and tested on this
//! machine ships): on Windows, a `SetWinEventHook(EVENT_OBJECT_SHOW)` source for new windows with
//! UI Automation for their text, a `UserNotificationListener` source for toasts and
//! `RegisterHotKey` for the hotkey; on macOS, an `AXObserver` on window creation and the
//! notification centre's accessibility tree. Each is one more [`Source`]; nothing else changes.

pub mod a11y;
pub mod changes;
pub mod classify;
pub mod consistency;
pub mod extension;
pub mod mask;
pub mod notifications;
pub mod ocr;
pub mod rules;
pub mod x11;

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossbeam_channel::Sender;

use crate::events::{Event, EventKind, PopupCategory, PopupSeen, PopupSource};
pub use classify::{Classification, classify};
pub use rules::{KeepText, Rules, RulesError, RulesFile};

/// Something a source saw. Texts are as shown (cleaned and masked later, before storing).
#[derive(Debug, Clone)]
pub struct Detection {
    pub at: DateTime<Utc>,
    /// When the source saw it, for latency figures.
    pub seen: Instant,
    pub source: PopupSource,
    /// Window class (windows) or application name (notifications).
    pub app: Option<String>,
    /// Window title or notification summary.
    pub title: Option<String>,
    /// Notification body, or text read from the window.
    pub body: Option<String>,
    /// Chosen by the worker (manual pop-ups).
    pub category: Option<PopupCategory>,
    /// The X window (windows only), to follow it.
    pub window: Option<u32>,
    pub change: WindowChange,
    /// Heard through the browser extension rather than directly (one toast heard both ways is
    /// one pop-up).
    pub via_extension: bool,
}

/// What happened to a window (anything else: [`WindowChange::Opened`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WindowChange {
    /// A new window, or a notification, or a key press: may be a pop-up.
    #[default]
    Opened,
    /// A new message in a window shown since watching began: may be a pop-up.
    Retitled,
    /// A window already open when watching began changed title: only the softphone rule reads
    /// it (never a pop-up, so a browser's tab titles are not taken for cues).
    Background,
    /// The window was destroyed.
    Closed,
}

impl Detection {
    pub fn new(source: PopupSource) -> Self {
        Self {
            at: Utc::now(),
            seen: Instant::now(),
            source,
            app: None,
            title: None,
            body: None,
            category: None,
            window: None,
            change: WindowChange::Opened,
            via_extension: false,
        }
    }

    /// Title and body as one text.
    pub fn text(&self) -> String {
        match (&self.title, &self.body) {
            (Some(t), Some(b)) if !b.trim().is_empty() => format!("{t} — {b}"),
            (Some(t), _) => t.clone(),
            (None, Some(b)) => b.clone(),
            (None, None) => String::new(),
        }
    }
}

/// A source's state, for the worker to see.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceState {
    Watching,
    /// Watching, after switching the desktop's accessibility on: programs opened before must be
    /// restarted to be read.
    SwitchedOn,
    /// Not possible here (no X server, no session bus): the rest of the app runs.
    Unavailable(String),
    /// Was watching, lost its connection; retrying.
    Lost(String),
    Stopped,
}

/// A report from a source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceReport {
    pub source: &'static str,
    pub state: SourceState,
}

/// One way of catching pop-ups. Started and stopped by the app; runs on its own thread.
pub trait Source: Send {
    /// A short stable name ("windows", "notifications", "hotkey").
    fn name(&self) -> &'static str;
    /// Starts watching: detections to `out`, state changes to `reports`. Returns at once.
    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>);
    /// Stops and waits for the thread.
    fn stop(&mut self);
}

/// More detections than this from one source within [`BURST_WINDOW`] is a flood.
pub const BURST_LIMIT: usize = 10;
pub const BURST_WINDOW: Duration = Duration::from_secs(1);
/// A flood's folded events are stored once the source has been quiet this long, or at the
/// latest after [`BURST_MAX`].
const BURST_QUIET: Duration = Duration::from_secs(1);
const BURST_MAX: Duration = Duration::from_secs(10);

type FoldKey = (Option<String>, Option<String>, Option<PopupCategory>, bool);

struct Flood {
    started: Instant,
    last: Instant,
    /// Identical pop-ups folded: key → (first seen, event, count).
    folded: BTreeMap<FoldKey, (DateTime<Utc>, PopupSeen)>,
}

/// One pop-up seen by two ways within this is stored once (a card's alert is also announced;
/// the browser extension and the accessibility bus hear the same toast).
const SAME_POPUP: Duration = Duration::from_secs(2);
/// A shorter text is the same pop-up as a longer one holding it when it has at least this many
/// characters.
const SAME_POPUP_CHARS: usize = 12;

/// Turns detections into the events to store: rules, classification, masking, flood folding.
pub struct Recorder {
    rules: RulesFile,
    recent: BTreeMap<PopupSource, VecDeque<Instant>>,
    floods: BTreeMap<PopupSource, Flood>,
    /// The text last stored for each window shown: a new title over the same text (Chromium
    /// renames an app window once its page loads) is not a new pop-up.
    windows: BTreeMap<u32, String>,
    /// Texts stored lately, by source and way, to store once what two ways caught.
    stored: VecDeque<(Instant, (PopupSource, bool), String)>,
}

/// What became of a detection.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Store this event now.
    Store(Box<Event>),
    /// Folded into a flood, stored later by [`Recorder::tick`].
    Folded,
    /// Not a pop-up by the rules.
    Ignored,
}

impl Recorder {
    pub fn new(rules: RulesFile) -> Self {
        Self {
            rules,
            recent: BTreeMap::new(),
            floods: BTreeMap::new(),
            windows: BTreeMap::new(),
            stored: VecDeque::new(),
        }
    }

    pub fn rules(&self) -> &Rules {
        self.rules.rules()
    }

    /// Picks up an edited rules file; `Some` says why an edit was refused (old rules stay).
    pub fn refresh_rules(&mut self) -> Option<RulesError> {
        self.rules.refresh().err()
    }

    pub fn record(&mut self, d: &Detection) -> Outcome {
        if d.change == WindowChange::Closed
            && let Some(w) = d.window
        {
            self.windows.remove(&w);
        }
        if matches!(d.change, WindowChange::Background | WindowChange::Closed) {
            return Outcome::Ignored;
        }
        let body = d.body.as_deref().map(mask::clean).unwrap_or_default();
        if let Some(w) = d.window
            && !body.is_empty()
            && self.windows.get(&w) == Some(&body)
        {
            return Outcome::Ignored;
        }
        let rules = self.rules.rules();
        let text = mask::clean(&d.text());
        let c = classify(rules, &text);
        let (class, app) = match d.source {
            PopupSource::Window => (d.app.as_deref(), None),
            _ => (None, d.app.as_deref()),
        };
        let keep = match d.source {
            PopupSource::Manual => true,
            _ => match rules.decide(class, app, d.title.as_deref()) {
                Some(k) => k,
                None => rules.any_recognised && c.category != PopupCategory::Other,
            },
        };
        if !keep {
            return Outcome::Ignored;
        }
        let said = if body.is_empty() { text.clone() } else { body };
        if d.source != PopupSource::Manual {
            if self.caught_otherwise(d, &said) {
                return Outcome::Ignored;
            }
            self.stored
                .push_back((d.seen, (d.source, d.via_extension), said.clone()));
        }
        if let Some(w) = d.window {
            self.windows.insert(w, said);
        }
        let seen = self.popup(d, &text, c);
        let recent = self.recent.entry(d.source).or_default();
        recent.push_back(d.seen);
        while recent
            .front()
            .is_some_and(|t| d.seen.duration_since(*t) > BURST_WINDOW)
        {
            recent.pop_front();
        }
        let flooding = recent.len() > BURST_LIMIT || self.floods.contains_key(&d.source);
        if !flooding {
            return Outcome::Store(Box::new(Event::at(d.at, EventKind::PopupSeen(seen))));
        }
        let flood = self.floods.entry(d.source).or_insert_with(|| Flood {
            started: d.seen,
            last: d.seen,
            folded: BTreeMap::new(),
        });
        flood.last = d.seen;
        let key = (
            seen.app.clone(),
            seen.text.clone(),
            seen.category,
            seen.emotion_flag,
        );
        flood
            .folded
            .entry(key)
            .and_modify(|(_, s)| s.count += 1)
            .or_insert((d.at, seen));
        Outcome::Folded
    }

    /// Whether another way already stored this pop-up just now.
    fn caught_otherwise(&mut self, d: &Detection, said: &str) -> bool {
        while self
            .stored
            .front()
            .is_some_and(|(t, ..)| d.seen.saturating_duration_since(*t) > SAME_POPUP)
        {
            self.stored.pop_front();
        }
        let same = |other: &str| {
            let (short, long) = if other.len() < said.len() {
                (other, said)
            } else {
                (said, other)
            };
            short == long || (short.chars().count() >= SAME_POPUP_CHARS && long.contains(short))
        };
        self.stored
            .iter()
            .any(|(_, way, other)| *way != (d.source, d.via_extension) && same(other))
    }

    /// Folded floods that are over (or have lasted long enough), as events to store.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let over: Vec<PopupSource> = self
            .floods
            .iter()
            .filter(|(_, f)| {
                now.duration_since(f.last) >= BURST_QUIET
                    || now.duration_since(f.started) >= BURST_MAX
            })
            .map(|(s, _)| *s)
            .collect();
        let mut out = Vec::new();
        for s in over {
            if let Some(f) = self.floods.remove(&s) {
                out.extend(
                    f.folded
                        .into_values()
                        .map(|(at, seen)| Event::at(at, EventKind::PopupSeen(seen))),
                );
            }
        }
        out
    }

    pub fn folding(&self) -> bool {
        !self.floods.is_empty()
    }

    /// Everything still folded, at once (when stopping).
    pub fn flush(&mut self) -> Vec<Event> {
        self.tick(Instant::now() + BURST_MAX)
    }

    fn popup(&self, d: &Detection, text: &str, c: Classification) -> PopupSeen {
        let keep_text = self.rules.rules().sources.texte == KeepText::Complet;
        let masked = (keep_text && !text.is_empty()).then(|| mask::mask(text, &c.matched));
        let category = d
            .category
            .or((!text.is_empty() || d.source != PopupSource::Manual).then_some(c.category));
        PopupSeen {
            source: Some(d.source),
            app: d.app.as_deref().map(mask::clean).filter(|a| !a.is_empty()),
            text: masked,
            category,
            // The worker's own category counts as much as the words of the text.
            emotion_flag: c.emotion_flag || category.is_some_and(PopupCategory::reveals_emotion),
            reasons: c.reason,
            consistency: None,
            measured: None,
            count: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notification(text: &str) -> Detection {
        let mut d = Detection::new(PopupSource::Notification);
        d.app = Some("Cogito".into());
        d.title = Some(text.into());
        d
    }

    #[test]
    fn a_flood_is_folded_and_nothing_is_lost() {
        let mut r = Recorder::new(RulesFile::open(None).unwrap());
        let mut stored = Vec::new();
        let start = Instant::now();
        for i in 0..1000 {
            let mut d = notification(if i % 2 == 0 {
                "Parlez plus vite"
            } else {
                "Soyez plus empathique"
            });
            d.seen = start + Duration::from_micros(i * 900);
            if let Outcome::Store(e) = r.record(&d) {
                stored.push(*e);
            }
        }
        assert!(
            r.tick(start + Duration::from_millis(950)).is_empty(),
            "still flooding"
        );
        stored.extend(r.tick(start + Duration::from_secs(3)));
        let count = |e: &Event| match &e.kind {
            EventKind::PopupSeen(p) => p.count,
            _ => 0,
        };
        assert_eq!(stored.iter().map(count).sum::<u32>(), 1000);
        assert!(stored.len() <= BURST_LIMIT + 2, "{} events", stored.len());
    }

    #[test]
    fn rules_decide_what_is_a_popup() {
        let mut r = Recorder::new(RulesFile::open(None).unwrap());
        let mut w = Detection::new(PopupSource::Window);
        w.app = Some("firefox".into());
        w.title = Some("Météo — Mozilla Firefox".into());
        assert_eq!(r.record(&w), Outcome::Ignored);
        w.title = Some("Client frustré détecté".into());
        let Outcome::Store(e) = r.record(&w) else {
            panic!()
        };
        let EventKind::PopupSeen(p) = e.kind else {
            panic!()
        };
        assert_eq!(p.category, Some(PopupCategory::CustomerSentiment));
        assert!(p.emotion_flag);
        // The hotkey alone: a pop-up without text, category to be given later.
        let Outcome::Store(e) = r.record(&Detection::new(PopupSource::Manual)) else {
            panic!()
        };
        let EventKind::PopupSeen(p) = e.kind else {
            panic!()
        };
        assert_eq!((p.category, p.text), (None, None));
    }

    #[test]
    fn a_window_renamed_over_the_same_text_and_a_toast_heard_twice_are_one_popup() {
        let mut r = Recorder::new(RulesFile::open(None).unwrap());
        let mut card = Detection::new(PopupSource::Window);
        card.app = Some("tmp_card.html Chromium".into());
        card.title = Some("_/tmp/card.html".into());
        card.body = Some("Conseil en temps réel Vous parlez trop vite, ralentissez".into());
        card.window = Some(7);
        assert!(matches!(r.record(&card), Outcome::Store(_)));
        // Chromium names the window after its page once loaded: the same card.
        card.title = Some("Coaching".into());
        card.change = WindowChange::Retitled;
        assert_eq!(r.record(&card), Outcome::Ignored);
        // The card's alert, also announced on the accessibility bus: the same pop-up.
        let mut toast = Detection::new(PopupSource::Page);
        toast.body = Some("Vous parlez trop vite, ralentissez".into());
        assert_eq!(r.record(&toast), Outcome::Ignored);
        // A new message in the card is a new pop-up.
        card.body = Some("Conseil en temps réel Dites merci au client".into());
        assert!(matches!(r.record(&card), Outcome::Store(_)));
        // The browser extension heard the same toast.
        let mut heard = toast.clone();
        heard.via_extension = true;
        assert_eq!(r.record(&heard), Outcome::Ignored);
        // A toast of the page, heard again later, is a new pop-up.
        toast.seen += SAME_POPUP + Duration::from_millis(1);
        assert!(matches!(r.record(&toast), Outcome::Store(_)));
        // A title change of a window without text stays a new message.
        let mut w = Detection::new(PopupSource::Window);
        w.title = Some("Parlez plus vite".into());
        w.window = Some(8);
        assert!(matches!(r.record(&w), Outcome::Store(_)));
        w.title = Some("Ralentissez".into());
        w.change = WindowChange::Retitled;
        assert!(matches!(r.record(&w), Outcome::Store(_)));
    }
}
