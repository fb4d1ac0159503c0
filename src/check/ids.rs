//! Every finding id the tool can report, in one place: reports, translations and `explain`
//! refer to these, and a test keeps the list honest.

/// All finding ids: the directory check, the cloud checks and the sync server.
pub const ALL: &[&str] = &[
    "connector-not-found",
    "connector-ambiguous",
    "connector-privileged",
    "connector-candidates",
    "right-reset-password",
    "right-write-lockouttime",
    "right-write-pwdlastset",
    "right-denied",
    "right-unexpire-password",
    "right-change-password",
    "inheritance-disabled",
    "admin-protected",
    "admincount-stale",
    "min-password-age",
    "pso-min-password-age",
    "pdc-emulator",
    "policy-hints-unsupported",
    "ldap-transport",
    "samserver-read",
    "pre2000-au",
    "read-incomplete",
    "cloud-license",
    "cloud-role",
    "cloud-federated-admin",
    "cloud-sync-disabled",
    "cloud-sync-stale",
    "cloud-sync-features",
    "sync-not-installed",
    "sync-staging-mode",
    "writeback-disabled",
    "restrict-remote-sam",
    "outbound-blocked",
    "tls12-disabled",
    "pilot-user-blocked",
    "pilot-not-registered",
    "pilot-not-synced",
    "pilot-no-license",
    "pilot-admin",
];

#[cfg(test)]
mod tests {
    /// Every finding id written as a literal in the sources is listed, and every listed id is
    /// used.
    #[test]
    fn the_id_list_matches_the_sources() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = std::collections::BTreeSet::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("check/ids.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("Finding::new(").skip(1) {
                        if let Some(literal) = part.trim_start().strip_prefix('"') {
                            used.insert(literal.split('"').next().unwrap().to_string());
                        }
                    }
                }
            }
        }
        // Ids of causes (check/causes.rs) become findings through checks::cause_findings.
        for id in [
            "right-reset-password",
            "right-write-pwdlastset",
            "right-write-lockouttime",
            "right-denied",
            "inheritance-disabled",
        ] {
            used.insert(id.to_string());
        }
        let listed: std::collections::BTreeSet<String> =
            super::ALL.iter().map(|s| s.to_string()).collect();
        assert_eq!(used, listed);
    }
}
