//! The sentences behind each error code, in English and French.

use crate::error::{Error, HostRule, MalformedRule};
use crate::i18n::Lang;

#[path = "error_messages_app.rs"]
mod app;
#[path = "error_messages_create.rs"]
mod create;
#[path = "error_messages_discover.rs"]
mod discover;
#[path = "error_messages_org.rs"]
mod org;
#[path = "error_messages_request.rs"]
mod request;
#[path = "error_messages_revoke.rs"]
mod revoke;

fn rule_text(rule: MalformedRule, lang: Lang) -> &'static str {
    use MalformedRule::*;
    match (rule, lang) {
        (Empty, Lang::En) => "it is empty",
        (Empty, Lang::Fr) => "il est vide",
        (WhitespaceInside, Lang::En) => "it has a space or line break inside it",
        (WhitespaceInside, Lang::Fr) => "il contient une espace ou un saut de ligne",
        (UnknownPrefix, Lang::En) => "it does not start like any GitHub token (ghp_, github_pat_, gho_, ghu_, ghs_, ghr_, or 40 hexadecimal characters)",
        (UnknownPrefix, Lang::Fr) => "il ne commence pas comme un jeton GitHub (ghp_, github_pat_, gho_, ghu_, ghs_, ghr_, ou 40 caractères hexadécimaux)",
        (Length, Lang::En) => "it has the wrong length for its kind",
        (Length, Lang::Fr) => "sa longueur ne correspond pas à son type",
        (Charset, Lang::En) => "it has characters GitHub never puts in a token",
        (Charset, Lang::Fr) => "il contient des caractères que GitHub ne met jamais dans un jeton",
        (Checksum, Lang::En) => "its checksum does not match (a character was changed or lost when copying)",
        (Checksum, Lang::Fr) => "sa somme de contrôle ne correspond pas (un caractère a été modifié ou perdu à la copie)",
        (Structure, Lang::En) => "its parts are not laid out as GitHub lays them out",
        (Structure, Lang::Fr) => "ses parties ne sont pas agencées comme GitHub les agence",
    }
}

pub(crate) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match e {
        Error::TokenMalformed { rule } => {
            let why = rule_text(*rule, lang);
            if fr {
                format!("Ce n’est pas un jeton GitHub valide : {why}. Copiez à nouveau le jeton entier depuis GitHub.")
            } else {
                format!("This is not a valid GitHub token: {why}. Copy the whole token from GitHub again.")
            }
        }
        Error::TokenInvalid => {
            if fr {
                "GitHub refuse ce jeton (identifiants incorrects) : il a été révoqué, a expiré ou n’a jamais existé. Créez-en un nouveau.".into()
            } else {
                "GitHub rejects this token (bad credentials): it was revoked, has expired or never existed. Create a new one.".into()
            }
        }
        Error::TokenExpired => {
            if fr {
                "Ce jeton a expiré. Renouvelez-le pour continuer à l’utiliser.".into()
            } else {
                "This token has expired. Renew it to keep using it.".into()
            }
        }
        Error::SsoRequired { url } => {
            let at = url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
            if fr {
                format!("Une organisation exige l’authentification SAML pour ce jeton. Autorisez-le depuis la page SSO{at}, puis vérifiez-le à nouveau.")
            } else {
                format!("An organization requires SAML single sign-on for this token. Authorize it on the SSO page{at}, then check it again.")
            }
        }
        Error::RateLimited { retry_after_secs } => {
            let wait = retry_after_secs.map(|s| s.div_ceil(60).max(1));
            match (fr, wait) {
                (false, Some(m)) => format!("GitHub's rate limit is reached for this account. Try again in about {m} minute(s)."),
                (false, None) => "GitHub's rate limit is reached for this account. Try again in a few minutes.".into(),
                (true, Some(m)) => format!("La limite de requêtes de GitHub est atteinte pour ce compte. Réessayez dans environ {m} minute(s)."),
                (true, None) => "La limite de requêtes de GitHub est atteinte pour ce compte. Réessayez dans quelques minutes.".into(),
            }
        }
        Error::Network { host, detail } => {
            if fr {
                format!("Impossible de joindre {host} ({detail}). Vérifiez votre connexion ou l’adresse de l’hôte, puis réessayez.")
            } else {
                format!(
                    "Could not reach {host} ({detail}). Check your connection or the host's address, then try again."
                )
            }
        }
        Error::BadResponse { host, detail } => {
            if fr {
                format!("{host} a renvoyé une réponse illisible ({detail}). Ce n’est peut-être pas une API GitHub ; vérifiez l’adresse ou réessayez plus tard.")
            } else {
                format!("{host} sent an answer Jeton cannot read ({detail}). It may not be a GitHub API; check the address or try again later.")
            }
        }
        Error::HostInvalid { url, reason } => {
            let why = match (reason, fr) {
                (HostRule::Unparsable, false) => "it is not a web address",
                (HostRule::Unparsable, true) => "ce n’est pas une adresse web",
                (HostRule::PlainHttpNotLoopback, false) => {
                    "plain http:// is only allowed for this computer (localhost); use https://"
                }
                (HostRule::PlainHttpNotLoopback, true) => {
                    "http:// n’est permis que pour cet ordinateur (localhost) ; utilisez https://"
                }
                (HostRule::Scheme, false) => "it must start with https://",
                (HostRule::Scheme, true) => "elle doit commencer par https://",
                (HostRule::Credentials, false) => {
                    "it contains a user name or password, which Jeton would send and store; give the address alone, such as https://ghe.example.com"
                }
                (HostRule::Credentials, true) => {
                    "elle contient un nom d’utilisateur ou un mot de passe, que Jeton enverrait et enregistrerait ; donnez l’adresse seule, par exemple https://ghe.example.com"
                }
                (HostRule::Path, false) => {
                    "a host has no path after its name; give its address alone, such as https://ghe.example.com"
                }
                (HostRule::Path, true) => {
                    "un hôte n’a pas de chemin après son nom ; donnez son adresse seule, par exemple https://ghe.example.com"
                }
                (HostRule::Query, false) => {
                    "a host has no query (the part after ?); give its address alone, such as https://ghe.example.com"
                }
                (HostRule::Query, true) => {
                    "un hôte n’a pas de paramètres (la partie après ?) ; donnez son adresse seule, par exemple https://ghe.example.com"
                }
                (HostRule::Fragment, false) => {
                    "a host has no fragment (the part after #); give its address alone, such as https://ghe.example.com"
                }
                (HostRule::Fragment, true) => {
                    "un hôte n’a pas de fragment (la partie après #) ; donnez son adresse seule, par exemple https://ghe.example.com"
                }
                (HostRule::Token, false) => {
                    "it looks like a token, not a host; give the token as the token and the host as its address, such as https://ghe.example.com"
                }
                (HostRule::Token, true) => {
                    "cela ressemble à un jeton, pas à un hôte ; donnez le jeton comme jeton et l’hôte par son adresse, par exemple https://ghe.example.com"
                }
            };
            match (url, fr) {
                (Some(url), true) => format!("L’hôte « {url} » est refusé : {why}."),
                (Some(url), false) => format!("The host \"{url}\" is refused: {why}."),
                (None, true) => format!("Cet hôte est refusé : {why}."),
                (None, false) => format!("This host is refused: {why}."),
            }
        }
        Error::KeychainUnavailable { detail } => {
            if fr {
                format!("Le trousseau du système est indisponible ({detail}). Jeton n’enregistre jamais de jeton en clair : démarrez le service de trousseau (Secret Service, p. ex. gnome-keyring), puis réessayez.")
            } else {
                format!("The system keychain is unavailable ({detail}). Jeton never stores a token in plain text: start the keychain service (Secret Service, e.g. gnome-keyring), then try again.")
            }
        }
        Error::KeychainLocked => {
            if fr {
                "Le trousseau du système est verrouillé. Déverrouillez-le (mot de passe de session), puis réessayez."
                    .into()
            } else {
                "The system keychain is locked. Unlock it (your login password), then try again.".into()
            }
        }
        Error::KeychainTimeout => {
            if fr {
                "Le trousseau n’a pas répondu à temps. S’il demande un mot de passe, saisissez-le, puis réessayez."
                    .into()
            } else {
                "The keychain did not answer in time. If it is asking for a password, enter it, then try again.".into()
            }
        }
        Error::SecretMissing { name } => {
            if fr {
                format!("Le secret du jeton « {name} » n’est plus dans le trousseau. Ajoutez le jeton à nouveau ou oubliez-le.")
            } else {
                format!(
                    "The secret of token \"{name}\" is no longer in the keychain. Add the token again or forget it."
                )
            }
        }
        Error::NotFound { name } => {
            if fr {
                format!("Aucun jeton nommé « {name} ». `jeton list` montre les noms connus.")
            } else {
                format!("No token is named \"{name}\". `jeton list` shows the names Jeton knows.")
            }
        }
        Error::NameTaken { name } => {
            if fr {
                format!("Un jeton s’appelle déjà « {name} ». Choisissez un autre nom.")
            } else {
                format!("A token is already named \"{name}\". Choose another name.")
            }
        }
        Error::NameInvalid => {
            if fr {
                "Donnez au jeton un nom de 1 à 100 caractères, sans saut de ligne.".into()
            } else {
                "Give the token a name of 1 to 100 characters, with no line break.".into()
            }
        }
        Error::MetadataCorrupt { path, backup, .. } => {
            let kept = backup
                .as_deref()
                .map(|b| {
                    if fr {
                        format!(" Une copie est conservée dans {b}.")
                    } else {
                        format!(" A copy is kept at {b}.")
                    }
                })
                .unwrap_or_default();
            if fr {
                format!("Le fichier de Jeton {path} est illisible ; Jeton l’ouvre en lecture seule et ne l’écrasera pas.{kept} Restaurez une sauvegarde ou signalez le problème.")
            } else {
                format!("Jeton's file {path} cannot be read; Jeton opens it read-only and will not overwrite it.{kept} Restore a backup or report the problem.")
            }
        }
        Error::MetadataTooNew { path, found, supported } => {
            if fr {
                format!("{path} vient d’une version plus récente de Jeton (format {found}, celle-ci lit jusqu’au {supported}). Mettez Jeton à jour ; en attendant il est en lecture seule.")
            } else {
                format!("{path} comes from a newer Jeton (format {found}; this one reads up to {supported}). Update Jeton; until then it is read-only.")
            }
        }
        Error::MetadataReadOnly => {
            if fr {
                "Les données de Jeton sont en lecture seule (fichier illisible ou trop récent). Aucune modification n’est enregistrée.".into()
            } else {
                "Jeton's data is read-only (unreadable or newer file). No change is saved.".into()
            }
        }
        Error::Storage { detail } => {
            if fr {
                format!("Jeton n’a pas pu écrire ses données ({detail}). Vérifiez l’espace disque et les droits du dossier de données.")
            } else {
                format!(
                    "Jeton could not write its data ({detail}). Check disk space and the data folder's permissions."
                )
            }
        }
        Error::ImportInvalid { detail } => {
            if fr {
                format!("Ce fichier n’est pas un export de Jeton lisible ({detail}) ; rien n’a été importé. Choisissez un fichier exporté par Jeton.")
            } else {
                format!("This file is not a Jeton export this version can read ({detail}); nothing was imported. Choose a file exported by Jeton.")
            }
        }
        Error::NotCheckable => {
            if fr {
                "C’est un jeton d’actualisation d’application GitHub (ghr_) : il ne peut pas appeler l’API de GitHub, donc Jeton ne peut pas le vérifier en ligne et ne l’envoie jamais (son format est correct). Son application l’échange contre un jeton utilisateur (ghu_) : vérifiez plutôt celui-ci.".into()
            } else {
                "This is a GitHub App refresh token (ghr_): it cannot call GitHub's API, so Jeton cannot check it online and never sends it (its format is correct). Its app exchanges it for a user token (ghu_): check that one instead.".into()
            }
        }
        Error::TokenDuplicate { name } => {
            if fr {
                format!("Ce jeton est déjà enregistré sous le nom « {name} ». Utilisez celui-ci, ou renommez-le au lieu de l’ajouter deux fois.")
            } else {
                format!("This token is already saved as \"{name}\". Use that one, or rename it, rather than adding it twice.")
            }
        }
        Error::TokenMismatch { expected, found } => {
            if fr {
                format!("Ce jeton appartient à {found}, pas à {expected}. Collez le jeton de {expected}, ou ajoutez celui-ci comme un nouveau jeton.")
            } else {
                format!("This token belongs to {found}, not {expected}. Paste {expected}’s token, or add this one as a new token.")
            }
        }
        Error::CertificateUntrusted { host } => {
            if fr {
                format!("Le certificat du serveur {host} n’est pas reconnu comme fiable (autorité inconnue, expiré ou émis pour un autre nom) ; Jeton n’y a rien envoyé. Si votre entreprise utilise sa propre autorité de certification, installez-la dans le magasin de certificats du système (demandez à votre service informatique), puis réessayez.")
            } else {
                format!("The server's certificate for {host} is not trusted (unknown authority, expired, or issued for another name), so Jeton sent nothing to it. If your company uses its own certificate authority, install it in the system's certificate store (ask your IT team), then try again.")
            }
        }
        Error::LoginLockedOut { host } => {
            if fr {
                format!("{host} refuse pour un moment tout jeton venant de cet ordinateur, après trop de jetons rejetés (limite d’échecs de connexion de GitHub). Jeton a cessé de l’interroger ; réessayez dans quelques minutes.")
            } else {
                format!("{host} is refusing every token from this computer for a while, after too many rejected ones (GitHub's failed-login limit). Jeton stopped asking it; try again in a few minutes.")
            }
        }
        Error::ClipboardUnavailable { detail } => {
            if fr {
                format!("Jeton n’a pas pu accéder au presse-papiers ({detail}). La copie demande une session graphique (X11, ou Wayland avec XWayland) : lancez Jeton dans une telle session, puis réessayez.")
            } else {
                format!("Jeton could not reach the clipboard ({detail}). Copying needs a graphical session (X11, or Wayland with XWayland): run Jeton inside one, then try again.")
            }
        }
        Error::Internal { detail } => {
            if fr {
                format!("Une erreur interne de Jeton s’est produite ({detail}). Réessayez ; si elle se répète, signalez-la.")
            } else {
                format!(
                    "Something went wrong inside Jeton ({detail}). Try again; if it happens again, please report it."
                )
            }
        }
        Error::PageRefused { url: Some(url), host } => {
            if fr {
                format!("Jeton n’ouvre pas {url} : ce n’est pas une page https de {host}, l’hôte de ce jeton. Revérifiez le jeton pour obtenir une adresse de son hôte.")
            } else {
                format!("Jeton does not open {url}: it is not an https page on {host}, this token’s host. Re-check the token to get an address from its host.")
            }
        }
        Error::PageRefused { url: None, host } => {
            if fr {
                format!("Jeton ne connaît pas de page SSO pour ce jeton sur {host}. Revérifiez le jeton : GitHub indiquera où l’autoriser.")
            } else {
                format!("Jeton knows no SSO page for this token on {host}. Re-check the token: GitHub says where to authorize it.")
            }
        }
        Error::RequestNameInvalid
        | Error::RequestNameTooLong { .. }
        | Error::RequestDescriptionTooLong { .. }
        | Error::RequestExpiryInvalid { .. }
        | Error::RequestOwnerInvalid { .. }
        | Error::RequestPermissionUnknown { .. }
        | Error::RequestLevelNotAllowed { .. }
        | Error::RequestPermissionsConflict { .. }
        | Error::RequestPermissionWrongOwner { .. }
        | Error::RequestScopeUnknown { .. }
        | Error::RequestOptionNotForKind { .. } => request::message(e, lang),
        Error::RequestOwnerUnknown { .. }
        | Error::TokenWrongKind { .. }
        | Error::TokenWrongAccount { .. }
        | Error::ClipboardEmpty
        | Error::ClipboardNotToken
        | Error::BrowserUnavailable { .. } => create::message(e, lang),
        Error::RevokeRefused { .. } | Error::RevokeRateLimited { .. } => revoke::message(e, lang),
        Error::OrgReviewNoInstallation { .. }
        | Error::OrgRequestAlreadyReviewed { .. }
        | Error::OrgRequestUnknown { .. }
        | Error::OrgGrantUnknown { .. }
        | Error::OrgReviewRefused { .. }
        | Error::OrgReviewReasonTooLong { .. } => org::message(e, lang),
        Error::AppKeyInvalid
        | Error::AppKeyRejected { .. }
        | Error::AppClockSkew { .. }
        | Error::AppInstallationNotFound { .. }
        | Error::AppPermissionNotGranted { .. }
        | Error::AppRepositoryNotReachable { .. }
        | Error::AppDuplicate { .. }
        | Error::AppKeyUnreadable { .. }
        | Error::AppClientIdInvalid { .. } => app::message(e, lang),
        Error::FoundChanged | Error::FoundNoHost | Error::FoundNotRemovable { .. } | Error::FoundNotStored => {
            discover::message(e, lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Error> {
        vec![
            Error::TokenMalformed { rule: MalformedRule::Checksum },
            Error::TokenInvalid,
            Error::TokenExpired,
            Error::SsoRequired { url: Some("https://github.com/orgs/x/sso".into()) },
            Error::RateLimited { retry_after_secs: Some(61) },
            Error::Network { host: "api.github.com".into(), detail: "refused".into() },
            Error::BadResponse { host: "h".into(), detail: "not JSON".into() },
            Error::HostInvalid { url: Some("http://x".into()), reason: HostRule::PlainHttpNotLoopback },
            Error::HostInvalid { url: None, reason: HostRule::Token },
            Error::KeychainUnavailable { detail: "no Secret Service".into() },
            Error::KeychainLocked,
            Error::KeychainTimeout,
            Error::SecretMissing { name: "n".into() },
            Error::NotFound { name: "n".into() },
            Error::NameTaken { name: "n".into() },
            Error::NameInvalid,
            Error::MetadataCorrupt { path: "p".into(), backup: Some("b".into()), detail: "d".into() },
            Error::MetadataTooNew { path: "p".into(), found: 9, supported: 1 },
            Error::MetadataReadOnly,
            Error::Storage { detail: "d".into() },
            Error::ImportInvalid { detail: "d".into() },
            Error::NotCheckable,
            Error::TokenDuplicate { name: "laptop".into() },
            Error::TokenMismatch { expected: "octocat on github.com".into(), found: "hubot on github.com".into() },
            Error::Internal { detail: "task stopped".into() },
            Error::CertificateUntrusted { host: "ghe.example.com".into() },
            Error::LoginLockedOut { host: "api.github.com".into() },
            Error::ClipboardUnavailable { detail: "no display".into() },
            Error::PageRefused { url: Some("https://evil.example/sso".into()), host: "https://github.com".into() },
            Error::PageRefused { url: None, host: "https://github.com".into() },
        ]
        .into_iter()
        .chain(super::request::samples())
        .chain(super::create::samples())
        .chain(super::discover::samples())
        .chain(super::revoke::samples())
        .chain(super::org::samples())
        .chain(super::app::samples())
        .collect()
    }

    #[test]
    fn every_error_has_a_sentence_in_both_languages() {
        for e in all() {
            let en = e.message(Lang::En);
            let fr = e.message(Lang::Fr);
            assert!(en.ends_with('.'), "{en}");
            assert!(fr.ends_with('.'), "{fr}");
            assert_ne!(en, fr, "{}", e.code());
            assert!(!e.code().is_empty());
        }
    }

    #[test]
    fn every_code_is_covered_and_stored_errors_read_back() {
        let codes: std::collections::HashSet<_> = all().iter().map(Error::error_code).collect();
        for code in crate::error::ErrorCode::ALL {
            assert!(codes.contains(code), "no sample for {}", code.as_str());
        }
        for e in all() {
            let stored = serde_json::to_value(&e).unwrap();
            assert_eq!(stored["code"], e.code(), "the stored tag is the stable code");
            assert_eq!(Error::from_stored(stored), e);
        }
        let unknown = Error::from_stored(serde_json::json!({"code": "from_the_future"}));
        assert_eq!(unknown.code(), "internal");
    }

    #[test]
    fn rate_limit_rounds_up_to_minutes() {
        let e = Error::RateLimited { retry_after_secs: Some(61) };
        assert!(e.message(Lang::En).contains("2 minute"));
    }
}
