//! Connections: a directory that is not AD (OpenLDAP's slapd), StartTLS and down-level logon
//! names, IPv6 literals, bad CA files, an expired certificate, StartTLS refused by the server,
//! and a connection dropped mid-scan.

use super::*;

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
