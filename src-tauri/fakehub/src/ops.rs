//! Admin operations: their effect on the store. Used by both the in-process
//! handle and the `/_admin` HTTP API.

use chrono::{Duration, Utc};

use crate::state::{Org, Repo, Store, TokenRecord, User};
use crate::tokens::{self, TokenKind};
use crate::{scopes, FakeHubOptions};

pub use crate::input::{AdminError, NewOrg, NewRepo, NewToken, NewUser, RepositoryAccess};

impl Store {
    fn id_or_fresh(&mut self, id: Option<u64>) -> Result<u64, AdminError> {
        match id {
            None => Ok(self.fresh_id()),
            Some(id) if self.users.iter().any(|u| u.id == id) => Err(AdminError::AlreadyExists(format!("id {id}"))),
            Some(id) if self.orgs.iter().any(|o| o.id == id) => Err(AdminError::AlreadyExists(format!("id {id}"))),
            Some(id) => Ok(id),
        }
    }

    fn login_free(&self, login: &str) -> Result<(), AdminError> {
        let valid =
            !login.is_empty() && login.len() <= 39 && login.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            return Err(AdminError::Invalid(format!("login {login:?}")));
        }
        if self.user_by_login(login).is_some() || self.org_by_login(login).is_some() {
            return Err(AdminError::AlreadyExists(login.to_string()));
        }
        Ok(())
    }

    pub(crate) fn create_user(&mut self, new: NewUser) -> Result<User, AdminError> {
        self.login_free(&new.login)?;
        let id = self.id_or_fresh(new.id)?;
        let user = User {
            id,
            avatar_url: new.avatar_url.unwrap_or_else(|| format!("https://avatars.githubusercontent.com/u/{id}?v=4")),
            login: new.login,
            name: new.name,
            email: new.email,
            created_at: Utc::now(),
        };
        self.users.push(user.clone());
        Ok(user)
    }

    pub(crate) fn create_org(&mut self, new: NewOrg) -> Result<Org, AdminError> {
        self.login_free(&new.login)?;
        let id = self.id_or_fresh(new.id)?;
        let org = Org {
            id,
            login: new.login,
            name: new.name,
            description: new.description,
            sso_enforced: new.sso_enforced,
            members: Vec::new(),
            created_at: Utc::now(),
        };
        self.orgs.push(org.clone());
        Ok(org)
    }

    pub(crate) fn add_member(&mut self, org: &str, login: &str) -> Result<(), AdminError> {
        let uid = self.user_by_login(login).ok_or_else(|| AdminError::UnknownUser(login.into()))?.id;
        let org = self
            .orgs
            .iter_mut()
            .find(|o| o.login.eq_ignore_ascii_case(org))
            .ok_or_else(|| AdminError::UnknownOrg(org.into()))?;
        if !org.members.contains(&uid) {
            org.members.push(uid);
        }
        Ok(())
    }

    pub(crate) fn create_repo(&mut self, new: NewRepo) -> Result<Repo, AdminError> {
        let (owner_login, owner_id, owner_is_org) = if let Some(u) = self.user_by_login(&new.owner) {
            (u.login.clone(), u.id, false)
        } else if let Some(o) = self.org_by_login(&new.owner) {
            (o.login.clone(), o.id, true)
        } else {
            return Err(AdminError::UnknownUser(new.owner));
        };
        let valid = !new.name.is_empty()
            && new.name.len() <= 100
            && new.name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
        if !valid {
            return Err(AdminError::Invalid(format!("repo name {:?}", new.name)));
        }
        let exists = self.repos.iter().any(|r| r.owner_id == owner_id && r.name.eq_ignore_ascii_case(&new.name));
        if exists {
            return Err(AdminError::AlreadyExists(format!("{owner_login}/{}", new.name)));
        }
        let repo = Repo {
            id: self.fresh_id(),
            owner_login,
            owner_id,
            owner_is_org,
            name: new.name,
            private: new.private,
            description: new.description,
            created_at: Utc::now(),
        };
        self.repos.push(repo.clone());
        Ok(repo)
    }

    pub(crate) fn create_token(&mut self, new: NewToken) -> Result<TokenRecord, AdminError> {
        let user_id = self.user_by_login(&new.login).ok_or_else(|| AdminError::UnknownUser(new.login.clone()))?.id;
        if new.stateless && new.kind != TokenKind::AppInstallation {
            return Err(AdminError::Invalid("stateless is for app_installation tokens".into()));
        }
        if let Some(owner) = &new.owner {
            if self.user_by_login(owner).is_none() && self.org_by_login(owner).is_none() {
                return Err(AdminError::UnknownOrg(owner.clone()));
            }
        }
        let token = if new.stateless {
            let exp = new.expires_at.unwrap_or_else(|| Utc::now() + Duration::hours(1));
            tokens::mint_stateless_installation(user_id, exp.timestamp())
        } else {
            tokens::mint(new.kind)
        };
        let record = TokenRecord {
            token: token.clone(),
            kind: new.kind,
            user_id,
            name: new.name,
            scopes: if new.kind.has_scopes() { scopes::normalize(&new.scopes) } else { Vec::new() },
            permissions: new.permissions,
            expires_at: new.expires_at,
            expiry_layout: new.expiry_layout,
            sso_authorized: new.sso_authorized,
            revoked: false,
            created_at: Utc::now(),
            owner: new.owner,
            description: new.description,
            repository_access: new.repository_access,
        };
        self.tokens.insert(token, record.clone());
        Ok(record)
    }

    pub(crate) fn token_mut(&mut self, token: &str) -> Result<&mut TokenRecord, AdminError> {
        self.tokens.get_mut(token).ok_or(AdminError::UnknownToken)
    }

    /// Forgets everything but the options.
    pub(crate) fn reset(&mut self) {
        let opts: FakeHubOptions = self.opts.clone();
        *self = Store::new(opts);
    }
}
