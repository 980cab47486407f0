//! « Preuves »: verifying a bundle someone hands over, on a worker thread (a year of events takes
//! seconds), the verdict in plain words. The export wizard and checkpoints come next.

use std::path::PathBuf;

use crossbeam_channel::{Receiver, bounded};
use eframe::egui;

use super::strings as s;
use crate::evidence::bundle;
use crate::messages::{self, Lang};

pub struct Evidence {
    pub lang: Lang,
    pub file: String,
    /// The verdict, line by line, once known.
    pub verdict: Option<Vec<String>>,
    pending: Option<Receiver<Vec<String>>>,
}

/// The verdict on a file, as sentences (the same as `temoin verify` says).
pub fn verdict(file: &std::path::Path, lang: Lang) -> Vec<String> {
    let bytes = match std::fs::metadata(file) {
        Ok(m) if m.len() > bundle::MAX_BYTES => {
            let e = bundle::Unreadable::TooLarge {
                bytes: m.len(),
                max: bundle::MAX_BYTES,
            };
            return vec![messages::bundle_unreadable(&e, lang)];
        }
        Ok(_) => std::fs::read(file),
        Err(e) => Err(e),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return vec![format!("{} : {e}", file.display())],
    };
    let v = match bundle::verify(&bytes, &[]) {
        Ok(v) => v,
        Err(e) => return vec![messages::bundle_unreadable(&e, lang)],
    };
    messages::verdict(&v, lang)
}

impl Evidence {
    pub fn new(lang: Lang) -> Self {
        Evidence {
            lang,
            file: String::new(),
            verdict: None,
            pending: None,
        }
    }

    /// Starts verifying the named file; the window is woken when the verdict is ready.
    pub fn verify(&mut self, ctx: &egui::Context) {
        let (tx, rx) = bounded(1);
        let (file, lang, ctx) = (PathBuf::from(self.file.trim()), self.lang, ctx.clone());
        let started = std::thread::Builder::new()
            .name("temoin-verify".into())
            .spawn(move || {
                let _ = tx.send(verdict(&file, lang));
                ctx.request_repaint();
            });
        if started.is_ok() {
            self.verdict = None;
            self.pending = Some(rx);
        }
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        if let Some(rx) = &self.pending
            && let Ok(v) = rx.try_recv()
        {
            self.verdict = Some(v);
            self.pending = None;
        }
        ui.heading(s::verify_heading(lang));
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
        if let Some(lines) = &self.verdict {
            for l in lines {
                ui.add(egui::Label::new(l.as_str()).wrap());
            }
        }
        ui.add_space(8.0);
        ui.separator();
        ui.label(egui::RichText::new(s::export_later(lang)).small().weak());
    }
}
