//! The web pages Jeton opens for a token (its SAML SSO authorization, its settings on
//! GitHub) and the rule that keeps them on the token's own host.
//!
//! The web view never opens a URL itself: it asks for a token's page by name, and the
//! shell opens what [`Jeton::page_url`] answers. An `sso_url` comes from a server's
//! header or an imported file, so it is opened only when it is an `https://` page (or
//! plain `http://` on loopback, for tests) on the very host the token belongs to.
//! See docs/architecture.md.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::config::{check_url, same_origin, Config};
use crate::error::{Error, Result};
use crate::model::{TokenKind, TokenRecord};
use crate::service::Jeton;

/// Which of a token's pages to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Where the user authorizes the token for an organization's SAML SSO.
    Sso,
    /// The token's settings on its host, where it is renewed or deleted.
    Settings,
}

/// The page on `host` (a web URL such as `https://github.com`) that lists tokens of
/// this kind, where the user regenerates or deletes one.
pub fn settings_url(host: &str, kind: TokenKind) -> String {
    let path = match kind {
        TokenKind::FineGrained => "settings/personal-access-tokens",
        TokenKind::Oauth => "settings/applications",
        TokenKind::AppUser => "settings/apps/authorizations",
        _ => "settings/tokens",
    };
    format!("{}/{path}", host.trim_end_matches('/'))
}

/// The address of `page` for `record`, when it is safe to open: `https://` (or
/// loopback `http://`), no user name or password, on the record's own host.
pub fn page_url(config: &Config, record: &TokenRecord, page: Page) -> Result<String> {
    let host = config.host(Some(&record.host))?;
    let refused = |url: Option<String>| Error::PageRefused { url, host: host.key() };
    let raw = match page {
        Page::Settings => settings_url(&host.key(), record.kind),
        Page::Sso => record.last_check.as_ref().and_then(|c| c.sso_url.clone()).ok_or_else(|| refused(None))?,
    };
    let url: Url = check_url(&raw).map_err(|_| refused(Some(raw.clone())))?;
    if !same_origin(&url, &host.web) || !url.username().is_empty() || url.password().is_some() {
        return Err(refused(Some(raw)));
    }
    Ok(url.into())
}

impl Jeton {
    /// The address of a stored token's page, when it may be opened (see [`page_url`]).
    pub fn page_url(&self, id: &str, page: Page) -> Result<String> {
        page_url(&self.config, &self.vault.find(id)?, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CheckRecord;
    use crate::model::TokenStatus;
    use chrono::Utc;

    fn config() -> Config {
        Config {
            github_web: Url::parse("https://github.com").unwrap(),
            github_api: Url::parse("https://api.github.com").unwrap(),
            data_dir: "/tmp/jeton-pages".into(),
            keyring_namespace: "t".into(),
        }
    }

    fn record(host: &str, kind: TokenKind, sso_url: Option<&str>) -> TokenRecord {
        let mut r = TokenRecord::new("id".into(), "n".into(), host.into(), kind, Utc::now());
        r.last_check = Some(CheckRecord {
            at: Utc::now(),
            status: TokenStatus::SsoRequired,
            sso_url: sso_url.map(str::to_owned),
            error: None,
        });
        r
    }

    fn refused(r: Result<String>) -> Option<String> {
        match r {
            Err(Error::PageRefused { url, .. }) => url,
            other => panic!("expected page_refused, got {other:?}"),
        }
    }

    #[test]
    fn sso_page_on_the_tokens_host_is_opened() {
        let url = "https://github.com/orgs/acme/sso?authorization_request=A1";
        let r = record("https://github.com", TokenKind::Classic, Some(url));
        assert_eq!(page_url(&config(), &r, Page::Sso).unwrap(), url);
        let ghes = "https://ghe.example.com/orgs/acme/sso?authorization_request=A1";
        let r = record("https://ghe.example.com", TokenKind::Classic, Some(ghes));
        assert_eq!(page_url(&config(), &r, Page::Sso).unwrap(), ghes);
    }

    #[test]
    fn sso_page_elsewhere_is_refused() {
        for bad in [
            "https://evil.example/orgs/acme/sso",
            "https://github.com.evil.example/sso",
            "http://github.com/orgs/acme/sso",
            "https://github.com:8443/orgs/acme/sso",
            "https://user:pw@github.com/orgs/acme/sso",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "not a url",
        ] {
            let r = record("https://github.com", TokenKind::Classic, Some(bad));
            assert_eq!(refused(page_url(&config(), &r, Page::Sso)).as_deref(), Some(bad), "{bad}");
        }
        // A GHES token's SSO page on github.com is not its host either.
        let r = record("https://ghe.example.com", TokenKind::Classic, Some("https://github.com/orgs/acme/sso"));
        assert!(refused(page_url(&config(), &r, Page::Sso)).is_some());
    }

    #[test]
    fn no_sso_page_known_is_refused_without_a_url() {
        let r = record("https://github.com", TokenKind::Classic, None);
        assert_eq!(refused(page_url(&config(), &r, Page::Sso)), None);
        let e = page_url(&config(), &r, Page::Sso).unwrap_err();
        assert_eq!(e.code(), "page_refused");
    }

    #[test]
    fn settings_page_follows_the_kind_and_host() {
        let c = config();
        let page = |host: &str, kind| page_url(&c, &record(host, kind, None), Page::Settings).unwrap();
        assert_eq!(page("https://github.com", TokenKind::Classic), "https://github.com/settings/tokens");
        assert_eq!(
            page("https://github.com", TokenKind::FineGrained),
            "https://github.com/settings/personal-access-tokens"
        );
        assert_eq!(page("https://ghe.example.com", TokenKind::Oauth), "https://ghe.example.com/settings/applications");
        assert_eq!(page("http://127.0.0.1:8080", TokenKind::Legacy), "http://127.0.0.1:8080/settings/tokens");
    }

    #[test]
    fn loopback_http_is_allowed_only_on_its_own_port() {
        let r = record("http://127.0.0.1:8080", TokenKind::Classic, Some("http://127.0.0.1:8080/settings/tokens"));
        assert_eq!(page_url(&config(), &r, Page::Sso).unwrap(), "http://127.0.0.1:8080/settings/tokens");
        let r = record("http://127.0.0.1:8080", TokenKind::Classic, Some("http://127.0.0.1:9090/settings/tokens"));
        assert!(refused(page_url(&config(), &r, Page::Sso)).is_some());
    }
}
