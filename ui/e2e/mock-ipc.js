// Runs in the page before the app loads (page.addInitScript): stands in for Tauri's
// IPC as `@tauri-apps/api/mocks` mockIPC does, with a small in-memory Jeton back end.
// It must not reference anything outside itself: Playwright sends its source text.

/**
 * @typedef {{
 *   lang: "en" | "fr",
 *   langChoice?: "system" | "en" | "fr",
 *   systemLang?: "en" | "fr",
 *   tokens: any[],
 *   keychainFailures?: number,
 *   addDelayMs?: number,
 *   health?: { read_only?: any, keychain?: any, recovered?: string[], missing?: { id: string, name: string }[] },
 *   catalogue?: any[],
 *   errors: Record<string, { retryable: boolean, field: string | null, area: string | null, message: { en: string, fr: string } }>,
 *   grants: Record<string, any[]>,
 *   commands?: string[],
 *   preferences: import("../src/lib/bindings").Preferences,
 *   recheckDelayMs?: number,
 *   recheckPatches?: Record<string, any>,
 *   creation?: { catalogue: Record<string, any>, orgs: string[], repos: any[], browserFails?: boolean },
 *   found?: import("../src/lib/bindings").Found[],
 *   revokeApiKinds?: string[],
 * }} MockConfig
 */

/** @param {MockConfig} config */
export function installMockIpc(config) {
  const w = /** @type {any} */ (window);
  const state = {
    /** The language shown; the system's when the choice is "system". */
    lang: config.lang,
    langChoice: config.langChoice ?? "system",
    /** Whether Jeton starts at login (Rust keeps it in its settings). */
    startAtLogin: false,
    /** The reminder days and clipboard delay (core's defaults, generated). */
    preferences: structuredClone(config.preferences),
    systemLang: config.systemLang ?? config.lang,
    tokens: structuredClone(config.tokens),
    keychainFailures: config.keychainFailures ?? 0,
    health: { read_only: null, keychain: null, recovered: [], missing: [], ...structuredClone(config.health ?? {}) },
    /** Tokens found outside the keychain (core's discover): listed, checked, imported, removed. */
    found: structuredClone(config.found ?? []),
    /** What the last export would have written to the file the user picked. */
    exported: /** @type {string | null} */ (null),
  };
  // Core marks a token whose keychain entry is gone; it then needs attention.
  for (const m of state.health.missing) {
    const t = state.tokens.find((x) => x.id === m.id);
    if (t) Object.assign(t, { secret_missing: true, needs_attention: true });
  }
  /** Every call, with the secret replaced: the flows assert on it. */
  const calls = [];
  /** The pages `open_page` was asked for, as `{id, page}`: Rust would open them. */
  const opened = [];
  /** The tokens `copy_token` was asked to copy, by id. */
  const copied = [];
  /** How the last "re-check all" went: messages delivered, and whether the command returned. */
  const recheck = { delivered: 0, returned: false };
  /** The creation wizard: the pages Rust opened, the clipboard Rust reads, the watch's channel. */
  const creation = config.creation ?? { catalogue: { en: null, fr: null }, orgs: [], repos: [], browserFails: false };
  const creating = { opened: /** @type {string[]} */ ([]), clipboard: /** @type {string | null} */ (null), watch: /** @type {number | null} */ (null) };
  w.__jeton = { calls, opened, copied, state, recheck, creating };
  /** Rust's watch: a new token is on the clipboard (never sent to the page). */
  w.__jeton.clipboardGets = (token) => {
    creating.clipboard = token;
    if (creating.watch !== null) w.__TAURI_INTERNALS__.runCallback(creating.watch, { index: 0, message: "found" });
  };

  /**
   * Throws what Rust would: the code's payload (generated from Rust, see doubles.mjs) in
   * the current language, each `{param}` of its sentence filled from `params`.
   * @param {string} code @param {Record<string, string>} [params]
   */
  const fail = (code, params = {}) => {
    const e = config.errors[code];
    if (!e) throw new Error(`mock IPC: Rust has no error code ${code}`);
    const message = e.message[state.lang].replace(/\{(\w+)\}/g, (all, k) => params[k] ?? all);
    throw { code, message, retryable: e.retryable, field: e.field, area: e.area };
  };
  /** The tree core gives for these scopes (generated from Rust, see doubles.mjs). */
  const grantsOf = (scopes) => {
    if (scopes === null) return null;
    const tree = config.grants[scopes.join(" ")];
    if (!tree) throw new Error(`mock IPC: no grants for [${scopes}]: add them to GRANT_SAMPLES in src-tauri/src/doubles.rs`);
    return structuredClone(tree);
  };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  const writable = () => {
    if (state.health.read_only) fail("metadata_read_only");
  };

  async function addToken({ name, host, token }) {
    await sleep(config.addDelayMs ?? 300);
    writable();
    if (state.tokens.some((t) => t.name === name)) fail("name_taken", { name });
    if (token.startsWith("ghp_dup")) fail("token_duplicate", { name: state.tokens[0]?.name ?? "?" });
    if (token.startsWith("ghp_bad")) fail("token_invalid");
    if (token.startsWith("ghp_net")) fail("network", { host: "https://api.github.com", detail: "connection timed out" });
    if (!/^(ghp_[A-Za-z0-9]{36}|github_pat_\w{82})$/.test(token)) fail("token_malformed");
    const fine = token.startsWith("github_pat_");
    const expires = new Date(Date.now() + 90 * 86_400_000 + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const view = {
      id: `id-${Date.now()}`,
      name,
      host: host ?? "https://github.com",
      kind: fine ? "fine_grained" : "classic",
      well_formed: true,
      login: "octocat",
      scopes: fine ? null : ["repo", "workflow"],
      grants: grantsOf(fine ? null : ["repo", "workflow"]),
      permissions: null,
      expires_at: expires,
      status: "valid",
      sso_url: null,
      error: null,
      days_left: 90,
      never_expires: false,
      last_checked: isoNow(),
      unreachable: false,
      secret_missing: false,
      urgency: "none",
      needs_attention: false,
      settings_url: `${host ?? "https://github.com"}/settings/${fine ? "personal-access-tokens" : "tokens"}`,
    };
    state.tokens.push(view);
    return view;
  }

  /**
   * Re-checks every token in the vault's order, one at a time, sending each result on
   * the channel as Tauri does: `runCallback(id, {message, index})`, then `{end, index}`.
   */
  async function recheckAll({ onProgress }) {
    const m = /^__CHANNEL__:(\d+)$/.exec(String(onProgress));
    if (!m) throw new Error(`mock IPC: recheck_all wants a channel, got ${JSON.stringify(onProgress)}`);
    const channel = Number(m[1]);
    const send = (index, data) =>
      setTimeout(() => {
        w.__TAURI_INTERNALS__.runCallback(channel, data);
        if ("message" in data) recheck.delivered = index + 1;
      }, 0);
    recheck.delivered = 0;
    recheck.returned = false;
    const total = state.tokens.length;
    let done = 0;
    for (const t of state.tokens) {
      await sleep(config.recheckDelayMs ?? 250);
      Object.assign(t, config.recheckPatches?.[t.id] ?? {}, { last_checked: isoNow() });
      done += 1;
      send(done - 1, { index: done - 1, message: { done, total, token: structuredClone(t) } });
    }
    send(done, { index: done, end: true });
    await sleep(20);
    recheck.returned = true;
    return structuredClone(state.tokens);
  }

  async function adoptRecovered({ id, name, host }) {
    await sleep(400);
    writable();
    if (!state.health.recovered.includes(id)) fail("not_found", { name: id });
    if (state.tokens.some((t) => t.name === name)) fail("name_taken", { name });
    const view = {
      id,
      name,
      host: host ?? "https://github.com",
      kind: "classic",
      well_formed: true,
      login: "octocat",
      scopes: ["repo", "read:org"],
      grants: grantsOf(["repo", "read:org"]),
      permissions: null,
      expires_at: new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      status: "valid",
      sso_url: null,
      error: null,
      days_left: 30,
      never_expires: false,
      last_checked: isoNow(),
      unreachable: false,
      secret_missing: false,
      urgency: "none",
      needs_attention: false,
      settings_url: `${host ?? "https://github.com"}/settings/tokens`,
    };
    state.health.recovered = state.health.recovered.filter((x) => x !== id);
    state.tokens.push(view);
    return structuredClone(view);
  }

  function importBackup({ json }) {
    writable();
    let doc;
    try {
      doc = JSON.parse(json);
    } catch {
      fail("import_invalid", { detail: "not JSON" });
    }
    if (!Array.isArray(doc?.tokens)) fail("import_invalid", { detail: "no tokens" });
    /** @type {{ added: string[], already_present: string[], renamed: [string, string][], without_secret: string[], to_confirm: string[] }} */
    const summary = { added: [], already_present: [], renamed: [], without_secret: [], to_confirm: [] };
    for (const rec of doc.tokens) {
      const here = state.tokens.find((t) => t.id === rec.id);
      if (here) {
        summary.already_present.push(here.name);
        continue;
      }
      let name = rec.name;
      for (let n = 2; state.tokens.some((t) => t.name === name); n += 1) name = `${rec.name} (${n})`;
      if (name !== rec.name) summary.renamed.push([rec.name, name]);
      summary.added.push(name);
      summary.without_secret.push(name);
      state.tokens.push({
        ...rec,
        name,
        grants: grantsOf(rec.scopes ?? null),
        status: "unknown",
        error: null,
        last_checked: null,
        days_left: null,
        never_expires: false,
        unreachable: false,
        secret_missing: true,
        urgency: "none",
        needs_attention: true,
        settings_url: `${rec.host}/settings/tokens`,
      });
      state.health.missing.push({ id: rec.id, name });
    }
    return summary;
  }

  /** Restores a missing secret: the same account is required (tokens starting `ghp_other` belong to someone else). */
  async function provideSecret({ id, token }) {
    await sleep(300);
    writable();
    const t = state.tokens.find((x) => x.id === id);
    if (!t) fail("not_found", { name: id });
    if (token.startsWith("ghp_other")) fail("token_mismatch", { expected: `${t.login ?? "?"} on github.com`, found: "hubot on github.com" });
    Object.assign(t, { secret_missing: false, needs_attention: t.status !== "valid", last_checked: isoNow() });
    state.health.missing = state.health.missing.filter((m) => m.id !== id);
    return structuredClone(t);
  }

  const nameOf = (c) => (c.request.kind === "classic" ? c.request.note : c.request.name);

  /** What core checks before GitHub (create.rs), and the checklist it answers with. */
  function creationPage({ creation: c }) {
    const name = nameOf(c);
    const length = [...name].length;
    if (c.request.kind === "fine_grained" && length > 40) fail("request_name_too_long", { length: String(length), max: "40" });
    const owner = c.request.owner;
    if (owner && owner !== "acme" && owner !== c.account) fail("request_owner_unknown", { owner });
    if (state.tokens.some((t) => t.name === name) && !c.renews) fail("name_taken", { name });
    const days = c.expires === "never" ? null : c.expires?.days ?? 30;
    const until = days === null ? "" : new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const expiration = { label: "Expiration", value: days === null ? "No expiration" : [7, 30, 60, 90].includes(days) ? `${days} days` : `Custom… ${until}`, note: days === null ? null : `until ${until}` };
    const levels = { read: "Read-only", write: "Read and write", admin: "Admin" };
    const checklist =
      c.request.kind === "classic"
        ? [{ label: "Note", value: name, note: null }, expiration, ...(c.request.scopes ?? []).map((s) => ({ label: `Select scopes › ${s}`, value: "✓", note: null }))]
        : [
            { label: "Token name", value: name, note: null },
            ...(c.request.description ? [{ label: "Description", value: c.request.description, note: null }] : []),
            { label: "Resource owner", value: owner || c.account || "", note: null },
            expiration,
            { label: "Repository access", value: { public: "Public repositories", all: "All repositories", selected: "Only select repositories" }[c.access ?? "public"], note: null },
            ...(c.repositories ?? []).map((r) => ({ label: "Select repositories", value: r, note: state.lang === "fr" ? "Cochez-le sur la page de GitHub." : "Tick it on GitHub's page." })),
            ...Object.entries(c.request.permissions ?? {}).map(([k, l]) => ({ label: `Repository permissions › ${k}`, value: levels[l], note: null })),
          ];
    const path = c.request.kind === "classic" ? "settings/tokens/new" : "settings/personal-access-tokens/new";
    return { url: `https://github.com/${path}?name=${encodeURIComponent(name)}`, checklist };
  }

  /** core's finish_creation: the kind asked for, then stored. */
  function finishCreation(c, token) {
    if (token === null || token.trim() === "") fail("clipboard_empty");
    const kind = token.startsWith("github_pat_") ? "fine_grained" : token.startsWith("ghp_") ? "classic" : null;
    if (kind === null) fail(token === creating.clipboard ? "clipboard_not_token" : "token_malformed");
    if (kind !== c.request.kind) fail("token_wrong_kind");
    const name = nameOf(c);
    const template = state.tokens[0] ?? {};
    const t = { ...template, id: `id-new-${state.tokens.length}`, name, kind, status: "valid", days_left: 30, urgency: "none", needs_attention: false, secret_missing: false, error: null, sso_url: null, scopes: kind === "classic" ? c.request.scopes : null, grants: null, permissions: kind === "fine_grained" ? { ...c.request.permissions, metadata: "read" } : null };
    state.tokens.push(t);
    return { token: structuredClone(t), findings: [] };
  }

  /** core's discover: a found token, or what Rust says when it is gone or hostless. */
  /** @param {string} id @returns {import("../src/lib/bindings").Found} */
  const foundById = (id) => {
    const f = state.found.find((x) => x.id === id);
    if (!f) throw fail("found_changed");
    if (f.host === null) fail("found_no_host");
    return f;
  };
  const foundView = (f, id, name) => ({ ...(state.tokens[0] ?? {}), id, name, host: f.host, kind: f.kind, login: f.user, status: "valid", days_left: 60, urgency: "none", needs_attention: false, secret_missing: false, error: null });
  const sourceLabel = { git_credentials: "git-credentials", gh_hosts: "gh hosts.yml", gh_keyring: "gh keyring" };
  /** Imports a found token as core names it; every copy of it is then in Jeton. */
  function importFound(id) {
    const f = foundById(id);
    if (f.stored_as !== null) fail("token_duplicate", { name: f.stored_as });
    const name = `${f.user ?? "?"} · ${sourceLabel[f.source] ?? f.location}`;
    const t = foundView(f, `id-found-${state.tokens.length}`, name);
    state.tokens.push(t);
    f.stored_as = name;
    return structuredClone(t);
  }
  /** Removes a stored token's line; the file's later lines move up (their ids follow). */
  function removeFound(id) {
    const f = foundById(id);
    if (!f.removable) fail("found_not_removable");
    if (f.stored_as === null) fail("found_not_stored");
    state.found = state.found.filter((x) => x !== f);
    for (const o of state.found) {
      if (o.location === f.location && o.line !== null && o.line > (f.line ?? 0)) Object.assign(o, { line: o.line - 1, id: o.id.replace(/:\d+$/, `:${o.line - 1}`) });
    }
    return { location: f.location, line: f.line, backup: `${f.location}.jeton-backup-20261202T013000Z` };
  }

  async function handle(cmd, args) {
    switch (cmd) {
      case "discover_tokens":
        return structuredClone(state.found);
      case "check_found": {
        await sleep(200);
        const f = foundById(args.id);
        return foundView(f, null, null);
      }
      case "import_found":
        await sleep(200);
        return importFound(args.id);
      case "remove_found":
        return removeFound(args.id);
      case "app_info":
        return {
          version: "0.1.0",
          lang: state.langChoice === "system" ? state.systemLang : state.langChoice,
          lang_choice: state.langChoice,
          github_url: "https://github.com",
          data_dir: "/tmp/jeton",
        };
      case "keychain_status":
        if (state.keychainFailures > 0) {
          state.keychainFailures -= 1;
          fail("keychain_locked");
        }
        return null;
      case "list_tokens":
        return structuredClone(state.tokens);
      case "add_token":
        return addToken(args);
      case "recheck_token": {
        await sleep(400);
        const t = state.tokens.find((x) => x.id === args.id);
        if (!t) fail("not_found", { name: args.id });
        t.last_checked = isoNow();
        return structuredClone(t);
      }
      case "recheck_all":
        return recheckAll(args);
      case "forget_token":
        writable();
        state.tokens = state.tokens.filter((x) => x.id !== args.id);
        state.health.missing = state.health.missing.filter((x) => x.id !== args.id);
        return null;
      case "vault_health":
        return structuredClone(state.health);
      case "reload_vault":
        // As if the user had restored a readable file.
        state.health.read_only = null;
        return structuredClone(state.health);
      case "scope_catalogue":
        return structuredClone(config.catalogue ?? []);
      case "adopt_recovered":
        return adoptRecovered(args);
      case "delete_recovered":
        writable();
        state.health.recovered = state.health.recovered.filter((x) => x !== args.id);
        return null;
      case "export_backup":
        // Rust writes the file the user picked in the native save dialog and answers
        // with its path; the mock keeps what would have been written.
        state.exported = JSON.stringify(
          {
            format: "jeton-metadata",
            version: 2,
            exported_at: isoNow(),
            note: "Token metadata only: the secrets stay in the keychain.",
            tokens: state.tokens.map(({ id, name, host, kind, login, scopes, permissions, expires_at }) => ({
              id,
              name,
              host,
              kind,
              login,
              scopes,
              permissions,
              expires_at,
            })),
          },
          null,
          2,
        );
        return "/home/me/jeton-metadata.json";
      case "import_backup":
        return importBackup(args);
      case "set_lang":
        state.langChoice = args.choice;
        state.lang = args.choice === "system" ? state.systemLang : args.choice;
        return null;
      case "provide_secret":
        return provideSecret(args);
      case "open_page":
        // Rust checks the page is on the token's host and opens it; the web view opens nothing.
        opened.push({ id: args.id, page: args.page });
        return null;
      case "revoke_route":
      case "revoke_token": {
        // Core's rule (generated: which kinds go through GitHub's API, on github.com);
        // `state.revokeFails` makes the revocation fail with that code, forgetting nothing.
        const t = state.tokens.find((x) => x.id === args.id);
        if (!t) fail("not_found", { name: args.id });
        const api = (config.revokeApiKinds ?? []).includes(t.kind) && t.host === "https://github.com";
        if (cmd === "revoke_route") return api ? { route: "api" } : { route: "settings_page", url: t.settings_url };
        if (!api) {
          opened.push({ id: args.id, page: "settings" });
          return { outcome: "open_settings", url: t.settings_url };
        }
        await sleep(200);
        if (state.revokeFails) fail(state.revokeFails, { host: "api.github.com", detail: "connection refused" });
        writable();
        state.revoked = [...(state.revoked ?? []), args.id];
        state.tokens = state.tokens.filter((x) => x.id !== args.id);
        return { outcome: "revoked" };
      }
      case "start_at_login":
        return state.startAtLogin;
      case "set_start_at_login":
        writable();
        state.startAtLogin = args.on;
        return null;
      case "copy_token":
        // Rust copies the secret (it never reaches the web view) and answers with the
        // seconds until it clears the clipboard.
        if (!state.tokens.some((t) => t.id === args.id)) fail("not_found", { name: args.id });
        copied.push(args.id);
        return state.preferences.clear_after_secs;
      case "preferences":
        return structuredClone(state.preferences);
      case "save_preferences":
        writable();
        state.preferences = structuredClone(args.chosen);
        return structuredClone(args.chosen);
      case "creation_catalogue":
        return structuredClone(creation.catalogue[state.lang]);
      case "creation_page":
        return creationPage(args);
      case "open_creation_page": {
        const page = creationPage(args);
        if (creation.browserFails) fail("browser_unavailable", { detail: "xdg-open: no method available" });
        creating.opened.push(page.url);
        return page;
      }
      case "creation_owners":
        return { owners: [{ login: args.login, organization: false }, ...creation.orgs.map((login) => ({ login, organization: true }))], from_github: true };
      case "creation_repositories":
        return structuredClone(creation.repos);
      case "renewal": {
        const t = state.tokens.find((x) => x.id === args.id);
        if (!t) fail("not_found", { name: args.id });
        const name = `${t.name} (${new Date().toISOString().slice(0, 10)})`;
        const request = t.kind === "fine_grained" ? { kind: "fine_grained", name, permissions: { contents: "write" } } : { kind: "classic", note: name, scopes: t.scopes ?? [] };
        return { host: t.host, account: t.login, request, expires: { days: 90 }, access: "selected", repositories: ["octocat/dotfiles"], renews: t.id };
      }
      case "finish_creation":
        return finishCreation(args.creation, args.token);
      case "finish_creation_from_clipboard":
        return finishCreation(args.creation, creating.clipboard);
      case "watch_clipboard": {
        const m = /^__CHANNEL__:(\d+)$/.exec(String(args.onEvent));
        if (!m) throw new Error("mock IPC: watch_clipboard wants a channel");
        creating.watch = Number(m[1]);
        return null;
      }
      case "stop_clipboard_watch":
        creating.watch = null;
        return null;
      case "plugin:event|listen":
        // Rust's events (a reminder's "Open"): the flows emit none; the id unlistens.
        return callbacks.size;
      case "plugin:event|unlisten":
        return null;
      case "plugin:event|emit":
        // The UI's first paint (Rust times its start-up by it).
        return null;
      default:
        // GitHub Apps: mock-apps.js, when installed.
        if (w.__jetonApps) return w.__jetonApps(cmd, args, { fail, sleep, state, isoNow });
        throw new Error(`mock IPC: unknown command ${cmd}`);
    }
  }

  /**
   * Arguments as they cross Tauri's IPC: JSON, where a value with the IPC key (a
   * `Channel`) becomes what that function returns (`__CHANNEL__:<id>`).
   */
  const SERIALIZE_TO_IPC_FN = "__TAURI_TO_IPC_KEY__";
  const overIpc = (args) =>
    JSON.parse(
      JSON.stringify(args, (_k, v) =>
        v && typeof v === "object" && typeof v[SERIALIZE_TO_IPC_FN] === "function" ? v[SERIALIZE_TO_IPC_FN]() : v,
      ),
    );

  const callbacks = new Map();
  w.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    async invoke(cmd, args = {}) {
      if (config.commands && !config.commands.includes(cmd) && !cmd.startsWith("plugin:")) {
        throw new Error(`mock IPC: Rust has no command ${cmd}`);
      }
      const sent = overIpc(args);
      const logged = { ...sent };
      if ("token" in logged) logged.token = "<redacted>";
      if ("key" in logged) logged.key = "<redacted>";
      if ("json" in logged) logged.json = `<${String(logged.json).length} characters>`;
      calls.push({ cmd, args: logged });
      return handle(cmd, sent);
    },
    transformCallback(callback, once = false) {
      const id = crypto.getRandomValues(new Uint32Array(1))[0];
      callbacks.set(id, (data) => {
        if (once) callbacks.delete(id);
        return callback && callback(data);
      });
      return id;
    },
    unregisterCallback(id) {
      callbacks.delete(id);
    },
    runCallback(id, data) {
      const callback = callbacks.get(id);
      if (callback) callback(data);
      else console.warn(`[TAURI] Couldn't find callback id ${id}.`);
    },
    callbacks,
    convertFileSrc: (p) => p,
  };
  w.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: (_e, id) => callbacks.delete(id) };
}
