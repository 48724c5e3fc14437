//! The creation URLs core builds open fakehub's creation pages (GitHub's, faithfully)
//! with nothing refused, and submitting what they carry mints a token with exactly the
//! requested settings: every preset, and requests with an owner, Unicode and an expiry.

use fakehub::{FakeHub, FakeHubOptions, NewOrg, NewUser, TokenKind};
use jeton_core::config::Host;
use jeton_core::github::permissions::Level;
use jeton_core::github::presets::PRESETS;
use jeton_core::github::request::{creation_url, Expiry, FineGrainedRequest, TokenRequest};
use reqwest::redirect::Policy;
use url::Url;

struct Site {
    hub: FakeHub,
    host: Host,
    cookie: String,
    browser: reqwest::Client,
}

async fn site() -> Site {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    let host = Host { web: Url::parse(&hub.web_url()).unwrap(), api: Url::parse(&hub.url()).unwrap() };
    let cookie = format!("user_session={}", hub.sign_in("octocat").unwrap());
    let browser = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
    Site { hub, host, cookie, browser }
}

impl Site {
    /// Opens the URL built for `req`, checks the page accepts every value, then submits
    /// what the URL carries (and "all repositories") and returns the minted token.
    async fn create(&self, req: &TokenRequest) -> fakehub::TokenRecord {
        let url = creation_url(&self.host, req).unwrap();
        let page = self.browser.get(url.clone()).header("cookie", &self.cookie).send().await.unwrap();
        assert_eq!(page.status(), 200, "{url}");
        let html = page.text().await.unwrap();
        assert!(!html.contains("flash-error"), "{url} was refused: {html}");
        let mut form: Vec<(String, String)> =
            url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        form.push(("repository_access".into(), "all".into()));
        let mut action = url.clone();
        action.set_query(None);
        let resp = self.browser.post(action).header("cookie", &self.cookie).form(&form).send().await.unwrap();
        assert_eq!(resp.status(), 303, "{url}: {}", resp.text().await.unwrap());
        let list = Url::parse(&format!("{}{}", self.hub.url(), resp.headers()["location"].to_str().unwrap())).unwrap();
        let html = self.browser.get(list).header("cookie", &self.cookie).send().await.unwrap().text().await.unwrap();
        let start = html.find("<code id=\"new-token\">").expect("shown once") + "<code id=\"new-token\">".len();
        let token = &html[start..start + html[start..].find("</code>").unwrap()];
        self.hub.token(token).expect("minted")
    }
}

fn levels(req: &FineGrainedRequest) -> Vec<(String, String)> {
    req.granted_permissions().into_iter().map(|(k, l)| (k, l.as_str().to_owned())).collect()
}

#[tokio::test]
async fn every_preset_opens_githubs_page_filled_in_and_makes_that_token() {
    let site = site().await;
    for preset in PRESETS {
        let req = preset.request(&format!("preset {}", preset.id));
        let record = site.create(&req).await;
        assert_eq!(record.name.as_deref(), Some(format!("preset {}", preset.id).as_str()));
        match req.checked().unwrap() {
            TokenRequest::Classic(c) => {
                assert_eq!(record.kind, TokenKind::Classic, "{}", preset.id);
                // GitHub's page adds no scope; it may drop one implied by another.
                assert!(record.scopes.iter().all(|s| c.scopes.contains(s)), "{}: {:?}", preset.id, record.scopes);
                assert!(!record.scopes.is_empty());
            }
            TokenRequest::FineGrained(f) => {
                assert_eq!(record.kind, TokenKind::FineGrained, "{}", preset.id);
                let minted: Vec<(String, String)> = record.permissions.clone().into_iter().collect();
                assert_eq!(minted, levels(&f), "{}", preset.id);
                assert_eq!(record.owner.as_deref(), Some("octocat"));
            }
        }
    }
}

#[tokio::test]
async fn owner_expiry_description_and_unicode_arrive_as_requested() {
    let site = site().await;
    let req = FineGrainedRequest {
        name: "Déploiement ✓ & co".into(),
        description: "ligne 1\nligne 2 — 100 % = ok".into(),
        owner: Some("acme".into()),
        expires: Some(Expiry::Days(90)),
        permissions: [("members".to_owned(), Level::Read), ("contents".to_owned(), Level::Write)].into(),
    };
    let record = site.create(&TokenRequest::FineGrained(req.clone())).await;
    assert_eq!(record.name.as_deref(), Some("Déploiement ✓ & co"));
    assert_eq!(record.description.as_deref(), Some(req.description.as_str()));
    assert_eq!(record.owner.as_deref(), Some("acme"));
    let days = (record.expires_at.unwrap() - record.created_at).num_days();
    assert!((89..=90).contains(&days), "{days}");
    assert_eq!(record.permissions.into_iter().collect::<Vec<_>>(), levels(&req));

    let never = FineGrainedRequest {
        expires: Some(Expiry::Never),
        ..FineGrainedRequest { name: "n".into(), ..Default::default() }
    };
    assert_eq!(site.create(&TokenRequest::FineGrained(never)).await.expires_at, None);
}
