//! The capture thread: owns the input stream, reopens it when the device comes back, hands audio
//! to the processing thread; the audio callback never waits.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use super::{Control, Counters, DeviceProblem, Reporter, Status};
use crate::capture::live::{Feed, LiveCapture};

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
    loop {
        if !paused {
            if capture.as_ref().is_some_and(LiveCapture::failed) {
                if let Some(c) = capture.take() {
                    dropped_before += c.dropped();
                }
                let _ = feed.send(Feed::DeviceLost);
                reporter.set(Status::NoDevice(DeviceProblem::Lost));
            }
            if capture.is_none() {
                match LiveCapture::open(device.as_deref(), feed.clone()) {
                    Ok(c) => {
                        reporter.set(Status::Listening {
                            device: c.device.clone(),
                        });
                        capture = Some(c);
                    }
                    Err(e) => reporter.set(Status::NoDevice((&e).into())),
                }
            }
        }
        if let Some(c) = &capture {
            counters
                .dropped_chunks
                .store(dropped_before + c.dropped(), Ordering::Relaxed);
        }
        let wait = if capture.is_some() || paused {
            Duration::from_millis(300)
        } else {
            Duration::from_secs(2)
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
