//! The subcommands of the binary. The library does the work; these turn arguments into calls,
//! results into output, and own the exit-code contract.

pub mod assets;
pub mod check;
pub mod cloud;
pub mod connect;
pub mod directories;
pub mod exit;
pub mod explain;
pub mod fix;
pub mod sddl;

pub use writeback_wizard::files::write_atomically as write_file;

use std::sync::OnceLock;

use writeback_wizard::words::{Face, Words};

/// The command line's words (`--lang`, else the system's), set once by `main`.
static WORDS: OnceLock<Words> = OnceLock::new();

/// Sets the words every command says its errors and next steps in.
pub fn set_words(lang: Option<&str>) -> &'static Words {
    WORDS.get_or_init(|| Words::for_lang(lang, Face::Cli))
}

/// The command line's words.
pub fn words() -> &'static Words {
    WORDS.get_or_init(|| Words::for_lang(None, Face::Cli))
}

/// Message `id` with string values, in the command line's words.
pub fn say(id: &str, args: &[(&str, &str)]) -> String {
    words().sentence(id, args)
}
