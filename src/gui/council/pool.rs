//! « Réunir les exports »: a folder or files (typed, or dropped on the window) verified one by one
//! on a thread, a progress bar meanwhile; per file only « intact », « pas intact : … » or « clé
//! non enregistrée » (never its name: a file name may hold a person's); the collective figures
//! as they come, a cell from fewer than five people shown as such; then the report, signed by the
//! council's key, saved and opened in the browser (which prints it as PDF).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Local;
use eframe::egui;

use crate::evidence::aggregate::{self, Pool, Rejected};
use crate::evidence::register::Register;
use crate::evidence::summary::{Cell, Report};
use crate::gui::banner::Banner;
use crate::gui::job::{self, Job};
use crate::gui::session::Session;
use crate::i18n::s;
use crate::messages::{self, Lang};
use crate::t;
use crate::vault::Vault;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    Waiting,
    Intact,
    /// Not counted, with why (in words).
    NotIntact(String),
    Unregistered,
    Unreadable(String),
}

/// What the pooling thread has done so far.
#[derive(Debug, Default)]
pub struct Progress {
    pub total: usize,
    pub done: usize,
    pub files: Vec<FileStatus>,
    /// The collective figures of the files verified so far.
    pub report: Option<Report>,
    pub finished: bool,
}

pub struct PoolView {
    pub lang: Lang,
    desk: PathBuf,
    /// The folder (or file) typed.
    pub inputs: String,
    pub progress: Arc<Mutex<Progress>>,
    pooling: Option<Job<()>>,
    /// Where the report is saved.
    pub out: String,
    saving: Option<Job<Result<PathBuf, String>>>,
    pub message: Option<Banner>,
    /// How the report is opened: `$BROWSER` as found at start (a command, `%s` for the file);
    /// none: the desktop's choice.
    pub browser: Option<String>,
}

impl PoolView {
    pub fn new(desk: PathBuf, lang: Lang) -> Self {
        PoolView {
            lang,
            desk,
            inputs: String::new(),
            progress: Arc::default(),
            pooling: None,
            out: String::new(),
            saving: None,
            message: None,
            browser: std::env::var("BROWSER")
                .ok()
                .filter(|b| !b.trim().is_empty()),
        }
    }

    pub fn busy(&self) -> bool {
        self.pooling.is_some() || self.saving.is_some()
    }

    /// The report of everything pooled, once every file is verified.
    pub fn report(&self) -> Option<Report> {
        let p = self.progress.lock().ok()?;
        p.finished.then(|| p.report.clone()).flatten()
    }

    /// Verifies and pools the folder or file typed.
    pub fn start(&mut self, ctx: &egui::Context, session: &Session) {
        let typed = PathBuf::from(self.inputs.trim());
        self.start_with(ctx, session, &[typed]);
    }

    /// Verifies and pools the files named (and those in the folders named), on a thread, against
    /// the register read with the passphrase; the figures are redrawn as files are verified.
    pub fn start_with(&mut self, ctx: &egui::Context, session: &Session, inputs: &[PathBuf]) {
        self.message = None;
        if let Some(missing) = inputs.iter().find(|p| !p.exists()) {
            self.message = Some(Banner::trouble(t!(self.lang, "gui-cse-no-such-path",
                "path" => missing)));
            return;
        }
        let files = aggregate::files(inputs);
        if files.is_empty() {
            self.message = Some(Banner::trouble(s(
                self.lang,
                "cli-evidence-no-export-json-files-found-there",
            )));
            return;
        }
        let register = match &session.key {
            Some(desk) => Register::from_events(&session.events, desk),
            None => Register::default(),
        };
        let progress = Arc::new(Mutex::new(Progress {
            total: files.len(),
            files: vec![FileStatus::Waiting; files.len()],
            ..Default::default()
        }));
        self.progress = progress.clone();
        let (lang, repaint) = (self.lang, ctx.clone());
        self.pooling = Job::spawn("pool", ctx, move || {
            pool(&files, register, lang, &progress, || {
                repaint.request_repaint()
            })
        });
    }

    /// Signs the report with the council's key, writes it and opens it in the browser.
    pub fn save(&mut self, ctx: &egui::Context, session: &Arc<Session>) {
        let Some(report) = self.report() else { return };
        let (desk, lang, session) = (self.desk.clone(), self.lang, session.clone());
        let out = PathBuf::from(self.out.trim());
        self.message = None;
        self.saving = Job::spawn("save-report", ctx, move || {
            let vault = Vault::open(&desk).map_err(|e| messages::vault_error(&e, lang))?;
            let key = vault
                .unlock(session.passphrase())
                .map_err(|e| messages::vault_error(&e, lang))?
                .signing_key(None);
            let mut report = report;
            if let crate::evidence::summary::Who::Council { signed_by, .. } = &mut report.who {
                *signed_by = Some(crate::evidence::identity::PublicKey::of(&key));
            }
            let html = crate::evidence::page::sign(&crate::report::html(&report, lang), &key);
            crate::evidence::export::write_whole(&out, html.as_bytes())
                .map_err(|e| messages::cannot_write(&out, &e, lang))?;
            Ok(out)
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) {
        let lang = self.lang;
        if job::take(&mut self.pooling).is_some_and(|r| r.is_err()) {
            self.message = Some(Banner::trouble(job::Died.said(lang)));
        }
        if let Some(r) = job::take_or(&mut self.saving, |d| Err(d.said(lang))) {
            self.message = Some(match r {
                Ok(path) => match open_in_browser(&path, self.browser.as_deref()) {
                    Ok(()) => Banner::done(t!(lang, "gui-cse-report-opened", "path" => &path)),
                    Err(e) => Banner::done(messages::with_detail(
                        t!(lang, "gui-cse-report-saved", "path" => &path),
                        &e.to_string(),
                        lang,
                    )),
                },
                Err(e) => Banner::trouble(e),
            });
        }
        let dropped: Vec<PathBuf> = super::dropped(ui.ctx());
        if !dropped.is_empty() && !self.busy() {
            self.start_with(ui.ctx(), session, &dropped);
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add(egui::Label::new(s(lang, "gui-cse-pool-what")).wrap());
            if let Some(m) = &self.message {
                m.show(ui);
            }
            let l = ui.label(s(lang, "gui-cse-inputs"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.inputs)
                        .hint_text(s(lang, "gui-cse-inputs-hint"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = !self.inputs.trim().is_empty() && !self.busy();
            if (ui
                .add_enabled(ready, egui::Button::new(s(lang, "gui-cse-pool")))
                .clicked()
                || enter)
                && ready
            {
                self.start(ui.ctx(), session);
            }
            self.progress_ui(ui);
            self.figures_ui(ui);
            if let Some(r) = self.report() {
                ui.separator();
                if self.out.is_empty() {
                    self.out = crate::gui::export::home_file(&format!(
                        "temoin-releve-cse-{}-{}.html",
                        r.from, r.to
                    ));
                }
                let l = ui.label(s(lang, "gui-cse-report-file"));
                ui.add(egui::TextEdit::singleline(&mut self.out).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
                let ready = !self.out.trim().is_empty() && !self.busy();
                if ui
                    .add_enabled(ready, egui::Button::new(s(lang, "gui-cse-save-report")))
                    .clicked()
                {
                    self.save(ui.ctx(), session);
                }
                ui.add(
                    egui::Label::new(egui::RichText::new(s(lang, "gui-cse-pdf")).small()).wrap(),
                );
            }
        });
    }

    fn progress_ui(&self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let Ok(p) = self.progress.lock() else { return };
        if p.total == 0 {
            return;
        }
        ui.add(egui::ProgressBar::new(p.done as f32 / p.total as f32).text(
            t!(lang, "gui-cse-progress",
                "done" => p.done,
                "total" => p.total),
        ));
        egui::CollapsingHeader::new(s(lang, "gui-cse-files"))
            .default_open(p.total <= 40)
            .show(ui, |ui| {
                for (i, f) in p.files.iter().enumerate() {
                    let said = match f {
                        FileStatus::Waiting => s(lang, "gui-cse-file-waiting").to_string(),
                        FileStatus::Intact => s(lang, "gui-cse-file-intact").to_string(),
                        FileStatus::NotIntact(why) => {
                            t!(lang, "gui-cse-file-not-intact", "why" => why.as_str())
                        }
                        FileStatus::Unregistered => {
                            s(lang, "gui-cse-file-unregistered").to_string()
                        }
                        FileStatus::Unreadable(why) => {
                            t!(lang, "gui-cse-file-unreadable", "why" => why.as_str())
                        }
                    };
                    let text = t!(lang, "gui-cse-file", "n" => i + 1, "said" => said);
                    let colour = match f {
                        FileStatus::Intact => ui.visuals().text_color(),
                        FileStatus::Waiting => ui.visuals().weak_text_color(),
                        _ => ui.visuals().warn_fg_color,
                    };
                    ui.add(egui::Label::new(egui::RichText::new(text).color(colour)).wrap());
                }
            });
    }

    fn figures_ui(&self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let Some(r) = self.progress.lock().ok().and_then(|p| p.report.clone()) else {
            return;
        };
        ui.separator();
        let workers = match r.who {
            crate::evidence::summary::Who::Council { workers, .. } => workers,
            crate::evidence::summary::Who::Worker { .. } => 1,
        };
        ui.strong(t!(lang, "gui-cse-figures",
            "workers" => workers,
            "from" => crate::i18n::date(lang, r.from),
            "to" => crate::i18n::date(lang, r.to)));
        let cell = |c: Cell, digits: usize| {
            c.map_or_else(
                || s(lang, "report-fewer-than-five").to_string(),
                |v| crate::i18n::num(lang, v, digits),
            )
        };
        egui::Grid::new("figures")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for (id, c, digits) in [
                    ("gui-cse-worker-hours", r.active_hours, 1),
                    ("gui-cse-popups", r.popups, 0),
                    ("gui-cse-emotion", r.emotion, 0),
                    ("gui-cse-contradicted", r.contradicted, 0),
                    ("gui-cse-strain", r.strain, 0),
                    ("gui-cse-calls", r.calls, 0),
                    ("gui-cse-phone-hours", r.phone_hours, 1),
                ] {
                    ui.label(s(lang, id));
                    ui.label(cell(c, digits));
                    ui.end_row();
                }
            });
        if !r.categories.is_empty() {
            ui.strong(s(lang, "report-asked"));
            egui::Grid::new("categories")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for (key, c) in &r.categories {
                        let name = crate::events::PopupCategory::from_key(key).map_or_else(
                            || s(lang, "gui-uncategorised"),
                            |c| crate::labels::category_label(c, lang),
                        );
                        ui.label(name);
                        ui.label(cell(*c, 0));
                        ui.end_row();
                    }
                });
        }
    }
}

/// Pools `files` one by one, telling `progress` after each (the figures at most every quarter
/// second, and at the end).
fn pool(
    files: &[PathBuf],
    register: Register,
    lang: Lang,
    progress: &Mutex<Progress>,
    wake: impl Fn(),
) {
    let mut pool = Pool::registered(register);
    let today = Local::now().date_naive();
    let mut drawn = Instant::now() - Duration::from_secs(1);
    for (i, f) in files.iter().enumerate() {
        pool.add_file(f);
        let last = i + 1 == files.len();
        let figures = (last || drawn.elapsed() >= Duration::from_millis(250)).then(|| {
            drawn = Instant::now();
            pool.report(
                messages::set_aside_counts(&pool.rejected, lang),
                None,
                today,
            )
        });
        if let Ok(mut p) = progress.lock() {
            p.done = i + 1;
            p.files = statuses(files, i + 1, &pool.rejected, lang);
            if figures.is_some() {
                p.report = figures;
            }
            p.finished = last;
        }
        wake();
    }
}

/// Each file's status, the first `done` verified (a later file can set an earlier one aside:
/// two exports of one key whose logs fork).
fn statuses(files: &[PathBuf], done: usize, rejected: &[Rejected], lang: Lang) -> Vec<FileStatus> {
    let by_path: HashMap<&Path, &Rejected> = rejected.iter().map(|r| (r.path(), r)).collect();
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if i >= done {
                return FileStatus::Waiting;
            }
            match by_path.get(f.as_path()) {
                None => FileStatus::Intact,
                Some(Rejected::Unregistered(_)) => FileStatus::Unregistered,
                Some(r @ (Rejected::Unreadable(..) | Rejected::Io(..))) => {
                    FileStatus::Unreadable(messages::set_aside(r, lang))
                }
                Some(r) => FileStatus::NotIntact(messages::set_aside(r, lang)),
            }
        })
        .collect()
}

/// Opens `path` in `browser` (one command, `%s` for the file, else the file after it), else in
/// the desktop's choice (`xdg-open`). Windows, on paper: `explorer.exe <path>`
/// opens it in the default browser the same way.
pub fn open_in_browser(path: &Path, browser: Option<&str>) -> std::io::Result<()> {
    let file = path.display().to_string();
    let command: Vec<String> = match browser {
        Some(b) => {
            let mut words: Vec<String> = b.split_whitespace().map(str::to_string).collect();
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", &file);
                }
            } else {
                words.push(file);
            }
            words
        }
        None => vec!["xdg-open".into(), file],
    };
    let (program, args) = command
        .split_first()
        .ok_or_else(|| std::io::Error::other("BROWSER"))?;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reaped on its own thread: the browser may stay open long after.
    std::thread::spawn(move || child.wait());
    Ok(())
}
