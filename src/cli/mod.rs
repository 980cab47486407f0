//! The command line: its arguments ([`args`]) and help ([`help`]), and one module per group of
//! commands. `main.rs` only parses and dispatches to [`run`].

pub mod args;
pub mod common;
pub mod evidence;
pub mod extension;
pub mod gui;
pub mod help;
pub mod listen;
pub mod package;
pub mod popup;
pub mod vault;
pub mod witness;
pub mod workload;

use std::path::PathBuf;
use std::process::ExitCode;

use args::{Cli, Command, ExtensionAction, ViewArg};
use common::explained;
use listen::{AnalyzeArgs, ListenArgs};
use temoin::vault::Vault;

/// Runs the command given.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang = cli.lang.unwrap_or_default();
    // Only the commands that use the vault need to find it.
    let given = cli.vault;
    let vault = || -> anyhow::Result<PathBuf> {
        match &given {
            Some(p) => Ok(p.clone()),
            None => Vault::default_path()
                .ok_or_else(|| explained(temoin::i18n::s(lang, "cli-cannot-find-the-user-s-data"))),
        }
    };
    match cli.command.unwrap_or(Command::Gui {
        no_listen: false,
        vue: ViewArg::Aujourdhui,
    }) {
        Command::Gui { no_listen, vue } => gui::gui(&vault()?, no_listen, vue.into(), lang),
        Command::Init => vault::init(&vault()?, lang),
        Command::Note { text } => vault::note(&vault()?, text, lang),
        Command::Events { json, from, to } => vault::events(&vault()?, json, from, to, lang),
        Command::Check {
            full,
            checkpoint,
            recipient,
        } => vault::check(&vault()?, full, &checkpoint, recipient.as_deref(), lang),
        Command::Passwd => vault::passwd(&vault()?, lang),
        Command::Recover => vault::recover(&vault()?, lang),
        Command::Analyze {
            file,
            json,
            own_level,
            no_words,
            transcript,
            speech_lang,
        } => listen::analyze(
            &file,
            AnalyzeArgs {
                json,
                own_level,
                words: !no_words,
                transcript,
                speech_lang,
            },
            lang,
        ),
        Command::Listen {
            device,
            list,
            own_level,
            seconds,
            baseline,
            no_words,
            no_popups,
        } => listen::listen(
            &vault()?,
            ListenArgs {
                device,
                list,
                own_level,
                seconds,
                baseline,
                words: !no_words,
                popups: !no_popups,
            },
            lang,
        ),
        Command::Calibrate { device, seconds } => listen::calibrate(device, seconds, lang),
        Command::Popup(args) => popup::run(vault, args, lang),
        Command::Extension {
            action: ExtensionAction::Install,
        } => extension::install(lang),
        Command::Witness { action } => witness::run(action, vault, lang),
        Command::Call { action } => workload::call(&vault()?, action, lang),
        Command::Calls { action } => workload::calls(action, lang),
        Command::FinDeService(args) => workload::self_report(&vault()?, args, lang),
        Command::Export(args) => evidence::export(&vault()?, args, lang),
        Command::Checkpoint { out, recipient } => {
            evidence::checkpoint(&vault()?, out, recipient.as_deref(), lang)
        }
        Command::Verify { file, checkpoint } => evidence::verify(&file, &checkpoint, lang),
        Command::Report(args) => evidence::report(&vault()?, args, lang),
        Command::Aggregate(args) => evidence::aggregate(args, vault, lang),
        Command::CorrigerService(args) => workload::correct_shift(&vault()?, args, lang),
        Command::Workload { json } => workload::workload(&vault()?, json, lang),
        Command::PaquetDocs { dossier } => package::docs(&dossier),
    }
}
