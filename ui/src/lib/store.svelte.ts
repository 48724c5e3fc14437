// The app's state and the actions on it, shared by the components through context.
// It never holds a secret: `add` passes the pasted token straight to the back end.

import { getContext, setContext } from "svelte";
import { call, toErrorPayload } from "./backend";
import type { AppInfo, Backend, ErrorPayload, Lang, LangChoice, Page, Result, TokenView } from "./backend";
import { recheckSummary, tokenName } from "./format";
import { LANGS, langFromLocale, plural, translate } from "./i18n";
import type { MessageKey, PluralKey, Vars } from "./i18n";
import { defaultQuery, filterTokens, groupTokens, replaceExisting, sortTokens, upsert } from "./tokens";
import type { ListQuery } from "./tokens";
import { VaultState } from "./vault.svelte";
import { FoundState } from "./found.svelte";
import { RevokeState } from "./revoke.svelte";
import { AppsState } from "./apps.svelte";

export interface Notice {
  id: number;
  tone: "info" | "error";
  text: string;
}

export interface RecheckRun {
  done: number;
  total: number;
}

const HIGHLIGHT_MS = 6000;
const NOTICE_MS = 5000;

export class AppStore {
  readonly backend: Backend;
  /** The language shown: the one chosen, or the system's when the choice is "system". */
  lang = $state<Lang>("en");
  langChoice = $state<LangChoice>("system");
  info = $state<AppInfo | null>(null);
  /**
   * Replaced, never changed in place (upsert, replaceExisting, filter): a raw array of
   * plain objects, so that reading 1,000 tokens goes through no proxy.
   */
  tokens = $state.raw<TokenView[]>([]);
  loaded = $state(false);
  loadError = $state<ErrorPayload | null>(null);
  keychainError = $state<ErrorPayload | null>(null);
  keychainChecking = $state(false);
  query = $state<ListQuery>(defaultQuery());
  /** Ids of tokens being re-checked. */
  checking = $state<string[]>([]);
  highlightId = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  addOpen = $state(false);
  settingsOpen = $state(false);
  /** The token creation wizard, open; `renew`: the id of the token it renews. */
  createOpen = $state<{ renew: string | null } | null>(null);
  forgetTarget = $state<TokenView | null>(null);
  /** The token whose missing secret the user is providing. */
  provideTarget = $state<TokenView | null>(null);
  notice = $state<Notice | null>(null);
  now = $state(new Date());
  /** How far "Re-check all" has come; null when it is not running. */
  recheckRun = $state<RecheckRun | null>(null);
  /** Read-only data, keychain trouble, recovered and missing secrets. */
  readonly vault: VaultState = new VaultState(this);
  /** Tokens found outside the keychain (git, gh, the environment). */
  readonly found: FoundState = new FoundState(this);
  /** The revoke dialog's steps (a token revoked at GitHub, or deleted on its host's page). */
  readonly revoke: RevokeState = new RevokeState(this);
  /** GitHub Apps and the tokens they mint (components/apps/). */
  readonly apps: AppsState = new AppsState(this);

  /** Sorted once per list or sort order; a keystroke only filters this (tokens.ts). */
  readonly sorted = $derived(sortTokens(this.tokens, this.query.sort));
  readonly groups = $derived(
    groupTokens(filterTokens(this.sorted, this.query), this.query.sort, this.info?.github_url ?? null),
  );
  readonly selected = $derived(this.tokens.find((t) => t.id !== null && t.id === this.selectedId) ?? null);
  /** The keychain banner's reason: from the last keychain check, or from the vault's health. */
  readonly keychainProblem = $derived(this.keychainError ?? this.vault.health?.keychain ?? null);

  #timers = new Set<ReturnType<typeof setTimeout>>();
  #noticeSeq = 0;
  #runSeq = 0;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** The language choices offered: the system's, then each language. */
  readonly langChoices: readonly LangChoice[] = ["system", ...LANGS];

  /** A choice's name; "System (FR)" says which language "System" means while it is chosen. */
  langChoiceLabel(c: LangChoice): string {
    if (c !== "system") return this.t(`lang.${c}`);
    return this.langChoice === "system" ? this.t("lang.systemNamed", { code: this.lang.toUpperCase() }) : this.t("lang.system");
  }

  t = (key: MessageKey, vars?: Vars): string => translate(this.lang, key, vars);
  tn = (key: PluralKey, n: number, vars?: Vars): string => plural(this.lang, key, n, vars);

  async init(): Promise<void> {
    try {
      this.info = await this.backend.appInfo();
      this.lang = this.info.lang;
      this.langChoice = this.info.lang_choice;
    } catch {
      this.lang = langFromLocale(globalThis.navigator?.language);
    }
    void this.found.load();
    await Promise.all([this.checkKeychain(), this.load(), this.vault.load()]);
  }

  async checkKeychain(): Promise<boolean> {
    this.keychainChecking = true;
    const r = await call(() => this.backend.keychainStatus());
    this.keychainChecking = false;
    this.keychainError = r.status === "error" ? r.error : null;
    return r.status === "ok";
  }

  /** Retry from the banner: once the keychain answers, reload the list. */
  async retryKeychain(): Promise<void> {
    const ok = await this.checkKeychain();
    await Promise.all([this.vault.load(), ok ? this.load() : Promise.resolve()]);
  }

  async load(): Promise<void> {
    const r = await call(() => this.backend.listTokens());
    if (r.status === "ok") {
      this.tokens = r.data;
      this.loadError = null;
    } else {
      this.loadError = r.error;
    }
    this.loaded = true;
  }

  /** Checks and stores a token. The caller must drop its copy of `secret` afterwards. */
  async add(name: string, host: string | null, secret: string): Promise<Result<TokenView, ErrorPayload>> {
    const r = await call(() => this.backend.addToken(name, host, secret));
    if (r.status === "ok") {
      this.tokens = upsert(this.tokens, r.data);
      this.highlight(r.data.id);
      this.notify("info", this.t("add.added", { name: r.data.name ?? name }));
      void this.vault.load();
    } else {
      this.noteKeychain(r.error);
    }
    return r;
  }

  /** Puts a missing secret back in the keychain; Rust checks it is the same token first. */
  async provideSecret(id: string, secret: string): Promise<Result<TokenView, ErrorPayload>> {
    const r = await call(() => this.backend.provideSecret(id, secret));
    if (r.status === "ok") {
      this.tokens = upsert(this.tokens, r.data);
      this.highlight(r.data.id);
      this.notify("info", this.t("provide.done", { name: r.data.name ?? "" }));
      void this.vault.load();
    } else {
      this.noteKeychain(r.error);
    }
    return r;
  }

  /** Shows the keychain banner when core says the error is the keychain's. */
  noteKeychain(e: ErrorPayload): void {
    if (e.area === "keychain") this.keychainError = e;
  }

  async recheck(id: string): Promise<void> {
    if (this.checking.includes(id)) return;
    this.checking = [...this.checking, id];
    const r = await call(() => this.backend.recheckToken(id));
    this.checking = this.checking.filter((c) => c !== id);
    if (r.status === "ok") this.tokens = upsert(this.tokens, r.data);
    else this.notify("error", r.error.message);
  }

  /**
   * Re-checks every token. Each result updates its row as it arrives on the channel,
   * before the command returns; the final list then settles every row.
   */
  async recheckAll(): Promise<void> {
    if (this.recheckRun) return;
    const run = ++this.#runSeq;
    const ids = this.tokens.flatMap((t) => (t.id === null ? [] : [t.id]));
    this.recheckRun = { done: 0, total: ids.length };
    this.checking = [...new Set([...this.checking, ...ids])];
    const r = await call(() =>
      this.backend.recheckAll((p) => {
        // A message that arrives once its run has ended is stale: the final list won.
        if (this.#runSeq !== run || !this.recheckRun) return;
        this.recheckRun = { done: Math.max(this.recheckRun.done, p.done), total: p.total };
        this.#settle(p.token);
      }),
    );
    this.recheckRun = null;
    this.checking = this.checking.filter((c) => !ids.includes(c));
    if (r.status === "ok") {
      for (const view of r.data) this.tokens = replaceExisting(this.tokens, view);
      this.notify("info", recheckSummary(this.lang, r.data));
    } else {
      this.notify("error", r.error.message);
    }
  }

  #settle(view: TokenView): void {
    this.tokens = replaceExisting(this.tokens, view);
    if (view.id !== null) this.checking = this.checking.filter((c) => c !== view.id);
  }

  isChecking(id: string | null): boolean {
    return id !== null && this.checking.includes(id);
  }

  /** Rust copies the token; the toast says when it clears (the setting's delay). */
  async copy(t: TokenView): Promise<void> {
    if (!t.id) return;
    const id = t.id;
    const r = await call(() => this.backend.copyToken(id));
    if (r.status === "error") return this.notify("error", r.error.message);
    const name = tokenName(this.lang, t);
    this.notify("info", r.data > 0 ? this.t("copy.done", { name, secs: r.data }) : this.t("copy.doneNever", { name }));
  }

  askForget(t: TokenView): void {
    this.forgetTarget = t;
  }

  async confirmForget(): Promise<void> {
    const t = this.forgetTarget;
    this.forgetTarget = null;
    if (!t?.id) return;
    const id = t.id;
    const r = await call(() => this.backend.forgetToken(id));
    if (r.status === "ok") {
      this.forgotten(id);
      this.notify("info", this.t("forget.done", { name: t.name ?? "" }));
    } else {
      this.notify("error", r.error.message);
    }
  }

  /** A token Rust forgot (or revoked, then forgot) leaves the list and the details. */
  forgotten(id: string): void {
    this.tokens = this.tokens.filter((x) => x.id !== id);
    if (this.selectedId === id) this.selectedId = null;
    void this.vault.load();
  }

  /** Remembers the language choice; "system" follows the system's language. */
  async setLang(choice: LangChoice): Promise<void> {
    if (choice === this.langChoice) return;
    this.langChoice = choice;
    if (choice !== "system") this.lang = choice;
    try {
      await this.backend.setLang(choice);
      const info = await this.backend.appInfo();
      this.info = info;
      this.lang = info.lang;
    } catch (e) {
      this.notify("error", toErrorPayload(e).message);
      return;
    }
    // Sentences about the tokens come back in the new language.
    await Promise.all([this.load(), this.vault.load()]);
  }

  /** Opens a token's SSO or settings page in the browser; Rust picks and checks the URL. */
  async openPage(t: TokenView, page: Page): Promise<void> {
    const id = t.id;
    if (id === null) return;
    const r = await call(() => this.backend.openPage(id, page));
    if (r.status === "error") this.notify("error", r.error.message);
  }

  notify(tone: Notice["tone"], text: string): void {
    const id = ++this.#noticeSeq;
    this.notice = { id, tone, text };
    this.#later(NOTICE_MS, () => {
      if (this.notice?.id === id) this.notice = null;
    });
  }

  highlight(id: string | null): void {
    this.highlightId = id;
    this.#later(HIGHLIGHT_MS, () => {
      if (this.highlightId === id) this.highlightId = null;
    });
  }

  /**
   * Keeps "checked 5 min ago" fresh while the window is shown; returns the stop
   * function. Hidden (closed to the tray, minimised), the window runs no timer: the
   * clock stops and catches up as soon as it is shown again.
   */
  startClock(everyMs = 30_000, doc: Document = document): () => void {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => (this.now = new Date());
    const follow = () => {
      clearInterval(timer);
      timer = undefined;
      if (doc.visibilityState === "hidden") return;
      tick();
      timer = setInterval(tick, everyMs);
    };
    follow();
    doc.addEventListener("visibilitychange", follow);
    return () => {
      clearInterval(timer);
      doc.removeEventListener("visibilitychange", follow);
    };
  }

  dispose(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  #later(ms: number, f: () => void): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      f();
    }, ms);
    this.#timers.add(t);
  }
}

const KEY = Symbol("jeton-store");

export function provideStore(store: AppStore): AppStore {
  return setContext(KEY, store);
}

export function useStore(): AppStore {
  const s = getContext<AppStore | undefined>(KEY);
  if (!s) throw new Error("useStore() outside <App>");
  return s;
}
