//! The wizard's words: Fluent files under `i18n/`, embedded in the binary. `t!` checks every id
//! against `i18n/en-US` at compile time; a test checks that every language has the same ids.
//! The engine keeps English (logs, the CLI); findings are translated here by id.

use std::sync::LazyLock;

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;

use crate::check::Finding;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The loader every `t!` goes through.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The fallback language is embedded at compile time; a failure here is a build defect,
    // and the wizard then shows ids instead of words rather than stopping.
    if let Err(e) = loader.load_fallback_language(&Localizations) {
        tracing::error!("the built-in English texts could not be loaded: {e}");
    }
    loader.set_use_isolating(false);
    loader
});

/// A translated string: `t!("id")` or `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($($args:tt)*) => {
        i18n_embed_fl::fl!($crate::gui::i18n::LOADER, $($args)*)
    };
}

/// The languages the wizard has.
pub const LANGUAGES: &[&str] = &["en-US", "de-DE"];

/// Selects `requested` (e.g. `de-DE`, `de`), or the system's languages when `None`. Returns the
/// language in use.
pub fn select(requested: Option<&str>) -> String {
    let wanted: Vec<i18n_embed::unic_langid::LanguageIdentifier> = match requested {
        Some(r) => r.parse().into_iter().collect(),
        None => DesktopLanguageRequester::requested_languages(),
    };
    if let Err(e) = i18n_embed::select(&*LOADER, &Localizations, &wanted) {
        tracing::warn!("language selection failed, using English: {e}");
    }
    // Loading a language makes new bundles; they must not wrap arguments in direction marks
    // either (they would show as boxes with some fonts and break text matching).
    LOADER.set_use_isolating(false);
    LOADER.current_language().to_string()
}

/// A count as a Fluent number (so plural forms apply).
pub fn n(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// A message by id, looked up at run time (for ids made from data, such as finding ids).
pub fn dynamic(id: &str) -> Option<String> {
    LOADER.has(id).then(|| LOADER.get(id))
}

/// A finding's one-line title in the wizard's language (the engine's English when the
/// language has no text for it).
pub fn finding_title(f: &Finding) -> String {
    dynamic(&format!("finding-{}", f.id)).unwrap_or_else(|| f.title.clone())
}

/// What to do about a finding, in the wizard's language, then the engine's specific fix.
pub fn finding_fix(f: &Finding) -> String {
    dynamic(&format!("finding-{}-fix", f.id)).unwrap_or_else(|| f.fix.clone())
}

/// The ids of a Fluent file (messages only, not terms or attributes).
pub fn ids_of(ftl: &str) -> std::collections::BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// The embedded Fluent file of `lang`.
pub fn file_of(lang: &str) -> Option<String> {
    Localizations::get(&format!("{lang}/writeback_wizard.ftl"))
        .map(|f| String::from_utf8_lossy(&f.data).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_exactly_the_ids_of_english() {
        let en = ids_of(&file_of("en-US").expect("en-US"));
        assert!(en.len() > 100, "{} ids", en.len());
        for lang in LANGUAGES {
            let other = ids_of(&file_of(lang).unwrap_or_else(|| panic!("{lang} missing")));
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_finding_id_has_a_title_and_a_fix_in_english() {
        let en = ids_of(&file_of("en-US").expect("en-US"));
        for id in crate::check::FindingId::ALL {
            assert!(en.contains(&format!("finding-{id}")), "finding-{id}");
            assert!(
                en.contains(&format!("finding-{id}-fix")),
                "finding-{id}-fix"
            );
        }
    }

    #[test]
    fn german_is_selected_by_tag_and_translates_findings() {
        let lang = select(Some("de-DE"));
        assert_eq!(lang, "de-DE");
        let f = Finding::new(
            crate::check::FindingId::MinPasswordAge,
            crate::check::Severity::Error,
            "DC=x",
        )
        .title("English title");
        let de = finding_title(&f);
        select(Some("en-US"));
        let en = finding_title(&f);
        assert_ne!(de, en, "German and English titles differ");
        assert_ne!(en, "English title", "the GUI has its own text for every id");
    }
}
