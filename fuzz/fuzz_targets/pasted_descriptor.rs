//! Any text pasted as a descriptor (hex, base64, with line breaks and spaces): decoding never
//! panics, and decoded bytes go through the descriptor parser and SDDL printer safely.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::sd::{DomainContext, SecurityDescriptor, sddl};

fuzz_target!(|text: &str| {
    let Ok(bytes) = writeback_wizard::sddl_input::decode_blob(text) else {
        return;
    };
    if let Ok(sd) = SecurityDescriptor::from_bytes(&bytes) {
        let ctx = DomainContext::for_domain("S-1-5-21-1-2-3".parse().unwrap());
        let _ = sddl::format(&sd, &ctx);
    }
});
