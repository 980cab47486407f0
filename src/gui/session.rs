//! The vault opened with the passphrase, for « Historique » and « Preuves ». Reading runs on its
//! own thread (Argon2id and a year of rows take seconds); what was read stays in memory only
//! until the window locks again after a few minutes without the worker touching it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;
use zeroize::Zeroizing;

use super::job::{self, Job};
use super::strings as s;
use crate::events::Event;
use crate::evidence::buckets::{Bucket, buckets};
use crate::evidence::identity::PublicKey;
use crate::messages::{self, Lang};
use crate::vault::{Vault, VaultError};

/// Locked again after this long without a key press or a click.
pub const LOCK_AFTER: Duration = Duration::from_secs(5 * 60);

/// What was read with the passphrase.
pub struct Session {
    /// Readable events, in the log's order.
    pub events: Vec<Event>,
    /// Rows that could not be read (altered, or written by a newer version): said, never hidden.
    pub unreadable: usize,
    /// Figures per hour, over the whole log.
    pub hourly: Vec<Bucket>,
    /// The signing key's pseudonym and fingerprint (what an export is signed by).
    pub who: (String, String),
    /// That key (a council's desk checks its register's entries with it).
    pub key: Option<PublicKey>,
    /// Kept while unlocked, to sign exports and checkpoints without asking again.
    passphrase: Zeroizing<String>,
}

impl Session {
    pub fn load(vault: &Path, passphrase: Zeroizing<String>) -> Result<Session, VaultError> {
        let v = Vault::open(vault)?;
        let unlocked = v.unlock(&passphrase)?;
        let rows = unlocked.events()?;
        let total = rows.len();
        let events: Vec<Event> = rows.into_iter().filter_map(|r| r.event.ok()).collect();
        let unreadable = total - events.len();
        let key = PublicKey::of(&unlocked.signing_key(None));
        let who = (key.pseudonym(), key.fingerprint());
        Ok(Session {
            unreadable,
            who,
            key: Some(key),
            ..Session::of(events, passphrase)
        })
    }

    /// A session over events already read.
    pub fn of(events: Vec<Event>, passphrase: Zeroizing<String>) -> Session {
        Session {
            hourly: buckets(&events, 1),
            who: Default::default(),
            key: None,
            events,
            unreadable: 0,
            passphrase,
        }
    }

    pub fn passphrase(&self) -> &str {
        &self.passphrase
    }
}

/// The passphrase form and the session it opens.
pub struct Lock {
    pub lang: Lang,
    vault: PathBuf,
    pub passphrase: Zeroizing<String>,
    pub error: Option<String>,
    pub session: Option<Arc<Session>>,
    pending: Option<Job<Result<Session, String>>>,
    last_touch: Instant,
    pub lock_after: Duration,
    /// Said once the window has locked itself.
    pub locked_itself: bool,
    /// « J'ai oublié ma phrase de passe »: the form, while open.
    pub recovery: Option<Recovery>,
    /// A new passphrase field after each use: egui keeps a field's undo history under its id,
    /// and nothing typed before may come back.
    field: u64,
    /// The field's id as last drawn, to clear its remembered state.
    field_id: Option<egui::Id>,
}

/// A new passphrase set with the recovery code, from the window (as `temoin recover` does).
#[derive(Default)]
pub struct Recovery {
    pub code: Zeroizing<String>,
    pub new: Zeroizing<String>,
    pub again: Zeroizing<String>,
    pending: Option<Job<Result<Zeroizing<String>, String>>>,
    /// The new recovery code, shown once the passphrase is changed (the old one no longer works).
    pub fresh: Option<Zeroizing<String>>,
    pub error: Option<String>,
}

impl Lock {
    pub fn new(vault: PathBuf, lang: Lang) -> Self {
        Lock {
            lang,
            vault,
            passphrase: Zeroizing::new(String::new()),
            error: None,
            session: None,
            pending: None,
            last_touch: Instant::now(),
            lock_after: LOCK_AFTER,
            locked_itself: false,
            recovery: None,
            field: 0,
            field_id: None,
        }
    }

    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Starts reading with the passphrase typed; the window is woken when done.
    pub fn unlock(&mut self, ctx: &egui::Context) {
        let pass = std::mem::replace(&mut self.passphrase, Zeroizing::new(String::new()));
        // The field's remembered state (its undo history) goes; the next one is a new field.
        if let Some(id) = self.field_id.take() {
            ctx.data_mut(|d| d.remove::<egui::text_edit::TextEditState>(id));
        }
        self.field += 1;
        let (vault, lang) = (self.vault.clone(), self.lang);
        self.pending = Job::spawn("unlock", ctx, move || {
            Session::load(&vault, pass).map_err(|e| messages::vault_error(&e, lang))
        });
        self.error = None;
    }

    /// Reads the vault again with the session's passphrase (new events since it was opened); the
    /// figures shown stay until the new reading is in.
    pub fn refresh(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else { return };
        let pass = Zeroizing::new(session.passphrase().to_string());
        let (vault, lang) = (self.vault.clone(), self.lang);
        self.pending = Job::spawn("refresh", ctx, move || {
            Session::load(&vault, pass).map_err(|e| messages::vault_error(&e, lang))
        });
    }

    /// Forgets what was read (and the passphrase).
    pub fn lock(&mut self) {
        self.session = None;
    }

    /// Takes the reading's result, follows the worker's activity, locks when idle too long.
    /// Wakes the window once at the moment it should lock: no repaint loop.
    pub fn tick(&mut self, ctx: &egui::Context) {
        if let Some(r) = job::take_or(&mut self.pending, |d| Err(d.said(self.lang))) {
            match r {
                Ok(s) => {
                    self.session = Some(Arc::new(s));
                    self.locked_itself = false;
                    self.last_touch = Instant::now();
                }
                Err(e) => self.error = Some(e),
            }
        }
        if self.session.is_none() {
            return;
        }
        if ctx.input(|i| !i.events.is_empty()) {
            self.last_touch = Instant::now();
        }
        let idle = self.last_touch.elapsed();
        if idle >= self.lock_after {
            self.lock();
            self.locked_itself = true;
        } else {
            ctx.request_repaint_after(self.lock_after - idle);
        }
    }

    /// The form shown while locked: why it asks, the field, the button, what went wrong.
    pub fn ui(&mut self, ui: &mut egui::Ui, why: &str) {
        let lang = self.lang;
        if self.locked_itself {
            ui.label(s::locked_itself(lang));
        }
        ui.add(egui::Label::new(why).wrap());
        let label = ui.label(s::passphrase(lang));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut *self.passphrase)
                    .password(true)
                    .id_salt(("passphrase", self.field)),
            )
            .labelled_by(label.id);
        self.field_id = Some(field.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !self.passphrase.is_empty() && !self.busy();
        if (ui
            .add_enabled(ready, egui::Button::new(s::open(lang)))
            .clicked()
            || enter)
            && ready
        {
            self.unlock(ui.ctx());
        }
        if self.busy() {
            ui.label(s::opening(lang));
        }
        if let Some(e) = &self.error {
            super::banner::show(ui, e, super::banner::Tone::Trouble);
        }
        ui.add_space(8.0);
        if self.recovery.is_none() && ui.link(s::forgot_passphrase(lang)).clicked() {
            self.recovery = Some(Recovery::default());
        }
        let vault = self.vault.clone();
        if let Some(r) = &mut self.recovery {
            r.ui(ui, &vault, lang);
        }
    }
}

impl Recovery {
    /// The code, the new passphrase twice, the button; then the new code, shown once.
    fn ui(&mut self, ui: &mut egui::Ui, vault: &std::path::Path, lang: Lang) {
        if let Some(r) = job::take_or(&mut self.pending, |d| Err(d.said(lang))) {
            match r {
                Ok(fresh) => {
                    self.fresh = Some(fresh);
                    self.error = None;
                }
                Err(e) => self.error = Some(e),
            }
        }
        if let Some(fresh) = &self.fresh {
            super::banner::show(ui, &s::recovered(fresh, lang), super::banner::Tone::Done);
            return;
        }
        ui.label(s::recovery_intro(lang));
        let field = |ui: &mut egui::Ui, name: &str, text: &mut String, hidden: bool| {
            let label = ui.label(name);
            ui.add(egui::TextEdit::singleline(text).password(hidden))
                .labelled_by(label.id);
        };
        field(ui, s::recovery_code(lang), &mut self.code, false);
        field(ui, s::new_passphrase(lang), &mut self.new, true);
        field(ui, s::same_again(lang), &mut self.again, true);
        let ready = !self.code.trim().is_empty() && !self.new.is_empty() && self.pending.is_none();
        if ui
            .add_enabled(ready, egui::Button::new(s::change_with_code(lang)))
            .clicked()
        {
            if *self.new != *self.again {
                self.error = Some(s::entries_differ(lang).to_string());
            } else {
                let (code, new) = (self.code.clone(), self.new.clone());
                let vault = vault.to_path_buf();
                self.pending = Job::spawn("recover", ui.ctx(), move || {
                    recover(&vault, &code, &new).map_err(|e| messages::vault_error(&e, lang))
                });
                self.error = None;
            }
        }
        if let Some(e) = &self.error {
            super::banner::show(ui, e, super::banner::Tone::Trouble);
        }
    }
}

/// Sets `new` as the passphrase with the recovery `code`; the new recovery code.
fn recover(
    vault: &std::path::Path,
    code: &str,
    new: &str,
) -> Result<Zeroizing<String>, crate::vault::VaultError> {
    use crate::vault::{RecoveryCode, Vault, VaultError};
    let code = RecoveryCode::parse(code).ok_or(VaultError::WrongRecoveryCode)?;
    let mut vault = Vault::open(vault)?;
    drop(vault.unlock_with_recovery(&code)?);
    let fresh = vault.recover(&code, new)?;
    Ok(Zeroizing::new(fresh.as_str().to_string()))
}
