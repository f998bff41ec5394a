//! The accept loop: HTTP/1.1 connections served by the router, each one closable from inside a
//! handler (for the dropped-connection fault), and a graceful stop.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

/// How long open connections may take to finish once a stop is asked for.
const GRACE: Duration = Duration::from_secs(5);

/// Lets a handler close its own connection without answering, as a network failure would.
#[derive(Clone)]
pub struct DropConnection(Arc<Notify>);

impl DropConnection {
    /// Closes the connection this request came on. Never returns: the handler is dropped with
    /// the connection.
    pub async fn drop_now(self) -> Response {
        self.0.notify_one();
        std::future::pending().await
    }
}

/// Serves `app` on `listener` until `stop` completes, then lets open requests finish.
pub async fn serve(listener: TcpListener, app: Router, stop: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "could not accept a connection");
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let closer = Arc::new(Notify::new());
        let handle = DropConnection(Arc::clone(&closer));
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(handle.clone());
            app.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            tokio::select! {
                result = connection => {
                    if let Err(error) = result {
                        tracing::debug!(%peer, %error, "connection ended with an error");
                    }
                }
                () = closer.notified() => tracing::info!(%peer, "connection dropped on purpose"),
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => tracing::warn!("stopped with requests still open"),
    }
}
