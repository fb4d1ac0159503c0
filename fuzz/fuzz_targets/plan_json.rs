//! Any bytes as a plan file: parsing and the checks never panic. The file's own checksum is
//! tried first; then the plan is sealed again, so the shape checks (what apply would accept)
//! are reached by mutated plans too, and it is held against itself and against an emptied copy
//! as `apply --plan` holds a file against the plan made now.
#![no_main]

use libfuzzer_sys::fuzz_target;
use writeback_wizard::plan::{Plan, reconcile, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(mut plan) = serde_json::from_slice::<Plan>(data) else {
        return;
    };
    if validate::check_file(&plan).is_ok() {
        assert_eq!(validate::checksum(&plan), plan.checksum);
    }
    validate::seal(&mut plan);
    let _ = validate::check_file(&plan);
    let _ = reconcile::reconcile(&plan, &plan);
    let mut fresh = plan.clone();
    fresh.changes.truncate(fresh.changes.len() / 2);
    let r = reconcile::reconcile(&plan, &fresh);
    let _ = reconcile::NotPlannedNow::of(&r.unplanned);
});
