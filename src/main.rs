//! Mounts the customer signup form into the page: every element with `data-customer-signup`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let _ = console_log::init_with_level(log::Level::Info);
    customer_signup::mount::mount_all();
}

/// The form runs only in the browser; natively this binary does nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
