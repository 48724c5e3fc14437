use super::*;
use crate::github::request::{ClassicRequest, FineGrainedRequest};

fn classic(scopes: &[&str], expires: Option<Expiry>) -> Creation {
    Creation {
        host: None,
        account: Some("octocat".into()),
        request: TokenRequest::Classic(ClassicRequest {
            note: "gh".into(),
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        }),
        expires,
        access: RepositoryAccess::Public,
        repositories: vec![],
        renews: None,
    }
}

fn record(scopes: Option<&[&str]>, lifetime: Option<i64>) -> TokenRecord {
    let now = Utc::now();
    let mut r = TokenRecord::new("id".into(), "gh".into(), "https://github.com".into(), TokenKind::Classic, now);
    r.login = Some("octocat".into());
    r.scopes = scopes.map(|s| s.iter().map(|x| (*x).to_owned()).collect());
    r.expires_at = lifetime.map(|d| now + Duration::days(d));
    r
}

fn kinds(f: &[Finding]) -> Vec<FindingKind> {
    f.iter().map(|x| x.kind).collect()
}

#[test]
fn missing_and_extra_scopes_are_named_implied_ones_are_not() {
    let asked = classic(&["repo", "read:org", "gist"], Some(Expiry::Days(30)));
    let f = findings(&asked, &record(Some(&["repo", "admin:org", "workflow"]), Some(30)), Lang::En);
    assert_eq!(kinds(&f), [FindingKind::ScopesMissing, FindingKind::ScopesExtra]);
    assert!(f[0].message.contains(": gist."), "{}", f[0].message);
    // admin:org covers read:org, so it is extra only as itself, and workflow too.
    assert!(f[1].message.contains("admin:org, workflow"), "{}", f[1].message);
    assert!(findings(&asked, &record(Some(&["repo", "read:org", "gist"]), Some(30)), Lang::En).is_empty());
    let fr = findings(&asked, &record(Some(&["repo", "read:org"]), Some(30)), Lang::Fr);
    assert!(fr[0].message.starts_with("Il manque"));
}

#[test]
fn an_expiry_a_policy_shortened_or_one_longer_than_asked_is_told() {
    let f = |asked, lifetime| kinds(&findings(&classic(&[], asked), &record(Some(&[]), lifetime), Lang::En));
    assert_eq!(f(Some(Expiry::Days(90)), Some(90)), []);
    assert_eq!(f(Some(Expiry::Days(90)), Some(89)), [], "a day's slack");
    assert_eq!(f(Some(Expiry::Days(366)), Some(30)), [FindingKind::ExpiryShorter]);
    assert_eq!(f(Some(Expiry::Never), Some(366)), [FindingKind::ExpiryShorter]);
    assert_eq!(f(Some(Expiry::Days(7)), Some(30)), [FindingKind::ExpiryLonger]);
    assert_eq!(f(Some(Expiry::Days(7)), None), [FindingKind::ExpiryLonger]);
    assert_eq!(f(None, Some(30)), [], "GitHub's default is 30 days");
    assert_eq!(f(Some(Expiry::Never), None), []);
}

#[test]
fn a_token_made_elsewhere_is_renewed_with_what_is_known_of_it() {
    let mut r = record(Some(&["repo", "not-a-scope"]), None);
    let c = known_request(&r);
    let TokenRequest::Classic(cl) = &c.request else { panic!("classic") };
    assert_eq!(cl.scopes, ["repo"]);
    assert_eq!((c.expires, c.account.as_deref()), (Some(Expiry::Never), Some("octocat")));
    r.kind = TokenKind::FineGrained;
    r.expires_at = Some(Utc::now());
    r.permissions = Some([("contents".into(), "write".into()), ("metadata".into(), "read".into())].into());
    let c = known_request(&r);
    let TokenRequest::FineGrained(f) = &c.request else { panic!("fine-grained") };
    let want: FineGrainedRequest = FineGrainedRequest {
        name: "gh".into(),
        permissions: [("contents".into(), Level::Write)].into(),
        ..Default::default()
    };
    assert_eq!((f, c.expires), (&want, None));
}
