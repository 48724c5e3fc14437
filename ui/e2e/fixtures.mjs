// Token views for the flows, in the shape the Rust side sends (`TokenView`).

import { attentionOf, errorPayload, grantsOf } from "./doubles.mjs";

const DAY = 86_400_000;
const MIN = 60_000;

/** @param {number} now @param {number} ms */
const iso = (now, ms) => new Date(now + ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * @param {number} now
 * @param {Partial<import("../src/lib/bindings").TokenView> & { name: string }} t
 * @returns {import("../src/lib/bindings").TokenView}
 */
export function view(now, t) {
  const days = t.days_left === undefined ? 90 : t.days_left;
  /** @type {import("../src/lib/bindings").TokenView} */
  const v = {
    id: `id-${t.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    host: "https://github.com",
    kind: "classic",
    well_formed: true,
    login: "octocat",
    scopes: t.kind === "fine_grained" ? null : ["repo"],
    grants: null,
    permissions: null,
    expires_at: days === null ? null : iso(now, days * DAY + 3 * 3_600_000),
    status: "valid",
    sso_url: null,
    error: null,
    never_expires: false,
    last_checked: iso(now, -5 * MIN),
    unreachable: false,
    secret_missing: false,
    urgency: "none",
    needs_attention: false,
    settings_url: `${t.host ?? "https://github.com"}/settings/${t.kind === "fine_grained" ? "personal-access-tokens" : "tokens"}`,
    ...t,
    days_left: days,
  };
  return {
    ...v,
    grants: "grants" in t ? v.grants : grantsOf(v.scopes),
    needs_attention: "needs_attention" in t ? v.needs_attention : attentionOf(v).needs_attention,
    urgency: "urgency" in t ? v.urgency : attentionOf(v).urgency,
  };
}

/**
 * One token in every state, on two hosts and four accounts, with Rust's sentences in `lang`.
 * @param {number} now @param {"en" | "fr"} [lang]
 */
export function manyTokens(now, lang = "en") {
  return everyState(now, lang);
}

/**
 * `n` tokens, copies of manyTokens' in turn (every state, two hosts, four accounts), each
 * numbered in its name and id ("Laptop git 0000", `id-0000`): the dashboard at scale.
 * @param {number} n @param {number} now @param {"en" | "fr"} [lang]
 */
export function numberedTokens(n, now, lang = "en") {
  const kinds = manyTokens(now, lang);
  return Array.from({ length: n }, (_, i) => {
    const t = kinds[i % kinds.length];
    const num = String(i).padStart(4, "0");
    return { ...t, id: `id-${num}`, name: `${t.name} ${num}` };
  });
}

/** @param {number} now @param {"en" | "fr"} lang */
function everyState(now, lang) {
  return [
    view(now, { name: "Laptop git", scopes: ["repo", "workflow", "read:org"], days_left: 74 }),
    view(now, {
      name: "CI deploy",
      kind: "fine_grained",
      status: "expiring",
      days_left: 9,
      last_checked: iso(now, -2 * 60 * MIN),
      permissions: { contents: "write", metadata: "read", pull_requests: "write", actions: "read", deployments: "write" },
    }),
    view(now, {
      name: "Release bot",
      scopes: ["repo", "write:packages", "read:org", "gist", "user:email"],
      status: "expiring",
      days_left: 2,
      last_checked: iso(now, -12 * MIN),
    }),
    view(now, {
      name: "Old script",
      status: "expired",
      days_left: -3,
      scopes: ["repo"],
      error: errorPayload("token_expired", {}, lang),
      last_checked: iso(now, -26 * 60 * MIN),
    }),
    view(now, {
      name: "Acme SSO",
      login: "mona",
      scopes: ["repo", "admin:org"],
      status: "sso_required",
      days_left: null,
      sso_url: "https://github.com/orgs/acme/sso?authorization_request=A1B2C3",
      error: errorPayload("sso_required", { url: "https://github.com/orgs/acme/sso?authorization_request=A1B2C3" }, lang),
    }),
    view(now, {
      // Revoked: GitHub refuses it though it had 181 days left; core sends no days for it.
      name: "Revoked laptop",
      login: "mona",
      status: "invalid",
      days_left: null,
      expires_at: iso(now, 181 * DAY),
      scopes: ["repo", "gist"],
      error: errorPayload("token_invalid", {}, lang),
    }),
    view(now, {
      // The latest check could not reach the host: what it said 2 h ago still stands.
      name: "GHES backup",
      host: "https://ghe.example.com",
      login: "mlisa",
      status: "expiring",
      days_left: 6,
      unreachable: true,
      last_checked: iso(now, -2 * 60 * MIN - 4 * MIN),
      scopes: ["repo", "admin:repo_hook"],
      error: errorPayload("network", { host: "https://ghe.example.com", detail: lang === "fr" ? "connexion refusée" : "connection refused" }, lang),
    }),
    view(now, {
      name: "GHES automation",
      host: "https://ghe.example.com",
      login: "mlisa",
      kind: "fine_grained",
      status: "rate_limited",
      days_left: 200,
      error: errorPayload("rate_limited", {}, lang),
    }),
    view(now, {
      name: "Imported token",
      login: null,
      kind: "legacy",
      status: "unknown",
      days_left: null,
      scopes: null,
      last_checked: null,
    }),
    view(now, {
      name: "Forever",
      login: "mona",
      scopes: ["read:packages"],
      days_left: null,
      never_expires: true,
      last_checked: iso(now, -40 * MIN),
    }),
    view(now, {
      name: "Moved laptop",
      scopes: ["repo", "read:org"],
      days_left: 120,
      secret_missing: true,
    }),
  ];
}

/** Keychain entries no token uses (UUIDs, as Rust names them). */
export const RECOVERED = ["3f2a9c1e-7b4d-4e0a-9c55-1d2e3f4a5b6c", "b81e07d2-55aa-4c1f-8e3b-9f0d1c2b3a4d"];
