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

/// What the register said last.
fn register_said(h: &Harness<'_, Desk>) -> String {
    h.state()
        .register
        .message
        .as_deref()
        .unwrap_or_default()
        .to_string()
}

/// Types `text` into the field labelled `label`, as from the keyboard.
fn type_into(h: &mut Harness<'_, Desk>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
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
    assert!(
        h.query_by_label_contains("Aucune clé au registre")
            .is_some()
    );
    // Five photos of five workers' screens, one a JPEG.
    for (i, key) in bench.registered.iter().enumerate() {
        let photo = root
            .path()
            .join(format!("qr-{i}.{}", if i == 2 { "jpg" } else { "png" }));
        photo_of(key, &photo);
        h.state_mut().register.photo.clear();
        type_into(&mut h, PHOTO, &photo.display().to_string());
        h.get_by_label("Lire la photo").click();
        until(&mut h, |d| !d.register.busy() && !d.lock.busy());
        let said = register_said(&h);
        assert!(said.contains("enregistrée"), "photo {i}: {said}");
    }
    until(&mut h, |d| {
        d.lock.session.as_ref().is_some_and(|s| {
            temoin::evidence::register::entries(&s.events, s.key.as_ref().unwrap())
                .listed
                .len()
                == 5
        })
    });
    assert!(h.query_by_label_contains("5 clés au registre").is_some());
    // The same key typed again is not registered twice; a code mistyped is said, nothing added.
    for (typed, said) in [
        (bench.registered[0].fingerprint(), "déjà au registre"),
        ("1a2b 3c4d".to_string(), "pas le code d'une clé"),
    ] {
        type_into(
            &mut h,
            "Code affiché sous le QR (32 chiffres et lettres)",
            &typed,
        );
        h.get_by_label("Ajouter ce code").click();
        until(&mut h, |d| !d.register.busy());
        let msg = register_said(&h);
        assert!(msg.contains(said), "{msg}");
    }
    // A photo with no QR code, and a file that is not an image.
    let blank = root.path().join("mur.png");
    image::GrayImage::from_pixel(400, 300, image::Luma([180]))
        .save(&blank)
        .unwrap();
    for (file, said) in [(&blank, "Aucun QR"), (&desk, "pas une image lisible")] {
        h.state_mut().register.photo = file.display().to_string();
        h.get_by_label("Lire la photo").click();
        until(&mut h, |d| !d.register.busy());
        let msg = register_said(&h);
        assert!(msg.contains(said), "{msg}");
    }
    let events = stored_events(&desk);
    assert_eq!(events.len(), 5, "only the five keys: {events:?}");
    // Someone with the desk's file but not its passphrase appends a registration of the sixth
    // worker's key (a vault takes rows without it): said in the window, never counted.
    temoin::vault::Vault::open(&desk)
        .unwrap()
        .append(&temoin::events::Event::now(
            temoin::events::EventKind::KeyRegistered {
                fingerprint: bench.stranger.fingerprint(),
                signature: "00".repeat(64),
            },
        ))
        .unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().lock.refresh(&ctx);
    until(&mut h, |d| {
        d.lock.session.as_ref().is_some_and(|s| s.events.len() == 6) && !d.lock.busy()
    });
    assert!(
        h.query_by_label_contains("n'est pas signée par la clé du CSE")
            .is_some()
    );
    assert!(h.query_by_label_contains("5 clés au registre").is_some());

    // Pooling the folder: each file's verdict, never its name; the figures as they come.
    h.get_by_label("Réunir les exports").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Pool);
    type_into(
        &mut h,
        "Dossier des exports (ou un fichier)",
        &bench.exports.display().to_string(),
    );
    h.get_by_label("Vérifier et réunir").click();
    until(&mut h, |d| d.pool.report().is_some());
    assert!(
        h.query_by_label_contains("12 sur 12 fichiers vérifiés")
            .is_some()
    );
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
    h.get_by_label("Signer, enregistrer et ouvrir le relevé")
        .click();
    until(&mut h, |d| !d.pool.busy());
    let said = h
        .state()
        .pool
        .message
        .as_deref()
        .unwrap_or_default()
        .to_string();
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

/// The real window in the « CSE » mode on Xvfb: the wizard offers the council's desk; the desk
/// opens with the passphrase typed on the keyboard, its register listed; the folder of exports
/// typed and pooled from the keyboard. Screenshots kept.
#[test]
fn the_council_desk_is_drawn_in_the_real_window() {
    use crate::gui::{close_app, grab, shoot, spawn_window, type_passphrase, xdotool};
    let desktop = crate::desktop::Desktop::start();
    let root = tempfile::tempdir().unwrap();
    let bench = twelve_exports(root.path());
    std::fs::write(
        desktop.dir.path().join("settings.json"),
        r#"{ "mode": "council" }"#,
    )
    .unwrap();
    let window_over = |desk: &Path| {
        let mut cmd = temoin(&root.path().join("pas-de-coffre.db"));
        cmd.args(["gui", "--no-listen"]).env("TEMOIN_CSE", desk);
        spawn_window(&desktop, cmd)
    };
    // No desk yet: the wizard, the council's choice made.
    let (app, window) = window_over(&root.path().join("nouveau-cse.db"));
    shoot(&desktop, window, "premier-lancement-cse");
    close_app(&desktop, window, app);
    let desk = root.path().join("cse.db");
    desk_with(&desk, &bench.registered);
    let (app, window) = window_over(&desk);
    let locked = shoot(&desktop, window, "cse-verrouille");
    assert!(
        type_passphrase(&desktop, window, &["95", "110", "80", "125"], &locked),
        "the desk did not open with the passphrase typed"
    );
    std::thread::sleep(Duration::from_millis(500));
    shoot(&desktop, window, "cse-registre");
    // « Réunir les exports », the second tab.
    let id = window.to_string();
    let before = grab(&desktop.display, window).2;
    let opened = [130, 115, 145].iter().any(|x| {
        xdotool(
            &desktop,
            &[
                "mousemove",
                "--window",
                &id,
                &x.to_string(),
                "18",
                "click",
                "1",
            ],
        );
        crate::desktop::wait_until(Duration::from_secs(3), || {
            let now = grab(&desktop.display, window).2;
            now.iter().zip(&before).filter(|(a, b)| a != b).count() > now.len() / 20
        })
    });
    assert!(opened, "the « Réunir les exports » tab did not open");
    std::thread::sleep(Duration::from_millis(500));
    let tab = shoot(&desktop, window, "cse-reunir-vide");
    // The folder typed in its field, then Enter, as from the keyboard.
    let pooled = ["138", "130", "146"].iter().any(|y| {
        xdotool(
            &desktop,
            &["mousemove", "--window", &id, "150", y, "click", "1"],
        );
        xdotool(
            &desktop,
            &["type", "--delay", "5", &bench.exports.display().to_string()],
        );
        xdotool(&desktop, &["key", "Return"]);
        crate::desktop::wait_until(Duration::from_secs(20), || {
            std::thread::sleep(Duration::from_millis(300));
            let now = grab(&desktop.display, window).2;
            now.iter().zip(&tab).filter(|(a, b)| a != b).count() > now.len() / 25
        })
    });
    std::thread::sleep(Duration::from_millis(800));
    shoot(&desktop, window, "cse-reunir");
    assert!(pooled, "the exports were not pooled from the keyboard");
    xdotool(&desktop, &["mousemove", "--window", &id, "200", "400"]);
    for _ in 0..8 {
        xdotool(&desktop, &["click", "5"]);
    }
    std::thread::sleep(Duration::from_millis(800));
    let figures = shoot(&desktop, window, "cse-reunir-chiffres");
    // « Réglages »: the council's key to publish, and the way back.
    xdotool(
        &desktop,
        &["mousemove", "--window", &id, "242", "18", "click", "1"],
    );
    crate::desktop::wait_until(Duration::from_secs(3), || {
        let now = grab(&desktop.display, window).2;
        now.iter().zip(&figures).filter(|(a, b)| a != b).count() > now.len() / 25
    });
    std::thread::sleep(Duration::from_millis(500));
    shoot(&desktop, window, "cse-reglages");
    close_app(&desktop, window, app);
}

/// A worker's « Preuves » › « Ma clé pour le CSE »: the QR as drawn reads back as the key that
/// signs their exports for the name typed, which is what the council registers.
#[test]
fn a_worker_shows_the_council_the_key_of_their_exports_for_it() {
    use temoin::gui::TemoinApp;
    let (_d, path, _, _) = new_vault();
    let app = TemoinApp::new(
        temoin::gui::today::Today::new(
            path.clone(),
            Lang::Fr,
            temoin::popups::RulesFile::open(None).unwrap(),
            None,
        ),
        temoin::gui::endofshift::EndOfShift::new(path.clone(), Lang::Fr),
    );
    let mut h = Harness::builder()
        .with_size(eframe::egui::vec2(480.0, 1000.0))
        .build_ui_state(|ui, a: &mut TemoinApp| a.show(ui), app);
    h.run();
    h.get_by_label("Preuves").click();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Phrase de passe")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Phrase de passe")
        .type_text(PASS);
    h.run();
    h.get_by_label("Ouvrir").click();
    let step_until = |h: &mut Harness<'_, TemoinApp>, done: &dyn Fn(&TemoinApp) -> bool| {
        for _ in 0..800 {
            h.step();
            if done(h.state()) {
                h.run();
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("never happened");
    };
    step_until(&mut h, &|a| a.lock.session.is_some());
    h.get_by_label("Ma clé pour le CSE").click();
    step_until(&mut h, &|a| a.evidence.my_key.key.is_some());
    let own = h.state().evidence.my_key.key.unwrap();
    assert!(h.query_by_label(&own.fingerprint()).is_some());
    // For the council by name: the key its exports « pour CSE Acme » are signed with.
    h.get_by_label("Pour qui (facultatif) :").focus();
    h.run();
    h.get_by_label("Pour qui (facultatif) :")
        .type_text("CSE Acme");
    h.run();
    step_until(&mut h, &|a| a.evidence.my_key.key.is_some_and(|k| k != own));
    let shown = h.state().evidence.my_key.key.unwrap();
    let export = path.with_file_name("pour-cse.json");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--for", "CSE Acme", "--out"])
        .arg(&export));
    assert_eq!(code, 0, "{err}");
    assert_eq!(shown, crate::bench::key_of(&export));
    // The QR as drawn reads back as that key's code.
    let img = temoin::gui::checkpoint::qr_image(&qr_text(&shown), 4).unwrap();
    let [w, ht] = img.size;
    let grey: Vec<u8> = img.pixels.iter().map(|p| p.r()).collect();
    let read = temoin::evidence::register::codes_in_grey(w, ht, &grey);
    assert_eq!(
        temoin::evidence::register::read_code(&read[0]),
        Ok(shown.fingerprint())
    );
}

/// The same in the real window: « Preuves » opened with the passphrase typed, then « Ma clé pour
/// le CSE »; the screenshot keeps the QR as a council member's camera sees it, and the QR read
/// back from the window's own pixels is the worker's key.
#[test]
fn a_workers_key_is_drawn_as_a_readable_qr_in_the_real_window() {
    use crate::gui::{close_app, grab, shoot, spawn_window, type_passphrase, xdotool};
    let desktop = crate::desktop::Desktop::start();
    let (_d, path, _, _) = new_vault();
    let key = PublicKey::of(
        &temoin::vault::Vault::open(&path)
            .unwrap()
            .unlock(PASS)
            .unwrap()
            .signing_key(None),
    );
    let mut cmd = temoin(&path);
    cmd.args(["gui", "--no-listen", "--vue", "preuves"]);
    let (app, window) = spawn_window(&desktop, cmd);
    let locked = shoot(&desktop, window, "preuves-ma-cle-verrouille");
    assert!(
        type_passphrase(&desktop, window, &["178", "172", "185", "165"], &locked),
        "« Preuves » did not open with the passphrase typed"
    );
    std::thread::sleep(Duration::from_millis(500));
    let id = window.to_string();
    let read = |px: &[u8], w: usize, h: usize| {
        let grey: Vec<u8> = px.chunks(4).map(|p| p[1]).collect();
        temoin::evidence::register::codes_in_grey(w, h, &grey)
    };
    let mut found = Vec::new();
    'tab: for x in ["268", "255", "282"] {
        for y in ["73", "69", "77"] {
            xdotool(
                &desktop,
                &["mousemove", "--window", &id, x, y, "click", "1"],
            );
            if crate::desktop::wait_until(Duration::from_secs(4), || {
                std::thread::sleep(Duration::from_millis(300));
                let (w, h, px) = grab(&desktop.display, window);
                found = read(&px, w.into(), h.into());
                !found.is_empty()
            }) {
                break 'tab;
            }
        }
    }
    shoot(&desktop, window, "preuves-ma-cle");
    assert_eq!(
        found,
        vec![qr_text(&key)],
        "the QR on screen is the worker's key"
    );
    close_app(&desktop, window, app);
}

/// A worker who is also a council member: « Réglages » › « Passer en mode CSE » stops listening
/// and opens the wizard of the council's desk (no microphone step); the desk made, the window is
/// the desk, and « Revenir au mode téléconseiller·e » brings the worker's views back, their vault
/// untouched. The choice is kept in the settings.
#[test]
fn the_window_goes_from_a_workers_views_to_the_council_desk_and_back() {
    use std::sync::Arc;
    use temoin::gui::{Screen, Window};
    let (dir, path, _, _) = new_vault();
    let before = bytes(&path);
    let config = dir.path().join("config").join("settings.json");
    let vault = path.clone();
    let window = Window::new(
        path.clone(),
        Some(config.clone()),
        Lang::Fr,
        Arc::new(move |lang| {
            temoin::gui::today::Today::new(
                vault.clone(),
                lang,
                temoin::popups::RulesFile::open(None).unwrap(),
                None,
            )
        }),
        &eframe::egui::Context::default(),
    );
    let mut h = Harness::builder()
        .with_size(eframe::egui::vec2(420.0, 2600.0))
        .build_ui_state(|ui, w: &mut Window| w.show(ui), window);
    h.run();
    h.get_by_label("Réglages").click();
    h.run();
    h.get_by_label("Passer en mode CSE").click();
    h.run();
    h.run();
    let Screen::FirstRun(w) = &h.state().screen else {
        panic!("no desk yet: its wizard")
    };
    assert!(w.council, "the council's choice made");
    assert_eq!(
        temoin::settings::Settings::load(&config).unwrap().mode,
        temoin::settings::Mode::Council
    );
    assert!(h.query_by_label("Étape 1 sur 3").is_some());
    h.get_by_label("Suivant").click();
    h.run();
    for label in ["Nouvelle phrase de passe", "La même, encore une fois"] {
        h.get_by_role_and_label(Role::PasswordInput, label).focus();
        h.run();
        h.get_by_role_and_label(Role::PasswordInput, label)
            .type_text("girafe piano lundi orage");
        h.run();
    }
    h.get_by_label("Créer le bureau du CSE").click();
    for _ in 0..800 {
        h.step();
        if h.query_by_label_contains("J'ai noté le code").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    h.get_by_label_contains("J'ai noté le code").click();
    h.run();
    h.get_by_label("Commencer").click();
    h.run();
    assert!(
        matches!(h.state().screen, Screen::Council(_)),
        "the desk once made"
    );
    assert!(path.with_file_name("cse.db").exists());
    h.get_by_label("Réglages").click();
    h.run();
    // The desk's passphrase is changed there, as a worker's is.
    for (label, typed) in [
        ("Phrase de passe actuelle", "girafe piano lundi orage"),
        ("Nouvelle phrase de passe", "tortue violon jeudi neige"),
        ("La même, encore une fois", "tortue violon jeudi neige"),
    ] {
        h.get_by_role_and_label(Role::PasswordInput, label).focus();
        h.run();
        h.get_by_role_and_label(Role::PasswordInput, label)
            .type_text(typed);
        h.run();
    }
    h.get_by_label("Changer").click();
    for _ in 0..800 {
        h.step();
        if let Screen::Council(d) = &h.state().screen
            && !d.passphrase.busy()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    h.run();
    assert!(
        h.query_by_label_contains("Phrase de passe changée")
            .is_some()
    );
    let desk = temoin::vault::Vault::open(&path.with_file_name("cse.db")).unwrap();
    assert!(desk.unlock("tortue violon jeudi neige").is_ok());
    assert!(desk.unlock("girafe piano lundi orage").is_err());
    h.get_by_label("Revenir au mode téléconseiller·e").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Main(_)));
    assert_eq!(
        temoin::settings::Settings::load(&config).unwrap().mode,
        temoin::settings::Mode::Worker
    );
    assert_eq!(bytes(&path), before, "the worker's vault untouched");
}
