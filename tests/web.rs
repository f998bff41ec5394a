//! The form's components in headless Chromium: mount, act as an admin would, wait for the page
//! to update, and check what the admin (and a screen reader) would find.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use customer_signup::mount::{Mounted, mount};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A form mounted in its own element, removed from the page when dropped.
struct Page {
    root: HtmlElement,
    id: String,
    _mounted: Mounted,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

/// The `sessionStorage` entry of the draft of the form with `form_id`: emptied when made, so a
/// test starts from no saved draft, and again when dropped, so it leaves none behind.
struct SavedDraft {
    storage: web_sys::Storage,
    key: String,
}

impl SavedDraft {
    fn of(form_id: &str) -> Self {
        let saved = SavedDraft {
            storage: session_storage(),
            key: format!("customer-signup-draft:{form_id}"),
        };
        saved.storage.remove_item(&saved.key).unwrap();
        saved
    }

    /// What is saved now, if anything.
    fn text(&self) -> Option<String> {
        self.storage.get_item(&self.key).unwrap()
    }
}

impl Drop for SavedDraft {
    fn drop(&mut self) {
        let _ = self.storage.remove_item(&self.key);
    }
}

/// What the browser tells the page when it is left: a reload, a navigation, a closed tab.
fn leave_page() {
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a form in a new element with `id` and the given `data-*` attributes.
fn mount_form(id: &str, attributes: &[(&str, &str)]) -> Page {
    let root: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    root.set_id(id);
    for (name, value) in attributes {
        root.set_attribute(&format!("data-{name}"), value).unwrap();
    }
    document().body().unwrap().append_child(&root).unwrap();
    let mounted = mount(root.clone());
    Page {
        root,
        id: id.to_owned(),
        _mounted: mounted,
    }
}

/// Lets the page settle: effects, animation frames and any pending fetches.
async fn settle(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            i32::try_from(Duration::from_millis(ms).as_millis()).unwrap(),
        );
    });
    JsFuture::from(promise).await.unwrap();
}

impl Page {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn field(&self, slug: &str) -> Element {
        self.get(&format!("#{}-{slug}", self.id))
    }

    fn value(&self, slug: &str) -> String {
        self.field(slug)
            .dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    }

    /// Types `text` into the input as a person would: value set, `input` event fired.
    fn type_into(&self, slug: &str, text: &str) {
        let element = self.field(slug);
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value(text);
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(text);
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        element.dispatch_event(&event).unwrap();
    }

    fn click(&self, selector: &str) {
        self.get(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
    }

    fn click_button(&self, text: &str) {
        let buttons = self.root.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let button: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
            if button.text_content().unwrap_or_default().trim() == text {
                button.click();
                return;
            }
        }
        panic!("no button reads {text:?}");
    }

    fn submit(&self) {
        self.click("button[type=submit]");
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn error_at(&self, slug: &str) -> Option<String> {
        self.find(&format!("#{}-{slug}-error", self.id))
            .and_then(|e| e.text_content())
    }

    fn summary_hidden(&self) -> bool {
        self.get(".csf-summary").has_attribute("hidden")
    }
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_field_renders_with_a_visible_label() {
    let page = mount_form("labels", &[]);
    settle(20).await;
    let expected = [
        ("display-name", "Display name (optional)"),
        ("name", "Customer ID"),
        ("description", "Description (optional)"),
        ("contact-info-email", "Email (optional)"),
        (
            "contact-info-secondary-emails",
            "Secondary emails (optional)",
        ),
        ("contact-info-phone", "Phone (optional)"),
        ("contact-info-url", "Website (optional)"),
        ("contact-info-legal-name", "Legal name (optional)"),
        ("contact-info-vat-id", "VAT ID (optional)"),
        ("contact-info-address-line-1", "Address line 1 (optional)"),
        ("contact-info-address-line-2", "Address line 2 (optional)"),
        ("contact-info-city", "City (optional)"),
        ("contact-info-state", "State / region (optional)"),
        ("contact-info-country", "Country (optional)"),
        ("contact-info-zipcode", "Postal code (optional)"),
        ("price-plan-name", "Price plan (optional)"),
        ("tags", "Tags (optional)"),
        (
            "autogenerate-payment-gateway-customer",
            "Create the payment-gateway customer",
        ),
    ];
    for (slug, label) in expected {
        let id = format!("labels-{slug}");
        let text = page.text(&format!("label[for={id}]"));
        assert!(text.starts_with(label), "{slug}: label reads {text:?}");
        assert!(
            page.find(&format!("#{id}")).is_some(),
            "{slug} has an input"
        );
    }
    assert_eq!(
        page.field("contact-info-email")
            .get_attribute("type")
            .as_deref(),
        Some("email")
    );
    assert_eq!(
        page.field("contact-info-phone")
            .get_attribute("type")
            .as_deref(),
        Some("tel")
    );
    let phone_autocomplete = page
        .field("contact-info-phone")
        .get_attribute("autocomplete");
    assert_eq!(phone_autocomplete.as_deref(), Some("tel"));
    assert!(page.get("form").has_attribute("novalidate"));
    assert_eq!(page.text("button[type=submit]"), "Create customer");
    let countries = page
        .root
        .query_selector_all("datalist option")
        .unwrap()
        .length();
    assert_eq!(countries, 249);
}

#[wasm_bindgen_test]
async fn no_error_shows_before_the_first_submit() {
    let page = mount_form("quiet", &[]);
    page.type_into("contact-info-email", "not-an-email");
    settle(20).await;
    assert_eq!(page.error_at("contact-info-email"), None);
    assert!(page.summary_hidden());
    assert_eq!(
        page.field("contact-info-email")
            .get_attribute("aria-invalid"),
        None
    );
}

#[wasm_bindgen_test]
async fn a_failed_submit_shows_every_problem_at_its_field_and_in_the_summary() {
    let page = mount_form("failing", &[]);
    page.type_into("contact-info-email", "billing.customer1.com");
    page.type_into("contact-info-zipcode", "1");
    page.submit();
    settle(50).await;

    assert!(!page.summary_hidden());
    assert_eq!(page.text(".csf-summary h2"), "There is a problem");
    assert_eq!(active_id(), "", "focus is on the summary, which has no id");
    assert!(
        document()
            .active_element()
            .unwrap()
            .class_list()
            .contains("csf-summary")
    );
    assert!(
        document().title().starts_with("Error: "),
        "{}",
        document().title()
    );

    let links = page
        .root
        .query_selector_all(".csf-summary a")
        .unwrap()
        .length();
    assert_eq!(links, 3, "customer ID, email and postal code");
    let name_error = page.error_at("name").unwrap();
    assert_eq!(name_error, "Error: Enter a customer ID, like customer_1");
    let email = page.field("contact-info-email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = email.get_attribute("aria-describedby").unwrap();
    assert!(
        described
            .split(' ')
            .any(|id| id == "failing-contact-info-email-error"),
        "{described}"
    );
    assert_eq!(
        page.value("contact-info-email"),
        "billing.customer1.com",
        "nothing typed is lost"
    );
}

#[wasm_bindgen_test]
async fn summary_links_move_focus_to_their_field() {
    let page = mount_form("links", &[]);
    page.submit();
    settle(50).await;
    page.click(".csf-summary a");
    settle(20).await;
    assert_eq!(active_id(), "links-name");
}

#[wasm_bindgen_test]
async fn after_a_submit_fields_revalidate_as_the_admin_types() {
    let page = mount_form("retyping", &[]);
    page.submit();
    settle(50).await;
    assert!(page.error_at("name").is_some());
    page.type_into("name", "Customer 1");
    settle(20).await;
    assert_eq!(
        page.error_at("name").as_deref(),
        Some("Error: Customer ID cannot contain spaces: use - or _ instead, like customer_1")
    );
    page.type_into("name", "customer_1");
    settle(20).await;
    assert_eq!(page.error_at("name"), None);
    assert!(page.summary_hidden());
    assert!(!document().title().starts_with("Error: "));
}

#[wasm_bindgen_test]
async fn the_customer_id_follows_the_display_name_until_edited() {
    let page = mount_form("slug", &[]);
    page.type_into("display-name", "Café Müller & Co");
    settle(20).await;
    assert_eq!(page.value("name"), "cafe_muller_co");
    page.type_into("name", "mueller");
    page.type_into("display-name", "Something Else");
    settle(20).await;
    assert_eq!(
        page.value("name"),
        "mueller",
        "an ID the admin typed is kept"
    );
    page.type_into("name", "");
    page.type_into("display-name", "Acme Inc");
    settle(20).await;
    assert_eq!(
        page.value("name"),
        "acme_inc",
        "clearing the ID brings the suggestion back"
    );
}

#[wasm_bindgen_test]
async fn mapping_rows_are_added_and_removed() {
    let page = mount_form("rows", &[]);
    page.click_button("Add mapping");
    page.click_button("Add mapping");
    settle(30).await;
    assert_eq!(
        active_id(),
        "rows-mapping-1-label",
        "a new row's first input gets focus"
    );
    page.type_into("mapping-0-label", "first");
    page.type_into("mapping-1-label", "second");
    settle(20).await;
    page.click("button[aria-label='Remove mapping 1']");
    settle(30).await;
    assert_eq!(
        page.root.query_selector_all(".csf-row").unwrap().length(),
        1
    );
    assert_eq!(page.value("mapping-0-label"), "second");
    assert_eq!(
        active_id(),
        "rows-mapping-0-label",
        "focus moves to the row that took its place"
    );
    page.click("button[aria-label='Remove mapping 1']");
    settle(30).await;
    assert_eq!(page.find(".csf-row").map(|_| ()), None);
    assert_eq!(active_id(), "rows-add-mapping");

    page.click_button("Add metadata");
    settle(30).await;
    page.type_into("metadata-0-property", "crm_id");
    settle(20).await;
    assert_eq!(page.value("metadata-0-property"), "crm_id");
}

#[wasm_bindgen_test]
async fn the_pattern_tester_shows_live_whether_a_value_matches() {
    let page = mount_form("tester", &[]);
    page.click_button("Add mapping");
    settle(30).await;
    page.type_into("mapping-0-regex", r"^cust-\d+$");
    let sample = page
        .get("#tester-mapping-0-sample")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    let set_sample = |text: &str| {
        sample.set_value(text);
        let event = web_sys::Event::new("input").unwrap();
        sample.dispatch_event(&event).unwrap();
    };
    set_sample("cust-42");
    settle(20).await;
    let result = page.text("#tester-mapping-0-sample-result");
    assert!(result.starts_with("Matches: cust-42"), "{result}");
    assert_eq!(page.text("#tester-mapping-0-sample-result mark"), "cust-42");
    set_sample("vendor-7");
    settle(20).await;
    assert!(
        page.text("#tester-mapping-0-sample-result")
            .starts_with("Does not match")
    );
    page.type_into("mapping-0-regex", "(unclosed");
    settle(20).await;
    assert_eq!(
        page.text("#tester-mapping-0-sample-result"),
        "The pattern is not complete yet."
    );
}

#[wasm_bindgen_test]
async fn what_is_typed_just_before_the_form_is_removed_is_saved() {
    let saved = SavedDraft::of("leaving");
    {
        let page = mount_form("leaving", &[]);
        settle(20).await;
        page.type_into("contact-info-city", "Lisbon");
        // Removed in the same task: no effect has run and no save was scheduled yet.
    }
    assert!(saved.text().is_some_and(|saved| saved.contains("Lisbon")));
}

#[wasm_bindgen_test]
async fn a_form_left_untouched_writes_nothing_to_storage() {
    let saved = SavedDraft::of("untouched");
    let page = mount_form("untouched", &[]);
    settle(400).await;
    // Written by someone else meanwhile (the benchmark does this before a reload), and spaced
    // unlike the form would write it: the form neither removes nor rewrites it.
    let elsewhere = r#"{ "name": "customer_9" }"#;
    saved.storage.set_item(&saved.key, elsewhere).unwrap();
    leave_page();
    drop(page);
    assert_eq!(saved.text().as_deref(), Some(elsewhere));
}

#[wasm_bindgen_test]
async fn the_draft_is_saved_while_typing_goes_on() {
    let saved = SavedDraft::of("typing");
    let page = mount_form("typing", &[]);
    settle(20).await;
    // A keystroke every 50 ms for a second, never pausing: saves come at most every 300 ms,
    // not only once typing stops.
    let mut typed = String::new();
    for _ in 0..20 {
        typed.push('a');
        page.type_into("contact-info-city", &typed);
        settle(50).await;
    }
    let saved = saved.text().unwrap_or_default();
    assert!(saved.contains("\"city\":\"aaaa"), "{saved}");
    drop(page);
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_reload_and_can_be_discarded() {
    let draft = SavedDraft::of("restoring");
    {
        let page = mount_form("restoring", &[]);
        page.type_into("display-name", "Customer 1");
        page.type_into("contact-info-city", "New York");
        settle(1).await;
        // The draft is saved within 300 ms of a change, and at once when the page is left.
        leave_page();
        let saved = draft.text().unwrap();
        assert!(saved.contains("New York"), "{saved}");
    }
    let page = mount_form("restoring", &[]);
    settle(20).await;
    assert_eq!(page.value("display-name"), "Customer 1");
    assert_eq!(page.value("name"), "customer_1");
    assert_eq!(page.value("contact-info-city"), "New York");
    assert!(
        page.text(".csf-notice")
            .contains("We restored what you typed")
    );
    page.click_button("Discard draft");
    settle(20).await;
    assert_eq!(page.value("display-name"), "");
    assert!(page.find(".csf-notice").is_none());
    assert_eq!(draft.text(), None);
}

#[wasm_bindgen_test]
async fn a_network_failure_is_explained_and_keeps_every_value() {
    let page = mount_form("offline", &[("api-base", "http://127.0.0.1:9")]);
    page.type_into("name", "customer_1");
    page.type_into("contact-info-email", "billing@customer1.com");
    page.submit();
    settle(1500).await;
    let status = page.text("[role=status].csf-status-region");
    assert!(status.contains("could not be reached"), "{status}");
    assert_eq!(page.value("name"), "customer_1");
    assert_eq!(page.value("contact-info-email"), "billing@customer1.com");
    assert_eq!(page.text("button[type=submit]"), "Create customer");
}

/// Creates `<customer-signup-form>` with `attributes`, after registering the element.
fn custom_element(id: &str, attributes: &[(&str, &str)]) -> HtmlElement {
    customer_signup::element::define();
    let element: HtmlElement = document()
        .create_element("customer-signup-form")
        .unwrap()
        .dyn_into()
        .unwrap();
    element.set_id(id);
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// The `detail`s of the events heard so far.
type Heard = Rc<RefCell<Vec<JsValue>>>;
/// Keeps a document listener alive while the test holds it.
type Listener = Closure<dyn Fn(web_sys::CustomEvent)>;

/// Collects the `detail`s of `name` events that reach the document.
fn listen(name: &str) -> (Heard, Listener) {
    let seen: Heard = Rc::default();
    let sink = Rc::clone(&seen);
    let listener: Listener = Closure::new(move |event: web_sys::CustomEvent| {
        sink.borrow_mut().push(event.detail());
    });
    document()
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    (seen, listener)
}

fn property(value: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_custom_element_renders_the_form_and_applies_attribute_changes() {
    let element = custom_element("element-a", &[("api-base", "/nowhere"), ("theme", "dark")]);
    settle(30).await;
    let root = element
        .query_selector(".csf")
        .unwrap()
        .expect("the form is rendered");
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(element.query_selector("#element-a-name").unwrap().is_some());

    element.set_attribute("theme", "light").unwrap();
    element
        .set_attribute("price-plans", r#"["gold", "silver"]"#)
        .unwrap();
    settle(50).await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    let options = element
        .query_selector_all("#element-a-price-plan-name option")
        .unwrap();
    assert_eq!(options.length(), 3, "no plan, gold and silver");

    element.remove();
    settle(20).await;
    assert_eq!(
        element.child_element_count(),
        0,
        "removing the element removes the form"
    );
}

#[wasm_bindgen_test]
async fn two_elements_keep_separate_values_and_drafts() {
    let first = custom_element("twin-1", &[]);
    let second = custom_element("twin-2", &[]);
    settle(30).await;
    let type_into = |element: &HtmlElement, id: &str, text: &str| {
        let input: HtmlInputElement = element
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    type_into(&first, "twin-1-display-name", "First Customer");
    type_into(&second, "twin-2-display-name", "Second Customer");
    // Longer than the form waits before saving a draft.
    settle(500).await;
    let storage = session_storage();
    let one = storage
        .get_item("customer-signup-draft:twin-1")
        .unwrap()
        .unwrap();
    let two = storage
        .get_item("customer-signup-draft:twin-2")
        .unwrap()
        .unwrap();
    assert!(
        one.contains("First Customer") && !one.contains("Second"),
        "{one}"
    );
    assert!(
        two.contains("Second Customer") && !two.contains("First"),
        "{two}"
    );
    first.remove();
    second.remove();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn events_tell_the_host_about_restored_drafts_and_failed_submits() {
    let storage = session_storage();
    storage
        .set_item(
            "customer-signup-draft:events",
            r#"{"display_name": "Kept"}"#,
        )
        .unwrap();
    let (restored, _restored_listener) = listen("customer-draft-restored");
    let (failed, _failed_listener) = listen("customer-create-failed");
    let element = custom_element("events", &[]);
    settle(30).await;
    assert_eq!(restored.borrow().len(), 1);
    assert_eq!(property(&restored.borrow()[0], "formId"), "events");

    element
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle(30).await;
    assert_eq!(failed.borrow().len(), 1);
    assert_eq!(property(&failed.borrow()[0], "kind"), "invalid");
    element.remove();
    storage.clear().unwrap();
}

mod support;

#[wasm_bindgen_test]
fn the_browser_writes_bodies_byte_for_byte_as_serde_json_does() {
    use customer_signup::domain::CustomerDraft;
    use customer_signup::json;

    let seed = support::seed_draft().validate().unwrap();
    assert_eq!(json::to_text(&seed), support::SEED_BODY);
    let mut draft = CustomerDraft::benchmark_example();
    draft.description = "Line one\nline two \"quoted\" \\ back é 😀 </script>".into();
    let full = draft.validate().unwrap();
    assert_eq!(json::to_text(&full), serde_json::to_string(&full).unwrap());
    // A draft holds whatever was typed, control characters included.
    draft.legal_name = "tab\t \u{1} \u{1f} \u{7f} \u{2028}".into();
    assert_eq!(
        json::to_text(&draft),
        serde_json::to_string(&draft).unwrap()
    );
    assert_eq!(
        json::read::<CustomerDraft>(&json::to_text(&draft)),
        Some(draft.clone())
    );
    // What the form saves in sessionStorage, and reads back after a reload.
    let saved = json::write(&draft.to_saved());
    assert_eq!(saved, serde_json::to_string(&draft).unwrap());
    let restored = json::parse(&saved).and_then(|saved| CustomerDraft::from_saved(&saved));
    assert_eq!(restored, Some(draft));
}

#[wasm_bindgen_test]
fn the_browser_reads_the_answers_the_form_meets_as_serde_json_does() {
    use customer_signup::json;

    let envelope = concat!(
        r#"{"code": 422, "status": "Unprocessable Entity", "errors": {"json": {"#,
        r#""name": ["Missing data for required field."], "#,
        r#""measurement_mappings": {"0": {"value_regex": ["Bad."]}}}}}"#,
    );
    let documents = [
        envelope,
        r#"[1, -2, 3.5, 422, true, false, null, "é\u0041\n"]"#,
        r#"{"__proto__": {"x": 1}, "constructor": "c"}"#,
        r#""just text""#,
        "{}",
    ];
    for text in documents {
        let expected: Option<serde_json::Value> = serde_json::from_str(text).ok();
        assert!(expected.is_some());
        assert_eq!(json::parse(text), expected, "{text}");
    }
    for text in ["<html><body>Bad gateway</body></html>", "", "{", "[1,]"] {
        assert_eq!(json::parse(text), None, "{text:?} is not JSON");
    }
    // Exactly as deep as serde_json goes, and no deeper.
    for depth in [126, 127, 128, 129] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        for text in [arrays, objects] {
            let serde_reads = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(json::parse(&text).is_some(), serde_reads, "{depth} levels");
        }
    }
}

#[wasm_bindgen_test]
fn objects_handed_to_the_host_page_keep_every_key() {
    use customer_signup::json;

    let value: serde_json::Value =
        serde_json::from_str(r#"{"__proto__": "kept", "name": "acme"}"#).unwrap();
    let object = json::to_js(&value);
    let keys = js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>());
    assert_eq!(keys.length(), 2);
    assert_eq!(property(&object, "__proto__"), "kept");
    assert_eq!(json::write(&value), r#"{"__proto__":"kept","name":"acme"}"#);
}
