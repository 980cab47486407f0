//! The desktop window (eframe and egui, glow renderer): a calm view a worker keeps open all day.
//! It only calls the library's public API; work arrives over channels and wakes the window, so
//! the UI thread never waits and an idle window does not repaint.
//!
//! Built so far: « Aujourd'hui » ([`today`]), « Fin de service » ([`endofshift`]) and, in
//! « Preuves » ([`evidence`]), verifying an export. Next: the first-run wizard, history, the
//! export wizard and checkpoints, settings.

pub mod endofshift;
pub mod evidence;
pub mod strings;
pub mod today;

use eframe::egui;

use crate::messages::Lang;
use endofshift::EndOfShift;
use today::Today;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Today,
    EndOfShift,
    Evidence,
}

/// The application: one struct, its views, the one shown.
pub struct TemoinApp {
    pub today: Today,
    pub end_of_shift: EndOfShift,
    pub evidence: evidence::Evidence,
    pub view: View,
}

impl TemoinApp {
    pub fn new(today: Today, end_of_shift: EndOfShift) -> Self {
        let lang = today.lang;
        TemoinApp {
            today,
            end_of_shift,
            evidence: evidence::Evidence::new(lang),
            view: View::Today,
        }
    }

    /// The whole window's content: the view tabs, then the view.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let lang = self.today.lang;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.view, View::Today, strings::tab_today(lang));
            ui.selectable_value(
                &mut self.view,
                View::EndOfShift,
                strings::tab_end_of_shift(lang),
            );
            ui.selectable_value(&mut self.view, View::Evidence, strings::tab_evidence(lang));
        });
        ui.separator();
        match self.view {
            View::Today => self.today.ui(ui),
            View::EndOfShift => self.end_of_shift.ui(ui),
            View::Evidence => self.evidence.ui(ui),
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
