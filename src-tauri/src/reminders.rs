//! The reminder task: sleeps until the schedule's next wake, never more than ten
//! minutes without reading the wall clock again, or until Jeton's data changes (the
//! window, the CLI beside it); then shows what is due and writes it to the tokens' log,
//! and once a day re-checks every token. Every decision is core's
//! (`jeton_core::reminders::runner`); this only sleeps, shows and records. Nothing
//! else runs in between: no polling, no timer in the web view.

mod desktop;

use std::sync::Arc;
use std::time::Duration;

use jeton_core::apps::org_notice::{self, OrgRequestsNotice};
use jeton_core::clock::{Clock, SystemClock};
use jeton_core::i18n::Lang;
use jeton_core::reminders::runner::{Runner, LONGEST_SLEEP};
use jeton_core::reminders::Notice;
use jeton_core::service::Jeton;
use tauri::{AppHandle, Manager};
use tokio::sync::watch;

use crate::commands::AppState;
use crate::data_watch::DataChanges;

/// Where notices go: the desktop's notification service in the app, a list in tests.
pub(crate) trait Show: Send + Sync + 'static {
    /// Shows `notice`; false when it could not be (it is then tried again at the next wake).
    fn show(&self, notice: &Notice) -> impl std::future::Future<Output = bool> + Send;
    /// Shows that token requests arrived in an org; false when it could not be.
    fn show_org(&self, notice: &OrgRequestsNotice) -> impl std::future::Future<Output = bool> + Send;
}

/// Starts the task beside the app, when Jeton's core started.
pub fn start(app: &AppHandle, changes: Option<DataChanges>) {
    let Ok(jeton) = app.state::<AppState>().jeton.clone() else { return };
    let shower = desktop::Desktop::new(app.clone());
    tauri::async_runtime::spawn(run(jeton, Arc::new(SystemClock), shower, changes.map(|c| c.0)));
}

/// The task itself: looks, shows, records, sleeps; for ever.
pub(crate) async fn run(
    jeton: Arc<Jeton>,
    clock: Arc<dyn Clock>,
    shower: impl Show,
    mut changes: Option<watch::Receiver<u64>>,
) {
    let mut runner = Runner::default();
    loop {
        let now = clock.now();
        let sleep = match tokio::task::block_in_place(|| runner.step(&jeton, now)) {
            Err(e) => {
                tracing::warn!(code = e.code(), "reminders: the tokens could not be read; looking again later");
                LONGEST_SLEEP
            }
            Ok(step) if step.recheck => {
                runner.rechecking(now);
                tracing::debug!("reminders: the daily re-check of every token");
                // The views go nowhere: the window lists the tokens again when it is shown.
                if let Err(e) = jeton.recheck_all(Lang::En, Default::default(), |_| {}).await {
                    tracing::warn!(code = e.code(), "reminders: the daily re-check failed");
                }
                continue;
            }
            Ok(step) if step.org_look => {
                runner.org_looking(now);
                for notice in org_notice::look(&jeton).await {
                    if !shower.show_org(&notice).await {
                        continue;
                    }
                    let noted = tokio::task::block_in_place(|| jeton.vault.org_requests_notified(&notice, clock.now()));
                    if let Err(e) = noted {
                        tracing::warn!(code = e.code(), "reminders: token requests shown could not be written down");
                    }
                }
                continue;
            }
            Ok(step) => {
                for notice in &step.due {
                    if !shower.show(notice).await {
                        continue;
                    }
                    if let Err(e) = tokio::task::block_in_place(|| runner.shown(&jeton, notice, clock.now())) {
                        tracing::warn!(code = e.code(), "reminders: a notice shown could not be written down");
                    }
                }
                tracing::debug!(due = step.due.len(), sleep_secs = step.sleep.as_secs(), "reminders: looked");
                step.sleep
            }
        };
        wait(sleep, &mut changes).await;
    }
}

/// Sleeps for `sleep`, or until the data changes.
async fn wait(sleep: Duration, changes: &mut Option<watch::Receiver<u64>>) {
    let Some(rx) = changes else { return tokio::time::sleep(sleep).await };
    tokio::select! {
        _ = tokio::time::sleep(sleep) => {}
        seen = rx.changed() => if seen.is_err() {
            // The watch is gone: the clock alone wakes the task from now on.
            *changes = None;
        },
    }
}

#[cfg(test)]
mod tests;
