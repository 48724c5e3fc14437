//! Checks fakehub's responses against GitHub's published OpenAPI description (npm
//! package `@octokit/openapi`). Never skipped: without the description it fails.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fakehub::{FakeHub, NewOrg, NewRepo};
use serde_json::{json, Map, Value};

use crate::common::{self, get};

const HELP: &str = "GitHub's OpenAPI description was not found. Install the npm package \
@octokit/openapi in ui/ (it lands in ui/node_modules/@octokit/openapi), or set \
FAKEHUB_OPENAPI to that package directory or to its generated/api.github.com.json \
(e.g. `mkdir -p /tmp/oapi && cd /tmp/oapi && npm i @octokit/openapi`, then \
FAKEHUB_OPENAPI=/tmp/oapi/node_modules/@octokit/openapi)";

fn candidates(dir: &Path) -> Vec<PathBuf> {
    ["generated/api.github.com.json", "generated/api.github.com.deref.json"].iter().map(|f| dir.join(f)).collect()
}

fn spec_path() -> PathBuf {
    if let Some(p) = std::env::var_os("FAKEHUB_OPENAPI") {
        let p = PathBuf::from(p);
        if p.is_file() {
            return p;
        }
        return candidates(&p)
            .into_iter()
            .find(|c| c.is_file())
            .unwrap_or_else(|| panic!("FAKEHUB_OPENAPI={} holds no api.github.com.json. {HELP}", p.display()));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/@octokit/openapi");
    candidates(&dir).into_iter().find(|c| c.is_file()).unwrap_or_else(|| panic!("{HELP}"))
}

/// OpenAPI 3.0 `nullable: true` becomes JSON Schema's `anyOf` with `null`.
fn to_json_schema(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(to_json_schema),
        Value::Object(map) => {
            map.values_mut().for_each(to_json_schema);
            if map.get("nullable") == Some(&Value::Bool(true)) {
                map.remove("nullable");
                let inner = Value::Object(std::mem::take(map));
                *v = json!({"anyOf": [{"type": "null"}, inner]});
            }
        }
        _ => {}
    }
}

struct Spec {
    doc: Value,
    schemas: Value,
}

fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = spec_path();
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}. {HELP}", path.display()));
        let doc: Value = serde_json::from_str(&text).expect("the OpenAPI description is JSON");
        let mut schemas = doc["components"]["schemas"].clone();
        assert!(schemas.is_object(), "no components.schemas in {}", path.display());
        to_json_schema(&mut schemas);
        Spec { doc, schemas }
    })
}

/// The validator of one operation's response body.
fn validator(path: &str, method: &str, status: &str) -> jsonschema::Validator {
    let spec = spec();
    let mut response = &spec.doc["paths"][path][method]["responses"][status];
    if let Some(r) = response.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/components/responses/").expect("a response ref");
        response = &spec.doc["components"]["responses"][name];
    }
    let mut schema = response["content"]["application/json"]["schema"].clone();
    assert!(!schema.is_null(), "no JSON schema for {method} {path} {status}");
    to_json_schema(&mut schema);
    let mut root = Map::new();
    root.insert("allOf".into(), json!([schema]));
    root.insert("components".into(), json!({"schemas": spec.schemas}));
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&Value::Object(root))
        .unwrap_or_else(|e| panic!("schema of {method} {path} {status}: {e}"))
}

fn assert_valid(v: &jsonschema::Validator, body: &Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(body).take(10).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match GitHub's schema:\n{}", errors.join("\n"));
}

async fn json_of(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status(), status);
    resp.json().await.unwrap()
}

async fn world() -> (FakeHub, String) {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), description: Some("A".into()), ..Default::default() }).unwrap();
    hub.create_org(NewOrg { login: "sso".into(), sso_enforced: true, ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    hub.add_member("sso", "octocat").unwrap();
    for (owner, name, private) in [("octocat", "hello", false), ("octocat", "secret", true), ("acme", "rocket", false)]
    {
        hub.create_repo(NewRepo { owner: owner.into(), name: name.into(), private, description: None }).unwrap();
    }
    let token = common::classic(&hub, &["repo", "read:org"]);
    (hub, token)
}

#[tokio::test]
async fn responses_match_githubs_openapi() {
    let (hub, token) = world().await;
    let base = hub.url();
    let t = Some(token.as_str());

    let user = json_of(get(&format!("{base}/user"), t).await, 200).await;
    let v = validator("/user", "get", "200");
    assert_valid(&v, &user, "GET /user 200");
    let private = validator_private_user();
    assert_valid(&private, &user, "GET /user 200 as private-user");

    let v401 = validator("/user", "get", "401");
    let bad = json_of(get(&format!("{base}/user"), Some("ghp_nope")).await, 401).await;
    assert_valid(&v401, &bad, "401 Bad credentials");
    let anon = json_of(get(&format!("{base}/user"), None).await, 401).await;
    assert_valid(&v401, &anon, "401 Requires authentication");

    let orgs = json_of(get(&format!("{base}/api/v3/user/orgs"), t).await, 200).await;
    assert!(!orgs.as_array().unwrap().is_empty());
    assert_valid(&validator("/user/orgs", "get", "200"), &orgs, "GET /user/orgs 200");

    let repos = json_of(get(&format!("{base}/user/repos"), t).await, 200).await;
    assert_eq!(repos.as_array().unwrap().len(), 3);
    assert_valid(&validator("/user/repos", "get", "200"), &repos, "GET /user/repos 200");

    let sso = json_of(get(&format!("{base}/orgs/sso"), t).await, 403).await;
    assert_valid(&validator("/user", "get", "403"), &sso, "403 SSO (basic-error)");

    let org = json_of(get(&format!("{base}/orgs/acme"), t).await, 200).await;
    assert_valid(&validator("/orgs/{org}", "get", "200"), &org, "GET /orgs/{org} 200");
    let org_repos = json_of(get(&format!("{base}/orgs/acme/repos"), t).await, 200).await;
    let v = validator("/orgs/{org}/repos", "get", "200");
    assert_valid(&v, &org_repos, "GET /orgs/{org}/repos 200");

    for who in [t, None] {
        let rate = json_of(get(&format!("{base}/rate_limit"), who).await, 200).await;
        assert_valid(&validator("/rate_limit", "get", "200"), &rate, "GET /rate_limit 200");
    }

    let revoke = |body: String| {
        common::client()
            .post(format!("{base}/credentials/revoke"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let accepted = json_of(revoke(json!({"credentials": [token]}).to_string()).await.unwrap(), 202).await;
    assert_valid(&validator("/credentials/revoke", "post", "202"), &accepted, "revoke 202");
    let invalid = json_of(revoke("{}".into()).await.unwrap(), 422).await;
    assert_valid(&validator("/credentials/revoke", "post", "422"), &invalid, "revoke 422");
}

fn validator_private_user() -> jsonschema::Validator {
    validator_component("private-user")
}

/// The validator of one of the description's named schemas.
fn validator_component(name: &str) -> jsonschema::Validator {
    let mut root = Map::new();
    root.insert("allOf".into(), json!([{"$ref": format!("#/components/schemas/{name}")}]));
    root.insert("components".into(), json!({"schemas": spec().schemas}));
    jsonschema::draft4::options().should_validate_formats(true).build(&Value::Object(root)).unwrap()
}

#[test]
fn the_check_is_not_vacuous() {
    let v = validator("/user", "get", "200");
    let mut broken = json!({"login": "octocat", "id": 1});
    assert!(!v.is_valid(&broken), "an incomplete user must not validate");
    broken = json!({"message": 5});
    assert!(!validator("/user", "get", "401").is_valid(&broken));
    let rate = json!({"resources": {"core": {"limit": 1}}, "rate": {}});
    assert!(!validator("/rate_limit", "get", "200").is_valid(&rate));
}

#[tokio::test]
async fn app_responses_match_githubs_openapi() {
    use crate::apps::{bearer, good_jwt, world};
    use reqwest::Method;
    let (hub, app, user_inst, org_inst) = world().await;
    let (base, jwt) = (hub.url(), good_jwt(&app));
    let me = json_of(bearer(Method::GET, &format!("{base}/app"), &jwt, None).await, 200).await;
    assert_valid(&validator("/app", "get", "200"), &me, "GET /app 200");
    let list = json_of(bearer(Method::GET, &format!("{base}/app/installations"), &jwt, None).await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    // The operation's inline copy asks `account` to be a user AND an enterprise (allOf),
    // which no answer of GitHub's is; the named `installation` schema says anyOf.
    let installation = validator_component("installation");
    for item in list.as_array().unwrap() {
        assert_valid(&installation, item, "GET /app/installations 200 item");
    }
    let one =
        json_of(bearer(Method::GET, &format!("{base}/app/installations/{org_inst}"), &jwt, None).await, 200).await;
    assert_valid(&installation, &one, "GET /app/installations/{id} 200");

    let path = "/app/installations/{installation_id}/access_tokens";
    let url = format!("{base}/app/installations/{user_inst}/access_tokens");
    let body = json!({"repositories": ["hello"], "permissions": {"contents": "read"}});
    let minted = json_of(bearer(Method::POST, &url, &jwt, Some(body)).await, 201).await;
    assert_valid(&validator(path, "post", "201"), &minted, "access_tokens 201");
    let refused = bearer(Method::POST, &url, &jwt, Some(json!({"permissions": {"contents": "admin"}}))).await;
    assert_valid(&validator(path, "post", "422"), &json_of(refused, 422).await, "access_tokens 422");
    let missing = format!("{base}/app/installations/1/access_tokens");
    assert_valid(
        &validator(path, "post", "404"),
        &json_of(bearer(Method::POST, &missing, &jwt, None).await, 404).await,
        "404",
    );
    let bad = json_of(bearer(Method::GET, &format!("{base}/app"), "eyJ.x.y", None).await, 401).await;
    assert_valid(&validator(path, "post", "401"), &bad, "401 JWT");

    let token = minted["token"].as_str().unwrap();
    let repos = json_of(get(&format!("{base}/installation/repositories"), Some(token)).await, 200).await;
    assert_valid(&validator("/installation/repositories", "get", "200"), &repos, "GET /installation/repositories 200");
}

#[tokio::test]
async fn org_pat_review_responses_match_githubs_openapi() {
    use crate::org_pats::{installation_token, member_request, world};
    let (hub, app, inst, _) = world().await;
    let ghs = installation_token(&hub, &app, inst, None).await;
    let (_, id) = member_request(&hub, "ci", Some("deploys"));
    let (_, other) = member_request(&hub, "ci-2", None);
    let base = format!("{}/orgs/acme", hub.url());
    let post = |url: String, body: Value| {
        common::client().post(url).header("authorization", format!("token {ghs}")).json(&body).send()
    };

    let requests = "/orgs/{org}/personal-access-token-requests";
    let list = json_of(get(&format!("{base}/personal-access-token-requests"), Some(&ghs)).await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_valid(&validator(requests, "get", "200"), &list, "GET personal-access-token-requests 200");
    let one = "/orgs/{org}/personal-access-token-requests/{pat_request_id}";
    let approved = post(format!("{base}/personal-access-token-requests/{id}"), json!({"action": "approve"}));
    assert_eq!(approved.await.unwrap().status(), 204);
    let again = post(format!("{base}/personal-access-token-requests/{id}"), json!({"action": "deny"})).await.unwrap();
    assert_valid(&validator(one, "post", "422"), &json_of(again, 422).await, "review again 422");
    let unknown = post(format!("{base}/personal-access-token-requests/1"), json!({"action": "deny"})).await.unwrap();
    assert_valid(&validator(one, "post", "404"), &json_of(unknown, 404).await, "review unknown 404");
    let bulk =
        post(format!("{base}/personal-access-token-requests"), json!({"action": "deny", "pat_request_ids": [other]}));
    assert_valid(&validator(requests, "post", "202"), &json_of(bulk.await.unwrap(), 202).await, "bulk review 202");

    let grants = "/orgs/{org}/personal-access-tokens";
    let list = json_of(get(&format!("{base}/personal-access-tokens"), Some(&ghs)).await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_valid(&validator(grants, "get", "200"), &list, "GET personal-access-tokens 200");
    let pat_id = list[0]["id"].as_u64().unwrap();
    let revoked = post(format!("{base}/personal-access-tokens"), json!({"action": "revoke", "pat_ids": [pat_id]}));
    assert_valid(&validator(grants, "post", "202"), &json_of(revoked.await.unwrap(), 202).await, "bulk revoke 202");
    let gone = post(format!("{base}/personal-access-tokens/{pat_id}"), json!({"action": "revoke"})).await.unwrap();
    let v = validator("/orgs/{org}/personal-access-tokens/{pat_id}", "post", "404");
    assert_valid(&v, &json_of(gone, 404).await, "revoke again 404");
    let pat = common::classic(&hub, &["admin:org"]);
    let refused = json_of(get(&format!("{base}/personal-access-tokens"), Some(&pat)).await, 403).await;
    assert_valid(&validator(grants, "get", "403"), &refused, "a PAT 403");
}
