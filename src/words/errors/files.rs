//! The errors of files and writes in words: plan files, backups, apply and profiles.

use crate::check::baseline::BaselineError;
use crate::plan::apply::ApplyError;
use crate::plan::backup::BackupError;
use crate::plan::validate::{PlanFileError, Target};
use crate::profile::ProfileError;
use crate::words::Words;

impl Words {
    /// A plan file that is refused.
    pub fn plan_file_error(&self, e: &PlanFileError) -> String {
        match e {
            PlanFileError::Checksum => self.sentence("error-plan-file-checksum", &[]),
            PlanFileError::Schema(found, expected) => self.sentence(
                "error-plan-file-schema",
                &[
                    ("found", &found.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            PlanFileError::Shape(reason) => {
                self.sentence("error-plan-file-shape", &[("reason", reason)])
            }
        }
    }

    /// A baseline that cannot be compared.
    pub fn baseline_error(&self, e: &BaselineError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            BaselineError::Syntax(reason) => s("error-baseline-syntax", &[("reason", reason)]),
            BaselineError::Version(v) => {
                s("error-baseline-version", &[("version", &v.to_string())])
            }
            BaselineError::NotSealed => s("error-baseline-not-sealed", &[]),
            BaselineError::Key(k) => self.key_error(k),
            BaselineError::OtherDomain { then, now } => s(
                "error-baseline-other-domain",
                &[("then", then), ("now", now)],
            ),
            BaselineError::NotInSet { now } => s("error-baseline-not-in-set", &[("now", now)]),
        }
    }

    /// A baseline that could not be saved or compared.
    pub fn baseline_job_error(&self, e: &crate::engine::baseline::BaselineJobError) -> String {
        use crate::engine::baseline::BaselineJobError as E;
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            E::Check(e) => self.error(e),
            E::Key(e) => self.key_error(e),
            E::Baseline(e) => self.baseline_error(e),
            E::Write { path, reason } => s(
                "error-baseline-write",
                &[("path", path), ("reason", reason)],
            ),
            E::Read { path, reason } => {
                s("error-baseline-read", &[("path", path), ("reason", reason)])
            }
            E::NoneSaved { path } => s("error-baseline-none-saved", &[("path", path)]),
        }
    }

    /// A backup that cannot be used, or a restore that failed.
    pub fn backup_error(&self, e: &BackupError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            BackupError::Read { path, reason } => {
                s("error-backup-read", &[("path", path), ("reason", reason)])
            }
            BackupError::Damaged { path, reason } => s(
                "error-backup-damaged",
                &[("path", path), ("reason", reason)],
            ),
            BackupError::OtherDomain {
                path,
                backup_sid,
                domain_sid,
            } => s(
                "error-backup-other-domain",
                &[
                    ("path", path),
                    ("backup", backup_sid),
                    ("domain", domain_sid),
                ],
            ),
            BackupError::Write { path, reason } => {
                s("error-backup-write", &[("path", path), ("reason", reason)])
            }
            BackupError::Exists { path } => s("error-backup-exists", &[("path", path)]),
            BackupError::ChangedSince { dn, attribute } => s(
                "error-backup-changed-since",
                &[("dn", dn), ("attribute", attribute)],
            ),
            BackupError::Restore { dn, source } => s(
                "error-backup-restore",
                &[("dn", dn), ("reason", &self.ad_error(source))],
            ),
            BackupError::Verify { dn, detail } => {
                s("error-backup-verify", &[("dn", dn), ("detail", detail)])
            }
            BackupError::NotAuthenticated { path, why } => s(
                "error-backup-not-authenticated",
                &[("path", path), ("why", &self.authenticity(why))],
            ),
            BackupError::OtherConnector {
                path,
                backup,
                connector,
            } => s(
                "error-backup-other-connector",
                &[("path", path), ("backup", backup), ("connector", connector)],
            ),
            BackupError::OtherDomainName {
                path,
                backup,
                domain,
            } => s(
                "error-backup-other-domain",
                &[("path", path), ("backup", backup), ("domain", domain)],
            ),
            BackupError::OutsideDomain { path, dn, domain } => s(
                "error-backup-outside-domain",
                &[("path", path), ("dn", dn), ("domain", domain)],
            ),
            BackupError::Raced { race, restored } => {
                let head = s("error-backup-raced", &[("restored", &restored.to_string())]);
                self.race(race, &head)
            }
            BackupError::Key(e) => self.key_error(e),
            BackupError::Directory(e) => self.ad_error(e),
        }
    }

    /// Another write seen around the tool's own: which object, which versions, which write
    /// won and what may be lost, then `then` (where the run stopped), then the value now
    /// against the backup's, a line each.
    fn race(&self, r: &crate::plan::backup::Race, then: &str) -> String {
        let id = if r.overwritten {
            "error-race-overwritten"
        } else {
            "error-race-kept"
        };
        let mut out = self.sentence(
            id,
            &[
                ("dn", &r.dn),
                ("attribute", &r.attribute),
                ("before", &r.before.to_string()),
                ("after", &r.after.to_string()),
            ],
        );
        out.push(' ');
        out.push_str(then);
        for l in &r.diff {
            out.push_str("\n   ");
            out.push_str(&crate::terminal::line(l));
        }
        out
    }

    /// Why applying stopped.
    pub fn apply_error(&self, e: &ApplyError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            ApplyError::OtherDomain { plan, domain } => s(
                "error-apply-other-domain",
                &[("plan", plan), ("domain", domain)],
            ),
            ApplyError::OutsideDomain { dn, domain } => s(
                "error-apply-outside-domain",
                &[("dn", dn), ("domain", domain)],
            ),
            ApplyError::Raced { race, written } => {
                let head = s("error-apply-raced", &[("written", &written.to_string())]);
                self.race(race, &head)
            }
            ApplyError::File(e) => self.plan_file_error(e),
            ApplyError::WrongObject {
                dn,
                expected,
                found,
            } => s(
                "error-apply-wrong-object",
                &[
                    ("dn", dn),
                    ("expected", &self.target(expected)),
                    ("found", found),
                ],
            ),
            ApplyError::NotPermitted { dn, attribute } => {
                let what = if attribute.eq_ignore_ascii_case("nTSecurityDescriptor") {
                    self.sentence("apply-what-dacl", &[])
                } else {
                    attribute.clone()
                };
                s("error-apply-not-permitted", &[("dn", dn), ("what", &what)])
            }
            ApplyError::Changed { dn, what, written } => s(
                "error-apply-changed",
                &[
                    ("dn", dn),
                    ("what", what),
                    ("written", &written.to_string()),
                ],
            ),
            ApplyError::Concurrent(change, written) => s(
                "error-apply-concurrent",
                &[("change", change), ("written", &written.to_string())],
            ),
            ApplyError::NotStale { dn, written } => s(
                "error-apply-not-stale",
                &[("dn", dn), ("written", &written.to_string())],
            ),
            ApplyError::BadPlan(reason) => s("error-apply-bad-plan", &[("reason", reason)]),
            ApplyError::Backup(e) => self.backup_error(e),
            ApplyError::Write {
                dn,
                written,
                source,
            } => s(
                "error-apply-write",
                &[
                    ("dn", dn),
                    ("written", &written.to_string()),
                    ("reason", &self.ad_error(source)),
                ],
            ),
            ApplyError::Verify {
                dn,
                detail,
                written,
            } => s(
                "error-apply-verify",
                &[
                    ("dn", dn),
                    ("detail", detail),
                    ("written", &written.to_string()),
                ],
            ),
            ApplyError::Cancelled { written } => s(
                "error-apply-cancelled",
                &[("written", &written.to_string())],
            ),
            ApplyError::Directory(e) => self.ad_error(e),
        }
    }

    /// What kind of object a change targets.
    fn target(&self, t: &Target) -> String {
        self.sentence(&format!("target-{}", t.id()), &[])
    }

    /// A profile that could not be read or written.
    pub fn profile_error(&self, e: &ProfileError) -> String {
        let s = |id: &str, path: &str, reason: &str| {
            self.sentence(id, &[("path", path), ("reason", reason)])
        };
        match e {
            ProfileError::Read { path, reason } => s("error-profile-read", path, reason),
            ProfileError::Format { path, reason } => s("error-profile-format", path, reason),
            ProfileError::Write { path, reason } => s("error-profile-write", path, reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ad::AdError;
    use crate::words::Face;
    use crate::words::errors::assert_said_whole;

    fn p() -> String {
        "/tmp/x.json".into()
    }

    #[test]
    fn every_file_and_write_error_is_said_whole_in_every_language() {
        let ad = || AdError::Refused {
            server: "dc".into(),
        };
        let mut all: Vec<Box<dyn std::error::Error + 'static>> = vec![
            Box::new(PlanFileError::Checksum),
            Box::new(PlanFileError::Schema(9, 3)),
            Box::new(PlanFileError::Shape("an ACE for Everyone".into())),
        ];
        for b in [
            BackupError::Read {
                path: p(),
                reason: "gone".into(),
            },
            BackupError::Damaged {
                path: p(),
                reason: "cut".into(),
            },
            BackupError::OtherDomain {
                path: p(),
                backup_sid: "S-1-5-21-1".into(),
                domain_sid: "S-1-5-21-2".into(),
            },
            BackupError::Write {
                path: p(),
                reason: "full".into(),
            },
            BackupError::Exists { path: p() },
            BackupError::ChangedSince {
                dn: "DC=x".into(),
                attribute: "minPwdAge".into(),
            },
            BackupError::Restore {
                dn: "DC=x".into(),
                source: ad(),
            },
            BackupError::Verify {
                dn: "DC=x".into(),
                detail: "d".into(),
            },
            BackupError::Directory(ad()),
        ] {
            all.push(Box::new(b));
        }
        for t in [
            Target::Domain,
            Target::User,
            Target::PasswordSettings,
            Target::Container,
            Target::SamServer,
        ] {
            all.push(Box::new(ApplyError::WrongObject {
                dn: "CN=x".into(),
                expected: t,
                found: "computer".into(),
            }));
        }
        for a in [
            ApplyError::OtherDomain {
                plan: "S-1".into(),
                domain: "S-2".into(),
            },
            ApplyError::File(PlanFileError::Checksum),
            ApplyError::NotPermitted {
                dn: "DC=x".into(),
                attribute: "nTSecurityDescriptor".into(),
            },
            ApplyError::NotPermitted {
                dn: "DC=x".into(),
                attribute: "minPwdAge".into(),
            },
            ApplyError::Changed {
                dn: "DC=x".into(),
                what: "w".into(),
                written: 1,
            },
            ApplyError::Concurrent("DC=x: minPwdAge changed".into(), 2),
            ApplyError::NotStale {
                dn: "CN=dave".into(),
                written: 0,
            },
            ApplyError::BadPlan("no SD".into()),
            ApplyError::Backup(BackupError::Exists { path: p() }),
            ApplyError::Write {
                dn: "DC=x".into(),
                written: 1,
                source: ad(),
            },
            ApplyError::Verify {
                dn: "DC=x".into(),
                detail: "d".into(),
                written: 1,
            },
            ApplyError::Cancelled { written: 3 },
            ApplyError::Directory(ad()),
        ] {
            all.push(Box::new(a));
        }
        for e in [
            ProfileError::Read {
                path: p(),
                reason: "r".into(),
            },
            ProfileError::Format {
                path: p(),
                reason: "r".into(),
            },
            ProfileError::Write {
                path: p(),
                reason: "r".into(),
            },
        ] {
            all.push(Box::new(e));
        }
        for e in &all {
            assert_said_whole(e.as_ref());
        }
    }

    #[test]
    fn the_next_step_names_the_flag_only_on_the_command_line() {
        let e = BackupError::Write {
            path: p(),
            reason: "full".into(),
        };
        assert!(Words::english(Face::Cli).error(&e).contains("--backup"));
        assert!(!Words::english(Face::Wizard).error(&e).contains("--backup"));
        let e = ApplyError::NotPermitted {
            dn: "DC=x".into(),
            attribute: "nTSecurityDescriptor".into(),
        };
        let de = Words::for_lang(Some("de-DE"), Face::Wizard).error(&e);
        assert!(de.contains("Berechtigungen (DACL)"), "{de}");
    }
}
