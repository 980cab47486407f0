//! The command line's arguments (their help is written in the Fluent files: [`super::help`]).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use temoin::lang::Lang;
use temoin::speech::SpokenLanguage;

#[derive(Parser)]
#[command(
    name = "temoin",
    version,
    about = "Témoin : votre propre relevé de la surveillance au travail / your own record of workplace surveillance"
)]
pub(crate) struct Cli {
    /// Fichier du coffre / vault file (défaut : dossier de données de l'utilisateur).
    #[arg(long, global = true, env = "TEMOIN_VAULT")]
    pub(crate) vault: Option<PathBuf>,
    /// Langue des messages / language of messages.
    /// (Par défaut celle choisie dans la fenêtre, sinon le français / default: the one chosen
    /// in the window, otherwise French.)
    #[arg(long, global = true, value_enum, env = "TEMOIN_LANG")]
    pub(crate) lang: Option<Lang>,
    /// Sans commande : la fenêtre / without a command: the window.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ExtensionAction {
    /// Enregistre l'hôte auprès des navigateurs de l'utilisateur / registers the host with the
    /// user's browsers.
    Install,
}

/// The window's views, by their French names.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ViewArg {
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
pub(crate) enum Command {
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
    /// Ajoute une note, sans phrase de passe ; sans texte (ou « - »), la note est lue au clavier
    /// ou sur l'entrée standard, hors de la ligne de commande / append a note; without text (or
    /// "-"), it is read from the keyboard or standard input, out of the command line.
    Note { text: Option<String> },
    /// Déchiffre et liste les événements / decrypt and list events.
    Events {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
        /// À partir du jour (AAAA-MM-JJ, heure locale de l'événement) / from this day.
        #[arg(value_parser = crate::cli::help::date, long)]
        from: Option<NaiveDate>,
        /// Jusqu'au jour inclus / up to and including this day.
        #[arg(value_parser = crate::cli::help::date, long)]
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
        /// Le destinataire à qui les points de contrôle ont été remis (« --for » donné alors) /
        /// the recipient the checkpoints were given to.
        #[arg(long = "for", value_name = "NOM")]
        recipient: Option<String>,
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
    Popup(super::popup::PopupArgs),
    /// L'extension de navigateur (pop-ups des pages) / the browser extension (page pop-ups).
    Extension {
        #[arg(value_enum)]
        action: ExtensionAction,
    },
    /// Le témoin du CSE : contre-signe les points de contrôle des journaux inscrits /
    /// the works council's witness: cosigns the checkpoints of the logs enrolled.
    Witness {
        #[command(subcommand)]
        action: super::witness::WitnessAction,
    },
    /// Les sources des appels : les flux audio des applications, et le softphone choisi / where
    /// calls are found: the applications' audio streams, and the softphone chosen.
    Calls {
        #[command(subcommand)]
        action: super::workload::CallsAction,
    },
    /// Marque le début ou la fin d'un appel, sans phrase de passe / mark a call's start or end.
    Call {
        #[arg(value_enum)]
        action: super::workload::CallAction,
    },
    /// Bilan de fin de service (NASA-TLX, moins d'une minute), sans phrase de passe /
    /// end-of-shift self-report, no passphrase needed.
    #[command(name = "fin-de-service", alias = "end-of-shift")]
    FinDeService(super::workload::SelfReportArgs),
    /// Exporte une période, signée, pour le CSE ou le médecin du travail (phrase de passe) /
    /// export a signed period for the works council or occupational doctor (asks the passphrase).
    Export(super::evidence::ExportArgs),
    /// Point de contrôle signé du journal, à remettre à un représentant (phrase de passe) /
    /// a signed checkpoint of the log to hand to a representative (asks the passphrase).
    Checkpoint {
        /// Écrire aussi la ligne dans ce fichier / also write the line to this file.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Pour qui (un nom par destinataire : chacun a sa propre signature) / for whom (a name per
        /// recipient: each gets its own signature).
        #[arg(long = "for", value_name = "NOM")]
        recipient: Option<String>,
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
    Report(super::evidence::ReportArgs),
    /// Relevé collectif du CSE à partir des exports de plusieurs personnes /
    /// the works council's collective report from several people's exports.
    Aggregate(super::evidence::AggregateArgs),
    /// Corrige le début et/ou la fin du service d'un jour, sans phrase de passe /
    /// correct the start and/or end of a day's shift, no passphrase needed.
    #[command(name = "corriger-service", alias = "correct-shift")]
    CorrigerService(super::workload::ShiftArgs),
    /// Charge de travail : appels, récupération, occupation, suites sans pause (phrase de passe) /
    /// workload indicators (asks the passphrase).
    Workload {
        #[arg(long)]
        json: bool,
    },
    /// Écrit les pages de manuel et les complétions du paquet (scripts/package) / writes the
    /// package's manual pages and shell completions.
    #[command(hide = true)]
    PaquetDocs { dossier: PathBuf },
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
