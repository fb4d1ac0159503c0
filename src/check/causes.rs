//! Why users are blocked, by the object that holds the cause: a finding id and a DN. Every
//! blocked user's reasons point here, and every entry becomes an error finding on its object, so
//! "blocked" and "not ready" can never disagree.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::ids::FindingId;
use super::right::Right;

/// One reason a user is blocked: the finding id and the object that holds the cause (the user
/// itself, an OU, the domain, a password policy).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Reason {
    pub id: FindingId,
    #[serde(serialize_with = "arc_str")]
    pub object: Arc<str>,
}

fn arc_str<S: Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.id, self.object)
    }
}

/// What is known about one cause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CauseInfo {
    pub id: FindingId,
    pub object: Arc<str>,
    /// The object's class (organizationalUnit, user, domainDNS …), when known.
    pub object_class: String,
    /// How many users in scope it blocks.
    pub users: usize,
    /// The rights it takes away, and for which classes of user objects.
    pub rights: BTreeSet<(Right, String)>,
    /// The deciding ACEs in SDDL (a few).
    pub evidence: BTreeSet<String>,
}

/// Every cause, keyed by (id, lower-case object).
#[derive(Clone, Debug, Default)]
pub struct Causes {
    map: BTreeMap<(FindingId, String), CauseInfo>,
}

/// At most this many evidence lines are kept per cause: the first in sort order, so the lines
/// kept do not depend on the order users were judged in (an incremental check, which judges
/// some users again and merges, keeps the same lines as a full scan).
const MAX_EVIDENCE: usize = 5;

fn trim(evidence: &mut BTreeSet<String>) {
    while evidence.len() > MAX_EVIDENCE {
        evidence.pop_last();
    }
}

impl Causes {
    /// The entry for (id, object), created when new.
    pub fn entry(&mut self, id: FindingId, object: &str) -> &mut CauseInfo {
        self.map
            .entry((id, object.to_ascii_lowercase()))
            .or_insert_with(|| CauseInfo {
                id,
                object: Arc::from(object),
                object_class: String::new(),
                users: 0,
                rights: BTreeSet::new(),
                evidence: BTreeSet::new(),
            })
    }

    /// Records a cause (for `right` on users of `class` when given) and returns the reason.
    pub fn note(
        &mut self,
        id: FindingId,
        object: &str,
        object_class: &str,
        right: Option<(Right, &str)>,
        evidence: Option<String>,
    ) -> Reason {
        let e = self.entry(id, object);
        if e.object_class.is_empty() {
            e.object_class = object_class.to_string();
        }
        if let Some((r, class)) = right {
            e.rights.insert((r, class.to_string()));
        }
        if let Some(ev) = evidence {
            e.evidence.insert(ev);
            trim(&mut e.evidence);
        }
        Reason {
            id,
            object: e.object.clone(),
        }
    }

    /// Counts one more blocked user for each of `reasons`.
    pub fn count_user(&mut self, reasons: &[Reason]) {
        for r in reasons {
            self.entry(r.id, &r.object).users += 1;
        }
    }

    /// Adds the causes of `other` (users judged apart): counts summed, rights and evidence
    /// joined.
    pub fn absorb(&mut self, other: &Causes) {
        for (k, c) in &other.map {
            match self.map.get_mut(k) {
                None => {
                    self.map.insert(k.clone(), c.clone());
                }
                Some(e) => {
                    e.users += c.users;
                    if e.object_class.is_empty() {
                        e.object_class = c.object_class.clone();
                    }
                    e.rights.extend(c.rights.iter().cloned());
                    e.evidence.extend(c.evidence.iter().cloned());
                    trim(&mut e.evidence);
                }
            }
        }
    }

    pub fn get(&self, id: FindingId, object: &str) -> Option<&CauseInfo> {
        self.map
            .iter()
            .find(|((i, o), _)| *i == id && o.eq_ignore_ascii_case(object))
            .map(|(_, c)| c)
    }

    /// The causes with this id, in DN order.
    pub fn with_id(&self, id: FindingId) -> impl Iterator<Item = &CauseInfo> + '_ {
        self.map.values().filter(move |c| c.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &CauseInfo> {
        self.map.values()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_id_and_object_whatever_the_case() {
        let mut c = Causes::default();
        let a = c.note(
            FindingId::RightDenied,
            "OU=A,DC=x",
            "organizationalUnit",
            None,
            None,
        );
        let b = c.note(
            FindingId::RightDenied,
            "ou=a,dc=x",
            "",
            Some((Right::ResetPassword, "user")),
            Some("(OD;;CR;…)".into()),
        );
        assert_eq!(a, b);
        c.count_user(&[a.clone(), b]);
        assert_eq!(c.len(), 1);
        let e = c.get(FindingId::RightDenied, "OU=A,DC=X").unwrap();
        assert_eq!(
            (e.users, e.object_class.as_str()),
            (2, "organizationalUnit")
        );
        assert_eq!(e.rights.len(), 1);
        assert_eq!(&*a.object, "OU=A,DC=x");
    }
}
