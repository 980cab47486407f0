//! The `temoin` command line. Every message is French by default, English with `--lang en`.
//! Exit codes: 0 done, 1 a check found a problem, 2 an error stopped the command.

mod cli {
    pub mod evidence;
    pub mod extension;
    pub mod gui;
    pub mod popup;
    pub mod vault;
    pub mod workload;
}

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use zeroize::Zeroizing;

use temoin::events::{Event, EventKind};
use temoin::messages::{self, Lang};
use temoin::pipeline::live::{Extras, LiveSettings, Monitor, StartError};
use temoin::pipeline::{self, PipelineError};
use temoin::settings::Settings;
use temoin::speech::{Lexicon, SpeechError, SpokenLanguage, Transcriber};
use temoin::vault::{RecoveryCode, StoredEvent, Vault, VaultError};

#[derive(Parser)]
#[command(
    name = "temoin",
    version,
    about = "Témoin : votre propre relevé de la surveillance au travail / your own record of workplace surveillance"
)]
struct Cli {
    /// Fichier du coffre / vault file (défaut : dossier de données de l'utilisateur).
    #[arg(long, global = true, env = "TEMOIN_VAULT")]
    vault: Option<PathBuf>,
    /// Langue des messages / language of messages.
    /// (Par défaut celle choisie dans la fenêtre, sinon le français / default: the one chosen
    /// in the window, otherwise French.)
    #[arg(long, global = true, value_enum, env = "TEMOIN_LANG")]
    lang: Option<Lang>,
    /// Sans commande : la fenêtre / without a command: the window.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExtensionAction {
    /// Enregistre l'hôte auprès des navigateurs de l'utilisateur / registers the host with the
    /// user's browsers.
    Install,
}

/// The window's views, by their French names.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ViewArg {
    Aujourdhui,
    Historique,
    FinDeService,
    Preuves,
    Reglages,
}

impl From<ViewArg> for temoin::gui::View {
    fn from(v: ViewArg) -> Self {
        use temoin::gui::View;
        match v {
            ViewArg::Aujourdhui => View::Today,
            ViewArg::Historique => View::History,
            ViewArg::FinDeService => View::EndOfShift,
            ViewArg::Preuves => View::Evidence,
            ViewArg::Reglages => View::Settings,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// La fenêtre (aussi sans commande) / the window (also without a command).
    Gui {
        /// Sans écoute du micro ni surveillance des pop-ups (le bouton marche) /
        /// without listening or pop-up watching (the button works).
        #[arg(long)]
        no_listen: bool,
        /// La vue ouverte / the view it opens on.
        #[arg(long, value_enum, default_value = "aujourdhui")]
        vue: ViewArg,
    },
    /// Crée le coffre chiffré / create the encrypted vault.
    Init,
    /// Ajoute une note, sans phrase de passe / append a note, no passphrase needed.
    Note { text: String },
    /// Déchiffre et liste les événements / decrypt and list events.
    Events {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
        /// À partir du jour (AAAA-MM-JJ, heure locale de l'événement) / from this day.
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Jusqu'au jour inclus / up to and including this day.
        #[arg(long)]
        to: Option<NaiveDate>,
    },
    /// Vérifie la chaîne du coffre / verify the vault's chain.
    Check {
        /// Déchiffre aussi chaque ligne et relit l'histoire des sessions d'écriture (demande la
        /// phrase de passe) / also decrypt every row and read the writing sessions' history.
        #[arg(long)]
        full: bool,
        /// Un point de contrôle remis avant (fichier ou ligne) : le journal doit le prolonger,
        /// sinon il a été coupé ou remis à une copie plus ancienne / a checkpoint given before.
        #[arg(long)]
        checkpoint: Vec<String>,
    },
    /// Change la phrase de passe / change the passphrase.
    Passwd,
    /// Nouvelle phrase de passe avec le code de récupération / new passphrase from the recovery code.
    Recover,
    /// Écoute le micro et enregistre les mesures, sans phrase de passe / listen to the microphone
    /// and log measurements, no passphrase needed.
    Listen {
        /// Nom du micro (défaut : celui du système) / microphone name (default: the system's).
        #[arg(long)]
        device: Option<String>,
        /// Liste les micros / list microphones.
        #[arg(long)]
        list: bool,
        /// Votre niveau calibré en dBFS / your calibrated level in dBFS.
        #[arg(long, allow_hyphen_values = true)]
        own_level: Option<f64>,
        /// S'arrête après ce nombre de secondes / stop after this many seconds.
        #[arg(long)]
        seconds: Option<f64>,
        /// Demande la phrase de passe une fois pour reprendre votre ligne de base des 14 derniers
        /// jours (les clés sont oubliées aussitôt) / ask the passphrase once to resume your
        /// baseline of the last 14 days (keys are dropped at once).
        #[arg(long)]
        baseline: bool,
        /// Ne compte pas les mots (PC faible) / do not count words (weak PC).
        #[arg(long)]
        no_words: bool,
        /// Ne surveille pas les pop-ups / do not watch for pop-ups.
        #[arg(long)]
        no_popups: bool,
    },
    /// Calibre le niveau de votre voix : lisez quelques phrases / calibrate your voice level:
    /// read a few sentences aloud.
    Calibrate {
        #[arg(long)]
        device: Option<String>,
        /// Durée de l'écoute / how long to listen.
        #[arg(long, default_value_t = 20.0)]
        seconds: f64,
    },
    /// Enregistre un pop-up vu, teste les règles, ou surveille les pop-ups, sans phrase de passe /
    /// log a pop-up, test the rules, or watch for pop-ups, no passphrase needed.
    Popup(cli::popup::PopupArgs),
    /// L'extension de navigateur (pop-ups des pages) / the browser extension (page pop-ups).
    Extension {
        #[arg(value_enum)]
        action: ExtensionAction,
    },
    /// Marque le début ou la fin d'un appel, sans phrase de passe / mark a call's start or end.
    Call {
        #[arg(value_enum)]
        action: cli::workload::CallAction,
    },
    /// Bilan de fin de service (NASA-TLX, moins d'une minute), sans phrase de passe /
    /// end-of-shift self-report, no passphrase needed.
    #[command(name = "fin-de-service", alias = "end-of-shift")]
    FinDeService(cli::workload::SelfReportArgs),
    /// Exporte une période, signée, pour le CSE ou le médecin du travail (phrase de passe) /
    /// export a signed period for the works council or occupational doctor (asks the passphrase).
    Export(cli::evidence::ExportArgs),
    /// Point de contrôle signé du journal, à remettre à un représentant (phrase de passe) /
    /// a signed checkpoint of the log to hand to a representative (asks the passphrase).
    Checkpoint {
        /// Écrire aussi la ligne dans ce fichier / also write the line to this file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Vérifie un export : qui l'a signé, quelle période, intact ou non (0 intact, 1 non, 2 illisible) /
    /// verify an export: who signed, what period, intact or not (0 intact, 1 not, 2 unreadable).
    Verify {
        file: PathBuf,
        /// Un point de contrôle remis avant (la ligne, ou un fichier qui la contient) /
        /// a checkpoint given earlier (the line, or a file holding it).
        #[arg(long)]
        checkpoint: Vec<String>,
    },
    /// Relevé lisible (HTML, à imprimer en PDF) d'une période (phrase de passe) /
    /// a readable report (HTML, prints to PDF) of a period (asks the passphrase).
    Report(cli::evidence::ReportArgs),
    /// Relevé collectif du CSE à partir des exports de plusieurs personnes /
    /// the works council's collective report from several people's exports.
    Aggregate(cli::evidence::AggregateArgs),
    /// Corrige le début et/ou la fin du service d'un jour, sans phrase de passe /
    /// correct the start and/or end of a day's shift, no passphrase needed.
    #[command(name = "corriger-service", alias = "correct-shift")]
    CorrigerService(cli::workload::ShiftArgs),
    /// Charge de travail : appels, récupération, occupation, suites sans pause (phrase de passe) /
    /// workload indicators (asks the passphrase).
    Workload {
        #[arg(long)]
        json: bool,
    },
    /// Mesure la voix dans un enregistrement WAV / measure the voice in a WAV recording.
    Analyze {
        file: PathBuf,
        /// Sortie JSON (interface documentée) / JSON output (documented interface).
        #[arg(long)]
        json: bool,
        /// Niveau calibré de votre voix en dBFS : les voix plus faibles sont écartées /
        /// your calibrated voice level in dBFS: quieter voices are set aside.
        #[arg(long, allow_hyphen_values = true)]
        own_level: Option<f64>,
        /// Ne pas transcrire (PC faible, ou pour chronométrer le reste) / do not transcribe.
        #[arg(long)]
        no_words: bool,
        /// Affiche aussi le texte transcrit, pour vérifier ; il n'est jamais enregistré /
        /// also print the transcript, to check it; it is never stored.
        #[arg(long, conflicts_with = "no_words")]
        transcript: bool,
        /// Langue parlée / spoken language.
        #[arg(long, value_enum)]
        speech_lang: Option<SpokenLanguage>,
    },
}

fn main() -> ExitCode {
    // SAFETY: first thing in main, before any thread exists. ONNX Runtime's PyPI build records
    // usage telemetry for Microsoft at load unless this is set; nothing may leave the machine.
    unsafe { std::env::set_var("ORT_DISABLE_TELEMETRY", "1") };
    // A closed pipe (`temoin checkpoint | head`) is a normal end, not a panic.
    // SAFETY: restoring the default disposition of one signal, before any thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    // A browser starts `temoin` as the extension's native-messaging host, with its own arguments.
    if temoin::popups::extension::started_by_browser(&std::env::args_os().collect::<Vec<_>>()) {
        return cli::extension::host();
    }
    let mut cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(|| {
        Settings::default_path()
            .and_then(|p| Settings::load(&p).ok())
            .and_then(|s| s.lang)
            .unwrap_or_default()
    });
    cli.lang = Some(lang);
    match try_main(cli) {
        Ok(code) => code,
        Err(e) => {
            let text = if let Some(v) = e.downcast_ref::<VaultError>() {
                messages::vault_error(v, lang)
            } else if let Some(p) = e.downcast_ref::<PipelineError>() {
                messages::pipeline_error(p, lang)
            } else if let Some(p) = e.downcast_ref::<StartError>() {
                messages::start_error(p, lang)
            } else if let Some(x) = e.downcast_ref::<ExplainedError>() {
                x.0.clone()
            } else {
                format!("{e:#}")
            };
            eprintln!("temoin : {text}");
            ExitCode::from(2)
        }
    }
}

#[derive(Debug)]
struct ExplainedError(String);
impl std::fmt::Display for ExplainedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ExplainedError {}

fn explained(s: impl Into<String>) -> anyhow::Error {
    anyhow!(ExplainedError(s.into()))
}

fn try_main(cli: Cli) -> anyhow::Result<ExitCode> {
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
        Command::Gui { no_listen, vue } => cli::gui::gui(&vault()?, no_listen, vue.into(), lang),
        Command::Init => init(&vault()?, lang),
        Command::Note { text } => note(&vault()?, &text, lang),
        Command::Events { json, from, to } => events(&vault()?, json, from, to, lang),
        Command::Check { full, checkpoint } => {
            cli::vault::check(&vault()?, full, &checkpoint, lang)
        }
        Command::Passwd => passwd(&vault()?, lang),
        Command::Recover => recover(&vault()?, lang),
        Command::Analyze {
            file,
            json,
            own_level,
            no_words,
            transcript,
            speech_lang,
        } => analyze(
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
        } => listen(
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
        Command::Calibrate { device, seconds } => calibrate(device, seconds, lang),
        Command::Popup(args) => cli::popup::run(vault, args, lang),
        Command::Extension {
            action: ExtensionAction::Install,
        } => cli::extension::install(lang),
        Command::Call { action } => cli::workload::call(&vault()?, action, lang),
        Command::FinDeService(args) => cli::workload::self_report(&vault()?, args, lang),
        Command::Export(args) => cli::evidence::export(&vault()?, args, lang),
        Command::Checkpoint { out } => cli::evidence::checkpoint(&vault()?, out, lang),
        Command::Verify { file, checkpoint } => cli::evidence::verify(&file, &checkpoint, lang),
        Command::Report(args) => cli::evidence::report(&vault()?, args, lang),
        Command::Aggregate(args) => cli::evidence::aggregate(args, lang),
        Command::CorrigerService(args) => cli::workload::correct_shift(&vault()?, args, lang),
        Command::Workload { json } => cli::workload::workload(&vault()?, json, lang),
    }
}

/// A secret from the environment (scripts, tests) or typed at a hidden prompt.
fn secret(env: &str, prompt: &str, lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(v) = std::env::var(env) {
        return Ok(Zeroizing::new(v));
    }
    if !std::io::stdin().is_terminal() {
        return Err(explained(format!(
            "{} {env}.",
            temoin::i18n::s(lang, "cli-no-terminal-to-type-it-in")
        )));
    }
    Ok(Zeroizing::new(
        rpassword::prompt_password(format!("{prompt} : ")).context("prompt")?,
    ))
}

/// The vault's passphrase, from TEMOIN_PASSPHRASE or typed at the terminal.
pub(crate) fn passphrase(lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    secret(
        "TEMOIN_PASSPHRASE",
        temoin::i18n::s(lang, "gui-passphrase"),
        lang,
    )
}

/// Every readable event of the vault, after asking its passphrase (rows that cannot be read are
/// left to `temoin check` and `temoin events`, which name them).
pub(crate) fn readable_events(path: &std::path::Path, lang: Lang) -> anyhow::Result<Vec<Event>> {
    let vault = Vault::open(path)?;
    let pass = passphrase(lang)?;
    Ok(vault
        .unlock(&pass)?
        .events()?
        .into_iter()
        .filter_map(|r| r.event.ok())
        .collect())
}

/// A new passphrase, typed twice unless it comes from the environment.
fn new_secret(env: &str, lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(v) = std::env::var(env) {
        return Ok(Zeroizing::new(v));
    }
    let first = secret(env, temoin::i18n::s(lang, "gui-new-passphrase"), lang)?;
    let again = secret(env, temoin::i18n::s(lang, "gui-the-same-again"), lang)?;
    if *first != *again {
        return Err(explained(temoin::i18n::s(
            lang,
            "cli-the-two-entries-differ-nothing-was",
        )));
    }
    Ok(first)
}

fn show_recovery_code(code: &RecoveryCode, lang: Lang) {
    println!(
        "{}\n\n    {}\n\n{}",
        temoin::i18n::s(lang, "cli-recovery-code-shown-only-once"),
        code.as_str(),
        temoin::i18n::s(lang, "cli-write-it-on-paper-and-keep")
    );
}

/// The top-level entry point for `temoin init`.
fn init(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
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
fn note(path: &std::path::Path, text: &str, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let seq = vault.append(&Event::now(EventKind::Note {
        text: text.to_string(),
    }))?;
    println!("{} {seq}).", temoin::i18n::s(lang, "cli-note-recorded-no"));
    Ok(ExitCode::SUCCESS)
}

fn in_range(e: &Event, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let day = e.at.date_naive();
    from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
}

/// The top-level entry point for `temoin events`.
fn events(
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
fn passwd(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
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
fn recover(path: &std::path::Path, lang: Lang) -> anyhow::Result<ExitCode> {
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

struct AnalyzeArgs {
    json: bool,
    own_level: Option<f64>,
    words: bool,
    transcript: bool,
    speech_lang: Option<SpokenLanguage>,
}

/// The top-level entry point for `temoin analyze`.
fn analyze(file: &std::path::Path, args: AnalyzeArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let audio = temoin::capture::read_wav(file).map_err(PipelineError::from)?;
    let mut transcriber = optional_transcriber(args.words, args.speech_lang, lang);
    let words = transcriber.as_mut().map(|t| pipeline::WordsOptions {
        transcriber: t,
        keep_text: args.transcript,
    });
    let analysis = pipeline::analyze_with(&audio, args.own_level, words)?;
    let json = args.json;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &analysis)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
    } else {
        messages::write_analysis(&mut out, &analysis, lang)
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The transcriber when words are wanted and the model loads. Without a usable speech model the
/// voice is still measured; the reason is said once.
pub(crate) fn optional_transcriber(
    wanted: bool,
    speech_lang: Option<SpokenLanguage>,
    lang: Lang,
) -> Option<Transcriber> {
    if !wanted {
        return None;
    }
    load_transcriber(speech_lang)
        .map_err(|e| eprintln!("temoin : {}", messages::speech_error(&e, lang)))
        .ok()
}

/// The worker's speech model and lexicon, for the language chosen here or in the settings.
fn load_transcriber(speech_lang: Option<SpokenLanguage>) -> Result<Transcriber, SpeechError> {
    let saved = Settings::default_path()
        .and_then(|p| Settings::load(&p).ok())
        .unwrap_or_default();
    let language = speech_lang
        .or(saved.speech_lang)
        .unwrap_or(SpokenLanguage::Fr);
    let lexicon = Lexicon::load(Lexicon::user_path().as_deref())?;
    Transcriber::load(&Transcriber::model()?, language, lexicon)
}

/// The top-level entry point for `temoin listen`: the live pipeline, headless.
struct ListenArgs {
    device: Option<String>,
    list: bool,
    own_level: Option<f64>,
    seconds: Option<f64>,
    baseline: bool,
    words: bool,
    popups: bool,
}

fn listen(vault: &std::path::Path, args: ListenArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let ListenArgs {
        device,
        list,
        own_level,
        seconds,
        baseline,
        words,
        popups,
    } = args;
    if list {
        for name in temoin::capture::live::input_devices() {
            println!("{name}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    // What was calibrated and chosen before applies unless the command line says otherwise.
    let saved = match settings_path(lang)
        .and_then(|p| Settings::load(&p).map_err(|e| explained(e.to_string())))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "temoin : {e} — {}",
                temoin::i18n::s(lang, "cli-settings-ignored-run-temoin-calibrate-to")
            );
            Settings::default()
        }
    };
    let baseline_seed = if baseline {
        let pass = passphrase(lang)?;
        let opened = Vault::open(vault)?;
        let unlocked = opened.unlock(&pass)?;
        // The keys go out of scope (zeroized) as soon as the measurements are read.
        let seed = temoin::pipeline::live::recent_measures(&unlocked, 14)?;
        eprintln!(
            "{} {} {}",
            temoin::i18n::s(lang, "cli-baseline-resumed"),
            seed.len(),
            temoin::i18n::s(lang, "cli-segments-from-the-last-14-days")
        );
        seed
    } else {
        Vec::new()
    };
    let transcriber = optional_transcriber(words, saved.speech_lang, lang);
    let monitor = Monitor::start_with(
        vault,
        LiveSettings {
            device: device.or(saved.device),
            own_level_db: own_level.or(saved.own_level_db),
            baseline_seed,
            calls: saved.calls,
            ..Default::default()
        },
        Extras {
            transcriber,
            popups: popups.then(|| cli::popup::rules_file(lang)),
        },
    )?;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, std::sync::atomic::Ordering::SeqCst));
    }
    eprintln!(
        "{}",
        temoin::i18n::s(lang, "cli-listening-only-measurements-of-your-voice")
    );
    let deadline =
        seconds.map(|s| std::time::Instant::now() + std::time::Duration::from_secs_f64(s));
    let mut popups_stored = 0u64;
    while !stop.load(std::sync::atomic::Ordering::SeqCst)
        && deadline.is_none_or(|d| std::time::Instant::now() < d)
    {
        crossbeam_channel::select! {
            recv(monitor.changes()) -> s => if let Ok(status) = s {
                eprintln!("{}", messages::monitor_status(&status, lang));
            },
            recv(monitor.popup_notices()) -> n => if let Ok(n) = n {
                cli::popup::show_notice(n, &mut popups_stored, lang);
            },
            default(std::time::Duration::from_millis(200)) => {}
        }
    }
    let counters = monitor.counters.clone();
    let notices = monitor.popup_notices().clone();
    monitor.stop();
    while let Ok(n) = notices.try_recv() {
        cli::popup::show_notice(n, &mut popups_stored, lang);
    }
    if popups {
        println!(
            "{}",
            temoin::t!(lang, "cli-popups-recorded", "count" => popups_stored)
        );
    }
    use std::sync::atomic::Ordering::Relaxed;
    let lost = counters.events_waiting.load(Relaxed);
    if lost > 0 {
        eprintln!(
            "temoin : {lost} {}",
            temoin::i18n::s(lang, "cli-measurements-could-not-be-stored-the")
        );
    }
    println!(
        "{}",
        temoin::t!(lang, "cli-listen-summary",
            "segments" => counters.segments.load(Relaxed),
            "set_aside" => counters.set_aside.load(Relaxed),
            "episodes" => counters.episodes.load(Relaxed),
            "dropped" => counters.dropped_chunks.load(Relaxed))
    );
    let skipped = counters.words_skipped.load(Relaxed);
    if skipped > 0 {
        eprintln!(
            "{}",
            temoin::t!(lang, "cli-words-skipped", "count" => skipped)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn settings_path(lang: Lang) -> anyhow::Result<std::path::PathBuf> {
    Settings::default_path().ok_or_else(|| {
        explained(temoin::i18n::s(
            lang,
            "cli-cannot-find-the-configuration-folder-give",
        ))
    })
}

/// The top-level entry point for `temoin calibrate`.
fn calibrate(device: Option<String>, seconds: f64, lang: Lang) -> anyhow::Result<ExitCode> {
    let path = settings_path(lang)?;
    let mut settings = Settings::load(&path).map_err(|e| explained(e.to_string()))?;
    eprintln!(
        "{} {seconds:.0} s{}",
        temoin::i18n::s(lang, "cli-read-a-few-sentences-in-your"),
        temoin::i18n::s(lang, "cli-nothing-is-recorded-only-your-level")
    );
    let device = device.or(settings.device.clone());
    let cal = temoin::pipeline::live::calibrate(device.as_deref(), seconds)?;
    let Some(level) = cal.level_db else {
        return Err(explained(temoin::i18n::s(
            lang,
            "cli-no-speech-heard-check-the-microphone",
        )));
    };
    settings.own_level_db = Some(level);
    settings.save(&path).map_err(|e| explained(e.to_string()))?;
    println!(
        "{} {level:.1} dBFS ({} {}). {}",
        temoin::i18n::s(lang, "cli-your-voice-level"),
        cal.segments,
        temoin::i18n::s(lang, "messages-segments"),
        temoin::i18n::s(lang, "cli-voices-10-db-quieter-colleagues-the")
    );
    Ok(ExitCode::SUCCESS)
}
