//! Writeback Wizard: checks and fixes what Microsoft Entra password writeback needs in
//! on-premises Active Directory.
//!
//! The engine ([`sd`], [`ad`], and the checks and plans built on them) never depends on the GUI;
//! the desktop wizard ([`gui`], behind the `gui` cargo feature) uses the engine, never the
//! other way round.

pub mod ad;
pub mod check;
pub mod cli;
pub mod clock;
pub mod engine;
pub mod entra;
pub mod explain;
pub mod faults;
pub mod files;
#[cfg(feature = "gui")]
pub mod gui;
pub mod html;
pub mod pilot;
pub mod plan;
pub mod profile;
pub mod report;
pub mod sd;
pub mod sddl_input;
pub mod seal;
pub mod syncserver;
pub mod terminal;
pub mod tls;
pub mod words;

/// The tool's name as shown to people.
pub const PRODUCT_NAME: &str = "Writeback Wizard";
