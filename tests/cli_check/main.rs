//! `writeback-wizard check` as people run it: exit codes, the JSON report, the other formats,
//! and one clear sentence (exit 2, no stack trace) for every kind of bad input.

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod connections;
mod predicted;
mod reports;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Lab, run_bin};

fn with(args: &[String], extra: &[&str]) -> Vec<String> {
    let mut v = args.to_vec();
    v.extend(extra.iter().map(|s| s.to_string()));
    v
}

fn bin(lab: &Lab, args: &[String]) -> (i32, String, String) {
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    run_bin(
        &argv,
        &[
            ("ADMIN_PW", lab.var("LAB_ADMIN_PW")),
            ("WRONG_PW", "not-the-password"),
            ("USER_PW", lab.var("LAB_USER_PW")),
        ],
    )
}

/// Replaces the value after `flag` in an argument list.
fn set(args: &[String], flag: &str, value: &str) -> Vec<String> {
    let mut v = args.to_vec();
    let i = v.iter().position(|a| a == flag).unwrap();
    v[i + 1] = value.to_string();
    v
}

fn without(args: &[String], flag: &str) -> Vec<String> {
    let mut v = args.to_vec();
    let i = v.iter().position(|a| a == flag).unwrap();
    v.drain(i..i + 2);
    v
}

/// Exit 2, nothing on stdout, one `error: ` line (`Fehler: ` in German) on stderr that contains
/// `needle`.
fn assert_clear_failure((code, out, err): (i32, String, String), needle: &str, case: &str) {
    assert_eq!(code, 2, "{case}: exit code; stderr: {err}");
    assert!(out.is_empty(), "{case}: stdout {out:?}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("Fehler: "))
        .collect();
    assert_eq!(lines.len(), 1, "{case}: one error line expected in {err:?}");
    assert!(
        lines[0].contains(needle),
        "{case}: {:?} does not contain {needle:?}",
        lines[0]
    );
    assert!(
        !err.contains("panicked") && !err.contains("stack backtrace"),
        "{case}: {err}"
    );
}
