//! `pdc-emulator`: which DC holds the PDC emulator role; a warning when changes would be made on
//! another DC.
//!
//! Source: MS-ADTS 3.1.1.1.11 (FSMO roles). Password changes are forwarded to the PDC emulator;
//! making permission changes there avoids replication surprises.

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let connected = &f.root_dse.dns_host_name;
    match &f.domain.pdc_emulator {
        Some(pdc) if pdc.eq_ignore_ascii_case(connected) => vec![
            Finding::new(FindingId::PdcEmulator, Severity::Info, pdc)
                .text(crate::check::Wording::PdcEmulatorConnected)
                .arg("pdc", pdc),
        ],
        Some(pdc) => vec![
            Finding::new(FindingId::PdcEmulator, Severity::Warning, pdc)
                .arg("pdc", pdc)
                .arg("connected", connected),
        ],
        None => vec![
            Finding::new(FindingId::PdcEmulator, Severity::Warning, &f.domain.dn)
                .text(crate::check::Wording::PdcEmulatorUnknown),
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Severity;
    use crate::check::fixture::Fixture;

    fn finding(o: &crate::check::CheckOutcome) -> Severity {
        o.findings
            .iter()
            .find(|f| f.id == "pdc-emulator")
            .unwrap()
            .severity
    }

    #[test]
    fn another_dc_than_the_pdc_emulator_is_a_warning() {
        assert_eq!(finding(&Fixture::new().run()), Severity::Info);
        let o = Fixture::new()
            .with(|f| f.domain.pdc_emulator = Some("dc2.example.test".into()))
            .run();
        assert_eq!(finding(&o), Severity::Warning);
        let o = Fixture::new().with(|f| f.domain.pdc_emulator = None).run();
        assert_eq!(finding(&o), Severity::Warning);
    }
}
