//! The SDDL vocabularies ([MS-DTYP] 2.5.1.1), one table each, used both to parse and to print.

use super::DomainContext;
use crate::sd::ace::AceType;
use crate::sd::descriptor::Control;
use crate::sd::sid::Sid;

/// ACE type strings ([MS-DTYP] 2.5.1.1, "ace_type").
pub(super) const ACE_TYPES: &[(&str, AceType)] = &[
    ("A", AceType::ACCESS_ALLOWED),
    ("D", AceType::ACCESS_DENIED),
    ("AU", AceType::SYSTEM_AUDIT),
    ("AL", AceType::SYSTEM_ALARM),
    ("OA", AceType::ACCESS_ALLOWED_OBJECT),
    ("OD", AceType::ACCESS_DENIED_OBJECT),
    ("OU", AceType::SYSTEM_AUDIT_OBJECT),
    ("OL", AceType::SYSTEM_ALARM_OBJECT),
    ("XA", AceType::ACCESS_ALLOWED_CALLBACK),
    ("XD", AceType::ACCESS_DENIED_CALLBACK),
    ("ZA", AceType::ACCESS_ALLOWED_CALLBACK_OBJECT),
    ("XU", AceType::SYSTEM_AUDIT_CALLBACK),
    ("ML", AceType::SYSTEM_MANDATORY_LABEL),
    ("RA", AceType::SYSTEM_RESOURCE_ATTRIBUTE),
    ("SP", AceType::SYSTEM_SCOPED_POLICY_ID),
];

/// ACE flag strings ("ace_flag"), in the order they are printed.
pub(super) const ACE_FLAGS: &[(&str, u8)] = &[
    ("OI", 0x01),
    ("CI", 0x02),
    ("NP", 0x04),
    ("IO", 0x08),
    ("ID", 0x10),
    ("CR", 0x20),
    ("SA", 0x40),
    ("FA", 0x80),
];

/// Single-bit rights ("generic_rights", "standard_rights", "object_specific_rights"), printed in
/// ascending bit order as Windows does.
pub(super) const RIGHTS: &[(&str, u32)] = &[
    ("CC", 0x0000_0001),
    ("DC", 0x0000_0002),
    ("LC", 0x0000_0004),
    ("SW", 0x0000_0008),
    ("RP", 0x0000_0010),
    ("WP", 0x0000_0020),
    ("DT", 0x0000_0040),
    ("LO", 0x0000_0080),
    ("CR", 0x0000_0100),
    ("SD", 0x0001_0000),
    ("RC", 0x0002_0000),
    ("WD", 0x0004_0000),
    ("WO", 0x0008_0000),
    ("GA", 0x1000_0000),
    ("GX", 0x2000_0000),
    ("GW", 0x4000_0000),
    ("GR", 0x8000_0000),
];

/// Composite file and registry rights. Parsed always; printed only on an exact match of the
/// `print` ones (the file rights, as Windows does).
pub(super) const COMPOSITE_RIGHTS: &[(&str, u32, bool)] = &[
    ("FA", 0x001F_01FF, true),
    ("FR", 0x0012_0089, true),
    ("FW", 0x0012_0116, true),
    ("FX", 0x0012_00A0, true),
    ("KA", 0x000F_003F, false),
    ("KR", 0x0002_0019, false),
    ("KW", 0x0002_0006, false),
    ("KX", 0x0002_0019, false),
];

/// Mandatory-label rights ("NR", "NW", "NX"), used in `ML` ACEs.
pub(super) const LABEL_RIGHTS: &[(&str, u32)] = &[("NW", 0x1), ("NR", 0x2), ("NX", 0x4)];

/// Control flags of a `D:` or `S:` part. Printed in this order.
pub(super) const ACL_FLAGS: &[(&str, Control, Control)] = &[
    ("P", Control::DACL_PROTECTED, Control::SACL_PROTECTED),
    (
        "AR",
        Control::DACL_AUTO_INHERIT_REQ,
        Control::SACL_AUTO_INHERIT_REQ,
    ),
    (
        "AI",
        Control::DACL_AUTO_INHERITED,
        Control::SACL_AUTO_INHERITED,
    ),
];

/// What a SID alias stands for.
#[derive(Clone, Copy)]
pub(super) enum Alias {
    /// A fixed SID, written as `authority` and sub-authorities.
    Fixed(u64, &'static [u32]),
    /// A RID in the context's domain.
    Domain(u32),
    /// A RID in the forest root domain.
    Root(u32),
}

/// SID strings ("sid_token", [MS-DTYP] 2.5.1.1).
pub(super) const SID_ALIASES: &[(&str, Alias)] = &[
    ("AN", Alias::Fixed(5, &[7])),
    ("AO", Alias::Fixed(5, &[32, 548])),
    ("AU", Alias::Fixed(5, &[11])),
    ("BA", Alias::Fixed(5, &[32, 544])),
    ("BG", Alias::Fixed(5, &[32, 546])),
    ("BO", Alias::Fixed(5, &[32, 551])),
    ("BU", Alias::Fixed(5, &[32, 545])),
    ("CD", Alias::Fixed(5, &[32, 574])),
    ("CG", Alias::Fixed(3, &[1])),
    ("CO", Alias::Fixed(3, &[0])),
    ("CY", Alias::Fixed(5, &[32, 569])),
    ("ED", Alias::Fixed(5, &[9])),
    ("ER", Alias::Fixed(5, &[32, 573])),
    ("ES", Alias::Fixed(5, &[32, 576])),
    ("HA", Alias::Fixed(5, &[32, 578])),
    ("HI", Alias::Fixed(16, &[12288])),
    ("IS", Alias::Fixed(5, &[32, 568])),
    ("IU", Alias::Fixed(5, &[4])),
    ("LS", Alias::Fixed(5, &[19])),
    ("LU", Alias::Fixed(5, &[32, 559])),
    ("LW", Alias::Fixed(16, &[4096])),
    ("ME", Alias::Fixed(16, &[8192])),
    ("MP", Alias::Fixed(16, &[8448])),
    ("MU", Alias::Fixed(5, &[32, 558])),
    ("NO", Alias::Fixed(5, &[32, 556])),
    ("NS", Alias::Fixed(5, &[20])),
    ("NU", Alias::Fixed(5, &[2])),
    ("OW", Alias::Fixed(3, &[4])),
    ("PO", Alias::Fixed(5, &[32, 550])),
    ("PS", Alias::Fixed(5, &[10])),
    ("PU", Alias::Fixed(5, &[32, 547])),
    ("RA", Alias::Fixed(5, &[32, 575])),
    ("RC", Alias::Fixed(5, &[12])),
    ("RD", Alias::Fixed(5, &[32, 555])),
    ("RE", Alias::Fixed(5, &[32, 552])),
    ("RM", Alias::Fixed(5, &[32, 580])),
    ("RU", Alias::Fixed(5, &[32, 554])),
    ("SI", Alias::Fixed(16, &[16384])),
    ("SO", Alias::Fixed(5, &[32, 549])),
    ("SU", Alias::Fixed(5, &[6])),
    ("SY", Alias::Fixed(5, &[18])),
    ("WD", Alias::Fixed(1, &[0])),
    ("WR", Alias::Fixed(5, &[33])),
    ("AA", Alias::Fixed(5, &[32, 579])),
    ("AC", Alias::Fixed(15, &[2, 1])),
    ("AS", Alias::Fixed(18, &[1])),
    ("SS", Alias::Fixed(18, &[2])),
    ("LA", Alias::Domain(500)),
    ("LG", Alias::Domain(501)),
    ("DA", Alias::Domain(512)),
    ("DU", Alias::Domain(513)),
    ("DG", Alias::Domain(514)),
    ("DC", Alias::Domain(515)),
    ("DD", Alias::Domain(516)),
    ("CA", Alias::Domain(517)),
    ("PA", Alias::Domain(520)),
    ("CN", Alias::Domain(522)),
    ("AP", Alias::Domain(525)),
    ("KA", Alias::Domain(526)),
    ("RS", Alias::Domain(553)),
    ("RO", Alias::Root(498)),
    ("SA", Alias::Root(518)),
    ("EA", Alias::Root(519)),
    ("EK", Alias::Root(527)),
];

pub(super) fn alias_sid(alias: Alias, ctx: &DomainContext) -> Option<Sid> {
    match alias {
        Alias::Fixed(auth, subs) => Sid::new(auth, subs).ok(),
        Alias::Domain(rid) => ctx.domain_sid.as_ref()?.with_rid(rid),
        Alias::Root(rid) => ctx.root()?.with_rid(rid),
    }
}

/// The alias for `sid` in `ctx`, if it has one.
pub(super) fn sid_alias(sid: &Sid, ctx: &DomainContext) -> Option<&'static str> {
    SID_ALIASES
        .iter()
        .find(|(_, a)| alias_sid(*a, ctx).as_ref() == Some(sid))
        .map(|(code, _)| *code)
}
