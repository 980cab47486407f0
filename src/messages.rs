//! Every sentence a person reads, in French first and English second, in one place.
//! The library below returns typed values and errors; only this module turns them into words.

use std::path::Path;

use crate::capture::CaptureError;
use crate::events::{Consistency, EventKind, PopupCategory, PopupSeen};
use crate::pipeline::{Analysis, PipelineError};
use crate::popups::{RulesError, SourceReport, SourceState};
use crate::selfreport::Scale;
use crate::speech::{LexiconError, SpeechError};
use crate::vault::{Break, RowProblem, VaultError};
use crate::voice::VoiceError;
use crate::workload::indicators::Figures;

/// The language of what people read. French unless asked otherwise.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// What went wrong and what to do about it.
pub fn vault_error(e: &VaultError, lang: Lang) -> String {
    use VaultError as E;
    match (e, lang) {
        (E::NotFound(p), Lang::Fr) => format!(
            "Aucun coffre Témoin à {}. Créez-le avec « temoin init », ou indiquez le bon fichier avec --vault.",
            shown(p)
        ),
        (E::NotFound(p), Lang::En) => format!(
            "No Témoin vault at {}. Create one with `temoin init`, or point to the right file with --vault.",
            shown(p)
        ),
        (E::AlreadyExists(p), Lang::Fr) => format!(
            "Un fichier existe déjà à {}. Témoin ne l'écrase jamais : choisissez un autre chemin avec --vault.",
            shown(p)
        ),
        (E::AlreadyExists(p), Lang::En) => format!(
            "A file already exists at {}. Témoin never overwrites it: choose another path with --vault.",
            shown(p)
        ),
        (E::NotAVault(p), Lang::Fr) => format!(
            "{} n'est pas un coffre Témoin. Le fichier n'a pas été modifié. Vérifiez le chemin donné à --vault.",
            shown(p)
        ),
        (E::NotAVault(p), Lang::En) => format!(
            "{} is not a Témoin vault. The file was not changed. Check the path given to --vault.",
            shown(p)
        ),
        (E::NewerFormat { found, supported }, Lang::Fr) => format!(
            "Ce coffre a été créé par une version plus récente de Témoin (format {found}, cette version lit jusqu'au format {supported}). Mettez Témoin à jour ; le fichier n'a pas été modifié."
        ),
        (E::NewerFormat { found, supported }, Lang::En) => format!(
            "This vault was made by a newer Témoin (format {found}; this version reads up to {supported}). Update Témoin; the file was not changed."
        ),
        (E::Corrupt(detail), Lang::Fr) => format!(
            "Le coffre est endommagé ({detail}). Il n'a pas été modifié ni « réparé ». Gardez-en une copie, ne le supprimez pas, et lancez « temoin check » pour situer le problème."
        ),
        (E::Corrupt(detail), Lang::En) => format!(
            "The vault is damaged ({detail}). It was neither changed nor \"repaired\". Keep a copy, do not delete it, and run `temoin check` to locate the problem."
        ),
        (E::WrongPassphrase, Lang::Fr) => "Phrase de passe incorrecte. Réessayez ; si vous l'avez oubliée, utilisez « temoin recover » avec votre code de récupération.".into(),
        (E::WrongPassphrase, Lang::En) => "Wrong passphrase. Try again; if you have forgotten it, use `temoin recover` with your recovery code.".into(),
        (E::WrongRecoveryCode, Lang::Fr) => "Code de récupération incorrect. Vérifiez-le groupe par groupe (les tirets et les espaces ne comptent pas).".into(),
        (E::WrongRecoveryCode, Lang::En) => "Wrong recovery code. Check it group by group (dashes and spaces do not matter).".into(),
        (E::PassphraseTooShort { min }, Lang::Fr) => format!(
            "Phrase de passe trop courte : il faut au moins {min} caractères. Une phrase de quelques mots est plus sûre et plus facile à retenir."
        ),
        (E::PassphraseTooShort { min }, Lang::En) => format!(
            "Passphrase too short: at least {min} characters. A phrase of a few words is safer and easier to remember."
        ),
        (E::ReadOnly(p), Lang::Fr) => format!(
            "Le coffre {} est en lecture seule : rien n'a été enregistré. Rendez le fichier modifiable (ou choisissez un autre coffre) puis recommencez.",
            shown(p)
        ),
        (E::ReadOnly(p), Lang::En) => format!(
            "The vault {} is read-only: nothing was recorded. Make the file writable (or choose another vault) and try again.",
            shown(p)
        ),
        (E::DiskFull, Lang::Fr) => "Le disque est plein : cet événement n'a pas été enregistré, les précédents sont intacts. Libérez de la place puis recommencez.".into(),
        (E::DiskFull, Lang::En) => "The disk is full: this event was not recorded; earlier ones are intact. Free some space and try again.".into(),
        (E::Busy, Lang::Fr) => "Le coffre est occupé par un autre Témoin depuis plus de 10 secondes. Réessayez dans un instant.".into(),
        (E::Busy, Lang::En) => "The vault has been busy with another Témoin for over 10 seconds. Try again in a moment.".into(),
        (E::Io(err), Lang::Fr) => format!("Erreur de fichier : {err}. Vérifiez le chemin et les droits du dossier."),
        (E::Io(err), Lang::En) => format!("File error: {err}. Check the path and the folder's permissions."),
        (E::Database(m), Lang::Fr) => format!("Erreur de la base : {m}. Le coffre n'a pas été modifié."),
        (E::Database(m), Lang::En) => format!("Database error: {m}. The vault was not changed."),
    }
}

/// Where the chain breaks, located for the person reading.
pub fn chain_break(b: &Break, lang: Lang) -> String {
    match (b, lang) {
        (Break::Altered { seq }, Lang::Fr) => {
            format!("la ligne {seq} a été modifiée (ou déplacée)")
        }
        (Break::Altered { seq }, Lang::En) => format!("row {seq} was altered (or moved)"),
        (Break::Missing { from, to }, Lang::Fr) if from == to => {
            format!("la ligne {from} a été supprimée")
        }
        (Break::Missing { from, to }, Lang::En) if from == to => format!("row {from} was deleted"),
        (Break::Missing { from, to }, Lang::Fr) => {
            format!("les lignes {from} à {to} ont été supprimées")
        }
        (Break::Missing { from, to }, Lang::En) => format!("rows {from} to {to} were deleted"),
        (Break::Truncated { last, expected }, Lang::Fr) => format!(
            "le coffre s'arrête à la ligne {last} alors qu'il en comptait {expected} : la fin a été coupée"
        ),
        (Break::Truncated { last, expected }, Lang::En) => {
            format!("the vault ends at row {last} but had reached {expected}: its end was cut off")
        }
        (Break::HeadMismatch { last, head }, Lang::Fr) => format!(
            "l'en-tête du journal (ligne {head}) ne correspond pas aux lignes présentes (jusqu'à {last}) : il a été modifié"
        ),
        (Break::HeadMismatch { last, head }, Lang::En) => format!(
            "the log's head (row {head}) does not match the rows present (up to {last}): it was altered"
        ),
    }
}

/// A row that does not decrypt.
pub fn unreadable_row(seq: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("la ligne {seq} ne se déchiffre pas (modifiée, ou d'un autre coffre)."),
        Lang::En => format!("row {seq} does not decrypt (altered, or from another vault)."),
    }
}

/// A break in the writing sessions' history.
pub fn history_problem(p: &crate::vault::HistoryProblem, lang: Lang) -> String {
    use crate::vault::HistoryProblem as H;
    match (p, lang) {
        (H::Gap { first, after, seq }, Lang::Fr) => format!(
            "dans la session commencée ligne {first}, la ligne {after}, écrite juste avant la ligne {seq}, n'est plus là telle qu'elle a été écrite : elle a été supprimée, remplacée ou déplacée."
        ),
        (H::Gap { first, after, seq }, Lang::En) => format!(
            "in the session begun at row {first}, row {after}, written just before row {seq}, is no longer there as written: it was removed, replaced or moved."
        ),
        (H::BadStart { first }, Lang::Fr) => format!(
            "la session commencée ligne {first} ne part pas de la fin laissée par la précédente : des lignes avant elle ont été supprimées ou remplacées, ou elle vient d'ailleurs."
        ),
        (H::BadStart { first }, Lang::En) => format!(
            "the session begun at row {first} does not start from the end the previous one left: rows before it were removed or replaced, or it came from elsewhere."
        ),
    }
}

/// A writing session, on one line: its rows, the program, when.
pub fn session_line(s: &crate::vault::Session, lang: Lang) -> String {
    use crate::vault::Program as P;
    let program = match (s.program, lang) {
        (None, _) => lang
            .pick("version ancienne (sans nom)", "older version (unnamed)")
            .to_string(),
        (Some(P::Window), _) => lang.pick("la fenêtre", "the window").to_string(),
        (Some(P::Listening), _) => lang.pick("l'écoute", "listening").to_string(),
        (Some(P::CommandLine), _) => lang
            .pick("la ligne de commande", "the command line")
            .to_string(),
        (Some(P::PopupWatch), _) => lang
            .pick("la surveillance des pop-ups", "pop-up watching")
            .to_string(),
        (Some(P::ExtensionHost), _) => lang
            .pick("l'extension de navigateur", "the browser extension")
            .to_string(),
        (Some(P::Other(n)), Lang::Fr) => format!("un programme inconnu (n° {n})"),
        (Some(P::Other(n)), Lang::En) => format!("an unknown program (no. {n})"),
    };
    let rows = match (s.first == s.last, lang) {
        (true, Lang::Fr) => format!("ligne {}", s.first),
        (true, Lang::En) => format!("row {}", s.first),
        (false, Lang::Fr) => format!("lignes {} à {} ({} lignes)", s.first, s.last, s.rows),
        (false, Lang::En) => format!("rows {} to {} ({} rows)", s.first, s.last, s.rows),
    };
    let when = s
        .started
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format(lang.pick("le %d/%m/%Y à %H:%M", "on %Y-%m-%d at %H:%M"))
                .to_string()
        })
        .unwrap_or_default();
    let version = s
        .app_version
        .as_deref()
        .map(|v| format!(" (Témoin {v})"))
        .unwrap_or_default();
    format!("{rows} : {program} {when}{version}")
        .trim_end()
        .to_string()
}

/// A checkpoint signed by another key than this vault's.
pub fn checkpoint_of_another(c: &crate::evidence::checkpoint::Checkpoint, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "le point de contrôle du {} n'a pas été signé par ce coffre.",
            c.at.format("%d/%m/%Y %H:%M")
        ),
        Lang::En => format!(
            "the checkpoint of {} was not signed by this vault.",
            c.at.format("%Y-%m-%d %H:%M")
        ),
    }
}

/// The log no longer extends a checkpoint given out: cut, rolled back or changed.
pub fn checkpoint_not_extended(
    c: &crate::evidence::checkpoint::Checkpoint,
    size: u64,
    lang: Lang,
) -> String {
    match (c.size > size, lang) {
        (true, Lang::Fr) => format!(
            "le {} le journal comptait {} événements, il n'en a plus que {size} : sa fin a été coupée ou le fichier remis à une copie plus ancienne.",
            c.at.format("%d/%m/%Y à %H:%M"),
            c.size
        ),
        (true, Lang::En) => format!(
            "on {} the log had {} events, it now has {size}: its end was cut off or the file put back to an older copy.",
            c.at.format("%Y-%m-%d at %H:%M"),
            c.size
        ),
        (false, Lang::Fr) => format!(
            "les {} premiers événements ne sont plus ceux du point de contrôle du {} : le journal a été modifié ou remplacé.",
            c.size,
            c.at.format("%d/%m/%Y à %H:%M")
        ),
        (false, Lang::En) => format!(
            "the first {} events are no longer those of the checkpoint of {}: the log was changed or replaced.",
            c.size,
            c.at.format("%Y-%m-%d at %H:%M")
        ),
    }
}

pub fn row_problem(p: &RowProblem, lang: Lang) -> &'static str {
    match p {
        RowProblem::Unreadable(_) => lang.pick(
            "illisible : ligne modifiée ou déplacée",
            "unreadable: row altered or moved",
        ),
        RowProblem::UnknownKind => lang.pick(
            "type d'événement inconnu (écrit par une version plus récente)",
            "unknown kind of event (written by a newer version)",
        ),
    }
}

/// The short name of an event's kind as shown in lists.
pub fn kind_label(kind: &EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::PopupSeen(_) => lang.pick("Pop-up", "Pop-up"),
        EventKind::PopupCategorised { .. } => lang.pick("Pop-up classé", "Pop-up categorised"),
        EventKind::SpeechSegment(_) => lang.pick("Parole mesurée", "Speech measured"),
        EventKind::StrainEpisode(_) => {
            lang.pick("Épisode de tension vocale", "Vocal-strain episode")
        }
        EventKind::CallStarted { .. } => lang.pick("Début d'appel", "Call started"),
        EventKind::CallEnded(_) => lang.pick("Fin d'appel", "Call ended"),
        EventKind::SelfReport(_) => lang.pick("Bilan de fin de service", "End-of-shift report"),
        EventKind::ShiftCorrected(_) => lang.pick("Service corrigé", "Shift corrected"),
        EventKind::CheckpointGiven { .. } => {
            lang.pick("Point de contrôle remis", "Checkpoint given")
        }
        EventKind::Note { .. } => lang.pick("Note", "Note"),
        EventKind::MonitoringPaused { .. } => {
            lang.pick("Pause de confidentialité", "Privacy pause")
        }
        EventKind::MonitoringResumed => lang.pick("Reprise", "Resumed"),
    }
}

pub fn category_label(c: PopupCategory, lang: Lang) -> &'static str {
    use PopupCategory as P;
    match c {
        P::PaceFaster => lang.pick("débit : plus vite", "pace: faster"),
        P::PaceSlower => lang.pick("débit : plus lent", "pace: slower"),
        P::Thanks => lang.pick("remerciements", "thanks"),
        P::Apology => lang.pick("excuses", "apology"),
        P::Empathy => lang.pick("empathie / ton / énergie", "empathy / tone / energy"),
        P::Silence => lang.pick("silence", "silence"),
        P::Overtalk => lang.pick("parole simultanée", "overtalk"),
        P::Hold => lang.pick("mise en attente", "hold"),
        P::Script => lang.pick("script / conformité", "script / compliance"),
        P::Score => lang.pick("score / évaluation", "score / feedback"),
        P::CustomerSentiment => lang.pick("humeur du client", "customer sentiment"),
        P::Other => lang.pick("autre", "other"),
    }
}

/// One line of details for an event in a list.
pub fn event_details(kind: &EventKind, lang: Lang) -> String {
    fn opt(v: Option<f64>, unit: &str) -> String {
        v.map(|v| format!("{v:.1} {unit}"))
            .unwrap_or_else(|| "—".into())
    }
    match kind {
        EventKind::Note { text } => text.clone(),
        EventKind::PopupCategorised { popup_at, category } => format!(
            "{} {} : {}",
            lang.pick("pop-up de", "pop-up of"),
            popup_at.format("%H:%M:%S"),
            category_label(*category, lang)
        ),
        EventKind::PopupSeen(p) => {
            let mut s = p.text.clone().unwrap_or_default();
            let label = p
                .category
                .map_or(lang.pick("à classer", "not yet categorised"), |c| {
                    category_label(c, lang)
                });
            s = format!("[{label}] {s}");
            if p.emotion_flag {
                s.push_str(lang.pick(" — ANALYSE DES ÉMOTIONS", " — EMOTION ANALYSIS"));
            }
            if p.count > 1 {
                s.push_str(&format!(" ×{}", p.count));
            }
            if let Some(v) = consistency_text(p, lang) {
                s.push_str(&format!(" — {v}"));
            }
            s
        }
        EventKind::SpeechSegment(s) => format!(
            "{:.1} s, F0 {}, {}",
            s.duration_s,
            opt(s.f0_mean_hz, "Hz"),
            opt(s.intensity_db, "dB")
        ),
        EventKind::StrainEpisode(e) => format!(
            "{:.0} s, {} {}",
            e.duration_s,
            e.indicators.len(),
            lang.pick("indicateurs", "indicators")
        ),
        EventKind::CallStarted { .. } | EventKind::MonitoringResumed => String::new(),
        EventKind::CallEnded(c) => format!("{:.0} s", c.handle_s),
        EventKind::SelfReport(r) => format!(
            "{} {}, {} {}",
            lang.pick("charge mentale", "mental demand"),
            r.mental,
            lang.pick("frustration", "frustration"),
            r.frustration
        ),
        EventKind::ShiftCorrected(c) => format!(
            "{} {} – {}",
            c.date,
            c.start
                .map_or("…".to_string(), |t| t.format("%H:%M").to_string()),
            c.end
                .map_or("…".to_string(), |t| t.format("%H:%M").to_string())
        ),
        EventKind::CheckpointGiven { size, root } => format!(
            "{size} {}, {} {}…",
            lang.pick("événements", "events"),
            lang.pick("racine", "root"),
            root.get(..16).unwrap_or(root)
        ),
        EventKind::MonitoringPaused { .. } => String::new(),
    }
}

/// What went wrong while listening or analysing, and what to do.
pub fn pipeline_error(e: &PipelineError, lang: Lang) -> String {
    match e {
        PipelineError::Capture(c) => capture_error(c, lang),
        PipelineError::Voice(VoiceError::MissingModel(m)) => match lang {
            Lang::Fr => format!(
                "Le fichier de modèle {} est introuvable. Lancez « scripts/setup » (ou indiquez le dossier des modèles avec TEMOIN_MODELS).",
                m.name
            ),
            Lang::En => format!(
                "The model file {} was not found. Run `scripts/setup` (or point TEMOIN_MODELS at the models folder).",
                m.name
            ),
        },
        PipelineError::Voice(v) => match lang {
            Lang::Fr => format!(
                "La détection de la voix ne peut pas démarrer ({v}). Relancez « scripts/setup » pour réinstaller les modèles."
            ),
            Lang::En => format!(
                "Voice detection cannot start ({v}). Run `scripts/setup` again to reinstall the models."
            ),
        },
        PipelineError::Speech(s) => speech_error(s, lang),
    }
}

pub fn speech_error(e: &SpeechError, lang: Lang) -> String {
    match (e, lang) {
        (SpeechError::MissingModel(m), Lang::Fr) => format!(
            "Le modèle de transcription {} est introuvable : les mots ne sont pas comptés. Lancez « scripts/setup » (ou ajoutez --no-words).",
            m.name
        ),
        (SpeechError::MissingModel(m), Lang::En) => format!(
            "The transcription model {} was not found: words are not counted. Run `scripts/setup` (or add --no-words).",
            m.name
        ),
        (SpeechError::Load { path, reason }, Lang::Fr) => format!(
            "Le modèle de transcription {} ne se charge pas ({reason}). Relancez « scripts/setup » pour le réinstaller.",
            shown(path)
        ),
        (SpeechError::Load { path, reason }, Lang::En) => format!(
            "The transcription model {} does not load ({reason}). Run `scripts/setup` again to reinstall it.",
            shown(path)
        ),
        (SpeechError::Transcribe(r), Lang::Fr) => {
            format!("La transcription a échoué ({r}). Les mesures de la voix restent valables.")
        }
        (SpeechError::Transcribe(r), Lang::En) => {
            format!("Transcription failed ({r}). The voice measurements still stand.")
        }
        (SpeechError::Lexicon(LexiconError::Unreadable { path, reason }), Lang::Fr) => format!(
            "Le lexique {} est illisible ({reason}). Vérifiez le fichier ou supprimez-le pour revenir au lexique fourni.",
            shown(path)
        ),
        (SpeechError::Lexicon(LexiconError::Unreadable { path, reason }), Lang::En) => format!(
            "The lexicon {} cannot be read ({reason}). Check it, or delete it to go back to the shipped one.",
            shown(path)
        ),
        (SpeechError::Lexicon(LexiconError::Invalid { path, reason }), Lang::Fr) => format!(
            "Le lexique {} contient une erreur : {reason}. Corrigez-le ou supprimez-le pour revenir au lexique fourni.",
            shown(path)
        ),
        (SpeechError::Lexicon(LexiconError::Invalid { path, reason }), Lang::En) => format!(
            "The lexicon {} has an error: {reason}. Fix it, or delete it to go back to the shipped one.",
            shown(path)
        ),
    }
}

pub fn capture_error(e: &CaptureError, lang: Lang) -> String {
    match (e, lang) {
        (CaptureError::Unreadable { path, reason }, Lang::Fr) => format!(
            "Impossible de lire {} comme un fichier WAV ({reason}). Vérifiez le fichier.",
            shown(path)
        ),
        (CaptureError::Unreadable { path, reason }, Lang::En) => format!(
            "Cannot read {} as a WAV file ({reason}). Check the file.",
            shown(path)
        ),
        (CaptureError::NoDevice, Lang::Fr) => {
            "Aucun micro n'est branché. Branchez votre casque ; l'écoute reprendra d'elle-même."
                .into()
        }
        (CaptureError::NoDevice, Lang::En) => {
            "No microphone is connected. Plug in your headset; listening resumes by itself.".into()
        }
        (CaptureError::DeviceNotFound(n), Lang::Fr) => format!(
            "Aucun micro ne s'appelle « {n} ». Les micros disponibles sont listés par « temoin listen --list »."
        ),
        (CaptureError::DeviceNotFound(n), Lang::En) => format!(
            "No microphone is called \"{n}\". `temoin listen --list` shows the available ones."
        ),
        (CaptureError::DeviceUnavailable(r), Lang::Fr) => format!(
            "Le micro ne peut pas être ouvert ({r}) : il est peut-être utilisé par une autre application. Nouvel essai automatique."
        ),
        (CaptureError::DeviceUnavailable(r), Lang::En) => format!(
            "The microphone cannot be opened ({r}): another application may be using it. Retrying automatically."
        ),
        (CaptureError::Rate(r), Lang::Fr) => {
            format!("Fréquence d'échantillonnage non prise en charge : {r} Hz.")
        }
        (CaptureError::Rate(r), Lang::En) => format!("Unsupported sample rate: {r} Hz."),
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

/// The shipped families' names in the reader's language; the worker's own as they wrote them.
pub fn family_label(family: &str, lang: Lang) -> String {
    match family {
        "thanks" => lang.pick("merci", "thanks"),
        "apology" => lang.pick("excuses", "apologies"),
        "hold" => lang.pick("attente", "hold"),
        other => return other.to_string(),
    }
    .to_string()
}

pub fn write_analysis(
    out: &mut impl std::io::Write,
    a: &Analysis,
    lang: Lang,
) -> std::io::Result<()> {
    fn v(x: Option<f64>, prec: usize) -> String {
        x.map(|x| format!("{x:.prec$}"))
            .unwrap_or_else(|| "—".into())
    }
    writeln!(
        out,
        "{} {:.1} s, {} {:.1} s, {} {}{}",
        lang.pick("Durée", "Duration"),
        a.duration_s,
        lang.pick("parole", "speech"),
        a.speech_s,
        a.segments.len(),
        lang.pick("segments", "segments"),
        if a.set_aside > 0 {
            format!(
                " ({} {})",
                a.set_aside,
                lang.pick("écarté(s) : autre voix", "set aside: another voice")
            )
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "{:>7} {:>7} {:>6} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>5}  {}",
        lang.pick("début", "start"),
        lang.pick("fin", "end"),
        lang.pick("voisé", "voiced"),
        "F0 Hz",
        lang.pick("F0 σ", "F0 sd"),
        "jitter%",
        "shimmer%",
        "HNR dB",
        lang.pick("int. dB", "int. dB"),
        "pauses",
        "syll/s",
        lang.pick("mots", "words"),
        lang.pick("m/min", "wpm"),
        lang.pick("formules", "phrases")
    )?;
    for s in &a.segments {
        let m = &s.measures;
        writeln!(
            out,
            "{:>7.2} {:>7.2} {:>6.2} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>5}  {}",
            s.start_s,
            s.end_s,
            m.voiced_s,
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

/// A monitoring status as a sentence.
pub fn monitor_status(s: &crate::pipeline::live::Status, lang: Lang) -> String {
    use crate::pipeline::live::Status as S;
    match (s, lang) {
        (S::Starting, _) => lang.pick("Démarrage…", "Starting…").into(),
        (S::Listening { device }, Lang::Fr) => format!("Écoute du micro « {device} »."),
        (S::Listening { device }, Lang::En) => format!("Listening to microphone \"{device}\"."),
        (S::NoDevice(why), _) => {
            use crate::pipeline::live::DeviceProblem as D;
            let what = match (why, lang) {
                (D::Absent, Lang::Fr) => "Aucun micro n'est branché".to_string(),
                (D::Absent, Lang::En) => "No microphone is connected".to_string(),
                (D::NotFound(n), Lang::Fr) => format!("Aucun micro ne s'appelle « {n} »"),
                (D::NotFound(n), Lang::En) => format!("No microphone is called \"{n}\""),
                (D::Unavailable(d), Lang::Fr) => format!(
                    "Le micro ne peut pas être ouvert, peut-être pris par une autre application ({d})"
                ),
                (D::Unavailable(d), Lang::En) => {
                    format!(
                        "The microphone cannot be opened, perhaps taken by another application ({d})"
                    )
                }
                (D::Lost, Lang::Fr) => "Le micro a été débranché ou perdu".to_string(),
                (D::Lost, Lang::En) => "The microphone was unplugged or lost".to_string(),
            };
            format!(
                "{what}. {}",
                lang.pick(
                    "L'écoute reprendra d'elle-même dès qu'il sera disponible.",
                    "Listening resumes by itself as soon as it is available."
                )
            )
        }
        (S::VoiceTrouble(why), Lang::Fr) => {
            format!("La détection de la voix a échoué sur un passage ({why}) ; l'écoute continue.")
        }
        (S::VoiceTrouble(why), Lang::En) => {
            format!("Voice detection failed on a stretch ({why}); listening goes on.")
        }
        (S::Paused, _) => lang
            .pick(
                "Pause de confidentialité : le micro est coupé.",
                "Privacy pause: the microphone is off.",
            )
            .into(),
        (S::VaultTrouble(why), Lang::Fr) => format!(
            "Le coffre n'accepte pas les mesures ({why}) : elles sont gardées en mémoire et réessayées."
        ),
        (S::VaultTrouble(why), Lang::En) => format!(
            "The vault does not accept measurements ({why}): they are kept in memory and retried."
        ),
        (S::Stopped, _) => lang.pick("Écoute arrêtée.", "Listening stopped.").into(),
    }
}

/// A refused pop-up rules file: where, and that the previous rules still apply.
pub fn rules_error(e: &RulesError, lang: Lang) -> String {
    match (e, lang) {
        (RulesError::Unreadable { path, reason }, Lang::Fr) => format!(
            "Impossible de lire les règles de pop-ups {} ({reason}). Vérifiez le fichier et ses droits.",
            path.display()
        ),
        (RulesError::Unreadable { path, reason }, Lang::En) => format!(
            "Cannot read the pop-up rules {} ({reason}). Check the file and its permissions.",
            path.display()
        ),
        (
            RulesError::Invalid {
                path,
                line,
                column,
                reason,
            },
            Lang::Fr,
        ) => format!(
            "Les règles de pop-ups {} sont invalides ligne {line}, colonne {column} : {reason}. Corrigez cet endroit ; en attendant, les règles précédentes restent appliquées.",
            path.display()
        ),
        (
            RulesError::Invalid {
                path,
                line,
                column,
                reason,
            },
            Lang::En,
        ) => format!(
            "The pop-up rules {} are invalid at line {line}, column {column}: {reason}. Fix that place; meanwhile the previous rules stay in force.",
            path.display()
        ),
    }
}

/// A pop-up source's state.
pub fn source_report(r: &SourceReport, lang: Lang) -> String {
    let name = match r.source {
        "windows" => lang.pick("Fenêtres", "Windows"),
        "notifications" => lang.pick("Notifications", "Notifications"),
        "hotkey" => lang.pick("Raccourci clavier", "Hotkey"),
        "ocr" => lang.pick(
            "Lecture du texte des fenêtres (OCR)",
            "Reading window text (OCR)",
        ),
        "pages" => lang.pick("Pages web et applications", "Web pages and apps"),
        "extension" => lang.pick("Extension de navigateur", "Browser extension"),
        other => other,
    };
    let state = match (&r.state, lang) {
        (SourceState::Watching, _) => lang.pick("surveillance active.", "watching.").to_string(),
        (SourceState::SwitchedOn, _) => lang
            .pick(
                "surveillance active. L'accessibilité du bureau vient d'être activée : relancez les navigateurs et applications ouverts avant Témoin pour que leurs pop-ups soient lus.",
                "watching. The desktop's accessibility was just switched on: restart the browsers and apps opened before Témoin so that their pop-ups are read.",
            )
            .to_string(),
        (SourceState::Unavailable(why), Lang::Fr) => {
            format!("indisponible ici ({why}) ; le reste de Témoin fonctionne.")
        }
        (SourceState::Unavailable(why), Lang::En) => {
            format!("unavailable here ({why}); the rest of Témoin runs.")
        }
        (SourceState::Lost(why), Lang::Fr) => {
            format!("connexion perdue ({why}) ; reconnexion automatique dès que possible.")
        }
        (SourceState::Lost(why), Lang::En) => {
            format!("connection lost ({why}); reconnecting as soon as possible.")
        }
        (SourceState::Stopped, _) => lang.pick("arrêté.", "stopped.").to_string(),
    };
    format!("{name} : {state}")
}

pub fn consistency_label(c: Consistency, lang: Lang) -> &'static str {
    match c {
        Consistency::Contradicted => {
            lang.pick("contredit par la mesure", "contradicted by measurement")
        }
        Consistency::Consistent => {
            lang.pick("cohérent avec la mesure", "consistent with measurement")
        }
        Consistency::NotMeasurable => lang.pick("non mesurable", "not measurable"),
    }
}

/// The verdict with the numbers behind it: "contredit : 175 mots/min, votre médiane 151".
pub fn consistency_text(p: &PopupSeen, lang: Lang) -> Option<String> {
    let c = p.consistency?;
    let m = p.measured.as_ref();
    let numbers = m.and_then(|m| match p.category? {
        PopupCategory::PaceFaster | PopupCategory::PaceSlower => {
            match (m.words_per_minute, m.usual_words_per_minute) {
                (Some(r), Some(u)) => Some(format!(
                    "{r:.0} {} ({} {u:.0})",
                    lang.pick("mots/min", "words/min"),
                    lang.pick("votre médiane", "your median")
                )),
                _ => m
                    .syllables_per_s
                    .zip(m.usual_syllables_per_s)
                    .map(|(r, u)| {
                        format!(
                            "{r:.1} {} ({} {u:.1})",
                            lang.pick("syllabes/s", "syllables/s"),
                            lang.pick("votre médiane", "your median")
                        )
                    }),
            }
        }
        PopupCategory::Thanks => m.thanks_in_call.map(|n| {
            format!(
                "{n} {}",
                lang.pick("remerciement(s) dans l'appel", "thanks in the call")
            )
        }),
        PopupCategory::Apology => m.apologies_in_call.map(|n| {
            format!(
                "{n} {}",
                lang.pick("excuse(s) dans l'appel", "apologies in the call")
            )
        }),
        PopupCategory::Silence => m.speaking_at_cue.filter(|s| *s).map(|_| {
            lang.pick(
                "vous parliez à ce moment",
                "you were speaking at that moment",
            )
            .to_string()
        }),
        _ => None,
    });
    Some(match numbers {
        Some(n) => format!("{} : {n}", consistency_label(c, lang)),
        None => consistency_label(c, lang).to_string(),
    })
}

/// A NASA-TLX scale: its name, the question, and what 0 and 100 mean.
pub fn tlx_question(s: Scale, lang: Lang) -> [&'static str; 4] {
    match (s, lang) {
        (Scale::Mental, Lang::Fr) => [
            "Exigence mentale",
            "Quelle activité mentale ce service vous a-t-il demandée (réfléchir, décider, retenir, chercher) ?",
            "très faible",
            "très élevée",
        ],
        (Scale::Mental, Lang::En) => [
            "Mental demand",
            "How mentally demanding was this shift (thinking, deciding, remembering, searching)?",
            "very low",
            "very high",
        ],
        (Scale::Physical, Lang::Fr) => [
            "Exigence physique",
            "Quelle activité physique vous a-t-il demandée (voix, posture, écran, casque) ?",
            "très faible",
            "très élevée",
        ],
        (Scale::Physical, Lang::En) => [
            "Physical demand",
            "How physically demanding was it (voice, posture, screen, headset)?",
            "very low",
            "very high",
        ],
        (Scale::Temporal, Lang::Fr) => [
            "Pression du temps",
            "Quelle pression de la cadence et du temps avez-vous ressentie ?",
            "très faible",
            "très élevée",
        ],
        (Scale::Temporal, Lang::En) => [
            "Temporal demand",
            "How hurried or rushed was the pace?",
            "very low",
            "very high",
        ],
        (Scale::Performance, Lang::Fr) => [
            "Réussite",
            "Dans quelle mesure avez-vous réussi ce qu'on vous demandait ? (0 = parfaitement)",
            "parfaitement",
            "échec",
        ],
        (Scale::Performance, Lang::En) => [
            "Performance",
            "How successful were you in doing what was asked? (0 = perfectly)",
            "perfect",
            "failure",
        ],
        (Scale::Effort, Lang::Fr) => [
            "Effort",
            "Quel effort avez-vous dû fournir pour y arriver ?",
            "très faible",
            "très élevé",
        ],
        (Scale::Effort, Lang::En) => [
            "Effort",
            "How hard did you have to work to reach that level?",
            "very low",
            "very high",
        ],
        (Scale::Frustration, Lang::Fr) => [
            "Frustration",
            "Quel niveau d'irritation, de stress ou de découragement avez-vous ressenti ?",
            "très faible",
            "très élevé",
        ],
        (Scale::Frustration, Lang::En) => [
            "Frustration",
            "How irritated, stressed or discouraged were you?",
            "very low",
            "very high",
        ],
    }
}

fn minutes(s: f64) -> String {
    let m = (s / 60.0).round() as i64;
    if m >= 60 {
        format!("{} h {:02}", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// Workload figures as sentences a non-specialist reads.
pub fn workload_figures(f: &Figures, lang: Lang) -> Vec<String> {
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |s| format!("{s:.0} s"));
    let pct = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |x| format!("{:.0} %", x * 100.0));
    match lang {
        Lang::Fr => vec![
            format!(
                "Appels : {} ; temps au téléphone : {} sur {} de présence (occupation {}).",
                f.calls,
                minutes(f.phone_s),
                minutes(f.logged_s),
                pct(f.occupancy)
            ),
            format!(
                "Durée moyenne d'un appel : {} ; récupération entre deux appels : {} en moyenne, {} au plus court.",
                opt(f.mean_handle_s),
                opt(f.mean_recovery_s),
                opt(f.min_recovery_s)
            ),
            format!(
                "Plus longue suite d'appels sans pause : {} ({} appel{}).",
                minutes(f.longest_run_s),
                f.longest_run_calls,
                if f.longest_run_calls > 1 { "s" } else { "" }
            ),
            format!(
                "Au téléphone le soir ou la nuit (20 h – 7 h) : {} ; le week-end : {}. Pop-ups pendant les appels : {}.",
                minutes(f.evening_s),
                minutes(f.weekend_s),
                f.popups
            ),
        ],
        Lang::En => vec![
            format!(
                "Calls: {}; time on the phone: {} of {} logged (occupancy {}).",
                f.calls,
                minutes(f.phone_s),
                minutes(f.logged_s),
                pct(f.occupancy)
            ),
            format!(
                "Average handle time: {}; recovery between calls: {} on average, {} at the shortest.",
                opt(f.mean_handle_s),
                opt(f.mean_recovery_s),
                opt(f.min_recovery_s)
            ),
            format!(
                "Longest run of calls without a break: {} ({} call{}).",
                minutes(f.longest_run_s),
                f.longest_run_calls,
                if f.longest_run_calls == 1 { "" } else { "s" }
            ),
            format!(
                "On the phone in the evening or at night (20:00–07:00): {}; at weekends: {}. Pop-ups during calls: {}.",
                minutes(f.evening_s),
                minutes(f.weekend_s),
                f.popups
            ),
        ],
    }
}

/// Why a file is not a bundle that can be read, and what to do.
pub fn bundle_unreadable(e: &crate::evidence::bundle::Unreadable, lang: Lang) -> String {
    use crate::evidence::bundle::Unreadable as U;
    match (e, lang) {
        (U::TooLarge { bytes, max }, Lang::Fr) => format!(
            "Fichier trop gros pour un export Témoin ({} Mo ; au plus {} Mo) : ce n'est sans doute pas un export. Demandez un export plus court ou au niveau « daily ».",
            bytes / 1_048_576,
            max / 1_048_576
        ),
        (U::TooLarge { bytes, max }, Lang::En) => format!(
            "File too large for a Témoin export ({} MB; at most {} MB): probably not an export. Ask for a shorter period or the \"daily\" level.",
            bytes / 1_048_576,
            max / 1_048_576
        ),
        (U::Empty, _) => lang
            .pick(
                "Le fichier est vide : l'export n'a pas été copié en entier. Demandez-le à nouveau.",
                "The file is empty: the export was not copied whole. Ask for it again.",
            )
            .into(),
        (U::NotJson(_), _) => lang
            .pick(
                "Ce fichier n'est pas lisible (coupé ou abîmé) : ce n'est pas un export Témoin complet. Demandez une nouvelle copie.",
                "This file cannot be read (cut short or damaged): not a complete Témoin export. Ask for a new copy.",
            )
            .into(),
        (U::NotABundle, _) => lang
            .pick(
                "Ce fichier n'est pas un export Témoin.",
                "This file is not a Témoin export.",
            )
            .into(),
        (U::UnknownVersion(v), Lang::Fr) => format!(
            "Cet export est au format version {v}, inconnu de cette version de Témoin : mettez Témoin à jour pour le vérifier."
        ),
        (U::UnknownVersion(v), Lang::En) => format!(
            "This export is in format version {v}, unknown to this version of Témoin: update Témoin to verify it."
        ),
        (U::Malformed(what), Lang::Fr) => {
            format!("Cet export est abîmé ({what}) : il ne peut pas être vérifié. Demandez une nouvelle copie.")
        }
        (U::Malformed(what), Lang::En) => {
            format!("This export is damaged ({what}): it cannot be verified. Ask for a new copy.")
        }
    }
}

/// One thing wrong with a readable bundle.
pub fn bundle_problem(p: &crate::evidence::bundle::Problem, lang: Lang) -> String {
    use crate::evidence::bundle::Problem as P;
    let day = |at: &chrono::DateTime<chrono::FixedOffset>| at.format("%Y-%m-%d %H:%M").to_string();
    match (p, lang) {
        (P::BadSignature, _) => lang
            .pick(
                "Signature invalide : le contenu a été modifié après l'export, ou il n'a pas été signé par cette clé.",
                "Bad signature: the content was changed after export, or it was not signed by this key.",
            )
            .into(),
        (P::RowsNotSigned, _) => lang
            .pick(
                "Export à l'ancien format (version 1) : la liste de ses événements n'est pas signée, des événements ont pu en être retirés sans que cela se voie. Demandez un nouvel export.",
                "Old-format export (version 1): the list of its events is not signed, events could have been removed unseen. Ask for a new export.",
            )
            .into(),
        (P::RowsMalformed, _) => lang
            .pick(
                "La liste signée des événements de l'export est incohérente (hors du journal ou dans le désordre).",
                "The export's signed list of events does not hold together (outside the log or out of order).",
            )
            .into(),
        (P::Missing { positions, total }, Lang::Fr) => format!(
            "{} annoncé{} manque{} : {}.",
            count_fr(*total, "événement", "événements"),
            if *total > 1 { "s" } else { "" },
            if *total > 1 { "nt" } else { "" },
            numbered(positions, *total, lang)
        ),
        (P::Missing { positions, total }, Lang::En) => format!(
            "{} announced {} missing: {}.",
            count_en(*total, "event", "events"),
            if *total > 1 { "are" } else { "is" },
            numbered(positions, *total, lang)
        ),
        (P::Unexpected { positions, total }, Lang::Fr) => format!(
            "{} ajouté{} sans figurer dans la liste signée : {}.",
            count_fr(*total, "événement", "événements"),
            if *total > 1 { "s" } else { "" },
            numbered(positions, *total, lang)
        ),
        (P::Unexpected { positions, total }, Lang::En) => format!(
            "{} added without being in the signed list: {}.",
            count_en(*total, "event", "events"),
            numbered(positions, *total, lang)
        ),
        (P::OutsidePeriod { seq, date }, Lang::Fr) => match date {
            Some(d) => format!(
                "L'événement n° {seq} est daté du {} : hors de la période de l'export.",
                d.format("%d/%m/%Y")
            ),
            None => format!("L'événement n° {seq} n'a pas de date lisible."),
        },
        (P::OutsidePeriod { seq, date }, Lang::En) => match date {
            Some(d) => format!(
                "Event no. {seq} is dated {}: outside the export's period.",
                d.format("%Y-%m-%d")
            ),
            None => format!("Event no. {seq} has no readable date."),
        },
        (P::ImpossibleFigures { start }, Lang::Fr) => format!(
            "Les chiffres du {} sont impossibles (plus de temps que la durée, plus de pop-ups signalés que de pop-ups, ou hors de la période).",
            start.format("%d/%m/%Y %H:%M")
        ),
        (P::ImpossibleFigures { start }, Lang::En) => format!(
            "The figures of {} are impossible (more time than the span, more flagged pop-ups than pop-ups, or outside the period).",
            start.format("%Y-%m-%d %H:%M")
        ),
        (P::AlteredEvent { seq, .. }, Lang::Fr) => {
            format!("L'événement n° {seq} a été modifié : ce n'est pas celui du journal.")
        }
        (P::AlteredEvent { seq, .. }, Lang::En) => {
            format!("Event no. {seq} was altered: it is not the one in the log.")
        }
        (P::ProofFails, _) => lang
            .pick(
                "Les événements et leur preuve ne mènent pas à la racine du journal : des événements ou la preuve ont été modifiés.",
                "The events and their proof do not lead to the log's root: events or the proof were altered.",
            )
            .into(),
        (P::OtherWorker { at }, Lang::Fr) => format!(
            "Le point de contrôle du {} a été signé par une autre personne que cet export.",
            day(at)
        ),
        (P::OtherWorker { at }, Lang::En) => format!(
            "The checkpoint of {} was signed by someone other than this export's signer.",
            day(at)
        ),
        (P::CheckpointLater { at }, Lang::Fr) => format!(
            "Le point de contrôle du {} couvre plus d'événements que cet export : l'export est plus ancien, ou des événements ont été supprimés.",
            day(at)
        ),
        (P::CheckpointLater { at }, Lang::En) => format!(
            "The checkpoint of {} covers more events than this export: the export is older, or events were removed.",
            day(at)
        ),
        (P::Inconsistent { at }, Lang::Fr) => format!(
            "Incohérent avec le point de contrôle du {} : des événements remis avant ce jour ont été supprimés, modifiés ou antidatés.",
            day(at)
        ),
        (P::Inconsistent { at }, Lang::En) => format!(
            "Inconsistent with the checkpoint of {}: events given before that day were removed, altered or back-dated.",
            day(at)
        ),
    }
}

fn count_fr(n: u64, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{n} {many}")
    } else {
        format!("{n} {one}")
    }
}

fn count_en(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// « n° 7 et n° 8 », « n° 7, n° 8 et 40 autres ».
fn numbered(positions: &[u64], total: u64, lang: Lang) -> String {
    let no = lang.pick("n°", "no.");
    let mut parts: Vec<String> = positions.iter().map(|p| format!("{no} {p}")).collect();
    let rest = total.saturating_sub(positions.len() as u64);
    if rest > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{rest} autre{}", if rest > 1 { "s" } else { "" }),
            Lang::En => format!("{rest} other{}", if rest == 1 { "" } else { "s" }),
        });
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => {
            let last = parts.remove(n - 1);
            format!("{} {} {last}", parts.join(", "), lang.pick("et", "and"))
        }
    }
}

pub fn checkpoint_error(e: &crate::evidence::checkpoint::CheckpointError, lang: Lang) -> String {
    use crate::evidence::checkpoint::CheckpointError as C;
    match (e, lang) {
        (C::NotACheckpoint, _) => lang
            .pick(
                "Ce texte n'est pas un point de contrôle Témoin (il commence par « temoin-checkpoint »).",
                "This text is not a Témoin checkpoint (it starts with \"temoin-checkpoint\").",
            )
            .into(),
        (C::UnknownVersion(v), Lang::Fr) => format!(
            "Point de contrôle au format version {v}, inconnu de cette version : mettez Témoin à jour."
        ),
        (C::UnknownVersion(v), Lang::En) => {
            format!("Checkpoint format version {v} is unknown to this version: update Témoin.")
        }
        (C::Malformed(what), Lang::Fr) => {
            format!("Point de contrôle incomplet ou abîmé ({what}) : recopiez la ligne entière.")
        }
        (C::Malformed(what), Lang::En) => {
            format!("Checkpoint incomplete or damaged ({what}): copy the whole line again.")
        }
        (C::BadSignature, _) => lang
            .pick(
                "La signature de ce point de contrôle est invalide : il a été modifié ou fabriqué.",
                "This checkpoint's signature is not valid: it was altered or forged.",
            )
            .into(),
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
    let level = match b.level {
        Level::Events => format!("{} {}", b.events.len(), lang.pick("événements", "events")),
        Level::Hourly => format!(
            "{} {}",
            b.aggregates.len(),
            lang.pick("heure(s)", "hour(s)")
        ),
        Level::Daily => format!("{} {}", b.aggregates.len(), lang.pick("jour(s)", "day(s)")),
    };
    let mut out = vec![
        format!(
            "{} {} ({} {}).",
            lang.pick("Signé par", "Signed by"),
            v.key.pseudonym(),
            lang.pick("empreinte", "fingerprint"),
            v.key.fingerprint()
        ),
        format!(
            "{} {} {} {} ; {level} ; {} {} {}.",
            lang.pick("Période : du", "Period: from"),
            b.period.from,
            lang.pick("au", "to"),
            b.period.to,
            lang.pick("journal de", "log of"),
            b.log.size,
            lang.pick("événements", "events"),
        ),
    ];
    for at in &v.extends {
        out.push(format!(
            "{} {}.",
            lang.pick(
                "Prolonge bien le point de contrôle du",
                "Extends the checkpoint of"
            ),
            at.format("%Y-%m-%d %H:%M")
        ));
    }
    if v.figures_only() {
        out.push(
            lang.pick(
                "Chiffres par heure ou par jour : signés par l'appareil du salarié, ils ne sont pas prouvés événement par événement.",
                "Hourly or daily figures: signed by the worker's device, they are not proven event by event.",
            )
            .into(),
        );
    }
    if v.intact() {
        out.push(lang.pick("Intact.", "Intact.").into());
    } else {
        out.push(lang.pick("PAS INTACT :", "NOT INTACT:").into());
        out.extend(
            v.problems
                .iter()
                .map(|p| format!("- {}", bundle_problem(p, lang))),
        );
    }
    out
}
