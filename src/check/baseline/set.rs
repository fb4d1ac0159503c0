//! Several directories' baselines in one file, for a profile's run: format
//! `writeback-wizard-baselines`, version 1, each baseline sealed on its own (its MAC covers
//! it whole), so an edited entry is refused like an edited single file. The labels are only
//! for the reader: baselines are matched to directories by domain SID.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Baseline, BaselineError, VERSION};
use crate::seal::{KeyError, LocalKey};

/// The set's format name in the file.
pub const SET_FORMAT: &str = "writeback-wizard-baselines";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetFile {
    format: String,
    version: u32,
    directories: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    label: String,
    baseline: serde_json::Value,
}

/// The text of a set of `(label, baseline)`, each baseline sealed with `key`.
pub fn sealed_set<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a Baseline)>,
    key: &LocalKey,
) -> String {
    let directories = items
        .into_iter()
        .map(|(label, b)| Entry {
            label: label.to_string(),
            baseline: serde_json::from_str(&b.sealed(key)).unwrap_or_default(),
        })
        .collect();
    let file = SetFile {
        format: SET_FORMAT.into(),
        version: VERSION,
        directories,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// Reads a baseline file of either kind — one baseline or a set — and authenticates every
/// baseline in it. A set with two baselines of one domain is refused.
pub fn open_any(
    text: &str,
    key: Result<&LocalKey, &KeyError>,
) -> Result<Vec<Baseline>, BaselineError> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
    }
    let head: Head =
        serde_json::from_str(text).map_err(|e| BaselineError::Syntax(e.to_string()))?;
    if head.format != SET_FORMAT {
        return Ok(vec![Baseline::open(text, key)?]);
    }
    #[derive(Deserialize)]
    struct SetHead {
        version: u32,
    }
    let v: SetHead =
        serde_json::from_str(text).map_err(|e| BaselineError::Syntax(e.to_string()))?;
    if v.version != VERSION {
        return Err(BaselineError::Version(v.version));
    }
    let set: SetFile =
        serde_json::from_str(text).map_err(|e| BaselineError::Syntax(e.to_string()))?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(set.directories.len());
    for entry in set.directories {
        let b = Baseline::open(&entry.baseline.to_string(), key)?;
        if !seen.insert(b.domain_sid.to_ascii_uppercase()) {
            return Err(BaselineError::Syntax(format!(
                "two baselines of {}",
                b.domain_dn
            )));
        }
        out.push(b);
    }
    Ok(out)
}

/// The baseline of `now`'s domain among `set`: the one with its domain SID; a lone baseline of
/// another domain is returned so the comparison says whose it is.
pub fn pick<'a>(set: &'a [Baseline], now: &Baseline) -> Result<&'a Baseline, BaselineError> {
    if let Some(b) = set
        .iter()
        .find(|b| b.domain_sid.eq_ignore_ascii_case(&now.domain_sid))
    {
        return Ok(b);
    }
    match set {
        [only] => Ok(only),
        _ => Err(BaselineError::NotInSet {
            now: now.domain_dn.clone(),
        }),
    }
}
