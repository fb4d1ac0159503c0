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

/// The LDAP assertion control (RFC 4528): the DC performs the operation only if the object
/// still matches a filter. Windows and Samba 4.17 do not list it; where a DC does, a write can
/// be made conditional on nothing having changed the object since it was read.
pub const ASSERTION_OID: &str = "1.3.6.1.1.12";

/// The assertion control for the filter `(attribute=value)` (critical: a DC that cannot check
/// it must refuse the write, not ignore the condition).
pub fn assert_equal(attribute: &str, value: &str) -> RawControl {
    // Filter ::= equalityMatch [3] AttributeValueAssertion
    //   AttributeValueAssertion ::= SEQUENCE { attributeDesc OCTET STRING, assertionValue OCTET STRING }
    let mut body = Vec::new();
    for part in [attribute.as_bytes(), value.as_bytes()] {
        body.push(0x04);
        body.extend(ber_length(part.len()));
        body.extend_from_slice(part);
    }
    let mut val = vec![0xa3];
    val.extend(ber_length(body.len()));
    val.extend(body);
    RawControl {
        ctype: ASSERTION_OID.to_string(),
        crit: true,
        val: Some(val),
    }
}

/// A BER length, short or long form.
fn ber_length(n: usize) -> Vec<u8> {
    if n < 0x80 {
        return vec![n as u8];
    }
    let bytes = n.to_be_bytes();
    let start = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len() - 1);
    let mut out = vec![0x80 | (bytes.len() - start) as u8];
    out.extend_from_slice(&bytes[start..]);
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

    #[test]
    fn the_assertion_is_an_equality_filter_in_ber() {
        let c = assert_equal("uSNChanged", "12345");
        assert_eq!(c.ctype, "1.3.6.1.1.12");
        assert!(c.crit);
        let mut want = vec![0xa3, 19, 0x04, 10];
        want.extend_from_slice(b"uSNChanged");
        want.extend([0x04, 5]);
        want.extend_from_slice(b"12345");
        assert_eq!(c.val.unwrap(), want);
        assert_eq!(ber_length(200), [0x81, 200]);
        assert_eq!(ber_length(300), [0x82, 1, 44]);
    }
}
