// The one door from the UI to Rust. Components talk to a `Backend`; the app uses the
// generated Tauri commands, tests pass a fake. Keep this thin: no rules live here.

import { Channel } from "@tauri-apps/api/core";
import { emit, listen } from "@tauri-apps/api/event";
import { commands } from "./bindings";
import type {
  AppInfo,
  AppRecord,
  Creation,
  CreationCatalogue,
  CreationPage,
  ErrorCode,
  ErrorPayload,
  Finished,
  Found,
  ImportSummary,
  LangChoice,
  MintRequest,
  Removed,
  Owners,
  Preferences,
  Repository,
  RequestKind,
  WatchEvent,
  Page,
  RecheckProgress,
  RevokeOutcome,
  RevokeRoute,
  ScopeNode,
  TokenView,
  VaultHealth,
} from "./bindings";

export type {
  Account,
  AppInfo,
  AppRecord,
  Installation,
  MintRequest,
  ChecklistItem,
  Creation,
  CreationCatalogue,
  CreationPage,
  Expiry,
  Finding,
  Finished,
  Found,
  Level,
  Owners,
  PermissionEntry,
  Preferences,
  PresetEntry,
  Repository,
  RepositoryAccess,
  RequestKind,
  Section,
  TokenRequest,
  WatchEvent,
  ErrorCode,
  ErrorField,
  ErrorArea,
  ErrorPayload,
  GrantNode,
  ImportSummary,
  Lang,
  LangChoice,
  MissingToken,
  Page,
  RecheckProgress,
  Removed,
  RevokeOutcome,
  RevokeRoute,
  ScopeNode,
  SourceKind,
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
  /** Remembers the language choice ("system" follows the system); `appInfo` then says which applies. */
  setLang(choice: LangChoice): Promise<void>;
  scopeCatalogue(): Promise<ScopeNode[]>;
  vaultHealth(): Promise<Result<VaultHealth, ErrorPayload>>;
  /** Names a keychain entry no token uses, after Rust checked it with GitHub. */
  adoptRecovered(id: string, name: string, host: string | null): Promise<Result<TokenView, ErrorPayload>>;
  deleteRecovered(id: string): Promise<Result<null, ErrorPayload>>;
  /** Saves every token's metadata (never a secret) where the user picks: the path, or `null` when cancelled. */
  exportBackup(): Promise<Result<string | null, ErrorPayload>>;
  reloadVault(): Promise<Result<VaultHealth, ErrorPayload>>;
  importBackup(json: string): Promise<Result<ImportSummary, ErrorPayload>>;
  /** Restores a missing secret, after Rust checked it is the same account and host. */
  provideSecret(id: string, token: string): Promise<Result<TokenView, ErrorPayload>>;
  /**
   * Opens one of a token's pages (its SSO authorization, its settings) in the user's
   * browser. Rust picks the URL and refuses one off the token's host; the web view opens none.
   */
  openPage(id: string, page: Page): Promise<Result<null, ErrorPayload>>;
  /** How a token would be revoked: GitHub's API (cannot be undone), or its host's settings page. */
  revokeRoute(id: string): Promise<Result<RevokeRoute, ErrorPayload>>;
  /**
   * Revokes at GitHub, then forgets. On a host without the API, Rust opens the settings
   * page and forgets nothing (`open_settings`).
   */
  revokeToken(id: string): Promise<Result<RevokeOutcome, ErrorPayload>>;
  /**
   * Calls `handler` with a token's id when Rust asks the window to show it (a click on
   * a reminder notification, its "Open", the tray's "Open"). Resolves to the unsubscribe.
   */
  onOpenToken(handler: (id: string) => void): Promise<() => void>;
  /** The dashboard's first frame with the tokens is painted (src-tauri/src/startup.rs times it). */
  firstPaint(): Promise<void>;
  // The token creation wizard (see components/wizard/).
  /** Fine-grained permissions and presets in the window's language. */
  creationCatalogue(): Promise<CreationCatalogue>;
  /** GitHub's pre-filled page and its checklist, after Rust checked every rule it can. */
  creationPage(creation: Creation): Promise<Result<CreationPage, ErrorPayload>>;
  /** The same, opened in the user's browser by Rust. */
  openCreationPage(creation: Creation): Promise<Result<CreationPage, ErrorPayload>>;
  creationOwners(host: string | null, login: string): Promise<Result<Owners, ErrorPayload>>;
  creationRepositories(host: string | null, login: string): Promise<Result<Repository[], ErrorPayload>>;
  /** The wizard's choices to renew a token. */
  renewal(id: string): Promise<Result<Creation, ErrorPayload>>;
  /** Checks a pasted token against the request and stores it (the secret goes to Rust only). */
  finishCreation(creation: Creation, token: string): Promise<Result<Finished, ErrorPayload>>;
  /** The same with the token Rust reads from the clipboard: it never reaches the web view. */
  finishCreationFromClipboard(creation: Creation): Promise<Result<Finished, ErrorPayload>>;
  /** Rust watches the clipboard for a new token of `kind`; `onEvent` hears found/expired, never the token. */
  watchClipboard(kind: RequestKind, onEvent: (e: WatchEvent) => void): Promise<Result<null, ErrorPayload>>;
  stopClipboardWatch(): Promise<void>;
  // Tokens found outside the keychain (see lib/found.svelte.ts); named by id, never by secret.
  discoverTokens(): Promise<Result<Found[], ErrorPayload>>;
  /** Asks GitHub about a found token; nothing is stored. */
  checkFound(id: string): Promise<Result<TokenView, ErrorPayload>>;
  importFound(id: string): Promise<Result<TokenView, ErrorPayload>>;
  /** Removes a stored token's plain-text line from its file, after a backup beside it. */
  removeFound(id: string): Promise<Result<Removed, ErrorPayload>>;
  // Copy and the settings (see components/SettingsDialog.svelte).
  /** Rust copies the token (the secret never reaches the web view); answers the seconds until it clears (0: never). */
  copyToken(id: string): Promise<Result<number, ErrorPayload>>;
  startAtLogin(): Promise<boolean>;
  setStartAtLogin(on: boolean): Promise<Result<null, ErrorPayload>>;
  /** The reminder days and clipboard delay chosen, with the choices Rust offers. */
  preferences(): Promise<Result<Preferences, ErrorPayload>>;
  /** Saves them; answers what Rust kept. */
  savePreferences(chosen: Preferences): Promise<Result<Preferences, ErrorPayload>>;
  // GitHub Apps (see components/apps/): the private key goes to Rust only, never back.
  listApps(): Promise<Result<AppRecord[], ErrorPayload>>;
  /** Adds an app with a pasted key: the only call that carries a key from the web view to Rust. */
  addApp(clientId: string, host: string | null, key: string): Promise<Result<AppRecord, ErrorPayload>>;
  /** Rust opens the system's file dialog and reads the .pem itself; `null` when the user cancelled. */
  addAppFromFile(clientId: string, host: string | null): Promise<Result<AppRecord | null, ErrorPayload>>;
  refreshApp(id: string): Promise<Result<AppRecord, ErrorPayload>>;
  forgetApp(id: string): Promise<Result<null, ErrorPayload>>;
  installationRepositories(installation: number): Promise<Result<Repository[], ErrorPayload>>;
  /** Mints and stores an installation token; answers its record, never the secret. */
  mintToken(request: MintRequest): Promise<Result<TokenView, ErrorPayload>>;
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
  setLang: async (choice) => {
    await commands.setLang(choice);
  },
  scopeCatalogue: () => commands.scopeCatalogue(),
  vaultHealth: () => commands.vaultHealth(),
  adoptRecovered: (id, name, host) => commands.adoptRecovered(id, name, host),
  deleteRecovered: (id) => commands.deleteRecovered(id),
  exportBackup: () => commands.exportBackup(),
  reloadVault: () => commands.reloadVault(),
  importBackup: (json) => commands.importBackup(json),
  provideSecret: (id, token) => commands.provideSecret(id, token),
  openPage: (id, page) => commands.openPage(id, page),
  revokeRoute: (id) => commands.revokeRoute(id),
  revokeToken: (id) => commands.revokeToken(id),
  // The event src-tauri/src/tray.rs names OPEN_TOKEN_EVENT.
  onOpenToken: (handler) => listen<string>("tray-open-token", (e) => handler(e.payload)),
  // The event src-tauri/src/startup.rs names FIRST_PAINT_EVENT.
  firstPaint: () => emit("first-paint"),
  creationCatalogue: () => commands.creationCatalogue(),
  creationPage: (c) => commands.creationPage(c),
  openCreationPage: (c) => commands.openCreationPage(c),
  creationOwners: (host, login) => commands.creationOwners(host, login),
  creationRepositories: (host, login) => commands.creationRepositories(host, login),
  renewal: (id) => commands.renewal(id),
  finishCreation: (c, token) => commands.finishCreation(c, token),
  finishCreationFromClipboard: (c) => commands.finishCreationFromClipboard(c),
  watchClipboard: (kind, onEvent) => {
    const channel = new Channel<WatchEvent>();
    channel.onmessage = onEvent;
    return commands.watchClipboard(kind, channel);
  },
  stopClipboardWatch: () => commands.stopClipboardWatch(),
  discoverTokens: () => commands.discoverTokens(),
  checkFound: (id) => commands.checkFound(id),
  importFound: (id) => commands.importFound(id),
  removeFound: (id) => commands.removeFound(id),
  copyToken: (id) => commands.copyToken(id),
  startAtLogin: () => commands.startAtLogin(),
  setStartAtLogin: (on) => commands.setStartAtLogin(on),
  preferences: () => commands.preferences(),
  savePreferences: (chosen) => commands.savePreferences(chosen),
  listApps: () => commands.listApps(),
  addApp: (clientId, host, key) => commands.addApp(clientId, host, key),
  addAppFromFile: (clientId, host) => commands.addAppFromFile(clientId, host),
  refreshApp: (id) => commands.refreshApp(id),
  forgetApp: (id) => commands.forgetApp(id),
  installationRepositories: (installation) => commands.installationRepositories(installation),
  mintToken: (request) => commands.mintToken(request),
};

/** Turns anything thrown by an IPC call into the error shape the UI shows. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const p = e as Partial<ErrorPayload>;
    return {
      code: p.code as ErrorCode,
      message: String(p.message),
      retryable: p.retryable ?? false,
      field: p.field ?? null,
      area: p.area ?? null,
    };
  }
  return { code: "internal", message: e instanceof Error ? e.message : String(e), retryable: false, field: null, area: null };
}

/** Runs a command; a thrown error becomes an error result, so callers handle one shape. */
export async function call<T>(f: () => Promise<Result<T, ErrorPayload>>): Promise<Result<T, ErrorPayload>> {
  try {
    return await f();
  } catch (e) {
    return { status: "error", error: toErrorPayload(e) };
  }
}
