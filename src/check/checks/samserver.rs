//! `samserver-read`: the connector cannot read the SAM server object `CN=Server,CN=System`.
//!
//! Source: "Troubleshoot self-service password reset writeback" — writeback relies on the legacy
//! `NetUserGetInfo` call, which reads the domain root, `CN=Builtin` and the samServer object; the
//! connector needs List contents, Read all properties and Read permissions there, which domains
//! give to Authenticated Users or to Pre-Windows 2000 Compatible Access (with Authenticated
//! Users as a member). Judged with the connector's whole logon token, so a grant to Pre-Windows
//! 2000 Compatible Access counts exactly when the connector's token carries that alias.

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    if f.sam_server_relies_on_pre2000() {
        // Fine today; emptying Pre-Windows 2000 Compatible Access (as security baselines ask)
        // would break writeback. The plan offers the narrow grant (`grant-samserver`).
        return vec![
            Finding::new(FindingId::SamServerRead, Severity::Info, f.sam_server_dn())
                .text(crate::check::Wording::SamserverReadPre2000)
                .arg("name", super::connector_name(input)),
        ];
    }
    let Some(d) = f.sam_server_read().filter(|d| !d.is_allowed()) else {
        return Vec::new();
    };
    vec![
        Finding::new(FindingId::SamServerRead, Severity::Error, f.sam_server_dn())
            .arg("name", super::connector_name(input))
            .evidence(super::evidence(f, &d)),
    ]
}

#[cfg(test)]
mod tests {
    use crate::check::Severity;
    use crate::check::fixture::{Fixture, grant_users};

    fn has(o: &crate::check::CheckOutcome) -> bool {
        o.findings.iter().any(|f| f.id == "samserver-read")
    }

    #[test]
    fn the_connector_needs_read_access_to_the_sam_server_object() {
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .sam_server(Some("D:(A;;RPLCLORC;;;DA)"))
            .user("CN=u,DC=example,DC=test", "D:")
            .run();
        assert!(has(&o));
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["samserver-read"]
        );
    }

    #[test]
    fn a_grant_to_pre_windows_2000_counts_through_authenticated_users() {
        // The alias is in the connector's token because Authenticated Users is a member.
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .sam_server(Some("D:(A;;RPLCLORC;;;RU)"))
            .run();
        assert!(
            !o.findings
                .iter()
                .any(|f| f.id == "samserver-read" && f.severity == Severity::Error)
        );
        let info = o
            .findings
            .iter()
            .find(|f| f.id == "samserver-read")
            .expect("it relies on Pre-Windows 2000 Compatible Access: said as information");
        assert_eq!(
            (info.severity, info.text),
            (Severity::Info, crate::check::Wording::SamserverReadPre2000)
        );
        let both = Fixture::new()
            .grant_at_root(&grant_users())
            .sam_server(Some("D:(A;;RPLCLORC;;;AU)(A;;RPLCLORC;;;RU)"))
            .run();
        assert!(
            !has(&both),
            "a grant to Authenticated Users does not rely on the group"
        );
        let o = Fixture::new().sam_server(None).run();
        assert!(!has(&o), "unreadable: nothing to say");
    }
}
