// Runs in the page before the app loads (page.addInitScript): stands in for Tauri's
// IPC as `@tauri-apps/api/mocks` mockIPC does, with a small in-memory Jeton back end.
// It must not reference anything outside itself: Playwright sends its source text.

/**
 * @param {{ lang: "en" | "fr", tokens: any[], keychainFailures?: number, addDelayMs?: number }} config
 */
export function installMockIpc(config) {
  const w = /** @type {any} */ (window);
  const state = {
    lang: config.lang,
    tokens: structuredClone(config.tokens),
    keychainFailures: config.keychainFailures ?? 0,
  };
  /** Every call, with the secret replaced: the flows assert on it. */
  const calls = [];
  const opened = [];
  w.__jeton = { calls, opened, state };

  const msg = {
    en: {
      token_invalid: "GitHub rejects this token (bad credentials): it was revoked, has expired or never existed. Create a new one.",
      network: "Could not reach https://api.github.com (connection timed out). Check your connection or the host's address, then try again.",
      token_malformed: "This is not a valid GitHub token: it does not start like any GitHub token (ghp_, github_pat_, gho_, ghu_, ghs_, ghr_, or 40 hexadecimal characters). Copy the whole token from GitHub again.",
      name_taken: (n) => `A token is already named "${n}". Choose another name.`,
      keychain_locked: "The system keychain is locked. Unlock it (your login password), then try again.",
    },
    fr: {
      token_invalid: "GitHub refuse ce jeton (identifiants incorrects) : il a été révoqué, a expiré ou n’a jamais existé. Créez-en un nouveau.",
      network: "Impossible de joindre https://api.github.com (délai dépassé). Vérifiez votre connexion ou l’adresse de l’hôte, puis réessayez.",
      token_malformed: "Ce n’est pas un jeton GitHub valide : il ne commence pas comme un jeton GitHub. Copiez à nouveau le jeton entier depuis GitHub.",
      name_taken: (n) => `Un jeton s’appelle déjà « ${n} ». Choisissez un autre nom.`,
      keychain_locked: "Le trousseau du système est verrouillé. Déverrouillez-le (mot de passe de session), puis réessayez.",
    },
  };
  const fail = (code, arg) => {
    const m = msg[state.lang][code];
    throw { code, message: typeof m === "function" ? m(arg) : m };
  };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  async function addToken({ name, host, token }) {
    await sleep(config.addDelayMs ?? 300);
    if (state.tokens.some((t) => t.name === name)) fail("name_taken", name);
    if (token.startsWith("ghp_bad")) fail("token_invalid");
    if (token.startsWith("ghp_net")) fail("network");
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
      expires_at: expires,
      status: "valid",
      sso_url: null,
      error: null,
      days_left: 90,
      last_checked: isoNow(),
    };
    state.tokens.push(view);
    return view;
  }

  async function handle(cmd, args) {
    switch (cmd) {
      case "app_info":
        return { version: "0.1.0", lang: state.lang, github_url: "https://github.com", data_dir: "/tmp/jeton" };
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
        if (!t) throw { code: "not_found", message: "No such token." };
        t.last_checked = isoNow();
        return structuredClone(t);
      }
      case "forget_token":
        state.tokens = state.tokens.filter((x) => x.id !== args.id);
        return null;
      case "set_lang":
        state.lang = args.lang;
        return null;
      case "plugin:opener|open_url":
        opened.push(args.url);
        return null;
      default:
        throw new Error(`mock IPC: unknown command ${cmd}`);
    }
  }

  const callbacks = new Map();
  w.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    async invoke(cmd, args = {}) {
      const logged = { ...args };
      if ("token" in logged) logged.token = "<redacted>";
      calls.push({ cmd, args: logged });
      return handle(cmd, args);
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
      callbacks.get(id)?.(data);
    },
    callbacks,
    convertFileSrc: (p) => p,
  };
  w.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: (_e, id) => callbacks.delete(id) };
}
