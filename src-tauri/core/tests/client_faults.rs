//! The client against a misbehaving server: every fault ends in a status and a sentence,
//! never a panic or a hang; retries happen for network errors and 5xx only.

mod client_common;

use std::time::Duration;

use client_common::{assert_explained, code, dead_port, env, env_with, fast};
use fakehub::Fault;
use jeton_core::config::Config;
use jeton_core::model::TokenStatus;
use jeton_core::{Error, Secret};

#[tokio::test]
async fn a_500_then_success_is_two_requests() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.hub.inject_fault(Fault::InternalError, 1);
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert_eq!(user.login, "octocat");
    assert_eq!(env.statuses("/user"), [Some(500), Some(200)]);
}

#[tokio::test]
async fn three_500s_are_three_requests_then_bad_response() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.hub.inject_fault(Fault::InternalError, 3);
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "bad_response", "{e:?}");
    assert!(e.to_string().contains("500"), "{e}");
    assert_eq!(env.requests("/user"), 3);
    // Through the service: a status and a sentence.
    env.hub.inject_fault(Fault::InternalError, 3);
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "bad_response"));
    assert_explained(&v);
}

#[tokio::test]
async fn a_401_is_never_retried() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.hub.revoke_token(&token).unwrap();
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e, Error::TokenInvalid);
    assert_eq!(env.statuses("/user"), [Some(401)]);
}

#[tokio::test]
async fn an_html_502_is_retried_then_explained() {
    let env = env().await;
    let token = env.classic(&[]);
    env.hub.inject_fault(Fault::BadGatewayHtml, 3);
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "bad_response"));
    assert!(v.error.as_ref().unwrap().message.contains("502"), "{v:?}");
    assert_eq!(env.requests("/user"), 3);
    // One 502 then an answer: the token is valid.
    env.hub.inject_fault(Fault::BadGatewayHtml, 1);
    assert_eq!(env.check(&token, None).await.status, TokenStatus::Valid);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_bad_response_not_retried() {
    let env = env().await;
    let token = env.classic(&[]);
    env.hub.set_token_fault(&token, Some(Fault::NotJson));
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "bad_response");
    assert!(e.to_string().contains("HTML page"), "{e}");
    assert_eq!(env.requests("/user"), 1);
    let v = env.check(&token, None).await;
    assert_eq!(v.status, TokenStatus::Unreachable);
    assert_explained(&v);
}

#[tokio::test]
async fn truncated_json_is_a_bad_response() {
    let env = env().await;
    let token = env.classic(&[]);
    env.hub.set_token_fault(&token, Some(Fault::TruncatedJson));
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "bad_response");
    assert!(e.to_string().contains("cut off"), "{e}");
    assert_eq!(env.requests("/user"), 1);
}

#[tokio::test]
async fn a_connection_reset_is_retried_then_unreachable() {
    let env = env().await;
    let token = env.classic(&[]);
    env.hub.inject_fault(Fault::ConnectionReset, 1);
    assert!(env.client().get_user(&env.host(), &Secret::new(&token)).await.is_ok());
    assert_eq!(env.requests("/user"), 2);
    env.hub.set_token_fault(&token, Some(Fault::ConnectionReset));
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "network", "{e:?}");
    assert_eq!(env.requests("/user"), 5);
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "network"));
    assert_explained(&v);
}

#[tokio::test]
async fn a_body_that_never_ends_ends_with_the_total_timeout() {
    let mut opts = fast();
    opts.total_timeout = Duration::from_millis(1200);
    let env = env_with(opts).await;
    let token = env.classic(&[]);
    env.hub.set_token_fault(&token, Some(Fault::NeverEndingBody));
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e, Error::Network { host: "127.0.0.1".into(), detail: "timed out".into() });
    // The answer began (its headers came): it is the body that the deadline cut, and
    // the deadline covers the whole call, so no second attempt once it has passed.
    assert_eq!(env.statuses("/user"), [Some(200)]);
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "network"));
    assert_explained(&v);
}

#[tokio::test]
async fn retries_share_the_deadline_of_the_first_attempt() {
    let mut opts = fast();
    opts.total_timeout = Duration::from_secs(2);
    let env = env_with(opts).await;
    let token = env.classic(&[]);
    // Every answer takes 1.2 s: a 500, then a 200. A second attempt with a deadline of
    // its own would get the 200; with what is left of the first one's, it times out.
    env.hub.set_latency(Some(Duration::from_millis(1200)));
    env.hub.inject_fault(Fault::InternalError, 1);
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e, Error::Network { host: "127.0.0.1".into(), detail: "timed out".into() });
    assert_eq!(env.statuses("/user"), [Some(500), None], "the retry was sent and given up before its answer");
}

#[tokio::test]
async fn slow_answers_within_the_deadline_are_fine_and_late_ones_time_out() {
    let mut opts = fast();
    opts.total_timeout = Duration::from_millis(800);
    let env = env_with(opts).await;
    let token = env.classic(&[]);
    env.hub.set_latency(Some(Duration::from_millis(300)));
    assert!(env.client().get_user(&env.host(), &Secret::new(&token)).await.is_ok());
    env.hub.set_latency(Some(Duration::from_millis(1500)));
    let e = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e, Error::Network { host: "127.0.0.1".into(), detail: "timed out".into() });
    assert_eq!(env.statuses("/user"), [Some(200), None]);
}

#[tokio::test]
async fn a_host_nobody_answers_is_unreachable() {
    let env = env().await;
    let token = env.classic(&[]);
    let web = format!("http://127.0.0.1:{}", dead_port());
    let v = env.check(&token, Some(&web)).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "network"));
    assert!(v.error.as_ref().unwrap().message.contains("127.0.0.1"), "{v:?}");
    let cfg = Config { github_api: url::Url::parse(&web).unwrap(), ..env.jeton.config.clone() };
    let e = env.client().get_user(&cfg.default_host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e, Error::Network { host: "127.0.0.1".into(), detail: "connection refused or host not found".into() });
}
