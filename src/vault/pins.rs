//! This PC's pins: each vault's anchor key (the key that signs what new events are sealed to),
//! recorded the first time the vault is opened here, in a file beside the settings. A vault whose
//! anchor is not its pin, or that lost its anchor, is refused: whoever swapped its keys in the
//! file (a restored or synced copy, a hand on the folder) does not get the next events.
//!
//! Not against whoever can write the settings folder too (they could change the pin as well);
//! that is said in the README's table of who can do what.

use super::VaultError;

/// The pins file: `vault-pins` beside the settings (`TEMOIN_CONFIG`'s folder).
fn file() -> Option<std::path::PathBuf> {
    crate::paths::beside("vault-pins")
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Checks `anchor` against the pin of `vault_id`, and pins it when there is none. A pins file
/// that cannot be read or written leaves the vault usable (the signature in the file still holds).
pub fn check(vault_id: &[u8], anchor: Option<&[u8]>) -> Result<(), VaultError> {
    let Some(path) = file() else { return Ok(()) };
    let id = hex(vault_id);
    let text = crate::paths::read_own_file(Some(&path))
        .ok()
        .flatten()
        .unwrap_or_default();
    let pinned = text.lines().find_map(|l| {
        let (v, a) = l.split_once(' ')?;
        (v == id).then(|| a.trim().to_string())
    });
    match (pinned, anchor) {
        (Some(p), Some(a)) if p == hex(a) => Ok(()),
        (Some(_), _) => Err(VaultError::KeysReplaced),
        (None, None) => Ok(()),
        (None, Some(a)) => {
            let mut text = text;
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!("{id} {}\n", hex(a)));
            if let Some(dir) = path.parent() {
                let _ = crate::paths::private_dir(dir);
            }
            let _ = crate::paths::write_private(&path, text.as_bytes());
            Ok(())
        }
    }
}
