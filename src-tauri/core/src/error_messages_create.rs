//! The sentences of the errors met while making a token through GitHub's page and
//! taking it back (create.rs), in English and French. Each says what to do.

use crate::error::Error;
use crate::github::request::RequestKind;
use crate::i18n::Lang;
use crate::model::TokenKind;

fn requested(kind: RequestKind, fr: bool) -> &'static str {
    match (kind, fr) {
        (RequestKind::Classic, false) => "a classic token (ghp_…)",
        (RequestKind::Classic, true) => "un jeton classique (ghp_…)",
        (RequestKind::FineGrained, false) => "a fine-grained token (github_pat_…)",
        (RequestKind::FineGrained, true) => "un jeton à granularité fine (github_pat_…)",
    }
}

fn found(kind: TokenKind, fr: bool) -> &'static str {
    use TokenKind::*;
    match (kind, fr) {
        (Classic, false) => "a classic token",
        (Classic, true) => "un jeton classique",
        (FineGrained, false) => "a fine-grained token",
        (FineGrained, true) => "un jeton à granularité fine",
        (Oauth, false) => "an OAuth app token",
        (Oauth, true) => "un jeton d’application OAuth",
        (AppUser | AppInstallation | AppRefresh, false) => "a GitHub App token",
        (AppUser | AppInstallation | AppRefresh, true) => "un jeton d’application GitHub",
        (Legacy, false) => "an old-style 40-character token",
        (Legacy, true) => "un jeton à l’ancien format de 40 caractères",
    }
}

pub(super) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let pick = |en: String, fr_text: String| if fr { fr_text } else { en };
    match e {
        Error::RequestOwnerUnknown { owner } => pick(
            format!("\"{owner}\" is neither this account nor one of its organizations on GitHub, so it cannot own the token. Check the spelling, or choose yourself or one of your organizations as the owner."),
            format!("« {owner} » n’est ni ce compte ni l’une de ses organisations sur GitHub : il ne peut donc pas être propriétaire du jeton. Vérifiez l’orthographe, ou choisissez-vous ou l’une de vos organisations comme propriétaire."),
        ),
        Error::TokenWrongKind { expected, found: f } => pick(
            format!("This is {}, but Jeton asked GitHub for {}. Copy the token GitHub just showed on the page Jeton opened; nothing was stored.", found(*f, false), requested(*expected, false)),
            format!("C’est {}, mais Jeton a demandé à GitHub {}. Copiez le jeton que GitHub vient d’afficher sur la page ouverte par Jeton ; rien n’a été enregistré.", found(*f, true), requested(*expected, true)),
        ),
        Error::TokenWrongAccount { expected, found } => pick(
            format!("This token belongs to {found}, not to {expected}. Sign in to GitHub as {expected} and make the token again, or choose {found} as the account; nothing was stored."),
            format!("Ce jeton appartient à {found}, pas à {expected}. Connectez-vous à GitHub en tant que {expected} et créez à nouveau le jeton, ou choisissez {found} comme compte ; rien n’a été enregistré."),
        ),
        Error::ClipboardEmpty => pick(
            "The clipboard holds no text. On GitHub's page, click the copy button beside the new token, then try again.".into(),
            "Le presse-papiers ne contient pas de texte. Sur la page de GitHub, cliquez sur le bouton de copie à côté du nouveau jeton, puis réessayez.".into(),
        ),
        Error::ClipboardNotToken => pick(
            "The clipboard holds something that is not a GitHub token. On GitHub's page, copy the whole new token (it starts with ghp_ or github_pat_), then try again.".into(),
            "Le presse-papiers contient autre chose qu’un jeton GitHub. Sur la page de GitHub, copiez le nouveau jeton en entier (il commence par ghp_ ou github_pat_), puis réessayez.".into(),
        ),
        Error::BrowserUnavailable { detail } => pick(
            format!("No web browser could be opened ({detail}). Set a default web browser, then try again; or copy the page's address that Jeton shows into a browser yourself."),
            format!("Aucun navigateur n’a pu être ouvert ({detail}). Choisissez un navigateur par défaut, puis réessayez ; ou copiez vous-même dans un navigateur l’adresse de la page que Jeton affiche."),
        ),
        other => unreachable!("{} is not a creation error", other.code()),
    }
}

/// One of each, for the completeness tests of error_messages.rs.
#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    vec![
        Error::RequestOwnerUnknown { owner: "acme".into() },
        Error::TokenWrongKind { expected: RequestKind::FineGrained, found: TokenKind::Classic },
        Error::TokenWrongAccount { expected: "octocat".into(), found: "hubot".into() },
        Error::ClipboardEmpty,
        Error::ClipboardNotToken,
        Error::BrowserUnavailable { detail: "xdg-open not found".into() },
    ]
}
