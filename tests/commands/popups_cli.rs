//! Pop-ups without a desktop: the classifier on a table of real cues, the rules file, and manual
//! pop-ups through the real `temoin` binary into a real vault.

use crate::common::*;
use temoin::events::{EventKind, PopupCategory};
use temoin::popups::{Rules, classify};

/// `tests/data/cues.tsv`: text, category, flag.
fn cues() -> Vec<(String, PopupCategory, bool)> {
    let table =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cues.tsv"))
            .unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("text\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let category = serde_json::from_value(serde_json::Value::String(f[1].into())).unwrap();
            (f[0].to_string(), category, f[2] == "true")
        })
        .collect()
}

#[test]
fn the_classifier_gets_every_cue_of_the_table() {
    let rules = Rules::default();
    let cues = cues();
    assert!(cues.len() >= 60, "{} cues", cues.len());
    let wrong: Vec<String> = cues
        .iter()
        .filter_map(|(text, category, flag)| {
            let c = classify(&rules, text);
            (c.category != *category || c.emotion_flag != *flag).then(|| {
                format!(
                    "{text:?}: got {:?}/{} (reasons {:?}), want {category:?}/{flag}",
                    c.category, c.emotion_flag, c.reason
                )
            })
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        cues.len(),
        wrong.join("\n")
    );
    // Every flag is explained by the words that set it.
    for (text, _, flag) in &cues {
        if *flag {
            assert!(!classify(&rules, text).reason.is_empty(), "{text}");
        }
    }
}

#[test]
fn rules_test_prints_json_and_a_bad_file_says_where() {
    let (d, path) = temp_vault_path();
    let config = d.path().join("settings.json");
    let (code, out, err) = run(temoin(&path).env("TEMOIN_CONFIG", &config).args([
        "popup",
        "rules",
        "--test",
        "Client frustré détecté",
        "--json",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["category"], "customer_sentiment");
    assert_eq!(v["emotion_flag"], true);
    assert_eq!(v["reason"][0], "frustré");

    std::fs::write(
        d.path().join("popups.toml"),
        "[sources]\nocr = false\nfenetres = oui\n",
    )
    .unwrap();
    let (code, _, err) = run(temoin(&path).env("TEMOIN_CONFIG", &config).args([
        "popup",
        "rules",
        "--test",
        "Parlez plus vite",
    ]));
    assert_eq!(code, 1);
    assert!(err.contains("ligne 3, colonne 12"), "{err}");
    assert!(err.contains("popups.toml"), "{err}");
}

#[test]
fn a_manual_popup_is_stored_masked_without_the_passphrase() {
    let (d, path) = temp_vault_path();
    let config = d.path().join("settings.json");
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(temoin(&path).env("TEMOIN_CONFIG", &config).args([
        "popup",
        "Client Jean Dupont mécontent, rappeler au 06 12 34 56 78 : excusez-vous",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Pop-up enregistré (n° 1)"), "{out}");
    // One key press is enough: no text, no category.
    let (code, out, err) = run(temoin(&path).env("TEMOIN_CONFIG", &config).arg("popup"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Sans catégorie"), "{out}");
    // ... and the category later, by the time shown.
    let time = out
        .split("temoin popup classer ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_CONFIG", &config)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "classer", time, "overtalk"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("parole simultanée"), "{out}");
    let (code, _, err) =
        run(temoin(&path)
            .env("TEMOIN_CONFIG", &config)
            .args(["popup", "--category", "thanks"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) =
        run(temoin(&path)
            .env("TEMOIN_CONFIG", &config)
            .args(["popup", "--category", "vitesse"]));
    assert_eq!(code, 2, "{err}");

    let vault = temoin::vault::Vault::open(&path).unwrap();
    let events = vault.unlock(PASS).unwrap().events().unwrap();
    let popups: Vec<_> = events
        .into_iter()
        .filter_map(|e| match e.event.unwrap().kind {
            EventKind::PopupSeen(p) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(popups.len(), 3);
    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(listed[1]["category"], "overtalk", "{out}");
    assert_eq!(
        listed[0]["text"],
        "Client [nom] mécontent, rappeler au [téléphone] : excusez-vous"
    );
    let first = &popups[0];
    assert_eq!(first.category, Some(PopupCategory::Apology));
    assert!(first.emotion_flag, "mécontent shows inferred emotion");
    let text = first.text.as_deref().unwrap();
    assert_eq!(
        text,
        "Client [nom] mécontent, rappeler au [téléphone] : excusez-vous"
    );
    assert_eq!(popups[1].category, None);
    assert_eq!(popups[2].category, Some(PopupCategory::Thanks));
    assert!(!bytes(&path).windows(6).any(|w| w == b"Dupont"));
}

/// An emotion category raises the flag however it is given: with the pop-up (`--category
/// empathy`), or later (`popup classer … customer_sentiment`); `popup list`, the export and the
/// worker's report all count them.
#[test]
fn an_emotion_category_flags_the_popup_everywhere() {
    let (d, path) = temp_vault_path();
    let config = d.path().join("settings.json");
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let popup = |args: &[&str]| {
        let (code, out, err) = run(temoin(&path)
            .env("TEMOIN_CONFIG", &config)
            .arg("popup")
            .args(args));
        assert_eq!(code, 0, "{err}");
        out
    };
    popup(&["--category", "empathy"]);
    let out = popup(&[]);
    let number = out
        .split("temoin popup classer ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_CONFIG", &config)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "classer", &number, "customer_sentiment"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("pop-up n° {number}")), "{out}");
    popup(&["--category", "thanks"]);

    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let flags: Vec<bool> = (0..3)
        .map(|k| listed[k]["emotion_flag"].as_bool().unwrap())
        .collect();
    assert_eq!(flags, [true, true, false], "{out}");

    let today = chrono::Local::now().date_naive().to_string();
    let export = d.path().join("export.json");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args([
            "export", "--level", "daily", "--from", &today, "--to", &today, "--out",
        ])
        .arg(&export));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&export).unwrap();
    assert!(
        text.contains("\"emotion_flagged\":2") || text.contains("\"emotion_flagged\": 2"),
        "{text}"
    );
}

/// `popup classer` names one pop-up: three logged in the same second are not relabelled
/// together; a time shared by several is refused with the candidates listed; a number or a time
/// that names none is refused; categories go by their French names too.
#[test]
fn classer_names_one_popup_and_refuses_what_is_ambiguous_or_absent() {
    let (d, path) = temp_vault_path();
    let config = d.path().join("settings.json");
    let (code, _, err) = run(temoin(&path).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let classer = |args: &[&str]| {
        run(temoin(&path)
            .env("TEMOIN_CONFIG", &config)
            .env("TEMOIN_PASSPHRASE", PASS)
            .args(["popup", "classer"])
            .args(args))
    };
    // Three pop-ups in one second, stored straight into the vault.
    let at = chrono::Local::now().fixed_offset();
    let mut vault = temoin::vault::Vault::open(&path).unwrap();
    for (k, text) in ["Parlez plus vite", "Pensez à remercier", "Restez calme"]
        .into_iter()
        .enumerate()
    {
        vault
            .append(&temoin::events::Event {
                at: at + chrono::Duration::milliseconds(10 * k as i64),
                kind: EventKind::PopupSeen(temoin::events::PopupSeen {
                    text: Some(text.into()),
                    count: 1,
                    ..Default::default()
                }),
            })
            .unwrap();
    }
    drop(vault);
    let time = at.format("%H:%M:%S").to_string();
    let (code, _, err) = classer(&[&time, "silence"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("3 pop-ups à"), "{err}");
    assert!(
        err.contains("n° 1") && err.contains("n° 3"),
        "candidates listed: {err}"
    );
    let (code, _, err) = classer(&["99", "thanks"]);
    assert_eq!(code, 2);
    assert!(err.contains("Aucun pop-up « 99 »"), "{err}");
    let (code, _, err) = classer(&["2", "vitesse"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("remerciements (thanks)"),
        "the categories listed: {err}"
    );
    // By number, and by the category's French name.
    let (code, out, err) = classer(&["2", "remerciements"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("pop-up n° 2 : remerciements"), "{out}");
    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["popup", "list", "--json"]));
    assert_eq!(code, 0, "{err}");
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let categories: Vec<&serde_json::Value> = (0..3).map(|k| &listed[k]["category"]).collect();
    assert_eq!(categories[1], "thanks", "{out}");
    assert!(
        categories[0].is_null() && categories[2].is_null(),
        "only one relabelled: {out}"
    );
    assert_eq!(listed[1]["number"], 2);
}
