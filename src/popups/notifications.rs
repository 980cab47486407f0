//! Desktop notifications: a monitor of `org.freedesktop.Notifications.Notify` calls on the session
//! bus. It watches (D-Bus `BecomeMonitor`); it never takes the name from the real notification
//! daemon, so the worker's notifications show as before. The bus going away is reported and the
//! connection retried.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::Sender;
use futures_util::StreamExt;
use zbus::OwnedVariant;
use zbus::{Connection, MessageStream};

use super::{Detection, Source, SourceReport, SourceState};
use crate::events::PopupSource;

/// Reconnection waits this long at first, then twice as long each time, up to [`RETRY_MAX`]
/// (a machine without a session bus is not asked every two seconds all day).
const RETRY: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(60);
const RULE: &str = "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";

/// `Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)`.
type Notify = (
    String,
    u32,
    String,
    String,
    String,
    Vec<String>,
    HashMap<String, OwnedVariant>,
    i32,
);

#[derive(Default)]
pub struct NotificationWatcher {
    stop: Arc<AtomicBool>,
    conn: Arc<Mutex<Option<Connection>>>,
    thread: Option<JoinHandle<()>>,
}

impl NotificationWatcher {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Source for NotificationWatcher {
    fn name(&self) -> &'static str {
        "notifications"
    }

    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>) {
        if self.thread.is_some() {
            return;
        }
        self.stop.store(false, Ordering::SeqCst);
        let stop = self.stop.clone();
        let slot = self.conn.clone();
        self.thread = std::thread::Builder::new()
            .name("temoin-notifications".into())
            .spawn(move || run(out, reports, stop, slot))
            .ok();
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(conn) = self.conn.lock().expect("connection slot").take() {
            // Closing ends the message stream the thread is waiting on.
            let _ = zbus::block_on(conn.close());
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
    slot: Arc<Mutex<Option<Connection>>>,
) {
    let mut said: Option<SourceState> = None;
    let mut say = |s: SourceState| {
        if said.as_ref() != Some(&s) {
            let _ = reports.send(SourceReport {
                source: "notifications",
                state: s.clone(),
            });
            said = Some(s);
        }
    };
    let mut was_watching = false;
    let mut wait = RETRY;
    while !stop.load(Ordering::SeqCst) {
        let result = zbus::block_on(async {
            let conn = Connection::session().await?;
            let mut stream = MessageStream::from(&conn);
            conn.call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus.Monitoring"),
                "BecomeMonitor",
                &(&[RULE][..], 0u32),
            )
            .await?;
            *slot.lock().expect("connection slot") = Some(conn);
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            say(SourceState::Watching);
            was_watching = true;
            wait = RETRY;
            while let Some(msg) = stream.next().await {
                let Ok(msg) = msg else { continue };
                let header = msg.header();
                if header.member().is_none_or(|m| m.as_str() != "Notify") {
                    continue;
                }
                if let Ok((app, _, _, summary, body, ..)) = msg.body().deserialize::<Notify>() {
                    let mut d = Detection::new(PopupSource::Notification);
                    d.app = Some(app).filter(|a| !a.is_empty());
                    d.title = Some(summary);
                    d.body = Some(body).filter(|b| !b.trim().is_empty());
                    let _ = out.send(d);
                }
            }
            Err::<(), zbus::Error>(zbus::Error::Failure(
                "the session bus closed the connection".into(),
            ))
        });
        slot.lock().expect("connection slot").take();
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
