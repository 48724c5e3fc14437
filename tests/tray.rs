//! The real tray, as a Linux desktop sees it: the app (`target/debug/jeton`) registers
//! a StatusNotifierItem with the watcher this test runs on the private session bus
//! (`scripts/headless`), shows its icon and its menu through dbusmenu, follows tokens
//! added by the CLI beside it, copies through the menu, turns red when a token expires,
//! hands a second launch over to itself, stays in the tray when its window is closed
//! (saying so the first time), comes back from "Open Jeton", and quits from the menu.

mod common;
mod tray_host;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Env;
use fakehub::NewToken;
use tray_host::{Item, MenuNode, Watcher};

/// The app as a child process, killed if the test fails half-way.
struct App {
    child: std::process::Child,
    log: std::path::PathBuf,
}

impl App {
    fn start(env: &Env, args: &[&str], log: &Path) -> App {
        let out = std::fs::File::create(log).unwrap();
        let child = app_command(env, args).stdout(Stdio::null()).stderr(out).spawn().expect("start jeton");
        App { child, log: log.to_owned() }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn app_command(env: &Env, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jeton"));
    cmd.args(args)
        .env("JETON_GITHUB_URL", env.hub.url())
        .env("JETON_GITHUB_API_URL", env.hub.url())
        .env("JETON_DATA_DIR", env.data_dir())
        .env("JETON_KEYRING_NAMESPACE", &env.namespace)
        .env("LANG", "en_US.UTF-8")
        .env("RUST_LOG", "jeton_app=debug")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    cmd
}

/// Polls `probe` until it gives a value, failing after `secs` with `what`.
async fn until<T>(what: &str, secs: u64, app: &App, mut probe: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = probe().await {
            return v;
        }
        assert!(Instant::now() < deadline, "still not true after {secs} s: {what}\n--- jeton's log:\n{}", app.log());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The pixels of a PNG file, as RGBA.
fn pixels(path: &Path) -> Option<(u32, u32, Vec<u8>)> {
    let file = std::fs::File::open(path).ok()?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    Some((info.width, info.height, buf))
}

/// Which of Jeton's three tray icons the item shows now (compared pixel for pixel).
async fn icon_shown(watcher: &Watcher, item: &Item) -> Option<&'static str> {
    let shown = pixels(&watcher.icon_file(item).await)?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/tray");
    ["ok", "expiring", "bad"].into_iter().find(|name| pixels(&dir.join(format!("{name}.png"))).as_ref() == Some(&shown))
}

fn paste() -> Option<String> {
    let out = Command::new("xclip").args(["-o", "-selection", "clipboard"]).stderr(Stdio::null()).output();
    let out = out.expect("xclip is installed");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The windows of process `pid` on the display whose class's instance is "jeton": the
/// main window, not the tray icon's own windows, which are titled "Jeton" too (`--all`:
/// every condition, where xdotool's default is any; the other test's Jeton runs beside
/// this one). xdotool finds nothing when `--name` joins `--classname`.
fn main_windows(pid: u32) -> Vec<u32> {
    let pid = pid.to_string();
    let args = ["search", "--all", "--onlyvisible", "--pid", &pid, "--classname", "^jeton$"];
    let out = Command::new("xdotool").args(args).output().expect("xdotool is installed");
    String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.trim().parse().ok()).collect()
}

/// Whether the process `pid` shows its main window.
fn window_shown(pid: u32) -> bool {
    !main_windows(pid).is_empty()
}

/// Asks Jeton's window to close as a window manager's close button does: the
/// `WM_DELETE_WINDOW` message of the ICCCM, sent to the window itself.
fn request_close(pid: u32) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};
    let windows = main_windows(pid);
    assert!(windows.len() <= 1, "one main window at most: {windows:?}");
    let Some(&window) = windows.first() else { return };
    let (conn, _) = x11rb::connect(None).expect("the X display");
    let atom = |name: &[u8]| conn.intern_atom(false, name).unwrap().reply().unwrap().atom;
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let message = ClientMessageEvent::new(32, window, protocols, [delete, x11rb::CURRENT_TIME, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, message).unwrap();
    conn.flush().unwrap();
}

/// Whether dunst has shown a notification titled `summary` (closing what it shows, so
/// that it lands in the history).
fn notified(summary: &str) -> bool {
    let run = |args: &[&str]| Command::new("dunstctl").args(args).output().expect("dunstctl (dunst) is installed");
    run(&["close-all"]);
    let history: serde_json::Value = serde_json::from_slice(&run(&["history"]).stdout).unwrap_or_default();
    let said = |n: &serde_json::Value| n["summary"]["data"].as_str() == Some(summary);
    history["data"][0].as_array().is_some_and(|all| all.iter().any(said))
}

fn copy_of(entry: &MenuNode) -> i32 {
    entry.children.iter().find(|c| c.label == "Copy").unwrap_or_else(|| panic!("no Copy in {entry:?}")).id
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tray_shows_follows_copies_and_quits() {
    assert!(std::env::var_os("DISPLAY").is_some(), "the tray test needs a display: run it under scripts/headless");
    let env = Env::new().await;
    let deploy = env.hub.create_token(NewToken::classic("octocat", &["repo"]).expires_in(chrono::Duration::days(40)));
    let deploy = deploy.unwrap();
    let add = env.jeton(&["add", "--name", "deploy", "-"], &deploy).await;
    assert_eq!(add.code, 0, "{}", add.stderr);

    let watcher = Watcher::start().await;
    let logs = tempfile::tempdir().unwrap();
    // Started as the login entry starts it: in the tray, no window.
    let app = App::start(&env, &["--background"], &logs.path().join("jeton.log"));
    let pid = app.child.id();
    let item = until("Jeton registers a tray item", 60, &app, async || watcher.item_of(pid).await).await;
    assert!(!window_shown(pid), "a background start shows no window");

    // Icon and menu for one token 40 days from expiry.
    let icon = until("the icon is shown", 20, &app, async || icon_shown(&watcher, &item).await).await;
    assert_eq!(icon, "ok");
    let menu = watcher.menu(&item).await;
    assert_eq!(
        menu.labels(),
        [
            "1 token · next expiry in 40 days",
            "---",
            "deploy (octocat) — 40 days left",
            "---",
            "New token…",
            "Open Jeton",
            "Quit"
        ],
        "{menu:#?}"
    );
    assert!(!menu.children[0].enabled, "the summary is not a button");
    let deploy_entry = menu.entry("deploy").unwrap();
    let actions: Vec<&str> = deploy_entry.children.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(actions, ["Copy", "Renew", "Open"]);

    // The CLI adds a token beside the running app; the tray follows, in place.
    let laptop =
        env.hub.create_token(NewToken::classic("octocat", &["repo"]).expires_in(chrono::Duration::seconds(30)));
    let laptop = laptop.unwrap();
    let add = env.jeton(&["add", "--name", "laptop", "-"], &laptop).await;
    assert_eq!(add.code, 0, "the CLI works beside the app: {}", add.stderr);
    // The entry and the summary line are two updates of the menu: wait for both.
    let menu = until("the new token is in the menu and counted", 20, &app, async || {
        let m = watcher.menu(&item).await;
        (m.entry("laptop").is_some() && m.labels()[0].starts_with("2 tokens")).then_some(m)
    })
    .await;
    assert!(menu.labels()[0].starts_with("2 tokens · next expiry "), "{:?}", menu.labels());
    assert!(menu.entry("laptop (octocat) — expires ").is_some(), "{:?}", menu.labels());
    assert_eq!(
        until("the icon turns to expiring", 20, &app, async || {
            icon_shown(&watcher, &item).await.filter(|i| *i != "ok")
        })
        .await,
        "expiring"
    );

    // The token's expiry passes: the icon and its line say so, with nothing else done.
    let icon = until("the icon turns to expired", 90, &app, async || {
        icon_shown(&watcher, &item).await.filter(|i| *i == "bad")
    })
    .await;
    assert_eq!(icon, "bad");
    let menu = until("the menu says it expired", 20, &app, async || {
        let m = watcher.menu(&item).await;
        m.entry("laptop (octocat) — expired").is_some().then_some(m)
    })
    .await;
    assert_eq!(menu.labels()[0], "2 tokens · 1 expired or refused · next expiry in 40 days");

    // A second launch hands over to the first, which shows its window.
    let mut second = app_command(&env, &[]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let status = until("the second launch exits", 30, &app, async || second.try_wait().unwrap()).await;
    assert!(status.success(), "the second launch exits cleanly: {status:?}");
    // Shown, then painted: a close sent while a window is first coming up can be lost
    // (GTK under Xvfb), which no person's click could be.
    until("the first one's window is shown and painted", 30, &app, async || {
        let log = app.log();
        (window_shown(pid) && log.contains("window: shown") && log.contains("the dashboard is painted")).then_some(())
    })
    .await;
    assert_eq!(watcher.item_of(pid).await, Some(item.clone()), "the first one is still running");

    // Closing the window keeps Jeton in the tray, and the first time a notice says so.
    request_close(pid);
    until("the window is hidden", 20, &app, async || (!window_shown(pid)).then_some(())).await;
    until("the notice says Jeton still runs", 20, &app, async || notified("Jeton is still running").then_some(()))
        .await;
    let mut app = app;
    assert!(app.child.try_wait().unwrap().is_none(), "closing the window did not quit:\n{}", app.log());
    assert_eq!(watcher.item_of(pid).await, Some(item.clone()), "still in the tray");
    // "Open Jeton" brings it back.
    let open = watcher.menu(&item).await.entry("Open Jeton").unwrap().id;
    watcher.click(&item, open).await;
    until("the window is shown again", 20, &app, async || window_shown(pid).then_some(())).await;

    // Copy from the tray: another application pastes the token. Last before quitting:
    // after a Copy from the tray, the window ignored the close (WM_DELETE_WINDOW: no
    // close request reached Tauri) in about one run in three under Xvfb without a
    // window manager; cause not found (docs/architecture.md, "Known issues").
    watcher.click(&item, copy_of(watcher.menu(&item).await.entry("deploy").unwrap())).await;
    until("the token is on the clipboard", 20, &app, async || {
        (paste().as_deref() == Some(deploy.as_str())).then_some(())
    })
    .await;

    // Quit from the menu.
    let quit = watcher.menu(&item).await.entry("Quit").unwrap().id;
    watcher.click(&item, quit).await;
    let status = exit_status(&mut app, 30).await;
    assert!(status.success(), "{status:?}");
}

/// Polls until the app exits, failing after `secs`.
async fn exit_status(app: &mut App, secs: u64) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = app.child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "Quit did not end Jeton\n--- jeton's log:\n{}", app.log());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where the system's libayatana-appindicator3 really is (ldconfig's cache, links followed).
fn indicator_library() -> Option<std::path::PathBuf> {
    let out = Command::new("ldconfig").arg("-p").output().ok()?;
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = listing.lines().find(|l| l.trim_start().starts_with("libayatana-appindicator3.so.1 "))?;
    std::fs::canonicalize(line.rsplit("=> ").next()?.trim()).ok()
}

/// Without libayatana-appindicator3 (the tray crate panics when it cannot load it),
/// Jeton starts, shows its window, and says once that it has no tray. The library is
/// hidden in a private mount namespace, which needs root.
#[tokio::test(flavor = "multi_thread")]
async fn without_the_indicator_library_jeton_runs_without_a_tray() {
    assert!(std::env::var_os("DISPLAY").is_some(), "the tray test needs a display: run it under scripts/headless");
    let library = indicator_library().expect("libayatana-appindicator3-1 is installed by scripts/deps");
    let hidden = Command::new("unshare").args(["-m", "mount", "--bind", "/dev/null"]).arg(&library).status();
    if !hidden.is_ok_and(|s| s.success()) {
        eprintln!("skipped: hiding a library needs a private mount namespace (run as root, as CI does)");
        return;
    }
    let env = Env::new().await;
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("jeton.log");
    let inner = app_command(&env, &[]);
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "sh", "-c", r#"mount --bind /dev/null "$0" && exec "$1""#])
        .arg(&library)
        .arg(inner.get_program())
        .envs(inner.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap());
    let app = App { child: cmd.spawn().expect("unshare"), log };
    let pid = app.child.id();
    until("the window is shown", 60, &app, async || window_shown(pid).then_some(())).await;
    let said = "runs without a tray icon";
    until("it says it has no tray", 20, &app, async || app.log().contains(said).then_some(())).await;
    let mut app = app;
    assert!(app.child.try_wait().unwrap().is_none(), "Jeton is still running:\n{}", app.log());
    assert_eq!(app.log().matches(said).count(), 1, "said once:\n{}", app.log());
}
