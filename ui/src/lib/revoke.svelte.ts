// Revoking a token, as the dialog (components/RevokeDialog.svelte) walks it. Rust
// decides everything (core's revoke.rs): how the token is revoked (GitHub's API, or its
// host's settings page), revoking then forgetting, opening the page. Here: which step
// the dialog is at.

import type { ErrorPayload, RevokeRoute, TokenView } from "./backend";
import { call } from "./backend";
import type { AppStore } from "./store.svelte";

/** "confirm": asking first; "deleted": the settings page is open, waiting for the user to say the token is gone there. */
export type RevokeStep = "confirm" | "deleted";

export class RevokeState {
  target = $state<TokenView | null>(null);
  /** How Rust would revoke it; null while asking. */
  route = $state<RevokeRoute | null>(null);
  step = $state<RevokeStep>("confirm");
  busy = $state(false);
  error = $state<ErrorPayload | null>(null);

  readonly #app: AppStore;

  constructor(app: AppStore) {
    this.#app = app;
  }

  /** Opens the dialog for `t`, asking Rust how it would be revoked. */
  async ask(t: TokenView): Promise<void> {
    if (!t.id) return;
    const id = t.id;
    Object.assign(this, { target: t, route: null, step: "confirm", busy: false, error: null });
    const r = await call(() => this.#app.backend.revokeRoute(id));
    if (this.target?.id !== id) return;
    if (r.status === "ok") this.route = r.data;
    else this.error = r.error;
  }

  close(): void {
    this.target = null;
  }

  /**
   * The dialog's main button: revoke through GitHub's API (then the token is gone from
   * the list), or have Rust open the host's settings page (then wait for the user).
   * A failure keeps the dialog open with Rust's sentence; nothing was forgotten.
   */
  async confirm(): Promise<void> {
    const t = this.target;
    if (!t?.id || !this.route || this.busy) return;
    const id = t.id;
    this.busy = true;
    this.error = null;
    if (this.route.route === "settings_page") {
      const r = await call(() => this.#app.backend.openPage(id, "settings"));
      this.busy = false;
      if (r.status === "ok") this.step = "deleted";
      else this.error = r.error;
      return;
    }
    const r = await call(() => this.#app.backend.revokeToken(id));
    this.busy = false;
    if (r.status === "error") {
      this.error = r.error;
    } else if (r.data.outcome === "revoked") {
      this.target = null;
      this.#app.forgotten(id);
      this.#app.notify("info", this.#app.t("revoke.done", { name: t.name ?? "" }));
    } else {
      // The host turned out to have no revocation API: Rust opened its settings page.
      this.route = { route: "settings_page", url: r.data.url };
      this.step = "deleted";
    }
  }

  /** The user deleted the token on its host's page: Jeton forgets it now. */
  async forgetDeleted(): Promise<void> {
    const t = this.target;
    if (!t?.id || this.busy) return;
    const id = t.id;
    this.busy = true;
    const r = await call(() => this.#app.backend.forgetToken(id));
    this.busy = false;
    if (r.status === "error") {
      this.error = r.error;
      return;
    }
    this.target = null;
    this.#app.forgotten(id);
    this.#app.notify("info", this.#app.t("forget.done", { name: t.name ?? "" }));
  }
}
