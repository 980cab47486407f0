//! A mock web agent desktop served on loopback to real browsers (Debian's Chromium and Firefox
//! ESR), driven by the test: the page asks `/next` what to show and tells `/shown` when it is on
//! screen, so the test knows when each toast appeared.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::desktop::{Desktop, wait_until};

/// What the page is told to show.
#[derive(Debug, Clone)]
pub enum Show {
    /// A toast appended to the page, with this ARIA role (or none).
    Toast(Option<&'static str>, String),
    /// The text of the page's `aria-live` region replaced.
    Live(String),
    /// A popup window (`window.open`) showing a coaching card.
    Card(String),
}

struct State {
    /// When each command was shown, by id.
    shown: HashMap<u64, SystemTime>,
    /// Requests for `/next` received.
    asked: u64,
}

/// The page's server.
pub struct Desk {
    pub port: u16,
    commands: Sender<(u64, Show)>,
    state: Arc<Mutex<State>>,
    next_id: u64,
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/agent-desktop")
}

impl Desk {
    pub fn start() -> Desk {
        let listener = TcpListener::bind("127.0.0.1:0").expect("loopback port");
        let port = listener.local_addr().unwrap().port();
        let (commands, queue) = channel::<(u64, Show)>();
        let queue = Arc::new(Mutex::new(queue));
        let state = Arc::new(Mutex::new(State {
            shown: HashMap::new(),
            asked: 0,
        }));
        let st = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let (q, st) = (queue.clone(), st.clone());
                std::thread::spawn(move || serve(stream, &q, &st));
            }
        });
        Desk {
            port,
            commands,
            state,
            next_id: 1,
        }
    }

    pub fn url(&self, page: &str) -> String {
        format!("http://127.0.0.1:{}/{page}", self.port)
    }

    /// Waits until a page asks what to show.
    pub fn wait_for_page(&self, limit: Duration) -> bool {
        wait_until(limit, || self.state.lock().unwrap().asked > 0)
    }

    /// Shows `what` in the page; returns once it is on screen, with when it was asked for and
    /// when the page said it was shown (it was shown in between).
    pub fn show(&mut self, what: Show) -> (SystemTime, SystemTime) {
        let id = self.next_id;
        self.next_id += 1;
        let asked = SystemTime::now();
        self.commands.send((id, what)).unwrap();
        assert!(
            wait_until(Duration::from_secs(10), || self
                .state
                .lock()
                .unwrap()
                .shown
                .contains_key(&id)),
            "the page did not show command {id}"
        );
        (asked, self.state.lock().unwrap().shown[&id])
    }
}

fn serve(stream: TcpStream, queue: &Mutex<Receiver<(u64, Show)>>, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // The headers, unread.
    let mut h = String::new();
    while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
        h.clear();
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let (kind, body) = match path {
        "/desk.html" | "/card.html" => (
            "text/html; charset=utf-8",
            std::fs::read(data().join(&path[1..])).unwrap(),
        ),
        "/next" => {
            state.lock().unwrap().asked += 1;
            let cmd = queue
                .lock()
                .unwrap()
                .recv_timeout(Duration::from_secs(5))
                .ok();
            let json = match cmd {
                None => serde_json::json!({"kind": "idle"}),
                Some((id, Show::Toast(role, text))) => {
                    serde_json::json!({"kind": "toast", "id": id, "role": role, "text": text})
                }
                Some((id, Show::Live(text))) => {
                    serde_json::json!({"kind": "live", "id": id, "text": text})
                }
                Some((id, Show::Card(text))) => {
                    serde_json::json!({"kind": "card", "id": id, "text": text})
                }
            };
            ("application/json", json.to_string().into_bytes())
        }
        "/shown" => {
            let id = query
                .strip_prefix("id=")
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            state.lock().unwrap().shown.insert(id, SystemTime::now());
            ("application/json", b"{}".to_vec())
        }
        _ => ("text/plain", b"not found".to_vec()),
    };
    let mut out = stream;
    let _ = write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = out.write_all(&body);
}

fn as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A real Chromium on the test desktop, with its own profile folder.
pub fn chromium(desktop: &Desktop, profile: &Path, args: &[&str]) -> Child {
    chromium_command(desktop, profile, args)
        .spawn()
        .expect("chromium (installed by scripts/setup)")
}

/// The command that starts [`chromium`], to add to its environment.
pub fn chromium_command(desktop: &Desktop, profile: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("chromium");
    desktop.env(&mut cmd);
    if as_root() {
        cmd.arg("--no-sandbox");
    }
    cmd.arg(format!("--user-data-dir={}", profile.display()))
        .args([
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--password-store=basic",
        ])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// A real Firefox ESR on the test desktop, with a fresh profile that lets the page open a
/// popup window and asks nothing at first start.
pub fn firefox(desktop: &Desktop, profile: &Path, url: &str) -> Child {
    std::fs::create_dir_all(profile).unwrap();
    std::fs::write(
        profile.join("user.js"),
        [
            r#"user_pref("browser.shell.checkDefaultBrowser", false);"#,
            r#"user_pref("browser.startup.homepage_override.mstone", "ignore");"#,
            r#"user_pref("browser.aboutwelcome.enabled", false);"#,
            r#"user_pref("datareporting.policy.dataSubmissionEnabled", false);"#,
            r#"user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);"#,
            r#"user_pref("app.update.auto", false);"#,
            r#"user_pref("network.captive-portal-service.enabled", false);"#,
            r#"user_pref("browser.tabs.warnOnClose", false);"#,
            r#"user_pref("dom.disable_open_during_load", false);"#,
            r#"user_pref("browser.sessionstore.resume_from_crash", false);"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let mut cmd = Command::new("firefox-esr");
    desktop.env(&mut cmd);
    cmd.env("HOME", profile)
        .args(["--no-remote", "--profile"])
        .arg(profile)
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("firefox-esr (installed by scripts/setup)")
}

/// Ends a browser (and its helper processes, which share its process group only in part: the
/// profile folder names them all).
pub fn close(mut browser: Child, profile: &Path) {
    let _ = browser.kill();
    let _ = browser.wait();
    let _ = Command::new("pkill")
        .arg("-f")
        .arg(profile.display().to_string())
        .status();
}

/// The extension's folder in the checkout.
pub fn extension() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("extension")
}

/// Registers `temoin` as the extension's native-messaging host in a Chromium profile folder.
pub fn register_host(profile: &Path) {
    let dir = profile.join("NativeMessagingHosts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(format!("{}.json", temoin::popups::extension::HOST)),
        temoin::popups::extension::host_manifest(Path::new(env!("CARGO_BIN_EXE_temoin")), false),
    )
    .unwrap();
}
