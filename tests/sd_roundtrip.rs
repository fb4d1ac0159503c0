//! Property tests: the binary codec and SDDL are symmetric pairs, and no input makes a parser
//! panic.

use proptest::prelude::*;
use writeback_wizard::sd::ace::{BasicAce, ObjectAce};
use writeback_wizard::sd::descriptor::Part;
use writeback_wizard::sd::{
    AccessMask, Ace, AceBody, AceFlags, AceType, Acl, AclSlot, Control, DomainContext, Guid,
    SecurityDescriptor, Sid, sddl,
};

fn sid() -> impl Strategy<Value = Sid> {
    prop_oneof![
        (0u64..=32, prop::collection::vec(any::<u32>(), 0..=15)),
        (
            any::<u64>().prop_map(|a| a & 0xFFFF_FFFF_FFFF),
            prop::collection::vec(any::<u32>(), 0..=15)
        ),
        // Domain-relative SIDs in the context's domain, so aliases are exercised.
        (
            Just(5u64),
            prop::sample::select(vec![500u32, 512, 513, 516, 519, 1105])
                .prop_map(|rid| vec![21, 1, 2, 3, rid])
        ),
        (
            Just(5u64),
            prop::sample::select(vec![
                vec![11u32],
                vec![10],
                vec![18],
                vec![32, 544],
                vec![32, 554]
            ])
        ),
    ]
    .prop_map(|(a, subs)| Sid::new(a, &subs).unwrap())
}

fn guid() -> impl Strategy<Value = Guid> {
    any::<[u8; 16]>().prop_map(Guid::from_bytes)
}

fn basic_types() -> Vec<u8> {
    vec![
        0x00, 0x01, 0x02, 0x03, 0x09, 0x0A, 0x0D, 0x0E, 0x11, 0x12, 0x13,
    ]
}

fn object_types() -> Vec<u8> {
    vec![0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0F, 0x10]
}

fn ace() -> impl Strategy<Value = Ace> {
    let data = || prop::collection::vec(any::<u8>(), 0..6);
    let basic = (
        prop::sample::select(basic_types()),
        any::<u8>(),
        any::<u32>(),
        sid(),
        data(),
    )
        .prop_map(|(t, f, m, sid, d)| Ace {
            ace_type: AceType(t),
            flags: AceFlags(f),
            body: AceBody::Basic(BasicAce {
                mask: AccessMask(m),
                sid,
                application_data: d,
            }),
        });
    let object = (
        prop::sample::select(object_types()),
        any::<u8>(),
        any::<u32>(),
        prop::option::of(guid()),
        prop::option::of(guid()),
        sid(),
        data(),
    )
        .prop_map(|(t, f, m, ot, iot, sid, d)| Ace {
            ace_type: AceType(t),
            flags: AceFlags(f),
            body: AceBody::Object(ObjectAce {
                mask: AccessMask(m),
                object_type: ot,
                inherited_object_type: iot,
                sid,
                application_data: d,
            }),
        });
    let opaque = (
        prop_oneof![Just(0x04u8), 0x14u8..=0xFF],
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(|(t, f, raw)| Ace {
            ace_type: AceType(t),
            flags: AceFlags(f),
            body: AceBody::Opaque(raw),
        });
    prop_oneof![4 => basic, 4 => object, 1 => opaque]
}

fn acl() -> impl Strategy<Value = Acl> {
    (
        prop::sample::select(vec![2u8, 4]),
        any::<u8>(),
        any::<u16>(),
        prop::collection::vec(ace(), 0..8),
        prop::collection::vec(any::<u8>(), 0..6),
    )
        .prop_map(|(revision, sbz1, sbz2, aces, trailing)| Acl {
            revision,
            sbz1,
            sbz2,
            aces,
            trailing,
        })
}

fn slot() -> impl Strategy<Value = AclSlot> {
    prop_oneof![1 => Just(AclSlot::Absent), 1 => Just(AclSlot::Null), 4 => acl().prop_map(AclSlot::Present)]
}

fn layout() -> impl Strategy<Value = [Part; 4]> {
    Just(vec![Part::Owner, Part::Group, Part::Sacl, Part::Dacl])
        .prop_shuffle()
        .prop_map(|v| [v[0], v[1], v[2], v[3]])
}

fn descriptor() -> impl Strategy<Value = SecurityDescriptor> {
    (
        any::<u8>(),
        any::<u16>(),
        prop::option::of(sid()),
        prop::option::of(sid()),
        slot(),
        slot(),
        prop::collection::vec(any::<u8>(), 0..6),
        layout(),
    )
        .prop_map(
            |(sbz1, control, owner, group, sacl, dacl, trailing, order)| {
                let mut sd = SecurityDescriptor::default();
                sd.sbz1 = sbz1;
                sd.owner = owner;
                sd.group = group;
                sd.sacl = sacl;
                sd.dacl = dacl;
                sd.trailing = trailing;
                sd.set_control(Control(control), true);
                sd.set_control(Control(!control), false);
                assert!(sd.set_layout(order));
                sd
            },
        )
}

/// Descriptors that SDDL can express: named flags, no application data, lowest ACL revision.
fn sddl_descriptor() -> impl Strategy<Value = SecurityDescriptor> {
    let flags = prop::sample::subsequence(vec![0x01u8, 0x02, 0x04, 0x08, 0x10, 0x40, 0x80], 0..4)
        .prop_map(|v| AceFlags(v.into_iter().fold(0, |a, b| a | b)));
    let mask = prop_oneof![
        any::<u32>(),
        prop::sample::subsequence(
            vec![
                0x1u32,
                0x2,
                0x4,
                0x8,
                0x10,
                0x20,
                0x40,
                0x80,
                0x100,
                0x10000,
                0x20000,
                0x40000,
                0x80000,
                0x1000_0000,
                0x8000_0000
            ],
            0..6
        )
        .prop_map(|v| v.into_iter().fold(0, |a, b| a | b)),
        Just(0x1F01FF),
    ];
    let simple = (
        prop::sample::select(vec![0x00u8, 0x01, 0x02, 0x03, 0x13]),
        flags.clone(),
        mask.clone(),
        sid(),
    )
        .prop_map(|(t, f, m, sid)| Ace {
            ace_type: AceType(t),
            flags: f,
            body: AceBody::Basic(BasicAce {
                mask: AccessMask(m),
                sid,
                application_data: vec![],
            }),
        });
    let label = (flags.clone(), 0u32..8, sid()).prop_map(|(f, m, sid)| Ace {
        ace_type: AceType::SYSTEM_MANDATORY_LABEL,
        flags: f,
        body: AceBody::Basic(BasicAce {
            mask: AccessMask(m),
            sid,
            application_data: vec![],
        }),
    });
    let object = (
        prop::sample::select(vec![0x05u8, 0x06, 0x07, 0x08]),
        flags,
        mask,
        prop::option::of(guid()),
        prop::option::of(guid()),
        sid(),
    )
        .prop_map(|(t, f, m, ot, iot, sid)| Ace {
            ace_type: AceType(t),
            flags: f,
            body: AceBody::Object(ObjectAce {
                mask: AccessMask(m),
                object_type: ot,
                inherited_object_type: iot,
                sid,
                application_data: vec![],
            }),
        });
    let aces = prop::collection::vec(prop_oneof![simple, label, object], 0..6);
    let slot = prop_oneof![
        Just(AclSlot::Absent),
        Just(AclSlot::Null),
        aces.prop_map(|a| AclSlot::Present(Acl::new(a))),
    ];
    let acl_bits = prop::sample::subsequence(
        vec![0x1000u16, 0x2000, 0x0100, 0x0200, 0x0400, 0x0800],
        0..4,
    )
    .prop_map(|v| v.into_iter().fold(0, |a, b| a | b));
    (
        prop::option::of(sid()),
        prop::option::of(sid()),
        slot.clone(),
        slot,
        acl_bits,
    )
        .prop_map(|(owner, group, dacl, sacl, bits)| {
            let mut sd = SecurityDescriptor::default();
            sd.owner = owner;
            sd.group = group;
            sd.dacl = dacl;
            sd.sacl = sacl;
            // Only the control bits of a present part can be written in SDDL.
            let mut bits = bits;
            if matches!(sd.dacl, AclSlot::Absent) {
                bits &= !0x1500;
            }
            if matches!(sd.sacl, AclSlot::Absent) {
                bits &= !0x2A00;
            }
            sd.set_control(Control(bits), true);
            sd
        })
}

fn ctx() -> DomainContext {
    DomainContext::for_domain("S-1-5-21-1-2-3".parse().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn binary_parse_of_serialize_is_identity(sd in descriptor()) {
        let bytes = sd.to_bytes().unwrap();
        let back = SecurityDescriptor::from_bytes(&bytes).unwrap();
        prop_assert_eq!(&back, &sd);
        prop_assert_eq!(back.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn binary_parse_never_panics_and_reencodes_stably(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(sd) = SecurityDescriptor::from_bytes(&bytes) {
            let again = sd.to_bytes().unwrap();
            prop_assert_eq!(SecurityDescriptor::from_bytes(&again).unwrap(), sd.clone());
            let _ = sddl::format(&sd, &ctx());
        }
    }

    #[test]
    fn mutated_descriptors_never_panic(sd in descriptor(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let mut bytes = sd.to_bytes().unwrap();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = SecurityDescriptor::from_bytes(&bytes);
        let n = cut.index(bytes.len() + 1);
        if let Err(e) = SecurityDescriptor::from_bytes(&bytes[..n]) {
            prop_assert!(e.offset <= n + 4, "offset {} beyond input {}", e.offset, n);
        }
    }

    #[test]
    fn sddl_parse_of_format_is_identity(sd in sddl_descriptor()) {
        let text = sddl::format(&sd, &ctx()).unwrap();
        let back = sddl::parse(&text, &ctx()).unwrap();
        prop_assert_eq!(&back, &sd, "{}", text);
    }

    #[test]
    fn sddl_parse_never_panics(text in "[OGDSAPINUCXZ:;()0-9a-fA-F x-]{0,80}") {
        let _ = sddl::parse(&text, &ctx());
    }
}
