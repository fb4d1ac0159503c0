//! Connecting and binding to a domain controller over LDAPS (or StartTLS), with TLS
//! verification on by default and every wait bounded.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ldap3::controls::RawControl;
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, Mod, Scope};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use zeroize::Zeroizing;

use super::entry::Entry;
use super::error::AdError;

/// Where and how to connect.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `ldaps://host[:port]` or `ldap://host[:port]`.
    pub url: String,
    /// Upgrade an `ldap://` connection with StartTLS.
    pub starttls: bool,
    /// Extra trusted CA certificates (PEM), on top of the system store.
    pub ca_file: Option<PathBuf>,
    /// Accept any certificate. Dangerous; only for diagnosis.
    pub tls_skip_verify: bool,
    /// Bound on connecting and on each operation.
    pub timeout: Duration,
}

impl ConnectOptions {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            starttls: false,
            ca_file: None,
            tls_skip_verify: false,
            timeout: Duration::from_secs(30),
        }
    }
}

/// A simple-bind credential. The password is wiped from memory when dropped.
#[derive(Clone)]
pub struct SimpleCredential {
    /// UPN, `DOMAIN\user` or DN.
    pub user: String,
    pub password: Zeroizing<String>,
}

impl std::fmt::Debug for SimpleCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimpleCredential")
            .field("user", &self.user)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// An open, bound LDAP connection.
pub struct Connection {
    ldap: Ldap,
    server: String,
    timeout: Duration,
}

fn tls_config(opts: &ConnectOptions) -> Result<Arc<rustls::ClientConfig>, AdError> {
    let mut roots = rustls::RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    for cert in native.certs {
        // A broken system certificate is not our problem; skip it.
        let _ = roots.add(cert);
    }
    if let Some(path) = &opts.ca_file {
        let ca_err = |reason: String| AdError::CaFile {
            path: path.display().to_string(),
            reason,
        };
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
            .map_err(|e| ca_err(e.to_string()))?
            .collect::<Result<_, _>>()
            .map_err(|e| ca_err(e.to_string()))?;
        if certs.is_empty() {
            return Err(ca_err("no certificate in it".into()));
        }
        for cert in certs {
            roots.add(cert).map_err(|e| ca_err(e.to_string()))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| AdError::Connect {
            server: opts.url.clone(),
            reason: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

impl Connection {
    /// Connects (TLS as the URL and options say) without binding.
    pub async fn open(opts: &ConnectOptions) -> Result<Self, AdError> {
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(opts.timeout)
            .set_starttls(opts.starttls);
        if opts.tls_skip_verify {
            tracing::warn!("TLS certificate verification is OFF for {}", opts.url);
            settings = settings.set_no_tls_verify(true);
        } else {
            settings = settings.set_config(tls_config(opts)?);
        }
        let server = opts.url.clone();
        let fut = LdapConnAsync::with_settings(settings, &opts.url);
        let (conn, ldap) = match tokio::time::timeout(opts.timeout, fut).await {
            Err(_) => {
                return Err(AdError::Timeout {
                    server,
                    seconds: opts.timeout.as_secs(),
                });
            }
            Ok(Err(e)) => {
                return Err(AdError::Connect {
                    server,
                    reason: e.to_string(),
                });
            }
            Ok(Ok(pair)) => pair,
        };
        tokio::spawn(async move {
            if let Err(e) = conn.drive().await {
                tracing::debug!("LDAP connection ended: {e}");
            }
        });
        Ok(Self {
            ldap,
            server,
            timeout: opts.timeout,
        })
    }

    /// Connects and performs a simple bind.
    pub async fn simple(opts: &ConnectOptions, cred: &SimpleCredential) -> Result<Self, AdError> {
        let mut c = Self::open(opts).await?;
        c.simple_bind(cred).await?;
        Ok(c)
    }

    /// Simple bind as `cred.user`.
    pub async fn simple_bind(&mut self, cred: &SimpleCredential) -> Result<(), AdError> {
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .simple_bind(&cred.user, &cred.password)
            .await
            .map_err(|e| self.protocol("bind", e))?;
        if res.rc != 0 {
            return Err(AdError::Bind {
                user: cred.user.clone(),
                code: res.rc,
                text: res.text,
            });
        }
        tracing::debug!(user = %cred.user, server = %self.server, "bound");
        Ok(())
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    fn protocol(&self, op: &'static str, e: ldap3::LdapError) -> AdError {
        match e {
            ldap3::LdapError::Timeout { .. } => AdError::Timeout {
                server: self.server.clone(),
                seconds: self.timeout.as_secs(),
            },
            e => AdError::Protocol {
                op,
                source: Arc::new(e),
            },
        }
    }

    /// A search that collects every entry (for small result sets). Fails on a non-zero result
    /// code.
    pub async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        controls: Vec<RawControl>,
    ) -> Result<Vec<Entry>, AdError> {
        let mut stream = self
            .ldap
            .with_timeout(self.timeout)
            .with_controls(controls)
            .streaming_search(base, scope, filter, attrs.to_vec())
            .await
            .map_err(|e| self.protocol("search", e))?;
        let mut out = Vec::new();
        let mut malformed = false;
        loop {
            match stream.next().await {
                // Referrals and intermediate messages are not entries.
                Ok(Some(re)) if re.is_ref() || re.is_intermediate() => {}
                Ok(Some(re)) => match Entry::from_result(re) {
                    Some(e) => out.push(e),
                    None => malformed = true,
                },
                Ok(None) => break,
                Err(e) => return Err(self.protocol("search", e)),
            }
        }
        let res = stream.finish().await;
        if res.rc != 0 {
            return Err(AdError::Operation {
                op: "search",
                dn: base.to_string(),
                code: res.rc,
                text: res.text,
            });
        }
        if malformed {
            return Err(AdError::Malformed {
                op: "search",
                dn: base.to_string(),
                reason: "the server sent an entry that is not valid LDAP".into(),
            });
        }
        Ok(out)
    }

    /// Reads one object (base search); `None` when it does not exist.
    pub async fn read(
        &mut self,
        dn: &str,
        attrs: &[&str],
        controls: Vec<RawControl>,
    ) -> Result<Option<Entry>, AdError> {
        match self
            .search(dn, Scope::Base, "(objectClass=*)", attrs, controls)
            .await
        {
            Ok(mut v) => Ok(v.pop()),
            Err(AdError::Operation { code: 32, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Replaces attribute values. Returns the server's result code and text as data, because
    /// callers (the access proofs) need to see refusals, not only successes.
    pub async fn modify_replace(
        &mut self,
        dn: &str,
        attr: &str,
        values: Vec<Vec<u8>>,
        controls: Vec<RawControl>,
    ) -> Result<(u32, String), AdError> {
        let set = values.into_iter().collect();
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .with_controls(controls)
            .modify(dn, vec![Mod::Replace(attr.as_bytes().to_vec(), set)])
            .await
            .map_err(|e| self.protocol("modify", e))?;
        Ok((res.rc, res.text))
    }

    /// Like [`modify_replace`](Self::modify_replace) but a non-zero result is an error.
    pub async fn replace(
        &mut self,
        dn: &str,
        attr: &str,
        values: Vec<Vec<u8>>,
        controls: Vec<RawControl>,
    ) -> Result<(), AdError> {
        let (code, text) = self.modify_replace(dn, attr, values, controls).await?;
        if code != 0 {
            return Err(AdError::Operation {
                op: "modify",
                dn: dn.to_string(),
                code,
                text,
            });
        }
        Ok(())
    }

    /// Ends the session politely.
    pub async fn close(mut self) {
        let _ = self.ldap.unbind().await;
    }
}
