//! `cloud-sync-features` (info): what `GET /directory/onPremisesSynchronization` reports, for
//! reading only. Its `passwordWritebackEnabled` is documented as not in use: it is shown as
//! such and never relied on or written.

use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let Ok(sync) = &f.sync else {
        return Vec::new();
    };
    let mut on = Vec::new();
    let mut off = Vec::new();
    for (name, value) in &sync.features {
        if name == "passwordWritebackEnabled" {
            continue;
        }
        match value.as_bool() {
            Some(true) => on.push(name.trim_end_matches("Enabled").to_string()),
            Some(false) => off.push(name.trim_end_matches("Enabled").to_string()),
            None => {}
        }
    }
    vec![
        Finding::new(FindingId::CloudSyncFeatures, Severity::Info, "tenant")
            .arg("on-count", on.len())
            .arg("on", on)
            .arg("off-count", off.len())
            .arg("off", off),
    ]
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::check::finding::Arg;
    use crate::entra::checks::healthy;

    #[test]
    fn features_are_listed_on_and_off_without_password_writeback_enabled() {
        let mut f = healthy();
        if let Ok(s) = &mut f.sync {
            s.features.insert("passwordSyncEnabled".into(), true.into());
            s.features
                .insert("passwordWritebackEnabled".into(), true.into());
            s.features
                .insert("deviceWritebackEnabled".into(), false.into());
            s.features.insert("somethingElse".into(), "x".into());
        }
        let out = check(&f);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].get("on"),
            Some(&Arg::List(vec!["passwordSync".into()]))
        );
        assert_eq!(
            out[0].get("off"),
            Some(&Arg::List(vec!["deviceWriteback".into()]))
        );
        assert_eq!(out[0].get("on-count"), Some(&Arg::Number(1)));
    }

    #[test]
    fn nothing_is_said_when_the_settings_could_not_be_read() {
        let mut f = healthy();
        f.sync = Err(crate::entra::facts::ReadError::Graph(
            crate::entra::GraphError::Unauthorized,
        ));
        assert!(check(&f).is_empty());
    }
}
