//! The logon token of an account as the DC would build it when the account signs in over the
//! network (the connector binding to LDAP), read without the account's password.
//!
//! A DC builds a network-logon token from (MS-ADTS 3.1.1.4.2, MS-DTYP 2.5.2, and Samba 4.17's
//! `source4/auth/session.c`, `authsam_make_user_info_dc`):
//! * the account's SID and its primary group (`primaryGroupID`);
//! * its groups, transitively (what `tokenGroups` returns; security groups only);
//! * its `sIDHistory` (Windows; Samba 4.17 leaves it out);
//! * the well-known SIDs of a network logon: Everyone, NETWORK, Authenticated Users and, on
//!   Windows, This Organization and the authentication-authority SID;
//! * the aliases (builtin and, on Windows, domain-local groups) that contain any of these —
//!   for example BUILTIN\Pre-Windows 2000 Compatible Access through Authenticated Users, which
//!   `tokenGroups` on the account does not show.
//!
//! The well-known part is not guessed: it is read from the DC itself, as the SIDs of this
//! connection's own logon (`tokenGroups` of the rootDSE, MS-ADTS 3.1.1.3.2.18 / Samba
//! `rootdse.c`), which is a network logon too. An alias reached through one of them counts when
//! the DC put it into this connection's own token as well.

use ldap3::Scope;

use super::connection::Connection;
use super::error::AdError;
use crate::sd::Sid;

/// The SIDs every network logon carries on this DC, and the aliases reached through them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogonSids {
    /// Everyone, NETWORK, Authenticated Users … as the DC put them into this session's token.
    pub well_known: Vec<Sid>,
    /// Groups that contain one of `well_known` (through a foreign security principal), present
    /// in this session's token.
    pub aliases: Vec<Sid>,
    /// Read from the DC (`true`), or assumed because the rootDSE's `tokenGroups` could not be
    /// read (`false`).
    pub from_dc: bool,
}

/// An account's own part of its token, read from its object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountToken {
    pub sid: Sid,
    /// `tokenGroups`; `None` when the DC did not return it (no right to read it).
    pub groups: Option<Vec<Sid>>,
    /// Domain SID + `primaryGroupID`.
    pub primary_group: Option<Sid>,
    pub sid_history: Vec<Sid>,
}

impl AccountToken {
    /// Whether the groups were read: `tokenGroups` always holds at least the primary group, so
    /// an empty value means it was not computed for us.
    pub fn groups_known(&self) -> bool {
        self.groups.as_ref().is_some_and(|g| !g.is_empty())
    }
}

/// A well-known SID a logon carries (not a domain account or group, not a builtin alias, not an
/// integrity label).
pub fn is_logon_sid(sid: &Sid) -> bool {
    let subs = sid.sub_authorities();
    match sid.authority() {
        5 => !matches!(subs.first(), Some(21 | 32)),
        16 => false,
        _ => true,
    }
}

/// What a network logon carries when the DC cannot be asked: Everyone, NETWORK, Authenticated
/// Users and This Organization (MS-DTYP 2.4.2.4).
pub fn default_logon_sids() -> Vec<Sid> {
    [(1, 0), (5, 2), (5, 11), (5, 15)]
        .iter()
        .filter_map(|(a, s)| Sid::new(*a, &[*s]).ok())
        .collect()
}

fn sid_values(entry: &super::Entry, attr: &str, dn: &str) -> Result<Vec<Sid>, AdError> {
    entry
        .values(attr)
        .iter()
        .map(|v| {
            Sid::from_ldap_value(v).map_err(|e| AdError::Malformed {
                op: "read a token",
                dn: dn.to_string(),
                reason: format!("{attr}: {e}"),
            })
        })
        .collect()
}

impl Connection {
    /// The SIDs of this connection's own logon token (`tokenGroups` of the rootDSE); `None`
    /// when the DC does not return it.
    pub async fn session_token(&mut self) -> Result<Option<Vec<Sid>>, AdError> {
        let entries = self
            .search("", Scope::Base, "(objectClass=*)", &["tokenGroups"], vec![])
            .await?;
        let Some(entry) = entries.into_iter().next() else {
            return Ok(None);
        };
        let sids = sid_values(&entry, "tokenGroups", "rootDSE")?;
        Ok((!sids.is_empty()).then_some(sids))
    }

    /// The account's SID, `tokenGroups`, primary group (in the account's own domain) and
    /// `sIDHistory` (a base search: the DC computes `tokenGroups` only there).
    pub async fn account_token(&mut self, dn: &str) -> Result<AccountToken, AdError> {
        let entry = self
            .search(
                dn,
                Scope::Base,
                "(objectClass=*)",
                &["objectSid", "tokenGroups", "primaryGroupID", "sIDHistory"],
                vec![],
            )
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| AdError::Operation {
                op: "read tokenGroups",
                dn: dn.to_string(),
                code: super::error::NO_SUCH_OBJECT,
                text: "no such object".into(),
            })?;
        let sid = sid_values(&entry, "objectSid", dn)?
            .into_iter()
            .next()
            .ok_or_else(|| AdError::Malformed {
                op: "read tokenGroups",
                dn: dn.to_string(),
                reason: "the object has no objectSid".into(),
            })?;
        let groups = if entry.values("tokenGroups").is_empty() {
            None
        } else {
            Some(sid_values(&entry, "tokenGroups", dn)?)
        };
        let primary_group = entry
            .int("primaryGroupID")
            .and_then(|rid| u32::try_from(rid).ok())
            .and_then(|rid| sid.parent()?.with_rid(rid));
        Ok(AccountToken {
            sid,
            groups,
            primary_group,
            sid_history: sid_values(&entry, "sIDHistory", dn)?,
        })
    }

    /// The SIDs of the groups in `domain_dn` that contain the foreign security principal of
    /// `sid`, directly or through other groups (LDAP_MATCHING_RULE_IN_CHAIN), with their
    /// `groupType`.
    pub async fn groups_containing_principal(
        &mut self,
        domain_dn: &str,
        sid: &Sid,
    ) -> Result<Vec<(Sid, i64)>, AdError> {
        let fsp = format!("CN={sid},CN=ForeignSecurityPrincipals,{domain_dn}");
        let filter = format!(
            "(&(objectClass=group)(member:1.2.840.113556.1.4.1941:={}))",
            ldap3::ldap_escape(&fsp)
        );
        let entries = self
            .search(
                domain_dn,
                Scope::Subtree,
                &filter,
                &["objectSid", "groupType"],
                vec![],
            )
            .await?;
        let mut out = Vec::new();
        for e in entries {
            if let Some(s) = sid_values(&e, "objectSid", &e.dn)?.into_iter().next() {
                out.push((s, e.int("groupType").unwrap_or(0)));
            }
        }
        Ok(out)
    }

    /// The well-known SIDs of a network logon on this DC and the aliases reached through them
    /// (see the module documentation). `builtin_only` keeps only builtin aliases when the DC's
    /// own token cannot be read (Samba's rule); Windows adds domain-local groups too.
    pub async fn logon_sids(
        &mut self,
        domain_dn: &str,
        builtin_only: bool,
    ) -> Result<LogonSids, AdError> {
        let own = self.session_token().await?;
        let (well_known, from_dc) = match &own {
            Some(sids) => (
                sids.iter().filter(|s| is_logon_sid(s)).cloned().collect(),
                true,
            ),
            None => (default_logon_sids(), false),
        };
        let mut aliases: Vec<Sid> = Vec::new();
        for sid in &well_known {
            for (group, group_type) in self.groups_containing_principal(domain_dn, sid).await? {
                let keep = match &own {
                    Some(own) => own.contains(&group),
                    None => !builtin_only || group_type & 0x1 != 0,
                };
                if keep && !aliases.contains(&group) {
                    aliases.push(group);
                }
            }
        }
        Ok(LogonSids {
            well_known,
            aliases,
            from_dc,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logon_sids_are_the_well_known_ones() {
        for s in ["S-1-1-0", "S-1-5-2", "S-1-5-11", "S-1-5-15", "S-1-18-1"] {
            assert!(is_logon_sid(&s.parse().unwrap()), "{s}");
        }
        for s in ["S-1-5-21-1-2-3-513", "S-1-5-32-554", "S-1-16-12288"] {
            assert!(!is_logon_sid(&s.parse().unwrap()), "{s}");
        }
    }

    #[test]
    fn an_empty_token_groups_value_is_not_known() {
        let t = AccountToken {
            sid: "S-1-5-21-1-2-3-1000".parse().unwrap(),
            groups: Some(Vec::new()),
            primary_group: None,
            sid_history: Vec::new(),
        };
        assert!(!t.groups_known());
    }
}
