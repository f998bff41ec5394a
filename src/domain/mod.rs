//! The customer model and its rules: no web dependencies, the same code natively (in the local
//! API) and in the browser (in the form).
//!
//! A [`CustomerDraft`] holds what the admin typed. [`CustomerDraft::validate`] turns it into the
//! wire-shaped [`CustomerInput`] and applies every rule, giving either a [`NewCustomer`] that
//! serialises to the API's `CreateCustomerArgs`, or [`FieldErrors`] keyed by wire path. The
//! local API deserialises request bodies into [`CustomerInput`] and calls the same
//! [`CustomerInput::validate`], so the form and the server accept exactly the same customers and
//! word every problem the same way.

mod country;
mod country_data;
mod customer;
mod customer_id;
mod draft;
mod email;
mod errors;
mod fields;
mod input;
mod pattern;
mod phone;
mod postal;
mod text;
mod web;

pub use country::{Country, CountryError, CountryName};
pub use customer::{ContactInfo, MeasurementMapping, MetadataEntry, NewCustomer};
pub use customer_id::{CustomerId, CustomerIdError, suggest_customer_id};
pub use draft::{CustomerDraft, DraftField, MappingDraft, MetadataDraft};
pub use email::{Email, EmailError};
pub use errors::{ErrorEnvelope, FieldErrors, FieldPath, SCHEMA_KEY};
pub use fields::{
    AddressLine, City, Description, DisplayName, LegalName, MappingLabel, MetadataKey,
    MetadataValue, PricePlanName, PricePlanTag, Region, Tag, TagError, VatId, VatIdError,
};
pub use input::{
    ContactInput, CustomerInput, MAX_MAPPINGS, MAX_METADATA, MAX_SECONDARY_EMAILS, MAX_TAGS,
    MappingInput, MetadataInput,
};
pub use pattern::{PatternError, ValueRegex};
pub use phone::{Phone, PhoneError};
pub use postal::{FORMATS as POSTAL_FORMATS, PostalCode, PostalCodeError, PostalFormat};
pub use text::{TextError, TextErrorKind, TextRules};
pub use web::{LogoUrl, MAX_URL_CHARS, UrlError, Website};
