//! Taking the new token back: it must be of the kind asked for and belong to the
//! account chosen (else nothing is stored); then it is stored through the same first
//! check as any added token, with the request recorded as its grants (fine-grained
//! permissions are not reported by GitHub's API: they are kept "as requested") and the
//! token it replaces. What GitHub made differently from what was asked (classic
//! scopes missing or extra, an expiry a policy shortened) comes back as findings.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::checklist::DEFAULT_DAYS;
use super::{renewal_name, token_kind, Creation, RepositoryAccess};
use crate::error::{Error, Result};
use crate::github::permissions::Level;
use crate::github::request::{ClassicRequest, Expiry, FineGrainedRequest, TokenRequest};
use crate::github::scopes;
use crate::i18n::Lang;
use crate::model::{TokenKind, TokenRecord, TokenView};
use crate::secret::Secret;
use crate::service::Jeton;
use crate::status::view_of;
use crate::token;

/// The longest name Jeton keeps (a classic token's note may be longer).
const LOCAL_NAME_MAX: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Classic scopes asked for that the token does not have.
    ScopesMissing,
    /// Classic scopes the token has that were not asked for.
    ScopesExtra,
    /// It ends sooner than asked (an organization's policy may have shortened it).
    ExpiryShorter,
    /// It ends later than asked, or never.
    ExpiryLonger,
}

/// Something GitHub made differently from the request, in a sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    pub kind: FindingKind,
    pub message: String,
}

/// The stored token and what differs from the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finished {
    pub token: TokenView,
    pub findings: Vec<Finding>,
}

impl Jeton {
    /// Checks the token the user brings back from GitHub's page against `creation`,
    /// then stores it. Nothing is stored when any check fails.
    pub async fn finish_creation(&self, creation: &Creation, secret: &Secret, lang: Lang) -> Result<Finished> {
        let request = creation.token_request().checked()?;
        let parsed = token::parse(secret.expose())?;
        if parsed.kind != token_kind(creation.kind()) {
            return Err(Error::TokenWrongKind { expected: creation.kind(), found: parsed.kind });
        }
        let host = self.config.host(creation.host.as_deref())?;
        self.vault.check_not_stored(&parsed.secret)?;
        // The token exists on GitHub now: a name taken meanwhile is not worth losing it.
        let name = self.vault.unused_name(&local_name(creation.name()))?;
        let mut record = self.first_check(uuid::Uuid::new_v4().to_string(), &name, &host, &parsed).await?;
        if let (Some(want), Some(got)) = (&creation.account, &record.login) {
            if !want.eq_ignore_ascii_case(got) {
                return Err(Error::TokenWrongAccount { expected: want.clone(), found: got.clone() });
            }
        }
        if let TokenRequest::FineGrained(f) = &request {
            let granted = f.granted_permissions().into_iter().map(|(k, l)| (k, l.as_str().to_owned()));
            record.permissions = Some(granted.collect());
        }
        record.predecessor = creation.renews.clone();
        record.request = Some(Creation { renews: None, host: Some(host.key()), ..creation.clone() });
        let findings = findings(creation, &record, lang);
        let stored = self.vault.add_async(record, parsed.secret).await?;
        Ok(Finished { token: view_of(&stored, Utc::now(), lang), findings })
    }

    /// The wizard's choices to renew a token: its recorded request, or for a token
    /// Jeton did not make, what is known of it (kind, scopes or permissions, lifetime);
    /// named after it with today's date.
    pub fn renewal(&self, id: &str, today: NaiveDate) -> Result<Creation> {
        let r = self.vault.find(id)?;
        let mut c = r.request.clone().unwrap_or_else(|| known_request(&r));
        c.renews = Some(r.id.clone());
        c.host = Some(r.host.clone());
        c.account = r.login.clone().or(c.account);
        let name = renewal_name(c.name(), today);
        match &mut c.request {
            TokenRequest::Classic(cl) => cl.note = name,
            TokenRequest::FineGrained(f) => f.name = name,
        }
        Ok(c)
    }
}

fn local_name(name: &str) -> String {
    name.trim().chars().take(LOCAL_NAME_MAX).collect::<String>().trim_end().to_owned()
}

/// What a token made elsewhere says of its request.
fn known_request(r: &TokenRecord) -> Creation {
    let request = match r.kind {
        TokenKind::FineGrained => TokenRequest::FineGrained(FineGrainedRequest {
            name: r.name.clone(),
            permissions: r
                .permissions
                .iter()
                .flatten()
                .filter_map(|(k, l)| Some((k.clone(), Level::parse(l)?)))
                .filter(|(k, _)| k != "metadata")
                .collect(),
            ..Default::default()
        }),
        _ => TokenRequest::Classic(ClassicRequest {
            note: r.name.clone(),
            scopes: r.scopes.iter().flatten().filter(|s| scopes::info(s).is_some()).cloned().collect(),
        }),
    };
    // Its lifetime is not known (Jeton did not see it made); one that never expires stays so.
    let expires = (r.expires_at.is_none() && r.login.is_some()).then_some(Expiry::Never);
    Creation {
        host: Some(r.host.clone()),
        account: r.login.clone(),
        request,
        expires,
        access: RepositoryAccess::default(),
        repositories: vec![],
        renews: None,
    }
}

fn finding(kind: FindingKind, message: String) -> Finding {
    Finding { kind, message }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn date(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// What GitHub made differently from `creation` (`record` is the token as first checked).
pub fn findings(creation: &Creation, record: &TokenRecord, lang: Lang) -> Vec<Finding> {
    let fr = lang == Lang::Fr;
    let mut out = Vec::new();
    if let (TokenRequest::Classic(c), Some(granted)) = (&creation.request, &record.scopes) {
        let asked = scopes::normalize_scopes(&c.scopes);
        let missing: Vec<String> =
            asked.iter().filter(|a| !granted.iter().any(|g| scopes::implies(g, a))).cloned().collect();
        let extra: Vec<String> =
            granted.iter().filter(|g| !asked.iter().any(|a| scopes::implies(a, g))).cloned().collect();
        if !missing.is_empty() {
            let m = list(&missing);
            out.push(finding(FindingKind::ScopesMissing, if fr {
                format!("Il manque à ce jeton des portées demandées : {m}. Modifiez-le sur GitHub pour les cocher, puis vérifiez-le à nouveau.")
            } else {
                format!("This token lacks scopes that were asked for: {m}. Edit it on GitHub to tick them, then check it again.")
            }));
        }
        if !extra.is_empty() {
            let m = list(&extra);
            out.push(finding(FindingKind::ScopesExtra, if fr {
                format!("Ce jeton a des portées non demandées : {m}. S’il n’en a pas besoin, décochez-les sur GitHub.")
            } else {
                format!("This token has scopes that were not asked for: {m}. If it does not need them, untick them on GitHub.")
            }));
        }
    }
    let asked_end = match creation.expires {
        Some(Expiry::Never) => None,
        Some(Expiry::Days(d)) => Some(record.created_at + Duration::days(i64::from(d))),
        None => Some(record.created_at + Duration::days(i64::from(DEFAULT_DAYS))),
    };
    // A day's slack either way: GitHub counts from its own clock, to the end of a day.
    let slack = Duration::days(1);
    match (asked_end, record.expires_at) {
        (None, Some(end)) => out.push(shorter(end, fr)),
        (Some(asked), Some(end)) if end + slack < asked => out.push(shorter(end, fr)),
        (Some(asked), Some(end)) if end > asked + slack => out.push(finding(FindingKind::ExpiryLonger, if fr {
            format!("Ce jeton expire le {}, plus tard que demandé. Si c’est trop long, réglez une date plus proche sur GitHub.", date(end))
        } else {
            format!("This token expires on {}, later than asked. If that is too long, set a nearer date on GitHub.", date(end))
        })),
        (Some(_), None) if record.login.is_some() => out.push(finding(FindingKind::ExpiryLonger, if fr {
            "Ce jeton n’expire jamais, alors qu’une expiration était demandée. Si c’est trop long, recréez-le avec une date sur GitHub.".into()
        } else {
            "This token never expires, though an expiry was asked for. If that is too long, make it again with a date on GitHub.".into()
        })),
        _ => {}
    }
    out
}

fn shorter(end: DateTime<Utc>, fr: bool) -> Finding {
    finding(
        FindingKind::ExpiryShorter,
        if fr {
            format!("Ce jeton expire le {}, plus tôt que demandé : la règle d’une organisation a pu raccourcir sa durée. Jeton vous préviendra avant.", date(end))
        } else {
            format!("This token expires on {}, sooner than asked: an organization's policy may have shortened it. Jeton will remind you before then.", date(end))
        },
    )
}

/// Well-formed tokens for tests, each different.
#[cfg(test)]
pub(crate) mod tests_support {
    fn random(n: usize) -> String {
        let mut s = String::new();
        while s.len() < n {
            s.push_str(&uuid::Uuid::new_v4().simple().to_string());
        }
        s.truncate(n);
        s
    }

    pub(crate) fn classic_token() -> String {
        crate::token::with_checksum(crate::model::TokenKind::Classic, &random(30)).unwrap()
    }

    pub(crate) fn fine_grained_token() -> String {
        format!("github_pat_{}_{}", random(22), random(59))
    }
}

#[cfg(test)]
#[path = "finish_tests.rs"]
mod tests;
