//! `temoin check`: the vault's chain without the passphrase; with it, every row, the writing
//! sessions' history, and the log against the checkpoints the worker handed out.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use temoin::events::{Event, EventKind};
use temoin::vault::{RecoveryCode, StoredEvent, Vault, VaultError};

use super::common::{new_secret, passphrase, secret, show_recovery_code};

use temoin::evidence::log::Log;
use temoin::evidence::merkle;
use temoin::messages::{self, Lang};

pub fn check(
    path: &Path,
    full: bool,
    given: &[String],
    recipient: Option<&str>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
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
        let pass = crate::cli::common::passphrase(lang)?;
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
        let log = Log::new(rows);
        let ours = temoin::evidence::identity::PublicKey::of(&unlocked.signing_key(recipient));
        for c in &checkpoints {
            if c.key != ours {
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

/// The top-level entry point for `temoin init`.
pub(crate) fn init(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
    if path.exists() {
        return Err(VaultError::AlreadyExists(path.to_path_buf()).into());
    }
    let pass = new_secret("TEMOIN_PASSPHRASE", lang)?;
    let (_vault, code) = Vault::create(path, &pass)?;
    println!(
        "{} {}",
        temoin::i18n::s(lang, "cli-vault-created"),
        path.display()
    );
    show_recovery_code(&code, lang);
    Ok(ExitCode::SUCCESS)
}

/// The top-level entry point for `temoin note`: appends without the passphrase.
pub(crate) fn note(
    path: &std::path::Path,
    text: Option<String>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let text = match text.filter(|t| t != "-") {
        Some(t) => t,
        None => crate::cli::common::text_from_stdin(lang, "cli-note-prompt")?,
    };
    if text.trim().is_empty() {
        return Err(crate::cli::common::explained(temoin::i18n::s(
            lang,
            "cli-note-empty",
        )));
    }
    let seq = vault.append(&Event::now(EventKind::Note { text }))?;
    println!("{} {seq}).", temoin::i18n::s(lang, "cli-note-recorded-no"));
    Ok(ExitCode::SUCCESS)
}

fn in_range(e: &Event, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let day = e.at.date_naive();
    from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
}

/// The top-level entry point for `temoin events`.
pub(crate) fn events(
    path: &std::path::Path,
    json: bool,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(path)?;
    let pass = passphrase(lang)?;
    let unlocked = vault.unlock(&pass)?;
    let report = vault.check()?;
    if let Some(b) = &report.broken {
        eprintln!(
            "{} {}. {}",
            temoin::i18n::s(lang, "cli-evidence-warning"),
            messages::chain_break(b, lang),
            temoin::i18n::s(lang, "cli-readable-events-are-listed-all-the")
        );
    }
    let rows: Vec<StoredEvent> = unlocked
        .events()?
        .into_iter()
        .filter(|r| r.event.as_ref().map_or(true, |e| in_range(e, from, to)))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if json {
        write_json(&mut out, &rows, lang)
    } else {
        write_table(&mut out, &rows, lang)
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_json(out: &mut impl Write, rows: &[StoredEvent], lang: Lang) -> std::io::Result<()> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| match &r.event {
            Ok(e) => serde_json::json!({"seq": r.seq, "at": e.at, "kind": e.kind}),
            Err(p) => serde_json::json!({"seq": r.seq, "error": messages::row_problem(p, lang)}),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &values)?;
    writeln!(out)
}

fn write_table(out: &mut impl Write, rows: &[StoredEvent], lang: Lang) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", temoin::i18n::s(lang, "cli-no-events"));
    }
    writeln!(
        out,
        "{:>6}  {:<26}  {:<28}  {}",
        temoin::i18n::s(lang, "cli-no"),
        temoin::i18n::s(lang, "cli-date-and-time"),
        temoin::i18n::s(lang, "cli-kind"),
        temoin::i18n::s(lang, "cli-details")
    )?;
    for r in rows {
        match &r.event {
            Ok(e) => writeln!(
                out,
                "{:>6}  {:<26}  {:<28}  {}",
                r.seq,
                e.at.format("%Y-%m-%d %H:%M:%S %:z"),
                messages::kind_label(&e.kind, lang),
                messages::event_details(&e.kind, lang)
            )?,
            Err(p) => writeln!(
                out,
                "{:>6}  {:<26}  {}",
                r.seq,
                "?",
                messages::row_problem(p, lang)
            )?,
        }
    }
    Ok(())
}

/// The top-level entry point for `temoin passwd`.
pub(crate) fn passwd(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let old = secret(
        "TEMOIN_PASSPHRASE",
        temoin::i18n::s(lang, "gui-current-passphrase"),
        lang,
    )?;
    // Checked before asking for the new one, so a typo is caught at once.
    drop(vault.unlock(&old)?);
    let new = new_secret("TEMOIN_NEW_PASSPHRASE", lang)?;
    vault.change_passphrase(&old, &new)?;
    println!(
        "{}",
        temoin::i18n::s(lang, "gui-passphrase-changed-the-recovery-code-stays")
    );
    Ok(ExitCode::SUCCESS)
}

/// The top-level entry point for `temoin recover`.
pub(crate) fn recover(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let typed = secret(
        "TEMOIN_RECOVERY_CODE",
        temoin::i18n::s(lang, "cli-recovery-code"),
        lang,
    )?;
    let code = RecoveryCode::parse(&typed).ok_or(VaultError::WrongRecoveryCode)?;
    drop(vault.unlock_with_recovery(&code)?);
    let new = new_secret("TEMOIN_NEW_PASSPHRASE", lang)?;
    let fresh = vault.recover(&code, &new)?;
    println!(
        "{}",
        temoin::i18n::s(lang, "cli-new-passphrase-set-the-old-recovery")
    );
    show_recovery_code(&fresh, lang);
    Ok(ExitCode::SUCCESS)
}
