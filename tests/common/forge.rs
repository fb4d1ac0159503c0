//! The tests' own forger: what someone who can edit a plan or backup file on a share can do.
//! A checksum is public knowledge (SHA-256 of the file without it), so these re-seal an edited
//! file exactly as the tool would, without calling the tool's own sealing code. A MAC needs
//! the local key, which a forger does not have: [`backup`] keeps the old MAC (now wrong) or,
//! with `mac: None`, drops it.

use writeback_wizard::plan::Plan;
use writeback_wizard::plan::backup::Backup;

fn sha256_hex(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `plan` edited by `edit` and checksummed again.
pub fn plan(plan: &Plan, edit: impl FnOnce(&mut Plan)) -> Plan {
    let mut p = plan.clone();
    edit(&mut p);
    p.checksum = String::new();
    p.checksum = sha256_hex(&serde_json::to_vec(&p).unwrap());
    p
}

/// `backup` edited by `edit` and checksummed again; its MAC kept as it was (`keep_mac`) or
/// dropped.
pub fn backup(backup: &Backup, keep_mac: bool, edit: impl FnOnce(&mut Backup)) -> Backup {
    let mut b = backup.clone();
    edit(&mut b);
    let mac = if keep_mac {
        b.mac.clone()
    } else {
        String::new()
    };
    b.checksum = String::new();
    b.mac = String::new();
    b.checksum = sha256_hex(&serde_json::to_vec(&b).unwrap());
    b.mac = mac;
    b
}

/// Writes `value` as JSON to `path`.
pub fn write(path: &std::path::Path, value: &impl serde::Serialize) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

/// The backup a run's file lists first, read from beside it.
pub fn first_backup(run: &std::path::Path) -> (std::path::PathBuf, Backup) {
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(run).unwrap()).unwrap();
    let name = m["directories"][0]["backup"]
        .as_str()
        .unwrap_or_else(|| panic!("no backup listed in {m}"));
    let path = run.with_file_name(name);
    let b = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    (path, b)
}
