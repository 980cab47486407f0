//! Announcements made to screen readers: the toasts of web agent desktops and the cues of coaching
//! apps built on Chromium or Electron. A page marks them `role="alert"`, `role="status"` or
//! `aria-live`; the browser tells assistive clients on the accessibility bus:
//! - Chromium: `object:text-changed:insert` from an object whose attributes carry
//!   `container-live`, and `object:children-changed:add` of such an object;
//! - Firefox: `object:children-changed:add` of a child with `container-live` or the role alert,
//!   and `object:state-changed:showing` on an alert;
//! - either: `object:announcement` (`ariaNotify`).
//!
//! As Orca's live-region presenter does, only what is inside a page counts (never the browser's
//! own bars and bubbles), and the same text heard again within a second is one announcement. The
//! signal's own fields are looked at first; an object is asked for its attributes, role and
//! parents only when its signal may be an announcement, once (cached). Only the announced part is
//! read, never the page around it.
//!
//! Chromium and Electron build their tree only once an assistive client asks them something: each
//! application joining the bus is asked for its windows, which is enough. What a page showed
//! before that (in the first second) is not a new pop-up.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::Sender;
use futures_util::StreamExt;
use zbus::{Connection, Message, MessageStream, OwnedObjectPath, OwnedVariant};

use super::{Node, role};
use crate::events::PopupSource;
use crate::popups::{Detection, Source, SourceReport, SourceState};

/// The events the registry is asked for (applications send only those someone listens to).
const EVENTS: &[&str] = &[
    "object:text-changed:insert",
    "object:children-changed:add",
    "object:state-changed:showing",
    "object:announcement",
];
const MEMBERS: &[&str] = &[
    "TextChanged",
    "ChildrenChanged",
    "StateChanged",
    "Announcement",
];
const EVENT_OBJECT: &str = "org.a11y.atspi.Event.Object";

/// The same text from the same application within this is one announcement (a browser reports
/// one toast as a text insertion and as a child added, Firefox an alert also as shown).
const SAME: Duration = Duration::from_secs(1);
/// What an application announces just after it was first asked is what it already showed.
const SETTLING: Duration = Duration::from_secs(1);
/// Objects remembered at most (per object: its role, whether it is live, whether in a page).
const CACHE_MAX: usize = 20_000;
/// An announcement is read up to this many objects and characters.
const READ: super::Reading = super::Reading {
    max_nodes: 60,
    max_chars: 1000,
    controls: false,
};
/// Events held while the thread is busy (a burst of a busy page), per kind.
const QUEUE: Option<std::num::NonZeroUsize> = std::num::NonZeroUsize::new(4096);
/// Reconnection waits this long at first, then twice as long each time, up to [`RETRY_MAX`].
const RETRY: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(60);

/// The source: announcements of pages and apps, through the accessibility bus. With `switch`,
/// it first switches the desktop's accessibility on.
pub struct PageWatcher {
    switch: bool,
    stop: Arc<AtomicBool>,
    /// Wakes the thread wherever it waits on the bus.
    wake: Option<async_channel::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl PageWatcher {
    pub fn new(switch: bool) -> Self {
        Self {
            switch,
            stop: Arc::default(),
            wake: None,
            thread: None,
        }
    }
}

impl Source for PageWatcher {
    fn name(&self) -> &'static str {
        "pages"
    }

    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>) {
        if self.thread.is_some() {
            return;
        }
        self.stop.store(false, Ordering::SeqCst);
        let (wake, woken) = async_channel::bounded(1);
        self.wake = Some(wake);
        let (stop, switch) = (self.stop.clone(), self.switch);
        self.thread = std::thread::Builder::new()
            .name("temoin-pages".into())
            .spawn(move || run(out, reports, stop, woken, switch))
            .ok();
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(wake) = self.wake.take() {
            let _ = wake.try_send(());
        }
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
    }
}

fn run(
    out: Sender<Detection>,
    reports: Sender<SourceReport>,
    stop: Arc<AtomicBool>,
    woken: async_channel::Receiver<()>,
    switch: bool,
) {
    let mut said: Option<SourceState> = None;
    let mut say = |s: SourceState| {
        if said.as_ref() != Some(&s) {
            let _ = reports.send(SourceReport {
                source: "pages",
                state: s.clone(),
            });
            said = Some(s);
        }
    };
    let mut was_watching = false;
    let mut wait = RETRY;
    while !stop.load(Ordering::SeqCst) {
        let stopped = woken.clone();
        let work = async {
            let switched = if switch {
                super::switch_on().await?
            } else {
                false
            };
            // Events on one connection, questions on another: a busy page sends a thousand
            // events a second, and a reply must never wait behind them.
            let heard = super::connect().await?;
            let conn = super::connect().await?;
            let mut streams = Vec::new();
            for member in MEMBERS {
                let rule = zbus::MatchRule::builder()
                    .msg_type(zbus::message::Type::Signal)
                    .interface(EVENT_OBJECT)
                    .member(*member)
                    .build()?;
                streams.push(MessageStream::for_match_rule(rule, &heard, QUEUE).await?);
            }
            let mut events = futures_util::stream::select_all(streams);
            super::register_events(&conn, EVENTS).await?;
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            say(if switched {
                SourceState::SwitchedOn
            } else {
                SourceState::Watching
            });
            was_watching = true;
            wait = RETRY;
            let mut pages = Pages::new(std::process::id());
            for app in super::applications(&conn).await.unwrap_or_default() {
                pages.wake(&conn, &app.bus).await;
            }
            while let Some(msg) = events.next().await {
                let Ok(msg) = msg else { continue };
                if let Some(d) = pages.message(&conn, &msg).await {
                    let _ = out.send(d);
                }
            }
            Err::<(), zbus::Error>(zbus::Error::Failure(
                "the accessibility bus closed the connection".into(),
            ))
        };
        // Being stopped ends the work wherever it waits (connecting, switching on, a call).
        let result = zbus::block_on(async {
            let stop = async {
                let _ = stopped.recv().await;
                Ok(())
            };
            futures_util::pin_mut!(work, stop);
            futures_util::future::select(work, stop)
                .await
                .factor_first()
                .0
        });
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if let Err(e) = result {
            say(if was_watching {
                SourceState::Lost(e.to_string())
            } else {
                SourceState::Unavailable(e.to_string())
            });
        }
        std::thread::park_timeout(wait);
        wait = (wait * 2).min(RETRY_MAX);
    }
    say(SourceState::Stopped);
}

/// An AT-SPI event signal: `(kind, detail1, detail2, any_data, …)`.
struct Signal {
    kind: String,
    detail1: i32,
    any: OwnedVariant,
}

impl Signal {
    fn of(msg: &Message) -> Option<Signal> {
        let body = msg.body();
        // at-spi2-core ≥ 2.34 sends properties last, older ones the application.
        let signature = body.signature().to_string();
        let (kind, detail1, _d2, any) = match signature
            .trim_start_matches('(')
            .trim_end_matches(')')
        {
            "siiva{sv}" => {
                let (k, d1, d2, v, _): (
                    String,
                    i32,
                    i32,
                    OwnedVariant,
                    HashMap<String, OwnedVariant>,
                ) = body.deserialize().ok()?;
                (k, d1, d2, v)
            }
            "siiv(so)" => {
                let (k, d1, d2, v, _): (String, i32, i32, OwnedVariant, (String, OwnedObjectPath)) =
                    body.deserialize().ok()?;
                (k, d1, d2, v)
            }
            "siiv" => body.deserialize().ok()?,
            _ => return None,
        };
        Some(Signal { kind, detail1, any })
    }

    fn text(&self) -> Option<String> {
        String::try_from(self.any.try_clone().ok()?).ok()
    }

    fn node(&self) -> Option<Node> {
        let (bus, path) = <(String, OwnedObjectPath)>::try_from(self.any.try_clone().ok()?).ok()?;
        let n = Node { bus, path };
        (!n.is_null() && !n.bus.is_empty()).then_some(n)
    }
}

/// What is known of an object, filled in as needed.
#[derive(Default, Clone, Copy)]
struct Info {
    role: Option<u32>,
    /// Inside a live region (`container-live` polite or assertive), or one itself.
    live: Option<bool>,
    /// Inside a page (under a document), not the browser's own interface.
    in_page: Option<bool>,
}

/// An application on the bus, as far as announcements go.
struct App {
    /// Témoin's own window, which also speaks on the bus: never read.
    ours: bool,
    name: Option<String>,
    woken: Option<Instant>,
}

/// Announcements heard on the bus, turned into detections.
pub(crate) struct Pages {
    own_pid: u32,
    apps: HashMap<String, App>,
    /// What is known of each object, by application then path (looked up without allocating:
    /// most events of a busy page are from objects already known not to be live).
    objects: HashMap<String, HashMap<String, Info>>,
    known: usize,
    recent: VecDeque<(Instant, String, String)>,
}

impl Pages {
    pub(crate) fn new(own_pid: u32) -> Self {
        Self {
            own_pid,
            apps: HashMap::new(),
            objects: HashMap::new(),
            known: 0,
            recent: VecDeque::new(),
        }
    }

    /// Asks a new application for its windows: Chromium and Electron build their tree then.
    async fn wake(&mut self, conn: &Connection, bus: &str) {
        if self.app(conn, bus).await.woken.is_some() {
            return;
        }
        let root = Node::root(bus);
        let _ = root.children(conn).await;
        if let Some(app) = self.apps.get_mut(bus) {
            app.woken = Some(Instant::now());
        }
    }

    async fn app(&mut self, conn: &Connection, bus: &str) -> &mut App {
        if !self.apps.contains_key(bus) {
            let ours = super::pid_of(conn, bus).await == Some(self.own_pid);
            self.apps.insert(
                bus.to_string(),
                App {
                    ours,
                    name: None,
                    woken: None,
                },
            );
        }
        self.apps.get_mut(bus).expect("just inserted")
    }

    fn cached(&self, bus: &str, path: &str) -> Option<Info> {
        self.objects.get(bus).and_then(|m| m.get(path)).copied()
    }

    fn known(&self, node: &Node) -> Option<Info> {
        self.cached(&node.bus, node.path.as_str())
    }

    fn remember(&mut self, node: &Node, info: Info) {
        if self.known > CACHE_MAX {
            self.objects.clear();
            self.known = 0;
        }
        let old = self
            .objects
            .entry(node.bus.clone())
            .or_default()
            .insert(node.path.to_string(), info);
        if old.is_none() {
            self.known += 1;
        }
    }

    async fn info(&mut self, conn: &Connection, node: &Node, what: Need) -> Info {
        let mut info = self.known(node).unwrap_or_default();
        if info.live.is_none() || (what == Need::Role && info.role.is_none()) {
            if info.live.is_none() {
                let live = match node.attributes(conn).await {
                    Ok(a) => ["container-live", "live"]
                        .iter()
                        .any(|k| a.get(*k).is_some_and(|v| v == "polite" || v == "assertive")),
                    Err(_) => false,
                };
                info.live = Some(live);
            }
            if what == Need::Role && info.role.is_none() {
                info.role = node.role(conn).await.ok();
            }
            self.remember(node, info);
        }
        info
    }

    /// Whether `node` is inside a page: its parents are walked up to a document (yes) or a
    /// window (no), and every parent passed is remembered.
    async fn in_page(&mut self, conn: &Connection, node: &Node) -> bool {
        let mut walked = Vec::new();
        let mut at = node.clone();
        let answer = loop {
            if let Some(known) = self.known(&at).and_then(|i| i.in_page) {
                break known;
            }
            if walked.len() > 64 {
                break false;
            }
            let r = match self.known(&at).and_then(|i| i.role) {
                Some(r) => Some(r),
                None => at.role(conn).await.ok(),
            };
            match r {
                Some(r) if role::is_document(r) => break true,
                Some(r) if role::is_top(r) => break false,
                None => break false,
                _ => {}
            }
            walked.push((at.clone(), r));
            match at.parent(conn).await {
                Ok(Some(p)) => at = p,
                _ => break false,
            }
        };
        for (n, r) in walked {
            let mut e = self.known(&n).unwrap_or_default();
            e.in_page = Some(answer);
            e.role = e.role.or(r);
            self.remember(&n, e);
        }
        answer
    }

    /// The detection a signal makes, if it is an announcement from a page.
    pub(crate) async fn message(&mut self, conn: &Connection, msg: &Message) -> Option<Detection> {
        let header = msg.header();
        let member = header.member()?.as_str();
        let sender = header.sender()?.as_str();
        let path = header.path()?.as_str();
        // Most text changes of a busy page come from objects already known not to be live: they
        // are dropped before their body is even read.
        if member == "TextChanged"
            && self
                .cached(sender, path)
                .is_some_and(|i| i.live == Some(false))
        {
            return None;
        }
        let signal = Signal::of(msg)?;
        let seen = Instant::now();
        let at = chrono::Utc::now();
        let source = Node::new(sender, path)?;
        // The signal's own fields first: most events are not announcements.
        let candidate = match member {
            "ChildrenChanged" if signal.kind.starts_with("remove") && path == super::ROOT => {
                if let Some(app) = signal.node().filter(|a| a.bus != sender) {
                    self.forget(&app.bus);
                }
                return None;
            }
            "ChildrenChanged" if signal.kind.starts_with("add") => {
                let child = signal.node()?;
                if path == super::ROOT && child.bus != sender {
                    // The registry: an application joined the bus.
                    self.wake(conn, &child.bus).await;
                    return None;
                }
                Candidate::Added(child)
            }
            "TextChanged" if signal.kind.starts_with("insert") => {
                let text = signal.text()?;
                if text
                    .trim_matches(|c: char| c.is_whitespace() || c == '\u{fffc}')
                    .is_empty()
                {
                    return None;
                }
                Candidate::Inserted(source, text)
            }
            "StateChanged" if signal.kind == "showing" && signal.detail1 == 1 => {
                Candidate::Shown(source)
            }
            "Announcement" => Candidate::Announced(source, signal.text()?),
            _ => return None,
        };
        let bus = candidate.node().bus.clone();
        {
            let app = self.app(conn, &bus).await;
            if app.ours || app.woken.is_some_and(|w| seen.duration_since(w) < SETTLING) {
                return None;
            }
        }
        let text = match candidate {
            Candidate::Inserted(node, text) => {
                if self.info(conn, &node, Need::Live).await.live != Some(true)
                    || !self.in_page(conn, &node).await
                {
                    return None;
                }
                if text.contains('\u{fffc}') {
                    super::subtree_text(conn, &node, READ).await
                } else {
                    text
                }
            }
            Candidate::Added(node) => {
                let info = self.info(conn, &node, Need::Role).await;
                let alert = info.role.is_some_and(is_alert);
                if !(info.live == Some(true) || alert) || !self.in_page(conn, &node).await {
                    return None;
                }
                super::subtree_text(conn, &node, READ).await
            }
            Candidate::Shown(node) => {
                let info = self.info(conn, &node, Need::Role).await;
                if !info.role.is_some_and(is_alert) || !self.in_page(conn, &node).await {
                    return None;
                }
                super::subtree_text(conn, &node, READ).await
            }
            Candidate::Announced(node, text) => {
                if !self.in_page(conn, &node).await {
                    return None;
                }
                text
            }
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || self.heard(seen, &bus, &text) {
            return None;
        }
        let name = self.app_name(conn, &bus).await;
        let mut d = Detection::new(PopupSource::Page);
        d.at = at;
        d.seen = seen;
        d.app = name;
        d.body = Some(text);
        Some(d)
    }

    /// Whether this text was just announced by the same application (and remembers it).
    fn heard(&mut self, now: Instant, bus: &str, text: &str) -> bool {
        while self
            .recent
            .front()
            .is_some_and(|(t, ..)| now.duration_since(*t) > SAME)
        {
            self.recent.pop_front();
        }
        if self.recent.iter().any(|(_, b, t)| b == bus && t == text) {
            return true;
        }
        self.recent
            .push_back((now, bus.to_string(), text.to_string()));
        false
    }

    async fn app_name(&mut self, conn: &Connection, bus: &str) -> Option<String> {
        if let Some(n) = self.apps.get(bus).and_then(|a| a.name.clone()) {
            return Some(n);
        }
        let name = Node::root(bus).name(conn).await;
        let name = (!name.trim().is_empty()).then_some(name);
        if let Some(app) = self.apps.get_mut(bus) {
            app.name = name.clone();
        }
        name
    }

    /// Forgets what was known of an application that left the bus.
    fn forget(&mut self, bus: &str) {
        self.apps.remove(bus);
        if let Some(gone) = self.objects.remove(bus) {
            self.known -= gone.len();
        }
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Need {
    Live,
    Role,
}

enum Candidate {
    Inserted(Node, String),
    Added(Node),
    Shown(Node),
    Announced(Node, String),
}

impl Candidate {
    fn node(&self) -> &Node {
        match self {
            Candidate::Inserted(n, _)
            | Candidate::Added(n)
            | Candidate::Shown(n)
            | Candidate::Announced(n, _) => n,
        }
    }
}

/// Roles that announce themselves, live region or not.
fn is_alert(r: u32) -> bool {
    matches!(r, role::ALERT | role::NOTIFICATION)
}
