// Every string the UI shows, in English and French. Error messages are not here: they
// come already translated from Rust in `error.message`.

import type { Lang } from "./bindings";

const en = {
  "app.name": "Jeton",
  "app.tagline": "GitHub tokens, kept safe",
  "lang.label": "Language",
  "header.add": "Add token",

  "loading": "Loading your tokens…",
  "load.failed": "Jeton could not load your tokens.",
  "retry": "Try again",
  "close": "Close",
  "cancel": "Cancel",

  "empty.title": "Keep your GitHub tokens in one safe place",
  "empty.body":
    "Jeton stores your GitHub tokens in the system keychain, checks what they grant and warns you before they expire.",
  "empty.cta": "Add existing token",
  "empty.hint": "Paste a token you already have. It goes straight to the keychain.",

  "summary.tokens_one": "{n} token",
  "summary.tokens_other": "{n} tokens",
  "summary.attention_one": "{n} needs attention",
  "summary.attention_other": "{n} need attention",
  "summary.allGood": "all good",

  "toolbar.search": "Search",
  "toolbar.searchPlaceholder": "Search name, account, host or scope",
  "toolbar.sort": "Sort",
  "toolbar.filter": "Status",
  "sort.expiry": "Expiry, soonest first",
  "sort.name": "Name",
  "filter.all": "All statuses",
  "noMatch": "No token matches these filters.",
  "noMatch.clear": "Clear filters",

  "kind.classic": "Classic",
  "kind.fine_grained": "Fine-grained",
  "kind.oauth": "OAuth",
  "kind.app_user": "App user",
  "kind.app_installation": "App installation",
  "kind.app_refresh": "App refresh",
  "kind.legacy": "Legacy",
  "kind.unknown": "Unknown kind",

  "status.valid": "Valid",
  "status.expiring": "Expiring",
  "status.expired": "Expired",
  "status.invalid": "Revoked/invalid",
  "status.sso_required": "SSO required",
  "status.unreachable": "Unreachable",
  "status.rate_limited": "Rate limited",
  "status.unknown": "Unknown",

  "days.never": "never expires",
  "days.today": "expires today",
  "days.expired": "expired",
  "days.left_one": "{n} day left",
  "days.left_other": "{n} days left",
  "days.ago_one": "expired {n} day ago",
  "days.ago_other": "expired {n} days ago",

  "checked.never": "never checked",
  "checked.ago": "checked {ago}",
  "ago.now": "just now",
  "ago.min": "{n} min ago",
  "ago.hour": "{n} h ago",
  "ago.day_one": "{n} day ago",
  "ago.day_other": "{n} days ago",

  "scopes.notReported": "permissions not reported by GitHub",
  "scopes.none": "no scopes (public read-only)",
  "scopes.unknown": "grants not reported",
  "account.unknown": "Unknown account",
  "name.unnamed": "Unnamed token",

  "row.open": "Show details of {name}",
  "row.recheck": "Re-check",
  "row.forget": "Forget",
  "row.checking": "Checking…",

  "add.title": "Add an existing token",
  "add.intro":
    "Jeton checks the token with GitHub, then saves it in your system keychain. It is never written to disk in plain text.",
  "add.name": "Name",
  "add.namePlaceholder": "e.g. Laptop git",
  "add.host": "GitHub Enterprise host",
  "add.hostPlaceholder": "github.com",
  "add.hostHint": "Optional. Leave empty for github.com.",
  "add.secret": "Token",
  "add.secretPlaceholder": "ghp_… or github_pat_…",
  "add.secretHint": "Paste the token exactly as GitHub showed it.",
  "add.show": "Show",
  "add.hide": "Hide",
  "add.submit": "Check and save",
  "add.busy": "Checking with GitHub and saving to the keychain…",
  "add.waitingKeychain": "Waiting for the keychain… Unlock it if your system asks you to.",
  "add.nameRequired": "Give the token a name.",
  "add.secretRequired": "Paste the token.",
  "add.added": "“{name}” was added.",

  "keychain.title": "The system keychain is not available",
  "keychain.note": "Jeton never stores tokens anywhere else, so it cannot save or read them until the keychain works.",
  "keychain.retry": "Retry",
  "readonly.retry": "Read again",

  "details.title": "Token details",
  "details.kind": "Kind",
  "details.account": "Account",
  "details.host": "Host",
  "details.grants": "Grants",
  "details.expires": "Expires",
  "details.status": "Status",
  "details.lastChecked": "Last checked",
  "details.never": "Never",
  "details.sso": "Authorize SSO",
  "details.renew": "Renew",
  "details.renewSoon": "Renewing from Jeton comes with the creation wizard.",
  "details.forget": "Forget…",
  "suggest.valid": "GitHub accepts this token.",
  "suggest.expiring": "This token expires soon: plan to renew it.",
  "suggest.expired": "This token has expired. Renew it, then forget this one.",
  "suggest.invalid": "GitHub no longer accepts this token. Renew it, then forget this one.",
  "suggest.sso_required": "An organization uses SAML single sign-on: authorize this token for it on GitHub, then re-check.",
  "suggest.unreachable": "GitHub could not be reached. Check the connection, then re-check.",
  "suggest.rate_limited": "GitHub is limiting requests right now. Re-check in a few minutes.",
  "suggest.unknown": "Jeton has not checked this token yet.",

  "forget.title": "Forget “{name}”?",
  "forget.body":
    "Jeton removes it from its list and deletes the secret from the keychain. The token stays valid on GitHub until it expires or you revoke it there.",
  "forget.confirm": "Forget",
  "forget.done": "“{name}” was forgotten.",

  "recheck.all": "Re-check all",
  "recheck.allTitle": "Ask GitHub about every token again",
  "recheck.progress": "Checking {done} of {total}…",
  "recheck.checked_one": "{n} checked",
  "recheck.checked_other": "{n} checked",

  "readonly.title": "Changes are not saved",
  "readonly.note":
    "You can look at your tokens, but nothing you add, forget, name or import is saved until Jeton’s data file is fixed.",

  "recovered.title": "Found in your keychain",
  "recovered.intro":
    "These secrets are in your system keychain, but no token in Jeton uses them, perhaps after an add was interrupted. Name one to keep it, or delete it.",
  "recovered.item": "Keychain entry",
  "recovered.name": "Name it",
  "recovered.delete": "Delete",
  "recovered.deleteTitle": "Delete this secret from the keychain?",
  "recovered.deleteBody":
    "Jeton deletes keychain entry {id}. If it is a token still in use somewhere, it stays valid on GitHub, but no copy of it remains on this machine.",
  "recovered.deleted": "The secret was deleted from the keychain.",

  "adopt.title": "Name this secret",
  "adopt.intro":
    "Jeton checks the secret with GitHub, then lists it with your tokens. It stays where it is, in the keychain.",
  "adopt.submit": "Check and name",
  "adopt.busy": "Checking with GitHub…",
  "adopt.done": "“{name}” was added from your keychain.",

  "missing.badge": "Secret missing",
  "missing.explain":
    "This token’s secret is no longer in your system keychain, so Jeton cannot use it. Add the token again, or forget it.",

  "grants.included": "included",
  "grants.enterprise": "Enterprise",
  "grants.ghesOnly": "GHES only",
  "grants.undocumented": "Not a scope GitHub documents.",
  "grants.recorded": "Recorded when Jeton created this token — GitHub’s API does not report fine-grained permissions",
  "grants.notRecorded":
    "GitHub does not report a fine-grained token’s permissions. Tokens made with Jeton’s wizard will show them here.",
  "grants.permission": "Permission",
  "grants.access": "Access",
  "level.read": "Read-only",
  "level.write": "Read and write",
  "level.admin": "Admin",

  "menu.label": "More actions",
  "menu.export": "Export metadata…",
  "menu.exportHint": "Secrets stay in your keychain; this file holds none",
  "menu.import": "Import metadata…",
  "menu.importHint": "From a file Jeton exported on another machine",
  "export.done": "Saved {path}. Secrets stay in your keychain; this file holds none.",
  "import.title": "Import finished",
  "import.added": "Added",
  "import.renamed": "Renamed: the name was taken here",
  "import.withoutSecret": "Without a secret on this machine",
  "import.withoutSecretHint":
    "Their secret is in the other machine’s keychain. Add each of these tokens again here to use it.",
  "import.already_one": "{n} token was already here and was left as it was.",
  "import.already_other": "{n} tokens were already here and were left as they were.",
  "import.nothing": "The file held no token.",
  "import.readFailed": "Jeton could not read this file.",
  "ok": "OK",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const fr: Messages = {
  "app.name": "Jeton",
  "app.tagline": "Vos jetons GitHub, en sécurité",
  "lang.label": "Langue",
  "header.add": "Ajouter un jeton",

  "loading": "Chargement de vos jetons…",
  "load.failed": "Jeton n’a pas pu charger vos jetons.",
  "retry": "Réessayer",
  "close": "Fermer",
  "cancel": "Annuler",

  "empty.title": "Gardez vos jetons GitHub en lieu sûr",
  "empty.body":
    "Jeton range vos jetons GitHub dans le trousseau du système, vérifie ce qu’ils autorisent et vous prévient avant qu’ils expirent.",
  "empty.cta": "Ajouter un jeton existant",
  "empty.hint": "Collez un jeton que vous avez déjà. Il va directement dans le trousseau.",

  "summary.tokens_one": "{n} jeton",
  "summary.tokens_other": "{n} jetons",
  "summary.attention_one": "{n} demande votre attention",
  "summary.attention_other": "{n} demandent votre attention",
  "summary.allGood": "tout va bien",

  "toolbar.search": "Rechercher",
  "toolbar.searchPlaceholder": "Nom, compte, hôte ou portée",
  "toolbar.sort": "Trier",
  "toolbar.filter": "Statut",
  "sort.expiry": "Expiration la plus proche",
  "sort.name": "Nom",
  "filter.all": "Tous les statuts",
  "noMatch": "Aucun jeton ne correspond à ces filtres.",
  "noMatch.clear": "Effacer les filtres",

  "kind.classic": "Classique",
  "kind.fine_grained": "Granularité fine",
  "kind.oauth": "OAuth",
  "kind.app_user": "Utilisateur d’app",
  "kind.app_installation": "Installation d’app",
  "kind.app_refresh": "Rafraîchissement d’app",
  "kind.legacy": "Ancien format",
  "kind.unknown": "Type inconnu",

  "status.valid": "Valide",
  "status.expiring": "Expire bientôt",
  "status.expired": "Expiré",
  "status.invalid": "Révoqué/invalide",
  "status.sso_required": "SSO requis",
  "status.unreachable": "Injoignable",
  "status.rate_limited": "Limite atteinte",
  "status.unknown": "Inconnu",

  "days.never": "n’expire jamais",
  "days.today": "expire aujourd’hui",
  "days.expired": "expiré",
  "days.left_one": "{n} jour restant",
  "days.left_other": "{n} jours restants",
  "days.ago_one": "expiré depuis {n} jour",
  "days.ago_other": "expiré depuis {n} jours",

  "checked.never": "jamais vérifié",
  "checked.ago": "vérifié {ago}",
  "ago.now": "à l’instant",
  "ago.min": "il y a {n} min",
  "ago.hour": "il y a {n} h",
  "ago.day_one": "il y a {n} jour",
  "ago.day_other": "il y a {n} jours",

  "scopes.notReported": "permissions non communiquées par GitHub",
  "scopes.none": "aucune portée (lecture publique seule)",
  "scopes.unknown": "droits non communiqués",
  "account.unknown": "Compte inconnu",
  "name.unnamed": "Jeton sans nom",

  "row.open": "Afficher le détail de {name}",
  "row.recheck": "Revérifier",
  "row.forget": "Oublier",
  "row.checking": "Vérification…",

  "add.title": "Ajouter un jeton existant",
  "add.intro":
    "Jeton vérifie le jeton auprès de GitHub, puis l’enregistre dans le trousseau du système. Il n’est jamais écrit en clair sur le disque.",
  "add.name": "Nom",
  "add.namePlaceholder": "p. ex. Git du portable",
  "add.host": "Hôte GitHub Enterprise",
  "add.hostPlaceholder": "github.com",
  "add.hostHint": "Facultatif. Laissez vide pour github.com.",
  "add.secret": "Jeton",
  "add.secretPlaceholder": "ghp_… ou github_pat_…",
  "add.secretHint": "Collez le jeton tel que GitHub l’a affiché.",
  "add.show": "Afficher",
  "add.hide": "Masquer",
  "add.submit": "Vérifier et enregistrer",
  "add.busy": "Vérification auprès de GitHub et enregistrement dans le trousseau…",
  "add.waitingKeychain": "En attente du trousseau… Déverrouillez-le si le système vous le demande.",
  "add.nameRequired": "Donnez un nom au jeton.",
  "add.secretRequired": "Collez le jeton.",
  "add.added": "« {name} » a été ajouté.",

  "keychain.title": "Le trousseau du système n’est pas disponible",
  "keychain.note":
    "Jeton ne range jamais les jetons ailleurs : il ne peut ni les enregistrer ni les lire tant que le trousseau ne répond pas.",
  "keychain.retry": "Réessayer",
  "readonly.retry": "Relire",

  "details.title": "Détail du jeton",
  "details.kind": "Type",
  "details.account": "Compte",
  "details.host": "Hôte",
  "details.grants": "Droits",
  "details.expires": "Expiration",
  "details.status": "Statut",
  "details.lastChecked": "Dernière vérification",
  "details.never": "Jamais",
  "details.sso": "Autoriser le SSO",
  "details.renew": "Renouveler",
  "details.renewSoon": "Le renouvellement depuis Jeton arrive avec l’assistant de création.",
  "details.forget": "Oublier…",
  "suggest.valid": "GitHub accepte ce jeton.",
  "suggest.expiring": "Ce jeton expire bientôt : prévoyez de le renouveler.",
  "suggest.expired": "Ce jeton a expiré. Renouvelez-le, puis oubliez celui-ci.",
  "suggest.invalid": "GitHub n’accepte plus ce jeton. Renouvelez-le, puis oubliez celui-ci.",
  "suggest.sso_required":
    "Une organisation impose l’authentification unique SAML : autorisez ce jeton sur GitHub, puis revérifiez.",
  "suggest.unreachable": "GitHub est injoignable. Vérifiez la connexion, puis revérifiez.",
  "suggest.rate_limited": "GitHub limite les requêtes en ce moment. Revérifiez dans quelques minutes.",
  "suggest.unknown": "Jeton n’a pas encore vérifié ce jeton.",

  "forget.title": "Oublier « {name} » ?",
  "forget.body":
    "Jeton le retire de sa liste et supprime le secret du trousseau. Le jeton reste valide sur GitHub jusqu’à son expiration ou sa révocation.",
  "forget.confirm": "Oublier",
  "forget.done": "« {name} » a été oublié.",

  "recheck.all": "Tout revérifier",
  "recheck.allTitle": "Redemander à GitHub l’état de chaque jeton",
  "recheck.progress": "Vérification {done} sur {total}…",
  "recheck.checked_one": "{n} vérifié",
  "recheck.checked_other": "{n} vérifiés",

  "readonly.title": "Les modifications ne sont pas enregistrées",
  "readonly.note":
    "Vous pouvez consulter vos jetons, mais rien de ce que vous ajoutez, oubliez, nommez ou importez n’est enregistré tant que le fichier de données de Jeton n’est pas réparé.",

  "recovered.title": "Trouvés dans votre trousseau",
  "recovered.intro":
    "Ces secrets sont dans le trousseau du système, mais aucun jeton de Jeton ne les utilise, peut-être après un ajout interrompu. Nommez-en un pour le garder, ou supprimez-le.",
  "recovered.item": "Entrée du trousseau",
  "recovered.name": "Nommer",
  "recovered.delete": "Supprimer",
  "recovered.deleteTitle": "Supprimer ce secret du trousseau ?",
  "recovered.deleteBody":
    "Jeton supprime l’entrée {id} du trousseau. Si c’est un jeton encore utilisé ailleurs, il reste valide sur GitHub, mais cette machine n’en garde aucune copie.",
  "recovered.deleted": "Le secret a été supprimé du trousseau.",

  "adopt.title": "Nommer ce secret",
  "adopt.intro":
    "Jeton vérifie le secret auprès de GitHub, puis l’ajoute à vos jetons. Il reste où il est, dans le trousseau.",
  "adopt.submit": "Vérifier et nommer",
  "adopt.busy": "Vérification auprès de GitHub…",
  "adopt.done": "« {name} » a été ajouté depuis votre trousseau.",

  "missing.badge": "Secret manquant",
  "missing.explain":
    "Le secret de ce jeton n’est plus dans le trousseau du système : Jeton ne peut pas l’utiliser. Ajoutez de nouveau le jeton, ou oubliez-le.",

  "grants.included": "inclus",
  "grants.enterprise": "Entreprise",
  "grants.ghesOnly": "GHES seulement",
  "grants.undocumented": "Portée non documentée par GitHub.",
  "grants.recorded":
    "Enregistrées quand Jeton a créé ce jeton — l’API de GitHub ne communique pas les permissions à granularité fine",
  "grants.notRecorded":
    "GitHub ne communique pas les permissions d’un jeton à granularité fine. Celles des jetons créés avec l’assistant de Jeton s’afficheront ici.",
  "grants.permission": "Permission",
  "grants.access": "Accès",
  "level.read": "Lecture seule",
  "level.write": "Lecture et écriture",
  "level.admin": "Administration",

  "menu.label": "Plus d’actions",
  "menu.export": "Exporter les métadonnées…",
  "menu.exportHint": "Les secrets restent dans votre trousseau ; ce fichier n’en contient aucun",
  "menu.import": "Importer des métadonnées…",
  "menu.importHint": "Depuis un fichier exporté par Jeton sur une autre machine",
  "export.done": "{path} enregistré. Les secrets restent dans votre trousseau ; ce fichier n’en contient aucun.",
  "import.title": "Importation terminée",
  "import.added": "Ajoutés",
  "import.renamed": "Renommés : le nom était déjà pris ici",
  "import.withoutSecret": "Sans secret sur cette machine",
  "import.withoutSecretHint":
    "Leur secret est dans le trousseau de l’autre machine. Ajoutez de nouveau chacun de ces jetons ici pour l’utiliser.",
  "import.already_one": "{n} jeton était déjà là et n’a pas changé.",
  "import.already_other": "{n} jetons étaient déjà là et n’ont pas changé.",
  "import.nothing": "Le fichier ne contenait aucun jeton.",
  "import.readFailed": "Jeton n’a pas pu lire ce fichier.",
  "ok": "OK",
};

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

/** Picks `key_one` or `key_other` by the language's plural rule; `{n}` is filled. */
export function plural(lang: Lang, key: PluralKey, n: number, vars?: Vars): string {
  const form = new Intl.PluralRules(lang).select(n) === "one" ? "one" : "other";
  return translate(lang, `${key}_${form}` as MessageKey, { n, ...vars });
}

/** A language from a system locale such as `fr-CA`; English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}
