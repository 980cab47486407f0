//! « Réglages » › « Témoin du CSE »: the witnesses the vault's checkpoints are sent to (none by
//! default: then nothing leaves the PC), the log's key to show the council (text and QR code),
//! each witness's last cosignature and failures, and « Envoyer maintenant ».

use std::path::PathBuf;

use eframe::egui;

use super::banner::Banner;
use super::job::{self, Job};
use crate::i18n::s;
use crate::messages::{self, Lang};
use crate::settings::{AddedWitness, Settings};
use crate::vault::Vault;
use crate::witness::client::{self, Target};

pub struct WitnessesPart {
    vault: PathBuf,
    pub url: String,
    pub key: String,
    /// The log's key, read (or made) when a witness is added or the part first shown.
    log_key: Option<String>,
    qr: Option<egui::TextureHandle>,
    /// Each witness's state, read when the part is first shown and after each change.
    lines: Option<Vec<String>>,
    sending: Option<Job<Result<Vec<String>, String>>>,
    pub message: Option<Banner>,
    /// The list changed: the window sends to the new list from now on.
    pub changed: bool,
}

impl WitnessesPart {
    pub fn new(vault: PathBuf) -> Self {
        WitnessesPart {
            vault,
            url: String::new(),
            key: String::new(),
            log_key: None,
            qr: None,
            lines: None,
            sending: None,
            message: None,
            changed: false,
        }
    }

    fn refresh(&mut self, settings: &Settings, lang: Lang, make_key: bool) {
        let read = Vault::open(&self.vault).and_then(|mut v| {
            let key = if make_key || v.log_key()?.is_some() {
                Some(client::log_vkey(&mut v)?)
            } else {
                None
            };
            let lines = messages::witnesses(&settings.witnesses, &v.cosigned()?, &v.tries()?, lang);
            Ok((key, lines))
        });
        match read {
            Ok((key, lines)) => {
                if key != self.log_key {
                    self.qr = None;
                }
                self.log_key = key;
                self.lines = Some(lines);
            }
            Err(e) => {
                self.lines = Some(Vec::new());
                self.message = Some(Banner::trouble(messages::vault_error(&e, lang)));
            }
        }
    }

    /// Lays the part out; returns whether the settings changed (to be saved).
    pub fn ui(&mut self, ui: &mut egui::Ui, settings: &mut Settings, lang: Lang) -> bool {
        if self.lines.is_none() {
            self.refresh(settings, lang, false);
        }
        if let Some(r) = job::take_or(&mut self.sending, |d| Err(d.said(lang))) {
            self.message = Some(match r {
                Ok(said) => Banner::note(said.join("\n")),
                Err(e) => Banner::trouble(e),
            });
            self.refresh(settings, lang, false);
        }
        let mut changed = false;
        ui.strong(s(lang, "gui-witness-title"));
        ui.add(egui::Label::new(s(lang, "gui-witness-explain")).wrap());
        if let Some(m) = &self.message {
            m.show(ui);
        }
        let mut removed = None;
        for (i, line) in self.lines.clone().unwrap_or_default().iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.add(egui::Label::new(line).wrap());
                if ui.button(s(lang, "gui-witness-remove")).clicked() {
                    removed = Some(i);
                }
            });
        }
        if let Some(i) = removed.filter(|i| *i < settings.witnesses.len()) {
            settings.witnesses.remove(i);
            changed = true;
        }
        egui::Grid::new("witness-add")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(s(lang, "gui-witness-url"));
                ui.add(egui::TextEdit::singleline(&mut self.url).hint_text("https://…"))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(s(lang, "gui-witness-key"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.key)
                        .hint_text("cse-acme.example/temoin+1a2b3c4d+…"),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            let ready = !self.url.trim().is_empty() && !self.key.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(s(lang, "gui-witness-add")))
                .clicked()
            {
                let added = AddedWitness {
                    url: self.url.trim().to_string(),
                    key: self.key.trim().to_string(),
                };
                match Target::of(&added) {
                    Ok(t) => {
                        settings
                            .witnesses
                            .retain(|w| w.url.trim_end_matches('/') != t.url && w.key != added.key);
                        settings.witnesses.push(AddedWitness {
                            url: t.url,
                            key: t.key.to_text(),
                        });
                        self.url.clear();
                        self.key.clear();
                        changed = true;
                        self.message = Some(Banner::done(s(lang, "gui-witness-added").to_string()));
                    }
                    Err(e) => {
                        self.message = Some(Banner::trouble(messages::client_error(&e, lang)))
                    }
                }
            }
            let can_send = !settings.witnesses.is_empty() && self.sending.is_none();
            if ui
                .add_enabled(can_send, egui::Button::new(s(lang, "gui-witness-send")))
                .clicked()
            {
                let (vault, list) = (self.vault.clone(), settings.witnesses.clone());
                self.message = Some(Banner::note(s(lang, "gui-witness-sending").to_string()));
                self.sending = Job::spawn("witness", ui.ctx(), move || {
                    let mut v = Vault::open(&vault).map_err(|e| messages::vault_error(&e, lang))?;
                    let mut rows = crate::evidence::rows::Rows::default();
                    client::submit(&mut v, &mut rows, &list)
                        .map(|o| {
                            o.iter()
                                .map(|(n, o)| messages::witness_outcome(n, o, lang))
                                .collect()
                        })
                        .map_err(|e| messages::client_error(&e, lang))
                });
            }
        });
        if changed {
            self.refresh(settings, lang, true);
            self.changed = true;
        }
        if let Some(key) = self.log_key.clone() {
            ui.label(s(lang, "gui-witness-log-key"));
            ui.add(
                egui::TextEdit::multiline(&mut key.as_str())
                    .desired_rows(2)
                    .font(egui::TextStyle::Monospace),
            );
            if self.qr.is_none() {
                self.qr = super::checkpoint::qr_image(&key, 3).map(|img| {
                    ui.ctx()
                        .load_texture("witness-log-key", img, egui::TextureOptions::NEAREST)
                });
            }
            if let Some(t) = &self.qr {
                ui.add(egui::Image::new(t).alt_text(s(lang, "gui-witness-log-key")));
            }
        }
        changed
    }
}
