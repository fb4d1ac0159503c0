//! Any text: SDDL parsing never panics; what parses prints, and the print parses to the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::sd::{DomainContext, SecurityDescriptor, sddl};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ctx = DomainContext::for_domain("S-1-5-21-1-2-3".parse().unwrap());
    if let Ok(sd) = sddl::parse(text, &ctx) {
        let printed = sddl::format(&sd, &ctx).expect("parsed SDDL prints");
        let back = sddl::parse(&printed, &ctx).expect("printed SDDL parses");
        assert_eq!(back, sd);
        let bytes = sd.to_bytes().expect("encodes");
        assert_eq!(SecurityDescriptor::from_bytes(&bytes).unwrap(), sd);
    }
});
