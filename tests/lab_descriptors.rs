//! Every security descriptor in the lab: our codec round-trips it byte for byte, and Samba's
//! own implementation (the oracle) agrees with our SDDL in both directions. Then generated
//! descriptors, built from the lab's ACEs, go through both implementations too.

mod common;

use ldap3::Scope;
use writeback_wizard::ad::controls;
use writeback_wizard::sd::{AclSlot, DomainContext, SecurityDescriptor, Sid, sddl};

/// The control bits SDDL can express (present, protected, auto-inherit-req, auto-inherited, for
/// the DACL and the SACL). Samba sets OWNER_DEFAULTED and GROUP_DEFAULTED on what it returns;
/// SDDL has no letters for those, so text cannot carry them.
const SDDL_CONTROL_BITS: u16 = 0x3F14;

/// Equal as descriptors: owner, group, SDDL-expressible control bits, and each ACL's kind and
/// ACEs. (ACL revision and layout are encoding details: SDDL does not carry them.)
fn same_meaning(a: &SecurityDescriptor, b: &SecurityDescriptor) -> bool {
    let acl_eq = |x: &AclSlot, y: &AclSlot| match (x, y) {
        (AclSlot::Present(p), AclSlot::Present(q)) => p.aces == q.aces,
        (x, y) => x == y,
    };
    a.owner == b.owner
        && a.group == b.group
        && a.control().0 & SDDL_CONTROL_BITS == b.control().0 & SDDL_CONTROL_BITS
        && acl_eq(&a.dacl, &b.dacl)
        && acl_eq(&a.sacl, &b.sacl)
}

async fn all_descriptors(lab: &common::Lab, flags: u32) -> Vec<(String, Vec<u8>)> {
    let mut conn = lab.admin().await;
    let mut out = Vec::new();
    let base = lab.var("LAB_BASE_DN");
    for nc in [base.to_string(), format!("CN=Configuration,{base}")] {
        let entries = conn
            .search(
                &nc,
                Scope::Subtree,
                "(objectClass=*)",
                &["nTSecurityDescriptor"],
                vec![controls::sd_flags(flags)],
            )
            .await
            .expect("search the lab");
        for e in entries {
            if let Some(raw) = e.first("nTSecurityDescriptor") {
                out.push((e.dn.clone(), raw.to_vec()));
            }
        }
    }
    out
}

#[tokio::test]
async fn lab_descriptors_round_trip_byte_for_byte_and_agree_with_samba() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let domain: Sid = lab.var("LAB_DOMAIN_SID").parse().unwrap();
    let ctx = DomainContext::for_domain(domain);
    let mut checked = 0;
    let mut failures = Vec::new();
    for flags in [
        controls::DACL,
        controls::OWNER | controls::GROUP | controls::DACL,
        0xF,
    ] {
        let sds = all_descriptors(&lab, flags).await;
        assert!(
            sds.len() > 500,
            "only {} descriptors with flags {flags}",
            sds.len()
        );
        let ours: Vec<SecurityDescriptor> = sds
            .iter()
            .map(|(dn, raw)| {
                SecurityDescriptor::from_bytes(raw).unwrap_or_else(|e| panic!("{dn}: {e}"))
            })
            .collect();
        let our_text: Vec<String> = ours
            .iter()
            .zip(&sds)
            .map(|(sd, (dn, _))| sddl::format(sd, &ctx).unwrap_or_else(|e| panic!("{dn}: {e}")))
            .collect();
        let samba_text = lab.oracle(
            "decode",
            &sds.iter().map(|(_, r)| common::hex(r)).collect::<Vec<_>>(),
        );
        let samba_bytes = lab.oracle("encode", &our_text);
        for (i, (dn, raw)) in sds.iter().enumerate() {
            let sd = &ours[i];
            if &sd.to_bytes().unwrap() != raw {
                failures.push(format!(
                    "{dn} (flags {flags}): re-encoding changed the bytes"
                ));
            }
            match sddl::parse(&samba_text[i], &ctx) {
                Ok(theirs) if same_meaning(&theirs, sd) => {}
                Ok(_) => failures.push(format!(
                    "{dn}: Samba reads it as {}, we as {}",
                    samba_text[i], our_text[i]
                )),
                Err(e) => failures.push(format!(
                    "{dn}: cannot parse Samba's {:?}: {e}",
                    samba_text[i]
                )),
            }
            match SecurityDescriptor::from_bytes(&common::unhex(&samba_bytes[i])) {
                Ok(back) if same_meaning(&back, sd) => {}
                Ok(_) => failures.push(format!(
                    "{dn}: Samba encodes our {} differently",
                    our_text[i]
                )),
                Err(e) => failures.push(format!(
                    "{dn}: Samba's encoding of our SDDL: {e} ({})",
                    samba_bytes[i]
                )),
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    eprintln!("{checked} lab descriptors agree with Samba");
}

/// A small deterministic generator (xorshift), so failures are reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[tokio::test]
async fn generated_descriptors_encode_like_samba() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let domain: Sid = lab.var("LAB_DOMAIN_SID").parse().unwrap();
    let ctx = DomainContext::for_domain(domain);
    let pool: Vec<_> = all_descriptors(&lab, 0xF)
        .await
        .into_iter()
        .map(|(_, raw)| SecurityDescriptor::from_bytes(&raw).unwrap())
        .collect();
    let aces: Vec<_> = pool
        .iter()
        .flat_map(|sd| sd.dacl.acl().into_iter().flat_map(|a| a.aces.clone()))
        .collect();
    let owners: Vec<Sid> = pool.iter().filter_map(|sd| sd.owner.clone()).collect();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut texts = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..2000 {
        let mut sd = pool[rng.below(pool.len())].clone();
        if rng.below(4) == 0 {
            sd.owner = Some(owners[rng.below(owners.len())].clone());
        }
        if let Some(acl) = sd.dacl.acl_mut() {
            for _ in 0..rng.below(6) {
                let mut ace = aces[rng.below(aces.len())].clone();
                ace.flags.0 ^= [0x02u8, 0x08, 0x10, 0x04][rng.below(4)];
                let at = rng.below(acl.aces.len() + 1);
                acl.aces.insert(at, ace);
            }
            if rng.below(3) == 0 && !acl.aces.is_empty() {
                let at = rng.below(acl.aces.len());
                acl.aces.remove(at);
            }
        }
        let flip = [0x1000u16, 0x0400, 0x0100][rng.below(3)];
        let on = !sd.control().contains(writeback_wizard::sd::Control(flip));
        sd.set_control(writeback_wizard::sd::Control(flip), on);
        texts.push(sddl::format(&sd, &ctx).unwrap());
        ours.push(sd);
    }
    let samba = lab.oracle("encode", &texts);
    let mut failures = Vec::new();
    for (i, hex) in samba.iter().enumerate() {
        let theirs = SecurityDescriptor::from_bytes(&common::unhex(hex));
        match theirs {
            Ok(t) if same_meaning(&t, &ours[i]) => {
                // Given Samba's part order and ACL revision (Samba always writes revision 4; we
                // write the lowest that holds the ACEs, as MS-DTYP 2.4.5 asks), the bytes agree.
                let mut mine = sddl::parse(&texts[i], &ctx).unwrap();
                mine.set_layout(t.layout());
                for (m, th) in [(&mut mine.dacl, &t.dacl), (&mut mine.sacl, &t.sacl)] {
                    if let (Some(m), Some(th)) = (m.acl_mut(), th.acl()) {
                        m.revision = th.revision;
                    }
                }
                if mine.to_bytes().unwrap() != common::unhex(hex) {
                    failures.push(format!("bytes differ for {}", texts[i]));
                }
            }
            _ => failures.push(format!("Samba disagrees on {} ({hex})", texts[i])),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 2000 failed:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
