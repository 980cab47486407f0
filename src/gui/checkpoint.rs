//! « Preuves » › « Point de contrôle »: the log's size and root signed now, shown as a line of
//! text and a QR code the worker hands to their representative; a later export proves it extends
//! this one, so nothing given can be quietly removed.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Local;
use eframe::egui;

use super::banner::Banner;
use super::job::{self, Job};
use super::session::Session;
use super::strings as s;
use crate::evidence::export;
use crate::messages::{self, Lang};
use crate::vault::Vault;

pub struct Checkpoints {
    pub lang: Lang,
    vault: PathBuf,
    /// The line of the last checkpoint given here.
    pub line: Option<String>,
    qr: Option<egui::TextureHandle>,
    pending: Option<Job<Result<String, String>>>,
    pub message: Option<Banner>,
    /// A checkpoint was just recorded in the log: what was read is out of date.
    pub given: bool,
    /// Who it is for (the name « Preuves » keeps for the export too).
    pub recipient: String,
}

/// The QR code of `text` as an image, `scale` pixels a module, with its quiet zone.
pub fn qr_image(text: &str, scale: usize) -> Option<egui::ColorImage> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let (w, quiet) = (code.width(), 4);
    let side = (w + 2 * quiet) * scale;
    let colors = code.to_colors();
    let mut px = vec![egui::Color32::WHITE; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (mx, my) = (i % w + quiet, i / w + quiet);
            for y in my * scale..(my + 1) * scale {
                px[y * side + mx * scale..y * side + (mx + 1) * scale].fill(egui::Color32::BLACK);
            }
        }
    }
    Some(egui::ColorImage::new([side, side], px))
}

impl Checkpoints {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        Checkpoints {
            lang,
            vault,
            line: None,
            qr: None,
            pending: None,
            message: None,
            given: false,
            recipient: String::new(),
        }
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Signs a checkpoint and records that it was given, on its own thread.
    pub fn give(&mut self, ctx: &egui::Context, session: &Arc<Session>) {
        let (vault, lang, session) = (self.vault.clone(), self.lang, session.clone());
        let recipient = crate::vault::normalized_recipient(&self.recipient)
            .map(|_| self.recipient.trim().to_string());
        self.message = None;
        self.pending = Job::spawn("checkpoint", ctx, move || {
            let mut v = Vault::open(&vault).map_err(|e| messages::vault_error(&e, lang))?;
            v.set_program(crate::vault::Program::Window);
            let now = Local::now().fixed_offset();
            export::give_checkpoint(&mut v, session.passphrase(), recipient.as_deref(), now)
                .map(|c| c.to_text())
                .map_err(|e| messages::vault_error(&e, lang))
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) {
        let lang = self.lang;
        if let Some(r) = job::take_or(&mut self.pending, |d| Err(d.said(lang))) {
            match r {
                Ok(line) => {
                    self.qr = qr_image(&line, 3).map(|img| {
                        ui.ctx()
                            .load_texture("checkpoint-qr", img, egui::TextureOptions::NEAREST)
                    });
                    self.line = Some(line);
                    self.given = true;
                    self.message = Some(Banner::done(s::checkpoint_given(lang)));
                }
                Err(e) => self.message = Some(Banner::trouble(e)),
            }
        }
        ui.add(egui::Label::new(s::checkpoint_what(lang)).wrap());
        if ui
            .add_enabled(!self.busy(), egui::Button::new(s::give_checkpoint(lang)))
            .clicked()
        {
            self.give(ui.ctx(), session);
        }
        if let Some(m) = &self.message {
            m.show(ui);
        }
        if let Some(line) = &self.line {
            let mut shown = line.as_str();
            let l = ui.label(s::checkpoint_line(lang));
            ui.add(
                egui::TextEdit::multiline(&mut shown)
                    .font(egui::TextStyle::Monospace)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
            if ui.button(s::copy(lang)).clicked() {
                ui.ctx().copy_text(line.clone());
            }
            if let Some(t) = &self.qr {
                ui.add(egui::Image::new(t).fit_to_original_size(1.0))
                    .on_hover_text(s::checkpoint_qr(lang));
            }
        }
    }
}
