//! Measurement-mapping patterns: regular expressions that must compile quickly and run safely.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use regex_lite::{Regex, RegexBuilder};
use serde::{Serialize, Serializer};

/// A value regex of a measurement mapping, compiled under limits that keep any pattern, however
/// hostile, from hanging or exhausting the page.
///
/// The engine is `regex-lite`, in the form and in the local API alike. It never backtracks, so
/// matching time grows linearly with the input whatever the pattern (`(a+)+$` is harmless). What
/// is left to bound is compilation: the pattern's length, how deeply it nests, and how large its
/// compiled program may grow (`a{5}{5}{5}{5}{5}{5}` asks for 15,625 states). Look-around and
/// backreferences are not supported, and the message says so. `\d`, `\w`, `\s`, `\b` and
/// `(?i)` are ASCII-only: `\d` is `[0-9]`.
#[derive(Clone, Debug)]
pub struct ValueRegex {
    source: String,
    /// Shared with the cache below, because cloning a `Regex` builds a fresh pool of matching
    /// caches: a pattern is cloned with the draft on every keystroke.
    compiled: Arc<Regex>,
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
    /// Not a pattern the engine can parse; says what is wrong in plain words.
    #[error("{0}")]
    Syntax(String),
    /// A Unicode property class such as `\p{Greek}`, which the pattern language lacks.
    #[error(
        "Unicode property classes such as \\p{{…}} are not supported: list the characters, \
         like [a-zA-Z], or use \\w, \\d or \\s"
    )]
    PropertyClass,
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
        let compiled = RECENT.with_borrow_mut(|recent| recent.compile(source))?;
        Ok(Self {
            source: source.to_owned(),
            compiled,
        })
    }
}

fn compile(source: &str) -> Result<Regex, PatternError> {
    RegexBuilder::new(source)
        .nest_limit(ValueRegex::NEST_LIMIT)
        .size_limit(ValueRegex::SIZE_LIMIT)
        .build()
        .map_err(|error| refusal(&error.to_string()))
}

/// The engine's reason for refusing a pattern, in the form's words.
///
/// `regex-lite` explains with fixed sentences and no position; the common ones are reworded
/// with what to type instead, and the rest are shown as the engine says them. The sentences are
/// those of the exact version Cargo.toml pins; a test refuses one pattern of each kind.
fn refusal(reason: &str) -> PatternError {
    let plain = match reason {
        "compiled regex exceeded size limit" => return PatternError::TooLarge,
        "Unicode character classes are not supported" => return PatternError::PropertyClass,
        "found open group without closing ')'" | "expected closing ')', but got end of pattern" => {
            "This pattern has an unclosed group: add the missing ), or write \\( to match a \
             bracket"
        }
        "found closing ')' without matching '('" => {
            "This pattern has a ) with no ( before it: write \\) to match a bracket"
        }
        "found unclosed character class"
        | "non-empty character class has no closing bracket"
        | "non-empty character class has no closing bracket after dash"
        | "negated character class has no closing bracket"
        | "character class begins with literal ']' but has no closing bracket" => {
            "This pattern has an unclosed [ class: add the missing ], or write \\[ to match a \
             bracket"
        }
        "uncounted repetition operator must be applied to a sub-expression"
        | "counted repetition operator must be applied to a sub-expression" => {
            "A repetition (*, +, ? or {n}) must follow what it repeats: write \\*, \\+ or \\? \
             to match the character itself"
        }
        "look-around is not supported" => {
            "Look-around such as (?=…) or (?<!…) is not supported: match the text itself"
        }
        "backreferences are not supported" => {
            "Backreferences such as \\1 are not supported: repeat the group's pattern instead"
        }
        "pattern has too much nesting" => {
            return PatternError::Syntax(format!(
                "This pattern nests groups and repetitions too deeply: at most {} levels",
                ValueRegex::NEST_LIMIT
            ));
        }
        "unrecognized escape sequence" => {
            "This pattern has an unknown escape such as \\q: write \\\\ to match a backslash"
        }
        other => {
            return PatternError::Syntax(format!("This is not a pattern the API can use: {other}"));
        }
    };
    PatternError::Syntax(plain.to_owned())
}

/// How many recently compiled patterns are kept per thread: more than a customer can have
/// mappings, so validating the largest draft on every keystroke never recompiles one.
const RECENT_CAPACITY: usize = super::input::MAX_MAPPINGS + 28;

/// The patterns compiled most recently on this thread, newest last.
///
/// The form validates the whole draft on every keystroke once a submit has failed, and
/// compiling a pattern costs far more than every other rule together, while the patterns
/// themselves rarely change between keystrokes. Compiling is deterministic, so answering from
/// here is indistinguishable from compiling again. Errors are not kept: they are cheap to find,
/// and a half-typed pattern is usually wrong only for a moment.
#[derive(Default)]
struct Recent {
    entries: Vec<(String, Arc<Regex>)>,
}

thread_local! {
    static RECENT: RefCell<Recent> = RefCell::default();
}

impl Recent {
    fn compile(&mut self, source: &str) -> Result<Arc<Regex>, PatternError> {
        if let Some(at) = self.entries.iter().position(|(known, _)| known == source) {
            let entry = self.entries.remove(at);
            let regex = Arc::clone(&entry.1);
            self.entries.push(entry);
            return Ok(regex);
        }
        let regex = Arc::new(compile(source)?);
        if self.entries.len() == RECENT_CAPACITY {
            self.entries.remove(0);
        }
        self.entries.push((source.to_owned(), Arc::clone(&regex)));
        Ok(regex)
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
    fn explains_refused_patterns_in_plain_words() {
        let deep = format!("{}a{}", "(".repeat(65), ")".repeat(65));
        let cases = [
            (
                "(unclosed",
                "This pattern has an unclosed group: add the missing )",
            ),
            ("a)", "This pattern has a ) with no ( before it"),
            ("[a-z", "This pattern has an unclosed [ class"),
            (
                "*a",
                "A repetition (*, +, ? or {n}) must follow what it repeats",
            ),
            (
                "a(?=b)",
                "Look-around such as (?=…) or (?<!…) is not supported",
            ),
            (r"(a)\1", "Backreferences such as \\1 are not supported"),
            (r"\q", "This pattern has an unknown escape such as \\q"),
            (
                deep.as_str(),
                "This pattern nests groups and repetitions too deeply: at most 64 levels",
            ),
            (
                "(?z)a",
                "This is not a pattern the API can use: unrecognized inline flag",
            ),
        ];
        for (pattern, start) in cases {
            let message = pattern.parse::<ValueRegex>().unwrap_err().to_string();
            assert!(message.starts_with(start), "{pattern}: {message}");
        }
    }

    #[test]
    fn recent_patterns_are_reused_and_old_ones_forgotten() {
        let mut recent = Recent::default();
        let first = recent.compile("^a$").unwrap();
        for i in 0..RECENT_CAPACITY - 1 {
            recent.compile(&format!("^b{i}$")).unwrap();
        }
        assert_eq!(recent.compile("^a$").unwrap().as_str(), first.as_str());
        assert_eq!(recent.entries.last().map(|(s, _)| s.as_str()), Some("^a$"));
        recent.compile("^new$").unwrap();
        assert_eq!(recent.entries.len(), RECENT_CAPACITY);
        assert!(
            recent.entries.iter().all(|(s, _)| s != "^b0$"),
            "the oldest was dropped"
        );
        assert!(recent.compile("(").is_err());
        assert_eq!(recent.entries.len(), RECENT_CAPACITY, "errors are not kept");
    }

    #[test]
    fn perl_classes_and_case_folding_are_ascii_and_property_classes_are_refused() {
        let digits: ValueRegex = r"^\d+$".parse().unwrap();
        assert!(digits.is_match("0123456789"));
        assert!(
            !digits.is_match("١٢٣"),
            "\\d is [0-9], not every Unicode digit"
        );
        let word: ValueRegex = r"^\w+$".parse().unwrap();
        assert!(word.is_match("cust_42"));
        assert!(!word.is_match("café"), "\\w is [0-9A-Za-z_]");
        let any: ValueRegex = "^caf.$".parse().unwrap();
        assert!(
            any.is_match("café"),
            ". matches a whole character, not a byte"
        );
        assert_eq!(any.find("café"), Some((0, 5)));
        let caseless: ValueRegex = "(?i)^acme-east$".parse().unwrap();
        assert!(caseless.is_match("ACME-East"));
        for pattern in [r"\p{Greek}", r"[\P{L}x]", r"\pL"] {
            let refused = pattern.parse::<ValueRegex>().unwrap_err();
            assert_eq!(refused, PatternError::PropertyClass, "{pattern}");
        }
        assert!(
            r"^a\\p$".parse::<ValueRegex>().is_ok(),
            "an escaped backslash before p is fine"
        );
        assert_eq!(
            PatternError::PropertyClass.to_string(),
            "Unicode property classes such as \\p{…} are not supported: list the characters, \
             like [a-zA-Z], or use \\w, \\d or \\s"
        );
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
