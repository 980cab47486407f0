//! « Réglages »: language, window, microphone (with its live level), how pop-ups are caught and
//! the rules editor with a live « test a text » box, the models found, the passphrase, where the
//! vault lives. Each choice is saved when made.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::banner::Banner;
use super::job::{self, Job};
use super::mic::MicTest;
use super::strings as s;
use crate::capture::live::input_devices;
use crate::messages::{self, Lang};
use crate::popups::classify::classify;
use crate::popups::{Rules, mask};
use crate::settings::Settings;

/// Rules as typed, or why they cannot be used.
type Parsed = Result<Rules, String>;

pub struct SettingsView {
    pub lang: Lang,
    vault: PathBuf,
    path: Option<PathBuf>,
    pub settings: Settings,
    pub devices: Vec<crate::capture::live::InputDevice>,
    mic: MicTest,
    /// The rules file's text as being edited.
    pub rules_text: String,
    pub test_text: String,
    rules_path: Option<PathBuf>,
    /// The last text parsed, in which language its error is said, and what it gave.
    parsed: Option<(String, Lang, Arc<Parsed>)>,
    pub passphrase: super::passwd::PassphraseChange,
    /// The last thing said (saved, or what went wrong and what to do).
    pub message: Option<Banner>,
    /// The microphone or the pop-up mode changed: listening is to start again with them.
    pub restart_listening: bool,
    pub witnesses: super::witnesses::WitnessesPart,
    /// Applications seen with an audio stream when the worker last looked.
    pub seen_apps: Vec<String>,
    looking: Option<Job<Vec<String>>>,
    /// The window is to become the works council's desk.
    pub to_council: bool,
}

impl SettingsView {
    pub fn new(vault: PathBuf, path: Option<PathBuf>, lang: Lang) -> Self {
        // Unreadable settings are said, and saving writes a good file over them.
        let (settings, message) = match path.as_deref().map(Settings::load) {
            Some(Err(e)) => (
                Settings::default(),
                Some(Banner::trouble(crate::messages::and_then(
                    &crate::messages::settings_error(&e, lang),
                    crate::i18n::s(lang, "settings-defaults-apply"),
                ))),
            ),
            Some(Ok(s)) => (s, None),
            None => (Settings::default(), None),
        };
        // The worker's rules live beside their settings.
        let rules_path = path
            .as_deref()
            .and_then(|p| p.parent())
            .map(|d| d.join("popups.toml"))
            .or_else(Rules::user_path);
        let rules_text = crate::paths::read_own_file(rules_path.as_deref())
            .ok()
            .flatten()
            .unwrap_or_else(|| Rules::default_text().to_string());
        let witnesses = super::witnesses::WitnessesPart::new(vault.clone());
        let passphrase = super::passwd::PassphraseChange::new(vault.clone());
        SettingsView {
            lang,
            vault,
            path,
            settings,
            devices: Vec::new(),
            mic: MicTest::default(),
            rules_text,
            test_text: String::new(),
            rules_path,
            parsed: None,
            passphrase,
            message,
            restart_listening: false,
            witnesses,
            seen_apps: Vec::new(),
            looking: None,
            to_council: false,
        }
    }

    /// Saves the settings as they are now.
    pub fn save(&mut self) {
        let Some(p) = &self.path else { return };
        self.message = Some(match self.settings.save(p) {
            Ok(()) => Banner::done(s::settings_saved(self.lang)),
            Err(e) => Banner::trouble(crate::messages::settings_error(&e, self.lang)),
        });
    }

    /// Closes the microphone test (leaving the view, or the window).
    pub fn close_meter(&mut self) {
        self.mic.close();
    }

    fn open_meter(&mut self, ctx: &egui::Context) {
        if let Err(e) = self
            .mic
            .open(self.settings.device.as_deref(), ctx, self.lang)
        {
            self.message = Some(Banner::trouble(e));
        }
    }

    /// The rules as typed, or why they cannot be used: parsed again only when the text changed
    /// (the view is drawn on every keystroke and mouse move).
    pub fn parsed_rules(&mut self) -> Arc<Parsed> {
        if let Some((text, lang, parsed)) = &self.parsed
            && *text == self.rules_text
            && *lang == self.lang
        {
            return parsed.clone();
        }
        let p = self
            .rules_path
            .clone()
            .unwrap_or_else(|| PathBuf::from("popups.toml"));
        let parsed = Arc::new(
            Rules::parse(&self.rules_text, &p).map_err(|e| messages::rules_error(&e, self.lang)),
        );
        self.parsed = Some((self.rules_text.clone(), self.lang, parsed.clone()));
        parsed
    }

    /// Writes the rules typed to the worker's rules file, if they read.
    pub fn save_rules(&mut self) {
        let lang = self.lang;
        if let Err(e) = self.parsed_rules().as_ref() {
            self.message = Some(Banner::trouble(e.clone()));
            return;
        }
        let Some(p) = self.rules_path.clone() else {
            return;
        };
        let written = p
            .parent()
            .map_or(Ok(()), crate::paths::private_dir)
            .and_then(|_| crate::evidence::export::write_whole(&p, self.rules_text.as_bytes()));
        self.message = Some(match written {
            Ok(()) => Banner::done(s::rules_saved(lang)),
            Err(e) => Banner::trouble(s::cannot_write(&p, &e, lang)),
        });
    }

    pub fn busy(&self) -> bool {
        self.passphrase.busy()
    }

    /// Lays the view out; returns the language when the worker changed it.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Lang> {
        let mut changed_lang = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            let lang = self.lang;
            if let Some(m) = &self.message {
                m.show(ui);
            }
            ui.strong(s::language(lang));
            ui.horizontal(|ui| {
                for (l, name) in [(Lang::Fr, "Français"), (Lang::En, "English")] {
                    if ui.selectable_label(self.lang == l, name).clicked() && self.lang != l {
                        self.lang = l;
                        self.settings.lang = Some(l);
                        changed_lang = Some(l);
                        self.save();
                    }
                }
            });
            let lang = self.lang;
            ui.separator();
            self.window_part(ui);
            ui.separator();
            self.microphone_part(ui);
            ui.separator();
            self.popups_part(ui);
            ui.separator();
            self.calls_part(ui);
            ui.separator();
            self.models_part(ui);
            ui.separator();
            if self.witnesses.ui(ui, &mut self.settings, lang) {
                self.save();
            }
            ui.separator();
            self.passphrase_part(ui);
            ui.separator();
            ui.strong(crate::i18n::s(lang, "gui-settings-council"));
            ui.add(egui::Label::new(crate::i18n::s(lang, "gui-settings-council-what")).wrap());
            if ui
                .button(crate::i18n::s(lang, "gui-settings-to-council"))
                .clicked()
            {
                self.settings.mode = crate::settings::Mode::Council;
                self.save();
                self.to_council = self.path.is_none()
                    || self
                        .message
                        .as_ref()
                        .is_some_and(|m| m.tone() == super::banner::Tone::Done);
            }
            ui.separator();
            ui.strong(s::where_vault(lang));
            ui.add(egui::Label::new(self.vault.display().to_string()).wrap());
            if let Some(p) = &self.path {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("{} {}", s::settings_file(lang), p.display()))
                            .small(),
                    )
                    .wrap(),
                );
            }
        });
        changed_lang
    }

    fn window_part(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.strong(s::window(lang));
        if ui
            .checkbox(&mut self.settings.always_on_top, s::always_on_top(lang))
            .changed()
        {
            let level = if self.settings.always_on_top {
                egui::WindowLevel::AlwaysOnTop
            } else {
                egui::WindowLevel::Normal
            };
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::WindowLevel(level));
            self.save();
        }
        if ui
            .checkbox(&mut self.settings.autostart, s::autostart(lang))
            .changed()
        {
            let done = autostart::set(self.settings.autostart);
            self.save();
            if let Err(e) = done {
                self.message = Some(Banner::trouble(s::cannot_write(
                    &autostart::path(),
                    &e,
                    lang,
                )));
            }
        }
    }

    fn microphone_part(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.strong(s::microphone(lang));
        if self.devices.is_empty() {
            self.devices = input_devices();
        }
        let (salt, label) = ("settings-microphone", s::microphone_choice(lang));
        let devices = &self.devices;
        if super::mic::picker(ui, salt, label, &mut self.settings.device, devices, lang) {
            self.save();
            self.restart_listening = true;
            if self.mic.is_open() {
                self.open_meter(&ui.ctx().clone());
            }
        }
        let testing = self.mic.is_open();
        let label = if testing {
            s::stop_mic_test(lang)
        } else {
            s::mic_test(lang)
        };
        if ui.button(label).clicked() {
            if testing {
                self.close_meter();
            } else {
                self.open_meter(&ui.ctx().clone());
            }
        }
        if self.mic.is_open() {
            self.mic.bar(ui, lang);
        }
        ui.label(egui::RichText::new(s::next_start(lang)).small().weak());
    }

    /// « Appels »: the softphone whose own audio streams mark calls, chosen from the applications
    /// seen playing or recording (and the usual ones); none: calls from the worker's speech.
    fn calls_part(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        if let Some(Ok(apps)) = job::take(&mut self.looking) {
            self.seen_apps = apps;
        }
        ui.strong(crate::i18n::s(lang, "gui-calls-heading"));
        ui.add(egui::Label::new(crate::i18n::s(lang, "gui-calls-explain")).wrap());
        let none = crate::i18n::s(lang, "gui-calls-none");
        let shown = self
            .settings
            .softphone
            .clone()
            .unwrap_or_else(|| none.into());
        let mut chosen = self.settings.softphone.clone();
        let mut names: Vec<String> = self.seen_apps.clone();
        #[cfg(target_os = "linux")]
        for p in crate::capture::live::streams::PRESETS {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(p)) {
                names.push(p.to_string());
            }
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(crate::i18n::s(lang, "gui-calls-softphone"));
            egui::ComboBox::from_id_salt("softphone")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, none);
                    for n in &names {
                        let seen = self.seen_apps.contains(n);
                        let label = if seen {
                            crate::t!(lang, "gui-calls-seen", "app" => n)
                        } else {
                            n.clone()
                        };
                        ui.selectable_value(&mut chosen, Some(n.clone()), label);
                    }
                })
                .response
                .labelled_by(l.id);
            // Asked on a thread: a sound server that hangs holds it, never the window.
            #[cfg(target_os = "linux")]
            if ui
                .add_enabled(
                    self.looking.is_none(),
                    egui::Button::new(crate::i18n::s(lang, "gui-calls-look")),
                )
                .clicked()
            {
                self.looking = Job::spawn("streams", ui.ctx(), || {
                    let mut apps: Vec<String> = crate::capture::live::streams::list()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| s.app)
                        .collect();
                    apps.sort();
                    apps.dedup();
                    apps
                });
            }
        });
        if chosen != self.settings.softphone {
            self.settings.softphone = chosen;
            self.save();
            self.restart_listening = true;
        }
    }

    fn popups_part(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.strong(s::popups_heading(lang));
        let before = self.settings.popups_manual_only;
        ui.radio_value(
            &mut self.settings.popups_manual_only,
            false,
            s::popups_auto(lang),
        );
        if !self.settings.popups_manual_only {
            use crate::settings::PagePopups;
            let mut pages = self.settings.pages == PagePopups::On;
            // A choice within « Automatiquement », shown under it.
            ui.indent("pages", |ui| {
                ui.checkbox(&mut pages, s::pages_toggle(lang));
                ui.add(
                    egui::Label::new(egui::RichText::new(s::pages_what(lang)).small().weak())
                        .wrap(),
                );
            });
            let chosen = if pages {
                PagePopups::On
            } else {
                PagePopups::Off
            };
            if chosen != self.settings.pages {
                self.settings.pages = chosen;
                self.save();
                self.restart_listening = true;
            }
        }
        ui.radio_value(
            &mut self.settings.popups_manual_only,
            true,
            s::popups_manual(lang),
        );
        if self.settings.popups_manual_only != before {
            self.save();
            self.restart_listening = true;
        }
        let parsed = self.parsed_rules();
        if let Ok(r) = parsed.as_ref() {
            ui.label(s::hotkey(&r.sources.raccourci, lang));
        }
        egui::CollapsingHeader::new(s::rules_editor(lang))
            .id_salt("rules-editor")
            .show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(s::rules_help(lang)).small()).wrap());
                let l = ui.label(s::rules_text(lang));
                egui::ScrollArea::vertical()
                    .id_salt("rules-text")
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut self.rules_text)
                                .code_editor()
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    });
                match parsed.as_ref() {
                    Ok(_) => {
                        ui.label(s::rules_valid(lang));
                    }
                    Err(e) => {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(e.as_str()).color(ui.visuals().warn_fg_color),
                            )
                            .wrap(),
                        );
                    }
                }
                let l = ui.label(s::test_a_text(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut self.test_text).desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                if let (Ok(rules), false) = (parsed.as_ref(), self.test_text.trim().is_empty()) {
                    let c = classify(rules, &mask::clean(&self.test_text));
                    ui.add(
                        egui::Label::new(s::test_verdict(
                            messages::category_label(c.category, lang),
                            c.emotion_flag,
                            &c.reason,
                            lang,
                        ))
                        .wrap(),
                    );
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(parsed.is_ok(), egui::Button::new(s::save_rules(lang)))
                        .clicked()
                    {
                        self.save_rules();
                    }
                    if ui.button(s::shipped_rules(lang)).clicked() {
                        self.rules_text = Rules::default_text().to_string();
                    }
                });
            });
    }

    fn models_part(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.strong(s::models(lang));
        for (what, name) in [
            (s::voice_model(lang), "silero_vad.onnx"),
            (s::speech_model(lang), "ggml-base-q8_0.bin"),
        ] {
            let found = crate::models::find(name);
            ui.add(
                egui::Label::new(match &found {
                    Ok(p) => format!("{what} : {}", p.display()),
                    Err(_) => format!("{what} : {}", s::model_missing(lang)),
                })
                .wrap(),
            );
        }
    }

    fn passphrase_part(&mut self, ui: &mut egui::Ui) {
        if let Some(said) = self.passphrase.ui(ui, self.lang) {
            self.message = Some(said);
        }
    }
}

/// Opening with the session: an XDG autostart entry.
pub mod autostart {
    use std::path::PathBuf;

    pub fn path() -> PathBuf {
        dirs::config_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("autostart")
            .join("temoin.desktop")
    }

    pub fn set(on: bool) -> std::io::Result<()> {
        let p = path();
        if !on {
            return match std::fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        let exe = std::env::current_exe()?;
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d)?;
        }
        std::fs::write(
            &p,
            format!(
                "[Desktop Entry]\nType=Application\nName=Témoin\nComment=Votre propre relevé de la surveillance au travail\nExec=\"{}\"\nIcon=temoin\nX-GNOME-Autostart-enabled=true\n",
                exe.display()
            ),
        )
    }
}
