//! Every word the window shows, French first, English second, in one place.

use super::history::{Figures, Filter};
use std::path::Path;

use chrono::NaiveDate;

use crate::events::PopupCategory;
use crate::messages::Lang;

pub fn title(_lang: Lang) -> &'static str {
    "Témoin"
}

pub fn popup_button(_lang: Lang) -> &'static str {
    "Pop-up !"
}

pub fn popup_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Un clic (ou Ctrl+Alt+P) quand un pop-up de surveillance apparaît.",
        "One click (or Ctrl+Alt+P) when a surveillance pop-up appears.",
    )
}

pub fn what_was_it(lang: Lang) -> &'static str {
    lang.pick(
        "Que demandait-il ? (facultatif)",
        "What did it ask? (optional)",
    )
}

pub fn pause(lang: Lang) -> &'static str {
    lang.pick("Pause", "Pause")
}

pub fn resume(lang: Lang) -> &'static str {
    lang.pick("Reprendre", "Resume")
}

pub fn paused(lang: Lang) -> &'static str {
    lang.pick(
        "En pause : rien n'est écouté ni surveillé.",
        "Paused: nothing is listened to or watched.",
    )
}

pub fn not_listening(lang: Lang) -> &'static str {
    lang.pick(
        "Micro non écouté : seuls les pop-ups sont relevés.",
        "Microphone not listened to: only pop-ups are recorded.",
    )
}

pub fn counters_heading(lang: Lang) -> &'static str {
    lang.pick("Aujourd'hui", "Today")
}

pub fn popups_today(lang: Lang) -> &'static str {
    lang.pick("Pop-ups", "Pop-ups")
}

pub fn emotion_today(lang: Lang) -> &'static str {
    lang.pick("dont analyse des émotions", "of which emotion analysis")
}

pub fn contradicted_today(lang: Lang) -> &'static str {
    lang.pick("contredits par la mesure", "contradicted by measurement")
}

pub fn calls_today(lang: Lang) -> &'static str {
    lang.pick("Appels", "Calls")
}

pub fn phone_time_today(lang: Lang) -> &'static str {
    lang.pick("Temps au téléphone", "Time on the phone")
}

pub fn recorded_at(lang: Lang) -> &'static str {
    lang.pick("Pop-up enregistré à", "Pop-up recorded at")
}

pub fn categorised(lang: Lang) -> &'static str {
    lang.pick("Catégorie enregistrée :", "Category recorded:")
}

pub fn no_data_kept(lang: Lang) -> &'static str {
    lang.pick(
        "Aucun son ni texte n'est gardé ; rien ne quitte ce poste sans vous.",
        "No sound or text is kept; nothing leaves this computer without you.",
    )
}

pub fn not_yet(lang: Lang) -> &'static str {
    lang.pick("pas encore disponible", "not available yet")
}

pub fn strain_gauge(lang: Lang) -> &'static str {
    lang.pick("Tension vocale (indicateur)", "Vocal strain (indicator)")
}

/// The categories offered right after a pop-up, in the order a worker meets them most.
pub const QUICK: [PopupCategory; 6] = [
    PopupCategory::PaceFaster,
    PopupCategory::PaceSlower,
    PopupCategory::Thanks,
    PopupCategory::Apology,
    PopupCategory::Empathy,
    PopupCategory::Other,
];

pub fn tab_today(lang: Lang) -> &'static str {
    lang.pick("Aujourd'hui", "Today")
}

pub fn tab_end_of_shift(lang: Lang) -> &'static str {
    lang.pick("Fin de service", "End of shift")
}

pub fn end_of_shift_intro(lang: Lang) -> &'static str {
    lang.pick(
        "Bilan de fin de service, moins d'une minute, si vous le voulez : rien n'est obligatoire.",
        "End-of-shift report, under a minute, if you wish: nothing is required.",
    )
}

pub fn note_label(lang: Lang) -> &'static str {
    lang.pick("Une note (facultatif)", "A note (optional)")
}

pub fn save(lang: Lang) -> &'static str {
    lang.pick("Enregistrer", "Save")
}

pub fn report_saved(lang: Lang) -> &'static str {
    lang.pick(
        "Bilan enregistré. Merci, et bonne fin de journée.",
        "Report saved. Thank you, and have a good evening.",
    )
}

pub fn tab_evidence(lang: Lang) -> &'static str {
    lang.pick("Preuves", "Evidence")
}

pub fn bundle_file(lang: Lang) -> &'static str {
    lang.pick("Fichier de l'export (.json)", "Export file (.json)")
}

pub fn verify(lang: Lang) -> &'static str {
    lang.pick("Vérifier", "Verify")
}

pub fn verifying(lang: Lang) -> &'static str {
    lang.pick("Vérification en cours…", "Verifying…")
}

pub fn tab_history(lang: Lang) -> &'static str {
    lang.pick("Historique", "History")
}

pub fn passphrase(lang: Lang) -> &'static str {
    lang.pick("Phrase de passe", "Passphrase")
}

pub fn open(lang: Lang) -> &'static str {
    lang.pick("Ouvrir", "Open")
}

pub fn opening(lang: Lang) -> &'static str {
    lang.pick(
        "Ouverture du coffre… (quelques secondes)",
        "Opening the vault… (a few seconds)",
    )
}

pub fn locked_itself(lang: Lang) -> &'static str {
    lang.pick(
        "Verrouillé après quelques minutes sans activité.",
        "Locked after a few minutes without activity.",
    )
}

pub fn history_why(lang: Lang) -> &'static str {
    lang.pick(
        "Votre historique est chiffré : votre phrase de passe l'ouvre, sur ce poste seulement. Il se verrouille seul après 5 minutes sans activité.",
        "Your history is encrypted: your passphrase opens it, on this computer only. It locks itself after 5 minutes without activity.",
    )
}

pub fn lock_now(lang: Lang) -> &'static str {
    lang.pick("Verrouiller", "Lock")
}

pub fn day(lang: Lang) -> &'static str {
    lang.pick("Jour", "Day")
}

pub fn week(lang: Lang) -> &'static str {
    lang.pick("Semaine", "Week")
}

pub fn month(lang: Lang) -> &'static str {
    lang.pick("Mois", "Month")
}

pub fn earlier(lang: Lang) -> &'static str {
    lang.pick("‹ Avant", "‹ Earlier")
}

pub fn later(lang: Lang) -> &'static str {
    lang.pick("Après ›", "Later ›")
}

pub fn back_to_today(lang: Lang) -> &'static str {
    lang.pick("Aujourd'hui", "Today")
}

pub fn rows_unreadable(lang: Lang) -> &'static str {
    lang.pick(
        "ligne(s) illisible(s) dans le coffre (modifiées, ou écrites par une version plus récente) : « temoin check » dit lesquelles.",
        "unreadable row(s) in the vault (altered, or written by a newer version): « temoin check » says which.",
    )
}

pub fn charts(lang: Lang) -> &'static str {
    lang.pick("Graphiques", "Charts")
}

pub fn event_list(lang: Lang) -> &'static str {
    lang.pick("Événements", "Events")
}

pub fn popups_by_hour(lang: Lang) -> &'static str {
    lang.pick(
        "Pop-ups par heure de la journée",
        "Pop-ups by hour of the day",
    )
}

pub fn popups_other(lang: Lang) -> &'static str {
    lang.pick("autres pop-ups", "other pop-ups")
}

pub fn popups_emotion(lang: Lang) -> &'static str {
    lang.pick("analyse des émotions", "emotion analysis")
}

pub fn hour_of_day(lang: Lang) -> &'static str {
    lang.pick("heure", "hour")
}

pub fn day_of_period(lang: Lang) -> &'static str {
    lang.pick("jour de la période", "day of the period")
}

pub fn categories(lang: Lang) -> &'static str {
    lang.pick("Ce que demandaient les pop-ups", "What the pop-ups asked")
}

pub fn uncategorised(lang: Lang) -> &'static str {
    lang.pick("sans catégorie", "uncategorised")
}

pub fn nothing_in_period(lang: Lang) -> &'static str {
    lang.pick("Rien sur cette période.", "Nothing in this period.")
}

pub fn strain_and_popups(lang: Lang) -> &'static str {
    lang.pick("Tension vocale et pop-ups", "Vocal strain and pop-ups")
}

pub fn strain_episodes(lang: Lang) -> &'static str {
    lang.pick("épisodes de tension vocale", "vocal-strain episodes")
}

pub fn strain_is_indicator(lang: Lang) -> &'static str {
    lang.pick(
        "Un épisode : plusieurs mesures de votre voix (hauteur, intensité, régularité) loin de votre habitude pendant un moment. Un indicateur d'effort vocal, pas un diagnostic.",
        "An episode: several measures of your voice (pitch, loudness, steadiness) far from your usual for a while. An indicator of vocal effort, not a diagnosis.",
    )
}

pub fn workload(lang: Lang) -> &'static str {
    lang.pick("Charge de travail", "Workload")
}

pub fn phone_hours(lang: Lang) -> &'static str {
    lang.pick("heures au téléphone", "hours on the phone")
}

pub fn show(lang: Lang) -> &'static str {
    lang.pick("Afficher :", "Show:")
}

pub fn events_shown(lang: Lang) -> &'static str {
    lang.pick("événement(s), du plus récent", "event(s), newest first")
}

pub fn filter(f: Filter, lang: Lang) -> &'static str {
    match f {
        Filter::All => lang.pick("tout", "all"),
        Filter::Popups => lang.pick("pop-ups", "pop-ups"),
        Filter::Emotion => lang.pick("analyse des émotions", "emotion analysis"),
        Filter::Calls => lang.pick("appels", "calls"),
        Filter::Strain => lang.pick("tension vocale", "vocal strain"),
        Filter::Speech => lang.pick("parole mesurée", "speech measured"),
        Filter::SelfReports => lang.pick("bilans", "reports"),
        Filter::Pauses => lang.pick("pauses", "pauses"),
    }
}

/// A period's figures in one sentence.
pub fn period_summary(f: &Figures, lang: Lang) -> String {
    let (phone, present) = (f.phone_s / 3600.0, f.active_s / 3600.0);
    match lang {
        Lang::Fr => format!(
            "{} pop-up(s), dont {} analyse des émotions et {} contredit(s) par la mesure ; {} épisode(s) de tension vocale ; {} appel(s), {phone:.1} h au téléphone sur {present:.1} h de présence.",
            f.popups, f.emotion, f.contradicted, f.strain, f.calls
        ),
        Lang::En => format!(
            "{} pop-up(s), {} of them emotion analysis and {} contradicted by measurement; {} vocal-strain episode(s); {} call(s), {phone:.1} h on the phone in {present:.1} h present.",
            f.popups, f.emotion, f.contradicted, f.strain, f.calls
        ),
    }
}

pub fn lock_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Referme l'historique : la phrase de passe sera redemandée.",
        "Closes the history: the passphrase will be asked again.",
    )
}

pub fn export_tab(lang: Lang) -> &'static str {
    lang.pick("Exporter", "Export")
}

pub fn checkpoint_tab(lang: Lang) -> &'static str {
    lang.pick("Point de contrôle", "Checkpoint")
}

pub fn verify_tab(lang: Lang) -> &'static str {
    lang.pick("Vérifier un export", "Verify an export")
}

pub fn evidence_why(lang: Lang) -> &'static str {
    lang.pick(
        "Exporter et signer demandent votre phrase de passe : l'export est signé par la clé de ce poste, qu'elle protège.",
        "Exporting and signing need your passphrase: the export is signed with this computer's key, which it protects.",
    )
}

pub fn verify_what(lang: Lang) -> &'static str {
    lang.pick(
        "Un export qu'on vous remet (un collègue, le CSE) : Témoin dit s'il est intact et qui l'a signé.",
        "An export someone hands you (a colleague, the works council): Témoin says whether it is intact and who signed it.",
    )
}

pub fn export_step1(lang: Lang) -> &'static str {
    lang.pick(
        "Étape 1 sur 2 : la période et le niveau de détail.",
        "Step 1 of 2: the period and the level of detail.",
    )
}

pub fn export_step2(lang: Lang) -> &'static str {
    lang.pick(
        "Étape 2 sur 2 : voici exactement ce qui quittera ce poste.",
        "Step 2 of 2: this is exactly what will leave this computer.",
    )
}

pub fn from_day(lang: Lang) -> &'static str {
    lang.pick("Du (JJ/MM/AAAA)", "From (YYYY-MM-DD)")
}

pub fn to_day(lang: Lang) -> &'static str {
    lang.pick("Au (JJ/MM/AAAA)", "To (YYYY-MM-DD)")
}

pub fn dates_unreadable(lang: Lang) -> &'static str {
    lang.pick(
        "Dates à revoir : écrivez-les comme 25/11/2026, la première avant la seconde.",
        "Check the dates: write them as 2026-11-25, the first before the second.",
    )
}

pub fn level_daily(lang: Lang) -> &'static str {
    lang.pick("Chiffres par jour", "Daily figures")
}

pub fn level_daily_what(lang: Lang) -> &'static str {
    lang.pick(
        "Le moins détaillé : par jour, les pop-ups par catégorie, analyses des émotions, épisodes de tension vocale, appels. Ce que le CSE réunit le plus souvent.",
        "Least detailed: per day, pop-ups by category, emotion analyses, vocal-strain episodes, calls. What a works council pools most often.",
    )
}

pub fn level_hourly(lang: Lang) -> &'static str {
    lang.pick("Chiffres par heure", "Hourly figures")
}

pub fn level_hourly_what(lang: Lang) -> &'static str {
    lang.pick(
        "Les mêmes chiffres heure par heure (montre les heures de forte pression).",
        "The same figures hour by hour (shows the hours of heavy pressure).",
    )
}

pub fn level_events(lang: Lang) -> &'static str {
    lang.pick("Chaque événement", "Every event")
}

pub fn level_events_what(lang: Lang) -> &'static str {
    lang.pick(
        "Le plus détaillé : chaque pop-up (son texte tel qu'affiché), chaque mesure, chaque appel, avec la preuve de chacun. Pour un expert ou un avocat.",
        "Most detailed: every pop-up (its text as shown), every measurement, every call, each with its proof. For an expert or a lawyer.",
    )
}

pub fn next_preview(lang: Lang) -> &'static str {
    lang.pick("Suivant : aperçu", "Next: preview")
}

pub fn back(lang: Lang) -> &'static str {
    lang.pick("Retour", "Back")
}

pub fn export_now(lang: Lang) -> &'static str {
    lang.pick("Exporter et signer", "Export and sign")
}

pub fn file_to_write(lang: Lang) -> &'static str {
    lang.pick("Fichier à écrire", "File to write")
}

pub fn one_item(lang: Lang) -> &'static str {
    lang.pick(
        "Un élément, tel qu'il sera écrit :",
        "One item, as it will be written:",
    )
}

pub fn writing(lang: Lang) -> &'static str {
    lang.pick("Écriture en cours…", "Writing…")
}

pub fn report_heading(lang: Lang) -> &'static str {
    lang.pick("Relevé lisible", "Readable report")
}

pub fn report_what(lang: Lang) -> &'static str {
    lang.pick(
        "Une page à lire ou imprimer (HTML) sur la même période : résumé, graphiques, méthode. Non signée : joignez l'export pour la preuve.",
        "A page to read or print (HTML) over the same period: summary, charts, method. Not signed: attach the export as the proof.",
    )
}

pub fn write_report(lang: Lang) -> &'static str {
    lang.pick("Écrire le relevé", "Write the report")
}

pub fn export_period(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Période : du {} au {}.",
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        ),
        Lang::En => format!("Period: {from} to {to}."),
    }
}

pub fn export_signed_by(pseudonym: &str, fingerprint: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Signé par {pseudonym} (empreinte {fingerprint}) : un pseudonyme tiré de la clé de ce poste, ni nom ni matricule."
        ),
        Lang::En => format!(
            "Signed by {pseudonym} (fingerprint {fingerprint}): a pseudonym drawn from this computer's key, no name, no staff number."
        ),
    }
}

pub fn export_events(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{n} événement(s), chacun avec sa preuve :"),
        Lang::En => format!("{n} event(s), each with its proof:"),
    }
}

pub fn export_popup_texts(lang: Lang) -> &'static str {
    lang.pick(
        "Le texte des pop-ups tel qu'il s'affichait (numéros et adresses de clients masqués).",
        "The pop-ups' text as shown (customers' numbers and addresses masked).",
    )
}

pub fn export_figures(n: usize, hourly: bool, lang: Lang) -> String {
    match (lang, hourly) {
        (Lang::Fr, true) => {
            format!("{n} heure(s) de chiffres : aucun événement détaillé, aucun texte de pop-up.")
        }
        (Lang::Fr, false) => {
            format!("{n} jour(s) de chiffres : aucun événement détaillé, aucun texte de pop-up.")
        }
        (Lang::En, true) => {
            format!("{n} hour(s) of figures: no single event, no pop-up text.")
        }
        (Lang::En, false) => format!("{n} day(s) of figures: no single event, no pop-up text."),
    }
}

pub fn export_checkpoints(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Les {n} point(s) de contrôle déjà remis, avec la preuve que le journal les prolonge."
        ),
        Lang::En => format!(
            "The {n} checkpoint(s) already given, with the proof that the log extends them."
        ),
    }
}

pub fn export_never(lang: Lang) -> &'static str {
    lang.pick(
        "Jamais : aucun son, aucune transcription, rien sur les clients. Rien n'est envoyé : vous remettez le fichier vous-même.",
        "Never: no sound, no transcript, nothing about customers. Nothing is sent: you hand over the file yourself.",
    )
}

pub fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Impossible d'écrire {} ({e}). Choisissez un autre dossier (par exemple une clé USB ou vos Documents).",
            path.display()
        ),
        Lang::En => format!(
            "Cannot write {} ({e}). Choose another folder (a USB stick or your Documents, say).",
            path.display()
        ),
    }
}

pub fn export_written(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Export signé écrit : {}. Remettez ce fichier à votre représentant ; « Vérifier un export » montre ce qu'il verra.",
            path.display()
        ),
        Lang::En => format!(
            "Signed export written: {}. Hand this file to your representative; « Verify an export » shows what they will see.",
            path.display()
        ),
    }
}

pub fn report_written(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Relevé écrit : {} (s'ouvre dans un navigateur).",
            path.display()
        ),
        Lang::En => format!("Report written: {} (opens in a browser).", path.display()),
    }
}

pub fn checkpoint_what(lang: Lang) -> &'static str {
    lang.pick(
        "Un point de contrôle scelle votre journal tel qu'il est maintenant. Remettez-le (texte ou code QR) à votre représentant : tout export ultérieur devra prouver qu'il le prolonge, rien ne pourra en être retiré sans que cela se voie.",
        "A checkpoint seals your log as it is now. Hand it (text or QR code) to your representative: every later export must prove it extends it, nothing can be removed unseen.",
    )
}

pub fn give_checkpoint(lang: Lang) -> &'static str {
    lang.pick("Donner un point de contrôle", "Give a checkpoint")
}

pub fn checkpoint_given(lang: Lang) -> &'static str {
    lang.pick(
        "Point de contrôle signé, et noté dans votre journal.",
        "Checkpoint signed, and noted in your log.",
    )
}

pub fn checkpoint_line(lang: Lang) -> &'static str {
    lang.pick("Le point de contrôle (texte)", "The checkpoint (text)")
}

pub fn copy(lang: Lang) -> &'static str {
    lang.pick("Copier", "Copy")
}

pub fn checkpoint_qr(lang: Lang) -> &'static str {
    lang.pick(
        "Le même point de contrôle en code QR, à photographier.",
        "The same checkpoint as a QR code, to photograph.",
    )
}
