//! Every word the window shows, French first, English second, in one place.

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
