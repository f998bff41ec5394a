//! Validation errors keyed by wire path, in the shape of the API's `errors.json` object.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Where a problem is, as the path of keys to it in the request body.
///
/// List items are addressed by their index, written as a string key just as the API writes
/// them: `measurement_mappings.2.value_regex`. The empty path stands for the whole request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Vec<String>);

impl FieldPath {
    /// The path of the whole request, for problems that belong to no one field.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// A path from its keys, outermost first.
    pub fn new<I, S>(keys: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self(keys.into_iter().map(Into::into).collect())
    }

    /// This path with one more key at the end.
    pub fn join(&self, key: impl Into<String>) -> Self {
        let mut keys = self.0.clone();
        keys.push(key.into());
        Self(keys)
    }

    /// The keys, outermost first.
    pub fn keys(&self) -> &[String] {
        &self.0
    }

    /// Whether this path is `prefix` or lies inside it.
    pub fn starts_with(&self, prefix: &FieldPath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// Whether this is the path of the whole request.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

impl From<&str> for FieldPath {
    /// Splits a dotted path such as `contact_info.email`.
    fn from(dotted: &str) -> Self {
        if dotted.is_empty() {
            return Self::root();
        }
        Self::new(dotted.split('.'))
    }
}

/// Every problem found in one request, in the order they were found.
///
/// Serialises to the API's `errors.json` object: nested objects for nested fields, list items
/// under their index as a string key, and a list of messages at each leaf. Problems with the
/// request as a whole sit under `_schema`, as marshmallow puts them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    entries: Vec<(FieldPath, String)>,
}

/// The key marshmallow uses for a problem that belongs to an object rather than one of its fields.
pub const SCHEMA_KEY: &str = "_schema";

impl FieldErrors {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem at `path`.
    pub fn push(&mut self, path: FieldPath, message: impl Into<String>) {
        self.entries.push((path, message.into()));
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many problems were recorded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every problem with its path, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = (&FieldPath, &str)> {
        self.entries
            .iter()
            .map(|(path, message)| (path, message.as_str()))
    }

    /// The messages recorded at exactly `path`.
    pub fn at<'a>(&'a self, path: &'a FieldPath) -> impl Iterator<Item = &'a str> + 'a {
        self.iter().filter(move |(p, _)| *p == path).map(|(_, m)| m)
    }

    /// The first message at exactly `path`, if any.
    pub fn first_at(&self, path: &FieldPath) -> Option<&str> {
        self.entries
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, m)| m.as_str())
    }

    /// Moves every problem of `other` into this one, under `prefix`.
    pub fn extend_under(&mut self, prefix: &FieldPath, other: FieldErrors) {
        for (path, message) in other.entries {
            let mut keys = prefix.0.clone();
            keys.extend(path.0);
            self.entries.push((FieldPath(keys), message));
        }
    }

    /// `Ok(value)` when nothing was recorded, otherwise these errors.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Reads an `errors.json`-shaped value, whatever it holds.
    ///
    /// Objects nest, lists of strings are messages, a bare string is one message, and `_schema`
    /// keys belong to the object that holds them. Anything else (numbers, `null`, lists of
    /// objects) is kept as its JSON text at that path rather than dropped, so no problem the
    /// server reported goes unseen.
    pub fn from_json(value: &Value) -> Self {
        let mut errors = Self::new();
        errors.read_value(FieldPath::root(), value);
        errors
    }

    fn read_value(&mut self, path: FieldPath, value: &Value) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let inner_path = if key == SCHEMA_KEY {
                        path.clone()
                    } else {
                        path.join(key.as_str())
                    };
                    self.read_value(inner_path, inner);
                }
            }
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::String(message) => self.push(path.clone(), message.as_str()),
                        other => self.read_value(path.clone(), other),
                    }
                }
            }
            Value::String(message) => self.push(path, message.as_str()),
            Value::Null => {}
            other => self.push(path, other.to_string()),
        }
    }

    /// Builds the nested `errors.json` value.
    pub fn to_json(&self) -> Value {
        let mut root = serde_json::Map::new();
        for (path, message) in &self.entries {
            insert_message(&mut root, path.keys(), message);
        }
        Value::Object(root)
    }
}

/// Puts `message` into the list at `keys` inside `node`, creating objects on the way.
fn insert_message(node: &mut serde_json::Map<String, Value>, keys: &[String], message: &str) {
    let (key, rest) = match keys.split_first() {
        Some((key, rest)) => (key.as_str(), rest),
        None => (SCHEMA_KEY, &[][..]),
    };
    let slot = node.entry(key.to_owned()).or_insert_with(|| {
        if rest.is_empty() {
            Value::Array(Vec::new())
        } else {
            Value::Object(Default::default())
        }
    });
    match (slot, rest.is_empty()) {
        (Value::Array(list), true) => list.push(Value::String(message.to_owned())),
        (Value::Object(inner), false) => insert_message(inner, rest, message),
        // A field that has messages of its own and also problems inside it: the inner ones go
        // under `_schema`'s sibling keys, and its own under `_schema`.
        (Value::Object(inner), true) => insert_message(inner, &[], message),
        (slot @ Value::Array(_), false) => {
            let own = std::mem::take(slot);
            let mut inner = serde_json::Map::new();
            inner.insert(SCHEMA_KEY.to_owned(), own);
            insert_message(&mut inner, rest, message);
            *slot = Value::Object(inner);
        }
        _ => unreachable!("error slots are only ever lists or objects"),
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (path, message)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if path.is_root() {
                write!(f, "{message}")?;
            } else {
                write!(f, "{path}: {message}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

impl Serialize for FieldErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_json() {
            Value::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (key, value) in &map {
                    out.serialize_entry(key, value)?;
                }
                out.end()
            }
            other => other.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for FieldErrors {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(|value| Self::from_json(&value))
    }
}

/// An error answer from the customers API: the flask-smorest envelope, read leniently.
///
/// `{"code": 422, "status": "Unprocessable Entity", "message": "…", "errors": {"json": {…}}}`.
/// Every part may be missing, and the body may not be JSON at all (a proxy's HTML page), so
/// each part is optional and [`ErrorEnvelope::parse`] never fails.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorEnvelope {
    /// The HTTP status the body claims, when it names one.
    pub code: Option<u16>,
    /// The status text, such as `Unprocessable Entity`.
    pub status: Option<String>,
    /// The server's one-line summary.
    pub message: Option<String>,
    /// Problems at fields of the request body (the `json` location).
    pub fields: FieldErrors,
    /// Problems reported at other locations (`query`, `headers`, …), with the location as the
    /// first key of their path.
    pub elsewhere: FieldErrors,
}

/// Where flask-smorest puts problems with the JSON body.
const JSON_LOCATION: &str = "json";

impl ErrorEnvelope {
    /// Reads an error body. What cannot be understood is left out, never an error.
    ///
    /// The text is parsed by [`crate::json::parse`]: the browser's own parser in the bundle.
    pub fn parse(body: &str) -> Self {
        match crate::json::parse(body) {
            Some(Value::Object(map)) => Self::from_object(&map),
            _ => Self::default(),
        }
    }

    fn from_object(map: &serde_json::Map<String, Value>) -> Self {
        let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_owned);
        let mut envelope = Self {
            code: map
                .get("code")
                .and_then(Value::as_u64)
                .and_then(|c| u16::try_from(c).ok()),
            status: text("status"),
            message: text("message"),
            ..Self::default()
        };
        match map.get("errors") {
            Some(Value::Object(locations)) => {
                for (location, value) in locations {
                    let found = FieldErrors::from_json(value);
                    if location == JSON_LOCATION {
                        envelope.fields.extend_under(&FieldPath::root(), found);
                    } else {
                        envelope
                            .elsewhere
                            .extend_under(&FieldPath::new([location.as_str()]), found);
                    }
                }
            }
            Some(other) => envelope.elsewhere = FieldErrors::from_json(other),
            None => {}
        }
        envelope
    }

    /// The envelope the API sends for `code`, with its standard status text.
    pub fn new(code: u16, message: impl Into<String>) -> Self {
        Self {
            code: Some(code),
            status: Some(status_text(code).to_owned()),
            message: Some(message.into()),
            ..Self::default()
        }
    }

    /// The same envelope carrying field errors under `errors.json`.
    pub fn with_fields(mut self, fields: FieldErrors) -> Self {
        self.fields = fields;
        self
    }

    /// The envelope as the API writes it.
    pub fn to_json(&self) -> Value {
        let mut map = serde_json::Map::new();
        if let Some(code) = self.code {
            map.insert("code".into(), code.into());
        }
        if let Some(status) = &self.status {
            map.insert("status".into(), status.as_str().into());
        }
        if let Some(message) = &self.message {
            map.insert("message".into(), message.as_str().into());
        }
        if !self.fields.is_empty() || !self.elsewhere.is_empty() {
            let mut errors = match self.elsewhere.to_json() {
                Value::Object(map) => map,
                _ => serde_json::Map::new(),
            };
            if !self.fields.is_empty() {
                errors.insert(JSON_LOCATION.into(), self.fields.to_json());
            }
            map.insert("errors".into(), Value::Object(errors));
        }
        Value::Object(map)
    }
}

/// The reason phrase of the statuses the API uses.
fn status_text(code: u16) -> &'static str {
    match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    }
}
