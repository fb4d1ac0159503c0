//! Active Directory over LDAP: connection and bind ([`connection`]), controls ([`controls`]),
//! panic-free entries ([`entry`]), security descriptors and tokens ([`security`]), schema
//! look-ups ([`schema`]).

pub mod address;
pub mod connection;
pub mod connector;
pub mod controls;
pub mod discovery;
pub mod dn;
pub mod entry;
pub mod error;
pub mod metadata;
pub mod notify;
pub mod paging;
pub mod schema;
pub mod security;
pub mod token;

pub use address::{Transport, server_url, url_host, url_port};
pub use connection::{ConnectOptions, Connection, Query, SimpleCredential, unicode_pwd};
pub use entry::Entry;
pub use error::AdError;
pub use security::StoredDescriptor;
