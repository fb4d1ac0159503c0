//! Fix it safely, end to end against the lab: plan shows the ACEs; apply writes them with a
//! backup; the connector really resets a password afterwards and could not before; restore
//! brings every touched value back byte for byte; apply twice adds nothing; Samba's own reader
//! sees exactly the intended ACEs; a crash mid-way is undone by restore; the policy options
//! really let users change passwords twice in a row.

#[path = "../common/mod.rs"]
mod common;

mod admincount;
mod concurrent;
mod crash;
mod drift;
mod end_to_end;
mod grant_at;
mod incremental;
mod not_fixed;
mod options;
mod refusals;
mod restore;
mod samserver;
mod watch;

use std::path::PathBuf;

use common::{Lab, raw_dacl};
use writeback_wizard::ad::{Connection, controls};

/// A fresh path in the test folder: nothing there, and no backups of an earlier run beside it
/// (`<stem>.<n>-<domain>.json`).
fn tmp(name: &str) -> PathBuf {
    let p = tmp_keep(name);
    let _ = std::fs::remove_file(&p);
    if let (Some(dir), Some(stem)) = (p.parent(), p.file_stem()) {
        let prefix = format!("{}.", stem.to_string_lossy());
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    p
}

/// A path in the test folder, keeping what is there.
fn tmp_keep(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ww-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// What apply grants — the connector's rights on the users below the root, and a minimum
/// password age of 0 — so that most users are ready; the record puts both back.
async fn granted(lab: &Lab, admin: &mut Connection) -> common::Undo {
    let root = lab.var("LAB_BASE_DN");
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let class = writeback_wizard::sd::rights::CLASS_USER;
    let mut setup = common::Undo::default();
    setup
        .add_aces(admin, root, &common::grant(&msol, class))
        .await;
    setup.set_attr(admin, root, "minPwdAge", &["0"]).await;
    setup
}

/// A deny of Reset Password for `sid`, inherited by the container's descendants.
fn deny_reset(sid: &writeback_wizard::sd::Sid) -> writeback_wizard::sd::Ace {
    use writeback_wizard::sd::{AccessMask, Ace, AceFlags};
    Ace::deny(
        AceFlags::CONTAINER_INHERIT,
        AccessMask::CONTROL_ACCESS,
        sid.clone(),
        Some(writeback_wizard::sd::rights::RESET_PASSWORD),
        None,
    )
}

async fn attr(conn: &mut Connection, dn: &str, a: &str) -> Vec<String> {
    conn.read(dn, &[a], vec![])
        .await
        .unwrap()
        .map(|e| e.texts(a))
        .unwrap_or_default()
}

/// Puts the root back as a test found it: its DACL (raw, as read) and its minimum age.
async fn put_root_back(conn: &mut Connection, root: &str, dacl: &[u8], age: &[String]) {
    let sd = writeback_wizard::sd::SecurityDescriptor::from_bytes(dacl).unwrap();
    conn.write_dacl(root, &sd).await.unwrap();
    conn.replace(
        root,
        "minPwdAge",
        age.iter().map(|a| a.as_bytes().to_vec()).collect(),
        vec![],
    )
    .await
    .unwrap();
}

/// Puts test users' passwords back to the lab's password (as admin: a reset).
async fn reset_passwords(lab: &Lab, conn: &mut Connection, users: &[&str]) {
    for u in users {
        let dn = lab.var(&format!("LAB_{u}_DN"));
        let pw = writeback_wizard::ad::unicode_pwd(lab.var("LAB_USER_PW"));
        conn.replace(dn, "unicodePwd", vec![pw.to_vec()], vec![])
            .await
            .unwrap();
        conn.replace(dn, "pwdLastSet", vec![b"-1".to_vec()], vec![])
            .await
            .unwrap();
    }
}
