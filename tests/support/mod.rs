//! Drafts shared by the tests and the benchmark.

#![allow(dead_code)]

use customer_signup::domain::{CustomerDraft, MappingDraft, MetadataDraft};

/// The customer from the product page, with a real address in place of the obfuscated one.
pub fn seed_draft() -> CustomerDraft {
    CustomerDraft {
        name: "customer_1".into(),
        display_name: "Customer 1".into(),
        email: "billing@customer1.com".into(),
        website: "customer1.com".into(),
        address_line_1: "111 Main St".into(),
        address_line_2: "#1".into(),
        city: "New York".into(),
        state: "NY".into(),
        country: "United States".into(),
        postal_code: "10011".into(),
        ..CustomerDraft::default()
    }
}

/// What the form sends for [`seed_draft`], byte for byte.
pub const SEED_BODY: &str = concat!(
    r#"{"name":"customer_1","display_name":"Customer 1","contact_info":{"#,
    r#""email":"billing@customer1.com","url":"customer1.com","address_line_1":"111 Main St","#,
    r##""address_line_2":"#1","city":"New York","state":"NY","country":"United States","##,
    r#""zipcode":"10011"}}"#
);

/// A mapping row without a sample value.
pub fn mapping(label: &str, value_regex: &str) -> MappingDraft {
    MappingDraft {
        label: label.into(),
        value_regex: value_regex.into(),
        sample: String::new(),
    }
}

/// A metadata row.
pub fn metadata(property: &str, value: &str) -> MetadataDraft {
    MetadataDraft {
        property: property.into(),
        value: value.into(),
    }
}

/// Every field filled in, as a thorough admin would, with two mappings and two metadata rows.
pub fn full_draft() -> CustomerDraft {
    CustomerDraft::benchmark_example()
}
