//! An LDAPS proxy in front of the lab's DC that can hold one request: it ends the client's TLS
//! with the lab's own certificate (so the tool's certificate check passes, as it would against
//! the DC), opens its own TLS connection to the DC, reads the client's LDAP messages one by one
//! and forwards them — except the first modify that `hold` picks, which it keeps until the test
//! says so. Meanwhile the test makes its own write straight to the DC: a second admin whose
//! change lands between the tool's last read and its write.

use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio_rustls::{TlsAcceptor, TlsConnector};

/// One modification of a ModifyRequest: its operation (0 add, 1 delete, 2 replace) and
/// attribute.
pub type Modification = (u8, String);

/// Which modify to hold: the DN and the modifications.
pub type Hold = dyn Fn(&str, &[Modification]) -> bool + Send + Sync;

pub struct HoldingProxy {
    /// `ldaps://127.0.0.1:PORT`.
    pub url: String,
    /// The DN of the held modify, once it is held.
    pub held: mpsc::UnboundedReceiver<String>,
    release: Arc<Mutex<Option<oneshot::Sender<()>>>>,
}

impl HoldingProxy {
    /// Lets the held modify through.
    pub async fn release(&self) {
        if let Some(tx) = self.release.lock().await.take() {
            let _ = tx.send(());
        }
    }

    /// Starts the proxy in front of `dc` (`host:port`), with the certificate and key in
    /// `tls_dir` (`cert.pem`, `key.pem`) and the CA in `ca_file`.
    pub async fn start(
        dc: &str,
        tls_dir: &std::path::Path,
        ca_file: &std::path::Path,
        hold: Box<Hold>,
    ) -> HoldingProxy {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let certs: Vec<CertificateDer<'static>> =
            CertificateDer::pem_file_iter(tls_dir.join("cert.pem"))
                .unwrap()
                .map(Result::unwrap)
                .collect();
        let key = PrivateKeyDer::from_pem_file(tls_dir.join("key.pem")).unwrap();
        let server = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        let mut roots = rustls::RootCertStore::empty();
        for c in CertificateDer::pem_file_iter(ca_file).unwrap() {
            roots.add(c.unwrap()).unwrap();
        }
        let client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let acceptor = TlsAcceptor::from(Arc::new(server));
        let connector = TlsConnector::from(Arc::new(client));
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("ldaps://{}", listener.local_addr().unwrap());
        let (held_tx, held) = mpsc::unbounded_channel();
        let (release_tx, release_rx) = oneshot::channel();
        let release = Arc::new(Mutex::new(Some(release_tx)));
        let gate = Arc::new(Mutex::new(Some((held_tx, release_rx))));
        let hold: Arc<Hold> = Arc::from(hold);
        let dc = dc.to_string();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (acceptor, connector, dc) = (acceptor.clone(), connector.clone(), dc.clone());
                let (hold, gate) = (hold.clone(), gate.clone());
                tokio::spawn(async move {
                    let Ok(client) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(upstream) = TcpStream::connect(&dc).await else {
                        return;
                    };
                    let name = ServerName::try_from("127.0.0.1").unwrap();
                    let Ok(server) = connector.connect(name, upstream).await else {
                        return;
                    };
                    let (mut cr, mut cw) = tokio::io::split(client);
                    let (mut sr, mut sw) = tokio::io::split(server);
                    tokio::spawn(async move {
                        let _ = tokio::io::copy(&mut sr, &mut cw).await;
                        let _ = cw.shutdown().await;
                    });
                    while let Some(msg) = read_message(&mut cr).await {
                        if let Some((dn, mods)) = modify_of(&msg)
                            && hold(&dn, &mods)
                        {
                            let taken = gate.lock().await.take();
                            if let Some((tx, rx)) = taken {
                                let _ = tx.send(dn);
                                let _ = rx.await;
                            }
                        }
                        if sw.write_all(&msg).await.is_err() {
                            break;
                        }
                    }
                    let _ = sw.shutdown().await;
                });
            }
        });
        HoldingProxy { url, held, release }
    }
}

/// One whole LDAP message (tag, length, content), or `None` at the end of the stream.
async fn read_message(r: &mut (impl AsyncRead + Unpin)) -> Option<Vec<u8>> {
    let mut head = [0u8; 2];
    r.read_exact(&mut head).await.ok()?;
    let mut msg = head.to_vec();
    let len = if head[1] < 0x80 {
        head[1] as usize
    } else {
        let n = (head[1] & 0x7f) as usize;
        let mut bytes = vec![0u8; n];
        r.read_exact(&mut bytes).await.ok()?;
        msg.extend_from_slice(&bytes);
        bytes.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize)
    };
    let start = msg.len();
    msg.resize(start + len, 0);
    r.read_exact(&mut msg[start..]).await.ok()?;
    Some(msg)
}

/// A BER element at the start of `b`: its tag, its content and the rest after it.
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = b.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        let (bytes, rest) = (rest.get(..n)?, rest.get(n..)?);
        (
            bytes.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize),
            rest,
        )
    };
    Some((tag, rest.get(..len)?, rest.get(len..)?))
}

/// The DN and modifications of a ModifyRequest ([APPLICATION 6]); `None` for anything else.
fn modify_of(msg: &[u8]) -> Option<(String, Vec<Modification>)> {
    let (_, body, _) = tlv(msg)?;
    let (_, _, rest) = tlv(body)?; // messageID
    let (tag, op, _) = tlv(rest)?;
    if tag != 0x66 {
        return None;
    }
    let (_, dn, rest) = tlv(op)?;
    let (_, mut changes, _) = tlv(rest)?;
    let mut mods = Vec::new();
    while let Some((_, change, next)) = tlv(changes) {
        let (_, operation, rest) = tlv(change)?;
        let (_, modification, _) = tlv(rest)?;
        let (_, attribute, _) = tlv(modification)?;
        mods.push((
            *operation.first()?,
            String::from_utf8_lossy(attribute).into_owned(),
        ));
        changes = next;
    }
    Some((String::from_utf8_lossy(dn).into_owned(), mods))
}
