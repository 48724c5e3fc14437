//! The token creation pages: pre-filled from the template URL, GitHub's validation,
//! a signed-in browser, and a token minted with exactly the settings submitted, shown once.

use chrono::{Duration, Utc};
use fakehub::{FakeHub, NewOrg, NewRepo, RepositoryAccess, TokenKind};
use reqwest::redirect::Policy;
use reqwest::{Client, Response};
use serde_json::json;

use crate::common::{self, header};

const FINE: &str = "/web/settings/personal-access-tokens/new";
const CLASSIC: &str = "/web/settings/tokens/new";

/// A browser that does not follow redirects (so that the tests see them).
fn browser() -> Client {
    Client::builder().redirect(Policy::none()).timeout(std::time::Duration::from_secs(20)).build().unwrap()
}

/// `octocat`, member of `acme` (which owns `acme/site`), with `octocat/dotfiles`;
/// and the cookie of a session signed in as octocat.
async fn hub() -> (FakeHub, String) {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    for (owner, name) in [("acme", "site"), ("octocat", "dotfiles")] {
        hub.create_repo(NewRepo { owner: owner.into(), name: name.into(), ..Default::default() }).unwrap();
    }
    let cookie = format!("user_session={}", hub.sign_in("octocat").unwrap());
    (hub, cookie)
}

async fn open(hub: &FakeHub, path_and_query: &str, cookie: Option<&str>) -> Response {
    let mut req = browser().get(format!("{}{path_and_query}", hub.url()));
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.unwrap()
}

async fn page(hub: &FakeHub, path_and_query: &str, cookie: &str) -> String {
    let resp = open(hub, path_and_query, Some(cookie)).await;
    assert_eq!(resp.status(), 200, "{path_and_query}");
    resp.text().await.unwrap()
}

async fn submit(hub: &FakeHub, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response {
    browser().post(format!("{}{path}", hub.url())).header("cookie", cookie).form(form).send().await.unwrap()
}

/// The token the list page shows once after it was made.
fn shown_token(html: &str) -> Option<String> {
    let start = html.find("<code id=\"new-token\">")? + "<code id=\"new-token\">".len();
    Some(html[start..start + html[start..].find("</code>")?].to_owned())
}

#[tokio::test]
async fn a_page_needs_a_signed_in_browser_and_the_sign_in_form_returns_to_it() {
    let (hub, _) = hub().await;
    let resp = open(&hub, &format!("{FINE}?name=ci&contents=write"), None).await;
    assert_eq!(resp.status(), 302);
    let login = header(&resp, "location").unwrap();
    assert_eq!(
        login,
        "/web/login?return_to=%2Fweb%2Fsettings%2Fpersonal-access-tokens%2Fnew%3Fname%3Dci%26contents%3Dwrite"
    );
    let form = open(&hub, &login, None).await.text().await.unwrap();
    assert!(
        form.contains("name=\"login\"")
            && form.contains("value=\"/web/settings/personal-access-tokens/new?name=ci&amp;contents=write\""),
        "{form}"
    );

    let back = "/web/settings/personal-access-tokens/new?name=ci&contents=write";
    let bad = browser().post(format!("{}/web/session", hub.url())).form(&[("login", "ghost"), ("return_to", back)]);
    let bad = bad.send().await.unwrap();
    assert_eq!(bad.status(), 401);
    assert!(bad.text().await.unwrap().contains("Incorrect username or password."));

    let resp = browser().post(format!("{}/web/session", hub.url())).form(&[("login", "octocat"), ("return_to", back)]);
    let resp = resp.send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(header(&resp, "location").as_deref(), Some(back));
    let cookie = header(&resp, "set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap();
    let html = page(&hub, back, cookie).await;
    assert!(html.contains("id=\"name\" name=\"name\" maxlength=\"40\" value=\"ci\""), "{html}");

    // Another site is never a place to return to.
    let evil = browser()
        .post(format!("{}/web/session", hub.url()))
        .form(&[("login", "octocat"), ("return_to", "//evil.example/")]);
    let evil = evil.send().await.unwrap();
    assert_eq!(header(&evil, "location").as_deref(), Some("/web/settings/personal-access-tokens"));
}

#[tokio::test]
async fn the_fine_grained_page_is_filled_from_the_template_url() {
    let (hub, cookie) = hub().await;
    let url = format!(
        "{FINE}?name=D%C3%A9ploiement+%E2%9C%93&description=a+%3C%26%3E+b&target_name=acme&expires_in=45&contents=write&members=read"
    );
    let html = page(&hub, &url, &cookie).await;
    assert!(!html.contains("flash-error"), "{html}");
    assert!(html.contains("value=\"Déploiement ✓\""), "{html}");
    assert!(html.contains(">a &lt;&amp;&gt; b</textarea>"), "{html}");
    assert!(html.contains("<option value=\"acme\" selected>acme</option>"), "{html}");
    assert!(html.contains("name=\"expires_in\" value=\"45\""), "{html}");
    assert!(html.contains("name=\"contents\"><option value=\"\">No access</option><option value=\"read\">read</option><option value=\"write\" selected>"), "{html}");
    assert!(html.contains("<option value=\"read\" selected>read</option>"), "members: {html}");
    // The organization's repositories to pick from; account permissions are not offered.
    assert!(html.contains("value=\"acme/site\"") && !html.contains("value=\"octocat/dotfiles\""), "{html}");
    assert!(!html.contains("Account permissions") && html.contains("Organization permissions"));

    // The same page on the GHES side (web at the root, API under /api/v3).
    let ghes = page(&hub, "/settings/personal-access-tokens/new?name=ghes", &cookie).await;
    assert!(ghes.contains("value=\"ghes\"") && ghes.contains("action=\"/settings/personal-access-tokens/new\""));
}

#[tokio::test]
async fn githubs_validation_of_the_pre_filled_values() {
    let (hub, cookie) = hub().await;
    let cases = [
        (format!("name={}", "n".repeat(41)), "Name is too long (maximum is 40 characters)."),
        (format!("name=n&description={}", "d".repeat(1025)), "Description is too long (maximum is 1024 characters)."),
        ("name=n&target_name=nobody".into(), "Cannot find the specified resource owner: nobody"),
        ("name=n&expires_in=367".into(), "Expiration must be a number of days from 1 to 366, or none"),
        ("name=n&expires_in=0".into(), "Expiration must be a number of days from 1 to 366, or none"),
        ("name=n&workflows=read".into(), "workflows cannot be read: it allows write."),
        ("name=n&checks=read".into(), "Unknown permission: checks."),
        ("name=n&target_name=acme&gists=write".into(), "gists is an account permission"),
        ("name=n&members=read".into(), "members is an organization permission"),
    ];
    for (query, message) in cases {
        let html = page(&hub, &format!("{FINE}?{query}"), &cookie).await;
        assert!(html.contains("class=\"flash-error\"") && html.contains(message), "{query}: {html}");
    }
    for ok in ["name=n&expires_in=none", "name=n&expires_in=366", "name=n&expires_in=1", "name=n&gists=write"] {
        let html = page(&hub, &format!("{FINE}?{ok}"), &cookie).await;
        assert!(!html.contains("flash-error"), "{ok}: {html}");
    }
    let html = page(&hub, &format!("{CLASSIC}?scopes=repo,nope&description=x"), &cookie).await;
    assert!(html.contains("Unknown scope: nope."), "{html}");
}

#[tokio::test]
async fn submitting_mints_a_fine_grained_token_with_exactly_those_settings_shown_once() {
    let (hub, cookie) = hub().await;
    let form = [
        ("name", "site deploy"),
        ("description", "pushes the site"),
        ("target_name", "acme"),
        ("expires_in", "45"),
        ("repository_access", "selected"),
        ("repositories", "acme/site"),
        ("contents", "write"),
        ("members", "read"),
        ("issues", ""),
    ];
    let resp = submit(&hub, FINE, &cookie, &form).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(header(&resp, "location").as_deref(), Some("/web/settings/personal-access-tokens"));
    let list = page(&hub, "/web/settings/personal-access-tokens", &cookie).await;
    let token = shown_token(&list).expect("the new token is shown");
    assert!(list.contains("You won’t be able to see it again!") && list.contains("site deploy"));
    let again = page(&hub, "/web/settings/personal-access-tokens", &cookie).await;
    assert_eq!(shown_token(&again), None, "shown once");
    assert!(!again.contains(&token));

    let record = hub.token(&token).expect("minted");
    assert_eq!(record.kind, TokenKind::FineGrained);
    assert!(token.starts_with("github_pat_"));
    assert_eq!(record.name.as_deref(), Some("site deploy"));
    assert_eq!(record.description.as_deref(), Some("pushes the site"));
    assert_eq!(record.owner.as_deref(), Some("acme"));
    assert_eq!(record.repository_access, Some(RepositoryAccess::Selected(vec!["acme/site".into()])));
    let perms: Vec<(&str, &str)> = record.permissions.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(perms, [("contents", "write"), ("members", "read"), ("metadata", "read")]);
    let expiry = record.expires_at.unwrap().date_naive();
    let wanted = (Utc::now() + Duration::days(45)).date_naive();
    assert!((expiry - wanted).num_days().abs() <= 1, "{expiry} vs {wanted}");
    // It works against the API as octocat.
    let user = common::get(&format!("{}/user", hub.url()), Some(&token)).await;
    assert_eq!(user.status(), 200);
    assert_eq!(user.json::<serde_json::Value>().await.unwrap()["login"], "octocat");
}

#[tokio::test]
async fn an_invalid_submission_mints_nothing_and_says_why() {
    let (hub, cookie) = hub().await;
    for form in [
        vec![("name", ""), ("repository_access", "all")],
        vec![("name", "x"), ("repository_access", "selected")],
        vec![
            ("name", "x"),
            ("repository_access", "selected"),
            ("repositories", "octocat/dotfiles"),
            ("target_name", "acme"),
        ],
        vec![("name", "x"), ("repository_access", "all"), ("expires_in", "400")],
    ] {
        let resp = submit(&hub, FINE, &cookie, &form).await;
        assert_eq!(resp.status(), 422, "{form:?}");
        assert!(resp.text().await.unwrap().contains("flash-error"));
    }
    let list = page(&hub, "/web/settings/personal-access-tokens", &cookie).await;
    assert_eq!(shown_token(&list), None);
    assert!(!list.contains("<li>"), "no token was made: {list}");
    // Without a session nothing is made either.
    let resp = browser().post(format!("{}{FINE}", hub.url())).form(&[("name", "x"), ("repository_access", "all")]);
    assert_eq!(resp.send().await.unwrap().status(), 302);
}

#[tokio::test]
async fn the_classic_page_pre_fills_scopes_and_note_and_mints_that_token() {
    let (hub, cookie) = hub().await;
    let html = page(&hub, &format!("{CLASSIC}?scopes=repo,read:org,gist&description=gh+CLI"), &cookie).await;
    assert!(!html.contains("flash-error"), "{html}");
    assert!(html.contains("id=\"description\" name=\"description\" value=\"gh CLI\""), "{html}");
    for s in ["repo", "read:org", "gist"] {
        assert!(html.contains(&format!("value=\"{s}\" checked>")), "{s}: {html}");
    }
    assert!(html.contains("value=\"workflow\">"), "unticked scopes are offered");

    let form = [
        ("description", "gh CLI"),
        ("expires_in", "none"),
        ("scopes", "repo"),
        ("scopes", "read:org"),
        ("scopes", "gist"),
    ];
    assert_eq!(submit(&hub, CLASSIC, &cookie, &form).await.status(), 303);
    let token = shown_token(&page(&hub, "/web/settings/tokens", &cookie).await).expect("shown once");
    let record = hub.token(&token).unwrap();
    assert_eq!(record.kind, TokenKind::Classic);
    assert_eq!(record.name.as_deref(), Some("gh CLI"));
    assert_eq!(record.scopes, ["repo", "read:org", "gist"]);
    assert_eq!(record.expires_at, None);
    let user = common::get(&format!("{}/user", hub.url()), Some(&token)).await;
    assert_eq!(header(&user, "x-oauth-scopes").as_deref(), Some("repo, read:org, gist"));
}

#[tokio::test]
async fn a_session_from_the_admin_api_signs_a_browser_in() {
    let (hub, _) = hub().await;
    let resp = common::client()
        .post(format!("{}/_admin/sessions", hub.url()))
        .json(&json!({"login": "octocat"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let v: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(v["cookie"], "user_session");
    let cookie = format!("user_session={}", v["value"].as_str().unwrap());
    assert!(page(&hub, CLASSIC, &cookie).await.contains("New personal access token (classic)"));
    let unknown = common::client().post(format!("{}/_admin/sessions", hub.url())).json(&json!({"login": "ghost"}));
    assert_eq!(unknown.send().await.unwrap().status(), 404);
    // Web pages are not API requests: they are not counted.
    assert_eq!(hub.stats().total, 0);
}
