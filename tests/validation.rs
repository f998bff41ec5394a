//! Whole-customer validation: what is sent for a valid draft and what is reported for a bad one.

// Native tests: they run with plain `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use customer_signup::domain::{
    CustomerDraft, CustomerInput, DraftField, FieldPath, MappingDraft, MetadataDraft,
};
use support::{SEED_BODY, seed_draft as seed_customer};

fn messages(draft: &CustomerDraft) -> Vec<(String, String)> {
    let errors = draft.validate().expect_err("the draft should be refused");
    errors
        .iter()
        .map(|(path, message)| (path.to_string(), message.to_owned()))
        .collect()
}

#[test]
fn seed_customer_serialises_to_exactly_the_api_body() {
    let customer = seed_customer().validate().unwrap();
    assert_eq!(serde_json::to_string(&customer).unwrap(), SEED_BODY);
}

#[test]
fn every_field_reaches_the_wire_trimmed_and_in_api_order() {
    let draft = CustomerDraft {
        description: "  Enterprise account\nsince 2024 ".into(),
        secondary_emails: "ops@customer1.com, finance@customer1.com;".into(),
        phone: " +1 212 555 0100 ".into(),
        legal_name: "Customer One, Inc.".into(),
        vat_id: "US-123456".into(),
        logo_url: "https://customer1.com/logo.png".into(),
        country: "usa".into(),
        price_plan_name: "standard".into(),
        price_plan_tag: "v2".into(),
        tags: "enterprise, east coast,".into(),
        autogenerate_payment_gateway_customer: true,
        measurement_mappings: vec![MappingDraft {
            label: "customer_id".into(),
            value_regex: "^customer_1$".into(),
            sample: "customer_1".into(),
        }],
        customer_metadata: vec![MetadataDraft {
            property: "crm_id".into(),
            value: "42".into(),
        }],
        ..seed_customer()
    };
    let json = serde_json::to_value(draft.validate().unwrap()).unwrap();
    let expected = serde_json::json!({
        "name": "customer_1",
        "display_name": "Customer 1",
        "description": "Enterprise account\nsince 2024",
        "contact_info": {
            "email": "billing@customer1.com",
            "secondary_emails": ["ops@customer1.com", "finance@customer1.com"],
            "phone": "+1 212 555 0100",
            "url": "customer1.com",
            "address_line_1": "111 Main St",
            "address_line_2": "#1",
            "city": "New York",
            "state": "NY",
            "country": "United States",
            "zipcode": "10011",
            "vat_id": "US-123456",
            "legal_name": "Customer One, Inc.",
            "logo_url": "https://customer1.com/logo.png"
        },
        "measurement_mappings": [{"label": "customer_id", "value_regex": "^customer_1$"}],
        "price_plan_name": "standard",
        "price_plan_tag": "v2",
        "tags": ["enterprise", "east coast"],
        "customer_metadata": [{"property": "crm_id", "value": "42"}],
        "autogenerate_payment_gateway_customer": true
    });
    assert_eq!(json, expected);
    let text = serde_json::to_string(&draft.validate().unwrap()).unwrap();
    let keys = [
        "\"name\"",
        "\"display_name\"",
        "\"description\"",
        "\"contact_info\"",
        "\"tags\"",
    ];
    let positions: Vec<_> = keys.iter().map(|k| text.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn a_draft_with_only_an_id_sends_only_the_id() {
    let draft = CustomerDraft {
        name: " acme ".into(),
        ..CustomerDraft::default()
    };
    let json = serde_json::to_string(&draft.validate().unwrap()).unwrap();
    assert_eq!(json, r#"{"name":"acme"}"#);
}

#[test]
fn reports_every_problem_at_once_at_its_wire_path() {
    let draft = CustomerDraft {
        name: "Customer 1".into(),
        email: "billing.customer1.com".into(),
        secondary_emails: "ok@x.com, bad@, ok@x.com".into(),
        website: "javascript:alert(1)".into(),
        country: "United States".into(),
        postal_code: "1001".into(),
        price_plan_tag: "v2".into(),
        tags: "a, b, a".into(),
        measurement_mappings: vec![
            MappingDraft {
                label: "region".into(),
                value_regex: "(".into(),
                ..Default::default()
            },
            MappingDraft {
                label: "region".into(),
                value_regex: "x".into(),
                ..Default::default()
            },
            MappingDraft::default(),
        ],
        customer_metadata: vec![
            MetadataDraft {
                property: "k".into(),
                value: "1".into(),
            },
            MetadataDraft {
                property: "k".into(),
                value: String::new(),
            },
        ],
        ..CustomerDraft::default()
    };
    let paths: Vec<String> = messages(&draft).into_iter().map(|(path, _)| path).collect();
    let expected = [
        "name",
        "contact_info.email",
        "contact_info.secondary_emails.1",
        "contact_info.secondary_emails.2",
        "contact_info.url",
        "contact_info.zipcode",
        "measurement_mappings.0.value_regex",
        "measurement_mappings.1.label",
        "measurement_mappings.2.label",
        "measurement_mappings.2.value_regex",
        "price_plan_tag",
        "tags.2",
        "customer_metadata.1.value",
        "customer_metadata.1.property",
    ];
    assert_eq!(paths, expected);
}

#[test]
fn messages_tell_the_admin_what_to_type() {
    let draft = CustomerDraft {
        email: "billing.customer1.com".into(),
        secondary_emails: "billing@customer1.com bad@".into(),
        country: "Untied States".into(),
        price_plan_tag: "v2".into(),
        tags: "a, a".into(),
        ..CustomerDraft::default()
    };
    let expected = [
        ("name", "Enter a customer ID, like customer_1"),
        (
            "contact_info.email",
            "Enter an email address with an @, like name@example.com",
        ),
        (
            "contact_info.secondary_emails.1",
            "Enter the part after the @, like name@example.com (in “bad@”)",
        ),
        ("contact_info.country", "Choose a country from the list"),
        (
            "price_plan_tag",
            "Choose a price plan for this tag, or clear the tag",
        ),
        ("tags.1", "“a” is listed twice"),
    ];
    let found = messages(&draft);
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(p, m)| (p.as_str(), m.as_str()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_secondary_email_may_not_repeat_the_main_one() {
    let draft = CustomerDraft {
        secondary_emails: "Billing@Customer1.com".into(),
        ..seed_customer()
    };
    assert_eq!(
        messages(&draft),
        [(
            "contact_info.secondary_emails.0".to_owned(),
            "“Billing@Customer1.com” is already the main email address".to_owned()
        )]
    );
}

#[test]
fn postal_code_follows_the_chosen_country_or_a_loose_rule() {
    let uk = CustomerDraft {
        country: "GB".into(),
        postal_code: "sw1a 1aa".into(),
        ..seed_customer()
    };
    let json = serde_json::to_value(uk.validate().unwrap()).unwrap();
    assert_eq!(json["contact_info"]["zipcode"], "SW1A 1AA");
    assert_eq!(json["contact_info"]["country"], "United Kingdom");

    let unknown_country = CustomerDraft {
        country: "Atlantis".into(),
        ..seed_customer()
    };
    let paths: Vec<_> = messages(&unknown_country)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        paths,
        ["contact_info.country"],
        "a bad country does not also blame the code"
    );
}

#[test]
fn lists_have_upper_limits() {
    let rows = |n| {
        (0..n).map(|i| MetadataDraft {
            property: format!("k{i}"),
            value: "v".into(),
        })
    };
    let draft = CustomerDraft {
        customer_metadata: rows(51).collect(),
        ..seed_customer()
    };
    assert_eq!(
        messages(&draft),
        [(
            "customer_metadata".to_owned(),
            "A customer can have at most 50 metadata entries (51 given)".to_owned()
        )]
    );
    let draft = CustomerDraft {
        customer_metadata: rows(50).collect(),
        ..seed_customer()
    };
    assert!(draft.validate().is_ok());
}

#[test]
fn absent_and_null_fields_mean_not_given() {
    let input: CustomerInput = serde_json::from_str(
        r#"{"name": "acme", "display_name": null, "contact_info": {"email": "  "}}"#,
    )
    .unwrap();
    let json = serde_json::to_string(&input.validate().unwrap()).unwrap();
    assert_eq!(json, r#"{"name":"acme"}"#);
}

#[test]
fn every_error_path_finds_its_input() {
    let cases = [
        ("name", Some(DraftField::Name)),
        ("contact_info.zipcode", Some(DraftField::PostalCode)),
        (
            "contact_info.secondary_emails.3",
            Some(DraftField::SecondaryEmails),
        ),
        ("tags.0", Some(DraftField::Tags)),
        ("measurement_mappings", Some(DraftField::Mappings)),
        (
            "measurement_mappings.2.value_regex",
            Some(DraftField::MappingRegex(2)),
        ),
        ("measurement_mappings.2", Some(DraftField::MappingLabel(2))),
        (
            "customer_metadata.0.value",
            Some(DraftField::MetadataValue(0)),
        ),
        ("created_at", None),
        ("measurement_mappings.x.label", None),
    ];
    for (path, field) in cases {
        assert_eq!(
            DraftField::for_path(&FieldPath::from(path)),
            field,
            "{path}"
        );
    }
    assert_eq!(DraftField::MappingRegex(2).label(), "Mapping 3 value regex");
    assert_eq!(DraftField::Email.slug(), "contact-info-email");
    assert_eq!(DraftField::MappingRegex(2).slug(), "mapping-2-regex");
    assert_eq!(DraftField::State.label(), "State / region");
}

#[test]
fn drafts_survive_a_save_and_restore() {
    let draft = CustomerDraft {
        measurement_mappings: vec![MappingDraft {
            sample: "x".into(),
            ..Default::default()
        }],
        ..seed_customer()
    };
    let saved = serde_json::to_string(&draft).unwrap();
    assert_eq!(
        serde_json::from_str::<CustomerDraft>(&saved).unwrap(),
        draft
    );
    let older: CustomerDraft = serde_json::from_str(r#"{"name":"a","retired_field":1}"#).unwrap();
    assert_eq!(older.name, "a");
    // The form saves and restores without serde's generated code, to the same effect.
    assert_eq!(draft.to_saved(), serde_json::to_value(&draft).unwrap());
    // Values compare objects without their key order; the text shows the order too.
    assert_eq!(draft.to_saved().to_string(), saved);
    assert_eq!(
        CustomerDraft::from_saved(&draft.to_saved()).as_ref(),
        Some(&draft)
    );
    let odd = serde_json::json!({
        "name": "a",
        "retired_field": 1,
        "city": 7,
        "autogenerate_payment_gateway_customer": "yes",
        "measurement_mappings": [{"label": "l"}, "not a row"],
        "customer_metadata": {"not": "a list"},
    });
    let restored = CustomerDraft::from_saved(&odd).unwrap();
    assert_eq!(restored.name, "a", "what can be read is kept");
    assert_eq!(restored.city, "", "a value of the wrong type is left out");
    assert!(!restored.autogenerate_payment_gateway_customer);
    assert_eq!(restored.measurement_mappings.len(), 1);
    assert_eq!(restored.measurement_mappings[0].label, "l");
    assert!(restored.customer_metadata.is_empty());
    assert_eq!(CustomerDraft::from_saved(&serde_json::json!(["a"])), None);
    assert!(CustomerDraft::default().is_blank());
}

#[test]
fn problems_sort_in_the_order_the_form_shows_fields() {
    let mut fields = vec![
        DraftField::MetadataValue(0),
        DraftField::MappingRegex(0),
        DraftField::MappingLabel(1),
        DraftField::Tags,
        DraftField::Name,
    ];
    fields.sort_by_key(|f| f.position());
    assert_eq!(
        fields,
        [
            DraftField::Name,
            DraftField::Tags,
            DraftField::MappingRegex(0),
            DraftField::MappingLabel(1),
            DraftField::MetadataValue(0),
        ]
    );
}

#[test]
fn each_input_reads_back_what_was_typed() {
    let draft = CustomerDraft {
        measurement_mappings: vec![support::mapping("region", "^us")],
        ..seed_customer()
    };
    assert_eq!(draft.value(DraftField::PostalCode), "10011");
    assert_eq!(draft.value(DraftField::MappingRegex(0)), "^us");
    assert_eq!(draft.value(DraftField::MappingRegex(5)), "");
    assert_eq!(draft.value(DraftField::Mappings), "1");
    let mut edited = draft.clone();
    *edited.text_mut(DraftField::MappingLabel(0)).unwrap() = "zone".into();
    *edited.text_mut(DraftField::City).unwrap() = "Boston".into();
    assert_eq!(
        (
            edited.measurement_mappings[0].label.as_str(),
            edited.city.as_str()
        ),
        ("zone", "Boston")
    );
    assert!(edited.text_mut(DraftField::MetadataValue(0)).is_none());
    assert!(
        edited
            .text(DraftField::AutogeneratePaymentGatewayCustomer)
            .is_none()
    );
}
