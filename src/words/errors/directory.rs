//! The directory's errors in words: connecting, signing in, reading, the scope, the connector
//! and the plan.

use crate::ad::AdError;
use crate::check::CheckError;
use crate::plan::PlanError;
use crate::words::Words;

impl Words {
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
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::plan::apply::ApplyError;
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
}
