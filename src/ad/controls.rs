//! LDAP controls Active Directory needs, as ldap3 raw controls.
//!
//! LDAP_SERVER_SD_FLAGS_OID (MS-ADTS 3.1.1.3.4.1.11), value `SEQUENCE { Flags INTEGER }`: which
//! parts of `nTSecurityDescriptor` a search returns or a modify writes. Without it AD returns
//! owner, group and DACL to an admin, silently omits the attribute for others, and a modify
//! would touch the owner and group too.

use ldap3::controls::RawControl;

/// The control's OID.
pub const SD_FLAGS_OID: &str = "1.2.840.113556.1.4.801";

/// OWNER_SECURITY_INFORMATION
pub const OWNER: u32 = 0x1;
/// GROUP_SECURITY_INFORMATION
pub const GROUP: u32 = 0x2;
/// DACL_SECURITY_INFORMATION
pub const DACL: u32 = 0x4;
/// SACL_SECURITY_INFORMATION (needs SeSecurityPrivilege)
pub const SACL: u32 = 0x8;

/// The SD-flags control for `flags` (critical, as Windows tools send it).
pub fn sd_flags(flags: u32) -> RawControl {
    RawControl {
        ctype: SD_FLAGS_OID.to_string(),
        crit: true,
        val: Some(sd_flags_value(flags)),
    }
}

/// BER of `SEQUENCE { INTEGER flags }` with the integer in its shortest two's-complement form.
pub fn sd_flags_value(flags: u32) -> Vec<u8> {
    let bytes = flags.to_be_bytes();
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(3);
    let mut int = Vec::with_capacity(5);
    if bytes[start] & 0x80 != 0 {
        int.push(0);
    }
    int.extend_from_slice(&bytes[start..]);
    // At most 5 content bytes, so both lengths fit the short form.
    let mut out = vec![0x30, (int.len() + 2) as u8, 0x02, int.len() as u8];
    out.extend_from_slice(&int);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sd_flags_value_matches_the_ber_windows_sends() {
        assert_eq!(sd_flags_value(DACL), [0x30, 0x03, 0x02, 0x01, 0x04]);
        assert_eq!(sd_flags_value(7), [0x30, 0x03, 0x02, 0x01, 0x07]);
        assert_eq!(sd_flags_value(0), [0x30, 0x03, 0x02, 0x01, 0x00]);
        assert_eq!(sd_flags_value(0x80), [0x30, 0x04, 0x02, 0x02, 0x00, 0x80]);
        assert_eq!(
            sd_flags_value(0x1_0000),
            [0x30, 0x05, 0x02, 0x03, 0x01, 0x00, 0x00]
        );
        let c = sd_flags(DACL);
        assert_eq!(c.ctype, "1.2.840.113556.1.4.801");
        assert!(c.crit);
    }
}
