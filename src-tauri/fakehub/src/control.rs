//! Driving a running fake GitHub in-process: the admin operations.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::faults::Fault;
use crate::lockout::LoginLockout;
use crate::ops::{AdminError, NewOrg, NewRepo, NewToken, NewUser};
use crate::ratelimit::{LimitStatuses, RateSnapshot, SecondaryLimit};
use crate::rewrite::Rewrite;
use crate::state::{BucketKey, Org, Repo, Shared, TokenRecord, User};
use crate::stats::Stats;

/// A handle on a running hub's state. Cheap to clone, `Send + Sync`; every method
/// is synchronous and takes effect for the next request.
#[derive(Clone, Debug)]
pub struct Control {
    pub(crate) shared: Arc<Shared>,
}

impl Control {
    /// The API base URL, like `https://api.github.com`: `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.shared.addr)
    }

    /// The same API, GHES-style: `http://127.0.0.1:PORT/api/v3`.
    pub fn api_v3_url(&self) -> String {
        format!("{}/api/v3", self.url())
    }

    /// The web side for the API at [`url`](Self::url), like `https://github.com`.
    pub fn web_url(&self) -> String {
        format!("{}/web", self.url())
    }

    pub fn addr(&self) -> SocketAddr {
        self.shared.addr
    }

    pub fn create_user(&self, new: NewUser) -> Result<User, AdminError> {
        self.shared.lock().create_user(new)
    }

    pub fn create_org(&self, new: NewOrg) -> Result<Org, AdminError> {
        self.shared.lock().create_org(new)
    }

    pub fn add_member(&self, org: &str, login: &str) -> Result<(), AdminError> {
        self.shared.lock().add_member(org, login)
    }

    pub fn create_repo(&self, new: NewRepo) -> Result<Repo, AdminError> {
        self.shared.lock().create_repo(new)
    }

    /// Creates a GitHub App with a fresh RSA key pair; the answer holds its private key.
    pub fn create_app(&self, new: crate::NewApp) -> Result<crate::CreatedApp, AdminError> {
        self.shared.lock().create_app(new)
    }

    /// Installs an app (by slug) on a user or an org.
    pub fn create_installation(&self, new: crate::NewInstallation) -> Result<crate::Installation, AdminError> {
        self.shared.lock().create_installation(new)
    }

    /// The installation a minted installation token belongs to.
    pub fn installation_of(&self, token: &str) -> Option<u64> {
        self.shared.lock().apps.minted.get(token).map(|m| m.installation_id)
    }

    /// A member's fine-grained token whose resource owner is an org asks that org for
    /// access, as GitHub does when such a token is created: a pending request an app
    /// with "Personal access token requests" reviews.
    pub fn request_org_access(&self, token: &str, reason: Option<&str>) -> Result<crate::PatRequest, AdminError> {
        self.shared.lock().request_org_access(token, reason.map(str::to_owned))
    }

    /// Whether the org's review lets `token` reach its private resources (a pending,
    /// denied or revoked token does not; see `org_pats.rs`).
    pub fn reaches_org(&self, token: &str, org: &str) -> bool {
        let store = self.shared.lock();
        store.org_by_login(org).is_some_and(|o| store.org_pats.reaches(token, o.id))
    }

    /// Puts the hub's clock `secs` ahead of the machine's (negative: behind), for the
    /// GitHub App endpoints' JWT checks, minted expiries and `Date` header.
    pub fn set_clock_offset(&self, secs: i64) {
        self.shared.lock().apps.clock_offset_secs = secs;
    }

    /// Mints a token and returns its string.
    pub fn create_token(&self, new: NewToken) -> Result<String, AdminError> {
        self.shared.lock().create_token(new).map(|r| r.token)
    }

    /// What the fake knows about a token.
    pub fn token(&self, token: &str) -> Option<TokenRecord> {
        self.shared.lock().tokens.get(token).cloned()
    }

    /// Signs `login` in to the web pages: the value of the `user_session` cookie a
    /// browser presents (see the creation pages, `GET /settings/personal-access-tokens/new`).
    pub fn sign_in(&self, login: &str) -> Result<String, AdminError> {
        self.shared.lock().sign_in(login)
    }

    /// Moves the token's expiry one second into the past.
    pub fn expire_token(&self, token: &str) -> Result<(), AdminError> {
        let mut store = self.shared.lock();
        store.token_mut(token)?.expires_at = Some(Utc::now() - chrono::Duration::seconds(1));
        Ok(())
    }

    pub fn revoke_token(&self, token: &str) -> Result<(), AdminError> {
        self.shared.lock().token_mut(token)?.revoked = true;
        Ok(())
    }

    /// Latency added to every API request (`None` removes it).
    pub fn set_latency(&self, latency: Option<Duration>) {
        self.shared.lock().faults.latency = latency;
    }

    /// Latency added to the requests presenting `token`.
    pub fn set_token_latency(&self, token: &str, latency: Option<Duration>) {
        let mut store = self.shared.lock();
        match latency {
            Some(d) => store.faults.token_latency.insert(token.to_string(), d),
            None => store.faults.token_latency.remove(token),
        };
    }

    /// Fails the next `count` API requests (queued after any already injected).
    pub fn inject_fault(&self, fault: Fault, count: u32) {
        if count > 0 {
            self.shared.lock().faults.queue.push_back((fault, count));
        }
    }

    /// Fails every request presenting `token` (`None` stops it).
    pub fn set_token_fault(&self, token: &str, fault: Option<Fault>) {
        let mut store = self.shared.lock();
        match fault {
            Some(f) => store.faults.token_faults.insert(token.to_string(), f),
            None => store.faults.token_faults.remove(token),
        };
    }

    /// Rewrites every answer to requests presenting `token` (`None`, or an empty
    /// rewrite, stops it). Cleared with the faults.
    pub fn set_token_rewrite(&self, token: &str, rewrite: Option<Rewrite>) {
        let mut store = self.shared.lock();
        match rewrite.filter(|r| !r.is_empty()) {
            Some(r) => store.faults.token_rewrites.insert(token.to_string(), r),
            None => store.faults.token_rewrites.remove(token),
        };
    }

    /// Removes every fault, rewrite and latency.
    pub fn clear_faults(&self) {
        self.shared.lock().faults = Default::default();
    }

    fn user_key(&self, login: &str) -> Result<BucketKey, AdminError> {
        let store = self.shared.lock();
        let user = store.user_by_login(login);
        user.map(|u| BucketKey::User(u.id)).ok_or_else(|| AdminError::UnknownUser(login.into()))
    }

    /// Sets a user's primary limit and starts a fresh window.
    pub fn set_rate_limit(&self, login: &str, limit: u32) -> Result<RateSnapshot, AdminError> {
        let key = self.user_key(login)?;
        let mut store = self.shared.lock();
        let bucket = store.bucket(key);
        bucket.set_limit(limit, Utc::now().timestamp());
        Ok(bucket.snapshot())
    }

    /// Which status (403 or 429) a user's primary and secondary limits answer with.
    pub fn set_rate_limit_statuses(&self, login: &str, statuses: LimitStatuses) -> Result<(), AdminError> {
        if ![statuses.primary, statuses.secondary].iter().all(|s| *s == 403 || *s == 429) {
            return Err(AdminError::Invalid("a rate limit answers 403 or 429".into()));
        }
        let mut store = self.shared.lock();
        let uid = store.user_by_login(login).ok_or_else(|| AdminError::UnknownUser(login.into()))?.id;
        store.bucket(BucketKey::User(uid)).set_statuses(statuses);
        Ok(())
    }

    /// Sets (or with `None` removes) GitHub's failed-login limit (see `lockout.rs`).
    pub fn set_login_lockout(&self, rule: Option<LoginLockout>) {
        self.shared.lock().lockout.set(rule);
    }

    /// How many times the failed-login limit was triggered.
    pub fn login_lockouts(&self) -> u32 {
        self.shared.lock().lockout.tripped
    }

    /// Sets (or with `None` removes) a user's secondary limit.
    pub fn set_secondary_rate_limit(
        &self,
        login: &str,
        secondary: Option<SecondaryLimit>,
    ) -> Result<RateSnapshot, AdminError> {
        let key = self.user_key(login)?;
        let mut store = self.shared.lock();
        let bucket = store.bucket(key);
        bucket.set_secondary(secondary);
        Ok(bucket.snapshot())
    }

    /// A user's primary rate-limit state.
    pub fn rate_limit(&self, login: &str) -> Result<RateSnapshot, AdminError> {
        let key = self.user_key(login)?;
        Ok(self.shared.lock().bucket(key).snapshot())
    }

    /// Forgets all users, orgs, repos, tokens, limits, faults and stats.
    pub fn reset(&self) {
        self.shared.lock().reset();
    }

    /// Request counters.
    pub fn stats(&self) -> Stats {
        self.shared.lock().stats.clone()
    }

    pub fn reset_stats(&self) {
        self.shared.lock().stats = Stats::default();
    }
}
