//! Effective-access evaluation, inheritance and "ensure ACEs present", on descriptors written in
//! SDDL so each case reads like the DACL an admin would see.

use writeback_wizard::sd::access::{child_dacl, inherited_aces};
use writeback_wizard::sd::canonical::{covers, ensure_present, is_canonical};
use writeback_wizard::sd::rights::*;
use writeback_wizard::sd::{
    AclSlot, DomainContext, Request, SecurityDescriptor, Sid, Target, Token, Verdict, evaluate,
    sddl,
};

const DOMAIN: &str = "S-1-5-21-1-2-3";
const MSOL: &str = "S-1-5-21-1-2-3-1105";
const GROUP: &str = "S-1-5-21-1-2-3-1200";
const OTHER: &str = "S-1-5-21-1-2-3-1300";

/// The schema's property set of pwdLastSet (User-Account-Restrictions).
const UAR: &str = "4c164200-20c0-11d0-a768-00aa003e0529";

fn ctx() -> DomainContext {
    DomainContext::for_domain(DOMAIN.parse().unwrap())
}

fn sd(text: &str) -> SecurityDescriptor {
    sddl::parse(text, &ctx()).unwrap()
}

fn token() -> Token {
    Token::new(MSOL.parse().unwrap(), [GROUP.parse::<Sid>().unwrap()])
}

fn user() -> Target {
    Target {
        class: CLASS_USER,
        object_sid: Some("S-1-5-21-1-2-3-2000".parse().unwrap()),
    }
}

fn reset() -> Request {
    Request::ControlAccess(RESET_PASSWORD)
}

fn write_pls() -> Request {
    Request::WriteProperty {
        attribute: ATTR_PWD_LAST_SET,
        property_set: Some(UAR.parse().unwrap()),
    }
}

fn verdict(dacl: &str, request: &Request) -> Verdict {
    evaluate(&sd(dacl).dacl, &user(), &token(), request).verdict
}

#[test]
fn evaluate_without_matching_ace_is_not_granted() {
    let d = format!("D:(A;;RPWP;;;{OTHER})(OA;;CR;{CHANGE_PASSWORD};;WD)");
    assert_eq!(verdict(&d, &reset()), Verdict::NotGranted);
    assert_eq!(verdict(&d, &write_pls()), Verdict::NotGranted);
}

#[test]
fn evaluate_object_ace_for_the_right_grants_and_names_the_ace() {
    let d = format!("D:(A;;RC;;;WD)(OA;CIID;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})");
    let dec = evaluate(&sd(&d).dacl, &user(), &token(), &reset());
    assert_eq!(dec.verdict, Verdict::Allowed);
    assert_eq!(dec.ace_index, Some(1));
    assert_eq!(
        sddl::format_ace(dec.ace.as_ref().unwrap(), &ctx()).unwrap(),
        format!("(OA;CIID;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})")
    );
}

#[test]
fn evaluate_skips_inherit_only_aces() {
    let d = format!("D:(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})");
    assert_eq!(verdict(&d, &reset()), Verdict::NotGranted);
}

#[test]
fn evaluate_ignores_the_inherited_object_type_of_effective_aces() {
    // MS-DTYP 2.4.4.3: InheritedObjectType only steers inheritance; the access check of
    // Windows and Samba (access_check.c never reads it) applies an effective ACE whatever it
    // names.
    let d = format!("D:(OA;CIID;CR;{RESET_PASSWORD};{CLASS_INET_ORG_PERSON};{MSOL})");
    assert_eq!(verdict(&d, &reset()), Verdict::Allowed);
    let deny =
        format!("D:(OD;CIID;CR;{RESET_PASSWORD};{CLASS_INET_ORG_PERSON};{MSOL})(A;;CR;;;{MSOL})");
    assert_eq!(verdict(&deny, &reset()), Verdict::Denied);
}

#[test]
fn samba_and_windows_differ_on_class_nodes_and_control_access_on_any_node() {
    use writeback_wizard::sd::{Rules, evaluate_with};
    let on = |rules, dacl: &str, r: &Request| {
        evaluate_with(rules, &sd(dacl).dacl, &user(), &token(), r).verdict
    };
    // An extended right granted on the user class: Windows puts the class at level 0 of the
    // object-type list (MS-ADTS 5.1.3.3.3); Samba's list holds the right alone.
    let class_cr = format!("D:(OA;;CR;{CLASS_USER};;{MSOL})");
    assert_eq!(on(Rules::Windows, &class_cr, &reset()), Verdict::Allowed);
    assert_eq!(on(Rules::Samba, &class_cr, &reset()), Verdict::NotGranted);
    // CONTROL_ACCESS on the property set grants writing pwdLastSet on Samba only
    // (check_object_specific_access).
    let set_cr = format!("D:(OA;;CR;{UAR};;{MSOL})");
    assert_eq!(
        on(Rules::Windows, &set_cr, &write_pls()),
        Verdict::NotGranted
    );
    assert_eq!(on(Rules::Samba, &set_cr, &write_pls()), Verdict::Allowed);
    // A callback deny: counted under Windows (its condition is unknown), ignored by Samba 4.17.
    let mut cb = sd(&format!("D:(D;;CR;;;{MSOL})(A;;CR;;;{MSOL})"));
    cb.dacl.acl_mut().unwrap().aces[0].ace_type =
        writeback_wizard::sd::AceType::ACCESS_DENIED_CALLBACK;
    let t = user();
    assert_eq!(
        evaluate_with(Rules::Windows, &cb.dacl, &t, &token(), &reset()).verdict,
        Verdict::Denied
    );
    assert_eq!(
        evaluate_with(Rules::Samba, &cb.dacl, &t, &token(), &reset()).verdict,
        Verdict::Allowed
    );
}

#[test]
fn evaluate_honours_deny_before_allow_in_acl_order() {
    let deny_first = format!("D:(OD;;CR;{RESET_PASSWORD};;{GROUP})(A;;GA;;;{MSOL})");
    let dec = evaluate(&sd(&deny_first).dacl, &user(), &token(), &reset());
    assert_eq!(dec.verdict, Verdict::Denied);
    assert_eq!(dec.ace_index, Some(0));
    // Out of canonical order the earlier allow wins, as on a real DC.
    let allow_first = format!("D:(A;;GA;;;{MSOL})(OD;;CR;{RESET_PASSWORD};;{GROUP})");
    assert_eq!(verdict(&allow_first, &reset()), Verdict::Allowed);
    // A deny of a different right does not block.
    let other_deny = format!("D:(OD;;CR;{CHANGE_PASSWORD};;{MSOL})(A;;CR;;;{MSOL})");
    assert_eq!(verdict(&other_deny, &reset()), Verdict::Allowed);
}

#[test]
fn evaluate_generic_all_and_unscoped_control_access_grant_every_extended_right() {
    assert_eq!(
        verdict(&format!("D:(A;;GA;;;{GROUP})"), &reset()),
        Verdict::Allowed
    );
    assert_eq!(
        verdict(&format!("D:(A;;CR;;;{MSOL})"), &reset()),
        Verdict::Allowed
    );
    assert_eq!(
        verdict(&format!("D:(A;;GW;;;{MSOL})"), &reset()),
        Verdict::NotGranted
    );
}

#[test]
fn evaluate_write_property_matches_attribute_property_set_class_or_none() {
    for ot in [
        ATTR_PWD_LAST_SET.to_string(),
        UAR.to_string(),
        CLASS_USER.to_string(),
    ] {
        let d = format!("D:(OA;;WP;{ot};;{MSOL})");
        assert_eq!(verdict(&d, &write_pls()), Verdict::Allowed, "{ot}");
    }
    assert_eq!(
        verdict(&format!("D:(A;;WP;;;{MSOL})"), &write_pls()),
        Verdict::Allowed
    );
    assert_eq!(
        verdict(&format!("D:(A;;GW;;;{MSOL})"), &write_pls()),
        Verdict::Allowed
    );
    let other_attr = format!("D:(OA;;WP;{ATTR_LOCKOUT_TIME};;{MSOL})");
    assert_eq!(verdict(&other_attr, &write_pls()), Verdict::NotGranted);
    // Read property does not give write property.
    assert_eq!(
        verdict(&format!("D:(A;;RP;;;{MSOL})"), &write_pls()),
        Verdict::NotGranted
    );
    // A deny on the property set blocks the attribute.
    let deny_set = format!("D:(OD;;WP;{UAR};;WD)(A;;GA;;;{MSOL})");
    assert_eq!(verdict(&deny_set, &write_pls()), Verdict::Denied);
}

#[test]
fn evaluate_counts_groups_everyone_authenticated_users_and_self() {
    assert_eq!(
        verdict(&format!("D:(A;;CR;;;{GROUP})"), &reset()),
        Verdict::Allowed
    );
    assert_eq!(verdict("D:(A;;CR;;;WD)", &reset()), Verdict::Allowed);
    assert_eq!(verdict("D:(A;;CR;;;AU)", &reset()), Verdict::Allowed);
    assert_eq!(verdict("D:(A;;CR;;;PS)", &reset()), Verdict::NotGranted);
    let own = Target {
        class: CLASS_USER,
        object_sid: Some(MSOL.parse().unwrap()),
    };
    assert_eq!(
        evaluate(&sd("D:(A;;CR;;;PS)").dacl, &own, &token(), &reset()).verdict,
        Verdict::Allowed
    );
}

#[test]
fn evaluate_needs_every_requested_bit_and_treats_null_and_missing_dacls_apart() {
    let req = Request::Rights(writeback_wizard::sd::AccessMask(0x0004_0020));
    let partial = format!("D:(A;;WP;;;{MSOL})(A;;WD;;;{GROUP})");
    let dec = evaluate(&sd(&partial).dacl, &user(), &token(), &req);
    assert_eq!((dec.verdict, dec.ace_index), (Verdict::Allowed, Some(1)));
    assert_eq!(
        verdict(&format!("D:(A;;WP;;;{MSOL})"), &req),
        Verdict::NotGranted
    );
    assert_eq!(
        evaluate(&AclSlot::Null, &user(), &token(), &reset()).verdict,
        Verdict::Allowed
    );
    assert_eq!(
        evaluate(&AclSlot::Absent, &user(), &token(), &reset()).verdict,
        Verdict::Unknown
    );
}

#[test]
fn callback_allow_is_not_counted_but_callback_deny_is() {
    use writeback_wizard::sd::{AccessMask, Ace, AceFlags, AceType};
    let msol: Sid = MSOL.parse().unwrap();
    let mut allow = Ace::allow(
        AceFlags(0),
        AccessMask::CONTROL_ACCESS,
        msol.clone(),
        None,
        None,
    );
    allow.ace_type = AceType::ACCESS_ALLOWED_CALLBACK;
    let mut deny = Ace::deny(
        AceFlags(0),
        AccessMask::CONTROL_ACCESS,
        msol.clone(),
        None,
        None,
    );
    deny.ace_type = AceType::ACCESS_DENIED_CALLBACK;
    let plain = Ace::allow(AceFlags(0), AccessMask::CONTROL_ACCESS, msol, None, None);
    let slot = |aces| AclSlot::Present(writeback_wizard::sd::Acl::new(aces));
    let e = |s| evaluate(&s, &user(), &token(), &reset()).verdict;
    assert_eq!(e(slot(vec![allow])), Verdict::NotGranted);
    assert_eq!(e(slot(vec![deny, plain])), Verdict::Denied);
}

#[test]
fn inheritance_makes_user_scoped_aces_effective_only_on_users() {
    let root = sd(&format!(
        "D:(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})(A;CINP;RC;;;WD)(A;;WD;;;{MSOL})"
    ));
    let ctx = ctx();
    let show = |aces: Vec<_>| {
        aces.iter()
            .map(|a| sddl::format_ace(a, &ctx).unwrap())
            .collect::<String>()
    };
    assert_eq!(
        show(inherited_aces(&root.dacl, CLASS_USER)),
        format!("(OA;CIID;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})(A;ID;RC;;;WD)")
    );
    assert_eq!(
        show(inherited_aces(&root.dacl, CLASS_ORGANIZATIONAL_UNIT)),
        format!("(OA;CIIOID;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})(A;ID;RC;;;WD)")
    );
    let child = child_dacl(&root.dacl, CLASS_USER);
    assert_eq!(
        evaluate(&child, &user(), &token(), &reset()).verdict,
        Verdict::Allowed
    );
    // Through an OU to a user two levels down.
    let ou = child_dacl(&root.dacl, CLASS_ORGANIZATIONAL_UNIT);
    let grandchild = child_dacl(&ou, CLASS_USER);
    assert_eq!(
        evaluate(&grandchild, &user(), &token(), &reset()).verdict,
        Verdict::Allowed
    );
    let inet = Target {
        class: CLASS_INET_ORG_PERSON,
        object_sid: None,
    };
    let inet_child = child_dacl(&root.dacl, CLASS_INET_ORG_PERSON);
    assert_eq!(
        evaluate(&inet_child, &inet, &token(), &reset()).verdict,
        Verdict::NotGranted
    );
}

#[test]
fn ensure_present_adds_only_missing_aces_before_inherited_ones() {
    let mut root = sd(&format!(
        "D:AI(D;;DT;;;WD)(A;;RC;;;AU)(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})(A;CIID;RC;;;WD)"
    ));
    let wanted = [
        format!("(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})"),
        format!("(OA;CIIO;WP;{ATTR_PWD_LAST_SET};{CLASS_USER};{MSOL})"),
        format!("(OA;CIIO;WP;{ATTR_LOCKOUT_TIME};{CLASS_USER};{MSOL})"),
    ]
    .map(|a| sddl::parse_ace(&a, &ctx()).unwrap());
    let acl = root.dacl.acl_mut().unwrap();
    let added = ensure_present(acl, &wanted);
    assert_eq!(added.len(), 2);
    assert!(is_canonical(acl));
    assert_eq!(
        sddl::format(&root, &ctx()).unwrap(),
        format!(
            "D:AI(D;;DT;;;WD)(A;;RC;;;AU)(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})\
             (OA;CIIO;WP;{ATTR_PWD_LAST_SET};{CLASS_USER};{MSOL})\
             (OA;CIIO;WP;{ATTR_LOCKOUT_TIME};{CLASS_USER};{MSOL})(A;CIID;RC;;;WD)"
        )
    );
    // Idempotent.
    let acl = root.dacl.acl_mut().unwrap();
    assert!(ensure_present(acl, &wanted).is_empty());
}

#[test]
fn covers_requires_same_trustee_superset_rights_and_at_least_the_same_reach() {
    let p = |s: &str| sddl::parse_ace(s, &ctx()).unwrap();
    let want = p(&format!(
        "(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_USER};{MSOL})"
    ));
    assert!(covers(&p(&format!("(A;CI;GA;;;{MSOL})")), &want));
    assert!(covers(
        &p(&format!("(OA;CI;CR;{RESET_PASSWORD};;{MSOL})")),
        &want
    ));
    assert!(
        !covers(&p(&format!("(A;CI;GA;;;{GROUP})")), &want),
        "other trustee"
    );
    assert!(
        !covers(&p(&format!("(A;;GA;;;{MSOL})")), &want),
        "not inheritable"
    );
    assert!(
        !covers(&p(&format!("(A;CINP;GA;;;{MSOL})")), &want),
        "stops at children"
    );
    assert!(
        !covers(&p(&format!("(A;CIID;GA;;;{MSOL})")), &want),
        "inherited"
    );
    assert!(!covers(&p(&format!("(D;CI;GA;;;{MSOL})")), &want), "deny");
    assert!(
        !covers(
            &p(&format!(
                "(OA;CIIO;CR;{RESET_PASSWORD};{CLASS_INET_ORG_PERSON};{MSOL})"
            )),
            &want
        ),
        "other class"
    );
    assert!(
        !covers(
            &p(&format!("(OA;CIIO;CR;{CHANGE_PASSWORD};;{MSOL})")),
            &want
        ),
        "other right"
    );
}

#[test]
fn canonical_order_is_explicit_deny_then_explicit_allow_then_inherited() {
    let acl = |s: &str| sd(s).dacl.acl().unwrap().clone();
    assert!(is_canonical(&acl(
        "D:(D;;RC;;;WD)(A;;RC;;;AU)(D;ID;RC;;;BA)(A;ID;RC;;;SY)"
    )));
    assert!(!is_canonical(&acl("D:(A;;RC;;;AU)(D;;RC;;;WD)")));
    assert!(!is_canonical(&acl("D:(A;ID;RC;;;AU)(A;;RC;;;WD)")));
}

#[test]
fn an_applying_no_propagate_or_generic_ace_arrives_as_a_plain_expanded_copy() {
    // Seen on Samba 4.17.12 (differential seed 1796019485924451452): the parent's
    // (OA;CINP;CR;;<user>;DU) arrives on a user as (A;ID;CR;;;DU): no InheritedObjectType, and a
    // plain ACE without ObjectType, which under Samba's rules does not grant writes the way an
    // object ACE with CONTROL_ACCESS would.
    let parent = sd(&format!(
        "D:(OA;CINP;CR;;{CLASS_USER};DU)(A;CI;GA;;;{GROUP})"
    ));
    let got: Vec<String> = inherited_aces(&parent.dacl, CLASS_USER)
        .iter()
        .map(|a| sddl::format_ace(a, &ctx()).unwrap())
        .collect();
    assert_eq!(
        got,
        [
            "(A;ID;CR;;;DU)".to_string(),
            format!("(A;ID;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;{GROUP})"),
            format!("(A;CIIOID;GA;;;{GROUP})"),
        ]
    );
}
