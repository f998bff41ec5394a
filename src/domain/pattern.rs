//! Measurement-mapping patterns: regular expressions that must compile quickly and run safely.

use std::fmt;
use std::str::FromStr;

use regex::{Regex, RegexBuilder};
use serde::{Serialize, Serializer};

/// A value regex of a measurement mapping, compiled under limits that keep any pattern, however
/// hostile, from hanging or exhausting the page.
///
/// The `regex` crate never backtracks, so matching time grows linearly with the input whatever
/// the pattern (`(a+)+$` is harmless). What is left to bound is compilation: the pattern's
/// length, how deeply it nests, and how large its compiled program may grow
/// (`a{5}{5}{5}{5}{5}{5}` asks for 15,625 states). Look-around and backreferences are not
/// supported by the crate, and its own explanation of why reaches the person.
#[derive(Clone, Debug)]
pub struct ValueRegex {
    source: String,
    compiled: Regex,
}

impl ValueRegex {
    /// The most characters a pattern may have.
    pub const MAX_CHARS: usize = 1000;
    /// How deeply groups and repetitions may nest.
    pub const NEST_LIMIT: u32 = 64;
    /// The most bytes the compiled program may take.
    pub const SIZE_LIMIT: usize = 256 * 1024;

    /// The pattern as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches somewhere in `value`, as the API applies it to label values.
    pub fn is_match(&self, value: &str) -> bool {
        self.compiled.is_match(value)
    }

    /// Where the first match in `value` starts and ends, in bytes, for showing it highlighted.
    pub fn find(&self, value: &str) -> Option<(usize, usize)> {
        self.compiled.find(value).map(|m| (m.start(), m.end()))
    }
}

impl PartialEq for ValueRegex {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for ValueRegex {}

impl fmt::Display for ValueRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl Serialize for ValueRegex {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

/// Why a pattern was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// Nothing was given.
    #[error("Enter a pattern, like ^prod-.* or remove this row")]
    Empty,
    /// Longer than [`ValueRegex::MAX_CHARS`].
    #[error("A pattern must be 1000 characters or fewer (it has {0})")]
    TooLong(usize),
    /// The regex crate could not parse it; its explanation follows, with the position marked.
    #[error("This is not a pattern the API can use:\n{0}")]
    Syntax(String),
    /// It would compile into a program over [`ValueRegex::SIZE_LIMIT`].
    #[error("This pattern is too large to check safely: use fewer or smaller repetitions")]
    TooLarge,
}

impl FromStr for ValueRegex {
    type Err = PatternError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let source = input.trim();
        if source.is_empty() {
            return Err(PatternError::Empty);
        }
        let chars = source.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(PatternError::TooLong(chars));
        }
        let compiled = RegexBuilder::new(source)
            .nest_limit(Self::NEST_LIMIT)
            .size_limit(Self::SIZE_LIMIT)
            .dfa_size_limit(Self::SIZE_LIMIT)
            .build()
            .map_err(|error| match error {
                regex::Error::CompiledTooBig(_) => PatternError::TooLarge,
                other => PatternError::Syntax(other.to_string()),
            })?;
        Ok(Self {
            source: source.to_owned(),
            compiled,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_ordinary_patterns_and_matches_values() {
        let pattern: ValueRegex = "^prod-[a-z]+$".parse().unwrap();
        assert!(pattern.is_match("prod-east"));
        assert!(!pattern.is_match("staging-east"));
        assert_eq!(pattern.find("x prod-a"), None);
        let anywhere: ValueRegex = r"\d+".parse().unwrap();
        assert_eq!(anywhere.find("cust-42-x"), Some((5, 7)));
    }

    #[test]
    fn passes_the_regex_crates_own_explanation_on() {
        let message = "(unclosed".parse::<ValueRegex>().unwrap_err().to_string();
        assert!(
            message.starts_with("This is not a pattern the API can use:\n"),
            "{message}"
        );
        assert!(message.contains("unclosed group"), "{message}");
        let message = "a(?=b)".parse::<ValueRegex>().unwrap_err().to_string();
        assert!(message.contains("look-around"), "{message}");
    }

    #[test]
    fn refuses_blank_and_overlong_patterns() {
        assert_eq!("  ".parse::<ValueRegex>().unwrap_err(), PatternError::Empty);
        let long = "a".repeat(1001);
        assert_eq!(
            long.parse::<ValueRegex>().unwrap_err(),
            PatternError::TooLong(1001)
        );
    }
}
