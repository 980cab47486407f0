//! `temoin paquet-docs DIR` (hidden, for `scripts/package`): the manual pages in English
//! (`man1/`) and French (`fr/man1/`), one for `temoin` and one for each command (`temoin-export`,
//! `temoin-popup-list`…), and the bash, zsh and fish completions, from the very commands and
//! Fluent help texts the program parses with.

use std::path::Path;
use std::process::ExitCode;

use clap::Command;
use clap_complete::Shell;
use temoin::lang::Lang;

pub fn docs(out: &Path) -> anyhow::Result<ExitCode> {
    for (lang, dir) in [(Lang::En, "man1"), (Lang::Fr, "fr/man1")] {
        let dir = out.join(dir);
        std::fs::create_dir_all(&dir)?;
        pages(&hide_env(super::help::command(lang)), "temoin", &dir, lang)?;
    }
    let dir = out.join("completions");
    std::fs::create_dir_all(&dir)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut super::help::command(Lang::Fr), "temoin", &dir)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `cmd`'s page as `name.1`, then one for each of its visible commands (`name-command.1`).
fn pages(cmd: &Command, name: &str, dir: &Path, lang: Lang) -> anyhow::Result<()> {
    let mut page = Vec::new();
    // A few bytes once, in a command that ends at once: clap keeps names as static text.
    let static_name: &'static str = Box::leak(name.to_string().into_boxed_str());
    clap_mangen::Man::new(cmd.clone().name(static_name)).render(&mut page)?;
    std::fs::write(
        dir.join(format!("{name}.1")),
        worded(&String::from_utf8(page)?, lang),
    )?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages(sub, &format!("{name}-{}", sub.get_name()), dir, lang)?;
    }
    Ok(())
}

/// The environment variables are named in the help texts themselves: clap_mangen's English
/// sentence for them is left out of every page.
fn hide_env(cmd: Command) -> Command {
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().into()).collect();
    let mut cmd = cmd.mut_args(|a| a.hide_env(true));
    for s in subs {
        cmd = cmd.mut_subcommand(&s, hide_env);
    }
    cmd
}

/// clap_mangen's fixed English words, in the page's language.
fn worded(page: &str, lang: Lang) -> String {
    match lang {
        Lang::En => page.to_string(),
        Lang::Fr => page
            .replace(".SH NAME", ".SH NOM")
            .replace("[default: ", "[par défaut : ")
            .replace("[possible values: ", "[valeurs possibles : ")
            .replace(".SH EXTRA", ".SH COMPLÉMENTS"),
    }
}
