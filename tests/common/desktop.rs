//! A real desktop for the pop-up tests: an Xvfb X server, a private session bus, and Debian's
//! dunst owning the notification name, as on a worker's desktop. Each piece can be killed and
//! started again at the same address, to test reconnection.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

pub struct Desktop {
    pub dir: tempfile::TempDir,
    pub display: String,
    xvfb: Option<Child>,
    bus: Option<Child>,
    dunst: Option<Child>,
    wm: Option<Child>,
}

impl Desktop {
    pub fn start() -> Desktop {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut d = Desktop {
            dir,
            display: String::new(),
            xvfb: None,
            bus: None,
            dunst: None,
            wm: None,
        };
        d.start_x(None);
        d.start_bus();
        d
    }

    pub fn bus_address(&self) -> String {
        format!("unix:path={}", self.dir.path().join("bus").display())
    }

    /// Starts Xvfb, on `display` or on a free one it picks itself.
    pub fn start_x(&mut self, display: Option<&str>) {
        let mut cmd = Command::new("Xvfb");
        match display {
            Some(n) => {
                cmd.arg(n);
            }
            None => {
                cmd.args(["-displayfd", "1"]);
            }
        }
        let mut child = cmd
            .args(["-screen", "0", "1024x768x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (installed by scripts/setup)");
        match display {
            Some(n) => self.display = n.to_string(),
            None => {
                let mut line = String::new();
                let mut out = BufReader::new(child.stdout.take().unwrap());
                out.read_line(&mut line).unwrap();
                self.display = format!(":{}", line.trim());
            }
        }
        self.xvfb = Some(child);
        assert!(
            wait_until(Duration::from_secs(10), || self.x_ready()),
            "Xvfb did not start"
        );
    }

    fn x_ready(&self) -> bool {
        Command::new("xdotool")
            .arg("getmouselocation")
            .env("DISPLAY", &self.display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn stop_x(&mut self) {
        kill(self.wm.take());
        kill(self.xvfb.take());
    }

    /// Starts a window manager (Debian's openbox), as on a worker's desktop: browsers place and
    /// decorate their windows as they would there.
    pub fn window_manager(&mut self) {
        let wm = self
            .env(&mut Command::new("openbox"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox (installed by scripts/setup)");
        self.wm = Some(wm);
        // openbox announces itself on the root window once it manages the screen.
        assert!(
            wait_until(Duration::from_secs(10), || {
                Command::new("xprop")
                    .args(["-root", "_NET_SUPPORTING_WM_CHECK"])
                    .env("DISPLAY", &self.display)
                    .output()
                    .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("window id"))
            }),
            "openbox did not start"
        );
    }

    /// Starts the session bus and dunst on it.
    pub fn start_bus(&mut self) {
        let socket = self.dir.path().join("bus");
        let _ = std::fs::remove_file(&socket);
        // The services the bus starts (the accessibility bus, dconf) keep their settings here, not
        // in the machine's: accessibility starts off, as on a fresh desktop.
        // What the bus starts (the accessibility bus, dconf) finds this desktop and this bus.
        let bus = self
            .env(&mut Command::new("dbus-daemon"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .args(["--session", "--nofork", "--nopidfile"])
            .arg(format!("--address={}", self.bus_address()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (installed by scripts/setup)");
        self.bus = Some(bus);
        assert!(
            wait_until(Duration::from_secs(10), || socket.exists()),
            "bus did not start"
        );
        let dunst = self
            .env(&mut Command::new("dunst"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst (installed by scripts/setup)");
        self.dunst = Some(dunst);
        assert!(
            wait_until(Duration::from_secs(10), || self.daemon_ready()),
            "dunst did not take the notification name"
        );
    }

    fn daemon_ready(&self) -> bool {
        let out = Command::new("dbus-send")
            .arg(format!("--bus={}", self.bus_address()))
            .args([
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.Notifications",
            ])
            .output();
        out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    pub fn stop_bus(&mut self) {
        kill(self.dunst.take());
        kill(self.bus.take());
    }

    /// `cmd` pointed at this desktop.
    pub fn env<'c>(&self, cmd: &'c mut Command) -> &'c mut Command {
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus_address())
            .env_remove("XAUTHORITY")
    }

    /// Sends a real notification with notify-send.
    pub fn notify(&self, app: &str, summary: &str, body: &str) {
        let ok = self
            .env(&mut Command::new("notify-send"))
            .args(["-a", app, summary, body])
            .status()
            .expect("notify-send");
        assert!(ok.success());
    }

    /// Opens a real window (xmessage) with this instance name and title; closed on drop.
    pub fn window(&self, name: &str, title: &str, text: &str) -> Child {
        self.env(&mut Command::new("xmessage"))
            .args(["-name", name, "-title", title, text])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("xmessage")
    }

    /// Sends `n` notifications straight on the bus, as fast as the daemon answers: `summary(i)`
    /// just before the i-th, `after(i)` once the daemon has it.
    pub fn notify_raw(
        &self,
        n: usize,
        mut summary: impl FnMut(usize) -> &'static str,
        mut after: impl FnMut(usize),
    ) {
        let address = self.bus_address();
        zbus::block_on(async {
            let conn = zbus::connection::Builder::address(address.as_str())
                .build()
                .await?;
            for i in 0..n {
                conn.call_method(
                    Some("org.freedesktop.Notifications"),
                    "/org/freedesktop/Notifications",
                    Some("org.freedesktop.Notifications"),
                    "Notify",
                    &(
                        "Cogito",
                        0u32,
                        "",
                        summary(i),
                        "",
                        Vec::<&str>::new(),
                        std::collections::HashMap::<&str, zbus::Variant>::new(),
                        1000i32,
                    ),
                )
                .await?;
                after(i);
            }
            Ok::<(), zbus::Error>(())
        })
        .expect("notifications sent");
    }

    pub fn key(&self, keys: &str) {
        let ok = self
            .env(&mut Command::new("xdotool"))
            .args(["key", keys])
            .status()
            .expect("xdotool");
        assert!(ok.success());
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        self.stop_bus();
        self.stop_x();
    }
}

fn kill(child: Option<Child>) {
    if let Some(mut c) = child {
        let _ = c.kill();
        let _ = c.wait();
    }
}

pub fn wait_until(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A running `temoin popup watch` (or `listen`), its output line by line.
pub struct Watcher {
    child: Child,
    /// (from standard output, line)
    pub lines: Receiver<(bool, String)>,
    pub seen: Vec<String>,
    out: Vec<String>,
}

impl Watcher {
    pub fn start(desktop: &Desktop, vault: &Path, config: &PathBuf) -> Watcher {
        let mut cmd = crate::common::temoin(vault);
        desktop.env(&mut cmd).env("TEMOIN_CONFIG", config).args([
            "popup",
            "watch",
            "--seconds",
            "120",
        ]);
        Self::spawn(cmd)
    }

    /// Runs `cmd` (a `temoin` command), reading what it says as it comes.
    pub fn spawn(mut cmd: Command) -> Watcher {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("temoin");
        let (tx, lines) = channel();
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx2.send((true, l));
            }
        });
        std::thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx.send((false, l));
            }
        });
        Watcher {
            child,
            lines,
            seen: Vec::new(),
            out: Vec::new(),
        }
    }

    fn take(&mut self, (is_out, l): (bool, String)) {
        if is_out {
            self.out.push(l.clone());
        }
        self.seen.push(l);
    }

    /// Waits for a line (on either output) containing `what`.
    pub fn expect(&mut self, what: &str, limit: Duration) {
        let end = Instant::now() + limit;
        if self.seen.iter().any(|l| l.contains(what)) {
            return;
        }
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let hit = line.1.contains(what);
                    self.take(line);
                    if hit {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no message with {what:?}; got:\n{}", self.seen.join("\n"));
    }

    /// Stops it with Ctrl+C, as a worker would, and returns its standard output.
    pub fn stop(mut self) -> String {
        // SAFETY: sending SIGINT to our own child process.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let status = self.child.wait().unwrap();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.take(line);
        }
        assert!(status.success(), "{status:?}");
        self.out.join("\n")
    }
}
