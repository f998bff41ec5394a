//! The events the form dispatches on its host element, for the page around it.
//!
//! All bubble and are composed, so a listener on the element, on any ancestor, or on the
//! document hears them, even across a shadow root.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A customer was created; `detail` is the customer as the API answered it.
pub const CREATED: &str = "customer-created";
/// A submission failed; `detail` is `{kind, message}` (and `status` when there was one).
pub const FAILED: &str = "customer-create-failed";
/// A draft from before a reload was put back into the form; `detail` is `{formId}`.
pub const DRAFT_RESTORED: &str = "customer-draft-restored";

/// Dispatches `name` with `detail` on `host`.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => {
            let _ = host.dispatch_event(&event);
        }
        Err(_) => crate::console::warn(&format!("could not create the {name} event")),
    }
}

/// A plain object with string properties, for an event's `detail`.
pub fn detail(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}
