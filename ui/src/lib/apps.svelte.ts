// GitHub Apps, as the Apps dialog (components/apps/) walks them: the list, adding one,
// refreshing, removing, and minting a token from an installation. Rust holds the rules
// and the keys; here: what is open and what Rust last answered. A pasted key is passed
// straight to Rust and never kept.

import { call } from "./backend";
import type { AppRecord, ErrorPayload, Installation, PermissionEntry, Repository, Result, TokenView } from "./backend";
import { mintRequest, type MintChoice } from "./apps";
import { upsert } from "./tokens";
import type { AppStore } from "./store.svelte";

export class AppsState {
  open = $state(false);
  /** Null until Rust answered. */
  list = $state.raw<AppRecord[] | null>(null);
  error = $state<ErrorPayload | null>(null);
  adding = $state(false);
  /** The app whose installations are being listed again. */
  refreshing = $state<string | null>(null);
  forgetTarget = $state<AppRecord | null>(null);
  /** The installation the mint dialog is for. */
  minting = $state<{ app: AppRecord; inst: Installation } | null>(null);
  /** The wizard's catalogue, for the permissions' words (in the window's language). */
  catalogue = $state.raw<PermissionEntry[]>([]);

  readonly #app: AppStore;

  constructor(app: AppStore) {
    this.#app = app;
  }

  async show(): Promise<void> {
    this.open = true;
    await Promise.all([this.load(), this.loadCatalogue()]);
  }

  close(): void {
    Object.assign(this, { open: false, adding: false, minting: null, forgetTarget: null });
  }

  async load(): Promise<void> {
    const r = await call(() => this.#app.backend.listApps());
    if (r.status === "ok") this.list = r.data;
    this.error = r.status === "error" ? r.error : null;
  }

  async loadCatalogue(): Promise<void> {
    try {
      this.catalogue = (await this.#app.backend.creationCatalogue()).permissions;
    } catch {
      this.catalogue = [];
    }
  }

  #stored(app: AppRecord): void {
    this.list = [...(this.list ?? []).filter((a) => a.id !== app.id), app];
  }

  /**
   * Adds an app with a pasted key, or (`key` null) with the .pem Rust asks the user for
   * in the system's dialog. Answers Rust's result; `null` data: the user cancelled.
   */
  async add(clientId: string, host: string | null, key: string | null): Promise<Result<AppRecord | null, ErrorPayload>> {
    const backend = this.#app.backend;
    const r = await call<AppRecord | null>(() =>
      key === null ? backend.addAppFromFile(clientId, host) : backend.addApp(clientId, host, key),
    );
    if (r.status === "ok" && r.data) {
      const app = r.data;
      this.#stored(app);
      this.adding = false;
      this.#app.notify("info", this.#app.tn("appAdd.added", app.installations.length, { name: app.name }));
    } else if (r.status === "error") {
      this.#app.noteKeychain(r.error);
    }
    return r;
  }

  async refresh(app: AppRecord): Promise<void> {
    this.refreshing = app.id;
    const r = await call(() => this.#app.backend.refreshApp(app.id));
    this.refreshing = null;
    if (r.status === "ok") {
      this.#stored(r.data);
      this.#app.notify("info", this.#app.t("apps.refreshed", { name: app.name }));
    } else {
      this.#app.notify("error", r.error.message);
    }
  }

  async confirmForget(): Promise<void> {
    const app = this.forgetTarget;
    this.forgetTarget = null;
    if (!app) return;
    const r = await call(() => this.#app.backend.forgetApp(app.id));
    if (r.status === "ok") {
      this.list = (this.list ?? []).filter((a) => a.id !== app.id);
      this.#app.notify("info", this.#app.t("apps.forgotten", { name: app.name }));
    } else {
      this.#app.notify("error", r.error.message);
    }
  }

  repositories(inst: Installation): Promise<Result<Repository[], ErrorPayload>> {
    return call(() => this.#app.backend.installationRepositories(inst.id));
  }

  /**
   * Mints a token from the open installation. Once stored it is in the dashboard,
   * highlighted, and the dialogs close so that the user sees it there.
   */
  async mint(choice: MintChoice): Promise<Result<TokenView, ErrorPayload>> {
    const target = this.minting;
    if (!target) return { status: "error", error: { code: "internal", message: "no installation", retryable: false, field: null, area: null } };
    const r = await call(() => this.#app.backend.mintToken(mintRequest(target.inst, choice)));
    if (r.status === "ok") {
      const app = this.#app;
      // Its countdown starts from now, not from the clock's last tick.
      app.now = new Date();
      app.tokens = upsert(app.tokens, r.data);
      this.close();
      app.highlight(r.data.id);
      app.notify("info", app.t("mint.done", { name: r.data.name ?? "" }));
    } else {
      this.#app.noteKeychain(r.error);
    }
    return r;
  }
}
