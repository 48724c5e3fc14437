use chrono::{Duration, Utc};
use url::Url;

use super::*;
use crate::config::{GITHUB_API, GITHUB_WEB};
use crate::gitcred::protocol::parse;
use crate::i18n::Lang;
use crate::model::{CheckRecord, TokenRecord};
use crate::status::{view_of, with_secret_missing};

fn config(web: &str) -> Config {
    Config {
        github_web: Url::parse(web).unwrap(),
        github_api: Url::parse(GITHUB_API).unwrap(),
        data_dir: "/tmp/unused".into(),
        keyring_namespace: "t".into(),
    }
}

/// A stored token as `status.rs` shows it: its last verdict, and its expiry in days
/// from now (`None`: never expires).
#[derive(Clone, Copy)]
struct T {
    name: &'static str,
    login: &'static str,
    verdict: TokenStatus,
    days: Option<i64>,
    host: &'static str,
    kind: TokenKind,
    missing: bool,
}

const fn t(name: &'static str, login: &'static str, verdict: TokenStatus, days: Option<i64>) -> T {
    T { name, login, verdict, days, host: GITHUB_WEB, kind: TokenKind::Classic, missing: false }
}

fn view(t: &T) -> TokenView {
    let now = Utc::now();
    let mut r = TokenRecord::new(format!("id-{}", t.name), t.name.into(), t.host.into(), t.kind, now);
    r.login = Some(t.login.into());
    r.expires_at = t.days.map(|d| now + Duration::days(d) + Duration::hours(1));
    r.last_check = Some(CheckRecord { at: now, status: t.verdict, sso_url: None, error: None });
    let v = view_of(&r, now, Lang::En);
    if t.missing {
        with_secret_missing(v)
    } else {
        v
    }
}

fn names(views: &[TokenView], host: &Host, req: &str) -> Vec<String> {
    let request = parse(req.as_bytes()).unwrap();
    candidates(views, host, &request).iter().map(|v| v.name.clone().unwrap()).collect()
}

use TokenStatus::{Expired, Invalid, SsoRequired, Valid};

#[test]
fn the_choice_rule() {
    let gh = "protocol=https\nhost=github.com\n";
    let path = |p: &str| format!("{gh}path={p}\n");
    let user = |u: &str| format!("{gh}username={u}\n");
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<T>, String, Vec<&str>)> = vec![
        ("valid before expiring",
            vec![t("soon", "alice", Valid, Some(3)), t("later", "alice", Valid, Some(60))], gh.into(), vec!["later", "soon"]),
        ("the longest-lasting valid one first, never expiring before all",
            vec![t("30", "a", Valid, Some(30)), t("never", "a", Valid, None), t("90", "a", Valid, Some(90))],
            gh.into(), vec!["never", "90", "30"]),
        ("expired never offered", vec![t("old", "a", Valid, Some(-1))], gh.into(), vec![]),
        ("revoked never offered", vec![t("gone", "a", Invalid, Some(30))], gh.into(), vec![]),
        ("an expired verdict never offered", vec![t("gone", "a", Expired, None)], gh.into(), vec![]),
        ("secret missing never offered",
            vec![T { missing: true, ..t("lost", "a", Valid, None) }, t("kept", "a", Valid, Some(5))], gh.into(), vec!["kept"]),
        ("a refresh token never offered",
            vec![T { kind: TokenKind::AppRefresh, ..t("refresh", "a", Valid, None) }], gh.into(), vec![]),
        ("another host's tokens never offered",
            vec![T { host: "https://ghe.example.com", ..t("ghe", "a", Valid, None) }], gh.into(), vec![]),
        ("SSO-held after accepted ones",
            vec![t("sso", "a", SsoRequired, None), t("soon", "a", Valid, Some(2))], gh.into(), vec!["soon", "sso"]),
        ("the path's owner first, even expiring",
            vec![t("alice", "alice", Valid, None), t("bob", "bob", Valid, Some(3))], path("bob/repo.git"), vec!["bob", "alice"]),
        ("owners compared without case",
            vec![t("alice", "alice", Valid, None), t("bob", "Bob", Valid, None)], path("BOB/repo.git"), vec!["bob", "alice"]),
        ("without a path, status decides",
            vec![t("alice", "alice", Valid, None), t("bob", "bob", Valid, Some(3))], gh.into(), vec!["alice", "bob"]),
        ("a user name git has keeps its tokens only",
            vec![t("alice", "alice", Valid, None), t("bob", "bob", Valid, None)], user("bob"), vec!["bob"]),
        ("x-access-token is no user name",
            vec![t("alice", "alice", Valid, None), t("bob", "bob", Valid, Some(3))], user("x-access-token"), vec!["alice", "bob"]),
        ("a user name nobody has: nothing", vec![t("alice", "alice", Valid, None)], user("carol"), vec![]),
    ];
    let host = config(GITHUB_WEB).host(None).unwrap();
    for (what, tokens, request, expected) in cases {
        let views: Vec<TokenView> = tokens.iter().map(view).collect();
        assert_eq!(names(&views, &host, &request), expected, "{what}");
    }
}

#[test]
fn an_owner_is_read_below_the_hosts_own_path() {
    let c = config("http://127.0.0.1:9/web");
    let host = c.host(None).unwrap();
    let tokens = [t("alice", "alice", Valid, None), t("bob", "bob", Valid, Some(3))];
    let views: Vec<TokenView> =
        tokens.iter().map(|x| T { host: "http://127.0.0.1:9/web", ..*x }).map(|x| view(&x)).collect();
    let req = "protocol=http\nhost=127.0.0.1:9\npath=web/bob/repo.git\n";
    assert_eq!(names(&views, &host, req), ["bob", "alice"]);
}

#[test]
fn the_host_rule_is_core_config() {
    let c = config(GITHUB_WEB);
    let key = |req: &str| host_of(&c, &parse(req.as_bytes()).unwrap()).map(|h| h.key());
    assert_eq!(key("protocol=https\nhost=github.com\n").as_deref(), Some(GITHUB_WEB));
    assert_eq!(key("protocol=https\nhost=GitHub.com\n").as_deref(), Some(GITHUB_WEB));
    assert_eq!(key("protocol=https\nhost=ghe.example.com:8443\n").as_deref(), Some("https://ghe.example.com:8443"));
    assert_eq!(key("protocol=http\nhost=127.0.0.1:8080\n").as_deref(), Some("http://127.0.0.1:8080"));
    for refused in [
        "protocol=http\nhost=github.com\n",
        "protocol=ssh\nhost=github.com\n",
        "protocol=https\nhost=\n",
        "protocol=https\n",
        "host=github.com\n",
        "protocol=https\nhost=me@github.com\n",
        "protocol=https\nhost=github.com/x\n",
    ] {
        assert_eq!(key(refused), None, "{refused:?}");
    }
}

#[test]
fn the_answer_names_the_login_or_githubs_stand_in() {
    let req = parse(b"protocol=https\nhost=github.com\n").unwrap();
    let v = view(&t("laptop", "octocat", Valid, Some(20)));
    let a = answer(&v, Secret::new("ghp_x"), &req);
    assert_eq!((a.username.as_str(), a.token_id.as_str()), ("octocat", "id-laptop"));
    let expected = chrono::DateTime::parse_from_rfc3339(v.expires_at.as_deref().unwrap()).unwrap().timestamp();
    assert_eq!(a.expiry_utc, Some(expected));
    let install = view(&T { kind: TokenKind::AppInstallation, ..t("bot", "octocat", Valid, None) });
    assert_eq!(answer(&install, Secret::new("ghs_x"), &req).username, TOKEN_USERNAME);
    assert_eq!(answer(&install, Secret::new("ghs_x"), &req).expiry_utc, None);
}

#[test]
fn erase_finds_the_token_git_used() {
    let host = config(GITHUB_WEB).host(None).unwrap();
    let views: Vec<TokenView> =
        [t("a", "a", Valid, None), T { host: "https://ghe.example.com", ..t("b", "b", Valid, None) }]
            .iter()
            .map(view)
            .collect();
    let erase =
        |req: &str, by_secret: Option<&str>| erased_token(&views, &host, &parse(req.as_bytes()).unwrap(), by_secret);
    let gh = "protocol=https\nhost=github.com\n";
    assert_eq!(erase(&format!("{gh}state[]=jeton:token=id-a\n"), None).as_deref(), Some("id-a"));
    assert_eq!(erase(gh, Some("id-a")).as_deref(), Some("id-a"));
    // A token of another host is not this host's to re-check.
    assert_eq!(erase(&format!("{gh}state[]=jeton:token=id-b\n"), Some("id-b")), None);
    assert_eq!(erase(&format!("{gh}state[]=jeton:token=id-b\n"), Some("id-a")).as_deref(), Some("id-a"));
    assert_eq!(erase(gh, None), None);
}

#[test]
fn an_owner_served_by_an_installation_is_found_by_path_or_as_the_hosts_only_one() {
    let host = config(GITHUB_WEB).host(None).unwrap();
    let app = |host: &str, owners: &[&str]| crate::apps::AppRecord {
        id: format!("app-{host}"),
        issuer: "Iv1".into(),
        host: host.into(),
        app_id: 1,
        slug: None,
        name: "Deployer".into(),
        owner: None,
        installations: vec![],
        checked_at: Utc::now(),
        git_owners: owners.iter().map(|o| crate::apps::GitOwner { owner: (*o).into(), installation: 7 }).collect(),
        created_at: Utc::now(),
    };
    let served = |apps: &[crate::apps::AppRecord], req: &str| {
        served_owner(apps, &host, &parse(format!("protocol=https\nhost=github.com\n{req}").as_bytes()).unwrap())
    };
    let one = [app(GITHUB_WEB, &["acme"]), app("https://ghe.example.com", &["other"])];
    assert_eq!(served(&one, "path=ACME/rocket.git\n").as_deref(), Some("acme"));
    assert_eq!(served(&one, "path=octocat/hello.git\n"), None, "another owner gets a stored token");
    assert_eq!(served(&one, "").as_deref(), Some("acme"), "the host's only served owner");
    let two = [app(GITHUB_WEB, &["acme", "moon"])];
    assert_eq!(served(&two, ""), None, "without a path, two owners are ambiguous");
    assert_eq!(served(&two, "path=moon/x\n").as_deref(), Some("moon"));
    assert_eq!(served(&[], "path=acme/x\n"), None);
}
