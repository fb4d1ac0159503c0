//! The cloud and sync-server part of `check --entra`: sign in (browser with PKCE, or device
//! code), read the tenant, read the sync server, and turn both into findings.

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::{Context, Result};
use writeback_wizard::check::Finding;
use writeback_wizard::cli::{CloudArg, EntraArgs};
use writeback_wizard::entra::{self, Cloud, Endpoints, Graph, SignIn};
use writeback_wizard::syncserver::{self, ProcessPowerShell};

/// Who signed in, for the report, and the Graph client for further reads.
pub struct CloudSummary {
    pub findings: Vec<Finding>,
    pub signed_in_as: Option<String>,
    pub tenant: Option<String>,
    pub graph: Graph,
}

pub fn cloud(arg: CloudArg) -> Cloud {
    match arg {
        CloudArg::Global => Cloud::Global,
        CloudArg::UsGovernment => Cloud::UsGovernment,
        CloudArg::China => Cloud::China,
    }
}

/// Signs in, reads the tenant and the sync server, and returns the findings. `pilot` asks for
/// the extra permissions the pilot table needs.
pub async fn run(args: &EntraArgs, pilot: bool) -> Result<CloudSummary> {
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
    let graph = Graph::new(http, endpoints, token, Some(sign_in));
    let facts = entra::facts::gather(&graph).await;
    let mut findings = entra::checks::evaluate(&facts);

    let (_, sync_findings) = syncserver::assess(
        &ProcessPowerShell::default(),
        &syncserver::default_targets(cloud),
    )
    .await;
    findings.extend(sync_findings);
    Ok(CloudSummary {
        findings,
        signed_in_as: facts
            .me
            .as_ref()
            .ok()
            .map(|m| m.user_principal_name.clone()),
        tenant: facts
            .organization
            .as_ref()
            .ok()
            .map(|o| o.display_name.clone()),
        graph,
    })
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
