//! Mounts the customer signup form into the page: registers `<customer-signup-form>` and fills
//! every element marked `data-customer-signup`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    customer_signup::element::define();
    customer_signup::mount::mount_all();
}

/// The form runs only in the browser; natively this binary does nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
