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

    /// Resolves a web URL given by the user (`--host`) to a host. github.com (or its
    /// replacement) keeps its API URL; any other host is GHES, `https://HOST/api/v3`.
    pub fn host(&self, web: Option<&str>) -> Result<Host> {
        let Some(web) = web.map(str::trim).filter(|w| !w.is_empty()) else {
            return Ok(self.default_host());
        };
        let web = if web.contains("://") { web.to_owned() } else { format!("https://{web}") };
        let url = check_url(&web)?;
        if same_origin(&url, &self.github_web)
            || url.host_str() == Some("github.com") && self.github_web.as_str().starts_with(GITHUB_WEB)
        {
            return Ok(self.default_host());
        }
        Ok(Host { api: derived_api(&url)?, web: url })
    }
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme() && a.host_str() == b.host_str() && a.port_or_known_default() == b.port_or_known_default()
}

fn derived_api(web: &Url) -> Result<Url> {
    let base = web.as_str().trim_end_matches('/');
    check_url(&format!("{base}/api/v3"))
}

/// Accepts `https://…`, and `http://…` only for loopback addresses.
pub fn check_url(raw: &str) -> Result<Url> {
    let url =
        Url::parse(raw.trim()).map_err(|_| Error::HostInvalid { url: raw.into(), reason: HostRule::Unparsable })?;
    if url.host_str().is_none() {
        return Err(Error::HostInvalid { url: raw.into(), reason: HostRule::Unparsable });
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(Error::HostInvalid { url: raw.into(), reason: HostRule::PlainHttpNotLoopback }),
        _ => Err(Error::HostInvalid { url: raw.into(), reason: HostRule::Scheme }),
    }
}

fn is_loopback(url: &Url) -> bool {
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
