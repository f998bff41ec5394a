//! The whole form: sections of fields, validation on submit, and one request per submission.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::field::{GatewayCheckbox, InputKind, TextField};
use super::outcome::{CreatedPanel, RestoredNotice, Status, StatusMessage};
use super::plan::PricePlanField;
use super::rows::{MappingRows, MetadataRows};
use super::state::FormState;
use super::summary::{ErrorSummary, focus_soon};
use crate::client;
use crate::config::{FormConfig, PlanChoice};
use crate::domain::{Country, CustomerDraft, DraftField};
use crate::events;
use crate::json;
use crate::storage;
use crate::submit::{Attempt, uuid_v4};

const EMAIL: InputKind = InputKind {
    html_type: Some("email"),
    autocomplete: Some("email"),
    inputmode: None,
    multiline: false,
    verbatim: true,
};

/// Input presentation with only `autocomplete` set.
const fn autocomplete(token: &'static str) -> InputKind {
    InputKind {
        html_type: None,
        autocomplete: Some(token),
        inputmode: None,
        multiline: false,
        verbatim: false,
    }
}

/// The customer signup form.
///
/// `form_id` prefixes every element id and names the saved draft, so several forms can share a
/// page.
#[component]
pub fn CustomerForm(
    /// The host page's options; changing them takes effect for the next request.
    config: ArcRwSignal<FormConfig>,
    /// A name unique on the page, such as the mount element's id.
    #[prop(into)]
    form_id: String,
    /// The element the form lives in, which the host page's events are dispatched on.
    host: web_sys::HtmlElement,
) -> impl IntoView {
    let config = RwSignal::from(config);
    let draft_key = config.with_untracked(|c| c.draft_key.clone());
    let restored_draft = storage::load(&draft_key);
    let restored = RwSignal::new(restored_draft.is_some());
    let host = StoredValue::new_local(host);
    if restored.get_untracked() {
        let detail = events::detail(&[("formId", &form_id)]);
        host.with_value(|host| events::dispatch(host, events::DRAFT_RESTORED, &detail));
    }
    let form = FormState::new(form_id, restored_draft.unwrap_or_default());
    provide_context(form);
    let status = RwSignal::new(Status::Idle);
    let last_attempt = StoredValue::new(None::<Attempt>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let success = NodeRef::<leptos::html::Div>::new();
    let plans = price_plans(config);

    save_draft_as_it_changes(form, status, draft_key.clone());
    mark_title_while_invalid(form);

    let busy = move || status.with(|s| matches!(s, Status::Sending));
    // Every click and Enter press lands here; while a request is under way they are ignored,
    // so one submission is one request.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        form.submitted.set(true);
        form.clear_server_problems();
        let sent = form.draft.get_untracked();
        let customer = match sent.validate() {
            Ok(customer) => customer,
            Err(errors) => {
                status.set(Status::Idle);
                focus_after_render(summary);
                let message = format!("{} fields need correcting", errors.len());
                let detail = events::detail(&[("kind", "invalid"), ("message", &message)]);
                host.with_value(|host| events::dispatch(host, events::FAILED, &detail));
                return;
            }
        };
        let body = json::to_text(&customer);
        let attempt = Attempt::key_for(last_attempt.get_value().as_ref(), &body, new_key);
        status.set(Status::Sending);
        spawn_local(async move {
            let result = client::create_customer(&config.get_untracked(), &attempt).await;
            match result {
                Ok(created) => {
                    last_attempt.set_value(None);
                    storage::clear(&config.with_untracked(|c| c.draft_key.clone()));
                    let detail = json::to_js(&created.body);
                    host.with_value(|host| events::dispatch(host, events::CREATED, &detail));
                    status.set(Status::Created(created));
                    focus_after_render(success);
                }
                Err(error) => {
                    last_attempt.set_value(error.retry_is_safe().then_some(attempt));
                    if let Some(fields) = error.field_errors() {
                        form.show_server_problems(fields, &sent);
                        focus_after_render(summary);
                    }
                    let detail =
                        events::detail(&[("kind", error.kind()), ("message", &error.message())]);
                    host.with_value(|host| events::dispatch(host, events::FAILED, &detail));
                    status.set(Status::Failed(error));
                }
            }
        });
    };
    let reset = move || {
        form.draft.set(CustomerDraft::default());
        form.submitted.set(false);
        form.id_edited.set(false);
        form.clear_server_problems();
        last_attempt.set_value(None);
        restored.set(false);
        storage::clear(&config.with_untracked(|c| c.draft_key.clone()));
    };
    let create_another = Callback::new(move |()| {
        reset();
        status.set(Status::Idle);
        focus_soon(form.id(DraftField::DisplayName));
    });
    let discard = Callback::new(move |()| reset());

    let created = move || match status.get() {
        Status::Created(customer) => Some(customer),
        _ => None,
    };
    view! {
        <div class="csf" data-theme=move || config.with(|c| c.theme.as_str())>
            <RestoredNotice visible=restored on_discard=discard />
            <ErrorSummary node=summary />
            <StatusMessage status=status />
            {move || {
                created()
                    .map(|customer| {
                        view! {
                            <CreatedPanel
                                customer=customer
                                node=success
                                on_another=create_another
                            />
                        }
                    })
            }}
            <form
                novalidate
                on:submit=submit
                hidden=move || created().is_some()
                aria-label="New customer"
            >
                <CustomerSection />
                <ContactSection />
                <AddressSection />
                <BillingSection plans=plans />
                <MappingRows />
                <MetadataRows />
                <div class="csf-actions">
                    <button
                        type="submit"
                        class="csf-primary"
                        aria-busy=move || busy().then_some("true")
                        aria-disabled=move || busy().then_some("true")
                    >
                        {move || if busy() { "Creating…" } else { "Create customer" }}
                    </button>
                </div>
            </form>
        </div>
    }
}

#[component]
fn CustomerSection() -> impl IntoView {
    view! {
        <fieldset class="csf-section">
            <legend>"Customer"</legend>
            <TextField field=DraftField::DisplayName label="Display name" optional=true
                hint="How the customer is shown in lists, such as Customer 1"
                kind=autocomplete("organization") />
            <TextField field=DraftField::Name label="Customer ID"
                hint="Lowercase letters, digits, - and _. Suggested from the display name; \
                      it cannot be changed later."
                kind=InputKind::VERBATIM />
            <TextField field=DraftField::Description label="Description" optional=true
                kind=InputKind { multiline: true, ..InputKind::default() } />
        </fieldset>
    }
}

#[component]
fn ContactSection() -> impl IntoView {
    let tel = InputKind {
        html_type: Some("tel"),
        ..autocomplete("tel")
    };
    let url = InputKind {
        inputmode: Some("url"),
        verbatim: true,
        ..autocomplete("url")
    };
    let logo = InputKind {
        html_type: Some("url"),
        verbatim: true,
        ..autocomplete("off")
    };
    view! {
        <fieldset class="csf-section">
            <legend>"Contact"</legend>
            <TextField field=DraftField::Email label="Email" optional=true
                hint="Where invoices go, such as billing@customer1.com" kind=EMAIL />
            <TextField field=DraftField::SecondaryEmails label="Secondary emails" optional=true
                hint="Separate addresses with commas" kind=InputKind { html_type: None, ..EMAIL } />
            <TextField field=DraftField::Phone label="Phone" optional=true
                hint="With the country code, such as +1 212 555 0100" kind=tel />
            <TextField field=DraftField::Website label="Website" optional=true
                hint="Such as customer1.com" kind=url />
            <TextField field=DraftField::LegalName label="Legal name" optional=true
                hint="The registered company name for invoices" kind=autocomplete("organization") />
            <TextField field=DraftField::VatId label="VAT ID" optional=true
                kind=InputKind::VERBATIM />
            <TextField field=DraftField::LogoUrl label="Logo URL" optional=true
                hint="A full address starting with https://" kind=logo />
        </fieldset>
    }
}

#[component]
fn AddressSection() -> impl IntoView {
    let form = super::state::use_form();
    let countries = form.part_id("countries");
    let options = Country::all()
        .iter()
        .map(|country| view! { <option value=country.name></option> })
        .collect_view();
    let postal = InputKind {
        inputmode: None,
        ..autocomplete("postal-code")
    };
    view! {
        <fieldset class="csf-section">
            <legend>"Address"</legend>
            <TextField field=DraftField::AddressLine1 label="Address line 1" optional=true
                kind=autocomplete("address-line1") />
            <TextField field=DraftField::AddressLine2 label="Address line 2" optional=true
                kind=autocomplete("address-line2") />
            <TextField field=DraftField::City label="City" optional=true
                kind=autocomplete("address-level2") />
            <TextField field=DraftField::State label="State / region" optional=true
                kind=autocomplete("address-level1") />
            <TextField field=DraftField::Country label="Country" optional=true
                hint="Start typing to choose from the list" list=countries.clone()
                kind=autocomplete("country-name") />
            <datalist id=countries>{options}</datalist>
            <TextField field=DraftField::PostalCode label="Postal code" optional=true kind=postal />
        </fieldset>
    }
}

#[component]
fn BillingSection(plans: Signal<Option<Vec<PlanChoice>>>) -> impl IntoView {
    view! {
        <fieldset class="csf-section">
            <legend>"Billing"</legend>
            <PricePlanField plans=plans />
            <TextField field=DraftField::PricePlanTag label="Price plan tag" optional=true
                hint="A version tag of the plan; leave empty for the current one"
                kind=InputKind::VERBATIM />
            <TextField field=DraftField::Tags label="Tags" optional=true
                hint="Separate tags with commas, such as enterprise, east coast" />
            <GatewayCheckbox />
        </fieldset>
    }
}

/// How long the draft may go unsaved while the admin types: it is saved at most this often.
/// Saving serialises the whole draft and writes it to storage synchronously, about 2 ms at a 4x
/// slower CPU with 50 mapping rows, too much to pay on every keystroke.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// Saves the draft to `sessionStorage` within [`SAVE_DELAY`] of a change, except once the
/// customer exists.
///
/// Nothing typed is lost to the delay: the draft is saved at once when the page is hidden or
/// left (`visibilitychange`, `pagehide`: a reload, a navigation, a closed or backgrounded tab)
/// and when the form is removed, whether or not a save is scheduled. A draft equal to the one
/// last saved, or to the one the form opened with, is not written again.
fn save_draft_as_it_changes(form: FormState, status: RwSignal<Status>, key: String) {
    let key = StoredValue::new(key);
    // What storage holds for this form: the draft it opened with (restored, or blank and then
    // absent), and after that the one saved last.
    let stored = StoredValue::new(form.draft.get_untracked());
    let save = move || {
        let created = status.try_with_untracked(|s| matches!(s, Status::Created(_)));
        if created != Some(false) {
            return;
        }
        form.draft.try_with_untracked(|draft| {
            if stored.try_with_value(|stored| stored != draft) == Some(true) {
                key.with_value(|key| storage::save(key, draft));
                stored.set_value(draft.clone());
            }
        });
    };
    // Whether a save is scheduled. A timer is never cleared, so that its callback, which the
    // browser frees only by calling it, always runs: one that finds nothing scheduled, because
    // the page was hidden or the form removed in between, does nothing.
    let scheduled = StoredValue::new(false);
    let save_now = move || {
        scheduled.try_set_value(false);
        save();
    };
    let on_timer = move || {
        if scheduled.try_get_value() == Some(true) {
            save_now();
        }
    };
    Effect::new(move || {
        // Tracked only: whether the draft changed is decided when the save runs.
        form.draft.track();
        let created = status.with(|s| matches!(s, Status::Created(_)));
        if created || scheduled.get_value() {
            return;
        }
        // Scheduled with the browser directly: a Leptos timer set here would be freed when this
        // effect runs again, which it does on the next keystroke, before the timer fires.
        let callback = wasm_bindgen::closure::Closure::once_into_js(on_timer);
        let delay = i32::try_from(SAVE_DELAY.as_millis()).unwrap_or(i32::MAX);
        let timer = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay);
        scheduled.set_value(timer.is_ok());
    });
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| save_now());
    let backgrounded = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            save_now();
        }
    });
    on_cleanup(move || {
        hidden.remove();
        backgrounded.remove();
        save_now();
    });
}

/// The plans to offer: those the host page listed, or else those `GET {api}/price_plans/`
/// answers with; `None` until the first answer and when neither is there.
///
/// A plain task and a signal rather than a Leptos resource, whose async machinery would add
/// kilobytes to the bundle for this one request.
fn price_plans(config: RwSignal<FormConfig>) -> Signal<Option<Vec<PlanChoice>>> {
    // Only the options that decide the list refetch it: a theme change must not.
    let source = Memo::new(move |_| {
        config.with(|c| (c.api_base.clone(), c.price_plans.clone(), c.headers.clone()))
    });
    let plans = RwSignal::new(None::<Vec<PlanChoice>>);
    // Which run is the latest: an answer to an older request is dropped, also when the host
    // page has listed plans since.
    let latest = StoredValue::new(0_u32);
    Effect::new(move || {
        // Read, not only tracked: a memo that has never been read does not follow its sources.
        source.with(|_| ());
        let config = config.get_untracked();
        let this = latest.get_value().wrapping_add(1);
        latest.set_value(this);
        if config.price_plans.is_some() {
            plans.set(config.price_plans);
            return;
        }
        spawn_local(async move {
            let listed = match client::price_plans(&config).await {
                Ok(listed) => Some(listed),
                Err(error) => {
                    crate::console::info(&format!("{error}; the price plan is typed instead"));
                    None
                }
            };
            // The form may be gone by now; then there is nothing to update.
            if latest.try_get_value() == Some(this) {
                plans.try_set(listed);
            }
        });
    });
    plans.into()
}

/// The prefix the page title gets while a form on the page has problems.
const ERROR_PREFIX: &str = "Error: ";

thread_local! {
    /// How many forms on the page show problems now; the title is marked while any does.
    static FAILING_FORMS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Prefixes the page title with "Error: " while a submitted form has problems, so that a screen
/// reader announces it. Several forms on one page share the one title: it stays marked while any
/// of them has problems, and the host's own title is restored when none has.
fn mark_title_while_invalid(form: FormState) {
    // An atomic only because cleanups must be `Send`; the form lives on one thread.
    let failing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let counted = std::sync::Arc::clone(&failing);
    Effect::new(move |_| {
        let now = form.problems.with(|p| !p.is_empty());
        if now != counted.swap(now, std::sync::atomic::Ordering::Relaxed) {
            count_failing_form(now);
        }
    });
    on_cleanup(move || {
        if failing.load(std::sync::atomic::Ordering::Relaxed) {
            count_failing_form(false);
        }
    });
}

fn count_failing_form(failing: bool) {
    let count = FAILING_FORMS.with(|count| {
        let next = if failing {
            count.get() + 1
        } else {
            count.get().saturating_sub(1)
        };
        count.set(next);
        next
    });
    let title = document().title();
    let base = title.strip_prefix(ERROR_PREFIX).unwrap_or(&title);
    let wanted = if count > 0 {
        format!("{ERROR_PREFIX}{base}")
    } else {
        base.to_owned()
    };
    if wanted != title {
        document().set_title(&wanted);
    }
}

/// Focuses `node` once it is on the page and visible.
fn focus_after_render(node: NodeRef<leptos::html::Div>) {
    let _ = request_animation_frame(move || {
        if let Some(element) = node.get_untracked() {
            let _ = element.focus();
        }
    });
}

/// A fresh idempotency key from the browser's cryptographic random source.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let crypto = window().crypto().ok();
    let filled = crypto.is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Every browser this form supports has crypto; this keeps keys unique if one does not.
        let now = js_sys::Date::now().to_bits().to_le_bytes();
        let noise = (js_sys::Math::random().to_bits()).to_le_bytes();
        bytes[..8].copy_from_slice(&now);
        bytes[8..].copy_from_slice(&noise);
    }
    uuid_v4(bytes)
}
