//! Email addresses, as the HTML standard defines a valid e-mail address.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// An email address that `<input type="email">` would accept, at most 254 characters.
///
/// The HTML standard's definition is deliberately narrower than RFC 5322: no quoted local
/// parts, no comments, no IP literals. The domain may be a single label (`admin@localhost`),
/// as the standard allows. Non-ASCII domains must be given in their punycode form, since that is
/// what mail servers see. The 254-character cap is the longest address SMTP can deliver to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// The most characters an address may have.
    pub const MAX_CHARS: usize = 254;

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address for comparing: domains are case-insensitive, and in practice so are the
    /// mailboxes of every provider, so two addresses differing only in case are one.
    pub fn folded(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an email address was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was given where an address is required.
    #[error("Enter an email address, like name@example.com")]
    Empty,
    /// White space inside the address.
    #[error("An email address cannot contain spaces")]
    Space,
    /// No `@` at all.
    #[error("Enter an email address with an @, like name@example.com")]
    MissingAt,
    /// More than one `@`.
    #[error("An email address has only one @")]
    SeveralAts,
    /// Nothing before the `@`.
    #[error("Enter the part before the @, like name@example.com")]
    MissingLocal,
    /// Nothing after the `@`.
    #[error("Enter the part after the @, like name@example.com")]
    MissingDomain,
    /// A character not allowed before the `@`.
    #[error("The part before the @ cannot contain “{0}”")]
    LocalCharacter(char),
    /// A character not allowed after the `@`, such as an accented letter.
    #[error("The part after the @ cannot contain “{0}”: enter a domain like example.com")]
    DomainCharacter(char),
    /// An empty label (`a@b..com`, `a@.com`), a label starting or ending with `-`, or a label
    /// over 63 characters.
    #[error("The part after the @ must be a domain like example.com")]
    DomainShape,
    /// Longer than [`Email::MAX_CHARS`].
    #[error("Email address must be 254 characters or fewer (it has {0})")]
    TooLong(usize),
}

/// Characters the HTML standard allows before the `@`, besides ASCII letters and digits.
const LOCAL_SYMBOLS: &str = ".!#$%&'*+/=?^_`{|}~-";

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let address = input.trim();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if address.chars().any(char::is_whitespace) {
            return Err(EmailError::Space);
        }
        let (local, domain) = address.split_once('@').ok_or(EmailError::MissingAt)?;
        if domain.contains('@') {
            return Err(EmailError::SeveralAts);
        }
        if local.is_empty() {
            return Err(EmailError::MissingLocal);
        }
        if domain.is_empty() {
            return Err(EmailError::MissingDomain);
        }
        let local_ok = |c: char| c.is_ascii_alphanumeric() || LOCAL_SYMBOLS.contains(c);
        if let Some(bad) = local.chars().find(|&c| !local_ok(c)) {
            return Err(EmailError::LocalCharacter(bad));
        }
        check_domain(domain)?;
        let chars = address.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(EmailError::TooLong(chars));
        }
        Ok(Self(address.to_owned()))
    }
}

/// Dot-separated labels of 1 to 63 ASCII letters, digits and inner hyphens.
fn check_domain(domain: &str) -> Result<(), EmailError> {
    let label_ok = |c: char| c.is_ascii_alphanumeric() || c == '-';
    if let Some(bad) = domain.chars().find(|&c| !label_ok(c) && c != '.') {
        return Err(EmailError::DomainCharacter(bad));
    }
    let well_formed = |label: &str| {
        (1..=63).contains(&label.len()) && !label.starts_with('-') && !label.ends_with('-')
    };
    if domain.split('.').all(well_formed) {
        Ok(())
    } else {
        Err(EmailError::DomainShape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_the_html_standard_accepts() {
        let valid = [
            "billing@customer1.com",
            "first.last+tag@sub.example.co.uk",
            "a!#$%&'*+/=?^_`{|}~-@x.io",
            "admin@localhost",
            "USER@EXAMPLE.COM",
            "x@xn--mnchen-3ya.de",
        ];
        for address in valid {
            assert_eq!(
                address.parse::<Email>().map(|e| e.0),
                Ok(address.to_owned())
            );
        }
    }

    #[test]
    fn names_each_way_an_address_can_be_wrong() {
        let cases = [
            ("", EmailError::Empty),
            ("name example.com", EmailError::Space),
            ("name.example.com", EmailError::MissingAt),
            ("a@b@c.com", EmailError::SeveralAts),
            ("@example.com", EmailError::MissingLocal),
            ("name@", EmailError::MissingDomain),
            ("\"quoted\"@example.com", EmailError::LocalCharacter('"')),
            ("josé@example.com", EmailError::LocalCharacter('é')),
            ("name@münchen.de", EmailError::DomainCharacter('ü')),
            ("name@example_com", EmailError::DomainCharacter('_')),
            ("name@[127.0.0.1]", EmailError::DomainCharacter('[')),
            ("name@example..com", EmailError::DomainShape),
            ("name@.example.com", EmailError::DomainShape),
            ("name@example.com.", EmailError::DomainShape),
            ("name@-example.com", EmailError::DomainShape),
            ("name@example-.com", EmailError::DomainShape),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<Email>(), Err(expected), "{input:?}");
        }
        let long_label = format!("a@{}.com", "x".repeat(64));
        assert_eq!(long_label.parse::<Email>(), Err(EmailError::DomainShape));
        let long = format!("{}@{}.com", "a".repeat(200), "b".repeat(60));
        assert_eq!(long.parse::<Email>(), Err(EmailError::TooLong(265)));
    }

    #[test]
    fn messages_show_an_example() {
        assert_eq!(
            "name.example.com".parse::<Email>().unwrap_err().to_string(),
            "Enter an email address with an @, like name@example.com"
        );
    }
}
