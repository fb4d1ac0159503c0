//! The user scan: one streaming paged search over the users in scope, judging each user's own
//! DACL (which already carries the inherited ACEs) as it arrives. Only blocked users are kept.

use std::collections::{BTreeMap, HashMap};

use ldap3::Scope;
use serde::Serialize;

use super::facts::Facts;
use crate::ad::discovery::is_within;
use crate::ad::{AdError, Connection, Entry, Query, controls};
use crate::sd::rights::{
    ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, CHANGE_PASSWORD, CLASS_INET_ORG_PERSON, RESET_PASSWORD,
};
use crate::sd::{Request, SecurityDescriptor, Sid, Target, Token, Verdict, evaluate};

/// Users: person objects of class user (inetOrgPerson included; computers are not persons).
pub const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

const USER_ATTRS: &[&str] = &[
    "nTSecurityDescriptor",
    "objectClass",
    "objectSid",
    "sAMAccountName",
    "adminCount",
    "msDS-ResultantPSO",
    "userAccountControl",
];

/// The three rights writeback needs on every user, with the id of the finding for each.
pub fn writeback_requests(facts: &Facts) -> [(&'static str, &'static str, Request); 3] {
    [
        (
            "right-reset-password",
            "Reset Password",
            Request::ControlAccess(RESET_PASSWORD),
        ),
        (
            "right-write-pwdlastset",
            "write pwdLastSet",
            Request::WriteProperty {
                attribute: ATTR_PWD_LAST_SET,
                property_set: facts.pwd_last_set_set,
            },
        ),
        (
            "right-write-lockouttime",
            "write lockoutTime",
            Request::WriteProperty {
                attribute: ATTR_LOCKOUT_TIME,
                property_set: facts.lockout_time_set,
            },
        ),
    ]
}

/// A user who cannot have a password written back, with the reasons (finding ids).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedUser {
    pub dn: String,
    pub sam_account_name: String,
    pub reasons: Vec<&'static str>,
}

/// What the scan found.
#[derive(Clone, Debug, Default)]
pub struct UserScan {
    pub in_scope: usize,
    pub ready: usize,
    pub blocked: Vec<BlockedUser>,
    /// Users with adminCount=1: (DN, protected DACL).
    pub admin_count: Vec<(String, bool)>,
    /// How many in-scope users each PSO (by DN, lower case) governs.
    pub pso_users: BTreeMap<String, usize>,
    /// How many users are inetOrgPerson.
    pub inet_org_persons: usize,
    /// The containers (lower-case DNs) that directly hold an inetOrgPerson.
    pub inet_org_person_parents: std::collections::BTreeSet<String>,
    /// Users on which nobody in the connector's token has Change Password.
    pub change_password_missing: usize,
    /// Users whose security descriptor could not be read.
    pub unreadable: usize,
    /// Blocked users per protected container DN (lower case).
    pub blocked_below: HashMap<String, usize>,
    /// Resultant PSOs of users that could not be read (lower-case DNs).
    pub unreadable_psos: std::collections::BTreeSet<String>,
}

/// What is needed to judge one user, prepared once per scan.
pub struct Judge<'a> {
    facts: &'a Facts,
    token: Option<&'a Token>,
    requests: [(&'static str, &'static str, Request); 3],
    /// Protected containers in scope (lower-case DNs).
    protected: Vec<String>,
    /// PSO DN (lower case) → minimum age.
    pso_age: HashMap<String, Option<i64>>,
}

/// One user as the scan sees it.
pub struct UserFacts {
    pub dn: String,
    pub sam_account_name: String,
    pub class_name: String,
    pub sid: Option<Sid>,
    pub sd: Option<SecurityDescriptor>,
    pub admin_count: bool,
    pub resultant_pso: Option<String>,
}

impl UserFacts {
    pub fn from_entry(e: Entry) -> Self {
        Self {
            sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
            class_name: e.texts("objectClass").pop().unwrap_or_default(),
            sid: e
                .first("objectSid")
                .and_then(|v| Sid::from_ldap_value(v).ok()),
            sd: e
                .first("nTSecurityDescriptor")
                .and_then(|raw| SecurityDescriptor::from_bytes(raw).ok()),
            admin_count: e.int("adminCount").is_some_and(|v| v != 0),
            resultant_pso: e.text("msDS-ResultantPSO"),
            dn: e.dn,
        }
    }
}

impl<'a> Judge<'a> {
    pub fn new(facts: &'a Facts) -> Self {
        Self {
            facts,
            token: facts.connector.as_ref().map(|c| &c.token),
            requests: writeback_requests(facts),
            protected: facts
                .containers
                .iter()
                .filter(|c| {
                    c.sd.as_ref()
                        .is_some_and(SecurityDescriptor::dacl_protected)
                })
                .map(|c| c.dn.to_ascii_lowercase())
                .collect(),
            pso_age: facts
                .psos
                .iter()
                .map(|p| (p.dn.to_ascii_lowercase(), p.min_age))
                .collect(),
        }
    }

    /// The reasons `user` is blocked (finding ids); empty when writeback will work for them.
    pub fn reasons(&self, user: &UserFacts) -> Vec<&'static str> {
        let mut reasons = Vec::new();
        let mut push = |r: &'static str| {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        };
        if user.admin_count {
            push("admin-protected");
        }
        match &user.resultant_pso {
            Some(pso) => {
                if self
                    .pso_age
                    .get(&pso.to_ascii_lowercase())
                    .is_none_or(|age| age.is_none_or(|a| a != 0))
                {
                    push("pso-min-password-age");
                }
            }
            None => {
                if self.facts.domain.min_pwd_age.is_none_or(|a| a != 0) {
                    push("min-password-age");
                }
            }
        }
        let (Some(sd), Some(token)) = (&user.sd, self.token) else {
            push(if user.sd.is_none() {
                "read-incomplete"
            } else {
                "connector-not-found"
            });
            return reasons;
        };
        let target = self.target(user);
        let mut missing = false;
        for (id, _, request) in &self.requests {
            match evaluate(&sd.dacl, &target, token, request).verdict {
                Verdict::Allowed => {}
                Verdict::Denied => {
                    missing = true;
                    push("right-denied");
                }
                Verdict::NotGranted | Verdict::Unknown => {
                    missing = true;
                    push(id);
                }
            }
        }
        if missing
            && !user.admin_count
            && (sd.dacl_protected() || self.below_protected(&user.dn).is_some())
        {
            push("inheritance-disabled");
        }
        reasons
    }

    fn target(&self, user: &UserFacts) -> Target {
        Target {
            class: self
                .facts
                .class_guid(&user.class_name)
                .unwrap_or(crate::sd::rights::CLASS_USER),
            object_sid: user.sid.clone(),
        }
    }

    fn below_protected(&self, dn: &str) -> Option<&String> {
        self.protected
            .iter()
            .find(|c| is_within(dn, c) && !dn.eq_ignore_ascii_case(c))
    }

    /// Whether anyone in the connector's token has Change Password on the user.
    fn has_change_password(&self, user: &UserFacts) -> bool {
        let (Some(sd), Some(token)) = (&user.sd, self.token) else {
            return true;
        };
        evaluate(
            &sd.dacl,
            &self.target(user),
            token,
            &Request::ControlAccess(CHANGE_PASSWORD),
        )
        .verdict
            == Verdict::Allowed
    }

    /// Adds one user to the scan's tallies.
    pub fn tally(&self, scan: &mut UserScan, user: UserFacts) {
        scan.in_scope += 1;
        if user.sd.is_none() {
            scan.unreadable += 1;
        }
        if user.admin_count {
            scan.admin_count.push((
                user.dn.clone(),
                user.sd
                    .as_ref()
                    .is_some_and(SecurityDescriptor::dacl_protected),
            ));
        }
        if let Some(pso) = &user.resultant_pso {
            let key = pso.to_ascii_lowercase();
            if self.pso_age.get(&key).is_none_or(Option::is_none) {
                scan.unreadable_psos.insert(key.clone());
            }
            *scan.pso_users.entry(key).or_default() += 1;
        }
        if self.facts.class_guid(&user.class_name) == Some(CLASS_INET_ORG_PERSON) {
            scan.inet_org_persons += 1;
            if let Some((_, parent)) = user.dn.split_once(',') {
                scan.inet_org_person_parents
                    .insert(parent.to_ascii_lowercase());
            }
        }
        if !self.has_change_password(&user) {
            scan.change_password_missing += 1;
        }
        let reasons = self.reasons(&user);
        if reasons.is_empty() {
            scan.ready += 1;
            return;
        }
        if reasons.contains(&"inheritance-disabled")
            && let Some(c) = self.below_protected(&user.dn)
        {
            *scan.blocked_below.entry(c.clone()).or_default() += 1;
        }
        scan.blocked.push(BlockedUser {
            dn: user.dn,
            sam_account_name: user.sam_account_name,
            reasons,
        });
    }
}

/// Scans every user in scope, page by page. `progress` is called with the running count.
pub async fn scan_users(
    conn: &mut Connection,
    facts: &Facts,
    page_size: i32,
    mut progress: impl FnMut(usize),
) -> Result<UserScan, AdError> {
    let judge = Judge::new(facts);
    let mut scan = UserScan::default();
    for base in &facts.scopes {
        let query = Query {
            base,
            scope: Scope::Subtree,
            filter: USER_FILTER,
            attrs: USER_ATTRS,
            controls: vec![controls::sd_flags(controls::DACL)],
        };
        conn.search_paged(query, page_size.max(1), |e| {
            judge.tally(&mut scan, UserFacts::from_entry(e));
            if scan.in_scope % 500 == 0 {
                progress(scan.in_scope);
            }
        })
        .await?;
    }
    progress(scan.in_scope);
    Ok(scan)
}
