//! Pop-ups caught on a real desktop: Xvfb windows (xmessage), real notifications through a real
//! session bus owned by dunst, the hotkey pressed with xdotool; `temoin popup watch` stores them
//! in a real vault, which is then decrypted and checked.

use crate::desktop;
use std::time::Duration;

use crate::common::*;
use desktop::{Desktop, Watcher};
use temoin::events::{EventKind, PopupCategory, PopupSeen, PopupSource};

const WAIT: Duration = Duration::from_secs(20);

fn popups(path: &std::path::Path) -> Vec<PopupSeen> {
    stored_events(path)
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::PopupSeen(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn watching(w: &mut Watcher) {
    for source in ["Fenêtres", "Notifications", "Raccourci clavier"] {
        w.expect(&format!("{source} : surveillance active"), WAIT);
    }
}

#[test]
fn windows_notifications_and_the_hotkey_land_in_the_vault() {
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);

    desktop.notify(
        "Cogito",
        "Soyez plus empathique",
        "Client M. Martin : score d'empathie 38",
    );
    desktop.notify("Mises à jour", "3 paquets disponibles", "");
    desktop.notify("Balto", "Checklist", "2 points sur 5");
    let mut windows = vec![
        desktop.window("cogito", "Parlez plus vite", "Parlez plus vite"),
        desktop.window("meteo", "Météo du jour", "Beau temps"),
        desktop.window("outil", "Vous parlez trop vite", "!"),
    ];
    std::thread::sleep(Duration::from_millis(500));
    desktop.key("ctrl+alt+p");
    std::thread::sleep(Duration::from_millis(1500));
    let out = w.stop();
    for c in &mut windows {
        let _ = c.kill();
        let _ = c.wait();
    }
    assert!(out.contains("5 pop-ups enregistrés"), "{out}");

    let mut got = popups(&path);
    got.sort_by_key(|p| (p.source, p.category));
    let summary: Vec<(Option<PopupSource>, Option<PopupCategory>, bool)> = got
        .iter()
        .map(|p| (p.source, p.category, p.emotion_flag))
        .collect();
    use PopupCategory as C;
    use PopupSource as S;
    assert_eq!(
        summary,
        [
            (Some(S::Manual), None, false),
            (Some(S::Window), Some(C::PaceFaster), false),
            (Some(S::Window), Some(C::PaceSlower), false),
            (Some(S::Notification), Some(C::Empathy), true),
            (Some(S::Notification), Some(C::Script), false),
        ]
    );
    let empathy = &got[3];
    assert_eq!(empathy.app.as_deref(), Some("Cogito"));
    assert_eq!(
        empathy.text.as_deref(),
        Some("Soyez plus empathique — Client M. [nom] : score d'empathie 38")
    );
    assert_eq!(empathy.reasons, ["empathique", "empathie"]);
    assert_eq!(got[1].app.as_deref(), Some("cogito Xmessage"));
    // Watching stored no verdict: the worker's speech was not being measured.
    assert!(got.iter().all(|p| p.consistency.is_none()));
}

#[test]
fn a_flood_of_notifications_is_folded_and_nothing_is_lost() {
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);
    let started = std::time::Instant::now();
    let summary = |i: usize| {
        if i.is_multiple_of(2) {
            "Parlez plus vite"
        } else {
            "Client frustré détecté"
        }
    };
    desktop.notify_raw(1000, summary, |_| {});
    let took = started.elapsed();
    std::thread::sleep(Duration::from_millis(2500));
    w.stop();
    let got = popups(&path);
    let total: u32 = got.iter().map(|p| p.count).sum();
    assert_eq!(total, 1000, "{} events", got.len());
    assert!(
        got.len() <= temoin::popups::BURST_LIMIT + 4,
        "{} events for 1000 notifications in {took:?}",
        got.len()
    );
    let folded: Vec<&PopupSeen> = got.iter().filter(|p| p.count > 1).collect();
    assert!(!folded.is_empty());
    assert!(folded.iter().all(|p| matches!(
        p.category,
        Some(PopupCategory::PaceFaster | PopupCategory::CustomerSentiment)
    )));
}

#[test]
fn the_watchers_say_when_the_desktop_goes_away_and_reconnect() {
    let mut desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);

    desktop.stop_bus();
    w.expect("Notifications : connexion perdue", WAIT);
    let display = desktop.display.clone();
    desktop.stop_x();
    w.expect("Fenêtres : connexion perdue", WAIT);
    w.expect("Raccourci clavier : connexion perdue", WAIT);

    desktop.start_x(Some(&display));
    desktop.start_bus();
    w.seen.clear();
    watching(&mut w);
    desktop.notify("Cogito", "Excusez-vous auprès du client", "");
    let mut win = desktop.window("nice", "Silence prolongé", "…");
    std::thread::sleep(Duration::from_millis(1500));
    w.stop();
    let _ = win.kill();
    let _ = win.wait();
    let mut cats: Vec<Option<PopupCategory>> = popups(&path).iter().map(|p| p.category).collect();
    cats.sort();
    assert_eq!(
        cats,
        [Some(PopupCategory::Apology), Some(PopupCategory::Silence)]
    );
}

#[test]
fn without_a_desktop_the_watchers_say_unavailable_and_stop_cleanly() {
    let (d, path, _, _) = new_vault();
    let (code, out, err) = run(temoin(&path)
        .env("DISPLAY", ":4242")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/nobus", d.path().display()),
        )
        .env("TEMOIN_CONFIG", d.path().join("settings.json"))
        .args(["popup", "watch", "--seconds", "2"]));
    assert_eq!(code, 0, "{err}");
    for source in ["Fenêtres", "Notifications", "Raccourci clavier"] {
        assert!(
            err.contains(&format!("{source} : indisponible ici")),
            "{err}"
        );
    }
    assert!(out.contains("0 pop-up enregistré"), "{out}");
}

#[test]
fn with_ocr_on_a_windows_text_is_read_from_its_pixels() {
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    // A partial rules file: only OCR turned on, the shipped rules for the rest.
    std::fs::write(
        desktop.dir.path().join("popups.toml"),
        "[sources]\nocr = true\n",
    )
    .unwrap();
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);
    // The title says nothing; the message is in the window.
    let mut win = desktop.window("outil", "Alerte", "Vous parlez trop vite, ralentissez");
    w.expect("(OCR) : surveillance active", WAIT);
    std::thread::sleep(Duration::from_millis(300));
    w.stop();
    let _ = win.kill();
    let _ = win.wait();
    let got = popups(&path);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].category, Some(PopupCategory::PaceSlower), "{got:?}");
    assert!(
        got[0].text.as_deref().unwrap().contains("ralentissez"),
        "{got:?}"
    );
}

#[test]
fn odd_window_titles_are_survived_and_kept_readable() {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{
        AtomEnum, ConnectionExt, CreateWindowAux, PropMode, WindowClass,
    };
    use x11rb::wrapper::ConnectionExt as _;

    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);
    let (conn, screen) = x11rb::connect(Some(&desktop.display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let mut huge = b"Parlez plus vite ".repeat(600); // 10 kB
    huge.truncate(10_000);
    let titles: Vec<Vec<u8>> = vec![
        Vec::new(),
        huge,
        b"Ralentissez \xff\xfe votre d\xe9bit".to_vec(),
        b"Client\x1b\tfrustr\xc3\xa9\x07\x00d\xc3\xa9tect\xc3\xa9\r\n".to_vec(),
    ];
    for t in &titles {
        let win = conn.generate_id().unwrap();
        conn.create_window(
            0,
            win,
            root,
            0,
            0,
            200,
            50,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new(),
        )
        .unwrap();
        conn.change_property8(
            PropMode::REPLACE,
            win,
            AtomEnum::WM_NAME,
            AtomEnum::STRING,
            t,
        )
        .unwrap();
        conn.change_property8(
            PropMode::REPLACE,
            win,
            AtomEnum::WM_CLASS,
            AtomEnum::STRING,
            b"odd\0Odd\0",
        )
        .unwrap();
        conn.map_window(win).unwrap();
        conn.flush().unwrap();
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_millis(500));
    w.stop();
    let got = popups(&path);
    let cats: Vec<Option<PopupCategory>> = got.iter().map(|p| p.category).collect();
    assert_eq!(
        cats,
        [
            Some(PopupCategory::PaceFaster),
            Some(PopupCategory::PaceSlower),
            Some(PopupCategory::CustomerSentiment)
        ],
        "{got:?}"
    );
    for p in &got {
        let text = p.text.as_deref().unwrap();
        assert!(
            text.chars().count() <= temoin::popups::mask::MAX_CHARS,
            "{}",
            text.len()
        );
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
    assert!(got[0].text.as_deref().unwrap().ends_with('…'));
}

#[test]
fn a_windows_text_is_read_through_the_accessibility_bus() {
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);
    // A GTK dialog exposes its text to screen readers; its title says nothing.
    let mut dialog = desktop
        .env(&mut std::process::Command::new("zenity"))
        .args([
            "--info",
            "--title",
            "Alerte qualité",
            "--text",
            "Le client semble frustré : soyez plus empathique",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("zenity (installed by scripts/setup)");
    w.expect("soyez plus empathique", WAIT);
    w.stop();
    let _ = dialog.kill();
    let _ = dialog.wait();
    let got = popups(&path);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].source, Some(PopupSource::Window));
    assert_eq!(got[0].category, Some(PopupCategory::Empathy));
    assert!(got[0].emotion_flag);
    let text = got[0].text.as_deref().unwrap();
    assert!(text.starts_with("Alerte qualité — "), "{text}");
    assert!(
        text.contains("Le client semble frustré : soyez plus empathique"),
        "{text}"
    );
}

#[test]
fn the_softphone_window_marks_calls_and_is_never_a_popup() {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{
        AtomEnum, ConnectionExt, CreateWindowAux, PropMode, WindowClass,
    };
    use x11rb::wrapper::ConnectionExt as _;

    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    std::fs::write(
        desktop.dir.path().join("popups.toml"),
        "[appel]\nclasse = [\"softphone*\"]\nen_appel = [\"en communication\"]\npost_appel = [\"post appel\"]\n",
    )
    .unwrap();
    // The softphone is open before Témoin starts watching, as on a real morning.
    let (conn, screen) = x11rb::connect(Some(&desktop.display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let win = conn.generate_id().unwrap();
    conn.create_window(
        0,
        win,
        root,
        0,
        0,
        300,
        80,
        0,
        WindowClass::INPUT_OUTPUT,
        0,
        &CreateWindowAux::new(),
    )
    .unwrap();
    let title = |t: &str| {
        conn.change_property8(
            PropMode::REPLACE,
            win,
            AtomEnum::WM_NAME,
            AtomEnum::STRING,
            t.as_bytes(),
        )
        .unwrap();
        conn.flush().unwrap();
    };
    conn.change_property8(
        PropMode::REPLACE,
        win,
        AtomEnum::WM_CLASS,
        AtomEnum::STRING,
        b"softphone\0Softphone\0",
    )
    .unwrap();
    title("Softphone - Prêt");
    conn.map_window(win).unwrap();
    conn.flush().unwrap();

    let mut w = Watcher::start(&desktop, &path, &config);
    watching(&mut w);
    // A call with a pop-up-like title (the customer is unhappy) and a phone number in it.
    title("En communication - client mécontent - 06 12 34 56 78");
    w.expect("Début d'appel", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    title("Post-appel");
    std::thread::sleep(Duration::from_millis(500));
    title("Softphone - Prêt");
    w.expect("Fin d'appel", WAIT);
    // A second call, ended by the softphone closing.
    title("En communication");
    std::thread::sleep(Duration::from_millis(1000));
    conn.destroy_window(win).unwrap();
    conn.flush().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let out = w.stop();
    assert!(out.contains("0 pop-up enregistré"), "{out}");

    let events = stored_events(&path);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::PopupSeen(_))),
        "the softphone is not a pop-up: {events:?}"
    );
    let handles: Vec<f64> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::CallEnded(c) => {
                assert_eq!(c.source, temoin::events::MarkSource::Window);
                Some(c.handle_s)
            }
            _ => None,
        })
        .collect();
    assert_eq!(handles.len(), 2, "{events:?}");
    assert!(
        (handles[0] - 2.0).abs() < 0.4,
        "call and wrap-up: {handles:?}"
    );
    assert!(
        (handles[1] - 1.0).abs() < 0.4,
        "ended by closing: {handles:?}"
    );

    let (code, out, err) = run(temoin(&path)
        .args(["workload", "--json"])
        .env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");
    let w: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(w["total"]["calls"], 2, "{out}");
    assert_eq!(w["calls"][0]["sources"][0], "window");
}

/// The passphrase given to `temoin` through its environment is not handed down to the programs it
/// starts: Tesseract, wrapped here to write down the environment it was given, never sees it.
#[test]
fn tesseract_started_for_ocr_does_not_inherit_the_passphrase() {
    use std::os::unix::fs::PermissionsExt;
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    std::fs::write(
        desktop.dir.path().join("popups.toml"),
        "[sources]\nocr = true\n",
    )
    .unwrap();
    let bin = desktop.dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let seen = desktop.dir.path().join("tesseract-env.txt");
    let real = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v tesseract"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let wrapper = bin.join("tesseract");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nenv >> '{}'\nexec '{}' \"$@\"\n",
            seen.display(),
            real.trim()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = temoin(&path);
    desktop
        .env(&mut cmd)
        .env("TEMOIN_CONFIG", &config)
        .env("TEMOIN_PASSPHRASE", PASS)
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .args(["popup", "watch", "--seconds", "120"]);
    let mut w = Watcher::spawn(cmd);
    watching(&mut w);
    let mut win = desktop.window("outil", "Alerte", "Vous parlez trop vite, ralentissez");
    w.expect("(OCR) : surveillance active", WAIT);
    std::thread::sleep(Duration::from_millis(300));
    w.stop();
    let _ = win.kill();
    let _ = win.wait();
    let env = std::fs::read_to_string(&seen).expect("Tesseract was started");
    assert!(env.contains("TEMOIN_CONFIG="), "{env}");
    assert!(!env.contains("TEMOIN_PASSPHRASE"), "inherited: {env}");
    assert!(!env.contains(PASS));
    assert_eq!(popups(&path).len(), 1);
}
