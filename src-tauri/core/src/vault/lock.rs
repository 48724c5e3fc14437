//! The lock that serializes writers across processes (the app and the CLI).
//!
//! An exclusive OS file lock (`flock` on Unix, `LockFileEx` on Windows) on a separate
//! `tokens.lock` file, never on `tokens.json` itself (which is replaced by rename).
//! The OS releases it when its process dies, however it dies, so a lock left by a
//! crashed or killed process is never stale: the next writer simply gets it.

use std::fs::{File, OpenOptions};
use std::path::Path;

use super::metadata::storage;
use crate::error::Result;

/// Held for a whole load-modify-save; released on drop.
#[derive(Debug)]
pub struct VaultLock {
    _file: File,
}

/// Blocks until the lock is free, then holds it.
pub(crate) fn acquire(path: &Path) -> Result<VaultLock> {
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(path).map_err(|e| storage(&e))?;
    file.lock().map_err(|e| storage(&e))?;
    Ok(VaultLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens.lock");
        let first = acquire(&path).unwrap();
        let (tx, rx) = mpsc::channel();
        let p = path.clone();
        let t = std::thread::spawn(move || {
            let _second = acquire(&p).unwrap();
            tx.send(()).unwrap();
        });
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err(), "second holder got in while the first held it");
        drop(first);
        rx.recv_timeout(Duration::from_secs(5)).expect("second holder never got the lock");
        t.join().unwrap();
    }
}
