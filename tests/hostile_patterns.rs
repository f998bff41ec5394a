//! Patterns written to hang or exhaust a regex engine are answered, quickly, with a result or a
//! message.
//!
//! Each pattern is compiled and run on a separate thread with a watchdog. The watchdog is not a
//! speed measurement (the benchmark reports those figures): it only turns a hang, which would
//! otherwise stall the test run forever, into a failure that names the pattern.

// Native tests: they run with plain `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use customer_signup::domain::{PatternError, ValueRegex};

/// How long one pattern may take before it counts as hung; orders of magnitude above what any
/// of them needs, so a slow machine never fails this.
const WATCHDOG: Duration = Duration::from_secs(20);

fn answer(pattern: String) -> Result<bool, PatternError> {
    let (send, receive) = mpsc::channel();
    let shown: String = pattern.chars().take(40).collect();
    thread::spawn(move || {
        let subject = format!("{}!", "a".repeat(50_000));
        let result = pattern
            .parse::<ValueRegex>()
            .map(|regex| regex.is_match(&subject));
        let _ = send.send(result);
    });
    receive
        .recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("{shown:?} did not finish"))
}

#[test]
fn catastrophic_backtracking_patterns_run_in_linear_time() {
    for pattern in [
        "(a+)+$",
        "(a|a)*$",
        "(a|aa)+$",
        "(.*a){12}$",
        "^(a?){25}a{25}$",
    ] {
        let result = answer(pattern.to_owned());
        assert!(result.is_ok(), "{pattern}: {result:?}");
    }
}

#[test]
fn exploding_repetitions_are_refused_as_too_large() {
    for pattern in [
        "a{5}{5}{5}{5}{5}{5}",
        "(a{100}){100}",
        r"(\w{1000}){1000}",
        "[a-z]{1000}{1000}",
    ] {
        let result = answer(pattern.to_owned());
        assert!(
            matches!(
                result,
                Err(PatternError::TooLarge | PatternError::Syntax(_))
            ),
            "{pattern}: {result:?}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_with_the_crates_explanation() {
    let pattern = format!("{}a{}", "(".repeat(300), ")".repeat(300));
    match answer(pattern) {
        Err(PatternError::Syntax(text)) => assert!(text.contains("too deeply"), "{text}"),
        other => panic!("300 nested groups gave {other:?}"),
    }
}

#[test]
fn a_hundred_kilobyte_pattern_is_refused_before_compiling() {
    let pattern = "a|".repeat(50_000);
    assert_eq!(answer(pattern), Err(PatternError::TooLong(100_000)));
}

#[test]
fn lookaround_and_backreferences_are_explained_not_hidden() {
    let cases = [
        ("(?=a)b", "Look-around"),
        ("(?<!a)b", "Look-around"),
        (r"(a)\1", "Backreferences"),
    ];
    for (pattern, hint) in cases {
        match answer(pattern.to_owned()) {
            Err(PatternError::Syntax(text)) => assert!(text.contains(hint), "{pattern}: {text}"),
            other => panic!("{pattern} gave {other:?}"),
        }
    }
}
