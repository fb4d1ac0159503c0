//! The access-check regression cases: one line each in `tests/data/access/regressions.txt`,
//! every one a verdict the DC itself gave (the differential test shrinks each disagreement it
//! finds to such a line; a lab test replays every line on the DC, a pure test on the engine).
//!
//! ```text
//! # rules | class | operation | token | DACL (SDDL) | expected
//! samba | user | reset | connector DOMAIN-513 S-1-1-0 | D:P(OA;;CR;{USER};;{connector}) | refused
//! ```
//! Names in braces and the words of the token stand for SIDs and GUIDs of the lab, so a line
//! does not depend on the lab it was found in: `connector`, `sync` (a group the connector is in),
//! `nested` (a group `sync` is in), `decoy` (an account the connector is not), `DOMAIN-<rid>`.

#![allow(dead_code)]

use writeback_wizard::check::right::{PropertySets, Right};
use writeback_wizard::sd::rights::{
    CLASS_DOMAIN_DNS, CLASS_INET_ORG_PERSON, CLASS_USER, UNEXPIRE_PASSWORD,
};
use writeback_wizard::sd::{
    DomainContext, Guid, Request, Rules, SecurityDescriptor, Sid, Token, sddl,
};

/// pwdLastSet's property set, User-Account-Restrictions (the schema of every AD since 2000).
pub const UAR: &str = "4c164200-20c0-11d0-a768-00aa006e0529";

/// The SIDs the names of a line stand for.
#[derive(Clone, Debug)]
pub struct Names {
    pub domain: String,
    pub connector: String,
    pub sync: String,
    pub nested: String,
    pub decoy: String,
}

impl Names {
    /// The fixed names of the pure test.
    pub fn fixed() -> Self {
        Self {
            domain: "S-1-5-21-1-2-3".into(),
            connector: "S-1-5-21-1-2-3-1105".into(),
            sync: "S-1-5-21-1-2-3-1112".into(),
            nested: "S-1-5-21-1-2-3-1113".into(),
            decoy: "S-1-5-21-1-2-3-1200".into(),
        }
    }

    /// Text with names in braces (and DOMAIN-) replaced by SIDs.
    pub fn expand(&self, text: &str) -> String {
        text.replace("{connector}", &self.connector)
            .replace("{sync}", &self.sync)
            .replace("{nested}", &self.nested)
            .replace("{decoy}", &self.decoy)
            .replace("{USER}", &CLASS_USER.to_string())
            .replace("{INETORGPERSON}", &CLASS_INET_ORG_PERSON.to_string())
            .replace("DOMAIN-", &format!("{}-", self.domain))
    }

    /// A SID back to its name, when it has one.
    pub fn name_of(&self, sid: &str) -> String {
        if sid == self.connector {
            "connector".into()
        } else if sid == self.sync {
            "sync".into()
        } else if sid == self.nested {
            "nested".into()
        } else if sid == self.decoy {
            "decoy".into()
        } else if let Some(rid) = sid.strip_prefix(&format!("{}-", self.domain)) {
            format!("DOMAIN-{rid}")
        } else {
            sid.to_string()
        }
    }

    /// SDDL with the lab's SIDs replaced by names.
    pub fn abstract_sddl(&self, text: &str) -> String {
        text.replace(&self.connector, "{connector}")
            .replace(&self.sync, "{sync}")
            .replace(&self.nested, "{nested}")
            .replace(&self.decoy, "{decoy}")
            .replace(&format!("{}-", self.domain), "DOMAIN-")
    }
}

/// What is asked of the DACL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    Right(Right),
    /// Unexpire Password on the domain object.
    Unexpire,
}

impl Asked {
    pub fn word(self) -> &'static str {
        match self {
            Asked::Right(Right::ResetPassword) => "reset",
            Asked::Right(Right::WritePwdLastSet) => "pwdlastset",
            Asked::Right(Right::WriteLockoutTime) => "lockouttime",
            Asked::Unexpire => "unexpire",
        }
    }

    fn parse(w: &str) -> Option<Self> {
        Some(match w {
            "reset" => Asked::Right(Right::ResetPassword),
            "pwdlastset" => Asked::Right(Right::WritePwdLastSet),
            "lockouttime" => Asked::Right(Right::WriteLockoutTime),
            "unexpire" => Asked::Unexpire,
            _ => return None,
        })
    }

    pub fn request(self) -> Request {
        match self {
            Asked::Right(r) => r.request(&PropertySets {
                pwd_last_set: UAR.parse().ok(),
                lockout_time: None,
            }),
            Asked::Unexpire => Request::ControlAccess(UNEXPIRE_PASSWORD),
        }
    }
}

/// One regression line.
#[derive(Clone, Debug)]
pub struct Case {
    pub rules: Rules,
    /// user, inetOrgPerson, or domainDNS (for unexpire).
    pub class: String,
    pub asked: Asked,
    /// Names and SIDs of the token.
    pub token: Vec<String>,
    /// The DACL in SDDL with names.
    pub dacl: String,
    pub allowed: bool,
}

impl Case {
    pub fn class_guid(&self) -> Guid {
        match self.class.as_str() {
            "inetOrgPerson" => CLASS_INET_ORG_PERSON,
            "domainDNS" => CLASS_DOMAIN_DNS,
            _ => CLASS_USER,
        }
    }

    pub fn parse(line: &str) -> Result<Case, String> {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        let [rules, class, op, token, dacl, expect] = f.as_slice() else {
            return Err(format!("6 fields expected: {line}"));
        };
        Ok(Case {
            rules: match *rules {
                "samba" => Rules::Samba,
                "windows" => Rules::Windows,
                r => return Err(format!("rules {r}")),
            },
            class: class.to_string(),
            asked: Asked::parse(op).ok_or_else(|| format!("operation {op}"))?,
            token: token.split_whitespace().map(str::to_string).collect(),
            dacl: dacl.to_string(),
            allowed: match *expect {
                "allowed" => true,
                "refused" => false,
                e => return Err(format!("expected {e}")),
            },
        })
    }

    pub fn line(&self) -> String {
        format!(
            "{} | {} | {} | {} | {} | {}",
            match self.rules {
                Rules::Samba => "samba",
                Rules::Windows => "windows",
            },
            self.class,
            self.asked.word(),
            self.token.join(" "),
            self.dacl,
            if self.allowed { "allowed" } else { "refused" }
        )
    }

    /// The token with the names expanded.
    pub fn token_for(&self, names: &Names) -> Token {
        let sid = |w: &str| -> Sid {
            let w = match w {
                "connector" => names.connector.clone(),
                "sync" => names.sync.clone(),
                "nested" => names.nested.clone(),
                "decoy" => names.decoy.clone(),
                w => names.expand(w),
            };
            w.parse().unwrap_or_else(|e| panic!("SID {w}: {e:?}"))
        };
        let account = sid("connector");
        Token::exact(account, self.token.iter().map(|w| sid(w)))
    }

    pub fn descriptor(&self, names: &Names) -> SecurityDescriptor {
        let ctx = DomainContext::for_domain(names.domain.parse().unwrap());
        sddl::parse(&names.expand(&self.dacl), &ctx)
            .unwrap_or_else(|e| panic!("{}: {e}", self.dacl))
    }

    /// The engine's answer.
    pub fn engine(&self, names: &Names) -> bool {
        let sd = self.descriptor(names);
        writeback_wizard::sd::evaluate_with(
            self.rules,
            &sd.dacl,
            &writeback_wizard::sd::Target {
                class: self.class_guid(),
                object_sid: Some("S-1-5-21-9-9-9-4242".parse().unwrap()),
            },
            &self.token_for(names),
            &self.asked.request(),
        )
        .is_allowed()
    }
}

/// Every case of the data file.
pub fn cases() -> Vec<Case> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/access/regressions.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| Case::parse(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}
