//! Where Jeton looks: hosts, data dir and keychain namespace, from the environment.

use std::path::PathBuf;

use url::Url;

use crate::error::{Error, HostRule, Result};

pub const GITHUB_WEB: &str = "https://github.com";
pub const GITHUB_API: &str = "https://api.github.com";

#[derive(Debug, Clone)]
pub struct Config {
    /// github.com's web URL (`JETON_GITHUB_URL` replaces it).
    pub github_web: Url,
    /// github.com's API URL (`JETON_GITHUB_API_URL` replaces it).
    pub github_api: Url,
    pub data_dir: PathBuf,
    /// Separates keychain entries (`JETON_KEYRING_NAMESPACE`).
    pub keyring_namespace: String,
}

/// A GitHub host: its web URL (what users type) and the API URL that follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub web: Url,
    pub api: Url,
}

impl Host {
    /// The web URL without a trailing slash, as stored in metadata.
    pub fn key(&self) -> String {
        self.web.as_str().trim_end_matches('/').to_owned()
    }

    /// The API URL for a path such as `user` or `user/orgs`.
    pub fn api_url(&self, path: &str) -> String {
        format!("{}/{}", self.api.as_str().trim_end_matches('/'), path.trim_start_matches('/'))
    }
}

impl Config {
    /// Reads `JETON_GITHUB_URL`, `JETON_GITHUB_API_URL`, `JETON_DATA_DIR` and
    /// `JETON_KEYRING_NAMESPACE`; the defaults are github.com and the platform data dir.
    pub fn from_env() -> Result<Config> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let github_web = check_url(&var("JETON_GITHUB_URL").unwrap_or_else(|| GITHUB_WEB.into()))?;
        let github_api = match var("JETON_GITHUB_API_URL") {
            Some(api) => check_url(&api)?,
            None if var("JETON_GITHUB_URL").is_some() => derived_api(&github_web)?,
            None => Url::parse(GITHUB_API).expect("constant URL"),
        };
        let data_dir = match var("JETON_DATA_DIR") {
            Some(d) => PathBuf::from(d),
            None => dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("jeton"),
        };
        let keyring_namespace = var("JETON_KEYRING_NAMESPACE").unwrap_or_else(|| {
            if cfg!(debug_assertions) {
                "jeton-debug".into()
            } else {
                "jeton".into()
            }
        });
        Ok(Config { github_web, github_api, data_dir, keyring_namespace })
    }

    /// The default host (github.com, or what `JETON_GITHUB_URL` names).
    pub fn default_host(&self) -> Host {
        Host { web: self.github_web.clone(), api: self.github_api.clone() }
    }

    /// Resolves a web URL given by the user (`--host`) to a host: the one rule for
    /// which host a token belongs to. The scheme and host are lower-cased (by the URL
    /// parser); github.com, `www.github.com` (when github.com is not replaced) and the
    /// configured github.com replacement are the default host; any other host is GHES,
    /// `https://HOST/api/v3`. A host is an origin only: no user name or password, path,
    /// query or fragment ([`HostRule`] says which was found).
    pub fn host(&self, web: Option<&str>) -> Result<Host> {
        let Some(web) = web.map(str::trim).filter(|w| !w.is_empty()) else {
            return Ok(self.default_host());
        };
        let web = if web.contains("://") { web.to_owned() } else { format!("https://{web}") };
        let url = check_url(&web)?;
        let default = self.default_host();
        if same_origin(&url, &self.github_web) {
            // The replacement may live under a path (fakehub's `/web`).
            origin_only(&url, &web, self.github_web.path())?;
            return Ok(default);
        }
        origin_only(&url, &web, "/")?;
        let is_github = matches!(url.host_str(), Some("github.com" | "www.github.com"))
            && url.scheme() == "https"
            && url.port().is_none();
        if is_github && self.github_web.as_str().starts_with(GITHUB_WEB) {
            return Ok(default);
        }
        Ok(Host { api: derived_api(&url)?, web: url })
    }
}

/// Refuses a host URL that is more than an origin: a path other than `allowed_path`
/// (or `/`), a query or a fragment.
fn origin_only(url: &Url, raw: &str, allowed_path: &str) -> Result<()> {
    let trimmed = |p: &str| p.trim_end_matches('/').to_owned();
    let rule = if !url.path().is_empty() && url.path() != "/" && trimmed(url.path()) != trimmed(allowed_path) {
        Some(HostRule::Path)
    } else if url.query().is_some() {
        Some(HostRule::Query)
    } else if url.fragment().is_some() {
        Some(HostRule::Fragment)
    } else {
        None
    };
    match rule {
        Some(reason) => Err(Error::HostInvalid { url: shown(raw), reason }),
        None => Ok(()),
    }
}

/// What a host error may repeat of the input: the URL as given when it parses as one
/// with a host, without its user name or password; `None` (the message then says "this
/// host") for anything else, since mistyped input may be anything, a token included.
fn shown(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let mut url = Url::parse(raw).ok().filter(|u| u.host_str().is_some() && !crate::token::may_hold_token(raw))?;
    if url.username().is_empty() && url.password().is_none() {
        return Some(raw.to_owned());
    }
    url.set_username("").ok()?;
    url.set_password(None).ok()?;
    Some(url.into())
}

/// Same scheme, host and port.
pub(crate) fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme() && a.host_str() == b.host_str() && a.port_or_known_default() == b.port_or_known_default()
}

fn derived_api(web: &Url) -> Result<Url> {
    let base = web.as_str().trim_end_matches('/');
    check_url(&format!("{base}/api/v3"))
}

/// Accepts `https://…`, and `http://…` only for loopback addresses; never a URL with a
/// user name or password (it would be contacted with them and stored in the metadata),
/// nor one that may hold a token (pasted in the wrong field: it would be looked up,
/// sent and stored as a host). An error repeats the input only as [`shown`] allows.
pub fn check_url(raw: &str) -> Result<Url> {
    let refused = |reason| Error::HostInvalid { url: shown(raw), reason };
    if crate::token::may_hold_token(raw) {
        return Err(refused(HostRule::Token));
    }
    let url = Url::parse(raw.trim()).map_err(|_| refused(HostRule::Unparsable))?;
    if url.host_str().is_none() {
        return Err(refused(HostRule::Unparsable));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refused(HostRule::Credentials));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(refused(HostRule::PlainHttpNotLoopback)),
        _ => Err(refused(HostRule::Scheme)),
    }
}

/// `localhost`, `127.0.0.0/8` or `::1`: this computer.
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> Config {
        Config {
            github_web: Url::parse(GITHUB_WEB).unwrap(),
            github_api: Url::parse(GITHUB_API).unwrap(),
            data_dir: "/tmp/x".into(),
            keyring_namespace: "t".into(),
        }
    }

    #[test]
    fn github_and_ghes_hosts() {
        let c = cfg();
        assert_eq!(c.host(None).unwrap().api_url("user"), "https://api.github.com/user");
        assert_eq!(c.host(Some("https://github.com/")).unwrap().api_url("/user"), "https://api.github.com/user");
        let ghes = c.host(Some("https://ghe.example.com")).unwrap();
        assert_eq!(ghes.api_url("user"), "https://ghe.example.com/api/v3/user");
        assert_eq!(ghes.key(), "https://ghe.example.com");
        assert_eq!(c.host(Some("ghe.example.com")).unwrap().key(), "https://ghe.example.com");
    }

    #[test]
    fn one_rule_for_github_and_case() {
        let c = cfg();
        for same in ["www.github.com", "https://www.github.com/", "HTTPS://GitHub.COM", "github.com"] {
            let h = c.host(Some(same)).unwrap();
            assert_eq!(
                (h.key(), h.api_url("user")),
                ("https://github.com".into(), "https://api.github.com/user".into())
            );
        }
        assert_eq!(c.host(Some("GHE.Example.COM")).unwrap().key(), "https://ghe.example.com");
        // Another port of github.com is not github.com.
        assert_eq!(c.host(Some("https://github.com:8443")).unwrap().key(), "https://github.com:8443");
    }

    #[test]
    fn a_replaced_github_keeps_its_path_and_www_is_then_a_host_of_its_own() {
        let c = Config { github_web: Url::parse("http://127.0.0.1:9/web").unwrap(), ..cfg() };
        assert_eq!(c.host(Some("http://127.0.0.1:9/web")).unwrap().key(), "http://127.0.0.1:9/web");
        assert_eq!(c.host(Some("http://127.0.0.1:9")).unwrap().key(), "http://127.0.0.1:9/web");
        assert_eq!(c.host(Some("www.github.com")).unwrap().key(), "https://www.github.com");
        assert_eq!(reason(c.host(Some("http://127.0.0.1:9/other"))), HostRule::Path);
    }

    fn reason(r: Result<Host>) -> HostRule {
        match r {
            Err(Error::HostInvalid { reason, .. }) => reason,
            other => panic!("expected host_invalid, got {other:?}"),
        }
    }

    #[test]
    fn a_host_is_an_origin_and_each_extra_part_is_named() {
        use crate::i18n::Lang;
        let c = cfg();
        let cases = [
            ("https://user:hunter2@ghe.example.com", HostRule::Credentials),
            ("https://x-access-token@ghe.example.com", HostRule::Credentials),
            ("https://user:hunter2@github.com", HostRule::Credentials),
            ("https://ghe.example.com/api/v3", HostRule::Path),
            ("https://github.com/octocat", HostRule::Path),
            ("https://ghe.example.com/?next=1", HostRule::Query),
            ("https://ghe.example.com#top", HostRule::Fragment),
        ];
        let mut sentences = std::collections::HashSet::new();
        for (raw, rule) in cases {
            let e = c.host(Some(raw)).unwrap_err();
            assert_eq!(e.code(), "host_invalid", "{raw}");
            assert_eq!(reason(Err(e.clone())), rule, "{raw}");
            for lang in [Lang::En, Lang::Fr] {
                let m = e.message(lang);
                assert!(!m.contains("hunter2") && !m.contains("x-access-token"), "{m}");
                sentences.insert(
                    m.replace(raw, "").replace("https://ghe.example.com", "").replace("https://github.com", ""),
                );
            }
        }
        // Four rules × two languages, each its own sentence (the URL aside).
        assert_eq!(sentences.len(), 8, "{sentences:#?}");
        // The bare origin, with or without its slash, is fine.
        assert_eq!(c.host(Some("https://ghe.example.com/")).unwrap().key(), "https://ghe.example.com");
    }

    #[test]
    fn plain_http_only_for_loopback() {
        assert!(check_url("http://127.0.0.1:8080").is_ok());
        assert!(check_url("http://localhost:1").is_ok());
        assert!(check_url("http://[::1]:1").is_ok());
        let e = check_url("http://ghe.example.com").unwrap_err();
        assert_eq!(e.code(), "host_invalid");
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("not a url").is_err());
    }
}
