//! Everything the local API can refuse or fail at, answered in the hosted API's error envelope.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use customer_signup::domain::{ErrorEnvelope, FieldErrors, FieldPath};

/// What a `500` says; details of the failure go to the log only.
pub const SERVER_FAILURE: &str = "The server failed to handle the request.";

/// A request the API refuses, or a failure of its own.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A bearer token is configured and the request did not carry it.
    #[error("missing or wrong bearer token")]
    Unauthorized,
    /// The body was not declared as JSON.
    #[error("content type is not application/json")]
    UnsupportedMediaType,
    /// The body is not JSON at all.
    #[error("body is not JSON: {0}")]
    MalformedJson(serde_json::Error),
    /// The body is JSON of the wrong shape: an unknown field or a value of the wrong type.
    #[error("body has the wrong shape at {path}: {message}")]
    WrongShape {
        /// Where the shape went wrong.
        path: FieldPath,
        /// What was wrong there.
        message: String,
    },
    /// The body broke the customer rules.
    #[error("invalid customer: {0}")]
    Invalid(FieldErrors),
    /// The idempotency key was used before with a different body.
    #[error("idempotency key reused with a different body")]
    KeyReused,
    /// No such customer.
    #[error("no customer named {0}")]
    NotFound(String),
    /// A customer with this ID exists already.
    #[error("customer {0} already exists")]
    Duplicate(String),
    /// The database failed; the details go to the log, not to the client.
    #[error("storage failed: {0}")]
    Storage(#[from] rusqlite::Error),
    /// A blocking task could not finish.
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

impl ApiError {
    /// The status and envelope the hosted API would answer with.
    pub fn envelope(&self) -> (StatusCode, ErrorEnvelope) {
        let fields_at = |path: FieldPath, message: String| {
            let mut fields = FieldErrors::new();
            fields.push(path, message);
            fields
        };
        match self {
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                ErrorEnvelope::new(401, "The API key is missing or not valid."),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorEnvelope::new(
                    415,
                    "Send the body as JSON, with Content-Type: application/json.",
                ),
            ),
            ApiError::MalformedJson(error) => (
                StatusCode::BAD_REQUEST,
                ErrorEnvelope::new(400, format!("The request body is not valid JSON: {error}.")),
            ),
            ApiError::WrongShape { path, message } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorEnvelope::new(422, "The request contains invalid data.")
                    .with_fields(fields_at(path.clone(), message.clone())),
            ),
            ApiError::Invalid(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorEnvelope::new(422, "The request contains invalid data.")
                    .with_fields(fields.clone()),
            ),
            ApiError::KeyReused => (
                StatusCode::BAD_REQUEST,
                ErrorEnvelope::new(
                    400,
                    "This Idempotency-Key was already used with a different request body; \
                     send a new key for a new request.",
                ),
            ),
            ApiError::NotFound(name) => (
                StatusCode::NOT_FOUND,
                ErrorEnvelope::new(404, format!("There is no customer with the ID “{name}”.")),
            ),
            ApiError::Duplicate(name) => (
                StatusCode::CONFLICT,
                ErrorEnvelope::new(409, "A customer with this ID already exists.").with_fields(
                    fields_at(
                        FieldPath::new(["name"]),
                        format!(
                            "A customer with the ID “{name}” already exists: choose another ID"
                        ),
                    ),
                ),
            ),
            ApiError::Storage(_) | ApiError::Task(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorEnvelope::new(500, SERVER_FAILURE),
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, envelope) = self.envelope();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::info!(error = %self, "request refused");
        }
        let mut response = (status, Json(envelope.to_json())).into_response();
        if matches!(self, ApiError::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
