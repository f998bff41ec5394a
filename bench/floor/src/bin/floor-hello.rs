//! The smallest interactive Leptos page: an input, and a line that follows what is typed.

#[path = "../hello.rs"]
mod hello;

fn main() {
    #[cfg(target_arch = "wasm32")]
    hello::mount(|text| text.len().to_string());
}
