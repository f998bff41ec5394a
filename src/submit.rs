//! What an answer to `POST /customers/` means for the admin, and when a retry may reuse the
//! idempotency key. Pure logic with no web dependencies, so it is tested natively; the fetch
//! client hands it the status, headers and body it received.

use serde_json::Value;

use crate::domain::{ErrorEnvelope, FieldErrors};
use crate::json;

/// The customer the API created, as much of it as the form shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatedCustomer {
    /// The customer ID.
    pub name: String,
    /// The display name, which the API defaults to the ID.
    pub display_name: String,
    /// The whole answer, for the host page's `customer-created` event.
    pub body: Value,
}

/// Why a submission did not create a customer.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SubmitError {
    /// `400` or `422`: the API refused some fields; their messages go to the fields.
    #[error("the API refused the customer ({status})")]
    Rejected {
        /// The HTTP status.
        status: u16,
        /// Problems at fields.
        fields: FieldErrors,
        /// Problems at no field, or at fields the form does not have.
        message: Option<String>,
    },
    /// `409`: a customer with this ID exists.
    #[error("the customer ID is taken")]
    Duplicate {
        /// The API's messages, normally one at `name`.
        fields: FieldErrors,
    },
    /// `401`: no valid session or key.
    #[error("not signed in")]
    Unauthorized,
    /// `403`: signed in, but not allowed to create customers.
    #[error("not allowed")]
    Forbidden,
    /// `429`: too many requests.
    #[error("rate limited")]
    RateLimited {
        /// Seconds to wait, when the API said.
        retry_after_secs: Option<u32>,
    },
    /// `5xx`: the server or a proxy in front of it failed.
    #[error("server error {status}")]
    Server {
        /// The HTTP status.
        status: u16,
    },
    /// An answer the form cannot read: a success whose body is not a customer, or a status the
    /// API never sends.
    #[error("unreadable answer {status}")]
    Unreadable {
        /// The HTTP status.
        status: u16,
    },
    /// The request never got an answer: offline, DNS, connection dropped, CORS refused.
    #[error("network failure")]
    Network,
    /// No answer within the time limit; the request was aborted.
    #[error("timed out")]
    Timeout,
}

impl SubmitError {
    /// Whether sending the same body again with the same idempotency key is safe and might
    /// succeed: the API either did nothing or will replay what it did.
    pub fn retry_is_safe(&self) -> bool {
        matches!(
            self,
            SubmitError::RateLimited { .. }
                | SubmitError::Server { .. }
                | SubmitError::Unreadable { .. }
                | SubmitError::Network
                | SubmitError::Timeout
        )
    }

    /// A stable name for this kind of failure, for the host page's `customer-create-failed`
    /// event.
    pub fn kind(&self) -> &'static str {
        match self {
            SubmitError::Rejected { .. } => "rejected",
            SubmitError::Duplicate { .. } => "duplicate",
            SubmitError::Unauthorized => "unauthorized",
            SubmitError::Forbidden => "forbidden",
            SubmitError::RateLimited { .. } => "rate-limited",
            SubmitError::Server { .. } => "server",
            SubmitError::Unreadable { .. } => "unreadable",
            SubmitError::Network => "network",
            SubmitError::Timeout => "timeout",
        }
    }

    /// The problems to show at fields.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            SubmitError::Rejected { fields, .. } | SubmitError::Duplicate { fields } => {
                Some(fields)
            }
            _ => None,
        }
    }

    /// What the admin reads at the top of the form, in plain words.
    pub fn message(&self) -> String {
        match self {
            SubmitError::Rejected {
                message: Some(message),
                ..
            } => {
                format!("The customer was not created: {message}")
            }
            SubmitError::Rejected { .. } => {
                "The customer was not created. Correct the fields marked below.".into()
            }
            SubmitError::Duplicate { .. } => {
                "The customer was not created: that customer ID is already taken.".into()
            }
            SubmitError::Unauthorized => "The customer was not created: your session was not \
                 accepted. Sign in again in another tab, then try again; what you typed is kept."
                .into(),
            SubmitError::Forbidden => "The customer was not created: your account is not allowed \
                 to create customers. Ask an administrator for access."
                .into(),
            SubmitError::RateLimited {
                retry_after_secs: Some(secs),
            } => format!(
                "Too many requests just now. Wait {secs} second{} and try again; nothing was \
                 created.",
                if *secs == 1 { "" } else { "s" }
            ),
            SubmitError::RateLimited {
                retry_after_secs: None,
            } => "Too many requests just now. Wait a moment and try again; nothing was created."
                .into(),
            SubmitError::Server { status } => format!(
                "The server had a problem (error {status}). Try again: it is safe, the customer \
                 will not be created twice."
            ),
            SubmitError::Unreadable { status } => format!(
                "The server's answer could not be read (status {status}). The customer may have \
                 been created: try again to find out, it will not be created twice."
            ),
            SubmitError::Network => "The server could not be reached. Check your connection and \
                 try again: it is safe, the customer will not be created twice."
                .into(),
            SubmitError::Timeout => "The server did not answer in time. Try again: it is safe, \
                 the customer will not be created twice."
                .into(),
        }
    }
}

/// Reads an answer to `POST /customers/`.
///
/// `retry_after` is the `Retry-After` header when there was one. A body that is not the API's
/// JSON (a proxy's HTML page, a cut-off answer) never panics and never reaches the page as
/// markup: only the status decides, and the envelope's parts are used when they are there.
pub fn read_answer(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<CreatedCustomer, SubmitError> {
    match status {
        200..=299 => created(body).ok_or(SubmitError::Unreadable { status }),
        400 | 422 => {
            let envelope = ErrorEnvelope::parse(body);
            let message = (!envelope.elsewhere.is_empty())
                .then(|| envelope.elsewhere.to_string())
                .or_else(|| {
                    envelope
                        .fields
                        .is_empty()
                        .then_some(envelope.message)
                        .flatten()
                });
            Err(SubmitError::Rejected {
                status,
                fields: envelope.fields,
                message,
            })
        }
        409 => Err(SubmitError::Duplicate {
            fields: ErrorEnvelope::parse(body).fields,
        }),
        401 => Err(SubmitError::Unauthorized),
        403 => Err(SubmitError::Forbidden),
        429 => Err(SubmitError::RateLimited {
            retry_after_secs: retry_after.and_then(|v| v.trim().parse().ok()),
        }),
        500..=599 => Err(SubmitError::Server { status }),
        _ => Err(SubmitError::Unreadable { status }),
    }
}

fn created(body: &str) -> Option<CreatedCustomer> {
    let value = json::parse(body)?;
    let name = value.get("name")?.as_str()?.to_owned();
    let display_name = value
        .get("display_name")
        .and_then(Value::as_str)
        .unwrap_or(&name)
        .to_owned();
    Some(CreatedCustomer {
        name,
        display_name,
        body: value,
    })
}

/// The body and idempotency key of the last submission that may be retried.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attempt {
    body: String,
    key: String,
}

impl Attempt {
    /// The key to send `body` with: the last attempt's key when the body is byte-identical to
    /// it (a retry), a fresh one from `new_key` otherwise (any field changed).
    pub fn key_for(
        last: Option<&Attempt>,
        body: &str,
        new_key: impl FnOnce() -> String,
    ) -> Attempt {
        match last {
            Some(last) if last.body == body => last.clone(),
            _ => Attempt {
                body: body.to_owned(),
                key: new_key(),
            },
        }
    }

    /// The body to send.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The idempotency key to send it with.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Formats 16 random bytes as a version 4 UUID, the shape idempotency keys take.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_success_gives_the_created_customer() {
        let body = r#"{"name": "customer_1", "display_name": "Customer 1"}"#;
        let created = read_answer(200, None, body).unwrap();
        assert_eq!(
            (created.name.as_str(), created.display_name.as_str()),
            ("customer_1", "Customer 1")
        );
        let created = read_answer(201, None, r#"{"name": "acme"}"#).unwrap();
        assert_eq!(created.display_name, "acme");
    }

    #[test]
    fn a_success_that_cannot_be_read_may_be_retried() {
        for body in [r#"{"name": "customer_1", "displ"#, "<html>OK</html>", "{}"] {
            let error = read_answer(200, None, body).unwrap_err();
            assert_eq!(error, SubmitError::Unreadable { status: 200 });
            assert!(error.retry_is_safe());
        }
    }

    #[test]
    fn a_422_puts_messages_at_fields() {
        let body = r#"{"code": 422, "message": "Invalid.",
            "errors": {"json": {"contact_info": {"email": ["Bad email."]}}}}"#;
        let error = read_answer(422, None, body).unwrap_err();
        let fields = error.field_errors().unwrap();
        assert_eq!(
            fields.first_at(&"contact_info.email".into()),
            Some("Bad email.")
        );
        assert!(!error.retry_is_safe());
        assert_eq!(
            error.message(),
            "The customer was not created. Correct the fields marked below."
        );
    }

    #[test]
    fn a_400_without_fields_shows_the_servers_message() {
        let body = r#"{"code": 400, "message": "The request body is not valid JSON."}"#;
        let error = read_answer(400, None, body).unwrap_err();
        assert_eq!(
            error.message(),
            "The customer was not created: The request body is not valid JSON."
        );
    }

    #[test]
    fn a_409_is_a_duplicate_at_name() {
        let body = r#"{"errors": {"json": {"name": ["Taken."]}}}"#;
        let error = read_answer(409, None, body).unwrap_err();
        assert_eq!(
            error.field_errors().unwrap().first_at(&"name".into()),
            Some("Taken.")
        );
        assert!(error.message().contains("already taken"));
    }

    #[test]
    fn each_failure_has_its_own_outcome() {
        let cases = [
            (401, SubmitError::Unauthorized, false),
            (403, SubmitError::Forbidden, false),
            (
                429,
                SubmitError::RateLimited {
                    retry_after_secs: Some(2),
                },
                true,
            ),
            (500, SubmitError::Server { status: 500 }, true),
            (502, SubmitError::Server { status: 502 }, true),
            (302, SubmitError::Unreadable { status: 302 }, true),
            (418, SubmitError::Unreadable { status: 418 }, true),
        ];
        for (status, expected, safe) in cases {
            let error = read_answer(status, Some("2"), "<html><h1>Oops</h1></html>").unwrap_err();
            assert_eq!(error, expected, "{status}");
            assert!(!error.kind().is_empty() && !error.kind().contains(' '));
            assert_eq!(error.retry_is_safe(), safe, "{status}");
        }
        assert_eq!(
            SubmitError::RateLimited {
                retry_after_secs: Some(2)
            }
            .message(),
            "Too many requests just now. Wait 2 seconds and try again; nothing was created."
        );
    }

    #[test]
    fn server_failures_say_retrying_is_safe() {
        for error in [
            SubmitError::Server { status: 502 },
            SubmitError::Network,
            SubmitError::Timeout,
        ] {
            assert!(
                error.message().contains("will not be created twice"),
                "{error:?}"
            );
        }
    }

    #[test]
    fn a_retry_of_the_same_body_reuses_the_key_and_a_change_replaces_it() {
        let mut counter = 0;
        let mut fresh = || {
            counter += 1;
            format!("key-{counter}")
        };
        let first = Attempt::key_for(None, "{\"name\":\"a\"}", &mut fresh);
        let retry = Attempt::key_for(Some(&first), "{\"name\":\"a\"}", &mut fresh);
        let changed = Attempt::key_for(Some(&first), "{\"name\":\"b\"}", &mut fresh);
        assert_eq!(
            (first.key(), retry.key(), changed.key()),
            ("key-1", "key-1", "key-2")
        );
        assert_eq!(changed.body(), "{\"name\":\"b\"}");
    }

    #[test]
    fn keys_are_version_4_uuids() {
        let key = uuid_v4([0xff; 16]);
        assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let key = uuid_v4([0; 16]);
        assert_eq!(key, "00000000-0000-4000-8000-000000000000");
    }
}
