//! A baseline: what decided writeback for one directory when it was saved — the connector and
//! its groups, the password ages, every cause and the users it blocked, the protected
//! administrators — and the drift between two of them (then and now).
//!
//! A baseline file is authenticated with the local key ([`crate::seal`]) like backups: one that
//! was edited, or written on another machine or by another user, is refused, so a stranger's
//! file can never say "nothing changed". Format `writeback-wizard-baseline`, version 1 (see the
//! README, "Drift").

mod containers;
mod set;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use containers::{ContainerChange, ContainerState, Containers};
pub use set::{open_any, pick, sealed_set};

use super::{BlockedRef, CheckOutcome, Readiness};
use crate::ad::{AdError, Connection, metadata};
use crate::seal::{KeyError, LocalKey};

/// The format's name in the file.
pub const FORMAT: &str = "writeback-wizard-baseline";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// What decided writeback for one directory at one time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub format: String,
    pub version: u32,
    /// When it was saved (RFC 3339, UTC).
    pub time: String,
    pub domain_dn: String,
    pub domain_sid: String,
    /// The DC it was read from.
    pub dc: String,
    /// The connector's SID (`None`: no single connector was found).
    pub connector_sid: Option<String>,
    /// Its transitive groups (tokenGroups), sorted.
    pub connector_groups: Vec<String>,
    /// The domain's minimum password age (100-ns intervals, negative as AD stores it).
    pub min_pwd_age: Option<i64>,
    /// The password settings objects: DN (lower case) → (minimum age, precedence).
    pub psos: BTreeMap<String, (Option<i64>, Option<i64>)>,
    /// Whom each PSO applies to (`msDS-PSOAppliesTo`, sorted): PSO DN (lower case) → DNs.
    /// Absent in baselines of earlier builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pso_links: Option<BTreeMap<String, Vec<String>>>,
    /// The domain root's and every container's in scope: inheritance, and the ACEs that allow or
    /// deny a writeback right to a SID in the connector's token ([`containers`]). Absent in
    /// baselines of earlier builds and without a connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Containers>,
    pub in_scope: usize,
    pub ready: usize,
    /// Every cause: "finding-id@object" (object in lower case) → the users it blocked and the
    /// deciding ACEs (SDDL, a few).
    pub causes: BTreeMap<String, CauseState>,
    /// Every blocked user: DN → its reasons ("finding-id@object"), sorted.
    pub blocked: BTreeMap<String, Vec<String>>,
    /// The protected administrators (excluded by design), DNs.
    pub excluded: BTreeSet<String>,
    /// Users in scope who are members (directly or through nested groups) of a protected group
    /// of this domain, whatever their adminCount: on Windows, SDProp protects a new member within
    /// the hour, and writeback then excludes it.
    pub protected_members: BTreeSet<String>,
    /// The last change of each watched attribute ([`metadata::WATCHED`]) of the objects that
    /// decide writeback (the domain, the containers in scope, the PSOs, every cause's object):
    /// DN (lower case) → attribute → stamp.
    pub stamps: BTreeMap<String, BTreeMap<String, StampState>>,
    /// The MAC under the local key of the file with this field empty.
    #[serde(default)]
    pub mac: String,
}

/// One cause as a baseline keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CauseState {
    pub users: usize,
    pub evidence: Vec<String>,
}

/// An attribute's last change as a baseline keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StampState {
    pub version: u32,
    /// The originating change's time (RFC 3339, UTC).
    pub time: String,
    /// The DC where it was made (its name, or its invocation ID when no DC holds it now).
    pub dc: String,
}

/// Objects → attributes → stamps.
pub type Stamps = BTreeMap<String, BTreeMap<String, StampState>>;

/// What a baseline reads beside the check: the stamps and the protected groups' members.
#[derive(Clone, Debug, Default)]
pub struct Read {
    pub stamps: Stamps,
    pub protected_members: BTreeSet<String>,
}

/// Reads what a baseline needs beside the check's own facts.
pub async fn read(conn: &mut Connection, outcome: &CheckOutcome) -> Result<Read, AdError> {
    Ok(Read {
        stamps: read_stamps(conn, outcome, &[]).await?,
        protected_members: read_protected_members(conn, outcome).await?,
    })
}

/// The users in scope in a protected group of this domain (MS-ADTS 3.1.1.6.1.2), transitively
/// (LDAP_MATCHING_RULE_IN_CHAIN). The forest root's groups are counted where this domain is the
/// root.
pub async fn read_protected_members(
    conn: &mut Connection,
    outcome: &CheckOutcome,
) -> Result<BTreeSet<String>, AdError> {
    let f = &outcome.facts;
    let base = f.domain.dn.as_str();
    let root =
        crate::ad::dn::same(base, &f.root_dse.root_domain_naming_context).then_some(&f.domain.sid);
    let mut out = BTreeSet::new();
    for sid in super::facts::admins::protected_sids(&f.domain.sid, root) {
        // The two protected accounts (Administrator, krbtgt) are users, not groups.
        if matches!(sid.rid(), Some(500 | 502)) && sid.sub_authorities().len() == 5 {
            continue;
        }
        let filter = format!("(&(objectClass=group)(objectSid={sid}))");
        let groups = conn
            .search(base, ldap3::Scope::Subtree, &filter, &["1.1"], vec![])
            .await?;
        for g in groups {
            let filter = format!(
                "(&(objectCategory=person)(objectClass=user)(memberOf:1.2.840.113556.1.4.1941:={}))",
                ldap3::ldap_escape(&g.dn)
            );
            let members = conn
                .search(base, ldap3::Scope::Subtree, &filter, &["1.1"], vec![])
                .await?;
            out.extend(
                members
                    .into_iter()
                    .map(|m| m.dn)
                    .filter(|dn| f.in_scope(dn)),
            );
        }
    }
    Ok(out)
}

/// Reads the stamps of the watched attributes of the objects that decide writeback in
/// `outcome` (and `extra`), each DC named.
pub async fn read_stamps(
    conn: &mut Connection,
    outcome: &CheckOutcome,
    extra: &[String],
) -> Result<Stamps, AdError> {
    let f = &outcome.facts;
    let dcs = conn
        .dcs_by_invocation(&f.root_dse.configuration_naming_context)
        .await?;
    let mut objects: BTreeSet<String> = BTreeSet::new();
    objects.insert(f.domain.dn.clone());
    objects.extend(f.tree.nodes.iter().map(|n| n.dn.clone()));
    objects.extend(f.psos.iter().map(|p| p.dn.clone()));
    objects.extend(
        outcome
            .scan
            .causes
            .iter()
            .filter(|c| c.object.contains('='))
            .map(|c| c.object.to_string()),
    );
    objects.extend(extra.iter().cloned());
    let mut out = Stamps::new();
    let mut seen = BTreeSet::new();
    for dn in objects {
        if !seen.insert(dn.to_ascii_lowercase()) {
            continue;
        }
        let Some(stamps) = conn.stamps(&dn).await? else {
            continue;
        };
        let attrs = stamps
            .into_iter()
            .filter_map(|s| {
                let name = metadata::name_of(s.attid)?;
                let dc = dcs
                    .get(&s.invocation)
                    .cloned()
                    .unwrap_or_else(|| s.invocation.to_string());
                Some((
                    name.to_string(),
                    StampState {
                        version: s.version,
                        time: crate::clock::rfc3339(s.time),
                        dc,
                    },
                ))
            })
            .collect();
        out.insert(dn.to_ascii_lowercase(), attrs);
    }
    Ok(out)
}

/// Why a baseline file cannot be compared.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("the baseline is not valid JSON of this tool's baseline format: {0}")]
    Syntax(String),
    #[error("the baseline is version {0}; this build reads version {VERSION}")]
    Version(u32),
    #[error(
        "the baseline was changed after it was saved, or saved by another user or on another machine: it is not compared"
    )]
    NotSealed,
    #[error("the local key cannot be read, so the baseline cannot be authenticated: {0}")]
    Key(#[from] KeyError),
    #[error("the baseline is of another domain ({then}), not {now}")]
    OtherDomain { then: String, now: String },
    #[error("the baseline file holds no baseline of {now}")]
    NotInSet { now: String },
}

fn key_of(id: impl std::fmt::Display, object: &str) -> String {
    format!("{id}@{}", object.to_ascii_lowercase())
}

impl Baseline {
    /// The baseline of a check: its facts and causes, and the blocked users the scan gave
    /// (the caller keeps them as they stream by).
    pub fn of<'a>(
        outcome: &CheckOutcome,
        blocked: impl IntoIterator<Item = BlockedRef<'a>>,
        read: Read,
        time: String,
    ) -> Baseline {
        let Read {
            stamps,
            protected_members,
        } = read;
        let f = &outcome.facts;
        let s = &outcome.scan;
        let mut groups: Vec<String> = f
            .connector
            .iter()
            .flat_map(|c| c.groups.iter().map(|g| g.to_string()))
            .collect();
        groups.sort();
        groups.dedup();
        Baseline {
            format: FORMAT.into(),
            version: VERSION,
            time,
            domain_dn: f.domain.dn.clone(),
            domain_sid: f.domain.sid.to_string(),
            dc: f.server.clone(),
            connector_sid: f.connector.as_ref().map(|c| c.account.sid.to_string()),
            connector_groups: groups,
            min_pwd_age: f.domain.min_pwd_age,
            psos: f
                .psos
                .iter()
                .map(|p| (p.dn.to_ascii_lowercase(), (p.min_age, p.precedence)))
                .collect(),
            pso_links: Some(
                f.psos
                    .iter()
                    .map(|p| {
                        let mut to = p.applies_to.clone();
                        to.sort();
                        (p.dn.to_ascii_lowercase(), to)
                    })
                    .collect(),
            ),
            containers: containers::of(f),
            in_scope: s.in_scope,
            ready: s.ready,
            causes: s
                .causes
                .iter()
                .map(|c| {
                    let state = CauseState {
                        users: c.users,
                        evidence: c.evidence.iter().cloned().collect(),
                    };
                    (key_of(c.id, &c.object), state)
                })
                .collect(),
            blocked: blocked
                .into_iter()
                .map(|b| {
                    let mut reasons: Vec<String> =
                        b.reasons.iter().map(|r| key_of(r.id, &r.object)).collect();
                    reasons.sort();
                    reasons.dedup();
                    (b.dn.to_string(), reasons)
                })
                .collect(),
            excluded: s.excluded.iter().map(|x| x.dn.clone()).collect(),
            protected_members,
            stamps,
            mac: String::new(),
        }
    }

    /// The bytes the MAC covers: the baseline with an empty MAC, as this build writes it.
    fn signed_bytes(&self) -> Vec<u8> {
        let mut unsigned = self.clone();
        unsigned.mac.clear();
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_vec(&unsigned).unwrap_or_default()
    }

    /// The file's text, sealed with `key`.
    pub fn sealed(&self, key: &LocalKey) -> String {
        let mut out = self.clone();
        out.mac = key.sign(&self.signed_bytes());
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }

    /// Reads a baseline file: its format and version, then its MAC under the local key. Nothing
    /// of an unauthenticated baseline is used.
    pub fn open(text: &str, key: Result<&LocalKey, &KeyError>) -> Result<Baseline, BaselineError> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| BaselineError::Syntax(e.to_string()))?;
        if head.format != FORMAT {
            return Err(BaselineError::Syntax(format!(
                "format {:?}, not {FORMAT:?}",
                head.format
            )));
        }
        if head.version != VERSION {
            return Err(BaselineError::Version(head.version));
        }
        let b: Baseline =
            serde_json::from_str(text).map_err(|e| BaselineError::Syntax(e.to_string()))?;
        let key = key.map_err(|e| BaselineError::Key(e.clone()))?;
        if b.mac.is_empty() || !key.verify(&b.signed_bytes(), &b.mac) {
            return Err(BaselineError::NotSealed);
        }
        Ok(b)
    }
}

/// What changed between two baselines of the same domain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// Causes now that were not then: "finding-id@object" → users blocked now, evidence.
    pub causes_new: BTreeMap<String, CauseState>,
    /// Causes then that are gone: → users they blocked then.
    pub causes_gone: BTreeMap<String, CauseState>,
    /// The changes behind them, from the directory's replication metadata: what changed on
    /// which object, when, where, and whom it blocked or unblocked.
    pub changes: Vec<Change>,
    /// Users blocked now that were not then (DN → reasons now).
    pub newly_blocked: BTreeMap<String, Vec<String>>,
    /// Of those, the ones whose every reason was already a cause then (it blocked others
    /// then): the cause is older than the baseline.
    pub blocked_by_older_causes: BTreeSet<String>,
    /// Users blocked then and now, with reasons now that they did not have then (DN → the new
    /// reasons): fixing what blocked them then is no longer enough.
    pub more_reasons: BTreeMap<String, Vec<String>>,
    /// Users blocked then and not now.
    pub unblocked: BTreeSet<String>,
    /// Protected administrators now that were not then, and the reverse.
    pub newly_excluded: BTreeSet<String>,
    pub no_longer_excluded: BTreeSet<String>,
    /// Users who joined a protected group since (on Windows SDProp protects them within the
    /// hour), and who left one.
    pub joined_protected: BTreeSet<String>,
    pub left_protected: BTreeSet<String>,
    /// Settings that changed: (what, then, now).
    pub settings: Vec<(String, String, String)>,
    /// Each container whose writeback ACEs or inheritance changed.
    pub containers: Vec<ContainerChange>,
}

/// One attribute of one object that changed since the baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The object's DN (lower case).
    pub object: String,
    pub attribute: String,
    /// The version at the baseline (`None`: the baseline did not watch this object).
    pub version_then: Option<u32>,
    pub version_now: u32,
    /// When and where the last change was made.
    pub time: String,
    pub dc: String,
    /// Whether the last change is older than the baseline (the baseline did not watch it).
    pub before_baseline: bool,
    /// Users blocked since the baseline with a reason at this object.
    pub blocked_since: usize,
    /// Users no longer blocked whose reasons then named this object.
    pub unblocked_since: usize,
}

impl Drift {
    /// Nothing changed that decides writeback.
    pub fn is_empty(&self) -> bool {
        *self == Drift::default()
    }

    /// Some user is blocked now who was not then, or by a cause that is new.
    pub fn blocks_users(&self) -> bool {
        !self.newly_blocked.is_empty() || !self.more_reasons.is_empty()
    }
}

/// The drift from `then` to `now` (both of the same domain).
pub fn compare(then: &Baseline, now: &Baseline) -> Result<Drift, BaselineError> {
    if !then.domain_sid.eq_ignore_ascii_case(&now.domain_sid) {
        return Err(BaselineError::OtherDomain {
            then: then.domain_dn.clone(),
            now: now.domain_dn.clone(),
        });
    }
    let mut d = Drift::default();
    for (k, c) in &now.causes {
        if !then.causes.contains_key(k) {
            d.causes_new.insert(k.clone(), c.clone());
        }
    }
    for (k, c) in &then.causes {
        if !now.causes.contains_key(k) {
            d.causes_gone.insert(k.clone(), c.clone());
        }
    }
    for (dn, reasons) in &now.blocked {
        if let Some(before) = then.blocked.get(dn) {
            let added: Vec<String> = reasons
                .iter()
                .filter(|r| !before.contains(r))
                .cloned()
                .collect();
            if !added.is_empty() {
                d.more_reasons.insert(dn.clone(), added);
            }
            continue;
        }
        {
            if reasons.iter().all(|r| then.causes.contains_key(r)) {
                d.blocked_by_older_causes.insert(dn.clone());
            }
            d.newly_blocked.insert(dn.clone(), reasons.clone());
        }
    }
    d.unblocked = then
        .blocked
        .keys()
        .filter(|dn| !now.blocked.contains_key(*dn))
        .cloned()
        .collect();
    d.newly_excluded = now.excluded.difference(&then.excluded).cloned().collect();
    d.no_longer_excluded = then.excluded.difference(&now.excluded).cloned().collect();
    d.joined_protected = now
        .protected_members
        .difference(&then.protected_members)
        .cloned()
        .collect();
    d.left_protected = then
        .protected_members
        .difference(&now.protected_members)
        .cloned()
        .collect();
    if let (Some(a), Some(b)) = (&then.containers, &now.containers) {
        d.containers = containers::diff(a, b);
    }
    d.changes = changes(then, now, &d);
    let show = |v: &Option<i64>| v.map_or("-".to_string(), |v| v.to_string());
    let mut setting = |what: String, a: String, b: String| {
        if a != b {
            d.settings.push((what, a, b));
        }
    };
    setting(
        "connector".into(),
        then.connector_sid.clone().unwrap_or_default(),
        now.connector_sid.clone().unwrap_or_default(),
    );
    setting(
        "connector-groups".into(),
        then.connector_groups.join(" "),
        now.connector_groups.join(" "),
    );
    setting(
        "minPwdAge".into(),
        show(&then.min_pwd_age),
        show(&now.min_pwd_age),
    );
    let psos: BTreeSet<&String> = then.psos.keys().chain(now.psos.keys()).collect();
    for dn in psos {
        let age = |b: &Baseline| b.psos.get(dn).map_or("-".to_string(), |(a, _)| show(a));
        let prec = |b: &Baseline| b.psos.get(dn).map_or("-".to_string(), |(_, p)| show(p));
        setting(format!("msDS-MinimumPasswordAge@{dn}"), age(then), age(now));
        setting(
            format!("msDS-PasswordSettingsPrecedence@{dn}"),
            prec(then),
            prec(now),
        );
        if let (Some(a), Some(b)) = (&then.pso_links, &now.pso_links) {
            let to = |l: &BTreeMap<String, Vec<String>>| {
                l.get(dn).map_or("-".to_string(), |v| v.join("; "))
            };
            setting(format!("msDS-PSOAppliesTo@{dn}"), to(a), to(b));
        }
    }
    Ok(d)
}

/// The watched attributes whose version rose since `then`, and those of a cause's object that
/// the baseline did not watch; each with the users it blocked or unblocked.
fn changes(then: &Baseline, now: &Baseline, d: &Drift) -> Vec<Change> {
    let object_of = |reason: &str| reason.split_once('@').map(|(_, o)| o.to_string());
    let cause_objects: BTreeSet<String> = d
        .causes_new
        .keys()
        .chain(d.causes_gone.keys())
        .filter_map(|k| object_of(k))
        .collect();
    let names = |users: &mut dyn Iterator<Item = &Vec<String>>, object: &str| {
        users
            .filter(|reasons| {
                reasons
                    .iter()
                    .any(|r| object_of(r).as_deref() == Some(object))
            })
            .count()
    };
    let mut out = Vec::new();
    for (object, attrs) in &now.stamps {
        let before = then.stamps.get(object);
        for (attribute, stamp) in attrs {
            let version_then = before.and_then(|b| b.get(attribute)).map(|s| s.version);
            let changed = match version_then {
                Some(v) => v != stamp.version,
                None => before.is_none() && cause_objects.contains(object),
            };
            if !changed {
                continue;
            }
            out.push(Change {
                object: object.clone(),
                attribute: attribute.clone(),
                version_then,
                version_now: stamp.version,
                time: stamp.time.clone(),
                dc: stamp.dc.clone(),
                before_baseline: version_then.is_none() && stamp.time < then.time,
                blocked_since: names(
                    &mut d.newly_blocked.values().chain(d.more_reasons.values()),
                    object,
                ),
                unblocked_since: names(
                    &mut d.unblocked.iter().filter_map(|dn| then.blocked.get(dn)),
                    object,
                ),
            });
        }
    }
    out
}

/// A baseline's readiness counts.
pub fn readiness(b: &Baseline) -> Readiness {
    Readiness {
        in_scope: b.in_scope,
        ready: b.ready,
        excluded: b.excluded.len(),
        blocked: b.blocked.len(),
        not_synced: 0,
    }
}

#[cfg(test)]
mod tests;
