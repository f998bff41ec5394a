//! Mounting the form: into a given element, into every marked element, or from JavaScript.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::components::CustomerForm;
use crate::config::FormConfig;

/// The attribute that marks a plain element to hold a form, configured by `data-*` attributes.
pub const MARKER: &str = "data-customer-signup";

/// The `performance` mark set each time a form has finished mounting.
pub const INTERACTIVE_MARK: &str = "customer-signup:interactive";

/// A mounted form. Dropping it (or [`Mounted::unmount`]) removes the form and disposes of
/// everything it owned: signals, effects, listeners and timers.
pub struct Mounted {
    config: ArcRwSignal<FormConfig>,
    view: Option<Box<dyn Any>>,
    /// The parent of the view's own owner, cleaned up explicitly when the form is removed. On
    /// its own the view's owner runs its cleanups when the last reference to it goes, and the
    /// tasks of the view's render effects (the row lists' among them) hold references until
    /// the executor next polls them, a tick later: a draft typed in that tick would be lost.
    owner: Owner,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.view.take());
        self.owner.cleanup();
    }
}

impl Mounted {
    /// Applies new options to the mounted form.
    pub fn reconfigure(&self, config: FormConfig) {
        self.config.set(config);
    }

    /// Removes the form.
    pub fn unmount(self) {
        drop(self);
    }
}

/// Where a form reads its options from.
#[derive(Clone, Copy)]
pub enum Options {
    /// `data-api-base` and so on, on a plain element.
    DataAttributes,
    /// `api-base` and so on, on `<customer-signup-form>`.
    Attributes,
}

/// The form's options from `element`'s attributes, with warnings logged.
pub fn read_config(element: &HtmlElement, options: Options, form_id: &str) -> FormConfig {
    let prefix = match options {
        Options::DataAttributes => "data-",
        Options::Attributes => "",
    };
    let (config, warnings) = FormConfig::from_attributes(
        |name| element.get_attribute(&format!("{prefix}{name}")),
        form_id,
    );
    for warning in warnings {
        crate::console::warn(&format!("form #{form_id}: {warning}"));
    }
    config
}

/// A name for the form in `element`: its id, or else its position among the page's forms, which
/// stays the same across reloads of the same page.
pub fn form_id(element: &HtmlElement) -> String {
    if !element.id().is_empty() {
        return element.id();
    }
    let all = document().query_selector_all(&format!("[{MARKER}], customer-signup-form"));
    let position = all.ok().and_then(|all| {
        (0..all.length()).find(|&i| all.item(i).is_some_and(|node| node == ***element))
    });
    format!("customer-signup-{}", position.unwrap_or(0) + 1)
}

/// Mounts a form into `element` with `config`.
pub fn mount_with(element: HtmlElement, config: FormConfig, form_id: String) -> Mounted {
    let config = ArcRwSignal::new(config);
    let shared = config.clone();
    let host = element.clone();
    let owner = Owner::new();
    let view = owner.with(|| {
        leptos::mount::mount_to(element, move || {
            view! { <CustomerForm config=shared form_id=form_id host=host /> }
        })
    });
    // Every field is rendered and the submit handler attached once `mount_to` returns: the
    // moment the benchmark measures as "interactive".
    if let Some(performance) = window().performance() {
        let _ = performance.mark(INTERACTIVE_MARK);
    }
    Mounted {
        config,
        view: Some(Box::new(view)),
        owner,
    }
}

/// Mounts a form into `element`, configured by its `data-*` attributes.
pub fn mount(element: HtmlElement) -> Mounted {
    let form_id = form_id(&element);
    let config = read_config(&element, Options::DataAttributes, &form_id);
    mount_with(element, config, form_id)
}

/// Mounts a form into every element marked with [`MARKER`], for the life of the page.
pub fn mount_all() {
    let Ok(found) = document().query_selector_all(&format!("[{MARKER}]")) else {
        return;
    };
    for index in 0..found.length() {
        let element = found
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok());
        if let Some(element) = element {
            std::mem::forget(mount(element));
        }
    }
}

/// A form mounted from JavaScript; call `unmount()` to remove it.
#[wasm_bindgen(js_name = CustomerSignupHandle)]
pub struct MountHandle(Option<Mounted>);

#[wasm_bindgen(js_class = CustomerSignupHandle)]
impl MountHandle {
    /// Removes the form and everything it owned.
    pub fn unmount(&mut self) {
        self.0.take();
    }
}

/// `mountCustomerSignup(element, options)`: mounts a form into `element`.
///
/// `options` takes the element's attribute names in camelCase (`apiBase`, `credentials`,
/// `headers`, `csrfHeader`, `csrfMeta`, `timeoutMs`, `draftKey`, `pricePlans`, `theme`,
/// `bearerToken`); objects and lists may be given as they are rather than as JSON text.
#[wasm_bindgen(js_name = mountCustomerSignup)]
pub fn mount_from_js(element: HtmlElement, options: JsValue) -> MountHandle {
    let form_id = form_id(&element);
    let (config, warnings) = FormConfig::from_attributes(|name| option(&options, name), &form_id);
    for warning in warnings {
        crate::console::warn(&format!("form #{form_id}: {warning}"));
    }
    MountHandle(Some(mount_with(element, config, form_id)))
}

/// The option named `kebab-name` in `options`, looked up by its camelCase name; non-strings are
/// given as JSON.
fn option(options: &JsValue, kebab_name: &str) -> Option<String> {
    let mut camel = String::with_capacity(kebab_name.len());
    let mut upper = false;
    for c in kebab_name.chars() {
        match c {
            '-' => upper = true,
            c if upper => {
                // Option names are ASCII kebab-case, like `api-base`.
                camel.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => camel.push(c),
        }
    }
    let value = js_sys::Reflect::get(options, &camel.into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&value).ok().map(String::from))
}

/// `measureValidation(iterations)`: validates a full draft `iterations` times in this browser
/// and returns the mean time of one validation in microseconds. For the benchmark, which
/// compares it with the native figure; it touches nothing on the page.
#[wasm_bindgen(js_name = measureValidation)]
pub fn measure_validation(iterations: u32) -> f64 {
    let draft = crate::domain::CustomerDraft::benchmark_example();
    let Some(performance) = window().performance() else {
        return f64::NAN;
    };
    let started = performance.now();
    for _ in 0..iterations {
        std::hint::black_box(std::hint::black_box(&draft).validate().is_ok());
    }
    (performance.now() - started) * 1000.0 / f64::from(iterations.max(1))
}
