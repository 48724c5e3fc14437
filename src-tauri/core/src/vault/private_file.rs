//! Writing Jeton's files: the metadata and its exports name your tokens and accounts,
//! so they are readable by you alone (mode 0600) and replaced atomically — a temp file
//! in the same directory, fsync, rename over the target, fsync of the directory — so a
//! reader (or a crash) sees the old file or the new one, never a mix, and an existing
//! target's looser mode (0644) is never kept.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// A new file that only its owner may read, truncated if it exists.
pub(crate) fn private_file(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let f = opts.open(path).map_err(|e| storage(&e))?;
    restrict(&f)?;
    Ok(f)
}

/// Replaces `path` with `bytes` atomically, mode 0600. The temp file is
/// `.NAME.PID-RANDOM.tmp` beside it (the vault removes those a killed writer left).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_mode(path, bytes, 0o600)
}

/// [`write_atomic`] giving the new file `mode` (a file of someone else's that Jeton
/// rewrites keeps its own mode); the temp file stays 0600 until it is complete.
pub(crate) fn write_atomic_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let random = &uuid::Uuid::new_v4().simple().to_string()[..8];
    let tmp = dir.join(format!(".{name}.{}-{random}.tmp", std::process::id()));
    let written = (|| {
        let mut f = private_file(&tmp)?;
        f.write_all(bytes).map_err(|e| storage(&e))?;
        set_mode(&f, mode)?;
        f.sync_all().map_err(|e| storage(&e))?;
        drop(f);
        fs::rename(&tmp, path).map_err(|e| storage(&e))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| storage(&e))
}

/// Mode 0600 even on a file that existed before with another mode.
fn restrict(f: &File) -> Result<()> {
    set_mode(f, 0o600)
}

fn set_mode(f: &File, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(fs::Permissions::from_mode(mode)).map_err(|e| storage(&e))?;
    }
    let _ = (f, mode);
    Ok(())
}

pub(crate) fn storage(e: &std::io::Error) -> Error {
    Error::Storage { detail: e.to_string() }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn an_existing_world_readable_target_becomes_private_and_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.json");
        fs::write(&target, "old contents that are longer than the new ones").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&target, b"{\"new\":1}").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "{\"new\":1}");
        assert_eq!(mode(&target), 0o600);
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("export.json")], "no temp file left");
    }

    #[test]
    fn the_target_is_replaced_not_rewritten_in_place() {
        // A reader holding the old file keeps reading the old bytes: the new ones went
        // to another inode that was renamed over it.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.json");
        fs::write(&target, "old").unwrap();
        let held = File::open(&target).unwrap();
        write_atomic(&target, b"new").unwrap();
        let mut old = String::new();
        std::io::Read::read_to_string(&mut &held, &mut old).unwrap();
        assert_eq!((old.as_str(), fs::read_to_string(&target).unwrap().as_str()), ("old", "new"));
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub");
        fs::create_dir(&target).unwrap(); // renaming a file over a directory fails
        assert_eq!(write_atomic(&target, b"x").unwrap_err().code(), "storage");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
