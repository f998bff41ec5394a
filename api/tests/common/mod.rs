//! Helpers shared by the API's tests: an app with test hooks, and requests sent through it.

#![allow(dead_code, missing_docs)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode};
use http_body_util::BodyExt;
use local_api::faults::Faults;
use local_api::store::Store;
use local_api::{AppState, PricePlan, router};
use serde_json::Value;
use tower::ServiceExt;

/// Drafts shared with the domain's tests, the product page's customer among them.
#[path = "../../../tests/support/mod.rs"]
pub mod support;

#[allow(unused_imports)]
pub use support::SEED_BODY;

pub fn state(store: Store) -> AppState {
    AppState {
        store,
        price_plans: Arc::new(vec![PricePlan {
            name: "standard".into(),
            display_name: Some("Standard".into()),
            description: None,
        }]),
        token: None,
        faults: Some(Arc::new(Faults::default())),
    }
}

/// An app over an in-memory store, with test hooks and one price plan.
pub fn app() -> Router {
    router(state(Store::open(None).unwrap()), &[])
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// `POST /customers/` with a JSON body and, optionally, an idempotency key.
pub fn create(body: &str, key: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/customers/")
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    if let Some(key) = key {
        request
            .headers_mut()
            .insert("idempotency-key", HeaderValue::from_str(key).unwrap());
    }
    request
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

pub async fn queue_fault(app: &Router, fault: &str) {
    let request = Request::post("/_test/faults")
        .header("content-type", "application/json")
        .body(Body::from(fault.to_owned()))
        .unwrap();
    assert_eq!(send(app, request).await.status, StatusCode::NO_CONTENT);
}

/// How many customers the API holds.
pub async fn customer_count(app: &Router) -> usize {
    let listed = send(app, get("/customers/")).await.json();
    listed.as_array().map_or(0, Vec::len)
}
