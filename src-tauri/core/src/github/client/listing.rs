//! What the token creation wizard lists with a token of the account: its organizations
//! (`GET /user/orgs`), to choose the resource owner, and its repositories
//! (`GET /user/repos`), to tick on GitHub's page; and the repositories an app
//! installation reaches (`GET /installation/repositories`, with an installation token),
//! to choose when minting. The first 100 of each: GitHub's largest page.

use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::transport::status_detail;
use super::{bad, not_json, GitHubClient};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// A user or organization that can own a fine-grained token's resources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    pub login: String,
    pub organization: bool,
}

/// A repository the account can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Repository {
    /// `owner/name`, as GitHub's page lists it.
    pub full_name: String,
    pub owner: String,
    pub private: bool,
}

#[derive(Deserialize)]
struct OrgBody {
    login: String,
}

#[derive(Deserialize)]
struct OwnerBody {
    login: String,
}

#[derive(Deserialize)]
struct RepoBody {
    full_name: String,
    owner: OwnerBody,
    #[serde(default)]
    private: bool,
}

impl From<RepoBody> for Repository {
    fn from(r: RepoBody) -> Self {
        Repository { full_name: r.full_name, owner: r.owner.login, private: r.private }
    }
}

/// `GET /installation/repositories` answers its list inside an object.
#[derive(Deserialize)]
struct InstallationRepos {
    repositories: Vec<RepoBody>,
}

impl GitHubClient {
    async fn list<T: for<'de> Deserialize<'de>>(&self, host: &Host, path: &str, token: &Secret) -> Result<T> {
        let a = self.get(host, &host.api_url(path), Some(token), false).await?;
        match a.status {
            StatusCode::OK => serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e))),
            StatusCode::UNAUTHORIZED => Err(Error::TokenInvalid),
            s => Err(bad(host, status_detail(s, Some(&a.body)))),
        }
    }

    /// The organizations the token's user belongs to (those it may see).
    pub async fn list_orgs(&self, host: &Host, token: &Secret) -> Result<Vec<Account>> {
        let orgs: Vec<OrgBody> = self.list(host, "user/orgs?per_page=100", token).await?;
        Ok(orgs.into_iter().map(|o| Account { login: o.login, organization: true }).collect())
    }

    /// The repositories the token's user can reach, by full name.
    pub async fn list_repos(&self, host: &Host, token: &Secret) -> Result<Vec<Repository>> {
        let repos: Vec<RepoBody> = self.list(host, "user/repos?per_page=100&sort=full_name", token).await?;
        Ok(repos.into_iter().map(Repository::from).collect())
    }

    /// The repositories an installation token reaches (what its installation was given).
    pub async fn installation_repos(&self, host: &Host, token: &Secret) -> Result<Vec<Repository>> {
        let body: InstallationRepos = self.list(host, "installation/repositories?per_page=100", token).await?;
        Ok(body.repositories.into_iter().map(Repository::from).collect())
    }
}
