//! Web addresses: a customer's website and the URL of its logo.

use std::str::FromStr;

use serde::Serialize;

/// The most characters a web address may have; longer ones break in too many browsers and
/// proxies to be worth storing.
pub const MAX_URL_CHARS: usize = 2048;

/// A customer's website: a bare domain such as `customer1.com` (the product page's own
/// example), optionally with a port and path, or an `http://` or `https://` URL.
///
/// Any other scheme is refused, `javascript:` and `data:` above all, because the address is
/// shown as a link in admin pages. The host must be a domain name with a dot, not an IP
/// address or a user name and password (`https://bank.com@evil.example`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Website(String);

/// The address of the customer's logo: an `http://` or `https://` URL, since it is loaded by
/// browsers as an image.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct LogoUrl(String);

impl Website {
    /// The address as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl LogoUrl {
    /// The address as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a web address was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// A scheme other than http or https in a website.
    #[error("Enter a website like customer1.com or https://customer1.com")]
    WebsiteScheme,
    /// A logo address that does not start with http(s)://.
    #[error("Enter the logo's full address, starting with https://")]
    LogoScheme,
    /// White space or a control character inside the address.
    #[error("A web address cannot contain spaces")]
    Space,
    /// A user name or password before the host.
    #[error("Remove the part before “@”: a web address starts with its domain")]
    UserInfo,
    /// A host that is not a domain name with a dot.
    #[error("Enter a domain name with a dot, like customer1.com")]
    Host,
    /// A port that is not a number from 1 to 65535.
    #[error("The port after “:” must be a number from 1 to 65535")]
    Port,
    /// Longer than [`MAX_URL_CHARS`].
    #[error("A web address must be 2048 characters or fewer (it has {0})")]
    TooLong(usize),
}

/// Splits `address` into its scheme (lowercased, when it has one) and the rest.
fn split_scheme(address: &str) -> (Option<String>, &str) {
    if let Some((scheme, rest)) = address.split_once("://") {
        return (Some(scheme.to_ascii_lowercase()), rest);
    }
    // `customer1.com:8080/x` has a colon too, but what follows it is a port number.
    let head = address.split(['/', '?', '#']).next().unwrap_or_default();
    match head.split_once(':') {
        Some((scheme, port)) if !port.chars().all(|c| c.is_ascii_digit()) || port.is_empty() => {
            (Some(scheme.to_ascii_lowercase()), "")
        }
        _ => (None, address),
    }
}

/// Checks everything after the scheme: host, optional port, and whatever path follows.
fn check_after_scheme(rest: &str) -> Result<(), UrlError> {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if let Some(port) = port {
        let number = port.parse::<u16>().map_err(|_| UrlError::Port)?;
        if number == 0 {
            return Err(UrlError::Port);
        }
    }
    check_host(host)
}

/// A domain name: at least two dot-separated labels of letters, digits and inner hyphens, the
/// last one not all digits (which also rules out IPv4 addresses). Letters may be non-ASCII, as
/// in `münchen.de`, because browsers accept those as typed.
fn check_host(host: &str) -> Result<(), UrlError> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let label_ok = |label: &str| {
        let chars = label.chars().count();
        (1..=63).contains(&chars)
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let labels: Vec<&str> = host.split('.').collect();
    let top = labels.last().copied().unwrap_or_default();
    let top_ok = !top.chars().all(|c| c.is_ascii_digit());
    if labels.len() >= 2 && labels.iter().all(|l| label_ok(l)) && top_ok {
        Ok(())
    } else {
        Err(UrlError::Host)
    }
}

/// Trims `input` and checks what every web address shares: length and no white space.
fn check_common(input: &str) -> Result<&str, UrlError> {
    let address = input.trim();
    let chars = address.chars().count();
    if chars > MAX_URL_CHARS {
        return Err(UrlError::TooLong(chars));
    }
    if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlError::Space);
    }
    Ok(address)
}

fn is_web_scheme(scheme: &str) -> bool {
    scheme == "http" || scheme == "https"
}

impl FromStr for Website {
    type Err = UrlError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let address = check_common(input)?;
        let (scheme, rest) = split_scheme(address);
        if scheme.is_some_and(|s| !is_web_scheme(&s)) {
            return Err(UrlError::WebsiteScheme);
        }
        check_after_scheme(rest)?;
        Ok(Self(address.to_owned()))
    }
}

impl FromStr for LogoUrl {
    type Err = UrlError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let address = check_common(input)?;
        match split_scheme(address) {
            (Some(scheme), rest) if is_web_scheme(&scheme) => check_after_scheme(rest)?,
            _ => return Err(UrlError::LogoScheme),
        }
        Ok(Self(address.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn website_accepts_bare_domains_and_web_urls() {
        let valid = [
            "customer1.com",
            "www.customer1.co.uk/pricing?ref=a#top",
            "customer1.com:8443",
            "https://customer1.com",
            "HTTP://Customer1.com/",
            "https://münchen.de",
            "https://example.com:8080/a/b",
        ];
        for address in valid {
            assert_eq!(
                address.parse::<Website>().map(|w| w.0),
                Ok(address.to_owned())
            );
        }
    }

    #[test]
    fn website_refuses_other_schemes_and_hosts() {
        let cases = [
            ("javascript:alert(1)", UrlError::WebsiteScheme),
            ("JavaScript://%0aalert(1)", UrlError::WebsiteScheme),
            ("data:text/html,hi", UrlError::WebsiteScheme),
            ("ftp://customer1.com", UrlError::WebsiteScheme),
            ("mailto:a@b.com", UrlError::WebsiteScheme),
            ("customer1", UrlError::Host),
            ("https://", UrlError::Host),
            ("https://192.168.0.1", UrlError::Host),
            ("https://bank.com@evil.example", UrlError::UserInfo),
            ("customer 1.com", UrlError::Space),
            ("customer1.com:0", UrlError::Port),
            ("customer1.com:99999", UrlError::Port),
            ("https://-bad.com", UrlError::Host),
            ("https://a..com", UrlError::Host),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<Website>(), Err(expected), "{input:?}");
        }
        let long = format!("https://a.com/{}", "p".repeat(2040));
        assert_eq!(long.parse::<Website>(), Err(UrlError::TooLong(2054)));
    }

    #[test]
    fn logo_needs_a_full_web_url() {
        assert!(
            "https://cdn.customer1.com/logo.png"
                .parse::<LogoUrl>()
                .is_ok()
        );
        assert!("http://customer1.com/logo.svg".parse::<LogoUrl>().is_ok());
        for input in [
            "customer1.com/logo.png",
            "javascript:alert(1)",
            "data:image/png,AAAA",
        ] {
            assert_eq!(
                input.parse::<LogoUrl>(),
                Err(UrlError::LogoScheme),
                "{input:?}"
            );
        }
        assert_eq!(
            "customer1.com/logo.png"
                .parse::<LogoUrl>()
                .unwrap_err()
                .to_string(),
            "Enter the logo's full address, starting with https://"
        );
    }
}
