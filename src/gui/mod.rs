//! The desktop window (eframe and egui, glow renderer): a calm view a worker keeps open all day.
//! It only calls the library's public API; work arrives over channels and wakes the window, so
//! the UI thread never waits and an idle window does not repaint.
//!
//! Built so far: « Aujourd'hui » ([`today`]), « Fin de service » ([`endofshift`]) and, in
//! « Preuves » ([`evidence`]), verifying an export. Next: the first-run wizard, history, the
//! export wizard and checkpoints, settings.

pub mod checkpoint;
pub mod endofshift;
pub mod evidence;
pub mod export;
pub mod history;
pub mod job;
pub mod session;
pub mod strings;
pub mod today;

use eframe::egui;

use crate::messages::Lang;
use endofshift::EndOfShift;
use today::Today;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Today,
    History,
    EndOfShift,
    Evidence,
}

/// The application: one struct, its views, the one shown.
pub struct TemoinApp {
    pub today: Today,
    pub end_of_shift: EndOfShift,
    pub evidence: evidence::Evidence,
    pub history: history::History,
    /// The passphrase form and what it opened, shared by the views that read the record.
    pub lock: session::Lock,
    pub view: View,
}

impl TemoinApp {
    pub fn new(today: Today, end_of_shift: EndOfShift) -> Self {
        let lang = today.lang;
        let vault = end_of_shift.vault().to_path_buf();
        TemoinApp {
            lock: session::Lock::new(vault.clone(), lang),
            evidence: evidence::Evidence::new(vault, lang),
            today,
            end_of_shift,
            history: history::History::new(lang),
            view: View::Today,
        }
    }

    /// The whole window's content: the view tabs, then the view.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let lang = self.today.lang;
        let was_open = self.lock.session.is_some();
        self.lock.tick(ui.ctx());
        if was_open && self.lock.session.is_none() {
            self.history.forget();
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.view, View::Today, strings::tab_today(lang));
            ui.selectable_value(&mut self.view, View::History, strings::tab_history(lang));
            ui.selectable_value(
                &mut self.view,
                View::EndOfShift,
                strings::tab_end_of_shift(lang),
            );
            ui.selectable_value(&mut self.view, View::Evidence, strings::tab_evidence(lang));
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
                Some(session) => self.history.ui(ui, &session),
                None => self.lock.ui(ui, strings::history_why(lang)),
            },
            View::EndOfShift => self.end_of_shift.ui(ui),
            View::Evidence => self.evidence.ui(ui, &mut self.lock),
        }
    }
}

impl eframe::App for TemoinApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| self.show(ui));
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.today.shutdown();
    }
}

/// Opens the window over this vault and runs until it is closed.
pub fn run(
    lang: Lang,
    vault: std::path::PathBuf,
    today: impl FnOnce() -> Today + 'static,
) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(strings::title(lang))
            .with_app_id("temoin")
            .with_inner_size([420.0, 560.0])
            .with_min_inner_size([300.0, 380.0]),
        ..Default::default()
    };
    eframe::run_native(
        "temoin",
        options,
        Box::new(move |cc| {
            let today = today();
            today.forward(&cc.egui_ctx);
            Ok(Box::new(TemoinApp::new(
                today,
                EndOfShift::new(vault, lang),
            )))
        }),
    )
}
