//! Work the window hands to its own thread (Argon2id, reading a year of rows, signing, writing
//! files, loading the models): the UI thread never waits; the window is woken once when the
//! result is in. A job that dies (a bug) is reported as such, never left « in progress ».

use std::panic::{AssertUnwindSafe, catch_unwind};

use crossbeam_channel::{Receiver, TryRecvError, bounded};
use eframe::egui;

use crate::lang::Lang;

pub struct Job<T> {
    rx: Receiver<Result<T, Died>>,
}

/// A job whose thread stopped without a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Died;

impl Died {
    /// What the worker reads: nothing was lost, what to do.
    pub fn said(self, lang: Lang) -> String {
        crate::i18n::s(lang, "gui-job-died").to_string()
    }
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
                // The work owns what it touches: nothing half-changed is shared after a panic.
                let _ = tx.send(catch_unwind(AssertUnwindSafe(work)).map_err(|_| Died));
                ctx.request_repaint();
            })
            .ok()?;
        Some(Job { rx })
    }

    /// The result once it is in; `Died` when the thread ended without one.
    pub fn poll(&self) -> Option<Result<T, Died>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Died)),
        }
    }
}

/// Takes the result of a pending job, leaving `None` behind once it is in.
pub fn take<T: Send + 'static>(job: &mut Option<Job<T>>) -> Option<Result<T, Died>> {
    let r = job.as_ref()?.poll()?;
    *job = None;
    Some(r)
}

/// The same, with a dead job turned into a result by `died`.
pub fn take_or<T: Send + 'static>(
    job: &mut Option<Job<T>>,
    died: impl FnOnce(Died) -> T,
) -> Option<T> {
    take(job).map(|r| r.unwrap_or_else(died))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(job: &mut Option<Job<T>>) -> Result<T, Died> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Some(r) = take(job) {
                return r;
            }
            assert!(std::time::Instant::now() < deadline, "the job never ended");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_job_that_panics_is_reported_dead_not_running() {
        let ctx = egui::Context::default();
        let mut ok = Job::spawn("ok", &ctx, || 42);
        assert_eq!(wait(&mut ok), Ok(42));
        assert!(ok.is_none(), "taken once");
        let mut dead: Option<Job<u8>> = Job::spawn("dead", &ctx, || panic!("a bug"));
        assert_eq!(wait(&mut dead), Err(Died));
        assert!(Died.said(Lang::Fr).contains("Rien n'a été perdu"));
    }
}
