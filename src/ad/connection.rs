//! Connecting and binding to a domain controller over LDAPS (or StartTLS), with TLS
//! verification on by default and every wait bounded.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ldap3::controls::RawControl;
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, Mod, Scope};
use zeroize::Zeroizing;

use super::address::{Transport, server_url};
use super::entry::Entry;
use super::error::{AdError, classify_connect_error};

/// Where and how to connect.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `ldaps://host[:port]` or `ldap://host[:port]`.
    pub url: String,
    pub transport: Transport,
    /// Extra trusted CA certificates (PEM), on top of the system store.
    pub ca_file: Option<PathBuf>,
    /// Accept any certificate. Dangerous; only for diagnosis.
    pub tls_skip_verify: bool,
    /// Bound on connecting and on each operation.
    pub timeout: Duration,
    /// Allow a simple bind with a password over [`Transport::Plain`].
    pub plaintext_password: bool,
}

impl ConnectOptions {
    /// Options for an LDAPS URL, verification on, 30 s timeout.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            transport: Transport::Ldaps,
            ca_file: None,
            tls_skip_verify: false,
            timeout: Duration::from_secs(30),
            plaintext_password: false,
        }
    }

    /// Options for `server` (see [`server_url`]) over `transport`.
    pub fn for_server(server: &str, transport: Transport) -> Result<Self, AdError> {
        Ok(Self {
            url: server_url(server, transport)?,
            transport,
            ..Self::new("")
        })
    }
}

/// One search: where, how deep, what, which attributes, with which controls.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    pub base: &'a str,
    pub scope: Scope,
    pub filter: &'a str,
    pub attrs: &'a [&'a str],
    pub controls: Vec<RawControl>,
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
    transport: Transport,
    plaintext_password: bool,
}

fn tls_error(opts: &ConnectOptions, e: crate::tls::TlsError) -> AdError {
    match e {
        crate::tls::TlsError::CaFile { path, reason } => AdError::CaFile { path, reason },
        crate::tls::TlsError::Setup(reason) => AdError::Connect {
            server: opts.url.clone(),
            reason,
        },
    }
}

fn tls_config(opts: &ConnectOptions) -> Result<Arc<rustls::ClientConfig>, AdError> {
    crate::tls::client_config(opts.ca_file.as_deref()).map_err(|e| tls_error(opts, e))
}

/// The name an IPv6 literal is given to ldap3 under (RFC 6761: `.invalid` never resolves).
const IPV6_ALIAS: &str = "ipv6-literal.invalid";

/// For an `ldap[s]://[v6]:port` URL: the address, the port and the scheme.
fn ipv6_target(url: &str) -> Option<(std::net::Ipv6Addr, u16, String)> {
    let u = url::Url::parse(url).ok()?;
    let url::Host::Ipv6(ip) = u.host()? else {
        return None;
    };
    let scheme = u.scheme().to_string();
    let port = u
        .port()
        .unwrap_or(if scheme == "ldaps" { 636 } else { 389 });
    Some((ip, port, scheme))
}

impl Connection {
    /// Connects (TLS as the URL and options say) without binding.
    pub async fn open(opts: &ConnectOptions) -> Result<Self, AdError> {
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(opts.timeout)
            .set_starttls(opts.transport == Transport::StartTls);
        let server = opts.url.clone();
        // ldap3 hands the URL's host to rustls as the server name, and "[::1]" is not one: an
        // IPv6 literal is connected here and given to ldap3 under an alias, which the
        // certificate check maps back to the address.
        let ipv6 = ipv6_target(&opts.url);
        let mut url = opts.url.clone();
        if let Some((ip, port, scheme)) = &ipv6 {
            let connect = tokio::net::TcpStream::connect((*ip, *port));
            let tcp = match tokio::time::timeout(opts.timeout, connect).await {
                Err(_) => {
                    return Err(AdError::Timeout {
                        server,
                        seconds: opts.timeout.as_secs(),
                    });
                }
                Ok(r) => r
                    .and_then(|s| s.into_std())
                    .map_err(|e| classify_connect_error(&server, opts.timeout, e.into()))?,
            };
            settings = settings.set_std_stream(ldap3::StdStream::Tcp(tcp));
            url = format!("{scheme}://{IPV6_ALIAS}:{port}");
        }
        if opts.transport == Transport::Plain {
            tracing::warn!("the connection to {} is not encrypted", opts.url);
        } else if opts.tls_skip_verify {
            // A CA file given as well is still read: a wrong path or a broken file is an
            // error, not silently ignored because verification happens to be off.
            if opts.ca_file.is_some() {
                tls_config(opts)?;
            }
            tracing::warn!("TLS certificate verification is OFF for {}", opts.url);
            settings = settings.set_no_tls_verify(true);
        } else if let Some((ip, _, _)) = ipv6 {
            let config = crate::tls::client_config_for_ip(
                opts.ca_file.as_deref(),
                IPV6_ALIAS,
                std::net::IpAddr::V6(ip),
            )
            .map_err(|e| tls_error(opts, e))?;
            settings = settings.set_config(config);
        } else {
            settings = settings.set_config(tls_config(opts)?);
        }
        let fut = LdapConnAsync::with_settings(settings, &url);
        let (conn, ldap) = match tokio::time::timeout(opts.timeout, fut).await {
            Err(_) => {
                return Err(AdError::Timeout {
                    server,
                    seconds: opts.timeout.as_secs(),
                });
            }
            Ok(Err(e)) => return Err(classify_connect_error(&server, opts.timeout, e)),
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
            transport: opts.transport,
            plaintext_password: opts.plaintext_password,
        })
    }

    /// Connects and performs a simple bind.
    pub async fn simple(opts: &ConnectOptions, cred: &SimpleCredential) -> Result<Self, AdError> {
        let mut c = Self::open(opts).await?;
        c.simple_bind(cred).await?;
        Ok(c)
    }

    /// Simple bind as `cred.user`. Over an unencrypted connection this is refused unless the
    /// options allowed a plaintext password.
    pub async fn simple_bind(&mut self, cred: &SimpleCredential) -> Result<(), AdError> {
        if self.transport == Transport::Plain && !self.plaintext_password {
            return Err(AdError::PlaintextPasswordRefused {
                server: self.server.clone(),
            });
        }
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .simple_bind(&cred.user, &cred.password)
            .await
            .map_err(|e| self.protocol("bind", e))?;
        if res.rc != 0 {
            return Err(self.classify_bind(&cred.user, res.rc, res.text));
        }
        tracing::debug!(user = %cred.user, server = %self.server, "bound");
        Ok(())
    }

    /// The ldap3 handle, for the searches this module does not wrap ([`super::notify`]).
    pub(crate) fn ldap_mut(&mut self) -> &mut Ldap {
        &mut self.ldap
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    /// Signs in with Kerberos (SASL GSSAPI): the current Windows logon (SSPI), or the ticket
    /// cache from `kinit` elsewhere. The service principal is `ldap/<host of the URL>`. Only
    /// over TLS (LDAPS or StartTLS): the session is then protected by TLS, as Windows expects,
    /// and no SASL security layer is needed.
    #[cfg(feature = "kerberos")]
    pub async fn kerberos_bind(&mut self) -> Result<(), AdError> {
        let host = super::address::url_host(&self.server);
        let kerberos = |reason: String| AdError::Kerberos {
            server: self.server.clone(),
            reason,
        };
        if !self.transport.is_encrypted() {
            return Err(kerberos(
                "Kerberos sign-in is supported over LDAPS or StartTLS only".into(),
            ));
        }
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .sasl_gssapi_bind(&host)
            .await
            .map_err(|e| kerberos(e.to_string()))?;
        if res.rc != 0 {
            return Err(kerberos(format!("LDAP {} ({})", res.rc, res.text)));
        }
        tracing::debug!(server = %self.server, "bound with Kerberos");
        Ok(())
    }

    /// Without the `kerberos` feature: says how to get it.
    #[cfg(not(feature = "kerberos"))]
    pub async fn kerberos_bind(&mut self) -> Result<(), AdError> {
        Err(AdError::KerberosUnavailable)
    }

    pub fn transport(&self) -> Transport {
        self.transport
    }

    /// Whether traffic is encrypted (TLS).
    pub fn encrypted(&self) -> bool {
        self.transport.is_encrypted()
    }

    fn classify_bind(&self, user: &str, code: u32, text: String) -> AdError {
        let server = self.server.clone();
        let user = user.to_string();
        match code {
            8 => AdError::EncryptionRequired { server, text },
            49 => match super::error::bind_subcode_reason(&text) {
                Some("no such user") => AdError::BadCredentials {
                    server,
                    user,
                    reason: Some("no such user".into()),
                },
                Some(reason) => AdError::AccountProblem {
                    server,
                    user,
                    reason: reason.into(),
                },
                None => AdError::BadCredentials {
                    server,
                    user,
                    reason: None,
                },
            },
            _ => AdError::Bind { user, code, text },
        }
    }

    pub(crate) fn protocol(&self, op: &'static str, e: ldap3::LdapError) -> AdError {
        match e {
            ldap3::LdapError::Timeout { .. } => AdError::Timeout {
                server: self.server.clone(),
                seconds: self.timeout.as_secs(),
            },
            e if super::error::is_connection_lost(&e) => AdError::ConnectionLost {
                server: self.server.clone(),
                op,
                reason: e.to_string(),
            },
            e => AdError::Protocol {
                op,
                source: Arc::new(e),
            },
        }
    }

    /// Like [`search`](Self::search) but hands each entry to `on_entry` as it arrives, page by
    /// page (simple paged results, RFC 2696), so memory stays flat whatever the result size.
    /// Returns how many entries were seen and how many were malformed (skipped).
    pub async fn search_paged<F>(
        &mut self,
        query: Query<'_>,
        page_size: i32,
        on_entry: F,
    ) -> Result<(usize, usize), AdError>
    where
        F: FnMut(Entry),
    {
        self.run_search(query, Some(page_size), None, on_entry)
            .await
    }

    /// [`search_paged`](Self::search_paged), telling `on_entry` with each entry how many the DC
    /// expects the whole search to return (`0` while unknown: before the first page ends, or
    /// from a DC that gives no estimate).
    pub async fn search_paged_estimated<F>(
        &mut self,
        query: Query<'_>,
        page_size: i32,
        mut on_entry: F,
    ) -> Result<(usize, usize), AdError>
    where
        F: FnMut(Entry, usize),
    {
        let estimate = super::paging::PageEstimate::default();
        let size = estimate.size.clone();
        self.run_search(query, Some(page_size), Some(estimate), |e| {
            on_entry(e, size.load(std::sync::atomic::Ordering::Relaxed))
        })
        .await
    }

    /// A search that collects every entry (for small result sets). Fails on a non-zero result
    /// code or a malformed entry.
    pub async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        controls: Vec<RawControl>,
    ) -> Result<Vec<Entry>, AdError> {
        let mut out = Vec::new();
        let query = Query {
            base,
            scope,
            filter,
            attrs,
            controls,
        };
        let (_, malformed) = self.run_search(query, None, None, |e| out.push(e)).await?;
        if malformed > 0 {
            return Err(AdError::Malformed {
                op: "search",
                dn: base.to_string(),
                reason: "the server sent an entry that is not valid LDAP".into(),
            });
        }
        Ok(out)
    }

    /// Streams a search (paged when `page_size` is given); referrals and intermediate messages
    /// are skipped. Returns (entries, malformed entries).
    async fn run_search<F>(
        &mut self,
        query: Query<'_>,
        page_size: Option<i32>,
        estimate: Option<super::paging::PageEstimate>,
        mut on_entry: F,
    ) -> Result<(usize, usize), AdError>
    where
        F: FnMut(Entry),
    {
        use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
        let Query {
            base,
            scope,
            filter,
            attrs,
            controls,
        } = query;
        let mut adapters: Vec<Box<dyn Adapter<_, _>>> = vec![Box::new(EntriesOnly::new())];
        if let Some(size) = page_size {
            adapters.push(Box::new(PagedResults::new(size)));
        }
        if let Some(e) = estimate {
            // Below the paging adapter: it sees each page's result before paging consumes it.
            adapters.push(Box::new(e));
        }
        let attrs: Vec<String> = attrs.iter().map(|a| a.to_string()).collect();
        let mut stream = self
            .ldap
            .with_timeout(self.timeout)
            .with_controls(controls)
            .streaming_search_with(adapters, base, scope, filter, attrs)
            .await
            .map_err(|e| self.protocol("search", e))?;
        let (mut seen, mut malformed) = (0, 0);
        loop {
            match stream.next().await {
                Ok(Some(re)) => match Entry::from_result(re) {
                    Some(e) => {
                        seen += 1;
                        on_entry(e);
                    }
                    None => malformed += 1,
                },
                Ok(None) => break,
                Err(e) => return Err(self.protocol("search", e)),
            }
        }
        let res = stream.finish().await;
        self.check("search", base, res.rc, res.text)?;
        Ok((seen, malformed))
    }

    /// A non-zero result code as an error.
    fn check(&self, op: &'static str, dn: &str, code: u32, text: String) -> Result<(), AdError> {
        if code == 0 {
            return Ok(());
        }
        Err(AdError::Operation {
            op,
            dn: dn.to_string(),
            code,
            text,
        })
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

    /// Compare-and-swap in one modify: delete exactly the values `old` and add `new` (either may
    /// be empty). The DC applies both or neither, so when the attribute no longer holds `old`
    /// nothing changes (noSuchAttribute, 16). Returns the result code and text as data.
    pub async fn modify_swap(
        &mut self,
        dn: &str,
        attr: &str,
        old: Vec<Vec<u8>>,
        new: Vec<Vec<u8>>,
        controls: Vec<RawControl>,
    ) -> Result<(u32, String), AdError> {
        let name = attr.as_bytes().to_vec();
        let mut mods = Vec::new();
        if !old.is_empty() {
            mods.push(Mod::Delete(name.clone(), old.into_iter().collect()));
        }
        if !new.is_empty() {
            mods.push(Mod::Add(name, new.into_iter().collect()));
        }
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .with_controls(controls)
            .modify(dn, mods)
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
        self.check("modify", dn, code, text)
    }

    /// A user changing their own password (delete the old `unicodePwd`, add the new one in one
    /// modify): subject to the minimum password age, unlike a reset. Returns the result code and
    /// text as data.
    pub async fn change_password(
        &mut self,
        dn: &str,
        old: &str,
        new: &str,
    ) -> Result<(u32, String), AdError> {
        let enc = |p: &str| unicode_pwd(p).to_vec();
        let attr = b"unicodePwd".to_vec();
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .modify(
                dn,
                vec![
                    Mod::Delete(attr.clone(), [enc(old)].into_iter().collect()),
                    Mod::Add(attr, [enc(new)].into_iter().collect()),
                ],
            )
            .await
            .map_err(|e| self.protocol("modify", e))?;
        Ok((res.rc, res.text))
    }

    /// Deletes the object `dn`.
    pub async fn delete(&mut self, dn: &str) -> Result<(), AdError> {
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .delete(dn)
            .await
            .map_err(|e| self.protocol("delete", e))?;
        self.check("delete", dn, res.rc, res.text)
    }

    /// Adds an object with the given attributes (each with at least one value).
    pub async fn add(&mut self, dn: &str, attrs: Vec<(&str, Vec<Vec<u8>>)>) -> Result<(), AdError> {
        let attrs = attrs
            .into_iter()
            .map(|(a, v)| (a.as_bytes().to_vec(), v.into_iter().collect()))
            .collect();
        let res = self
            .ldap
            .with_timeout(self.timeout)
            .add(dn, attrs)
            .await
            .map_err(|e| self.protocol("add", e))?;
        self.check("add", dn, res.rc, res.text)
    }

    /// Ends the session politely.
    pub async fn close(mut self) {
        let _ = self.ldap.unbind().await;
    }
}

/// `"password"` in UTF-16LE, as `unicodePwd` takes it.
pub fn unicode_pwd(password: &str) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(
        format!("\"{password}\"")
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect(),
    )
}
