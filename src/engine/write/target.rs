//! What a write is checked against, read from the DC the user named: the domain (its DN, SID
//! and the naming contexts that are not part of it), the connector account (named by the user
//! or detected now, and only an account that may safely hold the writeback rights), and the
//! PDC emulator the writes go to (found through `fSMORoleOwner`, proved to be a DC of the same
//! domain). Nothing here is taken from a file: files are compared with it.

use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::discovery::{DomainScope, RootDse, is_within};
use crate::ad::{AdError, Connection};
use crate::check::facts::{is_protected, protected_sids};
use crate::sd::Sid;

use super::{ConnectorRefusal, WriteError};
use crate::engine::{Directory, Login};

/// Where the writes of a directory go, and whom they grant.
#[derive(Clone, Debug)]
pub struct Target {
    /// The directory as the user gave it.
    pub label: String,
    /// The domain, as the named DC serves it.
    pub domain: DomainScope,
    /// The named DC's DNS name.
    pub dc: String,
    /// The connector account, resolved and checked on the DC.
    pub connector: Account,
    /// Where the writes go: the PDC emulator when it could be reached, else the named DC.
    pub writes: Login,
    pub pdc: PdcSwitch,
}

/// Where the writes of a directory go.
#[derive(Clone, Debug)]
pub enum PdcSwitch {
    /// The named DC is the PDC emulator (or the domain names none).
    Same,
    /// Writing to the PDC emulator instead of the named DC.
    Connected { pdc: String },
    /// The PDC emulator could not be used; the writes go to the named DC.
    Unreachable { pdc: String, error: AdError },
}

impl Target {
    /// Connects to where the writes go.
    pub async fn connect(&self) -> Result<Connection, AdError> {
        self.writes.connect().await
    }
}

/// Reads the target of `dir` from its DC: connects (the only credential sent goes to the DC
/// the user named, and then to the PDC emulator that DC names), and closes again.
pub async fn resolve(dir: &Directory) -> Result<Target, WriteError> {
    let mut conn = dir.login.connect().await?;
    let r = resolve_on(&mut conn, dir).await;
    conn.close().await;
    let (target, root) = r?;
    let (writes, pdc) = pdc_login(
        &dir.login,
        &root,
        &target.domain,
        target.pdc_name.as_deref(),
    )
    .await;
    Ok(Target {
        label: dir.label.clone(),
        domain: target.domain,
        dc: root.dns_host_name,
        connector: target.connector,
        writes,
        pdc,
    })
}

struct Read {
    domain: DomainScope,
    connector: Account,
    pdc_name: Option<String>,
}

async fn resolve_on(conn: &mut Connection, dir: &Directory) -> Result<(Read, RootDse), WriteError> {
    let root = conn.root_dse().await?;
    let forest = conn.forest_domains(&root).await?;
    let domain = conn.domain(&root, &forest).await?;
    let scope = DomainScope::of(&root, domain.sid.clone());
    let connector = connector(conn, &domain, dir.options.connector.as_deref()).await?;
    let pdc_name = pdc_of(conn, &root, &scope).await?;
    Ok((
        Read {
            domain: scope,
            connector,
            pdc_name,
        },
        root,
    ))
}

/// The connector account: the one `given` names, or the one detected; refused unless it is a
/// user or a group managed service account of this domain that is not a protected account.
pub async fn connector(
    conn: &mut Connection,
    domain: &crate::ad::discovery::Domain,
    given: Option<&str>,
) -> Result<Account, WriteError> {
    let given = given.map(str::trim).filter(|g| !g.is_empty());
    let (lookup, _) = crate::check::ranking::find(conn, domain, given).await?;
    let account = match lookup {
        ConnectorLookup::Found(a) => a,
        ConnectorLookup::NotFound { given } => {
            return Err(ConnectorRefusal::NotFound { given }.into());
        }
        ConnectorLookup::Ambiguous { given, candidates } => {
            return Err(ConnectorRefusal::Ambiguous {
                given,
                candidates: candidates
                    .iter()
                    .map(|a| a.sam_account_name.clone())
                    .collect(),
            }
            .into());
        }
    };
    check_account(conn, &domain.sid, &account).await?;
    Ok(account)
}

/// A connector must be an account that signs in (a user, or a gMSA), of this domain, with a RID
/// of its own (not a well-known or builtin principal, not Administrator, Guest or krbtgt), and
/// not a protected account: granting the writeback rights to anything else would let whoever
/// holds it reset passwords across the domain.
async fn check_account(
    conn: &mut Connection,
    domain_sid: &Sid,
    account: &Account,
) -> Result<(), WriteError> {
    let refuse = |why: ConnectorRefusal| -> WriteError { why.into() };
    let own_rid = account.sid.parent().as_ref() == Some(domain_sid)
        && account.sid.rid().is_some_and(|r| r >= 1000);
    if !own_rid {
        return Err(refuse(ConnectorRefusal::NotAnAccount {
            name: account.sam_account_name.clone(),
            sid: account.sid.to_string(),
            what: "well-known".into(),
        }));
    }
    let entry = conn
        .read(&account.dn, &["objectClass", "adminCount"], vec![])
        .await?
        .ok_or_else(|| {
            refuse(ConnectorRefusal::NotFound {
                given: Some(account.dn.clone()),
            })
        })?;
    let classes = entry.texts("objectClass");
    let is = |c: &str| classes.iter().any(|x| x.eq_ignore_ascii_case(c));
    let gmsa = is("msDS-GroupManagedServiceAccount");
    if !(gmsa || (is("user") && !is("computer"))) || is("group") {
        return Err(refuse(ConnectorRefusal::NotAnAccount {
            name: account.sam_account_name.clone(),
            sid: account.sid.to_string(),
            what: classes.last().cloned().unwrap_or_default(),
        }));
    }
    let token = conn.account_token(&account.dn).await?;
    let mut sids = token.groups.clone().unwrap_or_default();
    sids.push(token.sid.clone());
    sids.extend(token.primary_group.clone());
    let protected_group = is_protected(&sids, &protected_sids(domain_sid, None), false);
    if entry.int("adminCount") == Some(1) || protected_group {
        return Err(refuse(ConnectorRefusal::Protected {
            name: account.sam_account_name.clone(),
            dn: account.dn.clone(),
        }));
    }
    Ok(())
}

/// The PDC emulator's DNS name, from the domain's `fSMORoleOwner`, when that names the NTDS
/// Settings of a DC in this forest's configuration that holds this domain.
async fn pdc_of(
    conn: &mut Connection,
    root: &RootDse,
    domain: &DomainScope,
) -> Result<Option<String>, AdError> {
    let Some(owner) = conn
        .read(&domain.dn, &["fSMORoleOwner"], vec![])
        .await?
        .and_then(|e| e.text("fSMORoleOwner"))
    else {
        return Ok(None);
    };
    let sites = format!("CN=Sites,{}", root.configuration_naming_context);
    if !is_within(&owner, &sites) {
        return Ok(None);
    }
    let Some(ntds) = conn
        .read(
            &owner,
            &["objectClass", "hasMasterNCs", "msDS-hasMasterNCs"],
            vec![],
        )
        .await?
    else {
        return Ok(None);
    };
    let holds = ntds
        .texts("msDS-hasMasterNCs")
        .into_iter()
        .chain(ntds.texts("hasMasterNCs"))
        .any(|nc| crate::ad::dn::same(&nc, &domain.dn));
    if !holds {
        return Ok(None);
    }
    let Some(server) = crate::ad::discovery::parent_dn(&owner) else {
        return Ok(None);
    };
    Ok(conn
        .read(server, &["dNSHostName"], vec![])
        .await?
        .and_then(|e| e.text("dNSHostName"))
        .filter(|n| !n.trim().is_empty()))
}

/// The sign-in for the writes: the PDC emulator's when it is another DC than the named one and
/// answers as a DC of the same domain, else the named DC's.
async fn pdc_login(
    named: &Login,
    root: &RootDse,
    domain: &DomainScope,
    pdc: Option<&str>,
) -> (Login, PdcSwitch) {
    let Some(pdc) = pdc.filter(|p| !p.eq_ignore_ascii_case(&root.dns_host_name)) else {
        return (named.clone(), PdcSwitch::Same);
    };
    let unreachable = |error: AdError| {
        (
            named.clone(),
            PdcSwitch::Unreachable {
                pdc: pdc.to_string(),
                error,
            },
        )
    };
    let login = match named.at_host(pdc) {
        Ok(l) => l,
        Err(e) => return unreachable(e),
    };
    let mut conn = match login.connect().await {
        Ok(c) => c,
        Err(e) => return unreachable(e),
    };
    let same = async {
        let r = conn.root_dse().await?;
        let sid = conn.domain_sid().await?;
        Ok::<bool, AdError>(
            crate::ad::dn::same(&r.default_naming_context, &domain.dn) && sid == domain.sid,
        )
    }
    .await;
    conn.close().await;
    match same {
        Ok(true) => (
            login,
            PdcSwitch::Connected {
                pdc: pdc.to_string(),
            },
        ),
        Ok(false) => unreachable(AdError::Malformed {
            op: "PDC emulator",
            dn: pdc.to_string(),
            reason: "it does not serve this domain".into(),
        }),
        Err(e) => unreachable(e),
    }
}
