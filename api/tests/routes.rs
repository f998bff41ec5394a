//! The API driven through its router, without a socket: every status it can answer.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode};
use common::{SEED_BODY, app, create, get, queue_fault, send, state};
use local_api::store::Store;
use local_api::{REPLAYED, router};
use serde_json::json;

#[tokio::test]
async fn creates_the_seed_customer_and_serves_it_back() {
    let app = app();
    let answer = send(&app, create(SEED_BODY, None)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let customer = answer.json();
    assert_eq!(customer["name"], "customer_1");
    assert_eq!(customer["display_name"], "Customer 1");
    assert_eq!(customer["contact_info"]["country"], "United States");
    assert!(
        customer["created_at"]
            .as_str()
            .is_some_and(|t| t.contains('T'))
    );

    let fetched = send(&app, get("/customers/customer_1")).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.json(), customer);
    let listed = send(&app, get("/customers/")).await.json();
    assert_eq!(listed, json!([customer]));
    let stored = send(&app, get("/_test/request_body/customer_1")).await;
    assert_eq!(stored.text, SEED_BODY);
}

#[tokio::test]
async fn the_answer_keeps_the_api_field_order_and_defaults_the_display_name() {
    let app = app();
    let answer = send(&app, create(r#"{"name":"acme","tags":["b","a"]}"#, None)).await;
    assert!(
        answer
            .text
            .starts_with(r#"{"name":"acme","tags":["b","a"],"display_name":"acme""#)
    );
}

#[tokio::test]
async fn an_invalid_customer_gets_every_problem_in_a_422_envelope() {
    let body = r#"{"name": "Customer 1", "contact_info": {"email": "x", "country": "Atlantis"},
                  "measurement_mappings": [{"label": "a", "value_regex": "("}]}"#;
    let answer = send(&app(), create(body, None)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let envelope = answer.json();
    assert_eq!(envelope["code"], 422);
    assert_eq!(envelope["status"], "Unprocessable Entity");
    let errors = &envelope["errors"]["json"];
    assert_eq!(
        errors["name"],
        json!(["Customer ID cannot contain spaces: use - or _ instead, like customer_1"])
    );
    assert_eq!(
        errors["contact_info"]["email"],
        json!(["Enter an email address with an @, like name@example.com"])
    );
    assert_eq!(
        errors["contact_info"]["country"],
        json!(["Choose a country from the list"])
    );
    let pattern = errors["measurement_mappings"]["0"]["value_regex"][0]
        .as_str()
        .unwrap();
    assert!(pattern.contains("unclosed group"), "{pattern}");
}

#[tokio::test]
async fn a_missing_name_is_reported_like_marshmallow_reports_it() {
    let answer = send(&app(), create("{}", None)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.json()["errors"]["json"],
        json!({"name": ["Enter a customer ID, like customer_1"]})
    );
}

#[tokio::test]
async fn a_duplicate_id_is_a_409_at_name() {
    let app = app();
    assert_eq!(
        send(&app, create(SEED_BODY, None)).await.status,
        StatusCode::OK
    );
    let answer = send(&app, create(r#"{"name": "customer_1"}"#, None)).await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(
        answer.json()["errors"]["json"]["name"],
        json!(["A customer with the ID “customer_1” already exists: choose another ID"])
    );
    assert_eq!(common::customer_count(&app).await, 1);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_400() {
    let answer = send(&app(), create("{name: customer_1", None)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let message = answer.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.starts_with("The request body is not valid JSON"),
        "{message}"
    );
}

#[tokio::test]
async fn a_body_not_declared_as_json_is_a_415() {
    let request = Request::post("/customers/")
        .header("content-type", "text/plain")
        .body(Body::from(SEED_BODY))
        .unwrap();
    assert_eq!(
        send(&app(), request).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
}

#[tokio::test]
async fn unknown_fields_and_wrong_types_are_422_at_their_path() {
    let cases = [
        (
            r#"{"name": "a", "fax": "1"}"#,
            json!({"fax": ["Unknown field."]}),
        ),
        (
            r#"{"name": "a", "contact_info": {"fax": "1"}}"#,
            json!({"contact_info": {"fax": ["Unknown field."]}}),
        ),
        (r#"{"name": 5}"#, json!({"name": ["Not a valid string."]})),
        (
            r#"{"name": "a", "tags": "x"}"#,
            json!({"tags": ["Not a valid list."]}),
        ),
        (
            r#"{"name": "a", "tags": [1]}"#,
            json!({"tags": {"0": ["Not a valid string."]}}),
        ),
        (
            r#"{"name": "a", "autogenerate_payment_gateway_customer": "yes"}"#,
            json!({"autogenerate_payment_gateway_customer": ["Not a valid boolean."]}),
        ),
    ];
    for (body, expected) in cases {
        let answer = send(&app(), create(body, None)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(answer.json()["errors"]["json"], expected, "{body}");
    }
}

#[tokio::test]
async fn an_unknown_customer_is_a_404() {
    let answer = send(&app(), get("/customers/nobody")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json()["code"], 404);
}

#[tokio::test]
async fn price_plans_are_listed_and_unknown_ones_refused() {
    let app = app();
    let plans = send(&app, get("/price_plans/")).await.json();
    assert_eq!(
        plans,
        json!([{"name": "standard", "display_name": "Standard"}])
    );
    let answer = send(
        &app,
        create(r#"{"name": "a", "price_plan_name": "gold"}"#, None),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.json()["errors"]["json"]["price_plan_name"],
        json!(["There is no price plan named “gold”: choose one from the list"])
    );
    let answer = send(
        &app,
        create(r#"{"name": "a", "price_plan_name": "standard"}"#, None),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn a_configured_token_is_required_on_every_route() {
    let mut with_token = state(Store::open(None).unwrap());
    with_token.token = Some(Arc::from("s3cret-token"));
    let app = router(with_token, &[]);
    for request in [
        create(SEED_BODY, None),
        get("/customers/"),
        get("/price_plans/"),
    ] {
        let answer = send(&app, request).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.header("www-authenticate"), Some("Bearer"));
        assert!(
            !answer.text.contains("s3cret"),
            "the token never appears in an answer"
        );
    }
    let mut wrong = create(SEED_BODY, None);
    wrong.headers_mut().insert(
        "authorization",
        HeaderValue::from_static("Bearer s3cret-tokeN"),
    );
    assert_eq!(send(&app, wrong).await.status, StatusCode::UNAUTHORIZED);
    let mut right = create(SEED_BODY, None);
    right.headers_mut().insert(
        "authorization",
        HeaderValue::from_static("Bearer s3cret-token"),
    );
    assert_eq!(send(&app, right).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_retry_with_the_same_key_replays_the_first_answer() {
    let app = app();
    let first = send(&app, create(SEED_BODY, Some("key-1"))).await;
    let second = send(&app, create(SEED_BODY, Some("key-1"))).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.text, first.text);
    assert_eq!(first.header(REPLAYED), None);
    assert_eq!(second.header(REPLAYED), Some("true"));
    assert_eq!(common::customer_count(&app).await, 1);
}

#[tokio::test]
async fn a_key_reused_with_another_body_is_refused() {
    let app = app();
    send(&app, create(SEED_BODY, Some("key-1"))).await;
    let answer = send(&app, create(r#"{"name": "other"}"#, Some("key-1"))).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.json()["message"]
            .as_str()
            .unwrap()
            .contains("Idempotency-Key")
    );
    assert_eq!(
        send(&app, get("/customers/other")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_refused_request_does_not_use_up_its_key() {
    let app = app();
    let refused = send(&app, create(r#"{"name": "Bad Id"}"#, Some("key-1"))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fixed = send(&app, create(r#"{"name": "bad_id"}"#, Some("key-1"))).await;
    assert_eq!(fixed.status, StatusCode::OK, "{}", fixed.text);
}

#[tokio::test]
async fn a_duplicate_answer_is_replayed_too() {
    let app = app();
    send(&app, create(SEED_BODY, None)).await;
    let first = send(&app, create(SEED_BODY, Some("key-2"))).await;
    let again = send(&app, create(SEED_BODY, Some("key-2"))).await;
    assert_eq!(
        (first.status, again.status),
        (StatusCode::CONFLICT, StatusCode::CONFLICT)
    );
    assert_eq!(again.header(REPLAYED), Some("true"));
}

#[tokio::test]
async fn a_server_error_fault_creates_nothing() {
    let app = app();
    queue_fault(&app, r#"{"kind": "server_error"}"#).await;
    let answer = send(&app, create(SEED_BODY, Some("k"))).await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(answer.json()["code"], 500);
    assert_eq!(send(&app, get("/customers/")).await.json(), json!([]));
    let retry = send(&app, create(SEED_BODY, Some("k"))).await;
    assert_eq!(retry.status, StatusCode::OK);
}

#[tokio::test]
async fn a_bad_gateway_fault_answers_html() {
    let app = app();
    queue_fault(&app, r#"{"kind": "bad_gateway_html"}"#).await;
    let answer = send(&app, create(SEED_BODY, None)).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert!(
        answer
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(answer.text.contains("<h1>502 Bad Gateway</h1>"));
}

#[tokio::test]
async fn a_rate_limit_fault_says_when_to_retry() {
    let app = app();
    queue_fault(&app, r#"{"kind": "rate_limited", "times": 2}"#).await;
    for _ in 0..2 {
        let answer = send(&app, create(SEED_BODY, None)).await;
        assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(answer.header("retry-after"), Some("2"));
    }
    assert_eq!(
        send(&app, create(SEED_BODY, None)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_malformed_json_fault_creates_the_customer_but_cuts_the_answer() {
    let app = app();
    queue_fault(&app, r#"{"kind": "malformed_json"}"#).await;
    let answer = send(&app, create(SEED_BODY, Some("k"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(serde_json::from_str::<serde_json::Value>(&answer.text).is_err());
    let retry = send(&app, create(SEED_BODY, Some("k"))).await;
    assert_eq!(retry.json()["name"], "customer_1");
    assert_eq!(retry.header(REPLAYED), Some("true"));
}

#[tokio::test]
async fn a_delay_fault_answers_normally_after_waiting() {
    let app = app();
    queue_fault(&app, r#"{"kind": "delay", "delay_ms": 50}"#).await;
    let started = std::time::Instant::now();
    let answer = send(&app, create(SEED_BODY, None)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));
}

#[tokio::test]
async fn stats_count_create_requests() {
    let app = app();
    for _ in 0..3 {
        send(&app, create(SEED_BODY, Some("same"))).await;
    }
    let stats = send(&app, get("/_test/stats")).await.json();
    assert_eq!(stats["create_requests"], 3);
}

#[tokio::test]
async fn test_hooks_do_not_exist_unless_enabled() {
    let mut plain = state(Store::open(None).unwrap());
    plain.faults = None;
    let app = router(plain, &[]);
    assert_eq!(
        send(&app, get("/_test/stats")).await.status,
        StatusCode::NOT_FOUND
    );
    let request = Request::post("/_test/faults")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"kind": "server_error"}"#))
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cors_is_granted_only_to_configured_origins() {
    let origin = HeaderValue::from_static("http://localhost:8080");
    let app = router(
        state(Store::open(None).unwrap()),
        std::slice::from_ref(&origin),
    );
    let preflight = |from: &'static str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/customers/")
            .header("origin", from)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type,idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let allowed = send(&app, preflight("http://localhost:8080")).await;
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("http://localhost:8080")
    );
    assert_eq!(
        allowed.header("access-control-allow-credentials"),
        Some("true")
    );
    let headers = allowed
        .header("access-control-allow-headers")
        .unwrap_or_default();
    assert!(headers.contains("idempotency-key"), "{headers}");
    let refused = send(&app, preflight("http://evil.example")).await;
    assert_eq!(refused.header("access-control-allow-origin"), None);

    let no_cors = common::app();
    let answer = send(&no_cors, preflight("http://localhost:8080")).await;
    assert_eq!(answer.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn customers_and_keys_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.db");
    let first = router(state(Store::open(Some(&path)).unwrap()), &[]);
    let created = send(&first, create(SEED_BODY, Some("key-1"))).await;
    assert_eq!(created.status, StatusCode::OK);
    drop(first);

    let second = router(state(Store::open(Some(&path)).unwrap()), &[]);
    assert_eq!(
        send(&second, get("/customers/customer_1")).await.json(),
        created.json()
    );
    let retry = send(&second, create(SEED_BODY, Some("key-1"))).await;
    assert_eq!(retry.text, created.text);
    assert_eq!(retry.header(REPLAYED), Some("true"));
}

#[tokio::test]
async fn with_a_form_directory_the_api_moves_under_api() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<h1>form</h1>").unwrap();
    let pages = local_api::Pages {
        form_dir: Some(dir.path().to_owned()),
        example_dir: Some(dir.path().to_owned()),
        content_security_policy: Some(HeaderValue::from_static("default-src 'none'")),
    };
    let app = local_api::with_pages(common::app(), &pages);
    let page = send(&app, get("/")).await;
    assert_eq!(
        (page.status, page.text.as_str()),
        (StatusCode::OK, "<h1>form</h1>")
    );
    let mut request = create(SEED_BODY, None);
    *request.uri_mut() = "/api/customers/".parse().unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, get("/api/customers/customer_1")).await.status,
        StatusCode::OK
    );
}
