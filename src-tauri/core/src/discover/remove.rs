//! Taking a plain-text copy away once the token is in the keychain: a backup of the
//! file beside it (mode 0600), then the file without that one line, every other byte
//! kept (order, line endings, a last line with no newline) and its mode kept, replaced
//! atomically. A symbolic link is followed: the file it points to is rewritten, the
//! link stays. The line must still hold the same token, or nothing is touched.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::git_file::lines;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::vault::{storage_error, write_keeping_mode, write_private};

/// What was removed, and where the backup is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Removed {
    pub location: String,
    pub line: u32,
    /// The copy of the file as it was, beside it (mode 0600; it still holds the token).
    pub backup: String,
}

/// Removes line `number` of `path` if `holds` finds `secret` on it. `git_lock` takes
/// git's own lock (`PATH.lock`) meanwhile, as git's credential store does when it
/// writes the file.
pub(super) fn remove_line(
    path: &Path,
    number: u32,
    secret: &Secret,
    git_lock: bool,
    holds: impl Fn(&[u8]) -> Option<Secret>,
) -> Result<Removed> {
    let real = fs::canonicalize(path).map_err(|_| Error::FoundChanged)?;
    let _lock = if git_lock { Some(GitLock::take(&real)?) } else { None };
    let bytes = fs::read(&real).map_err(|_| Error::FoundChanged)?;
    let mode = file_mode(&real)?;
    let (start, end) = span_of(&bytes, number).ok_or(Error::FoundChanged)?;
    let same = holds(trim_end(&bytes[start..end])).is_some_and(|s| s.expose() == secret.expose());
    if !same {
        return Err(Error::FoundChanged);
    }
    let backup = backup_path(path);
    write_private(&backup, &bytes)?;
    let mut kept = Vec::with_capacity(bytes.len());
    kept.extend_from_slice(&bytes[..start]);
    kept.extend_from_slice(&bytes[end..]);
    write_keeping_mode(&real, &kept, mode)?;
    Ok(Removed { location: path.display().to_string(), line: number, backup: backup.display().to_string() })
}

/// The byte range of line `number` (from 1), its line ending included.
fn span_of(bytes: &[u8], number: u32) -> Option<(usize, usize)> {
    let mut start = 0;
    for (raw, n) in bytes.split_inclusive(|b| *b == b'\n').zip(1u32..) {
        if n == number {
            return Some((start, start + raw.len()));
        }
        start += raw.len();
    }
    None
}

fn trim_end(raw: &[u8]) -> &[u8] {
    lines(raw).next().map(|l| l.text).unwrap_or(raw)
}

/// `NAME.jeton-backup-YYYYMMDDTHHMMSSZ` beside the file (`-2`, `-3`… when taken).
fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = path.with_file_name(format!("{name}.jeton-backup-{stamp}"));
    (1..)
        .map(|i| if i == 1 { base.clone() } else { PathBuf::from(format!("{}-{i}", base.display())) })
        .find(|p| fs::symlink_metadata(p).is_err())
        .expect("a free name")
}

fn file_mode(path: &Path) -> Result<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(fs::metadata(path).map_err(|e| storage_error(&e))?.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(0o600)
    }
}

/// git's lock file for a file it rewrites; removed when dropped.
struct GitLock(PathBuf);

impl GitLock {
    fn take(real: &Path) -> Result<GitLock> {
        let lock = PathBuf::from(format!("{}.lock", real.display()));
        match fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
            Ok(_) => Ok(GitLock(lock)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(Error::Storage {
                detail: format!("{} exists: git is writing the file (or was stopped while it did)", lock.display()),
            }),
            Err(e) => Err(storage_error(&e)),
        }
    }
}

impl Drop for GitLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}
