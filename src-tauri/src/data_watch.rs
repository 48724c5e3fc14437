//! Tells when Jeton's data changed on disk: the tokens (`tokens.json`, written by the
//! window, the CLI running beside the app, or another Jeton) and the settings (the
//! language). Both files are replaced by rename, so a change is one event; reads make
//! none. Whoever shows tokens (the tray) waits on [`DataChanges`] instead of polling.

use std::path::Path;

use notify::{EventKind, RecursiveMode, Watcher};
use tokio::sync::watch;

/// A counter bumped on each change; clone the receiver to wait with `changed()`.
#[derive(Clone)]
pub struct DataChanges(pub watch::Receiver<u64>);

/// Keeps the OS watch alive: dropped, changes are no longer seen.
pub struct DataWatch {
    _watcher: notify::RecommendedWatcher,
    pub changes: DataChanges,
}

/// Whether an event changed the tokens or the settings (not the lock file, not a
/// temporary file, not another file of the data dir).
fn relevant(event: &notify::Event) -> bool {
    let watched = |name: &std::ffi::OsStr| {
        name == jeton_core::vault::metadata::FILE_NAME || name == jeton_core::settings::FILE_NAME
    };
    matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
        && event.paths.iter().filter_map(|p| p.file_name()).any(watched)
}

/// Watches `dir` (created when missing). `None`, logged, when the OS refuses: then
/// what shows tokens only follows its own clock.
pub fn watch(dir: &Path) -> Option<DataWatch> {
    let (tx, rx) = watch::channel(0u64);
    let handler = move |res: notify::Result<notify::Event>| {
        if res.is_ok_and(|event| relevant(&event)) {
            tx.send_modify(|n| *n += 1);
        }
    };
    let started = std::fs::create_dir_all(dir).map_err(notify::Error::io).and_then(|_| {
        let mut watcher = notify::recommended_watcher(handler)?;
        watcher.watch(dir, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    });
    match started {
        Ok(watcher) => Some(DataWatch { _watcher: watcher, changes: DataChanges(rx) }),
        Err(e) => {
            tracing::warn!(error = %e, "data watch: changes made outside the window will show late");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};

    use super::*;

    fn event(kind: EventKind, names: &[&str]) -> notify::Event {
        names.iter().fold(notify::Event::new(kind), |e, n| e.add_path(Path::new("/data").join(n)))
    }

    #[test]
    fn only_the_tokens_and_settings_files_count() {
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(relevant(&event(renamed, &[".tokens.json.tmp1", "tokens.json"])));
        assert!(relevant(&event(EventKind::Create(CreateKind::File), &["settings.json"])));
        assert!(!relevant(&event(EventKind::Create(CreateKind::File), &["tokens.lock"])));
        assert!(!relevant(&event(EventKind::Modify(ModifyKind::Any), &["reminders.json"])));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(!relevant(&event(closed, &["tokens.json"])), "opening a file is no change");
    }

    /// The way core writes the tokens (a temporary file renamed over them) is seen.
    #[tokio::test]
    async fn a_token_file_replaced_by_rename_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let w = watch(dir.path()).expect("the OS watches files here");
        let mut rx = w.changes.0.clone();
        let tmp = dir.path().join(".tokens.json.tmp");
        std::fs::write(&tmp, b"{}").unwrap();
        std::fs::rename(&tmp, dir.path().join("tokens.json")).unwrap();
        tokio::time::timeout(Duration::from_secs(10), rx.changed()).await.expect("the rename is seen").unwrap();
    }
}
