// A small W3C WebDriver client over fetch, for driving the real Jeton window
// through tauri-driver. Waits poll with a deadline; nothing sleeps blindly.

const ELEMENT = "element-6066-11e4-a52e-4a6b7d5d2c5a";
const elementId = (el) => el[ELEMENT] ?? el.ELEMENT ?? Object.values(el)[0];

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application, timeoutMs = 60000) {
    const body = {
      capabilities: {
        alwaysMatch: { browserName: "wry", "tauri:options": { application } },
      },
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const res = await call(base, "POST", "/session", body);
        return new Session(base, res.sessionId);
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Waits until `selector` matches a displayed element, and returns its id. */
  async waitFor(selector, timeoutMs = 20000) {
    return poll(`element ${selector}`, timeoutMs, async () => {
      const found = await this.cmd("POST", "/elements", { using: "css selector", value: selector });
      if (process.env.WD_DEBUG) console.log(JSON.stringify(found));
      for (const el of found) {
        const id = elementId(el);
        if (await this.cmd("GET", `/element/${id}/displayed`)) return id;
      }
      return null;
    });
  }

  /** Waits until `selector` no longer matches a displayed element. */
  async waitGone(selector, timeoutMs = 20000) {
    return poll(`${selector} to disappear`, timeoutMs, async () => {
      const found = await this.cmd("POST", "/elements", { using: "css selector", value: selector });
      for (const el of found) {
        if (await this.cmd("GET", `/element/${elementId(el)}/displayed`)) return null;
      }
      return true;
    });
  }

  /** Waits until the rendered text (innerText) of an element matching `selector` satisfies `pred`. */
  async waitText(selector, pred, timeoutMs = 20000) {
    return poll(`text of ${selector}`, timeoutMs, async () => {
      const texts = await this.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.innerText);",
        [selector],
      );
      return texts.find((t) => pred(t)) ?? null;
    });
  }

  async count(selector) {
    return (await this.cmd("POST", "/elements", { using: "css selector", value: selector })).length;
  }

  async click(selector) {
    const id = await this.waitFor(selector);
    await this.cmd("POST", `/element/${id}/click`, {});
  }

  async type(selector, text) {
    const id = await this.waitFor(selector);
    await this.cmd("POST", `/element/${id}/clear`, {});
    await this.cmd("POST", `/element/${id}/value`, { text });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  async execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async close() {
    try {
      await this.cmd("DELETE", "");
    } catch {
      // the app may already be gone
    }
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error || res.status} ${v.message || ""}`);
  }
  return json.value;
}

async function poll(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
