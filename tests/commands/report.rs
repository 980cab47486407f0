//! Reports against the real thing: a worker's report and a council's pooled report from twelve
//! real vaults' exports, opened in headless Chromium (a screenshot must show the charts, and the
//! page must load nothing and log no error).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use chrono::DateTime;
use temoin::events::{Event, EventKind, PopupCategory, PopupSeen};
use temoin::vault::Vault;

fn popup(at: &str, category: PopupCategory, flag: bool) -> Event {
    Event {
        at: DateTime::parse_from_rfc3339(at).unwrap(),
        kind: EventKind::PopupSeen(PopupSeen {
            text: Some("Client M. Dupont frustré : soyez plus empathique".into()),
            category: Some(category),
            emotion_flag: flag,
            count: 1,
            ..Default::default()
        }),
    }
}

fn export(path: &Path, out: &Path, level: &str) {
    let (code, _, err) = run(temoin(path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", level, "--out"])
        .arg(out));
    assert_eq!(code, 0, "{err}");
}

/// Loads the page in headless Chromium: its DOM, a screenshot, and what the browser logged.
fn chromium(page: &Path, dir: &Path) -> (String, PathBuf, String) {
    let shot = dir.join("shot.png");
    let url = format!("file://{}", page.display());
    let base = |c: &mut Command| {
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()));
    };
    let mut dom = Command::new("chromium");
    base(&mut dom);
    let out = dom
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium (scripts/setup installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut sc = Command::new("chromium");
    base(&mut sc);
    let shot_out = sc
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=900,2600")
        .arg(&url)
        .output()
        .unwrap();
    assert!(shot_out.status.success());
    let log = String::from_utf8_lossy(&out.stderr).into_owned()
        + &String::from_utf8_lossy(&shot_out.stderr);
    (String::from_utf8_lossy(&out.stdout).into_owned(), shot, log)
}

/// Share of the screenshot's pixels that are neither white nor near white.
fn inked(png_path: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    let data = &buf[..info.buffer_size()];
    let n = data.len() / px;
    let inked = data
        .chunks(px)
        .filter(|p| p[..3].iter().any(|c| *c < 200))
        .count();
    inked as f64 / n as f64
}

#[test]
fn a_workers_report_opens_in_chromium_with_its_charts() {
    let (dir, path, mut vault, _) = new_vault();
    for day in ["2026-11-02", "2026-11-03"] {
        for (h, c, f) in [
            ("09", PopupCategory::PaceFaster, false),
            ("10", PopupCategory::Empathy, true),
            ("14", PopupCategory::CustomerSentiment, true),
        ] {
            vault
                .append(&popup(&format!("{day}T{h}:15:00+01:00"), c, f))
                .unwrap();
        }
    }
    // The sound lost for twelve minutes one afternoon: the record says so.
    use temoin::events::PauseReason;
    for (at, kind) in [
        (
            "2026-11-03T15:02:00+01:00",
            EventKind::MonitoringPaused {
                reason: PauseReason::SoundLost,
            },
        ),
        ("2026-11-03T15:14:00+01:00", EventKind::MonitoringResumed),
    ] {
        vault
            .append(&Event {
                at: DateTime::parse_from_rfc3339(at).unwrap(),
                kind,
            })
            .unwrap();
    }
    drop(vault);
    let page = dir.path().join("releve.html");
    let (code, out, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args([
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
        ])
        .arg(&page));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Relevé écrit"), "{out}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("<b>6</b> pop-ups") || html.contains("<b>6</b>"),
        "six pop-ups"
    );
    assert!(html.contains("<b>4</b> montrent"), "four flagged");
    assert!(html.contains("art. 5(1)(f)"));
    assert!(html.contains("Méthode"));
    assert!(html.contains("Couverture de l&#39;écoute") || html.contains("Couverture de l'écoute"));
    assert!(
        html.contains("Une interruption de l") && html.contains("12 min en tout"),
        "{html}"
    );
    assert!(
        html.contains("son perdu le 03/11/2026 de 15:02 à 15:14"),
        "the gap with its day and hours"
    );
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert!(
        !html.contains("Dupont"),
        "pop-up texts stay out of the report"
    );

    let (dom, shot, log) = chromium(&page, dir.path());
    assert!(dom.matches("<svg").count() >= 5, "charts in the DOM");
    assert!(dom.matches("<rect").count() >= 10, "bars in the charts");
    assert!(!log.contains("CONSOLE"), "console output: {log}");
    assert!(!log.contains("Failed to load"), "{log}");
    let ink = inked(&shot);
    assert!(ink > 0.02, "the page is blank ({ink})");
}

#[test]
fn twelve_workers_pool_without_exposing_anyone_and_small_cells_are_suppressed() {
    let root = tempfile::tempdir().unwrap();
    let exports = root.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let mut secrets: Vec<String> = Vec::new();
    for w in 0..12 {
        let path = root.path().join(format!("w{w}.db"));
        let (mut vault, _) = Vault::create(&path, PASS).unwrap();
        // Everyone: two pop-ups at 10h on Monday, one flagged.
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
        // Only three of them: a pop-up late on Tuesday evening; two: an apology cue.
        if w < 3 {
            vault
                .append(&popup(
                    "2026-11-03T22:10:00+01:00",
                    PopupCategory::Empathy,
                    true,
                ))
                .unwrap();
        }
        if w < 2 {
            vault
                .append(&popup(
                    "2026-11-02T10:50:00+01:00",
                    PopupCategory::Apology,
                    false,
                ))
                .unwrap();
        }
        drop(vault);
        let file = exports.join(format!("export-{w}.json"));
        export(&path, &file, if w % 2 == 0 { "events" } else { "hourly" });
        // One worker sends a second, overlapping export: still one worker.
        if w == 5 {
            export(&path, &exports.join("export-5-again.json"), "events");
        }
        let b: serde_json::Value = serde_json::from_slice(&bytes(&file)).unwrap();
        secrets.push(b["worker"]["pseudonym"].as_str().unwrap().into());
        secrets.push(b["worker"]["public_key"].as_str().unwrap().into());
        let key = temoin::evidence::identity::PublicKey::from_slice(
            &temoin::evidence::merkle::from_hex(b["worker"]["public_key"].as_str().unwrap())
                .unwrap(),
        )
        .unwrap();
        secrets.push(key.fingerprint());
    }
    // A forged export (a pop-up removed by hand) and a file that is not one.
    let honest = std::fs::read_to_string(exports.join("export-0.json")).unwrap();
    let forged = honest.replacen("\"emotion_flag\":true", "\"emotion_flag\":false", 1);
    assert_ne!(forged, honest);
    std::fs::write(exports.join("forged.json"), forged).unwrap();
    std::fs::write(exports.join("notes.json"), "{\"courses\": [\"pain\"]}").unwrap();

    // The council's register: the twelve fingerprints, read out in person.
    let register = root.path().join("registre.txt");
    let fingerprints: Vec<&String> = secrets.iter().skip(2).step_by(3).collect();
    std::fs::write(
        &register,
        format!(
            "# Registre du CSE, rempli en personne\n{}\n",
            fingerprints
                .iter()
                .map(|f| f.to_uppercase())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    )
    .unwrap();
    let page = root.path().join("cse.html");
    let (code, out, err) = run(temoin_in(root.path())
        .args(["aggregate", "--json", "--out"])
        .arg(&page)
        .arg("--registre")
        .arg(&register)
        .arg(&exports));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("forged.json") && err.contains("a été modifié"),
        "{err}"
    );
    assert!(
        err.contains("notes.json") && err.contains("pas un export"),
        "{err}"
    );
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["workers"], 12, "{out}");
    assert_eq!(
        j["popups"]["value"],
        24.0 + 3.0 + 2.0,
        "each worker once: {out}"
    );
    assert_eq!(j["emotion_flagged"]["value"], 15.0);
    assert_eq!(j["by_hour_of_day"][10]["value"], 24.0 + 2.0);
    assert_eq!(
        j["by_hour_of_day"][22]["suppressed"], true,
        "three workers only"
    );
    // Ten workers present 35 min in the 10 o'clock hour, two of them 45 min.
    let rate = j["by_hour_of_day"][10]["per_worker_hour"].as_f64().unwrap();
    assert!((rate - 26.0 / (440.0 / 60.0)).abs() < 1e-9, "{rate}");
    assert!(j["by_hour_of_day"][22]["per_worker_hour"].is_null());
    let share = j["emotion_flagged_share"]["value"].as_f64().unwrap();
    assert!((share - 15.0 / 29.0).abs() < 1e-9, "{share}");
    assert_eq!(
        j["by_category"]["apology"]["suppressed"], true,
        "two workers only"
    );
    assert_eq!(j["by_category"]["pace_faster"]["value"], 12.0);
    let days = j["by_day"].as_array().unwrap();
    assert_eq!(days[0]["popups"]["value"], 26.0);
    assert_eq!(days[1]["popups"]["suppressed"], true);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("&lt; 5"));
    assert!(html.contains("12 personnes"));
    for s in &secrets {
        assert!(
            !out.contains(s.as_str()) && !html.contains(s.as_str()),
            "{s} exposed"
        );
    }
    // Under five workers, every figure is suppressed, and four fresh keys made up for the purpose
    // do not lift the cells: they are not in the register.
    let few = root.path().join("few");
    std::fs::create_dir(&few).unwrap();
    for w in 0..4 {
        std::fs::copy(
            exports.join(format!("export-{w}.json")),
            few.join(format!("{w}.json")),
        )
        .unwrap();
        let path = root.path().join(format!("fresh{w}.db"));
        let (mut vault, _) = Vault::create(&path, PASS).unwrap();
        vault
            .append(&popup(
                "2026-11-02T10:05:00+01:00",
                PopupCategory::PaceFaster,
                false,
            ))
            .unwrap();
        drop(vault);
        export(&path, &few.join(format!("fresh-{w}.json")), "events");
    }
    let (code, out, err) = run(temoin_in(root.path())
        .args(["aggregate", "--json", "--out"])
        .arg(root.path().join("few.html"))
        .arg("--registre")
        .arg(&register)
        .arg(&few));
    assert_eq!(code, 0);
    assert_eq!(
        err.matches("clé non enregistrée au registre du CSE")
            .count(),
        4,
        "{err}"
    );
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["popups"]["suppressed"], true);
    assert!(
        j["by_hour_of_day"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["suppressed"] == true)
    );
    // An empty folder says so.
    let empty = root.path().join("vide");
    std::fs::create_dir(&empty).unwrap();
    let (code, _, err) = run(temoin_in(root.path())
        .args(["aggregate", "--sans-registre", "--out"])
        .arg(root.path().join("x.html"))
        .arg(&empty));
    assert_eq!(code, 2);
    assert!(err.contains("Aucun export"), "{err}");
    // Without a register, the council must say so; a register line that is not a fingerprint is
    // named.
    let (code, _, err) = run(temoin_in(root.path())
        .args(["aggregate", "--out"])
        .arg(root.path().join("x.html"))
        .arg(&few));
    assert_eq!(code, 2, "{err}");
    std::fs::write(&register, "abcd\n").unwrap();
    let (code, _, err) = run(temoin_in(root.path())
        .args(["aggregate", "--out"])
        .arg(root.path().join("x.html"))
        .arg("--registre")
        .arg(&register)
        .arg(&few));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("la ligne 1 n'est pas une empreinte"), "{err}");
}
