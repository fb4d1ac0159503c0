//! Bad input, one clear sentence each: credentials, unreachable and silent servers,
//! certificate problems, plaintext, a bad scope or connector.

use super::*;

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
fn errors_are_said_in_the_chosen_language_with_the_command_lines_next_step() {
    let Some(lab) = Lab::get() else { return };
    let args = with(&lab.check_args(), &["--lang", "de-DE"]);
    assert_clear_failure(
        bin(&lab, &set(&args, "--password-env", "WRONG_PW")),
        "hat das Kennwort für",
        "wrong password, in German",
    );
    assert_clear_failure(
        bin(&lab, &without(&args, "--password-env")),
        "Kein Kennwort: Geben Sie --password-env",
        "no password, in German",
    );
    assert_clear_failure(
        bin(&lab, &with(&args, &["--connector", "nobody-at-all"])),
        "kein Konto entspricht --connector",
        "unknown connector, in German",
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
