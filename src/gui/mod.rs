//! The desktop window (eframe and egui, glow renderer): a calm view a worker keeps open all day.
//! It only calls the library's public API; work arrives over channels and wakes the window, so
//! the UI thread never waits and an idle window does not repaint.
//!
//! Built so far: « Aujourd'hui » ([`today`]). The other views (first-run wizard, history,
//! evidence, end-of-shift, settings) come next.

pub mod strings;
pub mod today;

use eframe::egui;

use crate::messages::Lang;
use today::Today;

/// The application: one struct, one view for now.
pub struct TemoinApp {
    pub today: Today,
}

impl eframe::App for TemoinApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(strings::title(self.today.lang));
            ui.add_space(6.0);
            self.today.ui(ui);
        });
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.today.shutdown();
    }
}

/// Opens the window over this vault and runs until it is closed.
pub fn run(lang: Lang, today: impl FnOnce() -> Today + 'static) -> eframe::Result {
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
            Ok(Box::new(TemoinApp { today }))
        }),
    )
}
