//! The works council's desk from the command line: its register (a vault of its own) decides
//! which exports count, and its key signs the collective report, which `temoin verify` checks.

use crate::bench::{desk_with, twelve_exports};
use crate::common::*;
use temoin::events::{Event, EventKind};
use temoin::evidence::identity::PublicKey;
use temoin::evidence::register::signed;
use temoin::vault::Vault;

#[test]
fn the_council_desk_counts_registered_keys_once_and_signs_the_report() {
    let root = tempfile::tempdir().unwrap();
    let bench = twelve_exports(root.path());
    let desk = root.path().join("cse.db");
    desk_with(&desk, &bench.registered);
    // The sixth worker was registered, then taken out: still not counted. Then someone with the
    // desk's file but not its passphrase appends a registration of that key (writing needs no
    // passphrase; signing it does): not counted either.
    {
        let mut d = Vault::open(&desk).unwrap();
        let key = d.unlock(PASS).unwrap().signing_key(None);
        for kind in [
            signed(&key, true, &bench.stranger.fingerprint()),
            signed(&key, false, &bench.stranger.fingerprint().to_uppercase()),
        ] {
            d.append(&Event::now(kind)).unwrap();
        }
        drop(d);
        let mut d = Vault::open(&desk).unwrap();
        d.append(&Event::now(EventKind::KeyRegistered {
            fingerprint: bench.stranger.fingerprint(),
            signature: "00".repeat(64),
        }))
        .unwrap();
    }
    let council = PublicKey::of(
        &Vault::open(&desk)
            .unwrap()
            .unlock(PASS)
            .unwrap()
            .signing_key(None),
    );
    let page = root.path().join("cse.html");
    let (code, out, err) = run(temoin_in(root.path())
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["aggregate", "--json", "--out"])
        .arg(&page)
        .arg("--registre")
        .arg(&desk)
        .arg(&bench.exports));
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["workers"], 5, "{out}");
    assert_eq!(j["popups"]["value"], 12.0, "each worker once: {out}");
    assert_eq!(j["emotion_flagged"]["value"], 5.0, "{out}");
    assert_eq!(
        j["by_hour_of_day"][21]["suppressed"], true,
        "two workers only"
    );
    assert_eq!(err.matches("clé non enregistrée").count(), 1, "{err}");
    assert!(err.contains("export-12.json"), "{err}");
    assert!(
        err.contains("export-10.json") && err.contains("export-11.json"),
        "{err}"
    );
    // The same register as a list of fingerprints gives the same figures, unsigned.
    let list = root.path().join("registre.txt");
    std::fs::write(
        &list,
        bench
            .registered
            .iter()
            .map(|k| k.fingerprint())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let unsigned = root.path().join("cse-liste.html");
    let (code, out2, err) = run(temoin_in(root.path())
        .args(["aggregate", "--json", "--out"])
        .arg(&unsigned)
        .arg("--registre")
        .arg(&list)
        .arg(&bench.exports));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out2, out);
    // `--cse`: the desk where the window keeps it.
    let (code, out3, err) = run(temoin_in(root.path())
        .env("TEMOIN_PASSPHRASE", PASS)
        .env("TEMOIN_CSE", &desk)
        .args(["aggregate", "--json", "--cse", "--out"])
        .arg(root.path().join("cse2.html"))
        .arg(&bench.exports));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out3, out);
    // The report says what was pooled and what was left out, signed by the council's key; no
    // file's name.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("12 fichiers d'export : 9 comptés, de 5 personnes"),
        "{html}"
    );
    assert!(html.contains("3 fichiers écartés"), "{html}");
    assert!(html.contains(&council.fingerprint()), "{html}");
    assert!(
        !html.contains("export-") && !html.contains(".json"),
        "{html}"
    );
    let (code, said, _) = run(temoin_in(root.path()).arg("verify").arg(&page));
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("Relevé intact") && said.contains(&council.fingerprint()),
        "{said}"
    );
    // A figure changed after signing, and a report made without the desk, are said so.
    let forged = root.path().join("cse-modifie.html");
    std::fs::write(&forged, html.replacen("<b>12</b>", "<b>2</b>", 1)).unwrap();
    assert_ne!(std::fs::read_to_string(&forged).unwrap(), html);
    let (code, said, _) = run(temoin_in(root.path()).arg("verify").arg(&forged));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("PAS INTACT"), "{said}");
    let (code, said, _) = run(temoin_in(root.path()).arg("verify").arg(&unsigned));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("pas signé"), "{said}");
    // A wrong passphrase stops it, in French, and writes nothing.
    let (code, _, err) = run(temoin_in(root.path())
        .env("TEMOIN_PASSPHRASE", "pas la bonne phrase du tout")
        .args(["aggregate", "--out"])
        .arg(root.path().join("jamais.html"))
        .arg("--registre")
        .arg(&desk)
        .arg(&bench.exports));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("phrase de passe"), "{err}");
    assert!(!root.path().join("jamais.html").exists());
}
