//! The repeatable rows: measurement mappings, each with a live pattern tester, and metadata.

use leptos::prelude::*;

use super::field::{FieldMessage, InputKind, TextField};
use super::state::use_form;
use super::summary::focus_soon;
use crate::domain::{DraftField, MappingDraft, MetadataDraft, ValueRegex};

/// The measurement-mapping rows with "Add mapping".
#[component]
pub fn MappingRows() -> impl IntoView {
    let form = use_form();
    let count = move || form.draft.with(|d| d.measurement_mappings.len());
    let list_message = form.message_for(DraftField::Mappings);
    let add_id = form.part_id("add-mapping");
    let add = move |_| {
        form.draft
            .update(|d| d.measurement_mappings.push(MappingDraft::default()));
        let at = form
            .draft
            .with_untracked(|d| d.measurement_mappings.len() - 1);
        focus_soon(form.id(DraftField::MappingLabel(at)));
    };
    view! {
        <fieldset class="csf-section">
            <legend>"Measurement mappings"</legend>
            <p class="csf-hint">
                "Which measurements belong to this customer: those whose label value matches the \
                 pattern. Optional."
            </p>
            <FieldMessage id=form.part_id("mappings-error") message=list_message />
            <For each=move || 0..count() key=|i| *i let:index>
                <MappingRow index=index />
            </For>
            <button type="button" class="csf-secondary" id=add_id on:click=add>
                "Add mapping"
            </button>
        </fieldset>
    }
}

/// One mapping: label, pattern, a "Try a value" box, and a remove button.
#[component]
fn MappingRow(index: usize) -> impl IntoView {
    let form = use_form();
    let number = index + 1;
    let sample_id = form.part_id(&format!("mapping-{index}-sample"));
    let result_id = format!("{sample_id}-result");
    let sample = move || {
        form.draft
            .with(|d| d.measurement_mappings.get(index).map(|r| r.sample.clone()))
    };
    let set_sample = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.draft.update(|d| {
            if let Some(row) = d.measurement_mappings.get_mut(index) {
                row.sample = value;
            }
        });
    };
    let tried = Memo::new(move |_| {
        form.draft
            .with(|d| d.measurement_mappings.get(index).map(try_pattern))
    });
    let remove = move |_| {
        form.draft.update(|d| {
            if index < d.measurement_mappings.len() {
                d.measurement_mappings.remove(index);
            }
        });
        focus_after_removal(
            form,
            index,
            |d| d.measurement_mappings.len(),
            DraftField::MappingLabel,
            "add-mapping",
        );
    };
    view! {
        <div class="csf-row" role="group" aria-label=format!("Mapping {number}")>
            <TextField field=DraftField::MappingLabel(index) label=format!("Mapping {number} label") hint="Such as customer_id" kind=InputKind::VERBATIM />
            <TextField field=DraftField::MappingRegex(index) label=format!("Mapping {number} value regex") hint="Such as ^customer_1$" kind=InputKind::VERBATIM />
            <div class="csf-field csf-tester">
                <label for=sample_id.clone()>"Try a value" <span class="csf-optional">" (not sent)"</span></label>
                <input
                    id=sample_id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=result_id.clone()
                    prop:value=sample
                    on:input=set_sample
                />
                <p class="csf-tester-result" id=result_id aria-live="polite">
                    {move || tried.get().map(TryResult::into_view)}
                </p>
            </div>
            <button type="button" class="csf-remove" on:click=remove aria-label=format!("Remove mapping {number}")>
                "Remove"
            </button>
        </div>
    }
}

/// What the pattern tester shows for one row.
#[derive(Clone, Debug, PartialEq)]
enum TryResult {
    /// No sample typed yet.
    Idle,
    /// The pattern does not compile yet.
    Broken,
    /// The sample matches; the matched part is `sample[start..end]`.
    Matches {
        sample: String,
        start: usize,
        end: usize,
    },
    /// The sample does not match.
    NoMatch,
}

fn try_pattern(row: &MappingDraft) -> TryResult {
    if row.sample.is_empty() {
        return TryResult::Idle;
    }
    match row.value_regex.parse::<ValueRegex>() {
        Err(_) => TryResult::Broken,
        Ok(regex) => match regex.find(&row.sample) {
            Some((start, end)) => TryResult::Matches {
                sample: row.sample.clone(),
                start,
                end,
            },
            None => TryResult::NoMatch,
        },
    }
}

impl TryResult {
    fn into_view(self) -> AnyView {
        match self {
            TryResult::Idle => view! {
                <span class="csf-hint">"Type a label value to see whether this mapping would claim it."</span>
            }
            .into_any(),
            TryResult::Broken => view! {
                <span class="csf-try-broken">"The pattern is not complete yet."</span>
            }
            .into_any(),
            TryResult::Matches { sample, start, end } => view! {
                <span class="csf-try-match">"Matches: "</span>
                <code>
                    {sample[..start].to_owned()}
                    <mark>{sample[start..end].to_owned()}</mark>
                    {sample[end..].to_owned()}
                </code>
            }
            .into_any(),
            TryResult::NoMatch => view! {
                <span class="csf-try-miss">"Does not match: measurements with this value would not belong to this customer."</span>
            }
            .into_any(),
        }
    }
}

/// The metadata rows with "Add metadata".
#[component]
pub fn MetadataRows() -> impl IntoView {
    let form = use_form();
    let count = move || form.draft.with(|d| d.customer_metadata.len());
    let list_message = form.message_for(DraftField::Metadata);
    let add = move |_| {
        form.draft
            .update(|d| d.customer_metadata.push(MetadataDraft::default()));
        let at = form.draft.with_untracked(|d| d.customer_metadata.len() - 1);
        focus_soon(form.id(DraftField::MetadataProperty(at)));
    };
    view! {
        <fieldset class="csf-section">
            <legend>"Metadata"</legend>
            <p class="csf-hint">"Your own key–value notes about the customer, such as a CRM ID. Optional."</p>
            <FieldMessage id=form.part_id("metadata-error") message=list_message />
            <For each=move || 0..count() key=|i| *i let:index>
                <MetadataRow index=index />
            </For>
            <button type="button" class="csf-secondary" id=form.part_id("add-metadata") on:click=add>
                "Add metadata"
            </button>
        </fieldset>
    }
}

#[component]
fn MetadataRow(index: usize) -> impl IntoView {
    let form = use_form();
    let number = index + 1;
    let remove = move |_| {
        form.draft.update(|d| {
            if index < d.customer_metadata.len() {
                d.customer_metadata.remove(index);
            }
        });
        focus_after_removal(
            form,
            index,
            |d| d.customer_metadata.len(),
            DraftField::MetadataProperty,
            "add-metadata",
        );
    };
    view! {
        <div class="csf-row" role="group" aria-label=format!("Metadata {number}")>
            <TextField field=DraftField::MetadataProperty(index) label=format!("Metadata {number} property") kind=InputKind::VERBATIM />
            <TextField field=DraftField::MetadataValue(index) label=format!("Metadata {number} value") />
            <button type="button" class="csf-remove" on:click=remove aria-label=format!("Remove metadata {number}")>
                "Remove"
            </button>
        </div>
    }
}

/// After a row is removed, focus goes to the row that took its place, or to the add button when
/// it was the last: never lost to the page body.
fn focus_after_removal(
    form: super::FormState,
    index: usize,
    rows: fn(&crate::domain::CustomerDraft) -> usize,
    first_input: fn(usize) -> DraftField,
    add_button: &str,
) {
    let remaining = form.draft.with_untracked(rows);
    let target = if index < remaining {
        form.id(first_input(index))
    } else {
        form.part_id(add_button)
    };
    focus_soon(target);
}
