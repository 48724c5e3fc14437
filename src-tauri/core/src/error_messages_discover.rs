//! The sentences of the errors met with tokens found outside the keychain (discover/),
//! in English and French. Each says what to do.

use crate::discover::SourceKind;
use crate::error::Error;
use crate::i18n::Lang;

fn pick(lang: Lang, en: String, fr: String) -> String {
    if lang == Lang::Fr {
        fr
    } else {
        en
    }
}

pub(super) fn message(e: &Error, lang: Lang) -> String {
    match e {
        Error::FoundChanged => pick(
            lang,
            "This token is no longer where Jeton found it (the file or the variable changed). Nothing was touched: look for tokens again.".into(),
            "Ce jeton n’est plus là où Jeton l’a trouvé (le fichier ou la variable a changé). Rien n’a été modifié : relancez la recherche.".into(),
        ),
        Error::FoundNoHost => pick(
            lang,
            "Jeton cannot tell which host this token is for, so it sends it nowhere. Set GH_HOST to its GitHub Enterprise host, then look again.".into(),
            "Jeton ne peut pas savoir à quel hôte ce jeton est destiné, il ne l’envoie donc nulle part. Réglez GH_HOST sur son hôte GitHub Enterprise, puis relancez la recherche.".into(),
        ),
        Error::FoundNotRemovable { place: SourceKind::Env } => pick(
            lang,
            "Jeton cannot remove a token from the environment: delete the line that sets it in your shell’s startup files.".into(),
            "Jeton ne peut pas retirer un jeton de l’environnement : supprimez la ligne qui le définit dans les fichiers de démarrage de votre shell.".into(),
        ),
        Error::FoundNotRemovable { .. } => pick(
            lang,
            "This copy is in gh’s keychain entry, not in plain text: Jeton leaves it to gh (gh auth logout removes it).".into(),
            "Cette copie est dans l’entrée de gh du trousseau, pas en clair : Jeton la laisse à gh (gh auth logout la supprime).".into(),
        ),
        Error::FoundNotStored => pick(
            lang,
            "Jeton removes a plain-text copy only once the token is in the keychain. Import it first.".into(),
            "Jeton ne retire une copie en clair qu’une fois le jeton dans le trousseau. Importez-le d’abord.".into(),
        ),
        other => unreachable!("{} is not a discovery error", other.code()),
    }
}

/// One of each, for the completeness tests of error_messages.rs.
#[cfg(test)]
pub(super) fn samples() -> Vec<Error> {
    vec![
        Error::FoundChanged,
        Error::FoundNoHost,
        Error::FoundNotRemovable { place: SourceKind::Env },
        Error::FoundNotRemovable { place: SourceKind::GhKeyring },
        Error::FoundNotStored,
    ]
}
