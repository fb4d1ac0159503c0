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

impl Connection {
    /// Every class of the schema: lower-case `lDAPDisplayName` → `schemaIDGUID`.
    pub async fn class_guids(
        &mut self,
        schema_nc: &str,
    ) -> Result<std::collections::HashMap<String, Guid>, AdError> {
        let mut out = std::collections::HashMap::new();
        let query = super::Query {
            base: schema_nc,
            scope: Scope::OneLevel,
            filter: "(objectClass=classSchema)",
            attrs: &["lDAPDisplayName", "schemaIDGUID"],
            controls: vec![],
        };
        self.search_paged(query, 1000, |e| {
            if let (Some(name), Some(guid)) = (
                e.text("lDAPDisplayName"),
                e.first("schemaIDGUID").and_then(Guid::from_slice),
            ) {
                out.insert(name.to_ascii_lowercase(), guid);
            }
        })
        .await?;
        Ok(out)
    }
}
