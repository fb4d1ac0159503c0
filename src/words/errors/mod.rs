//! Errors in words: the engine's errors carry their facts (server, reason, DN); the sentence
//! and the next step come from the translations, with the command line's flags only in the
//! command line's sentences (`error-…-cli`). The engine's own English texts stay for the logs.

mod directory;
mod files;
mod services;
mod write;

use fluent::FluentValue;

use super::Words;

impl Words {
    /// Message `id` (or `id-cli` on the command line, where it exists) with string values.
    pub fn sentence(&self, id: &str, args: &[(&str, &str)]) -> String {
        let values: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.to_string())))
            .collect();
        self.get_with(id, &values)
    }

    /// Any error in words: the engine's own errors from the translations, anything else (and
    /// every cause behind it) as it says itself.
    pub fn error(&self, e: &(dyn std::error::Error + 'static)) -> String {
        if let Some(said) = self.known(e) {
            return said;
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

    /// The engine's own error families, each said whole by its own function. (The engine's
    /// wrappers, `AssessError` and `PlanningError`, say their cause: `error` reaches it through
    /// `source()`.)
    fn known(&self, e: &(dyn std::error::Error + 'static)) -> Option<String> {
        use crate::{ad, check, engine, entra, pilot, plan, profile, syncserver};
        let any = e;
        if let Some(e) = any.downcast_ref::<ad::AdError>() {
            return Some(self.ad_error(e));
        }
        if let Some(e) = any.downcast_ref::<check::CheckError>() {
            return Some(self.check_error(e));
        }
        if let Some(e) = any.downcast_ref::<plan::PlanError>() {
            return Some(self.plan_error(e));
        }
        if let Some(e) = any.downcast_ref::<plan::validate::PlanFileError>() {
            return Some(self.plan_file_error(e));
        }
        if let Some(e) = any.downcast_ref::<engine::baseline::BaselineJobError>() {
            return Some(self.baseline_job_error(e));
        }
        if let Some(e) = any.downcast_ref::<check::baseline::BaselineError>() {
            return Some(self.baseline_error(e));
        }
        if let Some(e) = any.downcast_ref::<plan::backup::BackupError>() {
            return Some(self.backup_error(e));
        }
        if let Some(e) = any.downcast_ref::<plan::apply::ApplyError>() {
            return Some(self.apply_error(e));
        }
        if let Some(e) = any.downcast_ref::<profile::ProfileError>() {
            return Some(self.profile_error(e));
        }
        if let Some(e) = any.downcast_ref::<pilot::PilotError>() {
            return Some(self.pilot_error(e));
        }
        if let Some(e) = any.downcast_ref::<entra::AuthError>() {
            return Some(self.auth_error(e));
        }
        if let Some(e) = any.downcast_ref::<entra::GraphError>() {
            return Some(self.graph_error(e));
        }
        if let Some(e) = any.downcast_ref::<entra::facts::ReadError>() {
            return Some(self.read_error(e));
        }
        if let Some(e) = any.downcast_ref::<entra::EndpointError>() {
            return Some(self.endpoint_error(e));
        }
        if let Some(e) = any.downcast_ref::<syncserver::PsError>() {
            return Some(self.ps_error(e));
        }
        if let Some(e) = any.downcast_ref::<engine::write::ConnectorRefusal>() {
            return Some(self.connector_refusal(e));
        }
        if let Some(e) = any.downcast_ref::<engine::write::FileMismatch>() {
            return Some(self.file_mismatch(e));
        }
        if let Some(e) = any.downcast_ref::<plan::reconcile::NotPlannedNow>() {
            return Some(self.not_planned_now(e));
        }
        if let Some(e) = any.downcast_ref::<engine::write::manifest::ManifestError>() {
            return Some(self.manifest_error(e));
        }
        if let Some(e) = any.downcast_ref::<crate::seal::KeyError>() {
            return Some(self.key_error(e));
        }
        None
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

/// For the families' tests: each error said whole in every language and face, the wizard's
/// words without a flag, and German words that are not the English ones.
#[cfg(test)]
pub(crate) fn assert_said_whole(e: &(dyn std::error::Error + 'static)) {
    use crate::words::Face;
    let english = Words::english(Face::Wizard).error(e);
    for lang in crate::words::LANGUAGES {
        for face in [Face::Cli, Face::Wizard] {
            let w = Words::for_lang(Some(lang), face);
            let said = w
                .known(e)
                .unwrap_or_else(|| panic!("not an engine error: {e:?}"));
            assert!(
                !said.contains("{$") && !said.contains("No localization") && !said.is_empty(),
                "{lang} {face:?}: {said}"
            );
            if face == Face::Wizard {
                assert!(!said.contains("--"), "{lang}: {said}");
            }
            if *lang != "en-US" && face == Face::Wizard {
                assert_ne!(said, english, "{lang} says it in English: {said}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ad::AdError;
    use crate::check::CheckError;
    use crate::words::Face;

    #[test]
    fn the_engines_wrappers_are_said_by_their_cause_in_the_faces_words() {
        use crate::engine::{AssessError, PlanningError};
        let de = Words::for_lang(Some("de-DE"), Face::Wizard);
        let cause = crate::plan::PlanError::NoConnector;
        let wrapped = PlanningError::Plan(cause.clone());
        assert_eq!(de.error(&wrapped), de.plan_error(&cause));
        let refused = AdError::Refused {
            server: "dc".into(),
        };
        let twice = PlanningError::Assess(AssessError::Directory(refused.clone()));
        assert_eq!(de.error(&twice), de.ad_error(&refused));
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
