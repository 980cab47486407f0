//! The real window's labels, as a screen reader reads them: `temoin` on Xvfb with accessibility
//! switched on (as Orca does), its AccessKit tree read back over the AT-SPI bus with the same
//! reader the pop-up watcher uses. One test in this binary: it points the process at the test
//! desktop's session bus before any thread of its own runs.

use crate::desktop;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::*;
use temoin::popups::a11y::window::{Found, Reader, Wanted};

#[test]
fn the_real_windows_labels_are_on_the_accessibility_bus() {
    let desktop = desktop::Desktop::start();
    // SAFETY: the only test of this binary, before it starts any thread of its own.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address()) };
    // What a screen reader does when it starts: accessibility on, for every toolkit.
    let on = desktop
        .env(&mut Command::new("dbus-send"))
        .args([
            "--session",
            "--print-reply",
            "--dest=org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            "string:IsEnabled",
            "variant:boolean:true",
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(on.success(), "the accessibility bus did not start");
    let (_d, path, _, _) = new_vault();
    let mut app = desktop
        .env(&mut temoin(&path))
        .args(["gui", "--no-listen"])
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("TEMOIN_CONFIG", desktop.dir.path().join("settings.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = Reader::default();
    let mut text = String::new();
    let wanted = Wanted {
        pid: app.id(),
        title: "Témoin".into(),
        place: None,
        controls: true,
    };
    desktop::wait_until(Duration::from_secs(30), || {
        if let Found::Text(t) = reader.read(&wanted) {
            text = t;
        }
        text.contains("Pop-up !")
    });
    let _ = app.kill();
    let _ = app.wait();
    for label in [
        "Pop-up !",
        "Pause",
        "Aujourd'hui",
        "Historique",
        "Fin de service",
        "Preuves",
        "Réglages",
        "Plus longue suite sans pause",
    ] {
        assert!(text.contains(label), "« {label} » not read in: {text}");
    }
}
