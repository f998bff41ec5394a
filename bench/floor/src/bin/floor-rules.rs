//! The customer rules alone, called from JavaScript, with no page.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the rules on text from JavaScript.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn check(saved: &str, other: &str) -> String {
    customer_signup_floor::use_the_rules(saved, other)
}

fn main() {}
