//! « Changer de phrase de passe »: the current one, the new one twice (its strength said), on a
//! thread (Argon2id twice). The worker's « Réglages » and the council desk's use it alike.

use std::path::PathBuf;

use eframe::egui;
use zeroize::Zeroizing;

use super::banner::Banner;
use super::job::{self, Job};
use super::strings as s;
use crate::messages::{self, Lang};
use crate::vault::{Strength, Vault, strength};

pub struct PassphraseChange {
    vault: PathBuf,
    pub old: Zeroizing<String>,
    pub new: Zeroizing<String>,
    pub again: Zeroizing<String>,
    changing: Option<Job<Result<(), String>>>,
}

impl PassphraseChange {
    pub fn new(vault: PathBuf) -> Self {
        PassphraseChange {
            vault,
            old: Zeroizing::new(String::new()),
            new: Zeroizing::new(String::new()),
            again: Zeroizing::new(String::new()),
            changing: None,
        }
    }

    pub fn busy(&self) -> bool {
        self.changing.is_some()
    }

    /// Changes the passphrase on its own thread; the fields are emptied at once.
    pub fn start(&mut self, ctx: &egui::Context, lang: Lang) {
        let old = std::mem::replace(&mut self.old, Zeroizing::new(String::new()));
        let new = std::mem::replace(&mut self.new, Zeroizing::new(String::new()));
        self.again = Zeroizing::new(String::new());
        let vault = self.vault.clone();
        self.changing = Job::spawn("passphrase", ctx, move || {
            Vault::open(&vault)
                .and_then(|mut v| v.change_passphrase(&old, &new))
                .map_err(|e| messages::vault_error(&e, lang))
        });
    }

    /// The part; what to say once a change has ended (done, or what went wrong).
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Banner> {
        let ended = job::take_or(&mut self.changing, |d| Err(d.said(lang))).map(|r| match r {
            Ok(()) => Banner::done(s::passphrase_changed(lang)),
            Err(e) => Banner::trouble(e),
        });
        if ended.is_some() {
            // Said at the top of the view, drawn before this part: once more.
            ui.ctx().request_repaint();
        }
        ui.strong(s::change_passphrase(lang));
        for (label, field) in [
            (s::current_passphrase(lang), &mut self.old),
            (s::new_passphrase(lang), &mut self.new),
            (s::same_again(lang), &mut self.again),
        ] {
            let l = ui.label(label);
            ui.add(egui::TextEdit::singleline(&mut **field).password(true))
                .labelled_by(l.id);
        }
        let st = strength(&self.new);
        if !self.new.is_empty() {
            ui.label(s::strength(st, lang));
        }
        let ready = !self.old.is_empty()
            && !matches!(st, Strength::TooShort | Strength::Weak)
            && *self.new == *self.again
            && !self.busy();
        if ui
            .add_enabled(ready, egui::Button::new(s::change(lang)))
            .clicked()
        {
            self.start(ui.ctx(), lang);
        }
        if self.busy() {
            ui.label(s::changing(lang));
        }
        ended
    }
}
