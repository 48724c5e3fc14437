// Token views for the flows, in the shape the Rust side sends (`TokenView`).

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
    permissions: null,
    expires_at: days === null ? null : iso(now, days * DAY + 3 * 3_600_000),
    status: "valid",
    sso_url: null,
    error: null,
    last_checked: iso(now, -5 * MIN),
    needs_attention: false,
    ...t,
    days_left: days,
  };
  return "needs_attention" in t ? v : { ...v, needs_attention: wantsAttention(v) };
}

/**
 * Mirrors core's `status::wants_attention`, so fixture tokens look as Rust sends them.
 * @param {{ status: string, days_left: number | null }} t
 */
export function wantsAttention(t) {
  return ["expiring", "expired", "invalid", "sso_required"].includes(t.status) || (t.days_left !== null && t.days_left <= 14);
}

/** One token in every status, on two hosts and four accounts. @param {number} now */
export function manyTokens(now) {
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
      error: { code: "token_expired", message: "This token has expired. Renew it to keep using it." },
      last_checked: iso(now, -26 * 60 * MIN),
    }),
    view(now, {
      name: "Acme SSO",
      login: "mona",
      scopes: ["repo", "admin:org"],
      status: "sso_required",
      days_left: null,
      sso_url: "https://github.com/orgs/acme/sso?authorization_request=A1B2C3",
      error: {
        code: "sso_required",
        message:
          "An organization requires SAML single sign-on for this token. Authorize it on the SSO page (https://github.com/orgs/acme/sso?authorization_request=A1B2C3), then check it again.",
      },
    }),
    view(now, {
      name: "Revoked laptop",
      login: "mona",
      status: "invalid",
      days_left: null,
      scopes: ["repo", "gist"],
      error: {
        code: "token_invalid",
        message: "GitHub rejects this token (bad credentials): it was revoked, has expired or never existed. Create a new one.",
      },
    }),
    view(now, {
      name: "GHES backup",
      host: "https://ghe.example.com",
      login: "mlisa",
      status: "unreachable",
      days_left: 40,
      scopes: ["repo", "admin:repo_hook"],
      error: {
        code: "network",
        message:
          "Could not reach https://ghe.example.com (connection refused). Check your connection or the host's address, then try again.",
      },
    }),
    view(now, {
      name: "GHES automation",
      host: "https://ghe.example.com",
      login: "mlisa",
      kind: "fine_grained",
      status: "rate_limited",
      days_left: 200,
      error: {
        code: "rate_limited",
        message: "GitHub's rate limit is reached for this account. Try again in about 12 minute(s).",
      },
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
  ];
}

/** Keychain entries no token uses (UUIDs, as Rust names them). */
export const RECOVERED = ["3f2a9c1e-7b4d-4e0a-9c55-1d2e3f4a5b6c", "b81e07d2-55aa-4c1f-8e3b-9f0d1c2b3a4d"];
