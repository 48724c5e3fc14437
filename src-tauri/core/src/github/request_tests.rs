use proptest::prelude::*;

use super::*;

/// A host whose web side is `web` (fakehub's lives under `/web`).
fn host(web: &str) -> Host {
    Host { web: Url::parse(web).unwrap(), api: Url::parse("https://api.example").unwrap() }
}

fn github() -> Host {
    host("https://github.com")
}

fn fine(name: &str) -> FineGrainedRequest {
    FineGrainedRequest { name: name.into(), ..Default::default() }
}

fn url_of(req: FineGrainedRequest) -> Result<String> {
    creation_url(&github(), &TokenRequest::FineGrained(req)).map(String::from)
}

#[test]
fn githubs_documented_example() {
    let req = FineGrainedRequest {
        name: "Repo-reading token".into(),
        description: "Just contents:read".into(),
        owner: Some("octodemo".into()),
        expires: Some(Expiry::Days(45)),
        permissions: [("contents".to_owned(), Level::Read)].into(),
    };
    let url = url_of(req.clone()).unwrap();
    assert_eq!(
        url,
        "https://github.com/settings/personal-access-tokens/new?name=Repo-reading+token\
         &description=Just+contents%3Aread&target_name=octodemo&expires_in=45&contents=read"
    );
    // GitHub's own spelling of the same URL reads back to the same request.
    let docs = "https://github.com/settings/personal-access-tokens/new?name=Repo-reading+token\
                &description=Just+contents:read&target_name=octodemo&expires_in=45&contents=read";
    assert_eq!(parse_creation_url(&Url::parse(docs).unwrap()), Some(TokenRequest::FineGrained(req)));
}

#[test]
fn classic_url_like_homebrews() {
    let req = TokenRequest::Classic(ClassicRequest {
        note: "Homebrew".into(),
        scopes: vec!["repo".into(), "public_repo".into(), "read:org".into(), "gist".into()],
    });
    let url = creation_url(&github(), &req).unwrap();
    assert_eq!(
        url.as_str(),
        "https://github.com/settings/tokens/new?scopes=repo%2Cread%3Aorg%2Cgist&description=Homebrew"
    );
    // Implied scopes are dropped, as GitHub does.
    let TokenRequest::Classic(back) = parse_creation_url(&url).unwrap() else { panic!("classic") };
    assert_eq!(back.scopes, ["repo", "read:org", "gist"]);
}

#[test]
fn hosts_keep_their_path() {
    let req = TokenRequest::FineGrained(fine("ci"));
    let ghes = creation_url(&host("https://ghe.example.com/"), &req).unwrap();
    assert_eq!(ghes.as_str(), "https://ghe.example.com/settings/personal-access-tokens/new?name=ci");
    let fake = creation_url(&host("http://127.0.0.1:8080/web"), &req).unwrap();
    assert_eq!(fake.as_str(), "http://127.0.0.1:8080/web/settings/personal-access-tokens/new?name=ci");
}

#[test]
fn unicode_is_percent_encoded() {
    let url = url_of(FineGrainedRequest {
        description: "déploiement & tests = 100% 🚀\nligne 2".into(),
        ..fine("Jeton é")
    })
    .unwrap();
    assert!(url.is_ascii());
    assert!(url.contains("name=Jeton+%C3%A9"), "{url}");
    assert!(url.contains("description=d%C3%A9ploiement+%26+tests+%3D+100%25+%F0%9F%9A%80%0Aligne+2"), "{url}");
}

#[test]
fn githubs_limits_are_refused_with_the_rule() {
    let forty_one = "é".repeat(41);
    assert_eq!(url_of(fine(&forty_one)).unwrap_err(), Error::RequestNameTooLong { length: 41, max: 40 });
    assert!(url_of(fine(&"é".repeat(40))).is_ok(), "40 characters (80 bytes) is allowed");
    for bad in ["", "   ", "two\nlines", "tab\there"] {
        assert_eq!(url_of(fine(bad)).unwrap_err(), Error::RequestNameInvalid, "{bad:?}");
    }
    let long = FineGrainedRequest { description: "x".repeat(1025), ..fine("n") };
    assert_eq!(url_of(long).unwrap_err(), Error::RequestDescriptionTooLong { length: 1025, max: 1024 });
    for days in [0, 367, 10_000] {
        let req = FineGrainedRequest { expires: Some(Expiry::Days(days)), ..fine("n") };
        assert_eq!(url_of(req).unwrap_err(), Error::RequestExpiryInvalid { given: days.to_string() });
    }
    for ok in [1, 366] {
        assert!(url_of(FineGrainedRequest { expires: Some(Expiry::Days(ok)), ..fine("n") }).is_ok());
    }
    assert_eq!(Expiry::parse("none").unwrap(), Expiry::Never);
    for bad in ["-1", "0", "367", "30d", "", " 30", "never"] {
        assert_eq!(Expiry::parse(bad).unwrap_err(), Error::RequestExpiryInvalid { given: bad.into() });
    }
    for owner in ["-octo", "octo cat", "octo/cat", &"a".repeat(40)] {
        let req = FineGrainedRequest { owner: Some(owner.into()), ..fine("n") };
        assert_eq!(url_of(req).unwrap_err(), Error::RequestOwnerInvalid { owner: owner.into() });
    }
}

#[test]
fn permissions_and_levels_follow_the_catalogue() {
    let with = |k: &str, l: Level| FineGrainedRequest { permissions: [(k.to_owned(), l)].into(), ..fine("n") };
    assert_eq!(
        url_of(with("workflows", Level::Read)).unwrap_err(),
        Error::RequestLevelNotAllowed { key: "workflows".into(), level: "read".into(), allowed: vec!["write".into()] }
    );
    assert_eq!(
        url_of(with("contents", Level::Admin)).unwrap_err(),
        Error::RequestLevelNotAllowed {
            key: "contents".into(),
            level: "admin".into(),
            allowed: vec!["read".into(), "write".into()]
        }
    );
    assert_eq!(
        url_of(with("checks", Level::Read)).unwrap_err(),
        Error::RequestPermissionUnknown { key: "checks".into() }
    );
    assert!(url_of(with("organization_projects", Level::Admin)).unwrap().ends_with("&organization_projects=admin"));
    assert_eq!(check_permission("contents", "Write").unwrap_err().code(), "request_level_not_allowed");

    let both = FineGrainedRequest {
        permissions: [("gists".to_owned(), Level::Write), ("members".to_owned(), Level::Read)].into(),
        ..fine("n")
    };
    assert_eq!(
        url_of(both).unwrap_err(),
        Error::RequestPermissionsConflict { account: "gists".into(), organization: "members".into() }
    );
    let gists = with("gists", Level::Write);
    assert!(gists.check_owner_kind(false).is_ok());
    assert_eq!(
        gists.check_owner_kind(true).unwrap_err(),
        Error::RequestPermissionWrongOwner { key: "gists".into(), section: Section::Account }
    );
    assert!(with("members", Level::Read).check_owner_kind(false).is_err());
    assert!(with("contents", Level::Read).check_owner_kind(true).is_ok());
}

#[test]
fn metadata_read_comes_with_repository_permissions() {
    let req = FineGrainedRequest { permissions: [("contents".to_owned(), Level::Write)].into(), ..fine("n") };
    let granted = req.granted_permissions();
    assert_eq!(granted.get("metadata"), Some(&Level::Read));
    assert_eq!(granted.get("contents"), Some(&Level::Write));
    let gists = FineGrainedRequest { permissions: [("gists".to_owned(), Level::Write)].into(), ..fine("n") };
    assert!(!gists.granted_permissions().contains_key("metadata"));
}

#[test]
fn classic_rules() {
    let classic = |note: &str, scopes: &[&str]| {
        creation_url(
            &github(),
            &TokenRequest::Classic(ClassicRequest {
                note: note.into(),
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
            }),
        )
    };
    assert_eq!(classic("n", &["repo", "rep"]).unwrap_err(), Error::RequestScopeUnknown { scope: "rep".into() });
    assert_eq!(classic("", &["repo"]).unwrap_err(), Error::RequestNameInvalid);
    assert!(classic(&"x".repeat(41), &[]).is_ok(), "a classic note is not limited to 40");
    assert_eq!(classic("n", &[]).unwrap().as_str(), "https://github.com/settings/tokens/new?description=n");
}

#[test]
fn requests_cross_to_the_ui_as_tagged_json() {
    let req = TokenRequest::FineGrained(FineGrainedRequest {
        expires: Some(Expiry::Days(30)),
        permissions: [("contents".to_owned(), Level::Write)].into(),
        ..fine("n")
    });
    let json = serde_json::to_value(&req).unwrap();
    assert_eq!(json["kind"], "fine_grained");
    assert_eq!(json["expires"], serde_json::json!({"days": 30}));
    assert_eq!(json["permissions"]["contents"], "write");
    assert_eq!(serde_json::from_value::<TokenRequest>(json).unwrap(), req);
    let never = serde_json::json!({"kind": "fine_grained", "name": "n", "expires": "never"});
    let TokenRequest::FineGrained(f) = serde_json::from_value(never).unwrap() else { panic!() };
    assert_eq!(f.expires, Some(Expiry::Never));
}

fn name() -> impl Strategy<Value = String> {
    // Any characters but control ones (which GitHub's one-line field cannot hold).
    "\\PC{1,40}".prop_filter("not blank", |s| !s.trim().is_empty() && s.chars().count() <= NAME_MAX)
}

fn permissions_strategy() -> impl Strategy<Value = BTreeMap<String, Level>> {
    let pick = |section: Section| {
        let options: Vec<(String, Level)> = permissions::permissions()
            .iter()
            .filter(|p| p.section == Section::Repository || p.section == section)
            .flat_map(|p| p.levels.iter().map(|l| (p.key.clone(), *l)))
            .collect();
        proptest::sample::subsequence(options, 0..8).prop_map(|v| v.into_iter().collect::<BTreeMap<_, _>>())
    };
    prop_oneof![pick(Section::Account), pick(Section::Organization)]
}

fn fine_grained() -> impl Strategy<Value = FineGrainedRequest> {
    let expiry =
        prop_oneof![Just(None), Just(Some(Expiry::Never)), (1..=EXPIRES_MAX_DAYS).prop_map(|d| Some(Expiry::Days(d)))];
    let description = proptest::collection::vec(any::<char>(), 0..60).prop_map(String::from_iter);
    let owner = proptest::option::of("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    (name(), description, owner, expiry, permissions_strategy()).prop_map(
        |(name, description, owner, expires, permissions)| FineGrainedRequest {
            name,
            description,
            owner,
            expires,
            permissions,
        },
    )
}

fn classic_request() -> impl Strategy<Value = ClassicRequest> {
    let all: Vec<String> = scopes::SCOPES.iter().map(|s| s.name.to_owned()).collect();
    (name(), proptest::sample::subsequence(all, 0..6)).prop_map(|(note, scopes)| ClassicRequest { note, scopes })
}

fn web_host() -> impl Strategy<Value = Host> {
    prop_oneof![
        Just(github()),
        Just(host("https://ghe.example.com")),
        Just(host("http://127.0.0.1:9999/web")),
        Just(host("https://xn--jton-bpa.example/")),
    ]
}

proptest! {
    /// Every URL built reads back to the request that made it.
    #[test]
    fn every_built_url_reads_back_to_the_same_request(
        host in web_host(),
        req in prop_oneof![fine_grained().prop_map(TokenRequest::FineGrained), classic_request().prop_map(TokenRequest::Classic)],
    ) {
        let url = creation_url(&host, &req).unwrap();
        prop_assert!(url.as_str().is_ascii());
        let prefix = format!("{}/settings/", host.key());
        prop_assert!(url.as_str().starts_with(&prefix), "{} {}", url, prefix);
        // Through its text, as a browser gets it.
        let reparsed = Url::parse(url.as_str()).unwrap();
        prop_assert_eq!(parse_creation_url(&reparsed), Some(req.checked().unwrap()));
    }

    /// Names over GitHub's limit never make a URL, whatever their characters.
    #[test]
    fn long_names_never_make_a_url(extra in "\\PC{41,80}") {
        let err = url_of(fine(&extra)).unwrap_err();
        prop_assert!(matches!(err, Error::RequestNameTooLong { .. } | Error::RequestNameInvalid), "{err:?}");
    }
}
