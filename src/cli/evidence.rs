//! `temoin export`, `temoin checkpoint` and `temoin verify`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{Args, ValueEnum};

use temoin::evidence::bundle::{self, Level};
use temoin::evidence::checkpoint::Checkpoint;
use temoin::evidence::identity::PublicKey;
use temoin::evidence::{export, masking};
use temoin::messages::{self, Lang};
use temoin::vault::Vault;

#[derive(Clone, Copy, ValueEnum)]
pub enum LevelArg {
    /// Chaque événement, avec sa preuve / every event, with its proof.
    Events,
    /// Chiffres par heure / hourly figures.
    Hourly,
    /// Chiffres par jour / daily figures.
    Daily,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Premier jour (AAAA-MM-JJ ; par défaut le début du journal) / first day.
    #[arg(value_parser = crate::cli::help::date, long)]
    from: Option<NaiveDate>,
    /// Dernier jour (par défaut aujourd'hui) / last day (default today).
    #[arg(value_parser = crate::cli::help::date, long)]
    to: Option<NaiveDate>,
    /// Niveau de détail / level of detail.
    #[arg(long, value_enum, default_value = "daily")]
    level: LevelArg,
    /// Fichier à écrire / file to write.
    #[arg(long)]
    out: PathBuf,
    /// Pour qui (un nom par destinataire : chacun a sa propre signature) / for whom (a name per
    /// recipient: each gets its own signature).
    #[arg(long = "for", value_name = "NOM")]
    recipient: Option<String>,
}

pub fn export(path: &Path, args: ExportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let pass = crate::cli::common::passphrase(lang)?;
    let level = match args.level {
        LevelArg::Events => Level::Events,
        LevelArg::Hourly => Level::Hourly,
        LevelArg::Daily => Level::Daily,
    };
    let asked = export::Asked {
        from: args.from,
        to: args.to,
        level,
        recipient: args.recipient.as_deref(),
    };
    let export::Made { bundle: b, broken } =
        export::make(&vault, &pass, &asked, Local::now().fixed_offset())?;
    if let Some(b) = broken {
        // Exported as it is: a checkpoint given earlier will show what changed.
        eprintln!(
            "{} {}.",
            temoin::i18n::s(lang, "cli-evidence-warning"),
            messages::chain_break(&b, lang)
        );
    }
    if b.period.from > b.period.to {
        return Err(crate::cli::common::explained(temoin::i18n::s(
            lang,
            "cli-evidence-the-start-date-from-is-after",
        )));
    }
    let period = b.period;
    let json = export::to_json(&b);
    export::write_whole(&args.out, &json).map_err(|e| cannot_write(&args.out, &e, lang))?;
    export::given(&mut vault, &b, Local::now().fixed_offset())?;
    let what = match level {
        Level::Events => temoin::t!(lang, "verdict-events", "count" => b.events.len()),
        Level::Hourly => temoin::t!(lang, "verdict-hours", "count" => b.aggregates.len()),
        Level::Daily => temoin::t!(lang, "verdict-days", "count" => b.aggregates.len()),
    };
    println!(
        "{}",
        temoin::t!(lang, "cli-export-done",
            "what" => what,
            "from" => temoin::i18n::date(lang, period.from),
            "to" => temoin::i18n::date(lang, period.to))
    );
    if !b.masked.is_empty() {
        println!(
            "{}",
            temoin::t!(lang, "export-masked", "count" => b.masked.len())
        );
        let masked: std::collections::HashSet<u64> = b.masked.iter().map(|m| m.index).collect();
        for e in b.events.iter().filter(|e| masked.contains(&e.index)) {
            if let Some(text) = e.event().as_ref().and_then(masking::text_of) {
                println!("    « {text} »");
            }
        }
    }
    println!(
        "{}",
        temoin::t!(lang, "cli-export-signed",
            "pseudonym" => &b.worker.pseudonym,
            "fingerprint" => temoin::evidence::merkle::from_hex(&b.worker.public_key)
                .and_then(|k| PublicKey::from_slice(&k))
                .map(|k| k.fingerprint())
                .unwrap_or_default(),
            "file" => &args.out)
    );
    println!(
        "{}",
        temoin::i18n::s(lang, "cli-evidence-no-sound-no-transcript-nothing-about")
    );
    Ok(ExitCode::SUCCESS)
}

/// Signs the log's size and root now, records that it was given, prints it as text and QR code.
pub fn checkpoint(
    path: &Path,
    out: Option<PathBuf>,
    recipient: Option<&str>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    vault.writable()?;
    let pass = crate::cli::common::passphrase(lang)?;
    let c = export::give_checkpoint(&mut vault, &pass, recipient, Local::now().fixed_offset())?;
    let line = c.to_text();
    if let Some(out) = &out {
        // A note ends in its line break; the one-line form gets one.
        let text = if line.ends_with('\n') {
            line.clone()
        } else {
            format!("{line}\n")
        };
        export::write_whole(out, text.as_bytes()).map_err(|e| cannot_write(out, &e, lang))?;
    }
    let pk = c.key;
    println!(
        "{} {} {} {} ({} {}).",
        temoin::i18n::s(lang, "cli-evidence-checkpoint"),
        c.size,
        temoin::i18n::s(lang, "cli-evidence-events-signed-by"),
        pk.pseudonym(),
        temoin::i18n::s(lang, "messages-fingerprint"),
        pk.fingerprint()
    );
    println!(
        "{}",
        temoin::i18n::s(lang, "cli-evidence-hand-this-line-or-the-qr")
    );
    println!();
    println!("{line}");
    if let Ok(qr) = qrcode::QrCode::with_error_correction_level(&line, qrcode::EcLevel::L) {
        println!();
        println!(
            "{}",
            qr.render::<qrcode::render::unicode::Dense1x2>()
                .quiet_zone(true)
                .build()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A checkpoint given as its line of text, or as a file holding it.
pub(crate) fn read_checkpoint(given: &str, lang: Lang) -> Result<Checkpoint, String> {
    let text = if Path::new(given).is_file() {
        std::fs::read_to_string(given).map_err(|e| format!("{given} : {e}"))?
    } else {
        given.to_string()
    };
    Checkpoint::parse(&text).map_err(|e| messages::checkpoint_error(&e, lang))
}

/// A file that could not be written, said in the reader's language (the system's words after).
fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> anyhow::Error {
    crate::cli::common::explained(messages::cannot_write(path, e, lang))
}

pub fn verify(file: &Path, checkpoints: &[String], lang: Lang) -> anyhow::Result<ExitCode> {
    let unreadable = |why: String| {
        eprintln!("temoin : {why}");
        Ok(ExitCode::from(2))
    };
    let mut given = Vec::new();
    for c in checkpoints {
        match read_checkpoint(c, lang) {
            Ok(c) => given.push(c),
            Err(why) => {
                eprintln!("{why}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    // The council's collective report: its signature only.
    if temoin::evidence::page::is_page(file) {
        let verdict = std::fs::read_to_string(file)
            .map(|text| temoin::evidence::page::verify(&text))
            .map_err(|e| messages::cannot_read(file, &e, lang));
        return match verdict {
            Ok(v) => {
                println!("{}", messages::page_verdict(&v, lang));
                Ok(if v.is_ok() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                })
            }
            Err(why) => unreadable(why),
        };
    }
    let v = match bundle::verify_file(file, &given) {
        Ok(v) => v,
        Err(bundle::FileProblem::Io(e)) => {
            return unreadable(messages::cannot_read(file, &e, lang));
        }
        Err(bundle::FileProblem::Unreadable(e)) => {
            return unreadable(format!(
                "{} : {}",
                file.display(),
                messages::bundle_unreadable(&e, lang)
            ));
        }
    };
    for line in messages::verdict(&v, lang) {
        println!("{line}");
    }
    Ok(if v.intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Args)]
pub struct ReportArgs {
    /// Premier jour (par défaut le début du journal) / first day (default: the log's start).
    #[arg(value_parser = crate::cli::help::date, long)]
    from: Option<NaiveDate>,
    /// Dernier jour (par défaut aujourd'hui) / last day (default today).
    #[arg(value_parser = crate::cli::help::date, long)]
    to: Option<NaiveDate>,
    /// Fichier HTML à écrire / HTML file to write.
    #[arg(long)]
    out: PathBuf,
    /// Pour qui (un nom par destinataire : chacun a sa propre signature) / for whom (a name per
    /// recipient: each gets its own signature).
    #[arg(long = "for", value_name = "NOM")]
    recipient: Option<String>,
}

/// The top-level entry point for `temoin report`: one worker's record as a readable page.
pub fn report(path: &Path, args: ReportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(path)?;
    let pass = crate::cli::common::passphrase(lang)?;
    let (events, key) = {
        let unlocked = vault.unlock(&pass)?;
        (
            unlocked.readable()?,
            PublicKey::of(&unlocked.signing_key(args.recipient.as_deref())),
        )
    };
    let today = Local::now().date_naive();
    let from = args
        .from
        .or_else(|| events.first().map(|e| e.at.date_naive()))
        .unwrap_or(today);
    let to = args.to.unwrap_or(today);
    let r = temoin::report::for_worker(&events, from, to, key.pseudonym(), key.fingerprint(), lang);
    export::write_whole(&args.out, temoin::report::html(&r, lang).as_bytes())
        .map_err(|e| cannot_write(&args.out, &e, lang))?;
    println!(
        "{}",
        temoin::t!(lang, "cli-report-written",
            "file" => &args.out,
            "from" => temoin::i18n::date(lang, from),
            "to" => temoin::i18n::date(lang, to))
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct AggregateArgs {
    /// Exports à réunir : fichiers ou dossiers / exports to pool: files or folders.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Relevé collectif HTML à écrire / collective HTML report to write.
    #[arg(long)]
    out: PathBuf,
    /// Écrire aussi les chiffres en JSON sur la sortie / also print the figures as JSON.
    #[arg(long)]
    json: bool,
    /// Registre du CSE : les empreintes des clés enregistrées en personne, une par ligne ;
    /// seuls leurs exports sont réunis / the council's register: the fingerprints of the keys
    /// registered in person, one a line; only their exports are pooled.
    #[arg(long, required_unless_present_any = ["sans_registre", "cse"])]
    registre: Option<PathBuf>,
    /// Le bureau du CSE (le mode CSE de la fenêtre) : son registre, et sa clé signe le relevé /
    /// the council's desk (the window's CSE mode): its register, and its key signs the report.
    #[arg(long, conflicts_with_all = ["registre", "sans_registre"])]
    cse: bool,
    /// Réunir tous les exports, clés enregistrées ou non (à éviter : de nouvelles clés peuvent
    /// remplir une case) / pool every export, registered or not (to avoid).
    #[arg(long, conflicts_with = "registre")]
    sans_registre: bool,
}

/// The top-level entry point for `temoin aggregate`: the works council's pooled record.
pub fn aggregate(
    args: AggregateArgs,
    vault: impl Fn() -> anyhow::Result<PathBuf>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    use temoin::evidence::aggregate::{Pool, Register, files};
    let list = files(&args.inputs);
    if list.is_empty() {
        return Err(crate::cli::common::explained(temoin::i18n::s(
            lang,
            "cli-evidence-no-export-json-files-found-there",
        )));
    }
    let desk = match (&args.registre, args.cse) {
        (Some(p), _) if is_vault(p) => Some(p.clone()),
        (_, true) => Some(temoin::paths::council_desk(&vault()?)),
        _ => None,
    };
    // The council's desk: its register, and its key to sign the report.
    let mut signer = None;
    let mut pool = match (&desk, &args.registre) {
        (Some(desk), _) => {
            let vault = Vault::open(desk)?;
            let pass = crate::cli::common::passphrase(lang)?;
            let unlocked = vault.unlock(&pass)?;
            let key = unlocked.signing_key(None);
            let register = Register::from_events(&unlocked.readable()?, &PublicKey::of(&key));
            signer = Some(key);
            Pool::registered(register)
        }
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                crate::cli::common::explained(messages::cannot_read(path, &e, lang))
            })?;
            let register = Register::parse(&text).map_err(|e| {
                crate::cli::common::explained(
                    temoin::t!(lang, "cli-register-bad-line", "path" => path, "line" => e.line),
                )
            })?;
            Pool::registered(register)
        }
        (None, None) => {
            eprintln!(
                "{}",
                temoin::i18n::s(lang, "cli-evidence-warning-without-a-register-any-signed")
            );
            Pool::default()
        }
    };
    for f in &list {
        pool.add_file(f);
    }
    // The council's terminal names each file; the report, which is passed around, only says why
    // (a file name may hold a person's name).
    for r in &pool.rejected {
        eprintln!(
            "{} {} : {}",
            temoin::i18n::s(lang, "cli-evidence-set-aside"),
            name(r.path()),
            messages::set_aside(r, lang)
        );
    }
    let rejected = messages::set_aside_counts(&pool.rejected, lang);
    let r = pool.report(
        rejected,
        signer.as_ref().map(PublicKey::of),
        Local::now().date_naive(),
    );
    let mut html = temoin::report::html(&r, lang);
    if let Some(key) = &signer {
        html = temoin::evidence::page::sign(&html, key);
    }
    export::write_whole(&args.out, html.as_bytes())
        .map_err(|e| cannot_write(&args.out, &e, lang))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&temoin::evidence::aggregate::json(&r))?
        );
    } else {
        println!(
            "{}",
            temoin::t!(lang, "cli-aggregate-done",
                "files" => list.len(),
                "people" => pool.workers.len(),
                "rejected" => pool.rejected.len(),
                "file" => &args.out)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `path` is a Témoin vault (a council's desk), not a list of fingerprints.
fn is_vault(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// A file's name without its folders, so a report never shows a worker's home path.
fn name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
