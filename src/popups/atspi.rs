//! Reading a pop-up window's text through the accessibility bus (AT-SPI), where the application
//! exposes it for screen readers: the labels and text inside the window whose title and process
//! match the new X window. Plain D-Bus calls on the accessibility bus (no extra library): the
//! bus address from `org.a11y.Bus`, the applications from the registry, their windows' trees.
//!
//! Apps that expose nothing (or only once accessibility is switched on, such as Chromium-based
//! ones) give no text here; OCR, where the worker enables it, is the fallback.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use zbus::{Connection, OwnedObjectPath, OwnedVariant};

/// Nodes read at most per window (a pop-up is small; a whole CRM is not read).
const MAX_NODES: usize = 300;
/// How long to wait before asking again for the accessibility bus after it was missing.
const RETRY: Duration = Duration::from_secs(30);

const ACCESSIBLE: &str = "org.a11y.atspi.Accessible";
const TEXT: &str = "org.a11y.atspi.Text";

/// A connection to the accessibility bus, made when first needed.
#[derive(Default)]
pub struct Reader {
    conn: Option<Connection>,
    failed_at: Option<Instant>,
}

/// What a lookup found.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// The window's text.
    Text(String),
    /// The process is on the accessibility bus but the window is not (yet) there.
    AppOnly,
    /// Nothing to read here (no bus, or the process does not expose itself).
    Nothing,
}

impl Reader {
    /// The text of the window titled `title` of process `pid`.
    pub fn read(&mut self, pid: u32, title: &str) -> Found {
        let Some(conn) = self.connect() else {
            return Found::Nothing;
        };
        match zbus::block_on(lookup(&conn, pid, title)) {
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
        let conn = zbus::block_on(async {
            let session = Connection::session().await?;
            let reply = session
                .call_method(
                    Some("org.a11y.Bus"),
                    "/org/a11y/bus",
                    Some("org.a11y.Bus"),
                    "GetAddress",
                    &(),
                )
                .await?;
            let address: String = reply.body().deserialize()?;
            zbus::connection::Builder::address(address.as_str())
                .build()
                .await
        });
        match conn {
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

type Node = (String, OwnedObjectPath);

async fn children(conn: &Connection, (bus, path): &Node) -> zbus::Result<Vec<Node>> {
    let reply = conn
        .call_method(
            Some(bus.as_str()),
            path.as_str(),
            Some(ACCESSIBLE),
            "GetChildren",
            &(),
        )
        .await?;
    reply.body().deserialize()
}

async fn property(
    conn: &Connection,
    (bus, path): &Node,
    iface: &str,
    name: &str,
) -> zbus::Result<OwnedVariant> {
    let reply = conn
        .call_method(
            Some(bus.as_str()),
            path.as_str(),
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &(iface, name),
        )
        .await?;
    reply.body().deserialize()
}

async fn name(conn: &Connection, node: &Node) -> String {
    match property(conn, node, ACCESSIBLE, "Name").await {
        Ok(v) => String::try_from(v).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn text(conn: &Connection, (bus, path): &Node) -> Option<String> {
    let reply = conn
        .call_method(
            Some(bus.as_str()),
            path.as_str(),
            Some(ACCESSIBLE),
            "GetInterfaces",
            &(),
        )
        .await
        .ok()?;
    let ifaces: Vec<String> = reply.body().deserialize().ok()?;
    if !ifaces.iter().any(|i| i == TEXT) {
        return None;
    }
    let reply = conn
        .call_method(
            Some(bus.as_str()),
            path.as_str(),
            Some(TEXT),
            "GetText",
            &(0i32, -1i32),
        )
        .await
        .ok()?;
    reply.body().deserialize().ok()
}

async fn lookup(conn: &Connection, pid: u32, title: &str) -> zbus::Result<Found> {
    let root: Node = (
        "org.a11y.atspi.Registry".into(),
        OwnedObjectPath::try_from("/org/a11y/atspi/accessible/root")?,
    );
    let mut app = None;
    for candidate in children(conn, &root).await? {
        let reply = conn
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                "GetConnectionUnixProcessID",
                &(candidate.0.as_str(),),
            )
            .await;
        if let Ok(r) = reply
            && r.body().deserialize::<u32>().is_ok_and(|p| p == pid)
        {
            app = Some(candidate);
            break;
        }
    }
    let Some(app) = app else {
        return Ok(Found::Nothing);
    };
    let mut window = None;
    for w in children(conn, &app).await? {
        if name(conn, &w).await == title {
            window = Some(w);
            break;
        }
    }
    let Some(window) = window else {
        return Ok(Found::AppOnly);
    };
    // Breadth first: the message before the buttons.
    let mut parts: Vec<String> = Vec::new();
    let mut queue: VecDeque<Node> = children(conn, &window).await?.into();
    let mut seen = 0;
    while let Some(node) = queue.pop_front() {
        seen += 1;
        if seen > MAX_NODES {
            break;
        }
        let part = match text(conn, &node).await {
            Some(t) if !t.trim().is_empty() => t,
            _ => name(conn, &node).await,
        };
        let part = part.trim().to_string();
        if !part.is_empty() && part != title && !parts.contains(&part) {
            parts.push(part);
        }
        if let Ok(kids) = children(conn, &node).await {
            queue.extend(kids);
        }
    }
    Ok(Found::Text(parts.join(" ")))
}
