//! The subcommands of the binary. The library does the work; these turn arguments into calls,
//! results into output, and own the exit-code contract.
//!
//! Everything the command line prints goes through [`outln!`], [`out!`] and [`errln!`], which
//! escape control characters and direction overrides ([`writeback_wizard::terminal`]): plan
//! files, backups, profiles and the directory are input from strangers. Every value put into a
//! sentence by [`say`] is escaped as a single line on top.

/// `println!` for text that may hold values from files or the directory.
macro_rules! outln {
    () => { println!() };
    ($($arg:tt)*) => {
        println!("{}", writeback_wizard::terminal::text(&format!($($arg)*)))
    };
}

/// `print!` for text that may hold values from files or the directory.
macro_rules! out {
    ($($arg:tt)*) => {
        print!("{}", writeback_wizard::terminal::text(&format!($($arg)*)))
    };
}

/// `eprintln!` for text that may hold values from files or the directory.
macro_rules! errln {
    ($($arg:tt)*) => {
        eprintln!("{}", writeback_wizard::terminal::text(&format!($($arg)*)))
    };
}

/// `eprint!` for text that may hold values from files or the directory.
macro_rules! err {
    ($($arg:tt)*) => {
        eprint!("{}", writeback_wizard::terminal::text(&format!($($arg)*)))
    };
}

pub mod apply;
pub mod assets;
pub mod check;
pub mod cloud;
pub mod connect;
pub mod directories;
pub mod drift;
pub mod exit;
pub mod explain;
pub mod fix;
pub mod restore;
pub mod sddl;
pub mod watch;

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

/// Message `id` with string values, in the command line's words. Each value is escaped as a
/// single line: a value from a file cannot start a line of its own.
pub fn say(id: &str, args: &[(&str, &str)]) -> String {
    let escaped: Vec<(&str, std::borrow::Cow<'_, str>)> = args
        .iter()
        .map(|(k, v)| (*k, writeback_wizard::terminal::line(v)))
        .collect();
    let args: Vec<(&str, &str)> = escaped.iter().map(|(k, v)| (*k, v.as_ref())).collect();
    words().sentence(id, &args)
}
