//! The blocked users, kept compactly: every DN and sAMAccountName in one text buffer, each
//! distinct set of reasons once (a directory of 100 000 users blocked by the same missing root
//! grant holds one set), about 24 bytes of bookkeeping per user. The scan hands each user to its
//! caller as it is judged; this store is what keeps them when the caller wants them kept (the
//! wizard's list, the plan), while the command line streams them into the report instead.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::check::FindingId;
use crate::check::causes::Reason;
use crate::sd::Guid;

/// A user who cannot have a password written back, with the reasons (as judged; owned).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedUser {
    pub dn: String,
    pub sam_account_name: String,
    pub reasons: Vec<Reason>,
    /// The structural class (for the plan: which grant reaches it).
    #[serde(skip)]
    pub class: Guid,
    /// The writeback rights not granted on it ([`Right::bit`](crate::check::Right::bit)s; a denied
    /// right is not here).
    #[serde(skip)]
    pub missing: u8,
}

impl BlockedUser {
    /// This user as the store shows its rows.
    pub fn as_ref(&self) -> BlockedRef<'_> {
        BlockedRef {
            dn: &self.dn,
            sam_account_name: &self.sam_account_name,
            reasons: &self.reasons,
            class: self.class,
            missing: self.missing,
        }
    }
}

/// One blocked user, borrowed from the store (or from a [`BlockedUser`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedRef<'a> {
    pub dn: &'a str,
    pub sam_account_name: &'a str,
    pub reasons: &'a [Reason],
    #[serde(skip)]
    pub class: Guid,
    #[serde(skip)]
    pub missing: u8,
}

impl BlockedRef<'_> {
    /// The reasons in words: "right-denied at OU=…; inheritance-disabled on this user".
    pub fn reasons_text(&self) -> String {
        self.reasons
            .iter()
            .map(|r| {
                if r.object.eq_ignore_ascii_case(self.dn) {
                    format!("{} on this user", r.id)
                } else {
                    format!("{} at {}", r.id, r.object)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The reason ids, deduplicated, in order.
    pub fn reason_ids(&self) -> Vec<FindingId> {
        let mut ids: Vec<FindingId> = Vec::new();
        for r in self.reasons {
            if !ids.contains(&r.id) {
                ids.push(r.id);
            }
        }
        ids
    }

    /// An owned copy.
    pub fn to_owned(&self) -> BlockedUser {
        BlockedUser {
            dn: self.dn.to_string(),
            sam_account_name: self.sam_account_name.to_string(),
            reasons: self.reasons.to_vec(),
            class: self.class,
            missing: self.missing,
        }
    }
}

/// Where one user's texts and reasons are.
#[derive(Clone, Copy, Debug)]
struct Row {
    start: usize,
    dn_len: u32,
    sam_len: u32,
    set: u32,
    class: u16,
    missing: u8,
}

/// The blocked users, in the order the scan judged them.
#[derive(Clone, Debug, Default)]
pub struct BlockedUsers {
    text: String,
    rows: Vec<Row>,
    sets: Vec<Arc<[Reason]>>,
    set_ids: HashMap<Arc<[Reason]>, u32>,
    classes: Vec<Guid>,
}

impl BlockedUsers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Keeps one more blocked user. A text longer than 4 GiB is cut (no DN is).
    pub fn push(&mut self, b: BlockedRef<'_>) {
        let start = self.text.len();
        let dn = clip(b.dn);
        let sam = clip(b.sam_account_name);
        self.text.push_str(dn);
        self.text.push_str(sam);
        let set = match self.set_ids.get(b.reasons) {
            Some(&i) => i,
            None => {
                let i = u32::try_from(self.sets.len()).unwrap_or(u32::MAX);
                let shared: Arc<[Reason]> = Arc::from(b.reasons);
                self.sets.push(shared.clone());
                self.set_ids.insert(shared, i);
                i
            }
        };
        let class = match self.classes.iter().position(|c| *c == b.class) {
            Some(i) => i,
            None => {
                self.classes.push(b.class);
                self.classes.len() - 1
            }
        };
        self.rows.push(Row {
            start,
            dn_len: dn.len() as u32,
            sam_len: sam.len() as u32,
            set,
            class: u16::try_from(class).unwrap_or(u16::MAX),
            missing: b.missing,
        });
    }

    /// The user at `i` (in the scan's order).
    pub fn get(&self, i: usize) -> Option<BlockedRef<'_>> {
        let r = self.rows.get(i)?;
        let dn_end = r.start + r.dn_len as usize;
        let sam_end = dn_end + r.sam_len as usize;
        Some(BlockedRef {
            dn: self.text.get(r.start..dn_end).unwrap_or_default(),
            sam_account_name: self.text.get(dn_end..sam_end).unwrap_or_default(),
            reasons: self.sets.get(r.set as usize).map_or(&[], |s| &s[..]),
            class: self
                .classes
                .get(r.class as usize)
                .copied()
                .unwrap_or(crate::sd::rights::CLASS_USER),
            missing: r.missing,
        })
    }

    pub fn first(&self) -> Option<BlockedRef<'_>> {
        self.get(0)
    }

    pub fn iter(&self) -> impl Iterator<Item = BlockedRef<'_>> + '_ {
        (0..self.rows.len()).filter_map(|i| self.get(i))
    }

    /// The index of each user's set of reasons (for grouping by cause without comparing sets).
    pub fn set_of(&self, i: usize) -> Option<u32> {
        self.rows.get(i).map(|r| r.set)
    }

    /// The distinct sets of reasons, by the index [`set_of`](Self::set_of) gives.
    pub fn sets(&self) -> &[Arc<[Reason]>] {
        &self.sets
    }
}

/// At most `u32::MAX` bytes, on a character boundary.
fn clip(s: &str) -> &str {
    let mut end = s.len().min(u32::MAX as usize);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

impl Serialize for BlockedUsers {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq((0..self.len()).filter_map(|i| self.get(i)))
    }
}

impl PartialEq for BlockedUsers {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|i| self.get(i) == other.get(i))
    }
}

impl Eq for BlockedUsers {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sd::rights::{CLASS_INET_ORG_PERSON, CLASS_USER};

    fn reason(id: FindingId, object: &str) -> Reason {
        Reason {
            id,
            object: Arc::from(object),
        }
    }

    #[test]
    fn users_come_back_as_they_were_kept_and_shared_reasons_are_kept_once() {
        let root = [reason(FindingId::RightResetPassword, "DC=x")];
        let own = [reason(FindingId::InheritanceDisabled, "CN=b,DC=x")];
        let mut s = BlockedUsers::new();
        for i in 0..1000 {
            s.push(BlockedRef {
                dn: &format!("CN=u{i},DC=x"),
                sam_account_name: &format!("u{i}"),
                reasons: &root,
                class: CLASS_USER,
                missing: 1,
            });
        }
        s.push(BlockedRef {
            dn: "CN=b,DC=x",
            sam_account_name: "ü-b",
            reasons: &own,
            class: CLASS_INET_ORG_PERSON,
            missing: 7,
        });
        assert_eq!(s.len(), 1001);
        assert_eq!(s.sets().len(), 2, "one set for the thousand users");
        let u = s.get(17).unwrap();
        assert_eq!((u.dn, u.sam_account_name), ("CN=u17,DC=x", "u17"));
        assert_eq!(u.reasons, &root[..]);
        let b = s.get(1000).unwrap();
        assert_eq!(b.sam_account_name, "ü-b");
        assert_eq!((b.class, b.missing), (CLASS_INET_ORG_PERSON, 7));
        assert_eq!(b.reasons_text(), "inheritance-disabled on this user");
        assert!(s.get(1001).is_none());
        assert_eq!(s.set_of(0), s.set_of(999));
        assert_ne!(s.set_of(0), s.set_of(1000));
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json[1000]["dn"], "CN=b,DC=x");
        assert_eq!(json[1000]["reasons"][0]["id"], "inheritance-disabled");
        assert_eq!(
            serde_json::to_value(b).unwrap(),
            serde_json::to_value(b.to_owned()).unwrap(),
            "a stored row and an owned one serialise alike"
        );
    }
}
