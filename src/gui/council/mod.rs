//! The works council's desk (the window's « CSE » mode): its register of workers' keys, met in
//! person ([`register`]), pooling the exports workers hand over ([`pool`]) into the collective
//! report signed by the council's own key, and its settings. The desk is a vault of its own
//! (passphrase, recovery code, key), created by the first-run wizard; a council member needs no
//! worker's vault.

pub mod pool;
pub mod register;

use std::path::PathBuf;

use eframe::egui;

use super::session::Lock;
use crate::i18n::s;
use crate::messages::Lang;
use crate::settings::{Mode, Settings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Register,
    Pool,
    Settings,
}

/// The files just dropped on the window.
fn dropped(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    })
}

pub struct Desk {
    pub lang: Lang,
    desk: PathBuf,
    settings_path: Option<PathBuf>,
    pub tab: Tab,
    /// The passphrase form and what it opened: the register and the council's key.
    pub lock: Lock,
    pub register: register::RegisterView,
    pub pool: pool::PoolView,
    /// Set when the council member goes back to a worker's window.
    pub to_worker: bool,
    pub passphrase: super::passwd::PassphraseChange,
    pub message: Option<super::banner::Banner>,
}

impl Desk {
    pub fn new(desk: PathBuf, settings_path: Option<PathBuf>, lang: Lang) -> Self {
        Desk {
            lang,
            lock: Lock::new(desk.clone(), lang),
            register: register::RegisterView::new(desk.clone(), lang),
            pool: pool::PoolView::new(desk.clone(), lang),
            passphrase: super::passwd::PassphraseChange::new(desk.clone()),
            desk,
            settings_path,
            tab: Tab::Register,
            to_worker: false,
            message: None,
        }
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.lock.lang = lang;
        self.register.lang = lang;
        self.pool.lang = lang;
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        self.lock.tick(ui.ctx());
        if self.lock.session.is_none() {
            self.register.forget();
        }
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(
                &mut self.tab,
                Tab::Register,
                s(lang, "gui-cse-tab-register"),
            );
            ui.selectable_value(&mut self.tab, Tab::Pool, s(lang, "gui-cse-tab-pool"));
            ui.selectable_value(
                &mut self.tab,
                Tab::Settings,
                super::strings::tab_settings(lang),
            );
            if self.lock.session.is_some()
                && ui
                    .button(super::strings::lock_now(lang))
                    .on_hover_text(super::strings::lock_hint(lang))
                    .clicked()
            {
                self.lock.lock();
            }
        });
        ui.separator();
        match (self.tab, self.lock.session.clone()) {
            (Tab::Settings, _) => {
                egui::ScrollArea::vertical().show(ui, |ui| self.settings_ui(ui));
            }
            (Tab::Register, Some(session)) => {
                if self.register.ui(ui, &session) {
                    self.lock.refresh(ui.ctx());
                }
            }
            (Tab::Pool, Some(session)) => self.pool.ui(ui, &session),
            (_, None) => self.lock.ui(ui, s(lang, "gui-cse-why-passphrase")),
        }
    }

    /// Language, the council's key (to publish), where the desk lives, its passphrase, and the
    /// way back to a worker's window.
    fn settings_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        if let Some(m) = &self.message {
            m.show(ui);
        }
        ui.strong(s(lang, "gui-language"));
        let mut chosen = None;
        ui.horizontal(|ui| {
            for (l, name) in [(Lang::Fr, "Français"), (Lang::En, "English")] {
                if ui.selectable_label(lang == l, name).clicked() && lang != l {
                    chosen = Some(l);
                }
            }
        });
        if let Some(l) = chosen {
            self.set_lang(l);
            self.save(|s| s.lang = Some(l));
        }
        ui.separator();
        ui.strong(s(lang, "gui-cse-our-key"));
        match &self.lock.session {
            Some(session) => {
                ui.add(
                    egui::Label::new(crate::t!(lang, "gui-cse-our-key-is",
                        "pseudonym" => session.who.0.as_str(),
                        "fingerprint" => session.who.1.as_str()))
                    .wrap(),
                );
            }
            None => {
                ui.add(egui::Label::new(s(lang, "gui-cse-our-key-locked")).wrap());
            }
        }
        ui.separator();
        ui.strong(s(lang, "gui-cse-where"));
        ui.add(egui::Label::new(self.desk.display().to_string()).wrap());
        ui.separator();
        if let Some(said) = self.passphrase.ui(ui, lang) {
            self.message = Some(said);
        }
        ui.separator();
        ui.add(egui::Label::new(s(lang, "gui-cse-to-worker-what")).wrap());
        if ui.button(s(lang, "gui-cse-to-worker")).clicked() && self.save(|s| s.mode = Mode::Worker)
        {
            self.to_worker = true;
        }
    }

    /// Saves one change to the settings; whether it was saved (if not, the view says why).
    fn save(&mut self, change: impl FnOnce(&mut Settings)) -> bool {
        let Some(p) = &self.settings_path else {
            return true;
        };
        let mut settings = Settings::load(p).unwrap_or_default();
        change(&mut settings);
        match settings.save(p) {
            Ok(()) => {
                self.message = Some(super::banner::Banner::done(s(
                    self.lang,
                    "gui-setting-saved",
                )));
                true
            }
            Err(e) => {
                self.message = Some(super::banner::Banner::trouble(
                    crate::messages::settings_error(&e, self.lang),
                ));
                false
            }
        }
    }
}
