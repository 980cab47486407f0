//! « Preuves » › « Ma clé pour le CSE »: the QR code and the code of the key that signs the
//! worker's exports for the recipient named, to show the works council in person so that it
//! registers the key (only registered keys are pooled).

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::job::{self, Job};
use super::session::Session;
use crate::evidence::export;
use crate::evidence::identity::PublicKey;
use crate::evidence::register::qr_text;
use crate::i18n::s;
use crate::messages::{self, Lang};
use crate::t;
use crate::vault::Vault;

/// The key worked out for a recipient (`None`: no name), or why it could not be.
type ForRecipient = (Option<String>, Result<PublicKey, String>);

pub struct MyKey {
    pub lang: Lang,
    vault: PathBuf,
    /// The recipient the key shown is for (`None`: no name), once worked out.
    shown_for: Option<Option<String>>,
    pub key: Option<PublicKey>,
    qr: Option<egui::TextureHandle>,
    pending: Option<Job<ForRecipient>>,
    pub error: Option<String>,
}

impl MyKey {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        MyKey {
            lang,
            vault,
            shown_for: None,
            key: None,
            qr: None,
            pending: None,
            error: None,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>, recipient: Option<String>) {
        let lang = self.lang;
        if let Some((r, k)) = job::take_or(&mut self.pending, |d| (None, Err(d.said(lang)))) {
            match k {
                Ok(key) => {
                    self.qr = super::checkpoint::qr_image(&qr_text(&key), 4).map(|img| {
                        ui.ctx()
                            .load_texture("my-key-qr", img, egui::TextureOptions::NEAREST)
                    });
                    self.key = Some(key);
                    self.shown_for = Some(r);
                    self.error = None;
                }
                Err(e) => {
                    self.error = Some(e);
                    self.shown_for = Some(r);
                }
            }
        }
        // The key for another name is one more unlock: on a thread, once per name.
        if self.pending.is_none() && self.shown_for.as_ref() != Some(&recipient) {
            let (vault, session, r) = (self.vault.clone(), session.clone(), recipient.clone());
            self.pending = Job::spawn("my-key", ui.ctx(), move || {
                let key = Vault::open(&vault)
                    .and_then(|v| export::identity(&v, session.passphrase(), r.as_deref()))
                    .map_err(|e| messages::vault_error(&e, lang));
                (r, key)
            });
        }
        ui.add(egui::Label::new(s(lang, "gui-mykey-what")).wrap());
        if let Some(r) = &recipient {
            ui.add(egui::Label::new(t!(lang, "gui-mykey-for", "recipient" => r.as_str())).wrap());
        }
        if let Some(e) = &self.error {
            super::banner::show(ui, e, super::banner::Tone::Trouble);
        }
        if self.pending.is_some() || self.shown_for.as_ref() != Some(&recipient) {
            ui.label(s(lang, "gui-mykey-working"));
            return;
        }
        let Some(key) = self.key else { return };
        if let Some(t) = &self.qr {
            ui.add(egui::Image::new(t).fit_to_original_size(1.0))
                .on_hover_text(s(lang, "gui-mykey-qr"));
        }
        ui.label(s(lang, "gui-mykey-code"));
        ui.label(
            egui::RichText::new(key.fingerprint())
                .monospace()
                .size(16.0)
                .strong(),
        );
        ui.label(t!(lang, "gui-mykey-pseudonym", "pseudonym" => key.pseudonym()));
    }
}
