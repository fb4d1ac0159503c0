//! The desktop wizard (iced), modelled on the Entra Connect setup. Only the `gui` feature
//! compiles this; the engine never imports it.
//!
//! Shape (iced `tour`, icebreaker): a [`Step`] enum holds the order; each page is one file
//! with its state, `Message`, `Action`, `update`, `view` and `can_continue`; [`Wizard`] owns
//! what pages share and draws the step list and the Previous / Next bar once.

pub mod dialogs;
pub mod intent;
pub mod jobs;
pub mod logging;
pub mod pages;
pub mod rows;
pub mod run;
pub mod settings;
pub mod shared;
pub mod steps;
pub mod style;

use std::path::PathBuf;
use std::sync::Arc;

use iced::keyboard::{self, key};
use iced::widget::{button, column, container, row, scrollable, space, text};
use iced::{Element, Length, Subscription, Task, Theme, event};

use crate::cli::ThemeArg;
use crate::t;
use pages::{WizardPage, configuring, directory, entra, pilot};
use settings::Settings;
pub use shared::{Flow, Shared};
use steps::route;
pub use steps::{Message, Pages, Step};

/// How the wizard starts.
pub struct Options {
    pub profile: Option<PathBuf>,
    pub theme: ThemeArg,
    pub dialogs: Arc<dyn dialogs::Dialogs>,
    pub log: Result<PathBuf, String>,
    /// Read Entra Connect on this computer at start (off in tests that do not want it).
    pub detect_sync_server: bool,
    /// How to run PowerShell (`None`: `powershell.exe`, or `WW_POWERSHELL`).
    pub powershell: Option<crate::syncserver::ProcessPowerShell>,
    /// The screenshot tour (see [`Tour`]).
    pub tour: Option<Tour>,
}

/// The screenshot tour (`scripts/screenshots`, `scripts/demo --tour`): pages start their own
/// work when entered — the device-code sign-in, "Test connection" with the password given to
/// the tour, the pilot check — so a script that only presses Enter walks the whole path in a
/// real window. Not shown in `--help`.
#[derive(Clone)]
pub struct Tour {
    pub password: zeroize::Zeroizing<String>,
}

/// The wizard's state.
pub struct Wizard {
    pub step: Step,
    pub shared: Shared,
    theme: ThemeArg,
    startup_error: Option<String>,
    tour: Option<Tour>,
    /// The window was closed while Configuring wrote: exit when it has stopped.
    pub close_when_done: bool,
    /// Every page's state (see `steps`).
    pub pages: Pages,
}

impl Wizard {
    /// The wizard at its first page, and the start-up work (reading the profile off the UI
    /// thread, reading Entra Connect).
    pub fn new(options: Options) -> (Self, Task<Message>) {
        let mut startup_error = None;
        let mut shared = Shared::new(Settings::default(), options.dialogs, options.log);
        if let Some(ps) = options.powershell {
            shared = shared.with_powershell(ps);
        }
        if let Err(e) = shared.log() {
            startup_error.get_or_insert(t!("startup-log", reason = e.as_str()));
        }
        let mut wizard = Self {
            step: Step::Welcome,
            shared,
            theme: options.theme,
            startup_error,
            tour: options.tour,
            close_when_done: false,
            pages: Pages::new(),
        };
        let detect = if options.detect_sync_server {
            wizard
                .pages
                .welcome
                .detect(&wizard.shared)
                .map(Message::Welcome)
        } else {
            wizard
                .shared
                .apply(intent::Intent::SyncServerRead(Ok(None)));
            Task::none()
        };
        let load = match options.profile {
            Some(path) => {
                Task::perform(load_profile(path), |r| Message::ProfileLoaded(Box::new(r)))
            }
            None => Task::none(),
        };
        (wizard, Task::batch([load, detect]))
    }

    /// The window title: product and page, and "…" while the page is working (the task bar
    /// shows it; the screenshot script waits on it).
    pub fn title(&self) -> String {
        format!(
            "{} – {}{}",
            crate::PRODUCT_NAME,
            self.step.title(),
            if self.busy() { " …" } else { "" }
        )
    }

    /// Whether the current page is waiting for work it started.
    pub fn busy(&self) -> bool {
        self.pages.busy(self.step, &self.shared)
    }

    pub fn theme(&self) -> Option<Theme> {
        match self.theme {
            ThemeArg::System => None,
            ThemeArg::Light => Some(Theme::Light),
            ThemeArg::Dark => Some(Theme::Dark),
        }
    }

    /// Whether the current page lets the user go on.
    pub fn can_continue(&self) -> bool {
        self.startup_error.is_none() && self.pages.can_continue(self.step, &self.shared)
    }

    fn can_go_back(&self) -> bool {
        self.startup_error.is_none()
            && self.step.previous(self.shared.flow()).is_some()
            && self.pages.can_go_back(self.step, &self.shared)
    }

    fn last_step(&self) -> bool {
        self.step.next(self.shared.flow()).is_none()
    }

    /// Moves to `to`: the page left stops its work, the page entered starts its own.
    fn go(&mut self, to: Step) -> Task<Message> {
        tracing::info!("page: {:?} -> {:?}", self.step, to);
        self.leave();
        self.step = to;
        let entered = self.enter(to);
        let toured = self.tour_step(to);
        Task::batch([entered, toured])
    }

    fn enter(&mut self, to: Step) -> Task<Message> {
        self.pages.enter(to, &mut self.shared)
    }

    /// In the screenshot tour, the action a person would take on entering `to`.
    fn tour_step(&mut self, to: Step) -> Task<Message> {
        let Some(tour) = self.tour.clone() else {
            return Task::none();
        };
        let s = &self.shared;
        let first = s.first().id();
        let message = match to {
            Step::Entra if !s.settings().skip_cloud && s.signed_in().is_none() => {
                Message::Entra(entra::Message::SignInWithCode)
            }
            Step::Directory if s.first().tested().is_none() => {
                self.shared.apply(intent::Intent::Directory(
                    first,
                    run::DirectoryEdit::Password(tour.password.clone()),
                ));
                Message::Directory(directory::Message::Form(
                    first,
                    directory::form::Message::Test,
                ))
            }
            Step::Pilot if s.pilot().is_none() && !s.settings().pilot_group.is_empty() => {
                Message::Pilot(pilot::Message::Run)
            }
            _ => return Task::none(),
        };
        self.update(message)
    }

    fn leave(&mut self) {
        self.pages.leave(self.step);
    }

    fn next(&mut self) -> Task<Message> {
        if !self.can_continue() {
            return Task::none();
        }
        match self.step.next(self.shared.flow()) {
            Some(to) => self.go(to),
            None => iced::exit(),
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.handle(message);
        if self.close_when_done && !self.pages.configuring.running {
            tracing::info!("closing after the configuration stopped");
            return iced::exit();
        }
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Next => self.next(),
            Message::Back => {
                if !self.can_go_back() {
                    return Task::none();
                }
                match self.step.previous(self.shared.flow()) {
                    Some(to) => self.go(to),
                    None => Task::none(),
                }
            }
            // While Configuring writes, Exit means Cancel (between objects); closing the
            // window too, and the wizard exits once it has stopped.
            Message::Exit | Message::CloseRequested
                if self.step == Step::Configuring && self.pages.configuring.running =>
            {
                self.close_when_done |= matches!(message, Message::CloseRequested);
                let a = self
                    .pages
                    .configuring
                    .update(configuring::Message::Cancel, &self.shared);
                route(a, &mut self.shared, Message::Configuring)
            }
            Message::Exit | Message::CloseRequested => iced::exit(),
            Message::FocusNext => iced::widget::operation::focus_next(),
            Message::FocusPrevious => iced::widget::operation::focus_previous(),
            Message::ContinueAfterStartupError => {
                self.startup_error = None;
                Task::none()
            }
            Message::ProfileLoaded(loaded) => {
                match *loaded {
                    Ok((settings, notes)) => self
                        .shared
                        .apply(intent::Intent::Profile(Box::new(settings), notes)),
                    Err(reason) => {
                        self.startup_error = Some(t!("startup-profile", reason = reason));
                    }
                }
                Task::none()
            }
            page => self.pages.update(page, &mut self.shared),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        if let Some(e) = &self.startup_error {
            return self.startup_view(e);
        }
        let s = &self.shared;
        let page = self.pages.view(self.step, s);
        let mut body = column![].spacing(12);
        if let Some(n) = s.notice() {
            body = body.push(style::warning_box(n.to_string()));
        }
        body = body.push(page);
        let content = container(scrollable(container(body).padding([0, 16])).height(Length::Fill))
            .width(Length::Fill)
            .height(Length::Fill);
        column![
            row![self.sidebar(), content]
                .spacing(8)
                .height(Length::Fill),
            style::separator(),
            self.nav_bar(),
        ]
        .spacing(8)
        .padding(16)
        .into()
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let path = Step::path(self.shared.flow());
        let here = path.iter().position(|s| *s == self.step).unwrap_or(0);
        let items: Vec<Element<'_, Message>> = path
            .iter()
            .enumerate()
            .map(|(i, s)| style::step_item(s.title(), i == here, i < here))
            .collect();
        container(column(items).spacing(2))
            .width(Length::Fixed(210.0))
            .height(Length::Fill)
            .padding(8)
            .style(container::rounded_box)
            .into()
    }

    fn nav_bar(&self) -> Element<'_, Message> {
        let next_label = match self.step {
            Step::Welcome => t!("nav-configure-start"),
            Step::Ready => t!("nav-configure"),
            _ if self.last_step() => t!("nav-exit"),
            _ => t!("nav-next"),
        };
        let exit_label = if self.step == Step::Configuring && self.pages.configuring.running {
            t!("nav-cancel")
        } else {
            t!("nav-exit")
        };
        let back = button(text(t!("nav-previous")))
            .on_press_maybe(self.can_go_back().then_some(Message::Back))
            .style(button::secondary);
        let next = button(text(next_label))
            .on_press_maybe(self.can_continue().then_some(Message::Next))
            .style(button::primary);
        // On the last page Next is Exit; one Exit is enough.
        let exit: Element<'_, Message> = if self.last_step() {
            space::horizontal().width(0).into()
        } else {
            button(text(exit_label))
                .on_press(Message::Exit)
                .style(button::secondary)
                .into()
        };
        row![exit, space::horizontal(), back, next]
            .spacing(8)
            .into()
    }

    fn startup_view<'a>(&'a self, error: &'a str) -> Element<'a, Message> {
        container(
            column![
                style::heading(t!("startup-title")),
                style::error_box(error.to_string()),
                row![
                    button(text(t!("startup-continue")))
                        .on_press(Message::ContinueAfterStartupError)
                        .style(button::primary),
                    button(text(t!("nav-exit")))
                        .on_press(Message::Exit)
                        .style(button::secondary),
                ]
                .spacing(8)
            ]
            .spacing(16),
        )
        .padding(32)
        .into()
    }

    /// Enter = Next, Escape = Previous, Tab / Shift+Tab move the focus. Keys a widget used
    /// (Enter in a field with an action) do not count.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            event::listen_with(key_message),
            iced::window::close_requests().map(|_| Message::CloseRequested),
        ])
    }
}

/// Reads the profile given on the command line, off the UI thread; the error in words.
async fn load_profile(path: PathBuf) -> Result<(Settings, settings::LoadNotes), String> {
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    tokio::task::spawn_blocking(move || match Settings::load(&path) {
        Ok(loaded) => {
            tracing::info!("profile {} loaded", path.display());
            Ok(loaded)
        }
        Err(e) => {
            tracing::warn!("{e}");
            Err(words.error(&e))
        }
    })
    .await
    .unwrap_or_else(|e| Err(e.to_string()))
}

/// The wizard's keys: Enter = Next, Escape = Previous, Tab / Shift+Tab move the focus. A key a
/// widget already used (Enter in a field with its own action) does nothing more.
pub fn key_message(
    event: iced::Event,
    status: event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
        return None;
    };
    if status == event::Status::Captured {
        return None;
    }
    match key {
        keyboard::Key::Named(key::Named::Enter) => Some(Message::Next),
        keyboard::Key::Named(key::Named::Escape) => Some(Message::Back),
        keyboard::Key::Named(key::Named::Tab) if modifiers.shift() => Some(Message::FocusPrevious),
        keyboard::Key::Named(key::Named::Tab) => Some(Message::FocusNext),
        _ => None,
    }
}

/// The window icon (64×64 RGBA, made from `assets/icon.svg`).
fn icon() -> Option<iced::window::Icon> {
    iced::window::icon::from_rgba(include_bytes!("../../assets/icon-64.rgba").to_vec(), 64, 64).ok()
}

/// What `run` needs from the command line.
pub struct RunOptions {
    pub tour: Option<Tour>,
    pub software_render: bool,
    pub profile: Option<PathBuf>,
    pub lang: Option<String>,
    pub theme: ThemeArg,
}

/// Opens the wizard window and runs until it closes.
///
/// With `software_render`, the wizard draws with tiny-skia instead of the GPU. iced picks its
/// renderer from `ICED_BACKEND` when it starts; changing the environment of a running process is
/// `unsafe` in Rust 2024 (and this crate forbids `unsafe`), so the wizard starts itself again
/// with the variable set. When the GPU renderer cannot open a window at all, the same happens
/// automatically, so the wizard always opens.
pub fn run(o: RunOptions) -> anyhow::Result<std::process::ExitCode> {
    if o.software_render && std::env::var_os("ICED_BACKEND").is_none() {
        return restart_with_software_renderer();
    }
    let guard = logging::init(logging::log_dir());
    let lang = crate::words::select(o.lang.as_deref());
    tracing::info!("language {lang}");
    let log = guard.location.clone();
    let profile = o.profile.clone();
    let theme = o.theme;
    let tour = o.tour.clone();
    // winit panics when it finds no display at all (no X11, no Wayland); that becomes an error
    // in words below, with the panic's text in the log rather than a backtrace on the console.
    std::panic::set_hook(Box::new(|info| tracing::error!("{info}")));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        iced::application(
            move || {
                Wizard::new(Options {
                    profile: profile.clone(),
                    theme,
                    dialogs: Arc::new(dialogs::Native),
                    log: log.clone(),
                    detect_sync_server: true,
                    powershell: None,
                    tour: tour.clone(),
                })
            },
            Wizard::update,
            Wizard::view,
        )
        .title(Wizard::title)
        // The embedded Fira Sans, not whatever the system has: the same look everywhere, and text
        // even where no font is installed (Windows Server Core, a bare Wine prefix).
        .default_font(iced::Font::with_name("Fira Sans"))
        .theme(Wizard::theme)
        .subscription(Wizard::subscription)
        .window(iced::window::Settings {
            size: iced::Size::new(1000.0, 700.0),
            min_size: Some(iced::Size::new(800.0, 560.0)),
            icon: icon(),
            // Closing while Configuring writes must not cut a write short (see CloseRequested).
            exit_on_close_request: false,
            ..iced::window::Settings::default()
        })
        .run()
        .map_err(|e| e.to_string())
    }))
    .unwrap_or_else(|panic| {
        Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "the window system failed".into()))
    });
    let _ = std::panic::take_hook();
    match result {
        Ok(()) => Ok(std::process::ExitCode::SUCCESS),
        Err(e) if std::env::var_os("ICED_BACKEND").is_none() => {
            tracing::warn!("the window could not be opened ({e}); trying the software renderer");
            drop(guard);
            restart_with_software_renderer()
        }
        Err(e) => Err(anyhow::anyhow!(
            "the wizard window could not be opened: {e}. The command line works without a window: writeback-wizard --help"
        )),
    }
}

fn restart_with_software_renderer() -> anyhow::Result<std::process::ExitCode> {
    let exe = std::env::current_exe()?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("ICED_BACKEND", "tiny-skia")
        .status()?;
    let code = status.code().unwrap_or(1).clamp(0, 255) as u8;
    Ok(std::process::ExitCode::from(code))
}
