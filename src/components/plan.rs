//! The price plan: a choice among the plans the API lists, or free text when it lists none.

use leptos::prelude::*;

use super::field::{FieldMessage, TextField};
use super::state::{Shown, Slot, use_form};
use crate::config::PlanChoice;
use crate::domain::DraftField;

/// A select of the plans from `GET {api}/price_plans/` once they arrive; a text input while they
/// load and when the API does not answer, so the admin is never blocked.
#[component]
pub fn PricePlanField(
    /// The plans, or `None` while loading or when unavailable.
    plans: Signal<Option<Vec<PlanChoice>>>,
) -> impl IntoView {
    move || match plans.get().filter(|p| !p.is_empty()) {
        Some(plans) => view! { <PlanSelect plans=plans /> }.into_any(),
        None => view! {
            <TextField
                field=DraftField::PricePlanName
                label="Price plan"
                optional=true
                hint="The name of an existing price plan"
            />
        }
        .into_any(),
    }
}

#[component]
fn PlanSelect(plans: Vec<PlanChoice>) -> impl IntoView {
    let form = use_form();
    let field = DraftField::PricePlanName;
    let id = form.id(field);
    let error_id = format!("{id}-error");
    let Shown {
        text: chosen,
        message,
    } = form.bind(Slot::Field(field));
    let chosen = move || chosen.get();
    // A restored draft may name a plan that is no longer listed: keep it as a choice rather than
    // silently changing what the admin picked.
    let unlisted = {
        let plans = plans.clone();
        move || {
            let name = chosen();
            (!name.is_empty() && !plans.iter().any(|p| p.name == name)).then_some(name)
        }
    };
    let options = plans
        .into_iter()
        .map(|plan| {
            let label = match &plan.display_name {
                Some(shown) if *shown != plan.name => format!("{shown} ({})", plan.name),
                _ => plan.name.clone(),
            };
            let name = plan.name;
            let selected = {
                let name = name.clone();
                move || chosen() == name
            };
            view! { <option value=name selected=selected>{label}</option> }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| form.set(field, event_target_value(&ev));
    view! {
        <div class="csf-field" class:csf-field--error=move || message.with(|m| m.is_some())>
            <label for=id.clone()>
                "Price plan" <span class="csf-optional">" (optional)"</span>
            </label>
            <FieldMessage id=error_id.clone() message=message />
            <select
                id=id
                aria-describedby=move || message.with(|m| m.is_some()).then(|| error_id.clone())
                aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
                on:change=on_change
            >
                <option value="" selected=move || chosen().is_empty()>"No price plan"</option>
                {options}
                {move || {
                    unlisted().map(|name| {
                        let value = name.clone();
                        view! { <option value=value selected>{name}</option> }
                    })
                }}
            </select>
        </div>
    }
}
