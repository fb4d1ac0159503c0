//! Schema look-ups: property-set membership of attributes comes from the schema at run time
//! (`attributeSecurityGUID`, MS-ADTS 3.1.1.2.3 / 5.1.3.2.1), never from a hard-coded guess.

use ldap3::Scope;

use super::connection::Connection;
use super::error::AdError;
use crate::sd::Guid;

/// `\xx` escaping of every byte, for matching a binary attribute in a filter (RFC 4515).
pub fn escape_binary(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

impl Connection {
    /// The property set (`attributeSecurityGUID`) of the attribute with `schemaIDGUID` =
    /// `attribute`, or `None` when it belongs to none. Fails if the schema has no such attribute.
    pub async fn property_set_of(
        &mut self,
        schema_nc: &str,
        attribute: Guid,
    ) -> Result<Option<Guid>, AdError> {
        let filter = format!(
            "(&(objectClass=attributeSchema)(schemaIDGUID={}))",
            escape_binary(&attribute.to_bytes())
        );
        let entries = self
            .search(
                schema_nc,
                Scope::OneLevel,
                &filter,
                &["lDAPDisplayName", "attributeSecurityGUID"],
                vec![],
            )
            .await?;
        let entry = entries
            .into_iter()
            .next()
            .ok_or_else(|| AdError::Malformed {
                op: "read schema",
                dn: schema_nc.to_string(),
                reason: format!("no attribute with schemaIDGUID {attribute}"),
            })?;
        Ok(entry
            .first("attributeSecurityGUID")
            .and_then(Guid::from_slice))
    }
}

/// One class of the schema.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassInfo {
    /// `lDAPDisplayName` as the schema spells it.
    pub name: String,
    pub guid: Option<Guid>,
    /// `subClassOf`, lower case.
    pub subclass_of: Option<String>,
    /// `possSuperiors` and `systemPossSuperiors`, lower case.
    pub poss_superiors: Vec<String>,
    /// `defaultSecurityDescriptor` (SDDL): what a new object of the class gets as its own ACEs.
    pub default_sd: Option<String>,
}

/// The classes of the schema by lower-case `lDAPDisplayName`.
#[derive(Clone, Debug, Default)]
pub struct Classes {
    pub by_name: std::collections::HashMap<String, ClassInfo>,
}

impl Classes {
    pub fn guid(&self, name: &str) -> Option<Guid> {
        self.by_name.get(&name.to_ascii_lowercase())?.guid
    }

    pub fn get(&self, name: &str) -> Option<&ClassInfo> {
        self.by_name.get(&name.to_ascii_lowercase())
    }

    /// The name of the class with this `schemaIDGUID`.
    pub fn name_of(&self, guid: Guid) -> Option<&str> {
        self.by_name
            .iter()
            .find(|(_, c)| c.guid == Some(guid))
            .map(|(n, c)| {
                if c.name.is_empty() {
                    n.as_str()
                } else {
                    c.name.as_str()
                }
            })
    }

    /// The classes an object of class `name` may be created in: the possible superiors of the
    /// class and of every class it derives from (MS-ADTS 3.1.1.2.4.5, "possSuperiors" are
    /// inherited along `subClassOf`), lower case and sorted.
    pub fn superiors_of(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = Some(name.to_ascii_lowercase());
        let mut seen = 0;
        while let Some(c) = cur.take() {
            seen += 1;
            let Some(info) = self.by_name.get(&c) else {
                break;
            };
            out.extend(info.poss_superiors.iter().cloned());
            if seen < 32 && info.subclass_of.as_deref().is_some_and(|s| s != c) {
                cur = info.subclass_of.clone();
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

impl Connection {
    /// Every class of the schema, with its GUID, superclass, possible superiors and default
    /// security descriptor.
    pub async fn classes(&mut self, schema_nc: &str) -> Result<Classes, AdError> {
        let mut out = Classes::default();
        let query = super::Query {
            base: schema_nc,
            scope: Scope::OneLevel,
            filter: "(objectClass=classSchema)",
            attrs: &[
                "lDAPDisplayName",
                "schemaIDGUID",
                "subClassOf",
                "possSuperiors",
                "systemPossSuperiors",
                "defaultSecurityDescriptor",
            ],
            controls: vec![],
        };
        self.search_paged(query, 1000, |e| {
            let Some(name) = e.text("lDAPDisplayName") else {
                return;
            };
            let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_ascii_lowercase()).collect();
            let mut poss: Vec<String> = lower(e.texts("possSuperiors"));
            poss.extend(lower(e.texts("systemPossSuperiors")));
            out.by_name.insert(
                name.to_ascii_lowercase(),
                ClassInfo {
                    name: name.clone(),
                    guid: e.first("schemaIDGUID").and_then(Guid::from_slice),
                    subclass_of: e.text("subClassOf").map(|s| s.to_ascii_lowercase()),
                    poss_superiors: poss,
                    default_sd: e.text("defaultSecurityDescriptor"),
                },
            );
        })
        .await?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superiors_follow_the_superclass_chain() {
        let mut c = Classes::default();
        let mut add = |n: &str, sub: &str, poss: &[&str]| {
            c.by_name.insert(
                n.into(),
                ClassInfo {
                    subclass_of: Some(sub.into()),
                    poss_superiors: poss.iter().map(|s| s.to_string()).collect(),
                    ..ClassInfo::default()
                },
            );
        };
        add("top", "top", &["lostandfound"]);
        add("person", "top", &["container", "organizationalunit"]);
        add("user", "person", &["domaindns", "organizationalunit"]);
        assert_eq!(
            c.superiors_of("User"),
            [
                "container",
                "domaindns",
                "lostandfound",
                "organizationalunit"
            ]
        );
        assert!(c.superiors_of("nothing").is_empty());
    }
}
