//! What the host page configures, read from the mount element's `data-*` attributes.
//!
//! Parsing is pure (it takes a lookup function), so every option is tested natively; the browser
//! side only supplies the element's attributes.

use std::time::Duration;

use serde_json::Value;

/// How the form's requests carry cookies, as `fetch`'s `credentials` option.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Cookies only to the page's own origin: the admin app's backend, the usual case.
    #[default]
    SameOrigin,
    /// Cookies to another origin too, for an API on a different host that allows it by CORS.
    Include,
    /// Never send cookies.
    Omit,
}

/// The colour scheme the form uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of the form's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A price plan the form offers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct PlanChoice {
    /// The plan's name, sent as `price_plan_name`.
    pub name: String,
    /// The name shown to people, when known.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// Every option a host page can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormConfig {
    /// Where the customers API lives; the form posts to `{api_base}/customers/`.
    pub api_base: String,
    /// Whether requests carry cookies.
    pub credentials: Credentials,
    /// Extra headers sent with every request, such as a CSRF token.
    pub headers: Vec<(String, String)>,
    /// The header to send a CSRF token in, read at send time from the meta tag named by
    /// [`FormConfig::csrf_meta`].
    pub csrf_header: Option<String>,
    /// The `name` of the `<meta>` tag that holds the CSRF token.
    pub csrf_meta: Option<String>,
    /// A bearer token sent as `Authorization`. For local development only: a key in a page can
    /// be read by anyone who can open that page.
    pub bearer_token: Option<String>,
    /// How long to wait for an answer before giving up.
    pub timeout: Duration,
    /// The `sessionStorage` key the draft is saved under.
    pub draft_key: String,
    /// The plans to offer, when the host page lists them instead of letting the form ask the API.
    pub price_plans: Option<Vec<PlanChoice>>,
    /// Light, dark, or following the system.
    pub theme: Theme,
}

/// The default time limit for one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// An option that was set but could not be used; the form still starts, with the default.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigWarning {
    /// `data-credentials` is not one of `same-origin`, `include`, `omit`.
    #[error("data-credentials=\"{0}\" is not same-origin, include or omit; using same-origin")]
    Credentials(String),
    /// `data-headers` is not a JSON object of header names to header values.
    #[error(
        "data-headers is not a JSON object of header names to strings that HTTP allows; \
         ignoring it"
    )]
    Headers,
    /// `data-csrf-header` is not a header name HTTP allows.
    #[error("data-csrf-header=\"{0}\" is not a header name; sending no CSRF header")]
    CsrfHeader(String),
    /// `data-timeout-ms` is not a whole number from 1000 to 120000.
    #[error("data-timeout-ms=\"{0}\" is not a number of milliseconds from 1000 to 120000")]
    Timeout(String),
    /// `price-plans` is neither a JSON list of plan names nor of `{"name", "display_name"}`.
    #[error("price-plans is not a JSON list of plan names or of {{\"name\", \"display_name\"}}")]
    PricePlans,
    /// `theme` is not `auto`, `light` or `dark`.
    #[error("theme=\"{0}\" is not auto, light or dark; following the system")]
    Theme(String),
    /// A bearer token is configured: fine on a developer's machine, never in production.
    #[error(
        "data-bearer-token is set: the API key is readable by anyone who can open this page. \
         Use it only for local development; in production let the backend hold the key"
    )]
    BearerToken,
}

impl FormConfig {
    /// Reads the options through `attribute`, which returns the value of a `data-*` attribute
    /// by its name without the `data-` prefix. `form_id` makes the draft key unique per form.
    pub fn from_attributes(
        attribute: impl Fn(&str) -> Option<String>,
        form_id: &str,
    ) -> (FormConfig, Vec<ConfigWarning>) {
        let mut warnings = Vec::new();
        let text = |name: &str| {
            attribute(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let api_base = text("api-base").unwrap_or_else(|| "/api".to_owned());
        let credentials = match text("credentials").as_deref() {
            None | Some("same-origin") => Credentials::SameOrigin,
            Some("include") => Credentials::Include,
            Some("omit") => Credentials::Omit,
            Some(other) => {
                warnings.push(ConfigWarning::Credentials(other.to_owned()));
                Credentials::SameOrigin
            }
        };
        let headers = match text("headers").map(|json| parse_headers(&json)) {
            None => Vec::new(),
            Some(Some(headers)) => headers,
            Some(None) => {
                warnings.push(ConfigWarning::Headers);
                Vec::new()
            }
        };
        let timeout = match text("timeout-ms") {
            None => DEFAULT_TIMEOUT,
            Some(ms) => match ms.parse::<u64>() {
                Ok(ms @ 1000..=120_000) => Duration::from_millis(ms),
                _ => {
                    warnings.push(ConfigWarning::Timeout(ms));
                    DEFAULT_TIMEOUT
                }
            },
        };
        let csrf_header = text("csrf-header").filter(|name| {
            let valid = is_header_name(name);
            if !valid {
                warnings.push(ConfigWarning::CsrfHeader(name.clone()));
            }
            valid
        });
        let bearer_token = text("bearer-token");
        if bearer_token.is_some() {
            warnings.push(ConfigWarning::BearerToken);
        }
        let price_plans = text("price-plans").and_then(|json| {
            let plans = parse_plans(&json);
            if plans.is_none() {
                warnings.push(ConfigWarning::PricePlans);
            }
            plans
        });
        let theme = match text("theme").as_deref() {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(other) => {
                warnings.push(ConfigWarning::Theme(other.to_owned()));
                Theme::Auto
            }
        };
        let draft_key = match text("draft-key") {
            Some(key) => key,
            None => format!("customer-signup-draft:{form_id}"),
        };
        let config = FormConfig {
            api_base: api_base.trim_end_matches('/').to_owned(),
            credentials,
            headers,
            csrf_header,
            csrf_meta: text("csrf-meta"),
            bearer_token,
            timeout,
            draft_key,
            price_plans,
            theme,
        };
        (config, warnings)
    }

    /// The URL of an API path such as `customers/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.api_base, path.trim_start_matches('/'))
    }
}

impl Default for FormConfig {
    fn default() -> Self {
        FormConfig::from_attributes(|_| None, "customer-signup").0
    }
}

/// Reads `["starter", …]` or `[{"name": "starter", "display_name": "Starter"}, …]`.
fn parse_plans(json: &str) -> Option<Vec<PlanChoice>> {
    let Value::Array(items) = crate::json::parse(json)? else {
        return None;
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(name) => Some(PlanChoice {
                name,
                display_name: None,
            }),
            plan => serde_json::from_value(plan).ok(),
        })
        .collect()
}

/// Reads `{"Header-Name": "value", …}`; `None` unless every name is a header name and every
/// value a string that can be a header's value, so that the browser never refuses a request
/// over them.
fn parse_headers(json: &str) -> Option<Vec<(String, String)>> {
    let Value::Object(map) = crate::json::parse(json)? else {
        return None;
    };
    map.into_iter()
        .map(|(name, value)| {
            let value = value.as_str()?;
            let allowed = is_header_name(&name) && is_header_value(value);
            allowed.then(|| (name, value.to_owned()))
        })
        .collect()
}

/// Whether `value` can be sent as a header's value: visible ASCII, spaces and tabs only. The
/// browser refuses line breaks and anything past U+00FF outright, and RFC 9110 asks for ASCII.
pub(crate) fn is_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b.is_ascii_graphic() || b == b' ' || b == b'\t')
}

/// Whether `name` is an HTTP field name: one or more of the token characters of RFC 9110.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (FormConfig, Vec<ConfigWarning>) {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        FormConfig::from_attributes(|name| map.get(name).cloned(), "signup")
    }

    #[test]
    fn defaults_post_to_the_same_origin_api() {
        let (config, warnings) = read(&[]);
        assert_eq!(config.url("customers/"), "/api/customers/");
        assert_eq!(config.credentials, Credentials::SameOrigin);
        assert_eq!(config.timeout, DEFAULT_TIMEOUT);
        assert_eq!(config.draft_key, "customer-signup-draft:signup");
        assert!(config.headers.is_empty() && config.bearer_token.is_none());
        assert!(warnings.is_empty());
    }

    #[test]
    fn reads_every_option() {
        let (config, warnings) = read(&[
            ("api-base", "https://billing.example.com/admin/api/"),
            ("credentials", "include"),
            ("headers", r#"{"X-CSRF-Token": "abc", "X-Tenant": "t1"}"#),
            ("csrf-header", "X-CSRFToken"),
            ("csrf-meta", "csrf-token"),
            ("timeout-ms", "5000"),
            ("draft-key", "my-draft"),
            (
                "price-plans",
                r#"["starter", {"name": "pro", "display_name": "Pro"}]"#,
            ),
            ("theme", "dark"),
        ]);
        assert_eq!(
            config.url("/customers/"),
            "https://billing.example.com/admin/api/customers/"
        );
        assert_eq!(config.credentials, Credentials::Include);
        assert_eq!(
            config.headers,
            [
                ("X-CSRF-Token".into(), "abc".into()),
                ("X-Tenant".into(), "t1".into())
            ]
        );
        assert_eq!(config.csrf_header.as_deref(), Some("X-CSRFToken"));
        assert_eq!(config.csrf_meta.as_deref(), Some("csrf-token"));
        assert_eq!(config.timeout, Duration::from_secs(5));
        assert_eq!(config.draft_key, "my-draft");
        let plans = config.price_plans.unwrap();
        assert_eq!(
            plans[0],
            PlanChoice {
                name: "starter".into(),
                display_name: None
            }
        );
        assert_eq!(plans[1].display_name.as_deref(), Some("Pro"));
        assert_eq!(config.theme, Theme::Dark);
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_options_fall_back_to_defaults_with_a_warning() {
        let (config, warnings) = read(&[
            ("credentials", "always"),
            ("headers", "X-CSRF-Token: abc"),
            ("timeout-ms", "50"),
            ("price-plans", "starter"),
            ("theme", "purple"),
        ]);
        assert_eq!(
            config,
            FormConfig {
                draft_key: config.draft_key.clone(),
                ..FormConfig::default()
            }
        );
        assert_eq!(
            warnings,
            [
                ConfigWarning::Credentials("always".into()),
                ConfigWarning::Headers,
                ConfigWarning::Timeout("50".into()),
                ConfigWarning::PricePlans,
                ConfigWarning::Theme("purple".into()),
            ]
        );
    }

    #[test]
    fn headers_the_browser_would_refuse_are_not_taken() {
        for headers in [
            r#"{"X CSRF": "abc"}"#,
            r#"{"": "abc"}"#,
            r#"{"X-Tenant": "t1\r\nX-Admin: yes"}"#,
            r#"{"X-City": "Łódź"}"#,
            r#"{"X-Tenant": 1}"#,
        ] {
            let (config, warnings) = read(&[("headers", headers)]);
            assert!(config.headers.is_empty(), "{headers}");
            assert_eq!(warnings, [ConfigWarning::Headers], "{headers}");
        }
        let (config, warnings) = read(&[("csrf-header", "X CSRF"), ("csrf-meta", "csrf")]);
        assert_eq!(config.csrf_header, None);
        assert_eq!(warnings, [ConfigWarning::CsrfHeader("X CSRF".into())]);
        let (config, _) = read(&[("headers", r#"{"X-Request-Id!": "a b;c"}"#)]);
        assert_eq!(config.headers, [("X-Request-Id!".into(), "a b;c".into())]);
    }

    #[test]
    fn a_bearer_token_is_used_but_flagged_as_development_only() {
        let (config, warnings) = read(&[("bearer-token", "dev-key")]);
        assert_eq!(config.bearer_token.as_deref(), Some("dev-key"));
        assert_eq!(warnings, [ConfigWarning::BearerToken]);
        assert!(
            !warnings[0].to_string().contains("dev-key"),
            "the warning never shows the key"
        );
    }
}
