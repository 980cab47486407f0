//! Where model files live: `TEMOIN_MODELS`, the `models/` folder beside the executable's
//! checkout, or the user's data folder. Installed by `scripts/models`.

use std::path::{Path, PathBuf};

/// A model file that is not where it should be.
#[derive(Debug, thiserror::Error)]
#[error("model file {name} not found (looked in {searched:?})")]
pub struct MissingModel {
    pub name: String,
    pub searched: Vec<PathBuf>,
}

fn candidates() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = std::env::var_os("TEMOIN_MODELS") {
        dirs.push(PathBuf::from(d));
    }
    if let Ok(exe) = std::env::current_exe() {
        for up in exe.ancestors().skip(1).take(4) {
            dirs.push(up.join("models"));
        }
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("models"));
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
