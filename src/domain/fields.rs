//! The customer's free-text fields, each with its own length limit, and the few text fields
//! with rules of their own (VAT ID, tags).

use std::str::FromStr;

use serde::Serialize;

use super::text::text_type;

text_type!(
    /// The name shown for the customer in lists ("Name" in Octane's portal).
    DisplayName, "Display name", "Enter a display name", 200, false
);
text_type!(
    /// Free notes about the customer; line breaks allowed. 5000 characters, as Stripe allows.
    Description, "Description", "Enter a description", 5000, true
);
text_type!(
    /// The registered company name for invoices.
    LegalName, "Legal name", "Enter the legal name", 200, false
);
text_type!(
    /// One line of the street address.
    AddressLine, "Address line", "Enter the address", 200, false
);
text_type!(
    /// Town or city.
    City, "City", "Enter a city", 100, false
);
text_type!(
    /// State, province, county or region.
    Region, "State / region", "Enter a state or region", 100, false
);
text_type!(
    /// The name of an existing price plan to subscribe the customer to.
    PricePlanName, "Price plan", "Choose a price plan", 100, false
);
text_type!(
    /// A tag naming one version of the chosen price plan.
    PricePlanTag, "Price plan tag", "Enter a price plan tag", 100, false
);
text_type!(
    /// The measurement label a mapping reads, such as `customer_id`.
    MappingLabel, "Label", "Enter a label, or remove this row", 100, false
);
text_type!(
    /// The key of one metadata entry. 40 characters, as Stripe allows.
    MetadataKey, "Property", "Enter a property name, or remove this row", 40, false
);
text_type!(
    /// The value of one metadata entry. 500 characters, as Stripe allows.
    MetadataValue, "Value", "Enter a value, or remove this row", 500, false
);

/// A tax identifier such as an EU VAT number (`DE123456789`), a UK VAT number, an Australian
/// ABN or a Brazilian CNPJ (`12.345.678/0001-90`).
///
/// Formats differ too much between tax systems to check one, so this only keeps out what no
/// tax ID contains: at most 32 characters of letters, digits, spaces and `. - /`, with at least
/// four letters or digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct VatId(String);

impl VatId {
    /// The ID as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a VAT ID was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VatIdError {
    /// A character no tax ID uses.
    #[error("VAT ID can only contain letters, digits, spaces and . - /, like DE123456789")]
    Character(char),
    /// Fewer than four letters and digits.
    #[error("VAT ID is too short: enter the whole ID, like DE123456789")]
    TooShort,
    /// More than 32 characters.
    #[error("VAT ID must be 32 characters or fewer (it has {0})")]
    TooLong(usize),
}

impl FromStr for VatId {
    type Err = VatIdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let id = input.trim();
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '/');
        if let Some(bad) = id.chars().find(|&c| !allowed(c)) {
            return Err(VatIdError::Character(bad));
        }
        let chars = id.chars().count();
        if chars > 32 {
            return Err(VatIdError::TooLong(chars));
        }
        if id.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
            return Err(VatIdError::TooShort);
        }
        Ok(Self(id.to_owned()))
    }
}

/// A tag: 1 to 50 characters on one line, without commas.
///
/// Commas are refused because the form takes tags as a comma-separated list, so a tag with one
/// could never be typed back in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Tag(String);

impl Tag {
    /// The most characters in one tag.
    pub const MAX_CHARS: usize = 50;

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a tag was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    /// Nothing but white space.
    #[error("Tags cannot be empty")]
    Empty,
    /// A comma inside the tag.
    #[error("A tag cannot contain a comma: commas separate tags")]
    Comma,
    /// A line break or other control character.
    #[error("A tag must be on one line")]
    ControlCharacter,
    /// More than [`Tag::MAX_CHARS`] characters.
    #[error("Each tag must be 50 characters or fewer (“{0}…” is longer)")]
    TooLong(String),
}

impl FromStr for Tag {
    type Err = TagError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let tag = input.trim();
        if tag.is_empty() {
            return Err(TagError::Empty);
        }
        if tag.contains(',') {
            return Err(TagError::Comma);
        }
        if tag.chars().any(char::is_control) {
            return Err(TagError::ControlCharacter);
        }
        if tag.chars().count() > Self::MAX_CHARS {
            return Err(TagError::TooLong(tag.chars().take(20).collect()));
        }
        Ok(Self(tag.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_name_themselves_in_messages() {
        let long = "x".repeat(201);
        assert_eq!(
            long.parse::<DisplayName>().unwrap_err().to_string(),
            "Display name must be 200 characters or fewer (it has 201)"
        );
        assert_eq!(
            " ".parse::<MappingLabel>().unwrap_err().to_string(),
            "Enter a label, or remove this row"
        );
        assert!("line one\nline two".parse::<Description>().is_ok());
        assert!("line one\nline two".parse::<City>().is_err());
    }

    #[test]
    fn vat_ids_from_several_tax_systems_pass() {
        for id in [
            "DE123456789",
            "GB 123 4567 89",
            "51 824 753 556",
            "12.345.678/0001-90",
        ] {
            assert_eq!(id.parse::<VatId>().map(|v| v.0), Ok(id.to_owned()), "{id}");
        }
        assert_eq!(
            "DE12345678!".parse::<VatId>(),
            Err(VatIdError::Character('!'))
        );
        assert_eq!("DE1".parse::<VatId>(), Err(VatIdError::TooShort));
        assert_eq!(
            "1".repeat(33).parse::<VatId>(),
            Err(VatIdError::TooLong(33))
        );
    }

    #[test]
    fn tags_are_single_words_or_phrases() {
        assert_eq!(
            "enterprise tier".parse::<Tag>().map(|t| t.0),
            Ok("enterprise tier".into())
        );
        assert_eq!(" ".parse::<Tag>(), Err(TagError::Empty));
        assert_eq!("a,b".parse::<Tag>(), Err(TagError::Comma));
        assert_eq!("a\nb".parse::<Tag>(), Err(TagError::ControlCharacter));
        assert!(matches!(
            "t".repeat(51).parse::<Tag>(),
            Err(TagError::TooLong(_))
        ));
    }
}
