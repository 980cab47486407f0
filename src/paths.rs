//! Where the worker's own files live: a leaf every layer may use (the settings, the pop-up rules,
//! the lexicon), so none of them depends on another to find its file.

use std::path::{Path, PathBuf};

/// The settings file: `TEMOIN_CONFIG`, else `temoin/settings.json` in the user's config folder.
pub fn settings() -> Option<PathBuf> {
    std::env::var_os("TEMOIN_CONFIG")
        .map(PathBuf::from)
        .or_else(|| dirs::config_dir().map(|d| d.join("temoin").join("settings.json")))
}

/// The works council's desk (its register and its key, a vault of its own): `TEMOIN_CSE`, else
/// `cse.db` beside the worker's vault (`vault`, which need not exist).
pub fn council_desk(vault: &Path) -> PathBuf {
    std::env::var_os("TEMOIN_CSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| vault.with_file_name("cse.db"))
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

/// A folder only the worker can enter (0700 where it is made; an existing one is left as it is).
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    // Windows, on paper: a folder under the user's profile inherits an ACL for that user alone.
    b.create(dir)
}

/// Writes a file only the worker can read (0600): first beside its target under a random name,
/// opened exclusively (a file or link planted there is never written through), synced, then
/// renamed over the target: a reader never sees half a file. The folder must exist (a folder
/// mistyped is said, not made); Témoin's own folders are made with [`private_dir`].
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".temoin-")
        .suffix(".partial")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself survives a crash once the folder is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
