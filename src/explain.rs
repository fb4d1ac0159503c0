//! `explain CODE`: what an event ID or error code from password writeback means, its usual
//! causes, and which finding of this tool detects each cause. Paraphrased from Microsoft's
//! troubleshooting documentation; every entry names the document it comes from. The words
//! live in the translations (`explain-<entry>-source`, `-meaning`, `explain-cause-<cause>`,
//! `explain-doc-<document>`, `explain-checklist-<step>`); the codes stay Microsoft's.

pub mod predict;

use crate::check::{FindingId, Group};
use crate::words::Words;

/// A cause and the findings that detect it.
#[derive(Clone, Copy, Debug)]
pub struct Cause {
    /// Its sentence: `explain-cause-<key>`.
    pub key: &'static str,
    /// The findings of `check` that see it (empty: this tool cannot).
    pub findings: &'static [FindingId],
}

/// A Microsoft document an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Writeback,
    Sspr,
    Sspr0029,
    Insecure8023062c,
    Tutorial,
    Licensing,
    CloudSync,
    CloudSyncGmsa,
}

impl Document {
    pub const ALL: [Document; 8] = [
        Document::Writeback,
        Document::Sspr,
        Document::Sspr0029,
        Document::Insecure8023062c,
        Document::Tutorial,
        Document::Licensing,
        Document::CloudSync,
        Document::CloudSyncGmsa,
    ];

    /// Its title: `explain-doc-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Document::Writeback => "writeback",
            Document::Sspr => "sspr",
            Document::Sspr0029 => "sspr0029",
            Document::Insecure8023062c => "8023062c",
            Document::Tutorial => "tutorial",
            Document::Licensing => "licensing",
            Document::CloudSync => "cloud-sync",
            Document::CloudSyncGmsa => "cloud-sync-gmsa",
        }
    }
}

/// One known code.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Its sentences: `explain-<key>-source` (where it appears) and `explain-<key>-meaning`.
    pub key: &'static str,
    /// The spellings people arrive with, normalised (lower case, no `0x`/`hr=`).
    pub codes: &'static [&'static str],
    pub causes: &'static [Cause],
    pub documents: &'static [Document],
}

/// Which check finds a cause: the directory check alone, with the tenant, or on the sync server
/// (its parts run only there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckRun {
    Directory,
    Tenant,
    SyncServer,
}

impl CheckRun {
    /// The run that finds all of `findings`: the sync server's when one of them is read there,
    /// else the tenant's when one is read from Entra ID, else the directory's.
    pub fn for_findings(findings: &[FindingId]) -> CheckRun {
        let groups: Vec<Group> = findings.iter().map(|f| f.group()).collect();
        if groups.contains(&Group::SyncServer) {
            CheckRun::SyncServer
        } else if groups.contains(&Group::Entra) {
            CheckRun::Tenant
        } else {
            CheckRun::Directory
        }
    }

    /// Its words: `explain-run-<key>` (the command line's name the command).
    pub fn key(self) -> &'static str {
        match self {
            CheckRun::Directory => "directory",
            CheckRun::Tenant => "tenant",
            CheckRun::SyncServer => "sync-server",
        }
    }
}

use FindingId as F;

const CLOUD_SYNC_AGENT: Cause = Cause {
    key: "cloud-sync-agent",
    findings: &[
        F::AgentTooOld,
        F::AgentStopped,
        F::AgentWritebackUnconfirmed,
        F::AgentNotInstalled,
    ],
};
const RIGHTS: Cause = Cause {
    key: "rights",
    findings: &[
        F::RightResetPassword,
        F::RightWritePwdLastSet,
        F::RightWriteLockoutTime,
        F::RightDenied,
        F::InheritanceDisabled,
    ],
};
const PROTECTED: Cause = Cause {
    key: "protected",
    findings: &[F::AdminProtected, F::AdminCountStale],
};
const DOMAIN_RIGHTS: Cause = Cause {
    key: "domain-rights",
    findings: &[F::RightUnexpirePassword, F::SamServerRead],
};
const POLICY: Cause = Cause {
    key: "policy",
    findings: &[F::MinPasswordAge, F::PsoMinPasswordAge],
};
const NETWORK: Cause = Cause {
    key: "network",
    findings: &[F::OutboundBlocked],
};
const FEDERATED: Cause = Cause {
    key: "federated",
    findings: &[F::CloudFederatedAdmin, F::CloudRole],
};
const RESTRICT_SAM: Cause = Cause {
    key: "restrict-sam",
    findings: &[F::RestrictRemoteSam],
};
const SERVICE_DOWN: Cause = Cause {
    key: "service-down",
    findings: &[F::WritebackDisabled],
};

const fn unseen(key: &'static str) -> Cause {
    Cause { key, findings: &[] }
}

use Document as D;

/// The known codes.
pub const ENTRIES: &[Entry] = &[
    Entry {
        key: "6329",
        codes: &["6329", "80230619"],
        causes: &[
            POLICY,
            unseen("cannot-change"),
            Cause {
                key: "policy-hints",
                findings: &[F::PolicyHintsUnsupported],
            },
        ],
        documents: &[D::Writeback],
    },
    Entry {
        key: "6800",
        codes: &["6800"],
        causes: &[
            NETWORK,
            Cause {
                key: "tls12",
                findings: &[F::Tls12Disabled],
            },
        ],
        documents: &[D::Writeback],
    },
    Entry {
        key: "31034",
        codes: &["31034"],
        causes: &[NETWORK, unseen("root-certificates"), SERVICE_DOWN],
        documents: &[D::Writeback],
    },
    Entry {
        key: "32002",
        codes: &["32002"],
        causes: &[NETWORK],
        documents: &[D::Writeback],
    },
    Entry {
        key: "32009",
        codes: &["32009"],
        causes: &[FEDERATED],
        documents: &[D::Writeback],
    },
    Entry {
        key: "32011",
        codes: &["32011"],
        causes: &[NETWORK, FEDERATED],
        documents: &[D::Writeback],
    },
    Entry {
        key: "31003",
        codes: &["31003", "31008", "31011"],
        causes: &[POLICY, RIGHTS, PROTECTED],
        documents: &[D::Writeback],
    },
    Entry {
        key: "33004",
        codes: &["33004"],
        causes: &[RIGHTS, PROTECTED, DOMAIN_RIGHTS, RESTRICT_SAM],
        documents: &[D::Writeback, D::Sspr0029],
    },
    Entry {
        key: "33005",
        codes: &["33005"],
        causes: &[unseen("disabled")],
        documents: &[D::Writeback],
    },
    Entry {
        key: "33006",
        codes: &["33006"],
        causes: &[Cause {
            key: "locked-out",
            findings: &[F::RightWriteLockoutTime],
        }],
        documents: &[D::Writeback],
    },
    Entry {
        key: "33008",
        codes: &["33008"],
        causes: &[POLICY],
        documents: &[D::Writeback],
    },
    Entry {
        key: "8023062c",
        codes: &["8023062c"],
        causes: &[unseen("sign-and-encrypt")],
        documents: &[D::Insecure8023062c],
    },
    Entry {
        key: "800700ce",
        codes: &["800700ce"],
        causes: &[unseen("long-connector-password")],
        documents: &[D::Writeback],
    },
    Entry {
        key: "8023061f",
        codes: &["8023061f"],
        causes: &[Cause {
            key: "forest-added-later",
            findings: &[F::WritebackDisabled],
        }],
        documents: &[D::Writeback],
    },
    Entry {
        key: "80230402",
        codes: &["80230402"],
        causes: &[unseen("several-anchors")],
        documents: &[D::Writeback],
    },
    Entry {
        key: "sspr0029",
        codes: &["sspr_0029"],
        causes: &[PROTECTED, RIGHTS, DOMAIN_RIGHTS, RESTRICT_SAM],
        documents: &[D::Sspr0029, D::Sspr],
    },
    Entry {
        key: "sspr0009",
        codes: &["sspr_0009"],
        causes: &[unseen("sspr-off")],
        documents: &[D::Sspr],
    },
    Entry {
        key: "sspr0010",
        codes: &["sspr_0010"],
        causes: &[
            Cause {
                key: "writeback-off",
                findings: &[F::WritebackDisabled, F::SyncStagingMode],
            },
            unseen("portal-switch-off"),
            CLOUD_SYNC_AGENT,
        ],
        documents: &[D::Sspr, D::CloudSync],
    },
    Entry {
        key: "sspr0012",
        codes: &["sspr_0012"],
        causes: &[Cause {
            key: "no-licence",
            findings: &[F::CloudLicense, F::PilotNoLicense],
        }],
        documents: &[D::Sspr, D::Licensing],
    },
    Entry {
        key: "sspr0030",
        codes: &["sspr_0030"],
        causes: &[NETWORK, SERVICE_DOWN, CLOUD_SYNC_AGENT],
        documents: &[D::Sspr, D::CloudSync],
    },
    Entry {
        key: "cloudsync",
        codes: &["cloudsync", "provagentgmsa$", "provagentgmsa"],
        causes: &[RIGHTS, PROTECTED, POLICY, CLOUD_SYNC_AGENT],
        documents: &[D::CloudSync, D::CloudSyncGmsa],
    },
];

/// The checklist for codes this tool does not know: `explain-checklist-<step>` (the command
/// line's `-cli` sentences name its commands; the wizard's say what to choose).
pub const CHECKLIST: [&str; 4] = ["check", "events", "switches", "try"];

/// The source of the checklist.
pub const CHECKLIST_DOCUMENT: Document = Document::Tutorial;

/// Normalises what a person typed: case, `hr=`, `0x`, `event`, spaces.
pub fn normalise(code: &str) -> String {
    let c = code.trim().to_ascii_lowercase().replace([' ', '-'], "");
    let c = c.strip_prefix("event").unwrap_or(&c);
    let c = c
        .strip_prefix("hr=")
        .or_else(|| c.strip_prefix("hr:"))
        .unwrap_or(c);
    let c = c.strip_prefix("0x").unwrap_or(c);
    // SSPR_9 / SSPR9 → sspr_0009
    if let Some(n) = c.strip_prefix("sspr_").or_else(|| c.strip_prefix("sspr"))
        && let Ok(v) = n.parse::<u32>()
    {
        return format!("sspr_{v:04}");
    }
    c.to_string()
}

/// The entry for `code`, if known.
pub fn lookup(code: &str) -> Option<&'static Entry> {
    let n = normalise(code);
    ENTRIES.iter().find(|e| e.codes.contains(&n.as_str()))
}

/// An entry in one language: what the faces show and the command line's JSON holds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Said {
    pub codes: Vec<&'static str>,
    pub source: String,
    pub meaning: String,
    pub causes: Vec<SaidCause>,
    /// The reasons a blocked user can have that lead to this code (`predict`: the other way).
    pub predicted_for: Vec<FindingId>,
    pub documents: Vec<String>,
}

/// A cause in one language, with the findings that see it and the check that runs them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SaidCause {
    pub text: String,
    pub findings: Vec<FindingId>,
    /// How to run that check, in the face's words (`None`: this tool cannot see the cause).
    pub found_by: Option<String>,
}

impl Entry {
    /// The entry in `w`'s language and face.
    pub fn say(&self, w: &Words) -> Said {
        Said {
            codes: self.codes.to_vec(),
            source: w.get(&format!("explain-{}-source", self.key)),
            meaning: w.get(&format!("explain-{}-meaning", self.key)),
            causes: self
                .causes
                .iter()
                .map(|c| SaidCause {
                    text: w.get(&format!("explain-cause-{}", c.key)),
                    findings: c.findings.to_vec(),
                    found_by: (!c.findings.is_empty()).then(|| {
                        w.get(&format!(
                            "explain-run-{}",
                            CheckRun::for_findings(c.findings).key()
                        ))
                    }),
                })
                .collect(),
            predicted_for: predict::findings_for_entry(self),
            documents: self.documents.iter().map(|d| document(w, *d)).collect(),
        }
    }
}

/// A document's title in `w`'s language.
pub fn document(w: &Words, d: Document) -> String {
    w.get(&format!("explain-doc-{}", d.key()))
}

/// The general checklist in `w`'s language and face.
pub fn checklist(w: &Words) -> Vec<String> {
    CHECKLIST
        .iter()
        .map(|step| w.get(&format!("explain-checklist-{step}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Face;

    #[test]
    fn spellings_people_paste_are_found() {
        for (input, first_code) in [
            ("6329", "6329"),
            ("0x80230619", "6329"),
            ("hr=800700CE", "800700ce"),
            ("0x8023062C", "8023062c"),
            ("SSPR_0029", "sspr_0029"),
            ("sspr_29", "sspr_0029"),
            ("Event 33004", "33004"),
            ("31011", "31003"),
            ("Cloud Sync", "cloudsync"),
            ("provAgentgMSA$", "cloudsync"),
        ] {
            assert_eq!(
                lookup(input).map(|e| e.codes[0]),
                Some(first_code),
                "{input}"
            );
        }
        assert!(lookup("12345").is_none());
    }

    #[test]
    fn every_entry_names_a_document_and_a_cause() {
        for e in ENTRIES {
            assert!(
                !e.documents.is_empty() && !e.causes.is_empty(),
                "{:?}",
                e.codes
            );
        }
    }

    /// Every sentence of every entry, cause, document, run and checklist step, in every
    /// language and face: whole, and in German not the English words.
    #[test]
    fn every_entry_is_said_whole_in_every_language_and_face() {
        for face in [Face::Cli, Face::Wizard] {
            let english = Words::english(face);
            for lang in crate::words::LANGUAGES {
                let w = Words::for_lang(Some(lang), face);
                let whole = |s: &str| {
                    assert!(
                        !s.is_empty() && !s.contains("No localization") && !s.contains("{$"),
                        "{lang} {face:?}: {s:?}"
                    )
                };
                let mut said = Vec::new();
                for e in ENTRIES {
                    let s = e.say(&w);
                    said.push(s.source);
                    said.push(s.meaning);
                    for c in s.causes {
                        said.push(c.text);
                        said.extend(c.found_by);
                    }
                }
                said.extend(Document::ALL.iter().map(|d| document(&w, *d)));
                said.extend(checklist(&w));
                for s in &said {
                    whole(s);
                    if face == Face::Wizard {
                        assert!(!s.contains("--") && !s.contains("writeback-wizard"), "{s}");
                    }
                }
                if *lang != "en-US" {
                    for e in ENTRIES {
                        assert_ne!(e.say(&w).meaning, e.say(&english).meaning, "{lang}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_cause_seen_on_the_sync_server_or_the_agent_names_the_sync_server_check() {
        let sspr10 = lookup("SSPR_0010").unwrap();
        for c in sspr10.causes.iter().filter(|c| !c.findings.is_empty()) {
            assert_eq!(CheckRun::for_findings(c.findings), CheckRun::SyncServer);
        }
        assert_eq!(
            CheckRun::for_findings(CLOUD_SYNC_AGENT.findings),
            CheckRun::SyncServer,
            "the agent's findings are read on its server"
        );
        assert_eq!(CheckRun::for_findings(FEDERATED.findings), CheckRun::Tenant);
        assert_eq!(CheckRun::for_findings(RIGHTS.findings), CheckRun::Directory);
        let w = Words::english(Face::Cli);
        let said = sspr10.say(&w);
        assert!(
            said.causes[0]
                .found_by
                .as_deref()
                .is_some_and(|s| s.contains("--sync-server")),
            "{said:?}"
        );
    }
}
