//! The `temoin` command line. Every message is French by default, English with `--lang en`.
//! Exit codes: 0 done, 1 a check found a problem, 2 an error stopped the command.

mod cli;

use std::process::ExitCode;

use temoin::lang::Lang;
use temoin::messages;
use temoin::pipeline::PipelineError;
use temoin::pipeline::live::StartError;
use temoin::settings::Settings;
use temoin::vault::VaultError;

use cli::common::ExplainedError;

fn main() -> ExitCode {
    // SAFETY: first thing in main, before any thread exists. ONNX Runtime's PyPI build records
    // usage telemetry for Microsoft at load unless this is set; nothing may leave the machine.
    unsafe { std::env::set_var("ORT_DISABLE_TELEMETRY", "1") };
    // A closed pipe (`temoin checkpoint | head`) is a normal end, not a panic.
    // SAFETY: restoring the default disposition of one signal, before any thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    // SAFETY: still before any thread exists.
    unsafe { cli::common::take_secrets_from_environment() };
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A browser starts `temoin` as the extension's native-messaging host, with its own arguments.
    if temoin::popups::extension::started_by_browser(&args) {
        return cli::extension::host();
    }
    let lang = cli::help::language(&args).unwrap_or_else(|| {
        // Unreadable settings are said by the command itself, once the language is known.
        Settings::current()
            .ok()
            .and_then(|s| s.lang)
            .unwrap_or_default()
    });
    let mut parsed = match cli::help::parse(&args, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    parsed.lang = Some(lang);
    match cli::run(parsed) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("temoin : {}", worded(&e, lang));
            ExitCode::from(2)
        }
    }
}

/// An error that stopped a command, in the reader's language.
fn worded(e: &anyhow::Error, lang: Lang) -> String {
    if let Some(v) = e.downcast_ref::<VaultError>() {
        messages::vault_error(v, lang)
    } else if let Some(p) = e.downcast_ref::<PipelineError>() {
        messages::pipeline_error(p, lang)
    } else if let Some(p) = e.downcast_ref::<StartError>() {
        messages::start_error(p, lang)
    } else if let Some(x) = e.downcast_ref::<ExplainedError>() {
        x.0.clone()
    } else if let Some(io) = e.downcast_ref::<std::io::Error>() {
        messages::with_detail(temoin::t!(lang, "cli-file-error"), &io.to_string(), lang)
    } else {
        messages::with_detail(
            temoin::t!(lang, "cli-unexpected-error"),
            &format!("{e:#}"),
            lang,
        )
    }
}
