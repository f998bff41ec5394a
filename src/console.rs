//! The form's few words to the browser console: warnings about the host page's options and
//! storage, and why the price plans could not be listed. Nothing typed, no header and no token
//! is ever passed here.

/// Writes `message` as a console warning, marked as the form's.
pub fn warn(message: &str) {
    web_sys::console::warn_2(&PREFIX.into(), &message.into());
}

/// Writes `message` as a console information line, marked as the form's.
pub fn info(message: &str) {
    web_sys::console::info_2(&PREFIX.into(), &message.into());
}

const PREFIX: &str = "customer-signup:";
