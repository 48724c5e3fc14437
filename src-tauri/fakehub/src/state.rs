//! The fake GitHub's state: users, orgs, repos, tokens, rate limits, faults, stats.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::expiry::ExpiryLayout;
use crate::faults::FaultConfig;
use crate::input::RepositoryAccess;
use crate::ratelimit::Bucket;
use crate::stats::Stats;
use crate::tokens::TokenKind;
use crate::FakeHubOptions;

/// A user account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: u64,
    pub login: String,
    pub name: Option<String>,
    pub avatar_url: String,
    pub email: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// An organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Org {
    pub id: u64,
    pub login: String,
    pub name: Option<String>,
    pub description: Option<String>,
    /// SAML single sign-on is enforced: classic tokens need an SSO authorization.
    pub sso_enforced: bool,
    /// Member user ids.
    pub members: Vec<u64>,
    pub created_at: DateTime<Utc>,
}

/// A repository, owned by a user or an org.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Repo {
    pub id: u64,
    pub owner_login: String,
    pub owner_id: u64,
    pub owner_is_org: bool,
    pub name: String,
    pub private: bool,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A token GitHub knows about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    pub token: String,
    pub kind: TokenKind,
    pub user_id: u64,
    pub name: Option<String>,
    /// Normalized classic scopes (classic, oauth and legacy tokens).
    pub scopes: Vec<String>,
    /// Fine-grained permissions, `name -> level`.
    pub permissions: BTreeMap<String, String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub expiry_layout: ExpiryLayout,
    /// Logins of the SSO orgs this classic token is authorized for.
    pub sso_authorized: Vec<String>,
    pub revoked: bool,
    pub created_at: DateTime<Utc>,
    /// Fine-grained tokens: the resource owner's login.
    pub owner: Option<String>,
    pub description: Option<String>,
    pub repository_access: Option<RepositoryAccess>,
}

impl TokenRecord {
    /// Whether GitHub accepts it now.
    pub fn usable(&self, now: DateTime<Utc>) -> bool {
        !self.revoked && self.kind != TokenKind::AppRefresh && self.expires_at.is_none_or(|at| at > now)
    }
}

/// A browser signed in to the web pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Session {
    pub user_id: u64,
    /// A token just created, shown once on the next page and then forgotten.
    pub new_token: Option<String>,
}

/// Who a rate-limit bucket belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum BucketKey {
    Anonymous,
    User(u64),
    /// `POST /credentials/revoke`, limited apart from the rest of the API.
    Revoke,
}

/// Everything, behind one lock.
#[derive(Debug)]
pub(crate) struct Store {
    pub users: Vec<User>,
    pub orgs: Vec<Org>,
    pub repos: Vec<Repo>,
    pub tokens: HashMap<String, TokenRecord>,
    /// Signed-in browser sessions of the web pages, by cookie value.
    pub sessions: HashMap<String, Session>,
    pub buckets: HashMap<BucketKey, Bucket>,
    pub faults: FaultConfig,
    /// GitHub's failed-login limit (see `lockout.rs`).
    pub lockout: crate::lockout::Lockout,
    pub stats: Stats,
    /// GitHub Apps, their installations and the tokens they minted (see `apps.rs`).
    pub apps: crate::apps::AppStore,
    /// Orgs' fine-grained token requests and grants (see `org_pats.rs`).
    pub org_pats: crate::org_pats::OrgPatStore,
    pub next_id: u64,
    pub opts: FakeHubOptions,
}

impl Store {
    pub(crate) fn new(opts: FakeHubOptions) -> Self {
        Store {
            users: Vec::new(),
            orgs: Vec::new(),
            repos: Vec::new(),
            tokens: HashMap::new(),
            sessions: HashMap::new(),
            buckets: HashMap::new(),
            faults: FaultConfig::default(),
            lockout: Default::default(),
            stats: Stats::default(),
            apps: Default::default(),
            org_pats: Default::default(),
            next_id: 1000,
            opts,
        }
    }

    pub(crate) fn user_by_id(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub(crate) fn user_by_login(&self, login: &str) -> Option<&User> {
        self.users.iter().find(|u| u.login.eq_ignore_ascii_case(login))
    }

    pub(crate) fn org_by_login(&self, login: &str) -> Option<&Org> {
        self.orgs.iter().find(|o| o.login.eq_ignore_ascii_case(login))
    }

    pub(crate) fn orgs_of(&self, user_id: u64) -> Vec<&Org> {
        self.orgs.iter().filter(|o| o.members.contains(&user_id)).collect()
    }

    /// The bucket of `key`, created with the default limit on first use.
    pub(crate) fn bucket(&mut self, key: BucketKey) -> &mut Bucket {
        let limit = match key {
            BucketKey::Anonymous => self.opts.anonymous_rate_limit,
            BucketKey::User(_) => self.opts.rate_limit,
            BucketKey::Revoke => self.opts.revoke_rate_limit,
        };
        self.buckets.entry(key).or_insert_with(|| Bucket::new(limit, Utc::now().timestamp()))
    }

    /// An id no user, org or repo has yet.
    pub(crate) fn fresh_id(&mut self) -> u64 {
        loop {
            self.next_id += 1;
            let id = self.next_id;
            let taken = self.users.iter().any(|u| u.id == id)
                || self.orgs.iter().any(|o| o.id == id)
                || self.repos.iter().any(|r| r.id == id);
            if !taken {
                return id;
            }
        }
    }
}

/// State shared by the server tasks and the handle.
#[derive(Debug)]
pub(crate) struct Shared {
    store: Mutex<Store>,
    /// The address the server listens on.
    pub addr: SocketAddr,
    /// When the hub started: request times in the stats count from here.
    pub started: Instant,
    /// Numbers requests for the stats' in-flight tracking; never reset.
    next_seq: AtomicU64,
}

impl Shared {
    pub(crate) fn new(opts: FakeHubOptions, addr: SocketAddr) -> Self {
        Shared { store: Mutex::new(Store::new(opts)), addr, started: Instant::now(), next_seq: AtomicU64::new(1) }
    }

    /// Microseconds since the hub started.
    pub(crate) fn now_us(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX)
    }

    /// A fresh request number.
    pub(crate) fn next_seq(&self) -> u64 {
        self.next_seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Locks the store (a panic in another holder does not poison it for us).
    pub(crate) fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}
