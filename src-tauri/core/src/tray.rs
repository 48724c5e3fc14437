//! The tray (F5): its icon state and menu, from the token views. The shell builds the
//! real menu from this model once, then applies [`changes`] to it: Linux trays cannot
//! have their menu replaced, only its items changed, added and removed by id.

#[cfg(test)]
mod tests;
mod text;
mod wake;

pub use wake::{next_change, next_change_in};

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::{TokenView, Urgency};

/// At most this many tokens in the menu; the rest are in the window.
pub const MAX_TOKENS: usize = 15;

/// Which of the three icons the tray shows: the worst state among the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrayIcon {
    Ok,
    /// A token expires within two weeks or needs something else done.
    Expiring,
    /// A token expired or GitHub refuses it.
    Bad,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenuItem {
    pub id: String,
    pub label: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MenuEntry {
    Item(MenuItem),
    /// A token: its line opens Copy / Renew / Open.
    Submenu {
        item: MenuItem,
        items: Vec<MenuItem>,
    },
    Separator {
        id: String,
    },
}

impl MenuEntry {
    pub fn id(&self) -> &str {
        match self {
            MenuEntry::Item(i) | MenuEntry::Submenu { item: i, .. } => &i.id,
            MenuEntry::Separator { id } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrayMenu {
    pub icon: TrayIcon,
    pub entries: Vec<MenuEntry>,
}

/// What a menu item asks for, read back from its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrayAction {
    Copy(String),
    Renew(String),
    Open(String),
    NewToken,
    OpenJeton,
    Quit,
}

pub const SUMMARY_ID: &str = "summary";
pub const NEW_TOKEN_ID: &str = "new-token";
pub const OPEN_JETON_ID: &str = "open-jeton";
pub const QUIT_ID: &str = "quit";
const MORE_ID: &str = "more";

fn token_item_id(token: &str, what: &str) -> String {
    format!("token/{token}/{what}")
}

/// The action of a menu item id, `None` for the summary and other inert lines.
pub fn action_of(item_id: &str) -> Option<TrayAction> {
    match item_id {
        NEW_TOKEN_ID => return Some(TrayAction::NewToken),
        OPEN_JETON_ID => return Some(TrayAction::OpenJeton),
        QUIT_ID => return Some(TrayAction::Quit),
        _ => {}
    }
    let (token, what) = item_id.strip_prefix("token/")?.rsplit_once('/')?;
    let token = token.to_owned();
    match what {
        "copy" => Some(TrayAction::Copy(token)),
        "renew" => Some(TrayAction::Renew(token)),
        "open" => Some(TrayAction::Open(token)),
        _ => None,
    }
}

/// The notice shown the first time the window is closed (title, body): Jeton stays
/// in the tray.
pub fn close_notice(lang: Lang) -> (&'static str, &'static str) {
    text::closed_to_tray(lang)
}

/// The icon for a set of tokens: the worst of them.
pub fn icon_of(tokens: &[TokenView]) -> TrayIcon {
    tokens
        .iter()
        .map(|t| match t.urgency {
            Urgency::Over => TrayIcon::Bad,
            Urgency::Urgent | Urgency::Soon => TrayIcon::Expiring,
            Urgency::None if t.needs_attention => TrayIcon::Expiring,
            Urgency::None => TrayIcon::Ok,
        })
        .max()
        .unwrap_or(TrayIcon::Ok)
}

/// The menu: a disabled summary line, the tokens by expiry (each with Copy / Renew /
/// Open), then "New token…", "Open Jeton", "Quit".
pub fn menu(tokens: &[TokenView], lang: Lang) -> TrayMenu {
    let words = text::Words::of(lang);
    let mut sorted: Vec<&TokenView> = tokens.iter().filter(|t| t.id.is_some()).collect();
    sorted.sort_by_key(|t| (order_rank(t), t.days_left, t.name.clone()));
    let item = |id: &str, label: String, enabled: bool| MenuItem { id: id.to_owned(), label, enabled };
    let mut entries = vec![MenuEntry::Item(item(SUMMARY_ID, text::summary(tokens, lang), false))];
    if !sorted.is_empty() {
        entries.push(MenuEntry::Separator { id: "sep/summary".into() });
    }
    for t in sorted.iter().take(MAX_TOKENS) {
        let id = t.id.as_deref().unwrap_or_default();
        entries.push(MenuEntry::Submenu {
            item: item(&format!("token/{id}"), text::token_line(t, lang), true),
            items: vec![
                item(&token_item_id(id, "copy"), words.copy.into(), !t.secret_missing),
                item(&token_item_id(id, "renew"), words.renew.into(), true),
                item(&token_item_id(id, "open"), words.open.into(), true),
            ],
        });
    }
    if sorted.len() > MAX_TOKENS {
        entries.push(MenuEntry::Item(item(MORE_ID, text::more(sorted.len() - MAX_TOKENS, lang), false)));
    }
    entries.push(MenuEntry::Separator { id: "sep/actions".into() });
    entries.push(MenuEntry::Item(item(NEW_TOKEN_ID, words.new_token.into(), true)));
    entries.push(MenuEntry::Item(item(OPEN_JETON_ID, words.open_jeton.into(), true)));
    entries.push(MenuEntry::Item(item(QUIT_ID, words.quit.into(), true)));
    TrayMenu { icon: icon_of(tokens), entries }
}

/// Tokens GitHub refuses first, then by days left, then those without an expiry.
fn order_rank(t: &TokenView) -> u8 {
    match (t.urgency, t.days_left) {
        (Urgency::Over, _) => 0,
        (_, Some(_)) => 1,
        (_, None) => 2,
    }
}

/// One change to apply to the menu already shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MenuChange {
    /// Remove the top-level entry with this id (removals come first).
    Remove { id: String },
    /// Insert at this top-level position (after the removals and earlier inserts).
    Insert { index: usize, entry: MenuEntry },
    /// Change an item's label or whether it can be clicked, in place.
    Update { item: MenuItem },
}

/// The changes that turn the menu `old` into `new`, keeping every entry whose id is at
/// the same place in both and updating only what differs in it.
pub fn changes(old: &TrayMenu, new: &TrayMenu) -> Vec<MenuChange> {
    let (o, n) = (&old.entries, &new.entries);
    let prefix = o.iter().zip(n).take_while(|(a, b)| a.id() == b.id()).count();
    let max_suffix = o.len().min(n.len()) - prefix;
    let suffix = o.iter().rev().zip(n.iter().rev()).take(max_suffix).take_while(|(a, b)| a.id() == b.id()).count();
    let mut out: Vec<MenuChange> =
        o[prefix..o.len() - suffix].iter().map(|e| MenuChange::Remove { id: e.id().to_owned() }).collect();
    for (i, e) in n[prefix..n.len() - suffix].iter().enumerate() {
        out.push(MenuChange::Insert { index: prefix + i, entry: e.clone() });
    }
    let kept = o[..prefix].iter().zip(&n[..prefix]).chain(o[o.len() - suffix..].iter().zip(&n[n.len() - suffix..]));
    for (a, b) in kept {
        let (a_items, b_items): (Vec<&MenuItem>, Vec<&MenuItem>) = match (a, b) {
            (MenuEntry::Item(x), MenuEntry::Item(y)) => (vec![x], vec![y]),
            (MenuEntry::Submenu { item: x, items: xs }, MenuEntry::Submenu { item: y, items: ys }) => {
                (std::iter::once(x).chain(xs).collect(), std::iter::once(y).chain(ys).collect())
            }
            _ => (vec![], vec![]),
        };
        for (x, y) in a_items.into_iter().zip(b_items) {
            if x != y {
                out.push(MenuChange::Update { item: y.clone() });
            }
        }
    }
    out
}
