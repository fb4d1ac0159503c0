//! Proof by use: signed in as the connector, reset a canary user's password to a random strong
//! value, write its pwdLastSet and lockoutTime, and report each right as it really behaved.

use zeroize::Zeroizing;

use crate::ad::{AdError, Connection};
use crate::check::Right;

/// One right, tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub right: Right,
    pub passed: bool,
    /// The LDAP result code and text.
    pub code: u32,
    pub text: String,
}

/// A random password of 24 characters with upper and lower case letters, digits and symbols
/// (satisfies AD complexity).
pub fn random_password() -> Result<Zeroizing<String>, getrandom::Error> {
    const SETS: [&[u8]; 4] = [
        b"ABCDEFGHJKLMNPQRSTUVWXYZ",
        b"abcdefghijkmnopqrstuvwxyz",
        b"23456789",
        b"!#%+-.:=?@_",
    ];
    let mut bytes = Zeroizing::new([0u8; 24]);
    getrandom::fill(&mut bytes[..])?;
    let mut out = Zeroizing::new(String::with_capacity(24));
    for (i, b) in bytes.iter().enumerate() {
        let set = SETS[if i < 4 { i } else { usize::from(*b) % 4 }];
        out.push(char::from(set[usize::from(*b) % set.len()]));
    }
    Ok(out)
}

/// Tries the three writeback operations on `canary` over `conn` (bound as the connector).
pub async fn try_writeback(conn: &mut Connection, canary: &str) -> Result<Vec<Attempt>, AdError> {
    let password = random_password().map_err(|e| AdError::Malformed {
        op: "generate a password",
        dn: canary.to_string(),
        reason: e.to_string(),
    })?;
    let steps: [(Right, &str, Zeroizing<Vec<u8>>); 3] = [
        (
            Right::ResetPassword,
            "unicodePwd",
            crate::ad::unicode_pwd(&password),
        ),
        (
            Right::WritePwdLastSet,
            "pwdLastSet",
            Zeroizing::new(b"-1".to_vec()),
        ),
        (
            Right::WriteLockoutTime,
            "lockoutTime",
            Zeroizing::new(b"0".to_vec()),
        ),
    ];
    let mut out = Vec::new();
    for (right, attr, value) in steps {
        let (code, text) = conn
            .modify_replace(canary, attr, vec![value.to_vec()], vec![])
            .await?;
        out.push(Attempt {
            right,
            passed: code == 0,
            code,
            text,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn random_passwords_are_complex_and_differ() {
        let a = super::random_password().unwrap();
        let b = super::random_password().unwrap();
        assert_eq!(a.len(), 24);
        assert_ne!(*a, *b);
        assert!(a.chars().any(|c| c.is_ascii_uppercase()));
        assert!(a.chars().any(|c| c.is_ascii_lowercase()));
        assert!(a.chars().any(|c| c.is_ascii_digit()));
        assert!(a.chars().any(|c| !c.is_ascii_alphanumeric()));
    }
}
