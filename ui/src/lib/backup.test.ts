import { afterEach, describe, expect, it, vi } from "vitest";
import { readTextFile } from "./backup";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("readTextFile", () => {
  it("reads a picked file", async () => {
    expect(await readTextFile(new File(['{"a":1}'], "x.json"))).toBe('{"a":1}');
  });
});
