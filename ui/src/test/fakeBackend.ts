// A fake Backend for component tests: an in-memory list and spies on every call.

import { vi } from "vitest";
import type { AppInfo, Backend, ErrorPayload, Lang, Result, TokenView } from "../lib/backend";

export function token(partial: Partial<TokenView> & { name: string }): TokenView {
  return {
    id: `id-${partial.name}`,
    host: "https://github.com",
    kind: "classic",
    well_formed: true,
    login: "octocat",
    scopes: ["repo"],
    permissions: null,
    expires_at: "2030-01-01T00:00:00Z",
    status: "valid",
    sso_url: null,
    error: null,
    days_left: 30,
    last_checked: null,
    ...partial,
  };
}

const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });
const err = <T>(error: ErrorPayload): Result<T, ErrorPayload> => ({ status: "error", error });

export interface FakeOptions {
  tokens?: TokenView[];
  lang?: Lang;
  keychain?: ErrorPayload | null;
  /** What addToken answers; default: a valid classic token named as asked. */
  add?: (name: string, host: string | null, secret: string) => Promise<Result<TokenView, ErrorPayload>>;
}

export function fakeBackend(opts: FakeOptions = {}) {
  let tokens = [...(opts.tokens ?? [])];
  let keychain = opts.keychain ?? null;
  const info: AppInfo = { version: "0.0.0-test", lang: opts.lang ?? "en", github_url: "https://github.com", data_dir: "/tmp" };
  const backend = {
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
      return t ? ok({ ...t, last_checked: new Date().toISOString() }) : err<TokenView>({ code: "not_found", message: "gone" });
    }),
    forgetToken: vi.fn(async (id: string) => {
      tokens = tokens.filter((t) => t.id !== id);
      return ok(null);
    }),
    setLang: vi.fn(async (lang: Lang) => {
      info.lang = lang;
    }),
    openUrl: vi.fn(async (_url: string) => {}),
  } satisfies Backend;
  return {
    backend,
    setKeychain(e: ErrorPayload | null) {
      keychain = e;
    },
  };
}
