//! One user as the scan reads it: the attributes writeback depends on, and whether the sync
//! engine synchronizes it at all.

use crate::ad::Entry;
use crate::check::sync_filter::{NotSynced, SyncFilter};
use crate::sd::{SecurityDescriptor, Sid};

/// One user as the scan sees it.
pub struct UserFacts {
    pub dn: String,
    pub sam_account_name: String,
    /// The structural class: the last value of `structuralObjectClass` (Windows), else of
    /// `objectClass` (which Samba and Windows keep most-derived last).
    pub class_name: String,
    pub sid: Option<Sid>,
    pub sd: Option<SecurityDescriptor>,
    pub admin_count: bool,
    pub resultant_pso: Option<String>,
    /// The sync engine leaves this user out, and why ([`super::sync_filter`]).
    pub not_synced: Option<NotSynced>,
}

impl UserFacts {
    /// The user of `e`, judged by `filter` for whether the sync engine synchronizes it.
    pub fn read(e: Entry, filter: &SyncFilter) -> Self {
        let sam = e.text("sAMAccountName").unwrap_or_default();
        let not_synced = filter.judge(&e.dn, &sam, &e);
        Self {
            not_synced,
            ..Self::from_entry(e)
        }
    }

    /// The user of `e`, without asking whether the sync engine synchronizes it.
    pub fn from_entry(e: Entry) -> Self {
        let class_name = e
            .texts("structuralObjectClass")
            .pop()
            .or_else(|| e.texts("objectClass").pop())
            .unwrap_or_default();
        Self {
            sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
            class_name,
            sid: e
                .first("objectSid")
                .and_then(|v| Sid::from_ldap_value(v).ok()),
            sd: e
                .first("nTSecurityDescriptor")
                .and_then(|raw| SecurityDescriptor::from_bytes(raw).ok()),
            admin_count: e.int("adminCount").is_some_and(|v| v != 0),
            resultant_pso: e.text("msDS-ResultantPSO"),
            not_synced: None,
            dn: e.dn,
        }
    }
}
