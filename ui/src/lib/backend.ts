// The one door from the UI to Rust. Components talk to a `Backend`; the app uses the
// generated Tauri commands, tests pass a fake. Keep this thin: no rules live here.

import { Channel } from "@tauri-apps/api/core";
import { openUrl } from "@tauri-apps/plugin-opener";
import { commands } from "./bindings";
import type {
  AppInfo,
  ErrorPayload,
  ImportSummary,
  Lang,
  RecheckProgress,
  ScopeNode,
  TokenView,
  VaultHealth,
} from "./bindings";

export type {
  AppInfo,
  ErrorPayload,
  ImportSummary,
  Lang,
  MissingToken,
  RecheckProgress,
  ScopeNode,
  TokenKind,
  TokenStatus,
  TokenView,
  VaultHealth,
} from "./bindings";

/** What every fallible command returns (the generated bindings' shape). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export interface Backend {
  appInfo(): Promise<AppInfo>;
  keychainStatus(): Promise<Result<null, ErrorPayload>>;
  listTokens(): Promise<Result<TokenView[], ErrorPayload>>;
  /** The only call that carries a secret from the web view to Rust. */
  addToken(name: string, host: string | null, token: string): Promise<Result<TokenView, ErrorPayload>>;
  recheckToken(id: string): Promise<Result<TokenView, ErrorPayload>>;
  /** Re-checks every token; `onProgress` gets each result as it arrives, before this resolves. */
  recheckAll(onProgress: (p: RecheckProgress) => void): Promise<Result<TokenView[], ErrorPayload>>;
  forgetToken(id: string): Promise<Result<null, ErrorPayload>>;
  setLang(lang: Lang): Promise<void>;
  scopeCatalogue(): Promise<ScopeNode[]>;
  vaultHealth(): Promise<Result<VaultHealth, ErrorPayload>>;
  /** Names a keychain entry no token uses, after Rust checked it with GitHub. */
  adoptRecovered(id: string, name: string, host: string | null): Promise<Result<TokenView, ErrorPayload>>;
  deleteRecovered(id: string): Promise<Result<null, ErrorPayload>>;
  /** Every token's metadata as JSON; never a secret. */
  /** The path the metadata was saved to, or `null` when the user cancelled. */
  exportBackup(): Promise<Result<string | null, ErrorPayload>>;
  reloadVault(): Promise<Result<VaultHealth, ErrorPayload>>;
  importBackup(json: string): Promise<Result<ImportSummary, ErrorPayload>>;
  /** Opens a web page in the user's browser (SSO authorization, GitHub settings). */
  openUrl(url: string): Promise<void>;
}

export const tauriBackend: Backend = {
  appInfo: () => commands.appInfo(),
  keychainStatus: () => commands.keychainStatus(),
  listTokens: () => commands.listTokens(),
  addToken: (name, host, token) => commands.addToken(name, host, token),
  recheckToken: (id) => commands.recheckToken(id),
  recheckAll: (onProgress) => {
    const channel = new Channel<RecheckProgress>();
    channel.onmessage = onProgress;
    return commands.recheckAll(channel);
  },
  forgetToken: (id) => commands.forgetToken(id),
  setLang: (lang) => commands.setLang(lang),
  scopeCatalogue: () => commands.scopeCatalogue(),
  vaultHealth: () => commands.vaultHealth(),
  adoptRecovered: (id, name, host) => commands.adoptRecovered(id, name, host),
  deleteRecovered: (id) => commands.deleteRecovered(id),
  exportBackup: () => commands.exportBackup(),
  reloadVault: () => commands.reloadVault(),
  importBackup: (json) => commands.importBackup(json),
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

/** Runs a command; a thrown error becomes an error result, so callers handle one shape. */
export async function call<T>(f: () => Promise<Result<T, ErrorPayload>>): Promise<Result<T, ErrorPayload>> {
  try {
    return await f();
  } catch (e) {
    return { status: "error", error: toErrorPayload(e) };
  }
}
