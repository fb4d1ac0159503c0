//! Pilot readiness: for every member of the pilot group (an AD group, members resolved
//! transitively, or an Entra group), will password reset with writeback work for this user?
//! One row per person, from the directory (the same judgement as the check) and from the cloud
//! (synced, licensed, registered for SSPR, administrator).
//!
//! Microsoft Graph v1.0 does not expose which group SSPR is scoped to, so the group is asked for.

mod cloud;
mod csv;

pub use cloud::{CloudReadError, CloudUser, enabled_methods, lookup_cloud_user};
pub use csv::{csv, write_csv};

/// What could not be determined for a pilot user, and why. In data (JSON, CSV) as the engine
/// says it; the faces put it into their language (`Words::pilot_unknown`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    CloudAccount(CloudReadError),
    Licence(CloudReadError),
    Registration(CloudReadError),
    /// No sign-in to Entra ID: the cloud columns were not read.
    CloudNotChecked,
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unknown::CloudAccount(e) => write!(f, "cloud account: {e}"),
            Unknown::Licence(e) => write!(f, "licence: {e}"),
            Unknown::Registration(e) => write!(f, "SSPR registration: {e}"),
            Unknown::CloudNotChecked => {
                f.write_str("the cloud was not checked (no sign-in to Entra ID)")
            }
        }
    }
}

impl serde::Serialize for Unknown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

use crate::check::FindingId;
use ldap3::Scope;
use serde::Serialize;

use crate::ad::{AdError, Connection, Entry, Query, controls};
use crate::check::facts::Facts;
use crate::check::scan::{Judge, UserFacts, UserVerdict};
use crate::check::{Finding, Severity};
use crate::sd::rights::CHANGE_PASSWORD;
use crate::sd::{Request, Sid, Target, Token, Verdict as SdVerdict, evaluate};

/// UF_ACCOUNTDISABLE.
const ACCOUNT_DISABLED: i64 = 0x2;

/// The verdict for one pilot user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PilotVerdict {
    Ready,
    Blocked,
    /// The sync engine never synchronizes this user (see `not_synchronized`).
    NotSynchronized,
    /// Nothing blocks, but part of it could not be read.
    Unknown,
}

/// One pilot member.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PilotRow {
    pub dn: Option<String>,
    pub sam_account_name: Option<String>,
    pub user_principal_name: Option<String>,
    pub verdict: Option<PilotVerdict>,
    /// The sync engine leaves this user out, by this rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_synchronized: Option<crate::check::sync_filter::NotSynced>,
    /// What blocks writeback for this user (finding ids and per-user reasons).
    pub reasons: Vec<String>,
    /// What could not be determined, and why.
    pub unknown: Vec<Unknown>,
    pub synced: Option<bool>,
    pub licensed: Option<bool>,
    pub sspr_registered: Option<bool>,
    pub sspr_capable: Option<bool>,
    pub methods_registered: Vec<String>,
    /// Whether at least one registered method is enabled in the authentication methods policy.
    pub methods_enabled: Option<bool>,
    pub admin: Option<bool>,
    /// What a blocked user would meet resetting their password now.
    pub predicted: Option<crate::explain::predict::Prediction>,
    #[serde(skip)]
    object_sid: Option<Sid>,
    #[serde(skip)]
    object_guid: Option<[u8; 16]>,
}

impl PilotRow {
    /// The verdict from the reasons and the unknowns.
    fn decide(&mut self) {
        self.verdict = Some(if self.not_synchronized.is_some() {
            PilotVerdict::NotSynchronized
        } else if !self.reasons.is_empty() {
            PilotVerdict::Blocked
        } else if !self.unknown.is_empty() {
            PilotVerdict::Unknown
        } else {
            PilotVerdict::Ready
        });
        self.predicted = if self.verdict == Some(PilotVerdict::Blocked) {
            crate::explain::predict::first(self.reasons.iter().map(String::as_str))
        } else {
            None
        };
    }

    /// `onPremisesImmutableId`: base64 of objectGUID.
    pub fn immutable_id(&self) -> Option<String> {
        self.object_guid
            .map(|g| crate::sddl_input::encode_base64(&g))
    }
}

/// The verdict in one word.
pub fn verdict_word(v: Option<PilotVerdict>) -> &'static str {
    match v {
        Some(PilotVerdict::Ready) => "ready",
        Some(PilotVerdict::Blocked) => "blocked",
        Some(PilotVerdict::NotSynchronized) => "not-synchronized",
        Some(PilotVerdict::Unknown) | None => "unknown",
    }
}

/// The pilot table.
#[derive(Clone, Debug, Serialize)]
pub struct PilotReport {
    pub group: String,
    /// Whether the cloud columns were filled in (signed in to Entra).
    pub cloud_checked: bool,
    /// Methods the authentication methods policy enables (tenant context), when readable.
    pub enabled_methods: Option<Vec<String>>,
    pub rows: Vec<PilotRow>,
}

/// Why the pilot group could not be read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PilotError {
    #[error("no AD group matches {0:?}: give its DN or its sAMAccountName")]
    GroupNotFound(String),
    #[error("{0:?} matches several AD groups ({1}): give the DN")]
    GroupAmbiguous(String, String),
    #[error("{0:?} matches several users ({1}): give the DN")]
    UserAmbiguous(String, String),
    #[error("several Entra groups are named {0:?}: give the object ID")]
    EntraGroupAmbiguous(String),
    #[error("reading the Entra group failed: {0}")]
    Cloud(crate::entra::GraphError),
    #[error(transparent)]
    Directory(#[from] AdError),
}

const ATTRS: &[&str] = &[
    "nTSecurityDescriptor",
    "objectClass",
    "objectSid",
    "objectGUID",
    "sAMAccountName",
    "userPrincipalName",
    "adminCount",
    "msDS-ResultantPSO",
    "userAccountControl",
    "lockoutTime",
];

/// The group's DN from a DN or a name.
async fn group_dn(conn: &mut Connection, facts: &Facts, group: &str) -> Result<String, PilotError> {
    if group.contains('=') && group.contains(',') {
        return match conn.read(group, &["objectClass"], vec![]).await? {
            Some(e)
                if e.texts("objectClass")
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case("group")) =>
            {
                Ok(e.dn)
            }
            _ => Err(PilotError::GroupNotFound(group.into())),
        };
    }
    let name = ldap3::ldap_escape(group);
    let filter = format!("(&(objectClass=group)(|(sAMAccountName={name})(cn={name})))");
    let found = conn
        .search(&facts.domain.dn, Scope::Subtree, &filter, &["cn"], vec![])
        .await?;
    match found.as_slice() {
        [] => Err(PilotError::GroupNotFound(group.into())),
        [one] => Ok(one.dn.clone()),
        many => Err(PilotError::GroupAmbiguous(
            group.into(),
            many.iter()
                .map(|e| e.dn.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )),
    }
}

/// Judges one AD user for the pilot (directory side).
fn judge_entry(facts: &Facts, judge: &Judge<'_>, e: Entry) -> PilotRow {
    let disabled = e
        .int("userAccountControl")
        .is_some_and(|u| u & ACCOUNT_DISABLED != 0);
    let locked = e.int("lockoutTime").is_some_and(|t| t != 0);
    let upn = e.text("userPrincipalName");
    let guid = e
        .first("objectGUID")
        .and_then(|g| <[u8; 16]>::try_from(g).ok());
    let user = UserFacts::read(e, &facts.sync_filter);
    let mut row = PilotRow {
        dn: Some(user.dn.clone()),
        sam_account_name: Some(user.sam_account_name.clone()),
        user_principal_name: upn,
        object_sid: user.sid.clone(),
        object_guid: guid,
        ..PilotRow::default()
    };
    let mut causes = crate::check::Causes::default();
    row.reasons = match judge.judge(&user, &mut causes) {
        UserVerdict::NotSynced(rule) => {
            row.not_synchronized = Some(rule);
            vec![FindingId::PilotNotSynced.as_str().to_string()]
        }
        UserVerdict::Ready => Vec::new(),
        UserVerdict::Excluded => vec![FindingId::AdminProtected.as_str().to_string()],
        UserVerdict::Blocked { reasons, .. } => reasons.iter().map(|r| r.id.to_string()).collect(),
    };
    row.reasons.dedup();
    if !facts.in_scope(&user.dn) {
        row.reasons.push("not-in-scope".into());
    }
    if disabled {
        row.reasons.push("account-disabled".into());
    }
    if locked {
        row.reasons.push("account-locked".into());
    }
    // "User cannot change password" is a deny of Change Password for Everyone/SELF.
    if let (Some(sd), Some(sid)) = (&user.sd, &user.sid) {
        let own = Token::new(sid.clone(), []);
        let target = Target {
            class: facts
                .class_guid(&user.class_name)
                .unwrap_or(crate::sd::rights::CLASS_USER),
            object_sid: Some(sid.clone()),
        };
        if evaluate(
            &sd.dacl,
            &target,
            &own,
            &Request::ControlAccess(CHANGE_PASSWORD),
        )
        .verdict
            == SdVerdict::Denied
        {
            row.reasons.push("cannot-change-password".into());
        }
    }
    row
}

/// One user (sAMAccountName, userPrincipalName or DN) in the domain, judged on the directory
/// side as a pilot member is, with the error a reset now would meet (`None`: no such user).
pub async fn one_user(
    conn: &mut Connection,
    facts: &Facts,
    name: &str,
) -> Result<Option<PilotRow>, PilotError> {
    let escaped = ldap3::ldap_escape(name);
    let filter = format!(
        "(&(objectCategory=person)(objectClass=user)(|(sAMAccountName={escaped})(userPrincipalName={escaped})(distinguishedName={escaped})))"
    );
    let mut rows = judged_rows(conn, facts, &filter).await?;
    match rows.len() {
        0 => Ok(None),
        1 => {
            let mut row = rows.remove(0);
            row.reasons.sort();
            row.reasons.dedup();
            row.decide();
            Ok(Some(row))
        }
        _ => Err(PilotError::UserAmbiguous(
            name.into(),
            rows.iter()
                .filter_map(|r| r.dn.as_deref())
                .collect::<Vec<_>>()
                .join("; "),
        )),
    }
}

/// The members of an AD group (transitively, LDAP_MATCHING_RULE_IN_CHAIN), judged on the
/// directory side.
pub async fn ad_members(
    conn: &mut Connection,
    facts: &Facts,
    group: &str,
) -> Result<Vec<PilotRow>, PilotError> {
    let dn = group_dn(conn, facts, group).await?;
    let filter = format!(
        "(&(objectCategory=person)(objectClass=user)(memberOf:1.2.840.113556.1.4.1941:={}))",
        ldap3::ldap_escape(&dn)
    );
    let mut rows = judged_rows(conn, facts, &filter).await?;
    rows.sort_by(|a, b| a.dn.cmp(&b.dn));
    Ok(rows)
}

/// The users of the domain that `filter` finds, each judged on the directory side.
async fn judged_rows(
    conn: &mut Connection,
    facts: &Facts,
    filter: &str,
) -> Result<Vec<PilotRow>, PilotError> {
    let judge = Judge::new(facts);
    let filter_attrs = facts.sync_filter.attributes();
    let attrs: Vec<&str> = ATTRS
        .iter()
        .copied()
        .chain(filter_attrs.iter().map(String::as_str))
        .collect();
    let query = Query {
        base: &facts.domain.dn,
        scope: Scope::Subtree,
        filter,
        attrs: &attrs,
        controls: vec![controls::sd_flags(controls::DACL)],
    };
    let mut rows = Vec::new();
    conn.search_paged(query, 500, |e| rows.push(judge_entry(facts, &judge, e)))
        .await?;
    Ok(rows)
}

/// Adds the cloud columns to `row` from what Graph said about the user.
pub fn apply_cloud(row: &mut PilotRow, cloud: &CloudUser, enabled: Option<&[String]>) {
    match &cloud.id {
        Err(e) => row.unknown.push(Unknown::CloudAccount(e.clone())),
        Ok(None) => {
            row.synced = Some(false);
            row.reasons
                .push(FindingId::PilotNotSynced.as_str().to_string());
        }
        Ok(Some(_)) => {
            row.synced = Some(true);
            if row.user_principal_name.is_none() {
                row.user_principal_name = cloud.user_principal_name.clone();
            }
        }
    }
    match &cloud.licensed {
        Some(Ok(true)) => row.licensed = Some(true),
        Some(Ok(false)) => {
            row.licensed = Some(false);
            row.reasons
                .push(FindingId::PilotNoLicense.as_str().to_string());
        }
        Some(Err(e)) => row.unknown.push(Unknown::Licence(e.clone())),
        None => {}
    }
    match &cloud.registration {
        Some(Ok(r)) => {
            row.sspr_registered = Some(r.is_sspr_registered);
            row.sspr_capable = Some(r.is_sspr_capable);
            row.admin = Some(r.is_admin);
            row.methods_registered = r.methods_registered.clone();
            if !r.is_sspr_registered {
                row.reasons
                    .push(FindingId::PilotNotRegistered.as_str().to_string());
            }
            if let Some(enabled) = enabled {
                row.methods_enabled =
                    Some(cloud::any_method_enabled(&r.methods_registered, enabled));
            }
        }
        Some(Err(e)) => row.unknown.push(Unknown::Registration(e.clone())),
        None => {}
    }
}

/// Findings for the pilot table.
pub fn findings(report: &PilotReport) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &report.rows {
        let who = row
            .dn
            .clone()
            .or_else(|| row.user_principal_name.clone())
            .unwrap_or_default();
        if row
            .reasons
            .iter()
            .any(|r| r == FindingId::PilotNotSynced.as_str())
        {
            out.push(Finding::new(
                FindingId::PilotNotSynced,
                Severity::Error,
                &who,
            ));
        }
        if row
            .reasons
            .iter()
            .any(|r| r == FindingId::PilotNoLicense.as_str())
        {
            out.push(Finding::new(
                FindingId::PilotNoLicense,
                Severity::Error,
                &who,
            ));
        }
        if row
            .reasons
            .iter()
            .any(|r| r == FindingId::PilotNotRegistered.as_str())
        {
            out.push(Finding::new(
                FindingId::PilotNotRegistered,
                Severity::Warning,
                &who,
            ));
        }
        if row.admin == Some(true) {
            out.push(Finding::new(FindingId::PilotAdmin, Severity::Info, &who));
        }
        if row.verdict == Some(PilotVerdict::Blocked) {
            out.push(
                Finding::new(FindingId::PilotUserBlocked, Severity::Error, &who)
                    .arg(
                        "name",
                        row.sam_account_name
                            .as_deref()
                            .or(row.user_principal_name.as_deref())
                            .unwrap_or("?"),
                    )
                    .arg("reasons", row.reasons.clone()),
            );
        }
    }
    out
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupRef {
    id: String,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Member {
    #[serde(rename = "@odata.type", default)]
    odata_type: String,
    #[serde(default)]
    user_principal_name: Option<String>,
    #[serde(default)]
    on_premises_security_identifier: Option<String>,
}

fn is_guid(s: &str) -> bool {
    s.parse::<crate::sd::Guid>().is_ok()
}

/// The members of an Entra group (object ID or display name), transitively, matched to their
/// AD accounts by SID.
async fn entra_members(
    conn: &mut Connection,
    facts: &Facts,
    graph: &crate::entra::Graph,
    group: &str,
) -> Result<Vec<PilotRow>, PilotError> {
    let graph_err = PilotError::Cloud;
    let id = if is_guid(group) {
        group.to_string()
    } else {
        let filter: String = url::form_urlencoded::byte_serialize(
            format!("displayName eq '{}'", group.replace('\'', "''")).as_bytes(),
        )
        .collect();
        let groups: Vec<GroupRef> = graph
            .get_all(&format!("/groups?$filter={filter}&$select=id"))
            .await
            .map_err(graph_err)?;
        match groups.as_slice() {
            [] => return Err(PilotError::GroupNotFound(group.into())),
            [one] => one.id.clone(),
            _ => {
                return Err(PilotError::EntraGroupAmbiguous(group.into()));
            }
        }
    };
    let members: Vec<Member> = graph
        .get_all(&format!("/groups/{id}/transitiveMembers?$select=id,userPrincipalName,onPremisesSecurityIdentifier"))
        .await
        .map_err(graph_err)?;
    let judge = Judge::new(facts);
    let mut rows = Vec::new();
    for m in members
        .into_iter()
        .filter(|m| m.odata_type == "#microsoft.graph.user")
    {
        let entry = match m
            .on_premises_security_identifier
            .as_deref()
            .and_then(|s| s.parse::<Sid>().ok())
        {
            Some(sid) => {
                let filter = format!(
                    "(objectSid={})",
                    crate::ad::schema::escape_binary(&sid.to_bytes())
                );
                conn.search(
                    &facts.domain.dn,
                    Scope::Subtree,
                    &filter,
                    ATTRS,
                    vec![controls::sd_flags(controls::DACL)],
                )
                .await?
                .into_iter()
                .next()
            }
            None => None,
        };
        rows.push(match entry {
            Some(e) => judge_entry(facts, &judge, e),
            None => PilotRow {
                user_principal_name: m.user_principal_name,
                reasons: vec![FindingId::PilotNotSynced.as_str().to_string()],
                synced: Some(false),
                ..PilotRow::default()
            },
        });
    }
    Ok(rows)
}

/// Builds the pilot table for `group`: an AD group (DN or name) or, with `graph`, an Entra group
/// (object ID or display name). Without `graph` the cloud columns stay unknown.
pub async fn run(
    conn: &mut Connection,
    facts: &Facts,
    group: &str,
    graph: Option<&crate::entra::Graph>,
) -> Result<PilotReport, PilotError> {
    let mut rows = match (is_guid(group), graph) {
        (true, Some(g)) => entra_members(conn, facts, g, group).await?,
        (_, g) => match (ad_members(conn, facts, group).await, g) {
            (Err(PilotError::GroupNotFound(_)), Some(g)) => {
                entra_members(conn, facts, g, group).await?
            }
            (other, _) => other?,
        },
    };
    let enabled = match graph {
        Some(g) => Some(enabled_methods(g).await),
        None => None,
    };
    for row in &mut rows {
        match graph {
            Some(g) => {
                if row.dn.is_some() {
                    let cloud = lookup_cloud_user(g, row).await;
                    apply_cloud(
                        row,
                        &cloud,
                        enabled
                            .as_ref()
                            .and_then(|e| e.as_ref().ok())
                            .map(Vec::as_slice),
                    );
                }
            }
            None => row.unknown.push(Unknown::CloudNotChecked),
        }
        row.reasons.sort();
        row.reasons.dedup();
        row.decide();
    }
    Ok(PilotReport {
        group: group.to_string(),
        cloud_checked: graph.is_some(),
        enabled_methods: enabled.and_then(Result::ok),
        rows,
    })
}

#[cfg(test)]
mod tests;
