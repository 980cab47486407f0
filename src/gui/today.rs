//! « Aujourd'hui »: readable at a glance from a small window. Monitoring state with a big Pause,
//! the « Pop-up ! » button with one-click categories afterwards, and today's counters. Needs no
//! passphrase: counts are kept in memory for the session.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use crossbeam_channel::{Receiver, Sender, select, unbounded};
use eframe::egui;

use super::banner::Banner;
use super::strings as s;
use super::writer::{Writer, Written};
use crate::events::{Consistency, Event, EventKind, PauseReason, PopupCategory, PopupSource};
use crate::features::baseline::Gauge;
use crate::messages::{self, Lang};
use crate::pipeline::live::{Monitor, Status};
use crate::pipeline::watch::Notice;
use crate::popups::{Detection, Outcome, Recorder, RulesFile, SourceReport, SourceState};
use crate::witness::client::Submitter;
use crate::workload::{WorkloadSettings, compute};

/// What the background threads tell the window.
enum Update {
    Status(Status),
    Stored(Event),
    Trouble(crate::pipeline::Shared<crate::vault::VaultError>),
    Gauge(Gauge),
    /// A pop-up source that has something to tell the worker (accessibility just switched on:
    /// browsers to restart).
    Source(SourceReport),
}

/// Today's counts, from what was stored this session.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts {
    pub popups: u32,
    pub emotion: u32,
    pub contradicted: u32,
    pub calls: u32,
    pub phone_s: f64,
    pub longest_run_s: f64,
    pub strain_episodes: u32,
    /// Today's call marks, for the longest run without a break.
    call_marks: Vec<Event>,
    /// When listening was interrupted today (the sound lost).
    pub gaps: Vec<crate::workload::Gap>,
    gap_marks: Vec<Event>,
    /// Today's pop-ups by second, and whether each is counted as emotion analysis (a category
    /// given later may flag it).
    popup_flags: Vec<(DateTime<FixedOffset>, bool, u32)>,
}

impl Counts {
    pub fn add(&mut self, e: &Event) {
        if matches!(
            e.kind,
            EventKind::CallStarted { .. } | EventKind::CallEnded(_)
        ) {
            // The calls as the workload computes them everywhere (a manual end mark carries no
            // duration: the marks do).
            self.call_marks.push(e.clone());
            let total = compute(&self.call_marks, WorkloadSettings::default()).total;
            self.calls = total.calls as u32;
            self.phone_s = total.phone_s;
            self.longest_run_s = total.longest_run_s;
        }
        match &e.kind {
            EventKind::PopupSeen(p) => {
                self.popups += p.count;
                if p.emotion_flag {
                    self.emotion += p.count;
                }
                self.popup_flags.push((e.at, p.emotion_flag, p.count));
                if p.consistency == Some(Consistency::Contradicted) {
                    self.contradicted += p.count;
                }
            }
            EventKind::PopupCategorised { popup_at, category } if category.reveals_emotion() => {
                if let Some((_, flagged, count)) =
                    self.popup_flags.iter_mut().rev().find(|(t, flagged, _)| {
                        crate::events::names_popup(popup_at, t) && !*flagged
                    })
                {
                    *flagged = true;
                    self.emotion += *count;
                }
            }
            EventKind::StrainEpisode(_) => self.strain_episodes += 1,
            EventKind::MonitoringPaused { .. } | EventKind::MonitoringResumed => {
                self.gap_marks.push(e.clone());
                self.gaps = crate::workload::gaps(&self.gap_marks);
            }
            _ => {}
        }
    }
}

/// The « Aujourd'hui » view and what it drives.
pub struct Today {
    pub lang: Lang,
    writer: Writer,
    recorder: Recorder,
    monitor: Option<Monitor>,
    updates: Receiver<Update>,
    sender: Sender<Update>,
    pub status: Option<Status>,
    pub paused: bool,
    pub counts: Counts,
    /// Where the worker's voice stands against their baseline (`None` without listening).
    pub gauge: Option<Gauge>,
    /// The last pop-up logged here, offered a category.
    pub last_popup: Option<DateTime<FixedOffset>>,
    /// The last thing said to the worker (saved, or what went wrong and what to do).
    pub message: Option<Banner>,
    /// When these counts began: they are what this window saw, not the day's totals (those need
    /// the passphrase, in « Historique »).
    pub since: DateTime<Local>,
    vault: PathBuf,
    /// Checkpoints to the witnesses the worker added, after each call (none added: `None`).
    witnesses: Option<Submitter>,
}

impl Today {
    /// The view over a vault; `monitor`: listening and watching, when started.
    pub fn new(vault: PathBuf, lang: Lang, rules: RulesFile, monitor: Option<Monitor>) -> Self {
        let (sender, updates) = unbounded();
        let gauge = monitor.as_ref().map(Monitor::gauge);
        let witnesses = start_witnesses(&vault, monitor.as_ref());
        Today {
            lang,
            writer: Writer::start(vault.clone()),
            recorder: Recorder::new(rules),
            monitor,
            updates,
            sender,
            status: None,
            paused: false,
            counts: Counts::default(),
            gauge,
            last_popup: None,
            message: None,
            since: Local::now(),
            vault,
            witnesses,
        }
    }

    /// A checkpoint to the witnesses now (an end-of-shift report was stored).
    pub fn nudge_witnesses(&self) {
        if let Some(w) = &self.witnesses {
            w.nudge();
        }
    }

    /// Sends to the witnesses as now listed in the settings.
    pub fn restart_witnesses(&mut self) {
        self.witnesses = start_witnesses(&self.vault, self.monitor.as_ref());
    }

    /// Forwards the monitor's news to the window and wakes it: no polling, no repaint loop.
    pub fn forward(&self, ctx: &egui::Context) {
        let Some(m) = &self.monitor else { return };
        let (changes, notices) = (m.changes().clone(), m.popup_notices().clone());
        let (nudges, gauge) = (m.gauge_nudges().clone(), m.gauge_handle());
        let (tx, ctx) = (self.sender.clone(), ctx.clone());
        let _ = std::thread::Builder::new()
            .name("temoin-gui-news".into())
            .spawn(move || {
                loop {
                    let update = select! {
                        recv(changes) -> s => match s { Ok(s) => Update::Status(s), Err(_) => break },
                        recv(notices) -> n => match n {
                            Ok(Notice::Stored(s)) => Update::Stored(s.event),
                            Ok(Notice::VaultTrouble(e)) => Update::Trouble(e),
                            Ok(Notice::Source(r)) if r.state == SourceState::SwitchedOn => {
                                Update::Source(r)
                            }
                            Ok(_) => continue,
                            Err(_) => break,
                        },
                        recv(nudges) -> n => match n {
                            Ok(()) => Update::Gauge(*gauge.lock().expect("gauge lock")),
                            Err(_) => break,
                        },
                    };
                    if tx.send(update).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            });
    }

    fn drain(&mut self) {
        while let Ok(u) = self.updates.try_recv() {
            match u {
                Update::Status(s) => {
                    self.paused = s == Status::Paused;
                    self.status = Some(s);
                }
                Update::Stored(e) => self.counts.add(&e),
                Update::Trouble(e) => {
                    self.message = Some(Banner::trouble(messages::vault_trouble(&e, self.lang)))
                }
                Update::Gauge(g) => self.gauge = Some(g),
                Update::Source(r) => {
                    self.message = Some(Banner::note(messages::source_report(&r, self.lang)))
                }
            }
        }
    }

    /// Events handed to the vault and not yet stored.
    pub fn writing(&self) -> bool {
        self.writer.busy()
    }

    /// What the writer did: counted and said once stored, or why not.
    fn written(&mut self) {
        for w in self.writer.results() {
            match w {
                Written::Stored(event) => match &event.kind {
                    EventKind::PopupSeen(_) => {
                        self.counts.add(&event);
                        self.last_popup = Some(event.at);
                        if let Some(m) = &self.monitor {
                            m.popup_noted(event.at.with_timezone(&chrono::Utc));
                        }
                        self.message = Some(Banner::done(format!(
                            "{} {}.",
                            s::recorded_at(self.lang),
                            event.at.with_timezone(&Local).format("%H:%M:%S")
                        )));
                    }
                    EventKind::PopupCategorised { category, .. } => {
                        self.counts.add(&event);
                        self.message = Some(Banner::done(format!(
                            "{} {}.",
                            s::categorised(self.lang),
                            messages::category_label(*category, self.lang)
                        )));
                    }
                    _ => {}
                },
                Written::Failed(_, e) => {
                    self.message = Some(Banner::trouble(messages::vault_error(&e, self.lang)))
                }
            }
        }
    }

    /// One press: the pop-up is stored at once, its category can come after.
    pub fn popup_now(&mut self) {
        let d = Detection::new(PopupSource::Manual);
        let Outcome::Store(event) = self.recorder.record(&d) else {
            return;
        };
        self.writer.write(*event);
    }

    pub fn categorise(&mut self, category: PopupCategory) {
        let Some(popup_at) = self.last_popup.take() else {
            return;
        };
        self.writer.write(Event::now(EventKind::PopupCategorised {
            popup_at,
            category,
        }));
    }

    /// Privacy pause: capture stops at once (the monitor logs it); without listening, the
    /// pause is logged here.
    pub fn toggle_pause(&mut self) {
        self.paused = !self.paused;
        match &self.monitor {
            Some(m) if self.paused => m.pause(),
            Some(m) => m.resume(),
            None => {
                let kind = if self.paused {
                    EventKind::MonitoringPaused {
                        reason: PauseReason::Privacy,
                    }
                } else {
                    EventKind::MonitoringResumed
                };
                self.writer.write(Event::now(kind));
            }
        }
    }

    /// Lays the view out, top to bottom as the worker reads it.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.writer.wake(ui.ctx());
        self.drain();
        self.written();
        self.state_line(ui);
        ui.add_space(8.0);
        self.popup_button(ui);
        // The rest scrolls in a small window; Pause and « Pop-up ! » always stay in view.
        egui::ScrollArea::vertical().show(ui, |ui| {
            if self.last_popup.is_some() {
                self.quick_categories(ui);
            }
            if let Some(m) = &self.message {
                m.show(ui);
            }
            ui.add_space(8.0);
            ui.separator();
            self.today_counters(ui);
            ui.add_space(8.0);
            ui.separator();
            ui.label(
                egui::RichText::new(s::no_data_kept(self.lang))
                    .small()
                    .weak(),
            );
        });
    }

    fn state_line(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal(|ui| {
            let label = if self.paused {
                s::resume(lang)
            } else {
                s::pause(lang)
            };
            let button = egui::Button::new(egui::RichText::new(label).size(20.0))
                .min_size(egui::vec2(120.0, 40.0));
            if ui.add(button).clicked() {
                self.toggle_pause();
            }
            let state = if self.paused {
                s::paused(lang).to_string()
            } else {
                match (&self.monitor, &self.status) {
                    (None, _) => s::not_listening(lang).to_string(),
                    (Some(_), Some(st)) => messages::monitor_status(st, lang),
                    (Some(_), None) => messages::monitor_status(&Status::Starting, lang),
                }
            };
            ui.add(egui::Label::new(state).wrap());
        });
    }

    fn popup_button(&mut self, ui: &mut egui::Ui) {
        let button = egui::Button::new(
            egui::RichText::new(s::popup_button(self.lang))
                .size(28.0)
                .strong(),
        )
        .min_size(egui::vec2(ui.available_width(), 64.0));
        if ui
            .add(button)
            .on_hover_text(s::popup_hint(self.lang))
            .clicked()
        {
            self.popup_now();
        }
    }

    fn quick_categories(&mut self, ui: &mut egui::Ui) {
        ui.label(s::what_was_it(self.lang));
        ui.horizontal_wrapped(|ui| {
            for c in s::QUICK {
                if ui.button(messages::category_label(c, self.lang)).clicked() {
                    self.categorise(c);
                }
            }
        });
    }

    fn today_counters(&self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.heading(s::counters_heading(lang));
        // Honest about what they are: counted here since the window opened.
        ui.label(
            egui::RichText::new(s::counted_since(
                &self.since.format("%H:%M").to_string(),
                lang,
            ))
            .weak(),
        );
        egui::Grid::new("today-counters")
            .num_columns(2)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                let row = |ui: &mut egui::Ui, name: &str, value: String| {
                    ui.label(name);
                    ui.label(egui::RichText::new(value).size(18.0).strong());
                    ui.end_row();
                };
                row(ui, s::popups_today(lang), self.counts.popups.to_string());
                row(ui, s::emotion_today(lang), self.counts.emotion.to_string());
                row(
                    ui,
                    s::contradicted_today(lang),
                    self.counts.contradicted.to_string(),
                );
                row(ui, s::calls_today(lang), self.counts.calls.to_string());
                row(
                    ui,
                    s::phone_time_today(lang),
                    messages::duration(self.counts.phone_s, lang),
                );
                row(
                    ui,
                    s::longest_run(lang),
                    messages::duration(self.counts.longest_run_s, lang),
                );
                row(
                    ui,
                    s::strain_episodes_today(lang),
                    self.counts.strain_episodes.to_string(),
                );
            });
        // What was not covered, said as such: the figures above do not include those minutes.
        if !self.counts.gaps.is_empty() {
            ui.add_space(6.0);
            ui.strong(s::gaps_today(lang));
            for g in self.counts.gaps.iter().rev().take(3) {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    crate::labels::gap_sentence(g.from, g.to, false, lang),
                );
            }
        }
        ui.add_space(6.0);
        self.strain_gauge(ui);
    }

    /// The vocal-strain gauge: the worker's voice against their own usual, in words first.
    fn strain_gauge(&self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.strong(s::strain_gauge(lang));
        match self.gauge {
            None => {
                ui.label(s::gauge_needs_listening(lang));
            }
            Some(Gauge::Learning { heard, needed }) => {
                ui.add(
                    egui::ProgressBar::new(heard as f32 / needed.max(1) as f32)
                        .text(s::gauge_learning(heard, needed, lang)),
                );
            }
            Some(Gauge::Effort(z)) => {
                let colour = match z {
                    z if z >= 2.0 => ui.visuals().error_fg_color,
                    z if z >= 1.0 => ui.visuals().warn_fg_color,
                    _ => egui::Color32::from_rgb(80, 150, 90),
                };
                ui.add(
                    egui::ProgressBar::new(((z + 1.0) / 4.0).clamp(0.02, 1.0) as f32)
                        .fill(colour)
                        .text(s::gauge_effort(z, lang)),
                );
            }
        }
        ui.label(
            egui::RichText::new(s::gauge_not_diagnosis(lang))
                .small()
                .weak(),
        );
    }

    /// Hands over listening and watching (to be stopped elsewhere); the view then says it is not
    /// listening.
    pub fn take_monitor(&mut self) -> Option<Monitor> {
        self.gauge = None;
        self.status = None;
        self.monitor.take()
    }

    /// Stops listening and watching (what was heard is still measured and stored).
    /// The window closes: listening stops, and the witnesses get the last checkpoint of the
    /// shift (waited for a few seconds at most).
    pub fn shutdown(&mut self) {
        if let Some(m) = self.monitor.take() {
            m.stop();
        }
        if let Some(w) = self.witnesses.take() {
            w.finish(std::time::Duration::from_secs(5));
        }
    }
}

fn start_witnesses(vault: &std::path::Path, monitor: Option<&Monitor>) -> Option<Submitter> {
    let list = crate::settings::Settings::current()
        .map(|s| s.witnesses)
        .unwrap_or_default();
    Submitter::start(
        vault.to_path_buf(),
        list,
        monitor.map(|m| m.counters.clone()),
    )
}

impl Drop for Today {
    fn drop(&mut self) {
        if let Some(m) = self.monitor.take() {
            m.stop();
        }
    }
}
