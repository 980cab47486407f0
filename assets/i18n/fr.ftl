# Témoin — tout ce que les personnes lisent, en français.
# Chaque message existe aussi dans en.ftl, avec les mêmes arguments (vérifié par les tests).

## Pour les tests de ce fichier
test-events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}

## src/messages.rs
messages-older-version-unnamed = version ancienne (sans nom)
messages-the-window = la fenêtre
messages-listening = l'écoute
messages-the-command-line = la ligne de commande
messages-pop-up-watching = la surveillance des pop-ups
messages-the-browser-extension = l'extension de navigateur
messages-unreadable-row-altered-or-moved = illisible : ligne modifiée ou déplacée
messages-unknown-kind-of-event-written-by = type d'événement inconnu (écrit par une version plus récente)
messages-pop-up = Pop-up
messages-pop-up-categorised = Pop-up classé
messages-speech-measured = Parole mesurée
messages-vocal-strain-episode = Épisode de tension vocale
messages-call-started = Début d'appel
messages-call-ended = Fin d'appel
messages-end-of-shift-report = Bilan de fin de service
messages-shift-corrected = Service corrigé
messages-checkpoint-given = Point de contrôle remis
messages-note = Note
messages-privacy-pause = Pause de confidentialité
messages-resumed = Reprise de l'écoute
messages-pace-faster = débit : plus vite
messages-pace-slower = débit : plus lent
messages-thanks = remerciements
messages-apology = excuses
messages-empathy-tone-energy = empathie / ton / énergie
messages-silence = silence
messages-overtalk = parole simultanée
messages-hold = mise en attente
messages-script-compliance = script / conformité
messages-score-feedback = score / évaluation
messages-customer-sentiment = humeur du client
messages-other = autre
messages-not-yet-categorised = à classer
messages-thanks-2 = merci
messages-apologies = excuses
messages-hold-2 = attente
messages-segments = segments
messages-start = début
messages-end = fin
messages-voiced = voisé
messages-f0-sd = F0 σ
messages-int-db = int. dB
messages-words = mots
messages-wpm = m/min
messages-phrases = formules
messages-starting = Démarrage…
messages-privacy-pause-the-microphone-is-off = Pause de confidentialité : le micro est coupé.
messages-listening-stopped = Écoute arrêtée.
messages-windows = Fenêtres
messages-notifications = Notifications
messages-hotkey = Raccourci clavier
messages-reading-window-text-ocr = Lecture du texte des fenêtres (OCR)
messages-web-pages-and-apps = Pages web et applications
messages-browser-extension = Extension de navigateur
messages-watching = surveillance active.
messages-watching-the-desktop-s-accessibility-was = surveillance active. L'accessibilité du bureau vient d'être activée : relancez les navigateurs et applications ouverts avant Témoin pour que leurs pop-ups soient lus.
messages-stopped = arrêté.
messages-contradicted-by-measurement = contredit par la mesure
messages-consistent-with-measurement = cohérent avec la mesure
messages-not-measurable = non mesurable
messages-the-file-is-empty-the-export = Le fichier est vide : l'export n'a pas été copié en entier. Demandez-le à nouveau.
messages-this-file-cannot-be-read-cut = Ce fichier n'est pas lisible (coupé ou abîmé) : ce n'est pas un export Témoin complet. Demandez une nouvelle copie.
messages-this-file-is-not-a-temoin = Ce fichier n'est pas un export Témoin.
messages-bad-signature-the-content-was-changed = Signature invalide : le contenu a été modifié après l'export, ou il n'a pas été signé par cette clé.
messages-old-format-export-version-1-the = Export à l'ancien format (version 1) : la liste de ses événements n'est pas signée, des événements ont pu en être retirés sans que cela se voie. Demandez un nouvel export.
messages-the-export-s-signed-list-of = La liste signée des événements de l'export est incohérente (hors du journal ou dans le désordre).
messages-the-events-and-their-proof-do = Les événements et leur preuve ne mènent pas à la racine du journal : des événements ou la preuve ont été modifiés.
messages-this-text-is-not-a-temoin = Ce texte n'est pas un point de contrôle Témoin (il commence par « temoin-checkpoint »).
messages-this-checkpoint-s-signature-is-not = La signature de ce point de contrôle est invalide : il a été modifié ou fabriqué.
messages-fingerprint = empreinte
messages-hourly-or-daily-figures-signed-by = Chiffres par heure ou par jour : signés par l'appareil du salarié, ils ne sont pas prouvés événement par événement.
messages-intact = Intact.
messages-not-intact = PAS INTACT :

## src/gui/strings.rs
gui-one-click-or-ctrl-alt-p = Un clic (ou Ctrl+Alt+P) quand un pop-up de surveillance apparaît.
gui-what-did-it-ask-optional = Que demandait-il ? (facultatif)
gui-pause = Pause
gui-resume = Reprendre
gui-paused-nothing-is-listened-to-or = En pause : rien n'est écouté ni surveillé.
gui-microphone-not-listened-to-only-pop = Micro non écouté : seuls les pop-ups sont relevés.
gui-today = Aujourd'hui
gui-pop-ups = Pop-ups
gui-of-which-emotion-analysis = dont analyse des émotions
gui-contradicted-by-measurement = contredits par la mesure
gui-calls = Appels
gui-time-on-the-phone = Temps au téléphone
gui-pop-up-recorded-at = Pop-up enregistré à
gui-category-recorded = Catégorie enregistrée :
gui-no-sound-or-text-is-kept = Aucun son ni texte n'est gardé ; rien ne quitte ce poste sans vous.
gui-vocal-strain-indicator = Tension vocale (indicateur)
gui-end-of-shift = Fin de service
gui-end-of-shift-report-under-a = Bilan de fin de service, moins d'une minute, si vous le voulez : rien n'est obligatoire.
gui-a-note-optional = Une note (facultatif)
gui-save = Enregistrer
gui-report-saved-thank-you-and-have = Bilan enregistré. Merci, et bonne fin de journée.
gui-evidence = Preuves
gui-export-file-json = Fichier de l'export (.json)
gui-verify = Vérifier
gui-verifying = Vérification en cours…
gui-history = Historique
gui-passphrase = Phrase de passe
gui-open = Ouvrir
gui-opening-the-vault-a-few-seconds = Ouverture du coffre… (quelques secondes)
gui-locked-after-a-few-minutes-without = Verrouillé après quelques minutes sans activité.
gui-your-history-is-encrypted-your-passphrase = Votre historique est chiffré : votre phrase de passe l'ouvre, sur ce poste seulement. Il se verrouille seul après 5 minutes sans activité.
gui-lock = Verrouiller
gui-day = Jour
gui-week = Semaine
gui-month = Mois
gui-earlier = ‹ Avant
gui-later = Après ›
gui-charts = Graphiques
gui-events = Événements
gui-pop-ups-by-hour-of-the = Pop-ups par heure de la journée
gui-other-pop-ups = autres pop-ups
gui-emotion-analysis = analyse des émotions
gui-hour = heure
gui-day-of-the-period = jour de la période
gui-what-the-pop-ups-asked = Ce que demandaient les pop-ups
gui-uncategorised = sans catégorie
gui-nothing-in-this-period = Rien sur cette période.
gui-vocal-strain-and-pop-ups = Tension vocale et pop-ups
gui-vocal-strain-episodes = épisodes de tension vocale
gui-an-episode-several-measures-of-your = Un épisode : plusieurs mesures de votre voix (hauteur, intensité, régularité) loin de votre habitude pendant un moment. Un indicateur d'effort vocal, pas un diagnostic.
gui-workload = Charge de travail
gui-hours-on-the-phone = heures au téléphone
gui-show = Afficher :
gui-all = tout
gui-pop-ups-2 = pop-ups
gui-calls-2 = appels
gui-vocal-strain = tension vocale
gui-speech-measured = parole mesurée
gui-reports = bilans
gui-pauses = pauses et coupures
gui-closes-the-history-the-passphrase-will = Referme l'historique : la phrase de passe sera redemandée.
gui-export = Exporter
gui-checkpoint = Point de contrôle
gui-verify-an-export = Vérifier un export
gui-exporting-and-signing-need-your-passphrase = Exporter et signer demandent votre phrase de passe : l'export est signé par la clé de ce poste, qu'elle protège.
gui-an-export-someone-hands-you-a = Un export qu'on vous remet (un collègue, le CSE) : Témoin dit s'il est intact et qui l'a signé.
gui-step-1-of-2-the-period = Étape 1 sur 2 : la période et le niveau de détail.
gui-step-2-of-2-this-is = Étape 2 sur 2 : voici exactement ce qui quittera ce poste.
gui-from-yyyy-mm-dd = Du (JJ/MM/AAAA)
gui-to-yyyy-mm-dd = Au (JJ/MM/AAAA)
gui-check-the-dates-write-them-as = Dates à revoir : écrivez-les comme 25/11/2026, la première avant la seconde.
gui-daily-figures = Chiffres par jour
gui-least-detailed-per-day-pop-ups = Le moins détaillé : par jour, les pop-ups par catégorie, analyses des émotions, épisodes de tension vocale, appels. Ce que le CSE réunit le plus souvent.
gui-hourly-figures = Chiffres par heure
gui-the-same-figures-hour-by-hour = Les mêmes chiffres heure par heure (montre les heures de forte pression).
gui-every-event = Chaque événement
gui-most-detailed-every-pop-up-its = Le plus détaillé : chaque pop-up (son texte tel qu'affiché), chaque mesure, chaque appel, avec la preuve de chacun. Pour un expert ou un avocat.
gui-next-preview = Suivant : aperçu
gui-back = Retour
gui-export-and-sign = Exporter et signer
gui-file-to-write = Fichier à écrire
gui-one-item-as-it-will-be = Un élément, tel qu'il sera écrit :
gui-writing = Écriture en cours…
gui-readable-report = Relevé lisible
gui-a-page-to-read-or-print = Une page à lire ou imprimer (HTML) sur la même période : résumé, graphiques, méthode. Non signée : joignez l'export pour la preuve.
gui-write-the-report = Écrire le relevé
gui-the-pop-ups-text-as-shown = Le texte des pop-ups tel qu'il s'affichait (numéros et adresses de clients masqués).
gui-never-no-sound-no-transcript-nothing = Jamais : aucun son, aucune transcription, rien sur les clients. Rien n'est envoyé : vous remettez le fichier vous-même.
gui-a-checkpoint-seals-your-log-as = Un point de contrôle scelle votre journal tel qu'il est maintenant. Remettez-le (texte ou code QR) à votre représentant : tout export ultérieur devra prouver qu'il le prolonge, rien ne pourra en être retiré sans que cela se voie.
gui-give-a-checkpoint = Donner un point de contrôle
gui-checkpoint-signed-and-noted-in-your = Point de contrôle signé, et noté dans votre journal.
gui-the-checkpoint-text = Le point de contrôle (texte)
gui-copy = Copier
gui-the-same-checkpoint-as-a-qr = Le même point de contrôle en code QR, à photographier.
gui-welcome-to-temoin = Bienvenue dans Témoin
gui-what-temoin-does = Ce que fait Témoin
gui-what-it-never-does = Ce qu'il ne fait jamais
gui-next = Suivant
gui-start = Commencer
gui-choose-a-passphrase-it-encrypts-your = Choisissez une phrase de passe : elle chiffre votre relevé. Quelques mots que vous seul connaissez, par exemple « girafe piano lundi orage ». Personne, pas même nous, ne peut la retrouver.
gui-new-passphrase = Nouvelle phrase de passe
gui-the-same-again = La même, encore une fois
gui-the-two-entries-differ = Les deux saisies diffèrent.
gui-too-short-at-least-8-characters = trop courte (8 caractères au moins)
gui-weak-add-a-word-or-two = trop facile à deviner : prenez quatre ou cinq mots sans lien entre eux
gui-fair = correcte
gui-strong = solide
gui-create-my-vault = Créer mon coffre
gui-creating-the-vault = Création du coffre…
gui-your-recovery-code-it-replaces-the = Votre code de récupération. Il remplace la phrase de passe si vous l'oubliez. Notez-le sur papier, rangez-le chez vous : il ne sera plus jamais affiché.
gui-i-have-written-the-code-down = J'ai noté le code
gui-your-headset-s-microphone-speak-the = Le micro de votre casque. Parlez : la barre doit bouger. Rien n'est enregistré.
gui-microphone = Microphone
gui-the-system-s-default-microphone = Micro par défaut du système
gui-your-voice-on-a-headset-is = Votre voix au casque se situe d'habitude entre −35 et −15 dBFS ; une barre immobile près de −90 : micro coupé ou mauvais micro.
gui-no-sound-received = aucun son reçu
gui-how-should-pop-ups-be-recorded = Comment noter les pop-ups ? Vous pourrez changer d'avis dans Réglages.
gui-automatically-with-the-shipped-rules = Automatiquement, avec les règles fournies
gui-temoin-spots-coaching-windows-notifications-and = Témoin repère les fenêtres, notifications et messages des pages web de coaching (CallMiner, Cogito, Observe…) par leur texte. Le bouton « Pop-up ! » et Ctrl+Alt+P marchent aussi.
gui-also-inside-web-pages-and-apps = Aussi dans les pages web et les applications (bureau agent, cartes de coaching)
gui-temoin-hears-what-the-page-announces = Témoin entend ce que la page annonce aux lecteurs d'écran (alertes, messages), jamais le reste de la page. Il active pour cela l'accessibilité du bureau : relancez le navigateur s'il était ouvert avant Témoin.
gui-only-when-i-click-or-ctrl = Seulement quand je clique (ou Ctrl+Alt+P)
gui-nothing-on-screen-is-watched-you = Rien n'est surveillé à l'écran : vous notez chaque pop-up vous-même.
gui-settings = Réglages
gui-setting-saved = Réglage enregistré.
gui-language = Langue
gui-window = Fenêtre
gui-always-on-top-above-the-softphone = Toujours au premier plan (au-dessus du softphone)
gui-open-temoin-when-i-log-in = Ouvrir Témoin à l'ouverture de ma session
gui-microphone-listened-to = Micro écouté
gui-test-the-microphone = Tester le micro
gui-stop-the-test = Arrêter le test
gui-changing-the-microphone-or-the-way = Un changement de micro ou de façon de noter les pop-ups redémarre l'écoute aussitôt.
gui-restarting-listening-with-the-new-settings = Redémarrage de l'écoute avec les nouveaux réglages…
gui-edit-the-rules = Modifier les règles
gui-the-words-by-which-a-pop = Les mots qui font reconnaître un pop-up et sa catégorie. Essayez un texte ci-dessous avant d'enregistrer : les règles en service ne changent qu'avec des règles valides.
gui-rules-popups-toml = Règles (popups.toml)
gui-rules-valid = Règles valides.
gui-test-a-pop-up-text = Tester un texte de pop-up
gui-save-the-rules = Enregistrer les règles
gui-back-to-the-shipped-rules = Reprendre les règles fournies
gui-rules-saved-they-apply-at-once = Règles enregistrées : elles s'appliquent tout de suite.
gui-models = Modèles
gui-speech-detection = Détection de la parole
gui-word-counting = Comptage des mots
gui-not-found-run-scripts-setup-or = introuvable : lancez scripts/setup (ou scripts/models) pour l'installer
gui-change-the-passphrase = Changer de phrase de passe
gui-current-passphrase = Phrase de passe actuelle
gui-change = Changer
gui-changing = Changement en cours…
gui-passphrase-changed-the-recovery-code-stays = Phrase de passe changée. Le code de récupération reste le même.
gui-where-the-vault-is = Où est le coffre
gui-settings-2 = Réglages :
gui-longest-run-without-a-break = Plus longue suite sans pause
gui-vocal-strain-episodes-2 = Épisodes de tension vocale
gui-measured-while-the-microphone-is-listened = Mesuré quand le micro est écouté.
gui-well-above-your-usual = nettement au-dessus de votre habitude
gui-above-your-usual = au-dessus de votre habitude
gui-as-usual = comme d'habitude
gui-your-voice-s-effort-pitch-loudness = Effort de votre voix (hauteur, intensité, régularité) comparé à vos propres jours : un indicateur, pas un diagnostic, et jamais une lecture de vos émotions.
gui-refresh = Actualiser
gui-reads-the-vault-again-what-arrived = Relit le coffre : ce qui est arrivé depuis l'ouverture apparaît.
gui-preparing-the-preview = Préparation de l'aperçu…

## src/gui/export.rs
gui-export-y-m-d = %d/%m/%Y

## src/report/mod.rs
mod-everything-was-measured-on-the-person = Tout a été mesuré sur le poste de la personne, par Témoin, pour elle seule. Aucun son et aucune transcription n'ont jamais été gardés : le son vit en mémoire le temps du calcul, le texte le temps de compter les mots et formules. Seule la voix de la personne est analysée ; celle des clients ne l'est jamais.
mod-pop-ups-every-window-notification-or = Pop-ups : chaque fenêtre, notification ou pop-up noté à la main est classé d'après son texte par des règles lisibles (fichier popups.toml). Le signal « analyse des émotions » vient de la catégorie (empathie, ton, énergie, humeur du client) ou de mots d'inférence d'émotion dans le texte.
mod-consistency-a-pace-pop-up-is = Cohérence : un pop-up de débit est comparé au débit de la minute précédente (mots par minute, ou syllabes par seconde) et à la médiane habituelle de la personne ; remerciements et excuses, à ceux déjà dits dans l'appel. « Contredit » veut dire que la mesure montre le contraire de la consigne.
mod-vocal-strain-f0-and-its-variability = Tension vocale : F0 et sa variabilité, jitter, shimmer, rapport harmoniques/bruit, intensité, pauses, calculés par les méthodes de Praat. Un épisode est une période où au moins trois de ces indicateurs d'effort s'écartent nettement de la ligne de base de la personne. Ce sont des mesures d'effort vocal, pas des émotions, et pas un diagnostic.
mod-workload-a-call-runs-from-the = Charge de travail : un appel va de la première à la dernière parole de la personne séparées de moins de 60 s (ou selon les marques du softphone ou les siennes) ; la présence, de la première à la dernière activité sans trou de plus de 2 h ; une pause est un écart d'au moins 5 min entre deux appels.
mod-evidence-every-export-is-signed-ed25519 = Preuve : chaque export est signé (Ed25519) par la clé du poste et porte les preuves (arbre de Merkle, RFC 9162) que ses événements appartiennent au journal de la personne et qu'il prolonge les points de contrôle remis avant. Dans un relevé collectif, toute case issue de moins de 5 personnes est masquée (« < 5 ») et personne n'est nommé.

## src/cli/workload.rs
cli-workload-at = à
cli-workload-report-cancelled-nothing-is-stored = Bilan annulé : rien n'est enregistré.
cli-workload-report-recorded-no = Bilan enregistré (n°
cli-workload-thank-you-and-have-a-good = Merci, et bonne fin de journée.
cli-workload-end-of-shift-report-under-a = Bilan de fin de service (moins d'une minute). Répondez de 0 à 100 ; Entrée sans rien pour annuler.
cli-workload-a-note-optional = Une note (facultatif) :
cli-workload-give-start-hh-mm-end-hh = Indiquez --debut HH:MM, --fin HH:MM ou les deux.
cli-workload-shift = Service

## src/cli/vault.rs
cli-vault-writing-sessions = Sessions d'écriture :
cli-vault-vault-intact = Coffre intact
cli-vault-rows = lignes
cli-vault-it-extends-every-checkpoint-given = il prolonge chaque point de contrôle donné
cli-vault-vault-not-intact = Coffre NON intact :

## src/cli/popup.rs
cli-popup-shipped-rules-used = (Règles livrées utilisées.)
cli-popup-pop-up-recorded-no = Pop-up enregistré (n°
cli-popup-no-category-add-it-when-you = Sans catégorie : précisez-la quand vous pourrez avec
cli-popup-category = catégorie
cli-popup-unreadable-time-write-it-as-shown = heure illisible ; écrivez-la comme affichée, par exemple 14:03:27.
cli-popup-rules-valid = Règles valides :
cli-popup-shipped-rules = règles livrées
cli-popup-category-2 = Catégorie :
cli-popup-emotion-analysis = Analyse des émotions :
cli-popup-yes-banned-at-work-in-the = oui ⚑ (interdite au travail dans l'UE, AI Act art. 5(1)(f))
cli-popup-no = non
cli-popup-reasons = Raisons :
cli-popup-watching-for-pop-ups-each-one = Surveillance des pop-ups : chaque pop-up reconnu est enregistré dans le coffre. Ctrl+C pour arrêter.
## src/cli/evidence.rs
cli-evidence-warning = Attention :
cli-evidence-the-start-date-from-is-after = La date de début (--from) est après la date de fin (--to).
cli-evidence-no-sound-no-transcript-nothing-about = Aucun son, aucune transcription, rien sur les clients : seulement ces mesures et pop-ups.
cli-evidence-checkpoint = Point de contrôle :
cli-evidence-events-signed-by = événements, signé par
cli-evidence-hand-this-line-or-the-qr = Remettez ce texte (ou le fichier, ou le code QR) à votre représentant : un export ultérieur prouvera qu'il le prolonge. C'est un point de contrôle au format C2SP, que tout témoin de journaux transparents sait lire.
cli-evidence-no-export-json-files-found-there = Aucun export trouvé (fichiers .json) à cet endroit.
cli-evidence-warning-without-a-register-any-signed = Attention : sans registre, tout export signé compte, même d'une clé créée pour l'occasion.
cli-evidence-key-not-in-the-council-s = clé non enregistrée au registre du CSE.
cli-evidence-two-exports-of-the-same-key = deux exports de la même clé ne se prolongent pas l'un l'autre (journal divergent) : tous les exports de cette clé sont écartés.
cli-evidence-set-aside = Écarté :
## src/cli/gui.rs
cli-gui-the-window-could-not-open = La fenêtre n'a pas pu s'ouvrir. Sans écran graphique, utilisez les commandes (temoin --help).
## src/main.rs
cli-cannot-find-the-user-s-data = Impossible de trouver le dossier de données de l'utilisateur : indiquez le coffre avec --vault.
cli-no-terminal-to-type-it-in = Pas de terminal pour la saisir : donnez-la dans la variable
cli-the-two-entries-differ-nothing-was = Les deux saisies diffèrent : rien n'a été changé.
cli-recovery-code-shown-only-once = Code de récupération (affiché une seule fois) :
cli-write-it-on-paper-and-keep = Notez-le sur papier et gardez-le chez vous : c'est le seul moyen de relire votre coffre si vous oubliez la phrase de passe.
cli-vault-created = Coffre créé :
cli-note-recorded-no = Note enregistrée (n°
cli-readable-events-are-listed-all-the = Les événements lisibles sont listés quand même.
cli-no-events = Aucun événement.
cli-no = N°
cli-date-and-time = Date et heure
cli-kind = Type
cli-details = Détails
cli-recovery-code = Code de récupération
cli-new-passphrase-set-the-old-recovery = Nouvelle phrase de passe enregistrée. L'ancien code de récupération ne sert plus.
cli-baseline-resumed = Ligne de base reprise : { $count ->
    [one] { $count } segment
   *[other] { $count } segments
} des 14 derniers jours.
cli-listening-only-measurements-of-your-voice = Écoute en cours : seules des mesures de votre voix sont enregistrées, jamais le son. Ctrl+C pour arrêter.
cli-measurements-could-not-be-stored-the = mesures n'ont pas pu être enregistrées : le coffre refuse l'écriture (disque plein ou fichier en lecture seule ?). Réglez le problème avant de relancer l'écoute.
cli-cannot-find-the-configuration-folder-give = Impossible de trouver le dossier de configuration : indiquez le fichier avec TEMOIN_CONFIG.
cli-read-a-few-sentences-in-your = Lisez quelques phrases à voix normale, comme en appel, pendant
cli-nothing-is-recorded-only-your-level = {" "}: rien n'est enregistré, seul votre niveau est retenu.
cli-no-speech-heard-check-the-microphone = Aucune parole entendue : vérifiez le micro (temoin listen --list) et recommencez.
cli-your-voice-level = Niveau de votre voix :
cli-voices-10-db-quieter-colleagues-the = Les voix plus faibles de 10 dB (collègues, client dans l'écouteur) seront écartées.

## vault, chain, history
detail = détail technique : { $detail }
vault-not-found = Aucun coffre Témoin à { $path }. Créez-le avec « temoin init », ou indiquez le bon fichier avec --vault.
vault-already-exists = Un fichier existe déjà à { $path }. Témoin ne l'écrase jamais : choisissez un autre chemin avec --vault.
vault-not-a-vault = { $path } n'est pas un coffre Témoin. Le fichier n'a pas été modifié. Vérifiez le chemin donné à --vault.
vault-newer-format = Ce coffre a été créé par une version plus récente de Témoin (format { $found }, cette version lit jusqu'au format { $supported }). Mettez Témoin à jour ; le fichier n'a pas été modifié.
vault-corrupt = Le coffre est endommagé : la base elle-même ne se lit plus (ce n'est pas une ligne modifiée, que « temoin check » saurait situer). Il n'a été ni modifié ni « réparé ». Gardez le fichier tel quel et ne le supprimez pas ; reprenez une sauvegarde si vous en avez une. Les exports déjà faits restent vérifiables.
vault-wrong-passphrase = Phrase de passe incorrecte. Réessayez ; si vous l'avez oubliée, utilisez votre code de récupération : « J'ai oublié ma phrase de passe » dans la fenêtre, ou « temoin recover ».
vault-wrong-recovery-code = Code de récupération incorrect. Vérifiez-le groupe par groupe (les tirets et les espaces ne comptent pas).
vault-passphrase-too-short = Phrase de passe trop courte : il faut au moins { $min } caractères. Une phrase de quelques mots est plus sûre et plus facile à retenir.
vault-read-only = Le coffre { $path } est en lecture seule : rien n'a été enregistré. Rendez le fichier modifiable (ou choisissez un autre coffre) puis recommencez.
vault-disk-full = Le disque est plein : cet événement n'a pas été enregistré, les précédents sont intacts. Libérez de la place puis recommencez.
vault-busy = Le coffre est occupé par un autre Témoin depuis plus de 10 secondes. Réessayez dans un instant.
vault-io = Le fichier du coffre n'a pas pu être lu ou écrit. Vérifiez le chemin et les droits du dossier.
vault-database = La base du coffre a refusé l'opération. Le coffre n'a pas été modifié.
chain-altered = la ligne { $seq } a été modifiée (ou déplacée)
chain-missing-one = la ligne { $seq } a été supprimée
chain-missing-many = les lignes { $from } à { $to } ont été supprimées
chain-truncated = le coffre s'arrête à la ligne { $last } alors qu'il en comptait { $expected } : la fin a été coupée
chain-head-mismatch = l'en-tête du journal (ligne { $head }) ne correspond pas aux lignes présentes (jusqu'à { $last }) : il a été modifié
row-unreadable = la ligne { $seq } ne se déchiffre pas (modifiée, ou d'un autre coffre).
history-gap = dans la session commencée ligne { $first }, la ligne { $after }, écrite juste avant la ligne { $seq }, n'est plus là telle qu'elle a été écrite : elle a été supprimée, remplacée ou déplacée.
history-bad-start = la session commencée ligne { $first } ne part pas de la fin laissée par la précédente : des lignes avant elle ont été supprimées ou remplacées, ou elle vient d'ailleurs.
program-unknown = un programme inconnu (n° { $code })
session-rows = { $rows ->
    [one] ligne { $first }
   *[other] lignes { $first } à { $last } ({ $rows } lignes)
}
session-line = { $rows } : { $program }
session-line-when = { $rows } : { $program } le { $date } à { $time } (Témoin { $version })
checkpoint-of-another = le point de contrôle du { $date } n'a pas été signé par ce coffre pour ce destinataire (s'il a été remis avec « --for NOM », indiquez le même nom).
checkpoint-cut = le { $date } le journal comptait { $size } événements, il n'en a plus que { $now } : sa fin a été coupée ou le fichier remis à une copie plus ancienne.
checkpoint-changed = les { $size } premiers événements ne sont plus ceux du point de contrôle du { $date } : le journal a été modifié ou remplacé.

## event details
details-categorised = Pop-up de { $time } : { $category }
details-popup = [{ $category }] { $text }
details-popup-flagged = [{ $category }] { $text } — ANALYSE DES ÉMOTIONS
details-count = { $text } ×{ $count }
details-verdict = { $text } — { $verdict }
details-speech = { NUMBER($seconds, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, F0 { $f0 }, { $intensity }
details-strain = { NUMBER($seconds, maximumFractionDigits: 0) } s, { $count ->
    [one] { $count } indicateur
   *[other] { $count } indicateurs
}
details-call-ended = { NUMBER($seconds, maximumFractionDigits: 0) } s
details-self-report = exigence mentale { $mental }, frustration { $frustration }
details-shift = { $date } { $start } – { $end }
details-checkpoint = { $size ->
    [one] { $size } événement
   *[other] { $size } événements
}, racine { $root }…
value-hz = { NUMBER($value, maximumFractionDigits: 1, minimumFractionDigits: 1) } Hz
value-db = { NUMBER($value, maximumFractionDigits: 1, minimumFractionDigits: 1) } dB

## errors of listening, speech, rules, sources
model-missing = Le fichier de modèle { $name } est introuvable. Lancez « scripts/setup » (ou indiquez le dossier des modèles avec TEMOIN_MODELS).
voice-cannot-start = La détection de la voix ne peut pas démarrer. Relancez « scripts/setup » pour réinstaller les modèles.
speech-model-missing = Le modèle de transcription { $name } est introuvable : les mots ne sont pas comptés. Lancez « scripts/setup » (ou ajoutez --no-words).
speech-model-load = Le modèle de transcription { $path } ne se charge pas. Relancez « scripts/setup » pour le réinstaller.
speech-transcribe = La transcription a échoué. Les mesures de la voix restent valables.
lexicon-unreadable = Le lexique { $path } est illisible. Vérifiez le fichier, ou supprimez-le pour revenir au lexique fourni.
lexicon-invalid = Le lexique { $path } contient une erreur. Corrigez-le, ou supprimez-le pour revenir au lexique fourni.
capture-unreadable = Impossible de lire { $path } comme un fichier WAV. Vérifiez le fichier.
capture-no-device = Aucun micro n'est branché. Branchez votre casque, puis recommencez.
capture-device-not-found = Aucun micro ne s'appelle « { $name } ». Les micros disponibles sont listés par « temoin listen --list » et dans « Réglages ».
capture-device-unavailable = Le micro ne peut pas être ouvert : il est peut-être utilisé par une autre application. Fermez-la ou choisissez un autre micro, puis recommencez.
capture-rate = Fréquence d'échantillonnage non prise en charge : { $rate } Hz.
status-listening = Écoute du micro « { $device } ».
status-no-device = Aucun micro n'est branché. L'écoute reprendra d'elle-même dès qu'il revient.
status-not-found = Aucun micro ne s'appelle « { $name } ». L'écoute reprendra d'elle-même dès qu'il revient.
status-unavailable = Le micro ne peut pas être ouvert, peut-être pris par une autre application. L'écoute reprendra d'elle-même dès qu'il revient.
status-lost = Le son est perdu : micro débranché, ou son du système arrêté ou bloqué. L'écoute reprendra d'elle-même dès son retour ; la coupure est notée dans votre relevé.
status-voice-trouble = La détection de la voix a échoué sur un passage ; l'écoute continue.
status-vault-trouble = Le coffre n'accepte pas les mesures : elles sont gardées en mémoire et réessayées.
rules-unreadable = Impossible de lire les règles de pop-ups { $path }. Vérifiez le fichier et ses droits.
rules-invalid = Les règles de pop-ups { $path } sont invalides ligne { $line }, colonne { $column }. Corrigez cet endroit ; en attendant, les règles précédentes restent appliquées.
source-line = { $source } : { $state }
source-unavailable = indisponible ici ; le reste de Témoin fonctionne.
source-lost = connexion perdue ; reconnexion automatique dès que possible.

## verdicts, self-report, workload, bundles
verdict-measured-rate = { $verdict } : { NUMBER($rate, maximumFractionDigits: 0) } mots/min sur { NUMBER($speech, maximumFractionDigits: 0) } s de parole dans la minute d'avant (habituellement { NUMBER($usual, maximumFractionDigits: 0) }, ± { NUMBER($band, maximumFractionDigits: 0) } %)
verdict-measured-syllables = { $verdict } : { NUMBER($rate, maximumFractionDigits: 1, minimumFractionDigits: 1) } syllabes/s sur { NUMBER($speech, maximumFractionDigits: 0) } s de parole dans la minute d'avant (habituellement { NUMBER($usual, maximumFractionDigits: 1, minimumFractionDigits: 1) }, ± { NUMBER($band, maximumFractionDigits: 0) } %)
verdict-thanks = { $verdict } : { $count ->
    [one] { $count } remerciement dans l'appel
   *[other] { $count } remerciements dans l'appel
}
verdict-apologies = { $verdict } : { $count ->
    [one] { $count } excuse dans l'appel
   *[other] { $count } excuses dans l'appel
}
verdict-speaking = { $verdict } : vous parliez à ce moment-là
tlx-mental = Exigence mentale
tlx-mental-question = Quelle activité mentale ce service vous a-t-il demandée (réfléchir, décider, retenir, chercher) ?
tlx-physical = Exigence physique
tlx-physical-question = Quelle activité physique vous a-t-il demandée (voix, posture, écran, casque) ?
tlx-temporal = Pression du temps
tlx-temporal-question = Quelle pression de la cadence et du temps avez-vous ressentie ?
tlx-performance = Réussite
tlx-performance-question = Dans quelle mesure avez-vous réussi ce qu'on vous demandait ? (0 = parfaitement)
tlx-effort = Effort
tlx-effort-question = Quel effort avez-vous dû fournir pour y arriver ?
tlx-frustration = Frustration
tlx-frustration-question = Quel niveau d'irritation, de stress ou de découragement avez-vous ressenti ?
tlx-very-low = très faible
tlx-very-high = très élevée
tlx-very-high-m = très élevé
tlx-perfect = parfaitement
tlx-failure = échec
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes }
duration-seconds = { NUMBER($seconds, maximumFractionDigits: 0) } s
percent = { NUMBER($percent, maximumFractionDigits: 0) } %
workload-calls = Appels : { $calls } ; temps au téléphone : { $phone } sur { $logged } de présence (occupation { $occupancy }).
workload-handle = Durée moyenne d'un appel : { $handle } ; récupération entre deux appels : { $recovery } en moyenne, { $shortest } au plus court.
workload-run = Plus longue suite d'appels sans pause : { $run } ({ $calls ->
    [one] { $calls } appel
   *[other] { $calls } appels
}).
workload-evening = Au téléphone le soir ou la nuit (20 h – 7 h) : { $evening } ; le week-end : { $weekend }. Pop-ups pendant les appels : { $popups }.
bundle-too-large = Fichier trop gros pour un export Témoin ({ $size } Mo ; au plus { $max } Mo) : ce n'est sans doute pas un export. Demandez un export plus court ou au niveau « daily ».
bundle-unknown-version = Cet export est au format version { $version }, inconnu de cette version de Témoin : mettez Témoin à jour pour le vérifier.
bundle-malformed = Cet export est abîmé : il ne peut pas être vérifié. Demandez une nouvelle copie.

## export verdicts
position = n° { $n }
list-and = { $init } et { $last }
list-others = { $count ->
    [one] { $count } autre
   *[other] { $count } autres
}
problem-missing = { $total ->
    [one] { $total } événement annoncé manque : { $list }.
   *[other] { $total } événements annoncés manquent : { $list }.
}
problem-unexpected = { $total ->
    [one] { $total } événement ajouté sans figurer dans la liste signée : { $list }.
   *[other] { $total } événements ajoutés sans figurer dans la liste signée : { $list }.
}
problem-outside-period = L'événement n° { $seq } est daté du { $date } : hors de la période de l'export.
problem-no-date = L'événement n° { $seq } n'a pas de date lisible.
problem-impossible-figures = Les chiffres du { $date } sont impossibles (plus de temps que la durée, plus de pop-ups signalés que de pop-ups, ou hors de la période).
problem-altered-event = L'événement n° { $seq } a été modifié : ce n'est pas celui du journal.
problem-other-worker = Le point de contrôle du { $date } a été signé par une autre personne que cet export.
problem-checkpoint-later = Le point de contrôle du { $date } couvre plus d'événements que cet export : l'export est plus ancien, ou des événements ont été supprimés.
problem-inconsistent = Incohérent avec le point de contrôle du { $date } : des événements remis avant ce jour ont été supprimés, modifiés ou antidatés.
checkpoint-unknown-version = Point de contrôle au format version { $version }, inconnu de cette version : mettez Témoin à jour.
checkpoint-malformed = Point de contrôle incomplet ou abîmé ({ $what }) : recopiez la ligne entière.
verdict-signed-by = Signé par { $pseudonym } (empreinte { $fingerprint }).
verdict-period = Période : du { $from } au { $to } ; { $what } ; journal de { $size ->
    [one] { $size } événement
   *[other] { $size } événements
}.
verdict-events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
verdict-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
verdict-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
verdict-extends = Prolonge bien le point de contrôle du { $date }.

## analysis
analysis-summary = Durée { NUMBER($duration, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, parole { NUMBER($speech, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, { $segments ->
    [one] { $segments } segment
   *[other] { $segments } segments
}
analysis-summary-set-aside = { $summary } ({ $set_aside ->
    [one] { $set_aside } écarté : une autre voix
   *[other] { $set_aside } écartés : une autre voix
})

## the window
gui-period-summary = { $popups ->
    [one] { $popups } pop-up
   *[other] { $popups } pop-ups
}, dont { $emotion } d'analyse des émotions et { $contradicted ->
    [one] { $contradicted } contredit
   *[other] { $contradicted } contredits
} par la mesure ; { $strain ->
    [one] { $strain } épisode
   *[other] { $strain } épisodes
} de tension vocale ; { $calls ->
    [one] { $calls } appel
   *[other] { $calls } appels
}, { NUMBER($phone, maximumFractionDigits: 1, minimumFractionDigits: 1) } h au téléphone sur { NUMBER($present, maximumFractionDigits: 1, minimumFractionDigits: 1) } h de présence.
gui-export-period = Période : du { $from } au { $to }.
gui-export-signed-by = Signé par { $pseudonym } (empreinte { $fingerprint }) : un pseudonyme tiré de la clé de ce poste, ni nom ni matricule.
gui-export-events = { $count ->
    [one] { $count } événement, avec sa preuve :
   *[other] { $count } événements, chacun avec sa preuve :
}
gui-export-hours = { $count ->
    [one] { $count } heure de chiffres : aucun événement détaillé, aucun texte de pop-up.
   *[other] { $count } heures de chiffres : aucun événement détaillé, aucun texte de pop-up.
}
gui-export-days = { $count ->
    [one] { $count } jour de chiffres : aucun événement détaillé, aucun texte de pop-up.
   *[other] { $count } jours de chiffres : aucun événement détaillé, aucun texte de pop-up.
}
gui-export-checkpoints = { $count ->
    [one] Le point de contrôle déjà remis, avec la preuve que le journal le prolonge.
   *[other] Les { $count } points de contrôle déjà remis, avec la preuve que le journal les prolonge.
}
cannot-write = Impossible d'écrire { $path }. Choisissez un autre dossier (par exemple une clé USB ou vos Documents).
gui-export-written = Export signé écrit : { $path }. Remettez ce fichier à votre représentant ; « Vérifier un export » montre ce qu'il verra.
gui-report-written = Relevé écrit : { $path } (s'ouvre dans un navigateur).
gui-wizard-step = Étape { $step } sur { $of }
gui-does-1 = Il note chaque pop-up de surveillance (automatiquement, ou d'un clic) et ce qu'il demandait.
gui-does-2 = Il mesure votre propre voix (débit, effort vocal) pour montrer si le pop-up était mérité.
gui-does-3 = Il compte vos appels, votre temps au téléphone, vos pauses.
gui-does-4 = Il en fait des preuves signées que vous remettez, si vous le voulez, au CSE ou au médecin du travail.
gui-does-not-1 = Il ne garde aucun son ni aucune transcription : seulement des chiffres.
gui-does-not-2 = Il n'écoute pas le client, ni vos collègues : seulement votre voix, au casque.
gui-does-not-3 = Il n'envoie rien : tout reste chiffré sur ce poste, lisible avec votre seule phrase de passe.
gui-does-not-4 = Il ne juge pas vos émotions : il mesure l'effort de votre voix, pas votre humeur.
gui-hotkey = Raccourci clavier (partout) : { $combo }. Il se change dans les règles, section [sources], « raccourci ».
gui-no-hotkey = Pas de raccourci clavier (règles, [sources], « raccourci »).
gui-test-verdict-emotion = Catégorie : { $category } ; ANALYSE DES ÉMOTIONS (interdite au travail dans l'UE){ $why }
gui-test-verdict = Catégorie : { $category } ; pas d'analyse des émotions{ $why }
gui-test-verdict-why = { " " }({ $words })
gui-quoted = « { $text } »
gui-gauge-learning = Témoin apprend votre voix habituelle : { $heard } / { $needed } phrases
gui-gauge-effort = { $words } ({ $z })

## command line
cli-register-bad-line = Registre { $path } : la ligne { $line } n'est pas une empreinte de clé (32 chiffres hexadécimaux, comme « temoin verify » l'affiche). Corrigez cette ligne.
cli-extension-registered = Hôte enregistré. Ajoutez l'extension depuis { $folder } : dans Chromium ou Chrome, chrome://extensions, « Mode développeur », « Charger l'extension non empaquetée » ; dans Firefox, about:debugging, « Ce Firefox », « Charger un module temporaire » (manifest.json).
cli-extension-no-folder = Hôte enregistré. Le dossier de l'extension est introuvable : indiquez-le avec TEMOIN_EXTENSION.
cli-extension-host-for = { $browser } : { $file }

## reports
report-title-worker = Témoin — mon relevé
report-title-council = Témoin — relevé collectif pour le CSE
report-who-worker = Travailleur ou travailleuse { $pseudonym } (empreinte de clé { $fingerprint })
report-who-council = { $workers ->
    [one] { $workers } personne (exports vérifiés, comptée une fois)
   *[other] { $workers } personnes (exports vérifiés, chacune comptée une fois)
}
report-period = Du { $from } au { $to } · { $who }
report-summary = En bref
report-fewer-than-five = moins de 5 personnes
report-presence = Sur <b>{ NUMBER($hours, maximumFractionDigits: 1) }</b> { $hours ->
    [one] heure de présence relevée
   *[other] heures de présence relevées
}, Témoin a noté <b>{ $popups }</b> { $popups ->
    [one] pop-up
   *[other] pop-ups
} de « coaching »{ $rate }.
report-presence-rate = { " " }(soit { NUMBER($rate, maximumFractionDigits: 2) } par heure)
report-presence-hidden = Les heures de présence et les pop-ups viennent de { $hidden } : ils ne sont pas montrés.
report-emotion = { $emotion ->
    [hidden] Combien de ces pop-ups montrent qu'une émotion a été déduite : non montré (moins de 5 personnes).
    [0] Aucun ne montre, par son texte, qu'une émotion a été déduite.
    [one] Parmi eux, <b>{ $emotion }</b> montre, par son texte, qu'une émotion a été déduite (votre ton, votre énergie, l'humeur du client).
   *[other] Parmi eux, <b>{ $emotion }</b> montrent, par leur texte, qu'une émotion a été déduite (votre ton, votre énergie, l'humeur du client).
} La reconnaissance des émotions au travail est interdite dans l'UE depuis le 2 février 2025 (règlement sur l'IA, art. 5(1)(f)).
report-contradicted = { $contradicted ->
    [hidden] Pop-ups contredits par la mesure de la voix : non montré (moins de 5 personnes).
    [one] <b>{ $contradicted }</b> pop-up est contredit par la mesure de la voix (par exemple « parlez plus vite » alors que le débit était déjà au-dessus de l'habitude){ $consistent }.
   *[other] <b>{ $contradicted }</b> pop-ups sont contredits par la mesure de la voix (par exemple « parlez plus vite » alors que le débit était déjà au-dessus de l'habitude){ $consistent }.
}
report-consistent = { " " }; { $count ->
    [one] { $count } est cohérent
   *[other] { $count } sont cohérents
} avec elle
report-calls = Appels : <b>{ $calls }</b>, soit <b>{ $hours }</b> au téléphone ; épisodes de tension vocale : <b>{ $strain }</b>{ $run }.
report-longest-run = { " " }; plus longue suite d'appels sans pause : { $minutes } min
report-self-reports = { $count ->
    [one] Bilan de fin de service
   *[other] Bilans de fin de service ({ $count })
} : exigence mentale { $mental }, physique { $physical }, pression du temps { $temporal }, réussite { $performance }, effort { $effort }, frustration { $frustration } (moyennes sur 100).
report-set-aside = { $count ->
    [one] { $count } fichier écarté, non compté :
   *[other] { $count } fichiers écartés, non comptés :
}
report-by-day = Par jour
report-popups-per-day = Pop-ups par jour
report-strain-and-popups = Tension vocale et pop-ups, par jour
report-calls-per-day = Appels par jour
report-by-hour = Par heure de la journée
report-popups-by-hour = Pop-ups par heure de la journée
report-asked = Ce que demandaient les pop-ups
report-popups-by-category = Pop-ups par catégorie
report-contradicted-title = Pop-ups contredits par la mesure
report-method = Méthode
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.

## counts
cli-export-done = Export : { $what }, du { $from } au { $to }.
cli-export-signed = Signé par { $pseudonym } (empreinte { $fingerprint }). Fichier : { $file }
cli-aggregate-done = { $files ->
    [one] { $files } fichier lu
   *[other] { $files } fichiers lus
}, { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}, { $rejected ->
    [one] { $rejected } écarté
   *[other] { $rejected } écartés
} ; relevé écrit : { $file }.
cli-popup-list-summary = { $popups ->
    [one] { $popups } pop-up
   *[other] { $popups } pop-ups
}, { $flagged } avec analyse des émotions, { $contradicted ->
    [one] { $contradicted } contredit
   *[other] { $contradicted } contredits
} par la mesure.
cli-popups-recorded = { $count ->
    [one] { $count } pop-up enregistré.
   *[other] { $count } pop-ups enregistrés.
}
cli-listen-summary = { $segments ->
    [one] { $segments } segment de votre voix mesuré
   *[other] { $segments } segments de votre voix mesurés
}, { $set_aside ->
    [one] { $set_aside } écarté (autre voix)
   *[other] { $set_aside } écartés (autre voix)
}, { $episodes ->
    [one] { $episodes } épisode de tension vocale
   *[other] { $episodes } épisodes de tension vocale
}, { $dropped ->
    [one] { $dropped } bloc audio perdu (machine trop chargée)
   *[other] { $dropped } blocs audio perdus (machine trop chargée)
}.
cli-words-skipped = { $count ->
    [one] { $count } segment enregistré sans compter les mots (transcription en retard).
   *[other] { $count } segments enregistrés sans compter les mots (transcription en retard).
}
gui-rows-unreadable = { $count ->
    [one] { $count } ligne illisible dans le coffre (modifiée, ou écrite par une version plus récente) : « temoin check » dit laquelle.
   *[other] { $count } lignes illisibles dans le coffre (modifiées, ou écrites par une version plus récente) : « temoin check » dit lesquelles.
}
gui-events-shown = { $count ->
    [one] { $count } événement, du plus récent
   *[other] { $count } événements, du plus récent
}

## command line errors
cli-file-error = Un fichier n'a pas pu être lu ou écrit. Vérifiez le chemin donné et les droits du dossier.
cli-unexpected-error = Une erreur inattendue a arrêté la commande ; rien n'a été modifié par elle.

## command line help
help-temoin = Témoin : votre propre relevé de la surveillance au travail
help-temoin--vault = Fichier du coffre (défaut : dossier de données de l'utilisateur)
help-temoin--lang = Langue des messages, fr ou en (par défaut celle choisie dans la fenêtre, sinon le français)
help-temoin-gui = La fenêtre (aussi sans commande)
help-temoin-gui--no-listen = Sans écoute du micro ni surveillance des pop-ups (le bouton marche)
help-temoin-gui--vue = La vue ouverte : aujourdhui, historique, fin-de-service, preuves ou reglages
help-temoin-init = Crée le coffre chiffré
help-temoin-note = Ajoute une note, sans phrase de passe ; sans texte, elle est demandée (hors de la ligne de commande, que l'employeur peut journaliser)
help-temoin-note--text = Le texte de la note ; « - » ou rien : lu au clavier ou sur l'entrée standard (conseillé)
help-temoin-events = Déchiffre et liste les événements
help-temoin-events--json = Sortie JSON
help-temoin-events--from = À partir du jour (JJ/MM/AAAA ou AAAA-MM-JJ, heure locale de l'événement)
help-temoin-events--to = Jusqu'au jour inclus
help-temoin-check = Vérifie la chaîne du coffre
help-temoin-check--full = Déchiffre aussi chaque ligne et relit l'histoire des sessions d'écriture (demande la phrase de passe)
help-temoin-check--checkpoint = Un point de contrôle remis avant (fichier ou ligne) : le journal doit le prolonger, sinon il a été coupé ou remis à une copie plus ancienne
help-temoin-passwd = Change la phrase de passe
help-temoin-recover = Nouvelle phrase de passe avec le code de récupération
help-temoin-listen = Écoute le micro et enregistre les mesures, sans phrase de passe
help-temoin-listen--device = Micro : l'identifiant que donne --list, ou son nom (défaut : celui du système)
help-temoin-listen--list = Liste les micros : identifiant, puis nom
help-temoin-listen--own-level = Votre niveau calibré en dBFS
help-temoin-listen--seconds = S'arrête après ce nombre de secondes
help-temoin-listen--baseline = Demande la phrase de passe une fois pour reprendre votre ligne de base des 14 derniers jours (les clés sont oubliées aussitôt)
help-temoin-listen--no-words = Ne compte pas les mots (PC faible)
help-temoin-listen--no-popups = Ne surveille pas les pop-ups
help-temoin-calibrate = Calibre le niveau de votre voix : lisez quelques phrases
help-temoin-calibrate--device = Nom du micro (défaut : celui du système)
help-temoin-calibrate--seconds = Durée de l'écoute
help-temoin-popup = Enregistre un pop-up vu, teste les règles, ou surveille les pop-ups, sans phrase de passe
help-temoin-popup--text = Le texte vu (facultatif : la catégorie suffit) ; « - » : lu sur l'entrée standard, hors de la ligne de commande
help-temoin-popup--category = Catégorie, par son nom (« remerciements ») ou son identifiant : pace_faster, pace_slower, thanks, apology, empathy, silence, overtalk, hold, script, score, customer_sentiment ou other
help-temoin-popup-rules = Montre comment un texte serait classé
help-temoin-popup-rules--test = Le texte à tester
help-temoin-popup-rules--json = Sortie JSON
help-temoin-popup-rules--show-default = Affiche les règles livrées, à copier et modifier
help-temoin-popup-classer = Donne sa catégorie à un pop-up, nommé par son n° (affiché à l'enregistrement et par « popup list ») ou par son heure ; demande la phrase de passe
help-temoin-popup-list = Liste vos pop-ups avec le verdict de la mesure (demande la phrase de passe)
help-temoin-popup-watch = Surveille les pop-ups (fenêtres, notifications, raccourci) sans écouter le micro
help-temoin-popup-watch--seconds = S'arrête après ce nombre de secondes
help-temoin-extension = L'extension de navigateur (pop-ups des pages)
help-temoin-call = Marque le début ou la fin d'un appel, sans phrase de passe
help-temoin-fin-de-service = Bilan de fin de service (NASA-TLX, moins d'une minute), sans phrase de passe
help-temoin-fin-de-service--mental = Exigence mentale
help-temoin-fin-de-service--physical = Exigence physique
help-temoin-fin-de-service--temporal = Pression du temps
help-temoin-fin-de-service--performance = Réussite (0 = parfaitement)
help-temoin-fin-de-service--note = Une note libre ; « - » : lue sur l'entrée standard, hors de la ligne de commande (conseillé)
help-temoin-export = Exporte une période, signée, pour le CSE ou le médecin du travail (phrase de passe)
help-temoin-export--from = Premier jour (AAAA-MM-JJ ; par défaut le début du journal)
help-temoin-export--to = Dernier jour (par défaut aujourd'hui)
help-temoin-export--level = Niveau de détail : daily (par jour, par défaut : le moins détaillé), hourly (chiffres par heure) ou events (chaque événement)
help-temoin-export--out = Fichier à écrire
help-temoin-checkpoint = Point de contrôle signé du journal, à remettre à un représentant (phrase de passe)
help-temoin-checkpoint--out = Écrire aussi la ligne dans ce fichier
help-temoin-verify = Vérifie un export : qui l'a signé, quelle période, intact ou non (0 intact, 1 non, 2 illisible)
help-temoin-verify--file = L'export à vérifier (fichier .json)
help-temoin-verify--checkpoint = Un point de contrôle remis avant (la ligne, ou un fichier qui la contient)
help-temoin-report = Relevé lisible (HTML, à imprimer en PDF) d'une période (phrase de passe)
help-temoin-report--from = Premier jour (par défaut le début du journal)
help-temoin-report--to = Dernier jour (par défaut aujourd'hui)
help-temoin-report--out = Fichier HTML à écrire
help-temoin-aggregate = Relevé collectif du CSE à partir des exports de plusieurs personnes
help-temoin-aggregate--inputs = Exports à réunir : fichiers ou dossiers
help-temoin-aggregate--out = Relevé collectif HTML à écrire
help-temoin-aggregate--json = Écrire aussi les chiffres en JSON sur la sortie
help-temoin-aggregate--registre = Registre du CSE : les empreintes des clés enregistrées en personne, une par ligne ; seuls leurs exports sont réunis
help-temoin-aggregate--sans-registre = Réunir tous les exports, clés enregistrées ou non (à éviter : de nouvelles clés peuvent remplir une case)
help-temoin-corriger-service = Corrige le début et/ou la fin du service d'un jour, sans phrase de passe
help-temoin-corriger-service--date = Le jour où le service a commencé
help-temoin-corriger-service--debut = Heure de début
help-temoin-corriger-service--fin = Heure de fin
help-temoin-workload = Charge de travail : appels, récupération, occupation, suites sans pause (phrase de passe)
help-temoin-analyze = Mesure la voix dans un enregistrement WAV
help-temoin-analyze--file = Enregistrement WAV à mesurer
help-temoin-analyze--json = Sortie JSON (interface documentée)
help-temoin-analyze--own-level = Niveau calibré de votre voix en dBFS : les voix plus faibles sont écartées
help-temoin-analyze--no-words = Ne pas transcrire (PC faible, ou pour chronométrer le reste)
help-temoin-analyze--transcript = Affiche aussi le texte transcrit, pour vérifier ; il n'est jamais enregistré
help-temoin-analyze--speech-lang = Langue parlée : fr, en, ou auto (reconnue par le modèle)
help-temoin-popup-classer--category = La catégorie, par son nom (« remerciements ») ou son identifiant (thanks)
help-temoin-popup-list--json = Sortie JSON
help-temoin-extension--action = install : enregistre l'hôte auprès des navigateurs de l'utilisateur
help-temoin-call--action = start (début d'appel) ou end (fin d'appel)
help-temoin-fin-de-service--effort = Effort (0 à 100)
help-temoin-fin-de-service--frustration = Frustration (0 à 100)
help-temoin-workload--json = Sortie JSON
help-template = {"{"}about-with-newline{"}"}
    Utilisation : {"{"}usage{"}"}
    
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Commandes
help-options = Options
help-help = Affiche cette aide
help-version = Affiche la version
cli-error-date = La date « { $value } » donnée à { $arg } n'est pas lisible. Écrivez-la JJ/MM/AAAA (par exemple 29/11/2026) ou AAAA-MM-JJ (2026-11-29).
cli-error-value = La valeur « { $value } » donnée à { $arg } n'est pas valable. « temoin --help » décrit chaque option.
cli-error-value-one-of = La valeur « { $value } » donnée à { $arg } n'est pas valable. Valeurs possibles : { $valid }.
cli-error-unknown-argument = Option inconnue : { $arg }. « temoin --help » (ou « temoin COMMANDE --help ») liste les options.
cli-error-unknown-command = Commande inconnue : « { $command } ». « temoin --help » liste les commandes.
cli-error-missing = Il manque { $arg }. « temoin COMMANDE --help » dit ce qu'il faut donner.
cli-error-missing-command = Il manque une commande. « temoin --help » les liste.
cli-error-conflict = { $arg } ne peut pas être donné avec { $other }.
cli-error-other = Ces arguments ne sont pas compris. « temoin --help » décrit les commandes et leurs options.

## command line, files
help-arguments = Arguments
cannot-read-file = Impossible de lire { $path } : le fichier n'existe pas ou n'est pas lisible. Vérifiez le chemin.

## command line, reports
cli-report-written = Relevé écrit : { $file } (du { $from } au { $to }).

## command line, values
cli-error-value-why = La valeur « { $value } » donnée à { $arg } n'est pas valable : { $why }.

## values
cli-error-time = L'heure « { $value } » donnée à { $arg } n'est pas lisible. Écrivez-la HH:MM (par exemple 08:30).
self-report-not-a-number = « { $value } » n'est pas un nombre : donnez une valeur de 0 à 100.
self-report-out-of-range = { $value } est hors de l'échelle : donnez une valeur de 0 à 100.
cannot-write-no-folder = Impossible d'écrire { $path } : le dossier { $folder } n'existe pas. Créez-le, ou choisissez un dossier existant.
report-set-aside-reason = { $reason } ({ $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
})
report-hidden-bar = < 5 pers.
report-hidden = non montré (moins de 5 personnes)
report-phone-hours = { NUMBER($hours, maximumFractionDigits: 1, minimumFractionDigits: 1) } h
vault-truncated = Le fichier du coffre est coupé : il fait { $found } octets au lieu de { $expected }, sa fin manque (copie interrompue, disque plein ou plantage pendant une copie). Il n'a été ni modifié ni « réparé ». Gardez-le tel quel ; si vous en avez une copie complète (sauvegarde, clé USB), reprenez-la. Les exports déjà faits restent vérifiables.
settings-unreadable = Les réglages ({ $path }) ne peuvent pas être lus. Corrigez ou supprimez ce fichier, puis choisissez à nouveau vos réglages dans la fenêtre.
settings-defaults-apply = En attendant, les réglages par défaut s'appliquent.
gui-job-died = L'opération s'est arrêtée sur une erreur interne de Témoin. Rien n'a été perdu : réessayez ; si cela recommence, fermez et rouvrez Témoin, et signalez-le.
gui-starting-listening = Démarrage de l'écoute (chargement des modèles de voix)…
cli-gui-no-display = Pas d'écran graphique ici (ni X11 ni Wayland) : la fenêtre ne peut pas s'ouvrir. Lancez Témoin depuis votre session de bureau, ou utilisez les commandes (temoin --help).
status-no-answer = Le son du système ne répond pas. Nouvel essai automatique ; si cela dure, redémarrez votre session.
capture-no-answer = Le son du système ne répond pas. Réessayez dans un instant ; si cela dure, redémarrez votre session.
messages-listening-ended = Fin de l'écoute
messages-sound-lost = Écoute interrompue (son perdu)
gap-between = Écoute interrompue : son perdu de { $from } à { $to }
gap-between-on = Écoute interrompue : son perdu le { $day } de { $from } à { $to }
gap-since = Écoute interrompue : son perdu depuis { $from }
gap-since-on = Écoute interrompue : son perdu le { $day } depuis { $from }
report-coverage = Couverture de l'écoute
report-no-gaps = Aucune interruption de l'écoute sur la période : quand Témoin écoutait, le son est toujours arrivé.
report-gaps-intro = { $count ->
    [one] Une interruption de l'écoute (son du système perdu), { $minutes } min en tout ; les mesures de ce moment manquent, ce n'est pas un calme :
   *[other] { $count } interruptions de l'écoute (son du système perdu), { $minutes } min en tout ; les mesures de ces moments manquent, ce n'est pas un calme :
}
gui-gaps-today = Coupures de l'écoute
cli-words-unsampled = { $count ->
    [one] { $count } segment mesuré sans compter ses mots : le comptage des mots garde sa part du processeur ({ NUMBER($share, maximumFractionDigits: 1) } % d'un cœur sur la journée), les moments qui suivent un pop-up d'abord.
   *[other] { $count } segments mesurés sans compter leurs mots : le comptage des mots garde sa part du processeur ({ NUMBER($share, maximumFractionDigits: 1) } % d'un cœur sur la journée), les moments qui suivent un pop-up d'abord.
}
cli-popup-classer-none = Aucun pop-up « { $which } » : rien n'a été enregistré. Les numéros et les heures de vos pop-ups sont dans « temoin popup list ».
cli-popup-classer-several = { $count } pop-ups à { $which } : rien n'a été enregistré. Choisissez-en un par son numéro (temoin popup classer <n°> <catégorie>) :
cli-popup-classer-done = Catégorie enregistrée pour le pop-up n° { $number } : { $category }.
cli-popup-unknown-category = « { $name } » n'est pas une catégorie de pop-up ; au choix, par son nom ou son identifiant :
cli-listen-nothing-heard = Rien n'a été mesuré : aucun son n'est arrivé du micro pendant l'écoute. { $why }
cli-listen-nothing-heard-exit = Vérifiez le micro choisi (« temoin listen --list », ou « Réglages » dans la fenêtre), puis relancez l'écoute.
gui-not-answered = non répondu
gui-counted-since = Vu dans cette fenêtre depuis { $time } ; les totaux de la journée sont dans « Historique ».
gui-forgot-passphrase = J'ai oublié ma phrase de passe
gui-recovery-intro = Avec le code de récupération noté à la création du coffre, choisissez une nouvelle phrase de passe. Rien de ce qui est enregistré n'est perdu.
gui-change-passphrase-with-code = Changer la phrase de passe
gui-recovered = Phrase de passe changée. Votre nouveau code de récupération, affiché une seule fois (l'ancien ne vaut plus) : { $code } — notez-le sur papier, puis ouvrez avec la nouvelle phrase de passe.
messages-usual-pace = dans votre rythme habituel : ni l'un ni l'autre
help-temoin-popup-classer--which = N° du pop-up (14), ou son heure : HH:MM:SS aujourd'hui, ou AAAA-MM-JJTHH:MM:SS+01:00 (refusé si plusieurs pop-ups ont cette heure)
cli-note-prompt = Votre note (Entrée pour l'enregistrer) :
cli-note-empty = Note vide : rien n'a été enregistré. Écrivez-la après « temoin note », ou envoyez-la sur l'entrée standard (echo … | temoin note -).
cli-popup-prompt = Le texte du pop-up (Entrée pour l'enregistrer) :
vault-passphrase-too-weak = Cette phrase de passe se devine trop vite (un mot courant, une suite de touches, un prénom et une année…). Rien n'a été changé : prenez plutôt quatre ou cinq mots sans lien entre eux, par exemple « lampe rivière carton mardi ».
verdict-masked = { $count ->
    [one] Une note a été masquée par le travailleur avant l'export (ce qui désignait un client) : sa place dans le journal est prouvée, son texte masqué est attesté par sa seule signature.
   *[other] { $count } notes ont été masquées par le travailleur avant l'export (ce qui désignait un client) : leur place dans le journal est prouvée, leur texte masqué est attesté par sa seule signature.
}
export-masked = { $count ->
    [one] Une note désignait un client : elle part masquée (nom, téléphone, numéros remplacés), votre coffre la garde telle quelle :
   *[other] { $count } notes désignaient un client : elles partent masquées (noms, téléphones, numéros remplacés), votre coffre les garde telles quelles :
}
vault-keys-replaced = Les clés de ce coffre ont été remplacées dans le fichier : ce ne sont plus celles que ce PC a vues la première fois. Rien n'a été écrit, pour que vos prochains événements n'aillent pas à quelqu'un d'autre. Gardez le fichier tel quel, reprenez une sauvegarde de votre coffre, et parlez-en à votre représentant : quelqu'un a eu la main sur vos fichiers.
help-temoin-check--recipient = Le destinataire à qui les points de contrôle ont été remis (le nom donné alors avec --for)
help-temoin-checkpoint--recipient = Pour qui : un nom par destinataire (« CSE Acme »), chacun reçoit une signature à part et deux destinataires ne peuvent pas relier ce que vous leur donnez
help-temoin-export--recipient = Pour qui : un nom par destinataire (« CSE Acme »), chacun reçoit une signature à part et deux destinataires ne peuvent pas relier vos exports
help-temoin-report--recipient = Pour qui : le même nom que pour l'export qui l'accompagne (sa signature y est nommée)
gui-evidence-for = Pour qui (facultatif) :
gui-evidence-for-example = CSE Acme, médecin du travail…
gui-evidence-for-why = Donnez un nom par destinataire : chacun reçoit une signature à part, et deux destinataires ne peuvent pas relier ce que vous leur donnez. Reprenez le même nom pour le même destinataire.
gui-export-for = Pour « { $recipient } » : une signature à part, que les autres destinataires ne peuvent pas relier à celle-ci.
witness-missing = Aucun témoin dans { $dir }. Créez-le avec « temoin witness init { $dir } --name NOM ».
witness-exists = Un témoin existe déjà dans { $dir } : il n'a pas été remplacé (sa clé est celle que les salariés connaissent).
witness-bad-name = Le nom d'un témoin n'a ni espace ni « + », et tient en 255 octets : par exemple « cse-acme.example/temoin ».
witness-store = Le fichier du témoin n'a pas pu être lu ou écrit.
witness-created = Témoin créé dans { $dir }. Sa clé, à donner aux salariés qui l'ajoutent :
witness-enrolled = Journal inscrit : { $origin }.
witness-not-a-log-key = Ce n'est ni la clé d'un journal ni un point de contrôle Témoin. Demandez au salarié le point de contrôle affiché par « temoin checkpoint » (ou son code QR).
witness-serving = Le témoin écoute sur http://{ $addr } (POST /add-checkpoint, GET /logs). Sa clé :
witness-log-line = { $origin } : { $size } événements, contre-signé le { $at }
help-temoin-witness = Le témoin du CSE : contre-signe les points de contrôle des journaux inscrits
help-temoin-witness-init = Crée le témoin dans un dossier et affiche sa clé
help-temoin-witness-init--dir = Dossier du témoin
help-temoin-witness-init--name = Nom du témoin, sans espace (par exemple cse-acme.example/temoin)
help-temoin-witness-enroll = Inscrit le journal d'un salarié, en personne : sa clé ou son point de contrôle
help-temoin-witness-enroll--dir = Dossier du témoin
help-temoin-witness-enroll--given = La clé du journal, ou le point de contrôle (texte ou fichier)
help-temoin-witness-serve = Sert le témoin en HTTP (c2sp.org/tlog-witness)
help-temoin-witness-serve--dir = Dossier du témoin
help-temoin-witness-serve--listen = Adresse d'écoute
help-temoin-witness-status = Les journaux inscrits : taille et date de la dernière contre-signature
help-temoin-witness-status--dir = Dossier du témoin
help-temoin-witness-status--json = Sortie JSON
verdict-cosigned = Cosigné par le témoin { $witness } (clé { $key }) le { $date } : { $cosigned ->
    [one] { $cosigned } ligne
   *[other] { $cosigned } lignes
}, que ce journal prolonge bien.
problem-witness-cut = Le témoin { $witness } (clé { $key }) a cosigné { $cosigned ->
    [one] { $cosigned } ligne
   *[other] { $cosigned } lignes
} de ce journal le { $date } ; cet export n'en a que { $size } : le coffre a été coupé ou remis en arrière après cette date.
problem-witness-contradicts = Ce journal ne prolonge pas ce que le témoin { $witness } (clé { $key }) a cosigné le { $date } ({ $cosigned ->
    [one] { $cosigned } ligne
   *[other] { $cosigned } lignes
}) : des lignes ont été changées ou remplacées après cette date.
problem-witness-bad-cosignature = La contre-signature attribuée au témoin { $witness } n'est pas valide (fausse ou modifiée).
problem-witness-malformed = La partie « témoins » de l'export ne tient pas ensemble (clé, racine ou nombre de lignes) : elle a été modifiée après la signature.
witness-added = Témoin ajouté : { $witness } ({ $url }). Rien ne lui est envoyé avant que le CSE ait inscrit votre journal : donnez-lui en personne la clé de votre journal, ci-dessous.
witness-what-leaves = Ce qui sera envoyé après chaque appel, tous les quarts d'heure s'il y a du nouveau, et en fin de service : le nombre de lignes du coffre, son empreinte (racine de l'arbre) et une signature. Rien d'autre : ni événement, ni texte, ni mesure.
witness-not-added = Aucun témoin n'a l'adresse { $url }. « temoin witness list » montre ceux qui sont ajoutés.
witness-removed = Témoin retiré : { $url }. Plus rien ne lui est envoyé ; ses contre-signatures déjà reçues restent dans le coffre.
witness-none = Aucun témoin n'est ajouté : rien ne quitte ce PC. Pour en ajouter un : temoin witness add ADRESSE CLÉ (l'adresse et la clé vous sont données par le CSE).
witness-your-log-key = Clé de votre journal (à donner au CSE pour qu'il l'inscrive) :
witness-bad-key = Ce n'est pas la clé d'un témoin : « { $key } ». Elle ressemble à « cse-acme.example/temoin+1a2b3c4d+… » ; demandez-la au CSE (affichée par « temoin witness init » ou « serve »).
witness-bad-url = L'adresse du témoin « { $url } » doit commencer par http:// ou https:// (par exemple https://cse-acme.example/temoin).
witness-cosigned = { $witness } : contre-signé, { $size ->
    [one] { $size } ligne
   *[other] { $size } lignes
}, le { $date }.
witness-up-to-date = { $witness } : rien de nouveau depuis sa dernière contre-signature ({ $size ->
    [one] { $size } ligne
   *[other] { $size } lignes
}).
witness-contradicted = { $witness } : ATTENTION — ce témoin a contre-signé { $cosigned ->
    [one] { $cosigned } ligne
   *[other] { $cosigned } lignes
} le { $date } et le coffre n'en a plus que { $size }, ou pas les mêmes : il a été coupé, remis en arrière ou modifié. La preuve datée du témoin est gardée et vos exports la montreront.
witness-contradicted-undated = { $witness } : ATTENTION — ce témoin a déjà contre-signé { $cosigned ->
    [one] { $cosigned } ligne
   *[other] { $cosigned } lignes
} et le coffre n'en a que { $size }, ou pas les mêmes : il a été coupé, remis en arrière ou modifié. Demandez au CSE la date de sa dernière contre-signature.
witness-unreachable = { $witness } : injoignable pour l'instant. Un nouvel essai sera fait plus tard ; rien n'est perdu.
witness-not-enrolled = { $witness } : ce témoin ne connaît pas encore votre journal. Donnez au CSE la clé de votre journal (ci-dessous, ou dans « Réglages ») pour qu'il l'inscrive.
witness-refused = { $witness } : refusé (HTTP { $status }).
witness-bad-answer = { $witness } : la réponse ne porte pas de contre-signature valide de ce témoin. Vérifiez avec le CSE que la clé ajoutée est bien la sienne.
witness-last = dernière contre-signature : { $size ->
    [one] { $size } ligne
   *[other] { $size } lignes
}, le { $date }
witness-never = pas encore de contre-signature
witness-line = { $witness } ({ $url }) : { $state }{ $failures ->
    [0] {""}
    [one] {" "}; { $failures } envoi a échoué depuis
   *[other] {" "}; { $failures } envois ont échoué depuis
}.
help-temoin-witness-add = Ajoute le témoin du CSE à qui envoyer vos points de contrôle
help-temoin-witness-add--url = Adresse du témoin (http:// ou https://)
help-temoin-witness-add--key = Clé du témoin
help-temoin-witness-remove = Retire un témoin
help-temoin-witness-remove--url = Adresse du témoin
help-temoin-witness-list = Vos témoins et la clé de votre journal
help-temoin-witness-submit = Envoie maintenant un point de contrôle à vos témoins
gui-witness-title = Témoin du CSE (facultatif)
gui-witness-explain = Sans témoin, rien ne quitte ce PC. Avec un témoin, après chaque appel et en fin de service, Témoin envoie au serveur du CSE le nombre de lignes de votre coffre, leur empreinte et une signature — rien d'autre : ni événement, ni texte, ni mesure. Le témoin les contre-signe et les garde : un coffre coupé ou remis en arrière ensuite se voit dans vos exports, avec la date.
gui-witness-url = Adresse du témoin
gui-witness-key = Clé du témoin
gui-witness-add = Ajouter ce témoin
gui-witness-remove = Retirer
gui-witness-send = Envoyer maintenant
gui-witness-sending = Envoi en cours…
gui-witness-added = Témoin ajouté. Montrez au CSE la clé de votre journal, ci-dessous, pour qu'il l'inscrive : rien ne lui est envoyé avant.
gui-witness-log-key = Clé de votre journal, à montrer au CSE (texte ou code QR) :
calls-no-sound-server = Aucun serveur de son (PulseAudio ou PipeWire) ne répond : les flux des applications ne peuvent pas être suivis. Les appels sont trouvés dans votre parole.
calls-no-stream = Aucune application ne joue ni n'enregistre de son en ce moment. Lancez cette commande pendant un appel pour voir le nom de votre softphone.
calls-streams-now = Les applications qui ont un flux audio en ce moment (leur nom seulement, jamais le son) :
calls-stream-line = - { $app }{ $binary ->
    [none] {""}
   *[other] {" "}({ $binary })
} : { $playback ->
    [yes] lecture
   *[no] enregistrement
}, { $running ->
    [yes] actif
   *[no] en pause
}{ $chosen ->
    [yes] {" "}← votre softphone
   *[no] {""}
}
calls-softphone-chosen = Softphone choisi : « { $app } ». Ses flux audio marquent le début et la fin de chaque appel (à la prochaine écoute) ; seuls leur ouverture et leur fermeture sont suivies, jamais leur son.
calls-softphone-none = Aucun softphone choisi : les appels sont trouvés dans votre parole (silences, formules d'accueil et de fin). Pour en choisir un : temoin calls sources --choose NOM (pendant un appel, pour le voir dans la liste).
help-temoin-calls = Les sources des appels : les flux audio des applications, et le softphone choisi
help-temoin-calls-sources = Les applications qui jouent ou enregistrent du son maintenant, et le softphone choisi
help-temoin-calls-sources--choose = Choisit le softphone (son nom tel qu'il est listé)
help-temoin-calls-sources--none = Revient aux appels trouvés dans la parole
gui-calls-heading = Appels
gui-calls-explain = Si votre softphone (ou le navigateur de votre poste d'agent web) est choisi ici, ses flux audio marquent le début et la fin de chaque appel, même quand les appels s'enchaînent à quelques secondes. Seules leur ouverture et leur fermeture sont suivies, jamais leur son. Sinon, les appels sont trouvés dans votre parole (silences, « bonjour », « au revoir »). Pendant un appel, cherchez les applications qui ont du son pour voir le nom du vôtre.
gui-calls-none = Aucun (appels trouvés dans votre parole)
gui-calls-softphone = Softphone
gui-calls-seen = { $app } (vu maintenant)
gui-calls-look = Chercher les applications qui ont du son
messages-key-registered = Clé enregistrée au registre
messages-key-unregistered = Clé retirée du registre
set-aside-unreadable-file = fichier illisible.
register-not-a-code = Ce n'est pas le code d'une clé : il faut les 32 chiffres et lettres (0-9, a-f) que la fenêtre Témoin de la personne affiche sous son QR, ou son QR lui-même. Vérifiez le code avec elle et recommencez.
register-other-qr = Ce QR n'est pas celui d'une clé Témoin. Demandez à la personne d'ouvrir « Preuves » › « Ma clé pour le CSE » dans sa fenêtre et montrez ce QR-là.
register-not-an-image = { $path } n'est pas une image lisible (PNG ou JPEG). Prenez la photo du QR à nouveau, ou tapez le code.
page-intact = Relevé intact : signé par la clé { $pseudonym } (empreinte { $fingerprint }), rien n'a été modifié depuis. Comparez cette empreinte à celle que le CSE a publiée.
page-not-signed = Ce relevé n'est pas signé : on ne peut pas dire qui l'a fait ni s'il a été modifié. Demandez au CSE le relevé signé.
page-malformed = La signature de ce relevé est abîmée : on ne peut pas le vérifier. Demandez au CSE une nouvelle copie.
page-altered = PAS INTACT : ce relevé a été modifié après sa signature. Ne vous fiez pas à ses chiffres ; demandez au CSE une nouvelle copie.
report-pooled = Ce relevé réunit { $files ->
    [one] { $files } fichier d'export
   *[other] { $files } fichiers d'export
} : { $counted ->
    [one] { $counted } compté
   *[other] { $counted } comptés
}, de { $workers ->
    [one] { $workers } personne enregistrée au registre du CSE
   *[other] { $workers } personnes enregistrées au registre du CSE, chacune comptée une fois quel que soit le nombre de ses exports
}. Chaque export a été vérifié (signature, liste des événements, points de contrôle) avant d'être compté.
report-signed-by = Relevé signé par le CSE avec la clé { $pseudonym } (empreinte { $fingerprint }) : « temoin verify » sur ce fichier, ou « Preuves » › « Vérifier » dans la fenêtre Témoin, dit s'il a été modifié depuis.
report-not-signed = Ce relevé n'est pas signé (fait sans le bureau du CSE) : rien ne prouve qui l'a fait.
help-temoin-aggregate--cse = Le bureau du CSE (le mode CSE de la fenêtre) : son registre, et sa clé signe le relevé
gui-cse-tab-register = Registre
gui-cse-tab-pool = Réunir les exports
gui-cse-why-passphrase = Le registre du CSE et sa clé sont chiffrés : la phrase de passe du bureau du CSE les ouvre.
gui-cse-our-key = La clé du CSE
gui-cse-our-key-is = Les relevés collectifs sont signés par la clé { $pseudonym }, d'empreinte { $fingerprint }. Publiez cette empreinte (affichage, intranet syndical) : chacun peut alors vérifier qu'un relevé vient bien du CSE.
gui-cse-our-key-locked = Ouvrez le registre avec la phrase de passe pour voir la clé du CSE.
gui-cse-where = Où est le bureau du CSE
gui-cse-to-worker-what = Cette fenêtre est en mode CSE. Si vous êtes aussi téléconseiller·e, vous pouvez revenir à votre propre relevé ; le bureau du CSE reste là.
gui-cse-to-worker = Revenir au mode téléconseiller·e
gui-cse-already = Cette clé ({ $fingerprint }) est déjà au registre : rien n'a changé.
gui-cse-registered = Clé { $fingerprint } enregistrée. Ses exports compteront.
gui-cse-camera-stopped = Caméra arrêtée : aucune clé enregistrée.
gui-cse-camera-nothing = La caméra n'a vu aucun QR pendant une minute. Approchez l'écran de la personne (ou son téléphone) à 20 cm environ, bien éclairé, et recommencez ; ou tapez le code.
gui-cse-removed = Clé { $fingerprint } retirée du registre : ses exports ne compteront plus.
gui-cse-register-what = Enregistrez ici, en personne, la clé de chaque personne qui vous confiera ses exports : elle ouvre « Preuves » › « Ma clé pour le CSE » dans sa fenêtre Témoin et vous montre le QR ou lit le code. Seuls les exports des clés enregistrées sont comptés, chacune une fois : personne ne peut remplir une case avec des clés inventées. Le registre ne garde aucun nom, seulement l'empreinte de la clé et la date.
gui-cse-add = Ajouter une clé
gui-cse-code = Code affiché sous le QR (32 chiffres et lettres)
gui-cse-add-code = Ajouter ce code
gui-cse-photo = Ou une photo du QR (chemin du fichier, ou déposez la photo sur la fenêtre)
gui-cse-photo-hint = /home/…/qr.jpg
gui-cse-read-photo = Lire la photo
gui-cse-camera = Lire le QR avec la caméra
gui-cse-camera-stop = Arrêter la caméra
gui-cse-camera-looking = Montrez le QR à la caméra… (rien n'est enregistré ni montré des images)
gui-cse-reading = Lecture…
gui-cse-registered-count = { $count ->
    [0] Aucune clé au registre pour l'instant.
    [one] { $count } clé au registre :
   *[other] { $count } clés au registre :
}
gui-cse-remove = Retirer
gui-cse-remove-hint = Retire cette clé du registre (ses exports ne compteront plus). Le registre garde la trace du retrait.
gui-cse-no-qr = Aucun QR trouvé sur cette photo. Reprenez-la de face, le QR entier et net, ou tapez le code.
camera-none = Aucune caméra trouvée sur ce PC. Prenez le QR en photo (avec un téléphone) et indiquez le fichier, ou tapez le code.
camera-cannot-open = La caméra ne s'ouvre pas (une autre application l'utilise peut-être). Fermez-la et recommencez, ou tapez le code.
gui-cse-report-opened = Relevé signé enregistré dans { $path } et ouvert dans le navigateur.
gui-cse-report-saved = Relevé signé enregistré dans { $path }. Le navigateur ne s'est pas ouvert : ouvrez ce fichier vous-même.
gui-cse-pool-what = Indiquez le dossier où sont les exports que les personnes vous ont confiés (ou déposez les fichiers sur la fenêtre). Chacun est vérifié : seuls les exports intacts, de clés enregistrées, sont comptés. Les noms des fichiers ne sont jamais montrés ni écrits dans le relevé.
gui-cse-inputs = Dossier des exports (ou un fichier)
gui-cse-inputs-hint = /home/…/exports
gui-cse-pool = Vérifier et réunir
gui-cse-report-file = Relevé collectif à enregistrer
gui-cse-save-report = Signer, enregistrer et ouvrir le relevé
gui-cse-pdf = Pour un PDF : dans le navigateur, Imprimer puis « Enregistrer au format PDF ».
gui-cse-progress = { $done } sur { $total ->
    [one] { $total } fichier vérifié
   *[other] { $total } fichiers vérifiés
}
gui-cse-files = Fichiers
gui-cse-file-waiting = en attente
gui-cse-file-intact = intact, compté
gui-cse-file-not-intact = pas intact : { $why }
gui-cse-file-unregistered = clé non enregistrée, non compté
gui-cse-file-unreadable = pas un export lisible : { $why }
gui-cse-file = Fichier { $n } : { $said }
gui-cse-figures = { $workers ->
    [one] { $workers } personne
   *[other] { $workers } personnes
}, du { $from } au { $to }
gui-cse-worker-hours = Heures de présence
gui-cse-popups = Pop-ups
gui-cse-emotion = dont analyse des émotions
gui-cse-contradicted = Pop-ups contredits par la mesure
gui-cse-strain = Épisodes de tension vocale
gui-cse-calls = Appels
gui-cse-phone-hours = Heures au téléphone
gui-firstrun-who = Pour qui est cette fenêtre ?
gui-firstrun-worker = Je suis téléconseiller·e : mon propre relevé
gui-firstrun-council = Je représente le CSE (élu·e ou expert·e) : le bureau du CSE
gui-firstrun-council-what = Le bureau du CSE enregistre en personne la clé des salarié·es qui vous confient leurs exports, vérifie et réunit ces exports, et produit le relevé collectif, signé par la clé du CSE. Il n'écoute rien et ne demande aucun micro. Aucune case venant de moins de 5 personnes n'est montrée.
gui-firstrun-council-passphrase = Le registre et la clé du CSE sont chiffrés par une phrase de passe : choisissez-la avec les membres du CSE qui s'en serviront, quelques mots que vous seuls connaissez. Personne, pas même nous, ne peut la retrouver : notez aussi le code de récupération qui suit.
gui-settings-council = Mode CSE
gui-settings-council-what = Pour les élu·es du CSE et leur expert·e : la fenêtre devient le bureau du CSE (registre des clés, réunion des exports, relevé collectif). L'écoute s'arrête ; votre propre coffre reste intact.
gui-settings-to-council = Passer en mode CSE
gui-mykey-tab = Ma clé pour le CSE
gui-mykey-what = Pour que le CSE compte vos exports, il enregistre votre clé, en personne : montrez-lui ce QR (ou lisez-lui le code). Il ne contient que votre clé publique : ni nom, ni événement.
gui-mykey-for = Clé de vos exports « pour { $recipient } » : faites vos exports pour le CSE avec ce même nom.
gui-mykey-working = Calcul de la clé…
gui-mykey-qr = Le QR de votre clé, à montrer au CSE
gui-mykey-code = Code à lire ou taper :
gui-mykey-pseudonym = Votre pseudonyme : { $pseudonym }
gui-cse-no-such-path = Rien à cet endroit : { $path }. Vérifiez le chemin du dossier (ou déposez les fichiers sur la fenêtre).
gui-firstrun-council-create = Créer le bureau du CSE
help-temoin-paquet-docs = Écrit les pages de manuel et les complétions du paquet (scripts/package)
help-temoin-paquet-docs--dossier = Dossier où les écrire
gui-cse-unsigned = { $count ->
    [one] { $count } inscription au registre n'est pas signée par la clé du CSE : elle a été ajoutée au fichier sans sa phrase de passe, et ne compte pas. Vérifiez qui a eu accès à ce poste.
   *[other] { $count } inscriptions au registre ne sont pas signées par la clé du CSE : elles ont été ajoutées au fichier sans sa phrase de passe, et ne comptent pas. Vérifiez qui a eu accès à ce poste.
}
