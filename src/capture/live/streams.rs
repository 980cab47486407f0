//! The applications' own audio streams, as the sound server lists them: which application plays
//! or records, and whether its stream runs or is corked. Metadata only — no stream is opened
//! here and no sample is ever read, the customer's voice included. A softphone opens (or uncorks)
//! its streams for a call and closes (or corks) them after: that is the call signal
//! (`workload` and `pipeline::live` take it from here). A browser tab's stream is the browser's.
//!
//! Windows, on paper: the same from WASAPI's audio sessions (`IAudioSessionManager2`,
//! `IAudioSessionEnumerator`, each session's process id and `AudioSessionState` Active /
//! Inactive, `IAudioSessionNotification` for new ones): per-application, no samples either.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender};
use libpulse_binding as pa;
use pa::callbacks::ListResult;

use super::pulse::Connection;

/// One application's stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppStream {
    /// The application's name as it gives it (`application.name`), else its program's.
    pub app: String,
    /// Its program (`application.process.binary`), when given.
    pub binary: Option<String>,
    /// Playback (what the worker hears) or capture (the microphone it takes).
    pub playback: bool,
    /// Running (not corked).
    pub running: bool,
}

impl AppStream {
    /// Whether the worker's choice names this application (case and spaces ignored, either its
    /// name or its program).
    pub fn is(&self, chosen: &str) -> bool {
        let norm = |s: &str| s.to_lowercase().replace([' ', '-', '_'], "");
        let c = norm(chosen);
        !c.is_empty()
            && (norm(&self.app).contains(&c)
                || self.binary.as_deref().is_some_and(|b| norm(b).contains(&c)))
    }
}

/// Applications that are often the softphone, offered first when seen.
pub const PRESETS: &[&str] = &[
    "Zoiper", "Linphone", "MicroSIP", "Bria", "3CX", "Jitsi", "Ekiga", "Twinkle", "Genesys",
    "Avaya", "Teams", "Zoom", "Chromium", "Chrome", "Firefox", "Edge",
];

/// Témoin's own streams are never a call.
const OURS: &str = "Témoin";

fn list_on(c: &mut Connection) -> Option<Vec<AppStream>> {
    let found = Rc::new(RefCell::new(Vec::new()));
    let pending = Rc::new(RefCell::new(2));
    let done = Rc::new(RefCell::new(false));
    let finish = {
        let (p, d) = (pending.clone(), done.clone());
        move || {
            *p.borrow_mut() -= 1;
            if *p.borrow() == 0 {
                *d.borrow_mut() = true;
            }
        }
    };
    // One stream as listed: its application, its direction, whether it runs.
    let stream = |props: &pa::proplist::Proplist, playback: bool, corked: bool| {
        let binary = props.get_str(pa::proplist::properties::APPLICATION_PROCESS_BINARY);
        let app = props
            .get_str(pa::proplist::properties::APPLICATION_NAME)
            .or_else(|| binary.clone())?;
        Some(AppStream {
            app,
            binary,
            playback,
            running: !corked,
        })
    };
    let (f, fin) = (found.clone(), finish.clone());
    let _a = c
        .context
        .introspect()
        .get_sink_input_info_list(move |r| match r {
            ListResult::Item(i) => f.borrow_mut().extend(stream(&i.proplist, true, i.corked)),
            ListResult::End | ListResult::Error => fin(),
        });
    let (f, fin) = (found.clone(), finish);
    let _b = c
        .context
        .introspect()
        .get_source_output_info_list(move |r| match r {
            ListResult::Item(i) => f.borrow_mut().extend(stream(&i.proplist, false, i.corked)),
            ListResult::End | ListResult::Error => fin(),
        });
    if !c.until(&done) {
        return None;
    }
    let mut all = found.take();
    all.retain(|s| s.app != OURS);
    Some(all)
}

/// The applications' streams now (`None`: no sound server to ask).
pub fn list() -> Option<Vec<AppStream>> {
    list_on(&mut Connection::open().ok()?)
}

/// The chosen application's streams started running (a call) or all stopped.
#[derive(Debug, Clone, Copy)]
pub struct Change {
    pub running: bool,
    pub at: SystemTime,
    pub seen: Instant,
}

/// How often the watcher looks whether it is told to stop (the server wakes it on each change).
pub const LOOK: Duration = Duration::from_millis(500);

/// Follows the chosen application's streams on a thread until `stop` is dropped or sent to;
/// says each change. The server tells of every stream that comes, changes or goes (its
/// subscription), and only then are the streams listed again: nothing is asked while nothing
/// changes. A server that goes away is asked again every two seconds; until it answers, nothing
/// changes.
pub fn watch(chosen: String) -> (Receiver<Change>, Sender<()>) {
    let (tx, rx) = crossbeam_channel::unbounded();
    let (stop_tx, stop) = crossbeam_channel::bounded::<()>(1);
    let _ = std::thread::Builder::new()
        .name("temoin-streams".into())
        .spawn(move || {
            let mut running = false;
            let stopped =
                || !matches!(stop.try_recv(), Err(crossbeam_channel::TryRecvError::Empty));
            'server: loop {
                let Ok(mut c) = Connection::open() else {
                    match stop.recv_timeout(Duration::from_secs(2)) {
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => continue,
                        _ => return,
                    }
                };
                let changed = Rc::new(RefCell::new(true));
                let ch = changed.clone();
                c.context
                    .set_subscribe_callback(Some(Box::new(move |_, _, _| {
                        *ch.borrow_mut() = true;
                    })));
                let _op = c.context.subscribe(
                    pa::context::subscribe::InterestMaskSet::SINK_INPUT
                        | pa::context::subscribe::InterestMaskSet::SOURCE_OUTPUT,
                    |_| {},
                );
                loop {
                    if changed.replace(false) {
                        let Some(all) = list_on(&mut c) else {
                            continue 'server;
                        };
                        let now = all.iter().any(|s| s.running && s.is(&chosen));
                        if now != running {
                            running = now;
                            let change = Change {
                                running,
                                at: SystemTime::now(),
                                seen: Instant::now(),
                            };
                            if tx.send(change).is_err() {
                                return;
                            }
                        }
                    }
                    if stopped() {
                        return;
                    }
                    if c.turn(LOOK).is_err() || c.context.get_state() != pa::context::State::Ready {
                        continue 'server;
                    }
                }
            }
        });
    (rx, stop_tx)
}
