//! Errors talking to a directory, each with the context a person needs and the next step.

use std::sync::Arc;

use thiserror::Error;

/// Something went wrong talking to the directory. `Clone` so results can travel in GUI
/// messages.
#[derive(Debug, Clone, Error)]
pub enum AdError {
    #[error(
        "cannot read the CA file {path}: {reason}. Give a PEM file with the CA certificate(s)."
    )]
    CaFile { path: String, reason: String },

    #[error("{url} is not a valid LDAP address: {reason}. Use a host name or ldaps://host[:port].")]
    BadUrl { url: String, reason: String },

    #[error("cannot connect to {server}: {reason}")]
    Connect { server: String, reason: String },

    #[error(
        "{server} did not answer within {seconds} s. Check the host, the port and any firewall, or raise --timeout."
    )]
    Timeout { server: String, seconds: u64 },

    #[error(
        "the server rejected the credentials for {user} (LDAP {code}: {text}). Check the user name and password."
    )]
    Bind {
        user: String,
        code: u32,
        text: String,
    },

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

impl AdError {
    /// The LDAP result code, when the server answered with one.
    pub fn ldap_code(&self) -> Option<u32> {
        match self {
            AdError::Bind { code, .. } | AdError::Operation { code, .. } => Some(*code),
            _ => None,
        }
    }
}

/// LDAP result code insufficientAccessRights.
pub const INSUFFICIENT_ACCESS: u32 = 50;
/// LDAP result code noSuchObject.
pub const NO_SUCH_OBJECT: u32 = 32;
