//! One labelled input with its hint and its error message, wired for assistive technology.

use leptos::prelude::*;

use super::state::{Shown, Slot, use_form};
use crate::domain::DraftField;

/// How a text input is presented; the defaults suit a plain one-line field.
#[derive(Clone, Copy, Default)]
pub struct InputKind {
    /// The `type` attribute.
    pub html_type: Option<&'static str>,
    /// The `autocomplete` attribute.
    pub autocomplete: Option<&'static str>,
    /// The `inputmode` attribute.
    pub inputmode: Option<&'static str>,
    /// A textarea instead of an input.
    pub multiline: bool,
    /// Turns off spelling correction and capitals, for identifiers and patterns.
    pub verbatim: bool,
}

impl InputKind {
    /// For identifiers and patterns: no autofill, spelling correction or capitals.
    pub const VERBATIM: InputKind = InputKind {
        html_type: None,
        autocomplete: Some("off"),
        inputmode: None,
        multiline: false,
        verbatim: true,
    };
}

/// A text input for `field` with a visible label, an optional hint, and the field's message
/// after the first submit: `aria-describedby` names hint and message, `aria-invalid` is set
/// while there is a message.
#[component]
pub fn TextField(
    /// The draft field the input edits.
    field: DraftField,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A line under the label saying what to type.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Marks the label "(optional)".
    #[prop(optional)]
    optional: bool,
    /// Input type, autocomplete and other presentation.
    #[prop(optional)]
    kind: InputKind,
    /// The id of a `<datalist>` offering values.
    #[prop(optional, into)]
    list: Option<String>,
) -> impl IntoView {
    let form = use_form();
    let id = form.id(field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let Shown {
        text: value,
        message,
    } = form.bind(Slot::Field(field));
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids = [
                hint.map(|_| hint_id.as_str()),
                message.with(|m| m.is_some()).then_some(error_id.as_str()),
            ];
            let joined = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
            (!joined.is_empty()).then_some(joined)
        }
    };
    let on_input = move |ev: leptos::ev::Event| form.set(field, event_target_value(&ev));
    let invalid = move || message.with(|m| m.is_some()).then_some("true");
    let autocapitalize = kind.verbatim.then_some("none");
    let spellcheck = kind.verbatim.then_some("false");

    let control = if kind.multiline {
        view! {
            <textarea
                id=id.clone()
                name=field.slug()
                rows="3"
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=field.slug()
                type=kind.html_type.unwrap_or("text")
                autocomplete=kind.autocomplete
                inputmode=kind.inputmode
                autocapitalize=autocapitalize
                spellcheck=spellcheck
                list=list
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };

    view! {
        <div class="csf-field" class:csf-field--error=move || message.with(|m| m.is_some())>
            <label for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="csf-optional">" (optional)"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="csf-hint" id=hint_id.clone()>{hint}</p> })}
            <FieldMessage id=error_id message=message />
            {control}
        </div>
    }
}

/// The message under a label, with a hidden "Error:" for screen readers.
#[component]
pub fn FieldMessage(
    /// The element id inputs point to with `aria-describedby`.
    id: String,
    /// The message, when there is one.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="csf-error-message" id=id.clone()>
                    <span class="csf-visually-hidden">"Error: "</span>
                    {text}
                </p>
            }
        })
    }
}

/// The checkbox that asks the API to create the customer in the payment gateway too.
#[component]
pub fn GatewayCheckbox() -> impl IntoView {
    let form = use_form();
    let id = form.id(DraftField::AutogeneratePaymentGatewayCustomer);
    let checked = Memo::new(move |_| form.draft.with(|d| d.autogenerate_payment_gateway_customer));
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        form.draft
            .update(|d| d.autogenerate_payment_gateway_customer = on);
    };
    view! {
        <div class="csf-field csf-checkbox">
            <input id=id.clone() type="checkbox" prop:checked=checked on:change=on_change />
            <label for=id>
                "Create the payment-gateway customer"
                <span class="csf-hint">
                    " (also set up billing in the connected payment provider)"
                </span>
            </label>
        </div>
    }
}
