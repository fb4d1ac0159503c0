//! Everything the wizard asks of the engine, as async functions and streams the pages wrap in
//! `Task`s. Nothing here touches a widget; errors come back as [`UiError`]: `Clone`, in the
//! wizard's language, with the next step.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use iced::futures::channel::mpsc::Sender;
use iced::futures::{SinkExt, Stream};
use zeroize::Zeroizing;

use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::{AdError, ConnectOptions, Connection, SimpleCredential};
use crate::check::{self, CheckOptions, Finding};
use crate::engine::assess::AssessError;
use crate::engine::planning::PlanningError;
use crate::engine::{self, Credential, Login, Progress, Request, SyncServerCheck};
pub use crate::engine::{Assessment, Phase, Planned};
use crate::entra::facts::CloudFacts;
use crate::entra::{self, Endpoints, Graph, SignIn};
use crate::plan::apply::ApplyOptions;
use crate::plan::backup::{RestoreMode, RestoreReport};
use crate::plan::{Plan, PlanOptions};
use crate::report::Report;
use crate::syncserver::{self, ProcessPowerShell, SyncServerInfo};
use crate::t;

use super::dialogs::Dialogs;

mod assess;
mod cloud;
mod directory;
mod errors;
mod others;
mod write;

pub use assess::*;
pub use cloud::*;
pub use directory::*;
pub use errors::*;
pub use others::*;
pub use write::*;
