//! The browser extension's path, where accessibility is off or locked down (and the one that works
//! the same on Windows): the extension (`extension/`, Manifest V3, Chromium and Firefox) hears what
//! a page announces to screen readers and hands the text, through native messaging, to `temoin`
//! started by the browser as the host [`HOST`]. The host passes each announcement to the Témoin
//! running on this session through a private socket ([`ExtensionListener`], a [`Source`]), so it
//! is classified, masked and stored once with what the accessibility bus heard; when no Témoin
//! runs, the host stores it in the vault itself (no passphrase needed), so nothing is lost.
//!
//! Only the announcement's text and the browser's name cross; the socket lives in the user's
//! runtime folder (0700) and takes connections from the same user only.
//!
//! Windows (on paper): the host is registered under `HKCU\Software\Google\Chrome\
//! NativeMessagingHosts\fr.temoin.pages` (and Mozilla's key), and the socket is a named pipe
//! `\\.\pipe\temoin-pages-<user SID>` with a DACL for that user.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::Sender;
use serde::{Deserialize, Serialize};

use super::{Detection, Source, SourceReport, SourceState};
use crate::events::PopupSource;

/// The native-messaging host's name, as the extension calls it.
pub const HOST: &str = "fr.temoin.pages";
/// The extension's id in Chromium-based browsers (fixed by the public key in its manifest).
pub const CHROMIUM_ID: &str = "icjfjfecpjdgbhdknmpdaimphjpbpkje";
/// The extension's id in Firefox.
pub const FIREFOX_ID: &str = "pages@temoin.invalid";
/// A message longer than this is not an announcement (browsers allow up to 64 MiB).
const MAX_MESSAGE: usize = 64 * 1024;
/// An announcement's text is kept up to this many characters (masking caps it further).
const MAX_TEXT: usize = 1000;

/// What the extension sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub browser: Option<String>,
}

impl Announcement {
    /// The detection it makes, if it is a well-formed announcement.
    pub fn detection(&self) -> Option<Detection> {
        if self.kind != "announcement" {
            return None;
        }
        let text: String = self.text.chars().take(MAX_TEXT).collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return None;
        }
        let mut d = Detection::new(PopupSource::Page);
        d.app = self
            .browser
            .as_deref()
            .map(|b| b.chars().take(40).collect::<String>())
            .filter(|b| !b.trim().is_empty());
        d.body = Some(text);
        d.via_extension = true;
        Some(d)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HostError {
    #[error("message of {0} bytes refused (at most {MAX_MESSAGE})")]
    TooLong(usize),
    #[error("unreadable message: {0}")]
    Unreadable(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads one native message (its length in native byte order, then JSON); `None` at the end.
pub fn read_message(input: &mut impl Read) -> Result<Option<Announcement>, HostError> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let len = u32::from_ne_bytes(len) as usize;
    if len > MAX_MESSAGE {
        return Err(HostError::TooLong(len));
    }
    let mut buf = vec![0u8; len];
    input.read_exact(&mut buf)?;
    serde_json::from_slice(&buf)
        .map(Some)
        .map_err(|e| HostError::Unreadable(e.to_string()))
}

/// Whether `temoin` was started by a browser as the native-messaging host: Chromium passes the
/// calling extension's origin, Firefox the host manifest's path and the extension's id.
pub fn started_by_browser(args: &[std::ffi::OsString]) -> bool {
    let a: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    match a.as_slice() {
        [origin, ..] if origin.starts_with("chrome-extension://") => true,
        [manifest, id, ..] => manifest.ends_with(".json") && *id == FIREFOX_ID,
        _ => false,
    }
}

/// Where the running Témoin listens: `TEMOIN_PAGES_SOCKET`, else the user's runtime folder.
pub fn socket_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TEMOIN_PAGES_SOCKET") {
        return Some(PathBuf::from(p));
    }
    dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .map(|d| d.join("temoin").join("pages.sock"))
}

/// Passes announcements to the running Témoin, as lines of JSON.
pub struct Forwarder {
    path: Option<PathBuf>,
    stream: Option<UnixStream>,
}

impl Forwarder {
    pub fn new(path: Option<PathBuf>) -> Self {
        Self { path, stream: None }
    }

    /// `true` when the running Témoin has it; `false` when none listens.
    pub fn forward(&mut self, a: &Announcement) -> bool {
        let mut line = serde_json::to_vec(a).expect("plain struct");
        line.push(b'\n');
        for _ in 0..2 {
            if self.stream.is_none() {
                self.stream = self
                    .path
                    .as_deref()
                    .and_then(|p| UnixStream::connect(p).ok());
            }
            let Some(s) = self.stream.as_mut() else {
                return false;
            };
            if s.write_all(&line).and_then(|_| s.flush()).is_ok() {
                return true;
            }
            // A Témoin that restarted: connect again once.
            self.stream = None;
        }
        false
    }
}

/// The source: announcements the extension's host passes on.
pub struct ExtensionListener {
    path: Option<PathBuf>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    bound: Option<PathBuf>,
}

impl ExtensionListener {
    pub fn new(path: Option<PathBuf>) -> Self {
        Self {
            path,
            stop: Arc::default(),
            thread: None,
            bound: None,
        }
    }
}

/// Makes the socket's folder the user's own (0700) and clears a socket left by a Témoin that
/// died; `Err` when another Témoin listens there.
fn prepare(path: &Path) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| e.to_string())?;
    }
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_socket() => {
            if UnixStream::connect(path).is_ok() {
                return Err("another Témoin already listens".into());
            }
            std::fs::remove_file(path).map_err(|e| e.to_string())
        }
        Ok(_) => Err(format!("{} is not a socket", path.display())),
        Err(_) => Ok(()),
    }
}

/// The user id of the process at the other end.
fn peer_uid(s: &UnixStream) -> Option<u32> {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: cred and len are valid for writing, of the sizes given.
    let rc = unsafe {
        libc::getsockopt(
            s.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    (rc == 0).then_some(cred.uid)
}

impl Source for ExtensionListener {
    fn name(&self) -> &'static str {
        "extension"
    }

    fn start(&mut self, out: Sender<Detection>, reports: Sender<SourceReport>) {
        if self.thread.is_some() {
            return;
        }
        let report = move |state| {
            let _ = reports.send(SourceReport {
                source: "extension",
                state,
            });
        };
        let Some(path) = self.path.clone() else {
            report(SourceState::Unavailable("no runtime folder".into()));
            return;
        };
        let listener = match prepare(&path).and_then(|()| {
            let l = UnixListener::bind(&path).map_err(|e| e.to_string())?;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| e.to_string())?;
            Ok(l)
        }) {
            Ok(l) => l,
            Err(e) => {
                report(SourceState::Unavailable(e));
                return;
            }
        };
        self.bound = Some(path);
        self.stop.store(false, Ordering::SeqCst);
        let stop = self.stop.clone();
        // SAFETY: getuid has no preconditions.
        let me = unsafe { libc::getuid() };
        self.thread = std::thread::Builder::new()
            .name("temoin-extension".into())
            .spawn(move || {
                report(SourceState::Watching);
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    if peer_uid(&conn) != Some(me) {
                        continue;
                    }
                    let (out, stop) = (out.clone(), stop.clone());
                    let _ = std::thread::Builder::new()
                        .name("temoin-extension".into())
                        .spawn(move || serve(conn, out, stop));
                }
                report(SourceState::Stopped);
            })
            .ok();
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(path) = self.bound.take() {
            // Wakes the accept.
            let _ = UnixStream::connect(&path);
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// One host's announcements, a line of JSON each, until it goes or Témoin stops.
fn serve(conn: UnixStream, out: Sender<Detection>, stop: Arc<AtomicBool>) {
    let _ = conn.set_read_timeout(Some(Duration::from_millis(500)));
    let mut reader = BufReader::new(conn);
    let mut line = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        match reader
            .by_ref()
            .take(MAX_MESSAGE as u64 + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) if line.ends_with(b"\n") => {
                if let Ok(a) = serde_json::from_slice::<Announcement>(&line)
                    && let Some(d) = a.detection()
                {
                    let _ = out.send(d);
                }
                line.clear();
            }
            // A line longer than any announcement: the peer is not the host.
            Ok(_) if line.len() > MAX_MESSAGE => break,
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
}

/// The host's manifest for Chromium-based browsers (`allowed_origins`) or Firefox
/// (`allowed_extensions`), naming `exe` as the program to start.
pub fn host_manifest(exe: &Path, firefox: bool) -> String {
    let mut m = serde_json::json!({
        "name": HOST,
        "description": "Témoin : pop-ups des pages / page pop-ups",
        "path": exe,
        "type": "stdio",
    });
    if firefox {
        m["allowed_extensions"] = serde_json::json!([FIREFOX_ID]);
    } else {
        m["allowed_origins"] = serde_json::json!([format!("chrome-extension://{CHROMIUM_ID}/")]);
    }
    serde_json::to_string_pretty(&m).expect("plain json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn native(json: &str) -> Vec<u8> {
        let mut v = (json.len() as u32).to_ne_bytes().to_vec();
        v.extend_from_slice(json.as_bytes());
        v
    }

    #[test]
    fn native_messages_are_read_and_bad_ones_refused() {
        let mut input = native(
            r#"{"type":"announcement","text":"  Parlez   plus vite ","browser":"Chromium"}"#,
        );
        input.extend(native(r#"{"type":"ping","text":"x"}"#));
        let mut r = input.as_slice();
        let a = read_message(&mut r).unwrap().unwrap();
        let d = a.detection().unwrap();
        assert_eq!(d.body.as_deref(), Some("Parlez plus vite"));
        assert_eq!(d.app.as_deref(), Some("Chromium"));
        assert_eq!(d.source, PopupSource::Page);
        assert!(read_message(&mut r).unwrap().unwrap().detection().is_none());
        assert!(read_message(&mut r).unwrap().is_none());
        let huge = (10_000_000u32).to_ne_bytes();
        assert!(matches!(
            read_message(&mut huge.as_slice()),
            Err(HostError::TooLong(10_000_000))
        ));
        let bad = native("{pas du json");
        assert!(matches!(
            read_message(&mut bad.as_slice()),
            Err(HostError::Unreadable(_))
        ));
        // Cut short: an error, not an announcement.
        let cut = &native(r#"{"type":"announcement","text":"x"}"#)[..10];
        assert!(read_message(&mut &cut[..]).is_err());
    }

    #[test]
    fn a_browser_starting_the_host_is_told_apart() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert!(started_by_browser(&args(&[
            "temoin",
            "chrome-extension://icjfjfecpjdgbhdknmpdaimphjpbpkje/"
        ])));
        assert!(started_by_browser(&args(&[
            "temoin",
            "/usr/lib/mozilla/native-messaging-hosts/fr.temoin.pages.json",
            FIREFOX_ID
        ])));
        assert!(!started_by_browser(&args(&["temoin", "popup", "watch"])));
        assert!(!started_by_browser(&args(&[
            "temoin", "verify", "x.json", "y"
        ])));
    }
}
