import { afterEach, describe, expect, it, vi } from "vitest";
import { reportFirstPaint } from "./firstPaint";

describe("reportFirstPaint", () => {
  afterEach(() => vi.useRealTimers());

  it("tells Rust only after the next frame is painted", () => {
    vi.useFakeTimers();
    const firstPaint = vi.fn(async () => {});
    const frames: (() => void)[] = [];
    reportFirstPaint({ firstPaint }, (cb) => frames.push(cb));
    vi.runAllTimers();
    expect(firstPaint).not.toHaveBeenCalled();
    frames.forEach((f) => f());
    expect(firstPaint).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(firstPaint).toHaveBeenCalledTimes(1);
  });

  it("ignores a Rust that cannot be told", async () => {
    vi.useFakeTimers();
    const firstPaint = vi.fn(async () => {
      throw new Error("no IPC");
    });
    reportFirstPaint({ firstPaint }, (cb) => cb());
    vi.runAllTimers();
    await Promise.resolve();
    expect(firstPaint).toHaveBeenCalledTimes(1);
  });
});
