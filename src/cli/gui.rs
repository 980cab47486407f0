//! `temoin` (or `temoin gui`): the window.

use std::path::Path;
use std::process::ExitCode;

use temoin::gui::View;
use temoin::gui::today::Today;
use temoin::messages::{self, Lang};
use temoin::pipeline::live::{Extras, LiveSettings, Monitor};
use temoin::settings::Settings;
use temoin::vault::Vault;

/// The top-level entry point for the window: listening and pop-up watching start with it
/// unless `no_listen`; if they cannot, the window says why and the button still works.
pub fn gui(path: &Path, no_listen: bool, view: View, lang: Lang) -> anyhow::Result<ExitCode> {
    // Said before anything loads, in the worker's words (winit's would name a source file).
    if !has_display() {
        return Err(crate::cli::common::explained(temoin::i18n::s(
            lang,
            "cli-gui-no-display",
        )));
    }
    // An unreadable vault is said before any window opens; a missing one opens the wizard.
    if path.exists() {
        Vault::open(path)?;
    }
    let vault = path.to_path_buf();
    let settings_path = crate::cli::common::settings_path(lang).ok();
    let saved = crate::cli::common::settings(lang);
    let on_top = saved.always_on_top;
    let start = {
        let vault = vault.clone();
        std::sync::Arc::new(move |lang: Lang| {
            // Settings again: the wizard may just have written them.
            let saved = Settings::current().unwrap_or_default();
            start(&vault, no_listen, lang, saved)
        })
    };
    let result = temoin::gui::run(lang, vault, settings_path, on_top, view, start);
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(crate::cli::common::explained(messages::with_detail(
            temoin::i18n::s(lang, "cli-gui-the-window-could-not-open").to_string(),
            &e.to_string(),
            lang,
        ))),
    }
}

/// Whether a graphical session is there to open a window in (X11 or Wayland on Linux; Windows
/// and macOS always have one for a logged-in user).
fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
}

/// The « Aujourd'hui » view, listening and watching as the settings say unless `no_listen`;
/// if they cannot start, the view says why and the button still works.
fn start(vault: &Path, no_listen: bool, lang: Lang, saved: Settings) -> Today {
    let rules = crate::cli::popup::rules_file(lang);
    let mut trouble = None;
    let monitor = if no_listen {
        None
    } else {
        let transcriber = crate::cli::common::optional_transcriber(true, saved.speech_lang, lang);
        let popups = Some(crate::cli::popup::rules_file(lang));
        match Monitor::start_with(
            vault,
            LiveSettings {
                device: saved.device,
                own_level_db: saved.own_level_db,
                calls: saved.calls,
                softphone: saved.softphone.clone(),
                ..Default::default()
            },
            Extras {
                transcriber,
                popups,
            },
        ) {
            Ok(m) => Some(m),
            Err(e) => {
                trouble = Some(temoin::gui::banner::Banner::trouble(messages::start_error(
                    &e, lang,
                )));
                None
            }
        }
    };
    let mut today = Today::new(vault.to_path_buf(), lang, rules, monitor);
    today.message = trouble;
    today
}
