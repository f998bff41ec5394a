//! Mounting the form into the host page's elements.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::CustomerForm;
use crate::config::FormConfig;

/// The attribute that marks an element to hold a form.
pub const MARKER: &str = "data-customer-signup";

/// A mounted form; dropping it removes the form and disposes of everything it owned.
pub struct Mounted(#[allow(dead_code)] Box<dyn Any>);

/// Mounts a form into `element`, configured by its `data-*` attributes.
///
/// The form's element ids and its saved draft are named after the element's `id`, so give each
/// form on a page its own.
pub fn mount(element: web_sys::HtmlElement) -> Mounted {
    let form_id = match element.id() {
        id if id.is_empty() => "customer-signup".to_owned(),
        id => id,
    };
    let (config, warnings) = {
        let element = element.clone();
        FormConfig::from_attributes(
            move |name| element.get_attribute(&format!("data-{name}")),
            &form_id,
        )
    };
    for warning in warnings {
        log::warn!("customer signup form #{form_id}: {warning}");
    }
    let handle = leptos::mount::mount_to(element, move || {
        view! { <CustomerForm config=config form_id=form_id /> }
    });
    Mounted(Box::new(handle))
}

/// Mounts a form into every element marked with [`MARKER`], for the life of the page.
pub fn mount_all() {
    let Ok(found) = document().query_selector_all(&format!("[{MARKER}]")) else {
        return;
    };
    for index in 0..found.length() {
        let element = found
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            std::mem::forget(mount(element));
        }
    }
}
