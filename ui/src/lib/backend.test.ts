import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { tauriBackend } from "./backend";
import type { RecheckProgress } from "./backend";
import { token, problem } from "../test/fakeBackend";

afterEach(() => clearMocks());

type Internals = { runCallback(id: number, data: unknown): void };
const internals = () => (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__;

describe("tauriBackend.recheckAll", () => {
  it("passes a Channel and hands each message over in order, before the command returns", async () => {
    const a = token({ name: "a", id: "a" });
    const b = token({ name: "b", id: "b" });
    const seen: string[] = [];
    mockIPC(async (cmd, args) => {
      expect(cmd).toBe("recheck_all");
      const channel = (args as { onProgress: { id: number; toJSON(): string } }).onProgress;
      expect(channel.toJSON()).toBe(`__CHANNEL__:${channel.id}`);
      // Rust's messages may arrive out of order; the Channel puts them back in order.
      internals().runCallback(channel.id, { index: 1, message: { done: 2, total: 2, token: b } });
      internals().runCallback(channel.id, { index: 0, message: { done: 1, total: 2, token: a } });
      internals().runCallback(channel.id, { index: 2, end: true });
      seen.push("returned");
      return [a, b];
    });
    const r = await tauriBackend.recheckAll((p: RecheckProgress) => seen.push(`${p.done}/${p.total} ${p.token.name}`));
    expect(r).toEqual({ status: "ok", data: [a, b] });
    expect(seen).toEqual(["1/2 a", "2/2 b", "returned"]);
  });

  it("gives Rust's error as an error result", async () => {
    mockIPC(() => {
      throw problem("keychain_locked", "locked");
    });
    expect(await tauriBackend.recheckAll(() => {})).toEqual({
      status: "error",
      error: problem("keychain_locked", "locked"),
    });
  });
});
