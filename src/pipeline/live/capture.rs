//! The capture thread: supervises the input stream (which lives on a holder thread of its own),
//! reopens it with backoff when the device or the sound server comes back, and watches that audio
//! keeps arriving: a stream silent for [`WATCHDOG`] is given up, however it got stuck.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use super::{Control, Counters, DeviceProblem, Reporter, Status};
use crate::capture::live::{Feed, LiveCapture};

/// A live stream delivers every 100 ms, silence included: this long without audio means the
/// sound system is gone or stuck.
const WATCHDOG: Duration = Duration::from_secs(3);

/// Waits between attempts to reopen: soon at first (a server restarting), then every few
/// seconds (no device plugged in).
const BACKOFF: [Duration; 4] = [
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(3),
];

pub(super) fn capture_loop(
    device: Option<String>,
    feed: Sender<Feed>,
    control: Receiver<Control>,
    reporter: Reporter,
    counters: Arc<Counters>,
) {
    let mut capture: Option<LiveCapture> = None;
    let mut paused = false;
    let mut dropped_before = 0;
    let mut attempts = 0usize;
    let mut next_try = Instant::now();
    loop {
        if !paused {
            let stuck = capture
                .as_ref()
                .is_some_and(|c| c.failed() || c.silent_for() > WATCHDOG);
            if stuck && let Some(c) = capture.take() {
                dropped_before += c.dropped();
                let last_audio = SystemTime::now() - c.silent_for();
                // Not waited for: a stream stuck in the sound system would hold this thread.
                c.abandon();
                let _ = feed.send(Feed::Lost { last_audio });
                reporter.set(Status::NoDevice(DeviceProblem::Lost));
                (attempts, next_try) = (0, Instant::now() + BACKOFF[0]);
            }
            if capture.is_none() && Instant::now() >= next_try {
                match LiveCapture::open_unless(device.as_deref(), feed.clone(), || {
                    !control.is_empty()
                }) {
                    Ok(c) => {
                        reporter.set(Status::Listening {
                            device: c.device.clone(),
                        });
                        capture = Some(c);
                        attempts = 0;
                    }
                    Err(e) => {
                        // After a loss the status keeps saying so until the sound is back.
                        if !matches!(reporter.get(), Status::NoDevice(DeviceProblem::Lost)) {
                            reporter.set(Status::NoDevice((&e).into()));
                        }
                        next_try = Instant::now() + BACKOFF[attempts.min(BACKOFF.len() - 1)];
                        attempts += 1;
                    }
                }
            }
        }
        if let Some(c) = &capture {
            counters
                .dropped_chunks
                .store(dropped_before + c.dropped(), Ordering::Relaxed);
        }
        let wait = if capture.is_some() || paused {
            Duration::from_millis(500)
        } else {
            next_try
                .saturating_duration_since(Instant::now())
                .max(Duration::from_millis(50))
        };
        match control.recv_timeout(wait) {
            Ok(Control::Pause) if !paused => {
                // Dropping the stream stops the device before the mark is sent.
                if let Some(c) = capture.take() {
                    dropped_before += c.dropped();
                }
                paused = true;
                let _ = feed.send(Feed::Paused);
                reporter.set(Status::Paused);
            }
            Ok(Control::Resume) if paused => {
                paused = false;
                next_try = Instant::now();
                let _ = feed.send(Feed::Resumed);
            }
            Ok(Control::Stop) | Err(RecvTimeoutError::Disconnected) => {
                drop(capture.take());
                let _ = feed.send(Feed::Stop);
                return;
            }
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
        }
    }
}
