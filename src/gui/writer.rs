//! Appends the window's own events (the pop-up button, categories, pauses without listening, the
//! end-of-shift report) on a thread of their own: a busy vault or a slow disk never freezes the
//! window. Each result comes back over a channel and wakes the window.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Receiver, Sender, unbounded};
use eframe::egui;

use crate::events::Event;
use crate::vault::{Vault, VaultError};

/// What became of an event handed to the writer.
#[derive(Debug)]
pub enum Written {
    Stored(Event),
    /// Not stored, and why: worded by the view in the language it speaks when the answer comes
    /// (the worker may have switched since the writer started).
    Failed(Event, VaultError),
}

pub struct Writer {
    tx: Sender<Event>,
    pub done: Receiver<Written>,
    ctx: Arc<Mutex<Option<egui::Context>>>,
    /// Events handed over and not yet answered.
    pending: usize,
}

impl Writer {
    pub fn start(vault: PathBuf) -> Self {
        let (tx, rx) = unbounded::<Event>();
        let (done_tx, done) = unbounded();
        let ctx: Arc<Mutex<Option<egui::Context>>> = Arc::default();
        let wake = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("temoin-gui-writer".into())
            .spawn(move || {
                // Opened once, and again after trouble (the file may have come back).
                let mut open: Option<Vault> = None;
                for event in rx {
                    let result = match open.take().map_or_else(|| Vault::open(&vault), Ok) {
                        Ok(mut v) => {
                            v.set_program(crate::vault::Program::Window);
                            let r = v.append(&event);
                            if r.is_ok() {
                                open = Some(v);
                            }
                            r
                        }
                        Err(e) => Err(e),
                    };
                    let written = match result {
                        Ok(_) => Written::Stored(event),
                        Err(e) => Written::Failed(event, e),
                    };
                    if done_tx.send(written).is_err() {
                        break;
                    }
                    if let Some(c) = wake.lock().expect("ctx lock").as_ref() {
                        c.request_repaint();
                    }
                }
            });
        Writer {
            tx,
            done,
            ctx,
            pending: 0,
        }
    }

    /// The window to wake when a result is in (set from the first frame on).
    pub fn wake(&self, ctx: &egui::Context) {
        let mut c = self.ctx.lock().expect("ctx lock");
        if c.is_none() {
            *c = Some(ctx.clone());
        }
    }

    pub fn write(&mut self, event: Event) {
        if self.tx.send(event).is_ok() {
            self.pending += 1;
        }
    }

    /// The results in so far.
    pub fn results(&mut self) -> Vec<Written> {
        let r: Vec<Written> = self.done.try_iter().collect();
        self.pending -= r.len().min(self.pending);
        r
    }

    pub fn busy(&self) -> bool {
        self.pending > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventKind;
    use crate::messages::{Lang, vault_error};

    #[test]
    fn a_failure_comes_back_as_the_error_to_word_in_todays_language() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::start(dir.path().join("absent.temoin"));
        w.write(Event::now(EventKind::MonitoringResumed));
        let answer = w.done.recv_timeout(std::time::Duration::from_secs(10));
        let Ok(Written::Failed(_, e)) = answer else {
            panic!("{answer:?}");
        };
        assert!(matches!(e, VaultError::NotFound(_)));
        assert_ne!(vault_error(&e, Lang::Fr), vault_error(&e, Lang::En));
    }
}
