//! The command line's help and errors in the reader's language: every command's and option's
//! text comes from the Fluent files (`help-…` messages), clap's own headings and errors are
//! replaced, and the language is known before anything is parsed (`--lang`, `TEMOIN_LANG`, then
//! the window's choice).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use temoin::lang::Lang;

use super::args::Cli;

/// The language asked for on the command line or in the environment, before parsing.
pub fn language(args: &[OsString]) -> Option<Lang> {
    let pick = |v: &str| match v.trim() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    };
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        if let Some(v) = a.strip_prefix("--lang=") {
            return pick(v);
        }
        if a == "--lang" {
            return args.get(i + 1).and_then(|v| pick(v));
        }
    }
    std::env::var("TEMOIN_LANG").ok().and_then(|v| pick(&v))
}

/// The message for `id`, if the Fluent files have one.
fn text(lang: Lang, id: &str) -> Option<String> {
    let t = temoin::i18n::text(lang, id, &[]);
    (t != id).then_some(t)
}

/// A command's help id: `help-temoin`, `help-temoin-popup-watch`.
fn command_id(path: &[&str]) -> String {
    format!("help-{}", path.join("-"))
}

/// An option's help id: `help-temoin-listen--seconds`.
fn arg_id(path: &[&str], arg: &str) -> String {
    format!("{}--{}", command_id(path), arg.replace('_', "-"))
}

/// Every text of `cmd` and its subcommands put in `lang`.
fn localize(mut cmd: Command, path: &mut Vec<String>, lang: Lang) -> Command {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    if let Some(about) = text(lang, &command_id(&p)) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    // clap writes a heading followed by ':'; French wants a space before it.
    let heading = |id: &'static str| -> &'static str {
        match lang {
            // A few bytes once per process: clap keeps headings as static text.
            Lang::Fr => Box::leak(format!("{} ", temoin::i18n::s(lang, id)).into_boxed_str()),
            Lang::En => temoin::i18n::s(lang, id),
        }
    };
    for id in ids {
        let help = text(lang, &arg_id(&p, &id));
        let (options, arguments) = (heading("help-options"), heading("help-arguments"));
        cmd = cmd.mut_arg(&id, |a| {
            // Possible values are named in the help itself, in the reader's language.
            let hide = a.get_action().takes_values();
            let a = if a.is_positional() {
                a.help_heading(arguments)
            } else {
                a.help_heading(options)
            };
            match help {
                Some(h) => a.help(h).long_help(None).hide_possible_values(hide),
                None => a,
            }
        });
    }
    cmd = cmd
        .help_template(temoin::i18n::s(lang, "help-template"))
        .subcommand_help_heading(heading("help-commands"))
        .next_help_heading(heading("help-options"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(temoin::i18n::s(lang, "help-help"))
                .global(true),
        );
    if path.len() == 1 {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(temoin::i18n::s(lang, "help-version")),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        path.push(name.clone());
        let taken = cmd.find_subcommand(&name).cloned();
        if let Some(sub) = taken {
            let sub = localize(sub, path, lang);
            cmd = cmd.mut_subcommand(&name, |_| sub);
        }
        path.pop();
    }
    cmd
}

/// The command line, with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    localize(Cli::command(), &mut vec!["temoin".into()], lang)
}

/// Parses the arguments; `Err` holds the exit code after help, the version, or an error said in
/// the reader's language.
pub fn parse(args: &[OsString], lang: Lang) -> Result<Cli, ExitCode> {
    let matches = command(lang).try_get_matches_from(args).map_err(|e| {
        use clap::error::ErrorKind as K;
        match e.kind() {
            K::DisplayHelp | K::DisplayVersion => {
                let shown = e.render().to_string();
                print!("{shown}");
                if !shown.ends_with('\n') {
                    println!();
                }
                ExitCode::SUCCESS
            }
            _ => {
                eprintln!("temoin : {}", worded(&e, lang));
                ExitCode::from(2)
            }
        }
    })?;
    Cli::from_arg_matches(&matches).map_err(|e| {
        eprintln!("temoin : {}", worded(&e, lang));
        ExitCode::from(2)
    })
}

/// A clap error in the reader's language, with what was wrong and what to do.
fn worded(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let context = |k: C| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = context(C::InvalidArg);
    let value = context(C::InvalidValue);
    match e.kind() {
        K::InvalidValue | K::ValueValidation => {
            let valid = context(C::ValidValue);
            // Dates have their own sentence: the two forms accepted.
            // What our own value parsers refused, said by each.
            let source = std::error::Error::source(e);
            let ours = source.and_then(|s| s.downcast_ref::<ValueError>());
            let scale =
                source.and_then(|s| s.downcast_ref::<temoin::selfreport::SelfReportError>());
            if let Some(ValueError::Date) = ours {
                temoin::t!(lang, "cli-error-date", "arg" => arg, "value" => value)
            } else if let Some(ValueError::Time) = ours {
                temoin::t!(lang, "cli-error-time", "arg" => arg, "value" => value)
            } else if let Some(s) = scale {
                temoin::t!(lang, "cli-error-value-why",
                    "arg" => arg,
                    "value" => value,
                    "why" => temoin::messages::self_report_error(s, lang))
            } else if valid.is_empty() {
                temoin::t!(lang, "cli-error-value", "arg" => arg, "value" => value)
            } else {
                temoin::t!(lang, "cli-error-value-one-of", "arg" => arg, "value" => value, "valid" => valid)
            }
        }
        K::UnknownArgument => temoin::t!(lang, "cli-error-unknown-argument", "arg" => arg),
        K::InvalidSubcommand => {
            temoin::t!(lang, "cli-error-unknown-command", "command" => context(C::InvalidSubcommand))
        }
        K::MissingRequiredArgument => temoin::t!(lang, "cli-error-missing", "arg" => arg),
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            temoin::t!(lang, "cli-error-missing-command")
        }
        K::ArgumentConflict => temoin::t!(lang, "cli-error-conflict",
            "arg" => arg,
            "other" => context(C::PriorArg)),
        K::TooManyValues | K::WrongNumberOfValues | K::TooFewValues | K::NoEquals => {
            temoin::t!(lang, "cli-error-value", "arg" => arg, "value" => value)
        }
        _ => temoin::t!(lang, "cli-error-other"),
    }
}

/// A value our own parsers refuse (worded by [`worded`] in the reader's language).
#[derive(Debug, thiserror::Error)]
pub enum ValueError {
    #[error("not a date")]
    Date,
    #[error("not a time of day")]
    Time,
}

/// A day typed on the command line: « 29/11/2026 » or "2026-11-29".
pub fn date(s: &str) -> Result<chrono::NaiveDate, ValueError> {
    temoin::i18n::parse_date(s).ok_or(ValueError::Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's and option's help id.
    fn ids(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<String>) {
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        out.push(command_id(&p));
        for a in cmd.get_arguments() {
            out.push(arg_id(&p, a.get_id().as_str()));
        }
        for s in cmd.get_subcommands() {
            path.push(s.get_name().to_string());
            ids(s, path, out);
            path.pop();
        }
    }

    #[test]
    fn every_command_and_option_has_its_help_in_both_languages_and_no_help_is_stale() {
        let mut wanted = Vec::new();
        ids(&Cli::command(), &mut vec!["temoin".into()], &mut wanted);
        for lang in Lang::ALL {
            for id in &wanted {
                assert!(text(lang, id).is_some(), "{}: no {id}", lang.tag());
            }
            let defined: Vec<&str> = temoin::i18n::source(lang)
                .lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
                .filter(|k| k.starts_with("help-temoin"))
                .collect();
            for d in defined {
                assert!(
                    wanted.iter().any(|w| w == d),
                    "{}: {d} helps nothing",
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn help_and_errors_read_in_french_and_english() {
        let help = command(Lang::Fr).render_help().to_string();
        assert!(help.contains("Utilisation :"), "{help}");
        assert!(help.contains("Affiche cette aide"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
        for english in ["Usage", "Print help", "Commands:"] {
            assert!(!help.contains(english), "{english} in {help}");
        }
        let en = command(Lang::En).render_help().to_string();
        assert!(
            en.contains("Usage:") && en.contains("Print this help"),
            "{en}"
        );
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            language(&args(&["temoin", "--lang", "en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(language(&args(&["temoin", "--lang=fr"])), Some(Lang::Fr));
        let e = command(Lang::Fr)
            .try_get_matches_from(args(&["temoin", "events", "--from", "29-11-2026"]))
            .unwrap_err();
        let said = worded(&e, Lang::Fr);
        assert!(
            said.contains("JJ/MM/AAAA") && said.contains("29-11-2026"),
            "{said}"
        );
        let ok = command(Lang::Fr).try_get_matches_from(args(&[
            "temoin",
            "events",
            "--from",
            "29/11/2026",
        ]));
        assert!(ok.is_ok());
        let e = command(Lang::Fr)
            .try_get_matches_from(args(&["temoin", "bonjour"]))
            .unwrap_err();
        assert!(worded(&e, Lang::Fr).contains("Commande inconnue : « bonjour »"));
    }
}
