use fakehub::{FakeHub, NewOrg, NewRepo};
use serde_json::Value;

use crate::common::{self, assert_api_headers, get, header};

fn repos(hub: &FakeHub, n: usize) {
    for i in 0..n {
        hub.create_repo(NewRepo {
            owner: "octocat".into(),
            name: format!("repo-{i}"),
            private: i % 2 == 0,
            description: None,
        })
        .unwrap();
    }
}

async fn names(resp: reqwest::Response) -> Vec<String> {
    let body: Vec<Value> = resp.json().await.unwrap();
    body.iter().map(|r| r["full_name"].as_str().unwrap().to_string()).collect()
}

async fn check_pagination(base: &str, token: &str) {
    let link = |page: usize, rel: &str| format!("<{base}/user/repos?per_page=3&page={page}>; rel=\"{rel}\"");
    let page = |n: usize| format!("{base}/user/repos?per_page=3&page={n}");

    let resp = get(&format!("{base}/user/repos?per_page=3"), Some(token)).await;
    assert_eq!(resp.status(), 200);
    assert_api_headers(&resp);
    let want = format!("{}, {}", link(2, "next"), link(3, "last"));
    assert_eq!(header(&resp, "link"), Some(want));
    assert_eq!(names(resp).await, ["octocat/repo-0", "octocat/repo-1", "octocat/repo-2"]);

    let resp = get(&page(2), Some(token)).await;
    let want = [link(1, "prev"), link(3, "next"), link(3, "last"), link(1, "first")].join(", ");
    assert_eq!(header(&resp, "link"), Some(want));
    assert_eq!(names(resp).await, ["octocat/repo-3", "octocat/repo-4", "octocat/repo-5"]);

    let resp = get(&page(3), Some(token)).await;
    let want = [link(2, "prev"), link(1, "first")].join(", ");
    assert_eq!(header(&resp, "link"), Some(want));
    assert_eq!(names(resp).await, ["octocat/repo-6"]);
}

#[tokio::test]
async fn user_repos_paginate_under_both_bases() {
    let hub = common::hub().await;
    repos(&hub, 7);
    let token = common::classic(&hub, &["repo"]);
    check_pagination(&hub.url(), &token).await;
    check_pagination(&hub.api_v3_url(), &token).await;
}

#[tokio::test]
async fn page_size_defaults_to_30_and_caps_at_100() {
    let hub = common::hub().await;
    repos(&hub, 105);
    let token = common::classic(&hub, &["repo"]);
    let url = hub.url();
    let resp = get(&format!("{url}/user/repos"), Some(&token)).await;
    let want = format!("<{url}/user/repos?page=2>; rel=\"next\", <{url}/user/repos?page=4>; rel=\"last\"");
    assert_eq!(header(&resp, "link"), Some(want));
    assert_eq!(names(resp).await.len(), 30);
    let resp = get(&format!("{url}/user/repos?per_page=1000&visibility=all"), Some(&token)).await;
    let want = format!(
        "<{url}/user/repos?per_page=1000&visibility=all&page=2>; rel=\"next\", <{url}/user/repos?per_page=1000&visibility=all&page=2>; rel=\"last\""
    );
    assert_eq!(header(&resp, "link"), Some(want));
    assert_eq!(names(resp).await.len(), 100);
    let resp = get(&format!("{url}/user/repos?visibility=private&per_page=100"), Some(&token)).await;
    assert_eq!(header(&resp, "link"), None);
    assert_eq!(names(resp).await.len(), 53);
}

#[tokio::test]
async fn user_orgs_paginate_and_single_page_has_no_link() {
    let hub = common::hub().await;
    for i in 0..3 {
        let login = format!("org{i}");
        hub.create_org(NewOrg { login: login.clone(), ..Default::default() }).unwrap();
        hub.add_member(&login, "octocat").unwrap();
    }
    let token = common::classic(&hub, &["read:org"]);
    let base = hub.api_v3_url();
    let resp = get(&format!("{base}/user/orgs?per_page=2"), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(header(&resp, "x-accepted-oauth-scopes").as_deref(), Some("admin:org, read:org, repo, user, write:org"));
    let want = format!(
        "<{base}/user/orgs?per_page=2&page=2>; rel=\"next\", <{base}/user/orgs?per_page=2&page=2>; rel=\"last\""
    );
    assert_eq!(header(&resp, "link"), Some(want));
    let body: Vec<Value> = resp.json().await.unwrap();
    assert_eq!(body.len(), 2);
    assert_eq!(body[0]["login"], "org0");
    assert_eq!(body[0]["url"], format!("{base}/orgs/org0"));

    let resp = get(&format!("{base}/user/orgs"), Some(&token)).await;
    assert_eq!(header(&resp, "link"), None);
    let body: Vec<Value> = resp.json().await.unwrap();
    assert_eq!(body.len(), 3);
}

#[tokio::test]
async fn org_repos_hide_private_ones_from_outsiders() {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    for (name, private) in [("open", false), ("closed", true)] {
        hub.create_repo(NewRepo { owner: "acme".into(), name: name.into(), private, description: None }).unwrap();
    }
    let token = common::classic(&hub, &["repo"]);
    let url = format!("{}/orgs/acme/repos", hub.url());
    assert_eq!(names(get(&url, Some(&token)).await).await, ["acme/open"]);
    hub.add_member("acme", "octocat").unwrap();
    assert_eq!(names(get(&url, Some(&token)).await).await, ["acme/closed", "acme/open"]);
    let resp = get(&format!("{}/orgs/nobody", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 404);
}
