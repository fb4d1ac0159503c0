//! Errors talking to a directory. Each carries its facts; the English texts here are for logs
//! and name no command-line flag: the faces say them with the next step in the user's language
//! (`crate::words`, `Words::ad_error`).

use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;

/// Something went wrong talking to the directory. `Clone` so results can travel in GUI
/// messages.
#[derive(Debug, Clone, Error)]
pub enum AdError {
    #[error(
        "cannot read the CA file {path}: {reason}. Give a PEM file with the CA certificate(s)."
    )]
    CaFile { path: String, reason: String },

    #[error(
        "{server:?} is not a usable LDAP address: {reason}. Give a host name, or ldaps://host[:port]."
    )]
    BadUrl { server: String, reason: String },

    #[error(
        "cannot find the host of {server}: {reason}. Check the name, or give the DC's address."
    )]
    UnknownHost { server: String, reason: String },

    #[error(
        "nothing accepts connections at {server} (connection refused). Check the host and the port: LDAPS is 636, LDAP and StartTLS 389."
    )]
    Refused { server: String },

    #[error("cannot connect to {server}: {reason}")]
    Connect { server: String, reason: String },

    #[error(
        "{server} did not answer within {seconds} s. Check the host, the port and any firewall, or allow more time."
    )]
    Timeout { server: String, seconds: u64 },

    #[error(
        "the certificate of {server} is not trusted ({reason}). If the domain uses its own certificate authority, give its certificate."
    )]
    UntrustedCertificate { server: String, reason: String },

    #[error(
        "the certificate of {server} does not carry that name ({reason}). Connect with a name the certificate lists, usually the DC's full DNS name."
    )]
    CertificateNameMismatch { server: String, reason: String },

    #[error(
        "the certificate of {server} has expired or is not yet valid ({reason}). Renew the DC's certificate."
    )]
    CertificateExpired { server: String, reason: String },

    #[error("TLS with {server} failed: {reason}")]
    Tls { server: String, reason: String },

    #[error(
        "{server} refused StartTLS ({reason}): it has no certificate for LDAP or does not offer StartTLS. No password was sent. Use LDAPS (port 636) if the DC has a certificate, or give the DC one."
    )]
    StartTlsRefused { server: String, reason: String },

    #[error(
        "the connection to {server} was lost during the {op} ({reason}); the run stopped there and gives no verdict. Check the network (VPN, firewall idle timeouts) and run again; after an interrupted apply, restore from its backup."
    )]
    ConnectionLost {
        server: String,
        op: &'static str,
        reason: String,
    },

    #[error(
        "{server} requires an encrypted connection for this sign-in (LDAP 8: {text}). Use LDAPS or StartTLS."
    )]
    EncryptionRequired { server: String, text: String },

    #[error(
        "refusing to send a password over the unencrypted connection to {server}. Use LDAPS or StartTLS."
    )]
    PlaintextPasswordRefused { server: String },

    #[error("{server} rejected the password for {user}{}. Check the user name and password.", reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default())]
    BadCredentials {
        server: String,
        user: String,
        reason: Option<String>,
    },

    #[error("{server} refused the sign-in of {user}: {reason}.")]
    AccountProblem {
        server: String,
        user: String,
        reason: String,
    },

    #[error(
        "Kerberos sign-in to {server} failed: {reason}. On Linux run kinit first (and check KRB5_CONFIG); on Windows sign in with a domain account."
    )]
    Kerberos { server: String, reason: String },

    #[error(
        "this build has no Kerberos support. Use a build with Kerberos, or sign in with a user name and password."
    )]
    KerberosUnavailable,

    #[error("sign-in as {user} failed: LDAP {code} ({text})")]
    Bind {
        user: String,
        code: u32,
        text: String,
    },

    #[error(
        "{server} answers LDAP but is not Active Directory: {reason}. Connect to a domain controller."
    )]
    NotActiveDirectory { server: String, reason: String },

    #[error("{op} on {dn} failed: LDAP {code} ({text})")]
    Operation {
        op: &'static str,
        dn: String,
        code: u32,
        text: String,
    },

    #[error("{op} on {dn}: {reason}")]
    Malformed {
        op: &'static str,
        dn: String,
        reason: String,
    },

    #[error("LDAP protocol error during {op}: {source}")]
    Protocol {
        op: &'static str,
        #[source]
        source: Arc<ldap3::LdapError>,
    },
}

/// LDAP result code insufficientAccessRights.
pub const INSUFFICIENT_ACCESS: u32 = 50;
/// LDAP result code noSuchObject.
pub const NO_SUCH_OBJECT: u32 = 32;

/// The `data XXX` sub-code AD puts in the diagnostic text of a failed bind (LDAP 49), in words.
/// `None` for "wrong password" and anything unknown.
pub fn bind_subcode_reason(text: &str) -> Option<&'static str> {
    let code = text.split("data ").nth(1)?.get(..3)?;
    Some(match code {
        "525" => "no such user",
        "530" => "sign-in not permitted at this time",
        "531" => "sign-in not permitted from this workstation",
        "532" => "the password has expired",
        "533" => "the account is disabled",
        "701" => "the account has expired",
        "773" => "the password must be changed before signing in",
        "775" => "the account is locked out",
        _ => return None,
    })
}

/// Turns a connect failure into the error a person can act on.
pub(crate) fn classify_connect_error(
    server: &str,
    timeout: Duration,
    e: ldap3::LdapError,
) -> AdError {
    let server = server.to_string();
    if let ldap3::LdapError::Timeout { .. } = e {
        return AdError::Timeout {
            server,
            seconds: timeout.as_secs(),
        };
    }
    if let ldap3::LdapError::UrlParsing { .. } | ldap3::LdapError::UnknownScheme(_) = e {
        return AdError::BadUrl {
            server,
            reason: e.to_string(),
        };
    }
    // Walk the source chain for an I/O error or a rustls error.
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = cur {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return classify_tls(server, tls);
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return classify_tls(server, tls);
            }
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => return AdError::Refused { server },
                std::io::ErrorKind::TimedOut => {
                    return AdError::Timeout {
                        server,
                        seconds: timeout.as_secs(),
                    };
                }
                _ => {}
            }
            let text = io.to_string();
            if text.contains("lookup")
                || text.contains("resolve")
                || text.contains("Name or service")
            {
                return AdError::UnknownHost {
                    server,
                    reason: text,
                };
            }
        }
        cur = err.source();
    }
    // The only LDAP operation while connecting is StartTLS: a result code here is its refusal.
    if let ldap3::LdapError::LdapResult { result } = &e {
        return AdError::StartTlsRefused {
            server,
            reason: format!("LDAP {}: {}", result.rc, result.text),
        };
    }
    AdError::Connect {
        server,
        reason: e.to_string(),
    }
}

/// Whether an error in the middle of an operation means the connection is gone.
pub(crate) fn is_connection_lost(e: &ldap3::LdapError) -> bool {
    use ldap3::LdapError as L;
    matches!(
        e,
        L::EndOfStream
            | L::Io { .. }
            | L::OpSend { .. }
            | L::ResultRecv { .. }
            | L::IdScrubSend { .. }
    )
}

fn classify_tls(server: String, e: &rustls::Error) -> AdError {
    use rustls::CertificateError as C;
    let reason = e.to_string();
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                AdError::CertificateNameMismatch { server, reason }
            }
            C::Expired
            | C::ExpiredContext { .. }
            | C::NotValidYet
            | C::NotValidYetContext { .. } => AdError::CertificateExpired { server, reason },
            _ => AdError::UntrustedCertificate { server, reason },
        },
        _ => AdError::Tls { server, reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_subcodes_read_as_words() {
        let t = "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 533, v4563";
        assert_eq!(bind_subcode_reason(t), Some("the account is disabled"));
        assert_eq!(bind_subcode_reason("... data 52e, v2580"), None);
        assert_eq!(bind_subcode_reason("no data here"), None);
    }
}
