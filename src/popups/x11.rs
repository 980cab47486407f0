//! X11 sources: new top-level windows (and title changes of the windows shown since), and the
//! global "Pop-up !" hotkey through a key grab. Event-driven: each thread sleeps in `poll(2)` on
//! the X connection and a stop pipe, so an idle watcher costs nothing. The X server going away is
//! reported and the connection retried; no X server at all is "unavailable", and the rest of the
//! app runs.

use std::collections::{HashMap, HashSet};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::Sender;
use x11rb::connection::Connection;
use x11rb::protocol::Event as XEvent;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ChangeWindowAttributesAux, ConnectionExt, EventMask, GrabMode, ModMask, Window,
};
use x11rb::rust_connection::RustConnection;

use super::a11y::window::{Found, Reader, Wanted};
use super::changes::{Changes, Rect};
use super::{Detection, Source, SourceReport, SourceState, WindowChange};
use crate::events::PopupSource;
use x11rb::protocol::damage::{self, ConnectionExt as _};
use x11rb::protocol::xfixes::ConnectionExt as _;

/// Pause between reconnection attempts.
const RETRY: Duration = Duration::from_secs(2);
/// A window seen twice within this (map, then client list) is one pop-up.
const SAME_SHOWING: Duration = Duration::from_secs(1);
/// Titles are read up to this many bytes (a 10 kB title is cut, then cleaned by `mask`).
const TITLE_MAX_WORDS: u32 = 4096;

/// Wakes a sleeping source thread: the write end of a pipe it polls.
struct StopPipe {
    read: OwnedFd,
    write: Option<OwnedFd>,
}

impl StopPipe {
    fn new() -> std::io::Result<Self> {
        let mut fds = [0; 2];
        // SAFETY: pipe2 fills two valid descriptors on success, which we then own.
        let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        if rc != 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: both descriptors were just created and are owned by nobody else.
        unsafe {
            use std::os::fd::FromRawFd;
            Ok(Self {
                read: OwnedFd::from_raw_fd(fds[0]),
                write: Some(OwnedFd::from_raw_fd(fds[1])),
            })
        }
    }
}

/// What woke the thread.
#[derive(PartialEq)]
enum Wake {
    Stop,
    Ready,
    Timeout,
}

/// Sleeps until `fd` is readable, the stop pipe is closed, or `timeout`.
fn wait(stop: RawFd, fd: Option<RawFd>, timeout: Option<Duration>) -> Wake {
    let mut fds = vec![libc::pollfd {
        fd: stop,
        events: libc::POLLIN,
        revents: 0,
    }];
    if let Some(fd) = fd {
        fds.push(libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        });
    }
    let ms = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
    // SAFETY: fds is a valid array of pollfd for the duration of the call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    if n <= 0 {
        return Wake::Timeout;
    }
    if fds[0].revents != 0 {
        Wake::Stop
    } else {
        Wake::Ready
    }
}

/// A running X11 thread.
struct Running {
    stop: StopPipe,
    thread: JoinHandle<()>,
}

impl Running {
    fn stop(mut self) {
        // Closing the write end wakes the poll.
        self.stop.write.take();
        let _ = self.thread.join();
    }
}

/// What a connection loop does once connected; `Err` is a lost connection.
trait Session: Send + 'static {
    fn name(&self) -> &'static str;
    fn setup(&mut self, conn: &RustConnection, root: Window) -> Result<(), String>;
    fn event(&mut self, conn: &RustConnection, root: Window, ev: XEvent) -> Result<(), String>;
    /// When something is to be done without an event, if ever.
    fn due(&self) -> Option<Instant> {
        None
    }
    /// Does what was due.
    fn tick(&mut self, _conn: &RustConnection) {}
}

fn spawn(mut session: impl Session, reports: Sender<SourceReport>) -> Option<Running> {
    let stop = StopPipe::new().ok()?;
    let stop_fd = stop.read.as_raw_fd();
    let name = session.name();
    let report = move |state| {
        let _ = reports.send(SourceReport {
            source: name,
            state,
        });
    };
    let thread = std::thread::Builder::new()
        .name(format!("temoin-{name}"))
        .spawn(move || {
            let mut was_watching = false;
            let mut said: Option<SourceState> = None;
            let mut say = |s: SourceState| {
                if said.as_ref() != Some(&s) {
                    report(s.clone());
                    said = Some(s);
                }
            };
            loop {
                let problem = match x11rb::connect(None) {
                    Err(e) => e.to_string(),
                    Ok((conn, screen)) => {
                        let root = conn.setup().roots[screen].root;
                        match session.setup(&conn, root) {
                            Err(e) => e,
                            Ok(()) => {
                                // A round trip: every subscription setup asked for (the windows
                                // already open) is in force before watching is said, or a title
                                // changed at once was missed (seen once under a loaded suite).
                                let _ = conn.get_input_focus().map(|c| c.reply());
                                say(SourceState::Watching);
                                was_watching = true;
                                match serve(&conn, root, &mut session, stop_fd) {
                                    Ok(()) => break,
                                    Err(e) => e,
                                }
                            }
                        }
                    }
                };
                say(if was_watching {
                    SourceState::Lost(problem)
                } else {
                    SourceState::Unavailable(problem)
                });
                if wait(stop_fd, None, Some(RETRY)) == Wake::Stop {
                    break;
                }
            }
            say(SourceState::Stopped);
        })
        .ok()?;
    Some(Running { stop, thread })
}

/// Handles events until stopped (`Ok`) or the connection fails (`Err`).
fn serve(
    conn: &RustConnection,
    root: Window,
    session: &mut impl Session,
    stop: RawFd,
) -> Result<(), String> {
    let fd = conn.stream().as_raw_fd();
    loop {
        while let Some(ev) = conn.poll_for_event().map_err(|e| e.to_string())? {
            session.event(conn, root, ev)?;
        }
        if session.due().is_some_and(|d| d <= Instant::now()) {
            session.tick(conn);
        }
        conn.flush().map_err(|e| e.to_string())?;
        let timeout = session
            .due()
            .map(|d| d.saturating_duration_since(Instant::now()));
        if wait(stop, Some(fd), timeout) == Wake::Stop {
            return Ok(());
        }
    }
}

struct Atoms {
    client_list: Atom,
    net_wm_pid: Atom,
    net_wm_name: Atom,
    utf8: Atom,
}

impl Atoms {
    fn get(conn: &RustConnection) -> Result<Self, String> {
        let atom = |name: &[u8]| -> Result<Atom, String> {
            Ok(conn
                .intern_atom(false, name)
                .map_err(|e| e.to_string())?
                .reply()
                .map_err(|e| e.to_string())?
                .atom)
        };
        Ok(Self {
            client_list: atom(b"_NET_CLIENT_LIST")?,
            net_wm_pid: atom(b"_NET_WM_PID")?,
            net_wm_name: atom(b"_NET_WM_NAME")?,
            utf8: atom(b"UTF8_STRING")?,
        })
    }
}

/// Watches for new top-level windows: map notifications on the root, and `_NET_CLIENT_LIST`
/// where a window manager keeps one; then their title changes. A new window's text is read
/// through the accessibility bus ([`super::a11y::window`]) or, with `ocr`, from its pixels
/// ([`super::ocr`]) before it is reported.
pub struct WindowWatcher {
    ocr: bool,
    skip_notification_windows: bool,
    running: Option<Running>,
    reader: Option<JoinHandle<()>>,
}

impl WindowWatcher {
    /// `skip_notification_windows`: notifications are watched on the session bus, so their
    /// daemon's bubbles are not read again as windows.
    pub fn new(ocr: bool, skip_notification_windows: bool) -> Self {
        Self {
            ocr,
            skip_notification_windows,
            running: None,
            reader: None,
        }
    }
}

/// Time for a new window to paint itself before its pixels are read.
const PAINT: Duration = Duration::from_millis(300);
/// A window whose application, window or page is not on the accessibility bus yet is asked again
/// after each of these waits (3 s in all: a browser's app window loads its page meanwhile).
const AGAIN: [u64; 8] = [100, 200, 300, 400, 500, 500, 500, 500];
/// A shown window's title changes within this are read again (its page may have come since).
const READ_AGAIN_WITHIN: Duration = Duration::from_secs(10);

/// What the reader is given: a window to read.
struct ReadJob {
    d: Detection,
    window: Window,
    /// Its process, when it says (`_NET_WM_PID`).
    pid: Option<u32>,
    /// Its place on the screen: x, y, width, height.
    place: Option<(i32, i32, i32, i32)>,
    /// Only this part of it, by OCR: a region of a large window that changed.
    part: Option<Rect>,
}

/// Windows found to be a browser's own (with tabs): their title changes are never pop-ups.
type Browsers = Arc<Mutex<HashSet<Window>>>;

/// Reads new windows' text, on its own thread and connections so watching never waits: through
/// the accessibility bus where the app exposes it, else by OCR where the worker enabled it. A
/// window not on the bus yet is asked again a few times, without holding up the others.
fn reader_loop(
    jobs: crossbeam_channel::Receiver<ReadJob>,
    ocr: bool,
    browsers: Browsers,
    out: Sender<Detection>,
    reports: Sender<SourceReport>,
) {
    let mut r = WindowReader {
        ocr,
        browsers,
        out,
        reports,
        conn: None,
        atspi: Reader::default(),
        said: None,
        parts: HashMap::new(),
    };
    // (when to ask again, how many times asked, the job)
    let mut pending: Vec<(Instant, usize, ReadJob)> = Vec::new();
    loop {
        let next = pending.iter().map(|p| p.0).min();
        let got = match next {
            Some(due) => jobs.recv_deadline(due),
            None => jobs
                .recv()
                .map_err(|_| crossbeam_channel::RecvTimeoutError::Disconnected),
        };
        match got {
            Ok(mut job) => {
                // A newer look at a window replaces the one waiting (a new title, same window).
                if let Some(i) = pending.iter().position(|p| p.2.window == job.window) {
                    let (_, _, old) = pending.swap_remove(i);
                    job.d.change = old.d.change;
                    job.d.at = old.d.at;
                    job.d.seen = old.d.seen;
                }
                if let Some(again) = r.attempt(job, 0) {
                    pending.push(again);
                }
            }
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                let (due, later): (Vec<_>, Vec<_>) = pending.drain(..).partition(|p| p.0 <= now);
                pending = later;
                for (_, asked, job) in due {
                    if let Some(again) = r.attempt(job, asked) {
                        pending.push(again);
                    }
                }
            }
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                // Stopping: what waits is read once more, as it is now, and sent.
                for (_, _, job) in pending.drain(..) {
                    let _ = r.attempt(job, AGAIN.len());
                }
                break;
            }
        }
    }
}

struct WindowReader {
    ocr: bool,
    browsers: Browsers,
    out: Sender<Detection>,
    reports: Sender<SourceReport>,
    conn: Option<RustConnection>,
    atspi: Reader,
    said: Option<SourceState>,
    /// What each large window's changed part looked like when last read.
    parts: HashMap<Window, Option<u64>>,
}

impl WindowReader {
    /// Reads a window and sends it; `Some` when it is to be asked again later.
    fn attempt(&mut self, mut job: ReadJob, asked: usize) -> Option<(Instant, usize, ReadJob)> {
        if let Some(part) = job.part {
            if let Some(text) = self.ocr_part(job.window, part) {
                job.d.body = Some(text);
                let _ = self.out.send(job.d);
            }
            return None;
        }
        let mut body = None;
        if let Some(pid) = job.pid {
            let wanted = Wanted {
                pid,
                title: job.d.title.clone().unwrap_or_default(),
                place: job.place,
                controls: false,
            };
            match self.atspi.read(&wanted) {
                Found::Text(t) => body = Some(t).filter(|t| !t.trim().is_empty()),
                Found::Browser => {
                    self.browsers
                        .lock()
                        .expect("browser windows")
                        .insert(job.window);
                    job.d.change = WindowChange::Background;
                    let _ = self.out.send(job.d);
                    return None;
                }
                Found::NotYet if asked < AGAIN.len() => {
                    let due = Instant::now() + Duration::from_millis(AGAIN[asked]);
                    return Some((due, asked + 1, job));
                }
                Found::NotYet | Found::Nothing => {}
            }
        }
        if body.is_none() && self.ocr {
            body = self.ocr(&job);
        }
        job.d.body = body;
        let _ = self.out.send(job.d);
        None
    }

    /// The text of a changed part of a large window, when it shows something new.
    fn ocr_part(&mut self, window: Window, part: Rect) -> Option<String> {
        let last = self.parts.entry(window).or_default();
        let mut last_seen = *last;
        let read = |c: &RustConnection| {
            let p = (
                part.x as i16,
                part.y as i16,
                part.w.max(0) as u16,
                part.h.max(0) as u16,
            );
            super::ocr::read_region(c, window, p, &mut last_seen)
        };
        let got = self.with_x(read);
        self.parts.insert(window, last_seen);
        got.flatten().filter(|t| !t.trim().is_empty())
    }

    /// Runs an OCR read on this thread's own X connection and reports how OCR fares.
    fn with_x<T>(
        &mut self,
        read: impl FnOnce(&RustConnection) -> Result<T, super::ocr::OcrError>,
    ) -> Option<T> {
        if self.conn.is_none() {
            self.conn = x11rb::connect(None).ok().map(|(c, _)| c);
        }
        let mut got = None;
        let state = match self.conn.as_ref().map(read) {
            Some(Ok(t)) => {
                got = Some(t);
                Some(SourceState::Watching)
            }
            // A window gone before it could be read, or too big to be a pop-up: as is.
            Some(Err(super::ocr::OcrError::Grab(_) | super::ocr::OcrError::TooLarge(..))) => {
                self.conn = None;
                None
            }
            Some(Err(e)) => Some(SourceState::Unavailable(e.to_string())),
            None => Some(SourceState::Unavailable("no X server".into())),
        };
        if let Some(st) = state
            && self.said.as_ref() != Some(&st)
        {
            let _ = self.reports.send(SourceReport {
                source: "ocr",
                state: st.clone(),
            });
            self.said = Some(st);
        }
        got
    }

    fn ocr(&mut self, job: &ReadJob) -> Option<String> {
        std::thread::sleep(PAINT.saturating_sub(job.d.seen.elapsed()));
        let window = job.window;
        self.with_x(|c| super::ocr::read_window(c, window))
            .filter(|t| !t.trim().is_empty())
    }
}

impl Source for WindowWatcher {
    fn name(&self) -> &'static str {
        "windows"
    }

    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>) {
        if self.running.is_some() {
            return;
        }
        let (reader, jobs) = crossbeam_channel::unbounded();
        let ocr = self.ocr;
        let browsers = Browsers::default();
        let (to, rep, found) = (out.clone(), reports.clone(), browsers.clone());
        self.reader = std::thread::Builder::new()
            .name("temoin-reader".into())
            .spawn(move || reader_loop(jobs, ocr, found, to, rep))
            .ok();
        self.running = spawn(
            Windows {
                out,
                reader,
                browsers,
                ocr: self.ocr,
                damage: false,
                changes: HashMap::new(),
                skip_notification_windows: self.skip_notification_windows,
                atoms: None,
                clients: HashSet::new(),
                shown: HashMap::new(),
                background: HashMap::new(),
            },
            reports,
        );
    }

    fn stop(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop();
        }
        // The watcher's end closed the reader's queue: what was queued is read and sent first.
        if let Some(t) = self.reader.take() {
            let _ = t.join();
        }
    }
}

/// A window shown since watching began.
struct Shown {
    first: Instant,
    last: Instant,
    title: String,
}

/// Notification daemons' bubbles (their text comes through the session bus).
fn notification_daemon(class: &str) -> bool {
    const DAEMONS: &[&str] = &[
        "dunst",
        "notify-osd",
        "xfce4-notifyd",
        "mate-notification-daemon",
        "lxqt-notificationd",
        "notification-daemon",
        "mako",
        "swaync",
        "deadd-notification-center",
    ];
    let class = class.to_ascii_lowercase();
    class.split(' ').any(|part| DAEMONS.contains(&part))
}

/// Whether the X server reports what is drawn again (XDamage, with XFixes for its regions).
fn damage_available(conn: &RustConnection) -> bool {
    let fixes = conn
        .xfixes_query_version(5, 0)
        .ok()
        .and_then(|c| c.reply().ok())
        .is_some();
    fixes
        && conn
            .damage_query_version(1, 1)
            .ok()
            .and_then(|c| c.reply().ok())
            .is_some()
}

/// Where a window is on the screen: x, y, width, height.
fn place(conn: &RustConnection, w: Window) -> Option<(i32, i32, i32, i32)> {
    let geo = conn.get_geometry(w).ok()?.reply().ok()?;
    let at = conn
        .translate_coordinates(w, geo.root, 0, 0)
        .ok()?
        .reply()
        .ok()?;
    Some((
        at.dst_x as i32,
        at.dst_y as i32,
        geo.width as i32,
        geo.height as i32,
    ))
}

struct Windows {
    out: Sender<Detection>,
    /// New windows go here to have their text read (accessibility bus, OCR).
    reader: Sender<ReadJob>,
    /// Windows the reader found to be a browser's own.
    browsers: Browsers,
    /// The worker turned OCR on: large windows are read where they change.
    ocr: bool,
    /// The X server reports what is drawn again (XDamage).
    damage: bool,
    /// Large windows followed for changes: their damage object, class, and changes.
    changes: HashMap<Window, (u32, Option<String>, Changes)>,
    /// Notification bubbles are caught on the session bus: their windows are not pop-ups again.
    skip_notification_windows: bool,
    atoms: Option<Atoms>,
    /// Windows in `_NET_CLIENT_LIST` last time it was read.
    clients: HashSet<Window>,
    /// Windows shown: when first, when last reported, and the title last reported.
    shown: HashMap<Window, Shown>,
    /// Windows open before watching began, with their title: followed for the softphone rule.
    background: HashMap<Window, String>,
}

impl Windows {
    fn read_text(&self, conn: &RustConnection, w: Window, prop: Atom, ty: Atom) -> Option<Vec<u8>> {
        let reply = conn
            .get_property(false, w, prop, ty, 0, TITLE_MAX_WORDS)
            .ok()?
            .reply()
            .ok()?;
        (reply.format == 8 && !reply.value.is_empty()).then_some(reply.value)
    }

    /// The window's title (`_NET_WM_NAME`, else `WM_NAME`) and class, if it has any.
    fn describe(
        &self,
        conn: &RustConnection,
        w: Window,
    ) -> Option<(Option<String>, Option<String>)> {
        let a = self.atoms.as_ref()?;
        let title = self
            .read_text(conn, w, a.net_wm_name, a.utf8)
            .or_else(|| self.read_text(conn, w, AtomEnum::WM_NAME.into(), AtomEnum::ANY.into()))
            .map(|v| String::from_utf8_lossy(&v).into_owned());
        // WM_CLASS is "instance\0class\0": both say which program it is.
        let class = self
            .read_text(conn, w, AtomEnum::WM_CLASS.into(), AtomEnum::STRING.into())
            .map(|v| {
                String::from_utf8_lossy(&v)
                    .split('\0')
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        (title.is_some() || class.is_some()).then_some((title, class))
    }

    /// The client window of a frame a window manager put around it (one level down).
    fn client_of(
        &self,
        conn: &RustConnection,
        w: Window,
    ) -> Option<(Window, Option<String>, Option<String>)> {
        if let Some((t, c)) = self.describe(conn, w) {
            return Some((w, t, c));
        }
        let tree = conn.query_tree(w).ok()?.reply().ok()?;
        tree.children
            .iter()
            .find_map(|&child| self.describe(conn, child).map(|(t, c)| (child, t, c)))
    }

    fn seen(&mut self, conn: &RustConnection, w: Window, title_change: bool) {
        let Some((client, title, class)) = self.client_of(conn, w) else {
            return;
        };
        if self.skip_notification_windows && class.as_deref().is_some_and(notification_daemon) {
            return;
        }
        if self
            .browsers
            .lock()
            .expect("browser windows")
            .contains(&client)
        {
            // A browser's own window: followed like those open before watching began; its pages
            // are heard on the accessibility bus, not read by OCR.
            self.shown.remove(&client);
            self.changes.remove(&client);
            self.follow(conn, client, WindowChange::Background);
            return;
        }
        let now = Instant::now();
        let title_text = title.clone().unwrap_or_default();
        let first = match self.shown.get(&client) {
            Some(s) => {
                let same = s.title == title_text;
                if same && (title_change || now.duration_since(s.last) < SAME_SHOWING) {
                    return;
                }
                s.first
            }
            None if title_change => return,
            None => now,
        };
        self.shown.insert(
            client,
            Shown {
                first,
                last: now,
                title: title_text,
            },
        );
        // Title changes of a shown window are new messages in the same pop-up.
        let _ = conn.change_window_attributes(
            client,
            &ChangeWindowAttributesAux::new()
                .event_mask(EventMask::PROPERTY_CHANGE | EventMask::STRUCTURE_NOTIFY),
        );
        self.follow_changes(conn, client, &class);
        let mut d = Detection::new(PopupSource::Window);
        d.seen = now;
        d.app = class;
        d.title = title;
        d.window = Some(client);
        if title_change {
            d.change = WindowChange::Retitled;
        }
        if title_change && now.duration_since(first) > READ_AGAIN_WITHIN {
            let _ = self.out.send(d);
        } else {
            let job = ReadJob {
                d,
                window: client,
                pid: self.pid(conn, client),
                place: place(conn, client),
                part: None,
            };
            let _ = self.reader.send(job);
        }
    }

    /// A window open before watching began: followed, its title reported for the softphone rule.
    fn follow(&mut self, conn: &RustConnection, w: Window, change: WindowChange) {
        let Some((client, title, class)) = self.client_of(conn, w) else {
            return;
        };
        let title_text = title.clone().unwrap_or_default();
        if change == WindowChange::Background && self.background.get(&client) == Some(&title_text) {
            return;
        }
        if self.background.insert(client, title_text).is_none() {
            let _ = conn.change_window_attributes(
                client,
                &ChangeWindowAttributesAux::new()
                    .event_mask(EventMask::PROPERTY_CHANGE | EventMask::STRUCTURE_NOTIFY),
            );
            let browser = self
                .browsers
                .lock()
                .expect("browser windows")
                .contains(&client);
            if !browser {
                self.follow_changes(conn, client, &class);
            }
        }
        let mut d = Detection::new(PopupSource::Window);
        d.app = class;
        d.title = title;
        d.window = Some(client);
        d.change = WindowChange::Background;
        let _ = self.out.send(d);
    }

    /// With OCR on, a window the size of a browser or a CRM is followed where it changes: a
    /// message drawn inside it (a toast in a page nobody else can hear) is read there.
    fn follow_changes(&mut self, conn: &RustConnection, w: Window, class: &Option<String>) {
        if !self.damage || self.changes.contains_key(&w) {
            return;
        }
        let Some(geo) = conn.get_geometry(w).ok().and_then(|c| c.reply().ok()) else {
            return;
        };
        if geo.width <= super::ocr::FOLLOW_WIDTH && geo.height <= super::ocr::FOLLOW_HEIGHT {
            return;
        }
        let Ok(id) = conn.generate_id() else { return };
        if conn
            .damage_create(id, w, damage::ReportLevel::NON_EMPTY)
            .is_ok()
        {
            self.changes
                .insert(w, (id, class.clone(), Changes::default()));
        }
    }

    /// What was drawn again in a followed window.
    fn damaged(&mut self, conn: &RustConnection, e: &damage::NotifyEvent) {
        let Some((_, _, changes)) = self.changes.get_mut(&e.drawable) else {
            return;
        };
        let Ok(region) = conn.generate_id() else {
            return;
        };
        let rects = (|| -> Option<Vec<Rect>> {
            conn.xfixes_create_region(region, &[]).ok()?;
            conn.damage_subtract(e.damage, x11rb::NONE, region).ok()?;
            let r = conn.xfixes_fetch_region(region).ok()?.reply().ok()?;
            Some(
                r.rectangles
                    .iter()
                    .map(|r| Rect {
                        x: r.x.into(),
                        y: r.y.into(),
                        w: r.width.into(),
                        h: r.height.into(),
                    })
                    .collect(),
            )
        })();
        let _ = conn.xfixes_destroy_region(region);
        if let Some(rects) = rects {
            changes.damaged(&rects, Instant::now());
        }
    }

    /// The process that owns the window (`_NET_WM_PID`), when it says.
    fn pid(&self, conn: &RustConnection, w: Window) -> Option<u32> {
        let a = self.atoms.as_ref()?;
        let reply = conn
            .get_property(false, w, a.net_wm_pid, AtomEnum::CARDINAL, 0, 1)
            .ok()?
            .reply()
            .ok()?;
        reply.value32()?.next()
    }

    fn client_list(&self, conn: &RustConnection, root: Window) -> HashSet<Window> {
        let Some(a) = &self.atoms else {
            return HashSet::new();
        };
        conn.get_property(false, root, a.client_list, AtomEnum::WINDOW, 0, 65_536)
            .ok()
            .and_then(|c| c.reply().ok())
            .and_then(|r| r.value32().map(|v| v.collect()))
            .unwrap_or_default()
    }
}

impl Session for Windows {
    fn name(&self) -> &'static str {
        "windows"
    }

    fn setup(&mut self, conn: &RustConnection, root: Window) -> Result<(), String> {
        self.atoms = Some(Atoms::get(conn)?);
        conn.change_window_attributes(
            root,
            &ChangeWindowAttributesAux::new()
                .event_mask(EventMask::SUBSTRUCTURE_NOTIFY | EventMask::PROPERTY_CHANGE),
        )
        .map_err(|e| e.to_string())?
        .check()
        .map_err(|e| e.to_string())?;
        self.changes.clear();
        self.damage = self.ocr && damage_available(conn);
        // Windows already open when watching starts are not new pop-ups; they are followed for
        // the softphone rule (its main window is usually open all day).
        self.clients = self.client_list(conn, root);
        self.shown.clear();
        self.background.clear();
        let open: Vec<Window> = if self.clients.is_empty() {
            conn.query_tree(root)
                .map_err(|e| e.to_string())?
                .reply()
                .map_err(|e| e.to_string())?
                .children
        } else {
            self.clients.iter().copied().collect()
        };
        for w in open {
            self.follow(conn, w, WindowChange::Opened);
        }
        Ok(())
    }

    fn event(&mut self, conn: &RustConnection, root: Window, ev: XEvent) -> Result<(), String> {
        match ev {
            XEvent::MapNotify(m) if m.event == root => self.seen(conn, m.window, false),
            XEvent::PropertyNotify(p) => {
                let Some(a) = &self.atoms else { return Ok(()) };
                if p.window == root && p.atom == a.client_list {
                    let now = self.client_list(conn, root);
                    let new: Vec<Window> = now.difference(&self.clients).copied().collect();
                    self.clients = now;
                    for w in new {
                        self.seen(conn, w, false);
                    }
                } else if p.window != root
                    && (p.atom == a.net_wm_name || p.atom == u32::from(AtomEnum::WM_NAME))
                {
                    if self.background.contains_key(&p.window) {
                        self.follow(conn, p.window, WindowChange::Background);
                    } else {
                        self.seen(conn, p.window, true);
                    }
                }
            }
            XEvent::DamageNotify(e) => self.damaged(conn, &e),
            XEvent::DestroyNotify(d) => {
                self.clients.remove(&d.window);
                self.changes.remove(&d.window);
                let known = self.shown.remove(&d.window).is_some()
                    || self.background.remove(&d.window).is_some();
                if known {
                    let mut closed = Detection::new(PopupSource::Window);
                    closed.window = Some(d.window);
                    closed.change = WindowChange::Closed;
                    let _ = self.out.send(closed);
                }
            }
            XEvent::Error(_) => {} // a window that vanished before we read it
            _ => {}
        }
        Ok(())
    }

    fn due(&self) -> Option<Instant> {
        self.changes.values().filter_map(|(_, _, c)| c.due()).min()
    }

    fn tick(&mut self, _conn: &RustConnection) {
        let now = Instant::now();
        for (&w, (_, class, changes)) in &mut self.changes {
            let Some(part) = changes.ready(now) else {
                continue;
            };
            let mut d = Detection::new(PopupSource::Window);
            d.app = class.clone();
            d.window = Some(w);
            let _ = self.reader.send(ReadJob {
                d,
                window: w,
                pid: None,
                place: None,
                part: Some(part),
            });
        }
    }
}

/// A key combination such as "Ctrl+Alt+P".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Combo {
    pub modifiers: ModMask,
    pub keysym: u32,
}

impl Combo {
    pub fn parse(s: &str) -> Result<Combo, String> {
        let mut modifiers = ModMask::from(0u16);
        let mut keysym = None;
        for part in s.split('+').map(str::trim) {
            match part.to_ascii_lowercase().as_str() {
                "ctrl" | "control" | "ctl" => modifiers |= ModMask::CONTROL,
                "alt" => modifiers |= ModMask::M1,
                "shift" | "maj" => modifiers |= ModMask::SHIFT,
                "super" | "win" | "meta" => modifiers |= ModMask::M4,
                k if k.len() == 1 && k.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    keysym = Some(k.as_bytes()[0] as u32);
                }
                k if k.starts_with('f')
                    && k[1..].parse::<u32>().is_ok_and(|n| (1..=12).contains(&n)) =>
                {
                    keysym = Some(0xffbe + k[1..].parse::<u32>().unwrap_or(1) - 1);
                }
                "pause" => keysym = Some(0xff13),
                _ => return Err(format!("« {part} »")),
            }
        }
        keysym
            .map(|keysym| Combo { modifiers, keysym })
            .ok_or_else(|| format!("« {s} »"))
    }
}

/// The global hotkey: one press logs a pop-up (the category can be added later).
pub struct Hotkey {
    combo: Combo,
    running: Option<Running>,
}

impl Hotkey {
    pub fn new(combo: Combo) -> Self {
        Self {
            combo,
            running: None,
        }
    }
}

impl Source for Hotkey {
    fn name(&self) -> &'static str {
        "hotkey"
    }

    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>) {
        if self.running.is_none() {
            self.running = spawn(
                Grab {
                    combo: self.combo,
                    keycode: 0,
                    out,
                    last: None,
                },
                reports,
            );
        }
    }

    fn stop(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop();
        }
    }
}

/// Key repeat while held is one press.
const DEBOUNCE: Duration = Duration::from_millis(400);

struct Grab {
    combo: Combo,
    keycode: u8,
    out: Sender<Detection>,
    last: Option<Instant>,
}

impl Session for Grab {
    fn name(&self) -> &'static str {
        "hotkey"
    }

    fn setup(&mut self, conn: &RustConnection, root: Window) -> Result<(), String> {
        let setup = conn.setup();
        let (min, max) = (setup.min_keycode, setup.max_keycode);
        let map = conn
            .get_keyboard_mapping(min, max - min + 1)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let per = map.keysyms_per_keycode.max(1) as usize;
        let index = map
            .keysyms
            .chunks(per)
            .position(|syms| syms.contains(&self.combo.keysym))
            .ok_or_else(|| "no key for this hotkey on this keyboard".to_string())?;
        self.keycode = min + index as u8;
        // The grab must hold whatever the state of Caps Lock and Num Lock.
        for extra in [
            0u16,
            ModMask::LOCK.into(),
            ModMask::M2.into(),
            u16::from(ModMask::LOCK) | u16::from(ModMask::M2),
        ] {
            conn.grab_key(
                false,
                root,
                self.combo.modifiers | ModMask::from(extra),
                self.keycode,
                GrabMode::ASYNC,
                GrabMode::ASYNC,
            )
            .map_err(|e| e.to_string())?
            .check()
            .map_err(|e| format!("hotkey taken by another program ({e:?})"))?;
        }
        Ok(())
    }

    fn event(&mut self, _conn: &RustConnection, _root: Window, ev: XEvent) -> Result<(), String> {
        if let XEvent::KeyPress(k) = ev
            && k.detail == self.keycode
        {
            let now = Instant::now();
            if self.last.is_none_or(|t| now.duration_since(t) > DEBOUNCE) {
                let _ = self.out.send(Detection::new(PopupSource::Manual));
            }
            self.last = Some(now);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hotkeys_parse() {
        let c = Combo::parse("Ctrl+Alt+P").unwrap();
        assert_eq!(c.keysym, b'p' as u32);
        assert_eq!(c.modifiers, ModMask::CONTROL | ModMask::M1);
        assert_eq!(Combo::parse("F9").unwrap().keysym, 0xffc6);
        assert!(Combo::parse("Ctrl+Hyper+?").is_err());
        assert!(Combo::parse("Ctrl+Alt").is_err());
    }
}
