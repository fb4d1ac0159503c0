//! Any bytes as a backup file: parsing and validation never panic. Sealed again, mutated
//! backups reach the checks of what restore would write.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::plan::backup::Backup;

fuzz_target!(|data: &[u8]| {
    let Ok(mut backup) = serde_json::from_slice::<Backup>(data) else {
        return;
    };
    let path = std::path::Path::new("fuzz.json");
    let _ = backup.validate(path);
    backup.seal(None);
    let _ = backup.validate(path);
});
