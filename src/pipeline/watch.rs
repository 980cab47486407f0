//! Running the sources: [`Watchers`] starts those the rules turn on; [`Desk`] turns their
//! detections into events (with a consistency verdict when the worker's speech is being measured);
//! [`Watch`] does both into a vault, for watching pop-ups without listening.

use std::path::Path;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossbeam_channel::{Receiver, Sender, after, bounded, never, select, unbounded};

use crate::events::{Event, EventKind, SpeechSegment};
use crate::popups::consistency::SpeechHistory;
use crate::popups::x11::{Combo, Hotkey, WindowWatcher};
use crate::popups::{
    Detection, Outcome, Recorder, RulesError, RulesFile, Source, SourceReport, SourceState,
};
use crate::vault::{Vault, VaultError};

/// The running sources.
pub struct Watchers {
    sources: Vec<Box<dyn Source>>,
}

impl Watchers {
    /// Starts the sources the rules turn on. A source that cannot run reports why on `reports`.
    pub fn start(
        file: &RulesFile,
        out: &Sender<Detection>,
        reports: &Sender<SourceReport>,
    ) -> Watchers {
        let config = &file.rules().sources;
        let mut sources: Vec<Box<dyn Source>> = Vec::new();
        if config.fenetres {
            sources.push(Box::new(WindowWatcher::new(
                config.ocr,
                config.notifications,
            )));
        }
        if config.pages {
            sources.push(Box::new(crate::popups::a11y::live::PageWatcher::new(true)));
        }
        if config.extension {
            sources.push(Box::new(crate::popups::extension::ExtensionListener::new(
                crate::popups::extension::socket_path(),
            )));
        }
        if config.notifications {
            sources.push(Box::new(
                crate::popups::notifications::NotificationWatcher::new(),
            ));
        }
        let combo = config.raccourci.trim();
        if !combo.is_empty() {
            match Combo::parse(combo) {
                Ok(c) => sources.push(Box::new(Hotkey::new(c))),
                Err(what) => {
                    let _ = reports.send(SourceReport {
                        source: "hotkey",
                        state: SourceState::Unavailable(format!("unknown key {what}")),
                    });
                }
            }
        }
        for s in &mut sources {
            s.start(out.clone(), reports.clone());
        }
        Watchers { sources }
    }

    pub fn stop(mut self) {
        for s in &mut self.sources {
            s.stop();
        }
    }
}

/// Detections in, events out: rules, classification, masking, floods, and the consistency verdict
/// from the worker's recent speech when it is measured.
pub struct Desk {
    recorder: Recorder,
    history: Option<SpeechHistory>,
    softphone: crate::workload::CallWindow,
}

impl Desk {
    /// `measuring`: the worker's speech is being measured (verdicts given); otherwise pop-ups are
    /// stored without a verdict ("not measured").
    pub fn new(rules: RulesFile, measuring: bool) -> Self {
        Self {
            recorder: Recorder::new(rules),
            history: measuring.then(SpeechHistory::default),
            softphone: Default::default(),
        }
    }

    /// The worker's measurements from earlier days, so usual rates are known from the start.
    pub fn seed(&mut self, earlier: &[crate::features::Measures]) {
        if let Some(h) = &mut self.history {
            h.seed_syllables(
                earlier
                    .iter()
                    .filter_map(|m| m.syllables_per_s.map(|r| (r, m.duration_s))),
            );
        }
    }

    /// A measured segment of the worker's speech.
    /// A call began at `at` (from the worker's speech): thanks and apologies are counted from it.
    pub fn call_started(&mut self, at: DateTime<Utc>) {
        if let Some(h) = &mut self.history {
            h.call_started(at);
        }
    }

    pub fn speech(&mut self, at: DateTime<Utc>, s: &SpeechSegment) {
        self.softphone.speech(at, s.duration_s);
        if let Some(h) = &mut self.history {
            h.push(at, s);
        }
    }

    /// The events to store for a detection (a pop-up, or the softphone's call marks), and why an
    /// edited rules file was refused (the previous rules were used). `speaking_now`: the worker's
    /// voice is heard at this moment.
    pub fn detection(
        &mut self,
        d: &Detection,
        speaking_now: bool,
    ) -> (Vec<Event>, Option<RulesError>) {
        let refused = self.recorder.refresh_rules();
        let (softphone, marks) = self
            .softphone
            .detection(&self.recorder.rules().call_window, d);
        if softphone {
            for m in &marks {
                if let (Some(h), EventKind::CallStarted { .. }) = (&mut self.history, &m.kind) {
                    h.call_started(m.at.with_timezone(&Utc));
                }
            }
            return (marks, refused);
        }
        let event = match self.recorder.record(d) {
            Outcome::Store(mut e) => {
                if let (Some(h), EventKind::PopupSeen(p)) = (&self.history, &mut e.kind) {
                    let (verdict, measured) = h.assess(p.category, d.at, speaking_now);
                    p.consistency = Some(verdict);
                    p.measured = Some(measured);
                }
                Some(*e)
            }
            Outcome::Folded | Outcome::Ignored => None,
        };
        let events: Vec<Event> = event.into_iter().collect();
        self.count_in_call(&events);
        (events, refused)
    }

    /// Pop-ups stored while the softphone shows a call count in that call.
    fn count_in_call(&mut self, events: &[Event]) {
        for e in events {
            if matches!(e.kind, EventKind::PopupSeen(_)) {
                self.softphone.popup();
            }
        }
    }

    /// Floods that are over, folded into events.
    pub fn tick(&mut self) -> Vec<Event> {
        let out = self.recorder.tick(Instant::now());
        self.count_in_call(&out);
        out
    }

    /// Everything pending, when stopping: folded floods, and a softphone call still open.
    pub fn flush(&mut self) -> Vec<Event> {
        let mut out = self.recorder.flush();
        self.count_in_call(&out);
        out.extend(self.softphone.close());
        out
    }

    /// A flood is being folded: call [`Desk::tick`] soon.
    pub fn folding(&self) -> bool {
        self.recorder.folding()
    }
}

/// A pop-up stored, for status displays and latency figures.
#[derive(Debug, Clone)]
pub struct Stored {
    pub event: Event,
    /// From detection to the event durably in the vault.
    pub latency: Option<Duration>,
}

/// What the watch says, in order.
#[derive(Debug, Clone)]
pub enum Notice {
    Source(SourceReport),
    Stored(Box<Stored>),
    RulesRefused(RulesError),
    VaultTrouble(super::Shared<VaultError>),
}

/// Watching pop-ups into a vault, without listening.
pub struct Watch {
    stop: Sender<()>,
    notices: Receiver<Notice>,
    thread: Option<JoinHandle<()>>,
}

/// Floods are checked this often while one is folding.
const TICK: Duration = Duration::from_millis(250);

impl Watch {
    pub fn start(vault: &Path, rules: RulesFile) -> Result<Watch, VaultError> {
        let mut vault = Vault::open(vault)?;
        vault.set_program(crate::vault::Program::PopupWatch);
        vault.writable()?;
        let (det_tx, det_rx) = unbounded::<Detection>();
        let (rep_tx, rep_rx) = unbounded::<SourceReport>();
        let (notice_tx, notices) = unbounded();
        let (stop, stop_rx) = bounded::<()>(1);
        let watchers = Watchers::start(&rules, &det_tx, &rep_tx);
        drop(det_tx);
        let thread = std::thread::Builder::new()
            .name("temoin-popups".into())
            .spawn(move || {
                let mut desk = Desk::new(rules, false);
                let store = |e: Event, seen: Option<Instant>, vault: &mut Vault| {
                    let stored = vault.append(&e);
                    let notice = match stored {
                        Ok(_) => Notice::Stored(Box::new(Stored {
                            event: e,
                            latency: seen.map(|s| s.elapsed()),
                        })),
                        Err(err) => Notice::VaultTrouble(err.into()),
                    };
                    let _ = notice_tx.send(notice);
                };
                loop {
                    // Woken only by events, or while a flood is being folded.
                    let timer = if desk.folding() { after(TICK) } else { never() };
                    select! {
                        recv(det_rx) -> d => {
                            let Ok(d) = d else { break };
                            let (events, refused) = desk.detection(&d, false);
                            if let Some(r) = refused {
                                let _ = notice_tx.send(Notice::RulesRefused(r));
                            }
                            for e in events {
                                store(e, Some(d.seen), &mut vault);
                            }
                        }
                        recv(rep_rx) -> r => {
                            if let Ok(r) = r {
                                let _ = notice_tx.send(Notice::Source(r));
                            }
                        }
                        recv(timer) -> _ => {
                            for e in desk.tick() {
                                store(e, None, &mut vault);
                            }
                        }
                        recv(stop_rx) -> _ => break,
                    }
                }
                watchers.stop();
                while let Ok(d) = det_rx.try_recv() {
                    for e in desk.detection(&d, false).0 {
                        store(e, Some(d.seen), &mut vault);
                    }
                }
                for e in desk.flush() {
                    store(e, None, &mut vault);
                }
                while let Ok(r) = rep_rx.try_recv() {
                    let _ = notice_tx.send(Notice::Source(r));
                }
            })
            .expect("spawn pop-up thread");
        Ok(Watch {
            stop,
            notices,
            thread: Some(thread),
        })
    }

    pub fn notices(&self) -> &Receiver<Notice> {
        &self.notices
    }

    /// Stops the sources, stores what is pending, and waits.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self.stop.try_send(());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.shutdown();
    }
}
