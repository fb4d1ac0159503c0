//! Change notifications (LDAP_SERVER_NOTIFICATION_OID, MS-ADTS 3.1.1.3.4.1.9): a search the DC
//! never ends, answering with an entry each time an object under the base changes. Used by
//! `watch` to re-check as soon as the directory changes instead of on a timer.

use ldap3::controls::RawControl;
use ldap3::{Scope, SearchStream};

use super::{AdError, Connection, Entry};

/// LDAP_SERVER_NOTIFICATION_OID.
pub const NOTIFICATION: &str = "1.2.840.113556.1.4.528";

/// An open notification search.
pub struct Notifications {
    stream: SearchStream<'static, String, Vec<String>>,
    server: String,
}

impl Connection {
    /// Opens a notification search on `base` and everything below it (the connection is
    /// given to it: one per notification search keeps the other reads apart).
    pub async fn notifications(mut self, base: &str) -> Result<Notifications, AdError> {
        let control = RawControl {
            ctype: NOTIFICATION.to_string(),
            crit: true,
            val: None,
        };
        let server = self.server().to_string();
        let stream = self
            .ldap_mut()
            .with_controls(vec![control])
            .streaming_search(
                base,
                Scope::Subtree,
                "(objectClass=*)",
                vec!["objectClass".to_string()],
            )
            .await
            .map_err(|e| self.protocol("notification search", e))?;
        Ok(Notifications { stream, server })
    }
}

impl Notifications {
    /// The DN of the next object that changed; `Ok(None)` when the DC ended the search (its
    /// notification limit, a restart): the caller falls back to its timer.
    pub async fn next(&mut self) -> Result<Option<String>, AdError> {
        loop {
            match self.stream.next().await {
                Ok(Some(re)) => {
                    if let Some(e) = Entry::from_result(re) {
                        return Ok(Some(e.dn));
                    }
                }
                Ok(None) => return Ok(None),
                Err(e) => {
                    return Err(AdError::ConnectionLost {
                        server: self.server.clone(),
                        op: "notification search",
                        reason: e.to_string(),
                    });
                }
            }
        }
    }
}
