//! The API over a real socket: what cannot be seen through the router alone.

mod common;

use std::time::Duration;

use common::SEED_BODY;
use local_api::router;
use local_api::serve::serve;
use local_api::store::Store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// Starts the API on a free loopback port; dropping the sender stops it.
async fn start() -> (
    std::net::SocketAddr,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = router(common::state(Store::open(None).unwrap()), &[]);
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, app, async {
        let _ = stopped.await;
    }));
    (address, stop, server)
}

/// Sends one raw HTTP/1.1 request and reads until the server closes the connection.
async fn raw(
    address: std::net::SocketAddr,
    method: &str,
    path: &str,
    extra: &str,
    body: &str,
) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap_or_default();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_dropped_connection_loses_the_answer_and_a_retry_recovers_it() {
    let (address, _stop, _server) = start().await;
    let fault = raw(
        address,
        "POST",
        "/_test/faults",
        "",
        r#"{"kind": "drop_connection"}"#,
    )
    .await;
    assert!(fault.starts_with("HTTP/1.1 204"), "{fault}");

    let key = "Idempotency-Key: 5f0c1c9e-1b7a-4c43-9d0e-0c3c8d1f2a11\r\n";
    let lost = raw(address, "POST", "/customers/", key, SEED_BODY).await;
    assert_eq!(lost, "", "the connection closes without a byte of answer");

    let retry = raw(address, "POST", "/customers/", key, SEED_BODY).await;
    assert!(retry.starts_with("HTTP/1.1 200"), "{retry}");
    assert!(
        retry
            .to_ascii_lowercase()
            .contains("idempotent-replayed: true"),
        "{retry}"
    );
    let listed = raw(address, "GET", "/customers/", "", "").await;
    assert_eq!(
        listed.matches("\"name\":\"customer_1\"").count(),
        1,
        "{listed}"
    );
}

#[tokio::test]
async fn stopping_lets_the_server_return() {
    let (address, stop, server) = start().await;
    assert!(
        raw(address, "GET", "/price_plans/", "", "")
            .await
            .starts_with("HTTP/1.1 200")
    );
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .unwrap()
        .unwrap();
    assert!(
        TcpStream::connect(address).await.is_err(),
        "nothing listens after the stop"
    );
}
