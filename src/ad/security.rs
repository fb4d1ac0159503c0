//! Reading and writing `nTSecurityDescriptor`, and the token of an account.

use super::connection::Connection;
use super::controls;
use super::error::AdError;
use crate::sd::{SecurityDescriptor, Sid};

/// A descriptor as read from the directory: the exact bytes and their decoding.
#[derive(Clone, Debug)]
pub struct StoredDescriptor {
    pub dn: String,
    pub raw: Vec<u8>,
    pub sd: SecurityDescriptor,
}

impl Connection {
    /// Reads the parts of `dn`'s security descriptor named by `flags` (see [`controls`]).
    /// `Ok(None)` when the object exists but the attribute was not returned (no right to read
    /// it).
    pub async fn read_security_descriptor(
        &mut self,
        dn: &str,
        flags: u32,
    ) -> Result<Option<StoredDescriptor>, AdError> {
        let entry = self
            .read(
                dn,
                &["nTSecurityDescriptor"],
                vec![controls::sd_flags(flags)],
            )
            .await?
            .ok_or_else(|| AdError::Operation {
                op: "read security descriptor",
                dn: dn.to_string(),
                code: super::error::NO_SUCH_OBJECT,
                text: "no such object".into(),
            })?;
        let Some(raw) = entry.first("nTSecurityDescriptor").map(<[u8]>::to_vec) else {
            return Ok(None);
        };
        let sd = SecurityDescriptor::from_bytes(&raw).map_err(|e| AdError::Malformed {
            op: "read security descriptor",
            dn: dn.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Some(StoredDescriptor {
            dn: entry.dn,
            raw,
            sd,
        }))
    }

    /// Writes only the DACL of `sd` to `dn` (SD-flags = DACL, so owner, group and SACL are never
    /// touched). The descriptor must carry a DACL.
    pub async fn write_dacl(&mut self, dn: &str, sd: &SecurityDescriptor) -> Result<(), AdError> {
        let bytes = sd.to_bytes().map_err(|e| AdError::Malformed {
            op: "write security descriptor",
            dn: dn.to_string(),
            reason: e.to_string(),
        })?;
        self.replace(
            dn,
            "nTSecurityDescriptor",
            vec![bytes],
            vec![controls::sd_flags(controls::DACL)],
        )
        .await
    }

    /// The object's SID and its transitive group SIDs (`tokenGroups`; empty when the DC did not
    /// return them). See [`Connection::account_token`] for the whole token.
    pub async fn token_groups(&mut self, dn: &str) -> Result<(Sid, Vec<Sid>), AdError> {
        let t = self.account_token(dn).await?;
        Ok((t.sid, t.groups.unwrap_or_default()))
    }
}
