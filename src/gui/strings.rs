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

pub fn welcome_title(lang: Lang) -> &'static str {
    lang.pick("Bienvenue dans Témoin", "Welcome to Témoin")
}

pub fn wizard_step(n: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Étape {n} sur {of}"),
        Lang::En => format!("Step {n} of {of}"),
    }
}

pub fn does(lang: Lang) -> &'static str {
    lang.pick("Ce que fait Témoin", "What Témoin does")
}

pub fn does_list(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => [
            "Il note chaque pop-up de surveillance (automatiquement, ou d'un clic) et ce qu'il demandait.",
            "Il mesure votre propre voix (débit, effort vocal) pour montrer si le pop-up était mérité.",
            "Il compte vos appels, votre temps au téléphone, vos pauses.",
            "Il en fait des preuves signées que vous remettez, si vous le voulez, au CSE ou au médecin du travail.",
        ],
        Lang::En => [
            "It records every surveillance pop-up (automatically, or with a click) and what it asked.",
            "It measures your own voice (pace, vocal effort) to show whether the pop-up was deserved.",
            "It counts your calls, your time on the phone, your breaks.",
            "It makes signed evidence of it that you hand, if you wish, to the works council or the occupational doctor.",
        ],
    }
}

pub fn does_not(lang: Lang) -> &'static str {
    lang.pick("Ce qu'il ne fait jamais", "What it never does")
}

pub fn does_not_list(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => [
            "Il ne garde aucun son ni aucune transcription : seulement des chiffres.",
            "Il n'écoute pas le client, ni vos collègues : seulement votre voix, au casque.",
            "Il n'envoie rien : tout reste chiffré sur ce poste, lisible avec votre seule phrase de passe.",
            "Il ne juge pas vos émotions : il mesure l'effort de votre voix, pas votre humeur.",
        ],
        Lang::En => [
            "It keeps no sound and no transcript: only figures.",
            "It does not listen to the customer or your colleagues: only your voice, on your headset.",
            "It sends nothing: everything stays encrypted on this computer, readable with your passphrase alone.",
            "It does not judge your emotions: it measures your voice's effort, not your mood.",
        ],
    }
}

pub fn next(lang: Lang) -> &'static str {
    lang.pick("Suivant", "Next")
}

pub fn start(lang: Lang) -> &'static str {
    lang.pick("Commencer", "Start")
}

pub fn passphrase_why(lang: Lang) -> &'static str {
    lang.pick(
        "Choisissez une phrase de passe : elle chiffre votre relevé. Quelques mots que vous seul connaissez, par exemple « girafe piano lundi orage ». Personne, pas même nous, ne peut la retrouver.",
        "Choose a passphrase: it encrypts your record. A few words only you know, such as « giraffe piano monday storm ». Nobody, not even us, can recover it.",
    )
}

pub fn new_passphrase(lang: Lang) -> &'static str {
    lang.pick("Nouvelle phrase de passe", "New passphrase")
}

pub fn same_again(lang: Lang) -> &'static str {
    lang.pick("La même, encore une fois", "The same again")
}

pub fn differ(lang: Lang) -> &'static str {
    lang.pick("Les deux saisies diffèrent.", "The two entries differ.")
}

pub fn strength(st: crate::vault::Strength, lang: Lang) -> &'static str {
    use crate::vault::Strength as S;
    match st {
        S::TooShort => lang.pick(
            "trop courte (8 caractères au moins)",
            "too short (at least 8 characters)",
        ),
        S::Weak => lang.pick("faible : ajoutez un mot ou deux", "weak: add a word or two"),
        S::Fair => lang.pick("correcte", "fair"),
        S::Good => lang.pick("solide", "strong"),
    }
}

pub fn create_vault(lang: Lang) -> &'static str {
    lang.pick("Créer mon coffre", "Create my vault")
}

pub fn creating(lang: Lang) -> &'static str {
    lang.pick("Création du coffre…", "Creating the vault…")
}

pub fn recovery_what(lang: Lang) -> &'static str {
    lang.pick(
        "Votre code de récupération. Il remplace la phrase de passe si vous l'oubliez. Notez-le sur papier, rangez-le chez vous : il ne sera plus jamais affiché.",
        "Your recovery code. It replaces the passphrase if you forget it. Write it on paper, keep it at home: it will never be shown again.",
    )
}

pub fn code_noted(lang: Lang) -> &'static str {
    lang.pick("J'ai noté le code", "I have written the code down")
}

pub fn mic_what(lang: Lang) -> &'static str {
    lang.pick(
        "Le micro de votre casque. Parlez : la barre doit bouger. Rien n'est enregistré.",
        "Your headset's microphone. Speak: the bar should move. Nothing is recorded.",
    )
}

pub fn microphone(lang: Lang) -> &'static str {
    lang.pick("Microphone", "Microphone")
}

pub fn default_mic(lang: Lang) -> &'static str {
    lang.pick(
        "Micro par défaut du système",
        "The system's default microphone",
    )
}

pub fn mic_speak(lang: Lang) -> &'static str {
    lang.pick(
        "Votre voix au casque se situe d'habitude entre −35 et −15 dBFS ; une barre immobile près de −90 : micro coupé ou mauvais micro.",
        "Your voice on a headset is usually between −35 and −15 dBFS; a bar stuck near −90: muted or wrong microphone.",
    )
}

pub fn no_level(lang: Lang) -> &'static str {
    lang.pick("aucun son reçu", "no sound received")
}

pub fn popups_what(lang: Lang) -> &'static str {
    lang.pick(
        "Comment noter les pop-ups ? Vous pourrez changer d'avis dans Réglages.",
        "How should pop-ups be recorded? You can change your mind in Settings.",
    )
}

pub fn popups_auto(lang: Lang) -> &'static str {
    lang.pick(
        "Automatiquement, avec les règles fournies",
        "Automatically, with the shipped rules",
    )
}

pub fn popups_auto_what(lang: Lang) -> &'static str {
    lang.pick(
        "Témoin repère les fenêtres, notifications et messages des pages web de coaching (CallMiner, Cogito, Observe…) par leur texte. Le bouton « Pop-up ! » et Ctrl+Alt+P marchent aussi.",
        "Témoin spots coaching windows, notifications and web page messages (CallMiner, Cogito, Observe…) by their text. The « Pop-up ! » button and Ctrl+Alt+P work too.",
    )
}

pub fn pages_toggle(lang: Lang) -> &'static str {
    lang.pick(
        "Aussi dans les pages web et les applications (bureau agent, cartes de coaching)",
        "Also inside web pages and apps (agent desktop, coaching cards)",
    )
}

pub fn pages_what(lang: Lang) -> &'static str {
    lang.pick(
        "Témoin entend ce que la page annonce aux lecteurs d'écran (alertes, messages), jamais le reste de la page. Il active pour cela l'accessibilité du bureau : relancez le navigateur s'il était ouvert avant Témoin.",
        "Témoin hears what the page announces to screen readers (alerts, messages), never the rest of the page. For this it switches the desktop's accessibility on: restart the browser if it was open before Témoin.",
    )
}

pub fn popups_manual(lang: Lang) -> &'static str {
    lang.pick(
        "Seulement quand je clique (ou Ctrl+Alt+P)",
        "Only when I click (or Ctrl+Alt+P)",
    )
}

pub fn popups_manual_what(lang: Lang) -> &'static str {
    lang.pick(
        "Rien n'est surveillé à l'écran : vous notez chaque pop-up vous-même.",
        "Nothing on screen is watched: you record each pop-up yourself.",
    )
}

pub fn tab_settings(lang: Lang) -> &'static str {
    lang.pick("Réglages", "Settings")
}

pub fn settings_saved(lang: Lang) -> &'static str {
    lang.pick("Réglage enregistré.", "Setting saved.")
}

pub fn language(lang: Lang) -> &'static str {
    lang.pick("Langue", "Language")
}

pub fn window(lang: Lang) -> &'static str {
    lang.pick("Fenêtre", "Window")
}

pub fn always_on_top(lang: Lang) -> &'static str {
    lang.pick(
        "Toujours au premier plan (au-dessus du softphone)",
        "Always on top (above the softphone)",
    )
}

pub fn autostart(lang: Lang) -> &'static str {
    lang.pick(
        "Ouvrir Témoin à l'ouverture de ma session",
        "Open Témoin when I log in",
    )
}

pub fn microphone_choice(lang: Lang) -> &'static str {
    lang.pick("Micro écouté", "Microphone listened to")
}

pub fn mic_test(lang: Lang) -> &'static str {
    lang.pick("Tester le micro", "Test the microphone")
}

pub fn stop_mic_test(lang: Lang) -> &'static str {
    lang.pick("Arrêter le test", "Stop the test")
}

pub fn next_start(lang: Lang) -> &'static str {
    lang.pick(
        "Un changement de micro ou de façon de noter les pop-ups redémarre l'écoute aussitôt.",
        "Changing the microphone or the way pop-ups are recorded restarts listening at once.",
    )
}

pub fn restarting(lang: Lang) -> &'static str {
    lang.pick(
        "Redémarrage de l'écoute avec les nouveaux réglages…",
        "Restarting listening with the new settings…",
    )
}

pub fn popups_heading(lang: Lang) -> &'static str {
    lang.pick("Pop-ups", "Pop-ups")
}

pub fn hotkey(combo: &str, lang: Lang) -> String {
    match (lang, combo.is_empty()) {
        (Lang::Fr, false) => format!(
            "Raccourci clavier (partout) : {combo}. Il se change dans les règles, section [sources], « raccourci »."
        ),
        (Lang::En, false) => format!(
            "Keyboard shortcut (anywhere): {combo}. Change it in the rules, section [sources], « raccourci »."
        ),
        (Lang::Fr, true) => "Pas de raccourci clavier (règles, [sources], « raccourci »).".into(),
        (Lang::En, true) => "No keyboard shortcut (rules, [sources], « raccourci »).".into(),
    }
}

pub fn rules_editor(lang: Lang) -> &'static str {
    lang.pick("Modifier les règles", "Edit the rules")
}

pub fn rules_help(lang: Lang) -> &'static str {
    lang.pick(
        "Les mots qui font reconnaître un pop-up et sa catégorie. Essayez un texte ci-dessous avant d'enregistrer : les règles en service ne changent qu'avec des règles valides.",
        "The words by which a pop-up and its category are recognised. Try a text below before saving: the rules in force change only for valid ones.",
    )
}

pub fn rules_text(lang: Lang) -> &'static str {
    lang.pick("Règles (popups.toml)", "Rules (popups.toml)")
}

pub fn rules_valid(lang: Lang) -> &'static str {
    lang.pick("Règles valides.", "Rules valid.")
}

pub fn test_a_text(lang: Lang) -> &'static str {
    lang.pick("Tester un texte de pop-up", "Test a pop-up text")
}

pub fn test_verdict(category: &str, emotion: bool, reasons: &[String], lang: Lang) -> String {
    let why = if reasons.is_empty() {
        String::new()
    } else {
        let q: Vec<String> = reasons.iter().map(|r| format!("« {r} »")).collect();
        format!(" ({})", q.join(", "))
    };
    match (lang, emotion) {
        (Lang::Fr, true) => format!(
            "Catégorie : {category} ; ANALYSE DES ÉMOTIONS (interdite au travail dans l'UE){why}"
        ),
        (Lang::Fr, false) => format!("Catégorie : {category} ; pas d'analyse des émotions{why}"),
        (Lang::En, true) => {
            format!("Category: {category}; EMOTION ANALYSIS (banned at work in the EU){why}")
        }
        (Lang::En, false) => format!("Category: {category}; no emotion analysis{why}"),
    }
}

pub fn save_rules(lang: Lang) -> &'static str {
    lang.pick("Enregistrer les règles", "Save the rules")
}

pub fn shipped_rules(lang: Lang) -> &'static str {
    lang.pick("Reprendre les règles fournies", "Back to the shipped rules")
}

pub fn rules_saved(lang: Lang) -> &'static str {
    lang.pick(
        "Règles enregistrées : elles s'appliquent tout de suite.",
        "Rules saved: they apply at once.",
    )
}

pub fn models(lang: Lang) -> &'static str {
    lang.pick("Modèles", "Models")
}

pub fn voice_model(lang: Lang) -> &'static str {
    lang.pick("Détection de la parole", "Speech detection")
}

pub fn speech_model(lang: Lang) -> &'static str {
    lang.pick("Comptage des mots", "Word counting")
}

pub fn model_missing(lang: Lang) -> &'static str {
    lang.pick(
        "introuvable : lancez scripts/setup (ou scripts/models) pour l'installer",
        "not found: run scripts/setup (or scripts/models) to install it",
    )
}

pub fn change_passphrase(lang: Lang) -> &'static str {
    lang.pick("Changer de phrase de passe", "Change the passphrase")
}

pub fn current_passphrase(lang: Lang) -> &'static str {
    lang.pick("Phrase de passe actuelle", "Current passphrase")
}

pub fn change(lang: Lang) -> &'static str {
    lang.pick("Changer", "Change")
}

pub fn changing(lang: Lang) -> &'static str {
    lang.pick("Changement en cours…", "Changing…")
}

pub fn passphrase_changed(lang: Lang) -> &'static str {
    lang.pick(
        "Phrase de passe changée. Le code de récupération reste le même.",
        "Passphrase changed. The recovery code stays the same.",
    )
}

pub fn where_vault(lang: Lang) -> &'static str {
    lang.pick("Où est le coffre", "Where the vault is")
}

pub fn settings_file(lang: Lang) -> &'static str {
    lang.pick("Réglages :", "Settings:")
}

pub fn longest_run(lang: Lang) -> &'static str {
    lang.pick(
        "Plus longue suite sans pause",
        "Longest run without a break",
    )
}

pub fn strain_episodes_today(lang: Lang) -> &'static str {
    lang.pick("Épisodes de tension vocale", "Vocal-strain episodes")
}

pub fn gauge_needs_listening(lang: Lang) -> &'static str {
    lang.pick(
        "Mesuré quand le micro est écouté.",
        "Measured while the microphone is listened to.",
    )
}

pub fn gauge_learning(heard: usize, needed: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Témoin apprend votre voix habituelle : {heard} / {needed} phrases"),
        Lang::En => format!("Témoin is learning your usual voice: {heard} / {needed} sentences"),
    }
}

pub fn gauge_effort(z: f64, lang: Lang) -> String {
    let words = match z {
        z if z >= 2.0 => lang.pick(
            "nettement au-dessus de votre habitude",
            "well above your usual",
        ),
        z if z >= 1.0 => lang.pick("au-dessus de votre habitude", "above your usual"),
        _ => lang.pick("comme d'habitude", "as usual"),
    };
    format!("{words} ({z:+.1})")
}

pub fn gauge_not_diagnosis(lang: Lang) -> &'static str {
    lang.pick(
        "Effort de votre voix (hauteur, intensité, régularité) comparé à vos propres jours : un indicateur, pas un diagnostic, et jamais une lecture de vos émotions.",
        "Your voice's effort (pitch, loudness, steadiness) against your own days: an indicator, not a diagnosis, and never a reading of your emotions.",
    )
}

pub fn refresh(lang: Lang) -> &'static str {
    lang.pick("Actualiser", "Refresh")
}

pub fn refresh_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Relit le coffre : ce qui est arrivé depuis l'ouverture apparaît.",
        "Reads the vault again: what arrived since it was opened appears.",
    )
}

pub fn preparing_preview(lang: Lang) -> &'static str {
    lang.pick("Préparation de l'aperçu…", "Preparing the preview…")
}
