//! Any text as a profile: loading never panics, and what loads saves and loads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::profile::Settings;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("fuzz.json");
    let Ok((settings, _)) = Settings::from_profile_text(text, path) else {
        return;
    };
    let (again, notes) = Settings::from_profile_text(&settings.to_profile_text(), path)
        .expect("a saved profile loads");
    assert_eq!(again, settings);
    assert!(notes.dropped_fields.is_empty());
});
