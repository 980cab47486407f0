//! Every sentence a person reads, in French first and English second, in one place.
//! The library below returns typed values and errors; only this module turns them into words.

use crate::capture::CaptureError;
use crate::pipeline::{Analysis, PipelineError};
use crate::popups::{RulesError, SourceReport, SourceState};
use crate::selfreport::Scale;
use crate::speech::{LexiconError, SpeechError};
use crate::t;
use crate::vault::{Break, RowProblem, VaultError};
use crate::voice::VoiceError;
use crate::workload::indicators::Figures;
use std::path::Path;

pub use crate::labels::{
    category_label, consistency_label, consistency_text, event_details, family_label, kind_label,
};
pub use crate::lang::Lang;

/// What went wrong and what to do about it.
pub fn vault_error(e: &VaultError, lang: Lang) -> String {
    use VaultError as E;
    match e {
        E::NotFound(p) => t!(lang, "vault-not-found", "path" => p),
        E::AlreadyExists(p) => t!(lang, "vault-already-exists", "path" => p),
        E::NotAVault(p) => t!(lang, "vault-not-a-vault", "path" => p),
        E::NewerFormat { found, supported } => {
            t!(lang, "vault-newer-format", "found" => *found, "supported" => *supported)
        }
        E::Corrupt(detail) => with_detail(t!(lang, "vault-corrupt"), detail, lang),
        E::Truncated { found, expected } => {
            t!(lang, "vault-truncated", "found" => *found, "expected" => *expected)
        }
        E::WrongPassphrase => t!(lang, "vault-wrong-passphrase"),
        E::WrongRecoveryCode => t!(lang, "vault-wrong-recovery-code"),
        E::PassphraseTooShort { min } => t!(lang, "vault-passphrase-too-short", "min" => *min),
        E::PassphraseTooWeak => t!(lang, "vault-passphrase-too-weak"),
        E::ReadOnly(p) => t!(lang, "vault-read-only", "path" => p),
        E::DiskFull => t!(lang, "vault-disk-full"),
        E::Busy => t!(lang, "vault-busy"),
        E::KeysReplaced => t!(lang, "vault-keys-replaced"),
        E::Io(err) => with_detail(t!(lang, "vault-io"), &err.to_string(), lang),
        E::Database(m) => with_detail(t!(lang, "vault-database"), m, lang),
    }
}

/// A sentence in the reader's language, then the system's own words on a line of their own:
/// never English from the system inside a French sentence.
pub fn with_detail(sentence: String, detail: &str, lang: Lang) -> String {
    format!("{sentence}\n{}", t!(lang, "detail", "detail" => detail))
}

/// A file that cannot be read, named, with what to do; the system's words on the detail line.
pub fn cannot_read(path: &Path, e: &dyn std::fmt::Display, lang: Lang) -> String {
    with_detail(
        t!(lang, "cannot-read-file", "path" => path),
        &e.to_string(),
        lang,
    )
}

/// A file that cannot be written, named; a folder that does not exist is said to be the cause.
pub fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    let sentence = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(folder) if !folder.exists() => {
            t!(lang, "cannot-write-no-folder", "path" => path, "folder" => folder)
        }
        _ => t!(lang, "cannot-write", "path" => path),
    };
    with_detail(sentence, &e.to_string(), lang)
}

/// `more` said after a message's sentence, before its « détail technique » line if it has one.
pub fn and_then(message: &str, more: &str) -> String {
    match message.split_once('\n') {
        Some((sentence, detail)) => format!("{sentence} {more}\n{detail}"),
        None => format!("{message} {more}"),
    }
}

/// Settings that cannot be read or saved, named, with what to do.
pub fn settings_error(e: &crate::settings::SettingsError, lang: Lang) -> String {
    use crate::settings::SettingsError as E;
    match e {
        E::Unreadable { path, reason } => with_detail(
            t!(lang, "settings-unreadable", "path" => path),
            reason,
            lang,
        ),
        E::Unwritable { path, reason } => {
            with_detail(t!(lang, "cannot-write", "path" => path), reason, lang)
        }
    }
}

/// Where the chain breaks, located for the person reading.
pub fn chain_break(b: &Break, lang: Lang) -> String {
    match b {
        Break::Altered { seq } => t!(lang, "chain-altered", "seq" => *seq),
        Break::Missing { from, to } if from == to => t!(lang, "chain-missing-one", "seq" => *from),
        Break::Missing { from, to } => {
            t!(lang, "chain-missing-many", "from" => *from, "to" => *to)
        }
        Break::Truncated { last, expected } => {
            t!(lang, "chain-truncated", "last" => *last, "expected" => *expected)
        }
        Break::HeadMismatch { last, head } => {
            t!(lang, "chain-head-mismatch", "last" => *last, "head" => *head)
        }
    }
}

/// A row that does not decrypt.
pub fn unreadable_row(seq: u64, lang: Lang) -> String {
    t!(lang, "row-unreadable", "seq" => seq)
}

/// A break in the writing sessions' history.
pub fn history_problem(p: &crate::vault::HistoryProblem, lang: Lang) -> String {
    use crate::vault::HistoryProblem as H;
    match p {
        H::Gap { first, after, seq } => {
            t!(lang, "history-gap", "first" => *first, "after" => *after, "seq" => *seq)
        }
        H::BadStart { first } => t!(lang, "history-bad-start", "first" => *first),
    }
}

/// A writing session, on one line: its rows, the program, when.
pub fn session_line(s: &crate::vault::Session, lang: Lang) -> String {
    use crate::vault::Program as P;
    let program = match s.program {
        None => crate::i18n::s(lang, "messages-older-version-unnamed").to_string(),
        Some(P::Window) => crate::i18n::s(lang, "messages-the-window").to_string(),
        Some(P::Listening) => crate::i18n::s(lang, "messages-listening").to_string(),
        Some(P::CommandLine) => crate::i18n::s(lang, "messages-the-command-line").to_string(),
        Some(P::PopupWatch) => crate::i18n::s(lang, "messages-pop-up-watching").to_string(),
        Some(P::ExtensionHost) => {
            crate::i18n::s(lang, "messages-the-browser-extension").to_string()
        }
        Some(P::Other(n)) => t!(lang, "program-unknown", "code" => n),
    };
    let rows = t!(lang, "session-rows", "rows" => s.rows, "first" => s.first, "last" => s.last);
    match (s.started, &s.app_version) {
        (Some(t), Some(v)) => {
            let local = t.with_timezone(&chrono::Local);
            t!(lang, "session-line-when",
                "rows" => rows,
                "program" => program,
                "date" => crate::i18n::date(lang, local.date_naive()),
                "time" => local.format("%H:%M").to_string(),
                "version" => v)
        }
        _ => t!(lang, "session-line", "rows" => rows, "program" => program),
    }
}

/// A checkpoint signed by another key than this vault's.
pub fn checkpoint_of_another(c: &crate::evidence::checkpoint::Checkpoint, lang: Lang) -> String {
    t!(lang, "checkpoint-of-another", "date" => crate::i18n::date_time(lang, &c.at))
}

/// The log no longer extends a checkpoint given out: cut, rolled back or changed.
pub fn checkpoint_not_extended(
    c: &crate::evidence::checkpoint::Checkpoint,
    size: u64,
    lang: Lang,
) -> String {
    let date = crate::i18n::date_time(lang, &c.at);
    if c.size > size {
        t!(lang, "checkpoint-cut", "date" => date, "size" => c.size, "now" => size)
    } else {
        t!(lang, "checkpoint-changed", "size" => c.size, "date" => date)
    }
}

pub fn row_problem(p: &RowProblem, lang: Lang) -> &'static str {
    match p {
        RowProblem::Unreadable(_) => {
            crate::i18n::s(lang, "messages-unreadable-row-altered-or-moved")
        }
        RowProblem::UnknownKind => {
            crate::i18n::s(lang, "messages-unknown-kind-of-event-written-by")
        }
    }
}

/// What went wrong while listening or analysing, and what to do.
pub fn pipeline_error(e: &PipelineError, lang: Lang) -> String {
    match e {
        PipelineError::Capture(c) => capture_error(c, lang),
        PipelineError::Voice(VoiceError::MissingModel(m)) => {
            t!(lang, "model-missing", "name" => &m.name)
        }
        PipelineError::Voice(v) => {
            with_detail(t!(lang, "voice-cannot-start"), &v.to_string(), lang)
        }
        PipelineError::Speech(s) => speech_error(s, lang),
    }
}

pub fn speech_error(e: &SpeechError, lang: Lang) -> String {
    match e {
        SpeechError::MissingModel(m) => t!(lang, "speech-model-missing", "name" => &m.name),
        SpeechError::Load { path, reason } => {
            with_detail(t!(lang, "speech-model-load", "path" => path), reason, lang)
        }
        SpeechError::Transcribe(r) => with_detail(t!(lang, "speech-transcribe"), r, lang),
        SpeechError::Lexicon(LexiconError::Unreadable { path, reason }) => {
            with_detail(t!(lang, "lexicon-unreadable", "path" => path), reason, lang)
        }
        SpeechError::Lexicon(LexiconError::Invalid { path, reason }) => {
            with_detail(t!(lang, "lexicon-invalid", "path" => path), reason, lang)
        }
    }
}

pub fn capture_error(e: &CaptureError, lang: Lang) -> String {
    match e {
        CaptureError::Missing { path, source } => cannot_read(path, source, lang),
        CaptureError::Unreadable { path, reason } => {
            with_detail(t!(lang, "capture-unreadable", "path" => path), reason, lang)
        }
        CaptureError::NoDevice => t!(lang, "capture-no-device"),
        CaptureError::DeviceNotFound(n) => t!(lang, "capture-device-not-found", "name" => n),
        CaptureError::DeviceUnavailable(r) => {
            with_detail(t!(lang, "capture-device-unavailable"), r, lang)
        }
        CaptureError::NoAnswer => t!(lang, "capture-no-answer"),
        CaptureError::Rate(r) => t!(lang, "capture-rate", "rate" => *r),
    }
}

/// The `temoin analyze` table.
/// Phrase-family counts as "merci 2, excuses 1".
fn phrase_list(p: Option<&std::collections::BTreeMap<String, u32>>, lang: Lang) -> String {
    let Some(p) = p else { return "—".into() };
    if p.is_empty() {
        return "0".into();
    }
    p.iter()
        .map(|(family, n)| format!("{} {n}", family_label(family, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn write_analysis(
    out: &mut impl std::io::Write,
    a: &Analysis,
    lang: Lang,
) -> std::io::Result<()> {
    let v = |x: Option<f64>, prec: usize| {
        x.map(|x| crate::i18n::num(lang, x, prec))
            .unwrap_or_else(|| "—".into())
    };
    let summary = t!(lang, "analysis-summary",
        "duration" => a.duration_s,
        "speech" => a.speech_s,
        "segments" => a.segments.len());
    let summary = if a.set_aside > 0 {
        t!(lang, "analysis-summary-set-aside", "summary" => summary, "set_aside" => a.set_aside)
    } else {
        summary
    };
    writeln!(out, "{summary}")?;
    writeln!(
        out,
        "{:>7} {:>7} {:>6} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>5}  {}",
        crate::i18n::s(lang, "messages-start"),
        crate::i18n::s(lang, "messages-end"),
        crate::i18n::s(lang, "messages-voiced"),
        "F0 Hz",
        crate::i18n::s(lang, "messages-f0-sd"),
        "jitter%",
        "shimmer%",
        "HNR dB",
        crate::i18n::s(lang, "messages-int-db"),
        "pauses",
        "syll/s",
        crate::i18n::s(lang, "messages-words"),
        crate::i18n::s(lang, "messages-wpm"),
        crate::i18n::s(lang, "messages-phrases")
    )?;
    for s in &a.segments {
        let m = &s.measures;
        writeln!(
            out,
            "{:>7} {:>7} {:>6} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>5}  {}",
            v(Some(s.start_s), 2),
            v(Some(s.end_s), 2),
            v(Some(m.voiced_s), 2),
            v(m.f0_mean_hz, 1),
            v(m.f0_sd_hz, 1),
            v(m.jitter_local_pct, 2),
            v(m.shimmer_local_pct, 2),
            v(m.hnr_db, 1),
            v(m.intensity_db, 1),
            v(m.pause_ratio, 2),
            v(m.syllables_per_s, 1),
            s.words.words.map_or_else(|| "—".into(), |w| w.to_string()),
            v(s.words.words_per_minute, 0),
            phrase_list(s.words.phrases.as_ref(), lang)
        )?;
        if let Some(t) = &s.words.transcript {
            writeln!(out, "        « {t} »")?;
        }
    }
    Ok(())
}

/// Events that could not be stored: kept and retried, and why.
pub fn vault_trouble(e: &VaultError, lang: Lang) -> String {
    format!(
        "{}\n{}",
        t!(lang, "status-vault-trouble"),
        vault_error(e, lang)
    )
}

/// Why there was no microphone, said after the fact (a run that is over: no promise to retry).
pub fn device_problem(p: &crate::pipeline::live::DeviceProblem, lang: Lang) -> String {
    use crate::pipeline::live::DeviceProblem as D;
    match p {
        D::Absent => t!(lang, "capture-no-device"),
        D::NotFound(n) => t!(lang, "capture-device-not-found", "name" => n),
        D::Unavailable(d) => with_detail(t!(lang, "capture-device-unavailable"), d, lang),
        D::Lost => t!(lang, "status-lost"),
        D::NoAnswer => t!(lang, "capture-no-answer"),
    }
}

/// A monitoring status as a sentence.
pub fn monitor_status(s: &crate::pipeline::live::Status, lang: Lang) -> String {
    use crate::pipeline::live::DeviceProblem as D;
    use crate::pipeline::live::Status as S;
    match s {
        S::Starting => crate::i18n::s(lang, "messages-starting").into(),
        S::Listening { device } => t!(lang, "status-listening", "device" => device),
        S::NoDevice(D::Absent) => t!(lang, "status-no-device"),
        S::NoDevice(D::NotFound(n)) => t!(lang, "status-not-found", "name" => n),
        S::NoDevice(D::Unavailable(d)) => with_detail(t!(lang, "status-unavailable"), d, lang),
        S::NoDevice(D::Lost) => t!(lang, "status-lost"),
        S::NoDevice(D::NoAnswer) => t!(lang, "status-no-answer"),
        S::VoiceTrouble(e) => with_detail(t!(lang, "status-voice-trouble"), &e.to_string(), lang),
        S::Paused => crate::i18n::s(lang, "messages-privacy-pause-the-microphone-is-off").into(),
        S::VaultTrouble(e) => vault_trouble(e, lang),
        S::Stopped => crate::i18n::s(lang, "messages-listening-stopped").into(),
    }
}

/// A refused pop-up rules file: where, and that the previous rules still apply.
pub fn rules_error(e: &RulesError, lang: Lang) -> String {
    match e {
        RulesError::Unreadable { path, reason } => {
            with_detail(t!(lang, "rules-unreadable", "path" => path), reason, lang)
        }
        RulesError::Invalid {
            path,
            line,
            column,
            reason,
        } => with_detail(
            t!(lang, "rules-invalid", "path" => path, "line" => *line, "column" => *column),
            reason,
            lang,
        ),
    }
}

/// A pop-up source's state.
pub fn source_report(r: &SourceReport, lang: Lang) -> String {
    let name = match r.source {
        "windows" => crate::i18n::s(lang, "messages-windows"),
        "notifications" => crate::i18n::s(lang, "messages-notifications"),
        "hotkey" => crate::i18n::s(lang, "messages-hotkey"),
        "ocr" => crate::i18n::s(lang, "messages-reading-window-text-ocr"),
        "pages" => crate::i18n::s(lang, "messages-web-pages-and-apps"),
        "extension" => crate::i18n::s(lang, "messages-browser-extension"),
        other => other,
    };
    let (state, detail) = match &r.state {
        SourceState::Watching => (crate::i18n::s(lang, "messages-watching").to_string(), None),
        SourceState::SwitchedOn => (
            crate::i18n::s(lang, "messages-watching-the-desktop-s-accessibility-was").to_string(),
            None,
        ),
        SourceState::Unavailable(why) => (t!(lang, "source-unavailable"), Some(why)),
        SourceState::Lost(why) => (t!(lang, "source-lost"), Some(why)),
        SourceState::Stopped => (crate::i18n::s(lang, "messages-stopped").to_string(), None),
    };
    let line = t!(lang, "source-line", "source" => name, "state" => state);
    match detail {
        Some(d) => with_detail(line, d, lang),
        None => line,
    }
}

/// A NASA-TLX scale: its name, the question, and what 0 and 100 mean.
pub fn tlx_question(s: Scale, lang: Lang) -> [&'static str; 4] {
    let t = |id| crate::i18n::s(lang, id);
    let (name, question) = match s {
        Scale::Mental => ("tlx-mental", "tlx-mental-question"),
        Scale::Physical => ("tlx-physical", "tlx-physical-question"),
        Scale::Temporal => ("tlx-temporal", "tlx-temporal-question"),
        Scale::Performance => ("tlx-performance", "tlx-performance-question"),
        Scale::Effort => ("tlx-effort", "tlx-effort-question"),
        Scale::Frustration => ("tlx-frustration", "tlx-frustration-question"),
    };
    let (low, high) = match s {
        Scale::Performance => ("tlx-perfect", "tlx-failure"),
        Scale::Effort | Scale::Frustration => ("tlx-very-low", "tlx-very-high-m"),
        _ => ("tlx-very-low", "tlx-very-high"),
    };
    [t(name), t(question), t(low), t(high)]
}

/// A duration in the largest unit that still says something: seconds under a minute (never
/// « 0 min »), then minutes, then hours and minutes.
pub fn duration(s: f64, lang: Lang) -> String {
    if s < 59.5 {
        return t!(lang, "duration-seconds", "seconds" => s.round());
    }
    let m = (s / 60.0).round() as i64;
    if m >= 60 {
        t!(lang, "duration-hours", "hours" => m / 60, "minutes" => format!("{:02}", m % 60))
    } else {
        t!(lang, "duration-minutes", "minutes" => m)
    }
}

/// Workload figures as sentences a non-specialist reads.
pub fn workload_figures(f: &Figures, lang: Lang) -> Vec<String> {
    let opt = |v: Option<f64>| {
        v.map_or_else(
            || "—".to_string(),
            |s| t!(lang, "duration-seconds", "seconds" => s),
        )
    };
    let pct = |v: Option<f64>| {
        v.map_or_else(
            || "—".to_string(),
            |x| t!(lang, "percent", "percent" => x * 100.0),
        )
    };
    vec![
        t!(lang, "workload-calls",
            "calls" => f.calls,
            "phone" => duration(f.phone_s, lang),
            "logged" => duration(f.logged_s, lang),
            "occupancy" => pct(f.occupancy)),
        t!(lang, "workload-handle",
            "handle" => opt(f.mean_handle_s),
            "recovery" => opt(f.mean_recovery_s),
            "shortest" => opt(f.min_recovery_s)),
        t!(lang, "workload-run",
            "run" => duration(f.longest_run_s, lang),
            "calls" => f.longest_run_calls),
        t!(lang, "workload-evening",
            "evening" => duration(f.evening_s, lang),
            "weekend" => duration(f.weekend_s, lang),
            "popups" => f.popups),
    ]
}

/// Why a file is not a bundle that can be read, and what to do.
pub fn bundle_unreadable(e: &crate::evidence::bundle::Unreadable, lang: Lang) -> String {
    use crate::evidence::bundle::Unreadable as U;
    match e {
        U::TooLarge { bytes, max } => t!(lang, "bundle-too-large",
            "size" => bytes / 1_048_576,
            "max" => max / 1_048_576),
        U::Empty => crate::i18n::s(lang, "messages-the-file-is-empty-the-export").into(),
        U::NotJson(_) => crate::i18n::s(lang, "messages-this-file-cannot-be-read-cut").into(),
        U::NotABundle => crate::i18n::s(lang, "messages-this-file-is-not-a-temoin").into(),
        U::UnknownVersion(v) => t!(lang, "bundle-unknown-version", "version" => v),
        U::Malformed(what) => with_detail(t!(lang, "bundle-malformed"), what, lang),
    }
}

/// One thing wrong with a readable bundle.
pub fn bundle_problem(p: &crate::evidence::bundle::Problem, lang: Lang) -> String {
    use crate::evidence::bundle::Problem as P;
    let day = |at: &chrono::DateTime<chrono::FixedOffset>| crate::i18n::date_time(lang, at);
    match p {
        P::BadSignature => {
            crate::i18n::s(lang, "messages-bad-signature-the-content-was-changed").into()
        }
        P::RowsNotSigned => crate::i18n::s(lang, "messages-old-format-export-version-1-the").into(),
        P::RowsMalformed => crate::i18n::s(lang, "messages-the-export-s-signed-list-of").into(),
        P::Missing { positions, total } => t!(lang, "problem-missing",
            "total" => *total,
            "list" => numbered(positions, *total, lang)),
        P::Unexpected { positions, total } => t!(lang, "problem-unexpected",
            "total" => *total,
            "list" => numbered(positions, *total, lang)),
        P::OutsidePeriod { seq, date: Some(d) } => t!(lang, "problem-outside-period",
            "seq" => *seq,
            "date" => crate::i18n::date(lang, *d)),
        P::OutsidePeriod { seq, date: None } => t!(lang, "problem-no-date", "seq" => *seq),
        P::ImpossibleFigures { start } => t!(lang, "problem-impossible-figures",
            "date" => format!("{} {}", crate::i18n::date(lang, start.date()), start.format("%H:%M"))),
        P::AlteredEvent { seq, .. } => t!(lang, "problem-altered-event", "seq" => *seq),
        P::ProofFails => crate::i18n::s(lang, "messages-the-events-and-their-proof-do").into(),
        P::OtherWorker { at } => t!(lang, "problem-other-worker", "date" => day(at)),
        P::CheckpointLater { at } => t!(lang, "problem-checkpoint-later", "date" => day(at)),
        P::Inconsistent { at } => t!(lang, "problem-inconsistent", "date" => day(at)),
        P::Witness(w) => witness_problem(w, lang),
    }
}

fn witness_problem(p: &crate::evidence::rows::WitnessProblem, lang: Lang) -> String {
    use crate::evidence::rows::WitnessProblem as W;
    match p {
        W::Malformed => crate::i18n::s(lang, "problem-witness-malformed").into(),
        W::BadCosignature { witness } => {
            t!(lang, "problem-witness-bad-cosignature", "witness" => witness)
        }
        W::Cut { by, size } => t!(lang, "problem-witness-cut",
            "witness" => &by.witness,
            "key" => &by.key,
            "cosigned" => by.size,
            "date" => local_time(lang, &by.at),
            "size" => *size),
        W::Contradicts { by } => t!(lang, "problem-witness-contradicts",
            "witness" => &by.witness,
            "key" => &by.key,
            "cosigned" => by.size,
            "date" => local_time(lang, &by.at)),
    }
}

/// A moment as the reader's clock shows it.
fn local_time(lang: Lang, at: &chrono::DateTime<chrono::Utc>) -> String {
    crate::i18n::date_time(lang, &at.with_timezone(&chrono::Local).fixed_offset())
}

/// When a witness cosigned (seconds since 1970, as cosignatures say), as the reader's clock shows
/// it; `None` for 0 (never).
pub fn cosigned_time(lang: Lang, secs: u64) -> Option<String> {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .filter(|_| secs > 0)
        .map(|at| local_time(lang, &at))
}

/// « n° 7 et n° 8 », « n° 7, n° 8 et 40 autres ».
fn numbered(positions: &[u64], total: u64, lang: Lang) -> String {
    let mut parts: Vec<String> = positions
        .iter()
        .map(|p| t!(lang, "position", "n" => *p))
        .collect();
    let rest = total.saturating_sub(positions.len() as u64);
    if rest > 0 {
        parts.push(t!(lang, "list-others", "count" => rest));
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => {
            let last = parts.remove(n - 1);
            t!(lang, "list-and", "init" => parts.join(", "), "last" => last)
        }
    }
}

pub fn checkpoint_error(e: &crate::evidence::checkpoint::CheckpointError, lang: Lang) -> String {
    use crate::evidence::checkpoint::CheckpointError as C;
    match e {
        C::NotACheckpoint => crate::i18n::s(lang, "messages-this-text-is-not-a-temoin").into(),
        C::UnknownVersion(v) => t!(lang, "checkpoint-unknown-version", "version" => v),
        C::Malformed(what) => t!(lang, "checkpoint-malformed", "what" => *what),
        C::BadSignature => {
            crate::i18n::s(lang, "messages-this-checkpoint-s-signature-is-not").into()
        }
    }
}

/// Why listening could not start, and what to do.
pub fn start_error(e: &crate::pipeline::live::StartError, lang: Lang) -> String {
    use crate::pipeline::live::StartError as S;
    match e {
        S::Pipeline(p) => pipeline_error(p, lang),
        S::Vault(v) => vault_error(v, lang),
    }
}

/// What a verified bundle says, line by line: who signed, the period, the checkpoints it extends,
/// then « Intact. » or each problem.
pub fn verdict(v: &crate::evidence::bundle::Verified, lang: Lang) -> Vec<String> {
    use crate::evidence::bundle::Level;
    let b = &v.bundle;
    let what = match b.level {
        Level::Events => t!(lang, "verdict-events", "count" => b.events.len()),
        Level::Hourly => t!(lang, "verdict-hours", "count" => b.aggregates.len()),
        Level::Daily => t!(lang, "verdict-days", "count" => b.aggregates.len()),
    };
    let mut out = vec![
        t!(lang, "verdict-signed-by",
            "pseudonym" => v.key.pseudonym(),
            "fingerprint" => v.key.fingerprint()),
        t!(lang, "verdict-period",
            "from" => crate::i18n::date(lang, b.period.from),
            "to" => crate::i18n::date(lang, b.period.to),
            "what" => what,
            "size" => b.log.size),
    ];
    if !b.masked.is_empty() {
        out.push(t!(lang, "verdict-masked", "count" => b.masked.len()));
    }
    for at in &v.extends {
        out.push(t!(lang, "verdict-extends", "date" => crate::i18n::date_time(lang, at)));
    }
    for by in &v.cosigned {
        out.push(t!(lang, "verdict-cosigned",
            "witness" => &by.witness,
            "key" => &by.key,
            "cosigned" => by.size,
            "date" => local_time(lang, &by.at)));
    }
    if v.figures_only() {
        out.push(crate::i18n::s(lang, "messages-hourly-or-daily-figures-signed-by").into());
    }
    if v.intact() {
        out.push(crate::i18n::s(lang, "messages-intact").into());
    } else {
        out.push(crate::i18n::s(lang, "messages-not-intact").into());
        out.extend(
            v.problems
                .iter()
                .map(|p| format!("- {}", bundle_problem(p, lang))),
        );
    }
    out
}

/// A self-report answer that is not one.
pub fn self_report_error(e: &crate::selfreport::SelfReportError, lang: Lang) -> String {
    use crate::selfreport::SelfReportError as E;
    match e {
        E::NotANumber(v) => t!(lang, "self-report-not-a-number", "value" => v),
        E::OutOfRange(v) => t!(lang, "self-report-out-of-range", "value" => *v),
    }
}

/// Why a witness could not be added or sent to.
pub fn client_error(e: &crate::witness::client::ClientError, lang: Lang) -> String {
    use crate::witness::client::ClientError as C;
    match e {
        C::NoWitness => crate::i18n::s(lang, "witness-none").into(),
        C::BadKey(k) => t!(lang, "witness-bad-key", "key" => k),
        C::BadUrl(u) => t!(lang, "witness-bad-url", "url" => u),
        C::Vault(v) => vault_error(v, lang),
    }
}

/// What a witness made of a checkpoint, in one sentence.
pub fn witness_outcome(name: &str, o: &crate::witness::client::Outcome, lang: Lang) -> String {
    use crate::witness::client::{Failure as F, Outcome as O};
    let when = |t: u64| cosigned_time(lang, t).unwrap_or_default();
    match o {
        O::Cosigned { size, time } => t!(lang, "witness-cosigned",
            "witness" => name, "size" => *size, "date" => when(*time)),
        O::UpToDate { size } => t!(lang, "witness-up-to-date", "witness" => name, "size" => *size),
        O::Contradicted {
            cosigned,
            time: Some(time),
            have,
        } => t!(lang, "witness-contradicted",
            "witness" => name, "cosigned" => *cosigned, "date" => when(*time), "size" => *have),
        O::Contradicted {
            cosigned,
            time: None,
            have,
        } => t!(lang, "witness-contradicted-undated",
            "witness" => name, "cosigned" => *cosigned, "size" => *have),
        O::Failed(F::Unreachable(why)) => with_detail(
            t!(lang, "witness-unreachable", "witness" => name),
            why,
            lang,
        ),
        O::Failed(F::NotEnrolled(_)) => t!(lang, "witness-not-enrolled", "witness" => name),
        O::Failed(F::Refused { status, said }) => with_detail(
            t!(lang, "witness-refused", "witness" => name, "status" => *status),
            said,
            lang,
        ),
        O::Failed(F::BadAnswer) => t!(lang, "witness-bad-answer", "witness" => name),
    }
}

/// The witnesses added, each with its last cosignature and the failures since.
pub fn witnesses(
    added: &[crate::settings::AddedWitness],
    cosigned: &[crate::vault::Cosigned],
    tries: &[crate::vault::Tries],
    lang: Lang,
) -> Vec<String> {
    added
        .iter()
        .map(|a| {
            let name = crate::evidence::cosign::VerifierKey::parse(&a.key)
                .map_or_else(|| a.key.chars().take(40).collect(), |k| k.name);
            let last = cosigned
                .iter()
                .filter(|c| c.witness == a.key)
                .max_by_key(|c| c.size);
            let tried = tries.iter().find(|t| t.witness == a.key);
            let failures = tried.map_or(0, |t| t.failures);
            let state = match last {
                Some(c) => t!(lang, "witness-last",
                    "size" => c.size,
                    "date" => cosigned_time(lang, c.time).unwrap_or_default()),
                None => crate::i18n::s(lang, "witness-never").into(),
            };
            let line = t!(lang, "witness-line",
                "witness" => name, "url" => &a.url, "state" => state, "failures" => failures);
            // Why the last one failed, in the system's own words, on its own line.
            match tried.and_then(|t| t.last_error.as_deref()) {
                Some(why) if failures > 0 => with_detail(line, why, lang),
                _ => line,
            }
        })
        .collect()
}

/// Why the council's pool set a file aside, without its name (a file name may hold a person's).
pub fn set_aside(r: &crate::evidence::aggregate::Rejected, lang: Lang) -> String {
    use crate::evidence::aggregate::Rejected as R;
    match r {
        R::Unreadable(_, e) => bundle_unreadable(e, lang),
        R::NotIntact(_, problems) => problems
            .iter()
            .map(|x| bundle_problem(x, lang))
            .collect::<Vec<_>>()
            .join(" "),
        R::Io(_, e) => with_detail(t!(lang, "set-aside-unreadable-file"), e, lang),
        R::Unregistered(_) => {
            crate::i18n::s(lang, "cli-evidence-key-not-in-the-council-s").to_string()
        }
        R::Forked(_) => {
            crate::i18n::s(lang, "cli-evidence-two-exports-of-the-same-key").to_string()
        }
    }
}

/// Each reason files were set aside for, with how many (what the council's report says).
pub fn set_aside_counts(
    rejected: &[crate::evidence::aggregate::Rejected],
    lang: Lang,
) -> Vec<(String, usize)> {
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for r in rejected {
        *reasons.entry(set_aside(r, lang)).or_default() += 1;
    }
    reasons.into_iter().collect()
}

/// What was typed or read is not a key's code, and what to do.
pub fn code_error(e: &crate::evidence::register::CodeError, lang: Lang) -> String {
    use crate::evidence::register::CodeError as C;
    match e {
        C::NotACode => t!(lang, "register-not-a-code"),
        C::OtherQr => t!(lang, "register-other-qr"),
    }
}

/// A photo that could not be read, and what to do.
pub fn photo_error(e: &crate::evidence::register::PhotoError, path: &Path, lang: Lang) -> String {
    use crate::evidence::register::PhotoError as P;
    match e {
        P::Io(err) => cannot_read(path, err, lang),
        P::NotAnImage(why) => {
            with_detail(t!(lang, "register-not-an-image", "path" => path), why, lang)
        }
    }
}

/// The verdict on a signed page (the council's collective report), in sentences.
pub fn page_verdict(
    r: &Result<crate::evidence::identity::PublicKey, crate::evidence::page::PageError>,
    lang: Lang,
) -> String {
    use crate::evidence::page::PageError as P;
    match r {
        Ok(key) => t!(lang, "page-intact",
            "pseudonym" => key.pseudonym(),
            "fingerprint" => key.fingerprint()),
        Err(P::NotSigned) => t!(lang, "page-not-signed"),
        Err(P::Malformed) => t!(lang, "page-malformed"),
        Err(P::Altered) => t!(lang, "page-altered"),
    }
}

/// The camera could not be used, and what to do instead.
pub fn camera_error(e: &crate::capture::camera::CameraError, lang: Lang) -> String {
    use crate::capture::camera::CameraError as C;
    match e {
        C::NoCamera => t!(lang, "camera-none"),
        C::CannotOpen(why) => with_detail(t!(lang, "camera-cannot-open"), why, lang),
    }
}
