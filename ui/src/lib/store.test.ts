import { afterEach, describe, expect, it, vi } from "vitest";
import { AppStore } from "./store.svelte";
import { fakeBackend, token, problem } from "../test/fakeBackend";
import { errorPayload } from "../test/doubles";

afterEach(() => {
  vi.useRealTimers();
});

describe("AppStore", () => {
  it("loads language, keychain state and tokens", async () => {
    const { backend } = fakeBackend({ lang: "fr", tokens: [token({ name: "a" })] });
    const s = new AppStore(backend);
    await s.init();
    expect(s.lang).toBe("fr");
    expect(s.loaded).toBe(true);
    expect(s.tokens).toHaveLength(1);
    expect(s.groups[0].label).toBe("github.com");
    expect(s.keychainError).toBeNull();
  });

  it("falls back to the browser's language when appInfo fails", async () => {
    const { backend } = fakeBackend();
    backend.appInfo.mockRejectedValueOnce(new Error("not in Tauri"));
    vi.spyOn(navigator, "language", "get").mockReturnValue("fr-BE");
    const s = new AppStore(backend);
    await s.init();
    expect(s.lang).toBe("fr");
  });

  it("turns thrown IPC errors into error results", async () => {
    const { backend } = fakeBackend();
    backend.listTokens.mockRejectedValueOnce(problem("storage", "disk full"));
    const s = new AppStore(backend);
    await s.load();
    expect(s.loadError).toEqual(problem("storage", "disk full"));
  });

  it("highlights an added token for a while", async () => {
    vi.useFakeTimers();
    const { backend } = fakeBackend();
    const s = new AppStore(backend);
    const r = await s.add("new", null, "ghp_secret");
    expect(r.status).toBe("ok");
    expect(s.highlightId).toBe("id-new");
    expect(s.notice?.text).toBe("“new” was added.");
    vi.advanceTimersByTime(6500);
    expect(s.highlightId).toBeNull();
    expect(s.notice).toBeNull();
  });

  it("raises the keychain banner when adding fails on the keychain", async () => {
    const { backend } = fakeBackend({
      add: async () => ({ status: "error", error: problem("keychain_locked", "locked") }),
    });
    const s = new AppStore(backend);
    await s.add("x", null, "ghp_secret");
    expect(s.keychainError?.code).toBe("keychain_locked");
  });

  it("reports a failed re-check and replaces the row on success", async () => {
    const { backend } = fakeBackend({ tokens: [token({ name: "a", id: "a" })] });
    const s = new AppStore(backend);
    await s.load();
    await s.recheck("a");
    expect(s.tokens[0].last_checked).not.toBeNull();
    await s.recheck("missing");
    expect(s.notice).toMatchObject({ tone: "error", text: errorPayload("not_found", { name: "missing" }).message });
    expect(s.checking).toEqual([]);
  });

  it("forgets only after confirmation, and closes its details", async () => {
    const { backend } = fakeBackend({ tokens: [token({ name: "a", id: "a" })] });
    const s = new AppStore(backend);
    await s.load();
    s.selectedId = "a";
    s.askForget(s.tokens[0]);
    expect(backend.forgetToken).not.toHaveBeenCalled();
    await s.confirmForget();
    expect(backend.forgetToken).toHaveBeenCalledWith("a");
    expect(s.tokens).toEqual([]);
    expect(s.selected).toBeNull();
  });

  it("tells Rust the new language and reloads the list in it", async () => {
    const { backend } = fakeBackend();
    const s = new AppStore(backend);
    await s.setLang("fr");
    expect(backend.setLang).toHaveBeenCalledWith("fr");
    expect(backend.listTokens).toHaveBeenCalledTimes(1);
    expect(s.t("header.add")).toBe("Ajouter un jeton");
  });
});

describe("the clock behind 'checked 5 min ago'", () => {
  it("ticks while the window is shown, runs no timer while it is hidden, and catches up when shown", () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T10:00:00Z") });
    let state: DocumentVisibilityState = "visible";
    const doc = new EventTarget() as unknown as Document;
    Object.defineProperty(doc, "visibilityState", { get: () => state });
    const s = new AppStore(fakeBackend().backend);
    const stop = s.startClock(30_000, doc);
    vi.advanceTimersByTime(30_000);
    expect(s.now.toISOString()).toBe("2026-12-02T10:00:30.000Z");

    state = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(600_000);
    expect(s.now.toISOString()).toBe("2026-12-02T10:00:30.000Z");

    state = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(s.now.toISOString()).toBe("2026-12-02T10:10:30.000Z");
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
