//! Private D-Bus sessions with (or without) a gnome-keyring of their own, for the
//! keychain tests: a child test process runs inside, so locking, freezing or
//! withholding the keyring touches nothing else.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use jeton_core::vault::{KeyringStore, SecretStore};

use crate::vault_common::*;

const PASSWORD: &str = "jeton-test";

/// A session bus that can activate nothing: the Secret Service is there only if the
/// test starts one.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// Runs this binary's `child_process` test as `role` in a private session; fails the
/// calling test if the child fails. Without the tools, fails unless keychain tests may
/// be skipped (see [`may_skip_keychain`]).
pub fn in_private_session(role: &str) {
    if child_role().is_some() {
        return;
    }
    if !(on_path("dbus-run-session") && on_path("gnome-keyring-daemon"))
        && may_skip_keychain("dbus-run-session and gnome-keyring-daemon are needed")
    {
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let conf = scratch.path().join("bus.conf");
    std::fs::write(&conf, BUS_CONFIG).unwrap();
    let inner = child_command("child_process", role);
    let mut cmd = Command::new("dbus-run-session");
    cmd.arg(format!("--config-file={}", conf.display())).arg("--").arg(inner.get_program()).args(inner.get_args());
    cmd.env(CHILD_ENV, role).env_remove("GNOME_KEYRING_CONTROL").env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    for dir in ["run", "data", "config", "cache"] {
        let path = scratch.path().join(dir);
        std::fs::create_dir_all(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let var = match dir {
            "run" => "XDG_RUNTIME_DIR",
            "data" => "XDG_DATA_HOME",
            "config" => "XDG_CONFIG_HOME",
            _ => "XDG_CACHE_HOME",
        };
        cmd.env(var, path);
    }
    let (ok, out) = finish(spawn_piped(cmd), Duration::from_secs(180));
    assert!(ok && out.contains(&format!("child {role}: ok")), "child {role} failed:\n{out}");
}

/// Starts an unlocked gnome-keyring on this session's bus and waits until it answers.
pub fn start_keyring() {
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gnome-keyring-daemon");
    daemon.stdin.take().unwrap().write_all(PASSWORD.as_bytes()).unwrap();
    daemon.wait().unwrap(); // it forks the daemon and returns
    let probe = KeyringStore::new("jeton-test-wait");
    for _ in 0..100 {
        if probe.probe().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("gnome-keyring did not come up: {:?}", probe.probe());
}

/// Locks the default (login) collection, as the screen locker or `Service.Lock` does.
pub fn lock_default_collection() {
    use secret_service::blocking::SecretService;
    let ss = SecretService::connect(secret_service::EncryptionType::Plain).unwrap();
    ss.get_default_collection().unwrap().lock().unwrap();
}

/// The process id of whoever owns `org.freedesktop.secrets` on this bus.
pub fn secret_service_pid() -> u32 {
    let out = Command::new("dbus-send")
        .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
        .args(["org.freedesktop.DBus.GetConnectionUnixProcessID", "string:org.freedesktop.secrets"])
        .output()
        .expect("dbus-send");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace().skip_while(|w| *w != "uint32").nth(1).and_then(|n| n.parse().ok()).expect("a pid")
}

fn secret_service_on_bus() -> bool {
    let out = Command::new("dbus-send")
        .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
        .args(["org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"])
        .output()
        .expect("dbus-send");
    String::from_utf8_lossy(&out.stdout).contains("boolean true")
}

/// The Secret Service stopped (SIGSTOP) while this lives; resumed (SIGCONT) on drop,
/// even when an assertion fails.
pub struct Frozen(u32);

impl Frozen {
    pub fn new(pid: u32) -> Self {
        signal(pid, "-STOP");
        Frozen(pid)
    }
}

impl Drop for Frozen {
    fn drop(&mut self) {
        signal(self.0, "-CONT");
    }
}

/// Stops the Secret Service for good (SIGTERM) and waits until its name is free.
pub fn stop(pid: u32) {
    signal(pid, "-TERM");
    for _ in 0..100 {
        if !secret_service_on_bus() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the Secret Service ({pid}) did not stop");
}

fn signal(pid: u32, sig: &str) {
    assert!(Command::new("kill").args([sig, &pid.to_string()]).status().unwrap().success());
}

pub fn any_file_contains(dir: &Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        let p = e.path();
        if p.is_dir() {
            any_file_contains(&p, needle)
        } else {
            std::fs::read(&p).is_ok_and(|b| String::from_utf8_lossy(&b).contains(needle))
        }
    })
}
