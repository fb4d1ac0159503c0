//! How to reach a domain controller and sign in.

use crate::ad::{AdError, ConnectOptions, Connection, SimpleCredential};

/// How to sign in.
#[derive(Clone)]
pub enum Credential {
    /// A simple bind (the password is wiped when the last copy is dropped).
    Password(SimpleCredential),
    /// Kerberos with the current credentials (Windows logon or `kinit`).
    Kerberos,
}

/// A DC and how to sign in to it.
#[derive(Clone)]
pub struct Login {
    pub options: ConnectOptions,
    pub credential: Credential,
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Login")
            .field("url", &self.options.url)
            .field(
                "user",
                &match &self.credential {
                    Credential::Password(c) => c.user.as_str(),
                    Credential::Kerberos => "(Kerberos)",
                },
            )
            .finish_non_exhaustive()
    }
}

impl Login {
    /// Connects and signs in.
    pub async fn connect(&self) -> Result<Connection, AdError> {
        match &self.credential {
            Credential::Kerberos => {
                let mut conn = Connection::open(&self.options).await?;
                conn.kerberos_bind().await?;
                Ok(conn)
            }
            Credential::Password(cred) => Connection::simple(&self.options, cred).await,
        }
    }

    /// The same sign-in at another host (a DC the directory named, such as the PDC emulator):
    /// the same transport, port, CA, timeout and options as the DC the user named.
    pub fn at_host(&self, host: &str) -> Result<Login, AdError> {
        let port = crate::ad::url_port(&self.options.url);
        let server = match port {
            Some(p) if host.contains(':') => format!("[{host}]:{p}"),
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        };
        let o = ConnectOptions::for_server(&server, self.options.transport)?;
        Ok(Login {
            options: ConnectOptions {
                url: o.url,
                ..self.options.clone()
            },
            credential: self.credential.clone(),
        })
    }
}
