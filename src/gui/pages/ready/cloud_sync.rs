//! Ready to configure, Entra Cloud Sync: the agent's switch, the Hybrid Identity Administrator
//! and its password (the password reaches PowerShell on standard input only).

use iced::Element;
use iced::widget::{checkbox, column, row, text, text_input};

use super::{Message, Page};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

impl Page {
    pub(super) fn cloud_sync<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut col = column![text(t!("ready-cloud-sync")).size(16)].spacing(6);
        match shared.sync().agent() {
            None => col = col.push(style::note(t!("ready-no-agent"))),
            Some(a) if a.too_old() == Some(true) => {
                col = col.push(style::warning_box(t!(
                    "ready-agent-too-old",
                    version = a.version.clone().unwrap_or_default(),
                    minimum = crate::syncserver::agent::MIN_AGENT_VERSION
                )))
            }
            Some(_) => {
                col = col.push(
                    checkbox(shared.settings().enable_writeback)
                        .label(t!("ready-enable-cloud-sync"))
                        .on_toggle(Message::EnableWriteback),
                );
                if shared.settings().enable_writeback {
                    let label = |s: String| text(s).width(220);
                    col = col
                        .push(
                            row![
                                label(t!("ready-hybrid-admin")),
                                text_input("admin@contoso.onmicrosoft.com", shared.hybrid_admin())
                                    .on_input(Message::HybridAdmin)
                                    .width(360)
                            ]
                            .spacing(8)
                            .align_y(iced::Alignment::Center),
                        )
                        .push(
                            row![
                                label(t!("ready-hybrid-admin-password")),
                                text_input("", shared.hybrid_admin_password())
                                    .secure(true)
                                    .on_input(|p| Message::HybridAdminPassword(
                                        crate::gui::pages::Secret(zeroize::Zeroizing::new(p))
                                    ))
                                    .width(360)
                            ]
                            .spacing(8)
                            .align_y(iced::Alignment::Center),
                        )
                        .push(style::note(t!("ready-cloud-sync-hint")));
                }
            }
        }
        style::section(col)
    }
}
