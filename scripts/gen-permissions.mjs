#!/usr/bin/env node
// Generates src-tauri/core/src/github/permissions.json, the catalogue of fine-grained
// personal access token permissions, from GitHub's own description: the `app-permissions`
// schema of @octokit/openapi (ui/node_modules, a dev dependency of the UI).
//
//   node scripts/gen-permissions.mjs           write the file
//   node scripts/gen-permissions.mjs --check   exit 1 if the committed file is not current
//
// The schema describes GitHub App permissions; personal access tokens take most of them,
// not all, and a few more. Where they differ (GitHub docs, "Pre-filling fine-grained
// personal access token details using URL parameters", see docs/github.md), the tables
// below say so. Every schema key must be classified here: a new key in the schema stops
// the generator (and fails core's drift test) until someone decides where it goes.
//
// Each entry of the output keeps the schema's name and levels beside the ones PATs use,
// so that core's test can compare the file with the schema without re-running this.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = join(root, "ui/node_modules/@octokit/openapi");
const schemaFile = "generated/api.github.com.json";
const out = join(root, "src-tauri/core/src/github/permissions.json");

// Schema keys by the section of GitHub's token page they appear in. Keys the PAT page
// names differently are listed under their schema name and renamed below.
const SECTIONS = {
  repository: [
    "actions", "administration", "artifact_metadata", "attestations", "codespaces", "contents",
    "dependabot_secrets", "deployments", "discussions", "environments", "issues", "merge_queues",
    "metadata", "pages", "pull_requests", "repository_custom_properties", "repository_hooks",
    "secret_scanning_alerts", "secrets", "security_events", "statuses", "vulnerability_alerts",
    "workflows",
  ],
  organization: [
    "members", "organization_administration", "organization_announcement_banners",
    "organization_copilot_seat_management", "organization_custom_org_roles",
    "organization_custom_properties", "organization_custom_roles", "organization_events",
    "organization_hooks", "organization_plan", "organization_projects", "organization_secrets",
    "organization_self_hosted_runners", "organization_user_blocking",
  ],
  account: [
    "email_addresses", "followers", "git_ssh_keys", "gpg_keys", "interaction_limits", "profile",
    "starring",
  ],
};

// Schema keys that GitHub's personal access token page does not offer (GitHub App only,
// retired, or enterprise-level).
const NOT_FOR_PATS = [
  "checks", "code_quality", "custom_properties_for_organizations",
  "enterprise_custom_properties_for_organizations", "organization_copilot_agent_settings",
  "organization_packages", "organization_personal_access_token_requests",
  "organization_personal_access_tokens", "packages", "repository_projects", "single_file",
];

// Schema name -> the parameter name of the PAT page.
const RENAMED = { email_addresses: "emails", git_ssh_keys: "keys" };

// Where the PAT page allows fewer levels than the schema.
const PAT_LEVELS = { metadata: ["read"] };

// Permissions the PAT page offers that the schema does not describe, with their levels.
const PAT_ONLY = {
  repository: {
    actions_variables: ["read", "write"],
    codespaces_lifecycle_admin: ["read", "write"],
    codespaces_metadata: ["read"],
    codespaces_secrets: ["write"],
    repository_advisories: ["read", "write"],
  },
  organization: {
    issue_types: ["read", "write"],
    organization_actions_variables: ["read", "write"],
    organization_api_insights: ["read"],
    organization_campaigns: ["read", "write"],
    organization_code_scanning_dismissal_requests: ["read", "write"],
    organization_codespaces: ["read", "write"],
    organization_codespaces_secrets: ["read", "write"],
    organization_codespaces_settings: ["read", "write"],
    organization_dependabot_secrets: ["read", "write"],
    organization_knowledge_bases: ["read", "write"],
    organization_models: ["read"],
    organization_network_configurations: ["read", "write"],
    organization_private_registries: ["read", "write"],
    team_discussions: ["read", "write"],
  },
  account: {
    blocking: ["read", "write"],
    codespaces_user_secrets: ["read", "write"],
    copilot_editor_context: ["read"],
    copilot_messages: ["read"],
    copilot_requests: ["write"],
    gists: ["write"],
    git_signing_ssh_public_keys: ["read", "write"],
    knowledge_bases: ["read", "write"],
    plan: ["read"],
    private_repository_invitations: ["read"],
    user_events: ["read"],
    user_models: ["read"],
    watching: ["read", "write"],
  },
};

const LEVEL_ORDER = ["read", "write", "admin"];
const SECTION_ORDER = ["repository", "organization", "account"];

function fail(message) {
  console.error(`gen-permissions: ${message}`);
  process.exit(1);
}

let pkg, schema;
try {
  pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  schema = JSON.parse(readFileSync(join(pkgDir, schemaFile), "utf8")).components.schemas["app-permissions"];
} catch (e) {
  fail(`cannot read @octokit/openapi in ui/node_modules (run \`npm ci --prefix ui\`): ${e.message}`);
}
const props = schema?.properties ?? fail("the schema has no app-permissions properties");

const sectionOf = new Map();
for (const [section, keys] of Object.entries(SECTIONS)) {
  for (const key of keys) {
    if (sectionOf.has(key)) fail(`${key} is listed twice`);
    sectionOf.set(key, section);
  }
}
for (const key of NOT_FOR_PATS) {
  if (sectionOf.has(key)) fail(`${key} is both in a section and in NOT_FOR_PATS`);
}

const sortLevels = (levels) => [...levels].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
const permissions = [];
for (const [schemaKey, prop] of Object.entries(props)) {
  if (NOT_FOR_PATS.includes(schemaKey)) continue;
  const section = sectionOf.get(schemaKey);
  if (!section) {
    fail(`the schema has a permission this script does not classify: ${schemaKey}. Add it to a section or to NOT_FOR_PATS.`);
  }
  const schemaLevels = sortLevels(prop.enum ?? fail(`${schemaKey} has no levels`));
  const levels = sortLevels(PAT_LEVELS[schemaKey] ?? schemaLevels);
  if (!levels.every((l) => schemaLevels.includes(l))) fail(`${schemaKey}: PAT levels outside the schema's`);
  permissions.push({ key: RENAMED[schemaKey] ?? schemaKey, section, levels, schema_key: schemaKey, schema_levels: schemaLevels });
}
for (const key of [...sectionOf.keys(), ...NOT_FOR_PATS]) {
  if (!(key in props)) fail(`${key} is no longer in the schema: update the tables of this script`);
}
for (const [section, keys] of Object.entries(PAT_ONLY)) {
  for (const [key, levels] of Object.entries(keys)) {
    if (key in props) fail(`${key} is now in the schema: move it from PAT_ONLY to SECTIONS`);
    permissions.push({ key, section, levels: sortLevels(levels), schema_key: null, schema_levels: null });
  }
}
const keys = permissions.map((p) => p.key);
if (new Set(keys).size !== keys.length) fail("two permissions have the same key");
permissions.sort(
  (a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) || a.key.localeCompare(b.key),
);

// One permission a line, so that a change reads well in a diff.
const text = [
  "{",
  ` "generated_by": "scripts/gen-permissions.mjs",`,
  ` "source": ${JSON.stringify(`@octokit/openapi ${pkg.version}, ${schemaFile}, components.schemas.app-permissions`)},`,
  ` "permissions": [`,
  permissions.map((p) => `  ${JSON.stringify(p)}`).join(",\n"),
  ` ],`,
  ` "not_for_pats": ${JSON.stringify([...NOT_FOR_PATS].sort())}`,
  "}",
  "",
].join("\n");

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(out, "utf8");
  } catch {}
  if (current !== text) fail(`${out} is not current: run node scripts/gen-permissions.mjs`);
  console.log("gen-permissions: up to date");
} else {
  writeFileSync(out, text);
  console.log(`gen-permissions: ${permissions.length} permissions written to ${out}`);
}
