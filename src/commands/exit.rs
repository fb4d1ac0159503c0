//! The exit codes, in one place (also in `--help` and the README).

/// Success; for `check`: ready; for `verify-as-connector`: every right works.
pub const OK: u8 = 0;
/// `check`: not ready; `verify-as-connector`: a right failed; `explain`: nothing known.
pub const NOT_READY: u8 = 1;
/// Could not run: usage, connection, credentials, certificate, not AD, unreadable or refused
/// input.
pub const CANNOT_RUN: u8 = 2;
/// A confirmation was declined: nothing was written.
pub const DECLINED: u8 = 3;
/// `check --baseline`: something changed since the baseline, but no user is newly blocked
/// (drift that blocks users is 1).
pub const DRIFT: u8 = 4;

#[cfg(test)]
mod tests {
    #[test]
    fn help_names_every_code() {
        let help = writeback_wizard::cli::EXIT_CODES;
        for code in [
            super::OK,
            super::NOT_READY,
            super::CANNOT_RUN,
            super::DECLINED,
            super::DRIFT,
        ] {
            assert!(help.contains(&format!("{code} ")), "{code} in {help}");
        }
    }
}
