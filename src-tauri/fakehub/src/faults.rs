//! Latency and fault injection. Faults apply to API requests only, never to
//! `/_admin`. Every API request is counted in the stats before any fault.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};

use crate::api::headers;
use crate::rewrite::Rewrite;
use crate::server::ConnControl;
use crate::state::Shared;

/// A way for a request to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// 500 with a JSON error body.
    InternalError,
    /// 502 with an HTML body, as a proxy in front of GitHub would send.
    BadGatewayHtml,
    /// 200 whose JSON body is cut in the middle (valid HTTP framing).
    TruncatedJson,
    /// The socket is closed (reset) without any response.
    ConnectionReset,
    /// 200 headers, then a body that never completes.
    NeverEndingBody,
    /// 200 with an HTML page instead of JSON, as a captive portal or a proxy's sign-in
    /// page would send.
    NotJson,
}

/// Latency and faults currently configured.
#[derive(Clone, Debug, Default)]
pub(crate) struct FaultConfig {
    pub latency: Option<Duration>,
    pub token_latency: HashMap<String, Duration>,
    /// Faults for the next requests, in order: `(fault, how many requests left)`.
    pub queue: VecDeque<(Fault, u32)>,
    pub token_faults: HashMap<String, Fault>,
    pub token_rewrites: HashMap<String, Rewrite>,
}

impl FaultConfig {
    /// The latency and the fault (if any) for one request; consumes queued faults.
    pub(crate) fn take(&mut self, token: Option<&str>) -> (Duration, Option<Fault>) {
        let mut latency = self.latency.unwrap_or_default();
        if let Some(d) = token.and_then(|t| self.token_latency.get(t)) {
            latency += *d;
        }
        let mut fault = None;
        if let Some((f, left)) = self.queue.front_mut() {
            fault = Some(*f);
            *left -= 1;
            if *left == 0 {
                self.queue.pop_front();
            }
        }
        if fault.is_none() {
            fault = token.and_then(|t| self.token_faults.get(t).copied());
        }
        (latency, fault)
    }
}

/// One request being served, for the stats' in-flight gauge and log. Dropped when the
/// answer's headers are ready, or when the connection goes away first.
struct Flight {
    shared: Arc<Shared>,
    seq: u64,
    path: String,
    status: Option<u16>,
}

impl Drop for Flight {
    fn drop(&mut self) {
        let now = self.shared.now_us();
        self.shared.lock().stats.end(self.seq, &self.path, now, self.status);
    }
}

/// Middleware: counts the request, sleeps for the latency, applies a fault and the
/// token's rewrite.
pub(crate) async fn layer(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path == "/_admin" || path.starts_with("/_admin/") || crate::web::is_web_path(&path) {
        return next.run(req).await;
    }
    let token = crate::api::auth::token_of(req.headers());
    let seq = shared.next_seq();
    let (latency, fault, rewrite) = {
        let now = shared.now_us();
        let mut store = shared.lock();
        store.stats.record(&path, token.as_deref());
        store.stats.begin(seq, &path, now);
        let (latency, fault) = store.faults.take(token.as_deref());
        (latency, fault, token.as_deref().and_then(|t| store.faults.token_rewrites.get(t).cloned()))
    };
    let mut flight = Flight { shared: shared.clone(), seq, path, status: None };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let mut resp = match fault {
        None => next.run(req).await,
        Some(f) => fail(f, req.extensions().get::<ConnControl>().cloned()).await,
    };
    if let Some(rw) = rewrite {
        rw.apply(&mut resp);
    }
    flight.status = Some(resp.status().as_u16());
    resp
}

const CAPTIVE: &str = "<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head><body><form method=\"post\"><input name=\"user\"></form></body></html>\n";

const UNICORN: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv=\"Content-type\" content=\"text/html; charset=utf-8\">\n    <title>Unicorn! &middot; GitHub</title>\n  </head>\n  <body>\n    <h1>No server is currently available to service your request.</h1>\n    <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>\n  </body>\n</html>\n";

async fn fail(fault: Fault, conn: Option<ConnControl>) -> Response {
    match fault {
        Fault::InternalError => {
            let body = serde_json::json!({
                "message": "Server Error",
                "documentation_url": "https://docs.github.com/rest",
                "status": "500",
            });
            json_response(StatusCode::INTERNAL_SERVER_ERROR, Body::from(body.to_string()))
        }
        Fault::BadGatewayHtml => {
            let mut resp = Response::new(Body::from(UNICORN));
            *resp.status_mut() = StatusCode::BAD_GATEWAY;
            resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            resp
        }
        Fault::TruncatedJson => json_response(
            StatusCode::OK,
            Body::from("{\"login\":\"octocat\",\"id\":1,\"node_id\":\"MDQ6VXNlcjE=\",\"avatar_url\":\"https://avat"),
        ),
        Fault::ConnectionReset => match conn {
            Some(conn) => {
                conn.reset();
                std::future::pending::<Response>().await
            }
            None => never_ending(),
        },
        Fault::NeverEndingBody => never_ending(),
        Fault::NotJson => {
            let mut resp = Response::new(Body::from(CAPTIVE));
            resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            resp
        }
    }
}

fn never_ending() -> Response {
    let first = stream::once(async { Ok::<_, Infallible>(Bytes::from_static(b"{\"login\":\"")) });
    let body = Body::from_stream(first.chain(stream::pending()));
    json_response(StatusCode::OK, body)
}

fn json_response(status: StatusCode, body: Body) -> Response {
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    headers::common(resp.headers_mut());
    resp
}
