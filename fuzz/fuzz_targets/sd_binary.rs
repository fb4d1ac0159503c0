//! Any bytes: parsing never panics; what parses re-encodes to something that parses the same,
//! and printing it as SDDL never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::sd::{DomainContext, SecurityDescriptor, sddl};

fuzz_target!(|data: &[u8]| {
    if let Ok(sd) = SecurityDescriptor::from_bytes(data) {
        let bytes = sd.to_bytes().expect("a parsed descriptor encodes");
        let again = SecurityDescriptor::from_bytes(&bytes).expect("re-encoded bytes parse");
        assert_eq!(again, sd);
        let ctx = DomainContext::for_domain("S-1-5-21-1-2-3".parse().unwrap());
        if let Ok(text) = sddl::format(&sd, &ctx) {
            let back = sddl::parse(&text, &ctx).expect("printed SDDL parses");
            assert_eq!(sddl::format(&back, &ctx).unwrap(), text);
        }
    }
});
