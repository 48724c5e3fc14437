import { describe, expect, it } from "vitest";
import {
  checkedLabel,
  daysLabel,
  daysTone,
  fixFor,
  formatDate,
  hostForBackend,
  hostLabel,
  kindLabel,
  levelLabel,
  recheckProgressLabel,
  recheckSummary,
  relativeTime,
  statusLabel,
  statusTone,
} from "./format";
import { token } from "../test/fakeBackend";

describe("daysTone", () => {
  it.each([
    [90, "ok"],
    [15, "ok"],
    [14, "warn"],
    [4, "warn"],
    [3, "danger"],
    [0, "danger"],
    [-2, "danger"],
    [null, "neutral"],
  ] as const)("%s days → %s", (days, tone) => {
    expect(daysTone(days)).toBe(tone);
  });

  it("is red when the status says expired, whatever the days", () => {
    expect(daysTone(null, "expired")).toBe("danger");
    expect(daysTone(40, "expired")).toBe("danger");
  });
});

describe("daysLabel", () => {
  it("speaks English", () => {
    expect(daysLabel("en", 1)).toBe("1 day left");
    expect(daysLabel("en", 12)).toBe("12 days left");
    expect(daysLabel("en", 0)).toBe("expires today");
    expect(daysLabel("en", -1)).toBe("expired 1 day ago");
    expect(daysLabel("en", -5)).toBe("expired 5 days ago");
    expect(daysLabel("en", null)).toBe("never expires");
    expect(daysLabel("en", null, "expired")).toBe("expired");
  });

  it("speaks French with French plurals", () => {
    expect(daysLabel("fr", 1)).toBe("1 jour restant");
    expect(daysLabel("fr", 2)).toBe("2 jours restants");
    expect(daysLabel("fr", -3)).toBe("expiré depuis 3 jours");
    expect(daysLabel("fr", null)).toBe("n’expire jamais");
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it.each([
    ["2026-03-10T11:59:40Z", "just now", "à l’instant"],
    ["2026-03-10T11:55:00Z", "5 min ago", "il y a 5 min"],
    ["2026-03-10T09:00:00Z", "3 h ago", "il y a 3 h"],
    ["2026-03-09T11:00:00Z", "1 day ago", "il y a 1 jour"],
    ["2026-03-01T12:00:00Z", "9 days ago", "il y a 9 jours"],
  ])("%s", (iso, en, fr) => {
    expect(relativeTime("en", iso, now)).toBe(en);
    expect(relativeTime("fr", iso, now)).toBe(fr);
  });

  it("copes with nothing and with garbage", () => {
    expect(relativeTime("en", null, now)).toBeNull();
    expect(relativeTime("en", "yesterday", now)).toBeNull();
    expect(checkedLabel("en", null, now)).toBe("never checked");
    expect(checkedLabel("en", "2026-03-10T11:55:00Z", now)).toBe("checked 5 min ago");
    expect(checkedLabel("fr", "2026-03-10T11:55:00Z", now)).toBe("vérifié il y a 5 min");
  });

  it("treats a check slightly in the future (clock skew) as just now", () => {
    expect(relativeTime("en", "2026-03-10T12:00:30Z", now)).toBe("just now");
  });
});

describe("labels", () => {
  it("names every kind", () => {
    expect(kindLabel("en", "classic")).toBe("Classic");
    expect(kindLabel("en", "fine_grained")).toBe("Fine-grained");
    expect(kindLabel("en", "oauth")).toBe("OAuth");
    expect(kindLabel("en", "app_user")).toBe("App user");
    expect(kindLabel("en", "app_installation")).toBe("App installation");
    expect(kindLabel("en", "app_refresh")).toBe("App refresh");
    expect(kindLabel("en", "legacy")).toBe("Legacy");
    expect(kindLabel("en", null)).toBe("Unknown kind");
    expect(kindLabel("fr", "fine_grained")).toBe("Granularité fine");
  });

  it("names every status and colours it", () => {
    expect(statusLabel("en", "invalid")).toBe("Revoked/invalid");
    expect(statusLabel("en", "sso_required")).toBe("SSO required");
    expect(statusLabel("fr", "valid")).toBe("Valide");
    expect(statusTone("valid")).toBe("ok");
    expect(statusTone("expiring")).toBe("warn");
    expect(statusTone("invalid")).toBe("danger");
    expect(statusTone("unreachable")).toBe("neutral");
  });

  it("formats a date in the language asked", () => {
    expect(formatDate("en", "2026-03-12T10:00:00Z", "UTC")).toBe("12 Mar 2026");
    expect(formatDate("fr", "2026-03-12T10:00:00Z", "UTC")).toBe("12 mars 2026");
    expect(formatDate("en", null)).toBeNull();
  });
});

describe("hosts", () => {
  it("shows a host without its scheme", () => {
    expect(hostLabel("https://github.com")).toBe("github.com");
    expect(hostLabel("https://ghe.example.com/")).toBe("ghe.example.com");
    expect(hostLabel("http://127.0.0.1:8080")).toBe("127.0.0.1:8080");
  });

  it("sends null for github.com and a URL for other hosts", () => {
    expect(hostForBackend("")).toBeNull();
    expect(hostForBackend("   ")).toBeNull();
    expect(hostForBackend("github.com")).toBeNull();
    expect(hostForBackend("https://github.com/")).toBeNull();
    expect(hostForBackend("ghe.example.com")).toBe("https://ghe.example.com");
    expect(hostForBackend(" https://ghe.example.com/ ")).toBe("https://ghe.example.com");
    expect(hostForBackend("http://127.0.0.1:9000")).toBe("http://127.0.0.1:9000");
  });
});

describe("re-check all labels", () => {
  it("counts progress", () => {
    expect(recheckProgressLabel("en", { done: 3, total: 7 })).toBe("Checking 3 of 7…");
    expect(recheckProgressLabel("fr", { done: 3, total: 7 })).toBe("Vérification 3 sur 7…");
  });

  it("sums up a run: checked, then what needs attention", () => {
    const views = [
      token({ name: "a" }),
      token({ name: "b", status: "invalid" }),
      token({ name: "c", status: "expiring", days_left: 3 }),
    ];
    expect(recheckSummary("en", views)).toBe("3 checked · 2 need attention");
    expect(recheckSummary("fr", views)).toBe("3 vérifiés · 2 demandent votre attention");
    expect(recheckSummary("en", [token({ name: "a", days_left: 60 })])).toBe("1 checked · all good");
    expect(recheckSummary("fr", [token({ name: "a", days_left: 60 })])).toBe("1 vérifié · tout va bien");
  });
});

describe("levelLabel", () => {
  it("names known levels and keeps others", () => {
    expect(levelLabel("en", "read")).toBe("Read-only");
    expect(levelLabel("en", "WRITE")).toBe("Read and write");
    expect(levelLabel("fr", "admin")).toBe("Administration");
    expect(levelLabel("en", "maintain")).toBe("maintain");
  });
});

describe("fixFor", () => {
  it.each([
    ["sso_required", "https://github.com/orgs/a/sso", "sso"],
    ["sso_required", null, "recheck"],
    ["expired", null, "renew"],
    ["invalid", null, "renew"],
    ["expiring", null, "renew"],
    ["unreachable", null, "recheck"],
    ["rate_limited", null, "recheck"],
    ["unknown", null, "recheck"],
    ["valid", null, null],
  ] as const)("%s (sso %s) → %s", (status, sso_url, fix) => {
    expect(fixFor(token({ name: "t", status, sso_url }))).toBe(fix);
  });
});
