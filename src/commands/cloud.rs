//! Signing in for `check --entra` (browser with PKCE, or device code), and `apply
//! --enable-writeback`. What is read from the tenant and the sync server is the engine's
//! (`engine::assess`).

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, Result};
use writeback_wizard::cli::{CloudArg, EntraArgs};
use writeback_wizard::entra::{self, Cloud, Endpoints, Graph, SignIn};
use writeback_wizard::syncserver::{self, ProcessPowerShell};

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
        eprintln!(
            "Signing in with the public client of Microsoft Graph Command Line Tools ({}); use --client-id for your own app.",
            entra::cloud::GRAPH_COMMAND_LINE_TOOLS
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
            .context("device code sign-in")?;
        eprintln!(
            "{}",
            if code.message.is_empty() {
                format!(
                    "To sign in, open {} and enter the code {}",
                    code.verification_uri, code.user_code
                )
            } else {
                code.message.clone()
            }
        );
        sign_in
            .finish_device_code(&code)
            .await
            .context("device code sign-in")?
    } else {
        let pending = sign_in.start_browser().await.context("browser sign-in")?;
        if !(std::io::stderr().is_terminal() && entra::open_browser(&pending.url)) {
            eprintln!(
                "Open this address in a browser to sign in:\n{}",
                pending.url
            );
        }
        eprintln!("Waiting for the sign-in in the browser (or use --device-code)…");
        sign_in
            .finish_browser(pending, Duration::from_secs(300))
            .await
            .context("browser sign-in")?
    };
    Ok(Graph::new(http, endpoints, token, Some(sign_in)))
}

/// `apply --enable-writeback`: switch writeback on for the Entra connector of this server.
pub async fn enable_writeback() -> Result<()> {
    let ps = ProcessPowerShell::default();
    let info = syncserver::read(&ps)
        .await?
        .filter(|i| i.installed)
        .ok_or_else(|| anyhow::anyhow!("Entra Connect is not installed on this computer: run apply --enable-writeback on the sync server"))?;
    if info.password_writeback_enabled == Some(true) {
        println!("Password writeback is already enabled on this sync server.");
        return Ok(());
    }
    syncserver::enable_writeback(&ps, &info).await?;
    println!("Password writeback is now enabled on this sync server (read back and verified).");
    Ok(())
}
