//! The engine against every access-check case the DC decided (tests/data/access/regressions.txt;
//! the lab replays the same lines on the DC).

mod common;

use common::regression::{Names, cases};

#[test]
fn the_engine_agrees_with_every_recorded_verdict_of_the_dc() {
    let names = Names::fixed();
    let all = cases();
    assert!(all.len() >= 10, "the data file has its cases");
    let wrong: Vec<String> = all
        .iter()
        .filter(|c| c.engine(&names) != c.allowed)
        .map(|c| c.line())
        .collect();
    assert!(
        wrong.is_empty(),
        "the engine disagrees with the DC on:\n{}",
        wrong.join("\n")
    );
}
