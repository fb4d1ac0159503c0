//! Bad input against the lab, each a clear error with nothing written, or — for names real
//! directories have — simply working: DNs with `\,` `+` `#` and non-ASCII letters through check,
//! apply (the connector then really resets the password) and restore; the disk filling up while
//! the backup is written; a DACL that would outgrow 64 KiB; password files with CRLF, a
//! byte-order mark and non-ASCII letters.

mod common;

use std::path::PathBuf;

use common::{Lab, Undo, raw_dacl};
use writeback_wizard::ad::Connection;
use writeback_wizard::sd::{AceFlags, Control};

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ww-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

/// Disables inheritance on `dn` and drops what it inherited ("Remove all inherited
/// permissions"): the grants at the root no longer reach below it.
async fn cut_off(undo: &mut Undo, admin: &mut Connection, dn: &str) {
    undo.edit_dacl(admin, dn, |sd| {
        sd.dacl
            .acl_mut()
            .unwrap()
            .aces
            .retain(|a| !a.flags.contains(AceFlags::INHERITED));
        sd.set_control(Control::DACL_PROTECTED, true);
    })
    .await;
}

#[tokio::test]
async fn names_with_escapes_and_non_ascii_letters_go_through_check_apply_and_restore() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let ou = format!("OU=Zürich\\, Süd\\+Nord,{}", lab.var("LAB_LAB_OU_DN"));
    let user = format!("CN=\\#Jörg Müller,{ou}");
    admin
        .add(
            &ou,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        )
        .await
        .unwrap();
    undo.created(&ou);
    admin
        .add(
            &user,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"joerg.mueller".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&user);
    cut_off(&mut undo, &mut admin, &ou).await;
    let ou_before = raw_dacl(&mut admin, &ou).await;

    let (ccode, cout, cerr) = lab.cli(&["check", "--format", "json"], None, &[]);
    let backup = tmp("names.json");
    let (acode, _, aerr) = lab.cli(
        &["apply", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let mut msol = lab.connector().await;
    let reset = common::attempt(
        &mut msol,
        &mut admin,
        &user,
        common::Op::Reset,
        "Fresh-Passw0rd-Ü!",
    )
    .await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let ou_restored = raw_dacl(&mut admin, &ou).await;
    undo.undo(&mut admin).await;

    assert_eq!(ccode, 1, "{cerr}");
    let r: serde_json::Value = serde_json::from_str(&cout).unwrap();
    let blocked = r["users"]["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dn"].as_str().unwrap().eq_ignore_ascii_case(&user))
        .unwrap_or_else(|| panic!("{user} is blocked: {}", r["users"]));
    assert!(
        blocked["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["object"].as_str().unwrap().eq_ignore_ascii_case(&ou)),
        "the cause is on the OU with the escaped name: {blocked}"
    );
    assert_eq!(acode, 0, "{aerr}");
    assert_eq!(
        reset,
        Ok(true),
        "the connector really resets the password of {user} after apply"
    );
    assert_eq!(rcode, 0, "{rerr}");
    assert_eq!(ou_restored, ou_before, "restore put the OU's DACL back");
}

/// A tmpfs of 64 KiB, nearly full, mounted for the test; unmounted when dropped.
struct FullDisk {
    dir: PathBuf,
}

impl FullDisk {
    fn mount() -> Option<FullDisk> {
        let dir = std::env::temp_dir().join(format!("ww-full-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            assert!(
                std::env::var("CI").is_err() && std::env::var("WW_REQUIRE_LAB").is_err(),
                "cannot mount a tmpfs (the suite runs as root)"
            );
            eprintln!("SKIPPED: cannot mount a tmpfs (not root?)");
            return None;
        }
        // Fill it, leaving less room than a backup needs.
        let filler = vec![0u8; 4096];
        let mut f = std::fs::File::create(dir.join("filler")).unwrap();
        use std::io::Write;
        while f.write_all(&filler).is_ok() {}
        let _ = f.sync_all();
        drop(f);
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join("filler"))
            .and_then(|f| {
                let len = f.metadata()?.len();
                f.set_len(len.saturating_sub(512))
            });
        Some(FullDisk { dir })
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.dir).status();
        let _ = std::fs::remove_dir(&self.dir);
    }
}

#[tokio::test]
async fn the_disk_filling_up_while_the_backup_is_written_writes_nothing() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let Some(disk) = FullDisk::mount() else {
        return;
    };
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let backup = disk.dir.join("backup.json");
    let (code, _, err) = lab.cli(
        &["apply", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let after = raw_dacl(&mut admin, &root).await;
    let left: Vec<String> = std::fs::read_dir(&disk.dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "filler")
        .collect();
    drop(disk);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("No space left") && err.contains("Nothing was changed in the directory"),
        "{err}"
    );
    assert_eq!(after, before, "nothing was written to the directory");
    assert!(left.is_empty(), "no half-written backup is left: {left:?}");
}

#[tokio::test]
async fn a_dacl_that_would_outgrow_64_kib_is_refused_before_anything_is_written() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let ou = format!("OU=Crowded,{}", lab.var("LAB_LAB_OU_DN"));
    admin
        .add(
            &ou,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        )
        .await
        .unwrap();
    undo.created(&ou);
    admin
        .add(
            &format!("CN=crowd1,{ou}"),
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"crowd1".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&format!("CN=crowd1,{ou}"));
    // Protected, only its own ACEs: as many as fit under 64 KiB with a little room left.
    let domain = lab.var("LAB_DOMAIN_SID");
    undo.edit_dacl(&mut admin, &ou, |sd| {
        let acl = sd.dacl.acl_mut().unwrap();
        acl.aces.retain(|a| !a.flags.contains(AceFlags::INHERITED));
        let mut n = 0;
        while 8 + acl.aces.iter().map(|a| a.encoded_len()).sum::<usize>() < 65_535 - 120 {
            let ace = writeback_wizard::sd::sddl::parse_ace(
                &format!("(A;;RC;;;{domain}-{})", 200_000 + n),
                &Default::default(),
            )
            .unwrap();
            acl.aces.push(ace);
            n += 1;
        }
        sd.set_control(Control::DACL_PROTECTED, true);
    })
    .await;
    let before = raw_dacl(&mut admin, &ou).await;
    let root_before = raw_dacl(&mut admin, lab.var("LAB_BASE_DN")).await;
    let backup = tmp("crowded.json");
    let (pcode, _, perr) = lab.cli(&["plan"], None, &[]);
    let (acode, _, aerr) = lab.cli(
        &["apply", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let after = raw_dacl(&mut admin, &ou).await;
    let root_after = raw_dacl(&mut admin, lab.var("LAB_BASE_DN")).await;
    undo.undo(&mut admin).await;
    assert!(before.len() > 60_000, "the DC kept the large DACL");
    for (code, err) in [(pcode, &perr), (acode, &aerr)] {
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("64 KiB") && err.contains(&ou), "{err}");
    }
    assert_eq!(after, before);
    assert_eq!(root_after, root_before, "nothing at all was written");
    assert!(!backup.exists(), "no backup of a plan that never ran");
}

#[tokio::test]
async fn password_files_with_crlf_a_byte_order_mark_and_non_ascii_letters() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let password = "Pässwört-Ω1!";
    let dn = format!("CN=pwfile,{}", lab.var("LAB_USERS_OU_DN"));
    admin
        .add(
            &dn,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"pwfile".to_vec()]),
                ("unicodePwd", vec![common::unicode_pwd(password)]),
                ("userAccountControl", vec![b"512".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&dn);
    let upn = format!("pwfile@{}", lab.var("LAB_DNS_DOMAIN"));
    let crlf = tmp("crlf.txt");
    std::fs::write(&crlf, format!("\u{feff}{password}\r\nsecond line\r\n")).unwrap();
    let latin1 = tmp("latin1.txt");
    std::fs::write(&latin1, b"P\xe4sswort\r\n").unwrap();
    let run = |file: &PathBuf| {
        lab.cli(
            &[
                "check",
                "--format",
                "json",
                "--password-file",
                file.to_str().unwrap(),
            ],
            Some((&upn, password)),
            &[],
        )
    };
    let (code, out, err) = run(&crlf);
    let (lcode, _, lerr) = run(&latin1);
    undo.undo(&mut admin).await;
    assert!(
        code == 0 || code == 1,
        "signed in with the non-ASCII password from a CRLF file: {err}"
    );
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    assert_eq!(lcode, 2, "{lerr}");
    assert!(lerr.contains("not UTF-8"), "{lerr}");
}
