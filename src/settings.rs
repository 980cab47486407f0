//! The worker's preferences: microphone and calibrated voice level. Settings, not records: kept
//! in the user's config folder (`TEMOIN_CONFIG` to choose the file), written atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Input device by name; the system's default when absent.
    pub device: Option<String>,
    /// The wearer's speech level in dBFS, from `temoin calibrate`.
    pub own_level_db: Option<f64>,
    /// The language the worker speaks on calls (French unless set).
    pub speech_lang: Option<crate::speech::SpokenLanguage>,
    /// How calls are told apart in the worker's speech.
    pub calls: crate::workload::CallSettings,
    /// The softphone (or the browser of a web agent desktop) whose own audio streams mark calls:
    /// its name as the sound server lists it (`temoin calls sources`). None: calls from speech.
    pub softphone: Option<String>,
    /// What counts as a break and as a new shift.
    pub workload: crate::workload::WorkloadSettings,
    /// The language of the window and messages (French unless chosen).
    pub lang: Option<crate::lang::Lang>,
    /// Pop-ups only from the button and the hotkey: no automatic watching.
    pub popups_manual_only: bool,
    /// The window stays above the softphone and the CRM.
    pub always_on_top: bool,
    /// Témoin opens with the worker's session.
    pub autostart: bool,
    /// Whether toasts inside web pages and Electron apps are read (through the desktop's
    /// accessibility, which Témoin switches on).
    pub pages: PagePopups,
    /// The witnesses the vault's checkpoints are sent to (size, root, signatures: nothing
    /// else). None by default: then nothing leaves the PC.
    pub witnesses: Vec<AddedWitness>,
    /// Whom the window is for: a worker (their record) or a works council (its desk).
    pub mode: Mode,
}

/// The window's two uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A worker's own record: listening, pop-ups, evidence.
    #[default]
    Worker,
    /// A works council's desk: its register of workers' keys, pooling exports, the collective
    /// report signed by the council's key.
    Council,
}

/// A witness the worker added: where it answers and its key (`<name>+<id>+<base64>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedWitness {
    pub url: String,
    pub key: String,
}

/// Reading pop-ups inside web pages and apps: on unless the worker turns it off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagePopups {
    #[default]
    On,
    Off,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read settings {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("cannot write settings {path}: {reason}")]
    Unwritable { path: PathBuf, reason: String },
}

impl Settings {
    pub fn default_path() -> Option<PathBuf> {
        crate::paths::settings()
    }

    /// The worker's settings from their usual place (`paths::settings`); defaults when there is
    /// no file yet. The one way every face reads them.
    pub fn current() -> Result<Settings, SettingsError> {
        crate::paths::settings().map_or_else(|| Ok(Settings::default()), |p| Settings::load(&p))
    }

    /// Loads the settings; a missing file means defaults.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| SettingsError::Unreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(SettingsError::Unreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }),
        }
    }

    /// Saves through a temporary file and a rename, so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let err = |e: std::io::Error| SettingsError::Unwritable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::paths::private_dir(dir).map_err(err)?;
        }
        let json = serde_json::to_vec_pretty(self).expect("plain struct");
        crate::paths::write_private(path, &json).map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/settings.json");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let s = Settings {
            device: Some("Casque USB".into()),
            own_level_db: Some(-24.5),
            speech_lang: Some(crate::speech::SpokenLanguage::En),
            calls: crate::workload::CallSettings {
                gap_s: 45.0,
                ..Default::default()
            },
            ..Default::default()
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), s);
        std::fs::write(&path, "{ pas du json").unwrap();
        assert!(Settings::load(&path).is_err());
    }
}
