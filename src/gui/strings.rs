//! Every word the window shows, French first, English second, in one place.

use super::history::{Figures, Filter};
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

pub fn verify_heading(lang: Lang) -> &'static str {
    lang.pick("Vérifier un export", "Verify an export")
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

pub fn export_later(lang: Lang) -> &'static str {
    lang.pick(
        "Exporter, points de contrôle, relevé : pas encore disponible dans la fenêtre (commandes temoin export, checkpoint, report).",
        "Export, checkpoints, report: not available in the window yet (commands temoin export, checkpoint, report).",
    )
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
