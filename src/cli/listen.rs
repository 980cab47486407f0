//! `temoin analyze`, `listen` and `calibrate`: the voice, from a file or the microphone.

use std::io::Write;
use std::process::ExitCode;

use temoin::lang::Lang;
use temoin::messages;
use temoin::pipeline::live::{Extras, LiveSettings, Monitor};
use temoin::pipeline::{self, PipelineError};
use temoin::settings::Settings;
use temoin::speech::SpokenLanguage;
use temoin::vault::Vault;

use super::common::{explained, optional_transcriber, passphrase, settings_path};

pub(crate) struct AnalyzeArgs {
    pub(crate) json: bool,
    pub(crate) own_level: Option<f64>,
    pub(crate) words: bool,
    pub(crate) transcript: bool,
    pub(crate) speech_lang: Option<SpokenLanguage>,
}

/// The top-level entry point for `temoin analyze`.
pub(crate) fn analyze(
    file: &std::path::Path,
    args: AnalyzeArgs,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
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

/// The top-level entry point for `temoin listen`: the live pipeline, headless.
pub(crate) struct ListenArgs {
    pub(crate) device: Option<String>,
    pub(crate) list: bool,
    pub(crate) own_level: Option<f64>,
    pub(crate) seconds: Option<f64>,
    pub(crate) baseline: bool,
    pub(crate) words: bool,
    pub(crate) popups: bool,
}

pub(crate) fn listen(
    vault: &std::path::Path,
    args: ListenArgs,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
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
        // What to type after --device, then what it is.
        for d in temoin::capture::live::input_devices() {
            println!("{}\t{}", d.id, d.name);
        }
        return Ok(ExitCode::SUCCESS);
    }
    // What was calibrated and chosen before applies unless the command line says otherwise.
    let saved = crate::cli::common::settings(lang);
    let baseline_seed = if baseline {
        let pass = passphrase(lang)?;
        let opened = Vault::open(vault)?;
        let unlocked = opened.unlock(&pass)?;
        // The keys go out of scope (zeroized) as soon as the measurements are read.
        let seed = temoin::pipeline::live::recent_measures(&unlocked, 14)?;
        eprintln!(
            "{}",
            temoin::t!(lang, "cli-baseline-resumed", "count" => seed.len())
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
            softphone: saved.softphone.clone(),
            ..Default::default()
        },
        Extras {
            transcriber,
            popups: popups.then(|| super::popup::rules_file(lang)),
        },
    )?;
    // After each call and at the end: checkpoints to the witnesses the worker added (none: none).
    let witnesses = temoin::witness::client::Submitter::start(
        vault.to_path_buf(),
        saved.witnesses.clone(),
        Some(monitor.counters.clone()),
    );
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
    let mut last_status = None;
    while !stop.load(std::sync::atomic::Ordering::SeqCst)
        && deadline.is_none_or(|d| std::time::Instant::now() < d)
    {
        crossbeam_channel::select! {
            recv(monitor.changes()) -> s => if let Ok(status) = s {
                eprintln!("{}", messages::monitor_status(&status, lang));
                last_status = Some(status);
            },
            recv(monitor.popup_notices()) -> n => if let Ok(n) = n {
                super::popup::show_notice(n, &mut popups_stored, lang);
            },
            default(std::time::Duration::from_millis(200)) => {}
        }
    }
    let counters = monitor.counters.clone();
    let notices = monitor.popup_notices().clone();
    monitor.stop();
    if let Some(w) = witnesses {
        w.finish(std::time::Duration::from_secs(15));
    }
    while let Ok(n) = notices.try_recv() {
        super::popup::show_notice(n, &mut popups_stored, lang);
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
    let unsampled = counters.words_unsampled.load(Relaxed);
    if unsampled > 0 {
        eprintln!(
            "{}",
            temoin::t!(lang, "cli-words-unsampled",
                "count" => unsampled,
                "share" => temoin::pipeline::live::WORDS_SHARE * 100.0)
        );
    }
    let skipped = counters.words_skipped.load(Relaxed);
    if skipped > 0 {
        eprintln!(
            "{}",
            temoin::t!(lang, "cli-words-skipped", "count" => skipped)
        );
    }
    // A run that heard nothing measured nothing: said, with why, and not a success.
    if counters.heard_ms.load(Relaxed) == 0 {
        let why = match last_status {
            Some(temoin::pipeline::live::Status::NoDevice(p)) => messages::device_problem(&p, lang),
            _ => String::new(),
        };
        eprintln!(
            "temoin : {}\n{}",
            temoin::t!(lang, "cli-listen-nothing-heard", "why" => why),
            temoin::i18n::s(lang, "cli-listen-nothing-heard-exit")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The top-level entry point for `temoin calibrate`.
pub(crate) fn calibrate(
    device: Option<String>,
    seconds: f64,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let path = settings_path(lang)?;
    let mut settings =
        Settings::load(&path).map_err(|e| explained(messages::settings_error(&e, lang)))?;
    eprintln!(
        "{} {seconds:.0} s{}",
        temoin::i18n::s(lang, "cli-read-a-few-sentences-in-your"),
        temoin::i18n::s(lang, "cli-nothing-is-recorded-only-your-level")
    );
    // A microphone named here is the one calibrated, so the one listened to from now on.
    let chosen = device.is_some();
    let device = device.or(settings.device.clone());
    let cal = temoin::pipeline::live::calibrate(device.as_deref(), seconds)?;
    let Some(level) = cal.level_db else {
        return Err(explained(temoin::i18n::s(
            lang,
            "cli-no-speech-heard-check-the-microphone",
        )));
    };
    settings.own_level_db = Some(level);
    if chosen {
        settings.device = device;
    }
    settings
        .save(&path)
        .map_err(|e| explained(messages::settings_error(&e, lang)))?;
    println!(
        "{} {level:.1} dBFS ({} {}). {}",
        temoin::i18n::s(lang, "cli-your-voice-level"),
        cal.segments,
        temoin::i18n::s(lang, "messages-segments"),
        temoin::i18n::s(lang, "cli-voices-10-db-quieter-colleagues-the")
    );
    Ok(ExitCode::SUCCESS)
}
