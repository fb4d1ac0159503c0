//! The `sddl` subcommand as people run it: exact output and exit codes of the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_writeback-wizard");

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const SDDL: &str = "O:DAG:DAD:PAI(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1102)";
const HEX: &str = "010004941400000030000000000000004c00000001050000000000051500000001000000020000000300000000020000010500000000000515000000010000000200000003000000000200000400500001000000050a48000001000003000000709529006d24d011a76800aa006e0529ba7a96bfe60dd011a28500aa003049e20105000000000005150000000100000002000000030000004e040000";

#[test]
fn sddl_encode_hex_matches_samba_bytes_and_decode_gives_the_sddl_back() {
    let (code, out, _) = run(
        &[
            "sddl",
            "encode",
            "--format",
            "hex",
            "--domain-sid",
            "S-1-5-21-1-2-3",
            SDDL,
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(out.trim(), HEX);
    let (code, out, _) = run(
        &["sddl", "decode", "--domain-sid", "S-1-5-21-1-2-3", HEX],
        None,
    );
    assert_eq!((code, out.trim()), (0, SDDL));
}

#[test]
fn sddl_decode_reads_a_pasted_ldif_line_from_stdin() {
    let (_, b64, _) = run(&["sddl", "encode", "D:(A;;RP;;;AU)"], None);
    let ldif = format!("dn: CN=x\nnTSecurityDescriptor:: {}\n", b64.trim());
    let (code, out, _) = run(&["sddl", "decode", "-"], Some(&ldif));
    assert_eq!((code, out.trim()), (0, "D:(A;;RP;;;AU)"));
}

#[test]
fn sddl_bad_input_exits_2_with_one_clear_line() {
    let cases: [(&[&str], &str); 4] = [
        (&["sddl", "decode", "0x0100"], "security descriptor"),
        (&["sddl", "encode", "D:(A;;RC;;;DA)"], "give the domain SID"),
        (&["sddl", "encode", "D:(A;;ZZ;;;WD)"], "unknown right"),
        (
            &["sddl", "decode", "--domain-sid", "nope", "0100"],
            "--domain-sid",
        ),
    ];
    for (args, needle) in cases {
        let (code, out, err) = run(args, None);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(
            err.starts_with("error: ") && err.contains(needle),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
    }
}

#[test]
fn explain_names_causes_findings_and_the_source_and_admits_unknown_codes() {
    let (code, out, _) = run(&["explain", "0x80230619"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("ADSync")
            && out.contains("min-password-age")
            && out.contains("Source: Troubleshoot self-service password reset writeback"),
        "{out}"
    );
    let (code, out, _) = run(&["explain", "SSPR_0029"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("admin-protected") && out.contains("restrict-remote-sam"),
        "{out}"
    );
    let (code, out, _) = run(&["explain", "hr=800700CE", "--json"], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["known"], true);
    assert!(v["entry"]["meaning"].as_str().unwrap().contains("too long"));
    let (code, out, _) = run(&["explain", "0xDEADBEEF"], None);
    assert_eq!(code, 1);
    assert!(
        out.contains("is not known to this tool") && out.contains("check --entra"),
        "{out}"
    );
}

#[test]
fn explain_names_the_check_that_runs_where_each_cause_is_seen() {
    // SSPR_0010 and Cloud Sync: their causes are read on the sync server (the agent's
    // findings too), so a plain `check` would never show them.
    for code in ["SSPR_0010", "sspr_0030", "cloudsync"] {
        let (status, out, _) = run(&["explain", code], None);
        assert_eq!(status, 0, "{code}");
        assert!(
            out.contains("agent-stopped")
                && out.contains("agent-stopped, agent-writeback-unconfirmed, agent-not-installed  →  writeback-wizard check --sync-server"),
            "{code}: {out}"
        );
    }
    let (_, out, _) = run(&["explain", "sspr_0012"], None);
    assert!(
        out.contains("cloud-license, pilot-no-license  →  writeback-wizard check --entra"),
        "{out}"
    );
    let (_, out, _) = run(&["explain", "33004"], None);
    assert!(
        out.contains("inheritance-disabled  →  writeback-wizard check\n"),
        "{out}"
    );
}

#[test]
fn explain_speaks_german_when_asked_and_keeps_microsofts_codes() {
    let (status, out, _) = run(&["--lang", "de-DE", "explain", "SSPR_0010"], None);
    assert_eq!(status, 0);
    assert!(
        out.contains("Übliche Ursachen:")
            && out.contains("Das Kennwortrückschreiben ist nicht eingeschaltet.")
            && out.contains("SSPR-Portal (WritebackNotEnabled = 10)")
            && out.contains("writeback-disabled, sync-staging-mode"),
        "{out}"
    );
    assert!(!out.contains("Usual causes"), "{out}");
    let (status, out, _) = run(&["--lang", "de-DE", "explain", "0xDEADBEEF"], None);
    assert_eq!(status, 1);
    assert!(
        out.contains("ist diesem Werkzeug nicht bekannt") && out.contains("check --entra"),
        "{out}"
    );
    let (_, out, _) = run(&["--lang", "de-DE", "explain", "6329", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["lang"], "de-DE");
    assert!(
        v["entry"]["causes"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Kennwortrichtlinie"),
        "{v}"
    );
    assert_eq!(v["entry"]["causes"][0]["findings"][0], "min-password-age");
}
