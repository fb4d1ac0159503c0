//! Reading a pasted security descriptor: hex, base64, or an LDIF line such as
//! `nTSecurityDescriptor:: AQAEjBQAAAA…` (continuation lines included), as consultants copy it
//! out of `ldapsearch` or PowerShell.

use base64::Engine as _;

/// The pasted text was neither hex nor base64 of a descriptor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InputError(String);

/// Decodes pasted descriptor bytes. An LDIF `attr:: value` prefix is stripped; white space
/// (including LDIF line folding) is ignored. Hex is recognised by a leading `01` (the revision
/// byte) or `0x`; anything else is taken as base64.
pub fn decode_blob(text: &str) -> Result<Vec<u8>, InputError> {
    let body = match text.find("::") {
        Some(i) => &text[i + 2..],
        None => text,
    };
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(InputError(
            "no descriptor given: paste hex, base64 or an ldapsearch 'nTSecurityDescriptor::' line"
                .into(),
        ));
    }
    let hex = compact
        .strip_prefix("0x")
        .or_else(|| compact.strip_prefix("0X"));
    let looks_hex = hex.is_some()
        || (compact.starts_with("01") && compact.bytes().all(|b| b.is_ascii_hexdigit()));
    if looks_hex {
        return decode_hex(hex.unwrap_or(&compact));
    }
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| InputError(format!("not hex and not valid base64 ({e})")))
}

/// Decodes hex digits (no separators).
pub fn decode_hex(s: &str) -> Result<Vec<u8>, InputError> {
    if !s.len().is_multiple_of(2) {
        return Err(InputError(format!(
            "hex input has an odd number of digits ({})",
            s.len()
        )));
    }
    s.as_bytes()
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .ok_or_else(|| InputError(format!("not a hex digit pair at position {}", 2 * i)))
        })
        .collect()
}

/// Lower-case hex of `bytes`.
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 of `bytes`.
pub fn encode_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_input_accepts_hex_base64_and_ldif() {
        let bytes = vec![1u8, 0, 4, 0x84, 0xff];
        assert_eq!(decode_blob("01000484ff").unwrap(), bytes);
        assert_eq!(decode_blob("0x01000484FF").unwrap(), bytes);
        let b64 = encode_base64(&bytes);
        assert_eq!(decode_blob(&b64).unwrap(), bytes);
        let ldif = format!("nTSecurityDescriptor:: {}\n {}", &b64[..3], &b64[3..]);
        assert_eq!(decode_blob(&ldif).unwrap(), bytes);
    }

    #[test]
    fn blob_input_rejects_garbage_with_a_reason() {
        assert!(decode_blob("   ").unwrap_err().0.contains("no descriptor"));
        assert!(decode_blob("0x123").unwrap_err().0.contains("odd"));
        assert!(decode_blob("!!!").unwrap_err().0.contains("base64"));
    }
}
