//! The customers API over `fetch`: creating a customer and listing price plans.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

use crate::config::{Credentials, FormConfig, PlanChoice};
use crate::submit::{Attempt, CreatedCustomer, SubmitError, read_answer};

/// Why the price plans could not be listed; the form then takes the plan as free text.
#[derive(Debug, thiserror::Error)]
pub enum PlansError {
    /// The browser would not build the request.
    #[error("price plans unavailable: the request could not be made")]
    Request,
    /// No answer: the network failed or the browser refused the answer (CORS).
    #[error("price plans unavailable: no answer")]
    NoAnswer,
    /// An answer other than a success.
    #[error("price plans unavailable: the API answered {0}")]
    Status(u16),
    /// A body that was cut off or is not a list of plans.
    #[error("price plans unavailable: the answer is not a list of plans")]
    Unreadable,
}

/// Sends `attempt` as `POST {api}/customers/` with its idempotency key, and reads the answer.
///
/// The request is aborted after the configured time limit, which is reported as
/// [`SubmitError::Timeout`] rather than as a network failure.
pub async fn create_customer(
    config: &FormConfig,
    attempt: &Attempt,
) -> Result<CreatedCustomer, SubmitError> {
    let controller = AbortController::new().map_err(|_| SubmitError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        set_timeout(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            config.timeout,
        )
    };
    let headers = configured_headers(config).map_err(|_| SubmitError::Network)?;
    let added = headers
        .set("Content-Type", "application/json")
        .and_then(|()| headers.set("Idempotency-Key", attempt.key()));
    added.map_err(|_| SubmitError::Network)?;
    let init = request_init("POST", &headers, config);
    init.set_signal(Some(&controller.signal()));
    init.set_body(&JsValue::from_str(attempt.body()));
    let outcome = match fetch(&config.url("customers/"), &init).await {
        Ok(response) => read(response).await,
        Err(()) if timed_out.get() => Err(SubmitError::Timeout),
        Err(()) => Err(SubmitError::Network),
    };
    if let Ok(timer) = timer {
        timer.clear();
    }
    match outcome {
        Err(SubmitError::Network) if timed_out.get() => Err(SubmitError::Timeout),
        other => other,
    }
}

async fn read(response: Response) -> Result<CreatedCustomer, SubmitError> {
    let status = response.status();
    let retry_after = response.headers().get("retry-after").ok().flatten();
    match text(&response).await {
        Ok(body) => read_answer(status, retry_after.as_deref(), &body),
        // The status arrived but the body did not: for a success, the customer may exist.
        Err(()) if (200..300).contains(&status) => Err(SubmitError::Unreadable { status }),
        Err(()) => read_answer(status, retry_after.as_deref(), ""),
    }
}

/// `GET {api}/price_plans/`.
pub async fn price_plans(config: &FormConfig) -> Result<Vec<PlanChoice>, PlansError> {
    let headers = configured_headers(config).map_err(|_| PlansError::Request)?;
    let init = request_init("GET", &headers, config);
    let response = fetch(&config.url("price_plans/"), &init)
        .await
        .map_err(|()| PlansError::NoAnswer)?;
    if !response.ok() {
        return Err(PlansError::Status(response.status()));
    }
    let body = text(&response).await.map_err(|()| PlansError::Unreadable)?;
    crate::json::read(&body).ok_or(PlansError::Unreadable)
}

/// `fetch(url, init)`: the response, whatever its status, or `Err` when there was none
/// (network failure, CORS refusal, abort).
async fn fetch(url: &str, init: &RequestInit) -> Result<Response, ()> {
    let answer = JsFuture::from(window().fetch_with_str_and_init(url, init))
        .await
        .map_err(drop)?;
    answer.dyn_into::<Response>().map_err(drop)
}

/// The whole body of `response` as text, or `Err` when it did not arrive in full.
async fn text(response: &Response) -> Result<String, ()> {
    let promise = response.text().map_err(drop)?;
    JsFuture::from(promise)
        .await
        .map_err(drop)?
        .as_string()
        .ok_or(())
}

/// A request with `method`, `headers` and the host page's credentials mode.
fn request_init(method: &str, headers: &Headers, config: &FormConfig) -> RequestInit {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(headers);
    init.set_credentials(match config.credentials {
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
        Credentials::Omit => RequestCredentials::Omit,
    });
    init
}

/// The headers every request carries: `Accept`, the host page's own, the CSRF token and the
/// development bearer token when configured. Fails only on a header the browser refuses.
fn configured_headers(config: &FormConfig) -> Result<Headers, JsValue> {
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    for (name, value) in &config.headers {
        headers.set(name, value)?;
    }
    if let (Some(header), Some(token)) = (&config.csrf_header, csrf_token(config)) {
        headers.set(header, &token)?;
    }
    if let Some(token) = &config.bearer_token {
        headers.set("Authorization", &format!("Bearer {token}"))?;
    }
    Ok(headers)
}

/// The CSRF token from `<meta name="…" content="…">`, read at send time so that a host page
/// that rotates it is always current. A token no header can carry is left out, with a warning,
/// rather than failing the request.
fn csrf_token(config: &FormConfig) -> Option<String> {
    let name = config.csrf_meta.as_deref()?;
    let selector = format!("meta[name=\"{}\"]", name.replace('"', ""));
    let meta = leptos::prelude::document()
        .query_selector(&selector)
        .ok()??;
    let token = meta.dyn_into::<web_sys::HtmlMetaElement>().ok()?.content();
    if !crate::config::is_header_value(&token) {
        crate::console::warn(&format!(
            "the <meta name=\"{name}\"> token is not a header value; sending no CSRF header"
        ));
        return None;
    }
    Some(token)
}
