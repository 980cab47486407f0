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

/// The transcription side: gathers segments into a window (as `analyze` does), counts the words
/// of each, and hands the completed events back to the single vault writer.
pub(super) fn words_loop(
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
