//! The clap command in the user's language: the derived parser's arguments and exit
//! codes, with every help text, heading and usage error taken from `text`.

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use jeton_core::i18n::Lang;

use super::text::{self, Key};
use super::{Cli, OK, USAGE};

/// Each subcommand with its about and usage line.
pub(super) const SUBCOMMANDS: &[(&str, Key, Key)] = &[
    ("check", Key::AboutCheck, Key::UsageCheck),
    ("add", Key::AboutAdd, Key::UsageAdd),
    ("list", Key::AboutList, Key::UsageList),
    ("status", Key::AboutStatus, Key::UsageStatus),
    ("recheck", Key::AboutRecheck, Key::UsageRecheck),
    ("copy", Key::AboutCopy, Key::UsageCopy),
    ("create-url", Key::AboutCreateUrl, Key::UsageCreateUrl),
    ("git-credential", Key::AboutGitCredential, Key::UsageGitCredential),
    ("setup-git", Key::AboutSetupGit, Key::UsageSetupGit),
    ("discover", Key::AboutDiscover, Key::UsageDiscover),
    ("import-found", Key::AboutImportFound, Key::UsageImportFound),
    ("completions", Key::AboutCompletions, Key::UsageCompletions),
    ("revoke", Key::AboutRevoke, Key::UsageRevoke),
    ("forget", Key::AboutForget, Key::UsageForget),
    ("app", Key::AboutAppGroup, Key::UsageAppGroup),
    ("help", Key::AboutHelp, Key::UsageHelp),
];

/// `jeton app`'s own subcommands, with their about and usage line.
const APP_SUBCOMMANDS: &[(&str, Key, Key)] = &[
    ("add", Key::AboutAppAdd, Key::UsageAppAdd),
    ("list", Key::AboutAppList, Key::UsageAppList),
    ("forget", Key::AboutAppForget, Key::UsageAppForget),
    ("token", Key::AboutAppToken, Key::UsageAppToken),
    ("serve-git", Key::AboutAppServeGit, Key::UsageAppServeGit),
    ("requests", Key::AboutAppRequests, Key::UsageAppRequests),
    ("review", Key::AboutAppReview, Key::UsageAppReview),
    ("grants", Key::AboutAppGrants, Key::UsageAppGrants),
    ("revoke-grant", Key::AboutAppRevokeGrant, Key::UsageAppRevokeGrant),
];

/// Each argument's help and, when it takes a value, its placeholder.
fn arg_text(id: &str) -> (Key, Option<Key>) {
    match id {
        "offline" => (Key::ArgOffline, None),
        "host" => (Key::ArgHost, Some(Key::ValueUrl)),
        "json" => (Key::ArgJson, None),
        "token" => (Key::ArgToken, Some(Key::ValueToken)),
        "name" => (Key::ArgName, Some(Key::ValueName)),
        "within" => (Key::ArgWithin, Some(Key::ValueSpan)),
        "concurrency" => (Key::ArgConcurrency, Some(Key::ValueCount)),
        "command" => (Key::ArgCommand, Some(Key::ValueCommand)),
        "clear_after" => (Key::ArgClearAfter, Some(Key::ValueSeconds)),
        "kind" => (Key::ArgKind, Some(Key::ValueKind)),
        "token_name" => (Key::ArgTokenName, Some(Key::ValueName)),
        "description" => (Key::ArgDescription, Some(Key::ValueText)),
        "owner" => (Key::ArgOwner, Some(Key::ValueLogin)),
        "expires" => (Key::ArgExpires, Some(Key::ValueDays)),
        "permissions" => (Key::ArgPermission, Some(Key::ValuePermission)),
        "scopes" => (Key::ArgScope, Some(Key::ValueScope)),
        "operation" => (Key::ArgOperation, Some(Key::ValueOperation)),
        "undo" => (Key::ArgUndo, None),
        "yes" => (Key::ArgYes, None),
        "remove_plaintext" => (Key::ArgRemovePlaintext, None),
        "shell" => (Key::ArgShell, Some(Key::ValueShell)),
        "client_id" => (Key::ArgClientId, Some(Key::ValueClientId)),
        "key_file" => (Key::ArgKeyFile, Some(Key::ValueKeyFile)),
        "installation" => (Key::ArgInstallation, Some(Key::ValueInstallation)),
        "repos" => (Key::ArgRepo, Some(Key::ValueRepo)),
        "app_permissions" => (Key::ArgAppPermission, Some(Key::ValuePermission)),
        "pin" => (Key::ArgPin, None),
        "git_owner" => (Key::ArgGitOwner, Some(Key::ValueLogin)),
        "stop" => (Key::ArgServeUndo, None),
        "org" => (Key::ArgOrg, Some(Key::ValueOrg)),
        "request_ids" => (Key::ArgRequestIds, Some(Key::ValueInstallation)),
        "grant_ids" => (Key::ArgGrantIds, Some(Key::ValueInstallation)),
        "approve" => (Key::ArgApprove, None),
        "deny" => (Key::ArgDeny, None),
        "reason" => (Key::ArgReason, Some(Key::ValueText)),
        other => unreachable!("argument {other} has no text in cli/text.rs"),
    }
}

/// The whole command line, in `lang`.
pub fn command(lang: Lang) -> Command {
    let t = |k| text::t(lang, k);
    let mut cmd = localize(Cli::command(), lang, Key::AboutApp, Key::UsageApp)
        .subcommand_help_heading(t(Key::HeadingCommands))
        .subcommand_value_name(t(Key::ValueCommand))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(Key::ArgVersion))
                .help_heading(t(Key::HeadingOptions)),
        );
    for &(name, about, usage) in SUBCOMMANDS {
        cmd = cmd.mut_subcommand(name, |sc| localize(sc, lang, about, usage));
    }
    cmd.mut_subcommand("app", |app| {
        let app = app.subcommand_help_heading(t(Key::HeadingCommands)).subcommand_value_name(t(Key::ValueCommand));
        APP_SUBCOMMANDS
            .iter()
            .fold(app.disable_help_subcommand(true), |app, &(name, about, usage)| {
                app.mut_subcommand(name, |sc| localize(sc, lang, about, usage))
            })
            .mut_subcommand("token", |sc| sc.after_help(t(Key::AppTokenSecretNote)))
    })
    .mut_subcommand("completions", |sc| sc.after_help(t(Key::CompletionsInstall)))
}

fn localize(cmd: Command, lang: Lang, about: Key, usage: Key) -> Command {
    let t = |k| text::t(lang, k);
    let ids: Vec<_> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    let mut cmd = cmd
        .about(t(about))
        .override_usage(t(usage))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t(Key::HeadingUsage)
        ))
        .disable_help_flag(true);
    for id in ids {
        let (help, value) = arg_text(id.as_str());
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() { Key::HeadingArguments } else { Key::HeadingOptions };
            let a = a.help(t(help)).help_heading(t(heading));
            match value {
                Some(v) => a.value_name(t(v)),
                None => a,
            }
        });
    }
    cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t(Key::ArgHelp))
            .help_heading(t(Key::HeadingOptions)),
    )
}

/// Parses the process's arguments, or prints help, the version or a usage error in
/// `lang` and returns the exit code.
pub fn parse(lang: Lang) -> Result<Cli, i32> {
    parse_from(lang, std::env::args_os())
}

pub fn parse_from<I, T>(lang: Lang, args: I) -> Result<Cli, i32>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command(lang).try_get_matches_from(args).map_err(|e| report(&e, lang))?;
    Cli::from_arg_matches(&matches).map_err(|e| report(&e, lang))
}

/// `jeton help [COMMAND]`: the same help `--help` prints.
pub fn help(lang: Lang, about: Option<&str>) -> i32 {
    let args = ["jeton"].into_iter().chain(about).chain(["--help"]);
    match parse_from(lang, args) {
        Ok(_) => OK,
        Err(code) => code,
    }
}

fn report(e: &clap::Error, lang: Lang) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return USAGE;
        }
        _ => {}
    }
    let ctx = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let (key, arg) = match e.kind() {
        ErrorKind::UnknownArgument => (Key::ErrUnknownArgument, ctx(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => (Key::ErrUnknownCommand, ctx(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => (Key::ErrInvalidValue, ctx(ContextKind::InvalidArg)),
        ErrorKind::MissingRequiredArgument => (Key::ErrMissing, ctx(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => (Key::ErrMissingCommand, String::new()),
        ErrorKind::ArgumentConflict => (Key::ErrConflict, ctx(ContextKind::InvalidArg)),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            (Key::ErrTooMany, ctx(ContextKind::InvalidArg))
        }
        _ => (Key::ErrInvalid, String::new()),
    };
    let vars =
        [("arg", arg.as_str()), ("value", &ctx(ContextKind::InvalidValue)), ("other", &ctx(ContextKind::PriorArg))];
    let mut out = format!("jeton: {}", text::tf(lang, key, &vars));
    let suggested = e.get(ContextKind::SuggestedArg).or(e.get(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        out.push(' ');
        out.push_str(&text::tf(lang, Key::ErrSuggest, &[("arg", &s.to_string())]));
    }
    // The usage clap attaches is ours (`override_usage`) after clap's own heading.
    let usage = ctx(ContextKind::Usage);
    if let Some((_, usage)) = usage.split_once(": ") {
        let usage = usage.trim();
        let program: Vec<_> =
            usage.split_whitespace().take_while(|w| w.chars().all(|c| c.is_ascii_lowercase())).collect();
        out.push_str(&format!("\n\n{} {usage}\n\n", text::t(lang, Key::HeadingUsage)));
        out.push_str(&text::tf(lang, Key::ErrMoreHelp, &[("command", &program.join(" "))]));
    }
    eprintln!("{out}");
    USAGE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_build_a_valid_command_with_every_text() {
        for lang in [Lang::En, Lang::Fr] {
            let cmd = command(lang);
            cmd.clone().debug_assert();
            for sc in cmd.get_subcommands() {
                assert!(sc.get_about().is_some(), "{} has no about", sc.get_name());
                for a in sc.get_arguments() {
                    assert!(a.get_help().is_some(), "{} {} has no help", sc.get_name(), a.get_id());
                }
            }
        }
    }

    #[test]
    fn help_subcommand_is_the_help_flag() {
        assert!(parse_from(Lang::Fr, ["jeton", "help", "check"]).is_ok());
        assert_eq!(help(Lang::Fr, Some("check")), OK);
        assert_eq!(help(Lang::Fr, Some("nope")), USAGE);
    }
}
