//! Free-text fields: trimmed, counted in characters, and free of control characters.

use std::fmt;

/// What one free-text field accepts and how its messages name it.
#[derive(Debug, PartialEq, Eq)]
pub struct TextRules {
    /// The field's label as the form shows it, used at the start of a message.
    pub label: &'static str,
    /// What to say when the field is required and left empty.
    pub missing: &'static str,
    /// The most characters (not bytes) the field may hold after trimming.
    pub max_chars: usize,
    /// Whether line breaks and tabs are allowed, as in a description.
    pub multiline: bool,
}

/// Why a free-text value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    rules: &'static TextRules,
    kind: TextErrorKind,
}

/// The ways a free-text value can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextErrorKind {
    /// Nothing but white space was given.
    Empty,
    /// More characters than the field allows.
    TooLong {
        /// How many characters were given, after trimming.
        chars: usize,
    },
    /// A control character, such as a line break in a one-line field.
    ControlCharacter,
}

impl TextError {
    /// Which way the value was wrong.
    pub fn kind(&self) -> TextErrorKind {
        self.kind
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let TextRules {
            label,
            missing,
            max_chars,
            multiline,
        } = self.rules;
        match self.kind {
            TextErrorKind::Empty => f.write_str(missing),
            TextErrorKind::TooLong { chars } => {
                write!(
                    f,
                    "{label} must be {max_chars} characters or fewer (it has {chars})"
                )
            }
            TextErrorKind::ControlCharacter if *multiline => {
                write!(
                    f,
                    "{label} cannot contain control characters other than line breaks"
                )
            }
            TextErrorKind::ControlCharacter => {
                write!(
                    f,
                    "{label} must be on one line, without tabs or other control characters"
                )
            }
        }
    }
}

impl std::error::Error for TextError {}

/// Trims `input` and checks it against `rules`, returning the trimmed text.
pub fn check<'a>(input: &'a str, rules: &'static TextRules) -> Result<&'a str, TextError> {
    let text = input.trim();
    let fail = |kind| Err(TextError { rules, kind });
    if text.is_empty() {
        return fail(TextErrorKind::Empty);
    }
    let allowed_control = |c: char| rules.multiline && matches!(c, '\n' | '\r' | '\t');
    if text.chars().any(|c| c.is_control() && !allowed_control(c)) {
        return fail(TextErrorKind::ControlCharacter);
    }
    let chars = text.chars().count();
    if chars > rules.max_chars {
        return fail(TextErrorKind::TooLong { chars });
    }
    Ok(text)
}

/// Declares a newtype over `String` whose only constructor applies one set of [`TextRules`].
macro_rules! text_type {
    (
        $(#[$doc:meta])*
        $name:ident, $label:literal, $missing:literal, $max:literal, $multiline:literal
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// What this field accepts.
            pub const RULES: $crate::domain::text::TextRules = $crate::domain::text::TextRules {
                label: $label,
                missing: $missing,
                max_chars: $max,
                multiline: $multiline,
            };

            /// The trimmed text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::text::TextError;

            fn from_str(input: &str) -> Result<Self, Self::Err> {
                static RULES: $crate::domain::text::TextRules = $name::RULES;
                $crate::domain::text::check(input, &RULES).map(|text| Self(text.to_owned()))
            }
        }
    };
}

pub(crate) use text_type;

/// `c` in lowercase when it is a Latin letter of ASCII, Latin-1, Latin Extended-A or the
/// Romanian and Latvian block of Latin Extended-B (U+0200 to U+021F, with `Ș` and `Ț`): every
/// letter the form takes accents off. Any other `c` is returned as it is.
///
/// Written out rather than `char::to_lowercase`, whose tables for every script cost 29 kB of the
/// browser bundle, for the only letters whose case the rules look at: the country names and the
/// suggested customer IDs are Latin.
pub(super) fn latin_lowercase(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        // À to Þ, except × (U+00D7).
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Pairs with the capital first, except ı, ĸ and ŉ, which have none; İ lowercases to i.
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        0x200..=0x21F if code % 2 == 0 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `c` spelled in lowercase ASCII when it is an ASCII letter or digit, or a Latin letter with an
/// obvious ASCII spelling: `É` is `e`, `ß` is `ss`. Empty for anything else. The suggested
/// customer IDs and the country search both spell letters this way.
pub(super) fn ascii_spelling(c: char) -> &'static str {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let c = latin_lowercase(c);
    if let Some(at) = c.to_digit(36) {
        let at = at as usize;
        return &ASCII[at..=at];
    }
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static ONE_LINE: TextRules = TextRules {
        label: "City",
        missing: "Enter a city",
        max_chars: 5,
        multiline: false,
    };
    static MANY_LINES: TextRules = TextRules {
        label: "Notes",
        missing: "Enter notes",
        max_chars: 5,
        multiline: true,
    };

    #[test]
    fn trims_and_counts_characters_not_bytes() {
        assert_eq!(check("  Köln ", &ONE_LINE), Ok("Köln"));
        assert_eq!(check("ÅÅÅÅÅ", &ONE_LINE), Ok("ÅÅÅÅÅ"));
        let err = check("ÅÅÅÅÅÅ", &ONE_LINE).unwrap_err();
        assert_eq!(
            err.to_string(),
            "City must be 5 characters or fewer (it has 6)"
        );
    }

    #[test]
    fn says_what_to_enter_when_blank() {
        assert_eq!(
            check(" \t ", &ONE_LINE).unwrap_err().to_string(),
            "Enter a city"
        );
    }

    #[test]
    fn refuses_line_breaks_only_in_one_line_fields() {
        let err = check("a\nb", &ONE_LINE).unwrap_err();
        assert_eq!(err.kind(), TextErrorKind::ControlCharacter);
        assert_eq!(check("a\nb", &MANY_LINES), Ok("a\nb"));
        let err = check("a\u{7}b", &MANY_LINES).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Notes cannot contain control characters other than line breaks"
        );
    }

    #[test]
    fn spells_latin_letters_and_digits_in_lowercase_ascii() {
        for (c, spelled) in [
            ('a', "a"),
            ('Z', "z"),
            ('7', "7"),
            ('É', "e"),
            ('Ø', "o"),
            ('ß', "ss"),
            ('Æ', "ae"),
            ('Ș', "s"),
            ('ł', "l"),
            (' ', ""),
            ('’', ""),
            ('Σ', ""),
        ] {
            assert_eq!(ascii_spelling(c), spelled, "{c}");
        }
    }

    #[test]
    fn latin_lowercase_agrees_with_the_standard_library_on_latin_letters() {
        for code in (0..=0x17F_u32).chain(0x200..=0x21F) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let standard: Vec<char> = c.to_lowercase().collect();
            // İ lowercases to i and a combining dot; the form drops the dot with the accents.
            assert_eq!(latin_lowercase(c), standard[0], "U+{code:04X} {c}");
        }
        assert_eq!(
            latin_lowercase('Σ'),
            'Σ',
            "other scripts are left as they are"
        );
        for (upper, lower) in [('Ș', 'ș'), ('Ț', 'ț'), ('Ő', 'ő'), ('Ÿ', 'ÿ'), ('Å', 'å')]
        {
            assert_eq!(latin_lowercase(upper), lower);
        }
    }
}
