//! `temoin check`: the vault's chain without the passphrase; with it, every row, the writing
//! sessions' history, and the log against the checkpoints the worker handed out.

use std::path::Path;
use std::process::ExitCode;

use temoin::evidence::log::Log;
use temoin::evidence::merkle;
use temoin::messages::{self, Lang};
use temoin::vault::Vault;

pub fn check(path: &Path, full: bool, given: &[String], lang: Lang) -> anyhow::Result<ExitCode> {
    let mut checkpoints = Vec::new();
    for c in given {
        match crate::cli::evidence::read_checkpoint(c, lang) {
            Ok(c) => checkpoints.push(c),
            Err(why) => {
                eprintln!("{why}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let vault = Vault::open(path)?;
    let report = vault.check()?;
    let mut problems: Vec<String> = report
        .broken
        .iter()
        .map(|b| messages::chain_break(b, lang))
        .collect();
    let mut sessions = Vec::new();
    if full || !checkpoints.is_empty() {
        let pass = crate::passphrase(lang)?;
        let unlocked = vault.unlock(&pass)?;
        let mut rows = Vec::new();
        let history = unlocked.history(|r| rows.push(r))?;
        problems.extend(
            rows.iter()
                .filter(|r| r.event.is_err())
                .map(|r| messages::unreadable_row(r.seq, lang)),
        );
        problems.extend(
            history
                .problems
                .iter()
                .map(|p| messages::history_problem(p, lang)),
        );
        let key = temoin::evidence::identity::PublicKey::from_slice(vault.device_public_key());
        let log = Log::new(rows);
        for c in &checkpoints {
            if Some(c.key) != key {
                problems.push(messages::checkpoint_of_another(c, lang));
                continue;
            }
            let size = log.tree.size();
            let holds =
                c.size <= size && merkle::root_of(&log.tree.leaves()[..c.size as usize]) == c.root;
            if !holds {
                problems.push(messages::checkpoint_not_extended(c, size, lang));
            }
        }
        if full {
            sessions = history.sessions;
        }
    }
    if !sessions.is_empty() {
        println!("{}", temoin::i18n::s(lang, "cli-vault-writing-sessions"));
        for s in &sessions {
            println!("- {}", messages::session_line(s, lang));
        }
    }
    if problems.is_empty() {
        println!(
            "{} ({} {}){}.",
            temoin::i18n::s(lang, "cli-vault-vault-intact"),
            report.rows,
            temoin::i18n::s(lang, "cli-vault-rows"),
            if checkpoints.is_empty() {
                String::new()
            } else {
                format!(
                    " ; {}",
                    temoin::i18n::s(lang, "cli-vault-it-extends-every-checkpoint-given")
                )
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", temoin::i18n::s(lang, "cli-vault-vault-not-intact"));
    for p in &problems {
        println!("- {p}");
    }
    Ok(ExitCode::from(1))
}
