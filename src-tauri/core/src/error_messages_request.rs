//! The sentences of the `request_*` errors (a token request that breaks one of GitHub's
//! rules for its creation page, github/request.rs), in English and French. Each names
//! the rule broken and what to do.

use crate::error::Error;
use crate::github::permissions::Section;
use crate::github::request::{RequestKind, RequestOption};
use crate::i18n::Lang;

fn or_list(items: &[String], fr: bool) -> String {
    let quoted: Vec<String> = items.iter().map(|i| if fr { format!("« {i} »") } else { format!("\"{i}\"") }).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), if fr { "ou" } else { "or" }),
    }
}

pub(super) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let pick = |en: String, fr_text: String| if fr { fr_text } else { en };
    match e {
        Error::RequestNameInvalid => pick(
            "The token needs a name: at least one visible character, on one line (no line break or control character).".into(),
            "Le jeton a besoin d’un nom : au moins un caractère visible, sur une ligne (sans saut de ligne ni caractère de contrôle).".into(),
        ),
        Error::RequestNameTooLong { length, max } => pick(
            format!("The name has {length} characters; GitHub allows at most {max}. Shorten it."),
            format!("Le nom a {length} caractères ; GitHub en permet au plus {max}. Raccourcissez-le."),
        ),
        Error::RequestDescriptionTooLong { length, max } => pick(
            format!("The description has {length} characters; GitHub allows at most {max}. Shorten it."),
            format!("La description a {length} caractères ; GitHub en permet au plus {max}. Raccourcissez-la."),
        ),
        Error::RequestExpiryInvalid { given } => pick(
            format!("\"{given}\" is not an expiry GitHub accepts: give a number of days from 1 to 366, or none for a token that never expires."),
            format!("« {given} » n’est pas une expiration acceptée par GitHub : donnez un nombre de jours de 1 à 366, ou none pour un jeton qui n’expire jamais."),
        ),
        Error::RequestOwnerInvalid { owner } => pick(
            format!("\"{owner}\" is not a GitHub account name: 1 to 39 letters, digits or hyphens, not starting with a hyphen. Give the user or organization that owns the repositories."),
            format!("« {owner} » n’est pas un nom de compte GitHub : 1 à 39 lettres, chiffres ou tirets, sans tiret au début. Donnez l’utilisateur ou l’organisation propriétaire des dépôts."),
        ),
        Error::RequestPermissionUnknown { key } => pick(
            format!("Fine-grained tokens have no permission \"{key}\". Choose one from Jeton's list of permissions (their names are GitHub's, such as contents or pull_requests)."),
            format!("Les jetons à granularité fine n’ont pas de permission « {key} ». Choisissez-en une dans la liste de Jeton (leurs noms sont ceux de GitHub, comme contents ou pull_requests)."),
        ),
        Error::RequestLevelNotAllowed { key, level, allowed } => pick(
            format!("The permission \"{key}\" cannot be \"{level}\": GitHub allows only {}. Choose one of these.", or_list(allowed, false)),
            format!("La permission « {key} » ne peut pas être « {level} » : GitHub ne permet que {}. Choisissez l’un de ces niveaux.", or_list(allowed, true)),
        ),
        Error::RequestPermissionsConflict { account, organization } => pick(
            format!("\"{account}\" is an account permission and \"{organization}\" an organization one: a token has one owner, you or an organization, so it cannot have both. Drop one, or make two tokens."),
            format!("« {account} » est une permission de compte et « {organization} » une permission d’organisation : un jeton a un seul propriétaire, vous ou une organisation, il ne peut donc pas avoir les deux. Retirez-en une, ou créez deux jetons."),
        ),
        Error::RequestPermissionWrongOwner { key, section: Section::Account } => pick(
            format!("\"{key}\" is an account permission: it only applies when the token's owner is you. Choose yourself as the owner, or drop it."),
            format!("« {key} » est une permission de compte : elle ne s’applique que si le propriétaire du jeton est vous. Choisissez-vous comme propriétaire, ou retirez-la."),
        ),
        Error::RequestPermissionWrongOwner { key, .. } => pick(
            format!("\"{key}\" is an organization permission: it only applies when the token's owner is an organization. Choose an organization as the owner, or drop it."),
            format!("« {key} » est une permission d’organisation : elle ne s’applique que si le propriétaire du jeton est une organisation. Choisissez une organisation comme propriétaire, ou retirez-la."),
        ),
        Error::RequestScopeUnknown { scope } => pick(
            format!("\"{scope}\" is not a classic scope GitHub documents. Choose one from Jeton's list of scopes (such as repo, read:org or gist)."),
            format!("« {scope} » n’est pas une portée classique documentée par GitHub. Choisissez-en une dans la liste de Jeton (comme repo, read:org ou gist)."),
        ),
        Error::RequestOptionNotForKind { option, kind } => not_for_kind(*option, *kind, fr),
        other => unreachable!("{} is not a request error", other.code()),
    }
}

fn not_for_kind(option: RequestOption, kind: RequestKind, fr: bool) -> String {
    use RequestOption::*;
    let (en, fr_text) = match (option, kind) {
        (Scopes, _) => (
            "Scopes are for classic tokens; a fine-grained token has permissions instead. Choose permissions, or make a classic token.",
            "Les portées sont pour les jetons classiques ; un jeton à granularité fine a des permissions à la place. Choisissez des permissions, ou créez un jeton classique.",
        ),
        (Permissions, _) => (
            "Permissions are for fine-grained tokens; a classic token has scopes instead. Choose scopes, or make a fine-grained token.",
            "Les permissions sont pour les jetons à granularité fine ; un jeton classique a des portées à la place. Choisissez des portées, ou créez un jeton à granularité fine.",
        ),
        (Owner, _) => (
            "A classic token has no resource owner: it reaches everything your account can. Leave the owner out, or make a fine-grained token.",
            "Un jeton classique n’a pas de propriétaire de ressources : il atteint tout ce que votre compte atteint. Ne donnez pas de propriétaire, ou créez un jeton à granularité fine.",
        ),
        (Expiry, _) => (
            "GitHub's page for classic tokens cannot be pre-filled with an expiry. Leave it out and choose the expiry on GitHub's page.",
            "La page de GitHub pour les jetons classiques ne peut pas être pré-remplie avec une expiration. Ne la donnez pas et choisissez-la sur la page de GitHub.",
        ),
        (Description, _) => (
            "A classic token has only a note, which is its name. Leave the description out, or put it in the name.",
            "Un jeton classique n’a qu’une note, qui est son nom. Ne donnez pas de description, ou mettez-la dans le nom.",
        ),
    };
    if fr {
        fr_text.into()
    } else {
        en.into()
    }
}

/// One of each, for the completeness tests of error_messages.rs.
#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    let mut out = vec![
        Error::RequestNameInvalid,
        Error::RequestNameTooLong { length: 41, max: 40 },
        Error::RequestDescriptionTooLong { length: 1025, max: 1024 },
        Error::RequestExpiryInvalid { given: "400".into() },
        Error::RequestOwnerInvalid { owner: "-x".into() },
        Error::RequestPermissionUnknown { key: "checks".into() },
        Error::RequestLevelNotAllowed {
            key: "contents".into(),
            level: "admin".into(),
            allowed: vec!["read".into(), "write".into()],
        },
        Error::RequestPermissionsConflict { account: "gists".into(), organization: "members".into() },
        Error::RequestPermissionWrongOwner { key: "gists".into(), section: Section::Account },
        Error::RequestPermissionWrongOwner { key: "members".into(), section: Section::Organization },
        Error::RequestScopeUnknown { scope: "rep".into() },
    ];
    for option in [
        RequestOption::Scopes,
        RequestOption::Permissions,
        RequestOption::Owner,
        RequestOption::Expiry,
        RequestOption::Description,
    ] {
        out.push(Error::RequestOptionNotForKind { option, kind: RequestKind::Classic });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sentence_names_the_rule_and_the_values() {
        let m = |e: Error, lang| e.message(lang);
        assert!(m(Error::RequestNameTooLong { length: 41, max: 40 }, Lang::En).contains("at most 40"));
        let level = Error::RequestLevelNotAllowed {
            key: "contents".into(),
            level: "admin".into(),
            allowed: vec!["read".into(), "write".into()],
        };
        assert_eq!(
            m(level.clone(), Lang::En),
            "The permission \"contents\" cannot be \"admin\": GitHub allows only \"read\" or \"write\". Choose one of these."
        );
        assert!(m(level, Lang::Fr).contains("« read » ou « write »"));
        assert!(m(Error::RequestExpiryInvalid { given: "400".into() }, Lang::En).contains("from 1 to 366"));
        let samples = samples();
        let sentences: std::collections::HashSet<String> = samples.iter().map(|e| e.message(Lang::En)).collect();
        assert_eq!(sentences.len(), samples.len(), "every refusal says something of its own");
    }
}
