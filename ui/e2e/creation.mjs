// The creation wizard's side of the mocked back end: the permission catalogue read
// from Rust's own files (permissions.json for keys, sections and levels; the labels and
// EN/FR descriptions of permission_texts.rs), a few presets as core words them, and
// the account's organizations and repositories.

import { readFileSync } from "node:fs";

const core = new URL("../../src-tauri/core/src/github/", import.meta.url);
const generated = JSON.parse(readFileSync(new URL("permissions.json", core), "utf8"));
const texts = readFileSync(new URL("permission_texts.rs", core), "utf8");
/** `("key", "Label", "English.", "French.")` rows of permission_texts.rs. */
const rows = new Map(
  [...texts.matchAll(/\("([a-z_]+)", "([^"]*)", "([^"]*)", "([^"]*)"\)/g)].map((m) => [m[1], { label: m[2], en: m[3], fr: m[4] }]),
);

/** @param {"en" | "fr"} lang */
const permissions = (lang) =>
  generated.permissions.map((p) => ({
    key: p.key,
    section: p.section,
    levels: p.levels,
    label: rows.get(p.key)?.label ?? p.key,
    description: rows.get(p.key)?.[lang] ?? "",
  }));

const PRESETS = [
  ["clone_push", "fine_grained", "Clone and push to chosen repositories", "Cloner et pousser vers des dépôts choisis",
    "Clone, pull and push code, branches and tags in the repositories you select on GitHub's page, and nothing else.",
    "Cloner, tirer et pousser code, branches et étiquettes dans les dépôts que vous choisissez sur la page de GitHub, et rien d’autre.",
    { kind: "fine_grained", name: "", permissions: { contents: "write" } }],
  ["pull_requests", "fine_grained", "Open and review pull requests", "Ouvrir et relire des pull requests",
    "Push branches, open pull requests, comment on them and review them in the repositories you select.",
    "Pousser des branches, ouvrir des pull requests, les commenter et les relire dans les dépôts que vous choisissez.",
    { kind: "fine_grained", name: "", permissions: { contents: "write", pull_requests: "write" } }],
  ["packages", "classic", "Read and publish packages", "Lire et publier des paquets",
    "Install and publish packages in GitHub Packages (container images, npm, Maven…): fine-grained tokens cannot, so this one is classic.",
    "Installer et publier des paquets dans GitHub Packages (images de conteneur, npm, Maven…) : les jetons à granularité fine ne le peuvent pas, celui-ci est donc classique.",
    { kind: "classic", note: "", scopes: ["write:packages", "read:packages"] }],
  ["gh_cli", "classic", "gh CLI minimum", "Minimum pour gh",
    "The scopes GitHub's `gh` command line asks for at least: repositories, reading your organizations, and gists.",
    "Les portées que demande au minimum la ligne de commande `gh` de GitHub : dépôts, lecture de vos organisations et gists.",
    { kind: "classic", note: "", scopes: ["repo", "read:org", "gist"] }],
];

/** @param {"en" | "fr"} lang */
const presets = (lang) =>
  PRESETS.map(([id, kind, te, tf, ee, ef, request]) => ({ id, kind, title: lang === "fr" ? tf : te, explanation: lang === "fr" ? ef : ee, request }));

export const CREATION = {
  catalogue: { en: { permissions: permissions("en"), presets: presets("en") }, fr: { permissions: permissions("fr"), presets: presets("fr") } },
  orgs: ["acme"],
  repos: [
    { full_name: "octocat/dotfiles", owner: "octocat", private: false },
    { full_name: "octocat/hello-world", owner: "octocat", private: false },
    { full_name: "octocat/notes", owner: "octocat", private: true },
    { full_name: "acme/api", owner: "acme", private: true },
    { full_name: "acme/web", owner: "acme", private: true },
  ],
};
