//! What the wizard asks of the desktop, behind a small trait so headless tests can answer it:
//! file dialogs and the browser for the sign-in. The real dialogs are rfd's: the native dialog on
//! Windows, the desktop portal or zenity on Linux (and `None`, not a crash, when neither exists).

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

/// A future of a chosen path (`None` = cancelled).
pub type Chosen = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>>;

/// What a dialog is for; tests answer by purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    CaFile,
    Backup,
    Restore,
    Report,
    PilotCsv,
    BlockedCsv,
    ProfileSave,
    ProfileLoad,
}

/// A file filter: a name and extensions without dots.
#[derive(Clone, Debug)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

impl Filter {
    pub fn new(name: impl Into<String>, extensions: &[&str]) -> Self {
        Self {
            name: name.into(),
            extensions: extensions.iter().map(|e| e.to_string()).collect(),
        }
    }
}

/// Open and save dialogs, and the browser.
pub trait Dialogs: Send + Sync {
    /// Opens `url` in the user's browser; whether that worked (blocking: call it off the UI
    /// thread). When it did not, the page shows the address to open by hand.
    fn open_url(&self, url: &str) -> bool;

    fn open(&self, purpose: Purpose, title: String, filters: Vec<Filter>) -> Chosen;
    fn save(
        &self,
        purpose: Purpose,
        title: String,
        default: Option<PathBuf>,
        filters: Vec<Filter>,
    ) -> Chosen;
}

/// The native dialogs.
pub struct Native;

impl Dialogs for Native {
    fn open_url(&self, url: &str) -> bool {
        crate::entra::open_browser(url)
    }

    fn open(&self, _purpose: Purpose, title: String, filters: Vec<Filter>) -> Chosen {
        let mut d = rfd::AsyncFileDialog::new().set_title(title);
        for f in &filters {
            d = d.add_filter(f.name.clone(), &f.extensions);
        }
        Box::pin(async move { d.pick_file().await.map(|h| h.path().to_path_buf()) })
    }

    fn save(
        &self,
        _purpose: Purpose,
        title: String,
        default: Option<PathBuf>,
        filters: Vec<Filter>,
    ) -> Chosen {
        let mut d = rfd::AsyncFileDialog::new().set_title(title);
        if let Some(p) = &default {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                d = d.set_directory(dir);
            }
            if let Some(name) = p.file_name() {
                d = d.set_file_name(name.to_string_lossy());
            }
        }
        for f in &filters {
            d = d.add_filter(f.name.clone(), &f.extensions);
        }
        Box::pin(async move { d.save_file().await.map(|h| h.path().to_path_buf()) })
    }
}

/// One prepared answer: for which dialog, and the path (`None`: cancel).
type Answer = (Purpose, Option<PathBuf>);

/// Answers from a table: for tests and for scripted runs.
#[derive(Clone, Default)]
pub struct Scripted {
    answers: Arc<Mutex<Vec<Answer>>>,
    asked: Arc<Mutex<Vec<Purpose>>>,
    urls: Arc<Mutex<Vec<String>>>,
}

impl Scripted {
    pub fn new() -> Self {
        Self::default()
    }

    /// The next dialog for `purpose` answers `path` (`None`: the user cancels).
    pub fn answer(&self, purpose: Purpose, path: Option<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push((purpose, path));
        }
    }

    /// Every address handed to the browser so far (the scripted desktop has no browser: it
    /// keeps the address and says it did not open, so the page shows it).
    pub fn urls(&self) -> Vec<String> {
        self.urls.lock().map(|u| u.clone()).unwrap_or_default()
    }

    /// Every dialog shown so far.
    pub fn asked(&self) -> Vec<Purpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn take(&self, purpose: Purpose) -> Option<PathBuf> {
        if let Ok(mut a) = self.asked.lock() {
            a.push(purpose);
        }
        let mut answers = self.answers.lock().ok()?;
        let i = answers.iter().position(|(p, _)| *p == purpose)?;
        answers.remove(i).1
    }
}

impl Dialogs for Scripted {
    fn open_url(&self, url: &str) -> bool {
        if let Ok(mut u) = self.urls.lock() {
            u.push(url.to_string());
        }
        false
    }

    fn open(&self, purpose: Purpose, _title: String, _filters: Vec<Filter>) -> Chosen {
        let r = self.take(purpose);
        Box::pin(async move { r })
    }

    fn save(
        &self,
        purpose: Purpose,
        _title: String,
        _default: Option<PathBuf>,
        _filters: Vec<Filter>,
    ) -> Chosen {
        let r = self.take(purpose);
        Box::pin(async move { r })
    }
}
