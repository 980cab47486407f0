//! The desktop window (eframe and egui, glow renderer): a calm view a worker keeps open all day.
//! It only calls the library's public API; work arrives over channels and wakes the window, so
//! the UI thread never waits and an idle window does not repaint.
//!
//! The first-run wizard ([`firstrun`]) until a vault exists, then the views: « Aujourd'hui »
//! ([`today`]), « Historique » ([`history`]), « Fin de service » ([`endofshift`]), « Preuves »
//! ([`evidence`]: [`export`], [`checkpoint`], verifying) and « Réglages » ([`settings`]). Reading
//! with the passphrase is shared ([`session`]); slow work runs as [`job`]s, the window's own
//! events go through a [`writer`] thread; every word is in [`strings`]. In the « CSE » mode the
//! window is a works council's desk instead ([`council`]).

pub mod banner;
pub mod checkpoint;
pub mod council;
pub mod endofshift;
pub mod evidence;
pub mod export;
pub mod firstrun;
pub mod history;
pub mod job;
pub mod mic;
pub mod mykey;
pub mod passwd;
pub mod session;
pub mod settings;
pub mod strings;
pub mod today;
pub mod witnesses;
pub mod writer;

pub use eframe::egui;

use crate::messages::Lang;
use endofshift::EndOfShift;
use today::Today;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Today,
    History,
    EndOfShift,
    Evidence,
    Settings,
}

/// The application: one struct, its views, the one shown.
pub struct TemoinApp {
    pub today: Today,
    pub end_of_shift: EndOfShift,
    pub evidence: evidence::Evidence,
    pub history: history::History,
    /// The passphrase form and what it opened, shared by the views that read the record.
    pub lock: session::Lock,
    pub settings: settings::SettingsView,
    pub view: View,
}

impl TemoinApp {
    pub fn new(today: Today, end_of_shift: EndOfShift) -> Self {
        let lang = today.lang;
        let vault = end_of_shift.vault().to_path_buf();
        TemoinApp {
            lock: session::Lock::new(vault.clone(), lang),
            settings: settings::SettingsView::new(
                vault.clone(),
                crate::settings::Settings::default_path(),
                lang,
            ),
            evidence: evidence::Evidence::new(vault, lang),
            today,
            end_of_shift,
            history: history::History::new(lang),
            view: View::Today,
        }
    }

    /// Every view speaks `lang` from the next frame.
    pub fn set_lang(&mut self, lang: Lang) {
        self.today.lang = lang;
        self.end_of_shift.lang = lang;
        self.history.lang = lang;
        self.lock.lang = lang;
        self.settings.lang = lang;
        self.evidence.lang = lang;
        self.evidence.export.lang = lang;
        self.evidence.checkpoints.lang = lang;
        self.evidence.my_key.lang = lang;
    }

    /// The whole window's content: the view tabs, then the view.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let lang = self.today.lang;
        let was_open = self.lock.session.is_some();
        self.lock.tick(ui.ctx());
        if was_open && self.lock.session.is_none() {
            self.history.forget();
        }
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.view, View::Today, strings::tab_today(lang));
            ui.selectable_value(&mut self.view, View::History, strings::tab_history(lang));
            ui.selectable_value(
                &mut self.view,
                View::EndOfShift,
                strings::tab_end_of_shift(lang),
            );
            ui.selectable_value(&mut self.view, View::Evidence, strings::tab_evidence(lang));
            ui.selectable_value(&mut self.view, View::Settings, strings::tab_settings(lang));
            if self.lock.session.is_some()
                && ui
                    .button(strings::lock_now(lang))
                    .on_hover_text(strings::lock_hint(lang))
                    .clicked()
            {
                self.lock.lock();
                self.history.forget();
            }
        });
        ui.separator();
        match self.view {
            View::Today => self.today.ui(ui),
            View::History => match self.lock.session.clone() {
                Some(session) => {
                    if self.history.ui(ui, &session) {
                        self.lock.refresh(ui.ctx());
                    }
                }
                None => self.lock.ui(ui, strings::history_why(lang)),
            },
            View::EndOfShift => {
                self.end_of_shift.ui(ui);
                if std::mem::take(&mut self.end_of_shift.stored) {
                    self.today.nudge_witnesses();
                }
            }
            View::Evidence => self.evidence.ui(ui, &mut self.lock),
            View::Settings => {
                if let Some(l) = self.settings.ui(ui) {
                    self.set_lang(l);
                }
            }
        }
        if self.view != View::Settings {
            self.settings.close_meter();
        }
    }
}

/// What the window shows: the first-run wizard until a vault exists, then the views; in the
/// « CSE » mode, the works council's desk.
pub enum Screen {
    FirstRun(Box<firstrun::FirstRun>),
    Main(Box<TemoinApp>),
    Council(Box<council::Desk>),
}

/// Makes « Aujourd'hui » once a vault exists (listening starts there), in the language chosen;
/// called again, on a thread, when the settings change how it listens.
pub type Starter = std::sync::Arc<dyn Fn(Lang) -> Today + Send + Sync>;

/// The eframe application: a screen, and how to start the views after the wizard.
pub struct Window {
    pub screen: Screen,
    vault: std::path::PathBuf,
    /// The works council's desk (its own vault), for the « CSE » mode.
    desk: std::path::PathBuf,
    settings: Option<std::path::PathBuf>,
    start: Starter,
    /// Listening started again with new settings, arriving.
    restarting: Option<job::Job<Today>>,
    /// The view the views open on.
    pub first_view: View,
}

impl Window {
    /// The wizard when `vault` does not exist yet, the views otherwise; in the « CSE » mode (the
    /// settings say), the council's desk beside it (`paths::council_desk`), or its wizard.
    pub fn new(
        vault: std::path::PathBuf,
        settings: Option<std::path::PathBuf>,
        lang: Lang,
        start: Starter,
        ctx: &egui::Context,
    ) -> Self {
        let desk = crate::paths::council_desk(&vault);
        let mut w = Window {
            screen: Screen::FirstRun(Box::new(firstrun::FirstRun::new(
                vault.clone(),
                desk.clone(),
                settings.clone(),
                lang,
            ))),
            vault,
            desk,
            settings,
            start,
            restarting: None,
            first_view: View::Today,
        };
        let mode = w
            .settings
            .as_deref()
            .and_then(|p| crate::settings::Settings::load(p).ok())
            .map(|s| s.mode)
            .unwrap_or_default();
        w.open(mode, lang, ctx);
        w
    }

    /// The screen of `mode`: its views when its vault exists, else the wizard for it.
    fn open(&mut self, mode: crate::settings::Mode, lang: Lang, ctx: &egui::Context) {
        use crate::settings::Mode;
        match mode {
            Mode::Council if self.desk.exists() => {
                self.screen = Screen::Council(Box::new(council::Desk::new(
                    self.desk.clone(),
                    self.settings.clone(),
                    lang,
                )))
            }
            Mode::Worker if self.vault.exists() => self.open_views(lang, ctx),
            _ => {
                let mut wizard = firstrun::FirstRun::new(
                    self.vault.clone(),
                    self.desk.clone(),
                    self.settings.clone(),
                    lang,
                );
                wizard.council = mode == Mode::Council;
                self.screen = Screen::FirstRun(Box::new(wizard));
            }
        }
    }

    /// From one mode to the other: listening stops when the window becomes the council's desk.
    fn switch(&mut self, mode: crate::settings::Mode, lang: Lang, ctx: &egui::Context) {
        if let Screen::Main(app) = &mut self.screen {
            app.today.shutdown();
        }
        self.open(mode, lang, ctx);
    }

    /// The views at once; listening starts on a job (the voice models take seconds to load), and
    /// « Aujourd'hui » says so meanwhile. Pop-ups logged by hand are kept from the first moment.
    fn open_views(&mut self, lang: Lang, ctx: &egui::Context) {
        let mut today = Today::new(
            self.vault.clone(),
            lang,
            crate::popups::RulesFile::open(None).expect("the shipped rules are valid"),
            None,
        );
        today.message = Some(banner::Banner::note(strings::starting_listening(lang)));
        let start = self.start.clone();
        self.restarting = job::Job::spawn("start", ctx, move || start(lang));
        let end = EndOfShift::new(self.vault.clone(), lang);
        let mut app = TemoinApp::new(today, end);
        app.settings = settings::SettingsView::new(self.vault.clone(), self.settings.clone(), lang);
        app.view = self.first_view;
        self.screen = Screen::Main(Box::new(app));
    }

    /// Whether listening is being started again.
    pub fn restarting(&self) -> bool {
        self.restarting.is_some()
    }

    /// Listening stopped and started again with the settings just saved, on a thread (models
    /// load in seconds); today's counts and the pause carry over.
    fn follow_settings(&mut self, ctx: &egui::Context) {
        let Screen::Main(app) = &mut self.screen else {
            return;
        };
        if std::mem::take(&mut app.settings.to_council) {
            let lang = app.today.lang;
            self.switch(crate::settings::Mode::Council, lang, ctx);
            return;
        }
        if std::mem::take(&mut app.settings.witnesses.changed) {
            app.today.restart_witnesses();
        }
        if std::mem::take(&mut app.settings.restart_listening) && self.restarting.is_none() {
            let lang = app.today.lang;
            let old = app.today.take_monitor();
            app.today.message = Some(banner::Banner::note(strings::restarting(lang)));
            let start = self.start.clone();
            self.restarting = job::Job::spawn("restart", ctx, move || {
                if let Some(m) = old {
                    m.stop();
                }
                start(lang)
            });
        }
        match job::take(&mut self.restarting) {
            Some(Ok(fresh)) => Self::carry_over(app, fresh, ctx),
            Some(Err(died)) => {
                app.today.message = Some(banner::Banner::trouble(died.said(app.today.lang)))
            }
            None => {}
        }
    }

    /// The freshly started « Aujourd'hui » takes the place of the one it replaces, with its counts
    /// and its pause.
    fn carry_over(app: &mut TemoinApp, mut fresh: Today, ctx: &egui::Context) {
        fresh.counts = app.today.counts.clone();
        fresh.lang = app.today.lang;
        fresh.forward(ctx);
        if app.today.paused {
            fresh.toggle_pause();
        }
        app.today = fresh;
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        // Screen readers announce the window by this name (egui leaves its root unnamed).
        let lang = match &self.screen {
            Screen::Main(app) => app.today.lang,
            Screen::FirstRun(w) => w.lang,
            Screen::Council(d) => d.lang,
        };
        ui.ctx()
            .accesskit_node_builder(egui::accesskit_root_id(), |n| {
                n.set_label(strings::title(lang));
            });
        self.follow_settings(&ui.ctx().clone());
        match &mut self.screen {
            Screen::Main(app) => app.show(ui),
            Screen::FirstRun(w) => {
                w.ui(ui);
                if w.finished {
                    let (lang, council) = (w.lang, w.council);
                    let mode = if council {
                        crate::settings::Mode::Council
                    } else {
                        crate::settings::Mode::Worker
                    };
                    self.open(mode, lang, &ui.ctx().clone());
                }
            }
            Screen::Council(desk) => {
                desk.show(ui);
                if desk.to_worker {
                    let lang = desk.lang;
                    self.switch(crate::settings::Mode::Worker, lang, &ui.ctx().clone());
                }
            }
        }
    }
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| self.show(ui));
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Screen::Main(app) = &mut self.screen {
            app.today.shutdown();
        }
    }
}

/// Opens the window over this vault (the wizard first if it does not exist) and runs until it
/// is closed.
pub fn run(
    lang: Lang,
    vault: std::path::PathBuf,
    settings: Option<std::path::PathBuf>,
    on_top: bool,
    view: View,
    start: Starter,
) -> eframe::Result {
    let level = if on_top {
        egui::WindowLevel::AlwaysOnTop
    } else {
        egui::WindowLevel::Normal
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(strings::title(lang))
            .with_app_id("temoin")
            .with_inner_size([420.0, 560.0])
            .with_min_inner_size([300.0, 380.0])
            .with_window_level(level),
        ..Default::default()
    };
    eframe::run_native(
        "temoin",
        options,
        Box::new(move |cc| {
            let mut w = Window::new(vault, settings, lang, start, &cc.egui_ctx);
            w.first_view = view;
            if let Screen::Main(app) = &mut w.screen {
                app.view = view;
            }
            Ok(Box::new(w))
        }),
    )
}
