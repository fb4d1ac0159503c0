//! Plans computed from fixture checks: where grants go, what is left and why, and the errors.

use super::*;
use crate::check::fixture::{CONNECTOR, DOMAIN_DN, Fixture, grant_users};

const RESET: &str = "00299570-246d-11d0-a768-00aa006e0529";
const LOCKOUT: &str = "28630ebf-41d5-11d1-a9c1-0000f80367c1";

fn plan(o: &CheckOutcome, opts: PlanOptions) -> Plan {
    compute(o, &Extra::default(), &opts).unwrap()
}

fn dns(p: &Plan) -> Vec<&str> {
    p.changes.iter().map(|c| c.dn.as_str()).collect()
}

fn left(p: &Plan) -> Vec<(&str, &str)> {
    p.not_fixed
        .iter()
        .map(|n| (n.id.as_str(), n.object.as_str()))
        .collect()
}

#[test]
fn grants_go_to_the_root_protected_ous_and_protected_users_and_denies_are_left() {
    let o = Fixture::new()
        .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
        .user("CN=a,OU=P,DC=example,DC=test", "D:")
        .user("CN=b,DC=example,DC=test", "D:P(A;;RC;;;AU)")
        .user(
            "CN=c,DC=example,DC=test",
            &format!("D:(OD;;CR;{RESET};;{CONNECTOR})"),
        )
        .run();
    let p = plan(&o, PlanOptions::default());
    assert_eq!(
        dns(&p),
        [
            DOMAIN_DN,
            "OU=P,DC=example,DC=test",
            "CN=b,DC=example,DC=test"
        ]
    );
    assert_eq!(left(&p), [("right-denied", "CN=c,DC=example,DC=test")]);
    assert_eq!(p.not_fixed[0].users, 1);
    assert!(p.not_fixed[0].evidence[0].contains("(OD;;CR;"));
    // The user grant is explicit on the object, not inheritable.
    let Action::AddAces { aces } = &p.changes[2].action else {
        panic!()
    };
    assert!(aces.iter().all(|a| a.starts_with("(OA;;")), "{aces:?}");
}

#[test]
fn options_that_leave_something_out_list_it_with_the_flag_that_would_fix_it() {
    let o = Fixture::new()
        .ou("OU=P,DC=example,DC=test", "D:P")
        .user("CN=b,DC=example,DC=test", "D:P")
        .user_as("CN=i,DC=example,DC=test", "inetOrgPerson", "D:", None, None)
        .min_pwd_age(-864_000_000_000)
        .run();
    let p = plan(
        &o,
        PlanOptions {
            protected_containers: false,
            protected_users: false,
            inetorgperson: InetOrgPerson::Never,
            ..PlanOptions::default()
        },
    );
    let reason = |id: &str, object: &str| {
        p.not_fixed
            .iter()
            .find(|n| n.id == id && n.object == object)
            .unwrap_or_else(|| panic!("{id} on {object} in {:#?}", p.not_fixed))
            .clone()
    };
    let ou = reason("inheritance-disabled", "OU=P,DC=example,DC=test");
    assert_eq!(ou.code, "protected-containers-off");
    assert!(ou.reason.contains("containers"), "{}", ou.reason);
    let user = reason("inheritance-disabled", "CN=b,DC=example,DC=test");
    assert_eq!(user.code, "protected-users-off");
    assert_eq!(reason("min-password-age", DOMAIN_DN).code, "min-age-kept");
    let classes = reason("right-reset-password", DOMAIN_DN);
    assert_eq!(classes.code, "classes-left-out");
    assert_eq!(classes.values["classes"], "inetOrgPerson");
    assert_eq!(classes.values["mode"], "never");
    for n in &p.not_fixed {
        assert!(
            !n.reason.contains("--"),
            "the engine names no flag: {}",
            n.reason
        );
    }
}

#[test]
fn unexpire_is_granted_when_missing_and_left_when_denied() {
    let missing = Fixture::new()
        .root(&format!("D:(A;;RPLCLORC;;;AU){}", grant_users()))
        .run();
    let p = plan(&missing, PlanOptions::default());
    let Action::AddAces { aces } = &p.changes[0].action else {
        panic!()
    };
    assert!(aces.iter().any(|a| a.contains("ccc2dc7d")));
    assert!(p.not_fixed.is_empty(), "{:#?}", p.not_fixed);
    let denied = Fixture::new()
        .root(&format!(
            "D:(OD;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;{CONNECTOR})(OA;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;AU){}",
            grant_users()
        ))
        .run();
    let p = plan(&denied, PlanOptions::default());
    assert!(p.changes.is_empty(), "never an allow where a deny decides");
    assert_eq!(left(&p), [("right-unexpire-password", DOMAIN_DN)]);
}

#[test]
fn where_a_grant_stops_propagating_the_plan_grants_where_the_gap_starts() {
    // The root grants everything, lockoutTime only to its direct children (NO_PROPAGATE).
    let root_grants = grant_users().replacen("(OA;CIIO;WP;28630ebf", "(OA;CIIONP;WP;28630ebf", 1);
    let o = Fixture::new()
        .grant_at_root(&root_grants)
        .ou("OU=A,DC=example,DC=test", "D:")
        .user("CN=u,OU=A,DC=example,DC=test", "D:")
        .run();
    assert!(
        o.findings
            .iter()
            .any(|f| f.id == "right-write-lockouttime" && f.object == "OU=A,DC=example,DC=test")
    );
    let p = plan(&o, PlanOptions::default());
    assert_eq!(dns(&p), ["OU=A,DC=example,DC=test"]);
    let Action::AddAces { aces } = &p.changes[0].action else {
        panic!()
    };
    assert_eq!(aces.len(), 1);
    assert!(aces[0].contains(LOCKOUT));
    assert!(p.not_fixed.is_empty());
}

#[test]
fn a_null_dacl_or_one_that_would_outgrow_64_kib_is_an_error_not_a_silent_gap() {
    // A protected OU whose DACL is NULL: granting there would take everyone's rights away.
    let null = Fixture::new()
        .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
        .user("CN=a,OU=P,DC=example,DC=test", "D:")
        .container_sd("OU=P,DC=example,DC=test", |sd| {
            sd.as_mut().unwrap().dacl = crate::sd::AclSlot::Null;
        })
        .run();
    let e = compute(&null, &Extra::default(), &PlanOptions::default()).unwrap_err();
    assert!(
        matches!(e, PlanError::NoDacl(ref dn) if dn == "OU=P,DC=example,DC=test"),
        "{e}"
    );
    assert!(e.to_string().contains("NULL DACL"), "{e}");
    // A protected OU whose DACL is just under 64 KiB: the grants would not fit.
    let many: String = (0..1815)
        .map(|n| format!("(A;;RC;;;S-1-5-21-1-2-3-{})", 10_000 + n))
        .collect();
    let full = Fixture::new()
        .ou("OU=P,DC=example,DC=test", &format!("D:P{many}"))
        .user("CN=a,OU=P,DC=example,DC=test", "D:")
        .run();
    let e = compute(&full, &Extra::default(), &PlanOptions::default()).unwrap_err();
    match &e {
        PlanError::TooLarge { dn, size } => {
            assert_eq!(dn, "OU=P,DC=example,DC=test");
            assert!(*size > 65_535, "{size}");
        }
        other => panic!("{other}"),
    }
    // An unreadable container: the plan cannot know whether it needs a grant, and says so
    // (its users are left, counted) rather than calling them fixed.
    let unreadable = Fixture::new()
        .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
        .user("CN=a,OU=P,DC=example,DC=test", "D:")
        .container_sd("OU=P,DC=example,DC=test", |sd| *sd = None)
        .run();
    let e = compute(&unreadable, &Extra::default(), &PlanOptions::default());
    let p = e.unwrap();
    assert!(p.changes.iter().all(|c| c.dn != "OU=P,DC=example,DC=test"));
    assert!(
        p.not_fixed
            .iter()
            .any(|n| n.id == "read-incomplete" && n.users >= 1),
        "{:#?}",
        p.not_fixed
    );
}
