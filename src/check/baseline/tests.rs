//! The baseline's own tests: sealing, sets, and the drift between two.
use super::*;

fn sample() -> Baseline {
    Baseline {
        format: FORMAT.into(),
        version: VERSION,
        time: "2026-12-07T08:00:00Z".into(),
        domain_dn: "DC=x".into(),
        domain_sid: "S-1-5-21-1-2-3".into(),
        dc: "dc1".into(),
        connector_sid: Some("S-1-5-21-1-2-3-1105".into()),
        connector_groups: vec!["S-1-5-21-1-2-3-513".into()],
        min_pwd_age: Some(0),
        psos: BTreeMap::new(),
        pso_links: None,
        containers: None,
        in_scope: 3,
        ready: 2,
        causes: [("inheritance-disabled@ou=a,dc=x".to_string(), cause(1))].into(),
        blocked: [(
            "CN=a,OU=A,DC=x".to_string(),
            vec!["inheritance-disabled@ou=a,dc=x".to_string()],
        )]
        .into(),
        excluded: BTreeSet::new(),
        protected_members: BTreeSet::new(),
        stamps: [(
            "ou=a,dc=x".to_string(),
            [(
                "nTSecurityDescriptor".to_string(),
                stamp(3, "2026-12-01T10:00:00Z"),
            )]
            .into(),
        )]
        .into(),
        mac: String::new(),
    }
}

fn cause(users: usize) -> CauseState {
    CauseState {
        users,
        evidence: Vec::new(),
    }
}

fn stamp(version: u32, time: &str) -> StampState {
    StampState {
        version,
        time: time.into(),
        dc: "DC2".into(),
    }
}

/// A key of its own for each test (they run side by side).
fn key(test: &str) -> (LocalKey, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("ww-baseline-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let key = LocalKey::at(&dir.join("local.key")).unwrap();
    (key, dir)
}

#[test]
fn a_sealed_baseline_opens_and_any_edit_is_refused() {
    let (key, dir) = key("one");
    let text = sample().sealed(&key);
    assert_eq!(
        Baseline::open(&text, Ok(&key)).unwrap().causes,
        sample().causes
    );
    // One user fewer, a count lowered, a field added, the MAC removed: all refused.
    for forged in [
        text.replace("\"CN=a,OU=A,DC=x\"", "\"CN=b,OU=A,DC=x\""),
        text.replace("\"ready\": 2", "\"ready\": 3"),
        text.replace("\"ready\": 2", "\"ready\": 2, \"note\": 1"),
        {
            let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
            v["mac"] = "".into();
            v.to_string()
        },
    ] {
        assert!(Baseline::open(&forged, Ok(&key)).is_err(), "{forged}");
    }
    // Another machine's key: refused.
    let other = LocalKey::at(&dir.join("other").join("local.key")).unwrap();
    assert!(matches!(
        Baseline::open(&text, Ok(&other)),
        Err(BaselineError::NotSealed)
    ));
    assert!(matches!(
        Baseline::open(&text.replace("\"version\": 1", "\"version\": 2"), Ok(&key)),
        Err(BaselineError::Version(2))
    ));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_set_holds_each_directorys_baseline_sealed_on_its_own() {
    let (key, dir) = key("set");
    let one = sample();
    let mut two = sample();
    two.domain_dn = "DC=y".into();
    two.domain_sid = "S-1-5-21-4-5-6".into();
    let text = sealed_set([("x", &one), ("y", &two)], &key);
    let set = open_any(&text, Ok(&key)).unwrap();
    assert_eq!(set.len(), 2);
    // Found by domain, whatever the order.
    assert_eq!(pick(&set, &two).unwrap().domain_dn, "DC=y");
    assert_eq!(pick(&set, &one).unwrap().domain_dn, "DC=x");
    let mut three = sample();
    three.domain_dn = "DC=z".into();
    three.domain_sid = "S-1-5-21-7-8-9".into();
    assert!(matches!(
        pick(&set, &three),
        Err(BaselineError::NotInSet { now }) if now == "DC=z"
    ));
    // A single baseline opens as a set of one.
    assert_eq!(open_any(&one.sealed(&key), Ok(&key)).unwrap().len(), 1);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // An entry edited, a field added, two of one domain, a newer version: refused.
    let mut edited = v.clone();
    edited["directories"][1]["baseline"]["ready"] = 3.into();
    let mut added = v.clone();
    added["note"] = "trust me".into();
    let mut twice = v.clone();
    twice["directories"][1] = v["directories"][0].clone();
    let mut newer = v.clone();
    newer["version"] = 2.into();
    assert!(matches!(
        open_any(&edited.to_string(), Ok(&key)),
        Err(BaselineError::NotSealed)
    ));
    for forged in [added, twice] {
        assert!(
            matches!(
                open_any(&forged.to_string(), Ok(&key)),
                Err(BaselineError::Syntax(_))
            ),
            "{forged}"
        );
    }
    assert!(matches!(
        open_any(&newer.to_string(), Ok(&key)),
        Err(BaselineError::Version(2))
    ));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn drift_names_new_causes_their_users_and_changed_settings() {
    let then = sample();
    let mut now = sample();
    assert!(compare(&then, &now).unwrap().is_empty());
    now.causes.insert("right-denied@ou=b,dc=x".into(), cause(1));
    // OU=B's descriptor: version 7 then, 8 now, written at DC2.
    now.stamps.insert(
        "ou=b,dc=x".into(),
        [(
            "nTSecurityDescriptor".to_string(),
            stamp(8, "2026-12-07T08:30:00Z"),
        )]
        .into(),
    );
    now.blocked.insert(
        "CN=b,OU=B,DC=x".into(),
        vec!["right-denied@ou=b,dc=x".into()],
    );
    // A user newly blocked by a cause that was already there.
    now.blocked.insert(
        "CN=c,OU=A,DC=x".into(),
        vec!["inheritance-disabled@ou=a,dc=x".into()],
    );
    now.min_pwd_age = Some(-864_000_000_000);
    now.excluded.insert("CN=d,DC=x".into());
    now.protected_members.insert("CN=e,DC=x".into());
    let d = compare(&then, &now).unwrap();
    assert!(d.blocks_users());
    assert_eq!(d.causes_new.get("right-denied@ou=b,dc=x"), Some(&cause(1)));
    // The baseline did not watch OU=B: its change is said with the version now, and the
    // one user it blocked.
    assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
    let c = &d.changes[0];
    assert_eq!(
        (
            c.object.as_str(),
            c.version_then,
            c.version_now,
            c.dc.as_str()
        ),
        ("ou=b,dc=x", None, 8, "DC2")
    );
    assert_eq!((c.blocked_since, c.before_baseline), (1, false));
    assert_eq!(d.newly_blocked.len(), 2);
    assert_eq!(
        d.blocked_by_older_causes,
        ["CN=c,OU=A,DC=x".to_string()].into()
    );
    assert_eq!(d.newly_excluded.len(), 1);
    assert_eq!(d.joined_protected, ["CN=e,DC=x".to_string()].into());
    assert_eq!(
        d.settings,
        vec![(
            "minPwdAge".to_string(),
            "0".to_string(),
            "-864000000000".to_string()
        )]
    );
    // A user blocked then and now, for a new reason too: drift that blocks.
    let mut more = sample();
    more.causes.insert("min-password-age@dc=x".into(), cause(1));
    more.blocked.insert(
        "CN=a,OU=A,DC=x".into(),
        vec![
            "inheritance-disabled@ou=a,dc=x".into(),
            "min-password-age@dc=x".into(),
        ],
    );
    let m = compare(&then, &more).unwrap();
    assert!(m.blocks_users() && m.newly_blocked.is_empty());
    assert_eq!(
        m.more_reasons.get("CN=a,OU=A,DC=x"),
        Some(&vec!["min-password-age@dc=x".to_string()])
    );
    // The other way: a cause gone, a user unblocked, nobody newly blocked.
    // A watched object's version that rose: then → now.
    let mut later = now.clone();
    later.stamps.insert(
        "ou=a,dc=x".into(),
        [(
            "nTSecurityDescriptor".to_string(),
            stamp(4, "2026-12-07T09:00:00Z"),
        )]
        .into(),
    );
    let c = compare(&then, &later).unwrap().changes;
    let a = c.iter().find(|c| c.object == "ou=a,dc=x").unwrap();
    assert_eq!(
        (a.version_then, a.version_now, a.blocked_since),
        (Some(3), 4, 1)
    );
    let back = compare(&now, &then).unwrap();
    assert!(!back.blocks_users() && !back.is_empty());
    assert_eq!(back.unblocked.len(), 2);
    let mut elsewhere = sample();
    elsewhere.domain_sid = "S-1-5-21-9-9-9".into();
    assert!(matches!(
        compare(&then, &elsewhere),
        Err(BaselineError::OtherDomain { .. })
    ));
}
