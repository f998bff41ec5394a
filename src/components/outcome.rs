//! What the admin sees around the form: the submission's status, the created customer, and the
//! notice about a restored draft.

use leptos::prelude::*;

use crate::submit::{CreatedCustomer, SubmitError};

/// Where the last submission stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    /// Nothing sent yet, or the form was reset.
    #[default]
    Idle,
    /// A request is under way.
    Sending,
    /// The last request failed; what was typed is all still there.
    Failed(SubmitError),
    /// The customer exists.
    Created(CreatedCustomer),
}

/// The live region that announces sending and failure. Server text is rendered as text only.
#[component]
pub fn StatusMessage(status: RwSignal<Status>) -> impl IntoView {
    let text = move || match status.get() {
        Status::Sending => Some((
            "csf-status csf-status--busy",
            "Creating customer…".to_owned(),
        )),
        Status::Failed(error) => Some(("csf-status csf-status--error", error.message())),
        Status::Idle | Status::Created(_) => None,
    };
    view! {
        <div role="status" aria-live="polite" class="csf-status-region">
            {move || text().map(|(class, text)| view! { <p class=class>{text}</p> })}
        </div>
    }
}

/// The created customer, with "Create another".
#[component]
pub fn CreatedPanel(
    customer: CreatedCustomer,
    node: NodeRef<leptos::html::Div>,
    on_another: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="csf-success" tabindex="-1" node_ref=node>
            <h2>"Customer created"</h2>
            <dl>
                <dt>"Customer ID"</dt>
                <dd><code>{customer.name}</code></dd>
                <dt>"Display name"</dt>
                <dd>{customer.display_name}</dd>
            </dl>
            <button type="button" class="csf-primary" on:click=move |_| on_another.run(())>
                "Create another"
            </button>
        </div>
    }
}

/// Says that a draft from before a reload was restored, and offers to discard it.
#[component]
pub fn RestoredNotice(visible: RwSignal<bool>, on_discard: Callback<()>) -> impl IntoView {
    view! {
        <Show when=move || visible.get()>
            <div class="csf-notice" role="status">
                <p>"We restored what you typed before the page was reloaded."</p>
                <button type="button" class="csf-secondary" on:click=move |_| on_discard.run(())>
                    "Discard draft"
                </button>
            </div>
        </Show>
    }
}
