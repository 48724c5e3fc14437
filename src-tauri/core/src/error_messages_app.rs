//! The sentences of the errors met with GitHub Apps and the installation tokens they
//! mint (apps/), in English and French. Each says what to do; none repeats key bytes.

use crate::error::Error;
use crate::i18n::Lang;

fn skew_words(secs: i64, fr: bool) -> String {
    let (n, unit) = if secs.abs() >= 120 { (secs.abs() / 60, "min") } else { (secs.abs(), "s") };
    match (secs >= 0, fr) {
        (true, false) => format!("{n} {unit} ahead of GitHub's"),
        (false, false) => format!("{n} {unit} behind GitHub's"),
        (true, true) => format!("en avance de {n} {unit} sur celle de GitHub"),
        (false, true) => format!("en retard de {n} {unit} sur celle de GitHub"),
    }
}

pub(super) fn message(e: &Error, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let pick = |en: String, fr_text: String| if fr { fr_text } else { en };
    match e {
        Error::AppKeyInvalid => pick(
            "This is not a GitHub App private key: Jeton expects the RSA private key in PEM form (the .pem file GitHub downloads, starting with \"-----BEGIN RSA PRIVATE KEY-----\"). Choose that file, or generate a new key on the app's settings page.".into(),
            "Ce n’est pas une clé privée d’application GitHub : Jeton attend la clé privée RSA au format PEM (le fichier .pem que GitHub télécharge, qui commence par « -----BEGIN RSA PRIVATE KEY----- »). Choisissez ce fichier, ou générez une nouvelle clé depuis la page de paramètres de l’application.".into(),
        ),
        Error::AppKeyRejected { issuer } => pick(
            format!("GitHub refused the app's signature: this private key is not a key of the app \"{issuer}\" on this host (or no app has that client ID or app ID). Check the client ID on the app's settings page and choose that app's .pem file. Nothing was stored."),
            format!("GitHub a refusé la signature de l’application : cette clé privée n’est pas une clé de l’application « {issuer} » sur cet hôte (ou aucune application n’a cet identifiant client ou d’application). Vérifiez l’identifiant client sur la page de paramètres de l’application et choisissez le fichier .pem de cette application. Rien n’a été enregistré."),
        ),
        Error::AppClockSkew { skew_secs: Some(secs) } => pick(
            format!("GitHub refused the app's signature because of the time: this computer's clock is {} (measured from GitHub's answer). Set the clock right (turn on automatic time), then try again.", skew_words(*secs, false)),
            format!("GitHub a refusé la signature de l’application à cause de l’heure : l’horloge de cet ordinateur est {} (mesuré d’après la réponse de GitHub). Remettez l’horloge à l’heure (activez l’heure automatique), puis réessayez.", skew_words(*secs, true)),
        ),
        Error::AppClockSkew { skew_secs: None } => pick(
            "GitHub refused the app's signature because of the time: this computer's clock seems wrong (GitHub's answer did not say its own time). Set the clock right (turn on automatic time), then try again.".into(),
            "GitHub a refusé la signature de l’application à cause de l’heure : l’horloge de cet ordinateur semble fausse (la réponse de GitHub n’indiquait pas son heure). Remettez l’horloge à l’heure (activez l’heure automatique), puis réessayez.".into(),
        ),
        Error::AppInstallationNotFound { installation } => pick(
            format!("The app has no installation {installation}: it was uninstalled, or the number is another app's. Refresh the app in Jeton's GitHub Apps window, or run \"jeton app list\", to see its installations."),
            format!("L’application n’a pas d’installation {installation} : elle a été désinstallée, ou ce numéro est celui d’une autre application. Actualisez l’application dans la fenêtre Applications GitHub de Jeton, ou lancez « jeton app list », pour voir ses installations."),
        ),
        Error::AppPermissionNotGranted { key, level, granted } => match granted {
            Some(g) => pick(
                format!("The installation has \"{key}\" at \"{g}\" only, so a token it mints cannot have \"{level}\". Ask for \"{g}\" or less, or grant more on the installation's settings page."),
                format!("L’installation n’a « {key} » qu’au niveau « {g} » : un jeton qu’elle crée ne peut donc pas avoir « {level} ». Demandez « {g} » ou moins, ou accordez davantage depuis la page de paramètres de l’installation."),
            ),
            None => pick(
                format!("The installation does not have the permission \"{key}\", so a token it mints cannot have it. Leave it out, or grant it on the installation's settings page."),
                format!("L’installation n’a pas la permission « {key} » : un jeton qu’elle crée ne peut donc pas l’avoir. Retirez-la, ou accordez-la depuis la page de paramètres de l’installation."),
            ),
        },
        Error::AppRepositoryNotReachable { repository } => pick(
            format!("The installation cannot reach the repository \"{repository}\" (it does not exist, or the installation was not given it). Pick one of its repositories, or add this one on the installation's settings page."),
            format!("L’installation n’a pas accès au dépôt « {repository} » (il n’existe pas, ou l’installation ne l’a pas reçu). Choisissez l’un de ses dépôts, ou ajoutez celui-ci depuis la page de paramètres de l’installation."),
        ),
        Error::AppDuplicate { name } => pick(
            format!("This app is already in Jeton as \"{name}\". Use it, or remove it first to add it again."),
            format!("Cette application est déjà dans Jeton sous le nom « {name} ». Utilisez-la, ou retirez-la d’abord pour l’ajouter à nouveau."),
        ),
        Error::AppKeyUnreadable { path, detail } => pick(
            format!("Jeton could not read the key file \"{path}\" ({detail}). Check that the file is still there and that you may read it, or paste the key instead (jeton app add reads it from standard input with --key-file -)."),
            format!("Jeton n’a pas pu lire le fichier de clé « {path} » ({detail}). Vérifiez que le fichier est toujours là et que vous pouvez le lire, ou collez la clé à la place (jeton app add la lit sur l’entrée standard avec --key-file -)."),
        ),
        Error::AppClientIdInvalid { given } => {
            let given = given.as_deref().map(|g| format!(" (\"{g}\")")).unwrap_or_default();
            pick(
                format!("This is not a client ID or an app ID{given}: a client ID is letters and digits such as Iv23liAbCdEf12345678, an app ID only digits. Copy it from the app's settings page on GitHub, under \"About\". Nothing was sent."),
                format!("Ce n’est pas un identifiant client ni un identifiant d’application{given} : un identifiant client est fait de lettres et de chiffres, comme Iv23liAbCdEf12345678, un identifiant d’application de chiffres seulement. Copiez-le depuis la page de paramètres de l’application sur GitHub, sous « About ». Rien n’a été envoyé."),
            )
        }
        other => unreachable!("not an app error: {}", other.code()),
    }
}

#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    vec![
        Error::AppKeyInvalid,
        Error::AppKeyRejected { issuer: "Iv23liabc".into() },
        Error::AppClockSkew { skew_secs: Some(3600) },
        Error::AppClockSkew { skew_secs: Some(-45) },
        Error::AppClockSkew { skew_secs: None },
        Error::AppInstallationNotFound { installation: 42 },
        Error::AppPermissionNotGranted { key: "contents".into(), level: "write".into(), granted: Some("read".into()) },
        Error::AppPermissionNotGranted { key: "issues".into(), level: "read".into(), granted: None },
        Error::AppRepositoryNotReachable { repository: "acme/moon".into() },
        Error::AppDuplicate { name: "Deployer".into() },
        Error::AppKeyUnreadable { path: "/home/me/deployer.pem".into(), detail: "permission denied".into() },
        Error::AppClientIdInvalid { given: Some("Iv23 li".into()) },
        Error::AppClientIdInvalid { given: None },
    ]
}
