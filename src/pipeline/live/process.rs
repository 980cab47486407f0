//! The processing thread: converts, listens, measures and logs, in stream order; words come back
//! from the words thread, pop-ups from the watchers.

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Utc};
use crossbeam_channel::{Receiver, Sender, TrySendError, select};

use super::words::WordsJob;
use super::{BATCH, Counters, Reporter, Status};
use crate::capture::live::{ChunkTo16k, Feed};
use crate::events::{Event, EventKind, PauseReason, SpeechSegment};
use crate::features::baseline::{Gauge, StrainTracker};
use crate::pipeline::Listener;
use crate::pipeline::watch::{Desk, Notice, Stored};
use crate::popups::{Detection, SourceReport};
use crate::vault::Vault;
use crate::workload::{CallMark, CallTracker};

/// Events waiting to be stored: nothing is lost when the vault is briefly unavailable.
pub(super) struct Outbox {
    vault: Vault,
    waiting: VecDeque<Event>,
}

impl Outbox {
    pub(super) fn new(vault: Vault) -> Self {
        Self {
            vault,
            waiting: VecDeque::new(),
        }
    }

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
                    reporter.set(Status::VaultTrouble(err.into()));
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
pub(super) struct Processor {
    pub(super) listener: Listener,
    pub(super) outbox: Outbox,
    pub(super) tracker: StrainTracker,
    pub(super) reporter: Reporter,
    pub(super) counters: Arc<Counters>,
    pub(super) conv: ChunkTo16k,
    /// Wall-clock time of sample 0 of the current 16 kHz stream.
    pub(super) origin: Option<DateTime<Utc>>,
    /// Converted audio waiting for the next batch.
    pub(super) audio: Vec<f32>,
    /// Segments go here to have their words counted, when transcription runs.
    pub(super) words: Option<Sender<WordsJob>>,
    /// Pop-ups, when watched: verdicts from the speech measured here.
    pub(super) desk: Option<Desk>,
    pub(super) notices: Sender<Notice>,
    /// Calls from the worker's speech, in stream time.
    pub(super) calls: CallTracker,
    pub(super) gauge: GaugeSlot,
    /// The sound was lost and has not come back yet.
    pub(super) in_gap: bool,
    /// Pop-ups' times, for the words thread (speech around them always gets its words).
    pub(super) popups_to_words: Sender<DateTime<Utc>>,
    /// The call the softphone's streams say is under way.
    pub(super) stream_call: Option<StreamCall>,
    /// The softphone's streams were seen running: they mark calls from now on, not silences.
    pub(super) streams_seen: bool,
}

/// A call under way by the softphone's streams.
pub(super) struct StreamCall {
    seen: std::time::Instant,
    /// The stream closed then: the call ends once the audio up to that moment is measured
    /// (speech is processed a little behind), so its last words count in it.
    ending: Option<(DateTime<Utc>, std::time::Instant)>,
    talk_s: f64,
    popups: u32,
}

/// The strain gauge's latest reading, and a nudge for whoever shows it (a full nudge channel
/// means the reader has not looked yet; it will read the latest value then).
#[derive(Clone)]
pub(super) struct GaugeSlot {
    pub(super) value: Arc<Mutex<Gauge>>,
    pub(super) nudge: Sender<()>,
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
        if matches!(e.kind, EventKind::CallEnded(_)) {
            self.counters
                .calls_ended
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
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
                if let Some(c) = &mut self.stream_call {
                    c.popups += 1;
                }
                let _ = self.popups_to_words.send(e.at.with_timezone(&Utc));
            }
            self.log_and_tell(e, seen);
        }
    }

    /// Logs a call's start or end, stamped at its place in the stream.
    fn call(&mut self, mark: CallMark, at_quit: bool) {
        // The softphone's own streams are the more reliable source once seen.
        if !self.streams_seen {
            self.log_call(mark, at_quit);
        }
    }

    fn log_call(&mut self, mark: CallMark, at_quit: bool) {
        let Some(origin) = self.origin else { return };
        let at = |s: f64| origin + chrono::Duration::milliseconds((s * 1000.0).round() as i64);
        if let (CallMark::Started { at_s }, Some(desk)) = (&mark, &mut self.desk) {
            desk.call_started(at(*at_s));
        }
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
                    source: match c.source {
                        crate::workload::Found::Words => crate::events::MarkSource::Words,
                        _ => crate::events::MarkSource::Speech,
                    },
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

    /// The softphone's streams started or stopped: a call starts or ends then.
    pub(super) fn stream(&mut self, c: crate::capture::live::streams::Change) {
        let at = DateTime::<Utc>::from(c.at);
        if c.running {
            // Closed and opened again before the audio caught up: the first call ends now.
            if let Some((at, seen)) = self.stream_call.as_ref().and_then(|c| c.ending) {
                self.end_stream_call(at, seen, false);
            }
            if !self.streams_seen {
                // A call the silences had opened ends at its last word: the streams take over.
                self.streams_seen = true;
                if let Some(m) = self.calls.close() {
                    self.log_call(m, false);
                }
            }
            if self.stream_call.is_none() {
                if let Some(desk) = &mut self.desk {
                    desk.call_started(at);
                }
                self.stream_call = Some(StreamCall {
                    seen: c.seen,
                    ending: None,
                    talk_s: 0.0,
                    popups: 0,
                });
                self.log_and_tell(
                    Event::at(
                        at,
                        EventKind::CallStarted {
                            source: crate::events::MarkSource::Stream,
                        },
                    ),
                    None,
                );
            }
        } else if let Some(call) = &mut self.stream_call {
            call.ending.get_or_insert((at, c.seen));
            self.stream_caught_up();
        }
    }

    /// Ends the call whose stream closed, once the audio measured has reached that moment.
    fn stream_caught_up(&mut self) {
        let Some((at, seen)) = self.stream_call.as_ref().and_then(|c| c.ending) else {
            return;
        };
        let measured = self.origin.map(|o| {
            o + chrono::Duration::milliseconds((self.listener.position_s() * 1000.0) as i64)
        });
        if measured.is_none_or(|m| m >= at) {
            self.end_stream_call(at, seen, false);
        }
    }

    fn end_stream_call(&mut self, at: DateTime<Utc>, seen: std::time::Instant, at_quit: bool) {
        let Some(call) = self.stream_call.take() else {
            return;
        };
        let event = Event::at(
            at,
            EventKind::CallEnded(crate::events::CallEnded {
                source: crate::events::MarkSource::Stream,
                handle_s: seen.saturating_duration_since(call.seen).as_secs_f64(),
                talk_s: call.talk_s,
                worker_share: None,
                popups: call.popups,
                closed_at_quit: at_quit,
            }),
        );
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
            let origin = Utc::now() - chrono::Duration::microseconds((secs * 1e6) as i64);
            self.origin = Some(origin);
            if std::mem::take(&mut self.in_gap) {
                self.log_and_tell(Event::at(origin, EventKind::MonitoringResumed), None);
            }
        }
        let ms = chunk.len as f64 / chunk.channels.max(1) as f64 / chunk.rate.max(1) as f64 * 1e3;
        self.counters
            .heard_ms
            .fetch_add(ms as u64, Ordering::Relaxed);
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
            Err(e) => self.reporter.set(Status::VoiceTrouble(e.into())),
        }
        if let Some(m) = self.calls.tick(self.listener.position_s()) {
            self.call(m, false);
        }
        self.stream_caught_up();
        self.audio = audio;
        self.audio.clear();
    }

    fn store(&mut self, heard: crate::pipeline::Heard) {
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
            if let Some(c) = &mut self.stream_call
                && c.ending.is_none_or(|(end, _)| at < end)
            {
                c.talk_s += s.end_s - s.start_s;
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

    /// The sound went away: the gap is stored from the moment audio last arrived, so the record
    /// shows coverage, not silence.
    fn lost(&mut self, last_audio: std::time::SystemTime) {
        self.forget();
        if !self.in_gap {
            self.in_gap = true;
            self.log_and_tell(
                Event::at(
                    DateTime::<Utc>::from(last_audio),
                    EventKind::MonitoringPaused {
                        reason: PauseReason::SoundLost,
                    },
                ),
                None,
            );
        }
    }

    /// Ends a stretch of monitoring: closes any strain run and logs why it stopped.
    fn end(&mut self, reason: PauseReason) {
        if let Some(m) = self.calls.close() {
            self.call(m, true);
        }
        match self.stream_call.as_ref().and_then(|c| c.ending) {
            Some((at, seen)) => self.end_stream_call(at, seen, false),
            None => self.end_stream_call(Utc::now(), std::time::Instant::now(), true),
        }
        if let Some(ep) = self.tracker.close() {
            self.counters.episodes.fetch_add(1, Ordering::Relaxed);
            self.log_and_tell(Event::now(EventKind::StrainEpisode(ep)), None);
        }
        self.log_and_tell(Event::now(EventKind::MonitoringPaused { reason }), None);
    }
}

/// What the processing thread listens to besides its own state.
pub(super) struct Inputs {
    pub feed: Receiver<Feed>,
    /// Segments whose words were counted.
    pub done: Receiver<Event>,
    pub detections: Receiver<Detection>,
    pub sources: Receiver<SourceReport>,
    pub words_thread: Option<JoinHandle<()>>,
    /// The softphone's stream changes (never, without a softphone chosen).
    pub streams: Receiver<crate::capture::live::streams::Change>,
    /// Dropped when processing ends: the stream watcher stops.
    pub streams_stop: Option<Sender<()>>,
}

pub(super) fn process_loop(mut p: Processor, inputs: Inputs) {
    let Inputs {
        feed,
        done,
        mut detections,
        mut sources,
        words_thread,
        mut streams,
        streams_stop,
    } = inputs;
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
                Ok(Feed::Lost { last_audio }) => p.lost(last_audio),
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
            recv(streams) -> c => match c {
                Ok(c) => p.stream(c),
                Err(_) => streams = crossbeam_channel::never(),
            },
            recv(timer) -> _ => p.popup_tick(false),
        }
    }
    drop(streams_stop);
    while let Ok(c) = streams.try_recv() {
        p.stream(c);
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
