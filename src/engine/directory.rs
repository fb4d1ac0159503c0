//! A directory of a run: one domain, reached through the DC the user named, signed in to as the
//! user said, with the connector and sync scope the user gave. Every face builds these from its
//! own inputs (the command line's flags, a profile, the wizard's answers), and only from those:
//! nothing read from a plan or backup file ever becomes part of one.

use crate::check::CheckOptions;

use super::Login;

/// One directory to work on.
#[derive(Clone, Debug)]
pub struct Directory {
    /// What the user calls it: the server as they gave it, or a domain's DNS name.
    pub label: String,
    /// The DC the user named and how to sign in to it.
    pub login: Login,
    /// The connector account as the user gave it (`None`: detected) and the sync scope.
    pub options: CheckOptions,
}
