//! TLS trust: a GitHub Enterprise Server whose certificate comes from a company CA is
//! trusted once that CA is in the system's certificate store (here `SSL_CERT_FILE`,
//! which the system store honours), and a server whose certificate nobody vouches for
//! is `certificate_untrusted` — said once, never retried, and no request (so no token)
//! reaches it. One test in this binary: it sets a process-wide environment variable.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use jeton_core::config::Host;
use jeton_core::github::GitHubClient;
use jeton_core::i18n::Lang;
use jeton_core::{Error, Secret};
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use url::Url;

struct Served {
    port: u16,
    /// TLS connections accepted (handshakes begun).
    connections: Arc<AtomicUsize>,
    /// HTTP requests read after a handshake succeeded.
    requests: Arc<AtomicUsize>,
}

/// An HTTPS server on loopback answering every request as `GET /user` would.
async fn serve(chain: Vec<CertificateDer<'static>>, key: &KeyPair) -> Served {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (connections, requests) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (c, r) = (connections.clone(), requests.clone());
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            c.fetch_add(1, Ordering::SeqCst);
            let (acceptor, r) = (acceptor.clone(), r.clone());
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                let mut buf = vec![0; 8192];
                if tls.read(&mut buf).await.unwrap_or(0) == 0 {
                    return;
                }
                r.fetch_add(1, Ordering::SeqCst);
                let body = r#"{"login":"octocat","id":1,"name":null,"avatar_url":null}"#;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    Served { port, connections, requests }
}

fn host(port: u16) -> Host {
    let web = Url::parse(&format!("https://localhost:{port}")).unwrap();
    Host { api: web.join("api/v3").unwrap(), web }
}

#[tokio::test]
async fn a_company_ca_in_the_system_store_is_trusted_and_an_unknown_certificate_is_named() {
    // A company CA and a server certificate it issued for localhost.
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf =
        CertificateParams::new(vec!["localhost".to_string()]).unwrap().signed_by(&leaf_key, &ca, &ca_key).unwrap();
    let company = serve(vec![leaf.der().clone()], &leaf_key).await;

    // A server with a certificate signed by nobody the system knows.
    let stranger_key = KeyPair::generate().unwrap();
    let stranger_cert =
        CertificateParams::new(vec!["localhost".to_string()]).unwrap().self_signed(&stranger_key).unwrap();
    let stranger = serve(vec![stranger_cert.der().clone()], &stranger_key).await;

    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("company-ca.pem");
    std::fs::write(&store, ca.pem()).unwrap();
    std::env::set_var("SSL_CERT_FILE", &store);
    let client = GitHubClient::new().unwrap();
    let token = Secret::new("ghp_16C7e42F292c6912E7710c838347Ae178B4a");

    let user = client.get_user(&host(company.port), &token).await.expect("the company CA is trusted");
    assert_eq!(user.login, "octocat");
    assert_eq!(company.requests.load(Ordering::SeqCst), 1);

    let err = client.get_user(&host(stranger.port), &token).await.unwrap_err();
    assert_eq!(err, Error::CertificateUntrusted { host: "localhost".into() });
    assert_eq!(err.code(), "certificate_untrusted");
    assert!(!err.retryable());
    assert!(err.message(Lang::En).contains("certificate authority"), "{}", err.message(Lang::En));
    assert!(err.message(Lang::Fr).contains("autorité de certification"), "{}", err.message(Lang::Fr));
    assert_eq!(stranger.connections.load(Ordering::SeqCst), 1, "asked once: a certificate does not change on retry");
    assert_eq!(stranger.requests.load(Ordering::SeqCst), 0, "no request reached it");
}
