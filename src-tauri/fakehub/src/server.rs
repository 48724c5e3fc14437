//! The accept loop. Each connection is served by hyper with the axum router, and
//! can be reset from a handler (fault injection) through [`ConnControl`].

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower_service::Service;

/// Lets a handler close its connection abruptly (with a TCP reset).
#[derive(Clone, Debug)]
pub(crate) struct ConnControl {
    kill: Arc<Notify>,
}

impl ConnControl {
    /// Asks the connection task to drop the socket without a response.
    pub(crate) fn reset(&self) {
        self.kill.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` turns true (or its sender drops).
pub(crate) async fn run(listener: TcpListener, app: Router, mut shutdown: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, app.clone(), shutdown.clone()));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
}

async fn serve_connection(stream: TcpStream, app: Router, mut shutdown: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    // A second descriptor of the same socket, kept to set SO_LINGER=0 on reset:
    // the socket is then closed with RST once both descriptors are gone.
    let Ok(std_stream) = stream.into_std() else {
        return;
    };
    let Ok(twin) = std_stream.try_clone() else {
        return;
    };
    let Ok(stream) = TcpStream::from_std(std_stream) else {
        return;
    };
    let kill = Arc::new(Notify::new());
    let control = ConnControl { kill: kill.clone() };
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(control.clone());
        app.clone().call(req)
    });
    let conn =
        hyper::server::conn::http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = conn => {}
        _ = kill.notified() => {
            let _ = socket2::SockRef::from(&twin).set_linger(Some(Duration::ZERO));
        }
        _ = shutdown.changed() => {}
    }
    drop(twin);
}
