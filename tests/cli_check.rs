//! `writeback-wizard check` as people run it: exit codes, the JSON report, the other formats,
//! and one clear sentence (exit 2, no stack trace) for every kind of bad input.

mod common;

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

/// Exit 2, nothing on stdout, one `error: ` line on stderr that contains `needle`.
fn assert_clear_failure((code, out, err): (i32, String, String), needle: &str, case: &str) {
    assert_eq!(code, 2, "{case}: exit code; stderr: {err}");
    assert!(out.is_empty(), "{case}: stdout {out:?}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
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

#[test]
fn seeded_lab_exits_1_with_a_versioned_json_report() {
    let Some(lab) = Lab::get() else { return };
    let (code, out, err) = bin(&lab, &with(&lab.check_args(), &["--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["schema"], 1);
    assert_eq!(r["tool"]["name"], "writeback-wizard");
    assert_eq!(r["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(r["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(r["directory"]["domain_dn"], lab.var("LAB_BASE_DN"));
    assert_eq!(r["directory"]["domain_sid"], lab.var("LAB_DOMAIN_SID"));
    assert_eq!(r["directory"]["netbios_name"], "LAB");
    assert_eq!(r["directory"]["dns_name"], "lab.example.test");
    assert_eq!(r["directory"]["pdc_emulator"], "dc1.lab.example.test");
    assert_eq!(
        r["directory"]["forest_domains"][0]["dns_name"],
        "lab.example.test"
    );
    assert_eq!(r["connector"]["sam_account_name"], "MSOL_lab");
    assert_eq!(r["connector"]["sid"], lab.var("LAB_MSOL_SID"));
    assert_eq!(r["ready"], false);
    let findings = r["findings"].as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["id"] == "right-reset-password")
        .unwrap();
    for key in ["severity", "object", "title", "detail", "fix", "evidence"] {
        assert!(!f[key].is_null(), "finding field {key}");
    }
    assert_eq!(f["severity"], "error");
    let blocked = r["users"]["blocked"].as_array().unwrap();
    let carol = blocked
        .iter()
        .find(|b| b["dn"] == lab.var("LAB_CAROL_DN"))
        .unwrap();
    assert!(
        carol["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == "inheritance-disabled"
                && x["object"] == lab.var("LAB_BLOCKED_OU_DN"))
    );
    assert!(r["users"]["in_scope"].as_u64().unwrap() >= 8);
}

#[test]
fn other_formats_and_output_files_carry_the_same_findings() {
    let Some(lab) = Lab::get() else { return };
    let dir = std::env::temp_dir().join(format!("ww-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (format, marker) in [
        ("text", "✖"),
        ("markdown", "| ✖ |"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let path = dir.join(format!("report.{format}"));
        let (code, out, err) = bin(
            &lab,
            &with(
                &lab.check_args(),
                &["--format", format, "--output", path.to_str().unwrap()],
            ),
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.is_empty(), "{format}: the report went to the file");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(marker), "{format}: {marker}");
        assert!(
            text.contains("inheritance-disabled") && text.contains("OU=Blocked"),
            "{format}"
        );
        assert!(!text.contains('\x1b'), "{format}: no colours in a file");
    }
    // Text on a pipe: no colours either.
    let (_, out, _) = bin(&lab, &lab.check_args());
    assert!(out.contains("NOT READY") && !out.contains('\x1b'));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_report_speaks_the_language_asked_for_and_keeps_its_ids() {
    let Some(lab) = Lab::get() else { return };
    let json = |lang: &str| {
        let (code, out, err) = bin(
            &lab,
            &with(&lab.check_args(), &["--lang", lang, "--format", "json"]),
        );
        assert_eq!(code, 1, "{lang}: {err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let (en, de) = (json("en-US"), json("de-DE"));
    assert_eq!(en["lang"], "en-US");
    assert_eq!(de["lang"], "de-DE");
    let data = |r: &serde_json::Value| -> Vec<(String, String, String, String)> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["id"].to_string(),
                    f["severity"].to_string(),
                    f["object"].to_string(),
                    f["values"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        data(&en),
        data(&de),
        "ids, severities, objects and values do not depend on the language"
    );
    let titles = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["title"].to_string())
            .collect()
    };
    let (te, td) = (titles(&en), titles(&de));
    assert!(
        te.iter().zip(&td).all(|(e, d)| e != d),
        "every title is translated: {td:?}"
    );
    assert!(
        de["verdict"].as_str().unwrap().starts_with("NICHT BEREIT"),
        "{}",
        de["verdict"]
    );
    for (format, marker) in [
        ("text", "NICHT BEREIT"),
        ("html", "<html lang=\"de-DE\">"),
        ("markdown", "NICHT BEREIT"),
    ] {
        let (code, out, err) = bin(
            &lab,
            &with(&lab.check_args(), &["--lang", "de-DE", "--format", format]),
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.contains(marker), "{format}: {out}");
        assert!(
            !out.contains("READY:") && !out.contains("no problems found"),
            "{format}: {out}"
        );
    }
    // Without --lang the system's language counts; C is English.
    let args = lab.check_args();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    for (lang, marker) in [("de_DE.UTF-8", "NICHT BEREIT"), ("C", "NOT READY")] {
        let (code, out, err) = run_bin(
            &argv,
            &[("ADMIN_PW", lab.var("LAB_ADMIN_PW")), ("LC_ALL", lang)],
        );
        assert_eq!(code, 1, "{lang}: {err}");
        assert!(out.contains(marker), "{lang}: {out}");
        assert!(!err.contains("locale"), "{lang}: {err}");
    }
}

#[test]
fn credentials_problems_read_as_one_sentence() {
    let Some(lab) = Lab::get() else { return };
    let args = lab.check_args();
    assert_clear_failure(
        bin(&lab, &set(&args, "--password-env", "WRONG_PW")),
        "rejected the password",
        "wrong password",
    );
    assert_clear_failure(
        bin(&lab, &set(&args, "--user", "nobody@lab.example.test")),
        "nobody@lab.example.test",
        "unknown user",
    );
    assert_clear_failure(
        bin(&lab, &set(&args, "--password-env", "NO_SUCH_VARIABLE")),
        "not set",
        "unset variable",
    );
    assert_clear_failure(
        bin(&lab, &without(&args, "--password-env")),
        "no password",
        "no password",
    );
}

#[test]
fn unreachable_and_silent_servers_fail_within_the_timeout() {
    let Some(lab) = Lab::get() else { return };
    let args = lab.check_args();
    // A closed port.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    assert_clear_failure(
        bin(&lab, &set(&args, "--server", &format!("127.0.0.1:{port}"))),
        "connection refused",
        "closed port",
    );
    // A server that accepts and then says nothing.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in silent.incoming().take(4) {
            held.push(s);
        }
    });
    let started = Instant::now();
    let result = bin(
        &lab,
        &with(
            &set(&args, "--server", &format!("127.0.0.1:{}", addr.port())),
            &["--timeout", "2"],
        ),
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the wait was not bounded"
    );
    assert_clear_failure(result, "did not answer within 2 s", "silent server");
    assert_clear_failure(
        bin(&lab, &set(&args, "--server", "no-such-host.invalid")),
        "no-such-host.invalid",
        "unknown host",
    );
}

#[test]
fn certificate_problems_say_what_to_do() {
    let Some(lab) = Lab::get() else { return };
    let args = lab.check_args();
    assert_clear_failure(
        bin(&lab, &without(&args, "--ca-file")),
        "--ca-file",
        "untrusted CA",
    );
    // The certificate names 127.0.0.1 but not 127.0.0.2: forward 127.0.0.2 to the DC.
    let fwd = TcpListener::bind("127.0.0.2:0").unwrap();
    let port = fwd.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in fwd.incoming().take(2).flatten() {
            let Ok(server) = TcpStream::connect("127.0.0.1:636") else {
                return;
            };
            for (mut a, mut b) in [
                (client.try_clone().unwrap(), server.try_clone().unwrap()),
                (server, client),
            ] {
                std::thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(n) = a.read(&mut buf) {
                        if n == 0 || b.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = b.shutdown(std::net::Shutdown::Both);
                });
            }
        }
    });
    assert_clear_failure(
        bin(&lab, &set(&args, "--server", &format!("127.0.0.2:{port}"))),
        "does not carry that name",
        "name mismatch",
    );
}

#[test]
fn plaintext_is_refused_by_the_tool_and_by_the_server() {
    let Some(lab) = Lab::get() else { return };
    let args = set(&lab.check_args(), "--server", "127.0.0.1");
    assert_clear_failure(
        bin(&lab, &with(&args, &["--allow-plaintext"])),
        "refusing to send a password over the unencrypted connection",
        "tool refuses",
    );
    assert_clear_failure(
        bin(
            &lab,
            &with(&args, &["--allow-plaintext", "--plaintext-password"]),
        ),
        "requires an encrypted connection",
        "server refuses",
    );
}

#[test]
fn bad_scope_and_connector_are_usage_errors() {
    let Some(lab) = Lab::get() else { return };
    let args = lab.check_args();
    let scope = format!("OU=Nope,{}", lab.var("LAB_BASE_DN"));
    assert_clear_failure(
        bin(&lab, &with(&args, &["--scope", &scope])),
        "does not exist",
        "scope",
    );
    assert_clear_failure(
        bin(
            &lab,
            &with(&args, &["--scope", "OU=Elsewhere,DC=other,DC=test"]),
        ),
        "is not in the domain",
        "foreign scope",
    );
    assert_clear_failure(
        bin(&lab, &with(&args, &["--connector", "nobody"])),
        "nobody",
        "connector",
    );
}

/// OpenLDAP's slapd on loopback (with the lab's certificate), as a directory that is not AD.
struct Slapd {
    dir: std::path::PathBuf,
    port: u16,
}

impl Slapd {
    /// `tls`: LDAPS with the lab's certificate; otherwise plain LDAP with no TLS configured at
    /// all (so StartTLS is refused).
    fn start(lab: &Lab, tls: bool) -> Option<Slapd> {
        let slapd = ["/usr/sbin/slapd", "/usr/local/libexec/slapd"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists());
        let Some(slapd) = slapd else {
            assert!(
                std::env::var("WW_REQUIRE_LAB").is_err() && std::env::var("CI").is_err(),
                "slapd is not installed"
            );
            eprintln!("SKIPPED: slapd is not installed (apt-get install slapd)");
            return None;
        };
        let dir = std::env::temp_dir().join(format!(
            "ww-slapd-{}-{}",
            std::process::id(),
            if tls { "tls" } else { "plain" }
        ));
        std::fs::create_dir_all(dir.join("db")).unwrap();
        let tls_dir = std::path::Path::new(lab.var("LAB_CA_FILE"))
            .parent()
            .unwrap()
            .to_path_buf();
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let conf = format!(
            "include /etc/ldap/schema/core.schema\n\
             modulepath /usr/lib/ldap\nmoduleload back_mdb\n\
             pidfile {d}/slapd.pid\n\
             {tls}\
             database mdb\nsuffix \"dc=example,dc=org\"\nrootdn \"cn=admin,dc=example,dc=org\"\nrootpw secret\n\
             directory {d}/db\n",
            d = dir.display(),
            tls = if tls {
                format!(
                    "TLSCACertificateFile {t}/ca.pem\nTLSCertificateFile {t}/cert.pem\nTLSCertificateKeyFile {t}/key.pem\n",
                    t = tls_dir.display()
                )
            } else {
                String::new()
            }
        );
        std::fs::write(dir.join("slapd.conf"), conf).unwrap();
        let status = Command::new(slapd)
            .args([
                "-f",
                dir.join("slapd.conf").to_str().unwrap(),
                "-h",
                &format!("{}://127.0.0.1:{port}/", if tls { "ldaps" } else { "ldap" }),
            ])
            .status()
            .unwrap();
        assert!(status.success(), "slapd did not start");
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "slapd did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Slapd { dir, port })
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.dir.join("slapd.pid")) {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
        std::thread::sleep(Duration::from_millis(200));
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn a_directory_that_is_not_active_directory_is_named_as_such() {
    let Some(lab) = Lab::get() else { return };
    let Some(slapd) = Slapd::start(&lab, true) else {
        return;
    };
    let args = set(
        &set(
            &lab.check_args(),
            "--server",
            &format!("ldaps://127.0.0.1:{}", slapd.port),
        ),
        "--user",
        "cn=admin,dc=example,dc=org",
    );
    let (code, out, err) = run_bin(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        &[("ADMIN_PW", "secret")],
    );
    assert_clear_failure((code, out, err), "is not Active Directory", "slapd");
}

#[test]
fn starttls_and_down_level_logon_names_work_too() {
    let Some(lab) = Lab::get() else { return };
    let args = with(
        &set(&lab.check_args(), "--server", "127.0.0.1"),
        &["--starttls", "--format", "json"],
    );
    let (code, out, err) = bin(&lab, &args);
    assert_eq!(code, 1, "StartTLS: {err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["directory"]["transport"], "start-tls");
    let args = set(&args, "--user", "LAB\\Administrator");
    let (code, _, err) = bin(&lab, &args);
    assert_eq!(code, 1, "DOMAIN\\user: {err}");
    let args = set(&args, "--user", lab.var("LAB_ADMIN_DN"));
    let (code, _, err) = bin(&lab, &args);
    assert_eq!(code, 1, "DN: {err}");
}

#[test]
fn ipv6_literals_work_for_ldaps_and_starttls() {
    let Some(lab) = Lab::get() else { return };
    for (server, starttls) in [
        ("ldaps://[::1]", false),
        ("ldaps://[::1]:636", false),
        ("[::1]", false),
        ("ldap://[::1]", true),
    ] {
        let mut args = with(
            &set(&lab.check_args(), "--server", server),
            &["--format", "json"],
        );
        if starttls {
            args.push("--starttls".into());
        }
        let (code, out, err) = bin(&lab, &args);
        assert_eq!(code, 1, "{server}: {err}");
        let r: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            r["directory"]["transport"],
            if starttls { "start-tls" } else { "ldaps" },
            "{server}"
        );
        assert!(r["readiness"]["in_scope"].as_u64().unwrap() > 0, "{server}");
    }
    // Verification stays on: without the lab's CA the same address is refused.
    assert_clear_failure(
        bin(
            &lab,
            &without(
                &set(&lab.check_args(), "--server", "ldaps://[::1]"),
                "--ca-file",
            ),
        ),
        "--ca-file",
        "IPv6 without the CA",
    );
}

#[test]
fn a_bad_ca_file_is_an_error_even_with_tls_skip_verify() {
    let Some(lab) = Lab::get() else { return };
    let args = with(&lab.check_args(), &["--tls-skip-verify"]);
    assert_clear_failure(
        bin(&lab, &set(&args, "--ca-file", "/nonexistent/ca.pem")),
        "/nonexistent/ca.pem",
        "missing CA file",
    );
    let junk = std::env::temp_dir().join(format!("ww-junk-ca-{}.pem", std::process::id()));
    std::fs::write(&junk, "not a certificate\n").unwrap();
    let result = bin(&lab, &set(&args, "--ca-file", junk.to_str().unwrap()));
    let _ = std::fs::remove_file(&junk);
    assert_clear_failure(result, "no certificate in it", "junk CA file");
}

/// A CA and a leaf for 127.0.0.1 that expired in 2020, made with the openssl CLI.
fn expired_certificate(dir: &std::path::Path) {
    let sh = |cmd: &str| {
        let ok = Command::new("sh")
            .args(["-c", cmd])
            .current_dir(dir)
            .status()
            .unwrap()
            .success();
        assert!(ok, "{cmd}");
    };
    std::fs::create_dir_all(dir.join("db")).unwrap();
    std::fs::write(dir.join("db/index.txt"), "").unwrap();
    std::fs::write(dir.join("db/serial"), "01\n").unwrap();
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca=ca1\n[ca1]\ndir=.\ndatabase=db/index.txt\nserial=db/serial\n\
         new_certs_dir=db\ndefault_md=sha256\npolicy=any\nx509_extensions=ext\n\
         [any]\ncommonName=supplied\n[ext]\nsubjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    sh(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key \
        -out ca.pem -days 3650 -subj '/CN=Expired Test CA' 2>/dev/null",
    );
    sh(
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key \
        -out leaf.csr -subj '/CN=127.0.0.1' 2>/dev/null",
    );
    sh(
        "openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in leaf.csr \
        -out leaf.pem -startdate 20200101000000Z -enddate 20200201000000Z 2>/dev/null",
    );
}

#[test]
fn an_expired_certificate_is_refused_in_words() {
    let Some(lab) = Lab::get() else { return };
    let dir = std::env::temp_dir().join(format!("ww-expired-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    expired_certificate(&dir);
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut server = Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-accept",
            &format!("127.0.0.1:{port}"),
            "-cert",
            "leaf.pem",
            "-key",
            "leaf.key",
        ])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "openssl s_server did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    let args = set(
        &set(
            &lab.check_args(),
            "--server",
            &format!("ldaps://127.0.0.1:{port}"),
        ),
        "--ca-file",
        dir.join("ca.pem").to_str().unwrap(),
    );
    let result = bin(&lab, &args);
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
    assert_clear_failure(result, "expired", "expired certificate");
}

#[test]
fn starttls_refused_by_the_server_is_said_and_no_password_is_sent() {
    let Some(lab) = Lab::get() else { return };
    let Some(slapd) = Slapd::start(&lab, false) else {
        return;
    };
    let args = with(
        &set(
            &lab.check_args(),
            "--server",
            &format!("ldap://127.0.0.1:{}", slapd.port),
        ),
        &["--starttls"],
    );
    assert_clear_failure(bin(&lab, &args), "StartTLS", "StartTLS refused");
}

#[test]
fn a_connection_dropped_mid_scan_is_an_error_not_a_verdict() {
    let Some(lab) = Lab::get() else { return };
    let target: std::net::SocketAddr = "127.0.0.1:636".parse().unwrap();
    // First the whole conversation through the forwarder, to learn its size.
    let whole = common::forward::Forwarder::start("127.0.0.1:0", target, None);
    let args = with(
        &set(
            &lab.check_args(),
            "--server",
            &format!("ldaps://127.0.0.1:{}", whole.addr.port()),
        ),
        &["--format", "json"],
    );
    let (code, _, err) = bin(&lab, &args);
    assert_eq!(code, 1, "through the forwarder: {err}");
    let total = whole.from_server.load(std::sync::atomic::Ordering::SeqCst);
    assert!(total > 20_000, "{total} bytes");
    // Then cut at 3/4 of it: bound and reading, then gone.
    let cut = common::forward::Forwarder::start("127.0.0.1:0", target, Some(total * 3 / 4));
    let args = set(
        &args,
        "--server",
        &format!("ldaps://127.0.0.1:{}", cut.addr.port()),
    );
    let (code, out, err) = bin(&lab, &args);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "no report from half a scan: {out}");
    assert!(
        err.lines().any(|l| l.starts_with("error: ")
            && l.contains("connection")
            && l.contains("was lost")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
