// Starts the fakehub binary and drives its admin API.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startHub(binary, args = []) {
  const child = spawn(binary, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("fakehub did not start")), 20000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      const m = /listening on (\S+)/.exec(line);
      m ? resolve(m[1]) : reject(new Error(`unexpected fakehub output: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`fakehub exited with ${code}`)));
  });
  return new Hub(child, url);
}

export class Hub {
  constructor(child, url) {
    this.child = child;
    this.url = url;
  }

  async admin(path, body) {
    const res = await fetch(`${this.url}/_admin${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fakehub admin ${path}: ${res.status} ${await res.text()}`);
    return res.json().catch(() => ({}));
  }

  async createUser(login) {
    return this.admin("/users", { login });
  }

  /** A new token; `days` until expiry (undefined: never). */
  async createToken(login, kind, { scopes = [], days } = {}) {
    const expires_at = days === undefined ? null : new Date(Date.now() + days * 86400e3).toISOString();
    return (await this.admin("/tokens", { login, kind, scopes, expires_at })).token;
  }

  /** An organization; with `sso_enforced`, a member's classic token must be authorized for it. */
  async createOrg(login, { sso_enforced = false } = {}) {
    return this.admin("/orgs", { login, sso_enforced });
  }

  async addMember(org, login) {
    return this.admin(`/orgs/${org}/members`, { login });
  }

  async revoke(token) {
    return this.admin("/tokens/revoke", { token });
  }

  stop() {
    this.child.kill("SIGTERM");
  }
}
