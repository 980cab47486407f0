//! The accessibility bus (AT-SPI over D-Bus), read the way a screen reader reads it: plain D-Bus
//! calls with zbus, no extra library. Two sources use it: [`live`] hears the announcements a web
//! page or an Electron app makes to screen readers (toasts with `role="alert"`, `role="status"`,
//! `aria-live`), and [`window`] reads the text of a new window.
//!
//! Browsers and Electron apps expose nothing until the desktop's accessibility is switched on
//! (`org.a11y.Status` `IsEnabled`, read when they start) and an assistive client asks them
//! something: [`switch_on`] does the first, [`live`] the second, for every application that
//! joins the bus.
//!
//! On Windows (on paper, not built here): UI Automation gives the same two things:
//! `UIA_LiveRegionChangedEventId` / `UIA_NotificationEventId` for announcements, and the element
//! of a new window (`ElementFromHandle`) for its text; browsers build their tree on the first UIA
//! client, as here.

pub mod live;
pub mod window;

use std::collections::HashMap;

use zbus::{Connection, OwnedObjectPath, OwnedVariant};

pub(crate) const ACCESSIBLE: &str = "org.a11y.atspi.Accessible";
const TEXT: &str = "org.a11y.atspi.Text";
const COMPONENT: &str = "org.a11y.atspi.Component";
const REGISTRY: &str = "org.a11y.atspi.Registry";
const ROOT: &str = "/org/a11y/atspi/accessible/root";
const NULL: &str = "/org/a11y/atspi/null";

/// The AT-SPI roles (`AtspiRole`) that matter here.
pub mod role {
    pub const ALERT: u32 = 2;
    pub const CHECK_BOX: u32 = 7;
    pub const COMBO_BOX: u32 = 11;
    pub const DESKTOP_FRAME: u32 = 14;
    pub const DIALOG: u32 = 16;
    pub const FRAME: u32 = 23;
    pub const MENU: u32 = 33;
    pub const MENU_BAR: u32 = 34;
    pub const MENU_ITEM: u32 = 35;
    pub const PAGE_TAB_LIST: u32 = 38;
    pub const PASSWORD_TEXT: u32 = 40;
    pub const POPUP_MENU: u32 = 41;
    pub const PUSH_BUTTON: u32 = 43;
    pub const RADIO_BUTTON: u32 = 44;
    pub const SCROLL_BAR: u32 = 48;
    pub const SLIDER: u32 = 51;
    pub const SPIN_BUTTON: u32 = 52;
    pub const STATUS_BAR: u32 = 54;
    pub const TOGGLE_BUTTON: u32 = 62;
    pub const TOOL_BAR: u32 = 63;
    pub const WINDOW: u32 = 69;
    pub const APPLICATION: u32 = 75;
    pub const ENTRY: u32 = 79;
    pub const DOCUMENT_FRAME: u32 = 82;
    pub const DOCUMENT_WEB: u32 = 95;
    pub const NOTIFICATION: u32 = 101;
    pub const LOG: u32 = 111;
    pub const PUSH_BUTTON_MENU: u32 = 129;

    /// Something to press or fill in, not a message: its label is never read as the pop-up's text.
    pub fn is_control(r: u32) -> bool {
        matches!(
            r,
            CHECK_BOX
                | COMBO_BOX
                | MENU
                | MENU_BAR
                | MENU_ITEM
                | PASSWORD_TEXT
                | POPUP_MENU
                | PUSH_BUTTON
                | RADIO_BUTTON
                | SCROLL_BAR
                | SLIDER
                | SPIN_BUTTON
                | TOGGLE_BUTTON
                | TOOL_BAR
                | ENTRY
                | PUSH_BUTTON_MENU
        )
    }

    /// A web page (or an Electron app's content): what the page shows, not the browser.
    pub fn is_document(r: u32) -> bool {
        matches!(r, DOCUMENT_WEB | DOCUMENT_FRAME)
    }

    /// A top of the tree: above it, nothing belongs to a page.
    pub fn is_top(r: u32) -> bool {
        matches!(r, FRAME | WINDOW | DIALOG | APPLICATION | DESKTOP_FRAME)
    }
}

/// The `hidden` attribute browsers put on what is in the tree but not shown.
pub fn hidden(attrs: &HashMap<String, String>) -> bool {
    attrs.get("hidden").is_some_and(|v| v == "true")
}

/// An object on the accessibility bus: its application's bus name and its path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Node {
    pub bus: String,
    pub path: OwnedObjectPath,
}

impl Node {
    pub fn new(bus: &str, path: &str) -> Option<Node> {
        Some(Node {
            bus: bus.to_string(),
            path: OwnedObjectPath::try_from(path).ok()?,
        })
    }

    /// An application's root object.
    pub fn root(bus: &str) -> Node {
        Node::new(bus, ROOT).expect("a valid path")
    }

    pub fn is_null(&self) -> bool {
        self.path.as_str() == NULL
    }

    async fn call<R>(
        &self,
        conn: &Connection,
        iface: &str,
        method: &str,
        args: &(impl serde::Serialize + zbus::wire::DynamicType),
    ) -> zbus::Result<R>
    where
        R: for<'d> serde::Deserialize<'d> + zbus::wire::Type,
    {
        let reply = conn
            .call_method(
                Some(self.bus.as_str()),
                self.path.as_str(),
                Some(iface),
                method,
                args,
            )
            .await?;
        reply.body().deserialize()
    }

    async fn property(
        &self,
        conn: &Connection,
        iface: &str,
        name: &str,
    ) -> zbus::Result<OwnedVariant> {
        self.call(
            conn,
            "org.freedesktop.DBus.Properties",
            "Get",
            &(iface, name),
        )
        .await
    }

    pub async fn children(&self, conn: &Connection) -> zbus::Result<Vec<Node>> {
        let kids: Vec<(String, OwnedObjectPath)> =
            self.call(conn, ACCESSIBLE, "GetChildren", &()).await?;
        Ok(kids
            .into_iter()
            .map(|(bus, path)| Node { bus, path })
            .filter(|n| !n.is_null())
            .collect())
    }

    pub async fn role(&self, conn: &Connection) -> zbus::Result<u32> {
        self.call(conn, ACCESSIBLE, "GetRole", &()).await
    }

    pub async fn attributes(&self, conn: &Connection) -> zbus::Result<HashMap<String, String>> {
        self.call(conn, ACCESSIBLE, "GetAttributes", &()).await
    }

    pub async fn name(&self, conn: &Connection) -> String {
        match self.property(conn, ACCESSIBLE, "Name").await {
            Ok(v) => String::try_from(v).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// The parent, `None` at the top.
    pub async fn parent(&self, conn: &Connection) -> zbus::Result<Option<Node>> {
        let v = self.property(conn, ACCESSIBLE, "Parent").await?;
        let (bus, path) = <(String, OwnedObjectPath)>::try_from(v)?;
        let n = Node { bus, path };
        Ok((!n.is_null() && !n.bus.is_empty()).then_some(n))
    }

    /// Its text, when it has the Text interface.
    pub async fn text(&self, conn: &Connection) -> Option<String> {
        let ifaces: Vec<String> = self
            .call(conn, ACCESSIBLE, "GetInterfaces", &())
            .await
            .ok()?;
        if !ifaces.iter().any(|i| i == TEXT) {
            return None;
        }
        self.call(conn, TEXT, "GetText", &(0i32, -1i32)).await.ok()
    }

    /// Where it is on the screen: x, y, width, height.
    pub async fn extents(&self, conn: &Connection) -> Option<(i32, i32, i32, i32)> {
        // Coordinate type 0: the screen.
        self.call(conn, COMPONENT, "GetExtents", &(0u32,))
            .await
            .ok()
    }
}

/// How much of a subtree is read.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub max_nodes: usize,
    pub max_chars: usize,
    /// The labels of buttons, fields and menus too (a screen reader's view; a pop-up's text
    /// never holds them).
    pub controls: bool,
}

/// The text a person sees under `node`, in reading order, hidden parts left out.
pub async fn subtree_text(conn: &Connection, node: &Node, how: Reading) -> String {
    let Reading {
        max_nodes,
        max_chars,
        controls,
    } = how;
    enum Item {
        Text(String),
        Node(Node),
    }
    let mut out = String::new();
    let mut stack = vec![Item::Node(node.clone())];
    let mut read = 0;
    let push = |out: &mut String, t: &str| {
        let t = t.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
    };
    while let Some(item) = stack.pop() {
        if out.chars().count() >= max_chars {
            break;
        }
        let n = match item {
            Item::Text(t) => {
                push(&mut out, &t);
                continue;
            }
            Item::Node(n) => n,
        };
        read += 1;
        if read > max_nodes {
            break;
        }
        let Ok(r) = n.role(conn).await else { continue };
        if role::is_control(r) && !controls {
            continue;
        }
        if n.attributes(conn).await.is_ok_and(|a| hidden(&a)) {
            continue;
        }
        let kids = n.children(conn).await.unwrap_or_default();
        match n.text(conn).await {
            // Embedded objects stand in the text as U+FFFC, one per child, in order.
            Some(t) if t.contains('\u{fffc}') => {
                let parts: Vec<&str> = t.split('\u{fffc}').collect();
                let mut items = Vec::new();
                if parts.len() == kids.len() + 1 {
                    for (i, p) in parts.iter().enumerate() {
                        items.push(Item::Text(p.to_string()));
                        if let Some(k) = kids.get(i) {
                            items.push(Item::Node(k.clone()));
                        }
                    }
                } else {
                    items.push(Item::Text(parts.join(" ")));
                    items.extend(kids.into_iter().map(Item::Node));
                }
                stack.extend(items.into_iter().rev());
            }
            // A text object's children are its own words again (Chromium's static text).
            Some(t) if !t.trim().is_empty() => push(&mut out, &t),
            _ if kids.is_empty() => push(&mut out, &n.name(conn).await),
            _ => stack.extend(kids.into_iter().rev().map(Item::Node)),
        }
    }
    out
}

/// A call unanswered this long has failed: an application that hangs never holds Témoin up.
const CALL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

async fn session() -> zbus::Result<Connection> {
    zbus::connection::Builder::session()
        .method_timeout(CALL_TIMEOUT)
        .build()
        .await
}

/// Connects to the accessibility bus (its address is asked of the session bus).
pub async fn connect() -> zbus::Result<Connection> {
    let session = session().await?;
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
        .method_timeout(CALL_TIMEOUT)
        .build()
        .await
}

async fn status(session: &Connection) -> zbus::Result<bool> {
    let reply = session
        .call_method(
            Some("org.a11y.Bus"),
            "/org/a11y/bus",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.a11y.Status", "IsEnabled"),
        )
        .await?;
    let v: OwnedVariant = reply.body().deserialize()?;
    bool::try_from(v)
}

/// Switches the desktop's accessibility on (`org.a11y.Status` `IsEnabled`), as a screen reader
/// does, so that browsers and Electron apps started from now on expose their pages. `Ok(true)`:
/// it was off (browsers already open must be restarted to be read).
pub async fn switch_on() -> zbus::Result<bool> {
    let session = session().await?;
    if status(&session).await? {
        return Ok(false);
    }
    session
        .call_method(
            Some("org.a11y.Bus"),
            "/org/a11y/bus",
            Some("org.freedesktop.DBus.Properties"),
            "Set",
            &(
                "org.a11y.Status",
                "IsEnabled",
                zbus::wire::Variant::from(true),
            ),
        )
        .await?;
    Ok(true)
}

/// The applications on the accessibility bus.
pub async fn applications(conn: &Connection) -> zbus::Result<Vec<Node>> {
    Node::root("org.a11y.atspi.Registry").children(conn).await
}

/// The process behind a bus name.
pub async fn pid_of(conn: &Connection, bus: &str) -> Option<u32> {
    let reply = conn
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "GetConnectionUnixProcessID",
            &(bus,),
        )
        .await
        .ok()?;
    reply.body().deserialize().ok()
}

/// Asks the registry that applications send these events (they send none nobody listens to).
pub async fn register_events(conn: &Connection, events: &[&str]) -> zbus::Result<()> {
    for e in events {
        let full = conn
            .call_method(
                Some("org.a11y.atspi.Registry"),
                "/org/a11y/atspi/registry",
                Some(REGISTRY),
                "RegisterEvent",
                &(*e, Vec::<&str>::new(), ""),
            )
            .await;
        // Registries before at-spi2-core 2.40 take the event name alone.
        if full.is_err() {
            conn.call_method(
                Some("org.a11y.atspi.Registry"),
                "/org/a11y/atspi/registry",
                Some(REGISTRY),
                "RegisterEvent",
                &(*e,),
            )
            .await?;
        }
    }
    Ok(())
}
