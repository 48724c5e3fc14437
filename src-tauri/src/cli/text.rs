//! Every sentence and label the command line prints, in English and French, in one
//! place. Core's error messages live in core (`error_messages.rs`); these are the
//! CLI's own: its help, usage errors, labels, day counts and summaries.

use jeton_core::i18n::Lang;
use jeton_core::model::{TokenKind, TokenStatus};

macro_rules! keys {
    ($($k:ident),* $(,)?) => {
        /// One entry of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($k),* }
        impl Key {
            /// Every key, for the completeness test.
            #[cfg(test)]
            pub const ALL: &'static [Key] = &[$(Key::$k),*];
        }
    };
}

keys! {
    // Help: what each command and flag does.
    AboutApp, AboutCheck, AboutAdd, AboutList, AboutStatus, AboutRecheck, AboutHelp,
    ArgOffline, ArgHost, ArgJson, ArgToken, ArgName, ArgWithin, ArgConcurrency, ArgHelp,
    ArgVersion, ArgCommand,
    ValueName, ValueSpan, ValueToken, ValueCommand, ValueUrl, ValueCount,
    UsageApp, UsageCheck, UsageAdd, UsageList, UsageStatus, UsageRecheck, UsageHelp,
    HeadingUsage, HeadingCommands, HeadingArguments, HeadingOptions,
    // Usage errors.
    ErrUnknownArgument, ErrUnknownCommand, ErrInvalidValue, ErrMissing, ErrMissingCommand,
    ErrConflict, ErrTooMany, ErrInvalid, ErrSuggest, ErrMoreHelp,
    TokenInArguments, StdinUnreadable, WithinInvalid,
    // Labels.
    ListEmpty, NoScopes, Unknown, LastKnown, SecretMissing,
    KindClassic, KindFineGrained, KindOauth, KindAppUser, KindAppInstallation, KindAppRefresh,
    KindLegacy,
    StatusValid, StatusExpiring, StatusExpired, StatusInvalid, StatusSsoRequired,
    StatusUnreachable, StatusRateLimited, StatusUnknown,
    DaysNever, DaysToday, DaysTomorrow, DaysIn, DaysExpired, DaysAgoOne, DaysAgo,
    // Summaries.
    AllFine, AttentionOne, AttentionMany,
    // jeton copy.
    AboutCopy, UsageCopy, ArgClearAfter, ValueSeconds, CopyDone, CopyDoneNever,
    // jeton git-credential and setup-git.
    AboutGitCredential, UsageGitCredential, ArgOperation, ValueOperation, AboutSetupGit, UsageSetupGit,
    ArgUndo, SetupGitDone, SetupGitAfterOthers, SetupGitAlready, SetupGitUndone, SetupGitNotSet,
    SetupGitBadConfig, SetupGitFailed,
    // jeton completions.
    AboutCompletions, UsageCompletions, ArgShell, ValueShell, CompletionsInstall,
    // jeton discover and import-found.
    AboutDiscover, UsageDiscover, AboutImportFound, UsageImportFound, ArgRemovePlaintext, DiscoverNone,
    DiscoverCount, DiscoverHint, SourceGitCredentials, SourceGhHosts, SourceGhKeyring, SourceEnv,
    FoundHostUnknown, FoundStoredAs, FoundNotStored, FoundSkipped, ImportDone, ImportNothing, RemovedLine,
    RemovedGitHint,
    // jeton revoke and forget.
    AboutRevoke, UsageRevoke, AboutForget, UsageForget, ArgYes, RevokeAsk, ForgetAsk, ConfirmChoices,
    NotConfirmed, NeedYes, RevokeDone, RevokeOnPage, ForgetDone,
    // jeton app (texts in text_app.rs).
    AboutAppGroup, UsageAppGroup, AboutAppAdd, UsageAppAdd, AboutAppList, UsageAppList, AboutAppForget,
    UsageAppForget, AboutAppToken, UsageAppToken, AboutAppServeGit, UsageAppServeGit, AppTokenSecretNote,
    ArgClientId, ArgKeyFile, ArgInstallation, ArgRepo, ArgAppPermission, ArgPin, ArgGitOwner, ArgServeUndo,
    ValueClientId, ValueKeyFile, ValueInstallation, ValueRepo, AppAdded, AppNone,
    AppAccountOrg, AppAccountUser, AppReposAll, AppReposSelected, AppInstallationLine, AppServesLine,
    AppForgetAsk, AppForgotten, AppServeDone, AppServeUndone, AppServeNotSet,
    // jeton app requests|review|grants|revoke-grant (texts in text_app.rs).
    AboutAppRequests, UsageAppRequests, AboutAppReview, UsageAppReview, AboutAppGrants, UsageAppGrants,
    AboutAppRevokeGrant, UsageAppRevokeGrant, ArgOrg, ValueOrg, ArgRequestIds, ArgGrantIds, ArgApprove, ArgDeny,
    ArgReason, OrgRequestsNone, OrgRequestsCount, OrgRequestLine, OrgReposLine, OrgReposPublic,
    OrgPermissionsLine, OrgReasonLine, OrgApproved, OrgDenied, OrgGrantsNone, OrgGrantsCount, OrgGrantLine,
    OrgLastUsed, OrgNeverUsed, OrgRevokeAsk, OrgRevoked,
    // jeton create-url.
    AboutCreateUrl, UsageCreateUrl, ArgKind, ArgTokenName, ArgDescription, ArgOwner, ArgExpires,
    ArgPermission, ArgScope, ValueKind, ValueText, ValueLogin, ValueDays, ValuePermission, ValueScope,
}

use Key::*;

const EN: &[(Key, &str)] = &[
    (AboutApp, "Keeps your GitHub tokens. Run without arguments for the desktop app."),
    (AboutCheck, "Check a token read from standard input (`-`): its format, then GitHub's answer."),
    (AboutAdd, "Check a token read from standard input (`-`), then store it in the keychain."),
    (AboutList, "List stored tokens (never their secrets)."),
    (AboutStatus, "Statuses from what Jeton recorded; fails when a token needs attention."),
    (AboutRecheck, "Ask GitHub again about every stored token."),
    (AboutHelp, "Show the help of Jeton or of one of its commands."),
    (ArgOffline, "Only check the format; make no network call."),
    (ArgHost, "The host's web URL (default github.com), e.g. https://ghe.example.com."),
    (ArgJson, "Print JSON (the fields scripts rely on) instead of lines for people."),
    (ArgToken, "`-`: read the token from standard input."),
    (ArgName, "A name to find the token by (unique)."),
    (ArgWithin, "Fail when a token expires within this span: 7d, 36h, 2w (a bare number is days)."),
    (ArgConcurrency, "Requests in flight per host (at most 16)."),
    (ArgHelp, "Show this help."),
    (ArgVersion, "Show Jeton's version."),
    (ArgCommand, "The command to explain."),
    (ValueName, "NAME"),
    (ValueSpan, "SPAN"),
    (ValueToken, "TOKEN"),
    (ValueCommand, "COMMAND"),
    (ValueUrl, "URL"),
    (ValueCount, "N"),
    (UsageApp, "jeton [COMMAND]"),
    (UsageCheck, "jeton check [--offline] [--host URL] [--json] -"),
    (UsageAdd, "jeton add --name NAME [--host URL] [--json] -"),
    (UsageList, "jeton list [--json]"),
    (UsageStatus, "jeton status [--within SPAN] [--json]"),
    (UsageRecheck, "jeton recheck [--json] [--concurrency N]"),
    (UsageHelp, "jeton help [COMMAND]"),
    (HeadingUsage, "Usage:"),
    (HeadingCommands, "Commands"),
    (HeadingArguments, "Arguments"),
    (HeadingOptions, "Options"),
    (ErrUnknownArgument, "unexpected argument '{arg}'."),
    (ErrUnknownCommand, "'{arg}' is not a command."),
    (ErrInvalidValue, "'{value}' is not a valid value for {arg}."),
    (ErrMissing, "missing: {arg}."),
    (ErrMissingCommand, "say which command to run."),
    (ErrConflict, "{arg} cannot be used with {other}."),
    (ErrTooMany, "{arg} is given too many times or with too many values."),
    (ErrInvalid, "these arguments are not valid."),
    (ErrSuggest, "Did you mean '{arg}'?"),
    (ErrMoreHelp, "For more, run: {command} --help"),
    (TokenInArguments, "pass the token on standard input and write `-` in its place (a token in the arguments would be visible to other users and kept in shell history)."),
    (StdinUnreadable, "could not read standard input ({detail})."),
    (WithinInvalid, "--within takes a span such as 7d, 36h or 2w, not \"{value}\"."),
    (ListEmpty, "No tokens yet. Add one with: jeton add --name NAME -  (the token on standard input)"),
    (NoScopes, "(no scopes)"),
    (Unknown, "?"),
    (LastKnown, "(GitHub could not be reached: last known state)"),
    (SecretMissing, "(its secret is no longer in the keychain)"),
    (KindClassic, "classic"),
    (KindFineGrained, "fine-grained"),
    (KindOauth, "OAuth"),
    (KindAppUser, "app user"),
    (KindAppInstallation, "app installation"),
    (KindAppRefresh, "app refresh"),
    (KindLegacy, "legacy"),
    (StatusValid, "valid"),
    (StatusExpiring, "expiring"),
    (StatusExpired, "expired"),
    (StatusInvalid, "revoked/invalid"),
    (StatusSsoRequired, "SSO required"),
    (StatusUnreachable, "unreachable"),
    (StatusRateLimited, "rate limited"),
    (StatusUnknown, "unknown"),
    (DaysNever, "never expires"),
    (DaysToday, "expires today"),
    (DaysTomorrow, "expires tomorrow"),
    (DaysIn, "expires in {n} days"),
    (DaysExpired, "expired"),
    (DaysAgoOne, "expired {n} day ago"),
    (DaysAgo, "expired {n} days ago"),
    (AllFine, "{total} token(s), none needs attention."),
    (AttentionOne, "{total} token(s), 1 needs attention."),
    (AttentionMany, "{total} token(s), {n} need attention."),
    (AboutCopy, "Copy a stored token to the clipboard, kept out of clipboard history, and clear it after a delay if it is still there."),
    (UsageCopy, "jeton copy NAME [--clear-after SECONDS]"),
    (ArgClearAfter, "Clear the clipboard after this many seconds if it still holds the token (default: Jeton’s setting, 30 unless changed; 0 never clears)."),
    (ValueSeconds, "SECONDS"),
    (CopyDone, "Copied \"{name}\" to the clipboard; it clears in {secs} s."),
    (CopyDoneNever, "Copied \"{name}\" to the clipboard; it stays until something else is copied."),
    (AboutGitCredential, "Git's credential helper (jeton setup-git sets it up). get: answers with the best token Jeton keeps for the host, never an expired or revoked one. erase (git's sign that the server refused it): re-checks that token with GitHub and never deletes it. store: does nothing, since Jeton keeps only the tokens you add."),
    (UsageGitCredential, "jeton git-credential get|store|erase"),
    (ArgOperation, "get, store or erase, as git calls it; any other word is ignored."),
    (ValueOperation, "OPERATION"),
    (AboutSetupGit, "Make git ask Jeton for a host's tokens (github.com by default): sets credential.<URL>.helper in your global git config, in place of the helpers inherited for that host only; other hosts and helpers stay as they are."),
    (UsageSetupGit, "jeton setup-git [--host URL] [--undo]"),
    (ArgUndo, "Take back what setup-git added, and only that."),
    (SetupGitDone, "Git now asks Jeton for credentials on {url} (in your global git config; undo with jeton setup-git --undo)."),
    (SetupGitAfterOthers, "Git now asks Jeton for credentials on {url}, after the helpers you already set for it (they are asked first)."),
    (SetupGitAlready, "Git already asks Jeton for credentials on {url}; nothing changed."),
    (SetupGitUndone, "Git no longer asks Jeton for credentials on {url}; your other helpers are as they were."),
    (SetupGitNotSet, "Jeton is not set up for {url} in your global git config; nothing changed."),
    (SetupGitBadConfig, "git cannot read your global git config ({detail}). Nothing was changed: fix the file, then run this again."),
    (SetupGitFailed, "git config failed ({detail}). Run the same command again; jeton setup-git --undo takes back what was added."),
    (AboutCompletions, "Print the completion script of a shell (bash, zsh or fish) on standard output."),
    (UsageCompletions, "jeton completions bash|zsh|fish"),
    (ArgShell, "bash, zsh or fish."),
    (ValueShell, "SHELL"),
    (CompletionsInstall, "To install it (then open a new shell):\n  bash  jeton completions bash > ~/.local/share/bash-completion/completions/jeton\n  zsh   jeton completions zsh > ~/.zfunc/_jeton   (and in ~/.zshrc, before compinit: fpath+=(~/.zfunc))\n  fish  jeton completions fish > ~/.config/fish/completions/jeton.fish"),
    (AboutDiscover, "List GitHub tokens lying outside the keychain: git's credential store, gh's hosts.yml and keyring entries, GH_TOKEN and kin (never their secrets)."),
    (UsageDiscover, "jeton discover [--json]"),
    (AboutImportFound, "Check the tokens jeton discover finds and store those not yet in Jeton; exits 1 only when Jeton cannot look."),
    (UsageImportFound, "jeton import-found [--remove-plaintext]"),
    (ArgRemovePlaintext, "Then remove each stored token's plain-text line from its file, after writing a backup beside it (mode 0600)."),
    (DiscoverNone, "No token found outside the keychain."),
    (DiscoverCount, "{n} token(s) found outside the keychain:"),
    (DiscoverHint, "jeton import-found moves them into the keychain (add --remove-plaintext to also remove the plain-text copies, after a backup)."),
    (SourceGitCredentials, "git credentials"),
    (SourceGhHosts, "gh hosts.yml"),
    (SourceGhKeyring, "gh keyring"),
    (SourceEnv, "environment"),
    (FoundHostUnknown, "unknown host"),
    (FoundStoredAs, "in Jeton as \"{name}\""),
    (FoundNotStored, "not in Jeton"),
    (FoundSkipped, "{place}: {why}"),
    (ImportDone, "Stored \"{name}\" (found in {place})."),
    (ImportNothing, "Every token found is already in Jeton."),
    (RemovedLine, "Removed line {line} of {path}; the file as it was is in {backup} (mode 0600; it still holds the token: delete it once you are sure)."),
    (RemovedGitHint, "git no longer finds these tokens in its credential store: jeton setup-git makes git ask Jeton for them."),
    (AboutRevoke, "Revoke a stored token at GitHub (it stops working everywhere, for good), then forget it. GitHub emails the token's owner."),
    (UsageRevoke, "jeton revoke NAME [--yes]"),
    (AboutForget, "Remove a stored token from Jeton (keychain and list) only; it keeps working at GitHub."),
    (UsageForget, "jeton forget NAME [--yes]"),
    (ArgYes, "Do it without asking (needed when standard input is not a terminal)."),
    (RevokeAsk, "Revoke \"{name}\" ({who}) at GitHub? This cannot be undone: the token stops working everywhere, and GitHub emails the token's owner. Jeton then forgets it."),
    (ForgetAsk, "Forget \"{name}\" ({who})? Jeton removes it from the keychain and its list; the token still works at GitHub."),
    (ConfirmChoices, "[y/N]"),
    (NotConfirmed, "Nothing was done."),
    (NeedYes, "this cannot be asked without a terminal: pass --yes to act on \"{name}\" (nothing was done)."),
    (RevokeDone, "Revoked \"{name}\" at GitHub and forgot it in Jeton. GitHub emails the token's owner."),
    (RevokeOnPage, "this host has no revocation API, so nothing was revoked or forgotten. Delete the token on {url}, then run: jeton forget {name}"),
    (ForgetDone, "Forgot \"{name}\". It still works at GitHub until it expires or is revoked there."),
    (AboutCreateUrl, "Print GitHub's pre-filled page for creating a token with these settings (nothing is sent or stored)."),
    (UsageCreateUrl, "jeton create-url --kind fine-grained|classic --name NAME [--description TEXT] [--owner LOGIN] [--expires DAYS|none] [--permission KEY=LEVEL]... [--scope SCOPE]... [--host URL]"),
    (ArgKind, "fine-grained (recommended: chosen permissions on chosen repositories) or classic (scopes)."),
    (ArgTokenName, "The token's name on GitHub: at most 40 characters for a fine-grained token; a classic token's note."),
    (ArgDescription, "What the token is for, at most 1024 characters (fine-grained only)."),
    (ArgOwner, "The user or organization that owns the repositories (fine-grained only; default: you)."),
    (ArgExpires, "Days until it expires, 1 to 366, or none (fine-grained only; GitHub's default is 30)."),
    (ArgPermission, "A fine-grained permission and its level, e.g. contents=write; repeat for more."),
    (ArgScope, "A classic scope, e.g. repo; repeat it or separate scopes with commas."),
    (ValueKind, "KIND"),
    (ValueText, "TEXT"),
    (ValueLogin, "LOGIN"),
    (ValueDays, "DAYS|none"),
    (ValuePermission, "KEY=LEVEL"),
    (ValueScope, "SCOPE"),];

const FR: &[(Key, &str)] = &[
    (AboutApp, "Garde vos jetons GitHub. Sans argument, ouvre l’application."),
    (AboutCheck, "Vérifie un jeton lu sur l’entrée standard (`-`) : son format, puis la réponse de GitHub."),
    (AboutAdd, "Vérifie un jeton lu sur l’entrée standard (`-`), puis le range dans le trousseau."),
    (AboutList, "Liste les jetons enregistrés (jamais leurs secrets)."),
    (AboutStatus, "États d’après ce que Jeton a noté ; échoue quand un jeton demande votre attention."),
    (AboutRecheck, "Interroge à nouveau GitHub sur chaque jeton enregistré."),
    (AboutHelp, "Affiche l’aide de Jeton ou d’une de ses commandes."),
    (ArgOffline, "Vérifie seulement le format, sans accès au réseau."),
    (ArgHost, "L’adresse web de l’hôte (github.com par défaut), p. ex. https://ghe.example.com."),
    (ArgJson, "Écrit du JSON (les champs dont dépendent les scripts) au lieu de lignes lisibles."),
    (ArgToken, "`-` : lire le jeton sur l’entrée standard."),
    (ArgName, "Un nom pour retrouver le jeton (unique)."),
    (ArgWithin, "Échoue quand un jeton expire dans ce délai : 7d, 36h, 2w (un nombre seul compte des jours)."),
    (ArgConcurrency, "Requêtes simultanées par hôte (16 au plus)."),
    (ArgHelp, "Affiche cette aide."),
    (ArgVersion, "Affiche la version de Jeton."),
    (ArgCommand, "La commande à expliquer."),
    (ValueName, "NOM"),
    (ValueSpan, "DÉLAI"),
    (ValueToken, "JETON"),
    (ValueCommand, "COMMANDE"),
    (ValueUrl, "URL"),
    (ValueCount, "N"),
    (UsageApp, "jeton [COMMANDE]"),
    (UsageCheck, "jeton check [--offline] [--host URL] [--json] -"),
    (UsageAdd, "jeton add --name NOM [--host URL] [--json] -"),
    (UsageList, "jeton list [--json]"),
    (UsageStatus, "jeton status [--within DÉLAI] [--json]"),
    (UsageRecheck, "jeton recheck [--json] [--concurrency N]"),
    (UsageHelp, "jeton help [COMMANDE]"),
    (HeadingUsage, "Utilisation :"),
    // clap writes "HEADING:"; the trailing space gives French its space before the colon.
    (HeadingCommands, "Commandes "),
    (HeadingArguments, "Paramètres "),
    (HeadingOptions, "Options "),
    (ErrUnknownArgument, "argument inattendu « {arg} »."),
    (ErrUnknownCommand, "« {arg} » n’est pas une commande."),
    (ErrInvalidValue, "« {value} » n’est pas une valeur permise pour {arg}."),
    (ErrMissing, "il manque : {arg}."),
    (ErrMissingCommand, "indiquez la commande à lancer."),
    (ErrConflict, "{arg} ne peut pas servir avec {other}."),
    (ErrTooMany, "{arg} est donné trop de fois ou avec trop de valeurs."),
    (ErrInvalid, "ces arguments ne sont pas valides."),
    (ErrSuggest, "Vouliez-vous dire « {arg} » ?"),
    (ErrMoreHelp, "Pour en savoir plus : {command} --help"),
    (TokenInArguments, "passez le jeton sur l’entrée standard et écrivez `-` à sa place (un jeton dans les arguments serait visible des autres utilisateurs et gardé dans l’historique du shell)."),
    (StdinUnreadable, "impossible de lire l’entrée standard ({detail})."),
    (WithinInvalid, "--within attend un délai comme 7d, 36h ou 2w, pas « {value} »."),
    (ListEmpty, "Aucun jeton pour l’instant. Ajoutez-en un avec : jeton add --name NOM -  (le jeton sur l’entrée standard)"),
    (NoScopes, "(aucune portée)"),
    (Unknown, "?"),
    (LastKnown, "(GitHub injoignable : dernier état connu)"),
    (SecretMissing, "(son secret n’est plus dans le trousseau)"),
    (KindClassic, "classique"),
    (KindFineGrained, "granularité fine"),
    (KindOauth, "OAuth"),
    (KindAppUser, "utilisateur d’app"),
    (KindAppInstallation, "installation d’app"),
    (KindAppRefresh, "rafraîchissement d’app"),
    (KindLegacy, "ancien format"),
    (StatusValid, "valide"),
    (StatusExpiring, "expire bientôt"),
    (StatusExpired, "expiré"),
    (StatusInvalid, "révoqué/invalide"),
    (StatusSsoRequired, "SSO requis"),
    (StatusUnreachable, "injoignable"),
    (StatusRateLimited, "limite atteinte"),
    (StatusUnknown, "inconnu"),
    (DaysNever, "n’expire jamais"),
    (DaysToday, "expire aujourd’hui"),
    (DaysTomorrow, "expire demain"),
    (DaysIn, "expire dans {n} jours"),
    (DaysExpired, "expiré"),
    (DaysAgoOne, "expiré depuis {n} jour"),
    (DaysAgo, "expiré depuis {n} jours"),
    (AllFine, "{total} jeton(s), aucun ne demande votre attention."),
    (AttentionOne, "{total} jeton(s), 1 demande votre attention."),
    (AttentionMany, "{total} jeton(s), {n} demandent votre attention."),
    (AboutCopy, "Copie un jeton enregistré dans le presse-papiers, hors de son historique, et l’efface après un délai s’il y est encore."),
    (UsageCopy, "jeton copy NOM [--clear-after SECONDES]"),
    (ArgClearAfter, "Efface le presse-papiers après ce nombre de secondes s’il contient encore le jeton (par défaut : le réglage de Jeton, 30 sauf changement ; 0 ne l’efface jamais)."),
    (ValueSeconds, "SECONDES"),
    (CopyDone, "« {name} » copié dans le presse-papiers ; il s’effacera dans {secs} s."),
    (CopyDoneNever, "« {name} » copié dans le presse-papiers ; il y restera jusqu’à la prochaine copie."),
    (AboutGitCredential, "L’assistant d’identification de git (jeton setup-git l’installe). get : répond avec le meilleur jeton que Jeton garde pour l’hôte, jamais un jeton expiré ou révoqué. erase (signe que le serveur l’a refusé) : revérifie ce jeton auprès de GitHub, sans jamais le supprimer. store : ne fait rien, car Jeton ne garde que les jetons que vous ajoutez."),
    (UsageGitCredential, "jeton git-credential get|store|erase"),
    (ArgOperation, "get, store ou erase, comme git l’appelle ; tout autre mot est ignoré."),
    (ValueOperation, "OPÉRATION"),
    (AboutSetupGit, "Fait demander à git les jetons d’un hôte à Jeton (github.com par défaut) : règle credential.<URL>.helper dans votre configuration git globale, à la place des assistants hérités pour cet hôte seulement ; les autres hôtes et assistants restent tels quels."),
    (UsageSetupGit, "jeton setup-git [--host URL] [--undo]"),
    (ArgUndo, "Retire ce que setup-git a ajouté, et seulement cela."),
    (SetupGitDone, "Git demande désormais à Jeton les identifiants pour {url} (dans votre configuration git globale ; pour revenir en arrière : jeton setup-git --undo)."),
    (SetupGitAfterOthers, "Git demande désormais à Jeton les identifiants pour {url}, après les assistants que vous aviez déjà réglés pour cet hôte (ils passent en premier)."),
    (SetupGitAlready, "Git demande déjà à Jeton les identifiants pour {url} ; rien n’a changé."),
    (SetupGitUndone, "Git ne demande plus à Jeton les identifiants pour {url} ; vos autres assistants sont comme avant."),
    (SetupGitNotSet, "Jeton n’est pas réglé pour {url} dans votre configuration git globale ; rien n’a changé."),
    (SetupGitBadConfig, "git ne peut pas lire votre configuration git globale ({detail}). Rien n’a été modifié : corrigez le fichier, puis relancez cette commande."),
    (SetupGitFailed, "git config a échoué ({detail}). Relancez la même commande ; jeton setup-git --undo retire ce qui a été ajouté."),
    (AboutCompletions, "Écrit sur la sortie standard le script de complétion d’un shell (bash, zsh ou fish)."),
    (UsageCompletions, "jeton completions bash|zsh|fish"),
    (ArgShell, "bash, zsh ou fish."),
    (ValueShell, "SHELL"),
    (CompletionsInstall, "Pour l’installer (puis ouvrez un nouveau shell) :\n  bash  jeton completions bash > ~/.local/share/bash-completion/completions/jeton\n  zsh   jeton completions zsh > ~/.zfunc/_jeton   (et dans ~/.zshrc, avant compinit : fpath+=(~/.zfunc))\n  fish  jeton completions fish > ~/.config/fish/completions/jeton.fish"),
    (AboutDiscover, "Liste les jetons GitHub qui traînent hors du trousseau : le magasin d’identifiants de git, hosts.yml et les entrées de trousseau de gh, GH_TOKEN et apparentés (jamais leurs secrets)."),
    (UsageDiscover, "jeton discover [--json]"),
    (AboutImportFound, "Vérifie les jetons que trouve jeton discover et enregistre ceux que Jeton n’a pas encore ; sort avec 1 seulement quand Jeton ne peut pas chercher."),
    (UsageImportFound, "jeton import-found [--remove-plaintext]"),
    (ArgRemovePlaintext, "Puis retire de son fichier la ligne en clair de chaque jeton enregistré, après en avoir écrit une sauvegarde à côté (mode 0600)."),
    (DiscoverNone, "Aucun jeton trouvé hors du trousseau."),
    (DiscoverCount, "{n} jeton(s) trouvé(s) hors du trousseau :"),
    (DiscoverHint, "jeton import-found les place dans le trousseau (ajoutez --remove-plaintext pour retirer aussi les copies en clair, après une sauvegarde)."),
    (SourceGitCredentials, "identifiants git"),
    (SourceGhHosts, "hosts.yml de gh"),
    (SourceGhKeyring, "trousseau de gh"),
    (SourceEnv, "environnement"),
    (FoundHostUnknown, "hôte inconnu"),
    (FoundStoredAs, "dans Jeton sous « {name} »"),
    (FoundNotStored, "absent de Jeton"),
    (FoundSkipped, "{place} : {why}"),
    (ImportDone, "« {name} » enregistré (trouvé dans {place})."),
    (ImportNothing, "Tous les jetons trouvés sont déjà dans Jeton."),
    (RemovedLine, "Ligne {line} de {path} retirée ; le fichier tel qu’il était est dans {backup} (mode 0600 ; il contient encore le jeton : supprimez-le quand vous êtes sûr)."),
    (RemovedGitHint, "git ne trouve plus ces jetons dans son magasin d’identifiants : jeton setup-git lui fait les demander à Jeton."),
    (AboutRevoke, "Révoque un jeton enregistré auprès de GitHub (il cesse de fonctionner partout, définitivement), puis l’oublie. GitHub prévient le propriétaire du jeton par courriel."),
    (UsageRevoke, "jeton revoke NOM [--yes]"),
    (AboutForget, "Retire un jeton enregistré de Jeton seulement (trousseau et liste) ; il continue de fonctionner chez GitHub."),
    (UsageForget, "jeton forget NOM [--yes]"),
    (ArgYes, "Agir sans demander (nécessaire quand l’entrée standard n’est pas un terminal)."),
    (RevokeAsk, "Révoquer « {name} » ({who}) auprès de GitHub ? C’est irréversible : le jeton cesse de fonctionner partout, et GitHub prévient son propriétaire par courriel. Jeton l’oublie ensuite."),
    (ForgetAsk, "Oublier « {name} » ({who}) ? Jeton le retire du trousseau et de sa liste ; le jeton fonctionne toujours chez GitHub."),
    (ConfirmChoices, "[o/N]"),
    (NotConfirmed, "Rien n’a été fait."),
    (NeedYes, "impossible de demander confirmation sans terminal : ajoutez --yes pour agir sur « {name} » (rien n’a été fait)."),
    (RevokeDone, "« {name} » a été révoqué chez GitHub et oublié dans Jeton. GitHub prévient son propriétaire par courriel."),
    (RevokeOnPage, "cet hôte n’a pas d’API de révocation : rien n’a été révoqué ni oublié. Supprimez le jeton depuis {url}, puis lancez : jeton forget {name}"),
    (ForgetDone, "« {name} » a été oublié. Il fonctionne toujours chez GitHub jusqu’à son expiration ou sa révocation."),
    (AboutCreateUrl, "Affiche la page de GitHub pré-remplie pour créer un jeton avec ces réglages (rien n’est envoyé ni enregistré)."),
    (UsageCreateUrl, "jeton create-url --kind fine-grained|classic --name NOM [--description TEXTE] [--owner COMPTE] [--expires JOURS|none] [--permission CLÉ=NIVEAU]... [--scope PORTÉE]... [--host URL]"),
    (ArgKind, "fine-grained (recommandé : des permissions choisies sur des dépôts choisis) ou classic (des portées)."),
    (ArgTokenName, "Le nom du jeton sur GitHub : 40 caractères au plus pour un jeton à granularité fine ; la note d’un jeton classique."),
    (ArgDescription, "À quoi sert le jeton, 1024 caractères au plus (granularité fine seulement)."),
    (ArgOwner, "L’utilisateur ou l’organisation propriétaire des dépôts (granularité fine seulement ; par défaut : vous)."),
    (ArgExpires, "Jours avant expiration, de 1 à 366, ou none (granularité fine seulement ; 30 par défaut chez GitHub)."),
    (ArgPermission, "Une permission à granularité fine et son niveau, p. ex. contents=write ; répétez pour en ajouter."),
    (ArgScope, "Une portée classique, p. ex. repo ; répétez l’option ou séparez les portées par des virgules."),
    (ValueKind, "TYPE"),
    (ValueText, "TEXTE"),
    (ValueLogin, "COMPTE"),
    (ValueDays, "JOURS|none"),
    (ValuePermission, "CLÉ=NIVEAU"),
    (ValueScope, "PORTÉE"),];

fn table(lang: Lang) -> &'static [(Key, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
    }
}

/// `jeton app`'s texts, kept apart in `text_app.rs`.
fn app_table(lang: Lang) -> &'static [(Key, &'static str)] {
    match lang {
        Lang::En => super::text_app::EN,
        Lang::Fr => super::text_app::FR,
    }
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let find = |table: &'static [(Key, &'static str)]| table.iter().find(|(k, _)| *k == key).map(|(_, s)| *s);
    // The completeness test makes the English fallback unreachable.
    find(table(lang)).or_else(|| find(app_table(lang))).or_else(|| find(EN)).unwrap_or("?")
}

/// The text of `key` in `lang` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    args.iter().fold(t(lang, key).to_owned(), |s, (name, value)| s.replace(&format!("{{{name}}}"), value))
}

pub fn kind(lang: Lang, kind: TokenKind) -> &'static str {
    t(
        lang,
        match kind {
            TokenKind::Classic => KindClassic,
            TokenKind::FineGrained => KindFineGrained,
            TokenKind::Oauth => KindOauth,
            TokenKind::AppUser => KindAppUser,
            TokenKind::AppInstallation => KindAppInstallation,
            TokenKind::AppRefresh => KindAppRefresh,
            TokenKind::Legacy => KindLegacy,
        },
    )
}

pub fn status(lang: Lang, status: TokenStatus) -> &'static str {
    t(
        lang,
        match status {
            TokenStatus::Valid => StatusValid,
            TokenStatus::Expiring => StatusExpiring,
            TokenStatus::Expired => StatusExpired,
            TokenStatus::Invalid => StatusInvalid,
            TokenStatus::SsoRequired => StatusSsoRequired,
            TokenStatus::Unreachable => StatusUnreachable,
            TokenStatus::RateLimited => StatusRateLimited,
            TokenStatus::Unknown => StatusUnknown,
        },
    )
}

/// "expires in 3 days", "expire demain", ...: `days` are calendar days until expiry.
pub fn days(lang: Lang, days: i64) -> String {
    let n = days.abs().to_string();
    match days {
        0 => t(lang, DaysToday).to_owned(),
        1 => t(lang, DaysTomorrow).to_owned(),
        -1 => tf(lang, DaysAgoOne, &[("n", &n)]),
        d if d < 0 => tf(lang, DaysAgo, &[("n", &n)]),
        _ => tf(lang, DaysIn, &[("n", &n)]),
    }
}

/// The closing line of `status` and `recheck`: how many tokens need attention.
pub fn summary(lang: Lang, total: usize, flagged: usize) -> String {
    let key = match flagged {
        0 => AllFine,
        1 => AttentionOne,
        _ => AttentionMany,
    };
    tf(lang, key, &[("total", &total.to_string()), ("n", &flagged.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name)).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_have_every_key_once_with_the_same_placeholders() {
        for &key in Key::ALL {
            for (lang, l) in [("en", Lang::En), ("fr", Lang::Fr)] {
                let both = table(l).iter().chain(app_table(l));
                let found: Vec<_> = both.filter(|(k, _)| *k == key).collect();
                assert_eq!(found.len(), 1, "{key:?} appears {} times in {lang}", found.len());
                assert!(!found[0].1.trim().is_empty(), "{key:?} is empty in {lang}");
            }
            let (en, fr) = (t(Lang::En, key), t(Lang::Fr, key));
            assert_eq!(placeholders(en), placeholders(fr), "{key:?}: {en} / {fr}");
        }
        assert_eq!(EN.len() + app_table(Lang::En).len(), Key::ALL.len());
        assert_eq!(FR.len() + app_table(Lang::Fr).len(), Key::ALL.len());
    }

    #[test]
    fn french_differs_from_english_except_for_shared_words() {
        // Words both languages write the same way.
        let shared = [
            Unknown,
            KindOauth,
            StatusSsoRequired,
            UsageCheck,
            UsageList,
            UsageGitCredential,
            UsageSetupGit,
            UsageDiscover,
            UsageImportFound,
            UsageCompletions,
            ValueShell,
            UsageRecheck,
            HeadingOptions,
            ValueUrl,
            ValueCount,
            UsageAppGroup,
            UsageAppList,
            ValueInstallation,
            UsageAppRequests,
            UsageAppGrants,
            UsageAppRevokeGrant,
        ];
        for &key in Key::ALL.iter().filter(|k| !shared.contains(k)) {
            assert_ne!(t(Lang::En, key).trim(), t(Lang::Fr, key).trim(), "{key:?} is not translated");
        }
    }

    #[test]
    fn day_counts() {
        assert_eq!(days(Lang::Fr, 1), "expire demain");
        assert_eq!(days(Lang::Fr, 3), "expire dans 3 jours");
        assert_eq!(days(Lang::En, 0), "expires today");
        assert_eq!(days(Lang::En, -1), "expired 1 day ago");
        assert_eq!(days(Lang::En, -4), "expired 4 days ago");
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(Lang::En, 3, 0), "3 token(s), none needs attention.");
        assert_eq!(summary(Lang::Fr, 3, 2), "3 jeton(s), 2 demandent votre attention.");
    }
}
