import { afterEach, describe, expect, it, vi } from "vitest";
import { AppStore } from "./store.svelte";
import { fakeBackend, token, problem } from "../test/fakeBackend";

afterEach(() => {
  vi.restoreAllMocks();
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("vault health", () => {
  it("loads after appInfo at start, with read-only, recovered and missing", async () => {
    const { backend } = fakeBackend({
      tokens: [token({ name: "a", id: "a" })],
      health: {
        read_only: problem("metadata_corrupt", "cannot be read"),
        recovered: ["r1"],
        missing: [{ id: "a", name: "a" }],
      },
    });
    const s = new AppStore(backend);
    await s.init();
    expect(backend.appInfo.mock.invocationCallOrder[0]).toBeLessThan(backend.vaultHealth.mock.invocationCallOrder[0]);
    expect(s.vault.readOnly?.message).toBe("cannot be read");
    expect(s.vault.recovered).toEqual(["r1"]);
    expect(s.vault.health?.missing).toEqual([{ id: "a", name: "a" }]);
  });

  it("feeds the keychain banner from the health too", async () => {
    const { backend } = fakeBackend({ health: { keychain: problem("keychain_unavailable", "no keychain") } });
    const s = new AppStore(backend);
    await s.init();
    expect(s.keychainError).toBeNull();
    expect(s.keychainProblem?.message).toBe("no keychain");
  });

  it("asks again after an add and after a forget", async () => {
    const { backend } = fakeBackend({ tokens: [token({ name: "a", id: "a" })] });
    const s = new AppStore(backend);
    await s.init();
    await s.add("b", null, "ghp_secret");
    await flush();
    expect(backend.vaultHealth).toHaveBeenCalledTimes(2);
    s.askForget(s.tokens[0]);
    await s.confirmForget();
    await flush();
    expect(backend.vaultHealth).toHaveBeenCalledTimes(3);
  });

  it("keeps the last answer when a newer one came first", async () => {
    const { backend, health } = fakeBackend();
    let release!: () => void;
    backend.vaultHealth.mockImplementationOnce(async () => {
      await new Promise<void>((r) => (release = r));
      return { status: "ok", data: { ...health, recovered: ["old"] } };
    });
    const s = new AppStore(backend);
    const slow = s.vault.load();
    health.recovered = ["new"];
    await s.vault.load();
    release();
    await slow;
    expect(s.vault.recovered).toEqual(["new"]);
  });
});

describe("recovered secrets", () => {
  it("names one: the token appears, highlighted, and leaves the section", async () => {
    const { backend } = fakeBackend({ health: { recovered: ["r1", "r2"] } });
    const s = new AppStore(backend);
    await s.init();
    const r = await s.vault.adopt("r1", "Laptop", "https://ghe.example.com");
    expect(r.status).toBe("ok");
    expect(backend.adoptRecovered).toHaveBeenCalledWith("r1", "Laptop", "https://ghe.example.com");
    expect(s.tokens.map((t) => t.name)).toEqual(["Laptop"]);
    expect(s.highlightId).toBe("r1");
    expect(s.vault.recovered).toEqual(["r2"]);
    expect(s.notice?.text).toBe("“Laptop” was added from your keychain.");
    s.dispose();
  });

  it("returns GitHub's refusal for the dialog to show", async () => {
    const { backend } = fakeBackend({
      health: { recovered: ["r1"] },
      adopt: async () => ({ status: "error", error: problem("token_invalid", "GitHub rejects this token.") }),
    });
    const s = new AppStore(backend);
    await s.init();
    const r = await s.vault.adopt("r1", "x", null);
    expect(r).toEqual({ status: "error", error: problem("token_invalid", "GitHub rejects this token.") });
    expect(s.vault.recovered).toEqual(["r1"]);
    expect(s.tokens).toEqual([]);
  });

  it("deletes one only after confirmation", async () => {
    const { backend } = fakeBackend({ health: { recovered: ["r1"] } });
    const s = new AppStore(backend);
    await s.init();
    s.vault.deleteTarget = "r1";
    expect(backend.deleteRecovered).not.toHaveBeenCalled();
    await s.vault.confirmDelete();
    expect(backend.deleteRecovered).toHaveBeenCalledWith("r1");
    expect(s.vault.recovered).toEqual([]);
    expect(s.vault.deleteTarget).toBeNull();
  });
});

describe("export and import", () => {
  it("says where the export was saved and that the file holds no secret", async () => {
    const { backend } = fakeBackend({ tokens: [token({ name: "a" })] });
    const s = new AppStore(backend);
    await s.vault.exportMetadata();
    expect(backend.exportBackup).toHaveBeenCalledTimes(1);
    expect(s.notice?.text).toMatch(/Saved \/home\/me\/jeton-metadata.json\. Secrets stay in your keychain; this file holds none/);
  });

  it("says nothing when the save dialog was cancelled", async () => {
    const { backend } = fakeBackend();
    backend.exportBackup.mockResolvedValueOnce({ status: "ok", data: null });
    const s = new AppStore(backend);
    await s.vault.exportMetadata();
    expect(s.notice).toBeNull();
  });

  it("reports a failed export", async () => {
    const { backend } = fakeBackend();
    backend.exportBackup.mockResolvedValueOnce({ status: "error", error: problem("storage", "disk") });
    const s = new AppStore(backend);
    await s.vault.exportMetadata();
    expect(s.notice).toMatchObject({ tone: "error", text: "disk" });
  });

  it("imports a file, keeps the summary and reloads list and health", async () => {
    const summary = { added: ["a"], already_present: [], renamed: [], without_secret: ["a"], to_confirm: [] };
    const { backend } = fakeBackend({ importSummary: summary });
    const s = new AppStore(backend);
    await s.vault.importFile(new Blob(['{"tokens":[]}']));
    expect(backend.importBackup).toHaveBeenCalledWith('{"tokens":[]}');
    expect(s.vault.importSummary).toEqual(summary);
    expect(backend.listTokens).toHaveBeenCalledTimes(1);
    expect(backend.vaultHealth).toHaveBeenCalledTimes(1);
  });

  it("shows Rust's reason when the file is refused", async () => {
    const { backend } = fakeBackend();
    backend.importBackup.mockResolvedValueOnce({
      status: "error",
      error: problem("import_invalid", "This file is not a Jeton export."),
    });
    const s = new AppStore(backend);
    await s.vault.importMetadata("nope");
    expect(s.vault.importSummary).toBeNull();
    expect(s.notice).toMatchObject({ tone: "error", text: "This file is not a Jeton export." });
  });
});
