// The one door from the UI to Rust. Components talk to a `Backend`; the app uses the
// generated Tauri commands, tests pass a fake. Keep this thin: no rules live here.

import { openUrl } from "@tauri-apps/plugin-opener";
import { commands } from "./bindings";
import type { AppInfo, ErrorPayload, Lang, TokenView } from "./bindings";

export type { AppInfo, ErrorPayload, Lang, TokenKind, TokenStatus, TokenView } from "./bindings";

/** What every fallible command returns (the generated bindings' shape). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export interface Backend {
  appInfo(): Promise<AppInfo>;
  keychainStatus(): Promise<Result<null, ErrorPayload>>;
  listTokens(): Promise<Result<TokenView[], ErrorPayload>>;
  /** The only call that carries a secret from the web view to Rust. */
  addToken(name: string, host: string | null, token: string): Promise<Result<TokenView, ErrorPayload>>;
  recheckToken(id: string): Promise<Result<TokenView, ErrorPayload>>;
  forgetToken(id: string): Promise<Result<null, ErrorPayload>>;
  setLang(lang: Lang): Promise<void>;
  /** Opens a web page in the user's browser (SSO authorization, GitHub settings). */
  openUrl(url: string): Promise<void>;
}

export const tauriBackend: Backend = {
  appInfo: () => commands.appInfo(),
  keychainStatus: () => commands.keychainStatus(),
  listTokens: () => commands.listTokens(),
  addToken: (name, host, token) => commands.addToken(name, host, token),
  recheckToken: (id) => commands.recheckToken(id),
  forgetToken: (id) => commands.forgetToken(id),
  setLang: (lang) => commands.setLang(lang),
  openUrl: (url) => openUrl(url),
};

/** Codes after which the same secret may succeed on a retry. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(["network", "rate_limited"]);

/** Turns anything thrown by an IPC call into the `{code, message}` shape the UI shows. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  return { code: "internal", message: e instanceof Error ? e.message : String(e) };
}
