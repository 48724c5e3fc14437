// The UI's strings in English and French (messages-en.ts, messages-fr.ts), filled and
// pluralized. Error messages are not here: they come already translated from Rust.

import type { Lang } from "./bindings";
import { en } from "./messages-en";
import { fr } from "./messages-fr";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const messages: Record<Lang, Messages> = { en, fr };
export const LANGS: readonly Lang[] = ["en", "fr"];

export type Vars = Record<string, string | number>;

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

/** The sentence for `key` in `lang`, with `{var}` placeholders filled. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fill(messages[lang][key], vars);
}

type PluralBase<K> = K extends `${infer B}_one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

/**
 * `make(key)`, built once per key. Intl objects are slow to build, and a list of 1,000 rows
 * formats thousands of dates and counts (bench/dashboard.mjs).
 */
export function once<V>(make: (key: string) => V): (key: string) => V {
  const made = new Map<string, V>();
  return (key) => {
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = make(key)));
    return v;
  };
}

const pluralRules = once((lang) => new Intl.PluralRules(lang));

/** Picks `key_one` or `key_other` by the language's plural rule; `{n}` is filled. */
export function plural(lang: Lang, key: PluralKey, n: number, vars?: Vars): string {
  const form = pluralRules(lang).select(n) === "one" ? "one" : "other";
  return translate(lang, `${key}_${form}` as MessageKey, { n, ...vars });
}

/** A language from a system locale such as `fr-CA`; English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}
