//! Named schema and extended-right GUIDs this product needs (MS-ADTS 5.1.3.2.1, the schema
//! documents of MS-ADA1/2/3 and MS-ADSC). Property-set membership is NOT listed here: it is read
//! from the schema (`attributeSecurityGUID`) at run time.

use super::guid::Guid;

/// Extended right User-Force-Change-Password, "Reset Password".
pub const RESET_PASSWORD: Guid = Guid::from_str_const("00299570-246d-11d0-a768-00aa006e0529");
/// Extended right User-Change-Password, "Change Password".
pub const CHANGE_PASSWORD: Guid = Guid::from_str_const("ab721a53-1e2f-11d0-9819-00aa0040529b");
/// Extended right Unexpire-Password: needed to write `pwdLastSet = -1`.
pub const UNEXPIRE_PASSWORD: Guid = Guid::from_str_const("ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501");

/// Extended right DS-Replication-Get-Changes, "Replicating Directory Changes".
pub const REPLICATION_GET_CHANGES: Guid =
    Guid::from_str_const("1131f6aa-9c07-11d1-f79f-00c04fc2dcd2");
/// Extended right DS-Replication-Get-Changes-All, "Replicating Directory Changes All": with
/// the one above, it reads password hashes (DCSync).
pub const REPLICATION_GET_CHANGES_ALL: Guid =
    Guid::from_str_const("1131f6ad-9c07-11d1-f79f-00c04fc2dcd2");

/// Attribute lockoutTime (schemaIDGUID).
pub const ATTR_LOCKOUT_TIME: Guid = Guid::from_str_const("28630ebf-41d5-11d1-a9c1-0000f80367c1");
/// Attribute pwdLastSet (schemaIDGUID).
pub const ATTR_PWD_LAST_SET: Guid = Guid::from_str_const("bf967a0a-0de6-11d0-a285-00aa003049e2");

/// Class user (schemaIDGUID).
pub const CLASS_USER: Guid = Guid::from_str_const("bf967aba-0de6-11d0-a285-00aa003049e2");
/// Class inetOrgPerson (schemaIDGUID).
pub const CLASS_INET_ORG_PERSON: Guid =
    Guid::from_str_const("4828cc14-1437-45bc-9b07-ad6f015e5f28");
/// Class organizationalUnit (schemaIDGUID).
pub const CLASS_ORGANIZATIONAL_UNIT: Guid =
    Guid::from_str_const("bf967aa5-0de6-11d0-a285-00aa003049e2");
/// Class container (schemaIDGUID).
pub const CLASS_CONTAINER: Guid = Guid::from_str_const("bf967a8b-0de6-11d0-a285-00aa003049e2");
/// Class domainDNS (schemaIDGUID).
pub const CLASS_DOMAIN_DNS: Guid = Guid::from_str_const("19195a5b-6da0-11d0-afd3-00c04fd930c9");

/// The class GUID for an LDAP `objectClass` name this product deals with.
pub fn class_guid(name: &str) -> Option<Guid> {
    match name.to_ascii_lowercase().as_str() {
        "user" => Some(CLASS_USER),
        "inetorgperson" => Some(CLASS_INET_ORG_PERSON),
        "organizationalunit" => Some(CLASS_ORGANIZATIONAL_UNIT),
        "container" => Some(CLASS_CONTAINER),
        "domaindns" => Some(CLASS_DOMAIN_DNS),
        _ => None,
    }
}
