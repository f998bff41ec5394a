//! The Leptos hello page, with the line showing what the rules make of what is typed.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::*;
        let text = RwSignal::new(String::new());
        leptos::mount::mount_to_body(move || {
            view! {
                <input on:input=move |event| text.set(event_target_value(&event)) />
                <p>{move || customer_signup_floor::use_the_rules(&text.get(), "{}")}</p>
            }
        });
    }
}
