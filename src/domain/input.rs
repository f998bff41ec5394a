//! The request body as it arrives, before any rule is applied, and the one function that turns
//! it into a [`NewCustomer`] or says everything that is wrong with it.

use std::collections::HashSet;
use std::fmt::Display;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::country::CountryName;
use super::customer::{ContactInfo, MeasurementMapping, MetadataEntry, NewCustomer};
use super::email::Email;
use super::errors::{FieldErrors, FieldPath};
use super::fields::Tag;
use super::postal::PostalCode;

/// `CreateCustomerArgs` as sent: every field optional and unchecked.
///
/// Strings that are absent, `null` or only white space all mean "not given". Unknown fields are
/// refused, as the API's schema refuses them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct CustomerInput {
    pub name: Option<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub contact_info: Option<ContactInput>,
    pub measurement_mappings: Option<Vec<MappingInput>>,
    pub price_plan_name: Option<String>,
    pub price_plan_tag: Option<String>,
    pub tags: Option<Vec<String>>,
    pub customer_metadata: Option<Vec<MetadataInput>>,
    pub autogenerate_payment_gateway_customer: Option<bool>,
}

/// `contact_info` as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ContactInput {
    pub email: Option<String>,
    pub secondary_emails: Option<Vec<String>>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub address_line_1: Option<String>,
    pub address_line_2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub zipcode: Option<String>,
    pub vat_id: Option<String>,
    pub legal_name: Option<String>,
    pub logo_url: Option<String>,
}

/// One `measurement_mappings` item as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MappingInput {
    pub label: Option<String>,
    pub value_regex: Option<String>,
}

/// One `customer_metadata` item as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MetadataInput {
    pub property: Option<String>,
    pub value: Option<String>,
}

/// The most measurement mappings one customer may have.
pub const MAX_MAPPINGS: usize = 100;
/// The most metadata entries one customer may have, as Stripe allows.
pub const MAX_METADATA: usize = 50;
/// The most tags one customer may have.
pub const MAX_TAGS: usize = 50;
/// The most secondary email addresses one customer may have.
pub const MAX_SECONDARY_EMAILS: usize = 10;

/// Collects problems while the fields are read, so that all of them are reported at once.
#[derive(Default)]
struct Checker {
    errors: FieldErrors,
}

impl Checker {
    fn fail(&mut self, path: &[&str], message: impl Display) {
        self.errors
            .push(FieldPath::new(path.iter().copied()), message.to_string());
    }

    fn parsed<T: FromStr>(&mut self, text: &str, path: &[&str]) -> Option<T>
    where
        T::Err: Display,
    {
        text.parse().map_err(|error| self.fail(path, error)).ok()
    }

    /// A field that may be left out: absent or blank gives `None` without a problem.
    fn optional<T: FromStr>(&mut self, value: &Option<String>, path: &[&str]) -> Option<T>
    where
        T::Err: Display,
    {
        let text = value.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
        self.parsed(text, path)
    }

    /// A field that must be given: absent is reported like blank, with the type's own message.
    fn required<T: FromStr>(&mut self, value: &Option<String>, path: &[&str]) -> Option<T>
    where
        T::Err: Display,
    {
        self.parsed(value.as_deref().unwrap_or_default(), path)
    }

    fn at_most(&mut self, count: usize, max: usize, path: &[&str], what: &str) {
        if count > max {
            self.fail(
                path,
                format_args!("A customer can have at most {max} {what} ({count} given)"),
            );
        }
    }
}

/// A list of rows with two required fields, the first unique across rows.
struct RowRules {
    list: &'static str,
    key: &'static str,
    value: &'static str,
    most: usize,
    what: &'static str,
    repeated: &'static str,
}

const MAPPING_ROWS: RowRules = RowRules {
    list: "measurement_mappings",
    key: "label",
    value: "value_regex",
    most: MAX_MAPPINGS,
    what: "measurement mappings",
    repeated: "This label already has a mapping: use one row per label",
};

const METADATA_ROWS: RowRules = RowRules {
    list: "customer_metadata",
    key: "property",
    value: "value",
    most: MAX_METADATA,
    what: "metadata entries",
    repeated: "This property is already set in another row",
};

impl Checker {
    /// Reads each row's key and value, both required, reporting a key seen in an earlier row.
    /// Only rows with both parts valid are returned.
    fn keyed_rows<'a, K, V>(
        &mut self,
        rules: &RowRules,
        count: usize,
        rows: impl Iterator<Item = (&'a Option<String>, &'a Option<String>)>,
    ) -> Vec<(K, V)>
    where
        K: FromStr + Clone + Eq + std::hash::Hash,
        V: FromStr,
        K::Err: Display,
        V::Err: Display,
    {
        self.at_most(count, rules.most, &[rules.list], rules.what);
        let mut keys = HashSet::new();
        let mut valid = Vec::with_capacity(count);
        for (i, (key, value)) in rows.enumerate() {
            let index = i.to_string();
            let at = |field| [rules.list, index.as_str(), field];
            let key: Option<K> = self.required(key, &at(rules.key));
            let value: Option<V> = self.required(value, &at(rules.value));
            if let Some(key) = &key
                && !keys.insert(key.clone())
            {
                self.fail(&at(rules.key), rules.repeated);
            }
            if let (Some(key), Some(value)) = (key, value) {
                valid.push((key, value));
            }
        }
        valid
    }
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

impl CustomerInput {
    /// Applies every rule, returning the valid customer or every problem found, each at the
    /// wire path of the field it concerns.
    pub fn validate(&self) -> Result<NewCustomer, FieldErrors> {
        let mut check = Checker::default();
        let name = check.required(&self.name, &["name"]);
        let display_name = check.optional(&self.display_name, &["display_name"]);
        let description = check.optional(&self.description, &["description"]);
        let contact_info = self.contact_info.as_ref().map(|c| c.validate(&mut check));
        let measurement_mappings = self.mappings(&mut check);
        let price_plan_name = check.optional(&self.price_plan_name, &["price_plan_name"]);
        let price_plan_tag = check.optional(&self.price_plan_tag, &["price_plan_tag"]);
        if blank(&self.price_plan_name) && !blank(&self.price_plan_tag) {
            check.fail(
                &["price_plan_tag"],
                "Choose a price plan for this tag, or clear the tag",
            );
        }
        let tags = self.tags(&mut check);
        let customer_metadata = self.metadata(&mut check);
        let Some(name) = name else {
            return Err(check.errors);
        };
        check.errors.into_result(NewCustomer {
            name,
            display_name,
            description,
            contact_info: contact_info.flatten().filter(|c| !c.is_empty()),
            measurement_mappings,
            price_plan_name,
            price_plan_tag,
            tags,
            customer_metadata,
            autogenerate_payment_gateway_customer: self
                .autogenerate_payment_gateway_customer
                .unwrap_or(false),
        })
    }

    fn mappings(&self, check: &mut Checker) -> Vec<MeasurementMapping> {
        let rows = self.measurement_mappings.as_deref().unwrap_or_default();
        let pairs = rows.iter().map(|row| (&row.label, &row.value_regex));
        check
            .keyed_rows(&MAPPING_ROWS, rows.len(), pairs)
            .into_iter()
            .map(|(label, value_regex)| MeasurementMapping { label, value_regex })
            .collect()
    }

    fn tags(&self, check: &mut Checker) -> Vec<Tag> {
        let items = self.tags.as_deref().unwrap_or_default();
        check.at_most(items.len(), MAX_TAGS, &["tags"], "tags");
        let mut seen = HashSet::new();
        let mut valid = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let index = i.to_string();
            if let Some(tag) = check.parsed::<Tag>(item, &["tags", &index]) {
                if seen.insert(tag.clone()) {
                    valid.push(tag);
                } else {
                    check.fail(
                        &["tags", &index],
                        format_args!("“{}” is listed twice", tag.as_str()),
                    );
                }
            }
        }
        valid
    }

    fn metadata(&self, check: &mut Checker) -> Vec<MetadataEntry> {
        let rows = self.customer_metadata.as_deref().unwrap_or_default();
        let pairs = rows.iter().map(|row| (&row.property, &row.value));
        check
            .keyed_rows(&METADATA_ROWS, rows.len(), pairs)
            .into_iter()
            .map(|(property, value)| MetadataEntry { property, value })
            .collect()
    }
}

impl ContactInput {
    fn validate(&self, check: &mut Checker) -> Option<ContactInfo> {
        let at = |field| ["contact_info", field];
        let email: Option<Email> = check.optional(&self.email, &at("email"));
        let secondary_emails = self.secondary_emails(email.as_ref(), check);
        let phone = check.optional(&self.phone, &at("phone"));
        let url = check.optional(&self.url, &at("url"));
        let address_line_1 = check.optional(&self.address_line_1, &at("address_line_1"));
        let address_line_2 = check.optional(&self.address_line_2, &at("address_line_2"));
        let city = check.optional(&self.city, &at("city"));
        let state = check.optional(&self.state, &at("state"));
        let country: Option<CountryName> = check.optional(&self.country, &at("country"));
        let zipcode = self
            .zipcode
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty());
        let zipcode = zipcode.and_then(|code| {
            PostalCode::parse(code, country.map(CountryName::country))
                .map_err(|error| check.fail(&at("zipcode"), error))
                .ok()
        });
        let vat_id = check.optional(&self.vat_id, &at("vat_id"));
        let legal_name = check.optional(&self.legal_name, &at("legal_name"));
        let logo_url = check.optional(&self.logo_url, &at("logo_url"));
        Some(ContactInfo {
            email,
            secondary_emails,
            phone,
            url,
            address_line_1,
            address_line_2,
            city,
            state,
            country,
            zipcode,
            vat_id,
            legal_name,
            logo_url,
        })
    }

    /// Each address valid, none given twice, none the same as the main address.
    fn secondary_emails(&self, main: Option<&Email>, check: &mut Checker) -> Vec<Email> {
        let items = self.secondary_emails.as_deref().unwrap_or_default();
        let list = ["contact_info", "secondary_emails"];
        check.at_most(
            items.len(),
            MAX_SECONDARY_EMAILS,
            &list,
            "secondary email addresses",
        );
        let mut seen: HashSet<String> = main.map(Email::folded).into_iter().collect();
        let mut valid = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let index = i.to_string();
            let path = ["contact_info", "secondary_emails", index.as_str()];
            let email = match item.parse::<Email>() {
                Ok(email) => email,
                Err(error) => {
                    check.fail(&path, format_args!("{error} (in “{}”)", item.trim()));
                    continue;
                }
            };
            if seen.insert(email.folded()) {
                valid.push(email);
            } else if main.is_some_and(|m| m.folded() == email.folded()) {
                check.fail(
                    &path,
                    format_args!("“{email}” is already the main email address"),
                );
            } else {
                check.fail(&path, format_args!("“{email}” is listed twice"));
            }
        }
        valid
    }
}
