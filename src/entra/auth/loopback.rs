//! The loopback redirect of the authorization-code sign-in: judging each request that reaches
//! `http://localhost:<port>/` and answering it through hyper until one carries the code.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use zeroize::Zeroizing;

use super::{AuthError, first_line};

/// What a request to the loopback redirect carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callback {
    /// No `code` and no `error` (a favicon, a probe): 404, keep waiting.
    Nothing,
    /// A `state` that is not this sign-in's: answered, ignored, keep waiting.
    NotOurs,
    /// The code, with our state.
    Code(String),
    /// An OAuth error, with our state.
    Error { error: String, description: String },
}

/// Judges the request target (`/path?query`) of a request to the loopback redirect.
pub fn judge_callback(target: &str, state: &str) -> Callback {
    // The redirect URI is `http://localhost:<port>/`: only the root path carries an answer.
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/" {
        return Callback::Nothing;
    }
    let get = |k: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.into_owned())
    };
    let (code, error) = (get("code"), get("error"));
    if code.is_none() && error.is_none() {
        return Callback::Nothing;
    }
    let ours = get("state").is_some_and(|s| same_secret(s.as_bytes(), state.as_bytes()));
    if !ours {
        return Callback::NotOurs;
    }
    match (code, error) {
        (_, Some(error)) => Callback::Error {
            error,
            description: get("error_description")
                .map(|d| first_line(&d))
                .unwrap_or_default(),
        },
        (Some(code), None) => Callback::Code(code),
        (None, None) => Callback::Nothing,
    }
}

/// Compares two secrets without stopping at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Answers one connection to the loopback redirect (HTTP/1.1 through hyper, one request, at
/// most 10 s) and says what its request carried; `None` when no request could be read.
pub async fn answer_one<IO>(io: IO, state: &str) -> Option<Callback>
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    use http_body_util::Full;
    use hyper::body::Bytes;
    let outcome: Arc<Mutex<Option<Callback>>> = Arc::new(Mutex::new(None));
    let seen = outcome.clone();
    let state = state.to_string();
    let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let target = req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        let judged = judge_callback(&target, &state);
        let (status, page) = match &judged {
            Callback::Nothing => (404, String::new()),
            Callback::NotOurs => (
                400,
                crate::html::page(
                    "Sign-in not accepted",
                    "The response did not match this sign-in; it was ignored.",
                ),
            ),
            Callback::Code(_) => (
                200,
                crate::html::page(
                    "Signed in",
                    "You can close this tab and return to Writeback Wizard.",
                ),
            ),
            Callback::Error { error, .. } => (
                200,
                crate::html::page(
                    "Sign-in failed",
                    &format!("The sign-in service said: {error}"),
                ),
            ),
        };
        if let Ok(mut o) = seen.lock() {
            *o = Some(judged);
        }
        let resp = hyper::Response::builder()
            .status(status)
            .header("Content-Type", "text/html; charset=utf-8")
            .header("Connection", "close")
            .body(Full::new(Bytes::from(page)));
        async move { resp }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(false)
        .max_buf_size(16 * 1024)
        .serve_connection(hyper_util::rt::TokioIo::new(io), service);
    // A client that never finishes its request does not hold the sign-in up.
    let _ = tokio::time::timeout(Duration::from_secs(10), conn).await;
    outcome.lock().ok().and_then(|mut o| o.take())
}

/// Serves the loopback redirect until a request carries our `state` with a code or an error.
/// Other requests are answered and ignored.
pub(super) async fn wait_for_code(
    listener: &TcpListener,
    state: &str,
) -> Result<Zeroizing<String>, AuthError> {
    loop {
        let (stream, _) = listener
            .accept()
            .await
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        match answer_one(stream, state).await {
            None | Some(Callback::Nothing) | Some(Callback::NotOurs) => continue,
            Some(Callback::Code(code)) => return Ok(Zeroizing::new(code)),
            Some(Callback::Error { error, description }) => {
                return Err(match error.as_str() {
                    "access_denied" => AuthError::Declined,
                    _ => AuthError::Refused { error, description },
                });
            }
        }
    }
}
