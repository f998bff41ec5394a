//! JSON text to and from [`serde_json::Value`], for the form's own data: request bodies, answers,
//! the saved draft and the host page's options.
//!
//! Natively this is serde_json's parser and writer. In the browser it is the browser's own
//! `JSON.parse` and `JSON.stringify`, walked into and out of a `Value`: serde_json's text parser
//! and writer cost 21 kB of the bundle (10 kB gzip), and the page already has both.
//!
//! For what the form writes (request bodies and drafts: objects whose keys are names, never
//! numbers) both write the same text, keys in insertion order with the same escapes, which the
//! browser tests check against serde_json. Two differences remain, neither of which the form
//! meets: JavaScript lists integer-like keys (`"0"`, `"10"`) first, and its numbers are doubles,
//! so a whole number such as `1e3` reads as the integer 1000 and integers past 2^53 lose
//! precision.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How many arrays and objects may nest, as many as serde_json's own parser reads: deeper
/// documents are refused rather than walked, so a hostile answer cannot exhaust the stack.
#[cfg(target_arch = "wasm32")]
const MAX_DEPTH: usize = 127;

/// The value `text` holds, or `None` when it is not JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

/// The value `text` holds, or `None` when it is not JSON.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Option<Value> {
    let parsed = js_sys::JSON::parse(text).ok()?;
    browser::from_js(&parsed, 0)
}

/// `value` as compact JSON text.
#[cfg(not(target_arch = "wasm32"))]
pub fn write(value: &Value) -> String {
    value.to_string()
}

/// `value` as compact JSON text.
#[cfg(target_arch = "wasm32")]
pub fn write(value: &Value) -> String {
    js_sys::JSON::stringify(&to_js(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// `T` read from `text`, or `None` when `text` is not JSON of that shape.
pub fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(parse(text)?).ok()
}

/// `value` as compact JSON text, its fields in the order they are declared.
pub fn to_text<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .map(|value| write(&value))
        .unwrap_or_default()
}

/// `value` as a JavaScript value, for events the host page reads.
#[cfg(target_arch = "wasm32")]
pub fn to_js(value: &Value) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsValue;
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => JsValue::from_f64(number.as_f64().unwrap_or(f64::NAN)),
        Value::String(text) => JsValue::from_str(text),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(map) => {
            // Through `Object.fromEntries`, which defines each key as an own property: setting
            // them one by one would make a `__proto__` key the object's prototype instead.
            let entries = map
                .iter()
                .map(|(key, item)| js_sys::Array::of2(&JsValue::from_str(key), &to_js(item)));
            let entries: js_sys::Array = entries.collect();
            js_sys::Object::from_entries(&entries).map_or(JsValue::NULL, JsValue::from)
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Object};
    use serde_json::{Map, Number, Value};
    use wasm_bindgen::{JsCast, JsValue};

    use super::MAX_DEPTH;

    /// What `JSON.parse` gave, as a `Value`, inside `depth` arrays and objects; `None` when
    /// arrays and objects nest deeper than [`MAX_DEPTH`].
    pub(super) fn from_js(value: &JsValue, depth: usize) -> Option<Value> {
        if let Some(text) = value.as_string() {
            return Some(Value::String(text));
        }
        if let Some(flag) = value.as_bool() {
            return Some(Value::Bool(flag));
        }
        if let Some(number) = value.as_f64() {
            return Some(number_value(number));
        }
        let is_array = Array::is_array(value);
        if (is_array || value.is_object()) && depth >= MAX_DEPTH {
            return None;
        }
        if is_array {
            let array = Array::from(value);
            let items = array.iter().map(|item| from_js(&item, depth + 1));
            return items.collect::<Option<Vec<_>>>().map(Value::Array);
        }
        if value.is_object() {
            let mut map = Map::new();
            for entry in Object::entries(value.unchecked_ref()).iter() {
                let entry: Array = entry.unchecked_into();
                let key = entry.get(0).as_string()?;
                map.insert(key, from_js(&entry.get(1), depth + 1)?);
            }
            return Some(Value::Object(map));
        }
        Some(Value::Null)
    }

    /// A whole number that a double holds exactly as an integer, as the answers the form reads
    /// write their codes; anything else as a float.
    fn number_value(number: f64) -> Value {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: larger floats are not exact
        if number.fract() == 0.0 && number.abs() < EXACT {
            // Exact: the checks above keep the cast in range and whole.
            #[allow(clippy::cast_possible_truncation)]
            let whole = number as i64;
            return Value::from(whole);
        }
        Number::from_f64(number).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_fields_in_declared_order_as_serde_json_does() {
        #[derive(Serialize)]
        struct Body {
            zeta: &'static str,
            alpha: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            missing: Option<u8>,
            list: Vec<&'static str>,
        }
        let body = Body {
            zeta: "line\nbreak \"quoted\" \u{1}",
            alpha: Some(true),
            missing: None,
            list: vec!["é", "</script>"],
        };
        assert_eq!(to_text(&body), serde_json::to_string(&body).unwrap());
        assert_eq!(
            to_text(&body),
            r#"{"zeta":"line\nbreak \"quoted\" \u0001","alpha":true,"list":["é","</script>"]}"#
        );
    }

    #[test]
    fn reads_shapes_and_refuses_what_is_not_json() {
        let names: Option<Vec<String>> = read(r#"["a", "b"]"#);
        assert_eq!(names, Some(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(read::<Vec<String>>(r#"{"a": 1}"#), None);
        assert_eq!(parse("<html>"), None);
        assert_eq!(parse(r#"{"code": 422}"#).unwrap()["code"], 422);
    }
}
