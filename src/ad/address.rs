//! Where a DC is and how the connection is protected: LDAP URLs from what people type.

use super::error::AdError;

/// How the connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transport {
    /// TLS from the first byte (port 636).
    Ldaps,
    /// Plain LDAP upgraded with StartTLS before anything else (port 389).
    StartTls,
    /// No encryption at all. Only on explicit request.
    Plain,
}

impl Transport {
    pub fn is_encrypted(self) -> bool {
        self != Transport::Plain
    }
}

/// Builds the LDAP URL for `server` (a host, `host:port`, `[v6]:port`, or an `ldap[s]://` URL).
/// A URL's scheme must agree with the transport: `ldaps://` only for LDAPS, `ldap://` for
/// StartTLS and plain.
pub fn server_url(server: &str, transport: Transport) -> Result<String, AdError> {
    let bad = |reason: &str| AdError::BadUrl {
        server: server.to_string(),
        reason: reason.to_string(),
    };
    let server = server.trim();
    if server.is_empty() {
        return Err(bad("it is empty"));
    }
    let (scheme, rest) = match server.split_once("://") {
        Some((s, r)) => (Some(s.to_ascii_lowercase()), r),
        None => (None, server),
    };
    let want = if transport == Transport::Ldaps {
        "ldaps"
    } else {
        "ldap"
    };
    match scheme.as_deref() {
        None => {}
        Some(s) if s == want => {}
        Some("ldap" | "ldaps") => {
            return Err(bad(&format!(
                "the scheme does not match the transport; use {want}:// here"
            )));
        }
        Some(other) => return Err(bad(&format!("unknown scheme {other}://"))),
    }
    let hostport = rest.trim_end_matches('/');
    if hostport.is_empty() || hostport.contains(['/', '?', ' ']) {
        return Err(bad("give only a host and an optional port"));
    }
    let default_port = if transport == Transport::Ldaps {
        636
    } else {
        389
    };
    // A bare IPv6 address ("::1") needs brackets.
    let hostport = if hostport.matches(':').count() > 1 && !hostport.starts_with('[') {
        format!("[{hostport}]")
    } else {
        hostport.to_string()
    };
    let has_port = match hostport.strip_prefix('[') {
        Some(v6) => v6.contains("]:"),
        None => hostport.contains(':'),
    };
    if has_port {
        let port = hostport
            .rsplit_once(':')
            .map(|(_, p)| p)
            .unwrap_or_default();
        if port.parse::<u16>().is_err() {
            return Err(bad(&format!("{port:?} is not a port number")));
        }
        Ok(format!("{want}://{hostport}"))
    } else {
        Ok(format!("{want}://{hostport}:{default_port}"))
    }
}

/// The host part of an LDAP URL (`ldaps://[::1]:636` → `::1`).
pub fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.trim_end_matches('/');
    if let Some(v6) = rest.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default().to_string();
    }
    rest.rsplit_once(':').map_or(rest, |(h, _)| h).to_string()
}

/// The port of an LDAP URL, when it names one.
pub fn url_port(url: &str) -> Option<u16> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.trim_end_matches('/');
    let after_host = match rest.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map(|(_, r)| r)?,
        None => rest,
    };
    after_host.rsplit_once(':')?.1.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_of_a_url_is_read_whatever_the_host() {
        assert_eq!(url_port("ldaps://127.0.0.1:636"), Some(636));
        assert_eq!(url_port("ldap://[::1]:3268"), Some(3268));
        assert_eq!(url_port("ldaps://[::1]"), None);
        assert_eq!(url_port("ldaps://dc1.corp.example"), None);
    }

    #[test]
    fn server_url_fills_in_scheme_and_port_and_checks_them() {
        let u = |s: &str, t| server_url(s, t).map_err(|e| e.to_string());
        assert_eq!(
            u("dc1.corp.example", Transport::Ldaps).unwrap(),
            "ldaps://dc1.corp.example:636"
        );
        assert_eq!(u("dc1:3269", Transport::Ldaps).unwrap(), "ldaps://dc1:3269");
        assert_eq!(u("dc1", Transport::StartTls).unwrap(), "ldap://dc1:389");
        assert_eq!(
            u("ldaps://127.0.0.1", Transport::Ldaps).unwrap(),
            "ldaps://127.0.0.1:636"
        );
        assert_eq!(
            u("LDAPS://dc1:1636/", Transport::Ldaps).unwrap(),
            "ldaps://dc1:1636"
        );
        assert_eq!(u("::1", Transport::Ldaps).unwrap(), "ldaps://[::1]:636");
        assert_eq!(
            u("[::1]:1636", Transport::Ldaps).unwrap(),
            "ldaps://[::1]:1636"
        );
        assert!(
            u("ldap://dc1", Transport::Ldaps)
                .unwrap_err()
                .contains("ldaps://")
        );
        assert!(
            u("http://dc1", Transport::Ldaps)
                .unwrap_err()
                .contains("unknown scheme")
        );
        assert!(u("dc1:abc", Transport::Ldaps).unwrap_err().contains("port"));
        assert!(u("", Transport::Ldaps).unwrap_err().contains("empty"));
        assert!(u("dc1/x", Transport::Ldaps).is_err());
    }

    #[test]
    fn url_host_strips_scheme_port_and_brackets() {
        assert_eq!(url_host("ldaps://dc1.corp.example:636"), "dc1.corp.example");
        assert_eq!(url_host("ldap://[::1]:389"), "::1");
        assert_eq!(url_host("ldaps://127.0.0.1"), "127.0.0.1");
    }
}
