//! A microphone test for the wizard and the settings: the chosen device opened, its live level
//! shown as a bar. Nothing is kept; closing the test closes the device.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use eframe::egui;

use super::strings as s;
use crate::capture::live::{InputDevice, LevelMeter};
use crate::messages::{self, Lang};

#[derive(Default)]
pub struct MicTest {
    meter: Option<LevelMeter>,
    level: Arc<AtomicU32>,
}

impl MicTest {
    /// Opens `device` (the system's default when `None`), closing any device open before;
    /// the window is woken with each new level. Says what is wrong when it cannot open.
    pub fn open(
        &mut self,
        device: Option<&str>,
        ctx: &egui::Context,
        lang: Lang,
    ) -> Result<(), String> {
        self.meter = None;
        self.level
            .store(f32::NEG_INFINITY.to_bits(), Ordering::Relaxed);
        let (level, ctx) = (self.level.clone(), ctx.clone());
        let meter = LevelMeter::open(device, move |db| {
            level.store(db.to_bits(), Ordering::Relaxed);
            ctx.request_repaint();
        })
        .map_err(|e| messages::capture_error(&e, lang))?;
        self.meter = Some(meter);
        Ok(())
    }

    pub fn close(&mut self) {
        self.meter = None;
    }

    pub fn is_open(&self) -> bool {
        self.meter.is_some()
    }

    /// The live level in dBFS, once the open device has sent something.
    pub fn level_db(&self) -> Option<f32> {
        self.meter.as_ref()?;
        Some(f32::from_bits(self.level.load(Ordering::Relaxed))).filter(|l| l.is_finite())
    }

    /// The level as a bar from −60 to 0 dBFS, with its figure.
    pub fn bar(&self, ui: &mut egui::Ui, lang: Lang) {
        match self.level_db() {
            Some(db) => ui.add(
                egui::ProgressBar::new(((db + 60.0) / 60.0).clamp(0.0, 1.0))
                    .text(format!("{db:.0} dBFS")),
            ),
            None => ui.add(egui::ProgressBar::new(0.0).text(s::no_level(lang))),
        };
    }
}

/// The microphone picker of the wizard and of « Réglages »: the system's default first, then each
/// real capture device by name; true when the choice changed. A saved device that is not
/// connected now is still shown as chosen (it comes back when plugged in).
pub fn picker(
    ui: &mut egui::Ui,
    salt: &str,
    label: &str,
    chosen: &mut Option<String>,
    devices: &[InputDevice],
    lang: Lang,
) -> bool {
    let before = chosen.clone();
    let l = ui.label(label);
    let shown = match chosen.as_deref() {
        None => s::default_mic(lang).to_string(),
        Some(id) => devices
            .iter()
            .find(|d| d.id == id || d.name == id)
            .map_or_else(|| id.to_string(), |d| d.name.clone()),
    };
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, s::default_mic(lang));
            for d in devices {
                ui.selectable_value(chosen, Some(d.id.clone()), d.name.as_str());
            }
        })
        .response
        .labelled_by(l.id);
    *chosen != before
}
