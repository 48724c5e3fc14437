//! A token pasted where a host goes is refused before anything is sent, and appears
//! nowhere in what Jeton says about it: not in the error's sentence (either language),
//! its JSON payload, its stored form or its log line, nor in a check's view.

mod client_common;

use client_common::{env, LOGIN};
use fakehub::NewToken;
use jeton_core::error::{Error, ErrorField};
use jeton_core::i18n::Lang;

/// Everything an error shows or may leave behind, as one text.
fn said(e: &Error) -> String {
    let payloads: Vec<_> =
        [Lang::En, Lang::Fr].iter().map(|&l| serde_json::to_string(&e.payload(l)).unwrap()).collect();
    format!("{} | {} | {} | {e}", payloads.join(" | "), serde_json::to_string(e).unwrap(), e.message(Lang::Fr))
}

#[tokio::test]
async fn a_token_in_the_host_field_is_refused_and_never_repeated() {
    let env = env().await;
    let token = env.hub.create_token(NewToken::classic(LOGIN, &["repo"])).unwrap();
    let random = &token[4..34];
    let legacy = "0123456789abcdef0123456789abcdef01234567";
    let fine = format!("github_pat_{}_{}", "A".repeat(22), "b".repeat(59));
    let hosts = [
        token.clone(),
        format!("  {token}\n"),
        format!("https://{token}"),
        format!("https://ghe.example.com/?token={token}"),
        format!("https://x-access-token:{token}@ghe.example.com"),
        format!("https://ghe.example.com/{}", token.to_uppercase()),
        legacy.to_owned(),
        fine.clone(),
    ];
    for host in &hosts {
        let e = env.jeton.add("laptop", Some(host), &token, Lang::En).await.unwrap_err();
        assert_eq!((e.code(), e.field()), ("host_invalid", Some(ErrorField::Host)), "{host}");
        let text = said(&e);
        for secret in [token.as_str(), random, legacy, fine.as_str()] {
            assert!(!text.to_lowercase().contains(&secret.to_lowercase()), "{host} repeated in {text}");
        }
        assert!(e.message(Lang::En).starts_with("This host is refused"), "{}", e.message(Lang::En));

        let view = serde_json::to_string(&env.check(&token, Some(host)).await).unwrap();
        assert!(!view.contains(random), "check view repeats {host}: {view}");
    }
    assert!(env.jeton.vault.list().unwrap().is_empty(), "nothing stored");
    assert_eq!(env.requests("/user"), 0, "the token was sent nowhere");
}

#[tokio::test]
async fn a_host_that_parses_is_named_in_its_error_without_credentials() {
    let env = env().await;
    let token = env.hub.create_token(NewToken::classic(LOGIN, &["repo"])).unwrap();
    let mut errors = vec![];
    for host in ["https://ghe.example.com/api/v3", "https://me:hunter2@ghe.example.com", "https://exa mple"] {
        errors.push(env.jeton.add("laptop", Some(host), &token, Lang::En).await.unwrap_err());
    }
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    assert!(en[0].contains("\"https://ghe.example.com/api/v3\""), "{}", en[0]);
    assert!(en[1].contains("https://ghe.example.com") && !said(&errors[1]).contains("hunter2"), "{}", en[1]);
    // Not a web address at all: said as "this host", not repeated.
    assert!(en[2].starts_with("This host is refused") && !said(&errors[2]).contains("exa mple"), "{}", en[2]);
    assert!(errors[2].message(Lang::Fr).starts_with("Cet hôte est refusé"), "{}", errors[2].message(Lang::Fr));
}
