//! The works council's desk in the window: keys registered from photos of the QR codes workers'
//! windows draw, twelve real exports pooled with their verdicts and figures (the same as
//! `temoin aggregate --json`), the report signed, saved and opened in a real Chromium.

use std::path::Path;
use std::time::Duration;

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::bench::{desk_with, twelve_exports};
use crate::common::*;
use temoin::evidence::identity::PublicKey;
use temoin::evidence::register::qr_text;
use temoin::gui::council::{Desk, Tab};
use temoin::messages::Lang;

/// A photo of a worker's screen showing their key's QR code, as the window draws it: on a
/// textured desk, with a grey cast (PNG or JPEG by the name).
fn photo_of(key: &PublicKey, path: &Path) {
    let qr = temoin::gui::checkpoint::qr_image(&qr_text(key), 6).unwrap();
    let [w, h] = qr.size;
    let mut img = image::GrayImage::from_fn(1000, 750, |x, y| {
        image::Luma([150 + ((x * 7 + y * 13) % 40) as u8])
    });
    for y in 0..h {
        for x in 0..w {
            let dark = qr.pixels[y * w + x].r() < 128;
            img.put_pixel(
                x as u32 + 260,
                y as u32 + 140,
                image::Luma([if dark { 35 } else { 225 }]),
            );
        }
    }
    img.save(path).unwrap();
}

/// Steps the desk until `done` holds (its work runs on threads).
fn until(h: &mut Harness<'_, Desk>, done: impl Fn(&Desk) -> bool) {
    for _ in 0..800 {
        h.step();
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("never happened");
}

fn unlocked_desk(desk: &Path) -> Harness<'static, Desk> {
    let mut h = Harness::builder()
        .with_size(eframe::egui::vec2(520.0, 1800.0))
        .build_ui_state(
            |ui, d: &mut Desk| d.show(ui),
            Desk::new(desk.to_path_buf(), None, Lang::Fr),
        );
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Phrase de passe")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Phrase de passe")
        .type_text(PASS);
    h.run();
    h.get_by_label("Ouvrir").click();
    until(&mut h, |d| d.lock.session.is_some());
    h
}

const PHOTO: &str = "Ou une photo du QR (chemin du fichier, ou déposez la photo sur la fenêtre)";

#[test]
fn a_council_registers_five_workers_from_qr_photos_and_pools_twelve_exports() {
    let root = tempfile::tempdir().unwrap();
    let bench = twelve_exports(root.path());
    let desk = root.path().join("cse.db");
    desk_with(&desk, &[]);
    let mut h = unlocked_desk(&desk);
    assert!(h.query_by_label_contains("Aucune clé au registre").is_some());
    // Five photos of five workers' screens, one a JPEG.
    for (i, key) in bench.registered.iter().enumerate() {
        let photo = root
            .path()
            .join(format!("qr-{i}.{}", if i == 2 { "jpg" } else { "png" }));
        photo_of(key, &photo);
        h.state_mut().register.photo.clear();
        h.get_by_label(PHOTO).focus();
        h.run();
        h.get_by_label(PHOTO).type_text(&photo.display().to_string());
        h.run();
        h.get_by_label("Lire la photo").click();
        until(&mut h, |d| !d.register.busy() && !d.lock.busy());
        let said = h.state().register.message.as_deref().unwrap_or_default().to_string();
        assert!(said.contains("enregistrée"), "photo {i}: {said}");
    }
    until(&mut h, |d| {
        d.lock
            .session
            .as_ref()
            .is_some_and(|s| temoin::evidence::register::entries(&s.events).len() == 5)
    });
    assert!(h.query_by_label_contains("5 clés au registre").is_some());
    // The same key typed again is not registered twice; a code mistyped is said, nothing added.
    for (typed, said) in [
        (bench.registered[0].fingerprint(), "déjà au registre"),
        ("1a2b 3c4d".to_string(), "pas le code d'une clé"),
    ] {
        h.get_by_label("Code affiché sous le QR (32 chiffres et lettres)")
            .focus();
        h.run();
        h.get_by_label("Code affiché sous le QR (32 chiffres et lettres)")
            .type_text(&typed);
        h.run();
        h.get_by_label("Ajouter ce code").click();
        until(&mut h, |d| !d.register.busy());
        let msg = h.state().register.message.as_deref().unwrap_or_default().to_string();
        assert!(msg.contains(said), "{msg}");
    }
    // A photo with no QR code, and a file that is not an image.
    let blank = root.path().join("mur.png");
    image::GrayImage::from_pixel(400, 300, image::Luma([180])).save(&blank).unwrap();
    for (file, said) in [(&blank, "Aucun QR"), (&desk, "pas une image lisible")] {
        h.state_mut().register.photo = file.display().to_string();
        h.get_by_label("Lire la photo").click();
        until(&mut h, |d| !d.register.busy());
        let msg = h.state().register.message.as_deref().unwrap_or_default().to_string();
        assert!(msg.contains(said), "{msg}");
    }
    let events = stored_events(&desk);
    assert_eq!(events.len(), 5, "only the five keys: {events:?}");

    // Pooling the folder: each file's verdict, never its name; the figures as they come.
    h.get_by_label("Réunir les exports").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Pool);
    h.get_by_label("Dossier ou fichiers des exports (un par ligne)")
        .focus();
    h.run();
    h.get_by_label("Dossier ou fichiers des exports (un par ligne)")
        .type_text(&bench.exports.display().to_string());
    h.run();
    h.get_by_label("Vérifier et réunir").click();
    until(&mut h, |d| d.pool.report().is_some());
    assert!(h.query_by_label_contains("12 fichier(s) vérifié(s) sur 12").is_some());
    let count = |h: &Harness<'_, Desk>, said: &str| h.query_all_by_label_contains(said).count();
    assert_eq!(count(&h, "intact, compté"), 9);
    assert_eq!(count(&h, ": pas intact"), 2);
    assert_eq!(count(&h, "clé non enregistrée"), 1);
    assert_eq!(count(&h, "export-"), 0, "a file's name shown");
    assert!(h.query_by_label_contains("5 personnes, du").is_some());
    // Apologies came from two workers only: withheld, said so.
    assert!(h.query_by_label("moins de 5 personnes").is_some());
    // The figures are the command line's, on the same files and the same desk.
    let (code, out, err) = run(temoin_in(root.path())
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["aggregate", "--json", "--out"])
        .arg(root.path().join("cli.html"))
        .arg("--registre")
        .arg(&desk)
        .arg(&bench.exports));
    assert_eq!(code, 0, "{err}");
    let cli: serde_json::Value = serde_json::from_str(&out).unwrap();
    let window = temoin::evidence::aggregate::json(&h.state().pool.report().unwrap());
    assert_eq!(window, cli);
    assert_eq!(window["workers"], 5);

    // The report, signed by the desk's key, saved and opened in a real Chromium.
    let page = root.path().join("releve-cse.html");
    let shot = root.path().join("releve-cse.png");
    h.state_mut().pool.out = page.display().to_string();
    let profile = root.path().join("chromium");
    h.state_mut().pool.browser = Some(format!(
        "chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir={} \
         --window-size=900,2400 --screenshot={} file://%s",
        profile.display(),
        shot.display()
    ));
    h.get_by_label("Signer, enregistrer et ouvrir le relevé").click();
    until(&mut h, |d| !d.pool.busy());
    let said = h.state().pool.message.as_deref().unwrap_or_default().to_string();
    assert!(said.contains("ouvert dans le navigateur"), "{said}");
    let (code, verdict, _) = run(temoin_in(root.path()).arg("verify").arg(&page));
    assert_eq!(code, 0, "{verdict}");
    let council = h.state().lock.session.as_ref().unwrap().who.1.clone();
    assert!(verdict.contains(&council), "{verdict}");
    assert!(
        crate::desktop::wait_until(Duration::from_secs(60), || shot.exists()),
        "Chromium did not draw the report"
    );
    let _ = std::fs::copy(
        &shot,
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("cse-releve-chromium.png"),
    );
}
