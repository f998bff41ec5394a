//! The customer ID (`name` on the wire): the identifier every later API call uses.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::text::ascii_spelling;

/// A customer ID: 1 to 64 lowercase ASCII letters, digits, `-` and `_`, starting with a letter
/// or a digit.
///
/// The ID travels in URL paths (`GET /customers/{name}`) and in every measurement a customer
/// sends, so it is restricted to characters that need no escaping anywhere and cannot be
/// confused by case: `Acme` and `acme` would otherwise be two customers that look alike in
/// every list. The first character may not be a symbol so that IDs sort and read well and are
/// never mistaken for a command-line flag.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CustomerId(String);

impl CustomerId {
    /// The most characters an ID may have.
    pub const MAX_CHARS: usize = 64;

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CustomerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a customer ID was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CustomerIdError {
    /// Nothing was given.
    #[error("Enter a customer ID, like customer_1")]
    Empty,
    /// A space or other white space inside the ID.
    #[error("Customer ID cannot contain spaces: use - or _ instead, like customer_1")]
    Space,
    /// An uppercase letter.
    #[error("Customer ID must be in lowercase, like customer_1")]
    Uppercase,
    /// The first character is `-`, `_` or another symbol.
    #[error("Customer ID must start with a letter or a digit")]
    LeadingSymbol,
    /// A character outside the allowed set.
    #[error("Customer ID can only contain a to z, 0 to 9, - and _ (remove “{0}”)")]
    Character(char),
    /// More than [`CustomerId::MAX_CHARS`] characters.
    #[error("Customer ID must be 64 characters or fewer (it has {0})")]
    TooLong(usize),
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}

impl FromStr for CustomerId {
    type Err = CustomerIdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let id = input.trim();
        let first = id.chars().next().ok_or(CustomerIdError::Empty)?;
        if id.chars().any(char::is_whitespace) {
            return Err(CustomerIdError::Space);
        }
        if id.chars().any(char::is_uppercase) {
            return Err(CustomerIdError::Uppercase);
        }
        if !first.is_ascii_alphanumeric() {
            return Err(CustomerIdError::LeadingSymbol);
        }
        if let Some(bad) = id.chars().find(|&c| !is_allowed(c)) {
            return Err(CustomerIdError::Character(bad));
        }
        let chars = id.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(CustomerIdError::TooLong(chars));
        }
        Ok(Self(id.to_owned()))
    }
}

/// A customer ID derived from a display name, for the form to offer until the admin types one.
///
/// Letters are lowercased and common accented Latin letters lose their accents; every run of
/// anything else becomes one `_`, as in the product page's `Customer 1` → `customer_1`. The
/// result is a valid [`CustomerId`], or empty when the name has no letters or digits to use.
pub fn suggest_customer_id(display_name: &str) -> String {
    let mut id = String::with_capacity(display_name.len().min(CustomerId::MAX_CHARS));
    let mut pending_separator = false;
    for c in display_name.chars() {
        let plain = ascii_spelling(c);
        if plain.is_empty() {
            pending_separator = true;
            continue;
        }
        if pending_separator && !id.is_empty() {
            id.push('_');
        }
        pending_separator = false;
        id.push_str(plain);
    }
    if id.len() > CustomerId::MAX_CHARS {
        id.truncate(CustomerId::MAX_CHARS);
        id.truncate(id.trim_end_matches('_').len());
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_dev_friendly_ids() {
        for id in [
            "customer_1",
            "acme-corp",
            "a",
            "42",
            "x".repeat(64).as_str(),
        ] {
            assert_eq!(
                id.parse::<CustomerId>().map(|c| c.0),
                Ok(id.to_owned()),
                "{id}"
            );
        }
        assert_eq!(
            " customer_1 ".parse::<CustomerId>().unwrap().as_str(),
            "customer_1"
        );
    }

    #[test]
    fn names_each_way_an_id_can_be_wrong() {
        let cases = [
            ("", CustomerIdError::Empty),
            ("   ", CustomerIdError::Empty),
            ("customer 1", CustomerIdError::Space),
            ("Customer_1", CustomerIdError::Uppercase),
            ("ÉCOLE", CustomerIdError::Uppercase),
            ("_customer", CustomerIdError::LeadingSymbol),
            ("-rf", CustomerIdError::LeadingSymbol),
            ("acme.com", CustomerIdError::Character('.')),
            ("café", CustomerIdError::Character('é')),
            ("a/b", CustomerIdError::Character('/')),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<CustomerId>(), Err(expected), "{input:?}");
        }
        let long = "a".repeat(65);
        assert_eq!(
            long.parse::<CustomerId>(),
            Err(CustomerIdError::TooLong(65))
        );
    }

    #[test]
    fn messages_say_what_to_type() {
        assert_eq!(
            "customer 1".parse::<CustomerId>().unwrap_err().to_string(),
            "Customer ID cannot contain spaces: use - or _ instead, like customer_1"
        );
        assert_eq!(
            "a".repeat(70)
                .parse::<CustomerId>()
                .unwrap_err()
                .to_string(),
            "Customer ID must be 64 characters or fewer (it has 70)"
        );
        assert_eq!(
            "a+b".parse::<CustomerId>().unwrap_err().to_string(),
            "Customer ID can only contain a to z, 0 to 9, - and _ (remove “+”)"
        );
    }

    #[test]
    fn suggests_ids_that_pass_the_rules() {
        let cases = [
            ("Customer 1", "customer_1"),
            ("  Acme, Inc.  ", "acme_inc"),
            ("Café Müller & Söhne", "cafe_muller_sohne"),
            ("Straße 5", "strasse_5"),
            ("ȘTEFAN ȚURCAN SRL", "stefan_turcan_srl"),
            ("ÉCLAIR ÅLAND", "eclair_aland"),
            ("---", ""),
            ("東京", ""),
        ];
        for (name, expected) in cases {
            assert_eq!(suggest_customer_id(name), expected, "{name:?}");
        }
        let long = suggest_customer_id(&"word ".repeat(40));
        assert!(long.len() <= CustomerId::MAX_CHARS);
        assert!(long.parse::<CustomerId>().is_ok(), "{long}");
    }
}
