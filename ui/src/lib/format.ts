// Pure presentation helpers: labels, colours and times. No DOM, no state.

import type { Lang, TokenKind, TokenStatus, TokenView } from "./bindings";
import { once, plural, translate } from "./i18n";

export type Tone = "ok" | "warn" | "danger" | "neutral";

/** What the days-left figure needs of a token; how close its end is, is core's `urgency`. */
export type Expiry = Pick<TokenView, "days_left" | "status" | "urgency" | "never_expires">;

/** GitHub no longer accepts it: expired, or revoked (refused before its expiry). */
export function isDead(t: Pick<TokenView, "status">): boolean {
  return t.status === "expired" || t.status === "invalid";
}

/**
 * Colour of the days-left figure, from core's urgency (no thresholds here): red once
 * urgent or over, amber soon, green otherwise; grey for a revoked token (its days no
 * longer count) or an unknown expiry; "never" for a token with no expiry.
 */
export function daysTone(t: Expiry): Tone | "never" {
  if (t.status === "invalid") return "neutral";
  if (t.never_expires) return "never";
  if (t.urgency === "over" || t.urgency === "urgent" || t.status === "expired") return "danger";
  if (t.urgency === "soon") return "warn";
  return t.days_left === null ? "neutral" : "ok";
}

/** "12 days left", "expires tomorrow", "expired 3 days ago", "no expiry", "no longer valid". */
export function daysLabel(lang: Lang, t: Expiry): string {
  if (t.status === "invalid") return translate(lang, "days.revoked");
  if (t.never_expires) return translate(lang, "days.never");
  const d = t.days_left;
  if (d === null) return translate(lang, t.status === "expired" ? "days.expired" : "days.unknown");
  if (d === -1) return translate(lang, "days.yesterday");
  if (d < 0) return plural(lang, "days.ago", -d);
  if (d === 0) return translate(lang, t.status === "expired" ? "days.expired" : "days.today");
  if (d === 1) return translate(lang, "days.tomorrow");
  return plural(lang, "days.left", d);
}

/**
 * Whole minutes left (rounded up) of a token meant to live an hour, an app's
 * installation token: the dashboard counts them down. Null for any other token, or
 * once it is over.
 */
export function minutesLeft(t: Pick<TokenView, "kind" | "expires_at" | "status">, now: Date): number | null {
  if (t.kind !== "app_installation" || !t.expires_at || isDead(t)) return null;
  const ms = Date.parse(t.expires_at) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60_000) : null;
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

/** "checked 5 min ago", or with `"last"` "last checked 5 min ago"; "never checked". */
export function checkedLabel(lang: Lang, iso: string | null, now: Date, form: "ago" | "last" = "ago"): string {
  const ago = relativeTime(lang, iso, now);
  return ago === null ? translate(lang, "checked.never") : translate(lang, `checked.${form}`, { ago });
}

/** A date and time in the user's time zone, e.g. "12 March 2026, 14:05". */
export function formatDateTime(lang: Lang, iso: string | null, timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return dateFormat(`${lang}|long|${timeZone ?? ""}`).format(d);
}

/** A short date in the user's time zone, e.g. "12 Mar 2026". */
export function formatDate(lang: Lang, iso: string | null, timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return dateFormat(`${lang}|medium|${timeZone ?? ""}`).format(d);
}

/** `lang|style|timeZone` ("long" adds the time; no time zone: the user's). */
const dateFormat = once((key) => {
  const [lang, style, timeZone] = key.split("|");
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: style === "long" ? "long" : "medium",
    timeStyle: style === "long" ? "short" : undefined,
    timeZone: timeZone || undefined,
  });
});

const timeFormat = once((key) => {
  const [lang, timeZone] = key.split("|");
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { timeStyle: "short", timeZone: timeZone || undefined });
});

/**
 * What the list says under the days left: the expiry's date, or for an app's
 * installation token (it lives an hour) the time it ends, e.g. "14:05".
 */
export function expiryLabel(lang: Lang, t: Pick<TokenView, "kind" | "expires_at">, timeZone?: string): string | null {
  if (t.kind !== "app_installation" || !t.expires_at) return formatDate(lang, t.expires_at, timeZone);
  const d = new Date(t.expires_at);
  return Number.isNaN(d.getTime()) ? null : timeFormat(`${lang}|${timeZone ?? ""}`).format(d);
}

/** A host as core gives it, for display: `https://github.com/` → `github.com`. */
export function hostLabel(host: string): string {
  return host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/**
 * What a form sends as `host`: what was typed, trimmed, or null when nothing was (the
 * default host). Core decides what it names (github.com, `www.github.com`, case).
 */
export function hostFromInput(input: string): string | null {
  const h = input.trim();
  return h === "" ? null : h;
}

export function tokenName(lang: Lang, t: TokenView): string {
  return t.name?.trim() || translate(lang, "name.unnamed");
}


/** "Checking 3 of 7…" while a re-check of every token runs. */
export function recheckProgressLabel(lang: Lang, run: { done: number; total: number }): string {
  return translate(lang, "recheck.progress", { done: run.done, total: run.total });
}

/**
 * "8 checked · 3 could not be checked · 4 need attention" once every token was re-checked:
 * a token GitHub did not answer for is not counted as checked.
 */
export function recheckSummary(lang: Lang, views: readonly TokenView[]): string {
  const unchecked = views.filter((t) => t.unreachable).length;
  const attention = views.filter((t) => t.needs_attention).length;
  const parts = [plural(lang, "recheck.checked", views.length - unchecked)];
  if (unchecked > 0) parts.push(plural(lang, "recheck.unchecked", unchecked));
  parts.push(attention > 0 ? plural(lang, "summary.attention", attention) : translate(lang, "summary.allGood"));
  return parts.join(" · ");
}

/** "Read-only", "Read and write", "Admin"; a level Jeton does not know is shown as is. */
export function levelLabel(lang: Lang, level: string): string {
  const l = level.trim().toLowerCase();
  return l === "read" || l === "write" || l === "admin" ? translate(lang, `level.${l}`) : level;
}

/**
 * The drawer's sentence for a token's state, true to what Jeton knows: when it expired,
 * that a refused token was revoked (it had not expired), that its secret is missing.
 * Rust's own sentence is used where it says more (SSO, rate limit, a malformed token).
 */
export function stateSentence(lang: Lang, t: TokenView): string {
  if (t.secret_missing) return translate(lang, "missing.explain");
  const date = formatDate(lang, t.expires_at);
  const rust = t.unreachable ? null : (t.error?.message ?? null);
  switch (t.status) {
    case "valid":
      if (t.never_expires) return translate(lang, "state.never");
      if (t.kind === "app_installation" && t.expires_at) return translate(lang, "state.installation", { time: expiryLabel(lang, t) ?? "" });
      return date ? translate(lang, "state.validUntil", { date }) : translate(lang, "state.valid");
    case "expiring":
      return date ? translate(lang, "state.expiring", { date }) : translate(lang, "state.valid");
    case "expired":
      return date ? translate(lang, "state.expired", { date }) : translate(lang, "state.expiredUndated");
    case "invalid":
      if (!t.well_formed && rust) return rust;
      return date ? translate(lang, "state.revoked", { date }) : translate(lang, "state.revokedUndated");
    case "sso_required":
    case "unreachable":
    case "rate_limited":
    case "unknown":
      return rust ?? translate(lang, `state.${t.status}`);
  }
}

export type Fix = "provide" | "sso" | "renew" | "create" | "recheck";

/**
 * The action that fixes a token's state, for the drawer to put first: provide a missing
 * secret, authorize SSO, renew (expired or expiring), create a new one (revoked),
 * re-check (GitHub unreachable, limited, or never asked), or none when all is well.
 */
export function fixFor(t: TokenView): Fix | null {
  if (t.secret_missing) return "provide";
  switch (t.status) {
    case "sso_required":
      return t.sso_url ? "sso" : "recheck";
    case "expired":
    case "expiring":
      return "renew";
    case "invalid":
      return t.well_formed ? "create" : null;
    case "unreachable":
    case "rate_limited":
    case "unknown":
      return "recheck";
    case "valid":
      return t.unreachable ? "recheck" : null;
  }
}
