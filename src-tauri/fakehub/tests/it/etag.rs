use fakehub::NewRepo;

use crate::common::{self, get, header};

async fn conditional(url: &str, token: &str, etag: &str) -> reqwest::Response {
    common::client()
        .get(url)
        .header("authorization", format!("token {token}"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn etag_and_304_do_not_count() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["repo"]);
    for path in ["/user", "/user/repos", "/user/orgs", "/api/v3/user"] {
        let url = format!("{}{path}", hub.url());
        let resp = get(&url, Some(&token)).await;
        assert_eq!(resp.status(), 200);
        let etag = header(&resp, "etag").expect("etag");
        assert!(etag.starts_with("W/\""), "{etag}");
        let used: u32 = header(&resp, "x-ratelimit-used").unwrap().parse().unwrap();

        let resp = conditional(&url, &token, &etag).await;
        assert_eq!(resp.status(), 304, "{path}");
        assert_eq!(header(&resp, "etag").as_deref(), Some(etag.as_str()));
        assert_eq!(header(&resp, "x-ratelimit-used"), Some(used.to_string()));
        assert!(resp.bytes().await.unwrap().is_empty());

        // A different tag is a normal, counted request.
        let resp = conditional(&url, &token, "W/\"other\"").await;
        assert_eq!(resp.status(), 200);
        assert_eq!(header(&resp, "x-ratelimit-used"), Some((used + 1).to_string()));
    }
    assert_eq!(hub.rate_limit("octocat").unwrap().used, 8);
}

#[tokio::test]
async fn etag_changes_with_the_data() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["repo"]);
    let url = format!("{}/user/repos", hub.url());
    let etag = header(&get(&url, Some(&token)).await, "etag").unwrap();
    hub.create_repo(NewRepo { owner: "octocat".into(), name: "new".into(), ..Default::default() }).unwrap();
    let resp = conditional(&url, &token, &etag).await;
    assert_eq!(resp.status(), 200);
    assert_ne!(header(&resp, "etag").unwrap(), etag);
}
