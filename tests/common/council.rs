//! A works council's bench: six workers' real vaults and twelve real exports of them, as a
//! council receives them (two tampered with, one from a key never registered, one daily).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::DateTime;
use temoin::events::{Event, EventKind, PopupCategory, PopupSeen};
use temoin::evidence::identity::PublicKey;
use temoin::vault::Vault;

use crate::common::{PASS, run, temoin};

pub struct Bench {
    /// The folder of the twelve exports.
    pub exports: PathBuf,
    /// The keys of the five workers who registered in person.
    pub registered: Vec<PublicKey>,
    /// The key of the sixth, who did not.
    pub stranger: PublicKey,
}

fn popup(at: &str, category: PopupCategory, flag: bool) -> Event {
    Event {
        at: DateTime::parse_from_rfc3339(at).unwrap(),
        kind: EventKind::PopupSeen(PopupSeen {
            text: Some("Client frustré : soyez plus empathique".into()),
            category: Some(category),
            emotion_flag: flag,
            count: 1,
            ..Default::default()
        }),
    }
}

pub fn export(vault: &Path, out: &Path, level: &str) {
    let (code, _, err) = run(temoin(vault)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", level, "--out"])
        .arg(out));
    assert_eq!(code, 0, "{err}");
}

/// The key that signed an export.
pub fn key_of(export: &Path) -> PublicKey {
    let b: serde_json::Value = serde_json::from_slice(&std::fs::read(export).unwrap()).unwrap();
    PublicKey::from_slice(
        &temoin::evidence::merkle::from_hex(b["worker"]["public_key"].as_str().unwrap()).unwrap(),
    )
    .unwrap()
}

/// Changes one figure of an export as someone who wanted fewer pop-ups would.
fn tamper(from: &Path, to: &Path) {
    let mut b: serde_json::Value = serde_json::from_slice(&std::fs::read(from).unwrap()).unwrap();
    if let Some(a) = b["aggregates"].get_mut(0) {
        a["popups"] = 0.into();
    } else {
        let e = b["events"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e.to_string().contains("\"emotion_flag\":true"))
            .expect("a flagged pop-up");
        let text = e
            .to_string()
            .replace("\"emotion_flag\":true", "\"emotion_flag\":false");
        *e = serde_json::from_str(&text).unwrap();
    }
    std::fs::write(to, serde_json::to_vec_pretty(&b).unwrap()).unwrap();
}

/// Six workers (two pop-ups each on a Monday morning, one inferring emotions; two of them one
/// more in the evening) and twelve exports in `dir/exports`: each of the five registered
/// workers hourly, three of them again with every event, one of them daily, two copies altered,
/// and the sixth worker's.
pub fn twelve_exports(dir: &Path) -> Bench {
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let mut vaults = Vec::new();
    for w in 0..6 {
        let path = dir.join(format!("w{w}.db"));
        let (mut vault, _) = Vault::create(&path, PASS).unwrap();
        vault
            .append(&popup(
                "2026-11-02T10:05:00+01:00",
                PopupCategory::PaceFaster,
                false,
            ))
            .unwrap();
        vault
            .append(&popup(
                "2026-11-02T10:40:00+01:00",
                PopupCategory::Empathy,
                true,
            ))
            .unwrap();
        if w < 2 {
            vault
                .append(&popup(
                    "2026-11-02T21:10:00+01:00",
                    PopupCategory::Apology,
                    false,
                ))
                .unwrap();
        }
        vaults.push(path);
    }
    let file = |n: usize| exports.join(format!("export-{n:02}.json"));
    for (w, v) in vaults.iter().take(5).enumerate() {
        export(v, &file(w + 1), "hourly");
    }
    for (w, v) in vaults.iter().take(3).enumerate() {
        export(v, &file(w + 6), "events");
    }
    export(&vaults[3], &file(9), "daily");
    tamper(&file(5), &file(10));
    tamper(&file(7), &file(11));
    export(&vaults[5], &file(12), "hourly");
    Bench {
        registered: (1..=5).map(|n| key_of(&file(n))).collect(),
        stranger: key_of(&file(12)),
        exports,
    }
}

/// A council's desk (a vault of its own) with these keys registered, as its window writes them
/// (each entry signed by the desk's key).
pub fn desk_with(path: &Path, keys: &[PublicKey]) {
    let (mut desk, _) = Vault::create(path, PASS).unwrap();
    let key = desk.unlock(PASS).unwrap().signing_key(None);
    for k in keys {
        desk.append(&Event::now(temoin::evidence::register::signed(
            &key,
            true,
            &k.fingerprint(),
        )))
        .unwrap();
    }
}
