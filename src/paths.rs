//! Where the worker's own files live: a leaf every layer may use (the settings, the pop-up rules,
//! the lexicon), so none of them depends on another to find its file.

use std::path::{Path, PathBuf};

/// The settings file: `TEMOIN_CONFIG`, else `temoin/settings.json` in the user's config folder.
pub fn settings() -> Option<PathBuf> {
    std::env::var_os("TEMOIN_CONFIG")
        .map(PathBuf::from)
        .or_else(|| dirs::config_dir().map(|d| d.join("temoin").join("settings.json")))
}

/// A file the worker may keep beside the settings (`lexique.toml`, `popups.toml`).
pub fn beside(name: &str) -> Option<PathBuf> {
    settings().and_then(|p| p.parent().map(|d| d.join(name)))
}

/// The worker's own version of a shipped file, if there is one: `Ok(None)` when `path` is `None`
/// or no file is there (the shipped one applies).
pub fn read_own_file(path: Option<&Path>) -> std::io::Result<Option<String>> {
    let Some(p) = path else { return Ok(None) };
    match std::fs::read_to_string(p) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}
