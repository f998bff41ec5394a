//! A validated new customer, serialising to exactly the API's `CreateCustomerArgs`.

use serde::{Deserialize, Deserializer, Serialize};

use super::country::CountryName;
use super::customer_id::CustomerId;
use super::email::Email;
use super::fields::{
    AddressLine, City, Description, DisplayName, LegalName, MappingLabel, MetadataKey,
    MetadataValue, PricePlanName, PricePlanTag, Region, Tag, VatId,
};
use super::input::CustomerInput;
use super::pattern::ValueRegex;
use super::phone::Phone;
use super::postal::PostalCode;
use super::web::{LogoUrl, Website};

/// A customer that passed every rule, ready to be sent as the body of `POST /customers/`.
///
/// The only ways to get one are [`CustomerInput::validate`] (what the form and the local API
/// both call) and deserialising, which goes through the same function; so a value of this type
/// is always one the API accepts. Serialising writes snake_case keys in the API's order and
/// leaves out every optional field that is absent, as the hosted API's SDKs do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewCustomer {
    pub(super) name: CustomerId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) display_name: Option<DisplayName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Description>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) contact_info: Option<ContactInfo>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) measurement_mappings: Vec<MeasurementMapping>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) price_plan_name: Option<PricePlanName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) price_plan_tag: Option<PricePlanTag>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) customer_metadata: Vec<MetadataEntry>,
    #[serde(skip_serializing_if = "is_false")]
    pub(super) autogenerate_payment_gateway_customer: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl NewCustomer {
    /// The customer ID.
    pub fn name(&self) -> &CustomerId {
        &self.name
    }

    /// The display name, or the ID when none was given, as the API defaults it.
    pub fn display_name(&self) -> &str {
        self.display_name
            .as_ref()
            .map_or(self.name.as_str(), DisplayName::as_str)
    }

    /// The contact details, when any were given.
    pub fn contact_info(&self) -> Option<&ContactInfo> {
        self.contact_info.as_ref()
    }

    /// The measurement mappings, in the order given.
    pub fn measurement_mappings(&self) -> &[MeasurementMapping] {
        &self.measurement_mappings
    }

    /// The price plan to subscribe the customer to, if any.
    pub fn price_plan_name(&self) -> Option<&PricePlanName> {
        self.price_plan_name.as_ref()
    }

    /// The tags, in the order given.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }
}

impl<'de> Deserialize<'de> for NewCustomer {
    /// Reads the wire shape and applies every rule, so a deserialised customer is as valid as
    /// one built by the form.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let input = CustomerInput::deserialize(deserializer)?;
        input.validate().map_err(serde::de::Error::custom)
    }
}

/// How to reach and bill the customer (`contact_info`); every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContactInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) email: Option<Email>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) secondary_emails: Vec<Email>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) phone: Option<Phone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<Website>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) address_line_1: Option<AddressLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) address_line_2: Option<AddressLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) city: Option<City>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) state: Option<Region>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) country: Option<CountryName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) zipcode: Option<PostalCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) vat_id: Option<VatId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) legal_name: Option<LegalName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) logo_url: Option<LogoUrl>,
}

impl ContactInfo {
    /// The main email address, if one was given.
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }

    /// Whether no field was given, in which case `contact_info` is left out entirely.
    pub(super) fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Which measurements belong to the customer: those whose `label` value matches `value_regex`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeasurementMapping {
    pub(super) label: MappingLabel,
    pub(super) value_regex: ValueRegex,
}

impl MeasurementMapping {
    /// The measurement label this mapping reads.
    pub fn label(&self) -> &MappingLabel {
        &self.label
    }

    /// The pattern a label value must match.
    pub fn value_regex(&self) -> &ValueRegex {
        &self.value_regex
    }
}

/// One `customer_metadata` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetadataEntry {
    pub(super) property: MetadataKey,
    pub(super) value: MetadataValue,
}
