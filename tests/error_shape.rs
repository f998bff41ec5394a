//! The error shape both sides speak: written like flask-smorest, read whatever arrives.

// Native tests: they run with plain `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use customer_signup::domain::{CustomerDraft, ErrorEnvelope, FieldErrors, FieldPath};
use serde_json::json;

#[test]
fn field_errors_nest_like_the_api() {
    let mut errors = FieldErrors::new();
    errors.push("name".into(), "Missing data for required field.");
    errors.push("contact_info.email".into(), "Not a valid email address.");
    errors.push("measurement_mappings.0.value_regex".into(), "Bad pattern.");
    errors.push(
        "measurement_mappings.0.value_regex".into(),
        "Second problem.",
    );
    errors.push(FieldPath::root(), "Whole request problem.");
    assert_eq!(
        errors.to_json(),
        json!({
            "name": ["Missing data for required field."],
            "contact_info": {"email": ["Not a valid email address."]},
            "measurement_mappings": {"0": {"value_regex": ["Bad pattern.", "Second problem."]}},
            "_schema": ["Whole request problem."]
        })
    );
    assert_eq!(
        sorted(&FieldErrors::from_json(&errors.to_json())),
        sorted(&errors)
    );
}

/// Every problem as (path, message), sorted: JSON objects do not keep the order of their keys.
fn sorted(errors: &FieldErrors) -> Vec<(String, String)> {
    let mut all: Vec<_> = errors
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_owned()))
        .collect();
    all.sort();
    all
}

#[test]
fn a_field_with_its_own_message_and_inner_ones_keeps_both() {
    let mut errors = FieldErrors::new();
    errors.push("tags".into(), "Too many tags.");
    errors.push("tags.3".into(), "Empty tag.");
    let value = errors.to_json();
    assert_eq!(
        value,
        json!({"tags": {"_schema": ["Too many tags."], "3": ["Empty tag."]}})
    );
    let back = FieldErrors::from_json(&value);
    assert_eq!(back.first_at(&"tags".into()), Some("Too many tags."));
    assert_eq!(back.first_at(&"tags.3".into()), Some("Empty tag."));
}

#[test]
fn draft_errors_serialise_to_the_wire_shape() {
    let draft = CustomerDraft {
        email: "x".into(),
        ..CustomerDraft::default()
    };
    let errors = draft.validate().unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "name": ["Enter a customer ID, like customer_1"],
            "contact_info": {"email": ["Enter an email address with an @, like name@example.com"]}
        })
    );
}

#[test]
fn reads_a_flask_smorest_422() {
    let body = r#"{"code": 422, "status": "Unprocessable Entity",
        "message": "The request contains invalid data.",
        "errors": {"json": {"name": ["Missing data for required field."],
                            "contact_info": {"email": ["Not a valid email address."]},
                            "measurement_mappings": {"0": {"value_regex": ["Bad."]}}}}}"#;
    let envelope = ErrorEnvelope::parse(body);
    assert_eq!(envelope.code, Some(422));
    assert_eq!(envelope.status.as_deref(), Some("Unprocessable Entity"));
    assert_eq!(
        envelope.message.as_deref(),
        Some("The request contains invalid data.")
    );
    let paths: Vec<String> = sorted(&envelope.fields)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        paths,
        [
            "contact_info.email",
            "measurement_mappings.0.value_regex",
            "name"
        ]
    );
    assert!(envelope.elsewhere.is_empty());
}

#[test]
fn reads_schema_errors_unknown_keys_and_odd_values() {
    let body = r#"{"errors": {"json": {"_schema": ["Bad body."],
        "contact_info": {"_schema": ["Bad contact."], "fax": ["Unknown field."]},
        "tags": "one string", "weird": 7, "nothing": null}}}"#;
    let envelope = ErrorEnvelope::parse(body);
    let expected = [
        ("", "Bad body."),
        ("contact_info", "Bad contact."),
        ("contact_info.fax", "Unknown field."),
        ("tags", "one string"),
        ("weird", "7"),
    ];
    let mut expected: Vec<_> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    expected.sort();
    assert_eq!(sorted(&envelope.fields), expected);
}

#[test]
fn reads_other_locations_and_bare_errors() {
    let envelope =
        ErrorEnvelope::parse(r#"{"errors": {"headers": {"Idempotency-Key": ["Bad."]}}}"#);
    assert!(envelope.fields.is_empty());
    assert_eq!(
        envelope
            .elsewhere
            .first_at(&"headers.Idempotency-Key".into()),
        Some("Bad.")
    );

    let bare = ErrorEnvelope::parse(r#"{"errors": ["Something broke."]}"#);
    assert_eq!(
        bare.elsewhere.first_at(&FieldPath::root()),
        Some("Something broke.")
    );
}

#[test]
fn survives_bodies_that_are_not_the_envelope() {
    let cases = [
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "",
        "null",
        "[1, 2]",
        r#"{"message": 5, "code": "x"}"#,
        r#"{"code": 99999999}"#,
        "{\"truncated\": ",
    ];
    for body in cases {
        let envelope = ErrorEnvelope::parse(body);
        assert!(envelope.fields.is_empty(), "{body}");
        assert_eq!(envelope.code, None, "{body}");
        assert_eq!(envelope.message, None, "{body}");
    }
    let missing_errors = ErrorEnvelope::parse(r#"{"code": 500, "message": "Oops"}"#);
    assert_eq!(missing_errors.code, Some(500));
    assert!(missing_errors.fields.is_empty() && missing_errors.elsewhere.is_empty());
}

#[test]
fn writes_the_envelope_the_api_sends() {
    let mut fields = FieldErrors::new();
    fields.push("name".into(), "Taken.");
    let envelope =
        ErrorEnvelope::new(409, "A customer with this ID already exists.").with_fields(fields);
    assert_eq!(
        envelope.to_json(),
        json!({"code": 409, "status": "Conflict",
               "message": "A customer with this ID already exists.",
               "errors": {"json": {"name": ["Taken."]}}})
    );
    assert_eq!(
        ErrorEnvelope::parse(&envelope.to_json().to_string()),
        envelope
    );
}
