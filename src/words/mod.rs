//! Words belong to the faces: Fluent files under `i18n/`, embedded in the binary, for the
//! wizard, the command line and every report. `t!` (the wizard's current language) checks every
//! id against `i18n/en-US` at compile time; [`Words`] says findings in any language for either
//! face; a test checks that every language has the same ids. The engine carries ids and values,
//! never sentences (its English error texts stay for logs).

mod drift;
mod errors;
mod findings;
mod parts;
mod plan;

pub use findings::{Face, Words};

use std::sync::LazyLock;

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;

use crate::check::Finding;

#[derive(RustEmbed)]
#[folder = "i18n/"]
pub(crate) struct Localizations;

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
        i18n_embed_fl::fl!($crate::words::LOADER, $($args)*)
    };
}

/// The languages the wizard has.
pub const LANGUAGES: &[&str] = &["en-US", "de-DE"];

/// Selects `requested` (e.g. `de-DE`, `de`), or the system's languages when `None`. Returns the
/// language in use.
pub fn select(requested: Option<&str>) -> String {
    let wanted: Vec<i18n_embed::unic_langid::LanguageIdentifier> = match requested {
        Some(r) => r.parse().into_iter().collect(),
        None => system_language().parse().into_iter().collect(),
    };
    if let Err(e) = i18n_embed::select(&*LOADER, &Localizations, &wanted) {
        tracing::warn!("language selection failed, using English: {e}");
    }
    // Loading a language makes new bundles; they must not wrap arguments in direction marks
    // either (they would show as boxes with some fonts and break text matching).
    LOADER.set_use_isolating(false);
    LOADER.current_language().to_string()
}

/// The system's language as a tag (`de-DE`): on Unix from `LC_ALL`, `LC_MESSAGES` or `LANG`
/// (`de_DE.UTF-8`; `C` and `POSIX` are English), elsewhere from the desktop's settings.
pub fn system_language() -> String {
    #[cfg(unix)]
    {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            let Ok(value) = std::env::var(var) else {
                continue;
            };
            let tag = value
                .split(['.', '@'])
                .next()
                .unwrap_or_default()
                .replace('_', "-");
            if tag.is_empty() {
                continue;
            }
            if tag == "C"
                || tag == "POSIX"
                || tag
                    .parse::<i18n_embed::unic_langid::LanguageIdentifier>()
                    .is_err()
            {
                return "en-US".into();
            }
            return tag;
        }
        "en-US".into()
    }
    #[cfg(not(unix))]
    {
        i18n_embed::DesktopLanguageRequester::requested_languages()
            .first()
            .map_or_else(|| "en-US".to_string(), |l| l.to_string())
    }
}

/// A count as a Fluent number (so plural forms apply).
pub fn n(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// A message by id, looked up at run time (for ids made from data, such as finding ids).
pub fn dynamic(id: &str) -> Option<String> {
    LOADER.has(id).then(|| LOADER.get(id))
}

/// A finding's one-line title in the wizard's language.
pub fn finding_title(f: &Finding) -> String {
    Words::current(Face::Wizard).title(f)
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
    /// Every source file of the wizard, with its text.
    fn gui_sources(dir: &std::path::Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("src/gui").flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(gui_sources(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("readable source");
                out.push((path.display().to_string(), text));
            }
        }
        assert!(!out.is_empty());
        out
    }

    use super::*;

    /// A line the parser cannot place (a leftover of a removed message) would be dropped
    /// without a word; here it fails.
    #[test]
    fn every_language_file_parses_without_an_error() {
        for lang in LANGUAGES {
            let text = file_of(lang).unwrap_or_else(|| panic!("{lang} missing"));
            if let Err((_, errors)) = fluent::FluentResource::try_new(text) {
                panic!("{lang}: {errors:?}");
            }
        }
    }

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

    /// Every finding id and every other sentence set a check says under an id (both tables,
    /// so a new one cannot be missed) has its title in every language, and every id its fix.
    #[test]
    fn every_finding_id_and_wording_has_words_in_every_language() {
        for lang in LANGUAGES {
            let ids = ids_of(&file_of(lang).expect("language file"));
            for id in crate::check::FindingId::ALL {
                assert!(
                    ids.contains(&format!("finding-{id}")),
                    "{lang}: finding-{id}"
                );
                assert!(
                    ids.contains(&format!("finding-{id}-fix")),
                    "{lang}: finding-{id}-fix"
                );
            }
            for w in crate::check::Wording::OTHERS {
                let key = w.key().expect("another set has a key");
                assert!(
                    ids.contains(&format!("finding-{key}")),
                    "{lang}: finding-{key}"
                );
            }
        }
    }

    #[test]
    fn only_the_command_line_names_flags() {
        // The wizard never says the command line's own messages.
        for file in gui_sources(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/gui"
        ))) {
            assert!(!file.1.contains("\"cli-"), "{} uses a cli- message", file.0);
        }
        for lang in LANGUAGES {
            let file = file_of(lang).expect("language file");
            let ids = ids_of(&file);
            for id in ids.iter().filter(|i| i.ends_with("-cli")) {
                let face = id.trim_end_matches("-cli");
                assert!(ids.contains(face), "{lang}: {id} has no {face}");
            }
            // Every message the wizard can show (all but the command line's own) is free of
            // flags; the values a sentence names are left out here, only the words count.
            for line in file.lines() {
                let Some((id, text)) = line.split_once('=') else {
                    continue;
                };
                let id = id.trim();
                // `…-cli` variants and the command line's own messages (`cli-…`).
                if !id.starts_with(|c: char| c.is_ascii_alphabetic())
                    || id.ends_with("-cli")
                    || id.starts_with("cli-")
                {
                    continue;
                }
                assert!(!text.contains(" --"), "{lang}: {line}");
            }
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
        .arg(
            "age",
            crate::check::finding::Arg::Interval(-864_000_000_000),
        )
        .arg("value", -864_000_000_000_i64);
        let de = finding_title(&f);
        select(Some("en-US"));
        let en = finding_title(&f);
        assert_eq!(en, "The domain's minimum password age is 1 day, not 0");
        assert!(de.contains("1 Tag"), "{de}");
        assert_ne!(de, en, "German and English titles differ");
        let cli = Words::for_lang(Some("de-DE"), Face::Cli);
        assert!(
            cli.fix(&f).contains("--min-password-age-zero"),
            "{}",
            cli.fix(&f)
        );
        assert!(
            !Words::for_lang(Some("de-DE"), Face::Wizard)
                .fix(&f)
                .contains("--")
        );
    }
}
