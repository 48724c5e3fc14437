//! An organization's review of fine-grained tokens: a member's token that targets the
//! org asks for access (a request), an owner approves it (a grant) or denies it, and
//! may later revoke the grant. Until approved, and once denied or revoked, the token
//! reaches only the org's public resources. See docs/github.md, "Organization review".

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::input::AdminError;
use crate::state::Store;
use crate::tokens::TokenKind;

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Pending,
    Approved,
    Denied,
}

/// A member's request for a fine-grained token to reach an org.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PatRequest {
    /// The `pat_request_id`.
    pub id: u64,
    pub org_id: u64,
    #[serde(skip)]
    pub token: String,
    pub token_id: u64,
    pub reason: Option<String>,
    pub state: RequestState,
    pub created_at: DateTime<Utc>,
}

/// An approved token's access to an org.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PatGrant {
    /// The `pat_id`.
    pub id: u64,
    pub org_id: u64,
    #[serde(skip)]
    pub token: String,
    pub token_id: u64,
    pub granted_at: DateTime<Utc>,
    pub revoked: bool,
}

/// The orgs' part of the store.
#[derive(Debug, Default)]
pub(crate) struct OrgPatStore {
    pub requests: Vec<PatRequest>,
    pub grants: Vec<PatGrant>,
    /// The `token_id` GitHub gives each fine-grained token.
    pub token_ids: HashMap<String, u64>,
    /// When each token last authenticated a request.
    pub last_used: HashMap<String, DateTime<Utc>>,
}

/// Why a review was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReviewError {
    /// No such request (or grant) in this org.
    Unknown,
    /// It was approved or denied already.
    AlreadyReviewed,
}

impl OrgPatStore {
    /// Whether `token` may reach `org_id`'s private resources, as far as reviews go: a
    /// token never reviewed for the org is left alone (tokens seeded without a request).
    pub(crate) fn reaches(&self, token: &str, org_id: u64) -> bool {
        let grant = self.grants.iter().rev().find(|g| g.token == token && g.org_id == org_id);
        if let Some(g) = grant {
            return !g.revoked;
        }
        !self.requests.iter().any(|r| r.token == token && r.org_id == org_id)
    }

    /// Records that `token` was used now.
    pub(crate) fn used(&mut self, token: &str, at: DateTime<Utc>) {
        if self.token_ids.contains_key(token) {
            self.last_used.insert(token.to_owned(), at);
        }
    }

    /// Whether every one of `ids` is a pending request of `org_id`: the first that is not.
    pub(crate) fn check_pending(&self, org_id: u64, ids: &[u64]) -> Result<(), (u64, ReviewError)> {
        for id in ids {
            match self.requests.iter().find(|r| r.id == *id && r.org_id == org_id) {
                None => return Err((*id, ReviewError::Unknown)),
                Some(r) if r.state != RequestState::Pending => return Err((*id, ReviewError::AlreadyReviewed)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Revokes the grants `ids` of `org_id`, all or none.
    pub(crate) fn revoke(&mut self, org_id: u64, ids: &[u64]) -> Result<(), u64> {
        let live = |g: &PatGrant, id: u64| g.id == id && g.org_id == org_id && !g.revoked;
        if let Some(id) = ids.iter().find(|id| !self.grants.iter().any(|g| live(g, **id))) {
            return Err(*id);
        }
        self.grants.iter_mut().filter(|g| ids.contains(&g.id) && g.org_id == org_id).for_each(|g| g.revoked = true);
        Ok(())
    }
}

impl Store {
    /// A member's fine-grained token, whose resource owner is an org, asks that org for
    /// access (GitHub does this when the token is created).
    pub(crate) fn request_org_access(&mut self, token: &str, reason: Option<String>) -> Result<PatRequest, AdminError> {
        let rec = self.tokens.get(token).ok_or(AdminError::UnknownToken)?.clone();
        if rec.kind != TokenKind::FineGrained {
            return Err(AdminError::Invalid("only a fine-grained token asks an org for access".into()));
        }
        let owner = rec.owner.clone().unwrap_or_default();
        let org = self.org_by_login(&owner).ok_or_else(|| AdminError::UnknownOrg(owner.clone()))?;
        if !org.members.contains(&rec.user_id) {
            return Err(AdminError::Invalid(format!("the token's user is not a member of {}", org.login)));
        }
        let org_id = org.id;
        let open = |r: &&PatRequest| r.token == token && r.org_id == org_id && r.state == RequestState::Pending;
        if self.org_pats.requests.iter().any(|r| open(&r)) {
            return Err(AdminError::AlreadyExists("a pending request for this token".into()));
        }
        let token_id = match self.org_pats.token_ids.get(token) {
            Some(id) => *id,
            None => {
                let id = self.fresh_id();
                self.org_pats.token_ids.insert(token.to_owned(), id);
                id
            }
        };
        let request = PatRequest {
            id: self.fresh_id(),
            org_id,
            token: token.to_owned(),
            token_id,
            reason,
            state: RequestState::Pending,
            created_at: Utc::now(),
        };
        self.org_pats.requests.push(request.clone());
        Ok(request)
    }

    /// Approves or denies the pending requests `ids` of `org_id`, all or none; an
    /// approved one becomes a grant.
    pub(crate) fn review_requests(
        &mut self,
        org_id: u64,
        ids: &[u64],
        approve: bool,
    ) -> Result<(), (u64, ReviewError)> {
        self.org_pats.check_pending(org_id, ids)?;
        let grant_ids: Vec<u64> = ids.iter().map(|_| self.fresh_id()).collect();
        let now = Utc::now();
        let pats = &mut self.org_pats;
        let mut grant_ids = grant_ids.into_iter();
        for r in pats.requests.iter_mut().filter(|r| r.org_id == org_id && ids.contains(&r.id)) {
            r.state = if approve { RequestState::Approved } else { RequestState::Denied };
            if let Some(id) = grant_ids.next().filter(|_| approve) {
                let (token, token_id) = (r.token.clone(), r.token_id);
                pats.grants.push(PatGrant { id, org_id, token, token_id, granted_at: now, revoked: false });
            }
        }
        Ok(())
    }
}
