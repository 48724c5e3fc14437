//! The credential helper's run (docs/github.md#git-credential-helper): reads git's
//! request, asks the keychain (or an app installation) and writes the answer. Both
//! `jeton git-credential` and the slim `git-credential-jeton`, which starts without the
//! desktop's libraries, run this.
//!
//! Git must never be stopped by its helper: whatever goes wrong (input that is not a
//! request, a locked keychain, no token for the host) the helper prints nothing and
//! exits 0, so git goes on to its next helper or asks the user. Nothing of the request
//! is logged.

use std::io::{Read, Write};

use super::{Answer, Operation, Request, Zeroizing};
use crate::config::Host;
use crate::i18n::Lang;
use crate::service::Jeton;

/// Runs `operation` (`get`, `store`, `erase`, or anything else: nothing) on standard
/// input and output.
pub async fn run(operation: &str, lang: Lang) {
    let operation = Operation::parse(operation);
    let input = read_input();
    if !matches!(operation, Operation::Get | Operation::Erase) {
        // `store` (git does not make tokens) and unknown operations: nothing to do.
        return;
    }
    let Some(request) = input.as_deref().and_then(|i| super::parse(i)) else { return };
    let Ok(jeton) = Jeton::from_env() else { return };
    let Some(host) = super::host_of(&jeton.config, &request) else { return };
    match operation {
        Operation::Get => get(&jeton, &host, &request, lang).await,
        _ => erase(&jeton, &host, &request, lang).await,
    }
}

/// Standard input up to the protocol's limit (`None` beyond it), in memory that is wiped.
fn read_input() -> Option<Zeroizing<Vec<u8>>> {
    let limit = super::protocol::MAX_INPUT as u64;
    let mut input = Zeroizing::new(Vec::with_capacity(4096));
    std::io::stdin().lock().take(limit + 1).read_to_end(&mut input).ok()?;
    (input.len() as u64 <= limit).then_some(input)
}

/// Answers with an installation token when an app installation serves the owner git
/// asks about, else with the best stored token whose secret the keychain gives.
async fn get(jeton: &Jeton, host: &Host, request: &Request, lang: Lang) {
    if minted(jeton, host, request).await.is_some_and(|answer| write_answer(&answer, request)) {
        return;
    }
    // Not `list_checked`: asking the keychain for its accounts first would cost a round
    // trip on every git operation; a secret the keychain no longer has is skipped below.
    let Ok(views) = jeton.list(lang) else { return };
    for view in super::candidates(&views, host, request) {
        let Some(record) = view.id.as_deref().and_then(|id| jeton.vault.find(id).ok()) else { continue };
        let Ok(secret) = jeton.vault.secret_async(&record).await else { continue };
        let answer = super::answer(view, secret, request);
        if write_answer(&answer, request) {
            return;
        }
    }
}

/// The installation token for the owner an app installation serves (minted, or reused
/// until 5 minutes before its expiry); `None` when none serves it or minting failed.
async fn minted(jeton: &Jeton, host: &Host, request: &Request) -> Option<Answer> {
    let apps = jeton.vault.apps().ok()?;
    let owner = super::served_owner(&apps, host, request)?;
    match crate::apps::git_token(&jeton.vault, &jeton.client, host, &owner).await {
        Ok(Some((record, secret))) => Some(super::answer_minted(&record, secret, request)),
        Ok(None) => None,
        Err(e) => {
            tracing::warn!(code = e.code(), "git-credential get: no installation token");
            None
        }
    }
}

/// Writes `answer` for git; whether it could be written for this request.
fn write_answer(answer: &Answer, request: &Request) -> bool {
    let Some(out) = super::write(answer, request) else { return false };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush());
    true
}

/// Git's server refused the token: ask GitHub again now, so that Jeton shows what
/// happened to it (revoked, expired). The token is never deleted.
async fn erase(jeton: &Jeton, host: &Host, request: &Request, lang: Lang) {
    let Ok(views) = jeton.list(lang) else { return };
    let by_secret = request.password.as_ref().and_then(|p| jeton.vault.find_by_secret(p).ok().flatten());
    let Some(id) = super::erased_token(&views, host, request, by_secret.as_ref().map(|r| r.id.as_str())) else {
        return;
    };
    if let Err(e) = jeton.recheck(&id, lang).await {
        tracing::debug!(code = e.code(), "git-credential erase: the re-check failed");
    }
}
