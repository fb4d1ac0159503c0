//! Random DACL set-ups: the generator, the rounds, and each disagreement with the DC shrunk to
//! a one-line regression case.

use super::*;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// One of `items` by weight.
    fn pick<T: Clone>(&mut self, items: &[(u32, T)]) -> T {
        let total: u32 = items.iter().map(|(w, _)| w).sum();
        let mut r = (self.next() % u64::from(total)) as u32;
        for (w, t) in items {
            if r < *w {
                return t.clone();
            }
            r -= w;
        }
        items[0].1.clone()
    }
}

/// The SIDs an ACE may be for.
struct Trustees {
    connector: Sid,
    sync: Sid,
    nested: Sid,
    decoy: Sid,
    domain: Sid,
}

fn random_ace(rng: &mut Rng, t: &Trustees, on_user: bool) -> Ace {
    let wk = |s: &str| -> Sid { s.parse().unwrap() };
    let sid = rng.pick(&[
        (20, t.connector.clone()),
        (10, t.sync.clone()),
        (10, t.nested.clone()),
        (8, t.domain.with_rid(513).unwrap()),
        (8, wk("S-1-1-0")),
        (8, wk("S-1-5-11")),
        (4, wk("S-1-5-2")),
        (6, wk("S-1-5-32-554")),
        (4, wk("S-1-5-32-545")),
        (3, wk("S-1-5-15")),
        (4, wk("S-1-5-10")),
        (9, t.decoy.clone()),
    ]);
    let deny = rng.chance(35);
    // Denies never take read access away: the test (as the admin) must still read every user.
    let deny_mask = AccessMask(rng.pick(&[
        (35, 0x100u32),
        (35, 0x20),
        (15, 0x120),
        (10, 0x4000_0000),
        (5, 0x0004_0000),
    ]));
    let mask = AccessMask(rng.pick(&[
        (30, 0x100u32),
        (30, 0x20),
        (10, 0x120),
        (6, 0x1000_0000),
        (6, 0x4000_0000),
        (5, 0x10),
        (5, 0x0004_0000),
        (5, 0x30),
        (3, 0x000F_01FF),
    ]));
    let guid = |s: &str| -> Guid { s.parse().unwrap() };
    let object: Option<Guid> = rng.pick(&[
        (25, None),
        (20, Some(RESET_PASSWORD)),
        (15, Some(ATTR_PWD_LAST_SET)),
        (12, Some(ATTR_LOCKOUT_TIME)),
        (8, Some(guid(common::regression::UAR))),
        (5, Some(CLASS_USER)),
        (3, Some(CLASS_INET_ORG_PERSON)),
        (2, Some(UNEXPIRE_PASSWORD)),
        (3, Some(CHANGE_PASSWORD)),
        (7, Some(guid("bf967950-0de6-11d0-a285-00aa003049e2"))),
    ]);
    let computer = guid("bf967a86-0de6-11d0-a285-00aa003049e2");
    let inherited: Option<Guid> = rng.pick(&[
        (40, None),
        (30, Some(CLASS_USER)),
        (15, Some(CLASS_INET_ORG_PERSON)),
        (15, Some(computer)),
    ]);
    let f = |bits: u8| AceFlags(bits);
    let flags = if on_user {
        rng.pick(&[(60, f(0)), (20, f(0x02)), (5, f(0x08)), (15, f(0x0A))])
    } else {
        rng.pick(&[
            (35, f(0x02)),
            (35, f(0x0A)),
            (10, f(0x06)),
            (10, f(0x0E)),
            (5, f(0)),
            (5, f(0x01)),
        ])
    };
    if deny {
        Ace::deny(flags, deny_mask, sid, object, inherited)
    } else {
        Ace::allow(flags, mask, sid, object, inherited)
    }
}

/// Adds `n` random explicit ACEs at random places among the explicit ones (any order), and
/// sometimes disables inheritance (keeping the inherited ACEs as explicit ones, or not).
fn scramble(
    rng: &mut Rng,
    sd: &SecurityDescriptor,
    t: &Trustees,
    on_user: bool,
    n: usize,
    protect: bool,
) -> SecurityDescriptor {
    let mut sd = sd.clone();
    let acl = sd.dacl.acl_mut().unwrap();
    if protect {
        let keep = rng.chance(60);
        acl.aces.retain(|a| keep || !a.is_inherited());
        for a in &mut acl.aces {
            a.flags = a.flags.without(AceFlags::INHERITED);
        }
        sd.set_control(Control::DACL_PROTECTED, true);
    }
    let acl = sd.dacl.acl_mut().unwrap();
    for _ in 0..n {
        let explicit = acl.aces.iter().filter(|a| !a.is_inherited()).count();
        let at = rng.below(explicit + 1);
        acl.aces.insert(at, random_ace(rng, t, on_user));
    }
    acl.raise_revision_if_needed();
    sd
}

/// Rounds per run (each a new world and new random DACLs): `WW_DIFF_ROUNDS`, default 3.
fn rounds() -> u64 {
    std::env::var("WW_DIFF_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
}

#[tokio::test]
async fn engine_verdicts_agree_with_the_dc_on_random_dacls() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let base: u64 = std::env::var("WW_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let started = Instant::now();
    let world = build_world(&mut lab.admin().await, &lab).await;
    let mut total = 0;
    for round in 0..rounds() {
        let seed = base.wrapping_add(round);
        total += one_round(&lab, &world, seed).await;
    }
    if std::env::var("WW_DIFF_KEEP").is_err() {
        delete_tree(&mut lab.admin().await, &world.base).await;
    }
    eprintln!(
        "differential: {} round(s) from seed {base}, {total} attempts in {:.1} s, 0 disagreements",
        rounds(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        total >= 1200,
        "the budget: at least 300 users × 4 operations"
    );
}

/// One world, one seed: returns the number of attempts; panics with the disagreements.
async fn one_round(lab: &Lab, world: &World, seed: u64) -> usize {
    let started = Instant::now();
    eprintln!("differential: seed {seed} (rerun with WW_DIFF_SEED={seed} WW_DIFF_ROUNDS=1)");
    let mut rng = Rng(seed);
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let msol_dn = lab.var("LAB_MSOL_DN").to_string();
    let sync_dn = lab.var("LAB_SYNC_GROUP_DN").to_string();
    let original_root = admin
        .read_security_descriptor(&root, controls::DACL)
        .await
        .unwrap()
        .unwrap();

    reset(&mut admin, world).await;
    let trustees = Trustees {
        connector: lab.var("LAB_MSOL_SID").parse().unwrap(),
        sync: lab.var("LAB_SYNC_GROUP_SID").parse().unwrap(),
        nested: lab.var("LAB_DELEGATES_GROUP_SID").parse().unwrap(),
        decoy: sid_of(&mut admin, &world.decoy).await,
        domain: lab.var("LAB_DOMAIN_SID").parse().unwrap(),
    };
    let names = Names {
        domain: trustees.domain.to_string(),
        connector: trustees.connector.to_string(),
        sync: trustees.sync.to_string(),
        nested: trustees.nested.to_string(),
        decoy: trustees.decoy.to_string(),
    };
    // The connector's primary group becomes SyncAccounts for the run (it stays a member).
    let sync_rid = trustees.sync.rid().unwrap();
    let primary = if rng.chance(50) {
        set_primary_group(&mut admin, &msol_dn, sync_rid)
            .await
            .map(|_| sync_rid)
    } else {
        Ok(513)
    };
    // The domain root sometimes denies the connector (or a group it is in) Unexpire Password.
    let unexpire_deny = rng.pick(&[
        (70, None),
        (15, Some(trustees.connector.clone())),
        (15, Some(trustees.nested.clone())),
    ]);
    if let Some(who) = &unexpire_deny {
        let mut sd = original_root.sd.clone();
        sd.dacl.acl_mut().unwrap().aces.insert(
            0,
            Ace::deny(
                AceFlags(0),
                AccessMask::CONTROL_ACCESS,
                who.clone(),
                Some(UNEXPIRE_PASSWORD),
                None,
            ),
        );
        admin.write_dacl(&root, &sd).await.unwrap();
    }

    // Random DACLs: containers outermost first (their children follow), then users.
    for (dn, _) in &world.containers {
        let sd = dacl_of(&mut admin, dn).await;
        let n = rng.below(4);
        let protect = dn != &world.base && rng.chance(15);
        if n > 0 || protect {
            let new = scramble(&mut rng, &sd, &trustees, false, n, protect);
            admin
                .write_dacl(dn, &new)
                .await
                .unwrap_or_else(|e| panic!("{dn}: {e}"));
        }
    }
    for (dn, _) in &world.users {
        let explicit = rng.chance(30);
        let protect = rng.chance(10);
        if explicit || protect {
            let sd = dacl_of(&mut admin, dn).await;
            let n = if explicit { 1 + rng.below(3) } else { 0 };
            let new = scramble(&mut rng, &sd, &trustees, true, n, protect);
            admin
                .write_dacl(dn, &new)
                .await
                .unwrap_or_else(|e| panic!("{dn}: {e}"));
        }
    }
    let built = started.elapsed();

    // The engine, through the real check (scoped to the world, the connector named).
    let opts = CheckOptions {
        scopes: vec![world.base.clone()],
        connector: Some(msol_dn.clone()),
        page_size: 200,
        sync_rules: None,
    };
    let facts = check::gather(&mut admin, &opts).await.unwrap();
    let mut judged: BTreeMap<String, [bool; 4]> = BTreeMap::new();
    let scan = check::scan::scan_users_inspected(
        &mut admin,
        &facts,
        200,
        check::Keep::Blocked,
        |_| {},
        |judge, user| {
            if let Some(ops) = judge.operations(user) {
                judged.insert(
                    user.dn.to_ascii_lowercase(),
                    [
                        ops.reset,
                        ops.pwd_last_set_zero,
                        ops.pwd_last_set_unexpire,
                        ops.lockout_time,
                    ],
                );
            }
        },
    )
    .await
    .unwrap();
    let connector = facts.connector.as_ref().unwrap();
    let unexpire = facts.unexpire_allowed();

    // The DC: the connector tries every operation on every user.
    let mut msol = lab.connector().await;
    let mut disagreements: Vec<String> = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut attempts = 0usize;
    let mut allowed_seen = [0usize; 4];
    for (dn, class) in &world.users {
        let mut real = [false; 4];
        for (k, op) in OPS.into_iter().enumerate() {
            let pw = writeback_wizard::plan::verify::random_password().unwrap();
            real[k] = common::attempt(&mut msol, &mut admin, dn, op, &pw)
                .await
                .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            attempts += 1;
            allowed_seen[k] += usize::from(real[k]);
        }
        let engine = judged.get(&dn.to_ascii_lowercase()).copied();
        // The engine's inheritance: the user's explicit ACEs and what its parent passes on.
        let sd = dacl_of(&mut admin, dn).await;
        let class_guid = if *class == "inetOrgPerson" {
            CLASS_INET_ORG_PERSON
        } else {
            CLASS_USER
        };
        let recomputed = {
            let mut aces: Vec<Ace> = sd
                .dacl
                .acl()
                .unwrap()
                .aces
                .iter()
                .filter(|a| !a.is_inherited())
                .cloned()
                .collect();
            if !sd.dacl_protected() {
                let parent = dn.split_once(',').unwrap().1;
                aces.extend(inherited_aces(
                    &dacl_of(&mut admin, parent).await.dacl,
                    class_guid,
                ));
            }
            AclSlot::Present(Acl::new(aces))
        };
        let target = Target {
            class: class_guid,
            object_sid: Some(sid_of(&mut admin, dn).await),
        };
        let simulated = engine_ops(
            facts.rules,
            &recomputed,
            &target,
            &connector.token,
            &facts.property_sets,
            unexpire,
        );
        let blocked_by_rights = scan.blocked.iter().any(|b| {
            b.dn.eq_ignore_ascii_case(dn)
                && b.reasons
                    .iter()
                    .any(|r| r.id != "min-password-age" && r.id != "pso-min-password-age")
        });
        let mut bad = Vec::new();
        if engine != Some(real) {
            bad.push(format!("scan {engine:?}"));
        }
        if simulated != real {
            bad.push(format!("inheritance {simulated:?}"));
        }
        if blocked_by_rights != real.contains(&false) {
            bad.push(format!("verdict blocked={blocked_by_rights}"));
        }
        if !bad.is_empty() {
            disagreements.push(format!(
                "{dn} ({class}): DC {real:?} [reset, pls=0, pls=-1, lockout]; engine {}",
                bad.join(", ")
            ));
            for (k, r) in Right::ALL.into_iter().enumerate() {
                let idx = [0, 1, 3][k];
                let e = engine.map(|e| e[idx]);
                if e != Some(real[idx]) {
                    let dacl =
                        sddl::format(&sd, &writeback_wizard::sd::DomainContext::default()).unwrap();
                    cases.push(Case {
                        rules: facts.rules,
                        class: class.to_string(),
                        asked: Asked::Right(r),
                        token: connector
                            .token
                            .sids()
                            .map(|s| names.name_of(&s.to_string()))
                            .collect(),
                        dacl: names.abstract_sddl(&dacl),
                        allowed: real[idx],
                    });
                }
            }
        }
    }
    let tried = started.elapsed();

    // Shrink each case on the DC: the user's DACL as an explicit, protected one, then drop ACEs
    // one at a time while the DC still answers the same and the engine still disagrees.
    let mut shrunk: Vec<String> = Vec::new();
    for case in cases.iter().take(5) {
        shrunk.push(shrink(&mut admin, &mut msol, world, &names, case).await);
    }

    // Put the lab back.
    if primary == Ok(sync_rid) {
        set_primary_group(&mut admin, &msol_dn, 513).await.unwrap();
        let members = admin
            .read(&sync_dn, &["member"], vec![])
            .await
            .unwrap()
            .unwrap()
            .texts("member");
        if !members.iter().any(|m| m.eq_ignore_ascii_case(&msol_dn)) {
            let mut with: Vec<Vec<u8>> = members.iter().map(|m| m.as_bytes().to_vec()).collect();
            with.push(msol_dn.as_bytes().to_vec());
            admin
                .replace(&sync_dn, "member", with, vec![])
                .await
                .unwrap();
        }
    }
    if unexpire_deny.is_some() {
        let mut restore = original_root.sd.clone();
        restore.set_layout(original_root.sd.layout());
        admin.write_dacl(&root, &restore).await.unwrap();
    }
    eprintln!(
        "differential: seed {seed}: {} users × 4 = {attempts} attempts, allowed per operation {allowed_seen:?}, primary group {primary:?}, Unexpire denied: {}; reset and random DACLs {:.1} s, judged and tried {:.1} s, {} disagreement(s)",
        world.users.len(),
        unexpire_deny.is_some(),
        built.as_secs_f64(),
        (tried - built).as_secs_f64(),
        disagreements.len()
    );
    for (k, n) in allowed_seen.iter().enumerate() {
        if k == 2 && unexpire_deny.is_some() {
            continue;
        }
        assert!(
            *n > 0 && *n < world.users.len(),
            "seed {seed}: the set-ups must give both answers for every operation: {allowed_seen:?}"
        );
    }
    assert!(
        disagreements.is_empty(),
        "seed {seed}: the engine disagrees with the DC on {} user(s):\n{}\n\nshrunk cases for tests/data/access/regressions.txt:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        shrunk.join("\n")
    );
    attempts
}

async fn shrink(
    admin: &mut Connection,
    msol: &mut Connection,
    world: &World,
    names: &Names,
    case: &Case,
) -> String {
    let dn = throwaway(admin, &world.base, &case.class).await;
    // Protected and explicit: the same ACEs in the same order decide the same way.
    let mut current = case.clone();
    let ctx = writeback_wizard::sd::DomainContext::default();
    let mut sd = case.descriptor(names);
    for a in &mut sd.dacl.acl_mut().unwrap().aces {
        a.flags = a.flags.without(AceFlags::INHERITED);
    }
    sd.set_control(Control::DACL_PROTECTED, true);
    current.dacl = names.abstract_sddl(&sddl::format(&sd, &ctx).unwrap());
    let holds = |c: &Case, dc: bool| dc == case.allowed && c.engine(names) != dc;
    match dc_answer(admin, msol, &dn, names, &current).await {
        Ok(dc) if holds(&current, dc) => {}
        other => {
            let _ = admin.delete(&dn).await;
            return format!(
                "# not reproducible on a protected copy ({other:?}): {}",
                case.line()
            );
        }
    }
    let mut i = 0;
    loop {
        let aces = current.descriptor(names).dacl.acl().unwrap().aces.clone();
        if i >= aces.len() {
            break;
        }
        let mut smaller = current.descriptor(names);
        smaller.dacl.acl_mut().unwrap().aces.remove(i);
        let mut c = current.clone();
        c.dacl = names.abstract_sddl(&sddl::format(&smaller, &ctx).unwrap());
        match dc_answer(admin, msol, &dn, names, &c).await {
            Ok(dc) if holds(&c, dc) => current = c,
            _ => i += 1,
        }
    }
    let _ = admin.delete(&dn).await;
    current.line()
}
