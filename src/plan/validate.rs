//! Plan files that cannot lie: `apply --plan FILE` accepts from a file only what the tool itself
//! would plan, and only when the file is the one the tool wrote.
//!
//! * **Sealed**: the plan carries a SHA-256 of its content (domain SID and connector SID
//!   included); an edited or truncated file is refused. (A checksum, not a signature: it catches
//!   edits and damage; what may be written at all is decided by the shapes below.)
//! * **Shapes**: an added ACE must be one of the writeback grants of the rights table for the
//!   plan's connector — inheritable on descendant users or inetOrgPersons, or on the object itself
//!   — or Unexpire Password on the domain root; an attribute change must be `minPwdAge` = 0 on
//!   the domain root, `msDS-MinimumPasswordAge` = 0 on a password policy, or clearing
//!   `adminCount` (with inheritance enabled on the same user); every object lies in the plan's
//!   domain. Where the object's class decides, `apply` checks it on the DC before writing.

use super::{Action, Plan};
use crate::ad::discovery::is_within;
use crate::check::right::Right;
use crate::sd::rights::{CLASS_INET_ORG_PERSON, CLASS_USER, UNEXPIRE_PASSWORD};
use crate::sd::{AccessMask, Ace, AceFlags, DomainContext, Sid, sddl};

/// Why a plan file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanFileError {
    #[error(
        "the plan file was changed or damaged after it was written (its checksum does not match); nothing was written. Make a new plan."
    )]
    Checksum,
    #[error(
        "the plan file has schema {0}, this version reads schema {1}; nothing was written. Make a new plan."
    )]
    Schema(u32, u32),
    #[error(
        "the plan file asks for a change this tool never plans, so it is refused and nothing was written: {0}"
    )]
    Shape(String),
}

/// What a change targets, for the checks that need the DC (its class).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The domain root.
    Domain,
    /// A user or inetOrgPerson object.
    User,
    /// A password settings object.
    PasswordSettings,
    /// A container or OU (or AdminSDHolder).
    Container,
    /// The SAM server object, `CN=Server,CN=System`.
    SamServer,
}

impl Target {
    /// A stable name (the words' `target-…` ids).
    pub fn id(&self) -> &'static str {
        match self {
            Target::Domain => "domain",
            Target::User => "user",
            Target::PasswordSettings => "password-settings",
            Target::Container => "container",
            Target::SamServer => "sam-server",
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Target::Domain => "the domain object",
            Target::User => "a user",
            Target::PasswordSettings => "a password policy",
            Target::Container => "a container",
            Target::SamServer => "the SAM server object",
        })
    }
}

/// The plan's checksum: SHA-256 over its JSON with the checksum field empty, hex.
pub fn checksum(plan: &Plan) -> String {
    let mut copy = plan.clone();
    copy.checksum = String::new();
    // Serialising plain data cannot fail.
    let bytes = serde_json::to_vec(&copy).unwrap_or_default();
    let digest = ring::digest::digest(&ring::digest::SHA256, &bytes);
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// Seals `plan` with its checksum.
pub fn seal(plan: &mut Plan) {
    plan.checksum = checksum(plan);
}

/// The ACEs a plan may add for `connector`: the writeback rights inheritable on users and
/// inetOrgPersons, the same on the object itself, and Unexpire Password on the domain root.
fn inheritable(connector: &Sid) -> Vec<Ace> {
    Right::ALL
        .into_iter()
        .flat_map(|r| [CLASS_USER, CLASS_INET_ORG_PERSON].map(|c| r.inheritable_ace(connector, c)))
        .collect()
}

fn own(connector: &Sid) -> Vec<Ace> {
    Right::ALL
        .into_iter()
        .map(|r| r.own_ace(connector))
        .collect()
}

/// Read access on the SAM server object for the connector alone (List contents, Read all
/// properties, Read permissions).
pub fn sam_server_read(connector: &Sid) -> Ace {
    Ace::allow(
        AceFlags(0),
        AccessMask::LIST_CONTENTS | AccessMask::READ_PROPERTY | AccessMask::READ_CONTROL,
        connector.clone(),
        None,
        None,
    )
}

fn unexpire(connector: &Sid) -> Ace {
    Ace::allow(
        AceFlags(0),
        AccessMask::CONTROL_ACCESS,
        connector.clone(),
        Some(UNEXPIRE_PASSWORD),
        None,
    )
}

/// Every ACE a plan may add for `connector` on one object (`at_root`: the domain root, where
/// Unexpire Password may be granted and no own-object grants are made).
pub fn grants_for(connector: &Sid, at_root: bool) -> Vec<Ace> {
    let mut v = inheritable(connector);
    if at_root {
        v.push(unexpire(connector));
    } else {
        v.extend(own(connector));
    }
    v
}

/// Checks a plan read from a file: schema, checksum, and that every change has a shape the tool
/// plans. Returns what each change targets (same order), for the checks on the DC.
pub fn check_file(plan: &Plan) -> Result<Vec<Target>, PlanFileError> {
    if plan.schema != super::SCHEMA {
        return Err(PlanFileError::Schema(plan.schema, super::SCHEMA));
    }
    if plan.checksum != checksum(plan) {
        return Err(PlanFileError::Checksum);
    }
    let shape = |what: String| PlanFileError::Shape(what);
    let connector: Sid = plan
        .connector_sid
        .parse()
        .map_err(|_| shape(format!("connector SID {:?}", plan.connector_sid)))?;
    plan.domain_sid
        .parse::<Sid>()
        .map_err(|_| shape(format!("domain SID {:?}", plan.domain_sid)))?;
    let root = plan.domain_dn.as_str();
    let pso_container = format!("CN=Password Settings Container,CN=System,{root}");
    let holder = format!("CN=AdminSDHolder,CN=System,{root}");
    let sam_server = format!("CN=Server,CN=System,{root}");
    let (inheritable, own, unexpire) = (
        inheritable(&connector),
        own(&connector),
        unexpire(&connector),
    );
    let mut targets = Vec::new();
    for c in &plan.changes {
        if !is_within(&c.dn, root) {
            return Err(shape(format!("{} is not in the domain {root}", c.dn)));
        }
        let at_root = c.dn.eq_ignore_ascii_case(root);
        let target = match &c.action {
            Action::AddAces { aces } => {
                if aces.is_empty() {
                    return Err(shape(format!("{}: no ACE to add", c.dn)));
                }
                let mut kind = Target::Container;
                for text in aces {
                    let ace = sddl::parse_ace(text, &DomainContext::default())
                        .map_err(|e| shape(format!("{}: {text}: {e}", c.dn)))?;
                    if c.dn.eq_ignore_ascii_case(&sam_server) && ace == sam_server_read(&connector)
                    {
                        kind = Target::SamServer;
                        continue;
                    }
                    if inheritable.contains(&ace) || (at_root && ace == unexpire) {
                        continue;
                    }
                    if own.contains(&ace) && !at_root {
                        if !c.dn.eq_ignore_ascii_case(&holder) {
                            kind = Target::User;
                        }
                        continue;
                    }
                    return Err(shape(format!(
                        "{}: {text} is not a writeback grant to the connector {}",
                        c.dn, plan.connector_sid
                    )));
                }
                if at_root { Target::Domain } else { kind }
            }
            Action::EnableInheritance => {
                let clears = plan.changes.iter().any(|o| {
                    o.dn.eq_ignore_ascii_case(&c.dn)
                        && matches!(&o.action, Action::SetAttribute { attribute, values } if attribute.eq_ignore_ascii_case("adminCount") && values.is_empty())
                });
                if !clears {
                    return Err(shape(format!(
                        "{}: inheritance is only enabled again on a user whose stale adminCount the plan clears",
                        c.dn
                    )));
                }
                Target::User
            }
            Action::SetAttribute { attribute, values } => {
                let zero = values.len() == 1 && values[0] == "0";
                match attribute.to_ascii_lowercase().as_str() {
                    "minpwdage" if at_root && zero => Target::Domain,
                    "msds-minimumpasswordage"
                        if zero
                            && crate::ad::discovery::parent_dn(&c.dn)
                                .is_some_and(|p| p.eq_ignore_ascii_case(&pso_container)) =>
                    {
                        Target::PasswordSettings
                    }
                    "admincount" if values.is_empty() => Target::User,
                    _ => {
                        return Err(shape(format!(
                            "{}: setting {attribute} to {values:?}",
                            c.dn
                        )));
                    }
                }
            }
        };
        targets.push(target);
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Before, Change};

    const DOMAIN: &str = "DC=example,DC=test";
    const CONNECTOR: &str = "S-1-5-21-1-2-3-1105";

    fn plan(changes: Vec<Change>) -> Plan {
        let mut p = Plan {
            schema: crate::plan::SCHEMA,
            tool_version: "0".into(),
            time: "2026-11-30T00:00:00Z".into(),
            domain_dn: DOMAIN.into(),
            domain_sid: "S-1-5-21-1-2-3".into(),
            dc: "dc1".into(),
            pdc_emulator: None,
            connector_dn: "CN=MSOL,DC=example,DC=test".into(),
            connector_sid: CONNECTOR.into(),
            request: Default::default(),
            changes,
            warnings: Vec::new(),
            warnings_said: Vec::new(),
            reach: None,
            not_fixed: Vec::new(),
            checksum: String::new(),
        };
        seal(&mut p);
        p
    }

    fn aces(dn: &str, aces: &[String]) -> Change {
        Change {
            dn: dn.into(),
            action: Action::AddAces {
                aces: aces.to_vec(),
            },
            summary: String::new(),
            said: Default::default(),
            before: Before::Values { values: Vec::new() },
            before_sddl: None,
            after_sddl: None,
            diff: Vec::new(),
        }
    }

    fn text(ace: &Ace) -> String {
        sddl::format_ace(ace, &DomainContext::default()).unwrap()
    }

    #[test]
    fn what_the_tool_plans_passes_and_an_extra_everyone_full_control_does_not() {
        let sid: Sid = CONNECTOR.parse().unwrap();
        let grants: Vec<String> = inheritable(&sid).iter().map(text).collect();
        let p = plan(vec![aces(DOMAIN, &grants)]);
        assert_eq!(check_file(&p), Ok(vec![Target::Domain]));
        let mut evil = grants.clone();
        evil.push("(A;CI;GA;;;WD)".into());
        let p = plan(vec![aces(DOMAIN, &evil)]);
        assert!(
            matches!(check_file(&p), Err(PlanFileError::Shape(s)) if s.contains("(A;CI;GA;;;WD)"))
        );
        // The same grants to another account are refused too.
        let other = grants
            .iter()
            .map(|g| g.replace("-1105", "-1106"))
            .collect::<Vec<_>>();
        assert!(check_file(&plan(vec![aces(DOMAIN, &other)])).is_err());
    }

    #[test]
    fn the_narrow_sam_server_read_is_accepted_on_that_object_only() {
        let sid: Sid = CONNECTOR.parse().unwrap();
        let read = text(&sam_server_read(&sid));
        let server = format!("CN=Server,CN=System,{DOMAIN}");
        assert_eq!(
            check_file(&plan(vec![aces(&server, std::slice::from_ref(&read))])),
            Ok(vec![Target::SamServer])
        );
        for elsewhere in [DOMAIN.to_string(), format!("OU=Staff,{DOMAIN}")] {
            assert!(
                check_file(&plan(vec![aces(&elsewhere, std::slice::from_ref(&read))])).is_err(),
                "{elsewhere}"
            );
        }
        let wider = read.replace("LCRPRC", "LCRPWPRC");
        assert!(check_file(&plan(vec![aces(&server, &[wider])])).is_err());
    }

    #[test]
    fn an_edited_file_fails_its_checksum() {
        let sid: Sid = CONNECTOR.parse().unwrap();
        let mut p = plan(vec![aces(DOMAIN, &[text(&unexpire(&sid))])]);
        assert!(check_file(&p).is_ok());
        p.domain_sid = "S-1-5-21-9-9-9".into();
        assert_eq!(check_file(&p), Err(PlanFileError::Checksum));
    }

    #[test]
    fn attributes_are_limited_to_the_three_the_tool_sets() {
        let set = |dn: &str, attribute: &str, values: &[&str]| Change {
            action: Action::SetAttribute {
                attribute: attribute.into(),
                values: values.iter().map(|v| v.to_string()).collect(),
            },
            ..aces(dn, &[])
        };
        let pso = format!("CN=P,CN=Password Settings Container,CN=System,{DOMAIN}");
        assert!(check_file(&plan(vec![set(DOMAIN, "minPwdAge", &["0"])])).is_ok());
        assert!(check_file(&plan(vec![set(&pso, "msDS-MinimumPasswordAge", &["0"])])).is_ok());
        assert!(
            check_file(&plan(vec![set(
                "CN=u,DC=example,DC=test",
                "adminCount",
                &[]
            )]))
            .is_ok()
        );
        for bad in [
            set(DOMAIN, "minPwdAge", &["-864000000000"]),
            set(
                &format!("CN=Domain Admins,CN=Users,{DOMAIN}"),
                "member",
                &["CN=x"],
            ),
            set("CN=u,DC=other,DC=test", "adminCount", &[]),
            set("CN=u,DC=example,DC=test", "msDS-MinimumPasswordAge", &["0"]),
        ] {
            assert!(check_file(&plan(vec![bad.clone()])).is_err(), "{bad:?}");
        }
    }
}
