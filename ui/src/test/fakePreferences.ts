// The fake back end's copy and settings: what Rust answers, from the generated doubles
// (the choices and defaults are core's). Saving keeps what it is given: the window
// only ever offers core's choices, and core's own tests check its rules.

import { vi } from "vitest";
import type { ErrorPayload, Preferences, Result } from "../lib/backend";
import { PREFERENCES, errorPayload } from "./doubles";

export function preferenceFakes(hasToken: (id: string) => boolean) {
  const state = { prefs: structuredClone(PREFERENCES), atLogin: false, copied: [] as string[] };
  const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });
  const fakes = {
    copyToken: vi.fn(async (id: string): Promise<Result<number, ErrorPayload>> => {
      if (!hasToken(id)) return { status: "error", error: errorPayload("not_found", { name: id }) };
      state.copied.push(id);
      return ok(state.prefs.clear_after_secs);
    }),
    startAtLogin: vi.fn(async () => state.atLogin),
    setStartAtLogin: vi.fn(async (on: boolean) => {
      state.atLogin = on;
      return ok(null);
    }),
    preferences: vi.fn(async () => ok(structuredClone(state.prefs))),
    savePreferences: vi.fn(async (chosen: Preferences) => {
      state.prefs = structuredClone(chosen);
      return ok(structuredClone(chosen));
    }),
  };
  return { fakes, state };
}
