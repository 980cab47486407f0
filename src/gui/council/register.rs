//! « Registre »: the workers' keys the council met in person. A key is added from the code the
//! worker's window shows (typed), from a photo of its QR (a file, or dropped on the window), or
//! from the PC's camera; each is dated, and can be taken out. Only fingerprints: no name.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use eframe::egui;
use zeroize::Zeroizing;

use crate::events::Event;
use crate::evidence::register::{self, CodeError, Entries, entries, read_code};
use crate::gui::banner::Banner;
use crate::gui::job::{self, Job};
use crate::gui::session::Session;
use crate::i18n::s;
use crate::messages::{self, Lang};
use crate::t;
use crate::vault::{Program, Vault};

/// What a registration job ends with: what to say, and whether the desk was written.
type Done = Result<(String, bool), String>;

pub struct RegisterView {
    pub lang: Lang,
    desk: PathBuf,
    /// The code as typed.
    pub code: String,
    /// A photo of a QR, by its path.
    pub photo: String,
    pending: Option<Job<Done>>,
    /// Set to stop the camera.
    stop: Option<Arc<AtomicBool>>,
    /// The register as read from the session shown, until that session changes: checking every
    /// entry's signature on each frame was work on the window's thread.
    read: Option<(std::sync::Weak<Session>, Entries)>,
    pub message: Option<Banner>,
}

impl RegisterView {
    pub fn new(desk: PathBuf, lang: Lang) -> Self {
        RegisterView {
            lang,
            desk,
            code: String::new(),
            photo: String::new(),
            pending: None,
            stop: None,
            read: None,
            message: None,
        }
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// The register of `session`, read once per session.
    fn entries(&mut self, session: &Arc<Session>) -> Entries {
        match &self.read {
            Some((w, e)) if std::sync::Weak::ptr_eq(w, &Arc::downgrade(session)) => e.clone(),
            _ => {
                let e = listed(session);
                self.read = Some((Arc::downgrade(session), e.clone()));
                e
            }
        }
    }

    /// Forgets the register read (the desk locked).
    pub fn forget(&mut self) {
        self.read = None;
    }

    /// Registers the key in `found` (a code however it was read), unless already there.
    fn start(
        &mut self,
        ctx: &egui::Context,
        session: &Session,
        find: impl FnOnce(Lang) -> Result<String, String> + Send + 'static,
    ) {
        let (desk, lang) = (self.desk.clone(), self.lang);
        let known: HashSet<String> = self
            .read
            .as_ref()
            .map_or_else(|| listed(session), |(_, e)| e.clone())
            .listed
            .into_iter()
            .map(|e| e.fingerprint)
            .collect();
        let pass = Zeroizing::new(session.passphrase().to_string());
        self.message = None;
        self.pending = Job::spawn("register", ctx, move || {
            let fingerprint = find(lang)?;
            if known.contains(&fingerprint) {
                return Ok((
                    t!(lang, "gui-cse-already", "fingerprint" => fingerprint),
                    false,
                ));
            }
            append(&desk, &pass, true, &fingerprint, lang)?;
            Ok((
                t!(lang, "gui-cse-registered", "fingerprint" => fingerprint),
                true,
            ))
        });
    }

    /// Registers the key whose code was typed.
    pub fn add_typed(&mut self, ctx: &egui::Context, session: &Session) {
        let code = std::mem::take(&mut self.code);
        self.start(ctx, session, move |lang| {
            read_code(&code).map_err(|e| messages::code_error(&e, lang))
        });
    }

    /// Registers the key whose QR is in the photo at `path`.
    pub fn add_photo(&mut self, ctx: &egui::Context, session: &Session, path: PathBuf) {
        self.start(ctx, session, move |lang| from_photo(&path, lang));
    }

    /// Registers the key whose QR the camera sees first (within a minute, or until stopped).
    pub fn add_from_camera(&mut self, ctx: &egui::Context, session: &Session) {
        let stop = Arc::new(AtomicBool::new(false));
        self.stop = Some(stop.clone());
        let repaint = ctx.clone();
        self.start(ctx, session, move |lang| {
            let mut other = false;
            let found = crate::capture::camera::scan(
                std::time::Duration::from_secs(60),
                &stop,
                |w, h, grey| {
                    repaint.request_repaint();
                    for text in register::codes_in_grey(w, h, grey) {
                        match read_code(&text) {
                            Ok(f) => return Some(f),
                            Err(_) => other = true,
                        }
                    }
                    None
                },
            );
            match found {
                Ok(Some(f)) => Ok(f),
                Ok(None) if stop.load(Ordering::Relaxed) => {
                    Err(s(lang, "gui-cse-camera-stopped").into())
                }
                Ok(None) if other => Err(messages::code_error(&CodeError::OtherQr, lang)),
                Ok(None) => Err(s(lang, "gui-cse-camera-nothing").into()),
                Err(e) => Err(messages::camera_error(&e, lang)),
            }
        });
    }

    /// Takes a key out of the register.
    pub fn remove(&mut self, ctx: &egui::Context, session: &Session, fingerprint: String) {
        let (desk, lang) = (self.desk.clone(), self.lang);
        let pass = Zeroizing::new(session.passphrase().to_string());
        self.message = None;
        self.pending = Job::spawn("unregister", ctx, move || {
            append(&desk, &pass, false, &fingerprint, lang)?;
            Ok((
                t!(lang, "gui-cse-removed", "fingerprint" => fingerprint),
                true,
            ))
        });
    }

    /// The view; `true` when the desk was written (the register is to be read again).
    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) -> bool {
        let lang = self.lang;
        let mut written = false;
        if let Some(r) = job::take_or(&mut self.pending, |d| Err(d.said(lang))) {
            self.stop = None;
            self.message = Some(match r {
                Ok((said, w)) => {
                    written = w;
                    Banner::done(said)
                }
                Err(e) => Banner::trouble(e),
            });
        }
        // Photos dropped on the window are read as QR codes, one after the other.
        let dropped: Vec<PathBuf> = super::dropped(ui.ctx());
        if let Some(p) = dropped.into_iter().next()
            && !self.busy()
        {
            self.photo = p.display().to_string();
            self.add_photo(ui.ctx(), session, p);
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add(egui::Label::new(s(lang, "gui-cse-register-what")).wrap());
            if let Some(m) = &self.message {
                m.show(ui);
            }
            ui.add_space(4.0);
            ui.strong(s(lang, "gui-cse-add"));
            let l = ui.label(s(lang, "gui-cse-code"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.code)
                        .hint_text("1a2b 3c4d 5e6f …")
                        .font(egui::TextStyle::Monospace)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = !self.code.trim().is_empty() && !self.busy();
            if (ui
                .add_enabled(ready, egui::Button::new(s(lang, "gui-cse-add-code")))
                .clicked()
                || enter)
                && ready
            {
                self.add_typed(ui.ctx(), session);
            }
            ui.add_space(4.0);
            let l = ui.label(s(lang, "gui-cse-photo"));
            ui.add(
                egui::TextEdit::singleline(&mut self.photo)
                    .hint_text(s(lang, "gui-cse-photo-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
            let ready = !self.photo.trim().is_empty() && !self.busy();
            if ui
                .add_enabled(ready, egui::Button::new(s(lang, "gui-cse-read-photo")))
                .clicked()
            {
                let p = PathBuf::from(self.photo.trim());
                self.add_photo(ui.ctx(), session, p);
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!self.busy(), egui::Button::new(s(lang, "gui-cse-camera")))
                    .clicked()
                {
                    self.add_from_camera(ui.ctx(), session);
                }
                if let Some(stop) = &self.stop
                    && ui.button(s(lang, "gui-cse-camera-stop")).clicked()
                {
                    stop.store(true, Ordering::Relaxed);
                }
            });
            if self.stop.is_some() {
                ui.label(s(lang, "gui-cse-camera-looking"));
            } else if self.busy() {
                ui.label(s(lang, "gui-cse-reading"));
            }
            ui.separator();
            let Entries { listed, unsigned } = self.entries(session);
            if unsigned > 0 {
                super::super::banner::show(
                    ui,
                    &t!(lang, "gui-cse-unsigned", "count" => unsigned),
                    super::super::banner::Tone::Trouble,
                );
            }
            ui.strong(t!(lang, "gui-cse-registered-count", "count" => listed.len()));
            let mut out = None;
            for e in &listed {
                // Wrapped: a narrow window puts the date and the button under the code.
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(&e.fingerprint);
                    ui.label(crate::i18n::date(lang, e.at.date_naive()));
                    if ui
                        .add_enabled(!self.busy(), egui::Button::new(s(lang, "gui-cse-remove")))
                        .on_hover_text(s(lang, "gui-cse-remove-hint"))
                        .clicked()
                    {
                        out = Some(e.fingerprint.clone());
                    }
                });
            }
            if let Some(f) = out {
                self.remove(ui.ctx(), session, f);
            }
        });
        written
    }
}

/// The key in a photo's QR code, or what went wrong and what to do.
fn from_photo(path: &Path, lang: Lang) -> Result<String, String> {
    let codes =
        register::codes_in_photo(path).map_err(|e| messages::photo_error(&e, path, lang))?;
    if codes.is_empty() {
        return Err(s(lang, "gui-cse-no-qr").into());
    }
    codes
        .iter()
        .find_map(|c| read_code(c).ok())
        .ok_or_else(|| messages::code_error(&CodeError::OtherQr, lang))
}

/// The register as the desk's signed entries make it.
fn listed(session: &Session) -> Entries {
    match &session.key {
        Some(desk) => entries(&session.events, desk),
        None => Entries::default(),
    }
}

/// A key added (`add`) to the register or taken out, the entry signed by the desk's key (which
/// the passphrase opens: nobody without it can add an entry that counts).
fn append(
    desk: &Path,
    pass: &str,
    add: bool,
    fingerprint: &str,
    lang: Lang,
) -> Result<u64, String> {
    let said = |e: crate::vault::VaultError| messages::vault_error(&e, lang);
    let mut v = Vault::open(desk).map_err(said)?;
    let kind = register::signed(
        &v.unlock(pass).map_err(said)?.signing_key(None),
        add,
        fingerprint,
    );
    v.set_program(Program::Window);
    v.append(&Event::now(kind)).map_err(said)
}
