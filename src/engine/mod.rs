//! The application, once, for every face: how to reach and sign in to a DC ([`login`]), the
//! directories of a run ([`directory`]), the whole readiness assessment ([`assess`]), planning
//! ([`planning`]) and the write path ([`write`]: apply, restore and the writeback switches).
//! The CLI commands and the wizard's jobs are thin adapters over these: they collect inputs,
//! show progress and put the results into words.

pub mod assess;
pub mod baseline;
pub mod directories;
pub mod directory;
pub mod login;
pub mod planning;
pub mod write;

pub use assess::{
    AssessError, Assessment, Phase, Progress, Request, SyncServerCheck, assess, assess_again,
};
pub use directory::Directory;
pub use login::{Credential, Login};
pub use planning::{Planned, PlanningError, plan};
pub use write::{PdcSwitch, WriteError};
