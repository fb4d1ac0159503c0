//! Finding the AD DS connector account (the account Entra Connect's AD connector signs in as).
//!
//! Given: a sAMAccountName, `DOMAIN\name`, a UPN or a DN. Otherwise detected by what Entra
//! Connect creates: a sAMAccountName `MSOL_<hex>` (or `AAD_<hex>` from older versions), or the
//! description Connect writes ("Account created by Microsoft Azure Active Directory Connect …").

use ldap3::{Scope, ldap_escape};

use super::connection::Connection;
use super::entry::Entry;
use super::error::AdError;
use crate::sd::Sid;

/// A user account.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Account {
    pub dn: String,
    pub sam_account_name: String,
    pub user_principal_name: Option<String>,
    pub sid: Sid,
    pub description: Option<String>,
    /// `userAccountControl` has ACCOUNTDISABLE.
    #[serde(default)]
    pub disabled: bool,
    /// `lastLogonTimestamp` (100-ns ticks since 1601), when set.
    #[serde(default)]
    pub last_logon: Option<i64>,
    /// `pwdLastSet`, when set.
    #[serde(default)]
    pub pwd_last_set: Option<i64>,
}

impl Account {
    /// The description is the one Entra Connect (or Azure AD Connect) writes on the accounts it
    /// creates.
    pub fn has_connect_description(&self) -> bool {
        self.description.as_deref().is_some_and(|d| {
            let d = d.to_ascii_lowercase();
            d.contains("azure active directory connect")
                || d.contains("azure ad connect")
                || d.contains("microsoft entra connect")
        })
    }
}

/// The outcome of looking for the connector account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectorLookup {
    Found(Account),
    /// Nothing matched. `given` is what the user asked for, if anything.
    NotFound {
        given: Option<String>,
    },
    /// More than one account matched.
    Ambiguous {
        given: Option<String>,
        candidates: Vec<Account>,
    },
}

const ATTRS: &[&str] = &[
    "sAMAccountName",
    "userPrincipalName",
    "objectSid",
    "description",
    "userAccountControl",
    "lastLogonTimestamp",
    "pwdLastSet",
];

/// The LDAP filter that detects connector accounts.
pub const DETECT_FILTER: &str = "(&(objectCategory=person)(objectClass=user)(|(sAMAccountName=MSOL_*)(sAMAccountName=AAD_*)(description=*Azure Active Directory Connect*)(description=*Azure AD Connect*)(description=*Microsoft Entra Connect*)))";

fn account(e: &Entry) -> Option<Account> {
    Some(Account {
        dn: e.dn.clone(),
        sam_account_name: e.text("sAMAccountName")?,
        user_principal_name: e.text("userPrincipalName"),
        sid: Sid::from_ldap_value(e.first("objectSid")?).ok()?,
        description: e.text("description"),
        disabled: e.int("userAccountControl").is_some_and(|u| u & 0x2 != 0),
        last_logon: e.int("lastLogonTimestamp").filter(|t| *t > 0),
        pwd_last_set: e.int("pwdLastSet").filter(|t| *t > 0),
    })
}

/// The filter for an account given as sAMAccountName, `DOMAIN\name` or UPN; `None` for a DN.
pub fn account_filter(given: &str) -> Option<String> {
    let given = given.trim();
    if given.contains('=') && given.contains(',') {
        return None;
    }
    let base = "(objectCategory=person)(objectClass=user)";
    Some(if given.contains('@') {
        format!("(&{base}(userPrincipalName={}))", ldap_escape(given))
    } else {
        let name = given.rsplit_once('\\').map_or(given, |(_, n)| n);
        format!("(&{base}(sAMAccountName={}))", ldap_escape(name))
    })
}

impl Connection {
    /// Looks the connector up in the domain `domain_dn`: the account `given`, or the detected
    /// candidates.
    pub async fn find_connector(
        &mut self,
        domain_dn: &str,
        given: Option<&str>,
    ) -> Result<ConnectorLookup, AdError> {
        let entries = match given {
            Some(g) => match account_filter(g) {
                Some(filter) => {
                    self.search(domain_dn, Scope::Subtree, &filter, ATTRS, vec![])
                        .await?
                }
                None => self
                    .read(g.trim(), ATTRS, vec![])
                    .await?
                    .into_iter()
                    .collect(),
            },
            None => {
                self.search(domain_dn, Scope::Subtree, DETECT_FILTER, ATTRS, vec![])
                    .await?
            }
        };
        let mut found: Vec<Account> = entries.iter().filter_map(account).collect();
        found.sort_by(|a, b| a.dn.cmp(&b.dn));
        let given = given.map(str::to_string);
        Ok(match found.len() {
            0 => ConnectorLookup::NotFound { given },
            1 => ConnectorLookup::Found(found.remove(0)),
            _ => ConnectorLookup::Ambiguous {
                given,
                candidates: found,
            },
        })
    }
}
