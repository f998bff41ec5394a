//! The Leptos hello page, with the line showing what the rules make of what is typed.

#[path = "../hello.rs"]
mod hello;

fn main() {
    #[cfg(target_arch = "wasm32")]
    hello::mount(|text| customer_signup_floor::use_the_rules(text, "{}"));
}
