//! Any bytes as a server's SearchResultEntry: BER parsing, the entry decoder and the value
//! decoders (SIDs, descriptors, replication metadata, integers) never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::ad::Entry;
use writeback_wizard::sd::{SecurityDescriptor, Sid};

fuzz_target!(|data: &[u8]| {
    let Ok((_, tag)) = ldap3::asn1::parse_tag(data) else {
        return;
    };
    let Some(entry) = Entry::from_result(ldap3::ResultEntry::new(tag)) else {
        return;
    };
    for (name, values) in &entry.attrs {
        assert_eq!(name, &name.to_ascii_lowercase());
        for v in values {
            let _ = Sid::from_bytes(v, 0);
            if let Ok(sd) = SecurityDescriptor::from_bytes(v) {
                let _ = sd.to_bytes();
            }
            let _ = writeback_wizard::plan::backup::metadata_version(v, 0x0002_0119);
        }
        let _ = entry.int(name);
        let _ = entry.texts(name);
    }
});
