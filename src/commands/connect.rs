//! From command-line arguments to a bound connection: the server, the transport and the
//! password (environment, file or a no-echo prompt; never an argument).

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use writeback_wizard::ad::{ConnectOptions, Connection, SimpleCredential, Transport};
use writeback_wizard::cli::ConnectionArgs;
use writeback_wizard::engine::{Credential, Login};
use zeroize::Zeroizing;

/// The transport the arguments ask for.
pub fn transport(args: &ConnectionArgs) -> Transport {
    if args.starttls {
        Transport::StartTls
    } else if args.allow_plaintext {
        Transport::Plain
    } else {
        Transport::Ldaps
    }
}

/// The machine's DNS domain, if it has one (Windows: USERDNSDOMAIN; elsewhere the `domain` or
/// first `search` entry of /etc/resolv.conf).
pub fn machine_domain() -> Option<String> {
    if let Ok(d) = std::env::var("USERDNSDOMAIN")
        && !d.trim().is_empty()
    {
        return Some(d.trim().to_ascii_lowercase());
    }
    let conf = std::fs::read_to_string("/etc/resolv.conf").ok()?;
    conf.lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            match w.next()? {
                "domain" | "search" => w.next().map(str::to_string),
                _ => None,
            }
        })
        .find(|d| d.contains('.') && d != "." && !d.ends_with(".local") && d != "localdomain")
}

fn prompt(question: &str) -> Result<String> {
    err!("{question}");
    let mut s = String::new();
    std::io::stdin().read_line(&mut s)?;
    Ok(s.trim().to_string())
}

/// The connection options from the arguments.
pub fn options(args: &ConnectionArgs) -> Result<ConnectOptions> {
    let server = match &args.server {
        Some(s) => s.clone(),
        None => match machine_domain() {
            Some(d) => {
                tracing::info!("no --server given; using the machine's domain {d}");
                d
            }
            None if std::io::stdin().is_terminal() => {
                prompt(&super::say("cli-prompt-server", &[]))?
            }
            None => bail!(super::say("cli-no-server", &[])),
        },
    };
    let mut opts = ConnectOptions::for_server(&server, transport(args))?;
    opts.ca_file = args.ca_file.clone();
    opts.tls_skip_verify = args.tls_skip_verify;
    opts.timeout = Duration::from_secs(args.timeout);
    opts.plaintext_password = args.plaintext_password;
    if args.tls_skip_verify {
        errln!(
            "{}",
            super::say("cli-tls-skip-verify", &[("server", &opts.url)])
        );
    }
    Ok(opts)
}

/// The password from --password-env, --password-file or a no-echo prompt.
pub fn password(args: &ConnectionArgs, user: &str) -> Result<Zeroizing<String>> {
    if let Some(var) = &args.password_env {
        let v = std::env::var(var)
            .with_context(|| super::say("cli-password-env-unset", &[("var", var)]))?;
        return Ok(Zeroizing::new(v));
    }
    if let Some(path) = &args.password_file {
        return password_from_file(path);
    }
    if std::io::stdin().is_terminal() {
        let pw = rpassword::prompt_password(super::say("cli-prompt-password", &[("user", user)]))
            .with_context(|| super::say("cli-reading-password", &[]))?;
        return Ok(Zeroizing::new(pw));
    }
    bail!(super::say("cli-no-password", &[]))
}

/// The first line of a password file: UTF-8 (a byte-order mark, as Notepad writes it, is
/// skipped), the line ending (LF or CRLF) is not part of the password; every other character
/// is, spaces and non-ASCII letters included.
pub fn password_from_file(path: &std::path::Path) -> Result<Zeroizing<String>> {
    let shown = path.display().to_string();
    let bytes = Zeroizing::new(
        std::fs::read(path)
            .with_context(|| super::say("cli-password-file", &[("path", &shown)]))?,
    );
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        anyhow::anyhow!(super::say(
            "cli-password-file-not-utf8",
            &[("path", &shown)]
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split('\n').next().unwrap_or_default();
    let first = first.strip_suffix('\r').unwrap_or(first);
    if first.is_empty() {
        bail!(super::say("cli-password-file-empty", &[("path", &shown)]));
    }
    Ok(Zeroizing::new(first.to_string()))
}

/// The engine's sign-in from the arguments (the password is read here: environment, file or
/// prompt).
pub fn login(args: &ConnectionArgs) -> Result<Login> {
    let options = options(args)?;
    if args.kerberos {
        return Ok(Login {
            options,
            credential: Credential::Kerberos,
        });
    }
    let Some(user) = args.user.clone() else {
        bail!(super::say("cli-no-user", &[]))
    };
    Ok(Login {
        options,
        credential: Credential::Password(SimpleCredential {
            password: password(args, &user)?,
            user,
        }),
    })
}

/// Connects and binds as the arguments say.
pub async fn connect(args: &ConnectionArgs) -> Result<Connection> {
    Ok(login(args)?.connect().await?)
}
