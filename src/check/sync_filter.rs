//! Which users the sync engine synchronizes at all. A user the engine never synchronizes cannot
//! use self-service password reset, so it is neither ready nor blocked: it is *not
//! synchronized*, listed apart with the rule that leaves it out, and counted nowhere else.
//!
//! **Entra Connect Sync**, as Microsoft documents its out-of-box configuration ("Microsoft Entra
//! Connect Sync: Understanding the default configuration",
//! <https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-default-configuration>):
//! the inbound rule *In from AD – User Join* projects a user only when `isCriticalSystemObject`
//! is not TRUE and `adminDescription` does not start with `User_`; its expression sets
//! `cloudFiltered` (not exported to Entra ID) for users without a `sAMAccountName`, whose
//! `sAMAccountName` starts with `AAD_` or `MSOL_` or is `SUPPORT_388945a0`, Exchange system
//! mailboxes (`mailNickname` starting `SystemMailbox{`, or `CAS_` with a `}`; the same
//! `CAS_…}` form of `sAMAccountName`), recipients whose `msExchRecipientTypeDetails` has a bit of
//! `0x21C07000` (public folders, the System Attendant, system, arbitration, discovery and
//! Microsoft Exchange mailboxes, mailbox plans), and replication conflicts (`\0ACNF:` in the
//! first RDN). On the sync server the enabled inbound user rules are read with `Get-ADSyncRule`
//! ([`SyncRule`]); a custom rule whose scoping filter matches a user and that sets
//! `cloudFiltered` decides for it (custom rules take precedence over the standard ones).
//!
//! **Entra Cloud Sync** documents no built-in user exclusions: "By default the provisioning
//! agent will synchronize a subset of the users and groups" without naming them
//! (<https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-configure>). For a
//! domain Cloud Sync serves, only the OU scope applies here, and the report says so.

use serde::{Deserialize, Serialize};

use crate::ad::connector::Engine;

/// What the scan reads of each user for the default filter.
pub const FILTER_ATTRS: &[&str] = &[
    "isCriticalSystemObject",
    "adminDescription",
    "mailNickname",
    "msExchRecipientTypeDetails",
];

/// The bits of `msExchRecipientTypeDetails` the default expression filters (`&H21C07000`).
pub const EXCHANGE_SYSTEM_TYPES: i64 = 0x21C0_7000;

/// Why the sync engine leaves a user out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum NotSynced {
    /// `isCriticalSystemObject` is TRUE (the Join rule's scope).
    CriticalSystemObject,
    /// `adminDescription` starts with `User_` (the Join rule's scope).
    AdminDescription,
    /// No `sAMAccountName`.
    NoSamAccountName,
    /// `sAMAccountName` starts with `AAD_` or `MSOL_` (sync service accounts).
    ServiceAccount { prefix: String },
    /// `sAMAccountName` is `SUPPORT_388945a0`.
    SupportAccount,
    /// An Exchange system mailbox by its `mailNickname` or `sAMAccountName`.
    ExchangeSystemMailbox,
    /// An Exchange recipient type the default rules leave out.
    ExchangeRecipientType { value: i64 },
    /// A replication conflict object.
    ReplicationConflict,
    /// A custom inbound rule read from the sync server sets `cloudFiltered`.
    CustomRule { name: String },
}

impl NotSynced {
    /// The stable id (`not-synced-<id>` in the translations, `rule` in JSON).
    pub fn id(&self) -> &'static str {
        match self {
            NotSynced::CriticalSystemObject => "critical-system-object",
            NotSynced::AdminDescription => "admin-description",
            NotSynced::NoSamAccountName => "no-sam-account-name",
            NotSynced::ServiceAccount { .. } => "service-account",
            NotSynced::SupportAccount => "support-account",
            NotSynced::ExchangeSystemMailbox => "exchange-system-mailbox",
            NotSynced::ExchangeRecipientType { .. } => "exchange-recipient-type",
            NotSynced::ReplicationConflict => "replication-conflict",
            NotSynced::CustomRule { .. } => "custom-rule",
        }
    }

    /// The value the rule names (a prefix, a type, a rule's name), empty where none.
    pub fn value(&self) -> String {
        match self {
            NotSynced::ServiceAccount { prefix } => prefix.clone(),
            NotSynced::ExchangeRecipientType { value } => value.to_string(),
            NotSynced::CustomRule { name } => name.clone(),
            _ => String::new(),
        }
    }
}

/// One condition of a rule's scoping filter (`Get-ADSyncRule`: `ScopeFilter` →
/// `ScopeConditionList`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScopeCondition {
    pub attribute: String,
    pub value: String,
    pub operator: String,
}

/// An enabled inbound user rule of the sync server, as the read script gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncRule {
    pub name: String,
    /// The AD connector's identifier.
    pub connector: String,
    pub precedence: i64,
    /// A rule Entra Connect ships (`IsStandardRule`).
    pub standard: bool,
    /// Groups of conditions: a group holds when all its conditions do; the scope holds when
    /// any group does (or there is none).
    pub scope: Vec<Vec<ScopeCondition>>,
    /// The constant the rule flows into `cloudFiltered`, if it sets it.
    pub cloud_filtered: Option<String>,
}

/// A user's values for the filter, by attribute name (any case).
pub trait Values {
    fn values(&self, attribute: &str) -> Vec<String>;
}

impl Values for crate::ad::Entry {
    fn values(&self, attribute: &str) -> Vec<String> {
        self.texts(attribute)
    }
}

impl ScopeCondition {
    /// Whether the condition holds for `v` (string compares without case, as the sync engine's
    /// scoping does for these operators; an absent attribute fails every positive operator and
    /// passes every negative one).
    fn holds(&self, v: &dyn Values) -> bool {
        let values = v.values(&self.attribute);
        let want = self.value.to_ascii_lowercase();
        let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|x| f(&x.to_ascii_lowercase()));
        let bit = || {
            let mask: i64 = self.value.trim().parse().unwrap_or(0);
            values
                .iter()
                .any(|x| x.trim().parse::<i64>().is_ok_and(|n| n & mask != 0))
        };
        match self.operator.to_ascii_uppercase().as_str() {
            "EQUAL" => any(&|x| x == want),
            "NOTEQUAL" => !any(&|x| x == want),
            "STARTSWITH" => any(&|x| x.starts_with(&want)),
            "NOTSTARTSWITH" => !any(&|x| x.starts_with(&want)),
            "ENDSWITH" => any(&|x| x.ends_with(&want)),
            "NOTENDSWITH" => !any(&|x| x.ends_with(&want)),
            "CONTAINS" => any(&|x| x.contains(&want)),
            "NOTCONTAINS" => !any(&|x| x.contains(&want)),
            "ISNULL" => values.is_empty(),
            "ISNOTNULL" => !values.is_empty(),
            "ISBITSET" => bit(),
            "ISNOTBITSET" | "ISBITNOTSET" => !bit(),
            // Operators this tool cannot judge from the user alone (ISMEMBEROF, comparisons):
            // the condition is taken not to hold, so such a rule never removes a user.
            _ => false,
        }
    }
}

impl SyncRule {
    /// Whether the rule's scope holds for `v`.
    pub fn in_scope(&self, v: &dyn Values) -> bool {
        self.scope.is_empty() || self.scope.iter().any(|g| g.iter().all(|c| c.holds(v)))
    }

    /// The attributes its scope reads.
    fn attributes(&self) -> impl Iterator<Item = &str> {
        self.scope.iter().flatten().map(|c| c.attribute.as_str())
    }
}

/// What the sync server says of its rules: each AD connector (identifier, forest name) and the
/// enabled inbound user rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerRules {
    pub connectors: Vec<(String, String)>,
    pub rules: Vec<SyncRule>,
}

impl ServerRules {
    /// The rules of the AD connector for the forest `forest_dns` (its root domain's DNS name).
    pub fn for_forest(&self, forest_dns: &str) -> Vec<SyncRule> {
        let ids: Vec<&str> = self
            .connectors
            .iter()
            .filter(|(_, forest)| forest.eq_ignore_ascii_case(forest_dns))
            .map(|(id, _)| id.as_str())
            .collect();
        self.rules
            .iter()
            .filter(|r| ids.iter().any(|id| r.connector.eq_ignore_ascii_case(id)))
            .cloned()
            .collect()
    }
}

/// The filter the scan applies: the engine's and, on the sync server, its custom rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncFilter {
    pub engine: Option<Engine>,
    /// The custom inbound user rules that set `cloudFiltered`, most precedent first (`None`:
    /// the rules were not read).
    pub rules: Option<Vec<SyncRule>>,
}

impl SyncFilter {
    /// The filter for `engine` with the sync server's `rules` for this directory's AD
    /// connector (only custom rules that set `cloudFiltered` matter; standard ones are the
    /// documented defaults).
    pub fn new(engine: Option<Engine>, rules: Option<&[SyncRule]>) -> Self {
        let rules = rules.map(|all| {
            let mut r: Vec<SyncRule> = all
                .iter()
                .filter(|r| !r.standard && r.cloud_filtered.is_some())
                .cloned()
                .collect();
            r.sort_by_key(|r| r.precedence);
            r
        });
        Self { engine, rules }
    }

    /// The attributes the scan reads for this filter.
    pub fn attributes(&self) -> Vec<String> {
        let mut out: Vec<String> = FILTER_ATTRS.iter().map(|a| a.to_string()).collect();
        for r in self.rules.iter().flatten() {
            for a in r.attributes() {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(a)) {
                    out.push(a.to_string());
                }
            }
        }
        out
    }

    /// Whether the engine leaves the user with `dn`, `sam` and values `v` out, and why.
    pub fn judge(&self, dn: &str, sam: &str, v: &dyn Values) -> Option<NotSynced> {
        if self.engine == Some(Engine::CloudSync) {
            return None;
        }
        let one = |a: &str| v.values(a).into_iter().next().unwrap_or_default();
        if one("isCriticalSystemObject").eq_ignore_ascii_case("TRUE") {
            return Some(NotSynced::CriticalSystemObject);
        }
        if one("adminDescription").starts_with("User_") {
            return Some(NotSynced::AdminDescription);
        }
        // A custom rule in scope decides `cloudFiltered` before the standard expression.
        if let Some(rule) = self.rules.iter().flatten().find(|r| r.in_scope(v)) {
            let filtered = rule
                .cloud_filtered
                .as_deref()
                .is_some_and(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("true"));
            return filtered.then(|| NotSynced::CustomRule {
                name: rule.name.clone(),
            });
        }
        default_expression(
            dn,
            sam,
            &one("mailNickname"),
            &one("msExchRecipientTypeDetails"),
        )
    }
}

/// The standard rule's `cloudFiltered` expression.
fn default_expression(dn: &str, sam: &str, nickname: &str, recipient: &str) -> Option<NotSynced> {
    let cas = |s: &str| s.starts_with("CAS_") && s.contains('}');
    if sam.is_empty() {
        return Some(NotSynced::NoSamAccountName);
    }
    for prefix in ["AAD_", "MSOL_"] {
        if sam.starts_with(prefix) {
            return Some(NotSynced::ServiceAccount {
                prefix: prefix.into(),
            });
        }
    }
    if sam == "SUPPORT_388945a0" {
        return Some(NotSynced::SupportAccount);
    }
    if nickname.starts_with("SystemMailbox{") || cas(nickname) || cas(sam) {
        return Some(NotSynced::ExchangeSystemMailbox);
    }
    if let Ok(value) = recipient.trim().parse::<i64>()
        && value & EXCHANGE_SYSTEM_TYPES != 0
    {
        return Some(NotSynced::ExchangeRecipientType { value });
    }
    let first_rdn =
        crate::ad::discovery::parent_dn(dn).map_or(dn, |parent| &dn[..dn.len() - parent.len()]);
    if first_rdn.to_ascii_lowercase().contains("\\0acnf:") {
        return Some(NotSynced::ReplicationConflict);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Attrs(HashMap<&'static str, &'static str>);

    impl Values for Attrs {
        fn values(&self, attribute: &str) -> Vec<String> {
            self.0
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(attribute))
                .map(|(_, v)| v.to_string())
                .collect()
        }
    }

    fn attrs(pairs: &[(&'static str, &'static str)]) -> Attrs {
        Attrs(pairs.iter().copied().collect())
    }

    const DN: &str = "CN=u,OU=Staff,DC=corp,DC=example";

    #[test]
    fn the_documented_defaults_leave_out_system_and_service_accounts() {
        let f = SyncFilter::new(Some(Engine::ConnectSync), None);
        let judge = |sam: &str, a: &[(&'static str, &'static str)]| f.judge(DN, sam, &attrs(a));
        assert_eq!(judge("alice", &[]), None);
        assert_eq!(
            judge("krbtgt", &[("isCriticalSystemObject", "TRUE")]),
            Some(NotSynced::CriticalSystemObject)
        );
        assert_eq!(
            judge("x", &[("adminDescription", "User_old")]),
            Some(NotSynced::AdminDescription)
        );
        assert_eq!(judge("", &[]), Some(NotSynced::NoSamAccountName));
        assert_eq!(
            judge("MSOL_0123", &[]),
            Some(NotSynced::ServiceAccount {
                prefix: "MSOL_".into()
            })
        );
        assert_eq!(
            judge("AAD_9a8b", &[]),
            Some(NotSynced::ServiceAccount {
                prefix: "AAD_".into()
            })
        );
        assert_eq!(
            judge("msol_lower", &[]),
            None,
            "the prefixes compare with case"
        );
        assert_eq!(
            judge("SUPPORT_388945a0", &[]),
            Some(NotSynced::SupportAccount)
        );
        assert_eq!(
            judge("SM_1", &[("mailNickname", "SystemMailbox{1f05a927}")]),
            Some(NotSynced::ExchangeSystemMailbox)
        );
        assert_eq!(
            judge("CAS_{abc}", &[]),
            Some(NotSynced::ExchangeSystemMailbox)
        );
        assert_eq!(
            judge("arb", &[("msExchRecipientTypeDetails", "8388608")]),
            Some(NotSynced::ExchangeRecipientType { value: 8388608 })
        );
        assert_eq!(
            judge("user", &[("msExchRecipientTypeDetails", "1")]),
            None,
            "a user mailbox syncs"
        );
        assert_eq!(
            f.judge(
                r"CN=bob\0ACNF:5e6f,OU=Staff,DC=corp,DC=example",
                "bob",
                &attrs(&[])
            ),
            Some(NotSynced::ReplicationConflict)
        );
    }

    #[test]
    fn cloud_sync_documents_no_exclusions_and_gets_none() {
        let f = SyncFilter::new(Some(Engine::CloudSync), None);
        assert_eq!(
            f.judge(DN, "krbtgt", &attrs(&[("isCriticalSystemObject", "TRUE")])),
            None
        );
    }

    fn rule(name: &str, precedence: i64, scope: &[(&str, &str, &str)], value: &str) -> SyncRule {
        SyncRule {
            name: name.into(),
            connector: "c".into(),
            precedence,
            standard: false,
            scope: vec![
                scope
                    .iter()
                    .map(|(a, o, v)| ScopeCondition {
                        attribute: a.to_string(),
                        operator: o.to_string(),
                        value: v.to_string(),
                    })
                    .collect(),
            ],
            cloud_filtered: Some(value.into()),
        }
    }

    #[test]
    fn a_custom_rule_in_scope_decides_before_the_defaults() {
        let rules = [
            rule(
                "In from AD - User DoNotSync",
                50,
                &[("extensionAttribute15", "EQUAL", "NoSync")],
                "True",
            ),
            rule(
                "In from AD - Keep the old MSOL account",
                40,
                &[("sAMAccountName", "EQUAL", "MSOL_keep")],
                "False",
            ),
            rule("ignored: no cloudFiltered", 10, &[], ""),
        ];
        let mut all = rules.to_vec();
        all[2].cloud_filtered = None;
        let f = SyncFilter::new(Some(Engine::ConnectSync), Some(&all));
        assert_eq!(
            f.attributes().last().map(String::as_str),
            Some("extensionAttribute15")
        );
        assert_eq!(
            f.judge(DN, "erin", &attrs(&[("extensionAttribute15", "nosync")])),
            Some(NotSynced::CustomRule {
                name: "In from AD - User DoNotSync".into()
            })
        );
        assert_eq!(f.judge(DN, "erin", &attrs(&[])), None);
        assert_eq!(
            f.judge(DN, "MSOL_keep", &attrs(&[("sAMAccountName", "MSOL_keep")])),
            None,
            "kept by its rule"
        );
        assert_eq!(
            f.judge(DN, "krbtgt", &attrs(&[("isCriticalSystemObject", "TRUE")])),
            Some(NotSynced::CriticalSystemObject),
            "never projected, whatever a rule says"
        );
    }

    #[test]
    fn each_operator_judges_present_and_absent_values() {
        let c = |op: &str, value: &str| ScopeCondition {
            attribute: "department".into(),
            operator: op.into(),
            value: value.into(),
        };
        let sales = attrs(&[("department", "Sales-North")]);
        let none = attrs(&[]);
        for (op, value, on_sales, on_none) in [
            ("EQUAL", "sales-north", true, false),
            ("NOTEQUAL", "Sales-North", false, true),
            ("STARTSWITH", "Sales", true, false),
            ("NOTSTARTSWITH", "Sales", false, true),
            ("ENDSWITH", "north", true, false),
            ("CONTAINS", "-", true, false),
            ("NOTCONTAINS", "-", false, true),
            ("ISNULL", "", false, true),
            ("ISNOTNULL", "", true, false),
            ("ISMEMBEROF", "CN=g", false, false),
        ] {
            assert_eq!(c(op, value).holds(&sales), on_sales, "{op} on Sales");
            assert_eq!(c(op, value).holds(&none), on_none, "{op} on none");
        }
        let uac = attrs(&[("department", "514")]);
        assert!(c("ISBITSET", "2").holds(&uac));
        assert!(!c("ISBITNOTSET", "2").holds(&uac));
        assert!(c("ISNOTBITSET", "1").holds(&uac));
    }
}
