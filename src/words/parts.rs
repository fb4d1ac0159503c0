//! What a report says about what it covers: the parts of the assessment that were checked and
//! how to check the others, and the users the sync engine leaves out, with the rule.

use fluent::FluentValue;

use super::Words;
use crate::check::sync_filter::NotSynced;
use crate::report::{Part, SyncFilterInfo};

impl Words {
    /// A part's name ("Microsoft Entra ID", "the sync server").
    pub fn part(&self, p: Part) -> String {
        self.get(&format!("part-{}", p.key()))
    }

    /// Parts as a list: "Microsoft Entra ID and the sync server", "A, B and C".
    pub fn parts_list(&self, parts: &[Part]) -> String {
        let names: Vec<String> = parts.iter().map(|p| self.part(*p)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.get("report-and")),
        }
    }

    /// A part that was not checked, and how to check it (the face's way).
    pub fn not_checked(&self, p: Part) -> String {
        self.get(&format!("report-not-checked-{}", p.key()))
    }

    /// Why the sync engine leaves a user out.
    pub fn not_synced(&self, rule: &NotSynced) -> String {
        self.get_with(
            &format!("not-synced-{}", rule.id()),
            &[("value", FluentValue::from(rule.value()))],
        )
    }

    /// Which users were counted: the engine's filter and the rules read.
    pub fn sync_filter(&self, f: &SyncFilterInfo) -> String {
        if !f.defaults {
            return self.get("report-sync-filter-cloud");
        }
        if f.rules_read {
            let rules = if f.custom_rules.is_empty() {
                self.get("report-sync-filter-no-custom")
            } else {
                f.custom_rules.join("; ")
            };
            return self.get_with(
                "report-sync-filter-connect-rules",
                &[("rules", FluentValue::from(rules))],
            );
        }
        self.get("report-sync-filter-connect")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{Face, LANGUAGES};

    #[test]
    fn every_part_and_rule_has_words_in_every_language_and_face() {
        let rules = [
            NotSynced::CriticalSystemObject,
            NotSynced::AdminDescription,
            NotSynced::NoSamAccountName,
            NotSynced::ServiceAccount {
                prefix: "MSOL_".into(),
            },
            NotSynced::SupportAccount,
            NotSynced::ExchangeSystemMailbox,
            NotSynced::ExchangeRecipientType { value: 8388608 },
            NotSynced::ReplicationConflict,
            NotSynced::CustomRule {
                name: "In from AD - NoSync".into(),
            },
        ];
        for lang in LANGUAGES {
            for face in [Face::Cli, Face::Wizard] {
                let w = Words::for_lang(Some(lang), face);
                let mut said: Vec<String> = Part::ALL
                    .iter()
                    .flat_map(|p| [w.part(*p), w.not_checked(*p)])
                    .collect();
                said.extend(rules.iter().map(|r| w.not_synced(r)));
                for s in &said {
                    assert!(
                        !s.is_empty() && !s.contains("{$") && !s.contains("No localization"),
                        "{lang} {face:?}: {s}"
                    );
                    if face == Face::Wizard {
                        assert!(!s.contains("--"), "{lang}: {s}");
                    }
                }
                assert!(w.not_synced(&rules[3]).contains("MSOL_"));
                assert!(w.not_synced(&rules[8]).contains("In from AD - NoSync"));
            }
        }
        let en = Words::english(Face::Cli);
        assert_eq!(en.parts_list(&[Part::Cloud]), "Microsoft Entra ID");
        assert_eq!(
            en.parts_list(&[Part::Cloud, Part::SyncServer]),
            "Microsoft Entra ID and the sync server"
        );
        assert!(en.not_checked(Part::Cloud).contains("--entra"));
        assert!(
            !Words::english(Face::Wizard)
                .not_checked(Part::Cloud)
                .contains("--")
        );
    }
}
