//! The first-run wizard against the real thing: a vault created in a temp folder, the recovery
//! code that opens it, the microphone's live level from real cpal capture (a private PulseAudio
//! with a null sink, a tone played into it), the choices saved, then the main views.
//! One test in this binary: it points the process at its own PulseAudio before any thread runs.

use crate::pulse;
use std::time::{Duration, Instant};

use crate::common::*;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use temoin::features::baseline::Gauge;
use temoin::gui::firstrun::Step;
use temoin::gui::today::Today;
use temoin::gui::{Screen, Window};
use temoin::messages::Lang;
use temoin::pipeline::live::{LiveSettings, Monitor};
use temoin::popups::RulesFile;
use temoin::settings::Settings;
use temoin::vault::{RecoveryCode, Vault};

fn wizard<'h>(h: &'h Harness<'_, Window>) -> &'h temoin::gui::firstrun::FirstRun {
    match &h.state().screen {
        Screen::FirstRun(w) => w,
        Screen::Main(_) | Screen::Council(_) => panic!("the wizard ended"),
    }
}

fn type_into(h: &mut Harness<'_, Window>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::PasswordInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn the_first_run_creates_the_vault_shows_the_code_once_hears_the_microphone_and_saves() {
    let pulse = pulse::Pulse::start();
    // SAFETY: the only test of this binary, before it starts any thread of its own.
    unsafe { std::env::set_var("XDG_RUNTIME_DIR", &pulse.runtime_dir) };
    let (dir, path) = temp_vault_path();
    let vault = path.clone();
    let settings = dir.path().join("config").join("settings.json");
    let ctx = eframe::egui::Context::default();
    let window = Window::new(
        vault.clone(),
        Some(settings.clone()),
        Lang::Fr,
        // The views listen, as `temoin` does: the default source is the null sink's monitor.
        std::sync::Arc::new(move |lang| {
            let monitor = Monitor::start(
                &vault,
                LiveSettings {
                    own_level_db: Some(-27.0),
                    ..Default::default()
                },
            )
            .expect("listening starts");
            Today::new(
                vault.clone(),
                lang,
                RulesFile::open(None).unwrap(),
                Some(monitor),
            )
        }),
        &ctx,
    );
    let mut h = Harness::builder()
        .with_size(eframe::egui::vec2(420.0, 700.0))
        .build_ui_state(|ui, w: &mut Window| w.show(ui), window);
    h.run();
    // What it does and never does, then the language.
    assert!(h.query_by_label("Ce qu'il ne fait jamais").is_some());
    assert!(
        h.query_by_label_contains("aucun son ni aucune transcription")
            .is_some()
    );
    h.get_by_label("English").click();
    h.run();
    assert!(h.query_by_label("What it never does").is_some());
    h.get_by_label("Français").click();
    h.run();
    h.get_by_label("Suivant").click();
    h.run();
    // Too short: said, and nothing can be created.
    type_into(&mut h, "Nouvelle phrase de passe", "abc");
    assert!(h.query_by_label_contains("trop courte").is_some());
    assert!(
        h.get_by_label("Créer mon coffre")
            .accesskit_node()
            .is_disabled()
    );
    type_into(
        &mut h,
        "Nouvelle phrase de passe",
        " girafe piano lundi orage",
    );
    assert!(h.query_by_label_contains("solide").is_some());
    type_into(&mut h, "La même, encore une fois", "abc girafe piano");
    assert!(h.query_by_label("Les deux saisies diffèrent.").is_some());
    assert!(
        h.get_by_label("Créer mon coffre")
            .accesskit_node()
            .is_disabled()
    );
    type_into(&mut h, "La même, encore une fois", " lundi orage");
    h.get_by_label("Créer mon coffre").click();
    let deadline = Instant::now() + Duration::from_secs(30);
    while wizard(&h).step != Step::Recovery {
        assert!(Instant::now() < deadline, "{:?}", wizard(&h).error);
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    h.run();
    assert!(path.exists());
    // The code is shown once, and it opens the vault.
    let code = wizard(&h).code.as_ref().unwrap().to_string();
    assert!(h.query_by_label(&code).is_some());
    let v = Vault::open(&path).unwrap();
    assert!(v.unlock("abc girafe piano lundi orage").is_ok());
    assert!(
        v.unlock_with_recovery(&RecoveryCode::parse(&code).unwrap())
            .is_ok()
    );
    assert!(
        h.get_by_label("Suivant").accesskit_node().is_disabled(),
        "not before « noté »"
    );
    h.get_by_label("J'ai noté le code").click();
    h.run();
    h.get_by_label("Suivant").click();
    h.run();
    assert!(wizard(&h).code.is_none(), "forgotten once noted");
    assert!(h.query_by_label(&code).is_none());
    // The microphone: the system's default is the null sink's monitor; a tone played into it
    // moves the level.
    assert_eq!(wizard(&h).step, Step::Microphone);
    let mut player = pulse.play(std::path::Path::new("tests/data/synth/sine_150hz.wav"));
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut loudest = f32::NEG_INFINITY;
    while Instant::now() < deadline && loudest < -30.0 {
        h.step();
        loudest = loudest.max(wizard(&h).level_db().unwrap_or(f32::NEG_INFINITY));
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = player.wait();
    assert!(
        loudest > -30.0,
        "level {loudest} dBFS; said: {:?}",
        wizard(&h).error
    );
    h.run();
    assert!(
        h.query_all_by_label_contains(" dBFS").count() >= 2,
        "the level shown"
    );
    h.get_by_label("Suivant").click();
    h.run();
    // Pop-ups by hand only; « Commencer » saves and opens the views.
    h.get_by_label("Seulement quand je clique (ou Ctrl+Alt+P)")
        .click();
    h.run();
    h.get_by_label("Commencer").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Main(_)));
    assert!(h.query_by_label("Pop-up !").is_some());
    let saved = Settings::load(&settings).unwrap();
    assert_eq!(saved.lang, Some(Lang::Fr));
    assert!(saved.popups_manual_only);
    assert_eq!(saved.device, None);
    // Listening: the example call's speech fills the gauge's baseline, seen in the window.
    let mut player = pulse
        .play(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav"));
    let today = |h: &Harness<'_, Window>| match &h.state().screen {
        Screen::Main(app) => app.today.gauge,
        Screen::FirstRun(_) | Screen::Council(_) => None,
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while !matches!(today(&h), Some(Gauge::Learning { heard, .. }) if heard >= 3) {
        assert!(Instant::now() < deadline, "{:?}", today(&h));
        h.step();
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = player.kill();
    let _ = player.wait();
    h.run();
    assert!(
        h.query_by_label_contains("Témoin apprend votre voix habituelle")
            .is_some()
    );
    if let Screen::Main(app) = &mut h.state_mut().screen {
        app.today.shutdown();
    }
}
