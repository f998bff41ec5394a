//! The form and the server judge a shared corpus of drafts the same way: the same customers
//! accepted, byte for byte, and the same problems reported at the same paths in the same words.

mod common;

use axum::http::StatusCode;
use common::{app, create, send};
use customer_signup::domain::CustomerDraft;

use common::support::{self, mapping, metadata, seed_draft as seed};
use serde_json::Value;

/// Drafts that pass and drafts that break each rule, alone and together.
fn corpus() -> Vec<CustomerDraft> {
    type Change = fn(&mut CustomerDraft);
    let changes: &[Change] = &[
        |_| {},
        |d| {
            *d = CustomerDraft {
                name: "only_id".into(),
                ..CustomerDraft::default()
            }
        },
        |d| d.name = String::new(),
        |d| d.name = "Customer 1".into(),
        |d| d.name = "_x".into(),
        |d| d.name = "a".repeat(65),
        |d| d.display_name = "x".repeat(201),
        |d| d.description = "Line one\nline two".into(),
        |d| d.email = "billing@".into(),
        |d| d.email = "bílling@customer1.com".into(),
        |d| d.secondary_emails = "a@x.com; b@x.com".into(),
        |d| d.secondary_emails = "a@x.com, a@x.com, nope".into(),
        |d| d.phone = "+44 20 7946 0958".into(),
        |d| d.phone = "12".into(),
        |d| d.website = "https://customer1.com/about".into(),
        |d| d.website = "javascript:alert(1)".into(),
        |d| d.logo_url = "customer1.com/logo.png".into(),
        |d| d.vat_id = "DE123456789".into(),
        |d| d.vat_id = "!".into(),
        |d| d.country = "Canada".into(),
        |d| d.country = "Narnia".into(),
        |d| (d.country, d.postal_code) = ("GB".into(), "SW1A 1AA".into()),
        |d| (d.country, d.postal_code) = ("Germany".into(), "1234".into()),
        |d| d.postal_code = "100".into(),
        |d| d.price_plan_name = "standard".into(),
        |d| d.price_plan_tag = "v1".into(),
        |d| d.tags = "a, b, c".into(),
        |d| d.tags = "a, a".into(),
        |d| d.autogenerate_payment_gateway_customer = true,
        |d| d.measurement_mappings = vec![mapping("customer_id", "^customer_1$")],
        |d| d.measurement_mappings = vec![mapping("", ""), mapping("x", "(?=y)")],
        |d| d.measurement_mappings = vec![mapping("x", "a"), mapping("x", "a{5}{5}{5}{5}{5}{5}")],
        |d| d.customer_metadata = vec![metadata("crm", "42"), metadata("crm", "")],
        |d| d.customer_metadata = (0..51).map(|i| metadata(&format!("k{i}"), "v")).collect(),
        |d| {
            d.name = "Bad".into();
            d.email = "x".into();
            d.tags = "t, t".into();
            d.measurement_mappings = vec![mapping("", "(")];
        },
    ];
    changes
        .iter()
        .map(|change| {
            let mut draft = seed();
            change(&mut draft);
            draft
        })
        .collect()
}

#[tokio::test]
async fn the_form_and_the_server_agree_on_every_draft() {
    let mut accepted = 0;
    for draft in corpus() {
        let body = serde_json::to_string(&draft.to_input()).unwrap();
        let answer = send(&app(), create(&body, None)).await;
        match draft.validate() {
            Ok(customer) => {
                assert_eq!(answer.status, StatusCode::OK, "{draft:?}\n{}", answer.text);
                let mut answered = answer.json();
                let fields = answered.as_object_mut().unwrap();
                fields.remove("created_at");
                fields.insert("display_name".into(), customer.display_name().into());
                let mut expected = serde_json::to_value(&customer).unwrap();
                expected["display_name"] = Value::from(customer.display_name());
                assert_eq!(answered, expected);
                accepted += 1;
            }
            Err(errors) => {
                assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{draft:?}");
                assert_eq!(
                    answer.json()["errors"]["json"],
                    errors.to_json(),
                    "{draft:?}"
                );
            }
        }
    }
    assert!(
        accepted >= 10,
        "the corpus has valid drafts too ({accepted})"
    );
}

#[tokio::test]
async fn what_the_form_sends_for_a_valid_draft_is_stored_byte_for_byte() {
    let body = serde_json::to_string(&seed().validate().unwrap()).unwrap();
    let app = app();
    assert_eq!(send(&app, create(&body, None)).await.status, StatusCode::OK);
    let stored = send(&app, common::get("/_test/request_body/customer_1")).await;
    assert_eq!(stored.text, body);
    assert_eq!(stored.text, support::SEED_BODY);
}
