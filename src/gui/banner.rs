//! The sentence at the top of a view after something happened: its colour says whether it went
//! wrong (« trouble »), was done, or is just news, so a failure is never read as a success.

use eframe::egui;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Note,
    Done,
    Trouble,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Banner {
    text: String,
    tone: Tone,
}

impl Banner {
    pub fn note(text: impl Into<String>) -> Self {
        Banner {
            text: text.into(),
            tone: Tone::Note,
        }
    }

    pub fn done(text: impl Into<String>) -> Self {
        Banner {
            text: text.into(),
            tone: Tone::Done,
        }
    }

    pub fn trouble(text: impl Into<String>) -> Self {
        Banner {
            text: text.into(),
            tone: Tone::Trouble,
        }
    }

    /// Done when `r` is `Ok`, trouble otherwise.
    pub fn of(r: Result<String, String>) -> Self {
        r.map_or_else(Banner::trouble, Banner::done)
    }

    pub fn tone(&self) -> Tone {
        self.tone
    }

    pub fn show(&self, ui: &mut egui::Ui) {
        show(ui, &self.text, self.tone);
    }
}

impl std::ops::Deref for Banner {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Banner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The colour a tone is drawn in, from the theme (readable in light and dark).
pub fn colour(ui: &egui::Ui, tone: Tone) -> egui::Color32 {
    let v = ui.visuals();
    match tone {
        Tone::Note => v.text_color(),
        Tone::Done => {
            if v.dark_mode {
                egui::Color32::from_rgb(0x7f, 0xd1, 0x8b)
            } else {
                egui::Color32::from_rgb(0x1e, 0x6b, 0x34)
            }
        }
        Tone::Trouble => v.error_fg_color,
    }
}

/// A text in a frame of its tone's colour; news has no frame.
pub fn show(ui: &mut egui::Ui, text: &str, tone: Tone) {
    let c = colour(ui, tone);
    let label = egui::Label::new(egui::RichText::new(text).color(c)).wrap();
    if tone == Tone::Note {
        ui.add(label);
        return;
    }
    egui::Frame::new()
        .fill(c.gamma_multiply(0.08))
        .stroke(egui::Stroke::new(1.0, c))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(label);
        });
}
