import { describe, expect, it } from "vitest";
import { langFromLocale, messages, plural, translate } from "./i18n";

describe("i18n", () => {
  it("has every English key in French, none empty", () => {
    const en = Object.keys(messages.en).sort();
    expect(Object.keys(messages.fr).sort()).toEqual(en);
    for (const lang of ["en", "fr"] as const)
      for (const [k, v] of Object.entries(messages[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe("");
  });

  it("uses the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(messages.en) as (keyof typeof messages.en)[])
      expect(vars(messages.fr[k]), k).toEqual(vars(messages.en[k]));
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(translate("en", "forget.title", { name: "CI" })).toBe("Forget “CI”?");
    expect(translate("en", "forget.title")).toBe("Forget “{name}”?");
  });

  it("follows each language's plural rule", () => {
    expect(plural("en", "summary.tokens", 0)).toBe("0 tokens");
    expect(plural("fr", "summary.tokens", 0)).toBe("0 jeton");
    expect(plural("fr", "summary.tokens", 1)).toBe("1 jeton");
    expect(plural("fr", "summary.tokens", 2)).toBe("2 jetons");
  });

  it("picks French for French locales only", () => {
    expect(langFromLocale("fr-CA")).toBe("fr");
    expect(langFromLocale("FR")).toBe("fr");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});
