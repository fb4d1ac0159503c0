//! Search entries decoded without panicking. ldap3's `SearchEntry::construct` panics on a
//! malformed entry and sorts values into text or binary by whether they happen to be UTF-8,
//! which would misfile a security descriptor; here every value stays bytes.

use std::collections::HashMap;

use ldap3::ResultEntry;
use ldap3::asn1::StructureTag;

/// One entry of a search result: its DN and each attribute's values, keyed by the lower-cased
/// attribute name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub dn: String,
    pub attrs: HashMap<String, Vec<Vec<u8>>>,
}

impl Entry {
    /// Decodes a SearchResultEntry; `None` when the server sent something malformed.
    pub fn from_result(re: ResultEntry) -> Option<Self> {
        from_tag(re.0)
    }

    /// All values of `attr` (case-insensitive), or an empty slice.
    pub fn values(&self, attr: &str) -> &[Vec<u8>] {
        self.attrs
            .get(&attr.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The first value of `attr`.
    pub fn first(&self, attr: &str) -> Option<&[u8]> {
        self.values(attr).first().map(Vec::as_slice)
    }

    /// The first value of `attr` as text (lossless only for UTF-8 values).
    pub fn text(&self, attr: &str) -> Option<String> {
        self.first(attr)
            .map(|v| String::from_utf8_lossy(v).into_owned())
    }

    /// All values of `attr` as text.
    pub fn texts(&self, attr: &str) -> Vec<String> {
        self.values(attr)
            .iter()
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .collect()
    }

    /// The first value of `attr` parsed as a (signed) integer.
    pub fn int(&self, attr: &str) -> Option<i64> {
        self.text(attr)?.trim().parse().ok()
    }
}

fn from_tag(tag: StructureTag) -> Option<Entry> {
    let mut parts = tag.match_id(4)?.expect_constructed()?.into_iter();
    let dn = String::from_utf8(parts.next()?.expect_primitive()?).ok()?;
    let mut attrs = HashMap::new();
    for pa in parts.next()?.expect_constructed()? {
        let mut pa = pa.expect_constructed()?.into_iter();
        let name = String::from_utf8(pa.next()?.expect_primitive()?).ok()?;
        let mut values = Vec::new();
        for v in pa.next()?.expect_constructed()? {
            values.push(v.expect_primitive()?);
        }
        attrs
            .entry(name.to_ascii_lowercase())
            .or_insert_with(Vec::new)
            .extend(values);
    }
    Some(Entry { dn, attrs })
}
