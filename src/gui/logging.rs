//! The wizard's trace log: a daily rolling file in the platform's log folder, like Entra
//! Connect's trace log. Only what the engine and the wizard log goes there; neither logs a
//! password or a token (a test signs in with the lab passwords and searches the log for them).

use std::path::PathBuf;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The log folder: `WW_LOG_DIR`, else `%LOCALAPPDATA%\writeback-wizard\logs` on Windows, else
/// `$XDG_STATE_HOME/writeback-wizard/logs` (`~/.local/state/…`).
pub fn log_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WW_LOG_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("LOCALAPPDATA")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_STATE_HOME").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("writeback-wizard").join("logs")
}

/// The file name prefix of the log files (`writeback-wizard.log.YYYY-MM-DD`).
pub const PREFIX: &str = "writeback-wizard.log";

/// Keeps the log writer alive; logs are flushed when it is dropped.
pub struct LogGuard {
    _guard: Option<tracing_appender::non_blocking::WorkerGuard>,
    /// Where the log goes, or why it does not.
    pub location: Result<PathBuf, String>,
}

/// Starts logging to the rolling file at `info` (RUST_LOG overrides), and to stderr at `warn`
/// when `verbose` asks for nothing else. Returns the guard and the folder.
pub fn init(dir: PathBuf) -> LogGuard {
    // The folder is the owner's alone (0700): the appender creates the files in it.
    let made = crate::files::make_private_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()));
    let appender = made.clone().and_then(|_| {
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix(PREFIX)
            .max_log_files(14)
            .build(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))
    });
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    match appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let _ = tracing_subscriber::registry()
                .with(
                    tracing_subscriber::fmt::layer()
                        .with_ansi(false)
                        .with_writer(writer)
                        .with_filter(filter()),
                )
                .try_init();
            tracing::info!(
                "{} {} started",
                crate::PRODUCT_NAME,
                env!("CARGO_PKG_VERSION")
            );
            LogGuard {
                _guard: Some(guard),
                location: Ok(dir),
            }
        }
        Err(e) => {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter())
                .with_writer(std::io::stderr)
                .try_init();
            tracing::warn!("the log file cannot be written ({e}); logging to stderr");
            LogGuard {
                _guard: None,
                location: Err(e),
            }
        }
    }
}
