import { describe, expect, it } from "vitest";
import {
  checkedLabel,
  daysLabel,
  daysTone,
  fixFor,
  formatDate,
  hostFromInput,
  hostLabel,
  kindLabel,
  levelLabel,
  recheckProgressLabel,
  recheckSummary,
  relativeTime,
  statusLabel,
  stateSentence,
  statusTone,
} from "./format";
import type { TokenView } from "./backend";
import { problem, token } from "../test/fakeBackend";

describe("daysTone", () => {
  // The colour follows core's urgency; the UI holds no day thresholds of its own.
  it.each([
    ["none", 90, "ok"],
    ["soon", 14, "warn"],
    ["urgent", 6, "danger"],
    ["over", -2, "danger"],
  ] as const)("urgency %s → %s", (urgency, days_left, tone) => {
    expect(daysTone(token({ name: "t", days_left, urgency }))).toBe(tone);
  });

  it("is red when the status says expired, grey for a revoked token, its own look when it never expires", () => {
    expect(daysTone(token({ name: "t", status: "expired", days_left: null, urgency: "none" }))).toBe("danger");
    expect(daysTone(token({ name: "t", status: "invalid", days_left: null }))).toBe("neutral");
    expect(daysTone(token({ name: "t", days_left: null, never_expires: true }))).toBe("never");
    expect(daysTone(token({ name: "t", status: "unknown", days_left: null }))).toBe("neutral");
  });
});

describe("daysLabel", () => {
  const days = (lang: "en" | "fr", days_left: number | null, more: Omit<Partial<TokenView>, "name"> = {}) =>
    daysLabel(lang, token({ name: "t", days_left, ...more }));

  it("speaks English, counting calendar days as core does", () => {
    expect(days("en", 2)).toBe("2 days left");
    expect(days("en", 12)).toBe("12 days left");
    expect(days("en", 1)).toBe("expires tomorrow");
    expect(days("en", 0)).toBe("expires today");
    expect(days("en", -1)).toBe("expired yesterday");
    expect(days("en", -5)).toBe("expired 5 days ago");
    expect(days("en", null, { status: "expired" })).toBe("expired");
  });

  it("says a token with no expiry has none, and a revoked token has no days left", () => {
    expect(days("en", null, { never_expires: true })).toBe("no expiry");
    expect(days("fr", null, { never_expires: true })).toBe("sans expiration");
    // Core sends no days for a revoked token; even a stale count is not shown.
    expect(days("en", null, { status: "invalid" })).toBe("no longer valid");
    expect(days("en", 181, { status: "invalid" })).toBe("no longer valid");
    expect(days("en", null, { status: "unknown" })).toBe("expiry unknown");
  });

  it("speaks French with French plurals", () => {
    expect(days("fr", 1)).toBe("expire demain");
    expect(days("fr", 2)).toBe("2 jours restants");
    expect(days("fr", -3)).toBe("expiré depuis 3 jours");
  });
});

describe("stateSentence", () => {
  const date = "2026-03-12T10:00:00Z";
  it("gives each state its own true sentence", () => {
    const s = (more: Omit<Partial<TokenView>, "name">) => stateSentence("en", token({ name: "t", expires_at: date, ...more }));
    expect(s({ status: "expired", days_left: -3 })).toMatch(/^This token expired on 12 Mar 2026\. GitHub no longer accepts it/);
    expect(s({ status: "invalid", days_left: null })).toMatch(
      /^GitHub refused this token although it was valid until 12 Mar 2026: it was revoked or deleted\. Create a new one/,
    );
    expect(s({ status: "invalid", expires_at: null, days_left: null })).toMatch(/^GitHub refused this token: it was revoked/);
    expect(s({ status: "valid", expires_at: null, days_left: null, never_expires: true })).toMatch(/has no expiry date/);
    expect(s({ status: "expiring", days_left: 3 })).toBe("This token expires on 12 Mar 2026. Renew it before then.");
    expect(s({ secret_missing: true })).toMatch(/secret is no longer in your system keychain.*Provide the secret/);
    expect(s({ secret_missing: true })).not.toMatch(/GitHub accepts/);
  });

  it("keeps Rust's sentence where it says more", () => {
    const error = problem("rate_limited", "GitHub's rate limit is reached. Try again in about 12 minute(s).");
    expect(stateSentence("en", token({ name: "t", status: "rate_limited", error }))).toBe(error.message);
    const malformed = problem("token_malformed", "This is not a valid GitHub token: its checksum does not match.");
    expect(stateSentence("en", token({ name: "t", status: "invalid", well_formed: false, error: malformed }))).toBe(malformed.message);
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

  it("sends what was typed, trimmed, or null when nothing was; core decides what it names", () => {
    expect(hostFromInput("")).toBeNull();
    expect(hostFromInput("   ")).toBeNull();
    expect(hostFromInput(" ghe.example.com ")).toBe("ghe.example.com");
    expect(hostFromInput("www.github.com")).toBe("www.github.com");
    expect(hostFromInput("HTTPS://GitHub.com/")).toBe("HTTPS://GitHub.com/");
  });
});

describe("re-check all labels", () => {
  it("counts progress", () => {
    expect(recheckProgressLabel("en", { done: 3, total: 7 })).toBe("Checking 3 of 7…");
    expect(recheckProgressLabel("fr", { done: 3, total: 7 })).toBe("Vérification 3 sur 7…");
  });

  it("says how many could not be checked: they are not counted as checked", () => {
    const views = [
      token({ name: "a", unreachable: true, status: "expiring", days_left: 1 }),
      token({ name: "b", unreachable: true }),
      token({ name: "c" }),
    ];
    expect(recheckSummary("en", views)).toBe("1 checked · 2 could not be checked · 1 needs attention");
    expect(recheckSummary("fr", views)).toBe("1 vérifié · 2 n’ont pas pu être vérifiés · 1 demande votre attention");
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
    ["invalid", null, "create"],
    ["expiring", null, "renew"],
    ["unreachable", null, "recheck"],
    ["rate_limited", null, "recheck"],
    ["unknown", null, "recheck"],
    ["valid", null, null],
  ] as const)("%s (sso %s) → %s", (status, sso_url, fix) => {
    expect(fixFor(token({ name: "t", status, sso_url }))).toBe(fix);
  });

  it("asks for the secret first when it is missing, and a re-check when GitHub was not reached", () => {
    expect(fixFor(token({ name: "t", status: "valid", secret_missing: true }))).toBe("provide");
    expect(fixFor(token({ name: "t", status: "valid", unreachable: true }))).toBe("recheck");
  });
});
