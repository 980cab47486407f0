//! Reading a new window's text through the accessibility bus, where the application exposes it
//! for screen readers. The window is found by its process and then by its title or, when the
//! title has already changed (Chromium names an app window after its file, then after its page),
//! by its place and size on the screen. In a browser or an Electron app only the page is read,
//! never the browser's own bars, and a browser's main window (with its tabs) is never a pop-up.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use zbus::Connection;

use super::{Node, hidden, role};

/// Objects looked at at most to find a window's pages (a browser's interface is about 250).
const SCAN_NODES: usize = 800;
/// A window's text is read up to this many objects and characters (a pop-up is small).
const READ_NODES: usize = 300;
const READ_CHARS: usize = 2000;

impl Wanted {
    fn reading(&self) -> super::Reading {
        super::Reading {
            max_nodes: READ_NODES,
            max_chars: READ_CHARS,
            controls: self.controls,
        }
    }
}
/// How long to wait before asking again for the accessibility bus after it was missing.
const RETRY: Duration = Duration::from_secs(30);
/// A window is the accessible whose place and size are within this many pixels of it.
const SAME_PLACE: i32 = 12;

/// What a lookup found.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// The window's text (a page's only, in a browser or an Electron app).
    Text(String),
    /// A browser's own window, with its tabs: never a pop-up.
    Browser,
    /// Not there yet: the application, its window or its page is still coming.
    NotYet,
    /// Nothing to read here (no bus, an application that exposes nothing, or only a browser's
    /// own interface).
    Nothing,
}

/// The window to find: its process, title, and place on the screen (x, y, width, height).
#[derive(Debug, Clone)]
pub struct Wanted {
    pub pid: u32,
    pub title: String,
    pub place: Option<(i32, i32, i32, i32)>,
    /// The labels of buttons and fields too (a screen reader's view; never for a pop-up).
    pub controls: bool,
}

/// A connection to the accessibility bus, made when first needed.
#[derive(Default)]
pub struct Reader {
    conn: Option<Connection>,
    failed_at: Option<Instant>,
}

impl Reader {
    pub fn read(&mut self, wanted: &Wanted) -> Found {
        let Some(conn) = self.connect() else {
            return Found::Nothing;
        };
        match zbus::block_on(lookup(&conn, wanted)) {
            Ok(found) => found,
            Err(_) => {
                // A lost bus is asked for again on the next window.
                self.conn = None;
                Found::Nothing
            }
        }
    }

    fn connect(&mut self) -> Option<Connection> {
        if let Some(c) = &self.conn {
            return Some(c.clone());
        }
        if self.failed_at.is_some_and(|t| t.elapsed() < RETRY) {
            return None;
        }
        match zbus::block_on(super::connect()) {
            Ok(c) => {
                self.conn = Some(c.clone());
                Some(c)
            }
            Err(_) => {
                self.failed_at = Some(Instant::now());
                None
            }
        }
    }
}

fn near(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    (a.0 - b.0).abs() <= SAME_PLACE
        && (a.1 - b.1).abs() <= SAME_PLACE
        && (a.2 - b.2).abs() <= SAME_PLACE
        && (a.3 - b.3).abs() <= SAME_PLACE
}

async fn lookup(conn: &Connection, wanted: &Wanted) -> zbus::Result<Found> {
    let mut app = None;
    for candidate in super::applications(conn).await? {
        if super::pid_of(conn, &candidate.bus).await == Some(wanted.pid) {
            app = Some(candidate);
            break;
        }
    }
    let Some(app) = app else {
        return Ok(Found::NotYet);
    };
    let windows = app.children(conn).await?;
    let mut window = None;
    for w in &windows {
        if w.name(conn).await == wanted.title {
            window = Some(w.clone());
            break;
        }
    }
    if window.is_none()
        && let Some(place) = wanted.place
    {
        for w in &windows {
            if w.extents(conn).await.is_some_and(|e| near(e, place)) {
                window = Some(w.clone());
                break;
            }
        }
    }
    if window.is_none() && windows.len() == 1 {
        window = windows.into_iter().next();
    }
    let Some(window) = window else {
        return Ok(Found::NotYet);
    };
    let scan = scan(conn, &window).await?;
    if scan.tabs {
        return Ok(Found::Browser);
    }
    if !scan.pages.is_empty() {
        let mut parts = Vec::new();
        for page in &scan.pages {
            let t = super::subtree_text(conn, page, wanted.reading()).await;
            if !t.is_empty() {
                parts.push(t);
            }
        }
        // A page that is still loading has nothing yet.
        return Ok(if parts.is_empty() {
            Found::NotYet
        } else {
            Found::Text(parts.join(" "))
        });
    }
    if scan.browser_toolkit {
        return Ok(Found::Nothing);
    }
    // A native window (a GTK or Qt dialog): what it says, its buttons left out.
    let text = super::subtree_text(conn, &window, wanted.reading()).await;
    let text = text
        .strip_prefix(wanted.title.as_str())
        .map(str::trim)
        .unwrap_or(&text)
        .to_string();
    Ok(Found::Text(text))
}

/// What a window holds.
struct Scan {
    /// Its pages (documents), in order.
    pages: Vec<Node>,
    /// It shows tabs outside any page: a browser's main window.
    tabs: bool,
    /// Its interface is a browser engine's (Chromium's views, Gecko's): nothing outside a page
    /// is ever read.
    browser_toolkit: bool,
}

/// Breadth first from the window, without going into pages.
async fn scan(conn: &Connection, window: &Node) -> zbus::Result<Scan> {
    let attrs = window.attributes(conn).await.unwrap_or_default();
    let mut s = Scan {
        pages: Vec::new(),
        tabs: false,
        // Chromium's views name their class; Gecko's interface is made of tags.
        browser_toolkit: attrs.get("class").is_some_and(|c| c.ends_with("RootView"))
            || attrs.contains_key("tag"),
    };
    let mut queue: VecDeque<Node> = window.children(conn).await?.into();
    let mut seen = 0;
    while let Some(node) = queue.pop_front() {
        seen += 1;
        if seen > SCAN_NODES {
            break;
        }
        let Ok(r) = node.role(conn).await else {
            continue;
        };
        if role::is_document(r) {
            s.browser_toolkit = true;
            if !node.attributes(conn).await.is_ok_and(|a| hidden(&a)) {
                s.pages.push(node);
            }
            continue;
        }
        if r == role::PAGE_TAB_LIST {
            let a = node.attributes(conn).await.unwrap_or_default();
            // A tab list inside a bubble (Chromium's translation offer) is not the tab strip.
            if !hidden(&a) && a.get("class").is_none_or(|c| c != "TabbedPane") {
                s.tabs = true;
                return Ok(s);
            }
            continue;
        }
        if let Ok(kids) = node.children(conn).await {
            queue.extend(kids);
        }
    }
    Ok(s)
}
