// The token creation wizard's state: the user's choices, turned into the `Creation`
// Rust checks, opens on GitHub and takes the token back against. Rules are Rust's (each
// refusal comes back as an error with its sentence); the few checks here only say at
// once what Rust would say anyway (GitHub's lengths, the expiry's range).
// It never holds a secret from the clipboard: Rust reads it. A pasted one lives in
// `pasted` until the call returns.

import { call } from "./backend";
import type {
  Backend,
  CreationCatalogue,
  Creation,
  CreationPage,
  ErrorPayload,
  Expiry,
  Finished,
  Level,
  Owners,
  Repository,
  RepositoryAccess,
  RequestKind,
  ScopeNode,
  TokenView,
} from "./backend";

export type Step = "kind" | "details" | "grants" | "github" | "wait" | "done";
export const STEPS: readonly Step[] = ["kind", "details", "grants", "github", "wait", "done"];
export type ExpiryChoice = "7" | "30" | "60" | "90" | "date" | "none";

/** GitHub's limits, as Rust checks them (request.rs). */
export const NAME_MAX = 40;
export const DESCRIPTION_MAX = 1024;
export const EXPIRES_MAX_DAYS = 366;

/** Whole days from `today` to the date `iso` (yyyy-mm-dd), by the calendar. */
export function daysUntil(iso: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const end = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / 86_400_000);
}

/** A local problem, by the message key that explains it. */
export type LocalProblem = "name" | "nameLong" | "descriptionLong" | "dateRange" | null;

export class Wizard {
  readonly backend: Backend;
  step = $state<Step>("kind");
  kind = $state<RequestKind>("fine_grained");
  presetId = $state<string | null>(null);
  host = $state<string | null>(null);
  account = $state<string | null>(null);
  name = $state("");
  description = $state("");
  expiry = $state<ExpiryChoice>("30");
  date = $state("");
  owner = $state("");
  access = $state<RepositoryAccess>("selected");
  repositories = $state<string[]>([]);
  permissions = $state<Record<string, Level>>({});
  scopes = $state<string[]>([]);
  renews = $state<string | null>(null);
  catalogue = $state<CreationCatalogue | null>(null);
  /** The classic scopes' tree, loaded for a classic token. */
  scopeTree = $state<ScopeNode[] | null>(null);
  owners = $state<Owners | null>(null);
  repos = $state<Repository[]>([]);
  page = $state<CreationPage | null>(null);
  opened = $state(false);
  watching = $state(false);
  watchExpired = $state(false);
  busy = $state(false);
  error = $state<ErrorPayload | null>(null);
  finished = $state<Finished | null>(null);
  /** The pasted token, bound to the password field; cleared after each try. */
  pasted = $state("");
  today: Date;

  constructor(backend: Backend, today = new Date()) {
    this.backend = backend;
    this.today = today;
  }

  readonly expires = $derived.by((): Expiry | null => {
    if (this.expiry === "none") return "never";
    if (this.expiry === "date") {
      const d = daysUntil(this.date, this.today);
      return d === null ? null : { days: d };
    }
    return { days: Number(this.expiry) };
  });

  readonly problem = $derived.by((): LocalProblem => {
    if (this.name.trim() === "") return "name";
    if (this.kind === "fine_grained" && [...this.name].length > NAME_MAX) return "nameLong";
    if ([...this.description].length > DESCRIPTION_MAX) return "descriptionLong";
    if (this.expiry === "date") {
      const d = daysUntil(this.date, this.today);
      if (d === null || d < 1 || d > EXPIRES_MAX_DAYS) return "dateRange";
    }
    return null;
  });

  creation(): Creation {
    const fine = this.kind === "fine_grained";
    const owner = this.owner.trim();
    return {
      host: this.host,
      account: this.account,
      request: fine
        ? {
            kind: "fine_grained",
            name: this.name.trim(),
            description: this.description,
            owner: owner === "" || owner === this.account ? null : owner,
            expires: null,
            permissions: { ...this.permissions },
          }
        : { kind: "classic", note: this.name.trim(), scopes: [...this.scopes] },
      expires: this.expires,
      access: fine ? this.access : "public",
      repositories: fine && this.access === "selected" ? [...this.repositories] : [],
      renews: this.renews,
    };
  }

  async loadCatalogue(): Promise<void> {
    this.catalogue ??= await this.backend.creationCatalogue();
  }

  async loadScopes(): Promise<void> {
    this.scopeTree ??= await this.backend.scopeCatalogue();
  }

  /** The account's owners and repositories, when Rust keeps a token of it. */
  async loadAccount(): Promise<void> {
    const login = this.account;
    if (!login) {
      this.owners = null;
      this.repos = [];
      return;
    }
    const [o, r] = await Promise.all([
      call(() => this.backend.creationOwners(this.host, login)),
      call(() => this.backend.creationRepositories(this.host, login)),
    ]);
    this.owners = o.status === "ok" ? o.data : null;
    this.repos = r.status === "ok" ? r.data : [];
  }

  choosePreset(id: string): void {
    const p = this.catalogue?.presets.find((x) => x.id === id);
    if (!p) return;
    this.presetId = id;
    this.kind = p.kind;
    if (p.request.kind === "fine_grained") {
      this.permissions = { ...(p.request.permissions ?? {}) } as Record<string, Level>;
      this.scopes = [];
    } else {
      this.scopes = [...(p.request.scopes ?? [])];
      this.permissions = {};
    }
    if (!this.name) this.name = p.title.slice(0, NAME_MAX);
  }

  setPermission(key: string, level: Level | ""): void {
    const next = { ...this.permissions };
    if (level === "") delete next[key];
    else next[key] = level;
    this.permissions = next;
    this.presetId = null;
  }

  toggle(list: "scopes" | "repositories", item: string): void {
    const cur = this[list];
    this[list] = cur.includes(item) ? cur.filter((x) => x !== item) : [...cur, item];
    if (list === "scopes") this.presetId = null;
  }

  /** Fills the wizard from a request (a renewal's, or one made before). */
  prefill(c: Creation): void {
    this.host = c.host ?? null;
    this.account = c.account ?? null;
    this.renews = c.renews ?? null;
    this.kind = c.request.kind;
    if (c.request.kind === "fine_grained") {
      this.name = c.request.name;
      this.description = c.request.description ?? "";
      this.owner = c.request.owner ?? "";
      this.permissions = { ...(c.request.permissions ?? {}) } as Record<string, Level>;
    } else {
      this.name = c.request.note;
      this.scopes = [...(c.request.scopes ?? [])];
    }
    const e = c.expires;
    if (e === "never") this.expiry = "none";
    else if (e && ["7", "30", "60", "90"].includes(String(e.days))) this.expiry = String(e.days) as ExpiryChoice;
    else if (e) {
      const d = new Date(this.today);
      d.setDate(d.getDate() + e.days);
      this.date = d.toISOString().slice(0, 10);
      this.expiry = "date";
    }
    this.access = c.access ?? "selected";
    this.repositories = [...(c.repositories ?? [])];
    this.step = "details";
  }

  async #run<T>(f: () => Promise<{ status: "ok"; data: T } | { status: "error"; error: ErrorPayload }>): Promise<T | null> {
    this.busy = true;
    this.error = null;
    const r = await call(f);
    this.busy = false;
    if (r.status === "error") {
      this.error = r.error;
      return null;
    }
    return r.data;
  }

  /** Asks Rust for the page and checklist: every rule it can check, before GitHub. */
  async review(): Promise<boolean> {
    const creation = this.creation();
    const page = await this.#run(() => this.backend.creationPage(creation));
    if (page) {
      this.page = page;
      this.step = "github";
    }
    return page !== null;
  }

  /** Opens GitHub's page (Rust opens the browser), then waits for the token. */
  async open(): Promise<void> {
    const creation = this.creation();
    const page = await this.#run(() => this.backend.openCreationPage(creation));
    if (!page) return;
    this.page = page;
    this.opened = true;
    this.step = "wait";
    await this.watch();
  }

  /** Lets Rust watch the clipboard; it only says that a token is there. */
  async watch(): Promise<void> {
    this.watchExpired = false;
    const r = await call(() =>
      this.backend.watchClipboard(this.kind, (e) => {
        this.watching = false;
        if (e === "found") void this.fromClipboard();
        else this.watchExpired = true;
      }),
    );
    this.watching = r.status === "ok";
  }

  async stopWatching(): Promise<void> {
    this.watching = false;
    await this.backend.stopClipboardWatch();
  }

  async fromClipboard(): Promise<void> {
    const creation = this.creation();
    const done = await this.#run(() => this.backend.finishCreationFromClipboard(creation));
    if (done) this.#done(done);
  }

  async fromPaste(): Promise<void> {
    const creation = this.creation();
    const token = this.pasted;
    const done = await this.#run(() => this.backend.finishCreation(creation, token));
    this.pasted = "";
    if (done) this.#done(done);
  }

  #done(f: Finished): void {
    this.finished = f;
    this.watching = false;
    this.step = "done";
  }

  /** The stored token, once finished. */
  get token(): TokenView | null {
    return this.finished?.token ?? null;
  }

  back(): void {
    // The clipboard is watched while the wizard waits for the token, and only then.
    if (this.step === "wait" && this.watching) void this.stopWatching();
    const i = STEPS.indexOf(this.step);
    if (i > 0 && this.step !== "done") this.step = STEPS[i - 1];
    this.error = null;
  }
}
