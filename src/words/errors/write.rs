//! The write path's own refusals in words: the connector account, a file that does not match
//! the directory or what is given now, a plan file the tool would not plan now, the run's
//! manifest and the local key. Every value from a file is escaped before it is put into a
//! sentence: these are the texts a forged file chooses.

use crate::engine::write::manifest::ManifestError;
use crate::engine::write::{ConnectorRefusal, FileMismatch};
use crate::plan::backup::Authenticity;
use crate::plan::reconcile::NotPlannedNow;
use crate::seal::KeyError;
use crate::terminal::line;
use crate::words::Words;

impl Words {
    /// A connector account the tool does not grant to.
    pub fn connector_refusal(&self, e: &ConnectorRefusal) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            ConnectorRefusal::NotFound { given: Some(g) } => {
                s("error-connector-not-found", &[("name", &line(g))])
            }
            ConnectorRefusal::NotFound { given: None } => s("error-connector-none-found", &[]),
            ConnectorRefusal::Ambiguous {
                given: Some(g),
                candidates,
            } => s(
                "error-connector-ambiguous",
                &[
                    ("name", &line(g)),
                    ("candidates", &line(&candidates.join("; "))),
                ],
            ),
            ConnectorRefusal::Ambiguous {
                given: None,
                candidates,
            } => s(
                "error-connector-several",
                &[("candidates", &line(&candidates.join("; ")))],
            ),
            ConnectorRefusal::NotAnAccount { name, sid, what } => s(
                "error-connector-not-an-account",
                &[("name", &line(name)), ("sid", sid), ("what", &line(what))],
            ),
            ConnectorRefusal::Protected { name, dn } => s(
                "error-connector-protected",
                &[("name", &line(name)), ("dn", &line(dn))],
            ),
            ConnectorRefusal::FileConnector {
                file,
                name,
                sid,
                dn,
            } => s(
                "error-connector-file",
                &[
                    ("file", &line(file)),
                    ("name", &line(name)),
                    ("sid", sid),
                    ("dn", &line(dn)),
                ],
            ),
        }
    }

    /// A file that does not match the directory or what is given now.
    pub fn file_mismatch(&self, e: &FileMismatch) -> String {
        match e {
            FileMismatch::Domain { file, directory } => self.sentence(
                "error-file-domain",
                &[("file", &line(file)), ("directory", &line(directory))],
            ),
            FileMismatch::Scope { file, now } => self.sentence(
                "error-file-scope",
                &[("file", &line(file)), ("now", &line(now))],
            ),
            FileMismatch::Unmatched { domains } => {
                self.sentence("error-file-unmatched", &[("domains", &line(domains))])
            }
        }
    }

    /// A plan file that asks for what the tool would not plan now: each such change on a line.
    pub fn not_planned_now(&self, e: &NotPlannedNow) -> String {
        let mut out = self.sentence(
            "error-plan-file-not-planned",
            &[("count", &e.0.len().to_string())],
        );
        for l in &e.0 {
            out.push_str("\n  - ");
            out.push_str(&line(l));
        }
        out
    }

    /// The run's manifest.
    pub fn manifest_error(&self, e: &ManifestError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            ManifestError::Write { path, reason } => s(
                "error-manifest-write",
                &[("path", path), ("reason", reason)],
            ),
            ManifestError::Damaged { path, reason } => s(
                "error-manifest-damaged",
                &[("path", path), ("reason", &line(reason))],
            ),
            ManifestError::Backup {
                path,
                backup,
                reason,
            } => s(
                "error-manifest-backup",
                &[
                    ("path", path),
                    ("backup", &line(backup)),
                    ("reason", reason),
                ],
            ),
        }
    }

    /// Why a backup or a run's file is not authenticated (`Authenticated` says it is).
    pub fn authenticity(&self, a: &Authenticity) -> String {
        match a {
            Authenticity::Authenticated => self.sentence("authenticity-authenticated", &[]),
            Authenticity::Unsigned => self.sentence("authenticity-unsigned", &[]),
            Authenticity::Foreign => self.sentence("authenticity-foreign", &[]),
            Authenticity::KeyUnavailable(e) => self.key_error(e),
        }
    }

    /// The local key.
    pub fn key_error(&self, e: &KeyError) -> String {
        match e {
            KeyError::Io { path, reason } => {
                self.sentence("error-key-io", &[("path", path), ("reason", reason)])
            }
            KeyError::Exposed { path, mode } => self.sentence(
                "error-key-exposed",
                &[("path", path), ("mode", &format!("{mode:o}"))],
            ),
            KeyError::Damaged { path, reason } => {
                self.sentence("error-key-damaged", &[("path", path), ("reason", reason)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Face;
    use crate::words::errors::assert_said_whole;

    #[test]
    fn every_write_path_refusal_is_said_whole_in_every_language() {
        let p = || "/tmp/run.json".to_string();
        let mut all: Vec<Box<dyn std::error::Error + 'static>> = Vec::new();
        for c in [
            ConnectorRefusal::NotFound {
                given: Some("MSOL_x".into()),
            },
            ConnectorRefusal::NotFound { given: None },
            ConnectorRefusal::Ambiguous {
                given: None,
                candidates: vec!["MSOL_a".into(), "MSOL_b".into()],
            },
            ConnectorRefusal::Ambiguous {
                given: Some("MSOL*".into()),
                candidates: vec!["MSOL_a".into(), "MSOL_b".into()],
            },
            ConnectorRefusal::NotAnAccount {
                name: "Domain Users".into(),
                sid: "S-1-5-21-1-2-3-513".into(),
                what: "group".into(),
            },
            ConnectorRefusal::Protected {
                name: "dave".into(),
                dn: "CN=dave".into(),
            },
            ConnectorRefusal::FileConnector {
                file: "S-1-5-11".into(),
                name: "MSOL_lab".into(),
                sid: "S-1-5-21-1-2-3-1102".into(),
                dn: "CN=MSOL_lab".into(),
            },
        ] {
            all.push(Box::new(c));
        }
        for m in [
            FileMismatch::Domain {
                file: "S-1-5-21-9".into(),
                directory: "S-1-5-21-1".into(),
            },
            FileMismatch::Scope {
                file: "OU=A".into(),
                now: "OU=B".into(),
            },
            FileMismatch::Unmatched {
                domains: "DC=x".into(),
            },
        ] {
            all.push(Box::new(m));
        }
        all.push(Box::new(NotPlannedNow(vec![
            "CN=dave: + (A;;CR;;;S-1-5-11)".into(),
        ])));
        for m in [
            ManifestError::Write {
                path: p(),
                reason: "full".into(),
            },
            ManifestError::Damaged {
                path: p(),
                reason: "cut".into(),
            },
            ManifestError::Backup {
                path: p(),
                backup: "run.1-x.json".into(),
                reason: "gone".into(),
            },
        ] {
            all.push(Box::new(m));
        }
        for k in [
            KeyError::Io {
                path: p(),
                reason: "denied".into(),
            },
            KeyError::Exposed {
                path: p(),
                mode: 0o644,
            },
            KeyError::Damaged {
                path: p(),
                reason: "short".into(),
            },
        ] {
            all.push(Box::new(k));
        }
        for e in &all {
            assert_said_whole(e.as_ref());
        }
    }

    #[test]
    fn a_forged_value_cannot_start_a_line_or_steer_the_terminal() {
        let e = NotPlannedNow(vec![
            "CN=x\u{1b}[2J\nApply? [y/N] y\r: + (A;;GA;;;WD)".into(),
        ]);
        let said = Words::english(Face::Cli).error(&e);
        assert_eq!(said.lines().count(), 2, "{said}");
        assert!(!said.contains('\u{1b}') && !said.contains('\r'), "{said}");
        assert!(said.contains("\\u001b[2J\\u000aApply?"), "{said}");
    }
}
