//! The errors of the services around the directory in words: the sign-in to Entra ID,
//! Microsoft Graph and its endpoints, the pilot group and PowerShell on the sync server.

use crate::entra::{AuthError, Endpoint, EndpointError, EndpointProblem, GraphError};
use crate::pilot::PilotError;
use crate::syncserver::PsError;
use crate::words::Words;

impl Words {
    /// Why the sign-in to Entra ID failed.
    pub fn auth_error(&self, e: &AuthError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            AuthError::Network { url, reason } => {
                s("error-auth-network", &[("url", url), ("reason", reason)])
            }
            AuthError::BadResponse(reason) => s("error-auth-bad-response", &[("reason", reason)]),
            AuthError::Refused { error, description } => s(
                "error-auth-refused",
                &[("error", error), ("description", description)],
            ),
            AuthError::Declined => s("error-auth-declined", &[]),
            AuthError::Expired => s("error-auth-expired", &[]),
            AuthError::Timeout(seconds) => {
                s("error-auth-timeout", &[("seconds", &seconds.to_string())])
            }
            AuthError::Loopback(reason) => s("error-auth-loopback", &[("reason", reason)]),
            AuthError::NoRefreshToken => s("error-auth-no-refresh-token", &[]),
            AuthError::SessionExpired(reason) => {
                s("error-auth-session-expired", &[("reason", reason)])
            }
        }
    }

    /// Why a Graph call failed.
    pub fn graph_error(&self, e: &GraphError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            GraphError::Network { url, reason } => {
                s("error-graph-network", &[("url", url), ("reason", reason)])
            }
            GraphError::Unauthorized => s("error-graph-unauthorized", &[]),
            GraphError::Forbidden {
                path,
                code,
                message,
                needs,
            } => s(
                "error-graph-forbidden",
                &[
                    ("path", path),
                    ("code", code),
                    ("message", message),
                    ("needs", needs),
                ],
            ),
            GraphError::NotFound { path } => s("error-graph-not-found", &[("path", path)]),
            GraphError::Throttled { status } => s(
                "error-graph-throttled",
                &[
                    ("status", &status.to_string()),
                    ("retries", &crate::entra::retry::MAX_RETRIES.to_string()),
                ],
            ),
            GraphError::Http {
                path,
                status,
                message,
            } => s(
                "error-graph-http",
                &[
                    ("path", path),
                    ("status", &status.to_string()),
                    ("message", message),
                ],
            ),
            GraphError::Malformed { path, reason } => s(
                "error-graph-malformed",
                &[("path", path), ("reason", reason)],
            ),
            GraphError::Auth(e) => self.auth_error(e),
        }
    }

    /// An endpoint override that cannot be used.
    pub fn endpoint_error(&self, e: &EndpointError) -> String {
        let which = match e.which {
            Endpoint::Authority => self.sentence("endpoint-authority", &[]),
            Endpoint::Graph => self.sentence("endpoint-graph", &[]),
        };
        let reason = match &e.reason {
            EndpointProblem::NotAUrl(r) => self.sentence("endpoint-not-a-url", &[("reason", r)]),
            EndpointProblem::PlainHttp => self.sentence("endpoint-plain-http", &[]),
            EndpointProblem::Scheme(scheme) => {
                self.sentence("endpoint-scheme", &[("scheme", scheme)])
            }
            EndpointProblem::QueryOrFragment => self.sentence("endpoint-query", &[]),
        };
        self.sentence(
            "error-endpoint",
            &[("which", &which), ("url", &e.url), ("reason", &reason)],
        )
    }

    /// What could not be determined for a pilot user, and why.
    pub fn pilot_unknown(&self, u: &crate::pilot::Unknown) -> String {
        use crate::pilot::{CloudReadError, Unknown};
        let why = |e: &CloudReadError| match e {
            CloudReadError::Graph(e) => self.graph_error(e),
            CloudReadError::NoObjectGuid => self.sentence("pilot-unknown-no-object-guid", &[]),
        };
        match u {
            Unknown::CloudAccount(e) => {
                self.sentence("pilot-unknown-cloud-account", &[("reason", &why(e))])
            }
            Unknown::Licence(e) => self.sentence("pilot-unknown-licence", &[("reason", &why(e))]),
            Unknown::Registration(e) => {
                self.sentence("pilot-unknown-registration", &[("reason", &why(e))])
            }
            Unknown::CloudNotChecked => self.sentence("pilot-unknown-cloud-not-checked", &[]),
        }
    }

    /// Everything not determined for a pilot user, on one line.
    pub fn pilot_unknowns(&self, unknown: &[crate::pilot::Unknown]) -> String {
        unknown
            .iter()
            .map(|u| self.pilot_unknown(u))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A read of the tenant that failed.
    pub fn read_error(&self, e: &crate::entra::facts::ReadError) -> String {
        use crate::entra::facts::ReadError;
        match e {
            ReadError::Graph(e) => self.graph_error(e),
            ReadError::NoOrganization => self.sentence("error-read-no-organization", &[]),
            ReadError::NoUpnDomain => self.sentence("error-read-no-upn-domain", &[]),
            ReadError::NoSyncSettings => self.sentence("error-read-no-sync-settings", &[]),
            ReadError::SyncSettings(reason) => {
                self.sentence("error-read-sync-settings", &[("reason", reason)])
            }
        }
    }

    /// A pilot group that could not be read.
    pub fn pilot_error(&self, e: &PilotError) -> String {
        match e {
            PilotError::GroupNotFound(name) => {
                self.sentence("error-pilot-group-not-found", &[("name", name)])
            }
            PilotError::GroupAmbiguous(name, candidates) => self.sentence(
                "error-pilot-group-ambiguous",
                &[("name", name), ("candidates", candidates)],
            ),
            PilotError::UserAmbiguous(name, candidates) => self.sentence(
                "error-pilot-user-ambiguous",
                &[("name", name), ("candidates", candidates)],
            ),
            PilotError::EntraGroupAmbiguous(name) => {
                self.sentence("error-pilot-entra-group-ambiguous", &[("name", name)])
            }
            PilotError::Cloud(e) => {
                self.sentence("error-pilot-cloud", &[("reason", &self.graph_error(e))])
            }
            PilotError::Directory(e) => self.ad_error(e),
        }
    }

    /// PowerShell on the sync server could not give an answer.
    pub fn ps_error(&self, e: &PsError) -> String {
        let s = |id: &str, args: &[(&str, &str)]| self.sentence(id, args);
        match e {
            PsError::NotFound(reason) => s("error-ps-not-found", &[("reason", reason)]),
            PsError::Timeout(seconds) => {
                s("error-ps-timeout", &[("seconds", &seconds.to_string())])
            }
            PsError::Cmdlet { cmdlet, message } => s(
                "error-ps-cmdlet",
                &[("cmdlet", cmdlet), ("message", message)],
            ),
            PsError::Failed { code, stderr } => s(
                "error-ps-failed",
                &[("code", &code.to_string()), ("stderr", stderr)],
            ),
            PsError::Empty => s("error-ps-empty", &[]),
            PsError::Output(reason) => s("error-ps-output", &[("reason", reason)]),
            PsError::StagingMode => s("error-ps-staging-mode", &[]),
            PsError::NotSyncServer => s("error-not-sync-server", &[]),
            PsError::NoEntraConnector => s("error-ps-no-entra-connector", &[]),
            PsError::StillOff { cmdlet } => s("error-ps-still-off", &[("cmdlet", cmdlet)]),
            PsError::AgentMissing => s("error-ps-agent-missing", &[]),
            PsError::AgentTooOld { version, minimum } => s(
                "error-ps-agent-too-old",
                &[("version", version), ("minimum", minimum)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ad::AdError;
    use crate::words::Face;
    use crate::words::errors::assert_said_whole;

    fn every_error() -> Vec<Box<dyn std::error::Error + 'static>> {
        let r = || "reason".to_string();
        let mut all: Vec<Box<dyn std::error::Error + 'static>> = Vec::new();
        let auth = [
            AuthError::Network {
                url: "https://login".into(),
                reason: r(),
            },
            AuthError::BadResponse(r()),
            AuthError::Refused {
                error: "invalid_grant".into(),
                description: r(),
            },
            AuthError::Declined,
            AuthError::Expired,
            AuthError::Timeout(300),
            AuthError::Loopback(r()),
            AuthError::NoRefreshToken,
            AuthError::SessionExpired(r()),
        ];
        for a in auth.clone() {
            all.push(Box::new(a));
        }
        let graph = [
            GraphError::Network {
                url: "https://graph".into(),
                reason: r(),
            },
            GraphError::Unauthorized,
            GraphError::Forbidden {
                path: "/subscribedSkus".into(),
                code: "Authorization_RequestDenied".into(),
                message: r(),
                needs: "Organization.Read.All".into(),
            },
            GraphError::NotFound { path: "/x".into() },
            GraphError::Throttled { status: 429 },
            GraphError::Http {
                path: "/x".into(),
                status: 500,
                message: r(),
            },
            GraphError::Malformed {
                path: "/x".into(),
                reason: r(),
            },
            GraphError::Auth(AuthError::Declined),
        ];
        for g in graph {
            all.push(Box::new(g));
        }
        for which in [Endpoint::Authority, Endpoint::Graph] {
            for reason in [
                EndpointProblem::NotAUrl(r()),
                EndpointProblem::PlainHttp,
                EndpointProblem::Scheme("ftp".into()),
                EndpointProblem::QueryOrFragment,
            ] {
                all.push(Box::new(EndpointError {
                    which,
                    url: "ftp://x".into(),
                    reason,
                }));
            }
        }
        use crate::entra::facts::ReadError;
        for e in [
            ReadError::NoOrganization,
            ReadError::NoUpnDomain,
            ReadError::NoSyncSettings,
            ReadError::SyncSettings(r()),
        ] {
            all.push(Box::new(e));
        }
        for p in [
            PilotError::GroupNotFound("Pilot".into()),
            PilotError::GroupAmbiguous("Pilot".into(), "CN=a; CN=b".into()),
            PilotError::UserAmbiguous("carol".into(), "CN=a; CN=b".into()),
            PilotError::EntraGroupAmbiguous("Pilot".into()),
            PilotError::Cloud(GraphError::Unauthorized),
            PilotError::Directory(AdError::Refused {
                server: "dc".into(),
            }),
        ] {
            all.push(Box::new(p));
        }
        for p in [
            PsError::NotFound(r()),
            PsError::Timeout(60),
            PsError::Cmdlet {
                cmdlet: "Get-ADSyncScheduler".into(),
                message: r(),
            },
            PsError::Failed {
                code: 1,
                stderr: r(),
            },
            PsError::Empty,
            PsError::Output(r()),
            PsError::StagingMode,
            PsError::NotSyncServer,
            PsError::NoEntraConnector,
            PsError::StillOff {
                cmdlet: "Set-ADSyncAADPasswordResetConfiguration".into(),
            },
            PsError::AgentMissing,
            PsError::AgentTooOld {
                version: "1.1.96.0".into(),
                minimum: "1.1.977.0".into(),
            },
        ] {
            all.push(Box::new(p));
        }
        all
    }

    #[test]
    fn every_service_error_is_said_whole_in_every_language() {
        for e in every_error() {
            assert_said_whole(e.as_ref());
        }
    }

    #[test]
    fn a_browser_sign_in_that_times_out_offers_the_device_code_in_each_faces_words() {
        let e = AuthError::Timeout(300);
        assert!(
            Words::english(Face::Cli)
                .error(&e)
                .contains("--device-code")
        );
        let wizard = Words::english(Face::Wizard).error(&e);
        assert!(wizard.contains("device code"), "{wizard}");
        let de = Words::for_lang(Some("de-DE"), Face::Wizard).error(&e);
        assert!(de.contains("Gerätecode"), "{de}");
    }
}
