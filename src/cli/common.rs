//! What several commands share: errors already worded for people, secrets typed at the terminal,
//! where the settings live, the transcriber when one is wanted.

use std::io::IsTerminal;

use anyhow::{Context, anyhow};
use zeroize::Zeroizing;

use temoin::events::Event;
use temoin::lang::Lang;
use temoin::messages;
use temoin::settings::Settings;
use temoin::speech::{Lexicon, SpeechError, SpokenLanguage, Transcriber};
use temoin::vault::{RecoveryCode, Vault};

#[derive(Debug)]
pub(crate) struct ExplainedError(pub(crate) String);
impl std::fmt::Display for ExplainedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ExplainedError {}

pub(crate) fn explained(s: impl Into<String>) -> anyhow::Error {
    anyhow!(ExplainedError(s.into()))
}

/// The secrets a script may pass in the environment: taken out of it as the process starts.
const SECRET_VARS: [&str; 3] = [
    "TEMOIN_PASSPHRASE",
    "TEMOIN_NEW_PASSPHRASE",
    "TEMOIN_RECOVERY_CODE",
];

/// The secrets taken from the environment, kept in memory only (zeroized at exit).
static SECRETS: std::sync::Mutex<Vec<(&'static str, Zeroizing<String>)>> =
    std::sync::Mutex::new(Vec::new());

/// Moves the secrets out of the process environment: `/proc/PID/environ` no longer shows them
/// and no child (Tesseract, a browser) inherits them.
///
/// # Safety
/// Call before any thread exists (the environment is not thread-safe to change).
pub(crate) unsafe fn take_secrets_from_environment() {
    let mut kept = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    for var in SECRET_VARS {
        if let Some(v) = std::env::var_os(var) {
            kept.push((var, Zeroizing::new(v.to_string_lossy().into_owned())));
            // SAFETY: the caller guarantees no other thread exists yet.
            unsafe {
                wipe_original(var);
                std::env::remove_var(var);
            }
        }
    }
}

/// Overwrites `var`'s value where the kernel placed it when the process started:
/// `/proc/PID/environ` reads that memory, which removing the variable leaves as it was.
///
/// # Safety
/// Before any thread exists.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe fn wipe_original(var: &str) {
    let prefix = format!("{var}=");
    // SAFETY: `environ` is the C library's NUL-terminated array of NUL-terminated strings;
    // nothing else reads or writes it while this single thread runs.
    unsafe {
        let mut entry = libc::environ;
        while !entry.is_null() && !(*entry).is_null() {
            let s = *entry;
            let len = libc::strlen(s);
            let bytes = std::slice::from_raw_parts_mut(s.cast::<u8>(), len);
            if bytes.starts_with(prefix.as_bytes()) {
                for b in &mut bytes[prefix.len()..] {
                    std::ptr::write_volatile(b, b'0');
                }
            }
            entry = entry.add(1);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
unsafe fn wipe_original(_var: &str) {}

/// A secret from the environment (scripts, tests) or typed at a hidden prompt.
pub(crate) fn secret(env: &str, prompt: &str, lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    let kept = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, v)) = kept.iter().find(|(k, _)| *k == env) {
        return Ok(v.clone());
    }
    drop(kept);
    if !std::io::stdin().is_terminal() {
        return Err(explained(format!(
            "{} {env}.",
            temoin::i18n::s(lang, "cli-no-terminal-to-type-it-in")
        )));
    }
    Ok(Zeroizing::new(
        rpassword::prompt_password(format!("{prompt} : ")).context("prompt")?,
    ))
}

/// The vault's passphrase, from TEMOIN_PASSPHRASE or typed at the terminal.
pub(crate) fn passphrase(lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    secret(
        "TEMOIN_PASSPHRASE",
        temoin::i18n::s(lang, "gui-passphrase"),
        lang,
    )
}

/// Every readable event of the vault, after asking its passphrase (rows that cannot be read are
/// left to `temoin check` and `temoin events`, which name them).
pub(crate) fn readable_events(path: &std::path::Path, lang: Lang) -> anyhow::Result<Vec<Event>> {
    let vault = Vault::open(path)?;
    let pass = passphrase(lang)?;
    Ok(vault.unlock(&pass)?.readable()?)
}

/// A new passphrase, typed twice unless it comes from the environment.
pub(crate) fn new_secret(env: &str, lang: Lang) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(v) = std::env::var(env) {
        return Ok(Zeroizing::new(v));
    }
    let first = secret(env, temoin::i18n::s(lang, "gui-new-passphrase"), lang)?;
    let again = secret(env, temoin::i18n::s(lang, "gui-the-same-again"), lang)?;
    if *first != *again {
        return Err(explained(temoin::i18n::s(
            lang,
            "cli-the-two-entries-differ-nothing-was",
        )));
    }
    Ok(first)
}

pub(crate) fn show_recovery_code(code: &RecoveryCode, lang: Lang) {
    println!(
        "{}\n\n    {}\n\n{}",
        temoin::i18n::s(lang, "cli-recovery-code-shown-only-once"),
        code.as_str(),
        temoin::i18n::s(lang, "cli-write-it-on-paper-and-keep")
    );
}

pub(crate) fn settings_path(lang: Lang) -> anyhow::Result<std::path::PathBuf> {
    Settings::default_path().ok_or_else(|| {
        explained(temoin::i18n::s(
            lang,
            "cli-cannot-find-the-configuration-folder-give",
        ))
    })
}

/// Saves the worker's settings where they live; a failure is said in the reader's words.
pub(crate) fn save_settings(settings: &Settings, lang: Lang) -> anyhow::Result<()> {
    settings
        .save(&settings_path(lang)?)
        .map_err(|e| explained(messages::settings_error(&e, lang)))
}

/// The worker's settings; unreadable ones are said (in the reader's words) and the defaults apply,
/// so a damaged settings file never stops a command.
pub(crate) fn settings(lang: Lang) -> Settings {
    Settings::current().unwrap_or_else(|e| {
        eprintln!(
            "temoin : {}",
            messages::and_then(
                &messages::settings_error(&e, lang),
                temoin::i18n::s(lang, "settings-defaults-apply")
            )
        );
        Settings::default()
    })
}

/// The transcriber when words are wanted and the model loads. Without a usable speech model the
/// voice is still measured; the reason is said once.
pub(crate) fn optional_transcriber(
    wanted: bool,
    speech_lang: Option<SpokenLanguage>,
    lang: Lang,
) -> Option<Transcriber> {
    if !wanted {
        return None;
    }
    load_transcriber(speech_lang)
        .map_err(|e| eprintln!("temoin : {}", messages::speech_error(&e, lang)))
        .ok()
}

/// The worker's speech model and lexicon, for the language chosen here or in the settings.
pub(crate) fn load_transcriber(
    speech_lang: Option<SpokenLanguage>,
) -> Result<Transcriber, SpeechError> {
    let saved = Settings::current().unwrap_or_default();
    let language = speech_lang
        .or(saved.speech_lang)
        .unwrap_or(SpokenLanguage::Fr);
    let lexicon = Lexicon::load(Lexicon::user_path().as_deref())?;
    Transcriber::load(&Transcriber::model()?, language, lexicon)
}

/// Text typed after a prompt, or everything piped in: kept out of the command line, which process
/// lists, shell history and endpoint monitoring record.
pub(crate) fn text_from_stdin(lang: Lang, prompt: &'static str) -> anyhow::Result<String> {
    use std::io::{BufRead, Read, Write};
    let stdin = std::io::stdin();
    let mut text = String::new();
    if stdin.is_terminal() {
        print!("{} ", temoin::i18n::s(lang, prompt));
        std::io::stdout().flush()?;
        stdin.lock().read_line(&mut text)?;
    } else {
        stdin.lock().read_to_string(&mut text)?;
    }
    Ok(text.trim().to_string())
}
