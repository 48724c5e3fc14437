//! The handle: start the server, drive it in-process.

use std::sync::Arc;

use axum::middleware::from_fn_with_state;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::control::Control;
use crate::faults;
use crate::state::Shared;
use crate::{admin, api, server, web};

/// How to start a fake GitHub.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeHubOptions {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Primary rate limit of each user per hour (GitHub: 5000).
    pub rate_limit: u32,
    /// Rate limit of unauthenticated requests per hour (GitHub: 60).
    pub anonymous_rate_limit: u32,
    /// Requests an hour to `POST /credentials/revoke`, its own limit (GitHub: 60).
    pub revoke_rate_limit: u32,
}

impl Default for FakeHubOptions {
    fn default() -> Self {
        FakeHubOptions { port: 0, rate_limit: 5000, anonymous_rate_limit: 60, revoke_rate_limit: 60 }
    }
}

/// A running fake GitHub. Dropping it stops the server and closes its connections.
#[derive(Debug)]
pub struct FakeHub {
    control: Control,
    shutdown: watch::Sender<bool>,
}

fn app(shared: Arc<Shared>) -> Router {
    let api = api::router();
    Router::new()
        .nest("/_admin", admin::router())
        .nest("/api/v3", api.clone())
        .merge(api)
        .merge(web::router())
        .layer(from_fn_with_state(shared.clone(), faults::layer))
        .with_state(shared)
}

impl FakeHub {
    /// Starts serving on the current tokio runtime. Panics if the port is taken.
    pub async fn start(opts: FakeHubOptions) -> FakeHub {
        let port = opts.port;
        match Self::try_start(opts).await {
            Ok(hub) => hub,
            Err(e) => panic!("fakehub: cannot listen on 127.0.0.1:{port}: {e}"),
        }
    }

    /// Starts serving on the current tokio runtime.
    pub async fn try_start(opts: FakeHubOptions) -> std::io::Result<FakeHub> {
        let listener = TcpListener::bind(("127.0.0.1", opts.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(opts, addr));
        let (shutdown, rx) = watch::channel(false);
        tokio::spawn(server::run(listener, app(shared.clone()), rx));
        Ok(FakeHub { control: Control { shared }, shutdown })
    }

    /// Starts serving on a runtime of its own, in a background thread: for tests
    /// without a tokio runtime. Panics if the port is taken.
    pub fn start_blocking(opts: FakeHubOptions) -> FakeHub {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("fakehub".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .enable_all()
                    .build()
                    .expect("fakehub runtime");
                rt.block_on(async move {
                    let hub = FakeHub::start(opts).await;
                    let mut stop = hub.shutdown.subscribe();
                    if tx.send(hub).is_err() {
                        return;
                    }
                    while stop.changed().await.is_ok() {}
                });
            })
            .expect("fakehub thread");
        rx.recv().expect("fakehub failed to start")
    }

    /// A cloneable handle to drive this hub (also reachable through `Deref`).
    pub fn control(&self) -> Control {
        self.control.clone()
    }
}

impl std::ops::Deref for FakeHub {
    type Target = Control;

    fn deref(&self) -> &Control {
        &self.control
    }
}

impl Drop for FakeHub {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
