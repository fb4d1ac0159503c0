//! The cloud sign-in (browser or device code) and what it yields.

use std::sync::Arc;
use std::time::Duration;

use iced::futures::SinkExt;
use iced::futures::Stream;
use iced::futures::channel::mpsc::Sender;

use super::UiError;
use crate::entra::facts::CloudFacts;
use crate::entra::{self, Endpoints, Graph, SignIn};
use crate::gui::dialogs::Dialogs;
use crate::t;
use crate::words::{Face, Words};

/// Where the tenant is and who signs in.
#[derive(Clone)]
pub struct CloudParams {
    pub endpoints: Endpoints,
    pub tenant: String,
    pub client_id: String,
    pub device_code: bool,
    /// Ask for the pilot permissions too.
    pub pilot: bool,
    /// Opens the browser for the sign-in.
    pub desktop: Arc<dyn Dialogs>,
}

/// Who signed in, with a Graph client for later reads.
#[derive(Clone)]
pub struct SignedIn {
    pub graph: Graph,
    pub facts: Arc<CloudFacts>,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("user", &self.upn())
            .finish_non_exhaustive()
    }
}

impl SignedIn {
    pub fn user(&self) -> String {
        self.facts
            .me
            .as_ref()
            .map(|m| format!("{} ({})", m.display_name, m.user_principal_name))
            .unwrap_or_else(|e| Words::current(Face::Wizard).read_error(e))
    }

    pub fn upn(&self) -> Option<String> {
        self.facts
            .me
            .as_ref()
            .ok()
            .map(|m| m.user_principal_name.clone())
    }

    pub fn roles(&self) -> Vec<String> {
        match &self.facts.roles {
            Ok(r) => r.iter().map(|r| r.display_name.clone()).collect(),
            Err(_) => Vec::new(),
        }
    }

    pub fn tenant(&self) -> Option<String> {
        self.facts
            .organization
            .as_ref()
            .ok()
            .map(|o| o.display_name.clone())
    }
}

/// Sign-in progress.
#[derive(Clone, Debug)]
pub enum SignInEvent {
    /// Open this address (the browser was asked to; shown in case it did not open).
    Browser {
        url: String,
        opened: bool,
    },
    /// Enter `code` at `uri`.
    DeviceCode {
        code: String,
        uri: String,
        message: String,
    },
    Done(Result<SignedIn, UiError>),
}

async fn sign_in_inner(p: CloudParams, mut out: Sender<SignInEvent>) -> Result<SignedIn, UiError> {
    let http = entra::http_client(Duration::from_secs(30)).map_err(UiError::plain)?;
    let client_id = if p.client_id.trim().is_empty() {
        entra::cloud::GRAPH_COMMAND_LINE_TOOLS.to_string()
    } else {
        p.client_id.trim().to_string()
    };
    let mut scopes: Vec<&str> = entra::cloud::SCOPES.to_vec();
    if p.pilot {
        scopes.extend_from_slice(entra::cloud::PILOT_SCOPES);
    }
    let tenant = if p.tenant.trim().is_empty() {
        "organizations".to_string()
    } else {
        p.tenant.trim().to_string()
    };
    let sign_in = SignIn::new(
        http.clone(),
        p.endpoints.clone(),
        &tenant,
        &client_id,
        &scopes,
    );
    let fail = |e: entra::AuthError| UiError::of(&e);
    let token = if p.device_code {
        let code = sign_in.start_device_code().await.map_err(fail)?;
        let _ = out
            .send(SignInEvent::DeviceCode {
                code: code.user_code.clone(),
                uri: code.verification_uri.clone(),
                message: code.message.clone(),
            })
            .await;
        sign_in.finish_device_code(&code).await.map_err(fail)?
    } else {
        let pending = sign_in.start_browser().await.map_err(fail)?;
        let url = pending.url.clone();
        let opened = tokio::task::spawn_blocking({
            let (url, desktop) = (url.clone(), p.desktop.clone());
            move || desktop.open_url(&url)
        })
        .await
        .unwrap_or(false);
        let _ = out.send(SignInEvent::Browser { url, opened }).await;
        sign_in
            .finish_browser(pending, Duration::from_secs(300))
            .await
            .map_err(fail)?
    };
    let graph = Graph::new(http, p.endpoints, token, Some(sign_in));
    let facts = entra::facts::gather(&graph).await;
    if let Err(e) = &facts.me {
        let reason = Words::current(Face::Wizard).read_error(e);
        return Err(UiError::plain(t!("error-sign-in", reason = reason)));
    }
    tracing::info!(
        "signed in to Microsoft Entra ID as {}",
        facts
            .me
            .as_ref()
            .map(|m| m.user_principal_name.as_str())
            .unwrap_or("?")
    );
    Ok(SignedIn {
        graph,
        facts: Arc::new(facts),
    })
}

/// Signs in (browser or device code) and reads the tenant, streaming what the user must see.
pub fn sign_in(p: CloudParams) -> impl Stream<Item = SignInEvent> {
    iced::stream::channel(4, async move |out: Sender<SignInEvent>| {
        let mut done = out.clone();
        let r = sign_in_inner(p, out).await;
        let _ = done.send(SignInEvent::Done(r)).await;
    })
}
