//! Findings in words: the sentences of a finding (`finding-<text>`, `-detail`, `-fix`, and
//! `-fix-cli` where the command line says it differently) with its values, in one language.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent::{FluentArgs, FluentValue};
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};

use super::{LOADER, Localizations};
use crate::check::finding::{Arg, Finding};
use crate::check::{Group, Right, Severity};
use crate::explain::predict::Prediction;

/// Who reads: the command line (its fixes name flags) or the wizard (its fixes say what to
/// click; never a flag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Cli,
    Wizard,
}

/// The sentences of one language, for one face.
#[derive(Clone, Copy)]
pub struct Words {
    loader: &'static FluentLanguageLoader,
    pub face: Face,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("lang", &self.lang())
            .field("face", &self.face)
            .finish()
    }
}

/// One loader per language, made once and kept for the life of the process.
fn loader_for(lang: &str) -> &'static FluentLanguageLoader {
    static LOADERS: OnceLock<Mutex<HashMap<String, &'static FluentLanguageLoader>>> =
        OnceLock::new();
    let map = LOADERS.get_or_init(Default::default);
    let mut map = match map.lock() {
        Ok(m) => m,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(l) = map.get(lang) {
        return l;
    }
    let loader: FluentLanguageLoader = fluent_language_loader!();
    if let Err(e) = loader.load_fallback_language(&Localizations) {
        tracing::error!("the built-in English texts could not be loaded: {e}");
    }
    let wanted: Vec<i18n_embed::unic_langid::LanguageIdentifier> =
        lang.parse().into_iter().collect();
    if let Err(e) = i18n_embed::select(&loader, &Localizations, &wanted) {
        tracing::warn!("language {lang} could not be selected, using English: {e}");
    }
    loader.set_use_isolating(false);
    let leaked: &'static FluentLanguageLoader = Box::leak(Box::new(loader));
    map.insert(lang.to_string(), leaked);
    leaked
}

impl Words {
    /// English.
    pub fn english(face: Face) -> Words {
        Words {
            loader: loader_for("en-US"),
            face,
        }
    }

    /// `lang` (`de-DE`, `de`), or the system's language when `None`; English when neither is
    /// available.
    pub fn for_lang(lang: Option<&str>, face: Face) -> Words {
        let lang = match lang {
            Some(l) => l.to_string(),
            None => super::system_language(),
        };
        Words {
            loader: loader_for(&lang),
            face,
        }
    }

    /// The wizard's current language (the one `t!` uses).
    pub fn current(face: Face) -> Words {
        Words {
            loader: &LOADER,
            face,
        }
    }

    /// The language in use (`en-US`, `de-DE`).
    pub fn lang(&self) -> String {
        self.loader.current_language().to_string()
    }

    /// The id this face says `id` with: `id-cli` on the command line where the language has
    /// one (its sentences name flags), else `id`.
    fn for_face(&self, id: &str) -> String {
        if self.face == Face::Cli {
            let cli = format!("{id}-cli");
            if self.loader.has(&cli) {
                return cli;
            }
        }
        id.to_string()
    }

    /// A message without values, as this face says it.
    pub fn get(&self, id: &str) -> String {
        self.loader.get(&self.for_face(id))
    }

    /// Whether the language has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.loader.has(id)
    }

    /// A message with values, as this face says it.
    pub fn get_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(k.to_string(), v.clone());
        }
        self.loader.get_args_fluent(&self.for_face(id), Some(&fa))
    }

    /// A count in the language's words for `unit` (`day`, `hour`, `minute`, `user`).
    pub(crate) fn count(&self, unit: &str, n: u64) -> String {
        self.get_with(
            &format!("words-{unit}"),
            &[("n", FluentValue::from(n as f64))],
        )
    }

    /// An AD interval in days, hours and minutes ("1 day 6 hours").
    pub fn interval(&self, ticks: i64) -> String {
        let secs = ticks.unsigned_abs() / 10_000_000;
        let (days, hours, mins) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
        let parts: Vec<String> = [("day", days), ("hour", hours), ("minute", mins)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(u, n)| self.count(u, n))
            .collect();
        if parts.is_empty() {
            self.get("words-under-a-minute")
        } else {
            parts.join(" ")
        }
    }

    /// A writeback right as Active Directory Users and Computers names it in this language.
    pub fn right(&self, r: Right) -> String {
        self.get(&format!(
            "right-{}",
            r.id().as_str().trim_start_matches("right-")
        ))
    }

    /// "Reset Password (user, inetOrgPerson), write pwdLastSet (user)".
    pub fn rights(&self, rights: &[(Right, Vec<String>)]) -> String {
        rights
            .iter()
            .map(|(r, classes)| {
                if classes.is_empty() {
                    self.right(*r)
                } else {
                    format!("{} ({})", self.right(*r), classes.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A group's heading.
    pub fn group(&self, g: Group) -> String {
        self.get(&format!("group-{}", g.key()))
    }

    /// "error", "warning", "info" in this language.
    pub fn severity(&self, s: Severity) -> String {
        self.get(match s {
            Severity::Error => "severity-error",
            Severity::Warning => "severity-warning",
            Severity::Info => "severity-info",
        })
    }

    fn value(&self, a: &Arg) -> FluentValue<'static> {
        match a {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n as f64),
            Arg::Interval(t) => FluentValue::from(self.interval(*t)),
            Arg::Rights(r) => FluentValue::from(self.rights(r)),
            Arg::List(v) => FluentValue::from(v.join(", ")),
            Arg::Connector(Some(n)) => FluentValue::from(n.clone()),
            Arg::Connector(None) => FluentValue::from(self.get("words-the-connector")),
            Arg::PowerShell(e) => FluentValue::from(self.ps_error(e)),
            Arg::Unread(reads) => FluentValue::from(
                reads
                    .iter()
                    .map(|(what, e)| format!("{what}: {}", self.read_error(e)))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    fn say(&self, f: &Finding, id: &str) -> String {
        let args: Vec<(&str, FluentValue<'static>)> =
            f.args.iter().map(|(k, v)| (*k, self.value(v))).collect();
        self.get_with(id, &args)
    }

    /// The finding's one-line title.
    pub fn title(&self, f: &Finding) -> String {
        self.say(f, &format!("finding-{}", f.sentences()))
    }

    /// What it means (empty when there is nothing to add to the title).
    pub fn detail(&self, f: &Finding) -> String {
        let id = format!("finding-{}-detail", f.sentences());
        if self.has(&id) {
            self.say(f, &id)
        } else {
            String::new()
        }
    }

    /// What to do about it: for the command line its own sentence where it names flags.
    pub fn fix(&self, f: &Finding) -> String {
        let id = format!("finding-{}-fix", f.sentences());
        if self.has(&id) {
            self.say(f, &id)
        } else {
            String::new()
        }
    }
}

impl Words {
    /// "ready for 11 of 13 users (2 protected administrators excluded by design, 0 blocked)".
    pub fn readiness(&self, r: &crate::check::Readiness) -> String {
        let n = |v: usize| FluentValue::from(v as f64);
        self.get_with(
            "report-readiness",
            &[
                ("ready", n(r.ready)),
                ("users", n(r.in_scope)),
                ("excluded", n(r.excluded)),
                ("blocked", n(r.blocked)),
            ],
        )
    }

    /// The scan's progress: "12 000 of 100 009 users scanned, 4 100 a second, about 22 s left"
    /// (what is known of it).
    pub fn pace(&self, r: &crate::check::pace::PaceReading) -> String {
        let n = |v: usize| FluentValue::from(v as f64);
        let scanned = ("scanned", n(r.scanned));
        match (r.per_second, r.expected, r.left) {
            (Some(rate), Some(expected), Some(left)) => self.get_with(
                "scan-pace-eta",
                &[
                    scanned,
                    ("expected", n(expected.max(r.scanned))),
                    ("rate", n(rate.round() as usize)),
                    ("left", FluentValue::from(self.duration(left))),
                ],
            ),
            (Some(rate), _, _) => self.get_with(
                "scan-pace-rate",
                &[scanned, ("rate", n(rate.round() as usize))],
            ),
            _ => self.get_with("scan-pace", &[scanned]),
        }
    }

    /// "3 min 10 s", "22 s".
    fn duration(&self, d: std::time::Duration) -> String {
        let secs = d.as_secs();
        let n = |v: u64| FluentValue::from(v as f64);
        if secs >= 60 {
            self.get_with(
                "duration-minutes",
                &[("minutes", n(secs / 60)), ("seconds", n(secs % 60))],
            )
        } else {
            self.get_with("duration-seconds", &[("seconds", n(secs))])
        }
    }

    /// Why a user is blocked: "right-denied at OU=…; inheritance-disabled on this user".
    pub fn reasons(&self, b: crate::check::BlockedRef<'_>) -> String {
        b.reasons
            .iter()
            .map(|r| {
                let id = FluentValue::from(r.id.as_str());
                if r.object.eq_ignore_ascii_case(b.dn) {
                    self.get_with("report-reason-here", &[("id", id)])
                } else {
                    self.get_with(
                        "report-reason-at",
                        &[
                            ("id", id),
                            ("object", FluentValue::from(r.object.to_string())),
                        ],
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A predicted error as a table cell: "event 33004 · SSPR_0029", or that it cannot be
    /// foretold.
    pub fn predicted_cell(&self, p: Option<Prediction>) -> String {
        match p {
            None => self.get("predict-none"),
            Some(p) => self.get_with(
                "predict-cell",
                &[
                    (
                        "event",
                        FluentValue::from(p.event.map_or("—".to_string(), |e| e.to_string())),
                    ),
                    (
                        "portal",
                        FluentValue::from(self.get(&format!("predict-short-{}", p.portal.key()))),
                    ),
                ],
            ),
        }
    }

    /// What the portal shows, in full.
    pub fn predicted_portal(&self, p: Prediction) -> String {
        self.get(&format!("predict-portal-{}", p.portal.key()))
    }

    /// Where the admin sees it: the sync server's event, or that the portal stops first.
    pub fn predicted_event(&self, p: Prediction) -> String {
        match p.event {
            // As a string: a number would be grouped ("33.004") in some languages.
            Some(e) => self.get_with(
                "predict-event",
                &[("event", FluentValue::from(e.to_string()))],
            ),
            None => self.get("predict-no-event"),
        }
    }

    /// A sync engine's name.
    pub fn engine(&self, e: crate::ad::connector::Engine) -> String {
        self.get(match e {
            crate::ad::connector::Engine::ConnectSync => "report-engine-connect-sync",
            crate::ad::connector::Engine::CloudSync => "report-engine-cloud-sync",
        })
    }

    /// A pilot verdict in words.
    pub fn pilot_verdict(&self, v: Option<crate::pilot::PilotVerdict>) -> String {
        self.get(&format!("report-pilot-{}", crate::pilot::verdict_word(v)))
    }

    /// yes / no / ?.
    pub fn yes_no(&self, v: Option<bool>) -> String {
        match v {
            Some(true) => self.get("report-yes"),
            Some(false) => self.get("report-no"),
            None => "?".into(),
        }
    }
}

impl Words {
    /// The sentences of `f` that do not come out whole in this language: a message missing,
    /// or a value the message names but the finding does not carry. Empty when all is well
    /// (for tests over real findings).
    pub fn faults(&self, f: &Finding) -> Vec<String> {
        [self.title(f), self.detail(f), self.fix(f)]
            .into_iter()
            .filter(|s| s.contains("{$") || s.contains("No localization for id"))
            .collect()
    }
}
