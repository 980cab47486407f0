//! Helpers shared by the integration tests: temporary vaults and the real `temoin` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use temoin::vault::{RecoveryCode, Vault};

pub const PASS: &str = "correct horse battery staple";

/// The settings folder of the tests' own process: never the developer's (a vault opened
/// in-process pins its key beside the settings).
fn own_settings() {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().expect("temp dir");
        // SAFETY: set once, before this process's first vault, to the same value for every test.
        unsafe { std::env::set_var("TEMOIN_CONFIG", d.path().join("settings.json")) };
        d
    });
}

/// A fresh directory and a vault path inside it (not yet created).
pub fn temp_vault_path() -> (tempfile::TempDir, PathBuf) {
    own_settings();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vault.db");
    (dir, path)
}

/// A created vault in a fresh directory.
pub fn new_vault() -> (tempfile::TempDir, PathBuf, Vault, RecoveryCode) {
    let (dir, path) = temp_vault_path();
    let (vault, code) = Vault::create(&path, PASS).expect("create vault");
    (dir, path, vault, code)
}

/// What a run of `temoin` may read or write of a user's, all inside `home`: its settings, data
/// and config folders, the browser extension's socket. Never the developer's own (a machine where
/// English was chosen, or a real vault, would change what the tests see). No passphrase, French.
pub fn isolate<'a>(c: &'a mut Command, home: &Path) -> &'a mut Command {
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("TEMOIN_CONFIG", home.join("settings.json"))
        .env("TEMOIN_PAGES_SOCKET", home.join("pages.sock"))
        .env_remove("TEMOIN_VAULT")
        .env_remove("TEMOIN_PASSPHRASE")
        .env_remove("TEMOIN_NEW_PASSPHRASE")
        .env_remove("TEMOIN_RECOVERY_CODE")
        .env_remove("TEMOIN_LANG")
        .stdin(std::process::Stdio::null())
}

/// The `temoin` binary, run as on a fresh machine whose user folder is `home`.
pub fn temoin_in(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_temoin"));
    isolate(&mut c, home);
    c
}

/// The same with this vault, its user folder the vault's own (temporary) folder.
pub fn temoin(vault: &Path) -> Command {
    let mut c = temoin_in(vault.parent().expect("a vault in a folder"));
    c.env("TEMOIN_VAULT", vault);
    c
}

pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run temoin");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The file's bytes, to prove a command left it untouched.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Every event of a vault, decrypted with the test passphrase (a row that cannot be read fails).
pub fn stored_events(path: &Path) -> Vec<temoin::events::Event> {
    Vault::open(path)
        .unwrap()
        .unlock(PASS)
        .unwrap()
        .events()
        .unwrap()
        .into_iter()
        .map(|e| e.event.expect("a readable row"))
        .collect()
}

/// A Python 3.12 with `aics-tlog` and `aics-witness` (an independent C2SP implementation, from
/// PyPI, hashes pinned in tests/data/c2sp-requirements.txt), in a venv made once per target dir.
pub fn c2sp_python() -> PathBuf {
    static VENV: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = VENV.lock().unwrap_or_else(|e| e.into_inner());
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c2sp-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import aics_tlog, aics_witness"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready {
        let _ = std::fs::remove_dir_all(&venv);
        let made = Command::new("python3.12")
            .env("PYENV_VERSION", "3.12.1")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3.12 (pyenv) to make the C2SP venv");
        assert!(made.success(), "python3.12 -m venv failed");
        let requirements =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/c2sp-requirements.txt");
        let out = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--require-hashes", "-r"])
            .arg(&requirements)
            .output()
            .expect("pip");
        assert!(
            out.status.success(),
            "pip install of the C2SP reference failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    python
}
