//! The browser extension's two ends on this side: `temoin` started by the browser as the
//! native-messaging host, and `temoin extension install`, which tells the worker's browsers where
//! the host is.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use temoin::messages::Lang;
use temoin::pipeline::watch::Desk;
use temoin::popups::extension::{self, Forwarder, HOST};
use temoin::vault::Vault;

/// The host: announcements in on standard input, passed to the running Témoin, or stored here
/// when none runs. What it says goes to standard error, which the browser keeps in its log.
pub fn host() -> ExitCode {
    let mut forward = Forwarder::new(extension::socket_path());
    let mut here: Option<(Vault, Desk)> = None;
    let mut input = std::io::stdin().lock();
    let code = loop {
        match extension::read_message(&mut input) {
            Ok(None) => break ExitCode::SUCCESS,
            Ok(Some(a)) => {
                let Some(d) = a.detection() else { continue };
                if forward.forward(&a) {
                    continue;
                }
                if here.is_none() {
                    match open_here() {
                        Ok(h) => here = Some(h),
                        Err(e) => {
                            eprintln!("temoin (extension) : {e:#}");
                            break ExitCode::from(2);
                        }
                    }
                }
                let (vault, desk) = here.as_mut().expect("opened");
                for e in desk.detection(&d, false).0 {
                    if let Err(e) = vault.append(&e) {
                        eprintln!("temoin (extension) : {e}");
                    }
                }
            }
            Err(e) => {
                eprintln!("temoin (extension) : {e}");
                break ExitCode::from(2);
            }
        }
    };
    if let Some((mut vault, mut desk)) = here {
        for e in desk.flush() {
            let _ = vault.append(&e);
        }
    }
    code
}

fn open_here() -> anyhow::Result<(Vault, Desk)> {
    let path = std::env::var_os("TEMOIN_VAULT")
        .map(PathBuf::from)
        .or_else(Vault::default_path)
        .ok_or_else(|| anyhow::anyhow!("no vault path"))?;
    let mut vault = Vault::open(&path)?;
    vault.set_program(temoin::vault::Program::ExtensionHost);
    vault.writable()?;
    let rules = crate::cli::popup::rules_file(Lang::default());
    Ok((vault, Desk::new(rules, false)))
}

/// Where each browser looks for native-messaging hosts of this user: (browser, folder, Firefox?).
fn host_folders() -> Vec<(&'static str, PathBuf, bool)> {
    let mut out = Vec::new();
    if let Some(c) = dirs::config_dir() {
        for (name, dir) in [
            ("Chromium", "chromium"),
            ("Google Chrome", "google-chrome"),
            ("Microsoft Edge", "microsoft-edge"),
            ("Brave", "BraveSoftware/Brave-Browser"),
        ] {
            out.push((name, c.join(dir).join("NativeMessagingHosts"), false));
        }
    }
    if let Some(h) = dirs::home_dir() {
        out.push(("Firefox", h.join(".mozilla/native-messaging-hosts"), true));
    }
    out
}

/// The extension's folder: `TEMOIN_EXTENSION`, installed beside the program's data, or the
/// checkout's.
fn extension_folder() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TEMOIN_EXTENSION") {
        return Some(PathBuf::from(p));
    }
    let mut candidates = vec![PathBuf::from("/usr/share/temoin/extension")];
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).take(4).map(|d| d.join("extension")));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("extension"));
    candidates
        .into_iter()
        .find(|d| d.join("manifest.json").is_file())
}

/// Registers the host with the user's browsers and says how to add the extension.
pub fn install(lang: Lang) -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe()?;
    for (browser, folder, firefox) in host_folders() {
        std::fs::create_dir_all(&folder)?;
        let file = folder.join(format!("{HOST}.json"));
        std::fs::write(&file, extension::host_manifest(&exe, firefox))?;
        println!(
            "{}",
            temoin::t!(lang, "cli-extension-host-for", "browser" => browser, "file" => &file)
        );
    }
    let folder = extension_folder();
    match folder {
        Some(f) => println!(
            "{}",
            temoin::t!(lang, "cli-extension-registered", "folder" => &f)
        ),
        None => println!("{}", temoin::t!(lang, "cli-extension-no-folder")),
    }
    Ok(ExitCode::SUCCESS)
}
