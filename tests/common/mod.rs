//! Shared helpers for the tests that run against the Samba AD lab (`scripts/lab up`).
//!
//! The lab is found through `WW_LAB_ENV` (path of its env file) or the default
//! `/var/tmp/ww-lab/lab.env`. Without a lab these tests say so and pass trivially on a
//! developer's machine; with `CI=true` (or `WW_REQUIRE_LAB=1`, which `scripts/test` sets) a
//! missing lab is a failure, never a skip.

#![allow(dead_code)]

pub mod forge;
pub mod forward;
pub mod ldap_proxy;
pub mod regression;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use writeback_wizard::ad::{ConnectOptions, Connection, SimpleCredential};
use zeroize::Zeroizing;

/// Serialises tests of one binary that change the directory.
pub static DIRECTORY_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct Lab {
    vars: HashMap<String, String>,
}

impl Lab {
    /// The running lab, or `None` (after saying why) when there is none and this is not CI.
    pub fn get() -> Option<Lab> {
        Self::load("WW_LAB_ENV", "/var/tmp/ww-lab/lab.env", "scripts/lab up")
    }

    /// The second forest (`scripts/lab up --forest2`, on 127.0.0.2), for the tests of several
    /// forests; its variables start with `LAB2_`.
    pub fn second() -> Option<Lab> {
        Self::load(
            "WW_LAB2_ENV",
            "/var/tmp/ww-lab-forest2/lab.env",
            "scripts/lab up --forest2",
        )
    }

    /// The third forest (`scripts/lab up --forest3`, on 127.0.0.3), for runs of three
    /// directories; its variables start with `LAB3_`.
    pub fn third() -> Option<Lab> {
        Self::load(
            "WW_LAB3_ENV",
            "/var/tmp/ww-lab-forest3/lab.env",
            "scripts/lab up --forest3",
        )
    }

    fn load(var: &str, default: &str, start: &str) -> Option<Lab> {
        let path = std::env::var(var).unwrap_or_else(|_| default.to_string());
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                let msg = format!(
                    "no Samba AD lab ({path}: {e}); start it with `{start}` or run `scripts/test`"
                );
                let required = std::env::var("CI").is_ok_and(|v| v == "true")
                    || std::env::var("WW_REQUIRE_LAB").is_ok_and(|v| v == "1");
                if required {
                    panic!("{msg}");
                }
                eprintln!("SKIPPED: {msg}");
                return None;
            }
        };
        let vars = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| {
                let v = v.trim();
                let v = v
                    .strip_prefix('\'')
                    .and_then(|v| v.strip_suffix('\''))
                    .unwrap_or(v)
                    .replace("'\\''", "'");
                (k.trim().to_string(), v)
            })
            .collect();
        Some(Lab { vars })
    }

    pub fn var(&self, key: &str) -> &str {
        self.vars
            .get(key)
            .unwrap_or_else(|| panic!("{key} missing from the lab env file"))
    }

    pub fn options(&self) -> ConnectOptions {
        let mut o = ConnectOptions::new(self.var("LAB_LDAPS_URL"));
        o.ca_file = Some(self.var("LAB_CA_FILE").into());
        o.timeout = Duration::from_secs(30);
        o
    }

    fn cred(&self, user: &str, pw: &str) -> SimpleCredential {
        SimpleCredential {
            user: self.var(user).to_string(),
            password: Zeroizing::new(self.var(pw).to_string()),
        }
    }

    pub async fn admin(&self) -> Connection {
        Connection::simple(&self.options(), &self.cred("LAB_ADMIN_UPN", "LAB_ADMIN_PW"))
            .await
            .expect("bind as the lab administrator")
    }

    pub async fn connector(&self) -> Connection {
        Connection::simple(&self.options(), &self.cred("LAB_MSOL_UPN", "LAB_MSOL_PW"))
            .await
            .expect("bind as MSOL_lab")
    }

    /// Runs Samba's own converter (`scripts/sd-oracle.py MODE --domain-sid …`) over `lines`,
    /// one output line per input line.
    pub fn oracle(&self, mode: &str, lines: &[String]) -> Vec<String> {
        let mut child = Command::new(self.var("LAB_PYTHON"))
            .arg(self.var("LAB_SD_ORACLE"))
            .arg(mode)
            .arg("--domain-sid")
            .arg(self.var("LAB_DOMAIN_SID"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the Samba oracle");
        let mut stdin = child.stdin.take().unwrap();
        let input: Vec<String> = lines.to_vec();
        let writer = std::thread::spawn(move || {
            for l in input {
                writeln!(stdin, "{l}").unwrap();
            }
        });
        let out: Vec<String> = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map(Result::unwrap)
            .collect();
        writer.join().unwrap();
        assert!(child.wait().unwrap().success(), "oracle failed");
        assert_eq!(
            out.len(),
            lines.len(),
            "oracle answered a different number of lines"
        );
        out
    }
}

/// `"password"` in UTF-16LE with the quotes, as `unicodePwd` wants it.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Changes made by a test, undone in reverse order by [`Undo::undo`].
#[derive(Default)]
pub struct Undo {
    steps: Vec<UndoStep>,
}

enum UndoStep {
    Dacl {
        dn: String,
        raw: Vec<u8>,
    },
    Attr {
        dn: String,
        attr: String,
        values: Vec<Vec<u8>>,
    },
    Delete {
        dn: String,
    },
}

impl Undo {
    /// Changes the DACL of `dn` with `change`, remembering the original for [`Undo::undo`].
    pub async fn edit_dacl(
        &mut self,
        conn: &mut Connection,
        dn: &str,
        change: impl FnOnce(&mut writeback_wizard::sd::SecurityDescriptor),
    ) {
        use writeback_wizard::ad::controls;
        let stored = conn
            .read_security_descriptor(dn, controls::DACL)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("cannot read the DACL of {dn}"));
        let mut sd = stored.sd.clone();
        change(&mut sd);
        self.steps.push(UndoStep::Dacl {
            dn: dn.to_string(),
            raw: stored.raw,
        });
        conn.write_dacl(dn, &sd).await.unwrap();
    }

    /// Adds `aces` (explicit, after the existing explicit ones) to the DACL of `dn`.
    pub async fn add_aces(
        &mut self,
        conn: &mut Connection,
        dn: &str,
        aces: &[writeback_wizard::sd::Ace],
    ) {
        self.edit_dacl(conn, dn, |sd| {
            writeback_wizard::sd::canonical::ensure_present(sd.dacl.acl_mut().unwrap(), aces);
        })
        .await;
    }

    /// Puts `ace` first in the DACL of `dn` (for deny ACEs).
    pub async fn prepend_ace(
        &mut self,
        conn: &mut Connection,
        dn: &str,
        ace: writeback_wizard::sd::Ace,
    ) {
        self.edit_dacl(conn, dn, |sd| {
            sd.dacl.acl_mut().unwrap().aces.insert(0, ace)
        })
        .await;
    }

    /// Disables inheritance on `dn`, keeping the inherited ACEs as explicit ones (what "Disable
    /// inheritance → Convert inherited permissions into explicit permissions" does).
    pub async fn protect(&mut self, conn: &mut Connection, dn: &str) {
        use writeback_wizard::sd::{AceFlags, Control};
        self.edit_dacl(conn, dn, |sd| {
            for ace in &mut sd.dacl.acl_mut().unwrap().aces {
                ace.flags = ace.flags.without(AceFlags::INHERITED);
            }
            sd.set_control(Control::DACL_PROTECTED, true);
        })
        .await;
    }

    /// Replaces `attr` of `dn` with `values`.
    pub async fn set_attr(&mut self, conn: &mut Connection, dn: &str, attr: &str, values: &[&str]) {
        let old = conn
            .read(dn, &[attr], vec![])
            .await
            .unwrap()
            .map(|e| e.values(attr).to_vec())
            .unwrap_or_default();
        self.steps.push(UndoStep::Attr {
            dn: dn.to_string(),
            attr: attr.to_string(),
            values: old,
        });
        conn.replace(
            dn,
            attr,
            values.iter().map(|v| v.as_bytes().to_vec()).collect(),
            vec![],
        )
        .await
        .unwrap();
    }

    /// Records that `dn` was created by the test, so undo deletes it.
    pub fn created(&mut self, dn: &str) {
        self.steps.push(UndoStep::Delete { dn: dn.to_string() });
    }

    pub async fn undo(self, conn: &mut Connection) {
        for step in self.steps.into_iter().rev() {
            match step {
                UndoStep::Dacl { dn, raw } => {
                    let sd = writeback_wizard::sd::SecurityDescriptor::from_bytes(&raw).unwrap();
                    conn.write_dacl(&dn, &sd).await.unwrap();
                }
                UndoStep::Attr { dn, attr, values } => {
                    conn.replace(&dn, &attr, values, vec![]).await.unwrap();
                }
                UndoStep::Delete { dn } => {
                    conn.delete(&dn).await.unwrap();
                }
            }
        }
    }
}

/// The stand-in tenant's domain and the app registration the tests sign in with.
pub const TENANT: &str = "contoso.example";
pub const CLIENT_ID: &str = "11111111-2222-3333-4444-555555555555";

/// `--entra` with a device-code sign-in to the stand-in at `server` (its sign-in and Graph
/// endpoints), and a JSON report.
pub fn entra_args(server: &MockServer) -> Vec<String> {
    [
        "--entra",
        "--device-code",
        "--tenant",
        TENANT,
        "--authority",
        &server.uri(),
        "--graph-url",
        &server.uri(),
        "--client-id",
        CLIENT_ID,
        "--format",
        "json",
    ]
    .map(String::from)
    .to_vec()
}

/// The same sign-in as a profile's answers.
pub fn entra_settings(server: &MockServer) -> writeback_wizard::profile::Settings {
    writeback_wizard::profile::Settings {
        tenant: TENANT.into(),
        client_id: CLIENT_ID.into(),
        authority_url: server.uri(),
        graph_url: server.uri(),
        ..Default::default()
    }
}

/// The DACL of `dn`, raw, as the DC stores it.
pub async fn raw_dacl(conn: &mut Connection, dn: &str) -> Vec<u8> {
    conn.read_security_descriptor(dn, writeback_wizard::ad::controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .raw
}

/// The writeback-wizard binary with `args`; returns (exit code, stdout, stderr). The lab's
/// passwords are passed through the environment, as a person would.
pub fn run_bin(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run writeback-wizard");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

impl Lab {
    /// The connection arguments for `server` (the lab's URL, or a proxy's in front of it) as
    /// the administrator, the password in `ADMIN_PW`.
    pub fn admin_args(&self, server: &str) -> Vec<String> {
        [
            "--server",
            server,
            "--ca-file",
            self.var("LAB_CA_FILE"),
            "--user",
            self.var("LAB_ADMIN_UPN"),
            "--password-env",
            "ADMIN_PW",
        ]
        .map(String::from)
        .to_vec()
    }

    /// Runs the binary with `cmd` and the lab's connection arguments, signed in as `user`
    /// (`(user, password)`) or the administrator; the password goes through the environment
    /// (`PW`, unless `cmd` gives `--password-file`), with the lab's other passwords beside it
    /// (`ADMIN_PW`, `MSOL_PW`, `USER_PW`) and `env`.
    pub fn cli(
        &self,
        cmd: &[&str],
        user: Option<(&str, &str)>,
        env: &[(&str, &str)],
    ) -> (i32, String, String) {
        let (upn, password) = user.unwrap_or((self.var("LAB_ADMIN_UPN"), self.var("LAB_ADMIN_PW")));
        let mut args: Vec<&str> = cmd.to_vec();
        args.extend([
            "--server",
            self.var("LAB_LDAPS_URL"),
            "--ca-file",
            self.var("LAB_CA_FILE"),
            "--user",
            upn,
        ]);
        if !args.contains(&"--password-file") {
            args.extend(["--password-env", "PW"]);
        }
        let mut envs = vec![("PW", password)];
        for (var, key) in [
            ("ADMIN_PW", "LAB_ADMIN_PW"),
            ("MSOL_PW", "LAB_MSOL_PW"),
            ("USER_PW", "LAB_USER_PW"),
        ] {
            if let Some(v) = self.vars.get(key) {
                envs.push((var, v.as_str()));
            }
        }
        envs.extend_from_slice(env);
        run_bin(&args, &envs)
    }

    /// `check` arguments for the lab as the administrator (password in `ADMIN_PW`).
    pub fn check_args(&self) -> Vec<String> {
        let mut v = vec!["check".to_string()];
        v.extend(self.admin_args(self.var("LAB_LDAPS_URL")));
        v
    }
}

/// Makes a stand-in PowerShell (see tests/syncserver.rs for why) in a fresh folder. `read` is what the read script prints;
/// `enable` what the enable script prints and its exit code; `hang` makes it sleep.
pub fn stand_in(
    name: &str,
    read: &serde_json::Value,
    enable: (&str, i32),
    hang: bool,
) -> (
    writeback_wizard::syncserver::ProcessPowerShell,
    std::path::PathBuf,
) {
    let dir = std::env::temp_dir().join(format!("ww-ps-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("read.json"), read.to_string()).unwrap();
    std::fs::write(dir.join("enable.json"), enable.0).unwrap();
    let script = format!(
        r#"#!/bin/bash
# powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand <base64 UTF-16LE>
[ "$5" = "-EncodedCommand" ] || {{ echo "unexpected arguments: $*" >&2; exit 64; }}
here=$(dirname "$0")
script=$(printf %s "$6" | base64 -d | iconv -f UTF-16LE -t UTF-8)
printf %s "$script" > "$here/last-script.ps1"
{hang}
case "$script" in
  *Set-ADSyncAADPasswordResetConfiguration*)
    # What the server reports after a successful enable, when the test gave it.
    [ {code} = 0 ] && [ -f "$here/read-after-enable.json" ] && cp "$here/read-after-enable.json" "$here/read.json"
    cat "$here/enable.json"; exit {code} ;;
  *Set-AADCloudSyncPasswordWritebackConfiguration*)
    # The password comes on standard input, one line; the test compares it and removes it.
    IFS= read -r line; printf %s "$line" > "$here/stdin-line"
    cat "$here/enable.json"; exit {code} ;;
  *Get-ADSyncScheduler*) cat "$here/read.json" ;;
  *) echo "unknown script" >&2; exit 1 ;;
esac
"#,
        hang = if hang { "sleep 30" } else { "" },
        code = enable.1
    );
    let exe = dir.join("powershell");
    std::fs::write(&exe, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (
        writeback_wizard::syncserver::ProcessPowerShell {
            exe,
            timeout: Duration::from_secs(20),
        },
        dir,
    )
}

/// The connector's three writeback ACEs for descendant objects of `class` (the ACEs plan
/// writes).
pub fn grant(
    sid: &writeback_wizard::sd::Sid,
    class: writeback_wizard::sd::Guid,
) -> Vec<writeback_wizard::sd::Ace> {
    writeback_wizard::plan::writeback_aces(sid, class, &writeback_wizard::check::Right::ALL)
}

pub fn ok(v: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(v)
}

/// A stand-in of the identity platform and Microsoft Graph for tenant `contoso.example`: the
/// device code flow signs in Ada, a Global Administrator of a managed domain with a recent
/// sync; `licensed` adds an Entra ID P1 service plan to the subscribed SKUs.
pub async fn entra_tenant(server: &MockServer, licensed: bool) {
    let plans = if licensed {
        json!([{"servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "servicePlanName": "AAD_PREMIUM", "provisioningStatus": "Success"}])
    } else {
        json!([])
    };
    Mock::given(method("POST")).and(path("/contoso.example/oauth2/v2.0/devicecode"))
        .respond_with(ok(json!({"device_code": "DC", "user_code": "WXYZ-1234", "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": 900, "interval": 0, "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code WXYZ-1234 to authenticate."})))
        .mount(server).await;
    Mock::given(method("POST")).and(path("/contoso.example/oauth2/v2.0/token"))
        .respond_with(ok(json!({"token_type": "Bearer", "expires_in": 3599, "access_token": "SECRET-ACCESS-TOKEN", "refresh_token": "SECRET-REFRESH"})))
        .mount(server).await;
    Mock::given(method("GET"))
        .and(path("/v1.0/me"))
        .respond_with(ok(
            json!({"id": "u1", "userPrincipalName": "ada@contoso.example", "displayName": "Ada"}),
        ))
        .mount(server)
        .await;
    Mock::given(method("GET")).and(path("/v1.0/me/transitiveMemberOf"))
        .respond_with(ok(json!({"value": [{"@odata.type": "#microsoft.graph.directoryRole", "displayName": "Global Administrator", "roleTemplateId": "62e90394-69f5-4237-9190-012177145e10"}]})))
        .mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/subscribedSkus"))
        .respond_with(ok(json!({"value": [{"skuPartNumber": if licensed { "AAD_PREMIUM" } else { "O365_BUSINESS_ESSENTIALS" }, "capabilityStatus": "Enabled", "servicePlans": plans}]})))
        .mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/organization"))
        .respond_with(ok(json!({"value": [{"id": "t1", "displayName": "Contoso", "onPremisesSyncEnabled": true, "onPremisesLastSyncDateTime": writeback_wizard::clock::rfc3339_now()}]})))
        .mount(server).await;
    Mock::given(method("GET"))
        .and(path("/v1.0/domains/contoso.example"))
        .respond_with(ok(
            json!({"id": "contoso.example", "authenticationType": "Managed", "isVerified": true}),
        ))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/directory/onPremisesSynchronization"))
        .respond_with(ok(
            json!({"id": "t1", "features": {"passwordSyncEnabled": true}}),
        ))
        .mount(server)
        .await;
}

/// One query parameter of `url`.
pub fn query(url: &str, key: &str) -> String {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("no {key} in {url}"))
        .1
        .into_owned()
}

/// The test's "browser".
pub fn browser() -> reqwest::Client {
    writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap()
}

/// Where the sign-in listens for the browser's return (the authorize URL's `redirect_uri`), as
/// `http://127.0.0.1:PORT/`.
pub fn loopback(authorize_url: &str) -> String {
    let redirect = query(authorize_url, "redirect_uri");
    let port = redirect.trim_end_matches('/').rsplit(':').next().unwrap();
    format!("http://127.0.0.1:{port}/")
}

/// Every reason of every blocked user is covered by an error finding on the object that holds
/// the cause (same id, same object); returns the uncovered ones.
pub fn uncovered(o: &writeback_wizard::check::CheckOutcome) -> Vec<String> {
    use writeback_wizard::check::Severity;
    let mut out = Vec::new();
    for b in o.scan.blocked.iter() {
        for r in b.reasons {
            let covered = o.findings.iter().any(|f| {
                f.id == r.id
                    && f.severity == Severity::Error
                    && f.object.eq_ignore_ascii_case(&r.object)
            });
            if !covered {
                out.push(format!("{}: {} at {}", b.dn, r.id, r.object));
            }
        }
    }
    out
}

/// The (id, lower-case object) of every error finding.
pub fn errors(
    o: &writeback_wizard::check::CheckOutcome,
) -> std::collections::BTreeSet<(String, String)> {
    o.findings
        .iter()
        .filter(|f| f.severity == writeback_wizard::check::Severity::Error)
        .map(|f| (f.id.to_string(), f.object.to_ascii_lowercase()))
        .collect()
}

/// One of the LDAP writes password writeback makes on a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Replace unicodePwd (Reset Password).
    Reset,
    /// pwdLastSet = 0.
    PwdLastSetZero,
    /// pwdLastSet = -1 (also needs Unexpire Password on the domain).
    PwdLastSetMinusOne,
    /// lockoutTime = 0.
    LockoutTime,
}

pub const OPS: [Op; 4] = [
    Op::Reset,
    Op::PwdLastSetZero,
    Op::PwdLastSetMinusOne,
    Op::LockoutTime,
];

/// What really happens when the connector (`msol`) tries `op` on `dn`: `Ok(true)` = the DC
/// allowed it, `Ok(false)` = insufficient access (50). A reset sets `password`. After
/// pwdLastSet = 0 the admin sets it back to -1 where the DACL lets it, so the user keeps a usable
/// password.
pub async fn attempt(
    msol: &mut Connection,
    admin: &mut Connection,
    dn: &str,
    op: Op,
    password: &str,
) -> Result<bool, String> {
    let (attr, value) = match op {
        Op::Reset => ("unicodePwd", unicode_pwd(password)),
        Op::PwdLastSetZero => ("pwdLastSet", b"0".to_vec()),
        Op::PwdLastSetMinusOne => ("pwdLastSet", b"-1".to_vec()),
        Op::LockoutTime => ("lockoutTime", b"0".to_vec()),
    };
    let (code, text) = msol
        .modify_replace(dn, attr, vec![value], vec![])
        .await
        .map_err(|e| e.to_string())?;
    match code {
        0 => {
            if op == Op::PwdLastSetZero {
                // Best effort: a DACL under test may not let even the admin write it back.
                let _ = admin
                    .replace(dn, "pwdLastSet", vec![b"-1".to_vec()], vec![])
                    .await;
            }
            Ok(true)
        }
        50 => Ok(false),
        _ => Err(format!("{op:?} on {dn}: LDAP {code} {text}")),
    }
}
