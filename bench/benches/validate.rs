//! How long the rules take on a full draft: what every keystroke after a failed submit costs.
//!
//! Run with `make bench-native` (or `cargo bench -p customer-signup-bench`).

// criterion's macros define undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use customer_signup::domain::{CustomerDraft, ValueRegex};

/// The draft every benchmark validates.
fn full_draft() -> CustomerDraft {
    CustomerDraft::benchmark_example()
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
