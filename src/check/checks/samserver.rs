//! `samserver-read`: the connector cannot read the SAM server object `CN=Server,CN=System`.
//!
//! Source: "Troubleshoot self-service password reset writeback" — writeback relies on the legacy
//! `NetUserGetInfo` call, which reads the domain root, `CN=Builtin` and the samServer object; the
//! connector needs List contents, Read all properties and Read permissions there, which domains
//! give to Authenticated Users or to Pre-Windows 2000 Compatible Access (with Authenticated
//! Users as a member). Judged with the connector's whole logon token, so a grant to Pre-Windows
//! 2000 Compatible Access counts exactly when the connector's token carries that alias.

use super::Input;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(d) = f.sam_server_read().filter(|d| !d.is_allowed()) else {
        return Vec::new();
    };
    let name = f
        .connector
        .as_ref()
        .map_or("the connector", |c| c.account.sam_account_name.as_str());
    vec![
        Finding::new("samserver-read", Severity::Error, f.sam_server_dn())
            .title(format!("{name} cannot read the SAM server object"))
            .detail(
                "Writeback reads this object (NetUserGetInfo) and fails with access denied without List contents, Read all properties and Read permissions on it. Domains grant them to Authenticated Users or to Pre-Windows 2000 Compatible Access.",
            )
            .fix(format!(
                "Grant {name} (or Authenticated Users) List contents, Read all properties and Read permissions on CN=Server,CN=System."
            ))
            .evidence(super::evidence(f, &d)),
    ]
}
