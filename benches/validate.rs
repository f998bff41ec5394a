//! How long the rules take on a full draft: what every keystroke after a failed submit costs.
//!
//! Run with `make bench-native` (or `cargo bench --bench validate`).

// criterion's macros define undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use customer_signup::domain::{CustomerDraft, MappingDraft, MetadataDraft, ValueRegex};

/// Every field filled in, as a thorough admin would, with two mappings and two metadata rows.
fn full_draft() -> CustomerDraft {
    CustomerDraft {
        name: "customer_1".into(),
        display_name: "Customer 1".into(),
        description: "Enterprise account, billed monthly.\nOnboarded by the sales team.".into(),
        email: "billing@customer1.com".into(),
        secondary_emails: "ops@customer1.com, finance@customer1.com".into(),
        phone: "+1 212 555 0100 ext. 204".into(),
        website: "https://customer1.com".into(),
        legal_name: "Customer One, Inc.".into(),
        vat_id: "US-123456789".into(),
        logo_url: "https://customer1.com/logo.png".into(),
        address_line_1: "111 Main St".into(),
        address_line_2: "#1".into(),
        city: "New York".into(),
        state: "NY".into(),
        country: "United States".into(),
        postal_code: "10011".into(),
        price_plan_name: "standard".into(),
        price_plan_tag: "v2".into(),
        tags: "enterprise, east coast, priority".into(),
        autogenerate_payment_gateway_customer: true,
        measurement_mappings: vec![
            MappingDraft {
                label: "customer_id".into(),
                value_regex: "^customer_1$".into(),
                sample: "customer_1".into(),
            },
            MappingDraft {
                label: "region".into(),
                value_regex: r"^us-(east|west)-\d+$".into(),
                sample: "us-east-1".into(),
            },
        ],
        customer_metadata: vec![
            MetadataDraft {
                property: "crm_id".into(),
                value: "0015g00000XyZ".into(),
            },
            MetadataDraft {
                property: "segment".into(),
                value: "enterprise".into(),
            },
        ],
    }
}

fn validation(c: &mut Criterion) {
    let full = full_draft();
    assert!(full.validate().is_ok(), "the benchmark draft must be valid");
    c.bench_function("validate full draft", |b| {
        b.iter(|| black_box(&full).validate())
    });

    let no_mappings = CustomerDraft {
        measurement_mappings: Vec::new(),
        ..full_draft()
    };
    c.bench_function("validate full draft without mappings", |b| {
        b.iter(|| black_box(&no_mappings).validate())
    });

    let broken = CustomerDraft {
        name: "Customer 1".into(),
        email: "billing.customer1.com".into(),
        postal_code: "1001".into(),
        ..full_draft()
    };
    c.bench_function("validate full draft with three errors", |b| {
        b.iter(|| black_box(&broken).validate())
    });

    // Patterns are kept once compiled, so the figures above are for a draft whose patterns
    // did not change since the last keystroke. This one is for a pattern seen for the first
    // time: each iteration asks for a new one.
    let mut n = 0u64;
    c.bench_function("compile a new mapping pattern", |b| {
        b.iter(|| {
            n += 1;
            format!(r"^us-(east|west)-\d+-{n}$").parse::<ValueRegex>()
        })
    });
}

criterion_group!(benches, validation);
criterion_main!(benches);
