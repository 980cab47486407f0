//! Live monitoring: a capture thread that owns the input stream (and reopens it when the device
//! comes back), and a processing thread that measures the worker's speech and appends events to
//! the vault, without the passphrase. Joined by a bounded crossbeam channel; the audio callback
//! never waits. Pausing stops capture at once and is logged.

use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};

mod calibrate;
mod capture;
mod process;
mod words;

pub use calibrate::{Calibration, calibrate, recent_measures};
use capture::capture_loop;
use process::{GaugeSlot, Inputs, Outbox, Processor, process_loop};
pub use words::WORDS_SHARE;
use words::words_loop;

use super::{Listener, PipelineError};
use crate::capture::CaptureError;
use crate::capture::live::{ChunkTo16k, Feed};
use crate::features::baseline::{Gauge, StrainSettings, StrainTracker};
use crate::pipeline::watch::{Desk, Notice, Watchers};
use crate::popups::{Detection, RulesFile, SourceReport};
use crate::speech::Transcriber;
use crate::vault::{Vault, VaultError};
use crate::workload::CallTracker;

/// 16 kHz samples gathered before the voice model runs on them.
const BATCH: usize = 8_000;

/// Chunks the processing thread may lag behind before capture drops (about 1.4 s at 48 kHz).
const QUEUE: usize = 32;

/// Segments waiting for transcription; beyond this a busy PC skips counting words (counted in
/// `words_skipped`) so the vocal indicators never wait.
const WORDS_QUEUE: usize = 2;

#[derive(Debug, Clone, Default)]
pub struct LiveSettings {
    /// Input device by name; the default device otherwise.
    pub device: Option<String>,
    /// The wearer's calibrated level (dBFS); all speech counts until it is known.
    pub own_level_db: Option<f64>,
    pub strain: StrainSettings,
    /// The worker's recent segments, read from the vault when they unlocked it at start: the
    /// baseline then spans days, not just this session. Only measurements, kept in memory.
    pub baseline_seed: Vec<crate::features::Measures>,
    /// How calls are told apart in the worker's speech.
    pub calls: crate::workload::CallSettings,
    /// The softphone whose audio streams mark calls (metadata only), when the worker chose one.
    pub softphone: Option<String>,
}

/// What monitoring is doing, for people to see.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Starting,
    Listening {
        device: String,
    },
    /// No usable input device; retried every two seconds.
    NoDevice(DeviceProblem),
    /// The voice model failed on the audio (listening goes on with the next batch).
    VoiceTrouble(super::Shared<crate::voice::VoiceError>),
    Paused,
    /// Events could not be stored (kept in memory and retried).
    VaultTrouble(super::Shared<VaultError>),
    Stopped,
}

/// Why there is no usable microphone.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceProblem {
    /// None connected.
    Absent,
    /// None by the chosen name.
    NotFound(String),
    /// It exists but cannot be opened (busy, permissions): the system's words.
    Unavailable(String),
    /// It was working and went away (unplugged, the sound server restarted or stuck).
    Lost,
    /// The sound system does not answer.
    NoAnswer,
}

impl From<&CaptureError> for DeviceProblem {
    fn from(e: &CaptureError) -> Self {
        match e {
            CaptureError::NoDevice => DeviceProblem::Absent,
            CaptureError::DeviceNotFound(n) => DeviceProblem::NotFound(n.clone()),
            CaptureError::NoAnswer => DeviceProblem::NoAnswer,
            other => DeviceProblem::Unavailable(other.to_string()),
        }
    }
}

/// Running counts, readable at any time.
#[derive(Debug, Default)]
pub struct Counters {
    pub segments: AtomicU64,
    pub set_aside: AtomicU64,
    pub episodes: AtomicU64,
    pub dropped_chunks: AtomicU64,
    pub events_waiting: AtomicU64,
    /// Seconds of sound heard (silence included): zero means the microphone never delivered.
    pub heard_ms: AtomicU64,
    /// Segments stored without words because transcription was behind or failed.
    pub words_skipped: AtomicU64,
    /// Segments stored without words to keep counting words within its share of the processor
    /// (see [`WORDS_SHARE`]).
    pub words_unsampled: AtomicU64,
    /// Calls ended and handed to the vault: a witness is sent a checkpoint after each.
    pub calls_ended: AtomicU64,
}

enum Control {
    Pause,
    Resume,
    Stop,
}

/// A running monitor. Dropping it without `stop` also stops it.
pub struct Monitor {
    control: Sender<Control>,
    status: Arc<Mutex<Status>>,
    changes: Receiver<Status>,
    notices: Receiver<Notice>,
    pub counters: Arc<Counters>,
    gauge: Arc<Mutex<Gauge>>,
    gauge_nudges: Receiver<()>,
    capture: Option<JoinHandle<()>>,
    process: Option<JoinHandle<()>>,
    watchers: Option<Watchers>,
    popups_to_words: Sender<chrono::DateTime<chrono::Utc>>,
}

/// What runs beside listening.
#[derive(Default)]
pub struct Extras {
    /// Counts words with this transcriber, on a low-priority thread.
    pub transcriber: Option<Transcriber>,
    /// Watches for pop-ups with these rules; each gets a verdict from the speech measured here.
    pub popups: Option<RulesFile>,
}

impl Monitor {
    /// Loads the voice model and opens the vault first, so either problem is reported at once.
    pub fn start(vault: &Path, settings: LiveSettings) -> Result<Monitor, StartError> {
        Self::start_with_words(vault, settings, None)
    }

    /// [`Monitor::start`], also counting words with `transcriber` on a low-priority thread.
    pub fn start_with_words(
        vault: &Path,
        settings: LiveSettings,
        transcriber: Option<Transcriber>,
    ) -> Result<Monitor, StartError> {
        Self::start_with(
            vault,
            settings,
            Extras {
                transcriber,
                popups: None,
            },
        )
    }

    /// [`Monitor::start`] with words counted and pop-ups watched as `extras` say.
    pub fn start_with(
        vault: &Path,
        settings: LiveSettings,
        extras: Extras,
    ) -> Result<Monitor, StartError> {
        let Extras {
            transcriber,
            popups,
        } = extras;
        let mut listener = Listener::new(settings.own_level_db)?;
        listener.pass_audio(transcriber.is_some());
        let mut vault = Vault::open(vault)?;
        vault.set_program(crate::vault::Program::Listening);
        // Listening into a vault that cannot take the measurements would only lose them.
        vault.writable()?;
        let (feed_tx, feed_rx) = bounded::<Feed>(QUEUE);
        let (control_tx, control_rx) = unbounded();
        let (change_tx, change_rx) = unbounded();
        let status = Arc::new(Mutex::new(Status::Starting));
        let counters = Arc::new(Counters::default());
        let reporter = Reporter {
            status: status.clone(),
            changes: change_tx,
        };
        let capture = {
            let reporter = reporter.clone();
            let counters = counters.clone();
            let device = settings.device.clone();
            std::thread::Builder::new()
                .name("temoin-capture".into())
                .spawn(move || capture_loop(device, feed_tx, control_rx, reporter, counters))
                .expect("spawn capture thread")
        };
        let (done_tx, done_rx) = unbounded();
        let (popup_tx, popup_rx) = unbounded();
        let words = transcriber.map(|t| {
            let (job_tx, job_rx) = bounded(WORDS_QUEUE);
            let counters = counters.clone();
            let thread = std::thread::Builder::new()
                .name("temoin-words".into())
                .spawn(move || words_loop(job_rx, popup_rx, done_tx, t, counters))
                .expect("spawn words thread");
            (job_tx, thread)
        });
        let (notice_tx, notices) = unbounded();
        let gauge = Arc::new(Mutex::new(Gauge::Learning {
            heard: 0,
            needed: settings.strain.min_segments,
        }));
        let (nudge_tx, gauge_nudges) = bounded(1);
        let (det_tx, det_rx) = unbounded::<Detection>();
        let (rep_tx, rep_rx) = unbounded::<SourceReport>();
        let watchers = popups
            .as_ref()
            .map(|rules| Watchers::start(rules, &det_tx, &rep_tx));
        let process = {
            let counters = counters.clone();
            let mut tracker = StrainTracker::new(settings.strain);
            tracker.seed(&settings.baseline_seed);
            *gauge.lock().expect("gauge lock") = tracker.gauge();
            let (words, words_thread) = match words {
                Some((tx, h)) => (Some(tx), Some(h)),
                None => (None, None),
            };
            let processor = Processor {
                listener,
                outbox: Outbox::new(vault),
                tracker,
                reporter,
                counters,
                conv: ChunkTo16k::default(),
                origin: None,
                audio: Vec::new(),
                words,
                desk: popups.map(|rules| {
                    let mut desk = Desk::new(rules, true);
                    desk.seed(&settings.baseline_seed);
                    desk
                }),
                notices: notice_tx,
                calls: CallTracker::new(settings.calls),
                gauge: GaugeSlot {
                    value: gauge.clone(),
                    nudge: nudge_tx,
                },
                in_gap: false,
                popups_to_words: popup_tx.clone(),
                stream_call: None,
                streams_seen: false,
            };
            #[cfg(target_os = "linux")]
            let (streams, streams_stop) = match settings.softphone.clone() {
                Some(app) => {
                    let (rx, stop) = crate::capture::live::streams::watch(app);
                    (rx, Some(stop))
                }
                None => (crossbeam_channel::never(), None),
            };
            #[cfg(not(target_os = "linux"))]
            let (streams, streams_stop) = (crossbeam_channel::never(), None::<Sender<()>>);
            let inputs = Inputs {
                feed: feed_rx,
                done: done_rx,
                detections: det_rx,
                sources: rep_rx,
                words_thread,
                streams,
                streams_stop,
            };
            std::thread::Builder::new()
                .name("temoin-listen".into())
                .spawn(move || process_loop(processor, inputs))
                .expect("spawn processing thread")
        };
        Ok(Monitor {
            control: control_tx,
            status,
            changes: change_rx,
            notices,
            counters,
            gauge,
            gauge_nudges,
            capture: Some(capture),
            process: Some(process),
            watchers,
            popups_to_words: popup_tx,
        })
    }

    pub fn status(&self) -> Status {
        self.status.lock().expect("status lock").clone()
    }

    /// Every status change, in order.
    pub fn changes(&self) -> &Receiver<Status> {
        &self.changes
    }

    /// Pop-ups stored and the pop-up sources' states, in order.
    pub fn popup_notices(&self) -> &Receiver<Notice> {
        &self.notices
    }

    /// The vocal-strain gauge now (against the worker's own baseline).
    pub fn gauge(&self) -> Gauge {
        *self.gauge.lock().expect("gauge lock")
    }

    /// A nudge each time the gauge may have moved (coalesced: read [`Monitor::gauge`] then).
    pub fn gauge_nudges(&self) -> &Receiver<()> {
        &self.gauge_nudges
    }

    /// A shared handle on the gauge, for a thread that shows it.
    pub fn gauge_handle(&self) -> Arc<Mutex<Gauge>> {
        self.gauge.clone()
    }

    /// A pop-up logged elsewhere (the window's button): the speech around it gets its words
    /// counted whatever the budget.
    pub fn popup_noted(&self, at: chrono::DateTime<chrono::Utc>) {
        let _ = self.popups_to_words.send(at);
    }

    /// Privacy pause: capture stops at once; logged in the vault.
    pub fn pause(&self) {
        let _ = self.control.send(Control::Pause);
    }

    pub fn resume(&self) {
        let _ = self.control.send(Control::Resume);
    }

    /// Stops, measures what was already heard, logs the stop, and waits for both threads.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // Sources first: what they saw is still stored before the processing thread ends.
        if let Some(w) = self.watchers.take() {
            w.stop();
        }
        let _ = self.control.send(Control::Stop);
        if let Some(h) = self.capture.take() {
            let _ = h.join();
        }
        if let Some(h) = self.process.take() {
            let _ = h.join();
        }
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        self.shutdown();
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<crate::voice::VoiceError> for StartError {
    fn from(e: crate::voice::VoiceError) -> Self {
        StartError::Pipeline(e.into())
    }
}

#[derive(Clone)]
struct Reporter {
    status: Arc<Mutex<Status>>,
    changes: Sender<Status>,
}

impl Reporter {
    fn get(&self) -> Status {
        self.status.lock().expect("status lock").clone()
    }

    fn set(&self, s: Status) {
        let mut cur = self.status.lock().expect("status lock");
        if *cur != s {
            *cur = s.clone();
            let _ = self.changes.send(s);
        }
    }
}
