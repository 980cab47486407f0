//! `temoin export`, `temoin checkpoint` and `temoin verify`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{Args, ValueEnum};

use temoin::evidence::bundle::{self, Level};
use temoin::evidence::checkpoint::Checkpoint;
use temoin::evidence::export;
use temoin::evidence::identity::PublicKey;
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
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Dernier jour (par défaut aujourd'hui) / last day (default today).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Niveau de détail / level of detail.
    #[arg(long, value_enum, default_value = "events")]
    level: LevelArg,
    /// Fichier à écrire / file to write.
    #[arg(long)]
    out: PathBuf,
}

pub fn export(path: &Path, args: ExportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let pass = crate::passphrase(lang)?;
    let level = match args.level {
        LevelArg::Events => Level::Events,
        LevelArg::Hourly => Level::Hourly,
        LevelArg::Daily => Level::Daily,
    };
    let export::Made { bundle: b, broken } = export::make(
        &vault,
        &pass,
        args.from,
        args.to,
        level,
        Local::now().fixed_offset(),
    )?;
    if let Some(b) = broken {
        // Exported as it is: a checkpoint given earlier will show what changed.
        eprintln!(
            "{} {}.",
            lang.pick("Attention :", "Warning:"),
            messages::chain_break(&b, lang)
        );
    }
    if b.period.from > b.period.to {
        return Err(crate::explained(lang.pick(
            "La date de début (--from) est après la date de fin (--to).",
            "The start date (--from) is after the end date (--to).",
        )));
    }
    let period = b.period;
    let json = export::to_json(&b);
    export::write_whole(&args.out, &json).map_err(|e| {
        crate::explained(format!(
            "{} {} : {e}",
            lang.pick("Impossible d'écrire", "Cannot write"),
            args.out.display()
        ))
    })?;
    export::given(&mut vault, &b, Local::now().fixed_offset())?;
    let what = match level {
        Level::Events => format!("{} {}", b.events.len(), lang.pick("événements", "events")),
        _ => format!(
            "{} {}",
            b.aggregates.len(),
            match level {
                Level::Hourly => lang.pick("heure(s)", "hour(s)"),
                _ => lang.pick("jour(s)", "day(s)"),
            }
        ),
    };
    println!(
        "{} {what}, {} {} {} {}.",
        lang.pick("Export :", "Export:"),
        lang.pick("du", "from"),
        period.from,
        lang.pick("au", "to"),
        period.to
    );
    println!(
        "{} {} ({} {}). {} {}",
        lang.pick("Signé par", "Signed by"),
        b.worker.pseudonym,
        lang.pick("empreinte", "fingerprint"),
        PublicKey::from_slice(vault.device_public_key())
            .map(|k| k.fingerprint())
            .unwrap_or_default(),
        lang.pick("Fichier :", "File:"),
        args.out.display()
    );
    println!(
        "{}",
        lang.pick(
            "Aucun son, aucune transcription, rien sur les clients : seulement ces mesures et pop-ups.",
            "No sound, no transcript, nothing about customers: only these measurements and pop-ups."
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Signs the log's size and root now, records that it was given, prints it as text and QR code.
pub fn checkpoint(path: &Path, out: Option<PathBuf>, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    vault.writable()?;
    let pass = crate::passphrase(lang)?;
    let key = vault.device_public_key().to_vec();
    let c = export::give_checkpoint(&mut vault, &pass, Local::now().fixed_offset())?;
    let line = c.to_line();
    if let Some(out) = &out {
        export::write_whole(out, format!("{line}\n").as_bytes())?;
    }
    let pk = PublicKey::from_slice(&key).expect("Ed25519 key");
    println!(
        "{} {} {} {} ({} {}).",
        lang.pick("Point de contrôle :", "Checkpoint:"),
        c.size,
        lang.pick("événements, signé par", "events, signed by"),
        pk.pseudonym(),
        lang.pick("empreinte", "fingerprint"),
        pk.fingerprint()
    );
    println!(
        "{}",
        lang.pick(
            "Remettez cette ligne (ou le code QR) à votre représentant : un export ultérieur prouvera qu'il la prolonge.",
            "Hand this line (or the QR code) to your representative: a later export will prove it extends it."
        )
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

pub fn verify(file: &Path, checkpoints: &[String], lang: Lang) -> anyhow::Result<ExitCode> {
    let unreadable = |why: String| {
        eprintln!("{} : {why}", file.display());
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
    let v = match bundle::verify_file(file, &given) {
        Ok(v) => v,
        Err(bundle::FileProblem::Io(e)) => return unreadable(e.to_string()),
        Err(bundle::FileProblem::Unreadable(e)) => {
            return unreadable(messages::bundle_unreadable(&e, lang));
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
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Dernier jour (par défaut aujourd'hui) / last day (default today).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Fichier HTML à écrire / HTML file to write.
    #[arg(long)]
    out: PathBuf,
}

/// The top-level entry point for `temoin report`: one worker's record as a readable page.
pub fn report(path: &Path, args: ReportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let events = crate::readable_events(path, lang)?;
    let vault = Vault::open(path)?;
    let today = Local::now().date_naive();
    let from = args
        .from
        .or_else(|| events.first().map(|e| e.at.date_naive()))
        .unwrap_or(today);
    let to = args.to.unwrap_or(today);
    let key = PublicKey::from_slice(vault.device_public_key()).expect("Ed25519 key");
    let r = temoin::report::for_worker(&events, from, to, key.pseudonym(), key.fingerprint(), lang);
    export::write_whole(&args.out, temoin::report::html(&r, lang).as_bytes())?;
    println!(
        "{} {} ({} {from} {} {to}).",
        lang.pick("Relevé écrit :", "Report written:"),
        args.out.display(),
        lang.pick("du", "from"),
        lang.pick("au", "to"),
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
    #[arg(long, required_unless_present = "sans_registre")]
    registre: Option<PathBuf>,
    /// Réunir tous les exports, clés enregistrées ou non (à éviter : de nouvelles clés peuvent
    /// remplir une case) / pool every export, registered or not (to avoid).
    #[arg(long, conflicts_with = "registre")]
    sans_registre: bool,
}

/// The top-level entry point for `temoin aggregate`: the works council's pooled record.
pub fn aggregate(args: AggregateArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    use temoin::evidence::aggregate::{Pool, Rejected, files};
    let list = files(&args.inputs);
    if list.is_empty() {
        return Err(crate::explained(lang.pick(
            "Aucun export trouvé (fichiers .json) à cet endroit.",
            "No export (.json files) found there.",
        )));
    }
    let mut pool = match &args.registre {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                crate::explained(format!(
                    "{} {} : {e}",
                    lang.pick("Impossible de lire le registre", "Cannot read the register"),
                    path.display()
                ))
            })?;
            let register = temoin::evidence::aggregate::Register::parse(&text).map_err(|e| {
                crate::explained(match lang {
                    Lang::Fr => format!(
                        "Registre {} : la ligne {} n'est pas une empreinte de clé (32 chiffres hexadécimaux, comme « temoin verify » l'affiche). Corrigez cette ligne.",
                        path.display(),
                        e.line
                    ),
                    Lang::En => format!(
                        "Register {}: line {} is not a key fingerprint (32 hexadecimal digits, as \"temoin verify\" shows it). Fix that line.",
                        path.display(),
                        e.line
                    ),
                })
            })?;
            Pool::registered(register)
        }
        None => {
            eprintln!(
                "{}",
                lang.pick(
                    "Attention : sans registre, tout export signé compte, même d'une clé créée pour l'occasion.",
                    "Warning: without a register, any signed export counts, even from a key made up for the purpose.",
                )
            );
            Pool::default()
        }
    };
    for f in &list {
        pool.add_file(f);
    }
    let rejected: Vec<String> = pool
        .rejected
        .iter()
        .map(|r| match r {
            Rejected::Unreadable(p, e) => {
                format!("{} : {}", name(p), messages::bundle_unreadable(e, lang))
            }
            Rejected::NotIntact(p, problems) => format!(
                "{} : {}",
                name(p),
                problems
                    .iter()
                    .map(|x| messages::bundle_problem(x, lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            Rejected::Io(p, e) => format!("{} : {e}", name(p)),
            Rejected::Unregistered(p) => format!(
                "{} : {}",
                name(p),
                lang.pick(
                    "clé non enregistrée au registre du CSE.",
                    "key not in the council's register.",
                )
            ),
            Rejected::Forked(p) => format!(
                "{} : {}",
                name(p),
                lang.pick(
                    "deux exports de la même clé ne se prolongent pas l'un l'autre (journal divergent) : tous les exports de cette clé sont écartés.",
                    "two exports of the same key do not extend each other (forked log): every export of this key is set aside.",
                )
            ),
        })
        .collect();
    for r in &rejected {
        eprintln!("{} {r}", lang.pick("Écarté :", "Set aside:"));
    }
    let today = Local::now().date_naive();
    let (from, to) = pool.period().unwrap_or((today, today));
    let r = temoin::report::from_buckets(
        temoin::report::Who::Council {
            workers: pool.workers.len(),
            rejected,
        },
        from,
        to,
        &pool.buckets(),
    );
    export::write_whole(&args.out, temoin::report::html(&r, lang).as_bytes())?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&temoin::evidence::aggregate::json(&r))?
        );
    } else {
        println!(
            "{} {} {} {}, {} {} ; {} {}.",
            list.len(),
            lang.pick("fichier(s) lu(s),", "file(s) read,"),
            pool.workers.len(),
            lang.pick("personne(s)", "people"),
            pool.rejected.len(),
            lang.pick("écarté(s)", "set aside"),
            lang.pick("relevé écrit :", "report written:"),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A file's name without its folders, so a report never shows a worker's home path.
fn name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
