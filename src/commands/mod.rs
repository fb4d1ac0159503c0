//! The subcommands of the binary. The library does the work; these turn arguments into calls,
//! results into output, and own the exit-code contract.

pub mod assets;
pub mod check;
pub mod cloud;
pub mod connect;
pub mod exit;
pub mod explain;
pub mod fix;
pub mod sddl;

pub use writeback_wizard::files::write_atomically as write_file;
