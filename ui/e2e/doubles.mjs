// What Rust says, for the mocked IPC and the flows: ../src/test/generated/doubles.json,
// written by `make bindings` from src-tauri/src/doubles.rs (a Rust test fails when it
// is stale): the command names, every error's payload in English and French, the
// scope catalogue.

import { readFileSync } from "node:fs";
import { installMockIpc } from "./mock-ipc.js";
import { installMockApps } from "./mock-apps.js";

/**
 * @typedef {{ retryable: boolean, field: "name" | "token" | "host" | null, area: "keychain" | null, message: { en: string, fr: string } }} GeneratedError
 * @typedef {import("../src/lib/bindings").GrantNode} GrantNode
 * @type {{ commands: string[], errors: Record<string, GeneratedError>, scopes: import("../src/lib/bindings").ScopeNode[], grants: Record<string, GrantNode[]>, attention_days: number, attention: Record<string, Record<string, [boolean, import("../src/lib/bindings").Urgency]>>, preferences: import("../src/lib/bindings").Preferences, revoke_api_kinds: string[] }}
 */
export const DOUBLES = JSON.parse(readFileSync(new URL("../src/test/generated/doubles.json", import.meta.url), "utf8"));

/**
 * The payload Rust sends for `code`, in `lang`, each `{param}` of its sentence filled
 * from `params`.
 * @param {import("../src/lib/bindings").ErrorCode} code
 * @param {Record<string, string>} [params]
 * @param {"en" | "fr"} [lang]
 */
export function errorPayload(code, params = {}, lang = "en") {
  const e = DOUBLES.errors[code];
  const message = e.message[lang].replace(/\{(\w+)\}/g, (all, k) => params[k] ?? all);
  return { code, message, retryable: e.retryable, field: e.field, area: e.area };
}

/**
 * The tree core gives for these scopes (`TokenView.grants`), for the lists
 * src-tauri/src/doubles.rs samples; null for unknown scopes.
 * @param {string[] | null} scopes
 * @returns {GrantNode[] | null}
 */
export function grantsOf(scopes) {
  if (scopes === null) return null;
  const tree = DOUBLES.grants[scopes.join(" ")];
  if (!tree) throw new Error(`no grants for [${scopes}]: add them to GRANT_SAMPLES in src-tauri/src/doubles.rs`);
  return structuredClone(tree);
}

/**
 * The Rust commands the mocked IPC has no stand-in for: it runs the mock outside a page
 * and sends it each command.
 * @returns {Promise<string[]>}
 */
export async function commandsTheMockLacks() {
  const g = /** @type {any} */ (globalThis);
  g.window = {};
  try {
    installMockIpc({ lang: "en", tokens: [], errors: DOUBLES.errors, grants: DOUBLES.grants, commands: DOUBLES.commands, preferences: DOUBLES.preferences, addDelayMs: 0 });
    installMockApps({});
    const lacking = [];
    for (const cmd of DOUBLES.commands) {
      try {
        await g.window.__TAURI_INTERNALS__.invoke(cmd, {});
      } catch (e) {
        if (String(/** @type {any} */ (e)?.message ?? "").includes("unknown command")) lacking.push(cmd);
      }
    }
    return lacking;
  } finally {
    delete g.window;
  }
}

/**
 * What core says of a token's attention and urgency (status::needs_attention and
 * status::urgency), looked up in the generated table rather than decided here.
 * @param {{ status: string, days_left: number | null, secret_missing: boolean }} t
 * @returns {{ needs_attention: boolean, urgency: import("../src/lib/bindings").Urgency }}
 */
export function attentionOf(t) {
  const limit = DOUBLES.attention_days;
  const days = t.days_left === null ? "none" : String(Math.max(-limit, Math.min(limit, t.days_left)));
  const [needs_attention, urgency] = DOUBLES.attention[`${t.status}${t.secret_missing ? "/missing" : ""}`][days];
  return { needs_attention, urgency };
}
