//! The draft in `sessionStorage`: saved as the admin types, restored after a reload, cleared
//! after success.
//!
//! `sessionStorage` lives as long as the tab, so a reload or an accidental navigation keeps
//! what was typed, while closing the tab forgets it. Only the [`CustomerDraft`] is stored: it
//! holds what the admin typed and nothing else, never a token or anything the server sent.

use crate::domain::CustomerDraft;

fn session_storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

/// The draft saved under `key`, if there is one that is worth restoring.
pub fn load(key: &str) -> Option<CustomerDraft> {
    let text = session_storage()?.get_item(key).ok()??;
    let saved = crate::json::parse(&text);
    match saved.as_ref().and_then(CustomerDraft::from_saved) {
        Some(draft) if !draft.is_blank() => Some(draft),
        Some(_) => None,
        None => {
            crate::console::warn("ignoring a saved draft that cannot be read");
            None
        }
    }
}

/// Saves `draft` under `key`, or removes the key when the draft is blank.
///
/// Storage can be full or switched off (private windows, strict policies); the form works
/// without it, so a failure is logged and otherwise ignored.
pub fn save(key: &str, draft: &CustomerDraft) {
    let Some(storage) = session_storage() else {
        return;
    };
    let result = if draft.is_blank() {
        storage.remove_item(key)
    } else {
        storage.set_item(key, &crate::json::write(&draft.to_saved()))
    };
    if result.is_err() {
        crate::console::warn("could not save the draft in sessionStorage");
    }
}

/// Forgets the draft saved under `key`.
pub fn clear(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}
