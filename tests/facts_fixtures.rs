//! The check and the plan on fixture domains written as JSON (tests/data/facts/*.json): each file
//! holds the facts and what the check and the plan must say about them. No DC needed; the lab
//! tests prove the same rules against Samba.

use std::collections::BTreeSet;

use writeback_wizard::check::Severity;
use writeback_wizard::check::fixture::Fixture;
use writeback_wizard::plan::{Extra, PlanOptions, compute};
use writeback_wizard::words::{Face, Words};

fn pairs(v: &serde_json::Value) -> BTreeSet<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_string(),
                        p[1].as_str().unwrap().to_ascii_lowercase(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_fixture_file_gives_the_expected_verdict_findings_and_plan() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/facts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let spec: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expect = &spec["expect"];
        let o = Fixture::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .run();
        let name = path.display();
        // Every finding comes out whole in every language, for both faces; the wizard's fixes
        // say what to click, never a command-line flag.
        for lang in writeback_wizard::words::LANGUAGES {
            for face in [Face::Cli, Face::Wizard] {
                let w = Words::for_lang(Some(lang), face);
                for f in &o.findings {
                    assert_eq!(
                        w.faults(f),
                        Vec::<String>::new(),
                        "{name} {lang} {face:?} {f:?}"
                    );
                    if face == Face::Wizard {
                        assert!(!w.fix(f).contains("--"), "{name} {lang}: {}", w.fix(f));
                    }
                }
            }
        }
        assert_eq!(
            o.ready(),
            expect["ready"].as_bool().unwrap(),
            "{name}: ready"
        );
        let n = o.readiness();
        assert_eq!(
            n.excluded as u64,
            expect["excluded"].as_u64().unwrap(),
            "{name}: excluded"
        );
        assert_eq!(
            n.blocked as u64,
            expect["blocked"].as_u64().unwrap(),
            "{name}: blocked"
        );
        let errors: BTreeSet<(String, String)> = o
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.id.to_string(), f.object.to_ascii_lowercase()))
            .collect();
        assert_eq!(errors, pairs(&expect["errors"]), "{name}: error findings");
        // Every blocked user's reasons are covered by those findings.
        for b in o.scan.blocked.iter() {
            for r in b.reasons {
                assert!(
                    errors.contains(&(r.id.to_string(), r.object.to_ascii_lowercase())),
                    "{name}: {} blocked by {r} without a finding",
                    b.dn
                );
            }
        }
        let plan = compute(&o, &Extra::default(), &PlanOptions::default()).unwrap();
        let left: BTreeSet<(String, String)> = plan
            .not_fixed
            .iter()
            .map(|n| (n.id.clone(), n.object.to_ascii_lowercase()))
            .collect();
        assert_eq!(left, pairs(&expect["not_fixed"]), "{name}: not_fixed");
        // Every change, warning and blocker left is said in every language; the plan as the
        // command line prints it has no hole either.
        assert_eq!(plan.warnings.len(), plan.warnings_said.len(), "{name}");
        for lang in writeback_wizard::words::LANGUAGES {
            for face in [Face::Cli, Face::Wizard] {
                let w = Words::for_lang(Some(lang), face);
                for c in &plan.changes {
                    assert!(!c.said.is_empty(), "{name}: {c:?}");
                    let said = w.change(c);
                    assert!(
                        !said.contains("{$") && said != c.summary || *lang == "en-US",
                        "{lang}: {said}"
                    );
                }
                let text = w.plan_text(&plan);
                assert!(
                    !text.contains("{$") && !text.contains("No localization"),
                    "{lang}: {text}"
                );
                if face == Face::Wizard {
                    for n in &plan.not_fixed {
                        assert!(!w.not_fixed(n).contains("--"), "{lang}: {}", w.not_fixed(n));
                    }
                }
            }
        }
        let english = Words::english(Face::Cli);
        for c in &plan.changes {
            assert_eq!(
                english.change(c),
                c.summary,
                "{name}: the English words and the engine's text agree"
            );
        }
    }
    assert!(seen >= 1, "no fixture files in {}", dir.display());
}
