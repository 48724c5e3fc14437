// The fake back end's tokens found outside the keychain: a list the test gives, check and
// import answered from it, removal dropping the item (as Rust does once the line is gone).

import { vi } from "vitest";
import type { ErrorPayload, Found, Removed, Result, TokenView } from "../lib/backend";
import { errorPayload } from "./doubles";

export interface FoundOptions {
  items?: Found[];
  /** The token each found id is, as GitHub describes it (check and import answer it). */
  tokens?: Record<string, TokenView>;
}

export function found(partial: Partial<Found> & { id: string }): Found {
  return {
    source: "git_credentials",
    location: "/home/me/.git-credentials",
    line: 1,
    host: "https://github.com",
    user: "octocat",
    kind: "classic",
    stored_as: null,
    removable: true,
    ...partial,
  };
}

export function foundFakes(opts: FoundOptions, stored: (t: TokenView) => void) {
  const state = { items: [...(opts.items ?? [])] };
  const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });
  const fail = <T>(code: ErrorPayload["code"]): Result<T, ErrorPayload> => ({ status: "error", error: errorPayload(code) });
  const view = (id: string) => opts.tokens?.[id];
  const fakes = {
    discoverTokens: vi.fn(async () => ok(state.items.map((f) => ({ ...f })))),
    checkFound: vi.fn(async (id: string) => {
      const t = view(id);
      return t ? ok({ ...t, id: null, name: null }) : fail<TokenView>("found_changed");
    }),
    importFound: vi.fn(async (id: string) => {
      const t = view(id);
      if (!t) return fail<TokenView>("found_changed");
      stored(t);
      state.items = state.items.map((f) => (f.id === id ? { ...f, stored_as: t.name } : f));
      return ok(t);
    }),
    removeFound: vi.fn(async (id: string): Promise<Result<Removed, ErrorPayload>> => {
      const f = state.items.find((x) => x.id === id);
      if (!f || f.stored_as === null) return fail("found_not_stored");
      state.items = state.items.filter((x) => x.id !== id);
      return ok({ location: f.location, line: f.line ?? 0, backup: `${f.location}.jeton-backup-20261202T010000Z` });
    }),
  };
  return { fakes, state };
}
