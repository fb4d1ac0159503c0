//! The application, once, for every face: how to reach and sign in to a DC ([`login`]), the
//! whole readiness assessment ([`assess`]) and planning ([`planning`]). The CLI commands and the
//! wizard's jobs are thin adapters over these: they collect inputs, show progress and put the
//! results into words.

pub mod assess;
pub mod directories;
pub mod login;
pub mod planning;

pub use assess::{AssessError, Assessment, Phase, Progress, Request, SyncServerCheck, assess};
pub use login::{Credential, Login, PdcSwitch};
pub use planning::{Planned, PlanningError, plan};
