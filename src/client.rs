//! The customers API over `fetch`: creating a customer and listing price plans.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCredentials};

use crate::config::{Credentials, FormConfig, PlanChoice};
use crate::submit::{Attempt, CreatedCustomer, SubmitError, read_answer};

/// Why the price plans could not be listed; the form then takes the plan as free text.
#[derive(Debug, thiserror::Error)]
pub enum PlansError {
    /// No answer, or one that is not a list of plans.
    #[error("price plans unavailable: {0}")]
    Unavailable(String),
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
    let request = configured(Request::post(&config.url("customers/")), config)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", attempt.key())
        .abort_signal(Some(&controller.signal()))
        .body(attempt.body().to_owned())
        .map_err(|_| SubmitError::Network)?;
    let sent = request.send().await;
    let outcome = match sent {
        Ok(response) => read(response).await,
        Err(_) if timed_out.get() => Err(SubmitError::Timeout),
        Err(_) => Err(SubmitError::Network),
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
    let retry_after = response.headers().get("retry-after");
    match response.text().await {
        Ok(body) => read_answer(status, retry_after.as_deref(), &body),
        // The status arrived but the body did not: for a success, the customer may exist.
        Err(_) if (200..300).contains(&status) => Err(SubmitError::Unreadable { status }),
        Err(_) => read_answer(status, retry_after.as_deref(), ""),
    }
}

/// `GET {api}/price_plans/`.
pub async fn price_plans(config: &FormConfig) -> Result<Vec<PlanChoice>, PlansError> {
    let unavailable = |error: &dyn std::fmt::Display| PlansError::Unavailable(error.to_string());
    let response = configured(Request::get(&config.url("price_plans/")), config)
        .send()
        .await
        .map_err(|e| unavailable(&e))?;
    if !response.ok() {
        return Err(PlansError::Unavailable(format!(
            "status {}",
            response.status()
        )));
    }
    response.json().await.map_err(|e| unavailable(&e))
}

/// Applies the host page's credentials mode and headers to a request.
fn configured(builder: RequestBuilder, config: &FormConfig) -> RequestBuilder {
    let credentials = match config.credentials {
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
        Credentials::Omit => RequestCredentials::Omit,
    };
    let mut builder = builder
        .credentials(credentials)
        .header("Accept", "application/json");
    for (name, value) in &config.headers {
        builder = builder.header(name, value);
    }
    if let (Some(header), Some(token)) = (&config.csrf_header, csrf_token(config)) {
        builder = builder.header(header, &token);
    }
    if let Some(token) = &config.bearer_token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    builder
}

/// The CSRF token from `<meta name="…" content="…">`, read at send time so that a host page
/// that rotates it is always current.
fn csrf_token(config: &FormConfig) -> Option<String> {
    let name = config.csrf_meta.as_deref()?;
    let selector = format!("meta[name=\"{}\"]", name.replace('"', ""));
    let meta = leptos::prelude::document()
        .query_selector(&selector)
        .ok()??;
    meta.dyn_into::<web_sys::HtmlMetaElement>()
        .ok()
        .map(|m| m.content())
}
