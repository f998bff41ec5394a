//! A local stand-in for the hosted customers API: the same paths, rules, status codes and error
//! envelope, backed by SQLite, so the form can be developed, demonstrated and tested with no
//! internet.
//!
//! Rules come from the form's own domain module, so the two cannot disagree about what a valid
//! customer is.

pub mod error;
pub mod faults;
mod routes;
pub mod serve;
pub mod store;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use routes::REPLAYED;

use crate::error::ApiError;
use crate::faults::Faults;
use crate::store::Store;

/// A price plan customers can be subscribed to, as `GET /price_plans/` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePlan {
    /// The plan's name, which `price_plan_name` refers to.
    pub name: String,
    /// The name shown to people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A line about the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Where customers live.
    pub store: Store,
    /// The plans `price_plan_name` may name.
    pub price_plans: Arc<Vec<PricePlan>>,
    /// The bearer token every request must carry, when one is configured.
    pub token: Option<Arc<str>>,
    /// Fault injection, present only when test hooks are enabled.
    pub faults: Option<Arc<Faults>>,
}

/// The API's routes, with authentication, request logging, and CORS for `cors_origins` only.
pub fn router(state: AppState, cors_origins: &[HeaderValue]) -> Router {
    let mut app = Router::new()
        .route(
            "/customers/",
            post(routes::create_customer).get(routes::list_customers),
        )
        .route("/customers/{name}", get(routes::get_customer))
        .route("/price_plans/", get(routes::list_price_plans));
    if state.faults.is_some() {
        app = app
            .route(
                "/_test/faults",
                post(routes::push_fault).delete(routes::clear_faults),
            )
            .route("/_test/stats", get(routes::stats))
            .route("/_test/request_body/{name}", get(routes::request_body));
    }
    let app = app
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .with_state(state)
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        );
    if cors_origins.is_empty() {
        app
    } else {
        app.layer(cors(cors_origins))
    }
}

/// Static pages served beside the API, as an admin app serves its pages and proxies its API:
/// one origin, so the form needs no CORS.
#[derive(Clone, Debug, Default)]
pub struct Pages {
    /// The built form (trunk's `dist/`), served at `/`.
    pub form_dir: Option<std::path::PathBuf>,
    /// The example admin page's folder, served at `/example/`.
    pub example_dir: Option<std::path::PathBuf>,
    /// A `Content-Security-Policy` header for every page and file served.
    pub content_security_policy: Option<HeaderValue>,
}

/// The API moved under `/api/`, beside the static pages.
pub fn with_pages(api: Router, pages: &Pages) -> Router {
    let serve = |dir: &std::path::Path| {
        // The build writes `.br` and `.gz` copies beside every file; a browser that accepts
        // them gets those, with the original's type, instead of the larger original.
        tower_http::services::ServeDir::new(dir)
            .append_index_html_on_directories(true)
            .precompressed_br()
            .precompressed_gzip()
    };
    let mut files = Router::new();
    if let Some(dir) = &pages.example_dir {
        files = files.nest_service("/example", serve(dir));
    }
    if let Some(dir) = &pages.form_dir {
        files = files.fallback_service(serve(dir));
    }
    // The same URL is sent in three encodings, so a cache in between must key on the header.
    files = files.layer(
        tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ),
    );
    if let Some(policy) = &pages.content_security_policy {
        files = files.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            policy.clone(),
        ));
    }
    Router::new().nest("/api", api).merge(files)
}

/// Cross-origin access for the given origins only, with cookies, for a form served elsewhere.
fn cors(origins: &[HeaderValue]) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(AllowHeaders::mirror_request())
        .allow_credentials(true)
        .expose_headers([header::RETRY_AFTER, HeaderName::from_static(REPLAYED)])
}

/// Refuses requests without the configured bearer token. The token is never logged.
async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(expected) = &state.token else {
        return Ok(next.run(request).await);
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    if same_secret(given.as_bytes(), expected.as_bytes()) {
        Ok(next.run(request).await)
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// Compares two secrets in time that depends only on their lengths, not on where they differ.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}
