//! `<customer-signup-form>`: the custom element host pages embed.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::mount::{Mounted, Options, form_id, mount_with, read_config};

/// The element's tag name.
pub const TAG: &str = "customer-signup-form";

/// The attributes whose changes after mounting take effect.
pub const OBSERVED: &[&str] = &[
    "api-base",
    "credentials",
    "headers",
    "csrf-header",
    "csrf-meta",
    "timeout-ms",
    "draft-key",
    "price-plans",
    "theme",
    "bearer-token",
];

#[wasm_bindgen(module = "/js/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineSignupElement)]
    fn define_signup_element(
        name: &str,
        observed: js_sys::Array,
        connected: &JsValue,
        disconnected: &JsValue,
        changed: &JsValue,
    );
}

thread_local! {
    /// The forms in connected elements, found again by element when they change or leave.
    static MOUNTED: RefCell<Vec<(HtmlElement, Mounted)>> = const { RefCell::new(Vec::new()) };
}

/// Registers `<customer-signup-form>`; elements already on the page are upgraded at once.
pub fn define() {
    let observed: js_sys::Array = OBSERVED
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect();
    let connected = Closure::<dyn Fn(HtmlElement)>::new(connect);
    let disconnected = Closure::<dyn Fn(HtmlElement)>::new(disconnect);
    let changed = Closure::<dyn Fn(HtmlElement, String)>::new(change);
    define_signup_element(
        TAG,
        observed,
        connected.as_ref(),
        disconnected.as_ref(),
        changed.as_ref(),
    );
    // The element class calls these for as long as the page lives.
    connected.forget();
    disconnected.forget();
    changed.forget();
}

fn connect(element: HtmlElement) {
    if MOUNTED.with_borrow(|all| all.iter().any(|(known, _)| *known == element)) {
        return;
    }
    let id = form_id(&element);
    let config = read_config(&element, Options::Attributes, &id);
    let mounted = mount_with(element.clone(), config, id);
    MOUNTED.with_borrow_mut(|all| all.push((element, mounted)));
}

/// Removing the element removes the form and disposes of its owner; nothing stays behind.
fn disconnect(element: HtmlElement) {
    let gone = MOUNTED.with_borrow_mut(|all| {
        let at = all.iter().position(|(known, _)| *known == element)?;
        Some(all.swap_remove(at))
    });
    if let Some((element, mounted)) = gone {
        mounted.unmount();
        element.set_inner_html("");
    }
}

fn change(element: HtmlElement, _attribute: String) {
    MOUNTED.with_borrow(|all| {
        if let Some((_, mounted)) = all.iter().find(|(known, _)| *known == element) {
            let id = form_id(&element);
            mounted.reconfigure(read_config(&element, Options::Attributes, &id));
        }
    });
}
