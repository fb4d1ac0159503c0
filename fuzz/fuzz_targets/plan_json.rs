//! Any bytes as a plan file: parsing and the checks never panic. The file's own checksum is
//! tried first; then the plan is sealed again, so the shape checks (what apply would accept)
//! are reached by mutated plans too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::plan::{Plan, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(mut plan) = serde_json::from_slice::<Plan>(data) else {
        return;
    };
    if validate::check_file(&plan).is_ok() {
        assert_eq!(validate::checksum(&plan), plan.checksum);
    }
    validate::seal(&mut plan);
    let _ = validate::check_file(&plan);
});
