import { afterEach, describe, expect, it, vi } from "vitest";
import type { RecheckProgress, Result, ErrorPayload, TokenView } from "./backend";
import { AppStore } from "./store.svelte";
import { fakeBackend, ok, token, problem } from "../test/fakeBackend";

afterEach(() => {
  vi.useRealTimers();
});

/** A re-check run the test drives: send progress, then finish. */
function controlledRun() {
  let emit: ((p: RecheckProgress) => void) | null = null;
  let finish: ((r: Result<TokenView[], ErrorPayload>) => void) | null = null;
  let ready!: () => void;
  const started = new Promise<void>((r) => (ready = r));
  return {
    impl(onProgress: (p: RecheckProgress) => void) {
      emit = onProgress;
      ready();
      return new Promise<Result<TokenView[], ErrorPayload>>((r) => (finish = r));
    },
    started,
    emit: (p: RecheckProgress) => emit?.(p),
    finish: (r: Result<TokenView[], ErrorPayload>) => finish?.(r),
  };
}

const a = token({ name: "a", id: "a" });
const b = token({ name: "b", id: "b" });
const c = token({ name: "c", id: "c" });

describe("AppStore.recheckAll", () => {
  it("updates each token as its result arrives, before the command returns", async () => {
    const run = controlledRun();
    const { backend } = fakeBackend({ tokens: [a, b, c], recheckAll: (p) => run.impl(p) });
    const s = new AppStore(backend);
    await s.load();

    const done = s.recheckAll();
    await run.started;
    expect(s.recheckRun).toEqual({ done: 0, total: 3 });
    expect(s.checking).toEqual(["a", "b", "c"]);

    run.emit({ done: 1, total: 3, token: { ...b, status: "invalid", needs_attention: true } });
    expect(s.recheckRun).toEqual({ done: 1, total: 3 });
    expect(s.tokens.find((t) => t.id === "b")?.status).toBe("invalid");
    expect(s.checking).toEqual(["a", "c"]);

    run.emit({ done: 2, total: 3, token: { ...a, status: "expiring", days_left: 5, needs_attention: true } });
    expect(s.tokens.find((t) => t.id === "a")?.status).toBe("expiring");

    // A second click while it runs does nothing.
    await s.recheckAll();
    expect(backend.recheckAll).toHaveBeenCalledTimes(1);

    run.finish(ok([{ ...a, status: "expiring", days_left: 5, needs_attention: true }, { ...b, status: "invalid", needs_attention: true }, c]));
    await done;
    expect(s.recheckRun).toBeNull();
    expect(s.checking).toEqual([]);
    expect(s.notice).toMatchObject({ tone: "info", text: "3 checked · 2 need attention" });
  });

  it("ignores messages after the run ended and never brings back a forgotten token", async () => {
    const run = controlledRun();
    const { backend } = fakeBackend({ tokens: [a, b], recheckAll: (p) => run.impl(p) });
    const s = new AppStore(backend);
    await s.load();
    const done = s.recheckAll();
    await run.started;
    s.tokens = s.tokens.filter((t) => t.id !== "b"); // forgotten meanwhile
    run.emit({ done: 1, total: 2, token: b });
    expect(s.tokens.map((t) => t.id)).toEqual(["a"]);
    run.finish(ok([a, b]));
    await done;
    run.emit({ done: 2, total: 2, token: { ...a, status: "invalid", needs_attention: true } });
    expect(s.tokens.map((t) => [t.id, t.status])).toEqual([["a", "valid"]]);
    expect(s.recheckRun).toBeNull();
  });

  it("reports a failed run and stops spinning", async () => {
    const { backend } = fakeBackend({
      tokens: [a],
      recheckAll: async () => ({ status: "error", error: problem("keychain_locked", "locked") }),
    });
    const s = new AppStore(backend);
    await s.load();
    await s.recheckAll();
    expect(s.notice).toMatchObject({ tone: "error", text: "locked" });
    expect(s.recheckRun).toBeNull();
    expect(s.checking).toEqual([]);
  });

  it("turns a thrown IPC error into an error notice", async () => {
    const { backend } = fakeBackend({ tokens: [a] });
    backend.recheckAll.mockRejectedValueOnce(problem("internal", "boom"));
    const s = new AppStore(backend);
    await s.load();
    await s.recheckAll();
    expect(s.notice).toMatchObject({ tone: "error", text: "boom" });
  });
});
