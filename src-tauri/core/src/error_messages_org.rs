//! The sentences of the errors met reviewing an organization's fine-grained tokens
//! (apps/org_review.rs), in English and French. Each says what to do.

use crate::error::Error;
use crate::i18n::Lang;

/// GitHub's name of a permission, as its settings pages show it.
fn permission_name(key: &str, fr: bool) -> &str {
    match (key, fr) {
        ("organization_personal_access_token_requests", false) => "Personal access token requests",
        ("organization_personal_access_token_requests", true) => {
            "Personal access token requests (demandes de jetons d’accès personnels)"
        }
        ("organization_personal_access_tokens", false) => "Personal access tokens",
        ("organization_personal_access_tokens", true) => "Personal access tokens (jetons d’accès personnels)",
        (other, _) => other,
    }
}

pub(super) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let pick = |en: String, fr_text: String| if fr { fr_text } else { en };
    match e {
        Error::OrgReviewNoInstallation { org, permission, level } => pick(
            format!("No GitHub App in Jeton is installed on \"{org}\" with the organization permission \"{}\" ({level}), which GitHub asks for here (Jeton listed the apps' installations again to be sure). Install an app on {org} with it, or add the permission on the installation's settings page and accept it; add the app with \"jeton app add\" if Jeton does not have it yet; then try again.", permission_name(permission, false)),
            format!("Aucune application GitHub de Jeton n’est installée sur « {org} » avec la permission d’organisation « {} » ({level}), que GitHub demande ici (Jeton a listé à nouveau les installations des applications pour s’en assurer). Installez sur {org} une application qui l’a, ou ajoutez la permission depuis la page de paramètres de l’installation et acceptez-la ; ajoutez l’application avec « jeton app add » si Jeton ne l’a pas encore ; puis réessayez.", permission_name(permission, true)),
        ),
        Error::OrgRequestAlreadyReviewed { org, id } => pick(
            format!("The request {id} of {org} is no longer pending: it was approved or denied already (by another owner, or earlier). Nothing was changed; run \"jeton app requests {org}\" to see what is still pending, and \"jeton app grants {org}\" for the tokens approved."),
            format!("La demande {id} de {org} n’est plus en attente : elle a déjà été approuvée ou refusée (par un autre propriétaire, ou plus tôt). Rien n’a été modifié ; lancez « jeton app requests {org} » pour voir ce qui attend encore, et « jeton app grants {org} » pour les jetons approuvés."),
        ),
        Error::OrgRequestUnknown { org, id } => pick(
            format!("{org} has no pending request {id}. Nothing was changed; run \"jeton app requests {org}\" to see the requests and their numbers."),
            format!("{org} n’a pas de demande {id} en attente. Rien n’a été modifié ; lancez « jeton app requests {org} » pour voir les demandes et leurs numéros."),
        ),
        Error::OrgGrantUnknown { org, id } => pick(
            format!("No fine-grained token has the access {id} to {org} (it was never approved, or its access was revoked already). Nothing was changed; run \"jeton app grants {org}\" to see the tokens and their numbers."),
            format!("Aucun jeton à granularité fine n’a l’accès {id} à {org} (il n’a jamais été approuvé, ou son accès a déjà été révoqué). Rien n’a été modifié ; lancez « jeton app grants {org} » pour voir les jetons et leurs numéros."),
        ),
        Error::OrgReviewRefused { org } => pick(
            format!("GitHub refused the app installation's token for {org}'s token reviews: the installation no longer has the needed permission, or was removed. Check its permissions on the installation's settings page, then list the app again with \"jeton app list\"."),
            format!("GitHub a refusé le jeton de l’installation pour la revue des jetons de {org} : l’installation n’a plus la permission nécessaire, ou a été supprimée. Vérifiez ses permissions depuis la page de paramètres de l’installation, puis listez l’application à nouveau avec « jeton app list »."),
        ),
        Error::OrgReviewReasonTooLong { max } => pick(
            format!("The reason is longer than the {max} characters GitHub takes. Shorten it; nothing was sent."),
            format!("La raison dépasse les {max} caractères que GitHub accepte. Raccourcissez-la ; rien n’a été envoyé."),
        ),
        other => unreachable!("not an organization review error: {}", other.code()),
    }
}

#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    vec![
        Error::OrgReviewNoInstallation {
            org: "acme".into(),
            permission: "organization_personal_access_token_requests".into(),
            level: "write".into(),
        },
        Error::OrgRequestAlreadyReviewed { org: "acme".into(), id: 25381 },
        Error::OrgRequestUnknown { org: "acme".into(), id: 7 },
        Error::OrgGrantUnknown { org: "acme".into(), id: 7 },
        Error::OrgReviewRefused { org: "acme".into() },
        Error::OrgReviewReasonTooLong { max: 1024 },
    ]
}
