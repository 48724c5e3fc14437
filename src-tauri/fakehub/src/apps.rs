//! GitHub Apps: apps with registered public keys, their installations on users and
//! orgs, the JWTs they sign (RS256, checked as GitHub checks them) and the
//! installation tokens they mint (`ghs_`, one hour, narrowed to what was asked).
//! See docs/github.md#github-app-installation-tokens.

use std::collections::{BTreeMap, HashMap};

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::{UnparsedPublicKey, RSA_PKCS1_2048_8192_SHA256};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::input::AdminError;
use crate::state::{Store, TokenRecord, User};
use crate::tokens::{self, TokenKind};

/// GitHub's answers to a JWT it refuses (all 401).
pub(crate) const UNDECODABLE: &str = "A JSON web token could not be decoded";
pub(crate) const EXP_TOO_FAR: &str = "'Expiration time' claim ('exp') is too far in the future";
pub(crate) const EXP_PAST: &str =
    "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
pub(crate) const IAT_FUTURE: &str =
    "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
/// The longest a JWT may live, from now (GitHub: 10 minutes).
const MAX_JWT_SECS: i64 = 600;
/// How long an installation token lives.
pub const INSTALLATION_TOKEN_HOURS: i64 = 1;

/// A GitHub App.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct App {
    pub id: u64,
    pub client_id: String,
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    pub owner_login: String,
    pub owner_id: u64,
    pub owner_is_org: bool,
    /// What installations may grant, `name -> level`.
    pub permissions: BTreeMap<String, String>,
    /// The user id of its `slug[bot]`, whom its installation tokens act as.
    pub bot_user_id: u64,
    /// Registered public keys, `RSAPublicKey` DER (PKCS #1).
    #[serde(skip)]
    pub public_keys: Vec<Vec<u8>>,
    pub created_at: DateTime<Utc>,
}

/// An app installed on a user or an org.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Installation {
    pub id: u64,
    pub app_id: u64,
    pub account_login: String,
    pub account_id: u64,
    pub account_is_org: bool,
    /// `None`: every repository of the account; otherwise these repository ids.
    pub repositories: Option<Vec<u64>>,
    pub permissions: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
}

/// What an installation token was minted for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Minted {
    pub installation_id: u64,
    /// `None`: every repository the installation reaches.
    pub repositories: Option<Vec<u64>>,
}

/// The apps' part of the store.
#[derive(Debug, Default)]
pub(crate) struct AppStore {
    pub apps: Vec<App>,
    pub installations: Vec<Installation>,
    pub minted: HashMap<String, Minted>,
    /// Seconds the hub's clock is ahead of the machine's (JWT checks, token expiry,
    /// the `Date` header of app endpoints): for clients' clock-skew handling.
    pub clock_offset_secs: i64,
}

impl AppStore {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.clock_offset_secs)
    }
}

/// An app to create; `owner` is a user's or an org's login.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewApp {
    pub owner: String,
    pub name: String,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
}

/// A created app, with the private key GitHub would let its owner download (PEM,
/// PKCS #1, like GitHub's).
#[derive(Clone, Debug, Serialize)]
pub struct CreatedApp {
    pub id: u64,
    pub client_id: String,
    pub slug: String,
    pub private_key_pem: String,
}

/// An installation to create: the app (slug) on an account (login).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewInstallation {
    pub app: String,
    pub account: String,
    /// Repository names of the account; `None`: all of them.
    #[serde(default)]
    pub repositories: Option<Vec<String>>,
    /// Empty: the app's permissions.
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
}

/// A fresh RSA key pair: the PKCS #1 PEM of the private key and the public key's DER.
pub fn generate_key() -> (String, Vec<u8>) {
    let pair = KeyPair::generate(KeySize::Rsa2048).expect("RSA key generation");
    let pkcs8 = pair.as_der().expect("PKCS #8 encoding");
    let pkcs1 = pkcs8_inner(pkcs8.as_ref()).expect("PKCS #8 holds an RSAPrivateKey");
    let public = aws_lc_rs::signature::KeyPair::public_key(&pair).as_ref().to_vec();
    (pem("RSA PRIVATE KEY", pkcs1), public)
}

fn pem(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).expect("base64")).collect();
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
}

/// One DER element at the start of `der`: (tag, content, rest).
fn der_element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        let (bytes, rest) = (rest.get(..n)?, rest.get(n..)?);
        (bytes.iter().fold(0usize, |acc, b| acc << 8 | *b as usize), rest)
    };
    Some((tag, rest.get(..len)?, rest.get(len..)?))
}

/// The `RSAPrivateKey` inside a PKCS #8 `PrivateKeyInfo` (version, algorithm, key).
fn pkcs8_inner(der: &[u8]) -> Option<&[u8]> {
    let (_, info, _) = der_element(der)?;
    let (_, _, rest) = der_element(info)?; // version
    let (_, _, rest) = der_element(rest)?; // algorithm
    let (tag, key, _) = der_element(rest)?;
    (tag == 0x04).then_some(key)
}

fn level_rank(level: &str) -> u8 {
    match level {
        "read" => 1,
        "write" => 2,
        "admin" => 3,
        _ => 0,
    }
}

impl Store {
    pub(crate) fn create_app(&mut self, new: NewApp) -> Result<CreatedApp, AdminError> {
        let (owner_login, owner_id, owner_is_org) = self.account(&new.owner)?;
        let slug = new.slug.clone().unwrap_or_else(|| new.name.to_lowercase().replace(' ', "-"));
        if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(AdminError::Invalid(format!("app slug {slug:?}")));
        }
        if self.apps.apps.iter().any(|a| a.slug == slug) {
            return Err(AdminError::AlreadyExists(format!("app {slug}")));
        }
        let id = self.fresh_id();
        let bot = User {
            id: self.fresh_id(),
            login: format!("{slug}[bot]"),
            name: None,
            avatar_url: format!("https://avatars.githubusercontent.com/in/{id}?v=4"),
            email: None,
            created_at: Utc::now(),
        };
        let (private_key_pem, public) = generate_key();
        let app = App {
            id,
            client_id: format!("Iv23li{}", tokens::random_base62(14)),
            slug: slug.clone(),
            name: new.name,
            description: new.description,
            owner_login,
            owner_id,
            owner_is_org,
            permissions: new.permissions,
            bot_user_id: bot.id,
            public_keys: vec![public],
            created_at: Utc::now(),
        };
        self.users.push(bot);
        let created = CreatedApp { id, client_id: app.client_id.clone(), slug, private_key_pem };
        self.apps.apps.push(app);
        Ok(created)
    }

    fn account(&self, login: &str) -> Result<(String, u64, bool), AdminError> {
        if let Some(u) = self.user_by_login(login) {
            Ok((u.login.clone(), u.id, false))
        } else if let Some(o) = self.org_by_login(login) {
            Ok((o.login.clone(), o.id, true))
        } else {
            Err(AdminError::UnknownUser(login.into()))
        }
    }

    pub(crate) fn create_installation(&mut self, new: NewInstallation) -> Result<Installation, AdminError> {
        let app = self
            .apps
            .apps
            .iter()
            .find(|a| a.slug == new.app)
            .ok_or_else(|| AdminError::Invalid(format!("no app {}", new.app)))?;
        let (app_id, app_perms) = (app.id, app.permissions.clone());
        let (account_login, account_id, account_is_org) = self.account(&new.account)?;
        let repositories = match new.repositories {
            None => None,
            Some(names) => Some(
                names
                    .iter()
                    .map(|n| {
                        self.repos
                            .iter()
                            .find(|r| r.owner_id == account_id && r.name.eq_ignore_ascii_case(n))
                            .map(|r| r.id)
                            .ok_or_else(|| AdminError::Invalid(format!("no repository {account_login}/{n}")))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        let permissions = if new.permissions.is_empty() { app_perms.clone() } else { new.permissions };
        let beyond = permissions.iter().any(|(k, l)| level_rank(l) > app_perms.get(k).map_or(0, |a| level_rank(a)));
        if beyond {
            return Err(AdminError::Invalid("an installation cannot have more than its app's permissions".into()));
        }
        let inst = Installation {
            id: self.fresh_id(),
            app_id,
            account_login,
            account_id,
            account_is_org,
            repositories,
            permissions,
            created_at: Utc::now(),
        };
        self.apps.installations.push(inst.clone());
        Ok(inst)
    }

    /// The repository ids an installation reaches.
    pub(crate) fn installation_repos(&self, inst: &Installation) -> Vec<u64> {
        match &inst.repositories {
            Some(ids) => ids.clone(),
            None => self.repos.iter().filter(|r| r.owner_id == inst.account_id).map(|r| r.id).collect(),
        }
    }

    /// Checks a JWT as GitHub does: the app it is from, or GitHub's 401 message.
    pub(crate) fn verify_jwt(&self, jwt: &str) -> Result<App, &'static str> {
        let parts: Vec<&str> = jwt.split('.').collect();
        let [header, claims, signature] = parts[..] else {
            return Err(UNDECODABLE);
        };
        let json = |part: &str| -> Option<Value> { serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok() };
        let (Some(header_v), Some(claims_v)) = (json(header), json(claims)) else {
            return Err(UNDECODABLE);
        };
        if header_v.get("alg").and_then(Value::as_str) != Some("RS256") {
            return Err(UNDECODABLE);
        }
        let iss = match claims_v.get("iss") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(UNDECODABLE),
        };
        let app = self.apps.apps.iter().find(|a| a.client_id == iss || a.id.to_string() == iss).ok_or(UNDECODABLE)?;
        let sig = URL_SAFE_NO_PAD.decode(signature).map_err(|_| UNDECODABLE)?;
        let signed = format!("{header}.{claims}");
        let verified = app
            .public_keys
            .iter()
            .any(|k| UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, k).verify(signed.as_bytes(), &sig).is_ok());
        if !verified {
            return Err(UNDECODABLE);
        }
        let now = self.apps.now().timestamp();
        match claims_v.get("iat").and_then(Value::as_i64) {
            Some(iat) if iat <= now => {}
            _ => return Err(IAT_FUTURE),
        }
        match claims_v.get("exp").and_then(Value::as_i64) {
            Some(exp) if exp <= now => Err(EXP_PAST),
            Some(exp) if exp > now + MAX_JWT_SECS => Err(EXP_TOO_FAR),
            Some(_) => Ok(app.clone()),
            None => Err(EXP_PAST),
        }
    }

    /// Mints an installation token narrowed to `repositories` (ids, already checked
    /// against the installation) and `permissions` (already checked).
    pub(crate) fn mint_installation_token(
        &mut self,
        inst: &Installation,
        bot_user_id: u64,
        repositories: Option<Vec<u64>>,
        permissions: BTreeMap<String, String>,
    ) -> TokenRecord {
        let now = self.apps.now();
        let record = TokenRecord {
            token: tokens::mint(TokenKind::AppInstallation),
            kind: TokenKind::AppInstallation,
            user_id: bot_user_id,
            name: None,
            scopes: Vec::new(),
            permissions,
            expires_at: Some(now + Duration::hours(INSTALLATION_TOKEN_HOURS)),
            expiry_layout: Default::default(),
            sso_authorized: Vec::new(),
            revoked: false,
            created_at: now,
            owner: Some(inst.account_login.clone()),
            description: None,
            repository_access: None,
        };
        self.tokens.insert(record.token.clone(), record.clone());
        self.apps.minted.insert(record.token.clone(), Minted { installation_id: inst.id, repositories });
        record
    }
}

/// Whether `asked` stays within `granted`: every permission known and no higher.
pub(crate) fn within(asked: &BTreeMap<String, String>, granted: &BTreeMap<String, String>) -> bool {
    asked.iter().all(|(k, l)| level_rank(l) > 0 && granted.get(k).is_some_and(|g| level_rank(l) <= level_rank(g)))
}
