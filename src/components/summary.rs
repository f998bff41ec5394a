//! The error summary at the top of the form: every problem, each a link that moves focus to its
//! input.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::use_form;

/// "There is a problem", with a link per problem. Hidden while there is none; focused by the
/// form after a failed submit so that screen readers announce it.
#[component]
pub fn ErrorSummary(
    /// Filled in by the component; the form focuses it after a failed submit.
    node: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let form = use_form();
    let heading_id = form.part_id("summary-title");
    let has_problems = move || form.problems.with(|p| !p.is_empty());
    let items = move || {
        form.problems
            .get()
            .into_iter()
            .map(|problem| match problem.field {
                Some(field) => {
                    let target = form.id(field);
                    let href = format!("#{target}");
                    let label = field.label();
                    let on_click = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        focus_element(&target);
                    };
                    view! {
                        <li>
                            <a href=href on:click=on_click>
                                <span class="csf-summary-field">{label}": "</span>
                                {problem.message}
                            </a>
                        </li>
                    }
                    .into_any()
                }
                None => view! { <li>{problem.message}</li> }.into_any(),
            })
            .collect_view()
    };
    let labelled_by = heading_id.clone();
    view! {
        <div
            class="csf-summary"
            role="region"
            node_ref=node
            tabindex="-1"
            aria-labelledby=labelled_by
            hidden=move || !has_problems()
        >
            <h2 id=heading_id>"There is a problem"</h2>
            <ul>{items}</ul>
        </div>
    }
}

/// Moves focus to the element with `id` and scrolls its label into view.
pub fn focus_element(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(label) = document()
        .query_selector(&format!("label[for=\"{id}\"]"))
        .ok()
        .flatten()
    {
        label.scroll_into_view();
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Focuses the element with `id` once the current update has reached the page.
///
/// Scheduled with the browser directly rather than through Leptos, whose timers belong to the
/// component that set them: a row's remove button must still move focus after the row is gone.
///
/// Requests within one frame are coalesced and the last one wins: focus can only land in one
/// place, and each move costs a layout, so a burst of "Add mapping" presses costs one.
pub fn focus_soon(id: String) {
    let already_scheduled = FOCUS_PENDING.with(|pending| pending.replace(Some(id)).is_some());
    if already_scheduled {
        return;
    }
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(id) = FOCUS_PENDING.with(|pending| pending.take()) {
            focus_element(&id);
        }
    });
    // Failing to schedule only means focus stays where it is.
    if window()
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        FOCUS_PENDING.with(|pending| pending.take());
    }
}

thread_local! {
    /// The element `focus_soon` will focus at the next frame, while one is scheduled.
    static FOCUS_PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}
