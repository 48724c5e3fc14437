//! A token request given as loose text fields (the command line's flags: `--kind`,
//! `--permission KEY=LEVEL`, `--expires 30`…), sorted into a [`TokenRequest`] with each
//! refusal naming the rule broken. The desktop app sends a typed request instead.

use super::request::{
    check_permission, ClassicRequest, Expiry, FineGrainedRequest, RequestKind, RequestOption, TokenRequest,
};
use crate::error::{Error, Result};

/// The fields as typed; empty lists and `None` mean "not given".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFields {
    pub kind: RequestKind,
    pub name: String,
    pub description: Option<String>,
    pub owner: Option<String>,
    /// `1`–`366` or `none`.
    pub expires: Option<String>,
    /// `KEY=LEVEL`, e.g. `contents=write`.
    pub permissions: Vec<String>,
    /// Scope names; each may also be a comma-separated list.
    pub scopes: Vec<String>,
}

impl RequestFields {
    /// The request these fields describe, checked against GitHub's rules.
    pub fn into_request(self) -> Result<TokenRequest> {
        let not_for = |option| Err(Error::RequestOptionNotForKind { option, kind: self.kind });
        let request = match self.kind {
            RequestKind::Classic => {
                let given = [
                    (!self.permissions.is_empty(), RequestOption::Permissions),
                    (self.owner.is_some(), RequestOption::Owner),
                    (self.expires.is_some(), RequestOption::Expiry),
                    (self.description.is_some(), RequestOption::Description),
                ];
                if let Some((_, option)) = given.into_iter().find(|(present, _)| *present) {
                    return not_for(option);
                }
                let scopes = self
                    .scopes
                    .iter()
                    .flat_map(|s| s.split(','))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                TokenRequest::Classic(ClassicRequest { note: self.name, scopes })
            }
            RequestKind::FineGrained => {
                if !self.scopes.is_empty() {
                    return not_for(RequestOption::Scopes);
                }
                let mut permissions = std::collections::BTreeMap::new();
                for p in &self.permissions {
                    let (key, level) = p.split_once('=').unwrap_or((p.as_str(), ""));
                    let (key, level) = (key.trim(), level.trim());
                    permissions.insert(key.to_owned(), check_permission(key, level)?);
                }
                TokenRequest::FineGrained(FineGrainedRequest {
                    name: self.name,
                    description: self.description.unwrap_or_default(),
                    owner: self.owner,
                    expires: self.expires.as_deref().map(Expiry::parse).transpose()?,
                    permissions,
                })
            }
        };
        request.checked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::permissions::Level;

    fn fields(kind: RequestKind) -> RequestFields {
        RequestFields {
            kind,
            name: "laptop".into(),
            description: None,
            owner: None,
            expires: None,
            permissions: vec![],
            scopes: vec![],
        }
    }

    #[test]
    fn fine_grained_fields() {
        let f = RequestFields {
            description: Some("d".into()),
            owner: Some("octo-org".into()),
            expires: Some("none".into()),
            permissions: vec!["contents=write".into(), " issues = read ".into()],
            ..fields(RequestKind::FineGrained)
        };
        let TokenRequest::FineGrained(r) = f.into_request().unwrap() else { panic!("fine-grained") };
        assert_eq!(r.expires, Some(Expiry::Never));
        assert_eq!(r.owner.as_deref(), Some("octo-org"));
        assert_eq!(r.permissions.get("contents"), Some(&Level::Write));
        assert_eq!(r.permissions.get("issues"), Some(&Level::Read));
    }

    #[test]
    fn each_field_names_its_rule() {
        let fg = fields(RequestKind::FineGrained);
        let err = |f: RequestFields| f.into_request().unwrap_err();
        assert_eq!(
            err(RequestFields { permissions: vec!["contents".into()], ..fg.clone() }),
            Error::RequestLevelNotAllowed {
                key: "contents".into(),
                level: "".into(),
                allowed: vec!["read".into(), "write".into()]
            }
        );
        assert_eq!(
            err(RequestFields { permissions: vec!["nope=read".into()], ..fg.clone() }),
            Error::RequestPermissionUnknown { key: "nope".into() }
        );
        assert_eq!(
            err(RequestFields { expires: Some("0".into()), ..fg.clone() }),
            Error::RequestExpiryInvalid { given: "0".into() }
        );
        assert_eq!(
            err(RequestFields { scopes: vec!["repo".into()], ..fg }),
            Error::RequestOptionNotForKind { option: RequestOption::Scopes, kind: RequestKind::FineGrained }
        );
        let classic = fields(RequestKind::Classic);
        for (f, option) in [
            (
                RequestFields { permissions: vec!["contents=read".into()], ..classic.clone() },
                RequestOption::Permissions,
            ),
            (RequestFields { owner: Some("o".into()), ..classic.clone() }, RequestOption::Owner),
            (RequestFields { expires: Some("30".into()), ..classic.clone() }, RequestOption::Expiry),
            (RequestFields { description: Some("d".into()), ..classic.clone() }, RequestOption::Description),
        ] {
            assert_eq!(err(f), Error::RequestOptionNotForKind { option, kind: RequestKind::Classic });
        }
    }

    #[test]
    fn classic_scopes_may_be_comma_separated() {
        let f = RequestFields { scopes: vec!["repo,read:org".into(), "gist".into()], ..fields(RequestKind::Classic) };
        let TokenRequest::Classic(c) = f.into_request().unwrap() else { panic!("classic") };
        assert_eq!(c.scopes, ["repo", "read:org", "gist"]);
    }
}
