//! Signing in for `check --entra` (browser with PKCE, or device code), and the Hybrid Identity
//! Administrator `apply --enable-cloud-sync-writeback` signs in with. What is read from the
//! tenant and the sync server is the engine's (`engine::assess`), and so are the writeback
//! switches (`engine::write::switches`).

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, Result};
use writeback_wizard::cli::{ApplyArgs, CloudArg, EntraArgs};
pub use writeback_wizard::engine::write::switches::HybridAdmin;
use writeback_wizard::entra::{self, Cloud, Endpoints, Graph, SignIn};

pub fn cloud(arg: CloudArg) -> Cloud {
    match arg {
        CloudArg::Global => Cloud::Global,
        CloudArg::UsGovernment => Cloud::UsGovernment,
        CloudArg::China => Cloud::China,
    }
}

/// Signs in and returns the Graph client. `pilot` asks for the extra permissions the pilot
/// table needs.
pub async fn sign_in(args: &EntraArgs, pilot: bool) -> Result<Graph> {
    let cloud = cloud(args.cloud);
    let endpoints =
        Endpoints::with_overrides(cloud, args.authority.as_deref(), args.graph_url.as_deref())?;
    let http = entra::http_client(Duration::from_secs(30)).map_err(anyhow::Error::msg)?;
    let client_id = args.client_id.clone().unwrap_or_else(|| {
        errln!(
            "{}",
            super::say(
                "cli-public-client",
                &[("id", entra::cloud::GRAPH_COMMAND_LINE_TOOLS)]
            )
        );
        entra::cloud::GRAPH_COMMAND_LINE_TOOLS.to_string()
    });
    let mut scopes: Vec<&str> = entra::cloud::SCOPES.to_vec();
    if pilot {
        scopes.extend_from_slice(entra::cloud::PILOT_SCOPES);
    }
    let sign_in = SignIn::new(
        http.clone(),
        endpoints.clone(),
        &args.tenant,
        &client_id,
        &scopes,
    );
    let token = if args.device_code {
        let code = sign_in
            .start_device_code()
            .await
            .with_context(|| super::say("cli-device-code-sign-in", &[]))?;
        errln!(
            "{}",
            if code.message.is_empty() {
                super::say(
                    "cli-device-code",
                    &[("uri", &code.verification_uri), ("code", &code.user_code)],
                )
            } else {
                code.message.clone()
            }
        );
        sign_in
            .finish_device_code(&code)
            .await
            .with_context(|| super::say("cli-device-code-sign-in", &[]))?
    } else {
        let pending = sign_in
            .start_browser()
            .await
            .with_context(|| super::say("cli-browser-sign-in", &[]))?;
        if !(std::io::stderr().is_terminal() && entra::open_browser(&pending.url)) {
            errln!("{}\n{}", super::say("cli-open-address", &[]), pending.url);
        }
        errln!("{}", super::say("cli-waiting-browser", &[]));
        sign_in
            .finish_browser(pending, Duration::from_secs(300))
            .await
            .with_context(|| super::say("cli-browser-sign-in", &[]))?
    };
    Ok(Graph::new(http, endpoints, token, Some(sign_in)))
}

/// `--hybrid-admin` and its password, when `--enable-cloud-sync-writeback` asks for them.
pub fn hybrid_admin(args: &ApplyArgs) -> Result<Option<HybridAdmin>> {
    if !args.enable_cloud_sync_writeback {
        return Ok(None);
    }
    let user = args.hybrid_admin.clone().unwrap_or_default();
    let password = match &args.hybrid_admin_password_env {
        Some(var) => zeroize::Zeroizing::new(
            std::env::var(var)
                .with_context(|| super::say("cli-password-env-unset", &[("var", var)]))?,
        ),
        None if std::io::stdin().is_terminal() => zeroize::Zeroizing::new(
            rpassword::prompt_password(super::say("cli-hybrid-admin-password", &[("user", &user)]))
                .with_context(|| super::say("cli-reading-password", &[]))?,
        ),
        None => anyhow::bail!(super::say("cli-no-hybrid-admin-password", &[])),
    };
    Ok(Some(HybridAdmin { user, password }))
}
