//! The first run: what Témoin does and does not do, and the language; the vault created with a
//! passphrase typed twice (its strength shown); the recovery code shown once, to be noted on
//! paper; the microphone, with a live level; how pop-ups are caught. Then the main window.

use std::path::PathBuf;

use eframe::egui;
use zeroize::Zeroizing;

use super::job::{self, Job};
use super::mic::MicTest;
use super::strings as s;
use crate::capture::live::input_devices;
use crate::messages::{self, Lang};
use crate::settings::Settings;
use crate::vault::{Strength, Vault, strength};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Welcome,
    Passphrase,
    Recovery,
    Microphone,
    Popups,
}

pub struct FirstRun {
    pub lang: Lang,
    vault: PathBuf,
    /// The works council's desk, made instead of a vault when `council`.
    desk: PathBuf,
    /// For a works council (its desk: register, pooling, signed report), not a worker.
    pub council: bool,
    settings_path: Option<PathBuf>,
    pub step: Step,
    pub pass: Zeroizing<String>,
    pub again: Zeroizing<String>,
    creating: Option<Job<Result<Zeroizing<String>, String>>>,
    /// The recovery code, shown once and forgotten when the wizard ends.
    pub code: Option<Zeroizing<String>>,
    pub noted: bool,
    pub devices: Vec<crate::capture::live::InputDevice>,
    /// `None`: the system's default microphone.
    pub device: Option<String>,
    mic: MicTest,
    pub manual_only: bool,
    pub error: Option<String>,
    /// Set when the worker presses « Commencer »: the window then opens the main views.
    pub finished: bool,
}

impl FirstRun {
    pub fn new(vault: PathBuf, desk: PathBuf, settings_path: Option<PathBuf>, lang: Lang) -> Self {
        FirstRun {
            lang,
            vault,
            desk,
            council: false,
            settings_path,
            step: Step::Welcome,
            pass: Zeroizing::new(String::new()),
            again: Zeroizing::new(String::new()),
            creating: None,
            code: None,
            noted: false,
            devices: Vec::new(),
            device: None,
            mic: MicTest::default(),
            manual_only: false,
            error: None,
            finished: false,
        }
    }

    pub fn busy(&self) -> bool {
        self.creating.is_some()
    }

    /// The live level in dBFS, when a microphone is open.
    pub fn level_db(&self) -> Option<f32> {
        self.mic.level_db()
    }

    /// Creates the vault on its own thread (Argon2id takes a moment).
    pub fn create(&mut self, ctx: &egui::Context) {
        let pass = std::mem::replace(&mut self.pass, Zeroizing::new(String::new()));
        self.again = Zeroizing::new(String::new());
        let vault = if self.council {
            self.desk.clone()
        } else {
            self.vault.clone()
        };
        let lang = self.lang;
        self.error = None;
        self.creating = Job::spawn("create", ctx, move || {
            if let Some(dir) = vault.parent().filter(|d| !d.as_os_str().is_empty()) {
                crate::paths::private_dir(dir).map_err(|e| s::cannot_write(dir, &e, lang))?;
            }
            Vault::create(&vault, &pass)
                .map(|(_, code)| Zeroizing::new(code.as_str().to_string()))
                .map_err(|e| messages::vault_error(&e, lang))
        });
    }

    /// Opens the chosen microphone's level meter (closing the previous one first).
    fn open_meter(&mut self, ctx: &egui::Context) {
        self.error = self.mic.open(self.device.as_deref(), ctx, self.lang).err();
    }

    fn go(&mut self, step: Step, ctx: &egui::Context) {
        self.error = None;
        self.step = step;
        if step == Step::Microphone {
            self.devices = input_devices();
            self.open_meter(ctx);
        } else {
            self.mic.close();
        }
    }

    /// Saves the choices and ends the wizard; the recovery code is forgotten.
    pub fn finish(&mut self) {
        self.mic.close();
        if let Some(p) = &self.settings_path {
            let mut settings = Settings::load(p).unwrap_or_default();
            settings.lang = Some(self.lang);
            if self.council {
                settings.mode = crate::settings::Mode::Council;
            } else {
                settings.mode = crate::settings::Mode::Worker;
                settings.device = self.device.clone();
                settings.popups_manual_only = self.manual_only;
            }
            if let Err(e) = settings.save(p) {
                self.error = Some(crate::messages::settings_error(&e, self.lang));
                return;
            }
        }
        self.code = None;
        self.finished = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if let Some(r) = job::take_or(&mut self.creating, |d| Err(d.said(self.lang))) {
            match r {
                Ok(code) => {
                    self.code = Some(code);
                    self.step = Step::Recovery;
                }
                Err(e) => self.error = Some(e),
            }
        }
        let lang = self.lang;
        ui.heading(s::welcome_title(lang));
        let steps = if self.council { 3 } else { 5 };
        ui.label(egui::RichText::new(s::wizard_step(self.step as usize + 1, steps, lang)).weak());
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            match self.step {
                Step::Welcome => self.welcome(ui),
                Step::Passphrase => self.passphrase(ui),
                Step::Recovery => self.recovery(ui),
                Step::Microphone => self.microphone(ui),
                Step::Popups => self.popups(ui),
            }
            if let Some(e) = &self.error {
                super::banner::show(ui, e, super::banner::Tone::Trouble);
            }
        });
    }

    fn welcome(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.lang, Lang::Fr, "Français");
            ui.selectable_value(&mut self.lang, Lang::En, "English");
        });
        let lang = self.lang;
        ui.add_space(6.0);
        ui.strong(crate::i18n::s(lang, "gui-firstrun-who"));
        ui.radio_value(
            &mut self.council,
            false,
            crate::i18n::s(lang, "gui-firstrun-worker"),
        );
        ui.radio_value(
            &mut self.council,
            true,
            crate::i18n::s(lang, "gui-firstrun-council"),
        );
        ui.add_space(6.0);
        if self.council {
            ui.add(egui::Label::new(crate::i18n::s(lang, "gui-firstrun-council-what")).wrap());
        } else {
            ui.strong(s::does(lang));
            for l in s::does_list(lang) {
                ui.add(egui::Label::new(format!("• {l}")).wrap());
            }
            ui.add_space(6.0);
            ui.strong(s::does_not(lang));
            for l in s::does_not_list(lang) {
                ui.add(egui::Label::new(format!("• {l}")).wrap());
            }
        }
        ui.add_space(8.0);
        if ui.button(s::next(lang)).clicked() {
            let ctx = ui.ctx().clone();
            self.go(Step::Passphrase, &ctx);
        }
    }

    fn passphrase(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let why = if self.council {
            crate::i18n::s(lang, "gui-firstrun-council-passphrase")
        } else {
            s::passphrase_why(lang)
        };
        ui.add(egui::Label::new(why).wrap());
        let l = ui.label(s::new_passphrase(lang));
        ui.add(egui::TextEdit::singleline(&mut *self.pass).password(true))
            .labelled_by(l.id);
        let st = strength(&self.pass);
        let (share, colour) = match st {
            Strength::TooShort => (0.1, ui.visuals().error_fg_color),
            Strength::Weak => (0.35, ui.visuals().warn_fg_color),
            Strength::Fair => (0.65, egui::Color32::from_rgb(200, 170, 40)),
            Strength::Good => (1.0, egui::Color32::from_rgb(80, 150, 90)),
        };
        ui.add(
            egui::ProgressBar::new(share)
                .fill(colour)
                .text(s::strength(st, lang)),
        );
        let l = ui.label(s::same_again(lang));
        ui.add(egui::TextEdit::singleline(&mut *self.again).password(true))
            .labelled_by(l.id);
        let same = *self.pass == *self.again;
        if !self.again.is_empty() && !same {
            ui.label(egui::RichText::new(s::differ(lang)).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(6.0);
        let ready = !matches!(st, Strength::TooShort | Strength::Weak) && same && !self.busy();
        let create = if self.council {
            crate::i18n::s(lang, "gui-firstrun-council-create")
        } else {
            s::create_vault(lang)
        };
        ui.horizontal(|ui| {
            if ui.button(s::back(lang)).clicked() {
                self.go(Step::Welcome, &ui.ctx().clone());
            }
            if ui.add_enabled(ready, egui::Button::new(create)).clicked() {
                self.create(ui.ctx());
            }
        });
        if self.busy() {
            ui.label(s::creating(lang));
        }
    }

    fn recovery(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.add(egui::Label::new(s::recovery_what(lang)).wrap());
        if let Some(code) = &self.code {
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new(code.as_str())
                    .monospace()
                    .size(18.0)
                    .strong(),
            );
            ui.add_space(4.0);
        }
        ui.checkbox(&mut self.noted, s::code_noted(lang));
        let next = if self.council {
            s::start(lang)
        } else {
            s::next(lang)
        };
        if ui
            .add_enabled(self.noted, egui::Button::new(next))
            .clicked()
        {
            self.code = None;
            if self.council {
                self.finish();
            } else {
                self.go(Step::Microphone, &ui.ctx().clone());
            }
        }
    }

    fn microphone(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.add(egui::Label::new(s::mic_what(lang)).wrap());
        let label = s::microphone(lang);
        if super::mic::picker(
            ui,
            "microphone",
            label,
            &mut self.device,
            &self.devices,
            lang,
        ) {
            self.open_meter(&ui.ctx().clone());
        }
        self.mic.bar(ui, lang);
        ui.add(egui::Label::new(egui::RichText::new(s::mic_speak(lang)).small()).wrap());
        ui.add_space(6.0);
        if ui.button(s::next(lang)).clicked() {
            self.go(Step::Popups, &ui.ctx().clone());
        }
    }

    fn popups(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.add(egui::Label::new(s::popups_what(lang)).wrap());
        ui.radio_value(&mut self.manual_only, false, s::popups_auto(lang));
        ui.add(egui::Label::new(egui::RichText::new(s::popups_auto_what(lang)).small()).wrap());
        ui.radio_value(&mut self.manual_only, true, s::popups_manual(lang));
        ui.add(egui::Label::new(egui::RichText::new(s::popups_manual_what(lang)).small()).wrap());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(s::back(lang)).clicked() {
                self.go(Step::Microphone, &ui.ctx().clone());
            }
            if ui.button(s::start(lang)).clicked() {
                self.finish();
            }
        });
    }
}
