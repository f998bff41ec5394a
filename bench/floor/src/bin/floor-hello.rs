//! The smallest interactive Leptos page: an input, and a line that follows what is typed.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::*;
        let text = RwSignal::new(String::new());
        leptos::mount::mount_to_body(move || {
            view! {
                <input on:input=move |event| text.set(event_target_value(&event)) />
                <p>{move || text.get().len()}</p>
            }
        });
    }
}
