//! Failures in the wizard's words: [`UiError`] with the kind of next step it calls for.

use crate::ad::AdError;
use crate::check;
use crate::engine::assess::AssessError;
use crate::t;

/// What kind of failure, for the page to offer the right next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The DC's certificate is not trusted: offer to choose a CA file.
    UntrustedCertificate,
    /// Wrong user name or password.
    BadCredentials,
    /// The server could not be reached.
    Unreachable,
    /// Anything else: the message says the next step.
    General,
}

/// A failure, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl UiError {
    /// Any error in the wizard's words.
    pub fn of(e: &(dyn std::error::Error + 'static)) -> Self {
        Self::plain(crate::words::Words::current(crate::words::Face::Wizard).error(e))
    }

    /// A failure whose words already say the next step.
    pub fn plain(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::General,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<AdError> for UiError {
    fn from(e: AdError) -> Self {
        // The whole sentence in the wizard's words (never a command-line flag), under the
        // short one that names the next click where there is one.
        let words = crate::words::Words::current(crate::words::Face::Wizard).ad_error(&e);
        let (kind, message) = match &e {
            AdError::UntrustedCertificate { server, .. } => (
                ErrorKind::UntrustedCertificate,
                t!("error-untrusted-certificate", server = server.as_str()),
            ),
            AdError::CertificateNameMismatch { server, .. } => (
                ErrorKind::General,
                t!("error-certificate-name", server = server.as_str()),
            ),
            AdError::BadCredentials { user, .. } => (
                ErrorKind::BadCredentials,
                t!("error-bad-credentials", user = user.as_str()),
            ),
            AdError::UnknownHost { server, .. }
            | AdError::Refused { server }
            | AdError::Timeout { server, .. }
            | AdError::Connect { server, .. } => (
                ErrorKind::Unreachable,
                t!("error-unreachable", server = server.as_str()),
            ),
            AdError::CaFile { path, .. } => (
                ErrorKind::UntrustedCertificate,
                t!("error-ca-file", path = path.as_str()),
            ),
            _ => return UiError::plain(words),
        };
        Self {
            kind,
            message: format!("{message}\n{words}"),
        }
    }
}

impl From<AssessError> for UiError {
    fn from(e: AssessError) -> Self {
        match e {
            AssessError::Directory(e) => e.into(),
            AssessError::Check(e) => e.into(),
            AssessError::Pilot(crate::pilot::PilotError::Directory(e)) => e.into(),
            AssessError::Pilot(e) => UiError::of(&e),
        }
    }
}

impl From<check::CheckError> for UiError {
    fn from(e: check::CheckError) -> Self {
        match e {
            check::CheckError::Directory(e) => e.into(),
            other => UiError::of(&other),
        }
    }
}
