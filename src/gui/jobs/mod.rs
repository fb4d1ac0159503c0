//! Everything the wizard asks of the engine, as async functions and streams the pages wrap in
//! `Task`s. Nothing here touches a widget; errors come back as [`UiError`]: `Clone`, in the
//! wizard's language, with the next step.

mod assess;
mod cloud;
mod directory;
mod errors;
mod write;

pub use crate::engine::{Assessment, Phase, Planned};
pub use assess::{CheckEvent, CheckParams, compare_last, compute_plan, pilot, run_checks};
pub use cloud::{CloudParams, SignInEvent, SignedIn, sign_in};
pub use directory::{
    DirectoryParams, OuNode, Tested, children, connect, read_sync_server, test_connection,
};
pub use errors::{ErrorKind, UiError};
pub use write::{
    ApplyEvent, ApplyParams, RestoreEvent, apply, open_run, prepare_restore, restore,
    write_blocked_csv, write_pilot_csv, write_report,
};
