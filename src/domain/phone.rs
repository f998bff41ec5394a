//! Phone numbers from any country, as people write them.

use std::str::FromStr;

use serde::Serialize;

/// A phone number: digits with the usual separators, an optional leading `+` and country code,
/// and an optional extension.
///
/// The number itself has 7 to 15 digits: 15 is the E.164 maximum for an international number,
/// and fewer than 7 cannot be dialled from outside the caller's own exchange anywhere. The
/// layout is kept as typed (`+44 20 7946 0958`, `(212) 555-0100`), because every country
/// groups digits its own way and the billing team reads it, not a machine.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    /// The fewest digits in a number, without the extension.
    pub const MIN_DIGITS: usize = 7;
    /// The most digits in a number, without the extension.
    pub const MAX_DIGITS: usize = 15;
    /// The most characters, separators included.
    pub const MAX_CHARS: usize = 40;

    /// The number as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a phone number was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// A letter or symbol that has no place in a phone number.
    #[error("Phone number can only contain digits, spaces and + - ( ) ., like +44 20 7946 0958")]
    Character(char),
    /// A `+` after the first character.
    #[error("Put + only at the start, before the country code, like +1 212 555 0100")]
    MisplacedPlus,
    /// Fewer than [`Phone::MIN_DIGITS`] digits.
    #[error("Phone number is too short: enter at least 7 digits, with the area code")]
    TooFewDigits,
    /// More than [`Phone::MAX_DIGITS`] digits.
    #[error("Phone number is too long: a number has at most 15 digits, without the extension")]
    TooManyDigits,
    /// An extension marker with no digits, or more than six.
    #[error("Write the extension as digits after “ext”, like +1 212 555 0100 ext 12")]
    Extension,
    /// Longer than [`Phone::MAX_CHARS`].
    #[error("Phone number must be 40 characters or fewer (it has {0})")]
    TooLong(usize),
}

/// Splits off an extension written as `ext 12`, `ext. 12`, `x12` or `#12`.
fn split_extension(number: &str) -> (&str, Option<&str>) {
    let lower = number.to_ascii_lowercase();
    for marker in ["ext.", "ext", "x", "#"] {
        if let Some(at) = lower.rfind(marker) {
            return (&number[..at], Some(number[at + marker.len()..].trim()));
        }
    }
    (number, None)
}

impl FromStr for Phone {
    type Err = PhoneError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let number = input.trim();
        let chars = number.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(PhoneError::TooLong(chars));
        }
        let (main, extension) = split_extension(number);
        if let Some(extension) = extension {
            let digits_only = extension.chars().all(|c| c.is_ascii_digit());
            if extension.is_empty() || extension.len() > 6 || !digits_only {
                return Err(PhoneError::Extension);
            }
        }
        let separator = |c: char| matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}');
        let mut digits = 0;
        for (at, c) in main.char_indices() {
            match c {
                '0'..='9' => digits += 1,
                '+' if at == 0 => {}
                '+' => return Err(PhoneError::MisplacedPlus),
                c if separator(c) => {}
                other => return Err(PhoneError::Character(other)),
            }
        }
        match digits {
            d if d < Self::MIN_DIGITS => Err(PhoneError::TooFewDigits),
            d if d > Self::MAX_DIGITS => Err(PhoneError::TooManyDigits),
            _ => Ok(Self(number.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_numbers_from_many_countries() {
        let valid = [
            "+1 (212) 555-0100",
            "(212) 555-0100",
            "+44 20 7946 0958",
            "+49 30 901820",
            "+81 3-1234-5678",
            "+91 98765 43210",
            "+55 11 91234-5678",
            "+33 1 23 45 67 89",
            "0612345678",
            "+1 212 555 0100 ext. 204",
            "212.555.0100 x12",
            "+683 4002",
        ];
        for number in valid {
            assert_eq!(
                number.parse::<Phone>().map(|p| p.0),
                Ok(number.to_owned()),
                "{number}"
            );
        }
    }

    #[test]
    fn names_each_way_a_number_can_be_wrong() {
        let cases = [
            ("call me", PhoneError::Character('c')),
            ("555-CALL-NOW", PhoneError::Character('C')),
            ("212+555+0100", PhoneError::MisplacedPlus),
            ("555 01", PhoneError::TooFewDigits),
            ("+1 212 555 0100 1234 5", PhoneError::TooManyDigits),
            ("+1 212 555 0100 ext", PhoneError::Extension),
            ("+1 212 555 0100 x1234567", PhoneError::Extension),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<Phone>(), Err(expected), "{input:?}");
        }
        let long = "1 ".repeat(21);
        assert_eq!(long.parse::<Phone>(), Err(PhoneError::TooLong(41)));
    }
}
