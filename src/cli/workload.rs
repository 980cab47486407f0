//! `temoin call start|end`, `temoin fin-de-service` and `temoin workload`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::Local;
use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveTime, TimeZone};
use clap::{Args, ValueEnum};

use temoin::events::{CallEnded, Event, EventKind, MarkSource, ShiftCorrection};
use temoin::messages::{self, Lang};
use temoin::selfreport::{self, Scale};
use temoin::vault::Vault;

#[derive(clap::Subcommand)]
pub enum CallsAction {
    /// Les applications qui jouent ou enregistrent du son maintenant, et le softphone choisi /
    /// the applications playing or recording sound now, and the softphone chosen.
    Sources {
        /// Choisit le softphone (son nom tel qu'il est listé) / choose the softphone.
        #[arg(long)]
        choose: Option<String>,
        /// Revient aux appels trouvés dans la parole / back to calls found in speech.
        #[arg(long, conflicts_with = "choose")]
        none: bool,
    },
}

/// `temoin calls sources`: what the sound server lists (metadata only), the softphone chosen.
pub fn calls(action: CallsAction, lang: Lang) -> anyhow::Result<ExitCode> {
    let CallsAction::Sources { choose, none } = action;
    let mut settings = crate::cli::common::settings(lang);
    if choose.is_some() || none {
        settings.softphone = choose
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        crate::cli::common::save_settings(&settings, lang)?;
    }
    #[cfg(target_os = "linux")]
    match temoin::capture::live::streams::list() {
        None => println!("{}", temoin::i18n::s(lang, "calls-no-sound-server")),
        Some(list) if list.is_empty() => {
            println!("{}", temoin::i18n::s(lang, "calls-no-stream"))
        }
        Some(list) => {
            println!("{}", temoin::i18n::s(lang, "calls-streams-now"));
            for s in &list {
                let chosen = settings.softphone.as_deref().is_some_and(|c| s.is(c));
                println!(
                    "{}",
                    temoin::t!(lang, "calls-stream-line",
                        "app" => &s.app,
                        "binary" => s.binary.clone().unwrap_or_else(|| "none".into()),
                        "playback" => if s.playback { "yes" } else { "no" },
                        "running" => if s.running { "yes" } else { "no" },
                        "chosen" => if chosen { "yes" } else { "no" })
                );
            }
        }
    }
    println!(
        "{}",
        match &settings.softphone {
            Some(app) => temoin::t!(lang, "calls-softphone-chosen", "app" => app),
            None => temoin::i18n::s(lang, "calls-softphone-none").to_string(),
        }
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CallAction {
    /// Début d'appel / call started.
    Start,
    /// Fin d'appel / call ended.
    End,
}

/// Marks a call's start or end by hand (merged with the calls found in the worker's speech).
pub fn call(path: &Path, action: CallAction, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(path)?;
    let kind = match action {
        CallAction::Start => EventKind::CallStarted {
            source: MarkSource::Manual,
        },
        CallAction::End => EventKind::CallEnded(CallEnded {
            source: MarkSource::Manual,
            handle_s: 0.0,
            talk_s: 0.0,
            worker_share: None,
            popups: 0,
            closed_at_quit: false,
        }),
    };
    let event = Event::now(kind);
    let seq = vault.append(&event)?;
    println!(
        "{} (n° {seq}) {} {}.",
        messages::kind_label(&event.kind, lang),
        temoin::i18n::s(lang, "cli-workload-at"),
        event.at.format("%H:%M:%S")
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct SelfReportArgs {
    /// Exigence mentale / mental demand (0–100).
    #[arg(long, value_parser = value)]
    mental: Option<u8>,
    /// Exigence physique / physical demand.
    #[arg(long, value_parser = value)]
    physical: Option<u8>,
    /// Pression du temps / temporal demand.
    #[arg(long, value_parser = value)]
    temporal: Option<u8>,
    /// Réussite (0 = parfaitement) / performance (0 = perfect).
    #[arg(long, value_parser = value)]
    performance: Option<u8>,
    /// Effort.
    #[arg(long, value_parser = value)]
    effort: Option<u8>,
    /// Frustration.
    #[arg(long, value_parser = value)]
    frustration: Option<u8>,
    /// Une note libre / a free note.
    #[arg(long)]
    note: Option<String>,
}

fn value(s: &str) -> Result<u8, selfreport::SelfReportError> {
    selfreport::parse_value(s)
}

/// The end-of-shift self-report: from the options, or asked one scale at a time. An empty answer
/// cancels: nothing is stored.
pub fn self_report(path: &Path, args: SelfReportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let given = [
        args.mental,
        args.physical,
        args.temporal,
        args.performance,
        args.effort,
        args.frustration,
    ];
    let mut vault = Vault::open(path)?;
    vault.writable()?;
    // Scales given as options: those left out are not answered (never a 0 the worker did not
    // give).
    let (values, note) = if given.iter().any(Option::is_some) {
        // « - »: the note comes on standard input, out of the command line.
        let note = match args.note {
            Some(n) if n == "-" => Some(crate::cli::common::text_from_stdin(
                lang,
                "cli-note-prompt",
            )?),
            other => other,
        };
        (given, note)
    } else {
        match ask(lang)? {
            Some(answers) => answers,
            None => {
                println!(
                    "{}",
                    temoin::i18n::s(lang, "cli-workload-report-cancelled-nothing-is-stored")
                );
                return Ok(ExitCode::SUCCESS);
            }
        }
    };
    let report = selfreport::build(values, note.as_deref());
    let seq = vault.append(&Event::now(EventKind::SelfReport(report)))?;
    println!(
        "{} {seq}). {}",
        temoin::i18n::s(lang, "cli-workload-report-recorded-no"),
        temoin::i18n::s(lang, "cli-workload-thank-you-and-have-a-good")
    );
    Ok(ExitCode::SUCCESS)
}

/// Asks the six scales and the note on the terminal (or reads answers piped in).
/// The six answers (`None` where not answered) and the note.
type Answers = ([Option<u8>; 6], Option<String>);

fn ask(lang: Lang) -> anyhow::Result<Option<Answers>> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    let mut out = std::io::stdout();
    writeln!(
        out,
        "{}",
        temoin::i18n::s(lang, "cli-workload-end-of-shift-report-under-a")
    )?;
    let mut values = [None; 6];
    for (k, scale) in Scale::ALL.iter().enumerate() {
        let [name, question, low, high] = messages::tlx_question(*scale, lang);
        loop {
            write!(out, "{name} — {question} [0 = {low}, 100 = {high}] : ")?;
            out.flush()?;
            let Some(line) = lines.next().transpose()? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                return Ok(None);
            }
            match selfreport::parse_value(&line) {
                Ok(v) => {
                    values[k] = Some(v);
                    break;
                }
                Err(e) if interactive => {
                    writeln!(out, "{}", temoin::messages::self_report_error(&e, lang))?
                }
                Err(e) => {
                    return Err(crate::cli::common::explained(
                        temoin::messages::self_report_error(&e, lang),
                    ));
                }
            }
        }
    }
    write!(
        out,
        "{} ",
        temoin::i18n::s(lang, "cli-workload-a-note-optional")
    )?;
    out.flush()?;
    let note = lines.next().transpose()?.filter(|n| !n.trim().is_empty());
    Ok(Some((values, note)))
}

#[derive(Args)]
pub struct ShiftArgs {
    /// Le jour où le service a commencé / the day the shift started (AAAA-MM-JJ).
    #[arg(value_parser = crate::cli::help::date)]
    date: NaiveDate,
    /// Heure de début / start time (HH:MM).
    #[arg(long, alias = "start", value_parser = clock)]
    debut: Option<NaiveTime>,
    /// Heure de fin / end time (HH:MM; earlier than the start: the next day).
    #[arg(long, alias = "end", value_parser = clock)]
    fin: Option<NaiveTime>,
}

fn clock(s: &str) -> Result<NaiveTime, crate::cli::help::ValueError> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .map_err(|_| crate::cli::help::ValueError::Time)
}

/// The wall time on that day where it exists (the first of two in the autumn DST overlap; in
/// the spring gap, the instant an hour later).
fn local(date: NaiveDate, time: NaiveTime) -> DateTime<FixedOffset> {
    let naive = date.and_time(time);
    match Local.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.fixed_offset(),
        LocalResult::None => Local
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| naive.and_utc().fixed_offset(), |t| t.fixed_offset()),
    }
}

/// Records the worker's own start and end of a shift (applied by `temoin workload`).
pub fn correct_shift(path: &Path, args: ShiftArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    if args.debut.is_none() && args.fin.is_none() {
        return Err(crate::cli::common::explained(temoin::i18n::s(
            lang,
            "cli-workload-give-start-hh-mm-end-hh",
        )));
    }
    let start = args.debut.map(|t| local(args.date, t));
    let end = args.fin.map(|t| {
        let next = args.debut.is_some_and(|d| t <= d);
        local(args.date + chrono::Days::new(u64::from(next)), t)
    });
    let mut vault = Vault::open(path)?;
    let event = Event::now(EventKind::ShiftCorrected(ShiftCorrection {
        date: args.date,
        start,
        end,
    }));
    let seq = vault.append(&event)?;
    println!(
        "{} (n° {seq}) : {}.",
        messages::kind_label(&event.kind, lang),
        messages::event_details(&event.kind, lang)
    );
    Ok(ExitCode::SUCCESS)
}

/// The workload indicators, from the decrypted log.
pub fn workload(path: &Path, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let events = crate::cli::common::readable_events(path, lang)?;
    let settings = crate::cli::common::settings(lang);
    let w = temoin::workload::compute(&events, settings.workload);
    if json {
        println!("{}", serde_json::to_string_pretty(&w)?);
        return Ok(ExitCode::SUCCESS);
    }
    for line in messages::workload_figures(&w.total, lang) {
        println!("{line}");
    }
    for d in &w.days {
        println!();
        println!("{} :", d.date.format("%Y-%m-%d"));
        for s in w.shifts.iter().filter(|s| s.start.date_naive() == d.date) {
            println!(
                "  {} {} – {}",
                temoin::i18n::s(lang, "cli-workload-shift"),
                s.start.format("%H:%M"),
                s.end.format("%H:%M")
            );
        }
        for line in messages::workload_figures(&d.figures, lang) {
            println!("  {line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
