//! Distinguished names compared as AD compares them: by their RDNs (RFC 4514 syntax), each
//! attribute type and value without case, escapes resolved (`\,` and `\2C` are the same comma),
//! spaces around `=` and `,` not part of the name. A text suffix is not enough: `OU=x\,DC=lab`
//! ends in `DC=lab` but is not below it.

/// One RDN: attribute type and value, both lower-case, escapes resolved.
pub type Rdn = (String, String);

/// The RDNs of `dn`, leaf first; `None` when it is not a DN (an RDN without `=`, an empty
/// attribute type, a dangling escape or an open quote).
pub fn components(dn: &str) -> Option<Vec<Rdn>> {
    let dn = dn.trim();
    if dn.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut chars = dn.chars().peekable();
    loop {
        // The attribute type, up to `=`.
        let mut kind = String::new();
        for c in chars.by_ref() {
            if c == '=' {
                break;
            }
            if c == ',' || c == '\\' || c == '"' {
                return None;
            }
            kind.push(c);
        }
        let kind = kind.trim().to_lowercase();
        if kind.is_empty() {
            return None;
        }
        // The value, up to an unescaped, unquoted `,` or `;`. Each character remembers whether
        // it was written escaped or quoted: only plain spaces at either end are not part of it.
        let mut value: Vec<(char, bool)> = Vec::new();
        let mut raw: Vec<u8> = Vec::new();
        let mut quoted = false;
        let mut ended = false;
        while let Some(c) = chars.next() {
            if c != '\\' && !raw.is_empty() {
                value.extend(String::from_utf8_lossy(&raw).chars().map(|c| (c, true)));
                raw.clear();
            }
            match c {
                '\\' => {
                    let a = chars.next()?;
                    if a.is_ascii_hexdigit() && chars.peek().is_some_and(|b| b.is_ascii_hexdigit())
                    {
                        let b = chars.next()?;
                        raw.push(u8::from_str_radix(&format!("{a}{b}"), 16).ok()?);
                    } else {
                        if !raw.is_empty() {
                            value.extend(String::from_utf8_lossy(&raw).chars().map(|c| (c, true)));
                            raw.clear();
                        }
                        value.push((a, true));
                    }
                }
                '"' => quoted = !quoted,
                ',' | ';' if !quoted => {
                    ended = true;
                    break;
                }
                c => value.push((c, quoted)),
            }
        }
        if !raw.is_empty() {
            value.extend(String::from_utf8_lossy(&raw).chars().map(|c| (c, true)));
        }
        if quoted {
            return None;
        }
        let plain_space = |v: &(char, bool)| v.0 == ' ' && !v.1;
        let start = value
            .iter()
            .position(|v| !plain_space(v))
            .unwrap_or(value.len());
        let end = value
            .iter()
            .rposition(|v| !plain_space(v))
            .map_or(start, |i| i + 1);
        let value: String = value[start..end].iter().map(|v| v.0).collect();
        out.push((kind, value.to_lowercase()));
        if !ended {
            break;
        }
    }
    Some(out)
}

/// Whether `dn` lies at or below `base`, compared by RDNs. Anything that is not a DN is not
/// within anything.
pub fn is_within(dn: &str, base: &str) -> bool {
    match (components(dn), components(base)) {
        (Some(d), Some(b)) => !b.is_empty() && d.len() >= b.len() && d.ends_with(&b),
        _ => false,
    }
}

/// Whether `a` and `b` name the same object.
pub fn same(a: &str, b: &str) -> bool {
    matches!((components(a), components(b)), (Some(x), Some(y)) if x == y)
}

/// The parent of `dn`: everything after its first RDN (a comma escaped with `\` or inside
/// quotes does not end it). `None` for a single RDN.
pub fn parent_dn(dn: &str) -> Option<&str> {
    let bytes = dn.as_bytes();
    let (mut i, mut quoted) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => quoted = !quoted,
            b',' if !quoted => return Some(dn[i + 1..].trim_start()),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_dn_skips_escaped_commas() {
        assert_eq!(
            parent_dn(r"CN=Smith\, John,OU=Staff,DC=x"),
            Some("OU=Staff,DC=x")
        );
        assert_eq!(parent_dn("CN=\"a,b\",DC=x"), Some("DC=x"));
        assert_eq!(parent_dn("DC=x"), None);
    }

    #[test]
    fn names_compare_by_their_rdns_not_their_text() {
        let root = "DC=lab,DC=example,DC=test";
        assert!(is_within("CN=bob,OU=Users,DC=lab,DC=example,DC=test", root));
        assert!(is_within(
            "cn=Bob, ou=users , dc=LAB,dc=example,dc=test",
            root
        ));
        assert!(is_within(root, root));
        // Text that ends like the root but whose last RDNs are not the root's.
        assert!(!is_within(
            r"OU=x\,DC=lab,DC=example,DC=test",
            "DC=lab,DC=example,DC=test,DC=evil"
        ));
        assert!(!is_within(r"CN=x\,DC=lab\,DC=example\,DC=test", root));
        assert!(!is_within("CN=x,DC=notlab,DC=example,DC=test", root));
        assert!(!is_within("DC=example,DC=test", root));
        // Escapes and spaces resolve to the same name.
        assert!(same(r"CN=Smith\, John,DC=x", r"cn=smith\2c john, dc=X"));
        assert!(!same("CN=a,DC=x", "CN=a ,DC=y"));
        // Not a DN: within nothing.
        for bad in ["CN=a,=b", "noequals", r"CN=a\", "CN=\"open,DC=x", ""] {
            assert!(!is_within(bad, root), "{bad:?}");
        }
    }
}
