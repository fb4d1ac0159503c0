//! How to reach a domain controller and sign in, and the switch to the PDC emulator for writes
//! (the minimum password age and the policies belong there).

use crate::ad::{AdError, ConnectOptions, Connection, SimpleCredential};
use crate::plan::Plan;

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

/// Where the writes of a plan go.
#[derive(Clone, Debug)]
pub enum PdcSwitch {
    /// The connected DC is the PDC emulator (or the plan names none).
    Same,
    /// Connected to the PDC emulator instead.
    Connected { pdc: String },
    /// The PDC emulator could not be reached; the writes go to the connected DC.
    Unreachable { pdc: String, error: AdError },
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

    /// The same sign-in at another server (the same transport, CA, timeout and options).
    pub fn at(&self, server: &str) -> Result<Login, AdError> {
        let o = ConnectOptions::for_server(server, self.options.transport)?;
        Ok(Login {
            options: ConnectOptions {
                url: o.url,
                ..self.options.clone()
            },
            credential: self.credential.clone(),
        })
    }

    /// For writing `plan`: a connection to the PDC emulator when the plan was read from
    /// another DC and the PDC can be reached, else `conn` itself.
    pub async fn for_writes(&self, conn: Connection, plan: &Plan) -> (Connection, PdcSwitch) {
        let Some((pdc, server)) = plan.pdc_server(conn.server()) else {
            return (conn, PdcSwitch::Same);
        };
        let pdc = pdc.to_string();
        let attempt = match self.at(&server) {
            Ok(l) => l.connect().await,
            Err(e) => Err(e),
        };
        match attempt {
            Ok(c) => {
                conn.close().await;
                (c, PdcSwitch::Connected { pdc })
            }
            Err(error) => (conn, PdcSwitch::Unreachable { pdc, error }),
        }
    }
}
