//! What the admin has typed so far, exactly as typed, and the form's fields by wire path.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::customer::NewCustomer;
use super::errors::{FieldErrors, FieldPath};
use super::input::{ContactInput, CustomerInput, MappingInput, MetadataInput};

/// The form's contents: one string per input, rows in the order shown, nothing trimmed or
/// checked.
///
/// It is what the form saves while the admin types and restores after a reload, so it holds
/// only what the admin typed: never a credential or anything the server sent. Unknown or
/// missing keys are tolerated when restoring, so a draft saved by an older version still loads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[allow(missing_docs)]
pub struct CustomerDraft {
    pub name: String,
    pub display_name: String,
    pub description: String,
    pub email: String,
    /// Addresses separated by commas, semicolons, spaces or line breaks.
    pub secondary_emails: String,
    pub phone: String,
    pub website: String,
    pub legal_name: String,
    pub vat_id: String,
    pub logo_url: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub city: String,
    pub state: String,
    pub country: String,
    pub postal_code: String,
    pub price_plan_name: String,
    pub price_plan_tag: String,
    /// Tags separated by commas or line breaks.
    pub tags: String,
    pub autogenerate_payment_gateway_customer: bool,
    pub measurement_mappings: Vec<MappingDraft>,
    pub customer_metadata: Vec<MetadataDraft>,
}

/// One measurement-mapping row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MappingDraft {
    /// The measurement label.
    pub label: String,
    /// The pattern its values must match.
    pub value_regex: String,
    /// A sample label value the admin tries the pattern on; never sent.
    pub sample: String,
}

/// One metadata row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetadataDraft {
    /// The property name.
    pub property: String,
    /// Its value.
    pub value: String,
}

/// Splits a typed list on any of `separators`, dropping the empty pieces a trailing or doubled
/// separator leaves.
fn split_list(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What separates secondary email addresses: no address can contain any of these.
const EMAIL_SEPARATORS: &[char] = &[',', ';', ' ', '\t', '\n', '\r'];
/// What separates tags: tags may contain spaces, but no commas or line breaks.
const TAG_SEPARATORS: &[char] = &[',', '\n', '\r'];

fn given(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// The one mapping from a text input to the draft's string, written once for shared (`&`, `get`)
/// and for mutable (`&mut`, `get_mut`) access.
macro_rules! draft_text {
    ($draft:expr, $field:expr, $get:ident, [$($borrow:tt)+]) => {{
        let draft = $draft;
        Some(match $field {
            DraftField::Name => $($borrow)+ draft.name,
            DraftField::DisplayName => $($borrow)+ draft.display_name,
            DraftField::Description => $($borrow)+ draft.description,
            DraftField::Email => $($borrow)+ draft.email,
            DraftField::SecondaryEmails => $($borrow)+ draft.secondary_emails,
            DraftField::Phone => $($borrow)+ draft.phone,
            DraftField::Website => $($borrow)+ draft.website,
            DraftField::LegalName => $($borrow)+ draft.legal_name,
            DraftField::VatId => $($borrow)+ draft.vat_id,
            DraftField::LogoUrl => $($borrow)+ draft.logo_url,
            DraftField::AddressLine1 => $($borrow)+ draft.address_line_1,
            DraftField::AddressLine2 => $($borrow)+ draft.address_line_2,
            DraftField::City => $($borrow)+ draft.city,
            DraftField::State => $($borrow)+ draft.state,
            DraftField::Country => $($borrow)+ draft.country,
            DraftField::PostalCode => $($borrow)+ draft.postal_code,
            DraftField::PricePlanName => $($borrow)+ draft.price_plan_name,
            DraftField::PricePlanTag => $($borrow)+ draft.price_plan_tag,
            DraftField::Tags => $($borrow)+ draft.tags,
            DraftField::MappingLabel(i) => $($borrow)+ draft.measurement_mappings.$get(i)?.label,
            DraftField::MappingRegex(i) => {
                $($borrow)+ draft.measurement_mappings.$get(i)?.value_regex
            }
            DraftField::MetadataProperty(i) => {
                $($borrow)+ draft.customer_metadata.$get(i)?.property
            }
            DraftField::MetadataValue(i) => $($borrow)+ draft.customer_metadata.$get(i)?.value,
            DraftField::AutogeneratePaymentGatewayCustomer
            | DraftField::Mappings
            | DraftField::Metadata => return None,
        })
    }};
}

impl CustomerDraft {
    /// The request body this draft stands for, before any rule is applied. Row `i` of the form
    /// is item `i` of each list, so errors at `measurement_mappings.i` belong to row `i`.
    pub fn to_input(&self) -> CustomerInput {
        let mappings = self.measurement_mappings.iter().map(|row| MappingInput {
            label: given(&row.label),
            value_regex: given(&row.value_regex),
        });
        let metadata = self.customer_metadata.iter().map(|row| MetadataInput {
            property: given(&row.property),
            value: given(&row.value),
        });
        CustomerInput {
            name: given(&self.name),
            display_name: given(&self.display_name),
            description: given(&self.description),
            contact_info: Some(self.contact_input()),
            measurement_mappings: Some(mappings.collect()),
            price_plan_name: given(&self.price_plan_name),
            price_plan_tag: given(&self.price_plan_tag),
            tags: Some(split_list(&self.tags, TAG_SEPARATORS)),
            customer_metadata: Some(metadata.collect()),
            autogenerate_payment_gateway_customer: Some(self.autogenerate_payment_gateway_customer),
        }
    }

    fn contact_input(&self) -> ContactInput {
        ContactInput {
            email: given(&self.email),
            secondary_emails: Some(split_list(&self.secondary_emails, EMAIL_SEPARATORS)),
            phone: given(&self.phone),
            url: given(&self.website),
            address_line_1: given(&self.address_line_1),
            address_line_2: given(&self.address_line_2),
            city: given(&self.city),
            state: given(&self.state),
            country: given(&self.country),
            zipcode: given(&self.postal_code),
            vat_id: given(&self.vat_id),
            legal_name: given(&self.legal_name),
            logo_url: given(&self.logo_url),
        }
    }

    /// Applies every rule, exactly as the API does.
    pub fn validate(&self) -> Result<NewCustomer, FieldErrors> {
        self.to_input().validate()
    }

    /// What the admin typed into `field`, for telling whether a server's message about it is
    /// still current. The checkbox reads `true`/`false`; whole lists read as their row count.
    pub fn value(&self, field: DraftField) -> String {
        match field {
            DraftField::Mappings => self.measurement_mappings.len().to_string(),
            DraftField::Metadata => self.customer_metadata.len().to_string(),
            DraftField::AutogeneratePaymentGatewayCustomer => {
                self.autogenerate_payment_gateway_customer.to_string()
            }
            text => self.text(text).cloned().unwrap_or_default(),
        }
    }

    /// The text typed into `field`; `None` for the checkbox, whole lists and rows that do not
    /// exist.
    pub fn text(&self, field: DraftField) -> Option<&String> {
        draft_text!(self, field, get, [&])
    }

    /// The text typed into `field`, to change it; `None` as for [`CustomerDraft::text`].
    pub fn text_mut(&mut self, field: DraftField) -> Option<&mut String> {
        draft_text!(self, field, get_mut, [&mut])
    }

    /// A draft with every field filled in, as a thorough admin would, with two mappings and
    /// two metadata rows: what the benchmarks validate, natively and in the browser.
    pub fn benchmark_example() -> Self {
        let mapping = |label: &str, value_regex: &str, sample: &str| MappingDraft {
            label: label.into(),
            value_regex: value_regex.into(),
            sample: sample.into(),
        };
        let metadata = |property: &str, value: &str| MetadataDraft {
            property: property.into(),
            value: value.into(),
        };
        CustomerDraft {
            name: "customer_1".into(),
            display_name: "Customer 1".into(),
            description: "Enterprise account, billed monthly.\nOnboarded by the sales team.".into(),
            email: "billing@customer1.com".into(),
            secondary_emails: "ops@customer1.com, finance@customer1.com".into(),
            phone: "+1 212 555 0100 ext. 204".into(),
            website: "https://customer1.com".into(),
            legal_name: "Customer One, Inc.".into(),
            vat_id: "US-123456789".into(),
            logo_url: "https://customer1.com/logo.png".into(),
            address_line_1: "111 Main St".into(),
            address_line_2: "#1".into(),
            city: "New York".into(),
            state: "NY".into(),
            country: "United States".into(),
            postal_code: "10011".into(),
            price_plan_name: "standard".into(),
            price_plan_tag: "v2".into(),
            tags: "enterprise, east coast, priority".into(),
            autogenerate_payment_gateway_customer: true,
            measurement_mappings: vec![
                mapping("customer_id", "^customer_1$", "customer_1"),
                mapping("region", r"^us-(east|west)-\d+$", "us-east-1"),
            ],
            customer_metadata: vec![
                metadata("crm_id", "0015g00000XyZ"),
                metadata("segment", "enterprise"),
            ],
        }
    }

    /// Whether nothing has been typed yet: such a draft is not worth saving or restoring.
    pub fn is_blank(&self) -> bool {
        *self == Self::default()
    }

    /// The draft as the form saves it: the same JSON as its `Serialize` writes, built without
    /// serde's generated code for this struct, which cost 6 kB gzip of the browser bundle.
    pub fn to_saved(&self) -> Value {
        let text = |text: &str| Value::String(text.to_owned());
        let mut saved = Map::new();
        for (key, field) in SAVED_TEXTS {
            let typed = self.text(*field).map_or("", String::as_str);
            saved.insert((*key).to_owned(), text(typed));
        }
        saved.insert(
            "autogenerate_payment_gateway_customer".to_owned(),
            Value::Bool(self.autogenerate_payment_gateway_customer),
        );
        let object = |pairs: &[(&str, &String)]| {
            let pairs = pairs
                .iter()
                .map(|(key, value)| ((*key).to_owned(), text(value)));
            Value::Object(pairs.collect())
        };
        let mappings = self.measurement_mappings.iter().map(|row| {
            object(&[
                ("label", &row.label),
                ("value_regex", &row.value_regex),
                ("sample", &row.sample),
            ])
        });
        saved.insert("measurement_mappings".to_owned(), mappings.collect());
        let metadata = self
            .customer_metadata
            .iter()
            .map(|row| object(&[("property", &row.property), ("value", &row.value)]));
        saved.insert("customer_metadata".to_owned(), metadata.collect());
        Value::Object(saved)
    }

    /// A draft the form saved; `None` unless `saved` is an object. It reads what `Deserialize`
    /// reads, with one difference: a value of the wrong type is left out, where `Deserialize`
    /// refuses the whole draft. Missing and unknown keys are tolerated too, so that a draft
    /// saved by another version still loads.
    pub fn from_saved(saved: &Value) -> Option<Self> {
        let saved = saved.as_object()?;
        let text = |object: &Map<String, Value>, key: &str| {
            object
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let rows = |key: &str| {
            let rows = saved.get(key).and_then(Value::as_array).map(Vec::as_slice);
            rows.unwrap_or_default().iter().filter_map(Value::as_object)
        };
        let mut draft = CustomerDraft::default();
        for (key, field) in SAVED_TEXTS {
            if let Some(typed) = draft.text_mut(*field) {
                *typed = text(saved, key);
            }
        }
        draft.autogenerate_payment_gateway_customer = saved
            .get("autogenerate_payment_gateway_customer")
            .and_then(Value::as_bool)
            .unwrap_or_default();
        draft.measurement_mappings = rows("measurement_mappings")
            .map(|row| MappingDraft {
                label: text(row, "label"),
                value_regex: text(row, "value_regex"),
                sample: text(row, "sample"),
            })
            .collect();
        draft.customer_metadata = rows("customer_metadata")
            .map(|row| MetadataDraft {
                property: text(row, "property"),
                value: text(row, "value"),
            })
            .collect();
        Some(draft)
    }
}

/// The keys of a saved draft's texts, as `CustomerDraft`'s fields are named and in their order.
const SAVED_TEXTS: &[(&str, DraftField)] = &[
    ("name", DraftField::Name),
    ("display_name", DraftField::DisplayName),
    ("description", DraftField::Description),
    ("email", DraftField::Email),
    ("secondary_emails", DraftField::SecondaryEmails),
    ("phone", DraftField::Phone),
    ("website", DraftField::Website),
    ("legal_name", DraftField::LegalName),
    ("vat_id", DraftField::VatId),
    ("logo_url", DraftField::LogoUrl),
    ("address_line_1", DraftField::AddressLine1),
    ("address_line_2", DraftField::AddressLine2),
    ("city", DraftField::City),
    ("state", DraftField::State),
    ("country", DraftField::Country),
    ("postal_code", DraftField::PostalCode),
    ("price_plan_name", DraftField::PricePlanName),
    ("price_plan_tag", DraftField::PricePlanTag),
    ("tags", DraftField::Tags),
];

/// One input of the form, the place where a message about it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum DraftField {
    Name,
    DisplayName,
    Description,
    Email,
    SecondaryEmails,
    Phone,
    Website,
    LegalName,
    VatId,
    LogoUrl,
    AddressLine1,
    AddressLine2,
    City,
    State,
    Country,
    PostalCode,
    PricePlanName,
    PricePlanTag,
    Tags,
    AutogeneratePaymentGatewayCustomer,
    /// The list of mappings as a whole, such as "too many mappings".
    Mappings,
    MappingLabel(usize),
    MappingRegex(usize),
    /// The list of metadata rows as a whole.
    Metadata,
    MetadataProperty(usize),
    MetadataValue(usize),
}

/// Fields with one fixed wire path, in the order the form shows them.
const SIMPLE_FIELDS: &[(DraftField, &[&str], &str)] = &[
    (DraftField::DisplayName, &["display_name"], "Display name"),
    (DraftField::Name, &["name"], "Customer ID"),
    (DraftField::Description, &["description"], "Description"),
    (DraftField::Email, &["contact_info", "email"], "Email"),
    (
        DraftField::SecondaryEmails,
        &["contact_info", "secondary_emails"],
        "Secondary emails",
    ),
    (DraftField::Phone, &["contact_info", "phone"], "Phone"),
    (DraftField::Website, &["contact_info", "url"], "Website"),
    (
        DraftField::LegalName,
        &["contact_info", "legal_name"],
        "Legal name",
    ),
    (DraftField::VatId, &["contact_info", "vat_id"], "VAT ID"),
    (
        DraftField::LogoUrl,
        &["contact_info", "logo_url"],
        "Logo URL",
    ),
    (
        DraftField::AddressLine1,
        &["contact_info", "address_line_1"],
        "Address line 1",
    ),
    (
        DraftField::AddressLine2,
        &["contact_info", "address_line_2"],
        "Address line 2",
    ),
    (DraftField::City, &["contact_info", "city"], "City"),
    (
        DraftField::State,
        &["contact_info", "state"],
        "State / region",
    ),
    (DraftField::Country, &["contact_info", "country"], "Country"),
    (
        DraftField::PostalCode,
        &["contact_info", "zipcode"],
        "Postal code",
    ),
    (
        DraftField::PricePlanName,
        &["price_plan_name"],
        "Price plan",
    ),
    (
        DraftField::PricePlanTag,
        &["price_plan_tag"],
        "Price plan tag",
    ),
    (DraftField::Tags, &["tags"], "Tags"),
    (
        DraftField::AutogeneratePaymentGatewayCustomer,
        &["autogenerate_payment_gateway_customer"],
        "Create the payment-gateway customer",
    ),
    (
        DraftField::Mappings,
        &["measurement_mappings"],
        "Measurement mappings",
    ),
    (DraftField::Metadata, &["customer_metadata"], "Metadata"),
];

impl DraftField {
    /// The input a problem at `path` belongs to, or `None` for a path the form has no input
    /// for (such as a field a newer API version added): those are shown in the summary only.
    ///
    /// Problems inside a list that is typed as one text (`tags.3`,
    /// `contact_info.secondary_emails.1`) belong to that one input.
    pub fn for_path(path: &FieldPath) -> Option<DraftField> {
        let keys: Vec<&str> = path.keys().iter().map(String::as_str).collect();
        match keys.as_slice() {
            ["measurement_mappings", row, rest @ ..] => {
                let row = row.parse().ok()?;
                match rest {
                    [] | ["label", ..] => Some(DraftField::MappingLabel(row)),
                    ["value_regex", ..] => Some(DraftField::MappingRegex(row)),
                    _ => None,
                }
            }
            ["customer_metadata", row, rest @ ..] => {
                let row = row.parse().ok()?;
                match rest {
                    [] | ["property", ..] => Some(DraftField::MetadataProperty(row)),
                    ["value", ..] => Some(DraftField::MetadataValue(row)),
                    _ => None,
                }
            }
            _ => SIMPLE_FIELDS
                .iter()
                .find(|(_, prefix, _)| keys.starts_with(prefix))
                .map(|(field, _, _)| *field),
        }
    }

    /// The position of this input in the form, for listing problems in the order the admin
    /// meets the fields: simple fields in order, then each mapping row, then each metadata row.
    pub fn position(self) -> (usize, usize, usize) {
        match self {
            DraftField::MappingLabel(row) => (SIMPLE_FIELDS.len(), row, 0),
            DraftField::MappingRegex(row) => (SIMPLE_FIELDS.len(), row, 1),
            DraftField::MetadataProperty(row) => (SIMPLE_FIELDS.len() + 1, row, 0),
            DraftField::MetadataValue(row) => (SIMPLE_FIELDS.len() + 1, row, 1),
            simple => {
                let at = SIMPLE_FIELDS
                    .iter()
                    .position(|(field, _, _)| *field == simple);
                (at.unwrap_or(SIMPLE_FIELDS.len() + 2), 0, 0)
            }
        }
    }

    /// A name for this input usable in an HTML id, such as `contact-email` or `mapping-2-label`.
    pub fn slug(self) -> String {
        match self {
            DraftField::MappingLabel(row) => format!("mapping-{row}-label"),
            DraftField::MappingRegex(row) => format!("mapping-{row}-regex"),
            DraftField::MetadataProperty(row) => format!("metadata-{row}-property"),
            DraftField::MetadataValue(row) => format!("metadata-{row}-value"),
            simple => SIMPLE_FIELDS
                .iter()
                .find(|(field, _, _)| *field == simple)
                .map(|(_, path, _)| path.join("-").replace('_', "-"))
                .unwrap_or_default(),
        }
    }

    /// The label the form shows for this input, as the error summary names it.
    pub fn label(self) -> String {
        match self {
            DraftField::MappingLabel(row) => format!("Mapping {} label", row + 1),
            DraftField::MappingRegex(row) => format!("Mapping {} value regex", row + 1),
            DraftField::MetadataProperty(row) => format!("Metadata {} property", row + 1),
            DraftField::MetadataValue(row) => format!("Metadata {} value", row + 1),
            simple => SIMPLE_FIELDS
                .iter()
                .find(|(field, _, _)| *field == simple)
                .map_or_else(String::new, |(_, _, label)| (*label).to_owned()),
        }
    }
}
