//! Errors in words: the engine's errors carry their facts (server, reason, DN); the sentence
//! and the next step come from the translations, with the command line's flags only in the
//! command line's sentences (`error-…-cli`). The engine's own English texts stay for the logs.

use fluent::FluentValue;

use super::Words;
use crate::ad::AdError;
use crate::check::CheckError;
use crate::pilot::PilotError;
use crate::plan::PlanError;
use crate::plan::apply::ApplyError;
use crate::plan::backup::BackupError;

impl Words {
    /// Message `id` (or `id-cli` on the command line, where it exists) with string values.
    fn sentence(&self, id: &str, args: &[(&str, &str)]) -> String {
        let values: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.to_string())))
            .collect();
        self.get_with(id, &values)
    }

    /// A directory error with the next step.
    pub fn ad_error(&self, e: &AdError) -> String {
        use AdError as E;
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            E::CaFile { path, reason } => {
                s("error-ad-ca-file", &[("path", path), ("reason", reason)])
            }
            E::BadUrl { server, reason } => s(
                "error-ad-bad-url",
                &[("server", server), ("reason", reason)],
            ),
            E::UnknownHost { server, reason } => s(
                "error-ad-unknown-host",
                &[("server", server), ("reason", reason)],
            ),
            E::Refused { server } => s("error-ad-refused", &[("server", server)]),
            E::Connect { server, reason } => s(
                "error-ad-connect",
                &[("server", server), ("reason", reason)],
            ),
            E::Timeout { server, seconds } => s(
                "error-ad-timeout",
                &[("server", server), ("seconds", &seconds.to_string())],
            ),
            E::UntrustedCertificate { server, reason } => s(
                "error-ad-untrusted-certificate",
                &[("server", server), ("reason", reason)],
            ),
            E::CertificateNameMismatch { server, reason } => s(
                "error-ad-certificate-name",
                &[("server", server), ("reason", reason)],
            ),
            E::CertificateExpired { server, reason } => s(
                "error-ad-certificate-expired",
                &[("server", server), ("reason", reason)],
            ),
            E::Tls { server, reason } => {
                s("error-ad-tls", &[("server", server), ("reason", reason)])
            }
            E::StartTlsRefused { server, reason } => s(
                "error-ad-starttls-refused",
                &[("server", server), ("reason", reason)],
            ),
            E::ConnectionLost { server, op, reason } => s(
                "error-ad-connection-lost",
                &[("server", server), ("op", op), ("reason", reason)],
            ),
            E::EncryptionRequired { server, text } => s(
                "error-ad-encryption-required",
                &[("server", server), ("text", text)],
            ),
            E::PlaintextPasswordRefused { server } => {
                s("error-ad-plaintext-refused", &[("server", server)])
            }
            E::BadCredentials {
                server,
                user,
                reason,
            } => s(
                "error-ad-bad-credentials",
                &[
                    ("server", server),
                    ("user", user),
                    (
                        "detail",
                        &reason
                            .as_deref()
                            .map(|r| format!(" ({r})"))
                            .unwrap_or_default(),
                    ),
                ],
            ),
            E::AccountProblem {
                server,
                user,
                reason,
            } => s(
                "error-ad-account",
                &[("server", server), ("user", user), ("reason", reason)],
            ),
            E::Kerberos { server, reason } => s(
                "error-ad-kerberos",
                &[("server", server), ("reason", reason)],
            ),
            E::KerberosUnavailable => s("error-ad-kerberos-unavailable", &[]),
            E::Bind { user, code, text } => s(
                "error-ad-bind",
                &[("user", user), ("code", &code.to_string()), ("text", text)],
            ),
            E::NotActiveDirectory { server, reason } => {
                s("error-ad-not-ad", &[("server", server), ("reason", reason)])
            }
            E::Operation { op, dn, code, text } => s(
                "error-ad-operation",
                &[
                    ("op", op),
                    ("dn", dn),
                    ("code", &code.to_string()),
                    ("text", text),
                ],
            ),
            E::Malformed { op, dn, reason } => s(
                "error-ad-malformed",
                &[("op", op), ("dn", dn), ("reason", reason)],
            ),
            E::Protocol { op, source } => s(
                "error-ad-protocol",
                &[("op", op), ("reason", &source.to_string())],
            ),
        }
    }

    /// A check that could not start, with the next step.
    pub fn check_error(&self, e: &CheckError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            CheckError::Directory(e) => self.ad_error(e),
            CheckError::ScopeNotFound(scope) => s("error-scope-not-found", &[("scope", scope)]),
            CheckError::ScopeOutsideDomain { scope, domain } => s(
                "error-scope-outside-domain",
                &[("scope", scope), ("domain", domain)],
            ),
            CheckError::ConnectorNotFound(name) => {
                s("error-connector-not-found", &[("name", name)])
            }
            CheckError::ConnectorAmbiguous { given, candidates } => s(
                "error-connector-ambiguous",
                &[("name", given), ("candidates", &candidates.join("; "))],
            ),
        }
    }

    /// A plan that could not be made, with the next step.
    pub fn plan_error(&self, e: &PlanError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            PlanError::UnknownPso(name, names) => s(
                "error-plan-unknown-pso",
                &[("name", name), ("names", names)],
            ),
            PlanError::NoConnector => s("error-plan-no-connector", &[]),
            PlanError::Unreadable(dn) => s("error-plan-unreadable", &[("dn", dn)]),
            PlanError::NoDacl(dn) => s("error-plan-no-dacl", &[("dn", dn)]),
            PlanError::TooLarge { dn, size } => s(
                "error-plan-too-large",
                &[("dn", dn), ("size", &size.to_string())],
            ),
        }
    }

    /// Any error in words: the engine's own errors from the translations, anything else (and
    /// every cause behind it) as it says itself.
    pub fn error(&self, e: &(dyn std::error::Error + 'static)) -> String {
        if let Some(e) = e.downcast_ref::<AdError>() {
            return self.ad_error(e);
        }
        if let Some(e) = e.downcast_ref::<CheckError>() {
            return self.check_error(e);
        }
        if let Some(e) = e.downcast_ref::<PlanError>() {
            return self.plan_error(e);
        }
        if let Some(PilotError::Directory(e)) = e.downcast_ref::<PilotError>() {
            return self.ad_error(e);
        }
        if let Some(e) = e.downcast_ref::<BackupError>() {
            match e {
                BackupError::OtherDomain {
                    path,
                    backup_sid,
                    domain_sid,
                } => {
                    return self.sentence(
                        "error-backup-other-domain",
                        &[
                            ("path", path),
                            ("backup", backup_sid),
                            ("domain", domain_sid),
                        ],
                    );
                }
                BackupError::ChangedSince { dn, attribute } => {
                    return self.sentence(
                        "error-backup-changed-since",
                        &[("dn", dn), ("attribute", attribute)],
                    );
                }
                BackupError::Restore { dn, source } => {
                    return self.sentence(
                        "error-backup-restore",
                        &[("dn", dn), ("reason", &self.ad_error(source))],
                    );
                }
                _ => {}
            }
        }
        if let Some(e) = e.downcast_ref::<ApplyError>() {
            match e {
                ApplyError::Changed { dn, what, written } => {
                    return self.sentence(
                        "error-apply-changed",
                        &[
                            ("dn", dn),
                            ("what", what),
                            ("written", &written.to_string()),
                        ],
                    );
                }
                ApplyError::Directory(e) => return self.ad_error(e),
                ApplyError::Backup(b) => return self.error(b),
                ApplyError::Write {
                    dn,
                    written,
                    source,
                } => {
                    return self.sentence(
                        "error-apply-write",
                        &[
                            ("dn", dn),
                            ("written", &written.to_string()),
                            ("reason", &self.ad_error(source)),
                        ],
                    );
                }
                _ => {}
            }
        }
        let own = e.to_string();
        match e.source() {
            // A wrapper that says what its cause says: the cause's words alone.
            Some(cause) if cause.to_string() == own => self.error(cause),
            Some(cause) => {
                let rest = self.error(cause);
                if own.contains(&rest) {
                    own
                } else {
                    format!("{own}: {rest}")
                }
            }
            None => own,
        }
    }
}

impl Words {
    /// Why a plan leaves a blocker, with the next step for this face.
    pub fn not_fixed(&self, n: &crate::plan::NotFixed) -> String {
        let id = format!("notfixed-{}", n.code);
        if n.code.is_empty() || !self.has(&id) {
            return n.reason.clone();
        }
        let values: Vec<(&str, &str)> = n
            .values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.sentence(&id, &values)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::words::Face;

    fn every_ad_error() -> Vec<AdError> {
        let s = || "dc1.corp.example".to_string();
        let r = || "reason".to_string();
        vec![
            AdError::CaFile {
                path: "ca.pem".into(),
                reason: r(),
            },
            AdError::BadUrl {
                server: s(),
                reason: r(),
            },
            AdError::UnknownHost {
                server: s(),
                reason: r(),
            },
            AdError::Refused { server: s() },
            AdError::Connect {
                server: s(),
                reason: r(),
            },
            AdError::Timeout {
                server: s(),
                seconds: 30,
            },
            AdError::UntrustedCertificate {
                server: s(),
                reason: r(),
            },
            AdError::CertificateNameMismatch {
                server: s(),
                reason: r(),
            },
            AdError::CertificateExpired {
                server: s(),
                reason: r(),
            },
            AdError::Tls {
                server: s(),
                reason: r(),
            },
            AdError::StartTlsRefused {
                server: s(),
                reason: r(),
            },
            AdError::ConnectionLost {
                server: s(),
                op: "scan",
                reason: r(),
            },
            AdError::EncryptionRequired {
                server: s(),
                text: r(),
            },
            AdError::PlaintextPasswordRefused { server: s() },
            AdError::BadCredentials {
                server: s(),
                user: "admin".into(),
                reason: None,
            },
            AdError::BadCredentials {
                server: s(),
                user: "admin".into(),
                reason: Some(r()),
            },
            AdError::AccountProblem {
                server: s(),
                user: "admin".into(),
                reason: r(),
            },
            AdError::Kerberos {
                server: s(),
                reason: r(),
            },
            AdError::KerberosUnavailable,
            AdError::Bind {
                user: "admin".into(),
                code: 49,
                text: r(),
            },
            AdError::NotActiveDirectory {
                server: s(),
                reason: r(),
            },
            AdError::Operation {
                op: "modify",
                dn: "CN=x".into(),
                code: 50,
                text: r(),
            },
            AdError::Malformed {
                op: "read",
                dn: "CN=x".into(),
                reason: r(),
            },
            AdError::Protocol {
                op: "search",
                source: Arc::new(ldap3::LdapError::EndOfStream),
            },
        ]
    }

    #[test]
    fn every_directory_error_is_said_whole_in_every_language_and_the_wizard_names_no_flag() {
        for lang in crate::words::LANGUAGES {
            for face in [Face::Cli, Face::Wizard] {
                let w = Words::for_lang(Some(lang), face);
                for e in every_ad_error() {
                    let said = w.error(&e);
                    assert!(
                        !said.contains("{$") && !said.contains("No localization"),
                        "{lang} {face:?}: {said}"
                    );
                    assert!(
                        said.contains("dc1.corp.example") || !e.to_string().contains("dc1"),
                        "{said}"
                    );
                    if face == Face::Wizard {
                        assert!(!said.contains("--"), "{lang}: {said}");
                    }
                }
            }
        }
        let cli = Words::english(Face::Cli);
        let e = AdError::UntrustedCertificate {
            server: "dc".into(),
            reason: "unknown issuer".into(),
        };
        assert!(cli.error(&e).contains("--ca-file"), "{}", cli.error(&e));
        assert!(
            Words::english(Face::Wizard)
                .error(&e)
                .contains("Choose CA file")
        );
    }

    #[test]
    fn a_failed_write_says_its_cause_once_in_the_faces_words() {
        let cause = AdError::UntrustedCertificate {
            server: "dc".into(),
            reason: "unknown issuer".into(),
        };
        let e = ApplyError::Write {
            dn: "OU=Staff,DC=x".into(),
            written: 2,
            source: cause.clone(),
        };
        let cli = Words::english(Face::Cli).error(&e);
        assert!(
            cli.starts_with("writing OU=Staff,DC=x failed after 2 change(s): "),
            "{cli}"
        );
        assert_eq!(cli.matches("unknown issuer").count(), 1, "{cli}");
        assert!(cli.contains("--ca-file"), "{cli}");
        let wizard = Words::english(Face::Wizard).error(&e);
        assert!(!wizard.contains("--"), "{wizard}");
        let de = Words::for_lang(Some("de-DE"), Face::Wizard).error(&e);
        assert!(de.contains("fehlgeschlagen"), "{de}");
    }

    #[test]
    fn wrapped_errors_are_said_by_their_cause() {
        let w = Words::english(Face::Wizard);
        let e = CheckError::Directory(AdError::Refused {
            server: "dc".into(),
        });
        assert_eq!(
            w.error(&e),
            w.ad_error(&AdError::Refused {
                server: "dc".into()
            })
        );
        let wrapped = anyhow::Error::new(CheckError::ScopeNotFound("OU=Nope".into()))
            .context("reading the scope");
        let said = w.error(wrapped.as_ref());
        assert!(
            said.starts_with("reading the scope: the scope \"OU=Nope\""),
            "{said}"
        );
        assert!(!said.contains("--scope"), "{said}");
        assert!(
            Words::english(Face::Cli)
                .error(wrapped.as_ref())
                .contains("--scope")
        );
    }
}
