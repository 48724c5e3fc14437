//! `jeton app requests|review|grants|revoke-grant` against fakehub, with the real
//! keychain (a module of tests/cli_app.rs, run under `scripts/headless`): an owner with
//! an app installed on the org lists a member's request, approves it, sees the token
//! granted and revokes it; without an installation holding the permission, for a
//! request reviewed already or unknown, a clear message and exit 1.

use fakehub::{CreatedApp, NewApp, NewInstallation, NewOrg, NewRepo, NewToken, RepositoryAccess, TokenKind};

use super::common::Env;
use super::perms;

const REQUESTS: &str = "organization_personal_access_token_requests";
const GRANTS: &str = "organization_personal_access_tokens";

/// acme (octocat a member, the private `rocket`) and the app "Reviewer" installed on it
/// with `permissions`; the app's key, for `jeton app add`.
async fn org(permissions: &[(&str, &str)]) -> (Env, CreatedApp) {
    let env = Env::new().await;
    env.hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    env.hub.add_member("acme", "octocat").unwrap();
    let repo = NewRepo { owner: "acme".into(), name: "rocket".into(), private: true, description: None };
    env.hub.create_repo(repo).unwrap();
    let new =
        NewApp { owner: "acme".into(), name: "Reviewer".into(), permissions: perms(permissions), ..Default::default() };
    let app = env.hub.create_app(new).unwrap();
    let inst = NewInstallation { app: "reviewer".into(), account: "acme".into(), ..Default::default() };
    env.hub.create_installation(inst).unwrap();
    (env, app)
}

async fn add_app(env: &Env, app: &CreatedApp) {
    let run = env.jeton(&["app", "add", "--client-id", &app.client_id], &app.private_key_pem).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// octocat's fine-grained token for acme's `rocket`, asking acme for access.
fn request(env: &Env, name: &str) -> (String, u64) {
    let mut new = NewToken::new("octocat", TokenKind::FineGrained)
        .name(name)
        .owner("acme")
        .permission("contents", "read")
        .expires_in(chrono::Duration::days(30));
    new.repository_access = Some(RepositoryAccess::Selected(vec!["acme/rocket".into()]));
    let token = env.hub.create_token(new).unwrap();
    let id = env.hub.request_org_access(&token, Some("CI deploys rocket")).unwrap().id;
    (token, id)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_owner_lists_approves_and_revokes_a_members_token_request() {
    let (env, app) = org(&[(REQUESTS, "write"), (GRANTS, "write")]).await;
    add_app(&env, &app).await;
    let (token, id) = request(&env, "ci-deploy");
    let id_s = id.to_string();

    let list = env.jeton(&["app", "requests", "acme"], "").await;
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("Pending token requests in acme: 1"), "{}", list.stdout);
    assert!(list.stdout.contains(&format!("{id}  octocat: \"ci-deploy\", requested")), "{}", list.stdout);
    assert!(list.stdout.contains("token expires in 30 days"), "{}", list.stdout);
    assert!(list.stdout.contains("repositories: acme/rocket"), "{}", list.stdout);
    assert!(list.stdout.contains("permissions: contents=read"), "{}", list.stdout);
    assert!(list.stdout.contains("reason: CI deploys rocket"), "{}", list.stdout);
    let json = env.jeton(&["app", "requests", "acme", "--json"], "").await.json();
    assert_eq!(json[0]["id"], id);
    assert_eq!(
        (json[0]["owner"].as_str(), json[0]["repositories"][0].as_str()),
        (Some("octocat"), Some("acme/rocket"))
    );
    let fr = env.jeton_env(&["app", "requests", "acme"], "", &[("LANG", "fr_FR.UTF-8")]).await;
    assert!(fr.stdout.contains("Demandes de jetons en attente dans acme : 1"), "{}", fr.stdout);

    assert!(!env.hub.reaches_org(&token, "acme"), "pending: not yet");
    let approve = env.jeton(&["app", "review", "acme", &id_s, "--approve", "--reason", "ok for CI"], "").await;
    assert_eq!(approve.code, 0, "{}", approve.stderr);
    assert!(approve.stdout.contains(&format!("Approved 1 request(s) in acme ({id})")), "{}", approve.stdout);
    assert!(env.hub.reaches_org(&token, "acme"), "approved: the token reaches acme's private repository");
    let none = env.jeton(&["app", "requests", "acme"], "").await;
    assert!(none.stdout.contains("No pending token request in acme."), "{}", none.stdout);

    let used = env.jeton(&["check", "-"], &format!("{token}\n")).await;
    assert_eq!(used.code, 0, "the member uses the token: {}", used.stderr);
    let grants = env.jeton(&["app", "grants", "acme", "--json"], "").await.json();
    assert_eq!((grants[0]["owner"].as_str(), grants[0]["token_name"].as_str()), (Some("octocat"), Some("ci-deploy")));
    assert!(grants[0]["last_used_at"].is_string(), "{grants}");
    let pat_id = grants[0]["id"].as_u64().unwrap().to_string();
    let text = env.jeton(&["app", "grants", "acme"], "").await;
    assert!(text.stdout.contains(&format!("{pat_id}  octocat: \"ci-deploy\", granted")), "{}", text.stdout);
    assert!(text.stdout.contains("last used"), "{}", text.stdout);
    assert!(text.stdout.contains("repositories: selected repositories"), "{}", text.stdout);

    let asked = env.jeton(&["app", "revoke-grant", "acme", &pat_id], "").await;
    assert_eq!(asked.code, 1, "no terminal and no --yes: nothing revoked");
    assert!(asked.stderr.contains("pass --yes"), "{}", asked.stderr);
    assert!(env.hub.reaches_org(&token, "acme"));
    let revoked = env.jeton(&["app", "revoke-grant", "acme", &pat_id, "--yes"], "").await;
    assert_eq!(revoked.code, 0, "{}", revoked.stderr);
    assert!(
        revoked.stdout.contains("Revoked the access of 1 token(s) to acme: ci-deploy (octocat)."),
        "{}",
        revoked.stdout
    );
    assert!(!env.hub.reaches_org(&token, "acme"), "revoked: the token lost acme's private repository");
    let empty = env.jeton(&["app", "grants", "acme"], "").await;
    assert!(empty.stdout.contains("No fine-grained token has access to acme."), "{}", empty.stdout);
    assert_eq!(env.jeton(&["list", "--json"], "").await.json(), serde_json::json!([]), "no minted token kept");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_reviewed_already_or_unknown_and_a_missing_permission_are_said_clearly() {
    let (env, app) = org(&[(REQUESTS, "write")]).await;
    let (_, id) = request(&env, "a");
    let id_s = id.to_string();
    let before = env.jeton(&["app", "requests", "acme"], "").await;
    assert_eq!(before.code, 1, "no app in Jeton yet");
    assert!(before.stderr.contains("No GitHub App in Jeton is installed on \"acme\""), "{}", before.stderr);
    add_app(&env, &app).await;

    let deny = env.jeton(&["app", "review", "acme", &id_s, "--deny", "--reason", "too broad"], "").await;
    assert_eq!(deny.code, 0, "{}", deny.stderr);
    assert!(deny.stdout.contains(&format!("Denied 1 request(s) in acme ({id})")), "{}", deny.stdout);
    let again = env.jeton(&["app", "review", "acme", &id_s, "--approve"], "").await;
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains(&format!("The request {id} of acme is no longer pending")), "{}", again.stderr);
    let fr = env.jeton_env(&["app", "review", "acme", &id_s, "--approve"], "", &[("LANG", "fr_FR.UTF-8")]).await;
    assert!(fr.stderr.contains("n’est plus en attente"), "{}", fr.stderr);
    let unknown = env.jeton(&["app", "review", "acme", "1", "--approve"], "").await;
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("acme has no pending request 1"), "{}", unknown.stderr);

    let json = env.jeton(&["app", "grants", "acme", "--json"], "").await;
    assert_eq!(json.code, 1, "the app lacks \"Personal access tokens\"");
    assert_eq!(json.json()["error"]["code"], "org_review_no_installation", "--json: the error as JSON");
    let grants = env.jeton(&["app", "grants", "acme"], "").await;
    assert_eq!(grants.code, 1);
    assert!(grants.stderr.contains("\"Personal access tokens\" (read)"), "{}", grants.stderr);
    let long = "x".repeat(1025);
    let (_, other) = request(&env, "b");
    let refused = env.jeton(&["app", "review", "acme", &other.to_string(), "--approve", "--reason", &long], "").await;
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("longer than the 1024 characters"), "{}", refused.stderr);
    let usage = env.jeton(&["app", "review", "acme", &id_s], "").await;
    assert_eq!(usage.code, 2, "--approve or --deny is required");
}
