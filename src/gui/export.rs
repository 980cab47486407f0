//! « Preuves » › « Exporter »: a short wizard. The period and the level of detail; then exactly
//! what will leave the machine (counts, what each item holds, one item as written); then the
//! file, signed and written on its own thread. The readable report of the same period beside it.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Datelike, Local, NaiveDate};
use eframe::egui;

use super::banner::Banner;
use super::job::{self, Job};
use super::session::Session;
use super::strings as s;
use crate::events::{Event, EventKind};
use crate::evidence::buckets::buckets;
use crate::evidence::bundle::Level;
use crate::evidence::export;
use crate::messages::{self, Lang};
use crate::vault::Vault;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Choose,
    Preview,
}

/// What the worker is shown before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub lines: Vec<String>,
    /// One item exactly as it will be written (none when the period is empty).
    pub sample: Option<String>,
}

pub struct Export {
    pub lang: Lang,
    vault: PathBuf,
    pub from: String,
    pub to: String,
    pub level: Level,
    pub step: Step,
    pub preview: Option<Preview>,
    pub out: String,
    pub report_out: String,
    /// Who it is for (« Preuves » keeps one name for the export, the report and checkpoints).
    pub recipient: String,
    pending: Option<Job<Result<String, String>>>,
    previewing: Option<Job<Preview>>,
    /// What was written, or what went wrong and what to do.
    pub message: Option<Banner>,
}

/// A date as typed: 25/11/2026 or 2026-11-25.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .ok()
}

fn shown_date(d: NaiveDate, lang: Lang) -> String {
    d.format(crate::i18n::s(lang, "gui-export-y-m-d"))
        .to_string()
}

/// Where files go unless the worker says otherwise: their home folder.
pub fn home_file(name: &str) -> String {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
        .join(name)
        .display()
        .to_string()
}

impl Export {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        let today = Local::now().date_naive();
        let first = today.with_day(1).unwrap_or(today);
        let mut e = Export {
            lang,
            vault,
            from: shown_date(first, lang),
            to: shown_date(today, lang),
            level: Level::Daily,
            step: Step::Choose,
            preview: None,
            out: String::new(),
            report_out: String::new(),
            recipient: String::new(),
            pending: None,
            previewing: None,
            message: None,
        };
        e.name_files();
        e
    }

    fn name_files(&mut self) {
        if let Some((from, to)) = self.period() {
            self.out = home_file(&format!("temoin-export-{from}-{to}.json"));
            self.report_out = home_file(&format!("temoin-releve-{from}-{to}.html"));
        }
    }

    /// The period typed, when both dates read and are in order.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (from, to) = (parse_date(&self.from)?, parse_date(&self.to)?);
        (from <= to).then_some((from, to))
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Starts working out the preview of the period and level chosen, on its own thread (a year
    /// of events takes a moment).
    pub fn start_preview(&mut self, ctx: &egui::Context, session: &Arc<Session>) {
        let Some((from, to)) = self.period() else {
            return;
        };
        let (level, lang, session) = (self.level, self.lang, session.clone());
        let (vault, recipient) = (self.vault.clone(), self.recipient());
        self.preview = None;
        self.previewing = Job::spawn("preview", ctx, move || {
            let who = identity(&vault, &session, recipient.as_deref());
            preview(&session, from, to, level, &who, recipient.as_deref(), lang)
        });
    }

    /// The recipient named, if any.
    fn recipient(&self) -> Option<String> {
        crate::vault::normalized_recipient(&self.recipient).map(|_| self.recipient.trim().into())
    }
}

/// The pseudonym and fingerprint `recipient` sees (the session's own when none is named; one more
/// unlock otherwise, on the caller's thread).
fn identity(
    vault: &std::path::Path,
    session: &Session,
    recipient: Option<&str>,
) -> (String, String) {
    let Some(r) = recipient else {
        return session.who.clone();
    };
    Vault::open(vault)
        .and_then(|v| export::identity(&v, session.passphrase(), Some(r)))
        .map(|k| (k.pseudonym(), k.fingerprint()))
        .unwrap_or_else(|_| session.who.clone())
}

/// Exactly what an export of this period and level would hold, signed as `who`.
pub fn preview(
    session: &Session,
    from: NaiveDate,
    to: NaiveDate,
    level: Level,
    who: &(String, String),
    recipient: Option<&str>,
    lang: Lang,
) -> Preview {
    let chosen: Vec<&Event> = session
        .events
        .iter()
        .filter(|e| (from..=to).contains(&e.at.date_naive()))
        .collect();
    let mut lines = vec![
        s::export_period(from, to, lang),
        s::export_signed_by(&who.0, &who.1, lang),
    ];
    if let Some(r) = recipient {
        lines.push(crate::t!(lang, "gui-export-for", "recipient" => r));
    }
    let sample = match level {
        Level::Events => {
            lines.push(s::export_events(chosen.len(), lang));
            let mut counts: Vec<(&'static str, usize)> = Vec::new();
            for e in &chosen {
                let label = messages::kind_label(&e.kind, lang);
                match counts.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((label, 1)),
                }
            }
            for (label, n) in counts {
                lines.push(format!("    {n} × {label}"));
            }
            let masked: Vec<Event> = chosen
                .iter()
                .filter_map(|e| crate::evidence::masking::for_export(e))
                .collect();
            if !masked.is_empty() {
                lines.push(crate::t!(lang, "export-masked", "count" => masked.len()));
                for e in masked.iter().take(5) {
                    if let Some(text) = crate::evidence::masking::text_of(e) {
                        lines.push(format!("    « {text} »"));
                    }
                }
            }
            if chosen
                .iter()
                .any(|e| matches!(&e.kind, EventKind::PopupSeen(p) if p.text.is_some()))
            {
                lines.push(s::export_popup_texts(lang).into());
            }
            chosen
                .iter()
                .find(|e| matches!(e.kind, EventKind::PopupSeen(_)))
                .or(chosen.first())
                .map(|e| crate::evidence::masking::for_export(e).unwrap_or_else(|| (*e).clone()))
                .and_then(|e| serde_json::to_string_pretty(&e).ok())
        }
        Level::Hourly | Level::Daily => {
            let hours = if level == Level::Hourly { 1 } else { 24 };
            let owned: Vec<Event> = chosen.iter().map(|e| (*e).clone()).collect();
            let b = buckets(&owned, hours);
            lines.push(s::export_figures(b.len(), level == Level::Hourly, lang));
            b.iter()
                .find(|b| b.popups > 0)
                .or(b.first())
                .and_then(|b| serde_json::to_string_pretty(b).ok())
        }
    };
    let given = session
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::CheckpointGiven { .. }))
        .count();
    if given > 0 {
        lines.push(s::export_checkpoints(given, lang));
    }
    lines.push(s::export_never(lang).into());
    Preview { lines, sample }
}

impl Export {
    /// Signs and writes the export on its own thread.
    pub fn export(&mut self, ctx: &egui::Context, session: &Arc<Session>) {
        let Some((from, to)) = self.period() else {
            return;
        };
        let (vault, level, lang) = (self.vault.clone(), self.level, self.lang);
        let out = PathBuf::from(self.out.trim());
        let (session, recipient) = (session.clone(), self.recipient());
        self.message = None;
        self.pending = Job::spawn("export", ctx, move || {
            let mut v = Vault::open(&vault).map_err(|e| messages::vault_error(&e, lang))?;
            v.set_program(crate::vault::Program::Window);
            let asked = export::Asked {
                from: Some(from),
                to: Some(to),
                level,
                recipient: recipient.as_deref(),
            };
            let made = export::make(
                &v,
                session.passphrase(),
                &asked,
                Local::now().fixed_offset(),
            )
            .map_err(|e| messages::vault_error(&e, lang))?;
            export::write_whole(&out, &export::to_json(&made.bundle))
                .map_err(|e| s::cannot_write(&out, &e, lang))?;
            export::given(&mut v, &made.bundle, Local::now().fixed_offset())
                .map_err(|e| messages::vault_error(&e, lang))?;
            let mut said = s::export_written(&out, lang);
            if let Some(b) = made.broken {
                said.push(' ');
                said.push_str(&messages::chain_break(&b, lang));
            }
            Ok(said)
        });
    }

    /// Writes the readable report of the period on its own thread.
    pub fn report(&mut self, ctx: &egui::Context, session: &Arc<Session>) {
        let Some((from, to)) = self.period() else {
            return;
        };
        let (vault, lang) = (self.vault.clone(), self.lang);
        let out = PathBuf::from(self.report_out.trim());
        let (session, recipient) = (session.clone(), self.recipient());
        self.message = None;
        self.pending = Job::spawn("report", ctx, move || {
            let who = identity(&vault, &session, recipient.as_deref());
            let r = crate::report::for_worker(&session.events, from, to, who.0, who.1, lang);
            export::write_whole(&out, crate::report::html(&r, lang).as_bytes())
                .map_err(|e| s::cannot_write(&out, &e, lang))?;
            Ok(s::report_written(&out, lang))
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) {
        let lang = self.lang;
        if let Some(r) = job::take_or(&mut self.pending, |d| Err(d.said(lang))) {
            self.message = Some(Banner::of(r));
        }
        match self.step {
            Step::Choose => self.choose(ui, session),
            Step::Preview => self.show_preview(ui, session),
        }
        if self.busy() {
            ui.label(s::writing(lang));
        }
        if let Some(m) = &self.message {
            m.show(ui);
        }
    }

    fn choose(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) {
        let lang = self.lang;
        ui.label(s::export_step1(lang));
        let before = (self.from.clone(), self.to.clone());
        egui::Grid::new("export-period")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(s::from_day(lang));
                ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(110.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(s::to_day(lang));
                ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(110.0))
                    .labelled_by(l.id);
                ui.end_row();
            });
        if (self.from.clone(), self.to.clone()) != before {
            self.name_files();
        }
        if self.period().is_none() {
            ui.label(
                egui::RichText::new(s::dates_unreadable(lang)).color(ui.visuals().warn_fg_color),
            );
        }
        ui.add_space(4.0);
        for (level, name, what) in [
            (
                Level::Daily,
                s::level_daily(lang),
                s::level_daily_what(lang),
            ),
            (
                Level::Hourly,
                s::level_hourly(lang),
                s::level_hourly_what(lang),
            ),
            (
                Level::Events,
                s::level_events(lang),
                s::level_events_what(lang),
            ),
        ] {
            ui.radio_value(&mut self.level, level, name);
            ui.add(egui::Label::new(egui::RichText::new(what).small().weak()).wrap());
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = self.period().is_some();
            if ui
                .add_enabled(ready, egui::Button::new(s::next_preview(lang)))
                .clicked()
            {
                self.start_preview(ui.ctx(), session);
                self.message = None;
                self.step = Step::Preview;
            }
        });
        ui.add_space(8.0);
        ui.separator();
        ui.strong(s::report_heading(lang));
        ui.add(egui::Label::new(egui::RichText::new(s::report_what(lang)).small()).wrap());
        let l = ui.label(s::file_to_write(lang));
        ui.add(egui::TextEdit::singleline(&mut self.report_out).desired_width(f32::INFINITY))
            .labelled_by(l.id);
        let ready = self.period().is_some() && !self.busy() && !self.report_out.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(s::write_report(lang)))
            .clicked()
        {
            self.report(ui.ctx(), session);
        }
    }

    fn show_preview(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) {
        let lang = self.lang;
        if let Some(p) = job::take_or(&mut self.previewing, |d| Preview {
            lines: vec![d.said(lang)],
            sample: None,
        }) {
            self.preview = Some(p);
        }
        ui.label(s::export_step2(lang));
        if self.previewing.is_some() {
            ui.label(s::preparing_preview(lang));
        }
        if let Some(p) = &self.preview {
            for l in &p.lines {
                ui.add(egui::Label::new(l.as_str()).wrap());
            }
            if let Some(sample) = &p.sample {
                ui.label(egui::RichText::new(s::one_item(lang)).small());
                egui::ScrollArea::vertical()
                    .max_height(140.0)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(
                            egui::RichText::new(sample).monospace().small(),
                        ));
                    });
            }
        }
        ui.add_space(6.0);
        let l = ui.label(s::file_to_write(lang));
        ui.add(egui::TextEdit::singleline(&mut self.out).desired_width(f32::INFINITY))
            .labelled_by(l.id);
        ui.horizontal(|ui| {
            if ui.button(s::back(lang)).clicked() {
                self.step = Step::Choose;
                self.message = None;
            }
            // Nothing leaves before the worker has seen what will.
            let ready = !self.busy() && self.preview.is_some() && !self.out.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(s::export_now(lang)))
                .clicked()
            {
                self.export(ui.ctx(), session);
            }
        });
    }
}
