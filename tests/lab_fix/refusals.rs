//! Refusals, proved from the DC: plan files and backups edited by a stranger (and re-sealed
//! with the tests' own forger), accounts that must never be the connector, and unprivileged
//! sign-ins write nothing harmful. Each case ends with the DC itself: the account a forged file
//! meant to empower really tries, and fails.

use super::*;
use common::forge;
use writeback_wizard::plan::backup::Backup;
use writeback_wizard::plan::{Action, Plan};
use writeback_wizard::sd::{Ace, DomainContext, sddl};

fn read_plan(path: &std::path::Path) -> Plan {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A genuine plan of the lab (default options), as `plan --format json` writes it.
fn genuine_plan(lab: &Lab, name: &str, extra: &[&str]) -> Plan {
    let f = tmp(name);
    let mut args = vec!["plan", "--format", "json", "-o", f.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, _, err) = lab.cli(&args, None, &[]);
    assert_eq!(code, 0, "{err}");
    read_plan(&f)
}

/// `apply --plan` of `plan` (written to `name`); returns the exit code, output, errors, and
/// whether a run file was made.
fn apply_plan(lab: &Lab, name: &str, plan: &Plan, extra: &[&str]) -> (i32, String, String, bool) {
    let f = tmp(name);
    forge::write(&f, plan);
    let run = tmp(&format!("{name}.run"));
    let mut args = vec![
        "apply",
        "--plan",
        f.to_str().unwrap(),
        "--yes",
        "--backup",
        run.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = lab.cli(&args, None, &[]);
    (code, out, err, run.exists())
}

/// Every SID in a plan's ACEs and its connector replaced by `sid`.
fn retarget(plan: &Plan, sid: &str) -> Plan {
    forge::plan(plan, |p| {
        let old = p.connector_sid.clone();
        p.connector_sid = sid.to_string();
        for c in &mut p.changes {
            if let Action::AddAces { aces } = &mut c.action {
                for a in aces {
                    *a = a.replace(&old, sid);
                }
            }
        }
    })
}

async fn sid_of(conn: &mut Connection, dn: &str) -> String {
    let e = conn
        .read(dn, &["objectSid"], vec![])
        .await
        .unwrap()
        .unwrap();
    writeback_wizard::sd::Sid::from_ldap_value(e.first("objectSid").unwrap())
        .unwrap()
        .to_string()
}

async fn bind_as(lab: &Lab, dn: &str, pw_var: &str) -> Connection {
    Connection::simple(
        &lab.options(),
        &writeback_wizard::ad::SimpleCredential {
            user: dn.to_string(),
            password: zeroize::Zeroizing::new(lab.var(pw_var).to_string()),
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_plan_file_never_decides_where_the_tool_connects() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    // A stand-in listener where a forged plan says the DC and PDC emulator are: it counts every
    // connection made to it (a credential could only reach it through one).
    let fake = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let fake_addr = fake.local_addr().unwrap();
    let dialled = std::sync::Arc::new(AtomicUsize::new(0));
    let d = dialled.clone();
    std::thread::spawn(move || {
        for c in fake.incoming().flatten() {
            d.fetch_add(1, Ordering::SeqCst);
            drop(c);
        }
    });
    // The real DC behind a forwarder, to see whether anything reaches it at all.
    let dc: std::net::SocketAddr = "127.0.0.1:636".parse().unwrap();
    let fwd = common::forward::Forwarder::start("127.0.0.1:0", dc, None);
    let via = format!("ldaps://127.0.0.1:{}", fwd.addr.port());
    let genuine = genuine_plan(&lab, "where.json", &[]);
    let forged = forge::plan(&genuine, |p| {
        p.dc = fake_addr.to_string();
        p.pdc_emulator = Some(fake_addr.to_string());
    });
    let run_via = |name: &str, plan: &Plan| {
        let f = tmp(name);
        forge::write(&f, plan);
        let mut args = vec![
            "apply".to_string(),
            "--plan".into(),
            f.display().to_string(),
        ];
        args.extend(lab.admin_args(&via));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // No --yes and no terminal: it shows the preview and stops before writing.
        common::run_bin(&args, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))])
    };
    let (code, out, err) = run_via("where-forged.json", &forged);
    assert_eq!(
        dialled.load(Ordering::SeqCst),
        0,
        "the file's DC was dialled"
    );
    assert_eq!(code, 2, "{out}\n{err}");
    assert!(
        out.contains(&format!("The plan file was made at {fake_addr}"))
            && out.contains("only compared"),
        "{out}"
    );
    assert!(err.contains("--yes"), "stopped at the question: {err}");
    // A file that fails its checksum: refused before anything reaches any server.
    let before = fwd.from_server.load(Ordering::SeqCst);
    let mut broken = forged.clone();
    broken.time.push('x');
    let (code, _, err) = run_via("where-broken.json", &broken);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("checksum"), "{err}");
    assert_eq!(
        fwd.from_server.load(Ordering::SeqCst),
        before,
        "nothing was sent to the DC for a broken file"
    );
    assert_eq!(dialled.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_plan_or_connector_aimed_at_anyone_else_is_refused_and_alice_still_cannot_reset_bob() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let genuine = genuine_plan(&lab, "aim.json", &[]);
    let alice_sid = sid_of(&mut admin, lab.var("LAB_ALICE_DN")).await;
    let mut failures = Vec::new();
    for (name, sid) in [("everyone", "S-1-5-11"), ("alice", alice_sid.as_str())] {
        let (code, _, err, made) = apply_plan(
            &lab,
            &format!("aim-{name}.json"),
            &retarget(&genuine, sid),
            &[],
        );
        if code != 2 || !err.contains(&format!("made for the connector {sid}")) || made {
            failures.push(format!("{name}: {code} {err}"));
        }
    }
    // Accounts that may never hold the rights, named as the connector.
    let users = format!("CN=Domain Users,CN=Users,{root}");
    for (given, want) in [
        (users.as_str(), "cannot be the connector"),
        ("S-1-5-11", "no account matches"),
        ("Administrator", "cannot be the connector"),
        (lab.var("LAB_DAVE_DN"), "protected account"),
    ] {
        let run = tmp("aim-connector.json");
        let (code, _, err) = lab.cli(
            &[
                "apply",
                "--connector",
                given,
                "--yes",
                "--backup",
                run.to_str().unwrap(),
            ],
            None,
            &[],
        );
        if code != 2 || !err.contains(want) || run.exists() {
            failures.push(format!("--connector {given}: {code} {err}"));
        }
    }
    assert_eq!(raw_dacl(&mut admin, &root).await, before, "nothing written");
    // The DC's word: alice still cannot reset bob, nor clear his pwdLastSet.
    let mut alice = bind_as(&lab, lab.var("LAB_ALICE_DN"), "LAB_USER_PW").await;
    for op in [common::Op::Reset, common::Op::PwdLastSetZero] {
        let r = common::attempt(
            &mut alice,
            &mut admin,
            lab.var("LAB_BOB_DN"),
            op,
            "Alice!Owns#Bob1",
        )
        .await;
        assert_eq!(r, Ok(false), "alice {op:?} on bob");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn grants_on_a_domain_admin_or_adminsdholder_are_refused() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let dave = lab.var("LAB_DAVE_DN").to_string();
    let holder = format!("CN=AdminSDHolder,CN=System,{root}");
    let before = [
        raw_dacl(&mut admin, &root).await,
        raw_dacl(&mut admin, &dave).await,
        raw_dacl(&mut admin, &holder).await,
    ];
    let genuine = genuine_plan(&lab, "dave.json", &[]);
    // The connector's own-object grants, as the tool puts them on a protected ordinary user,
    // added for dave (Domain Admins).
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let own: Vec<String> = writeback_wizard::check::Right::ALL
        .into_iter()
        .map(|r| sddl::format_ace(&r.own_ace(&msol), &DomainContext::default()).unwrap())
        .collect();
    let on_dave = forge::plan(&genuine, |p| {
        let mut c = p.changes[0].clone();
        c.dn = dave.clone();
        c.action = Action::AddAces { aces: own.clone() };
        p.changes.push(c);
    });
    let (code, _, err, made) = apply_plan(&lab, "dave-forged.json", &on_dave, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("would not plan now") && err.contains(&format!("{dave}: +")),
        "{err}"
    );
    assert!(!made, "no run file");
    // A genuine plan made with --include-adminsdholder, applied without that consent now.
    let with_holder = genuine_plan(&lab, "holder.json", &["--include-adminsdholder"]);
    assert!(
        with_holder
            .changes
            .iter()
            .any(|c| c.dn.eq_ignore_ascii_case(&holder))
    );
    let (code, _, err, made) = apply_plan(&lab, "holder-apply.json", &with_holder, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("{holder}: +")), "{err}");
    assert!(!made);
    assert_eq!(
        [
            raw_dacl(&mut admin, &root).await,
            raw_dacl(&mut admin, &dave).await,
            raw_dacl(&mut admin, &holder).await,
        ],
        before,
        "nothing written"
    );
    // The DC's word: the connector cannot reset dave.
    let mut msol_conn = lab.connector().await;
    let r = common::attempt(
        &mut msol_conn,
        &mut admin,
        &dave,
        common::Op::Reset,
        "Msol!Owns#Dave1",
    )
    .await;
    assert_eq!(r, Ok(false), "the connector resets dave");
}

#[tokio::test]
async fn control_bytes_from_a_file_reach_the_terminal_escaped() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let genuine = genuine_plan(&lab, "ctl.json", &[]);
    let raw = |t: &str| t.contains(['\u{1b}', '\u{9b}', '\u{202e}', '\r']);
    // Warnings and blockers a file brings are never shown: the ones shown are computed now.
    let said = forge::plan(&genuine, |p| {
        p.warnings
            .push("\u{1b}[2J\u{1b}[H all clear, nothing to review \r".into());
        for n in &mut p.not_fixed {
            n.reason = "\u{1b}[2J fine".into();
            n.code = String::new();
        }
    });
    let f = tmp("ctl-said.json");
    forge::write(&f, &said);
    // No --yes and no terminal: the preview is shown, then it stops at the question.
    let (code, out, err) = lab.cli(&["apply", "--plan", f.to_str().unwrap()], None, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("as it applies to the directory now"), "{out}");
    assert!(!out.contains("all clear") && !raw(&out), "{out:?}");
    // A DN with escape sequences and a direction override: named in the refusal, escaped.
    let users = lab.var("LAB_USERS_OU_DN");
    let evil_dn = format!("CN=x\u{1b}[2J\u{1b}[H\u{202e}moc.live\u{9b}31m,{users}");
    let forged = forge::plan(&genuine, |p| {
        let mut c = p.changes[0].clone();
        c.dn = evil_dn.clone();
        p.changes.push(c);
    });
    let (code, out, err, made) = apply_plan(&lab, "ctl-forged.json", &forged, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(!made);
    assert!(!raw(&out) && !raw(&err), "{out:?} {err:?}");
    assert!(
        err.contains("CN=x\\u001b[2J\\u001b[H\\u202emoc.live\\u009b31m,"),
        "{err}"
    );
}

#[tokio::test]
async fn forged_backups_change_nothing_and_the_genuine_one_restores_whole() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let msol_dn = lab.var("LAB_MSOL_DN").to_string();
    let users = lab.var("LAB_USERS_OU_DN").to_string();
    let delegated = lab.var("LAB_DELEGATED_OU_DN").to_string();
    let originals = raw_dacl(&mut admin, &root).await;
    let run = tmp("genuine-run.json");
    let (code, _, err) = lab.cli(
        &["apply", "--yes", "--backup", run.to_str().unwrap()],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let applied = raw_dacl(&mut admin, &root).await;
    let watched = [msol_dn.as_str(), users.as_str(), delegated.as_str()];
    let mut state = Vec::new();
    for dn in watched {
        state.push(raw_dacl(&mut admin, dn).await);
    }
    let (_, genuine) = forge::first_backup(&run);
    let restore = |name: &str, b: &Backup, extra: &[&str]| {
        let f = tmp(name);
        forge::write(&f, b);
        let mut args = vec!["restore", "--backup", f.to_str().unwrap(), "--yes"];
        args.extend_from_slice(extra);
        lab.cli(&args, None, &[])
    };
    let mut failures = Vec::new();
    let mut expect_refused = |what: &str, (code, _, err): (i32, String, String), want: &str| {
        if code != 2 || !err.contains(want) {
            failures.push(format!("{what}: {code} {err}"));
        }
    };

    // 1. A whole-value entry for the connector's own account whose "original" lets alice reset
    //    the connector's password: consistent in shape, re-checksummed, its MAC now wrong.
    let alice_sid: writeback_wizard::sd::Sid = sid_of(&mut admin, lab.var("LAB_ALICE_DN"))
        .await
        .parse()
        .unwrap();
    let msol_sid: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let mut sd = writeback_wizard::sd::SecurityDescriptor::from_bytes(&state[0]).unwrap();
    let reset = |sid: &writeback_wizard::sd::Sid| -> Ace {
        writeback_wizard::check::Right::ResetPassword.own_ace(sid)
    };
    sd.dacl.acl_mut().unwrap().aces.push(reset(&alice_sid));
    let original = sd.to_bytes().unwrap();
    let own: Vec<Ace> = writeback_wizard::check::Right::ALL
        .into_iter()
        .map(|r| r.own_ace(&msol_sid))
        .collect();
    sd.dacl.acl_mut().unwrap().aces.extend(own.iter().cloned());
    let written = sd.to_bytes().unwrap();
    let entry = writeback_wizard::plan::backup::Entry::dacl(
        &msol_dn,
        &original,
        &written,
        &own,
        false,
        &DomainContext::default(),
    );
    for keep_mac in [true, false] {
        let forged = forge::backup(&genuine, keep_mac, |b| b.entries = vec![entry.clone()]);
        expect_refused(
            "whole-value forgery",
            restore("whole.json", &forged, &["--whole", "--force"]),
            "not authenticated",
        );
    }
    // 2. Inheritance cut on OU=Users: `unprotects` on an entry of an OU.
    let users_dacl = writeback_wizard::sd::SecurityDescriptor::from_bytes(&state[1]).unwrap();
    let mut protected = users_dacl.clone();
    protected.set_control(writeback_wizard::sd::Control::DACL_PROTECTED, true);
    let unprotect = writeback_wizard::plan::backup::Entry::dacl(
        &users,
        &protected.to_bytes().unwrap(),
        &state[1],
        &[],
        true,
        &DomainContext::default(),
    );
    let forged = forge::backup(&genuine, false, |b| b.entries.push(unprotect));
    expect_refused(
        "unprotects forgery",
        restore("unprotect.json", &forged, &[]),
        "inheritance",
    );
    // 3. Someone else's delegation: WritebackDelegates' grants on OU=Delegated, as if the tool
    //    had made them for that group.
    let delegates: writeback_wizard::sd::Sid = lab.var("LAB_DELEGATES_GROUP_SID").parse().unwrap();
    let theirs = common::grant(&delegates, writeback_wizard::sd::rights::CLASS_USER);
    let mut without = writeback_wizard::sd::SecurityDescriptor::from_bytes(&state[2]).unwrap();
    writeback_wizard::sd::canonical::remove_explicit(without.dacl.acl_mut().unwrap(), &theirs);
    let delegation = writeback_wizard::plan::backup::Entry::dacl(
        &delegated,
        &without.to_bytes().unwrap(),
        &state[2],
        &theirs,
        false,
        &DomainContext::default(),
    );
    let forged = forge::backup(&genuine, false, |b| {
        b.connector_sid = delegates.to_string();
        b.entries = vec![delegation];
    });
    expect_refused(
        "another connector's backup",
        restore("delegation.json", &forged, &[]),
        "made for the connector",
    );
    // 4. A run whose backup is missing: the whole restore fails, nothing is written.
    let elsewhere = tmp("missing").join("run.json");
    std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    std::fs::copy(&run, &elsewhere).unwrap();
    let copy = elsewhere;
    expect_refused(
        "a run with a missing backup",
        lab.cli(
            &["restore", "--backup", copy.to_str().unwrap(), "--yes"],
            None,
            &[],
        ),
        "missing or was changed",
    );
    // 5. A backup for Domain Admins' members: never something apply writes.
    let member = forge::backup(&genuine, false, |b| {
        b.entries[0].dn = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
        b.entries[0].attribute = "member".into();
        b.entries[0].original_base64 = vec![writeback_wizard::sddl_input::encode_base64(
            lab.var("LAB_ALICE_DN").as_bytes(),
        )];
    });
    expect_refused(
        "member forgery",
        restore("member.json", &member, &[]),
        "never writes member",
    );

    // 6. The configuration partition lies below the domain's DN by name but is not the domain.
    let sites = format!("CN=Sites,CN=Configuration,{root}");
    let sites_dacl = raw_dacl(&mut admin, &sites).await;
    let grants = common::grant(&msol_sid, writeback_wizard::sd::rights::CLASS_USER);
    let mut granted = writeback_wizard::sd::SecurityDescriptor::from_bytes(&sites_dacl).unwrap();
    writeback_wizard::sd::canonical::ensure_present(granted.dacl.acl_mut().unwrap(), &grants);
    let outside = writeback_wizard::plan::backup::Entry::dacl(
        &sites,
        &sites_dacl,
        &granted.to_bytes().unwrap(),
        &grants,
        false,
        &DomainContext::default(),
    );
    let forged = forge::backup(&genuine, false, |b| b.entries = vec![outside]);
    expect_refused(
        "the configuration partition",
        restore("sites.json", &forged, &[]),
        "not an object of the domain",
    );

    let mut now = Vec::new();
    for dn in watched {
        now.push(raw_dacl(&mut admin, dn).await);
    }
    let root_now = raw_dacl(&mut admin, &root).await;
    // The DC's word: alice cannot reset the connector's password; the delegates keep theirs.
    let mut alice = bind_as(&lab, lab.var("LAB_ALICE_DN"), "LAB_USER_PW").await;
    let alice_on_msol = common::attempt(
        &mut alice,
        &mut admin,
        &msol_dn,
        common::Op::Reset,
        "Alice!Owns#Msol1",
    )
    .await;
    // The genuine, authenticated run restores whole.
    let (code, out, err) = lab.cli(
        &[
            "restore",
            "--whole",
            "--backup",
            run.to_str().unwrap(),
            "--yes",
        ],
        None,
        &[],
    );
    let restored = raw_dacl(&mut admin, &root).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(now, state, "no forged backup changed a DACL");
    assert_eq!(raw_dacl(&mut admin, &sites).await, sites_dacl);
    assert_eq!(root_now, applied, "the root is as apply left it");
    assert_eq!(alice_on_msol, Ok(false), "alice resets the connector");
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains("the whole value before apply"), "{out}");
    assert_eq!(restored, originals, "the genuine run restored whole");
}

#[tokio::test]
async fn unprivileged_accounts_and_tampered_files_write_nothing() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    // An account that may not write DACLs: a clear error before anything is written, no files.
    let run = tmp("alice.json");
    let alice = Some((lab.var("LAB_ALICE_DN"), lab.var("LAB_USER_PW")));
    let (code, _, err) = lab.cli(
        &["apply", "--yes", "--backup", run.to_str().unwrap()],
        alice,
        &[],
    );
    assert!(
        code == 2 && err.contains("may not change") && err.contains("nothing was written"),
        "alice: {code} {err}"
    );
    assert!(
        !forge_backup_exists(&run),
        "no backup of a run that wrote nothing"
    );
    // A plan edited without re-sealing: the checksum catches it, in German too.
    let genuine = genuine_plan(&lab, "tamper.json", &[]);
    let mut edited = genuine.clone();
    edited.connector_sid = lab.var("LAB_ADMIN_SID").to_string();
    let (code, _, err, _) = apply_plan(&lab, "tamper-edited.json", &edited, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("checksum"), "{err}");
    let (code, _, err, _) = apply_plan(&lab, "tamper-de.json", &edited, &["--lang", "de-DE"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Prüfsumme") && err.contains("nichts wurde geschrieben"),
        "{err}"
    );
    // One extra (A;CI;GA;;;WD) at the root, re-sealed: only the shape catches it.
    let everyone = forge::plan(&genuine, |p| {
        if let Action::AddAces { aces } = &mut p.changes[0].action {
            aces.push("(A;CI;GA;;;WD)".into());
        }
    });
    let (code, _, err, made) = apply_plan(&lab, "tamper-everyone.json", &everyone, &[]);
    assert!(
        code == 2 && err.contains("(A;CI;GA;;;WD)") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!made);
    // Plan options are the file's: others given with it are refused, not ignored.
    let (code, _, err, _) = apply_plan(
        &lab,
        "tamper-options.json",
        &genuine,
        &["--min-password-age-zero"],
    );
    assert!(
        code == 2 && err.contains("options the plan was made with"),
        "{err}"
    );
    // An existing file is never overwritten by a run.
    let existing = tmp("existing.json");
    std::fs::write(&existing, "keep").unwrap();
    let (code, _, err) = lab.cli(
        &["apply", "--yes", "--backup", existing.to_str().unwrap()],
        None,
        &[],
    );
    assert!(code == 2 && err.contains("already exists"), "{code} {err}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep");
    assert_eq!(raw_dacl(&mut admin, &root).await, before, "nothing written");
    // The untouched file applies, computed from the directory, and the run restores.
    let (code, out, err, made) = apply_plan(&lab, "tamper-ok.json", &genuine, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(made);
    assert!(
        out.contains("as it applies to the directory now")
            && out.contains(&format!("connector MSOL_lab, {}", lab.var("LAB_MSOL_SID")))
            && out.contains("+ (OA;CIIO;CR;00299570"),
        "{out}"
    );
    let run = tmp_keep("tamper-ok.json.run");
    let (code, _, err) = lab.cli(
        &["restore", "--backup", run.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(raw_dacl(&mut admin, &root).await, before);
}

/// Whether a run at `run` left a backup beside it.
fn forge_backup_exists(run: &std::path::Path) -> bool {
    writeback_wizard::engine::write::manifest::backup_path(run, 1, "lab.example.test").exists()
}
