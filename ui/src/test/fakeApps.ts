// The fake back end's GitHub Apps: a list the test gives; adding checks the key the way
// the mocked GitHub would (a PEM private key, the right client ID), refreshing and
// forgetting change the list, minting checks levels against the installation and
// stores a one-hour installation token.

import { vi } from "vitest";
import type { AppRecord, ErrorPayload, Installation, MintRequest, Repository, Result, TokenView } from "../lib/backend";
import { errorPayload } from "./doubles";

export interface AppsOptions {
  apps?: AppRecord[];
  /** The client ID whose key GitHub accepts (others: app_key_rejected). */
  clientId?: string;
  /** The repositories each installation reaches. */
  repos?: Repository[];
  /** The .pem the user picks in the system's dialog; null: cancelled. */
  picked?: string | null;
}

export function installation(partial: Partial<Installation> = {}): Installation {
  return { id: 7, account: "acme", account_is_org: true, repository_selection: "selected", permissions: { contents: "write", metadata: "read", pull_requests: "read" }, ...partial };
}

export function appRecord(partial: Partial<AppRecord> = {}): AppRecord {
  return {
    id: "app-1",
    issuer: "Iv23liDeploy",
    host: "https://github.com",
    app_id: 101,
    slug: "deploy-bot",
    name: "Deploy bot",
    owner: "acme",
    installations: [installation()],
    checked_at: "2026-12-02T01:00:00Z",
    git_owners: [],
    created_at: "2026-12-02T01:00:00Z",
    ...partial,
  };
}

const LEVELS = ["read", "write", "admin"];

export function appFakes(opts: AppsOptions, stored: (t: TokenView) => void, view: (t: Partial<TokenView> & { name: string }) => TokenView) {
  const state = { apps: [...(opts.apps ?? [])], keysSent: [] as string[] };
  const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });
  const fail = <T>(code: ErrorPayload["code"], params: Record<string, string> = {}): Result<T, ErrorPayload> => ({ status: "error", error: errorPayload(code, params) });
  const add = (clientId: string, host: string | null, key: string): Result<AppRecord, ErrorPayload> => {
    if (!/^[A-Za-z0-9.]{1,100}$/.test(clientId)) return fail("app_client_id_invalid", { given: clientId });
    if (!/^-----BEGIN (RSA )?PRIVATE KEY-----/.test(key.trim())) return fail("app_key_invalid");
    if (clientId !== (opts.clientId ?? "Iv23liDeploy")) return fail("app_key_rejected", { issuer: clientId });
    const app = appRecord({ id: `app-${state.apps.length + 1}`, issuer: clientId, host: host ?? "https://github.com" });
    state.apps.push(app);
    return ok(app);
  };
  const fakes = {
    listApps: vi.fn(async () => ok(structuredClone(state.apps))),
    addApp: vi.fn(async (clientId: string, host: string | null, key: string) => {
      state.keysSent.push(key);
      return add(clientId, host, key);
    }),
    addAppFromFile: vi.fn(async (clientId: string, host: string | null): Promise<Result<AppRecord | null, ErrorPayload>> => {
      const picked = opts.picked === undefined ? null : opts.picked;
      return picked === null ? ok(null) : add(clientId, host, picked);
    }),
    refreshApp: vi.fn(async (id: string) => {
      const app = state.apps.find((a) => a.id === id);
      return app ? ok(structuredClone(app)) : fail<AppRecord>("not_found", { name: id });
    }),
    forgetApp: vi.fn(async (id: string) => {
      state.apps = state.apps.filter((a) => a.id !== id);
      return ok(null);
    }),
    installationRepositories: vi.fn(async (_installation: number) => ok(structuredClone(opts.repos ?? []))),
    mintToken: vi.fn(async (req: MintRequest): Promise<Result<TokenView, ErrorPayload>> => {
      const app = state.apps.find((a) => a.installations.some((i) => i.id === req.installation));
      const inst = app?.installations.find((i) => i.id === req.installation);
      if (!app || !inst) return fail("app_installation_not_found", { installation: String(req.installation) });
      for (const [key, level = ""] of Object.entries(req.permissions ?? {})) {
        const granted = inst.permissions[key];
        if (!granted || LEVELS.indexOf(level) > LEVELS.indexOf(granted)) return fail("app_permission_not_granted", { key, level, granted: granted ?? "" });
      }
      const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
      const t = view({ name: `${app.name} for ${inst.account}`, id: `minted-${req.installation}`, kind: "app_installation", login: inst.account, scopes: null, permissions: req.permissions as Record<string, string>, expires_at: expires, days_left: 0, urgency: "none", needs_attention: false });
      stored(t);
      return ok(t);
    }),
  };
  return { fakes, state };
}
