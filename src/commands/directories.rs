//! `--profile`: every directory of a profile (forests, and with `all_domains` every domain of
//! a forest through its own DC), each with its own sign-in, connector and scope.

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use writeback_wizard::ad::{ConnectOptions, SimpleCredential};
use writeback_wizard::check::CheckOptions;
use writeback_wizard::cli::{ConnectionArgs, TargetArgs};
use writeback_wizard::engine::directories::forest_parts;
use writeback_wizard::engine::{Credential, Login};
use writeback_wizard::profile::{DirectorySettings, Settings};
use zeroize::Zeroizing;

pub use writeback_wizard::engine::Directory;

/// The directories the arguments name: every directory of `--profile`, or the one of
/// `--server` (with `--connector` and `--scope`).
pub async fn from_args(
    args: &ConnectionArgs,
    target: &TargetArgs,
    page_size: i32,
) -> Result<Vec<Directory>> {
    let Some(path) = &args.profile else {
        return Ok(vec![Directory {
            label: args.server.clone().unwrap_or_default(),
            login: super::connect::login(args)?,
            options: CheckOptions {
                connector: target.connector.clone(),
                scopes: target.scope.clone(),
                page_size,
                sync_rules: None,
            },
        }]);
    };
    if target.connector.is_some() || !target.scope.is_empty() {
        bail!(super::say("cli-profile-target", &[]));
    }
    let (settings, _) = Settings::load(path)?;
    let listed = settings.all_directories();
    if listed.is_empty() {
        bail!(super::say(
            "cli-profile-empty",
            &[("path", &path.display().to_string())]
        ));
    }
    let mut out = Vec::new();
    for (i, d) in listed.iter().enumerate() {
        let login = if i == 0 && d.password_env.is_empty() {
            // The main directory signs in as the command line says (--password-env, …).
            let mut a = args.clone();
            a.profile = None;
            a.server = Some(d.server.clone());
            a.ca_file = d.ca_file.clone().or(a.ca_file);
            a.user = (!d.user.is_empty()).then(|| d.user.clone()).or(a.user);
            a.kerberos |= d.windows_credentials;
            a.starttls |= d.transport == writeback_wizard::profile::TransportChoice::StartTls;
            super::connect::login(&a)?
        } else {
            login_of(d, args)?
        };
        let options = CheckOptions {
            connector: (!d.connector.is_empty()).then(|| d.connector.clone()),
            scopes: d.scopes.clone(),
            page_size,
            sync_rules: None,
        };
        if d.all_domains {
            out.extend(forest(&d.server, login, options).await?);
        } else {
            out.push(Directory {
                label: d.server.clone(),
                login,
                options,
            });
        }
    }
    Ok(out)
}

/// A listed directory's sign-in: its own user and the password from its `password_env` (or a
/// prompt on a terminal).
fn login_of(d: &DirectorySettings, args: &ConnectionArgs) -> Result<Login> {
    let mut options = ConnectOptions::for_server(&d.server, d.transport.transport())?;
    options.ca_file = d.ca_file.clone().or_else(|| args.ca_file.clone());
    options.timeout = Duration::from_secs(args.timeout);
    if d.windows_credentials {
        return Ok(Login {
            options,
            credential: Credential::Kerberos,
        });
    }
    if d.user.is_empty() {
        bail!(super::say("cli-profile-no-user", &[("server", &d.server)]));
    }
    let password =
        if !d.password_env.is_empty() {
            Zeroizing::new(std::env::var(&d.password_env).with_context(|| {
                super::say("cli-password-env-unset", &[("var", &d.password_env)])
            })?)
        } else if std::io::stdin().is_terminal() {
            Zeroizing::new(
                rpassword::prompt_password(super::say(
                    "cli-prompt-directory-password",
                    &[("user", &d.user), ("server", &d.server)],
                ))
                .with_context(|| super::say("cli-reading-password", &[]))?,
            )
        } else {
            bail!(super::say(
                "cli-profile-no-password",
                &[("server", &d.server), ("user", &d.user)]
            ));
        };
    Ok(Login {
        options,
        credential: Credential::Password(SimpleCredential {
            user: d.user.clone(),
            password,
        }),
    })
}

/// Every domain of the forest `server` belongs to, each through its own DC, with the same
/// sign-in; the scope's OUs go to the domain that holds them ([`forest_parts`], as the wizard
/// splits them).
async fn forest(server: &str, login: Login, options: CheckOptions) -> Result<Vec<Directory>> {
    let mut conn = login.connect().await?;
    let root = conn.root_dse().await?;
    let domains = conn.forest_domains(&root).await?;
    conn.close().await;
    let mut out = Vec::new();
    for part in forest_parts(
        server,
        &root.default_naming_context,
        &domains,
        &options.scopes,
    ) {
        let mut l = login.clone();
        if part.reach != server {
            let mut o = ConnectOptions::for_server(&part.reach, l.options.transport)?;
            o.ca_file = l.options.ca_file.clone();
            o.timeout = l.options.timeout;
            l.options = o;
        }
        out.push(Directory {
            label: part.label(),
            login: l,
            options: CheckOptions {
                scopes: part.scopes,
                ..options.clone()
            },
        });
    }
    Ok(out)
}
