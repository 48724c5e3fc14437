//! The sentences of the errors met while revoking a token at GitHub (revoke.rs), in
//! English and French. Each says that nothing was forgotten and what to do.

use crate::error::Error;
use crate::i18n::Lang;

pub(super) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match e {
        Error::RevokeRefused { status, detail } => {
            let said = detail.as_deref().map(|d| format!(" (« {d} »)")).unwrap_or_default();
            let said_en = detail.as_deref().map(|d| format!(" (\"{d}\")")).unwrap_or_default();
            match (*status, fr) {
                (403, false) => format!("GitHub refused the revocation{said_en}: the request reached it with credentials, which this endpoint refuses (a proxy may add them). Jeton forgot nothing. Delete the token on its settings page instead, then forget it in Jeton."),
                (403, true) => format!("GitHub a refusé la révocation{said} : la requête lui est parvenue avec des identifiants, que ce point d’accès refuse (un proxy peut les ajouter). Jeton n’a rien oublié. Supprimez plutôt le jeton depuis sa page de paramètres, puis oubliez-le dans Jeton."),
                (_, false) => format!("GitHub refused the revocation (HTTP {status}{said_en}): the request was invalid or too many were sent. Jeton forgot nothing. Try again in an hour, or delete the token on its settings page."),
                (_, true) => format!("GitHub a refusé la révocation (HTTP {status}{said}) : la requête était invalide ou trop de requêtes ont été envoyées. Jeton n’a rien oublié. Réessayez dans une heure, ou supprimez le jeton depuis sa page de paramètres."),
            }
        }
        Error::RevokeRateLimited { retry_after_secs } => {
            let wait = retry_after_secs.map(|s| s.div_ceil(60).max(1));
            match (fr, wait) {
                (false, Some(m)) => format!("GitHub accepts 60 revocation requests an hour and this hour's are used. Jeton forgot nothing; try again in about {m} minute(s)."),
                (false, None) => "GitHub accepts 60 revocation requests an hour and this hour's are used. Jeton forgot nothing; try again later.".into(),
                (true, Some(m)) => format!("GitHub accepte 60 demandes de révocation par heure et celles de cette heure sont épuisées. Jeton n’a rien oublié ; réessayez dans environ {m} minute(s)."),
                (true, None) => "GitHub accepte 60 demandes de révocation par heure et celles de cette heure sont épuisées. Jeton n’a rien oublié ; réessayez plus tard.".into(),
            }
        }
        other => unreachable!("not a revocation error: {}", other.code()),
    }
}

#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    vec![
        Error::RevokeRefused { status: 422, detail: Some("Validation failed".into()) },
        Error::RevokeRefused { status: 403, detail: None },
        Error::RevokeRateLimited { retry_after_secs: Some(600) },
        Error::RevokeRateLimited { retry_after_secs: None },
    ]
}
