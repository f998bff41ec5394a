//! Postal codes, checked against the country's format where that format is well known.

use serde::Serialize;

use super::country::Country;

/// A postal code, trimmed and in uppercase (no country's codes depend on case).
///
/// For the countries in [`FORMATS`] the code must have that country's shape; for the others,
/// and when no country is chosen, it only has to look like a postal code anywhere: 2 to 12
/// ASCII letters, digits, spaces and hyphens, with at least one digit or letter: postal codes
/// are written in Latin letters everywhere (the UPU's addressing standard), and are sent in
/// uppercase.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PostalCode(String);

impl PostalCode {
    /// The most characters in a code of a country without a known format.
    pub const MAX_CHARS: usize = 12;

    /// Checks `input` against the format of `country`, or the loose rule when there is none.
    pub fn parse(input: &str, country: Option<&Country>) -> Result<Self, PostalCodeError> {
        let code = input.trim().to_ascii_uppercase();
        let format = country.and_then(|c| FORMATS.iter().find(|f| f.alpha2 == c.alpha2));
        match format {
            Some(format) if !format.accepts(&code) => Err(PostalCodeError::Format(format)),
            Some(_) => Ok(Self(code)),
            None => check_loose(&code).map(|()| Self(code)),
        }
    }

    /// The code as it will be sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a postal code was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostalCodeError {
    /// Not in the shape the chosen country uses.
    #[error("{}", .0.message)]
    Format(&'static PostalFormat),
    /// A character no postal code uses.
    #[error("Postal code can only contain letters A to Z, digits, spaces and hyphens")]
    Character(char),
    /// One character, or none that is a letter or digit.
    #[error("Postal code is too short")]
    TooShort,
    /// More than [`PostalCode::MAX_CHARS`] characters.
    #[error("Postal code must be 12 characters or fewer (it has {0})")]
    TooLong(usize),
}

fn check_loose(code: &str) -> Result<(), PostalCodeError> {
    if let Some(bad) = code
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == ' ' || c == '-'))
    {
        return Err(PostalCodeError::Character(bad));
    }
    let chars = code.chars().count();
    if chars > PostalCode::MAX_CHARS {
        return Err(PostalCodeError::TooLong(chars));
    }
    if chars < 2 || !code.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(PostalCodeError::TooShort);
    }
    Ok(())
}

/// The shapes of one country's postal codes.
///
/// In a shape, `9` stands for a digit, `A` for a letter from `letters`, and a space for one
/// optional space; anything else stands for itself. The `extra` check covers what shapes
/// cannot say, such as the letters Canada leaves out.
#[derive(Debug)]
pub struct PostalFormat {
    /// The country's two-letter code.
    pub alpha2: &'static str,
    shapes: &'static [&'static str],
    letters: &'static str,
    extra: fn(&str) -> bool,
    /// What to tell a person whose code does not fit.
    pub message: &'static str,
}

impl PartialEq for PostalFormat {
    fn eq(&self, other: &Self) -> bool {
        self.alpha2 == other.alpha2
    }
}

impl Eq for PostalFormat {}

const ALL_LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

impl PostalFormat {
    fn accepts(&self, code: &str) -> bool {
        self.shapes.iter().any(|shape| self.fits(shape, code)) && (self.extra)(code)
    }

    fn fits(&self, shape: &str, code: &str) -> bool {
        let mut code = code.chars().peekable();
        for expected in shape.chars() {
            match expected {
                ' ' => {
                    code.next_if_eq(&' ');
                }
                '9' if code.next_if(char::is_ascii_digit).is_some() => {}
                'A' if code.next_if(|c| self.letters.contains(*c)).is_some() => {}
                '9' | 'A' => return false,
                literal if code.next_if_eq(&literal).is_some() => {}
                _ => return false,
            }
        }
        code.next().is_none()
    }
}

fn any_code(_: &str) -> bool {
    true
}

/// Canada: no D, F, I, O, Q or U anywhere (they read like digits), and no W or Z first.
fn canada_extra(code: &str) -> bool {
    !code.starts_with(['W', 'Z'])
}

/// The Netherlands: no leading zero, and SA, SD and SS are never issued.
fn netherlands_extra(code: &str) -> bool {
    let letters = code.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    !code.starts_with('0') && !matches!(letters, "SA" | "SD" | "SS")
}

/// India: PIN codes never start with 0.
fn india_extra(code: &str) -> bool {
    !code.starts_with('0')
}

/// The formats this product checks: the countries most of its customers are billed in.
pub static FORMATS: &[PostalFormat] = &[
    PostalFormat {
        alpha2: "US",
        shapes: &["99999", "99999-9999"],
        letters: "",
        extra: any_code,
        message: "Enter a US ZIP code like 10011 or 10011-1234",
    },
    PostalFormat {
        alpha2: "CA",
        shapes: &["A9A 9A9"],
        letters: "ABCEGHJKLMNPRSTVWXYZ",
        extra: canada_extra,
        message: "Enter a Canadian postal code like K1A 0B1",
    },
    PostalFormat {
        alpha2: "GB",
        shapes: &[
            "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA", "GIR 0AA",
        ],
        letters: ALL_LETTERS,
        extra: any_code,
        message: "Enter a UK postcode like SW1A 1AA",
    },
    PostalFormat {
        alpha2: "DE",
        shapes: &["99999"],
        letters: "",
        extra: any_code,
        message: "Enter a German postcode of 5 digits, like 10115",
    },
    PostalFormat {
        alpha2: "FR",
        shapes: &["99999"],
        letters: "",
        extra: any_code,
        message: "Enter a French postcode of 5 digits, like 75008",
    },
    PostalFormat {
        alpha2: "NL",
        shapes: &["9999 AA"],
        letters: ALL_LETTERS,
        extra: netherlands_extra,
        message: "Enter a Dutch postcode of 4 digits and 2 letters, like 1012 AB",
    },
    PostalFormat {
        alpha2: "AU",
        shapes: &["9999"],
        letters: "",
        extra: any_code,
        message: "Enter an Australian postcode of 4 digits, like 2000",
    },
    PostalFormat {
        alpha2: "JP",
        shapes: &["999-9999", "9999999"],
        letters: "",
        extra: any_code,
        message: "Enter a Japanese postal code like 100-0001",
    },
    PostalFormat {
        alpha2: "IN",
        shapes: &["999 999"],
        letters: "",
        extra: india_extra,
        message: "Enter an Indian PIN code of 6 digits, like 110001",
    },
    PostalFormat {
        alpha2: "BR",
        shapes: &["99999-999", "99999999"],
        letters: "",
        extra: any_code,
        message: "Enter a Brazilian CEP like 01310-100",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(code: &str, alpha2: &str) -> Result<String, String> {
        let country = Country::from_alpha2(alpha2);
        PostalCode::parse(code, country)
            .map(|p| p.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn accepts_each_known_format() {
        let valid = [
            ("10011", "US"),
            ("10011-1234", "US"),
            ("K1A 0B1", "CA"),
            ("k1a0b1", "CA"),
            ("SW1A 1AA", "GB"),
            ("M1 1AE", "GB"),
            ("B33 8TH", "GB"),
            ("CR2 6XH", "GB"),
            ("DN55 1PT", "GB"),
            ("W1A 0AX", "GB"),
            ("EC1A 1BB", "GB"),
            ("10115", "DE"),
            ("75008", "FR"),
            ("1012 AB", "NL"),
            ("1012AB", "NL"),
            ("2000", "AU"),
            ("100-0001", "JP"),
            ("1000001", "JP"),
            ("110001", "IN"),
            ("110 001", "IN"),
            ("01310-100", "BR"),
            ("01310100", "BR"),
        ];
        for (code, country) in valid {
            assert_eq!(
                parse(code, country),
                Ok(code.to_ascii_uppercase()),
                "{code} in {country}"
            );
        }
    }

    #[test]
    fn refuses_codes_of_the_wrong_shape_with_the_countrys_example() {
        let cases = [
            ("1001", "US", "Enter a US ZIP code like 10011 or 10011-1234"),
            (
                "10011-12",
                "US",
                "Enter a US ZIP code like 10011 or 10011-1234",
            ),
            ("D1A 0B1", "CA", "Enter a Canadian postal code like K1A 0B1"),
            ("W1A 0B1", "CA", "Enter a Canadian postal code like K1A 0B1"),
            ("SW1A1A", "GB", "Enter a UK postcode like SW1A 1AA"),
            (
                "1011",
                "DE",
                "Enter a German postcode of 5 digits, like 10115",
            ),
            (
                "7500",
                "FR",
                "Enter a French postcode of 5 digits, like 75008",
            ),
            (
                "0123 AB",
                "NL",
                "Enter a Dutch postcode of 4 digits and 2 letters, like 1012 AB",
            ),
            (
                "1012 SS",
                "NL",
                "Enter a Dutch postcode of 4 digits and 2 letters, like 1012 AB",
            ),
            (
                "20000",
                "AU",
                "Enter an Australian postcode of 4 digits, like 2000",
            ),
            (
                "100-001",
                "JP",
                "Enter a Japanese postal code like 100-0001",
            ),
            (
                "011001",
                "IN",
                "Enter an Indian PIN code of 6 digits, like 110001",
            ),
            ("0131-0100", "BR", "Enter a Brazilian CEP like 01310-100"),
        ];
        for (code, country, message) in cases {
            assert_eq!(
                parse(code, country),
                Err(message.to_owned()),
                "{code} in {country}"
            );
        }
    }

    #[test]
    fn other_countries_get_a_loose_check() {
        assert_eq!(parse("D02 X285", "IE"), Ok("D02 X285".into()));
        assert_eq!(parse("ab-12", "ZZ"), Ok("AB-12".into()));
        let long = "1".repeat(13);
        let cases = [
            (
                "12/34",
                "Postal code can only contain letters A to Z, digits, spaces and hyphens",
            ),
            (
                "ÅB 12",
                "Postal code can only contain letters A to Z, digits, spaces and hyphens",
            ),
            ("1", "Postal code is too short"),
            ("--", "Postal code is too short"),
            (
                long.as_str(),
                "Postal code must be 12 characters or fewer (it has 13)",
            ),
        ];
        for (code, message) in cases {
            assert_eq!(parse(code, "SE"), Err(message.to_owned()), "{code}");
        }
    }
}
