//! Countries from ISO 3166-1, found by name, alias or code and sent by English short name.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use serde::{Serialize, Serializer};

use super::country_data::COUNTRY_LINES;
use super::text::{ascii_spelling, latin_lowercase};

/// One ISO 3166-1 country.
#[derive(Debug)]
pub struct Country {
    /// The two-letter code, such as `US`.
    pub alpha2: &'static str,
    /// The three-letter code, such as `USA`.
    pub alpha3: &'static str,
    /// The English short name the API receives, such as `United States`.
    pub name: &'static str,
    /// Other names people type for it, such as `United States of America`, each after a `|`.
    aliases: &'static str,
    /// The name and then every alias, folded when first looked up: lookups compare these
    /// without folding the whole list again on every keystroke, and showing the list (which
    /// the form does as it mounts) folds nothing.
    folded: OnceLock<Vec<String>>,
}

/// Countries are the same when their codes are.
impl PartialEq for Country {
    fn eq(&self, other: &Self) -> bool {
        self.alpha2 == other.alpha2
    }
}

impl Eq for Country {}

impl Hash for Country {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.alpha2.hash(state);
    }
}

/// Every country, read from [`COUNTRY_LINES`] the first time one is asked for.
static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    COUNTRY_LINES
        .lines()
        .filter_map(Country::from_line)
        .collect()
});

impl Country {
    /// Every country, in alphabetical order of name.
    pub fn all() -> &'static [Country] {
        &COUNTRIES
    }

    /// A line of [`COUNTRY_LINES`]: `US USA United States|United States of America|…`.
    fn from_line(line: &'static str) -> Option<Country> {
        let (alpha2, rest) = line.split_once(' ')?;
        let (alpha3, names) = rest.split_once(' ')?;
        let (name, aliases) = names.split_once('|').unwrap_or((names, ""));
        Some(Country {
            alpha2,
            alpha3,
            name,
            aliases,
            folded: OnceLock::new(),
        })
    }

    /// The country with this two-letter code, in any case.
    pub fn from_alpha2(code: &str) -> Option<&'static Country> {
        COUNTRIES
            .iter()
            .find(|c| c.alpha2.eq_ignore_ascii_case(code))
    }

    /// The country a person meant by `input`: its name, one of its aliases, or either code,
    /// ignoring case and surrounding white space.
    pub fn find(input: &str) -> Option<&'static Country> {
        let input = input.trim();
        if input.len() > LONGEST_NAME_BYTES {
            return None;
        }
        let folded = fold(input);
        COUNTRIES.iter().find(|c| {
            c.alpha2.eq_ignore_ascii_case(input)
                || c.alpha3.eq_ignore_ascii_case(input)
                || c.folded().contains(&folded)
        })
    }

    /// Countries whose name or an alias contains `query`, those starting with it first, for a
    /// searchable list. An empty query matches every country.
    pub fn search(query: &str) -> Vec<&'static Country> {
        if query.len() > LONGEST_NAME_BYTES {
            return Vec::new();
        }
        let query = fold(query.trim());
        let starts = |c: &Country| {
            c.folded()
                .first()
                .is_some_and(|name| name.starts_with(&query))
                || c.alpha2.eq_ignore_ascii_case(&query)
        };
        // A name that starts with the query contains it, so this finds every country `starts`
        // puts first.
        let matches = |c: &Country| {
            c.alpha2.eq_ignore_ascii_case(&query)
                || c.folded().iter().any(|n| n.contains(query.as_str()))
        };
        let (mut found, others): (Vec<_>, Vec<_>) = COUNTRIES
            .iter()
            .filter(|c| matches(c))
            .partition(|c| starts(c));
        found.extend(others);
        found
    }

    /// The name and every alias, folded.
    fn folded(&self) -> &[String] {
        self.folded.get_or_init(|| self.names().map(fold).collect())
    }

    /// The name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        let aliases = self.aliases.split('|').filter(|alias| !alias.is_empty());
        std::iter::once(self.name).chain(aliases)
    }
}

/// No name or alias is longer than this, so longer input is no country and need not be compared.
const LONGEST_NAME_BYTES: usize = 64;

/// Lowercase, with Latin letters spelled in ASCII (so `aland` finds `Åland Islands`) and the
/// typographic apostrophe as `'`; anything else stays as it is.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        match ascii_spelling(c) {
            "" if c == '’' => folded.push('\''),
            "" => folded.push(latin_lowercase(c)),
            plain => folded.push_str(plain),
        }
    }
    folded
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A country a person chose, sent as its English short name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CountryName(&'static Country);

impl CountryName {
    /// The country itself.
    pub fn country(self) -> &'static Country {
        self.0
    }
}

impl Serialize for CountryName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.name)
    }
}

/// Why a country was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    /// Not a country this list knows, with the closest one by name when there is one.
    #[error("Choose a country from the list{}", suggestion(.0))]
    Unknown(Option<&'static str>),
}

fn suggestion(closest: &Option<&'static str>) -> String {
    closest
        .map(|name| format!(": did you mean {name}?"))
        .unwrap_or_default()
}

impl FromStr for CountryName {
    type Err = CountryError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Country::find(input)
            .map(CountryName)
            .ok_or_else(|| CountryError::Unknown(closest(input)))
    }
}

/// The first country whose name starts with `input`, if `input` is long enough to mean one.
fn closest(input: &str) -> Option<&'static str> {
    let query = fold(input.trim());
    if query.chars().count() < 3 {
        return None;
    }
    Country::search(&query).first().map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_whole_and_unambiguous() {
        assert_eq!(Country::all().len(), 249);
        let mut owner = std::collections::HashMap::new();
        for country in Country::all() {
            for name in country.names().chain([country.alpha2, country.alpha3]) {
                let first = *owner.entry(fold(name)).or_insert(country.alpha2);
                assert_eq!(first, country.alpha2, "{name} names two countries");
            }
            assert_eq!(Country::find(country.name), Some(country));
        }
    }

    #[test]
    fn no_name_is_longer_than_the_cut_off() {
        let longest = Country::all()
            .iter()
            .flat_map(Country::names)
            .map(str::len)
            .max();
        assert!(longest.unwrap() <= LONGEST_NAME_BYTES);
    }

    #[test]
    fn finds_countries_by_name_alias_and_code() {
        for input in [
            "United States",
            "united states",
            "US",
            "usa",
            "United States of America",
        ] {
            assert_eq!(
                Country::find(input).map(|c| c.alpha2),
                Some("US"),
                "{input}"
            );
        }
        assert_eq!(Country::find("aland islands").map(|c| c.alpha2), Some("AX"));
        // Letters are spelled as in suggested customer IDs, typed or in the list alike.
        assert_eq!(Country::find("CURAÇAO").map(|c| c.alpha2), Some("CW"));
        assert_eq!(Country::find("Côte d’Ivoire").map(|c| c.alpha2), Some("CI"));
        assert_eq!(Country::find("Tūrkiye").map(|c| c.alpha2), Some("TR"));
        assert_eq!(
            Country::find(" GB ").map(|c| c.name),
            Some("United Kingdom")
        );
        assert_eq!(Country::find("Atlantis"), None);
    }

    #[test]
    fn sends_the_english_short_name() {
        let country: CountryName = "usa".parse().unwrap();
        assert_eq!(
            serde_json::to_string(&country).unwrap(),
            r#""United States""#
        );
    }

    #[test]
    fn suggests_the_closest_name() {
        assert_eq!(
            "Germ".parse::<CountryName>().unwrap_err().to_string(),
            "Choose a country from the list: did you mean Germany?"
        );
        assert_eq!(
            "Qq".parse::<CountryName>().unwrap_err().to_string(),
            "Choose a country from the list"
        );
    }

    #[test]
    fn search_puts_names_starting_with_the_query_first() {
        let names: Vec<_> = Country::search("ger").iter().map(|c| c.name).collect();
        assert_eq!(names.first(), Some(&"Germany"));
        assert!(names.contains(&"Algeria"));
        assert_eq!(Country::search("").len(), 249);
    }
}
