//! Live monitoring: a capture thread that owns the input stream (and reopens it when the device
//! comes back), and a processing thread that measures the worker's speech and appends events to
//! the vault, without the passphrase. Joined by a bounded crossbeam channel; the audio callback
//! never waits. Pausing stops capture at once and is logged.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Utc};
use crossbeam_channel::{
    Receiver, RecvTimeoutError, Sender, TrySendError, bounded, select, unbounded,
};

use super::{Listener, PipelineError};
use crate::capture::CaptureError;
use crate::capture::live::{ChunkTo16k, Feed, LiveCapture};
use crate::events::{Event, EventKind, PauseReason, SpeechSegment};
use crate::features::baseline::{Gauge, StrainSettings, StrainTracker};
use crate::pipeline::watch::{Desk, Notice, Stored, Watchers};
use crate::popups::{Detection, RulesFile, SourceReport};
use crate::speech::Transcriber;
use crate::vault::{Vault, VaultError};
use crate::workload::{CallMark, CallTracker};

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
    VoiceTrouble(String),
    Paused,
    /// Events could not be stored (kept in memory and retried).
    VaultTrouble(String),
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
    /// It was working and went away.
    Lost,
}

impl From<&CaptureError> for DeviceProblem {
    fn from(e: &CaptureError) -> Self {
        match e {
            CaptureError::NoDevice => DeviceProblem::Absent,
            CaptureError::DeviceNotFound(n) => DeviceProblem::NotFound(n.clone()),
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
    /// Segments stored without words because transcription was behind or failed.
    pub words_skipped: AtomicU64,
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
        let words = transcriber.map(|t| {
            let (job_tx, job_rx) = bounded(WORDS_QUEUE);
            let counters = counters.clone();
            let thread = std::thread::Builder::new()
                .name("temoin-words".into())
                .spawn(move || words_loop(job_rx, done_tx, t, counters))
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
            let parts = Parts {
                listener,
                vault,
                tracker,
                reporter,
                counters,
                words,
                done: done_rx,
                desk: popups.map(|rules| {
                    let mut desk = Desk::new(rules, true);
                    desk.seed(&settings.baseline_seed);
                    desk
                }),
                detections: det_rx,
                sources: rep_rx,
                notices: notice_tx,
                calls: CallTracker::new(settings.calls),
                gauge: GaugeSlot {
                    value: gauge.clone(),
                    nudge: nudge_tx,
                },
            };
            std::thread::Builder::new()
                .name("temoin-listen".into())
                .spawn(move || process_loop(feed_rx, parts))
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
    fn set(&self, s: Status) {
        let mut cur = self.status.lock().expect("status lock");
        if *cur != s {
            *cur = s.clone();
            let _ = self.changes.send(s);
        }
    }
}

fn capture_loop(
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

/// Events waiting to be stored: nothing is lost when the vault is briefly unavailable.
struct Outbox {
    vault: Vault,
    waiting: VecDeque<Event>,
}

impl Outbox {
    fn push(&mut self, e: Event, reporter: &Reporter, counters: &Counters) {
        self.waiting.push_back(e);
        self.flush(reporter, counters);
    }

    fn flush(&mut self, reporter: &Reporter, counters: &Counters) {
        while let Some(next) = self.waiting.front() {
            match self.vault.append(next) {
                Ok(_) => {
                    self.waiting.pop_front();
                }
                Err(err) => {
                    reporter.set(Status::VaultTrouble(err.to_string()));
                    break;
                }
            }
        }
        counters
            .events_waiting
            .store(self.waiting.len() as u64, Ordering::Relaxed);
    }
}

/// The processing side: converts, listens, measures, and logs, in stream order.
struct Processor {
    listener: Listener,
    outbox: Outbox,
    tracker: StrainTracker,
    reporter: Reporter,
    counters: Arc<Counters>,
    conv: ChunkTo16k,
    /// Wall-clock time of sample 0 of the current 16 kHz stream.
    origin: Option<DateTime<Utc>>,
    /// Converted audio waiting for the next batch.
    audio: Vec<f32>,
    /// Segments go here to have their words counted, when transcription runs.
    words: Option<Sender<WordsJob>>,
    /// Pop-ups, when watched: verdicts from the speech measured here.
    desk: Option<Desk>,
    notices: Sender<Notice>,
    /// Calls from the worker's speech, in stream time.
    calls: CallTracker,
    gauge: GaugeSlot,
}

/// The strain gauge's latest reading, and a nudge for whoever shows it (a full nudge channel
/// means the reader has not looked yet; it will read the latest value then).
#[derive(Clone)]
struct GaugeSlot {
    value: Arc<Mutex<Gauge>>,
    nudge: Sender<()>,
}

/// A measured segment waiting for its words; its samples are dropped once counted.
struct WordsJob {
    at: DateTime<Utc>,
    segment: SpeechSegment,
    audio: Vec<f32>,
}

/// Lowers the calling thread's scheduling priority: transcription yields to the softphone.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on the calling thread (Linux applies PRIO_PROCESS 0 to the thread).
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Longest a segment waits for others before its words are counted anyway.
const WORDS_WAIT: Duration = Duration::from_secs(20);

/// The transcription side: gathers segments into a window (as `analyze` does), counts the words
/// of each, and hands the completed events back to the single vault writer.
fn words_loop(
    jobs: Receiver<WordsJob>,
    done: Sender<Event>,
    mut transcriber: Transcriber,
    counters: Arc<Counters>,
) {
    lower_priority();
    let mut pending: Vec<WordsJob> = Vec::new();
    let mut since: Option<std::time::Instant> = None;
    // Speech gathered before transcribing: whole sentences across segments, one model run
    // per window as `count_all` packs it.
    let packed = |p: &[WordsJob], next: Option<&WordsJob>| {
        crate::speech::packed_seconds(p.iter().chain(next).map(|j| j.audio.len()))
    };
    loop {
        let wait = since.map_or(Duration::from_secs(3600), |t| {
            WORDS_WAIT.saturating_sub(t.elapsed())
        });
        let (job, open) = match jobs.recv_timeout(wait) {
            Ok(job) => (Some(job), true),
            Err(RecvTimeoutError::Timeout) => (None, true),
            Err(RecvTimeoutError::Disconnected) => (None, false),
        };
        // A segment that would overfill the window starts the next one.
        if let Some(job) = &job
            && !pending.is_empty()
            && packed(&pending, Some(job)) > crate::speech::WINDOW_S
        {
            if !transcribe(&mut pending, &mut transcriber, &done, &counters) {
                return;
            }
            since = None;
        }
        let timed_out = job.is_none();
        if let Some(job) = job {
            pending.push(job);
            since.get_or_insert_with(std::time::Instant::now);
        }
        if (timed_out || !open || packed(&pending, None) >= crate::speech::WINDOW_S)
            && !transcribe(&mut pending, &mut transcriber, &done, &counters)
        {
            return;
        }
        if pending.is_empty() {
            since = None;
        }
        if !open {
            return;
        }
    }
}

/// Counts the words of the pending segments and sends their events; false when nobody listens.
fn transcribe(
    pending: &mut Vec<WordsJob>,
    transcriber: &mut Transcriber,
    done: &Sender<Event>,
    counters: &Counters,
) -> bool {
    if pending.is_empty() {
        return true;
    }
    let jobs = std::mem::take(pending);
    let pieces: Vec<&[f32]> = jobs.iter().map(|j| j.audio.as_slice()).collect();
    let counts = transcriber.count_all(&pieces, false).ok();
    if counts.is_none() {
        counters
            .words_skipped
            .fetch_add(jobs.len() as u64, Ordering::Relaxed);
    }
    for (k, job) in jobs.into_iter().enumerate() {
        let WordsJob {
            at, mut segment, ..
        } = job;
        if let Some(c) = counts.as_ref().map(|c| c[k].clone()) {
            let c = c.with_rates(segment.duration_s, segment.pause_ratio);
            segment.words = c.words;
            segment.words_per_minute = c.words_per_minute;
            segment.articulation_wpm = c.articulation_wpm;
            segment.phrases = c.phrases.unwrap_or_default();
        }
        if done
            .send(Event::at(at, EventKind::SpeechSegment(segment)))
            .is_err()
        {
            return false;
        }
    }
    true
}

impl Processor {
    fn log(&mut self, e: Event) {
        if let (Some(desk), EventKind::SpeechSegment(s)) = (&mut self.desk, &e.kind) {
            desk.speech(e.at.with_timezone(&Utc), s);
        }
        self.outbox.push(e, &self.reporter, &self.counters);
    }

    /// Stores an event the worker sees counted (a pop-up, a call, a strain episode) and says so
    /// (with the time from detection to storage when known).
    fn log_and_tell(&mut self, e: Event, seen: Option<std::time::Instant>) {
        self.log(e.clone());
        // Not stored yet: the vault trouble is in the status, and the event waits in memory.
        if self.outbox.waiting.is_empty() {
            let _ = self.notices.send(Notice::Stored(Box::new(Stored {
                event: e,
                latency: seen.map(|s| s.elapsed()),
            })));
        }
    }

    fn detection(&mut self, d: &Detection) {
        let speaking = self.listener.speaking();
        let Some(desk) = &mut self.desk else { return };
        let (events, refused) = desk.detection(d, speaking);
        if let Some(r) = refused {
            let _ = self.notices.send(Notice::RulesRefused(r));
        }
        for e in events {
            // Pop-ups and the softphone's call marks: both counted in the window.
            let seen = matches!(e.kind, EventKind::PopupSeen(_)).then_some(d.seen);
            if seen.is_some() {
                self.calls.popup();
            }
            self.log_and_tell(e, seen);
        }
    }

    /// Logs a call's start or end, stamped at its place in the stream.
    fn call(&mut self, mark: CallMark, at_quit: bool) {
        let Some(origin) = self.origin else { return };
        let at = |s: f64| origin + chrono::Duration::milliseconds((s * 1000.0).round() as i64);
        let event = match mark {
            CallMark::Started { at_s } => Event::at(
                at(at_s),
                EventKind::CallStarted {
                    source: crate::events::MarkSource::Speech,
                },
            ),
            CallMark::Ended(c) => Event::at(
                at(c.end_s),
                EventKind::CallEnded(crate::events::CallEnded {
                    source: crate::events::MarkSource::Speech,
                    handle_s: c.end_s - c.start_s,
                    talk_s: c.talk_s,
                    worker_share: None,
                    popups: c.popups,
                    closed_at_quit: at_quit,
                }),
            ),
        };
        self.log_and_tell(event, None);
    }

    fn popup_tick(&mut self, all: bool) {
        let events = match &mut self.desk {
            Some(d) if all => d.flush(),
            Some(d) => d.tick(),
            None => return,
        };
        for e in events {
            self.log_and_tell(e, None);
        }
    }

    fn audio(&mut self, chunk: &crate::capture::live::Chunk) {
        if self.origin.is_none() {
            let secs = chunk.len as f64 / chunk.channels.max(1) as f64 / chunk.rate as f64;
            self.origin = Some(Utc::now() - chrono::Duration::microseconds((secs * 1e6) as i64));
        }
        if let Err(e) = self.conv.push(chunk, &mut self.audio) {
            return self.reporter.set(Status::NoDevice((&e).into()));
        }
        // Half a second at a time: the model runs warm and the thread sleeps longer.
        if self.audio.len() >= BATCH {
            self.listen();
        }
    }

    fn listen(&mut self) {
        let audio = std::mem::take(&mut self.audio);
        match self.listener.push(&audio) {
            Ok(heard) => self.store(heard),
            Err(e) => self.reporter.set(Status::VoiceTrouble(e.to_string())),
        }
        if let Some(m) = self.calls.tick(self.listener.position_s()) {
            self.call(m, false);
        }
        self.audio = audio;
        self.audio.clear();
    }

    fn store(&mut self, heard: super::Heard) {
        let Some(origin) = self.origin else { return };
        self.counters
            .set_aside
            .fetch_add(heard.set_aside.len() as u64, Ordering::Relaxed);
        let mut audio = heard.audio.into_iter();
        for s in heard.own {
            let at = origin + chrono::Duration::milliseconds((s.start_s * 1000.0) as i64);
            self.counters.segments.fetch_add(1, Ordering::Relaxed);
            let m = &s.measures;
            let segment = SpeechSegment {
                duration_s: s.end_s - s.start_s,
                voiced_s: m.voiced_s,
                f0_mean_hz: m.f0_mean_hz,
                f0_sd_hz: m.f0_sd_hz,
                jitter_local_pct: m.jitter_local_pct,
                shimmer_local_pct: m.shimmer_local_pct,
                hnr_db: m.hnr_db,
                intensity_db: m.intensity_db,
                pause_ratio: m.pause_ratio,
                syllables_per_s: m.syllables_per_s,
                ..Default::default()
            };
            for m in self.calls.speech(s.start_s, s.end_s) {
                self.call(m, false);
            }
            // Pop-up verdicts see the segment now; its words, when counted, follow.
            if let Some(desk) = &mut self.desk {
                desk.speech(at, &segment);
            }
            match (&self.words, audio.next()) {
                (Some(words), Some(samples)) => {
                    let job = WordsJob {
                        at,
                        segment,
                        audio: samples,
                    };
                    // A full queue means the PC is busy: the measurements are stored now,
                    // without words, rather than wait.
                    if let Err(TrySendError::Full(job) | TrySendError::Disconnected(job)) =
                        words.try_send(job)
                    {
                        self.counters.words_skipped.fetch_add(1, Ordering::Relaxed);
                        self.log(Event::at(job.at, EventKind::SpeechSegment(job.segment)));
                    }
                }
                _ => self.log(Event::at(at, EventKind::SpeechSegment(segment))),
            }
            if let Some(ep) = self.tracker.push(at, s.end_s - s.start_s, m) {
                self.counters.episodes.fetch_add(1, Ordering::Relaxed);
                self.log_and_tell(Event::now(EventKind::StrainEpisode(ep)), None);
            }
            *self.gauge.value.lock().expect("gauge lock") = self.tracker.gauge();
            let _ = self.gauge.nudge.try_send(());
        }
    }

    /// Forgets the stream: nothing heard before a pause or a device change is kept half-measured;
    /// a call under way is closed at its last activity.
    fn forget(&mut self) {
        if let Some(m) = self.calls.close() {
            self.call(m, true);
        }
        self.audio.clear();
        self.listener.reset();
        self.origin = None;
        self.conv = ChunkTo16k::default();
    }

    /// Ends a stretch of monitoring: closes any strain run and logs why it stopped.
    fn end(&mut self, reason: PauseReason) {
        if let Some(m) = self.calls.close() {
            self.call(m, true);
        }
        if let Some(ep) = self.tracker.close() {
            self.counters.episodes.fetch_add(1, Ordering::Relaxed);
            self.log_and_tell(Event::now(EventKind::StrainEpisode(ep)), None);
        }
        self.log(Event::now(EventKind::MonitoringPaused { reason }));
    }
}

/// What the processing thread is given at start.
struct Parts {
    listener: Listener,
    vault: Vault,
    tracker: StrainTracker,
    reporter: Reporter,
    counters: Arc<Counters>,
    words: Option<(Sender<WordsJob>, JoinHandle<()>)>,
    done: Receiver<Event>,
    desk: Option<Desk>,
    detections: Receiver<Detection>,
    sources: Receiver<SourceReport>,
    notices: Sender<Notice>,
    calls: CallTracker,
    gauge: GaugeSlot,
}

fn process_loop(feed: Receiver<Feed>, parts: Parts) {
    let (words, words_thread) = match parts.words {
        Some((tx, h)) => (Some(tx), Some(h)),
        None => (None, None),
    };
    let done = parts.done;
    let mut detections = parts.detections;
    let mut sources = parts.sources;
    let mut p = Processor {
        listener: parts.listener,
        outbox: Outbox {
            vault: parts.vault,
            waiting: VecDeque::new(),
        },
        tracker: parts.tracker,
        reporter: parts.reporter,
        counters: parts.counters,
        conv: ChunkTo16k::default(),
        origin: None,
        audio: Vec::new(),
        words,
        desk: parts.desk,
        notices: parts.notices,
        calls: parts.calls,
        gauge: parts.gauge,
    };
    loop {
        // Woken by audio, words, pop-ups; by a timer only while a pop-up flood is being folded.
        let timer = if p.desk.as_ref().is_some_and(Desk::folding) {
            crossbeam_channel::after(Duration::from_millis(250))
        } else {
            crossbeam_channel::never()
        };
        select! {
            recv(feed) -> item => match item {
                Ok(Feed::Audio(chunk)) => p.audio(&chunk),
                Ok(Feed::Paused) => {
                    p.forget();
                    p.end(PauseReason::Privacy);
                }
                Ok(Feed::Resumed) => p.log(Event::now(EventKind::MonitoringResumed)),
                Ok(Feed::DeviceLost) => p.forget(),
                Ok(Feed::Stop) | Err(_) => break,
            },
            recv(done) -> ev => {
                if let Ok(ev) = ev {
                    p.log(ev);
                }
            }
            // Without pop-up sources (or once they stop) these channels close: never ask again.
            recv(detections) -> d => match d {
                Ok(d) => p.detection(&d),
                Err(_) => detections = crossbeam_channel::never(),
            },
            recv(sources) -> r => match r {
                Ok(r) => {
                    let _ = p.notices.send(Notice::Source(r));
                }
                Err(_) => sources = crossbeam_channel::never(),
            },
            recv(timer) -> _ => p.popup_tick(false),
        }
    }
    while let Ok(d) = detections.try_recv() {
        p.detection(&d);
    }
    p.popup_tick(true);
    while let Ok(r) = sources.try_recv() {
        let _ = p.notices.send(Notice::Source(r));
    }
    // What was heard before the stop is measured (and its words counted), then the stop is
    // logged.
    p.listen();
    let tail = p.listener.finish();
    p.store(tail);
    p.words = None;
    if let Some(h) = words_thread {
        let _ = h.join();
    }
    while let Ok(ev) = done.try_recv() {
        p.log(ev);
    }
    p.end(PauseReason::Stopped);
    // A vault that was briefly unavailable gets a few more chances before the process ends;
    // what still waits is counted in `events_waiting` for the caller to report.
    for _ in 0..10 {
        if p.outbox.waiting.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
        p.outbox.flush(&p.reporter, &p.counters);
    }
    p.reporter.set(Status::Stopped);
}

/// A calibration: the worker reads a few sentences; the median level of their speech segments
/// becomes their own level.
#[derive(Debug, Clone)]
pub struct Calibration {
    pub level_db: Option<f64>,
    pub segments: usize,
}

/// Listens for `seconds` on the device (no vault: nothing is logged) and calibrates.
pub fn calibrate(device: Option<&str>, seconds: f64) -> Result<Calibration, StartError> {
    let mut listener = Listener::new(None)?;
    let (tx, rx) = bounded::<Feed>(QUEUE);
    let capture = LiveCapture::open(device, tx).map_err(PipelineError::from)?;
    let deadline = std::time::Instant::now() + Duration::from_secs_f64(seconds);
    let mut conv = ChunkTo16k::default();
    let mut audio = Vec::new();
    let mut levels = Vec::new();
    while std::time::Instant::now() < deadline {
        let Ok(Feed::Audio(chunk)) = rx.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        audio.clear();
        conv.push(&chunk, &mut audio).map_err(PipelineError::from)?;
        let heard = listener.push(&audio).map_err(PipelineError::from)?;
        levels.extend(heard.own.iter().map(|s| s.level_dbfs));
    }
    drop(capture);
    levels.extend(listener.finish().own.iter().map(|s| s.level_dbfs));
    Ok(Calibration {
        level_db: crate::voice::OwnVoice::calibrate(&levels),
        segments: levels.len(),
    })
}

/// The worker's speech measurements of the last `days` days, from an unlocked vault, oldest first.
pub fn recent_measures(
    vault: &crate::vault::Unlocked<'_>,
    days: i64,
) -> Result<Vec<crate::features::Measures>, VaultError> {
    let since = Utc::now() - chrono::Duration::days(days);
    let mut out = Vec::new();
    vault.for_each(|row| {
        if let Ok(Event {
            at,
            kind: EventKind::SpeechSegment(s),
        }) = row.event
            && at >= since
        {
            out.push(crate::features::Measures {
                duration_s: s.duration_s,
                voiced_s: s.voiced_s,
                f0_mean_hz: s.f0_mean_hz,
                f0_sd_hz: s.f0_sd_hz,
                jitter_local_pct: s.jitter_local_pct,
                shimmer_local_pct: s.shimmer_local_pct,
                hnr_db: s.hnr_db,
                intensity_db: s.intensity_db,
                pause_ratio: s.pause_ratio,
                syllables_per_s: s.syllables_per_s,
            });
        }
    })?;
    Ok(out)
}
