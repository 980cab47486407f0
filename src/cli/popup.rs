//! `temoin popup`: log a pop-up by hand, test the rules on a text, or watch for pop-ups.
//! None of these needs the passphrase.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use temoin::events::{EventKind, PopupCategory, PopupSource};
use temoin::messages::{self, Lang};
use temoin::pipeline::watch::{Notice, Watch};
use temoin::popups::{Detection, Outcome, Recorder, Rules, RulesFile, classify};
use temoin::vault::Vault;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PopupArgs {
    /// Le texte vu (facultatif : la catégorie suffit) / the text seen (optional).
    text: Option<String>,
    /// Catégorie / category: pace_faster, pace_slower, thanks, apology, empathy, silence,
    /// overtalk, hold, script, score, customer_sentiment, other.
    #[arg(long, value_parser = parse_category)]
    category: Option<PopupCategory>,
    #[command(subcommand)]
    action: Option<PopupAction>,
}

#[derive(Subcommand)]
enum PopupAction {
    /// Montre comment un texte serait classé / show how a text would be classified.
    Rules {
        /// Le texte à tester / the text to test.
        #[arg(long)]
        test: Option<String>,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
        /// Affiche les règles livrées, à copier et modifier / print the shipped rules.
        #[arg(long, conflicts_with = "test")]
        show_default: bool,
    },
    /// Donne la catégorie d'un pop-up noté sans (heure affichée à l'enregistrement) /
    /// give the category of a pop-up logged without one (the time shown when it was logged).
    #[command(alias = "categorise")]
    Classer {
        /// Heure du pop-up : HH:MM:SS aujourd'hui, ou AAAA-MM-JJTHH:MM:SS+01:00 /
        /// the pop-up's time: HH:MM:SS today, or RFC 3339.
        at: String,
        #[arg(value_parser = parse_category)]
        category: PopupCategory,
    },
    /// Liste vos pop-ups avec le verdict de la mesure (demande la phrase de passe) /
    /// list your pop-ups with the measurement's verdict (asks the passphrase).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Surveille les pop-ups (fenêtres, notifications, raccourci) sans écouter le micro /
    /// watch for pop-ups without listening to the microphone.
    Watch {
        /// S'arrête après ce nombre de secondes / stop after this many seconds.
        #[arg(long)]
        seconds: Option<f64>,
    },
}

fn parse_category(s: &str) -> Result<PopupCategory, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_lowercase()))
        .map_err(|_| format!("« {s} » : catégorie inconnue / unknown category"))
}

/// The worker's rules, or the shipped ones (with a warning) when theirs cannot be used.
/// The pop-up rules in force, with the worker's choices from the settings applied.
pub fn rules_file(lang: Lang) -> RulesFile {
    let file = match RulesFile::open(Rules::user_path()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "temoin : {} {}",
                messages::rules_error(&e, lang),
                temoin::i18n::s(lang, "cli-popup-shipped-rules-used")
            );
            RulesFile::open(None).expect("shipped rules are valid")
        }
    };
    let settings = crate::cli::common::settings(lang);
    let file = if settings.popups_manual_only {
        file.manual_only()
    } else {
        file
    };
    match settings.pages {
        temoin::settings::PagePopups::On => file,
        temoin::settings::PagePopups::Off => file.without_pages(),
    }
}

pub fn run(
    vault: impl FnOnce() -> anyhow::Result<std::path::PathBuf>,
    args: PopupArgs,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    match args.action {
        Some(PopupAction::Rules {
            test,
            json,
            show_default,
        }) => rules(test, json, show_default, lang),
        Some(PopupAction::Watch { seconds }) => watch(&vault()?, seconds, lang),
        Some(PopupAction::Classer { at, category }) => categorise(&vault()?, &at, category, lang),
        Some(PopupAction::List { json }) => list(&vault()?, json, lang),
        None => record(&vault()?, args.text, args.category, lang),
    }
}

fn record(
    path: &Path,
    text: Option<String>,
    category: Option<PopupCategory>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let mut recorder = Recorder::new(rules_file(lang));
    let mut d = Detection::new(PopupSource::Manual);
    d.title = text.filter(|t| !t.trim().is_empty());
    d.category = category;
    let Outcome::Store(event) = recorder.record(&d) else {
        unreachable!("manual pop-ups are always recorded")
    };
    let seq = vault.append(&event)?;
    let event = *event;
    let time = event.at.format("%H:%M:%S");
    println!(
        "{} {seq}) {} {time} : {}",
        temoin::i18n::s(lang, "cli-popup-pop-up-recorded-no"),
        temoin::i18n::s(lang, "cli-workload-at"),
        messages::event_details(&event.kind, lang)
    );
    if let EventKind::PopupSeen(p) = &event.kind
        && p.category.is_none()
    {
        println!(
            "{} temoin popup classer {time} <{}>",
            temoin::i18n::s(lang, "cli-popup-no-category-add-it-when-you"),
            temoin::i18n::s(lang, "cli-popup-category")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// "14:03:27" (today, local time) or a full RFC 3339 instant.
fn parse_at(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    use chrono::TimeZone;
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t);
    }
    let time = chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M:%S").ok()?;
    let today = chrono::Local::now().date_naive().and_time(time);
    chrono::Local
        .from_local_datetime(&today)
        .earliest()
        .map(|t| t.fixed_offset())
}

fn categorise(
    path: &Path,
    at: &str,
    category: PopupCategory,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let Some(popup_at) = parse_at(at) else {
        return Err(crate::cli::common::explained(format!(
            "« {at} » : {}",
            temoin::i18n::s(lang, "cli-popup-unreadable-time-write-it-as-shown")
        )));
    };
    let mut vault = Vault::open(path)?;
    let event = temoin::events::Event::now(EventKind::PopupCategorised { popup_at, category });
    let seq = vault.append(&event)?;
    println!(
        "{} {seq}) : {}",
        temoin::i18n::s(lang, "cli-popup-category-recorded-no"),
        messages::event_details(&event.kind, lang)
    );
    Ok(ExitCode::SUCCESS)
}

fn list(path: &Path, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let events = crate::cli::common::readable_events(path, lang)?;
    let reviewed = temoin::evidence::popups::review(&events);
    if json {
        println!("{}", serde_json::to_string_pretty(&reviewed)?);
        return Ok(ExitCode::SUCCESS);
    }
    for r in &reviewed {
        println!(
            "{}  {}",
            r.at.format("%Y-%m-%d %H:%M:%S"),
            messages::event_details(&EventKind::PopupSeen(r.popup.clone()), lang)
        );
    }
    let flagged = reviewed.iter().filter(|r| r.popup.emotion_flag).count();
    let contradicted = reviewed
        .iter()
        .filter(|r| r.popup.consistency == Some(temoin::events::Consistency::Contradicted))
        .count();
    println!(
        "{}",
        temoin::t!(lang, "cli-popup-list-summary",
            "popups" => reviewed.iter().map(|r| r.popup.count as usize).sum::<usize>(),
            "flagged" => flagged,
            "contradicted" => contradicted)
    );
    Ok(ExitCode::SUCCESS)
}

fn rules(
    test: Option<String>,
    json: bool,
    show_default: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    if show_default {
        print!("{}", Rules::default_text());
        return Ok(ExitCode::SUCCESS);
    }
    let file = match RulesFile::open(Rules::user_path()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("temoin : {}", messages::rules_error(&e, lang));
            return Ok(ExitCode::from(1));
        }
    };
    let Some(text) = test else {
        println!(
            "{} {}",
            temoin::i18n::s(lang, "cli-popup-rules-valid"),
            Rules::user_path().filter(|p| p.exists()).map_or_else(
                || temoin::i18n::s(lang, "cli-popup-shipped-rules").to_string(),
                |p| p.display().to_string()
            )
        );
        return Ok(ExitCode::SUCCESS);
    };
    let c = classify(file.rules(), &temoin::popups::mask::clean(&text));
    if json {
        println!("{}", serde_json::to_string_pretty(&c)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} {} ({})",
        temoin::i18n::s(lang, "cli-popup-category-2"),
        messages::category_label(c.category, lang),
        c.category.key()
    );
    println!(
        "{} {}",
        temoin::i18n::s(lang, "cli-popup-emotion-analysis"),
        if c.emotion_flag {
            temoin::i18n::s(lang, "cli-popup-yes-banned-at-work-in-the")
        } else {
            temoin::i18n::s(lang, "cli-popup-no")
        }
    );
    if !c.reason.is_empty() {
        let quoted: Vec<String> = c.reason.iter().map(|r| format!("« {r} »")).collect();
        println!(
            "{} {}",
            temoin::i18n::s(lang, "cli-popup-reasons"),
            quoted.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints what the pop-up watch says; counts the pop-ups stored.
pub fn show_notice(n: Notice, stored: &mut u64, lang: Lang) {
    match n {
        Notice::Source(r) => eprintln!("{}", messages::source_report(&r, lang)),
        Notice::Stored(s) => {
            let at = s.event.at.with_timezone(&chrono::Local).format("%H:%M:%S");
            let details = messages::event_details(&s.event.kind, lang);
            if matches!(s.event.kind, EventKind::PopupSeen(_)) {
                *stored += 1;
                println!("{at} {details}");
            } else {
                // The softphone's call marks.
                let label = messages::kind_label(&s.event.kind, lang);
                println!("{at} {label} {details}");
            }
        }
        Notice::RulesRefused(e) => eprintln!("temoin : {}", messages::rules_error(&e, lang)),
        Notice::VaultTrouble(e) => eprintln!("temoin : {}", messages::vault_trouble(&e, lang)),
    }
}

fn watch(path: &Path, seconds: Option<f64>, lang: Lang) -> anyhow::Result<ExitCode> {
    let watch = Watch::start(path, rules_file(lang))?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    eprintln!(
        "{}",
        temoin::i18n::s(lang, "cli-popup-watching-for-pop-ups-each-one")
    );
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs_f64(s));
    let mut stored = 0u64;
    let show = |n, stored: &mut u64| show_notice(n, stored, lang);
    while !stop.load(Ordering::SeqCst) && deadline.is_none_or(|d| Instant::now() < d) {
        if let Ok(n) = watch.notices().recv_timeout(Duration::from_millis(200)) {
            show(n, &mut stored);
        }
    }
    let notices = watch.notices().clone();
    watch.stop();
    while let Ok(n) = notices.try_recv() {
        show(n, &mut stored);
    }
    println!(
        "{}",
        temoin::t!(lang, "cli-popups-recorded", "count" => stored)
    );
    Ok(ExitCode::SUCCESS)
}
