//! The words thread: counts the words of the worker's measured segments, at low priority, with a
//! bounded queue (on a busy PC, segments are stored without words, counted, never late).

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::{DateTime, Utc};
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use super::Counters;
use crate::events::{Event, EventKind, SpeechSegment};
use crate::speech::Transcriber;

/// A measured segment waiting for its words; its samples are dropped once counted.
pub(super) struct WordsJob {
    pub(super) at: DateTime<Utc>,
    pub(super) segment: SpeechSegment,
    pub(super) audio: Vec<f32>,
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

/// The share of one core that counting words may take, averaged over the day: beyond it, speech
/// is measured without its words, except around pop-ups (the verdicts need them).
pub const WORDS_SHARE: f64 = 0.015;

/// CPU-seconds that may be spent ahead of the share (a long call transcribed whole, the first
/// minutes of a day); the credit refills at [`WORDS_SHARE`].
const WORDS_CREDIT: f64 = 30.0;

/// Speech within this long after a pop-up is always transcribed.
const AROUND_POPUP: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// The processor time the words thread may spend: a bucket of CPU-seconds refilled at
/// [`WORDS_SHARE`] of the wall clock, charged with what each window actually cost.
struct Budget {
    credit: f64,
    since: std::time::Instant,
    /// CPU-seconds per second of packed speech, learnt from the windows transcribed.
    cost_per_s: f64,
}

impl Budget {
    fn new() -> Self {
        Self {
            credit: WORDS_CREDIT,
            since: std::time::Instant::now(),
            cost_per_s: 0.12,
        }
    }

    fn refill(&mut self) {
        let now = std::time::Instant::now();
        self.credit = (self.credit + now.duration_since(self.since).as_secs_f64() * WORDS_SHARE)
            .min(WORDS_CREDIT);
        self.since = now;
    }

    fn allows(&mut self, seconds: f64) -> bool {
        self.refill();
        self.credit >= seconds * self.cost_per_s
    }

    /// Charges a window of `seconds` of speech that cost `cpu` seconds (a debt is allowed,
    /// down to one credit's worth, so that pop-ups are always covered).
    fn charge(&mut self, seconds: f64, cpu: f64) {
        self.credit = (self.credit - cpu).max(-WORDS_CREDIT);
        if seconds > 1.0 {
            self.cost_per_s = 0.7 * self.cost_per_s + 0.3 * cpu / seconds;
        }
    }
}

/// Returns the heap that a window's buffers left free to the system: windows of every length
/// otherwise leave the heap at the largest one's high-water mark, and the whole monitor must stay
/// under 250 MB beside the softphone.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of glibc's heap.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// CPU time of the calling thread, in seconds.
fn thread_cpu_s() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
    }
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The transcription side: gathers segments into a window (as `analyze` does), counts the words
/// of each, and hands the completed events back to the single vault writer.
pub(super) fn words_loop(
    jobs: Receiver<WordsJob>,
    popups: Receiver<DateTime<Utc>>,
    done: Sender<Event>,
    transcriber: Transcriber,
    counters: Arc<Counters>,
) {
    lower_priority();
    let mut w = Words {
        transcriber,
        done,
        counters,
        budget: Budget::new(),
        popups,
        popup_times: Vec::new(),
    };
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
            if !w.transcribe(&mut pending) {
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
            && !w.transcribe(&mut pending)
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

/// The words thread's state besides its queue.
struct Words {
    transcriber: Transcriber,
    done: Sender<Event>,
    counters: Arc<Counters>,
    budget: Budget,
    popups: Receiver<DateTime<Utc>>,
    /// Pop-ups of the last minutes: the speech after them is transcribed whatever the budget.
    popup_times: Vec<DateTime<Utc>>,
}

impl Words {
    /// The pending segments follow a pop-up closely enough that their words must be counted.
    fn near_popup(&mut self, pending: &[WordsJob]) -> bool {
        self.popup_times.extend(self.popups.try_iter());
        let Some(first) = pending.first().map(|j| j.at) else {
            return false;
        };
        // Segments come in order: a pop-up more than a minute before these matters no more.
        self.popup_times.retain(|p| *p + AROUND_POPUP >= first);
        let last = pending.last().map_or(first, |j| j.at);
        self.popup_times.iter().any(|p| *p <= last)
    }

    /// Counts the words of the pending segments (within the budget) and sends their events;
    /// false when nobody listens.
    fn transcribe(&mut self, pending: &mut Vec<WordsJob>) -> bool {
        if pending.is_empty() {
            return true;
        }
        let jobs = std::mem::take(pending);
        let seconds = crate::speech::packed_seconds(jobs.iter().map(|j| j.audio.len()));
        let counts = if self.near_popup(&jobs) || self.budget.allows(seconds) {
            let pieces: Vec<&[f32]> = jobs.iter().map(|j| j.audio.as_slice()).collect();
            let before = thread_cpu_s();
            let counts = self.transcriber.count_all(&pieces, false).ok();
            self.budget.charge(seconds, thread_cpu_s() - before);
            give_back_memory();
            if counts.is_none() {
                self.counters
                    .words_skipped
                    .fetch_add(jobs.len() as u64, Ordering::Relaxed);
            }
            counts
        } else {
            self.counters
                .words_unsampled
                .fetch_add(jobs.len() as u64, Ordering::Relaxed);
            None
        };
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
            if self
                .done
                .send(Event::at(at, EventKind::SpeechSegment(segment)))
                .is_err()
            {
                return false;
            }
        }
        true
    }
}
