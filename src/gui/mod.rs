//! The desktop wizard (iced). Only the binary's `gui` feature compiles this; the engine never
//! sees it.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task, Theme};

/// The wizard's steps, in order (iced `tour` shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Welcome,
}

impl Step {
    pub const ALL: &'static [Step] = &[Step::Welcome];
}

#[derive(Debug, Clone)]
pub enum Message {
    Exit,
}

struct Wizard {
    step: Step,
}

impl Wizard {
    fn new() -> (Self, Task<Message>) {
        (Self { step: Step::ALL[0] }, Task::none())
    }

    fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Exit => iced::exit(),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let body = match self.step {
            Step::Welcome => column![
                text("Welcome to Writeback Wizard").size(28),
                text(
                    "This wizard checks and configures everything Microsoft Entra password \
                     writeback needs in your on-premises Active Directory: the connector \
                     account's rights, the password policies, and the sync server."
                ),
            ]
            .spacing(16),
        };
        let bar = row![button("Exit").on_press(Message::Exit)].spacing(8);
        container(column![body, bar].spacing(24))
            .padding(32)
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

/// Opens the wizard window and runs until it closes.
///
/// With `software_render`, the wizard draws with tiny-skia instead of the GPU. iced picks its
/// renderer from `ICED_BACKEND` when it starts; changing the environment of a running process is
/// `unsafe` in Rust 2024 (and this crate forbids `unsafe`), so the wizard starts itself again
/// with the variable set.
pub fn run(software_render: bool) -> anyhow::Result<std::process::ExitCode> {
    if software_render && std::env::var_os("ICED_BACKEND").is_none() {
        let exe = std::env::current_exe()?;
        let status = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env("ICED_BACKEND", "tiny-skia")
            .status()?;
        let code = status.code().unwrap_or(1).clamp(0, 255) as u8;
        return Ok(std::process::ExitCode::from(code));
    }
    iced::application(Wizard::new, Wizard::update, Wizard::view)
        .title(|_: &Wizard| writeback_wizard::PRODUCT_NAME.to_string())
        .theme(|_: &Wizard| Theme::Light)
        .window_size((900.0, 640.0))
        .run()
        .map_err(|e| anyhow::anyhow!("the wizard window could not be opened: {e}"))?;
    Ok(std::process::ExitCode::SUCCESS)
}
