//! JSON bodies in the shapes of GitHub's OpenAPI schemas (`private-user`,
//! `simple-user`, `organization-simple`, `organization-full`, `repository`,
//! `minimal-repository`).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use super::Ctx;
use crate::state::{Org, Repo, Store, User};

pub(crate) fn ts(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Legacy global node ids, e.g. `MDQ6VXNlcjE=` for user 1.
pub(crate) fn node_id(type_name: &str, id: u64) -> String {
    STANDARD.encode(format!("0{}:{type_name}{id}", type_name.len()))
}

fn insert_all(target: &mut Value, extra: Value) {
    if let (Some(t), Value::Object(e)) = (target.as_object_mut(), extra) {
        t.extend(e);
    }
}

/// `simple-user`, for repository owners (a user or an org).
pub(crate) fn simple_owner(ctx: &Ctx, login: &str, id: u64, is_org: bool) -> Value {
    let api = &ctx.api_base;
    let (kind, node) =
        if is_org { ("Organization", node_id("Organization", id)) } else { ("User", node_id("User", id)) };
    json!({
        "login": login,
        "id": id,
        "node_id": node,
        "avatar_url": format!("https://avatars.githubusercontent.com/u/{id}?v=4"),
        "gravatar_id": "",
        "url": format!("{api}/users/{login}"),
        "html_url": format!("{}/{login}", ctx.web_base),
        "followers_url": format!("{api}/users/{login}/followers"),
        "following_url": format!("{api}/users/{login}/following{{/other_user}}"),
        "gists_url": format!("{api}/users/{login}/gists{{/gist_id}}"),
        "starred_url": format!("{api}/users/{login}/starred{{/owner}}{{/repo}}"),
        "subscriptions_url": format!("{api}/users/{login}/subscriptions"),
        "organizations_url": format!("{api}/users/{login}/orgs"),
        "repos_url": format!("{api}/users/{login}/repos"),
        "events_url": format!("{api}/users/{login}/events{{/privacy}}"),
        "received_events_url": format!("{api}/users/{login}/received_events"),
        "type": kind,
        "user_view_type": "public",
        "site_admin": false,
    })
}

/// `private-user`: the authenticated user as `GET /user` returns it.
pub(crate) fn private_user(ctx: &Ctx, store: &Store, user: &User) -> Value {
    let mut v = simple_owner(ctx, &user.login, user.id, false);
    let owned: Vec<&Repo> = store.repos.iter().filter(|r| r.owner_id == user.id && !r.owner_is_org).collect();
    let private = owned.iter().filter(|r| r.private).count();
    insert_all(
        &mut v,
        json!({
            "avatar_url": user.avatar_url,
            "user_view_type": "private",
            "name": user.name,
            "company": null,
            "blog": "",
            "location": null,
            "email": user.email,
            "notification_email": user.email,
            "hireable": null,
            "bio": null,
            "twitter_username": null,
            "public_repos": owned.len() - private,
            "public_gists": 0,
            "followers": 0,
            "following": 0,
            "created_at": ts(user.created_at),
            "updated_at": ts(user.created_at),
            "private_gists": 0,
            "total_private_repos": private,
            "owned_private_repos": private,
            "disk_usage": 0,
            "collaborators": 0,
            "two_factor_authentication": true,
            "plan": {"name": "pro", "space": 976562499, "collaborators": 0, "private_repos": 9999},
        }),
    );
    v
}

/// `organization-simple`.
pub(crate) fn org_simple(ctx: &Ctx, org: &Org) -> Value {
    let (api, login) = (&ctx.api_base, &org.login);
    json!({
        "login": login,
        "id": org.id,
        "node_id": node_id("Organization", org.id),
        "url": format!("{api}/orgs/{login}"),
        "repos_url": format!("{api}/orgs/{login}/repos"),
        "events_url": format!("{api}/orgs/{login}/events"),
        "hooks_url": format!("{api}/orgs/{login}/hooks"),
        "issues_url": format!("{api}/orgs/{login}/issues"),
        "members_url": format!("{api}/orgs/{login}/members{{/member}}"),
        "public_members_url": format!("{api}/orgs/{login}/public_members{{/member}}"),
        "avatar_url": format!("https://avatars.githubusercontent.com/u/{}?v=4", org.id),
        "description": org.description,
    })
}

/// `organization-full`; members also see the private counts.
pub(crate) fn org_full(ctx: &Ctx, store: &Store, org: &Org, member: bool) -> Value {
    let mut v = org_simple(ctx, org);
    let repos: Vec<&Repo> = store.repos.iter().filter(|r| r.owner_id == org.id).collect();
    let private = repos.iter().filter(|r| r.private).count();
    insert_all(
        &mut v,
        json!({
            "name": org.name.clone().unwrap_or_else(|| org.login.clone()),
            "is_verified": false,
            "has_organization_projects": true,
            "has_repository_projects": true,
            "public_repos": repos.len() - private,
            "public_gists": 0,
            "followers": 0,
            "following": 0,
            "html_url": format!("{}/{}", ctx.web_base, org.login),
            "type": "Organization",
            "created_at": ts(org.created_at),
            "updated_at": ts(org.created_at),
            "archived_at": null,
        }),
    );
    if member {
        insert_all(
            &mut v,
            json!({
                "total_private_repos": private,
                "owned_private_repos": private,
                "two_factor_requirement_enabled": org.sso_enforced,
                "default_repository_permission": "read",
                "members_can_create_repositories": true,
            }),
        );
    }
    v
}

/// `repository`; also valid as `minimal-repository`.
pub(crate) fn repo(ctx: &Ctx, repo: &Repo, admin: bool) -> Value {
    let api = &ctx.api_base;
    let full_name = format!("{}/{}", repo.owner_login, repo.name);
    let r = format!("{api}/repos/{full_name}");
    let html = format!("{}/{full_name}", ctx.web_base);
    let host = ctx.web_base.trim_start_matches("http://").trim_start_matches("https://");
    let host = host.split('/').next().unwrap_or(host);
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let mut m = Map::new();
    for (key, suffix) in URL_FIELDS {
        m.insert(format!("{key}_url"), Value::String(format!("{r}/{suffix}")));
    }
    let mut v = Value::Object(m);
    insert_all(
        &mut v,
        json!({
            "id": repo.id,
            "node_id": node_id("Repository", repo.id),
            "name": repo.name,
            "full_name": full_name,
            "owner": simple_owner(ctx, &repo.owner_login, repo.owner_id, repo.owner_is_org),
            "private": repo.private,
            "visibility": if repo.private { "private" } else { "public" },
            "html_url": html,
            "description": repo.description,
            "fork": false,
            "url": r,
            "git_url": format!("git://{host}/{full_name}.git"),
            "ssh_url": format!("git@{host}:{full_name}.git"),
            "clone_url": format!("{html}.git"),
            "svn_url": html,
            "mirror_url": null,
            "homepage": null,
            "language": null,
        }),
    );
    insert_all(
        &mut v,
        json!({
            "forks_count": 0, "forks": 0,
            "stargazers_count": 0, "watchers_count": 0, "watchers": 0,
            "size": 0,
            "default_branch": "main",
            "open_issues_count": 0, "open_issues": 0,
            "is_template": false,
            "topics": [],
            "has_issues": true, "has_projects": true, "has_wiki": true,
            "has_pages": false, "has_downloads": true, "has_discussions": false,
            "archived": false, "disabled": false,
            "allow_forking": true,
            "web_commit_signoff_required": false,
            "pushed_at": ts(repo.created_at),
            "created_at": ts(repo.created_at),
            "updated_at": ts(repo.created_at),
            "permissions": {"admin": admin, "maintain": admin, "push": admin, "triage": admin, "pull": true},
            "license": null,
        }),
    );
    v
}

const URL_FIELDS: &[(&str, &str)] = &[
    ("archive", "{archive_format}{/ref}"),
    ("assignees", "assignees{/user}"),
    ("blobs", "git/blobs{/sha}"),
    ("branches", "branches{/branch}"),
    ("collaborators", "collaborators{/collaborator}"),
    ("comments", "comments{/number}"),
    ("commits", "commits{/sha}"),
    ("compare", "compare/{base}...{head}"),
    ("contents", "contents/{+path}"),
    ("contributors", "contributors"),
    ("deployments", "deployments"),
    ("downloads", "downloads"),
    ("events", "events"),
    ("forks", "forks"),
    ("git_commits", "git/commits{/sha}"),
    ("git_refs", "git/refs{/sha}"),
    ("git_tags", "git/tags{/sha}"),
    ("hooks", "hooks"),
    ("issue_comment", "issues/comments{/number}"),
    ("issue_events", "issues/events{/number}"),
    ("issues", "issues{/number}"),
    ("keys", "keys{/key_id}"),
    ("labels", "labels{/name}"),
    ("languages", "languages"),
    ("merges", "merges"),
    ("milestones", "milestones{/number}"),
    ("notifications", "notifications{?since,all,participating}"),
    ("pulls", "pulls{/number}"),
    ("releases", "releases{/id}"),
    ("stargazers", "stargazers"),
    ("statuses", "statuses/{sha}"),
    ("subscribers", "subscribers"),
    ("subscription", "subscription"),
    ("tags", "tags"),
    ("teams", "teams"),
    ("trees", "git/trees{/sha}"),
];
