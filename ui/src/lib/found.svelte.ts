// Tokens Rust found outside the keychain (git's credential store, gh's files and keyring,
// the environment) and the actions on each: check, import, remove the plain-text copy.
// No secret ever reaches the web view: each finding is named by its id.

import type { ErrorPayload, Found, Removed, Result, TokenView } from "./backend";
import { call } from "./backend";
import type { AppStore } from "./store.svelte";
import { upsert } from "./tokens";

/** What happened to one finding in this window. */
export interface FoundOutcome {
  /** GitHub's answer to "Check" (nothing stored). */
  checked?: TokenView;
  /** The token as stored by "Import". */
  imported?: TokenView;
  error?: ErrorPayload;
}

export class FoundState {
  items = $state.raw<Found[]>([]);
  open = $state(false);
  /** Outcomes by finding id. */
  outcomes = $state<Record<string, FoundOutcome>>({});
  /** Ids with a call in flight. */
  busy = $state<string[]>([]);
  /** The finding whose plain-text copy the user is about to remove (confirmation shown). */
  confirmRemove = $state<string | null>(null);
  /** Plain-text copies removed in this window, with where each backup is. */
  removed = $state<{ found: Found; removed: Removed }[]>([]);

  /** Findings Jeton does not hold yet: what the banner counts. */
  readonly outside = $derived(this.items.filter((f) => f.stored_as === null));

  readonly #app: AppStore;

  constructor(app: AppStore) {
    this.#app = app;
  }

  async load(): Promise<void> {
    const r = await call(() => this.#app.backend.discoverTokens());
    // A search that fails says nothing on the dashboard: it is a hint, not a state.
    if (r.status === "ok") this.items = r.data;
  }

  async #run<T>(id: string, f: () => Promise<Result<T, ErrorPayload>>, done: (data: T) => FoundOutcome) {
    this.busy = [...this.busy, id];
    const r = await call(f);
    this.busy = this.busy.filter((x) => x !== id);
    const before = this.outcomes[id] ?? {};
    this.outcomes = {
      ...this.outcomes,
      [id]: r.status === "ok" ? { ...before, ...done(r.data), error: undefined } : { ...before, error: r.error },
    };
    return r;
  }

  async check(id: string): Promise<void> {
    await this.#run(id, () => this.#app.backend.checkFound(id), (checked) => ({ checked }));
  }

  async import(id: string): Promise<void> {
    const app = this.#app;
    const r = await this.#run(id, () => app.backend.importFound(id), (imported) => ({ imported }));
    if (r.status === "ok") {
      app.tokens = upsert(app.tokens, r.data);
      app.highlight(r.data.id);
      const name = r.data.name ?? "";
      // Every copy of the same secret is now in Jeton; Rust says which on the next look.
      this.items = this.items.map((f) => (f.id === id ? { ...f, stored_as: name } : f));
      void this.load();
    }
  }

  /**
   * Removes a plain-text copy (Rust writes a backup first). The file's later lines move
   * up, so the list is read again and what was shown about the others is dropped.
   */
  async remove(id: string): Promise<void> {
    this.confirmRemove = null;
    const found = this.items.find((f) => f.id === id);
    const r = await this.#run(id, () => this.#app.backend.removeFound(id), () => ({}));
    if (r.status === "ok" && found) {
      this.removed = [...this.removed, { found, removed: r.data }];
      this.outcomes = {};
      await this.load();
    }
  }
}
