//! « Preuves »: exporting (a wizard), checkpoints (text and QR code), and verifying a bundle
//! someone hands over, on a worker thread (a year of events takes seconds), the verdict in plain
//! words. Exporting and checkpoints need the vault opened with the passphrase.

use std::path::PathBuf;

use eframe::egui;

use super::banner::Tone;
use super::checkpoint::Checkpoints;
use super::export::Export;
use super::job::{self, Job};
use super::session::Lock;
use super::strings as s;
use crate::evidence::bundle;
use crate::messages::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Export,
    Checkpoint,
    MyKey,
    Verify,
}

pub struct Evidence {
    pub lang: Lang,
    pub part: Part,
    pub export: Export,
    pub checkpoints: Checkpoints,
    pub my_key: super::mykey::MyKey,
    pub file: String,
    /// Who the export, report and checkpoint are for (each name its own signature).
    pub recipient: String,
    /// The verdict, line by line, once known.
    pub verdict: Option<Verdict>,
    pending: Option<Job<Verdict>>,
}

/// A verdict as sentences, and whether it is good news (intact) or not (altered, unreadable).
#[derive(Debug, Clone)]
pub struct Verdict {
    pub intact: bool,
    pub lines: Vec<String>,
}

/// The verdict on a file, as sentences (the same as `temoin verify` says).
pub fn verdict(file: &std::path::Path, lang: Lang) -> Verdict {
    if crate::evidence::page::is_page(file) {
        return match std::fs::read_to_string(file) {
            Ok(text) => {
                let v = crate::evidence::page::verify(&text);
                Verdict {
                    intact: v.is_ok(),
                    lines: vec![messages::page_verdict(&v, lang)],
                }
            }
            Err(e) => Verdict {
                intact: false,
                lines: vec![messages::cannot_read(file, &e, lang)],
            },
        };
    }
    let (intact, lines) = match bundle::verify_file(file, &[]) {
        Ok(v) => (v.intact(), messages::verdict(&v, lang)),
        Err(bundle::FileProblem::Io(e)) => (false, vec![messages::cannot_read(file, &e, lang)]),
        Err(bundle::FileProblem::Unreadable(e)) => {
            (false, vec![messages::bundle_unreadable(&e, lang)])
        }
    };
    Verdict { intact, lines }
}

impl Evidence {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        Evidence {
            lang,
            part: Part::Export,
            export: Export::new(vault.clone(), lang),
            checkpoints: Checkpoints::new(vault.clone(), lang),
            my_key: super::mykey::MyKey::new(vault, lang),
            file: String::new(),
            recipient: String::new(),
            verdict: None,
            pending: None,
        }
    }

    /// Starts verifying the named file; the window is woken when the verdict is ready.
    pub fn verify(&mut self, ctx: &egui::Context) {
        let (file, lang) = (PathBuf::from(self.file.trim()), self.lang);
        self.verdict = None;
        self.pending = Job::spawn("verify", ctx, move || verdict(&file, lang));
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, lock: &mut Lock) {
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.part, Part::Export, s::export_tab(lang));
            ui.selectable_value(&mut self.part, Part::Checkpoint, s::checkpoint_tab(lang));
            ui.selectable_value(
                &mut self.part,
                Part::MyKey,
                crate::i18n::s(lang, "gui-mykey-tab"),
            );
            ui.selectable_value(&mut self.part, Part::Verify, s::verify_tab(lang));
        });
        ui.separator();
        if self.part != Part::Verify && lock.session.is_some() {
            self.recipient_ui(ui);
            self.export.recipient.clone_from(&self.recipient);
            self.checkpoints.recipient.clone_from(&self.recipient);
        }
        egui::ScrollArea::vertical().show(ui, |ui| match (self.part, lock.session.clone()) {
            (Part::Verify, _) => self.verify_ui(ui),
            (Part::Export, Some(session)) => self.export.ui(ui, &session),
            (Part::Checkpoint, Some(session)) => self.checkpoints.ui(ui, &session),
            (Part::MyKey, Some(session)) => {
                let recipient = crate::vault::normalized_recipient(&self.recipient)
                    .map(|_| self.recipient.trim().to_string());
                self.my_key.ui(ui, &session, recipient)
            }
            (_, None) => lock.ui(ui, s::evidence_why(lang)),
        });
        if std::mem::take(&mut self.checkpoints.given) {
            lock.refresh(ui.ctx());
        }
    }

    /// « Pour qui » : one name per recipient, each its own signature.
    fn recipient_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal(|ui| {
            let label = ui.label(crate::i18n::s(lang, "gui-evidence-for"));
            ui.add(
                egui::TextEdit::singleline(&mut self.recipient)
                    .hint_text(crate::i18n::s(lang, "gui-evidence-for-example"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        });
        ui.add(
            egui::Label::new(
                egui::RichText::new(crate::i18n::s(lang, "gui-evidence-for-why")).small(),
            )
            .wrap(),
        );
        ui.separator();
    }

    fn verify_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        if let Some(v) = job::take_or(&mut self.pending, |d| Verdict {
            intact: false,
            lines: vec![d.said(lang)],
        }) {
            self.verdict = Some(v);
        }
        ui.label(s::verify_what(lang));
        let label = ui.label(s::bundle_file(lang));
        ui.add(egui::TextEdit::singleline(&mut self.file).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let ready = !self.file.trim().is_empty() && !self.busy();
        if ui
            .add_enabled(ready, egui::Button::new(s::verify(lang)))
            .clicked()
        {
            self.verify(ui.ctx());
        }
        if self.busy() {
            ui.label(s::verifying(lang));
        }
        if let Some(v) = &self.verdict {
            // « PAS INTACT » must not look like « Intact »: the whole verdict takes its colour.
            let tone = if v.intact { Tone::Done } else { Tone::Trouble };
            super::banner::show(ui, &v.lines.join("\n"), tone);
        }
    }
}
