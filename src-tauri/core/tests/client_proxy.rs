//! The environment's proxy settings never carry a token to this computer: a loopback
//! host is reached directly even with `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY` set (and no
//! `NO_PROXY`), while a remote host still goes through the proxy (as a `CONNECT`
//! tunnel, the token inside TLS). One test in this binary: it sets process-wide
//! environment variables.

use std::sync::{Arc, Mutex};

use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser, TokenKind};
use jeton_core::config::Host;
use jeton_core::github::GitHubClient;
use jeton_core::Secret;
use tokio::io::AsyncReadExt;
use url::Url;

/// A proxy that records the first bytes of every connection, then hangs up.
async fn recording_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            let mut buf = vec![0; 4096];
            let n = conn.read(&mut buf).await.unwrap_or(0);
            record.lock().unwrap().push(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
    });
    (url, seen)
}

#[tokio::test]
async fn a_loopback_host_is_never_reached_through_a_proxy() {
    let (proxy, seen) = recording_proxy().await;
    for k in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        std::env::set_var(k, &proxy);
    }
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");

    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    let token = Secret::new(hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap());
    let client = GitHubClient::new().unwrap();
    let url = |u: &str| Url::parse(u).unwrap();

    let by_ip = Host { web: url(&hub.web_url()), api: url(&hub.url()) };
    let localhost = format!("http://localhost:{}", hub.addr().port());
    let by_name = Host { web: url(&localhost), api: url(&format!("{localhost}/api/v3")) };
    for host in [by_ip, by_name] {
        let user = client.get_user(&host, &token).await.unwrap_or_else(|e| panic!("{}: {e}", host.api));
        assert_eq!(user.login, "octocat");
    }
    assert_eq!(hub.stats().path("/user") + hub.stats().path("/api/v3/user"), 2, "both reached fakehub");
    assert!(seen.lock().unwrap().is_empty(), "the proxy saw {:?}", seen.lock().unwrap());

    // The settings still hold for a remote host: a tunnel is asked for, with no token.
    let remote = Host { web: url("https://ghe.example.com"), api: url("https://ghe.example.com/api/v3") };
    let err = client.get_user(&remote, &token).await.unwrap_err();
    assert_eq!(err.code(), "network", "{err}");
    let seen = seen.lock().unwrap();
    assert!(!seen.is_empty() && seen.iter().all(|r| r.starts_with("CONNECT ghe.example.com:443 ")), "{seen:?}");
    assert!(seen.iter().all(|r| !r.contains(token.expose())), "the token reached the proxy");
}
