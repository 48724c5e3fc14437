// Runs in the page after mock-ipc.js (page.addInitScript): the mocked IPC's stand-in for
// Rust's GitHub App commands. mock-ipc.js hands it every command it does not know, with
// its helpers. It must not reference anything outside itself: Playwright sends its source.

/**
 * @typedef {{
 *   apps?: any[],
 *   clientId?: string,
 *   repos?: { full_name: string, owner: string, private: boolean }[],
 *   picked?: string | null,
 * }} AppsConfig
 */

/** @param {AppsConfig} config */
export function installMockApps(config) {
  const w = /** @type {any} */ (window);
  const LEVELS = ["read", "write", "admin"];
  const apps = structuredClone(config.apps ?? []);
  const PEM = /^-----BEGIN (RSA )?PRIVATE KEY-----/;

  const record = (clientId, host) => ({
    id: `app-${apps.length + 1}`,
    issuer: clientId,
    host: host ?? "https://github.com",
    app_id: 101,
    slug: "deploy-bot",
    name: "Deploy bot",
    owner: "acme",
    installations: [
      { id: 7, account: "acme", account_is_org: true, repository_selection: "selected", permissions: { contents: "write", metadata: "read", pull_requests: "read" } },
    ],
    checked_at: new Date().toISOString(),
    git_owners: [],
    created_at: new Date().toISOString(),
  });

  /** Rust's add_app: the key checked (PEM, then GitHub's verdict), nothing stored on failure. */
  const add = ({ fail }, clientId, host, key) => {
    if (!PEM.test(key.trim())) fail("app_key_invalid");
    if (clientId === "Iv23liSkew") fail("app_clock_skew");
    if (clientId !== (config.clientId ?? "Iv23liDeploy")) fail("app_key_rejected", { issuer: clientId });
    const app = record(clientId, host);
    apps.push(app);
    return structuredClone(app);
  };

  const mint = ({ fail, state, isoNow }, req) => {
    const app = apps.find((a) => a.installations.some((i) => i.id === req.installation));
    const inst = app?.installations.find((i) => i.id === req.installation);
    if (!app || !inst) fail("app_installation_not_found", { installation: String(req.installation) });
    for (const [key, level] of Object.entries(req.permissions ?? {})) {
      const granted = inst.permissions[key];
      if (!granted || LEVELS.indexOf(level) > LEVELS.indexOf(granted)) fail("app_permission_not_granted", { key, level, granted: granted ?? "" });
    }
    const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const view = {
      id: `minted-${state.tokens.length}`,
      name: `${app.name} for ${inst.account}`,
      host: app.host,
      kind: "app_installation",
      well_formed: true,
      login: inst.account,
      scopes: null,
      grants: null,
      permissions: { ...(req.permissions ?? inst.permissions) },
      expires_at: expires,
      status: "valid",
      sso_url: null,
      error: null,
      days_left: 0,
      never_expires: false,
      last_checked: isoNow(),
      unreachable: false,
      secret_missing: false,
      urgency: "none",
      needs_attention: false,
      settings_url: `${app.host}/settings/installations/${inst.id}`,
    };
    state.tokens.push(view);
    w.__jeton.minted = [...(w.__jeton.minted ?? []), structuredClone(req)];
    return structuredClone(view);
  };

  w.__jetonApps = async (cmd, args, helpers) => {
    const { fail, sleep } = helpers;
    switch (cmd) {
      case "list_apps":
        return structuredClone(apps);
      case "add_app":
        await sleep(300);
        return add(helpers, args.clientId, args.host, args.key);
      case "add_app_from_file":
        // Rust shows the system's open dialog and reads the file; the key never comes here.
        await sleep(300);
        return config.picked ? add(helpers, args.clientId, args.host, config.picked) : null;
      case "refresh_app": {
        const app = apps.find((a) => a.id === args.id);
        if (!app) fail("not_found", { name: args.id });
        return structuredClone(app);
      }
      case "forget_app": {
        const i = apps.findIndex((a) => a.id === args.id);
        if (i < 0) fail("not_found", { name: args.id });
        apps.splice(i, 1);
        return null;
      }
      case "installation_repositories":
        await sleep(200);
        return structuredClone(config.repos ?? []);
      case "mint_token":
        await sleep(300);
        return mint(helpers, args.request);
      default:
        throw new Error(`mock IPC: unknown command ${cmd}`);
    }
  };
}
