//! The customer and price-plan routes, and the test hooks.

use std::time::Duration;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use customer_signup::domain::{CustomerInput, ErrorEnvelope, FieldErrors, FieldPath, NewCustomer};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::AppState;
use crate::error::{ApiError, SERVER_FAILURE};
use crate::faults::{Fault, FaultKind};
use crate::serve::DropConnection;
use crate::store::{Created, NewRecord, SavedResponse};

/// The header a client names its attempt with, so that a retry is not a second customer.
const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Set on a response that was replayed from an earlier request with the same key.
pub const REPLAYED: &str = "idempotent-replayed";
/// The longest idempotency key accepted, as Stripe limits it.
const MAX_KEY_CHARS: usize = 255;

/// `POST /customers/`: validates and stores a customer.
///
/// An injected fault strikes around the whole handling, replays and refusals included, so a
/// dropped connection loses whatever the answer would have been.
pub async fn create_customer(
    State(state): State<AppState>,
    connection: Option<axum::Extension<DropConnection>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = state
        .faults
        .as_ref()
        .and_then(|faults| faults.next_for_create());
    if let Some(response) = fault_before(fault).await {
        return response;
    }
    let response = match handle_create(&state, &headers, &body).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    fault_after(fault, connection, response).await
}

async fn handle_create(
    state: &AppState,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, ApiError> {
    let key = idempotency_key(headers)?;
    let (text, customer) = read_customer(headers, body)?;
    if let Some(key) = &key
        && let Some(saved) = state.store.replay(key.clone(), text.clone()).await?
    {
        return Ok(replayed(saved));
    }
    check_price_plan(state, &customer)?;
    let now = OffsetDateTime::now_utc();
    let record = NewRecord {
        name: customer.name().to_string(),
        customer: answered_customer(&customer, &now),
        request_body: text,
        key,
        created_at: now.format(&Rfc3339).unwrap_or_default(),
        now: now.unix_timestamp(),
    };
    let name = record.name.clone();
    match state.store.create(record).await? {
        Created::New(customer) => {
            tracing::info!(customer = %name, "customer created");
            Ok((StatusCode::OK, Json(customer)).into_response())
        }
        Created::Replayed(saved) => Ok(replayed(saved)),
        Created::Duplicate => Err(ApiError::Duplicate(name)),
    }
}

/// Checks the body's media type, parses it and applies the customer rules.
fn read_customer(headers: &HeaderMap, body: &Bytes) -> Result<(String, NewCustomer), ApiError> {
    let json_declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
    if !json_declared {
        return Err(ApiError::UnsupportedMediaType);
    }
    let value: Value = serde_json::from_slice(body).map_err(ApiError::MalformedJson)?;
    let input: CustomerInput = serde_path_to_error::deserialize(&value).map_err(shape_error)?;
    let customer = input.validate().map_err(ApiError::Invalid)?;
    let text = String::from_utf8_lossy(body).into_owned();
    Ok((text, customer))
}

/// Words a serde shape error the way marshmallow words it, at the path where it happened.
fn shape_error(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let mut keys: Vec<String> = Vec::new();
    for segment in error.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => keys.push(index.to_string()),
            serde_path_to_error::Segment::Map { key } => keys.push(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => keys.push(variant.clone()),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    let detail = error.inner().to_string();
    let message = if let Some(rest) = detail.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        if keys.last().is_none_or(|last| last != field) {
            keys.push(field.to_owned());
        }
        "Unknown field.".to_owned()
    } else if detail.contains("expected a string") {
        "Not a valid string.".to_owned()
    } else if detail.contains("expected a boolean") {
        "Not a valid boolean.".to_owned()
    } else if detail.contains("expected a sequence") {
        "Not a valid list.".to_owned()
    } else if detail.contains("expected struct") {
        "Invalid input type.".to_owned()
    } else {
        format!("Invalid value: {detail}.")
    };
    ApiError::WrongShape {
        path: FieldPath::new(keys),
        message,
    }
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        let mut errors = FieldErrors::new();
        let message = "Send an Idempotency-Key of 1 to 255 visible ASCII characters.";
        errors.push(FieldPath::new(["headers", "Idempotency-Key"]), message);
        return Err(ApiError::Invalid(errors));
    }
    Ok(Some(key.to_owned()))
}

fn check_price_plan(state: &AppState, customer: &NewCustomer) -> Result<(), ApiError> {
    let Some(plan) = customer.price_plan_name() else {
        return Ok(());
    };
    if state
        .price_plans
        .iter()
        .any(|known| known.name == plan.as_str())
    {
        return Ok(());
    }
    let mut errors = FieldErrors::new();
    let message = format!(
        "There is no price plan named “{}”: choose one from the list",
        plan.as_str()
    );
    errors.push(FieldPath::new(["price_plan_name"]), message);
    Err(ApiError::Invalid(errors))
}

/// The customer as the API answers it: what was sent, with the display name defaulted to the ID
/// and the creation time added.
fn answered_customer(customer: &NewCustomer, now: &OffsetDateTime) -> Value {
    let mut value = serde_json::to_value(customer).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("display_name".into(), customer.display_name().into());
        map.insert(
            "created_at".into(),
            now.format(&Rfc3339).unwrap_or_default().into(),
        );
    }
    value
}

fn replayed(saved: SavedResponse) -> Response {
    let status = StatusCode::from_u16(saved.status).unwrap_or(StatusCode::OK);
    let mut response = (status, saved.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(REPLAYED, HeaderValue::from_static("true"));
    response
}

/// Applies a fault that strikes before the request is handled; `None` lets it through.
async fn fault_before(fault: Option<Fault>) -> Option<Response> {
    let fault = fault?;
    match fault.kind {
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            None
        }
        FaultKind::ServerError => {
            let envelope = ErrorEnvelope::new(500, SERVER_FAILURE);
            Some((StatusCode::INTERNAL_SERVER_ERROR, Json(envelope.to_json())).into_response())
        }
        FaultKind::BadGatewayHtml => {
            let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\
                        <body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>";
            let mut response = (StatusCode::BAD_GATEWAY, page).into_response();
            let html = HeaderValue::from_static("text/html; charset=utf-8");
            response.headers_mut().insert(header::CONTENT_TYPE, html);
            Some(response)
        }
        FaultKind::RateLimited => {
            let envelope =
                ErrorEnvelope::new(429, "Too many requests: wait a moment and try again.");
            let mut response =
                (StatusCode::TOO_MANY_REQUESTS, Json(envelope.to_json())).into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            Some(response)
        }
        FaultKind::DropConnection | FaultKind::MalformedJson => None,
    }
}

/// Applies a fault that strikes after the customer was stored.
async fn fault_after(
    fault: Option<Fault>,
    connection: Option<axum::Extension<DropConnection>>,
    response: Response,
) -> Response {
    match fault.map(|f| f.kind) {
        Some(FaultKind::DropConnection) => match connection {
            Some(axum::Extension(connection)) => connection.drop_now().await,
            None => {
                tracing::warn!("drop fault without a connection to drop; answering 500");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Some(FaultKind::MalformedJson) => {
            let mut cut = (
                StatusCode::OK,
                Body::from(r#"{"name": "customer_1", "displ"#),
            )
                .into_response();
            let json = HeaderValue::from_static("application/json");
            cut.headers_mut().insert(header::CONTENT_TYPE, json);
            cut
        }
        _ => response,
    }
}

/// `GET /customers/`: every customer, oldest first.
pub async fn list_customers(State(state): State<AppState>) -> Result<Json<Vec<Value>>, ApiError> {
    Ok(Json(state.store.list().await?))
}

/// `GET /customers/{name}`.
pub async fn get_customer(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Value>, ApiError> {
    state
        .store
        .get(name.clone())
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound(name))
}

/// `GET /price_plans/`: the plans a customer can be subscribed to.
pub async fn list_price_plans(State(state): State<AppState>) -> Json<Value> {
    Json(serde_json::to_value(&*state.price_plans).unwrap_or_default())
}

/// `POST /_test/faults`: queues a fault for the next create requests.
pub async fn push_fault(State(state): State<AppState>, Json(fault): Json<Fault>) -> StatusCode {
    if let Some(faults) = &state.faults {
        faults.push(fault);
    }
    StatusCode::NO_CONTENT
}

/// `DELETE /_test/faults`: forgets queued faults and resets the request count.
pub async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    if let Some(faults) = &state.faults {
        faults.clear();
    }
    StatusCode::NO_CONTENT
}

/// `GET /_test/stats`: how many create requests arrived, and the faults still queued.
pub async fn stats(State(state): State<AppState>) -> Json<Value> {
    let (count, pending) = state
        .faults
        .as_ref()
        .map(|f| (f.create_requests(), f.pending()))
        .unwrap_or_default();
    Json(serde_json::json!({"create_requests": count, "pending_faults": pending}))
}

/// `GET /_test/request_body/{name}`: the body a customer was created from, byte for byte.
pub async fn request_body(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<String, ApiError> {
    state
        .store
        .request_body(name.clone())
        .await?
        .ok_or(ApiError::NotFound(name))
}
