//! Three pages that bound from below what the form's bundle can weigh: the customer rules
//! alone, the smallest interactive Leptos page, and that page running the rules. Each is a
//! binary here, built for wasm32 the way trunk builds the form (`scripts/floor.sh`).
//!
//! [`use_the_rules`] reaches every part of the rules the form uses in the browser, so that
//! none of them is optimised away; the text it returns means nothing.

#[cfg(target_arch = "wasm32")]
mod rules {
    use customer_signup::domain::{Country, CustomerDraft, DraftField, ErrorEnvelope};
    use customer_signup::domain::{ValueRegex, suggest_customer_id};
    use customer_signup::json;

    /// Restores a saved draft, validates it, writes the request body or every message with the
    /// field it belongs to, reads an error answer, suggests a customer ID, tries a mapping
    /// pattern on a sample and lists the country names: what the form does with the rules.
    pub fn use_the_rules(saved: &str, other: &str) -> String {
        let draft = json::parse(saved)
            .as_ref()
            .and_then(CustomerDraft::from_saved)
            .unwrap_or_default();
        let mut out = json::write(&draft.to_saved());
        match draft.validate() {
            Ok(customer) => out.push_str(&json::to_text(&customer)),
            Err(errors) => {
                for (path, message) in errors.iter() {
                    if let Some(field) = DraftField::for_path(path) {
                        out.push_str(&field.label());
                        out.push_str(&field.slug());
                    }
                    out.push_str(message);
                }
            }
        }
        out.push_str(&json::write(&ErrorEnvelope::parse(other).to_json()));
        out.push_str(&suggest_customer_id(other));
        match saved.parse::<ValueRegex>() {
            Ok(pattern) => {
                if let Some((start, end)) = pattern.find(other) {
                    out.push_str(other.get(start..end).unwrap_or_default());
                }
            }
            Err(error) => out.push_str(&error.to_string()),
        }
        for country in Country::all() {
            out.extend(country.names());
        }
        out
    }
}

#[cfg(target_arch = "wasm32")]
pub use rules::use_the_rules;
