// The vault's health as the UI shows it (read-only data, keychain trouble, secrets found
// in the keychain with no token, tokens whose secret is gone) and the actions on it:
// naming or deleting a recovered secret, exporting and importing metadata.

import type { ErrorPayload, ImportSummary, Result, TokenView, VaultHealth } from "./backend";
import { call } from "./backend";
import { readTextFile } from "./backup";
import type { AppStore } from "./store.svelte";
import { upsert } from "./tokens";

export class VaultState {
  health = $state<VaultHealth | null>(null);
  /** The recovered keychain entry being named, or deleted after confirmation. */
  adoptTarget = $state<string | null>(null);
  deleteTarget = $state<string | null>(null);
  importSummary = $state<ImportSummary | null>(null);
  /** An export or import is in flight. */
  moving = $state(false);

  readonly readOnly = $derived(this.health?.read_only ?? null);
  readonly recovered = $derived(this.health?.recovered ?? []);

  readonly #app: AppStore;
  #seq = 0;

  constructor(app: AppStore) {
    this.#app = app;
  }

  /** Asks Rust again. An answer older than the last one asked for is dropped. */
  async load(): Promise<void> {
    const seq = ++this.#seq;
    const r = await call(() => this.#app.backend.vaultHealth());
    if (seq !== this.#seq) return;
    // When the vault cannot answer at all, the list's own error says why; keep what we had.
    if (r.status === "ok") this.health = r.data;
  }

  /** Reads Jeton's data file again (the user restored it); the list follows. */
  async reload(): Promise<void> {
    const seq = ++this.#seq;
    const r = await call(() => this.#app.backend.reloadVault());
    if (seq !== this.#seq) return;
    if (r.status === "ok") this.health = r.data;
    await this.#app.load();
  }

  /** Names a recovered secret; Rust checks it with GitHub first. */
  async adopt(id: string, name: string, host: string | null): Promise<Result<TokenView, ErrorPayload>> {
    const app = this.#app;
    const r = await call(() => app.backend.adoptRecovered(id, name, host));
    if (r.status === "ok") {
      app.tokens = upsert(app.tokens, r.data);
      app.highlight(r.data.id);
      app.notify("info", app.t("adopt.done", { name: r.data.name ?? name }));
      if (this.health) this.health = { ...this.health, recovered: this.health.recovered.filter((x) => x !== id) };
      void this.load();
    } else {
      app.noteKeychain(r.error);
    }
    return r;
  }

  async confirmDelete(): Promise<void> {
    const id = this.deleteTarget;
    this.deleteTarget = null;
    if (id === null) return;
    const app = this.#app;
    const r = await call(() => app.backend.deleteRecovered(id));
    if (r.status === "ok") {
      if (this.health) this.health = { ...this.health, recovered: this.health.recovered.filter((x) => x !== id) };
      app.notify("info", app.t("recovered.deleted"));
      void this.load();
    } else {
      app.notify("error", r.error.message);
    }
  }

  /** Saves every token's metadata (never a secret) as a file the user keeps. */
  async exportMetadata(): Promise<void> {
    if (this.moving) return;
    const app = this.#app;
    this.moving = true;
    const r = await call(() => app.backend.exportBackup());
    this.moving = false;
    if (r.status !== "ok") {
      app.notify("error", r.error.message);
      return;
    }
    // `null`: the user closed the save dialog without choosing a file.
    if (r.data !== null) app.notify("info", app.t("export.done", { path: r.data }));
  }

  /** Imports a file picked by the user, then shows what happened. */
  async importFile(file: Blob): Promise<void> {
    let json: string;
    try {
      json = await readTextFile(file);
    } catch {
      this.#app.notify("error", this.#app.t("import.readFailed"));
      return;
    }
    await this.importMetadata(json);
  }

  async importMetadata(json: string): Promise<void> {
    if (this.moving) return;
    const app = this.#app;
    this.moving = true;
    const r = await call(() => app.backend.importBackup(json));
    this.moving = false;
    if (r.status !== "ok") {
      app.notify("error", r.error.message);
      return;
    }
    this.importSummary = r.data;
    await Promise.all([app.load(), this.load()]);
  }
}
