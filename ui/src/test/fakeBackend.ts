// A fake Backend for component tests: an in-memory list and spies on every call.

import { vi } from "vitest";
import type {
  AppInfo,
  Backend,
  ErrorPayload,
  ImportSummary,
  Lang,
  LangChoice,
  Page,
  RecheckProgress,
  Result,
  RevokeOutcome,
  RevokeRoute,
  ScopeNode,
  TokenView,
  VaultHealth,
} from "../lib/backend";
import { REVOKE_API_KINDS, SCOPES, attentionOf, errorPayload, grantsOf } from "./doubles";
import { creationFakes, type CreationOptions } from "./fakeCreation";
import { foundFakes, type FoundOptions } from "./fakeFound";
import { preferenceFakes } from "./fakePreferences";
import { appFakes, type AppsOptions } from "./fakeApps";

export function token(partial: Partial<TokenView> & { name: string }): TokenView {
  const t: TokenView = {
    id: `id-${partial.name}`,
    host: "https://github.com",
    kind: "classic",
    well_formed: true,
    login: "octocat",
    scopes: ["repo"],
    grants: null,
    permissions: null,
    expires_at: "2030-01-01T00:00:00Z",
    status: "valid",
    sso_url: null,
    error: null,
    days_left: 30,
    never_expires: false,
    last_checked: null,
    unreachable: false,
    secret_missing: false,
    urgency: "none",
    needs_attention: false,
    settings_url: "https://github.com/settings/tokens",
    ...partial,
  };
  return {
    ...t,
    grants: "grants" in partial ? t.grants : grantsOf(t.scopes),
    needs_attention: "needs_attention" in partial ? t.needs_attention : attentionOf(t).needs_attention,
    urgency: "urgency" in partial ? t.urgency : attentionOf(t).urgency,
  };
}

/**
 * An error as Rust sends it, with a test's own sentence: whether a retry may help and
 * the field it is about are core's (generated, see doubles.ts) unless a test says.
 */
export function problem(
  code: ErrorPayload["code"],
  message: string,
  more: Partial<Pick<ErrorPayload, "retryable" | "field">> = {},
): ErrorPayload {
  return { ...errorPayload(code), message, ...more };
}

export const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });
export const err = <T>(error: ErrorPayload): Result<T, ErrorPayload> => ({ status: "error", error });

export interface FakeOptions {
  /** The creation wizard's answers (see fakeCreation.ts). */
  creation?: CreationOptions;
  tokens?: TokenView[];
  lang?: Lang;
  keychain?: ErrorPayload | null;
  health?: Partial<VaultHealth>;
  catalogue?: ScopeNode[];
  /** What addToken answers; default: a valid classic token named as asked. */
  add?: (name: string, host: string | null, secret: string) => Promise<Result<TokenView, ErrorPayload>>;
  /** Replaces the default re-check of every token (which reports each one in turn). */
  recheckAll?: (onProgress: (p: RecheckProgress) => void) => Promise<Result<TokenView[], ErrorPayload>>;
  /** What provideSecret answers; default: the token, with its secret back. */
  provide?: (id: string, secret: string) => Promise<Result<TokenView, ErrorPayload>>;
  /** What openPage answers; default: opened. */
  openPage?: (id: string, page: Page) => Promise<Result<null, ErrorPayload>>;
  /** What adoptRecovered answers; default: a valid token with that id and name. */
  adopt?: (id: string, name: string, host: string | null) => Promise<Result<TokenView, ErrorPayload>>;
  importSummary?: ImportSummary;
  /** Tokens found outside the keychain (see fakeFound.ts). */
  found?: FoundOptions;
  /** GitHub Apps (see fakeApps.ts). */
  apps?: AppsOptions;
  /** What revokeToken answers instead of revoking (an error: nothing is forgotten). */
  revoke?: (id: string) => Promise<Result<RevokeOutcome, ErrorPayload> | null>;
}

export function fakeBackend(opts: FakeOptions = {}) {
  let tokens = [...(opts.tokens ?? [])];
  let keychain = opts.keychain ?? null;
  const health: VaultHealth = { read_only: null, keychain: null, recovered: [], missing: [], ...opts.health };
  /** The system's language, which the "system" choice follows. */
  const systemLang: Lang = "en";
  const info: AppInfo = {
    version: "0.0.0-test",
    lang: opts.lang ?? systemLang,
    lang_choice: opts.lang ?? "system",
    github_url: "https://github.com",
    data_dir: "/tmp",
  };
  const checked = (t: TokenView): TokenView => ({ ...t, last_checked: new Date().toISOString() });
  const openHandlers = new Set<(id: string) => void>();
  const outside = foundFakes(opts.found ?? {}, (t) => tokens.push(t));
  const created = creationFakes(
    { stored: (c) => token({ name: c.request.kind === "classic" ? c.request.note : c.request.name, days_left: 30 }), ...opts.creation },
    (t) => tokens.push(t),
  );
  const prefs = preferenceFakes((id) => tokens.some((t) => t.id === id));
  const apps = appFakes(opts.apps ?? {}, (t) => tokens.push(t), token);
  const backend = {
    ...created.fakes,
    ...outside.fakes,
    ...prefs.fakes,
    ...apps.fakes,
    appInfo: vi.fn(async () => info),
    keychainStatus: vi.fn(async () => (keychain ? err<null>(keychain) : ok(null))),
    listTokens: vi.fn(async () => ok([...tokens])),
    addToken: vi.fn(async (name: string, host: string | null, secret: string) => {
      if (opts.add) return opts.add(name, host, secret);
      const view = token({ name, id: `id-${name}`, host: host ?? "https://github.com", days_left: 90 });
      tokens.push(view);
      return ok(view);
    }),
    recheckToken: vi.fn(async (id: string) => {
      const t = tokens.find((x) => x.id === id);
      return t ? ok(checked(t)) : err<TokenView>(errorPayload("not_found", { name: id }));
    }),
    recheckAll: vi.fn(async (onProgress: (p: RecheckProgress) => void) => {
      if (opts.recheckAll) return opts.recheckAll(onProgress);
      tokens = tokens.map(checked);
      tokens.forEach((t, i) => onProgress({ done: i + 1, total: tokens.length, token: t }));
      return ok([...tokens]);
    }),
    forgetToken: vi.fn(async (id: string) => {
      tokens = tokens.filter((t) => t.id !== id);
      health.missing = health.missing.filter((m) => m.id !== id);
      return ok(null);
    }),
    setLang: vi.fn(async (choice: LangChoice) => {
      info.lang_choice = choice;
      info.lang = choice === "system" ? systemLang : choice;
    }),
    scopeCatalogue: vi.fn(async () => opts.catalogue ?? SCOPES),
    vaultHealth: vi.fn(async () => ok<VaultHealth>(structuredClone(health))),
    /** Reading the file again: the tests set what it now says through `health`. */
    reloadVault: vi.fn(async () => ok<VaultHealth>(structuredClone(health))),
    adoptRecovered: vi.fn(async (id: string, name: string, host: string | null) => {
      const r = opts.adopt ? await opts.adopt(id, name, host) : ok(token({ name, id, host: host ?? "https://github.com" }));
      if (r.status === "ok") {
        health.recovered = health.recovered.filter((x) => x !== id);
        tokens.push(r.data);
      }
      return r;
    }),
    deleteRecovered: vi.fn(async (id: string) => {
      health.recovered = health.recovered.filter((x) => x !== id);
      return ok(null);
    }),
    exportBackup: vi.fn(async (): Promise<Result<string | null, ErrorPayload>> => ok("/home/me/jeton-metadata.json")),
    importBackup: vi.fn(async (_json: string) =>
      ok<ImportSummary>(opts.importSummary ?? { added: [], already_present: [], renamed: [], without_secret: [], to_confirm: [] }),
    ),
    provideSecret: vi.fn(async (id: string, secret: string) => {
      const r = opts.provide ? await opts.provide(id, secret) : null;
      if (r && r.status === "error") return r;
      const t = r?.data ?? tokens.find((x) => x.id === id);
      if (!t) return err<TokenView>(errorPayload("not_found", { name: id }));
      const back = token({ ...t, name: t.name ?? id, secret_missing: false, needs_attention: false });
      tokens = tokens.map((x) => (x.id === id ? back : x));
      health.missing = health.missing.filter((m) => m.id !== id);
      return ok(back);
    }),
    openPage: vi.fn(async (id: string, page: Page) => (opts.openPage ? opts.openPage(id, page) : ok(null))),
    /** Core's rule, from the generated kinds: GitHub's API on github.com, else the settings page. */
    revokeRoute: vi.fn(async (id: string): Promise<Result<RevokeRoute, ErrorPayload>> => {
      const t = tokens.find((x) => x.id === id);
      if (!t) return err(errorPayload("not_found", { name: id }));
      const api = t.kind !== null && REVOKE_API_KINDS.includes(t.kind) && t.host === info.github_url;
      return ok(api ? { route: "api" } : { route: "settings_page", url: t.settings_url ?? `${t.host}/settings/tokens` });
    }),
    revokeToken: vi.fn(async (id: string): Promise<Result<RevokeOutcome, ErrorPayload>> => {
      const route = await backend.revokeRoute(id);
      if (route.status === "error") return route;
      if (route.data.route === "settings_page") return ok({ outcome: "open_settings", url: route.data.url });
      const instead = opts.revoke ? await opts.revoke(id) : null;
      if (instead) return instead;
      tokens = tokens.filter((t) => t.id !== id);
      return ok({ outcome: "revoked" });
    }),
    onOpenToken: vi.fn(async (handler: (id: string) => void) => {
      openHandlers.add(handler);
      return () => openHandlers.delete(handler);
    }),
    firstPaint: vi.fn(async () => {}),
  } satisfies Backend;
  return {
    backend,
    /** Rust's clipboard watch telling the wizard. */
    tellWatch: created.tellWatch,
    /** What Rust does on a notification's click or "Open": asks the window to show a token. */
    openToken(id: string) {
      openHandlers.forEach((h) => h(id));
    },
    health,
    /** The settings and copies as the fake Rust keeps them. */
    prefs: prefs.state,
    /** The apps as the fake Rust keeps them, and every key the window sent. */
    apps: apps.state,
    setKeychain(e: ErrorPayload | null) {
      keychain = e;
    },
    setTokens(list: TokenView[]) {
      tokens = [...list];
    },
  };
}
