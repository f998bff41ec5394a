//! The repeatable rows: measurement mappings, each with a live pattern tester, and metadata.

use leptos::prelude::*;

use super::field::{FieldMessage, InputKind, TextField};
use super::state::{Slot, use_form};
use super::summary::focus_soon;
use crate::domain::{CustomerDraft, DraftField, MappingDraft, MetadataDraft, ValueRegex};

/// One kind of repeatable row: what the list says and how its rows live in the draft.
#[derive(Clone, Copy)]
struct RowKind {
    legend: &'static str,
    hint: &'static str,
    /// Names the rows in ids and labels: `mapping` gives "Add mapping", "Remove mapping 2".
    noun: &'static str,
    /// Where problems with the list as a whole are shown.
    list_field: DraftField,
    /// The input that gets focus in a new row.
    first_input: fn(usize) -> DraftField,
    count: fn(&CustomerDraft) -> usize,
    push: fn(&mut CustomerDraft),
    remove: fn(&mut CustomerDraft, usize),
}

const MAPPINGS: RowKind = RowKind {
    legend: "Measurement mappings",
    hint: "Which measurements belong to this customer: those whose label value matches the \
           pattern. Optional.",
    noun: "mapping",
    list_field: DraftField::Mappings,
    first_input: DraftField::MappingLabel,
    count: |d| d.measurement_mappings.len(),
    push: |d| d.measurement_mappings.push(MappingDraft::default()),
    remove: |d, i| {
        d.measurement_mappings.remove(i);
    },
};

const METADATA: RowKind = RowKind {
    legend: "Metadata",
    hint: "Your own key–value notes about the customer, such as a CRM ID. Optional.",
    noun: "metadata",
    list_field: DraftField::Metadata,
    first_input: DraftField::MetadataProperty,
    count: |d| d.customer_metadata.len(),
    push: |d| d.customer_metadata.push(MetadataDraft::default()),
    remove: |d, i| {
        d.customer_metadata.remove(i);
    },
};

/// The measurement-mapping rows with "Add mapping".
#[component]
pub fn MappingRows() -> impl IntoView {
    view! { <RowList kind=MAPPINGS row=|index| view! { <MappingRow index=index /> }.into_any() /> }
}

/// The metadata rows with "Add metadata".
#[component]
pub fn MetadataRows() -> impl IntoView {
    view! { <RowList kind=METADATA row=|index| view! { <MetadataRow index=index /> }.into_any() /> }
}

/// A fieldset of rows of one kind, with the list's own message and an add button that moves
/// focus into the new row.
#[component]
fn RowList(kind: RowKind, row: fn(usize) -> AnyView) -> impl IntoView {
    let form = use_form();
    // A memo, so that the rows are diffed only when their number changes, not on every keystroke.
    let count = Memo::new(move |_| form.draft.with(kind.count));
    let add = move |_| {
        form.draft.update(kind.push);
        let at = form.draft.with_untracked(kind.count) - 1;
        focus_soon(form.id((kind.first_input)(at)));
    };
    view! {
        <fieldset class="csf-section">
            <legend>{kind.legend}</legend>
            <p class="csf-hint">{kind.hint}</p>
            <FieldMessage
                id=form.part_id(&format!("{}-list-error", kind.noun))
                message=form.message_for(kind.list_field)
            />
            <For each=move || 0..count.get() key=|i| *i let:index>
                {row(index)}
            </For>
            <button
                type="button"
                class="csf-secondary"
                id=form.part_id(&format!("add-{}", kind.noun))
                on:click=add
            >
                {format!("Add {}", kind.noun)}
            </button>
        </fieldset>
    }
}

/// Removes row `index`. Focus goes to the row that took its place, or to the add button when
/// it was the last: never lost to the page body.
#[component]
fn RemoveRow(kind: RowKind, index: usize) -> impl IntoView {
    let form = use_form();
    let remove = move |_| {
        form.draft.update(|d| {
            if index < (kind.count)(d) {
                (kind.remove)(d, index);
            }
        });
        let remaining = form.draft.with_untracked(kind.count);
        let target = if index < remaining {
            form.id((kind.first_input)(index))
        } else {
            form.part_id(&format!("add-{}", kind.noun))
        };
        focus_soon(target);
    };
    let label = format!("Remove {} {}", kind.noun, index + 1);
    view! {
        <button type="button" class="csf-remove" on:click=remove aria-label=label>
            "Remove"
        </button>
    }
}

/// One mapping: label, pattern, a "Try a value" box, and a remove button.
#[component]
fn MappingRow(index: usize) -> impl IntoView {
    let form = use_form();
    let number = index + 1;
    let sample_id = form.part_id(&format!("mapping-{index}-sample"));
    let result_id = format!("{sample_id}-result");
    let sample = form.bind(Slot::Sample(index)).text;
    let pattern = form.bind(Slot::Field(DraftField::MappingRegex(index))).text;
    let set_sample = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.draft.update(|d| {
            if let Some(row) = d.measurement_mappings.get_mut(index) {
                row.sample = value;
            }
        });
    };
    let tried = Memo::new(move |_| pattern.with(|p| sample.with(|s| try_pattern(p, s))));
    view! {
        <div class="csf-row" role="group" aria-label=format!("Mapping {number}")>
            <TextField
                field=DraftField::MappingLabel(index)
                label=format!("Mapping {number} label")
                hint="Such as customer_id"
                kind=InputKind::VERBATIM
            />
            <TextField
                field=DraftField::MappingRegex(index)
                label=format!("Mapping {number} value regex")
                hint="Such as ^customer_1$"
                kind=InputKind::VERBATIM
            />
            <div class="csf-field csf-tester">
                <label for=sample_id.clone()>
                    "Try a value" <span class="csf-optional">" (not sent)"</span>
                </label>
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
                    {move || tried.get().into_view()}
                </p>
            </div>
            <RemoveRow kind=MAPPINGS index=index />
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

fn try_pattern(pattern: &str, sample: &str) -> TryResult {
    if sample.is_empty() {
        return TryResult::Idle;
    }
    match pattern.parse::<ValueRegex>() {
        Err(_) => TryResult::Broken,
        Ok(regex) => match regex.find(sample) {
            Some((start, end)) => TryResult::Matches {
                sample: sample.to_owned(),
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
                <span class="csf-hint">
                    "Type a label value to see whether this mapping would claim it."
                </span>
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
                <span class="csf-try-miss">
                    "Does not match: measurements with this value would not belong to this \
                     customer."
                </span>
            }
            .into_any(),
        }
    }
}

/// One metadata entry: property, value, and a remove button.
#[component]
fn MetadataRow(index: usize) -> impl IntoView {
    let number = index + 1;
    view! {
        <div class="csf-row" role="group" aria-label=format!("Metadata {number}")>
            <TextField
                field=DraftField::MetadataProperty(index)
                label=format!("Metadata {number} property")
                kind=InputKind::VERBATIM
            />
            <TextField
                field=DraftField::MetadataValue(index)
                label=format!("Metadata {number} value")
            />
            <RemoveRow kind=METADATA index=index />
        </div>
    }
}
