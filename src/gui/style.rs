//! Named styles and small view helpers, so pages never pick colours themselves.

use iced::widget::{column, container, row, rule, text};
use iced::{Element, Font, Length, Theme};

use crate::check::Severity;

/// The page heading (Connect puts it at the top left, large).
pub fn heading<'a, M: 'a>(s: String) -> Element<'a, M> {
    text(s).size(26).into()
}

/// A short explanation under the heading.
pub fn lead<'a, M: 'a>(s: String) -> Element<'a, M> {
    text(s).size(15).into()
}

/// Secondary text.
pub fn note<'a, M: 'a>(s: String) -> Element<'a, M> {
    text(s).size(13).style(text::secondary).into()
}

/// Monospace text (SDDL, DNs, codes).
pub fn mono<'a, M: 'a>(s: String) -> Element<'a, M> {
    text(s).size(12).font(Font::MONOSPACE).into()
}

/// An error, in a red box, with the next step in the text.
pub fn error_box<'a, M: 'a>(s: String) -> Element<'a, M> {
    container(text(s).size(14))
        .padding(10)
        .width(Length::Fill)
        .style(danger_box)
        .into()
}

/// A success message in a green box.
pub fn ok_box<'a, M: 'a>(s: String) -> Element<'a, M> {
    container(text(s).size(14))
        .padding(10)
        .width(Length::Fill)
        .style(success_box)
        .into()
}

/// A warning in a yellow box.
pub fn warning_box<'a, M: 'a>(s: String) -> Element<'a, M> {
    container(text(s).size(14))
        .padding(10)
        .width(Length::Fill)
        .style(warning_box_style)
        .into()
}

/// A framed group of widgets.
pub fn section<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(12)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}

/// ✔ / ⚠ / ✖ in the severity's colour.
pub fn severity<'a, M: 'a>(s: Severity) -> Element<'a, M> {
    let t = text(s.symbol()).size(16);
    match s {
        Severity::Info => t.style(text::success),
        Severity::Warning => t.style(text::warning),
        Severity::Error => t.style(text::danger),
    }
    .into()
}

/// A label and a value on one line.
pub fn field<'a, M: 'a>(label: String, value: String) -> Element<'a, M> {
    row![
        text(label).size(14).width(Length::Fixed(220.0)),
        text(value).size(14)
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

/// A thin separator.
pub fn separator<'a, M: 'a>() -> Element<'a, M> {
    rule::horizontal(1).into()
}

/// A column with the usual spacing.
pub fn stack<'a, M: 'a>(items: Vec<Element<'a, M>>) -> Element<'a, M> {
    column(items).spacing(10).into()
}

fn tinted(color: iced::Color) -> container::Style {
    container::Style {
        background: Some(iced::Color { a: 0.14, ..color }.into()),
        border: iced::Border {
            color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

fn danger_box(theme: &Theme) -> container::Style {
    tinted(theme.extended_palette().danger.base.color)
}

fn success_box(theme: &Theme) -> container::Style {
    tinted(theme.extended_palette().success.base.color)
}

fn warning_box_style(theme: &Theme) -> container::Style {
    tinted(theme.extended_palette().warning.base.color)
}

/// The left-hand step list, as Connect draws it: the current step bold.
pub fn step_item<'a, M: 'a>(label: String, current: bool, done: bool) -> Element<'a, M> {
    let t = text(label).size(14);
    let t = if current {
        t.font(Font {
            weight: iced::font::Weight::Bold,
            ..Font::DEFAULT
        })
    } else if done {
        t
    } else {
        t.style(text::secondary)
    };
    container(t).padding([4, 8]).into()
}
