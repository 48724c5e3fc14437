//! Reminders on the desktop's notification service (`org.freedesktop.Notifications` on
//! Linux, through notify-rust: the notification plugin shows no actions and hears no
//! click on desktop). Title, body and action labels come from core in the language
//! Jeton speaks; "Copy", "Renew" and "Open" are offered only when the service announces
//! the `actions` capability, and a click opens Jeton on the token.
//!
//! Without a notification service Jeton says so once in its log and goes on: the
//! window still shows which tokens expire, and the notice is tried again later.

use std::sync::atomic::{AtomicBool, Ordering};

use jeton_core::reminders::{Notice, NoticeAction};
use notify_rust::{Hint, Notification, NotificationResponse, Timeout, Urgency};
use tauri::{AppHandle, Emitter, Manager};

use crate::commands::AppState;

pub(crate) struct Desktop {
    app: AppHandle,
    /// Whether "no notification service" was logged already.
    told_missing: AtomicBool,
}

impl Desktop {
    pub(crate) fn new(app: AppHandle) -> Desktop {
        Desktop { app, told_missing: AtomicBool::new(false) }
    }
}

impl super::Show for Desktop {
    async fn show(&self, notice: &Notice) -> bool {
        let lang = self.app.state::<AppState>().lang();
        let caps = tauri::async_runtime::spawn_blocking(notify_rust::get_capabilities).await;
        let caps = caps.ok().and_then(Result::ok).unwrap_or_default();
        let has = |c: &str| caps.iter().any(|x| x == c);
        let text = notice.text(lang);
        let body = if has("body-markup") { escape_markup(&text.body) } else { text.body };
        let mut n = Notification::new();
        n.appname("Jeton").summary(&text.title).body(&body);
        // A reminder stays until the user closes it: it is not missed while away.
        n.timeout(Timeout::Never).hint(Hint::Urgency(if notice.dead() { Urgency::Critical } else { Urgency::Normal }));
        if has("actions") {
            // "default" is a click on the notification itself.
            n.action("default", NoticeAction::Open.label(lang));
            for a in notice.actions() {
                n.action(a.key(), a.label(lang));
            }
        }
        let handle = match n.show_async().await {
            Ok(h) => h,
            Err(e) => {
                if !self.told_missing.swap(true, Ordering::Relaxed) {
                    tracing::warn!(error = %e, "reminders: no notification service; reminders show in the window only");
                }
                return false;
            }
        };
        self.told_missing.store(false, Ordering::Relaxed);
        let (app, id) = (self.app.clone(), notice.token_id.clone());
        // The handle keeps the connection the service answers on: it waits here.
        tauri::async_runtime::spawn(async move {
            let mut picked = None;
            handle
                .wait_for_action_async(|r| {
                    picked = match r {
                        NotificationResponse::Default => Some(NoticeAction::Open),
                        NotificationResponse::Action(key) => NoticeAction::from_key(key),
                        _ => None,
                    }
                })
                .await;
            if let Some(action) = picked {
                act(&app, action, &id).await;
            }
        });
        true
    }

    async fn show_org(&self, notice: &jeton_core::apps::org_notice::OrgRequestsNotice) -> bool {
        self.show_org_requests(notice).await
    }
}

impl Desktop {
    /// Token requests arrived in an org: title and body from core; a click opens Jeton.
    pub(crate) async fn show_org_requests(&self, notice: &jeton_core::apps::org_notice::OrgRequestsNotice) -> bool {
        let lang = self.app.state::<AppState>().lang();
        let text = notice.text(lang);
        let mut n = Notification::new();
        n.appname("Jeton").summary(&text.title).body(&text.body);
        n.timeout(Timeout::Never).hint(Hint::Urgency(Urgency::Normal));
        match n.show_async().await {
            Ok(handle) => {
                let app = self.app.clone();
                tauri::async_runtime::spawn(async move {
                    let mut open = false;
                    handle.wait_for_action_async(|r| open = matches!(r, NotificationResponse::Default)).await;
                    if open {
                        crate::window::show_main(&app);
                    }
                });
                true
            }
            Err(e) => {
                tracing::warn!(error = %e, "reminders: token requests not shown (no notification service)");
                false
            }
        }
    }
}

/// Does what a notification's action asks, about token `id`.
async fn act(app: &AppHandle, action: NoticeAction, id: &str) {
    tracing::debug!(action = action.key(), "reminders: notification action");
    let state = app.state::<AppState>();
    let Ok(jeton) = state.jeton.clone() else { return };
    let done = match action {
        NoticeAction::Open => {
            crate::window::show_main(app);
            let _ = app.emit(crate::tray::OPEN_TOKEN_EVENT, id);
            Ok(())
        }
        NoticeAction::Copy => app.state::<crate::clipboard::Copier>().copy_stored(&jeton, id).await.map(|_| ()),
        NoticeAction::Renew => {
            crate::commands::open_token_page(app, &jeton, id, jeton_core::pages::Page::Settings).await
        }
    };
    if let Err(e) = done {
        tracing::warn!(code = e.code(), action = action.key(), "reminders: the notification's action failed");
        crate::notice::show_error(&e, state.lang());
    }
}

/// The body as text in a service that reads markup (a token named `a<b>` stays so).
fn escape_markup(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_is_escaped_once() {
        assert_eq!(super::escape_markup("“a<b> & c”"), "“a&lt;b&gt; &amp; c”");
    }
}
