//! The keyboard: Enter is Next, Escape is Back, Tab moves the focus, captured keys do nothing.

use super::*;

#[test]
fn keys_enter_next_escape_back_tab_focus_and_captured_keys_do_nothing() {
    use iced::keyboard::{Event, Key, Location, Modifiers, key::Named};
    let press = |named: Named, modifiers: Modifiers| {
        iced::Event::Keyboard(Event::KeyPressed {
            key: Key::Named(named),
            modified_key: Key::Named(named),
            physical_key: iced::keyboard::key::Physical::Unidentified(
                iced::keyboard::key::NativeCode::Unidentified,
            ),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat: false,
        })
    };
    let id = iced::window::Id::unique();
    let ignored = iced::event::Status::Ignored;
    let k = |n, m| writeback_wizard::gui::key_message(press(n, m), ignored, id);
    assert!(matches!(
        k(Named::Enter, Modifiers::empty()),
        Some(Message::Next)
    ));
    assert!(matches!(
        k(Named::Escape, Modifiers::empty()),
        Some(Message::Back)
    ));
    assert!(matches!(
        k(Named::Tab, Modifiers::empty()),
        Some(Message::FocusNext)
    ));
    assert!(matches!(
        k(Named::Tab, Modifiers::SHIFT),
        Some(Message::FocusPrevious)
    ));
    assert!(
        writeback_wizard::gui::key_message(
            press(Named::Enter, Modifiers::empty()),
            iced::event::Status::Captured,
            id
        )
        .is_none(),
        "Enter in a field with its own action is not Next"
    );
}
