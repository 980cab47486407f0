//! Pop-ups where agents see them: toasts inside a web agent desktop and coaching cards in their
//! own windows, in real browsers (Debian's Chromium and Firefox ESR) on a real desktop (Xvfb,
//! openbox, a private session bus with its accessibility bus). Témoin starts first and the
//! browsers after, with nothing switched on by hand, as on a worker's morning.

use crate::{desktop, web};
use std::time::{Duration, SystemTime};

use crate::common::*;
use desktop::{Desktop, Watcher};
use temoin::events::{EventKind, PopupCategory, PopupSeen, PopupSource};
use web::{Desk, Show};

const WAIT: Duration = Duration::from_secs(30);
/// Each toast stored within this of being shown.
const WITHIN: Duration = Duration::from_secs(1);

struct Seen {
    at: SystemTime,
    popup: PopupSeen,
}

fn popups(path: &std::path::Path) -> Vec<Seen> {
    stored_events(path)
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::PopupSeen(p) => Some(Seen {
                at: SystemTime::from(e.at),
                popup: p,
            }),
            _ => None,
        })
        .collect()
}

/// Témoin watching a desktop with a window manager; the accessibility bus off, as it starts.
fn morning() -> (Desktop, tempfile::TempDir, std::path::PathBuf, Watcher) {
    let mut desktop = Desktop::start();
    desktop.window_manager();
    let (dir, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    let mut w = Watcher::start(&desktop, &path, &config);
    for source in ["Fenêtres", "Notifications", "Raccourci clavier"] {
        w.expect(&format!("{source} : surveillance active"), WAIT);
    }
    // Nothing was on: Témoin switches the desktop's accessibility on itself.
    w.expect(
        "Pages web et applications : surveillance active. L'accessibilité du bureau vient d'être activée",
        WAIT,
    );
    (desktop, dir, path, w)
}

/// The stored pop-up whose text holds `text`: exactly one, and when `shown` (asked for, said
/// shown), seen after it was asked for and within [`WITHIN`] of being shown.
fn once<'a>(got: &'a [Seen], text: &str, shown: Option<(SystemTime, SystemTime)>) -> &'a PopupSeen {
    let hits: Vec<&Seen> = got
        .iter()
        .filter(|s| s.popup.text.as_deref().is_some_and(|t| t.contains(text)))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{text:?} stored {} times: {:?}",
        hits.len(),
        got.iter().map(|s| &s.popup.text).collect::<Vec<_>>()
    );
    if let Some((asked, shown)) = shown {
        let at = hits[0].at;
        assert!(
            at >= asked,
            "{text:?} seen before the page was asked to show it"
        );
        let late = at.duration_since(shown).unwrap_or_default();
        assert!(late <= WITHIN, "{text:?} seen {late:?} after it was shown");
    }
    &hits[0].popup
}

/// Nothing of the page around the toasts, nor of the browser's interface, was stored.
fn nothing_else(got: &[Seen]) {
    for s in got {
        let t = s.popup.text.as_deref().unwrap_or("");
        for never in [
            "Mettre en attente",
            "Jean Dupont",
            "Dupont",
            "Raccrocher",
            "Energy Saver",
            "Translate",
            "Traduire",
            "Enregistrement effectué",
            "Address and search bar",
        ] {
            assert!(!t.contains(never), "stored {t:?}");
        }
    }
}

#[test]
fn toasts_and_cards_in_chromium_are_caught_once_within_a_second() {
    let (desktop, _d, path, mut w) = morning();
    let mut desk = Desk::start();
    let profile = desktop.dir.path().join("chromium");
    let browser = web::chromium(&desktop, &profile, &[&desk.url("desk.html")]);
    assert!(desk.wait_for_page(WAIT), "the page did not load");
    // What a page showed in the first second after Témoin first asked is taken as already there.
    std::thread::sleep(Duration::from_millis(1500));

    let alert = desk.show(Show::Toast(Some("alert"), "Parlez plus vite".into()));
    w.expect("Parlez plus vite", WAIT);
    let status = desk.show(Show::Toast(
        Some("status"),
        "Soyez plus empathique avec le client".into(),
    ));
    w.expect("Soyez plus empathique", WAIT);
    let live = desk.show(Show::Live(
        "Client M. Martin frustré détecté (score 38)".into(),
    ));
    w.expect("frustré détecté", WAIT);
    // A toast that is not a coaching cue (the CRM saved a record) is not a pop-up.
    desk.show(Show::Toast(
        Some("status"),
        "Enregistrement effectué".into(),
    ));
    // The same cue again, later: a second pop-up.
    std::thread::sleep(Duration::from_millis(2500));
    let again = desk.show(Show::Toast(Some("alert"), "Remerciez le client".into()));
    w.expect("Remerciez le client", WAIT);

    // A coaching card in its own window: an app window in its own process (as an Electron app)…
    let card_profile = desktop.dir.path().join("card");
    let card = web::chromium(
        &desktop,
        &card_profile,
        &[
            &format!(
                "--app={}?text=Vous%20parlez%20trop%20vite%2C%20ralentissez",
                desk.url("card.html")
            ),
            "--window-size=360,120",
        ],
    );
    w.expect("ralentissez", WAIT);
    // …and one opened by the running browser.
    let own = web::chromium(
        &desktop,
        &profile,
        &[
            &format!(
                "--app={}?text=Dites%20merci%20au%20client",
                desk.url("card.html")
            ),
            "--window-size=360,120",
        ],
    );
    w.expect("Dites merci au client", WAIT);
    // Notifications and native dialogs are still caught beside the browsers.
    desktop.notify("Cogito", "Excusez-vous auprès du client", "");
    w.expect("Excusez-vous", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    w.stop();
    web::close(own, &profile);
    web::close(card, &card_profile);
    web::close(browser, &profile);

    let got = popups(&path);
    let p = once(&got, "Parlez plus vite", Some(alert));
    assert_eq!(p.source, Some(PopupSource::Page));
    assert_eq!(p.category, Some(PopupCategory::PaceFaster));
    assert_eq!(p.app.as_deref(), Some("Chromium"));
    let p = once(&got, "Soyez plus empathique avec le client", Some(status));
    assert_eq!(p.category, Some(PopupCategory::Empathy));
    assert!(p.emotion_flag);
    let p = once(&got, "frustré détecté", Some(live));
    assert_eq!(p.category, Some(PopupCategory::CustomerSentiment));
    // Masked as every pop-up text is.
    assert_eq!(
        p.text.as_deref(),
        Some("Client M. [nom] frustré détecté (score 38)")
    );
    once(&got, "Remerciez le client", Some(again));
    let p = once(&got, "Vous parlez trop vite, ralentissez", None);
    assert_eq!(p.category, Some(PopupCategory::PaceSlower));
    assert_eq!(p.source, Some(PopupSource::Window));
    let p = once(&got, "Dites merci au client", None);
    assert_eq!(p.category, Some(PopupCategory::Thanks));
    once(&got, "Excusez-vous", None);
    nothing_else(&got);
    assert_eq!(
        got.len(),
        7,
        "{:?}",
        got.iter().map(|s| &s.popup.text).collect::<Vec<_>>()
    );
}

#[test]
fn toasts_and_a_card_in_firefox_are_caught_once_within_a_second() {
    let (desktop, _d, path, mut w) = morning();
    let mut desk = Desk::start();
    let profile = desktop.dir.path().join("firefox");
    let browser = web::firefox(&desktop, &profile, &desk.url("desk.html"));
    assert!(desk.wait_for_page(WAIT), "the page did not load");
    std::thread::sleep(Duration::from_millis(1500));

    let alert = desk.show(Show::Toast(Some("alert"), "Parlez plus vite".into()));
    w.expect("Parlez plus vite", WAIT);
    let status = desk.show(Show::Toast(
        Some("status"),
        "Soyez plus empathique avec le client".into(),
    ));
    w.expect("Soyez plus empathique", WAIT);
    let live = desk.show(Show::Live("Client frustré détecté".into()));
    w.expect("frustré détecté", WAIT);
    desk.show(Show::Toast(
        Some("status"),
        "Enregistrement effectué".into(),
    ));
    // A card in a popup window of the page.
    desk.show(Show::Card("Vous parlez trop vite, ralentissez".into()));
    w.expect("ralentissez", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    w.stop();
    web::close(browser, &profile);

    let got = popups(&path);
    let p = once(&got, "Parlez plus vite", Some(alert));
    assert_eq!(p.source, Some(PopupSource::Page));
    assert_eq!(p.category, Some(PopupCategory::PaceFaster));
    let p = once(&got, "Soyez plus empathique avec le client", Some(status));
    assert!(p.emotion_flag);
    let p = once(&got, "frustré détecté", Some(live));
    assert_eq!(p.category, Some(PopupCategory::CustomerSentiment));
    let p = once(&got, "Vous parlez trop vite, ralentissez", None);
    assert_eq!(p.category, Some(PopupCategory::PaceSlower));
    nothing_else(&got);
    assert_eq!(
        got.len(),
        4,
        "{:?}",
        got.iter().map(|s| &s.popup.text).collect::<Vec<_>>()
    );
}

#[test]
fn the_browser_extension_passes_toasts_on_with_accessibility_off() {
    let desktop = Desktop::start();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    // Accessibility not used at all: only the extension hears the page.
    std::fs::write(
        desktop.dir.path().join("popups.toml"),
        "[sources]\npages = false\n",
    )
    .unwrap();
    let socket = desktop.dir.path().join("run/pages.sock");
    let mut cmd = temoin(&path);
    desktop
        .env(&mut cmd)
        .env("TEMOIN_CONFIG", &config)
        .env("TEMOIN_PAGES_SOCKET", &socket)
        .args(["popup", "watch", "--seconds", "120"]);
    let mut w = Watcher::spawn(cmd);
    w.expect("Extension de navigateur : surveillance active", WAIT);

    let mut desk = Desk::start();
    let profile = desktop.dir.path().join("chromium");
    web::register_host(&profile);
    // The browser starts the host with its own environment: it finds the vault and the socket.
    let browser = web::chromium_command(
        &desktop,
        &profile,
        &[
            &format!("--load-extension={}", web::extension().display()),
            &desk.url("desk.html"),
        ],
    )
    .env("TEMOIN_VAULT", &path)
    .env("TEMOIN_CONFIG", &config)
    .env("TEMOIN_PAGES_SOCKET", &socket)
    .spawn()
    .unwrap();
    assert!(desk.wait_for_page(WAIT), "the page did not load");
    std::thread::sleep(Duration::from_millis(1000));
    let alert = desk.show(Show::Toast(Some("alert"), "Parlez plus vite".into()));
    w.expect("Parlez plus vite", WAIT);
    let live = desk.show(Show::Live("Client frustré détecté".into()));
    w.expect("frustré détecté", WAIT);
    w.stop();
    // Témoin closed: the host stores what the page announces itself.
    let later = desk.show(Show::Toast(Some("status"), "Soyez plus empathique".into()));
    let stored = desktop::wait_until(WAIT, || {
        popups(&path)
            .iter()
            .any(|s| s.popup.text.as_deref() == Some("Soyez plus empathique"))
    });
    web::close(browser, &profile);
    assert!(stored, "the host did not store the toast");

    let got = popups(&path);
    let p = once(&got, "Parlez plus vite", Some(alert));
    assert_eq!(
        (p.source, p.app.as_deref()),
        (Some(PopupSource::Page), Some("Chromium"))
    );
    once(&got, "frustré détecté", Some(live));
    let p = once(&got, "Soyez plus empathique", Some(later));
    assert!(p.emotion_flag);
    nothing_else(&got);
    assert_eq!(got.len(), 3);
}

#[test]
fn with_ocr_on_a_toast_in_a_page_nobody_else_hears_is_read_where_it_appears() {
    let mut desktop = Desktop::start();
    desktop.window_manager();
    let (_d, path, _, _) = new_vault();
    let config = desktop.dir.path().join("settings.json");
    // No accessibility, no extension: only the pixels.
    std::fs::write(
        desktop.dir.path().join("popups.toml"),
        "[sources]\npages = false\nextension = false\nocr = true\n",
    )
    .unwrap();
    let mut w = Watcher::start(&desktop, &path, &config);
    w.expect("Fenêtres : surveillance active", WAIT);
    let mut desk = Desk::start();
    let profile = desktop.dir.path().join("chromium");
    let browser = web::chromium(
        &desktop,
        &profile,
        &["--window-size=1024,700", &desk.url("desk.html")],
    );
    assert!(desk.wait_for_page(WAIT), "the page did not load");
    std::thread::sleep(Duration::from_millis(1500));
    let shown = desk.show(Show::Toast(Some("alert"), "Parlez plus vite".into()));
    w.expect("plus vite", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    w.stop();
    web::close(browser, &profile);
    let got = popups(&path);
    let hits: Vec<&Seen> = got
        .iter()
        .filter(|s| s.popup.category == Some(PopupCategory::PaceFaster))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{:?}",
        got.iter().map(|s| &s.popup.text).collect::<Vec<_>>()
    );
    assert_eq!(hits[0].popup.source, Some(PopupSource::Window));
    // Read from the pixels: still within 2 s of being shown (settling, then Tesseract).
    let late = hits[0].at.duration_since(shown.1).unwrap_or_default();
    assert!(late < Duration::from_secs(2), "{late:?}");
    nothing_else(&got);
}
