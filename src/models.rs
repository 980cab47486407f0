//! Where model files live: `TEMOIN_MODELS` if set (and then only there), else the `models/`
//! folder of the checkout the executable was built in (installed by `scripts/models`), where the
//! Debian package puts them (`/usr/share/temoin/models`), or the user's data folder.

use std::path::{Path, PathBuf};

/// A model file that is not where it should be.
#[derive(Debug, thiserror::Error)]
#[error("model file {name} not found (looked in {searched:?})")]
pub struct MissingModel {
    pub name: String,
    pub searched: Vec<PathBuf>,
}

fn candidates() -> Vec<PathBuf> {
    // An explicit choice is the only place looked at, so a wrong one is reported, not masked.
    if let Some(d) = std::env::var_os("TEMOIN_MODELS") {
        return vec![PathBuf::from(d)];
    }
    let mut dirs = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        for up in exe.ancestors().skip(1).take(4) {
            dirs.push(up.join("models"));
        }
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("models"));
    // The package's (`scripts/package`); Windows, on paper: beside the installed executable,
    // which the first candidates already cover.
    if cfg!(target_os = "linux") {
        dirs.push(PathBuf::from("/usr/share/temoin/models"));
    }
    if let Some(d) = dirs::data_dir() {
        dirs.push(d.join("temoin").join("models"));
    }
    dirs
}

/// The path of model file `name` (relative to a models folder).
pub fn find(name: &str) -> Result<PathBuf, MissingModel> {
    let searched = candidates();
    searched
        .iter()
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(MissingModel {
            name: name.to_string(),
            searched,
        })
}
