# Témoin — everything people read, in English.
# Every message also exists in fr.ftl, with the same arguments (checked by the tests).

## For this file's tests
test-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}

## src/messages.rs
messages-older-version-unnamed = older version (unnamed)
messages-the-window = the window
messages-listening = listening
messages-the-command-line = the command line
messages-pop-up-watching = pop-up watching
messages-the-browser-extension = the browser extension
messages-unreadable-row-altered-or-moved = unreadable: row altered or moved
messages-unknown-kind-of-event-written-by = unknown kind of event (written by a newer version)
messages-pop-up = Pop-up
messages-pop-up-categorised = Pop-up categorised
messages-speech-measured = Speech measured
messages-vocal-strain-episode = Vocal-strain episode
messages-call-started = Call started
messages-call-ended = Call ended
messages-end-of-shift-report = End-of-shift report
messages-shift-corrected = Shift corrected
messages-checkpoint-given = Checkpoint given
messages-note = Note
messages-privacy-pause = Privacy pause
messages-resumed = Listening resumed
messages-pace-faster = pace: faster
messages-pace-slower = pace: slower
messages-thanks = thanks
messages-apology = apology
messages-empathy-tone-energy = empathy / tone / energy
messages-silence = silence
messages-overtalk = overtalk
messages-hold = hold
messages-script-compliance = script / compliance
messages-score-feedback = score / feedback
messages-customer-sentiment = customer sentiment
messages-other = other
messages-not-yet-categorised = not yet categorised
messages-thanks-2 = thanks
messages-apologies = apologies
messages-hold-2 = hold
messages-segments = segments
messages-start = start
messages-end = end
messages-voiced = voiced
messages-f0-sd = F0 sd
messages-int-db = int. dB
messages-words = words
messages-wpm = wpm
messages-phrases = phrases
messages-starting = Starting…
messages-privacy-pause-the-microphone-is-off = Privacy pause: the microphone is off.
messages-listening-stopped = Listening stopped.
messages-windows = Windows
messages-notifications = Notifications
messages-hotkey = Hotkey
messages-reading-window-text-ocr = Reading window text (OCR)
messages-web-pages-and-apps = Web pages and apps
messages-browser-extension = Browser extension
messages-watching = watching.
messages-watching-the-desktop-s-accessibility-was = watching. The desktop's accessibility was just switched on: restart the browsers and apps opened before Témoin so that their pop-ups are read.
messages-stopped = stopped.
messages-contradicted-by-measurement = contradicted by measurement
messages-consistent-with-measurement = consistent with measurement
messages-not-measurable = not measurable
messages-the-file-is-empty-the-export = The file is empty: the export was not copied whole. Ask for it again.
messages-this-file-cannot-be-read-cut = This file cannot be read (cut short or damaged): not a complete Témoin export. Ask for a new copy.
messages-this-file-is-not-a-temoin = This file is not a Témoin export.
messages-bad-signature-the-content-was-changed = Bad signature: the content was changed after export, or it was not signed by this key.
messages-old-format-export-version-1-the = Old-format export (version 1): the list of its events is not signed, events could have been removed unseen. Ask for a new export.
messages-the-export-s-signed-list-of = The export's signed list of events does not hold together (outside the log or out of order).
messages-the-events-and-their-proof-do = The events and their proof do not lead to the log's root: events or the proof were altered.
messages-this-text-is-not-a-temoin = This text is not a Témoin checkpoint (it starts with "temoin-checkpoint").
messages-this-checkpoint-s-signature-is-not = This checkpoint's signature is not valid: it was altered or forged.
messages-fingerprint = fingerprint
messages-hourly-or-daily-figures-signed-by = Hourly or daily figures: signed by the worker's device, they are not proven event by event.
messages-intact = Intact.
messages-not-intact = NOT INTACT:

## src/gui/strings.rs
gui-one-click-or-ctrl-alt-p = One click (or Ctrl+Alt+P) when a surveillance pop-up appears.
gui-what-did-it-ask-optional = What did it ask? (optional)
gui-pause = Pause
gui-resume = Resume
gui-paused-nothing-is-listened-to-or = Paused: nothing is listened to or watched.
gui-microphone-not-listened-to-only-pop = Microphone not listened to: only pop-ups are recorded.
gui-today = Today
gui-pop-ups = Pop-ups
gui-of-which-emotion-analysis = of which emotion analysis
gui-contradicted-by-measurement = contradicted by measurement
gui-calls = Calls
gui-time-on-the-phone = Time on the phone
gui-pop-up-recorded-at = Pop-up recorded at
gui-category-recorded = Category recorded:
gui-no-sound-or-text-is-kept = No sound or text is kept; nothing leaves this computer without you.
gui-vocal-strain-indicator = Vocal strain (indicator)
gui-end-of-shift = End of shift
gui-end-of-shift-report-under-a = End-of-shift report, under a minute, if you wish: nothing is required.
gui-a-note-optional = A note (optional)
gui-save = Save
gui-report-saved-thank-you-and-have = Report saved. Thank you, and have a good evening.
gui-evidence = Evidence
gui-export-file-json = Export file (.json)
gui-verify = Verify
gui-verifying = Verifying…
gui-history = History
gui-passphrase = Passphrase
gui-open = Open
gui-opening-the-vault-a-few-seconds = Opening the vault… (a few seconds)
gui-locked-after-a-few-minutes-without = Locked after a few minutes without activity.
gui-your-history-is-encrypted-your-passphrase = Your history is encrypted: your passphrase opens it, on this computer only. It locks itself after 5 minutes without activity.
gui-lock = Lock
gui-day = Day
gui-week = Week
gui-month = Month
gui-earlier = ‹ Earlier
gui-later = Later ›
gui-charts = Charts
gui-events = Events
gui-pop-ups-by-hour-of-the = Pop-ups by hour of the day
gui-other-pop-ups = other pop-ups
gui-emotion-analysis = emotion analysis
gui-hour = hour
gui-day-of-the-period = day of the period
gui-what-the-pop-ups-asked = What the pop-ups asked
gui-uncategorised = uncategorised
gui-nothing-in-this-period = Nothing in this period.
gui-vocal-strain-and-pop-ups = Vocal strain and pop-ups
gui-vocal-strain-episodes = vocal-strain episodes
gui-an-episode-several-measures-of-your = An episode: several measures of your voice (pitch, loudness, steadiness) far from your usual for a while. An indicator of vocal effort, not a diagnosis.
gui-workload = Workload
gui-hours-on-the-phone = hours on the phone
gui-show = Show:
gui-all = all
gui-pop-ups-2 = pop-ups
gui-calls-2 = calls
gui-vocal-strain = vocal strain
gui-speech-measured = speech measured
gui-reports = reports
gui-pauses = pauses and gaps
gui-closes-the-history-the-passphrase-will = Closes the history: the passphrase will be asked again.
gui-export = Export
gui-checkpoint = Checkpoint
gui-verify-an-export = Verify an export
gui-exporting-and-signing-need-your-passphrase = Exporting and signing need your passphrase: the export is signed with this computer's key, which it protects.
gui-an-export-someone-hands-you-a = An export someone hands you (a colleague, the works council): Témoin says whether it is intact and who signed it.
gui-step-1-of-2-the-period = Step 1 of 2: the period and the level of detail.
gui-step-2-of-2-this-is = Step 2 of 2: this is exactly what will leave this computer.
gui-from-yyyy-mm-dd = From (YYYY-MM-DD)
gui-to-yyyy-mm-dd = To (YYYY-MM-DD)
gui-check-the-dates-write-them-as = Check the dates: write them as 2026-11-25, the first before the second.
gui-daily-figures = Daily figures
gui-least-detailed-per-day-pop-ups = Least detailed: per day, pop-ups by category, emotion analyses, vocal-strain episodes, calls. What a works council pools most often.
gui-hourly-figures = Hourly figures
gui-the-same-figures-hour-by-hour = The same figures hour by hour (shows the hours of heavy pressure).
gui-every-event = Every event
gui-most-detailed-every-pop-up-its = Most detailed: every pop-up (its text as shown), every measurement, every call, each with its proof. For an expert or a lawyer.
gui-next-preview = Next: preview
gui-back = Back
gui-export-and-sign = Export and sign
gui-file-to-write = File to write
gui-one-item-as-it-will-be = One item, as it will be written:
gui-writing = Writing…
gui-readable-report = Readable report
gui-a-page-to-read-or-print = A page to read or print (HTML) over the same period: summary, charts, method. Not signed: attach the export as the proof.
gui-write-the-report = Write the report
gui-the-pop-ups-text-as-shown = The pop-ups' text as shown (customers' numbers and addresses masked).
gui-never-no-sound-no-transcript-nothing = Never: no sound, no transcript, nothing about customers. Nothing is sent: you hand over the file yourself.
gui-a-checkpoint-seals-your-log-as = A checkpoint seals your log as it is now. Hand it (text or QR code) to your representative: every later export must prove it extends it, nothing can be removed unseen.
gui-give-a-checkpoint = Give a checkpoint
gui-checkpoint-signed-and-noted-in-your = Checkpoint signed, and noted in your log.
gui-the-checkpoint-text = The checkpoint (text)
gui-copy = Copy
gui-the-same-checkpoint-as-a-qr = The same checkpoint as a QR code, to photograph.
gui-welcome-to-temoin = Welcome to Témoin
gui-what-temoin-does = What Témoin does
gui-what-it-never-does = What it never does
gui-next = Next
gui-start = Start
gui-choose-a-passphrase-it-encrypts-your = Choose a passphrase: it encrypts your record. A few words only you know, such as « giraffe piano monday storm ». Nobody, not even us, can recover it.
gui-new-passphrase = New passphrase
gui-the-same-again = The same again
gui-the-two-entries-differ = The two entries differ.
gui-too-short-at-least-8-characters = too short (at least 8 characters)
gui-weak-add-a-word-or-two = too easy to guess: take four or five unrelated words
gui-fair = fair
gui-strong = strong
gui-create-my-vault = Create my vault
gui-creating-the-vault = Creating the vault…
gui-your-recovery-code-it-replaces-the = Your recovery code. It replaces the passphrase if you forget it. Write it on paper, keep it at home: it will never be shown again.
gui-i-have-written-the-code-down = I have written the code down
gui-your-headset-s-microphone-speak-the = Your headset's microphone. Speak: the bar should move. Nothing is recorded.
gui-microphone = Microphone
gui-the-system-s-default-microphone = The system's default microphone
gui-your-voice-on-a-headset-is = Your voice on a headset is usually between −35 and −15 dBFS; a bar stuck near −90: muted or wrong microphone.
gui-no-sound-received = no sound received
gui-how-should-pop-ups-be-recorded = How should pop-ups be recorded? You can change your mind in Settings.
gui-automatically-with-the-shipped-rules = Automatically, with the shipped rules
gui-temoin-spots-coaching-windows-notifications-and = Témoin spots coaching windows, notifications and web page messages (CallMiner, Cogito, Observe…) by their text. The « Pop-up ! » button and Ctrl+Alt+P work too.
gui-also-inside-web-pages-and-apps = Also inside web pages and apps (agent desktop, coaching cards)
gui-temoin-hears-what-the-page-announces = Témoin hears what the page announces to screen readers (alerts, messages), never the rest of the page. For this it switches the desktop's accessibility on: restart the browser if it was open before Témoin.
gui-only-when-i-click-or-ctrl = Only when I click (or Ctrl+Alt+P)
gui-nothing-on-screen-is-watched-you = Nothing on screen is watched: you record each pop-up yourself.
gui-settings = Settings
gui-setting-saved = Setting saved.
gui-language = Language
gui-window = Window
gui-always-on-top-above-the-softphone = Always on top (above the softphone)
gui-open-temoin-when-i-log-in = Open Témoin when I log in
gui-microphone-listened-to = Microphone listened to
gui-test-the-microphone = Test the microphone
gui-stop-the-test = Stop the test
gui-changing-the-microphone-or-the-way = Changing the microphone or the way pop-ups are recorded restarts listening at once.
gui-restarting-listening-with-the-new-settings = Restarting listening with the new settings…
gui-edit-the-rules = Edit the rules
gui-the-words-by-which-a-pop = The words by which a pop-up and its category are recognised. Try a text below before saving: the rules in force change only for valid ones.
gui-rules-popups-toml = Rules (popups.toml)
gui-rules-valid = Rules valid.
gui-test-a-pop-up-text = Test a pop-up text
gui-save-the-rules = Save the rules
gui-back-to-the-shipped-rules = Back to the shipped rules
gui-rules-saved-they-apply-at-once = Rules saved: they apply at once.
gui-models = Models
gui-speech-detection = Speech detection
gui-word-counting = Word counting
gui-not-found-run-scripts-setup-or = not found: run scripts/setup (or scripts/models) to install it
gui-change-the-passphrase = Change the passphrase
gui-current-passphrase = Current passphrase
gui-change = Change
gui-changing = Changing…
gui-passphrase-changed-the-recovery-code-stays = Passphrase changed. The recovery code stays the same.
gui-where-the-vault-is = Where the vault is
gui-settings-2 = Settings:
gui-longest-run-without-a-break = Longest run without a break
gui-vocal-strain-episodes-2 = Vocal-strain episodes
gui-measured-while-the-microphone-is-listened = Measured while the microphone is listened to.
gui-well-above-your-usual = well above your usual
gui-above-your-usual = above your usual
gui-as-usual = as usual
gui-your-voice-s-effort-pitch-loudness = Your voice's effort (pitch, loudness, steadiness) against your own days: an indicator, not a diagnosis, and never a reading of your emotions.
gui-refresh = Refresh
gui-reads-the-vault-again-what-arrived = Reads the vault again: what arrived since it was opened appears.
gui-preparing-the-preview = Preparing the preview…

## src/gui/export.rs
gui-export-y-m-d = %Y-%m-%d

## src/report/mod.rs
mod-everything-was-measured-on-the-person = Everything was measured on the person's own workstation, by Témoin, for them alone. No sound and no transcript was ever kept: sound lives in memory while features are computed, text while words and phrases are counted. Only the person's own voice is analysed, never the customers'.
mod-pop-ups-every-window-notification-or = Pop-ups: every window, notification or pop-up logged by hand is classified from its text by readable rules (popups.toml). The emotion-analysis flag comes from the category (empathy, tone, energy, customer mood) or from emotion-inference words in the text.
mod-consistency-a-pace-pop-up-is = Consistency: a pace pop-up is compared with the speech rate of the minute before (words per minute, or syllables per second) and the person's usual median; thanks and apologies, with those already said in the call. "Contradicted" means the measurement shows the opposite of the cue.
mod-vocal-strain-f0-and-its-variability = Vocal strain: F0 and its variability, jitter, shimmer, harmonics-to-noise ratio, intensity, pauses, computed by Praat's methods. An episode is a stretch where at least three of these effort indicators depart clearly from the person's own baseline. These are measures of vocal effort, not emotions, and not a diagnosis.
mod-workload-a-call-runs-from-the = Workload: a call runs from the person's first to last speech with gaps under 60 s (or from the softphone's or their own marks); presence, from the first to the last activity with no gap over 2 h; a break is at least 5 min between two calls.
mod-evidence-every-export-is-signed-ed25519 = Evidence: every export is signed (Ed25519) by the workstation's key and carries the proofs (Merkle tree, RFC 9162) that its events belong to the person's log and that it extends the checkpoints given before. In a collective record, any cell built from fewer than 5 people is hidden ("< 5") and no one is named.

## src/cli/workload.rs
cli-workload-at = at
cli-workload-report-cancelled-nothing-is-stored = Report cancelled: nothing is stored.
cli-workload-report-recorded-no = Report recorded (no.
cli-workload-thank-you-and-have-a-good = Thank you, and have a good evening.
cli-workload-end-of-shift-report-under-a = End-of-shift report (under a minute). Answer from 0 to 100; Enter alone to cancel.
cli-workload-a-note-optional = A note (optional):
cli-workload-give-start-hh-mm-end-hh = Give --start HH:MM, --end HH:MM or both.
cli-workload-shift = Shift

## src/cli/vault.rs
cli-vault-writing-sessions = Writing sessions:
cli-vault-vault-intact = Vault intact
cli-vault-rows = rows
cli-vault-it-extends-every-checkpoint-given = it extends every checkpoint given
cli-vault-vault-not-intact = Vault NOT intact:

## src/cli/popup.rs
cli-popup-shipped-rules-used = (Shipped rules used.)
cli-popup-pop-up-recorded-no = Pop-up recorded (no.
cli-popup-no-category-add-it-when-you = No category: add it when you can with
cli-popup-category = category
cli-popup-unreadable-time-write-it-as-shown = unreadable time; write it as shown, for example 14:03:27.
cli-popup-rules-valid = Rules valid:
cli-popup-shipped-rules = shipped rules
cli-popup-category-2 = Category:
cli-popup-emotion-analysis = Emotion analysis:
cli-popup-yes-banned-at-work-in-the = yes ⚑ (banned at work in the EU, AI Act art. 5(1)(f))
cli-popup-no = no
cli-popup-reasons = Reasons:
cli-popup-watching-for-pop-ups-each-one = Watching for pop-ups: each one recognised is recorded in the vault. Ctrl+C to stop.
## src/cli/evidence.rs
cli-evidence-warning = Warning:
cli-evidence-the-start-date-from-is-after = The start date (--from) is after the end date (--to).
cli-evidence-no-sound-no-transcript-nothing-about = No sound, no transcript, nothing about customers: only these measurements and pop-ups.
cli-evidence-checkpoint = Checkpoint:
cli-evidence-events-signed-by = events, signed by
cli-evidence-hand-this-line-or-the-qr = Hand this text (or the file, or the QR code) to your representative: a later export will prove it extends it. It is a checkpoint in the C2SP format, which any transparency-log witness reads.
cli-evidence-no-export-json-files-found-there = No export (.json files) found there.
cli-evidence-warning-without-a-register-any-signed = Warning: without a register, any signed export counts, even from a key made up for the purpose.
cli-evidence-key-not-in-the-council-s = key not in the council's register.
cli-evidence-two-exports-of-the-same-key = two exports of the same key do not extend each other (forked log): every export of this key is set aside.
cli-evidence-set-aside = Set aside:
## src/cli/gui.rs
cli-gui-the-window-could-not-open = The window could not open. Without a graphical display, use the commands (temoin --help).
## src/main.rs
cli-cannot-find-the-user-s-data = Cannot find the user's data folder: give the vault with --vault.
cli-no-terminal-to-type-it-in = No terminal to type it in: give it in the variable
cli-the-two-entries-differ-nothing-was = The two entries differ: nothing was changed.
cli-recovery-code-shown-only-once = Recovery code (shown only once):
cli-write-it-on-paper-and-keep = Write it on paper and keep it at home: it is the only way to read your vault if you forget the passphrase.
cli-vault-created = Vault created:
cli-note-recorded-no = Note recorded (no.
cli-readable-events-are-listed-all-the = Readable events are listed all the same.
cli-no-events = No events.
cli-no = No.
cli-date-and-time = Date and time
cli-kind = Kind
cli-details = Details
cli-recovery-code = Recovery code
cli-new-passphrase-set-the-old-recovery = New passphrase set. The old recovery code no longer works.
cli-baseline-resumed = Baseline resumed: { $count ->
    [one] { $count } segment
   *[other] { $count } segments
} from the last 14 days.
cli-listening-only-measurements-of-your-voice = Listening: only measurements of your voice are recorded, never the sound. Ctrl+C to stop.
cli-measurements-could-not-be-stored-the = measurements could not be stored: the vault refuses writes (disk full or read-only file?). Fix that before listening again.
cli-cannot-find-the-configuration-folder-give = Cannot find the configuration folder: give the file with TEMOIN_CONFIG.
cli-read-a-few-sentences-in-your = Read a few sentences in your usual call voice for
cli-nothing-is-recorded-only-your-level = : nothing is recorded, only your level is kept.
cli-no-speech-heard-check-the-microphone = No speech heard: check the microphone (temoin listen --list) and try again.
cli-your-voice-level = Your voice level:
cli-voices-10-db-quieter-colleagues-the = Voices 10 dB quieter (colleagues, the customer in the earpiece) will be set aside.

## vault, chain, history
detail = technical detail: { $detail }
vault-not-found = No Témoin vault at { $path }. Create one with “temoin init”, or point to the right file with --vault.
vault-already-exists = A file already exists at { $path }. Témoin never overwrites it: choose another path with --vault.
vault-not-a-vault = { $path } is not a Témoin vault. The file was not changed. Check the path given to --vault.
vault-newer-format = This vault was made by a newer Témoin (format { $found }; this version reads up to { $supported }). Update Témoin; the file was not changed.
vault-corrupt = The vault is damaged: the database itself can no longer be read (this is not one altered row, which “temoin check” could locate). It was neither changed nor “repaired”. Keep the file as it is and do not delete it; restore a backup if you have one. Exports already made can still be verified.
vault-wrong-passphrase = Wrong passphrase. Try again; if you have forgotten it, use your recovery code: “I forgot my passphrase” in the window, or “temoin recover”.
vault-wrong-recovery-code = Wrong recovery code. Check it group by group (dashes and spaces do not matter).
vault-passphrase-too-short = Passphrase too short: at least { $min } characters. A phrase of a few words is safer and easier to remember.
vault-read-only = The vault { $path } is read-only: nothing was recorded. Make the file writable (or choose another vault) and try again.
vault-disk-full = The disk is full: this event was not recorded; earlier ones are intact. Free some space and try again.
vault-busy = The vault has been busy with another Témoin for over 10 seconds. Try again in a moment.
vault-io = The vault's file could not be read or written. Check the path and the folder's permissions.
vault-database = The vault's database refused the operation. The vault was not changed.
chain-altered = row { $seq } was altered (or moved)
chain-missing-one = row { $seq } was deleted
chain-missing-many = rows { $from } to { $to } were deleted
chain-truncated = the vault ends at row { $last } but had reached { $expected }: its end was cut off
chain-head-mismatch = the log's head (row { $head }) does not match the rows present (up to { $last }): it was altered
row-unreadable = row { $seq } does not decrypt (altered, or from another vault).
history-gap = in the session begun at row { $first }, row { $after }, written just before row { $seq }, is no longer there as written: it was removed, replaced or moved.
history-bad-start = the session begun at row { $first } does not start from the end the previous one left: rows before it were removed or replaced, or it came from elsewhere.
program-unknown = an unknown program (no. { $code })
session-rows = { $rows ->
    [one] row { $first }
   *[other] rows { $first } to { $last } ({ $rows } rows)
}
session-line = { $rows }: { $program }
session-line-when = { $rows }: { $program } on { $date } at { $time } (Témoin { $version })
checkpoint-of-another = the checkpoint of { $date } was not signed by this vault for this recipient (if it was given with « --for NAME », give the same name).
checkpoint-cut = on { $date } the log had { $size } events, it now has { $now }: its end was cut off or the file put back to an older copy.
checkpoint-changed = the first { $size } events are no longer those of the checkpoint of { $date }: the log was changed or replaced.

## event details
details-categorised = Pop-up of { $time }: { $category }
details-popup = [{ $category }] { $text }
details-popup-flagged = [{ $category }] { $text } — EMOTION ANALYSIS
details-count = { $text } ×{ $count }
details-verdict = { $text } — { $verdict }
details-speech = { NUMBER($seconds, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, F0 { $f0 }, { $intensity }
details-strain = { NUMBER($seconds, maximumFractionDigits: 0) } s, { $count ->
    [one] { $count } indicator
   *[other] { $count } indicators
}
details-call-ended = { NUMBER($seconds, maximumFractionDigits: 0) } s
details-self-report = mental demand { $mental }, frustration { $frustration }
details-shift = { $date } { $start } – { $end }
details-checkpoint = { $size ->
    [one] { $size } event
   *[other] { $size } events
}, root { $root }…
value-hz = { NUMBER($value, maximumFractionDigits: 1, minimumFractionDigits: 1) } Hz
value-db = { NUMBER($value, maximumFractionDigits: 1, minimumFractionDigits: 1) } dB

## errors of listening, speech, rules, sources
model-missing = The model file { $name } was not found. Run “scripts/setup” (or point TEMOIN_MODELS at the models folder).
voice-cannot-start = Voice detection cannot start. Run “scripts/setup” again to reinstall the models.
speech-model-missing = The transcription model { $name } was not found: words are not counted. Run “scripts/setup” (or add --no-words).
speech-model-load = The transcription model { $path } does not load. Run “scripts/setup” again to reinstall it.
speech-transcribe = Transcription failed. The voice measurements still stand.
lexicon-unreadable = The lexicon { $path } cannot be read. Check it, or delete it to go back to the shipped one.
lexicon-invalid = The lexicon { $path } has an error. Fix it, or delete it to go back to the shipped one.
capture-unreadable = Cannot read { $path } as a WAV file. Check the file.
capture-no-device = No microphone is connected. Plug in your headset, then try again.
capture-device-not-found = No microphone is called “{ $name }”. “temoin listen --list” and « Réglages » show the available ones.
capture-device-unavailable = The microphone cannot be opened: another application may be using it. Close it or choose another microphone, then try again.
capture-rate = Unsupported sample rate: { $rate } Hz.
status-listening = Listening to microphone “{ $device }”.
status-no-device = No microphone is connected. Listening resumes by itself as soon as it is back.
status-not-found = No microphone is called “{ $name }”. Listening resumes by itself as soon as it is back.
status-unavailable = The microphone cannot be opened, perhaps taken by another application. Listening resumes by itself as soon as it is back.
status-lost = Sound lost: microphone unplugged, or the system's sound stopped or stuck. Listening resumes by itself as soon as it is back; the gap is noted in your record.
status-voice-trouble = Voice detection failed on a stretch; listening goes on.
status-vault-trouble = The vault does not accept measurements: they are kept in memory and retried.
rules-unreadable = Cannot read the pop-up rules { $path }. Check the file and its permissions.
rules-invalid = The pop-up rules { $path } are invalid at line { $line }, column { $column }. Fix that place; meanwhile the previous rules stay in force.
source-line = { $source }: { $state }
source-unavailable = unavailable here; the rest of Témoin runs.
source-lost = connection lost; reconnecting as soon as possible.

## verdicts, self-report, workload, bundles
verdict-measured-rate = { $verdict }: { NUMBER($rate, maximumFractionDigits: 0) } words/min over { NUMBER($speech, maximumFractionDigits: 0) } s of speech in the minute before (usually { NUMBER($usual, maximumFractionDigits: 0) }, ± { NUMBER($band, maximumFractionDigits: 0) } %)
verdict-measured-syllables = { $verdict }: { NUMBER($rate, maximumFractionDigits: 1, minimumFractionDigits: 1) } syllables/s over { NUMBER($speech, maximumFractionDigits: 0) } s of speech in the minute before (usually { NUMBER($usual, maximumFractionDigits: 1, minimumFractionDigits: 1) }, ± { NUMBER($band, maximumFractionDigits: 0) } %)
verdict-thanks = { $verdict }: { $count ->
    [one] { $count } thanks in the call
   *[other] { $count } thanks in the call
}
verdict-apologies = { $verdict }: { $count ->
    [one] { $count } apology in the call
   *[other] { $count } apologies in the call
}
verdict-speaking = { $verdict }: you were speaking at that moment
tlx-mental = Mental demand
tlx-mental-question = How mentally demanding was this shift (thinking, deciding, remembering, searching)?
tlx-physical = Physical demand
tlx-physical-question = How physically demanding was it (voice, posture, screen, headset)?
tlx-temporal = Temporal demand
tlx-temporal-question = How hurried or rushed was the pace?
tlx-performance = Performance
tlx-performance-question = How successful were you in doing what was asked? (0 = perfectly)
tlx-effort = Effort
tlx-effort-question = How hard did you have to work to reach that level?
tlx-frustration = Frustration
tlx-frustration-question = How irritated, stressed or discouraged were you?
tlx-very-low = very low
tlx-very-high = very high
tlx-very-high-m = very high
tlx-perfect = perfect
tlx-failure = failure
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes }
duration-seconds = { NUMBER($seconds, maximumFractionDigits: 0) } s
percent = { NUMBER($percent, maximumFractionDigits: 0) } %
workload-calls = Calls: { $calls }; time on the phone: { $phone } of { $logged } logged (occupancy { $occupancy }).
workload-handle = Average handle time: { $handle }; recovery between calls: { $recovery } on average, { $shortest } at the shortest.
workload-run = Longest run of calls without a break: { $run } ({ $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}).
workload-evening = On the phone in the evening or at night (20:00–07:00): { $evening }; at weekends: { $weekend }. Pop-ups during calls: { $popups }.
bundle-too-large = File too large for a Témoin export ({ $size } MB; at most { $max } MB): probably not an export. Ask for a shorter period or the “daily” level.
bundle-unknown-version = This export is in format version { $version }, unknown to this version of Témoin: update Témoin to verify it.
bundle-malformed = This export is damaged: it cannot be verified. Ask for a new copy.

## export verdicts
position = no. { $n }
list-and = { $init } and { $last }
list-others = { $count ->
    [one] { $count } other
   *[other] { $count } others
}
problem-missing = { $total ->
    [one] { $total } event announced is missing: { $list }.
   *[other] { $total } events announced are missing: { $list }.
}
problem-unexpected = { $total ->
    [one] { $total } event added without being in the signed list: { $list }.
   *[other] { $total } events added without being in the signed list: { $list }.
}
problem-outside-period = Event no. { $seq } is dated { $date }: outside the export's period.
problem-no-date = Event no. { $seq } has no readable date.
problem-impossible-figures = The figures of { $date } are impossible (more time than the span, more flagged pop-ups than pop-ups, or outside the period).
problem-altered-event = Event no. { $seq } was altered: it is not the one in the log.
problem-other-worker = The checkpoint of { $date } was signed by someone other than this export's signer.
problem-checkpoint-later = The checkpoint of { $date } covers more events than this export: the export is older, or events were removed.
problem-inconsistent = Inconsistent with the checkpoint of { $date }: events given before that day were removed, altered or back-dated.
checkpoint-unknown-version = Checkpoint format version { $version } is unknown to this version: update Témoin.
checkpoint-malformed = Checkpoint incomplete or damaged ({ $what }): copy the whole line again.
verdict-signed-by = Signed by { $pseudonym } (fingerprint { $fingerprint }).
verdict-period = Period: from { $from } to { $to }; { $what }; log of { $size ->
    [one] { $size } event
   *[other] { $size } events
}.
verdict-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
verdict-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
verdict-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
verdict-extends = Extends the checkpoint of { $date }.

## analysis
analysis-summary = Duration { NUMBER($duration, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, speech { NUMBER($speech, maximumFractionDigits: 1, minimumFractionDigits: 1) } s, { $segments ->
    [one] { $segments } segment
   *[other] { $segments } segments
}
analysis-summary-set-aside = { $summary } ({ $set_aside } set aside: another voice)

## the window
gui-period-summary = { $popups ->
    [one] { $popups } pop-up
   *[other] { $popups } pop-ups
}, { $emotion } of them emotion analysis and { $contradicted } contradicted by measurement; { $strain ->
    [one] { $strain } vocal-strain episode
   *[other] { $strain } vocal-strain episodes
}; { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}, { NUMBER($phone, maximumFractionDigits: 1, minimumFractionDigits: 1) } h on the phone in { NUMBER($present, maximumFractionDigits: 1, minimumFractionDigits: 1) } h present.
gui-export-period = Period: { $from } to { $to }.
gui-export-signed-by = Signed by { $pseudonym } (fingerprint { $fingerprint }): a pseudonym drawn from this computer's key, no name, no staff number.
gui-export-events = { $count ->
    [one] { $count } event, with its proof:
   *[other] { $count } events, each with its proof:
}
gui-export-hours = { $count ->
    [one] { $count } hour of figures: no single event, no pop-up text.
   *[other] { $count } hours of figures: no single event, no pop-up text.
}
gui-export-days = { $count ->
    [one] { $count } day of figures: no single event, no pop-up text.
   *[other] { $count } days of figures: no single event, no pop-up text.
}
gui-export-checkpoints = { $count ->
    [one] The checkpoint already given, with the proof that the log extends it.
   *[other] The { $count } checkpoints already given, with the proof that the log extends them.
}
cannot-write = Cannot write { $path }. Choose another folder (a USB stick or your Documents, say).
gui-export-written = Signed export written: { $path }. Hand this file to your representative; « Verify an export » shows what they will see.
gui-report-written = Report written: { $path } (opens in a browser).
gui-wizard-step = Step { $step } of { $of }
gui-does-1 = It records every surveillance pop-up (automatically, or with a click) and what it asked.
gui-does-2 = It measures your own voice (pace, vocal effort) to show whether the pop-up was deserved.
gui-does-3 = It counts your calls, your time on the phone, your breaks.
gui-does-4 = It makes signed evidence of it that you hand, if you wish, to the works council or the occupational doctor.
gui-does-not-1 = It keeps no sound and no transcript: only figures.
gui-does-not-2 = It does not listen to the customer or your colleagues: only your voice, on your headset.
gui-does-not-3 = It sends nothing: everything stays encrypted on this computer, readable with your passphrase alone.
gui-does-not-4 = It does not judge your emotions: it measures your voice's effort, not your mood.
gui-hotkey = Keyboard shortcut (anywhere): { $combo }. Change it in the rules, section [sources], « raccourci ».
gui-no-hotkey = No keyboard shortcut (rules, [sources], « raccourci »).
gui-test-verdict-emotion = Category: { $category }; EMOTION ANALYSIS (banned at work in the EU){ $why }
gui-test-verdict = Category: { $category }; no emotion analysis{ $why }
gui-test-verdict-why = { " " }({ $words })
gui-quoted = “{ $text }”
gui-gauge-learning = Témoin is learning your usual voice: { $heard } / { $needed } sentences
gui-gauge-effort = { $words } ({ $z })

## command line
cli-register-bad-line = Register { $path }: line { $line } is not a key fingerprint (32 hexadecimal digits, as “temoin verify” shows it). Fix that line.
cli-extension-registered = Host registered. Add the extension from { $folder }: in Chromium or Chrome, chrome://extensions, “Developer mode”, “Load unpacked”; in Firefox, about:debugging, “This Firefox”, “Load Temporary Add-on” (manifest.json).
cli-extension-no-folder = Host registered. The extension's folder was not found: give it with TEMOIN_EXTENSION.
cli-extension-host-for = { $browser }: { $file }

## reports
report-title-worker = Témoin — my record
report-title-council = Témoin — collective record for the works council
report-who-worker = Worker { $pseudonym } (key fingerprint { $fingerprint })
report-who-council = { $workers ->
    [one] { $workers } person (verified exports, counted once)
   *[other] { $workers } people (verified exports, each counted once)
}
report-period = From { $from } to { $to } · { $who }
report-summary = Summary
report-fewer-than-five = fewer than 5 people
report-presence = Over <b>{ NUMBER($hours, maximumFractionDigits: 1) }</b> { $hours ->
    [one] hour
   *[other] hours
} of logged presence, Témoin recorded <b>{ $popups }</b> coaching { $popups ->
    [one] pop-up
   *[other] pop-ups
}{ $rate }.
report-presence-rate = { " " }(that is { NUMBER($rate, maximumFractionDigits: 2) } per hour)
report-presence-hidden = Hours of presence and pop-ups come from { $hidden }: they are not shown.
report-emotion = { $emotion ->
    [hidden] How many of these show that an emotion was inferred: not shown (fewer than 5 people).
    [0] None shows from its text that an emotion was inferred.
    [one] Of these, <b>{ $emotion }</b> shows from its text that an emotion was inferred (your tone, energy, the customer's mood).
   *[other] Of these, <b>{ $emotion }</b> show from their text that an emotion was inferred (your tone, energy, the customer's mood).
} Emotion recognition at work has been banned in the EU since 2 February 2025 (AI Act art. 5(1)(f)).
report-contradicted = { $contradicted ->
    [hidden] Pop-ups contradicted by the voice measurement: not shown (fewer than 5 people).
    [one] <b>{ $contradicted }</b> pop-up is contradicted by the voice measurement (for example “speak faster” while the rate was already above usual){ $consistent }.
   *[other] <b>{ $contradicted }</b> pop-ups are contradicted by the voice measurement (for example “speak faster” while the rate was already above usual){ $consistent }.
}
report-consistent = { " " }; { $count ->
    [one] { $count } agrees with it
   *[other] { $count } agree with it
}
report-calls = Calls: <b>{ $calls }</b>, that is <b>{ $hours }</b> on the phone; vocal-strain episodes: <b>{ $strain }</b>{ $run }.
report-longest-run = ; longest run of calls without a break: { $minutes } min
report-self-reports = { $count ->
    [one] End-of-shift report
   *[other] End-of-shift reports ({ $count })
}: mental demand { $mental }, physical { $physical }, time pressure { $temporal }, performance { $performance }, effort { $effort }, frustration { $frustration } (means out of 100).
report-set-aside = { $count ->
    [one] { $count } file set aside, not counted:
   *[other] { $count } files set aside, not counted:
}
report-by-day = By day
report-popups-per-day = Pop-ups per day
report-strain-and-popups = Vocal strain and pop-ups, by day
report-calls-per-day = Calls per day
report-by-hour = By hour of day
report-popups-by-hour = Pop-ups by hour of day
report-asked = What the pop-ups asked
report-popups-by-category = Pop-ups by category
report-contradicted-title = Pop-ups contradicted by measurement
report-method = Method
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun

## counts
cli-export-done = Export: { $what }, from { $from } to { $to }.
cli-export-signed = Signed by { $pseudonym } (fingerprint { $fingerprint }). File: { $file }
cli-aggregate-done = { $files ->
    [one] { $files } file read
   *[other] { $files } files read
}, { $people ->
    [one] { $people } person
   *[other] { $people } people
}, { $rejected } set aside; report written: { $file }.
cli-popup-list-summary = { $popups ->
    [one] { $popups } pop-up
   *[other] { $popups } pop-ups
}, { $flagged } with emotion analysis, { $contradicted } contradicted by measurement.
cli-popups-recorded = { $count ->
    [one] { $count } pop-up recorded.
   *[other] { $count } pop-ups recorded.
}
cli-listen-summary = { $segments ->
    [one] { $segments } segment of your voice measured
   *[other] { $segments } segments of your voice measured
}, { $set_aside } set aside (another voice), { $episodes ->
    [one] { $episodes } vocal-strain episode
   *[other] { $episodes } vocal-strain episodes
}, { $dropped ->
    [one] { $dropped } audio block dropped (machine too busy)
   *[other] { $dropped } audio blocks dropped (machine too busy)
}.
cli-words-skipped = { $count ->
    [one] { $count } segment stored without counting words (transcription behind).
   *[other] { $count } segments stored without counting words (transcription behind).
}
gui-rows-unreadable = { $count ->
    [one] { $count } unreadable row in the vault (altered, or written by a newer version): “temoin check” says which.
   *[other] { $count } unreadable rows in the vault (altered, or written by a newer version): “temoin check” says which.
}
gui-events-shown = { $count ->
    [one] { $count } event, newest first
   *[other] { $count } events, newest first
}

## command line errors
cli-file-error = A file could not be read or written. Check the path given and the folder's permissions.
cli-unexpected-error = An unexpected error stopped the command; it changed nothing.

## command line help
help-temoin = Your own record of workplace surveillance
help-temoin--vault = Vault file (default: the user's data folder)
help-temoin--lang = Language of messages, fr or en (default: the one chosen in the window, otherwise French)
help-temoin-gui = The window (also without a command)
help-temoin-gui--no-listen = Without listening or pop-up watching (the button works)
help-temoin-gui--vue = The view it opens on: aujourdhui, historique, fin-de-service, preuves or reglages
help-temoin-init = Create the encrypted vault
help-temoin-note = Append a note, no passphrase needed; without text it is asked (out of the command line, which the employer may log)
help-temoin-note--text = The note's text; "-" or nothing: read from the keyboard or standard input (advised)
help-temoin-events = Decrypt and list events
help-temoin-events--json = JSON output
help-temoin-events--from = From this day (DD/MM/YYYY or YYYY-MM-DD, the event's local time)
help-temoin-events--to = Up to and including this day
help-temoin-check = Verify the vault's chain
help-temoin-check--full = Also decrypt every row and read the writing sessions' history
help-temoin-check--checkpoint = A checkpoint given before
help-temoin-passwd = Change the passphrase
help-temoin-recover = New passphrase from the recovery code
help-temoin-listen = Listen to the microphone and log measurements, no passphrase needed
help-temoin-listen--device = Microphone: the id --list gives, or its name (default: the system's)
help-temoin-listen--list = Lists the microphones: id, then name
help-temoin-listen--own-level = Your calibrated level in dBFS
help-temoin-listen--seconds = Stop after this many seconds
help-temoin-listen--baseline = Ask the passphrase once to resume your baseline of the last 14 days (keys are dropped at once)
help-temoin-listen--no-words = Do not count words (weak PC)
help-temoin-listen--no-popups = Do not watch for pop-ups
help-temoin-calibrate = Calibrate your voice level: read a few sentences aloud
help-temoin-calibrate--device = Microphone name (default: the system's)
help-temoin-calibrate--seconds = How long to listen
help-temoin-popup = Log a pop-up, test the rules, or watch for pop-ups, no passphrase needed
help-temoin-popup--text = The text seen (optional: the category is enough); "-": read from standard input, out of the command line
help-temoin-popup--category = Category, by name ("thanks") or id: pace_faster, pace_slower, thanks, apology, empathy, silence, overtalk, hold, script, score, customer_sentiment or other
help-temoin-popup-rules = Show how a text would be classified
help-temoin-popup-rules--test = The text to test
help-temoin-popup-rules--json = JSON output
help-temoin-popup-rules--show-default = Print the shipped rules
help-temoin-popup-classer = Give a pop-up its category, naming it by its number (shown when logged and by "popup list") or its time; asks the passphrase
help-temoin-popup-list = List your pop-ups with the measurement's verdict (asks the passphrase)
help-temoin-popup-watch = Watch for pop-ups without listening to the microphone
help-temoin-popup-watch--seconds = Stop after this many seconds
help-temoin-extension = The browser extension (page pop-ups)
help-temoin-call = Mark a call's start or end
help-temoin-fin-de-service = End-of-shift self-report, no passphrase needed
help-temoin-fin-de-service--mental = Mental demand (0–100)
help-temoin-fin-de-service--physical = Physical demand
help-temoin-fin-de-service--temporal = Temporal demand
help-temoin-fin-de-service--performance = Performance (0 = perfect)
help-temoin-fin-de-service--note = A free note; "-": read from standard input, out of the command line (advised)
help-temoin-export = Export a signed period for the works council or occupational doctor (asks the passphrase)
help-temoin-export--from = First day
help-temoin-export--to = Last day (default today)
help-temoin-export--level = Level of detail: daily (per day, the default: the least detailed), hourly (figures per hour) or events (every event)
help-temoin-export--out = File to write
help-temoin-checkpoint = A signed checkpoint of the log to hand to a representative (asks the passphrase)
help-temoin-checkpoint--out = Also write the line to this file
help-temoin-verify = Verify an export: who signed, what period, intact or not (0 intact, 1 not, 2 unreadable)
help-temoin-verify--file = The export to verify (.json file)
help-temoin-verify--checkpoint = A checkpoint given earlier (the line, or a file holding it)
help-temoin-report = A readable report (HTML, prints to PDF) of a period (asks the passphrase)
help-temoin-report--from = First day (default: the log's start)
help-temoin-report--to = Last day (default today)
help-temoin-report--out = HTML file to write
help-temoin-aggregate = The works council's collective report from several people's exports
help-temoin-aggregate--inputs = Exports to pool: files or folders
help-temoin-aggregate--out = Collective HTML report to write
help-temoin-aggregate--json = Also print the figures as JSON
help-temoin-aggregate--registre = The council's register: the fingerprints of the keys registered in person, one a line; only their exports are pooled
help-temoin-aggregate--sans-registre = Pool every export, registered or not (to avoid)
help-temoin-corriger-service = Correct the start and/or end of a day's shift, no passphrase needed
help-temoin-corriger-service--date = The day the shift started (AAAA-MM-JJ)
help-temoin-corriger-service--debut = Start time (HH:MM)
help-temoin-corriger-service--fin = End time (HH:MM; earlier than the start: the next day)
help-temoin-workload = Workload indicators (asks the passphrase)
help-temoin-analyze = Measure the voice in a WAV recording
help-temoin-analyze--file = WAV recording to measure
help-temoin-analyze--json = JSON output (documented interface)
help-temoin-analyze--own-level = Your calibrated voice level in dBFS: quieter voices are set aside
help-temoin-analyze--no-words = Do not transcribe
help-temoin-analyze--transcript = Also print the transcript, to check it; it is never stored
help-temoin-analyze--speech-lang = Spoken language: fr, en, or auto (recognised by the model)
help-temoin-popup-classer--category = The category, by name or id (thanks)
help-temoin-popup-list--json = JSON output
help-temoin-extension--action = install: registers the host with the user's browsers
help-temoin-call--action = start (a call starts) or end (a call ends)
help-temoin-fin-de-service--effort = Effort (0 to 100)
help-temoin-fin-de-service--frustration = Frustration (0 to 100)
help-temoin-workload--json = JSON output
help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}
    
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Commands
help-options = Options
help-help = Print this help
help-version = Print the version
cli-error-date = The date “{ $value }” given to { $arg } cannot be read. Write it DD/MM/YYYY (for example 29/11/2026) or YYYY-MM-DD (2026-11-29).
cli-error-value = The value “{ $value }” given to { $arg } is not valid. “temoin --help” describes every option.
cli-error-value-one-of = The value “{ $value }” given to { $arg } is not valid. Possible values: { $valid }.
cli-error-unknown-argument = Unknown option: { $arg }. “temoin --help” (or “temoin COMMAND --help”) lists the options.
cli-error-unknown-command = Unknown command: “{ $command }”. “temoin --help” lists the commands.
cli-error-missing = { $arg } is missing. “temoin COMMAND --help” says what to give.
cli-error-missing-command = A command is missing. “temoin --help” lists them.
cli-error-conflict = { $arg } cannot be given with { $other }.
cli-error-other = These arguments are not understood. “temoin --help” describes the commands and their options.

## command line, files
help-arguments = Arguments
cannot-read-file = Cannot read { $path }: the file does not exist or cannot be read. Check the path.

## command line, reports
cli-report-written = Report written: { $file } (from { $from } to { $to }).

## command line, values
cli-error-value-why = The value “{ $value }” given to { $arg } is not valid: { $why }.

## values
cli-error-time = The time “{ $value }” given to { $arg } cannot be read. Write it HH:MM (for example 08:30).
self-report-not-a-number = “{ $value }” is not a number: give a value from 0 to 100.
self-report-out-of-range = { $value } is off the scale: give a value from 0 to 100.
cannot-write-no-folder = Cannot write { $path }: the folder { $folder } does not exist. Create it, or choose an existing folder.
report-set-aside-reason = { $reason } ({ $count ->
    [one] { $count } file
   *[other] { $count } files
})
report-hidden-bar = < 5 people
report-hidden = not shown (fewer than 5 people)
report-phone-hours = { NUMBER($hours, maximumFractionDigits: 1, minimumFractionDigits: 1) } h
vault-truncated = The vault file is cut: it is { $found } bytes long instead of { $expected }, its end is missing (an interrupted copy, a full disk or a crash during a copy). It was neither changed nor “repaired”. Keep it as it is; if you have a complete copy (a backup, a USB stick), restore it. Exports already made can still be verified.
settings-unreadable = The settings ({ $path }) cannot be read. Fix or delete that file, then choose your settings again in the window.
settings-defaults-apply = Meanwhile, the default settings apply.
gui-job-died = The operation stopped on an internal error in Témoin. Nothing was lost: try again; if it happens again, close and reopen Témoin, and report it.
gui-starting-listening = Starting to listen (loading the voice models)…
cli-gui-no-display = No graphical display here (neither X11 nor Wayland): the window cannot open. Start Témoin from your desktop session, or use the commands (temoin --help).
status-no-answer = The system's sound does not answer. Retrying automatically; if this lasts, restart your session.
capture-no-answer = The system's sound does not answer. Try again in a moment; if this lasts, restart your session.
messages-listening-ended = Listening ended
messages-sound-lost = Listening interrupted (sound lost)
gap-between = Listening interrupted: sound lost from { $from } to { $to }
gap-between-on = Listening interrupted: sound lost on { $day } from { $from } to { $to }
gap-since = Listening interrupted: sound lost since { $from }
gap-since-on = Listening interrupted: sound lost on { $day } since { $from }
report-coverage = Listening coverage
report-no-gaps = No interruption of listening over the period: whenever Témoin was listening, the sound arrived.
report-gaps-intro = { $count ->
    [one] One interruption of listening (the system's sound lost), { $minutes } min in all; measurements are missing for that time, it was not calm:
   *[other] { $count } interruptions of listening (the system's sound lost), { $minutes } min in all; measurements are missing for those times, they were not calm:
}
gui-gaps-today = Listening gaps
cli-words-unsampled = { $count ->
    [one] { $count } segment measured without counting its words: counting words keeps to its share of the processor ({ NUMBER($share, maximumFractionDigits: 1) } % of a core over the day), the moments after a pop-up first.
   *[other] { $count } segments measured without counting their words: counting words keeps to its share of the processor ({ NUMBER($share, maximumFractionDigits: 1) } % of a core over the day), the moments after a pop-up first.
}
cli-popup-classer-none = No pop-up "{ $which }": nothing was recorded. Your pop-ups' numbers and times are in "temoin popup list".
cli-popup-classer-several = { $count } pop-ups at { $which }: nothing was recorded. Choose one by its number (temoin popup classer <no.> <category>):
cli-popup-classer-done = Category recorded for pop-up no. { $number }: { $category }.
cli-popup-unknown-category = "{ $name }" is not a pop-up category; one of these, by name or id:
cli-listen-nothing-heard = Nothing was measured: no sound came from the microphone while listening. { $why }
cli-listen-nothing-heard-exit = Check the microphone chosen ("temoin listen --list", or "Settings" in the window), then start listening again.
gui-not-answered = not answered
gui-counted-since = Seen in this window since { $time }; the day's totals are in "History".
gui-forgot-passphrase = I forgot my passphrase
gui-recovery-intro = With the recovery code noted when the vault was created, choose a new passphrase. Nothing recorded is lost.
gui-change-passphrase-with-code = Change the passphrase
gui-recovered = Passphrase changed. Your new recovery code, shown only once (the old one no longer works): { $code } — write it on paper, then open with the new passphrase.
messages-usual-pace = at your usual pace: neither
help-temoin-popup-classer--which = The pop-up's number (14), or its time: HH:MM:SS today, or RFC 3339 (refused when several pop-ups share it)
cli-note-prompt = Your note (Enter to record it):
cli-note-empty = Empty note: nothing was recorded. Type it after "temoin note", or send it on standard input (echo … | temoin note -).
cli-popup-prompt = The pop-up's text (Enter to record it):
vault-passphrase-too-weak = This passphrase is guessed too quickly (a common word, a row of keys, a name and a year…). Nothing was changed: take four or five unrelated words instead, for example "lamp river cardboard tuesday".
verdict-masked = { $count ->
    [one] One note was masked by the worker before export (what named a customer): its place in the log is proven, its masked text is vouched for by their signature alone.
   *[other] { $count } notes were masked by the worker before export (what named a customer): their place in the log is proven, their masked text is vouched for by their signature alone.
}
export-masked = { $count ->
    [one] One note named a customer: it leaves masked (name, phone, numbers replaced); your vault keeps it as written:
   *[other] { $count } notes named a customer: they leave masked (names, phones, numbers replaced); your vault keeps them as written:
}
vault-keys-replaced = This vault's keys were replaced in the file: they are not the ones this PC saw the first time. Nothing was written, so that your next events do not go to someone else. Keep the file as it is, restore a backup of your vault, and tell your representative: someone has had their hands on your files.
help-temoin-check--recipient = The recipient the checkpoints were given to (the name given then with --for)
help-temoin-checkpoint--recipient = For whom: one name per recipient ("CSE Acme"); each gets its own signature, and two recipients cannot link what you give them
help-temoin-export--recipient = For whom: one name per recipient ("CSE Acme"); each gets its own signature, and two recipients cannot link your exports
help-temoin-report--recipient = For whom: the same name as for the export it goes with (its signature is named in it)
gui-evidence-for = For whom (optional):
gui-evidence-for-example = CSE Acme, occupational doctor…
gui-evidence-for-why = Give one name per recipient: each gets its own signature, and two recipients cannot link what you give them. Use the same name for the same recipient.
gui-export-for = For "{ $recipient }": a signature of its own, which other recipients cannot link to this one.
witness-missing = No witness in { $dir }. Create it with "temoin witness init { $dir } --name NAME".
witness-exists = A witness already exists in { $dir }: it was not replaced (its key is the one workers know).
witness-bad-name = A witness's name has no space and no "+", and fits in 255 bytes: for example "cse-acme.example/temoin".
witness-store = The witness's file could not be read or written.
witness-created = Witness created in { $dir }. Its key, to give the workers who add it:
witness-enrolled = Log enrolled: { $origin }.
witness-not-a-log-key = This is neither a log's key nor a Témoin checkpoint. Ask the worker for the checkpoint "temoin checkpoint" shows (or its QR code).
witness-serving = The witness listens on http://{ $addr } (POST /add-checkpoint, GET /logs). Its key:
witness-log-line = { $origin }: { $size } events, cosigned on { $at }
help-temoin-witness = The works council's witness: cosigns the checkpoints of the logs enrolled
help-temoin-witness-init = Create the witness in a folder and print its key
help-temoin-witness-init--dir = The witness's folder
help-temoin-witness-init--name = The witness's name, without spaces (for example cse-acme.example/temoin)
help-temoin-witness-enroll = Enrol a worker's log, in person: its key or its checkpoint
help-temoin-witness-enroll--dir = The witness's folder
help-temoin-witness-enroll--given = The log's key, or the checkpoint (text or file)
help-temoin-witness-serve = Serve the witness over HTTP (c2sp.org/tlog-witness)
help-temoin-witness-serve--dir = The witness's folder
help-temoin-witness-serve--listen = Address to listen on
help-temoin-witness-status = The logs enrolled: size and date of the last cosignature
help-temoin-witness-status--dir = The witness's folder
help-temoin-witness-status--json = JSON output
verdict-cosigned = Cosigned by the witness { $witness } (key { $key }) on { $date }: { $cosigned ->
    [one] { $cosigned } row
   *[other] { $cosigned } rows
}, which this log does extend.
problem-witness-cut = The witness { $witness } (key { $key }) cosigned { $cosigned ->
    [one] { $cosigned } row
   *[other] { $cosigned } rows
} of this log on { $date }; this export has only { $size }: the vault was cut or rolled back after that date.
problem-witness-contradicts = This log does not extend what the witness { $witness } (key { $key }) cosigned on { $date } ({ $cosigned ->
    [one] { $cosigned } row
   *[other] { $cosigned } rows
}): rows were changed or replaced after that date.
problem-witness-bad-cosignature = The cosignature attributed to the witness { $witness } is not valid (forged or altered).
problem-witness-malformed = The export's witnesses section does not hold together (key, root or number of rows): it was changed after signing.
witness-added = Witness added: { $witness } ({ $url }). Nothing is sent to it before the works council enrols your log: give them your log's key, below, in person.
witness-what-leaves = What will be sent after each call, every quarter of an hour when there is something new, and at the end of the shift: the vault's number of rows, its fingerprint (tree root) and a signature. Nothing else: no event, no text, no measurement.
witness-not-added = No witness has the address { $url }. « temoin witness list » shows those added.
witness-removed = Witness removed: { $url }. Nothing more is sent to it; the cosignatures already received stay in the vault.
witness-none = No witness is added: nothing leaves this PC. To add one: temoin witness add ADDRESS KEY (the works council gives you the address and key).
witness-your-log-key = Your log's key (give it to the works council so they enrol it):
witness-bad-key = This is not a witness's key: « { $key } ». It looks like « cse-acme.example/temoin+1a2b3c4d+… »; ask the works council for it (shown by « temoin witness init » or « serve »).
witness-bad-url = The witness's address « { $url } » must start with http:// or https:// (for example https://cse-acme.example/temoin).
witness-cosigned = { $witness }: cosigned, { $size ->
    [one] { $size } row
   *[other] { $size } rows
}, on { $date }.
witness-up-to-date = { $witness }: nothing new since its last cosignature ({ $size ->
    [one] { $size } row
   *[other] { $size } rows
}).
witness-contradicted = { $witness }: WARNING — this witness cosigned { $cosigned ->
    [one] { $cosigned } row
   *[other] { $cosigned } rows
} on { $date } and the vault now has only { $size }, or not the same ones: it was cut, rolled back or changed. The witness's dated proof is kept and your exports will show it.
witness-contradicted-undated = { $witness }: WARNING — this witness already cosigned { $cosigned ->
    [one] { $cosigned } row
   *[other] { $cosigned } rows
} and the vault has only { $size }, or not the same ones: it was cut, rolled back or changed. Ask the works council for the date of its last cosignature.
witness-unreachable = { $witness }: out of reach for now. It will be tried again later; nothing is lost.
witness-not-enrolled = { $witness }: this witness does not know your log yet. Give the works council your log's key (below, or in « Settings ») so they enrol it.
witness-refused = { $witness }: refused (HTTP { $status }).
witness-bad-answer = { $witness }: the answer holds no valid cosignature by this witness. Check with the works council that the key you added is theirs.
witness-last = last cosignature: { $size ->
    [one] { $size } row
   *[other] { $size } rows
}, on { $date }
witness-never = no cosignature yet
witness-line = { $witness } ({ $url }): { $state }{ $failures ->
    [0] {""}
    [one] ; { $failures } failure since
   *[other] ; { $failures } failures since
}.
help-temoin-witness-add = Add the works council's witness to send your checkpoints to
help-temoin-witness-add--url = The witness's address (http:// or https://)
help-temoin-witness-add--key = The witness's key
help-temoin-witness-remove = Remove a witness
help-temoin-witness-remove--url = The witness's address
help-temoin-witness-list = Your witnesses and your log's key
help-temoin-witness-submit = Submit a checkpoint to your witnesses now
gui-witness-title = Works council's witness (optional)
gui-witness-explain = Without a witness, nothing leaves this PC. With one, after each call and at the end of the shift, Témoin sends the works council's server your vault's number of rows, their fingerprint and a signature — nothing else: no event, no text, no measurement. The witness cosigns and keeps them: a vault cut or rolled back afterwards shows in your exports, with the date.
gui-witness-url = Witness address
gui-witness-key = Witness key
gui-witness-add = Add this witness
gui-witness-remove = Remove
gui-witness-send = Send now
gui-witness-sending = Sending…
gui-witness-added = Witness added. Show the works council your log's key, below, so they enrol it: nothing is sent to it before.
gui-witness-log-key = Your log's key, to show the works council (text or QR code):
calls-no-sound-server = No sound server (PulseAudio or PipeWire) answers: the applications' streams cannot be followed. Calls are found in your speech.
calls-no-stream = No application is playing or recording sound right now. Run this command during a call to see your softphone's name.
calls-streams-now = Applications with an audio stream right now (their name only, never the sound):
calls-stream-line = - { $app }{ $binary ->
    [none] {""}
   *[other] {" "}({ $binary })
}: { $playback ->
    [yes] playback
   *[no] recording
}, { $running ->
    [yes] running
   *[no] paused
}{ $chosen ->
    [yes] {" "}← your softphone
   *[no] {""}
}
calls-softphone-chosen = Softphone chosen: « { $app } ». Its audio streams mark each call's start and end (from the next listening); only their opening and closing are followed, never their sound.
calls-softphone-none = No softphone chosen: calls are found in your speech (silences, greetings and goodbyes). To choose one: temoin calls sources --choose NAME (during a call, to see it in the list).
help-temoin-calls = Where calls are found: the applications' audio streams, and the softphone chosen
help-temoin-calls-sources = The applications playing or recording sound now, and the softphone chosen
help-temoin-calls-sources--choose = Choose the softphone (its name as listed)
help-temoin-calls-sources--none = Back to calls found in speech
gui-calls-heading = Calls
gui-calls-explain = If your softphone (or the browser of your web agent desktop) is chosen here, its audio streams mark each call's start and end, even when calls follow each other seconds apart. Only their opening and closing are followed, never their sound. Otherwise calls are found in your speech (silences, « hello », « goodbye »). During a call, look for the applications with sound to see yours.
gui-calls-none = None (calls found in your speech)
gui-calls-softphone = Softphone
gui-calls-seen = { $app } (seen now)
gui-calls-look = Look for applications with sound
messages-key-registered = Key registered
messages-key-unregistered = Key taken out of the register
set-aside-unreadable-file = unreadable file.
register-not-a-code = This is not a key's code: it takes the 32 digits and letters (0-9, a-f) the person's Témoin window shows under its QR, or the QR itself. Check the code with them and try again.
register-other-qr = This QR code is not a Témoin key's. Ask the person to open « Preuves » › « Ma clé pour le CSE » (Evidence › My key for the council) in their window and show that QR.
register-not-an-image = { $path } is not a readable image (PNG or JPEG). Take the photo of the QR again, or type the code.
page-intact = Report intact: signed by the key { $pseudonym } (fingerprint { $fingerprint }), nothing changed since. Compare this fingerprint with the one the council published.
page-not-signed = This report is not signed: no one can tell who made it or whether it was changed. Ask the council for the signed report.
page-malformed = This report's signature is damaged: it cannot be checked. Ask the council for a new copy.
page-altered = NOT INTACT: this report was changed after it was signed. Do not trust its figures; ask the council for a new copy.
report-pooled = This report pools { $files ->
    [one] { $files } export file
   *[other] { $files } export files
}: { $counted } counted, from { $workers ->
    [one] { $workers } person registered in the council's register
   *[other] { $workers } people registered in the council's register, each counted once however many exports they sent
}. Each export was verified (signature, list of events, checkpoints) before it was counted.
report-signed-by = Report signed by the council with the key { $pseudonym } (fingerprint { $fingerprint }): « temoin verify » on this file, or « Preuves » › « Vérifier » in the Témoin window, says whether it was changed since.
report-not-signed = This report is not signed (made without the council's desk): nothing proves who made it.
help-temoin-aggregate--cse = The council's desk (the window's CSE mode): its register, and its key signs the report
gui-cse-tab-register = Register
gui-cse-tab-pool = Pool exports
gui-cse-why-passphrase = The council's register and key are encrypted: the council desk's passphrase opens them.
gui-cse-our-key = The council's key
gui-cse-our-key-is = Collective reports are signed by the key { $pseudonym }, fingerprint { $fingerprint }. Publish this fingerprint (notice board, union intranet): anyone can then check that a report comes from the council.
gui-cse-our-key-locked = Open the register with the passphrase to see the council's key.
gui-cse-where = Where the council desk is
gui-cse-to-worker-what = This window is in council mode. If you are also a call-centre worker, you can go back to your own record; the council desk stays.
gui-cse-to-worker = Back to the worker's window
gui-cse-already = This key ({ $fingerprint }) is already in the register: nothing changed.
gui-cse-registered = Key { $fingerprint } registered. Its exports will count.
gui-cse-camera-stopped = Camera stopped: no key registered.
gui-cse-camera-nothing = The camera saw no QR code for a minute. Hold the person's screen (or phone) about 20 cm away, in good light, and try again; or type the code.
gui-cse-removed = Key { $fingerprint } taken out of the register: its exports will no longer count.
gui-cse-register-what = Register here, in person, the key of each person who will hand you their exports: they open « Preuves » › « Ma clé pour le CSE » (Evidence › My key for the council) in their Témoin window and show you the QR or read the code. Only exports from registered keys are counted, each once: no one can fill a cell with made-up keys. The register keeps no name, only the key's fingerprint and the date.
gui-cse-add = Add a key
gui-cse-code = Code shown under the QR (32 digits and letters)
gui-cse-add-code = Add this code
gui-cse-photo = Or a photo of the QR (the file's path, or drop the photo on the window)
gui-cse-photo-hint = /home/…/qr.jpg
gui-cse-read-photo = Read the photo
gui-cse-camera = Read the QR with the camera
gui-cse-camera-stop = Stop the camera
gui-cse-camera-looking = Show the QR to the camera… (nothing of the images is kept or shown)
gui-cse-reading = Reading…
gui-cse-registered-count = { $count ->
    [0] No key in the register yet.
    [one] { $count } key in the register:
   *[other] { $count } keys in the register:
}
gui-cse-remove = Remove
gui-cse-remove-hint = Takes this key out of the register (its exports no longer count). The register keeps a record of the removal.
gui-cse-no-qr = No QR code found in this photo. Take it again, straight on, the whole QR sharp, or type the code.
camera-none = No camera found on this PC. Take a photo of the QR (with a phone) and give the file, or type the code.
camera-cannot-open = The camera does not open (another application may be using it). Close it and try again, or type the code.
gui-cse-report-opened = Signed report saved to { $path } and opened in the browser.
gui-cse-report-saved = Signed report saved to { $path }. The browser did not open: open the file yourself.
gui-cse-pool-what = Give the folder holding the exports people handed you (or drop the files on the window). Each is verified: only intact exports from registered keys are counted. File names are never shown nor written in the report.
gui-cse-inputs = Folder of the exports (or one file)
gui-cse-inputs-hint = /home/…/exports
gui-cse-pool = Verify and pool
gui-cse-report-file = Collective report to save
gui-cse-save-report = Sign, save and open the report
gui-cse-pdf = For a PDF: in the browser, Print, then « Save as PDF ».
gui-cse-progress = { $done } of { $total ->
    [one] { $total } file verified
   *[other] { $total } files verified
}
gui-cse-files = Files
gui-cse-file-waiting = waiting
gui-cse-file-intact = intact, counted
gui-cse-file-not-intact = not intact: { $why }
gui-cse-file-unregistered = key not registered, not counted
gui-cse-file-unreadable = not a readable export: { $why }
gui-cse-file = File { $n }: { $said }
gui-cse-figures = { $workers ->
    [one] { $workers } person
   *[other] { $workers } people
}, from { $from } to { $to }
gui-cse-worker-hours = Hours of presence
gui-cse-popups = Pop-ups
gui-cse-emotion = of which emotion analysis
gui-cse-contradicted = Pop-ups contradicted by measurement
gui-cse-strain = Vocal strain episodes
gui-cse-calls = Calls
gui-cse-phone-hours = Hours on the phone
gui-firstrun-who = Who is this window for?
gui-firstrun-worker = I am a call-centre worker: my own record
gui-firstrun-council = I represent the works council (elected member or expert): the council desk
gui-firstrun-council-what = The council desk registers, in person, the keys of the employees who hand you their exports, verifies and pools those exports, and makes the collective report, signed by the council's key. It listens to nothing and needs no microphone. No cell from fewer than 5 people is shown.
gui-firstrun-council-passphrase = The council's register and key are encrypted with a passphrase: choose it with the council members who will use it, a few words only you know. Nobody, not even us, can recover it: note the recovery code that follows too.
gui-settings-council = Council mode
gui-settings-council-what = For elected council members and their expert: the window becomes the council desk (register of keys, pooling exports, collective report). Listening stops; your own vault stays intact.
gui-settings-to-council = Switch to council mode
gui-mykey-tab = My key for the council
gui-mykey-what = For the council to count your exports, it registers your key, in person: show it this QR (or read it the code). It holds only your public key: no name, no event.
gui-mykey-for = Key of your exports « for { $recipient } »: make your exports for the council with this same name.
gui-mykey-working = Working out the key…
gui-mykey-qr = Your key's QR, to show the council
gui-mykey-code = Code to read or type:
gui-mykey-pseudonym = Your pseudonym: { $pseudonym }
gui-cse-no-such-path = Nothing there: { $path }. Check the folder's path (or drop the files on the window).
gui-firstrun-council-create = Create the council desk
help-temoin-paquet-docs = Writes the package's manual pages and shell completions (scripts/package)
help-temoin-paquet-docs--dossier = Folder to write them in
gui-cse-unsigned = { $count ->
    [one] { $count } register entry is not signed by the council's key: it was added to the file without its passphrase and does not count. Check who had access to this PC.
   *[other] { $count } register entries are not signed by the council's key: they were added to the file without its passphrase and do not count. Check who had access to this PC.
}
