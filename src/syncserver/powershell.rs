//! Running PowerShell: `-NoProfile -NonInteractive`, the script as `-EncodedCommand`, JSON
//! out, bounded in time. On Windows this is `powershell.exe`; the executable is configurable (and
//! tests on Linux use a stand-in).

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use base64::Engine as _;

/// PowerShell could not give an answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PsError {
    #[error("PowerShell is not available here ({0}): this is not a Windows sync server")]
    NotFound(String),
    #[error("PowerShell did not finish within {0} s")]
    Timeout(u64),
    #[error("{cmdlet} failed: {message}")]
    Cmdlet { cmdlet: String, message: String },
    #[error("PowerShell failed (exit {code}): {stderr}")]
    Failed { code: i32, stderr: String },
    #[error(
        "PowerShell ran but printed nothing: this is not a full Windows PowerShell (or its output is blocked)"
    )]
    Empty,
    #[error("PowerShell answered something unexpected: {0}")]
    Output(String),
    #[error(
        "this sync server is in staging mode: it does not export, so writeback must be enabled on the active server"
    )]
    StagingMode,
    #[error("Entra Connect is not installed on this computer")]
    NotSyncServer,
    #[error("no Entra connector was found on this server")]
    NoEntraConnector,
    #[error("{cmdlet} ran, but reading it back says writeback is still off")]
    StillOff { cmdlet: String },
    #[error("the Cloud Sync provisioning agent is not installed on this computer")]
    AgentMissing,
    #[error(
        "the Cloud Sync provisioning agent is version {version}; password writeback needs {minimum} or later"
    )]
    AgentTooOld { version: String, minimum: String },
}

/// Something that runs a PowerShell script and returns its standard output.
pub trait PowerShell {
    fn run(
        &self,
        script: &str,
    ) -> impl std::future::Future<Output = Result<String, PsError>> + Send;

    /// Runs `script` with `input` on its standard input (a secret the script reads with
    /// `[Console]::In.ReadLine()`: never on a command line, never in the script).
    fn run_with_input(
        &self,
        script: &str,
        input: &[u8],
    ) -> impl std::future::Future<Output = Result<String, PsError>> + Send;
}

/// A real PowerShell process.
#[derive(Clone, Debug)]
pub struct ProcessPowerShell {
    pub exe: PathBuf,
    pub timeout: Duration,
}

impl Default for ProcessPowerShell {
    fn default() -> Self {
        Self {
            exe: std::env::var_os("WW_POWERSHELL")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    PathBuf::from(if cfg!(windows) {
                        "powershell.exe"
                    } else {
                        "pwsh"
                    })
                }),
            timeout: Duration::from_secs(120),
        }
    }
}

#[derive(serde::Deserialize)]
struct ErrorJson {
    cmdlet: String,
    message: String,
}

impl PowerShell for ProcessPowerShell {
    async fn run(&self, script: &str) -> Result<String, PsError> {
        self.run_process(script, None).await
    }

    async fn run_with_input(&self, script: &str, input: &[u8]) -> Result<String, PsError> {
        self.run_process(script, Some(input)).await
    }
}

impl ProcessPowerShell {
    async fn run_process(&self, script: &str, input: Option<&[u8]>) -> Result<String, PsError> {
        // -EncodedCommand: base64 of UTF-16LE, so multi-line scripts run as one block.
        let encoded = base64::engine::general_purpose::STANDARD.encode(
            script
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        );
        let mut child = tokio::process::Command::new(&self.exe)
            .args([
                "-NoProfile",
                "-NonInteractive",
                "-ExecutionPolicy",
                "Bypass",
                "-EncodedCommand",
                &encoded,
            ])
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| PsError::NotFound(format!("{}: {e}", self.exe.display())))?;
        if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
            use tokio::io::AsyncWriteExt as _;
            // A script that exits without reading is its own failure, told by its exit code.
            let _ = stdin.write_all(input).await;
            drop(stdin);
        }
        let out = tokio::time::timeout(self.timeout, child.wait_with_output())
            .await
            .map_err(|_| PsError::Timeout(self.timeout.as_secs()))?
            .map_err(|e| PsError::Output(e.to_string()))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            return Ok(stdout);
        }
        if let Ok(e) = serde_json::from_str::<ErrorJson>(stdout.trim()) {
            return Err(PsError::Cmdlet {
                cmdlet: e.cmdlet,
                message: e.message,
            });
        }
        Err(PsError::Failed {
            code: out.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}
