//! `temoin popup`: log a pop-up by hand, test the rules on a text, or watch for pop-ups (none of
//! these needs the passphrase); list them, or give one its category (these read the vault).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use temoin::events::{Event, EventKind, PopupCategory, PopupSource};
use temoin::messages::{self, Lang};
use temoin::pipeline::watch::{Notice, Watch};
use temoin::popups::{Detection, Outcome, Recorder, Rules, RulesFile, classify};
use temoin::vault::Vault;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PopupArgs {
    /// Le texte vu (facultatif : la catégorie suffit) ; « - » le lit sur l'entrée standard, hors
    /// de la ligne de commande / the text seen (optional); "-" reads it from standard input.
    text: Option<String>,
    /// Catégorie / category: pace_faster, pace_slower, thanks, apology, empathy, silence,
    /// overtalk, hold, script, score, customer_sentiment, other.
    #[arg(long)]
    category: Option<String>,
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
    /// Donne sa catégorie à un pop-up (son n°, affiché à l'enregistrement et par « popup list »,
    /// ou son heure) ; demande la phrase de passe / give a pop-up its category (its number, or
    /// its time); asks the passphrase.
    #[command(alias = "categorise")]
    Classer {
        /// N° du pop-up (14), ou son heure : HH:MM:SS aujourd'hui, ou AAAA-MM-JJTHH:MM:SS+01:00 /
        /// the pop-up's number, or its time: HH:MM:SS today, or RFC 3339.
        which: String,
        /// Catégorie, par son nom (« remerciements ») ou son identifiant (thanks) /
        /// category, by name or id.
        category: String,
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

/// A category by its id (`thanks`) or its name in either language (« remerciements »,
/// « empathie », "thanks"), accents and case aside.
fn parse_category(s: &str, lang: Lang) -> anyhow::Result<PopupCategory> {
    let plain = |t: &str| temoin::phrases::normalise(t).words.join(" ");
    let wanted = plain(s);
    let found = PopupCategory::ALL.into_iter().find(|c| {
        s.trim().to_lowercase() == c.key()
            || [Lang::Fr, Lang::En].into_iter().any(|lang| {
                let name = messages::category_label(*c, lang);
                plain(name) == wanted || name.split(" / ").any(|part| plain(part) == wanted)
            })
    });
    found.ok_or_else(|| {
        let choices: Vec<String> = PopupCategory::ALL
            .iter()
            .map(|c| format!("  {} ({})", messages::category_label(*c, lang), c.key()))
            .collect();
        crate::cli::common::explained(format!(
            "{}\n{}",
            temoin::t!(lang, "cli-popup-unknown-category", "name" => s),
            choices.join("\n")
        ))
    })
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
        Some(PopupAction::Classer { which, category }) => {
            let category = parse_category(&category, lang)?;
            categorise(&vault()?, &which, category, lang)
        }
        Some(PopupAction::List { json }) => list(&vault()?, json, lang),
        None => {
            let category = args
                .category
                .map(|c| parse_category(&c, lang))
                .transpose()?;
            record(&vault()?, args.text, category, lang)
        }
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
    // « - »: the text comes on standard input, out of the command line.
    let text = match text {
        Some(t) if t == "-" => Some(crate::cli::common::text_from_stdin(
            lang,
            "cli-popup-prompt",
        )?),
        other => other,
    };
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
            "{} temoin popup classer {seq} <{}>",
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

/// The worker's pop-ups with their numbers in the vault, in order (asks the passphrase).
fn numbered_popups(path: &Path, lang: Lang) -> anyhow::Result<(Vec<Event>, Vec<u64>)> {
    let vault = Vault::open(path)?;
    let pass = crate::cli::common::passphrase(lang)?;
    let rows = vault.unlock(&pass)?.events()?;
    let mut events = Vec::with_capacity(rows.len());
    let mut numbers = Vec::new();
    for r in rows {
        if let Ok(e) = r.event {
            if matches!(e.kind, EventKind::PopupSeen(_)) {
                numbers.push(r.seq);
            }
            events.push(e);
        }
    }
    Ok((events, numbers))
}

/// Categorises exactly one pop-up, named by its number or its time; refuses, saying why and
/// listing the candidates, when none or several match.
fn categorise(
    path: &Path,
    which: &str,
    category: PopupCategory,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (events, numbers) = numbered_popups(path, lang)?;
    let popups: Vec<(u64, &Event)> = numbers
        .iter()
        .copied()
        .zip(
            events
                .iter()
                .filter(|e| matches!(e.kind, EventKind::PopupSeen(_))),
        )
        .collect();
    let which = which.trim().trim_start_matches("n°").trim();
    let matching: Vec<(u64, &Event)> = if let Ok(n) = which.parse::<u64>() {
        popups.into_iter().filter(|(seq, _)| *seq == n).collect()
    } else if let Some(at) = parse_at(which) {
        popups
            .into_iter()
            .filter(|(_, e)| e.at.timestamp() == at.timestamp())
            .collect()
    } else {
        return Err(crate::cli::common::explained(format!(
            "« {which} » : {}",
            temoin::i18n::s(lang, "cli-popup-unreadable-time-write-it-as-shown")
        )));
    };
    let line = |(seq, e): &(u64, &Event)| {
        format!(
            "  n° {seq}  {}  {}",
            e.at.with_timezone(&chrono::Local).format("%H:%M:%S"),
            messages::event_details(&e.kind, lang)
        )
    };
    match &matching[..] {
        [] => Err(crate::cli::common::explained(
            temoin::t!(lang, "cli-popup-classer-none", "which" => which),
        )),
        [(seq, popup)] => {
            let mut vault = Vault::open(path)?;
            let event = Event::now(EventKind::PopupCategorised {
                popup_at: popup.at,
                category,
            });
            vault.append(&event)?;
            println!(
                "{}",
                temoin::t!(lang, "cli-popup-classer-done",
                    "number" => *seq,
                    "category" => messages::category_label(category, lang))
            );
            Ok(ExitCode::SUCCESS)
        }
        several => {
            let lines: Vec<String> = several.iter().map(line).collect();
            Err(crate::cli::common::explained(format!(
                "{}\n{}",
                temoin::t!(lang, "cli-popup-classer-several",
                    "which" => which, "count" => several.len()),
                lines.join("\n")
            )))
        }
    }
}

fn list(path: &Path, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let (events, numbers) = numbered_popups(path, lang)?;
    let reviewed = temoin::evidence::popups::review(&events);
    if json {
        let numbered: Vec<serde_json::Value> = reviewed
            .iter()
            .zip(&numbers)
            .map(|(r, n)| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["number"] = (*n).into();
                v
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&numbered)?);
        return Ok(ExitCode::SUCCESS);
    }
    for (r, n) in reviewed.iter().zip(&numbers) {
        println!(
            "n° {n:<5} {}  {}",
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
