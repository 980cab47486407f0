//! Work the window hands to its own thread (Argon2id, reading a year of rows, signing, writing
//! files): the UI thread never waits; the window is woken once when the result is in.

use crossbeam_channel::{Receiver, bounded};
use eframe::egui;

pub struct Job<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread named `name`; `None` if no thread could be started.
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = bounded(1);
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(format!("temoin-{name}"))
            .spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            })
            .ok()?;
        Some(Job { rx })
    }

    /// The result, once it is in.
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }
}

/// Takes the result of a pending job, leaving `None` behind once it is in.
pub fn take<T: Send + 'static>(job: &mut Option<Job<T>>) -> Option<T> {
    let r = job.as_ref()?.poll()?;
    *job = None;
    Some(r)
}
