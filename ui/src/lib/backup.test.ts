import { afterEach, describe, expect, it, vi } from "vitest";
import { readTextFile, saveTextFile } from "./backup";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("saveTextFile", () => {
  it("clicks a download link to a JSON blob, then lets the URL go", async () => {
    vi.useFakeTimers();
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return "blob:jeton/1";
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    saveTextFile("jeton-metadata.json", '{"tokens":[]}');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe("jeton-metadata.json");
    expect(clicked[0].href).toBe("blob:jeton/1");
    expect(clicked[0].isConnected).toBe(false);
    expect(blob!.type).toBe("application/json");
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:jeton/1");
    vi.useRealTimers(); // jsdom's FileReader runs on timers
    expect(await readTextFile(blob!)).toBe('{"tokens":[]}');
  });
});

describe("readTextFile", () => {
  it("reads a picked file", async () => {
    expect(await readTextFile(new File(['{"a":1}'], "x.json"))).toBe('{"a":1}');
  });
});
