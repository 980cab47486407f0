//! `temoin` (or `temoin gui`): the window.

use std::path::Path;
use std::process::ExitCode;

use temoin::gui::today::Today;
use temoin::messages::{self, Lang};
use temoin::pipeline::live::{Extras, LiveSettings, Monitor};
use temoin::settings::Settings;
use temoin::vault::Vault;

/// The top-level entry point for the window: listening and pop-up watching start with it
/// unless `no_listen`; if they cannot, the window says why and the button still works.
pub fn gui(path: &Path, no_listen: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    // A missing or unreadable vault is said before any window opens.
    Vault::open(path)?;
    let vault = path.to_path_buf();
    let result = temoin::gui::run(lang, vault.clone(), move || {
        let rules = crate::cli::popup::rules_file(lang);
        let mut trouble = None;
        let monitor = if no_listen {
            None
        } else {
            let saved = crate::settings_path(lang)
                .ok()
                .and_then(|p| Settings::load(&p).ok())
                .unwrap_or_default();
            let transcriber = crate::optional_transcriber(true, saved.speech_lang, lang);
            match Monitor::start_with(
                &vault,
                LiveSettings {
                    device: saved.device,
                    own_level_db: saved.own_level_db,
                    calls: saved.calls,
                    ..Default::default()
                },
                Extras {
                    transcriber,
                    popups: Some(crate::cli::popup::rules_file(lang)),
                },
            ) {
                Ok(m) => Some(m),
                Err(e) => {
                    trouble = Some(messages::start_error(&e, lang));
                    None
                }
            }
        };
        let mut today = Today::new(vault, lang, rules, monitor);
        today.message = trouble;
        today
    });
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(crate::explained(format!(
            "{} ({e}). {}",
            lang.pick(
                "La fenêtre n'a pas pu s'ouvrir",
                "The window could not open"
            ),
            lang.pick(
                "Sans écran graphique, utilisez les commandes (temoin --help).",
                "Without a graphical display, use the commands (temoin --help)."
            )
        ))),
    }
}
