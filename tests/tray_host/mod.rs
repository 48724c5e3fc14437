//! A desktop's side of a Linux tray, for tests: a StatusNotifierWatcher that records
//! the items that register, and readers for an item's icon and its menu (dbusmenu).
//! Runs on the test's session bus (`scripts/headless` gives each run a private one).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use zbus::message::Header;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::{OwnedValue, Value};
use zbus::Connection;

const ITEM: &str = "org.kde.StatusNotifierItem";
const DBUSMENU: &str = "com.canonical.dbusmenu";

/// A registered tray item: its bus name and object path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub bus: String,
    pub path: String,
}

struct WatcherIface {
    items: Arc<Mutex<Vec<Item>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl WatcherIface {
    /// libayatana passes its object path; other implementations pass a bus name.
    async fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let item = if service.starts_with('/') {
            Item { bus: sender, path: service.to_owned() }
        } else {
            Item { bus: service.to_owned(), path: "/StatusNotifierItem".to_owned() }
        };
        let full = format!("{}{}", item.bus, item.path);
        self.items.lock().unwrap().push(item);
        let _ = Self::status_notifier_item_registered(&emitter, &full).await;
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap().iter().map(|i| format!("{}{}", i.bus, i.path)).collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(emitter: &SignalEmitter<'_>, service: &str) -> zbus::Result<()>;
}

/// The watcher and a host, as a desktop's panel would run them.
pub struct Watcher {
    pub conn: Connection,
    items: Arc<Mutex<Vec<Item>>>,
}

impl Watcher {
    pub async fn start() -> Watcher {
        let items = Arc::new(Mutex::new(vec![]));
        let iface = WatcherIface { items: items.clone() };
        let conn = zbus::connection::Builder::session()
            .expect("a session bus: run under scripts/headless")
            .name("org.kde.StatusNotifierWatcher")
            .unwrap()
            .serve_at("/StatusNotifierWatcher", iface)
            .unwrap()
            .build()
            .await
            .expect("owning org.kde.StatusNotifierWatcher on the session bus");
        conn.request_name(format!("org.kde.StatusNotifierHost-{}", std::process::id())).await.unwrap();
        Watcher { conn, items }
    }

    /// The item registered by the process `pid`, if any yet.
    pub async fn item_of(&self, pid: u32) -> Option<Item> {
        let dbus = zbus::fdo::DBusProxy::new(&self.conn).await.unwrap();
        let items = self.items.lock().unwrap().clone();
        for item in items {
            let name = zbus::names::BusName::try_from(item.bus.as_str()).unwrap();
            if dbus.get_connection_unix_process_id(name).await.ok() == Some(pid) {
                return Some(item);
            }
        }
        None
    }

    async fn property(&self, item: &Item, iface: &str, name: &str) -> zbus::Result<OwnedValue> {
        let reply = self
            .conn
            .call_method(
                Some(item.bus.as_str()),
                item.path.as_str(),
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &(iface, name),
            )
            .await?;
        reply.body().deserialize::<OwnedValue>()
    }

    async fn string_property(&self, item: &Item, name: &str) -> String {
        let v = self.property(item, ITEM, name).await.unwrap();
        String::try_from(v).unwrap_or_default()
    }

    /// The icon file the item shows now (IconName, a path or a name in IconThemePath).
    pub async fn icon_file(&self, item: &Item) -> std::path::PathBuf {
        let name = self.string_property(item, "IconName").await;
        if name.starts_with('/') {
            return name.into();
        }
        let dir = self.string_property(item, "IconThemePath").await;
        std::path::Path::new(&dir).join(format!("{name}.png"))
    }

    /// The item's menu as dbusmenu's GetLayout gives it.
    pub async fn menu(&self, item: &Item) -> MenuNode {
        let path = zbus::zvariant::OwnedObjectPath::try_from(self.property(item, ITEM, "Menu").await.unwrap()).unwrap();
        let reply = self
            .conn
            .call_method(
                Some(item.bus.as_str()),
                path.as_str(),
                Some(DBUSMENU),
                "GetLayout",
                &(0i32, -1i32, Vec::<&str>::new()),
            )
            .await
            .unwrap();
        type Layout = (u32, (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>));
        let (_revision, (id, props, children)) = reply.body().deserialize::<Layout>().unwrap();
        node(id, props.iter().map(|(k, v)| (k.as_str(), &**v)), children.iter().map(|c| &**c))
    }

    /// Clicks menu item `id`, as the panel does when the user picks it.
    pub async fn click(&self, item: &Item, id: i32) {
        let path = zbus::zvariant::OwnedObjectPath::try_from(self.property(item, ITEM, "Menu").await.unwrap()).unwrap();
        self.conn
            .call_method(
                Some(item.bus.as_str()),
                path.as_str(),
                Some(DBUSMENU),
                "Event",
                &(id, "clicked", Value::from(0i32), 0u32),
            )
            .await
            .unwrap();
    }
}

/// One entry of a dbusmenu layout.
#[derive(Debug, Clone)]
pub struct MenuNode {
    pub id: i32,
    pub label: String,
    pub enabled: bool,
    pub separator: bool,
    pub children: Vec<MenuNode>,
}

impl MenuNode {
    /// The labels of the top-level entries, separators as `---`.
    pub fn labels(&self) -> Vec<String> {
        self.children.iter().map(|c| if c.separator { "---".into() } else { c.label.clone() }).collect()
    }

    /// The top-level entry whose label starts with `start`.
    pub fn entry(&self, start: &str) -> Option<&MenuNode> {
        self.children.iter().find(|c| c.label.starts_with(start))
    }
}

fn node<'a>(
    id: i32,
    props: impl Iterator<Item = (&'a str, &'a Value<'a>)>,
    children: impl Iterator<Item = &'a Value<'a>>,
) -> MenuNode {
    let mut n = MenuNode { id, label: String::new(), enabled: true, separator: false, children: vec![] };
    for (k, v) in props {
        let v = unwrap_variant(v);
        match (k, v) {
            ("label", Value::Str(s)) => n.label = s.as_str().to_owned(),
            ("enabled", Value::Bool(b)) => n.enabled = *b,
            ("type", Value::Str(s)) => n.separator = s.as_str() == "separator",
            _ => {}
        }
    }
    n.children = children.map(child).collect();
    n
}

fn unwrap_variant<'a>(v: &'a Value<'a>) -> &'a Value<'a> {
    match v {
        Value::Value(inner) => unwrap_variant(inner),
        other => other,
    }
}

fn child<'a>(v: &'a Value<'a>) -> MenuNode {
    let Value::Structure(s) = unwrap_variant(v) else { panic!("a dbusmenu child is (ia{{sv}}av), got {v:?}") };
    let [Value::I32(id), Value::Dict(props), Value::Array(children)] = s.fields() else {
        panic!("a dbusmenu child is (ia{{sv}}av), got {s:?}")
    };
    let props = props.iter().filter_map(|(k, v)| match k {
        Value::Str(k) => Some((k.as_str(), v)),
        _ => None,
    });
    node(*id, props, children.inner().iter())
}
