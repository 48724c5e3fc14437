// Pure presentation helpers: labels, colours and times. No DOM, no state.

import type { Lang, TokenKind, TokenStatus, TokenView } from "./bindings";
import { plural, translate } from "./i18n";

export type Tone = "ok" | "warn" | "danger" | "neutral";

/** Colour of the days-left figure: green > 14, amber ≤ 14, red ≤ 3 or expired; grey when
 * GitHub no longer accepts the token (its days left no longer matter). */
export function daysTone(daysLeft: number | null, status?: TokenStatus): Tone {
  if (status === "expired") return "danger";
  if (status === "invalid") return "neutral";
  if (daysLeft === null) return "neutral";
  if (daysLeft <= 3) return "danger";
  if (daysLeft <= 14) return "warn";
  return "ok";
}

export function daysLabel(lang: Lang, daysLeft: number | null, status?: TokenStatus): string {
  if (daysLeft === null) return translate(lang, status === "expired" ? "days.expired" : "days.never");
  if (daysLeft < 0) return plural(lang, "days.ago", -daysLeft);
  if (daysLeft === 0) return translate(lang, status === "expired" ? "days.expired" : "days.today");
  return plural(lang, "days.left", daysLeft);
}

/** Colour of the status badge. */
export function statusTone(status: TokenStatus): Tone {
  switch (status) {
    case "valid":
      return "ok";
    case "expiring":
    case "sso_required":
    case "rate_limited":
      return "warn";
    case "expired":
    case "invalid":
      return "danger";
    case "unreachable":
    case "unknown":
      return "neutral";
  }
}

export function statusLabel(lang: Lang, status: TokenStatus): string {
  return translate(lang, `status.${status}`);
}

export function kindLabel(lang: Lang, kind: TokenKind | null): string {
  return translate(lang, kind ? `kind.${kind}` : "kind.unknown");
}

/** "just now", "5 min ago", "3 h ago", "2 days ago" (and their French forms). */
export function relativeTime(lang: Lang, iso: string | null, now: Date): string | null {
  if (!iso) return null;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const minutes = Math.floor((now.getTime() - then) / 60_000);
  if (minutes < 1) return translate(lang, "ago.now");
  if (minutes < 60) return translate(lang, "ago.min", { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return translate(lang, "ago.hour", { n: hours });
  return plural(lang, "ago.day", Math.floor(hours / 24));
}

export function checkedLabel(lang: Lang, iso: string | null, now: Date): string {
  const ago = relativeTime(lang, iso, now);
  return ago === null ? translate(lang, "checked.never") : translate(lang, "checked.ago", { ago });
}

/** A date and time in the user's time zone, e.g. "12 March 2026, 14:05". */
export function formatDateTime(lang: Lang, iso: string | null, timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(d);
}

/** A short date in the user's time zone, e.g. "12 Mar 2026". */
export function formatDate(lang: Lang, iso: string | null, timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone }).format(d);
}

/** `https://github.com/` → `github.com`. */
export function hostLabel(host: string): string {
  return host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/**
 * What the add form sends as `host`: null for github.com (or empty), else a web URL.
 * A bare name gets `https://`; Rust validates and normalizes the rest.
 */
export function hostForBackend(input: string): string | null {
  const h = input.trim().replace(/\/+$/, "");
  if (h === "") return null;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(h) ? h : `https://${h}`;
  return /^https:\/\/(www\.)?github\.com$/i.test(url) ? null : url;
}

export function tokenName(lang: Lang, t: TokenView): string {
  return t.name?.trim() || translate(lang, "name.unnamed");
}


/** "Checking 3 of 7…" while a re-check of every token runs. */
export function recheckProgressLabel(lang: Lang, run: { done: number; total: number }): string {
  return translate(lang, "recheck.progress", { done: run.done, total: run.total });
}

/** "7 checked · 2 need attention" (or "· all good") once every token was re-checked. */
export function recheckSummary(lang: Lang, views: readonly TokenView[]): string {
  const attention = views.filter((t) => t.needs_attention).length;
  const tail = attention > 0 ? plural(lang, "summary.attention", attention) : translate(lang, "summary.allGood");
  return `${plural(lang, "recheck.checked", views.length)} · ${tail}`;
}

/** "Read-only", "Read and write", "Admin"; a level Jeton does not know is shown as is. */
export function levelLabel(lang: Lang, level: string): string {
  const l = level.trim().toLowerCase();
  return l === "read" || l === "write" || l === "admin" ? translate(lang, `level.${l}`) : level;
}

/**
 * The action that fixes a token's state, for the drawer to put first: authorize SSO,
 * renew (expired, revoked or expiring), re-check (GitHub unreachable, limited, or never
 * asked), or none when all is well.
 */
export function fixFor(t: TokenView): "sso" | "renew" | "recheck" | null {
  switch (t.status) {
    case "sso_required":
      return t.sso_url ? "sso" : "recheck";
    case "expired":
    case "invalid":
    case "expiring":
      return "renew";
    case "unreachable":
    case "rate_limited":
    case "unknown":
      return "recheck";
    case "valid":
      return null;
  }
}
