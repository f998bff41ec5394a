//! The hello page, shared by the two binaries that show it. A module of theirs rather than a
//! function of the library: the library is linked into the rules-alone page too, and anything
//! in it that uses Leptos links Leptos there, with the JavaScript exports Leptos's dependencies
//! declare, which no optimiser may remove (about 10 kB gzip).

/// Mounts the page into the body: an input, and a line showing what `line` makes of the text
/// typed into it.
#[cfg(target_arch = "wasm32")]
pub fn mount(line: fn(&str) -> String) {
    use leptos::prelude::*;
    let text = RwSignal::new(String::new());
    leptos::mount::mount_to_body(move || {
        view! {
            <input on:input=move |event| text.set(event_target_value(&event)) />
            <p>{move || text.with(|text| line(text))}</p>
        }
    });
}
