//! « Fin de service »: the six NASA-TLX scales and an optional note, under a minute, offered and
//! never forced. Nothing is stored until the worker presses « Enregistrer ».

use std::path::PathBuf;

use eframe::egui;

use super::banner::Banner;
use super::strings as s;
use super::writer::{Writer, Written};
use crate::events::{Event, EventKind};
use crate::messages::{self, Lang};
use crate::selfreport::{self, Scale};

pub struct EndOfShift {
    pub lang: Lang,
    vault: PathBuf,
    writer: Writer,
    pub values: [u8; 6],
    /// The scales the worker moved: only those are stored as answers.
    pub answered: [bool; 6],
    pub note: String,
    pub message: Option<Banner>,
    /// A report was just stored: the end of a shift, when the witnesses get a checkpoint.
    pub stored: bool,
}

impl EndOfShift {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        EndOfShift {
            lang,
            writer: Writer::start(vault.clone()),
            vault,
            values: [50; 6],
            answered: [false; 6],
            note: String::new(),
            message: None,
            stored: false,
        }
    }

    pub fn vault(&self) -> &std::path::Path {
        &self.vault
    }

    /// Stores the report; the form starts again for the next shift.
    pub fn save(&mut self) {
        let note = Some(self.note.trim()).filter(|n| !n.is_empty());
        let answers = std::array::from_fn(|k| self.answered[k].then_some(self.values[k]));
        let event = Event::now(EventKind::SelfReport(selfreport::build(answers, note)));
        self.writer.write(event);
    }

    pub fn writing(&self) -> bool {
        self.writer.busy()
    }

    /// Said once stored; the form starts again for the next shift. Kept as it was if not.
    fn written(&mut self) {
        for w in self.writer.results() {
            match w {
                Written::Stored(_) => {
                    self.stored = true;
                    self.message = Some(Banner::done(s::report_saved(self.lang)));
                    self.values = [50; 6];
                    self.answered = [false; 6];
                    self.note.clear();
                }
                Written::Failed(_, e) => {
                    self.message = Some(Banner::trouble(messages::vault_error(&e, self.lang)))
                }
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.writer.wake(ui.ctx());
        self.written();
        let lang = self.lang;
        ui.label(s::end_of_shift_intro(lang));
        ui.add_space(6.0);
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (k, scale) in Scale::ALL.iter().enumerate() {
                let [name, question, low, high] = messages::tlx_question(*scale, lang);
                ui.add(egui::Label::new(egui::RichText::new(question).small()).wrap());
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(low).weak());
                    // Untouched, a scale is not answered: its handle says so until moved.
                    let slider = egui::Slider::new(&mut self.values[k], 0..=100).text(name);
                    let slider = if self.answered[k] {
                        slider
                    } else {
                        slider.custom_formatter(|_, _| s::not_answered(lang).to_string())
                    };
                    if ui.add(slider).changed() {
                        self.answered[k] = true;
                    }
                    ui.label(egui::RichText::new(high).weak());
                });
                ui.add_space(4.0);
            }
            let label = ui.label(s::note_label(lang));
            ui.add(
                egui::TextEdit::multiline(&mut self.note)
                    .desired_rows(2)
                    .char_limit(selfreport::NOTE_MAX),
            )
            .labelled_by(label.id);
            ui.add_space(6.0);
            if ui.button(s::save(lang)).clicked() {
                self.save();
            }
            if let Some(m) = &self.message {
                m.show(ui);
            }
        });
    }
}
