//! Every word the window shows, French first, English second, in one place.

use crate::t;
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
    crate::i18n::s(lang, "gui-one-click-or-ctrl-alt-p")
}

pub fn what_was_it(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-what-did-it-ask-optional")
}

pub fn pause(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-pause")
}

pub fn resume(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-resume")
}

pub fn paused(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-paused-nothing-is-listened-to-or")
}

pub fn not_listening(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-microphone-not-listened-to-only-pop")
}

pub fn counters_heading(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-today")
}

pub fn popups_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-pop-ups")
}

pub fn emotion_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-of-which-emotion-analysis")
}

pub fn contradicted_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-contradicted-by-measurement")
}

pub fn calls_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-calls")
}

pub fn phone_time_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-time-on-the-phone")
}

pub fn recorded_at(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-pop-up-recorded-at")
}

pub fn categorised(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-category-recorded")
}

pub fn no_data_kept(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-no-sound-or-text-is-kept")
}

pub fn strain_gauge(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-vocal-strain-indicator")
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
    crate::i18n::s(lang, "gui-today")
}

pub fn tab_end_of_shift(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-end-of-shift")
}

pub fn end_of_shift_intro(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-end-of-shift-report-under-a")
}

pub fn note_label(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-a-note-optional")
}

pub fn save(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-save")
}

pub fn report_saved(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-report-saved-thank-you-and-have")
}

pub fn tab_evidence(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-evidence")
}

pub fn bundle_file(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-export-file-json")
}

pub fn verify(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-verify")
}

pub fn verifying(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-verifying")
}

pub fn tab_history(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-history")
}

pub fn passphrase(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-passphrase")
}

pub fn open(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-open")
}

pub fn opening(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-opening-the-vault-a-few-seconds")
}

pub fn locked_itself(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-locked-after-a-few-minutes-without")
}

pub fn history_why(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-your-history-is-encrypted-your-passphrase")
}

pub fn lock_now(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-lock")
}

pub fn day(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-day")
}

pub fn week(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-week")
}

pub fn month(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-month")
}

pub fn earlier(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-earlier")
}

pub fn later(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-later")
}

pub fn back_to_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-today")
}

pub fn rows_unreadable(count: usize, lang: Lang) -> String {
    t!(lang, "gui-rows-unreadable", "count" => count)
}

pub fn charts(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-charts")
}

pub fn event_list(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-events")
}

pub fn popups_by_hour(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-pop-ups-by-hour-of-the")
}

pub fn popups_other(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-other-pop-ups")
}

pub fn popups_emotion(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-emotion-analysis")
}

pub fn hour_of_day(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-hour")
}

pub fn day_of_period(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-day-of-the-period")
}

pub fn categories(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-what-the-pop-ups-asked")
}

pub fn uncategorised(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-uncategorised")
}

pub fn nothing_in_period(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-nothing-in-this-period")
}

pub fn strain_and_popups(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-vocal-strain-and-pop-ups")
}

pub fn strain_episodes(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-vocal-strain-episodes")
}

pub fn strain_is_indicator(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-an-episode-several-measures-of-your")
}

pub fn workload(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-workload")
}

pub fn phone_hours(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-hours-on-the-phone")
}

pub fn show(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-show")
}

pub fn events_shown(count: usize, lang: Lang) -> String {
    t!(lang, "gui-events-shown", "count" => count)
}

pub fn lock_hint(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-closes-the-history-the-passphrase-will")
}

pub fn export_tab(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-export")
}

pub fn checkpoint_tab(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-checkpoint")
}

pub fn verify_tab(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-verify-an-export")
}

pub fn evidence_why(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-exporting-and-signing-need-your-passphrase")
}

pub fn verify_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-an-export-someone-hands-you-a")
}

pub fn export_step1(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-step-1-of-2-the-period")
}

pub fn export_step2(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-step-2-of-2-this-is")
}

pub fn from_day(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-from-yyyy-mm-dd")
}

pub fn to_day(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-to-yyyy-mm-dd")
}

pub fn dates_unreadable(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-check-the-dates-write-them-as")
}

pub fn level_daily(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-daily-figures")
}

pub fn level_daily_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-least-detailed-per-day-pop-ups")
}

pub fn level_hourly(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-hourly-figures")
}

pub fn level_hourly_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-same-figures-hour-by-hour")
}

pub fn level_events(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-every-event")
}

pub fn level_events_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-most-detailed-every-pop-up-its")
}

pub fn next_preview(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-next-preview")
}

pub fn back(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-back")
}

pub fn export_now(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-export-and-sign")
}

pub fn file_to_write(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-file-to-write")
}

pub fn one_item(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-one-item-as-it-will-be")
}

pub fn writing(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-writing")
}

pub fn report_heading(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-readable-report")
}

pub fn report_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-a-page-to-read-or-print")
}

pub fn write_report(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-write-the-report")
}

pub fn export_period(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    t!(lang, "gui-export-period",
        "from" => crate::i18n::date(lang, from),
        "to" => crate::i18n::date(lang, to))
}

pub fn export_signed_by(pseudonym: &str, fingerprint: &str, lang: Lang) -> String {
    t!(lang, "gui-export-signed-by", "pseudonym" => pseudonym, "fingerprint" => fingerprint)
}

pub fn export_events(n: usize, lang: Lang) -> String {
    t!(lang, "gui-export-events", "count" => n)
}

pub fn export_popup_texts(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-pop-ups-text-as-shown")
}

pub fn export_figures(n: usize, hourly: bool, lang: Lang) -> String {
    if hourly {
        t!(lang, "gui-export-hours", "count" => n)
    } else {
        t!(lang, "gui-export-days", "count" => n)
    }
}

pub fn export_checkpoints(n: usize, lang: Lang) -> String {
    t!(lang, "gui-export-checkpoints", "count" => n)
}

pub fn export_never(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-never-no-sound-no-transcript-nothing")
}

pub use crate::messages::cannot_write;

pub fn export_written(path: &Path, lang: Lang) -> String {
    t!(lang, "gui-export-written", "path" => path)
}

pub fn report_written(path: &Path, lang: Lang) -> String {
    t!(lang, "gui-report-written", "path" => path)
}

pub fn checkpoint_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-a-checkpoint-seals-your-log-as")
}

pub fn give_checkpoint(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-give-a-checkpoint")
}

pub fn checkpoint_given(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-checkpoint-signed-and-noted-in-your")
}

pub fn checkpoint_line(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-checkpoint-text")
}

pub fn copy(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-copy")
}

pub fn checkpoint_qr(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-same-checkpoint-as-a-qr")
}

pub fn welcome_title(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-welcome-to-temoin")
}

pub fn wizard_step(n: usize, of: usize, lang: Lang) -> String {
    t!(lang, "gui-wizard-step", "step" => n, "of" => of)
}

pub fn does(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-what-temoin-does")
}

pub fn does_list(lang: Lang) -> [&'static str; 4] {
    ["gui-does-1", "gui-does-2", "gui-does-3", "gui-does-4"].map(|id| crate::i18n::s(lang, id))
}

pub fn does_not(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-what-it-never-does")
}

pub fn does_not_list(lang: Lang) -> [&'static str; 4] {
    [
        "gui-does-not-1",
        "gui-does-not-2",
        "gui-does-not-3",
        "gui-does-not-4",
    ]
    .map(|id| crate::i18n::s(lang, id))
}

pub fn next(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-next")
}

pub fn start(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-start")
}

pub fn passphrase_why(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-choose-a-passphrase-it-encrypts-your")
}

pub fn new_passphrase(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-new-passphrase")
}

pub fn differ(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-two-entries-differ")
}

pub fn strength(st: crate::vault::Strength, lang: Lang) -> &'static str {
    use crate::vault::Strength as S;
    match st {
        S::TooShort => crate::i18n::s(lang, "gui-too-short-at-least-8-characters"),
        S::Weak => crate::i18n::s(lang, "gui-weak-add-a-word-or-two"),
        S::Fair => crate::i18n::s(lang, "gui-fair"),
        S::Good => crate::i18n::s(lang, "gui-strong"),
    }
}

pub fn create_vault(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-create-my-vault")
}

pub fn creating(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-creating-the-vault")
}

pub fn recovery_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-your-recovery-code-it-replaces-the")
}

pub fn code_noted(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-i-have-written-the-code-down")
}

pub fn mic_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-your-headset-s-microphone-speak-the")
}

pub fn microphone(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-microphone")
}

pub fn default_mic(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-system-s-default-microphone")
}

pub fn mic_speak(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-your-voice-on-a-headset-is")
}

pub fn no_level(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-no-sound-received")
}

pub fn popups_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-how-should-pop-ups-be-recorded")
}

pub fn popups_auto(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-automatically-with-the-shipped-rules")
}

pub fn popups_auto_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-temoin-spots-coaching-windows-notifications-and")
}

pub fn pages_toggle(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-also-inside-web-pages-and-apps")
}

pub fn pages_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-temoin-hears-what-the-page-announces")
}

pub fn popups_manual(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-only-when-i-click-or-ctrl")
}

pub fn popups_manual_what(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-nothing-on-screen-is-watched-you")
}

pub fn tab_settings(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-settings")
}

pub fn settings_saved(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-setting-saved")
}

pub fn language(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-language")
}

pub fn window(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-window")
}

pub fn always_on_top(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-always-on-top-above-the-softphone")
}

pub fn autostart(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-open-temoin-when-i-log-in")
}

pub fn microphone_choice(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-microphone-listened-to")
}

pub fn mic_test(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-test-the-microphone")
}

pub fn stop_mic_test(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-stop-the-test")
}

pub fn next_start(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-changing-the-microphone-or-the-way")
}

pub fn starting_listening(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-starting-listening")
}

pub fn restarting(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-restarting-listening-with-the-new-settings")
}

pub fn popups_heading(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-pop-ups")
}

pub fn hotkey(combo: &str, lang: Lang) -> String {
    if combo.is_empty() {
        t!(lang, "gui-no-hotkey")
    } else {
        t!(lang, "gui-hotkey", "combo" => combo)
    }
}

pub fn rules_editor(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-edit-the-rules")
}

pub fn rules_help(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-words-by-which-a-pop")
}

pub fn rules_text(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-rules-popups-toml")
}

pub fn rules_valid(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-rules-valid")
}

pub fn test_a_text(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-test-a-pop-up-text")
}

pub fn test_verdict(category: &str, emotion: bool, reasons: &[String], lang: Lang) -> String {
    let why = if reasons.is_empty() {
        String::new()
    } else {
        let q: Vec<String> = reasons
            .iter()
            .map(|r| t!(lang, "gui-quoted", "text" => r))
            .collect();
        t!(lang, "gui-test-verdict-why", "words" => q.join(", "))
    };
    if emotion {
        t!(lang, "gui-test-verdict-emotion", "category" => category, "why" => why)
    } else {
        t!(lang, "gui-test-verdict", "category" => category, "why" => why)
    }
}

pub fn save_rules(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-save-the-rules")
}

pub fn shipped_rules(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-back-to-the-shipped-rules")
}

pub fn rules_saved(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-rules-saved-they-apply-at-once")
}

pub fn models(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-models")
}

pub fn voice_model(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-speech-detection")
}

pub fn speech_model(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-word-counting")
}

pub fn model_missing(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-not-found-run-scripts-setup-or")
}

pub fn change_passphrase(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-change-the-passphrase")
}

pub fn current_passphrase(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-current-passphrase")
}

pub fn change(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-change")
}

pub fn changing(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-changing")
}

pub fn passphrase_changed(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-passphrase-changed-the-recovery-code-stays")
}

pub fn where_vault(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-where-the-vault-is")
}

pub fn settings_file(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-settings-2")
}

pub fn longest_run(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-longest-run-without-a-break")
}

pub fn strain_episodes_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-vocal-strain-episodes-2")
}

pub fn gauge_needs_listening(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-measured-while-the-microphone-is-listened")
}

pub fn gauge_learning(heard: usize, needed: usize, lang: Lang) -> String {
    t!(lang, "gui-gauge-learning", "heard" => heard, "needed" => needed)
}

pub fn gauge_effort(z: f64, lang: Lang) -> String {
    let words = match z {
        z if z >= 2.0 => crate::i18n::s(lang, "gui-well-above-your-usual"),
        z if z >= 1.0 => crate::i18n::s(lang, "gui-above-your-usual"),
        _ => crate::i18n::s(lang, "gui-as-usual"),
    };
    let sign = if z >= 0.0 { "+" } else { "-" };
    let z = format!("{sign}{}", crate::i18n::num(lang, z.abs(), 1));
    t!(lang, "gui-gauge-effort", "words" => words, "z" => z)
}

pub fn gauge_not_diagnosis(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-your-voice-s-effort-pitch-loudness")
}

pub fn refresh(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-refresh")
}

pub fn refresh_hint(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-reads-the-vault-again-what-arrived")
}

pub fn preparing_preview(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-preparing-the-preview")
}

pub fn gaps_today(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-gaps-today")
}

pub fn not_answered(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-not-answered")
}

pub fn counted_since(time: &str, lang: Lang) -> String {
    crate::t!(lang, "gui-counted-since", "time" => time)
}

pub fn forgot_passphrase(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-forgot-passphrase")
}

pub fn recovery_intro(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-recovery-intro")
}

pub fn recovery_code(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "cli-recovery-code")
}

pub fn same_again(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-the-same-again")
}

pub fn change_with_code(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "gui-change-passphrase-with-code")
}

pub fn entries_differ(lang: Lang) -> &'static str {
    crate::i18n::s(lang, "cli-the-two-entries-differ-nothing-was")
}

pub fn recovered(code: &str, lang: Lang) -> String {
    crate::t!(lang, "gui-recovered", "code" => code)
}
