//! Text on its way to a terminal. Plan files, backups, profiles and the directory are input from
//! strangers: a DN, a warning or a note can carry escape sequences that clear the screen, move
//! the cursor or recolour text, and bidirectional overrides that show characters in another
//! order than they are. Everything the command line prints passes [`text`]; every value put
//! into a sentence passes [`line`] as well, so a value cannot start a line of its own either.
//!
//! An escaped character is written as `\uXXXX`, which reads plainly on a terminal and is also a
//! valid escape inside a JSON string (so `--format json` output stays valid JSON).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is never printed as it is: C0 controls (but line feed and tab, which [`text`]
/// keeps between lines), DEL, C1 controls, the bidirectional embeddings, overrides and isolates,
/// the directional marks, and the Unicode line and paragraph separators.
fn unsafe_char(c: char, keep_layout: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn escape(s: &str, keep_layout: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| unsafe_char(c, keep_layout)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c, keep_layout) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text of several lines for a terminal: line feeds and tabs stay, every other control
/// character and every direction override is escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// One value inside a line (a DN, a name, a reason from a file): line feeds and tabs are escaped
/// too, so the value cannot begin a line that looks like the tool's own.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// A writer that passes everything through [`text`] on its way to `inner` (a report streamed to
/// standard output). A character split across two writes is held until it is whole.
pub struct Escaping<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> Escaping<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Up to the last whole character; an incomplete one (at most 3 bytes) waits.
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        let chunk: Vec<u8> = self.pending.drain(..whole).collect();
        let shown = String::from_utf8_lossy(&chunk);
        self.inner.write_all(text(&shown).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner
                .write_all(text(&String::from_utf8_lossy(&rest)).as_bytes())?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_direction_overrides_are_shown_not_obeyed() {
        let forged = "CN=x\u{1b}[2J\u{1b}[H,DC=lab\rApply? [y/N]\u{9b}31m \u{202e}txt.exe\u{2066}";
        let shown = text(forged);
        assert_eq!(
            shown,
            "CN=x\\u001b[2J\\u001b[H,DC=lab\\u000dApply? [y/N]\\u009b31m \\u202etxt.exe\\u2066"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn lines_stay_lines_in_text_but_not_inside_a_value() {
        assert_eq!(text("one\n\ttwo"), "one\n\ttwo");
        assert_eq!(line("one\n\ttwo"), "one\\u000a\\u0009two");
        assert_eq!(line("a\u{2028}b"), "a\\u2028b");
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(text("Müller, Zoë – ✔ ok"), Cow::Borrowed(_)));
        assert!(matches!(line("OU=Staff,DC=x"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_escaped_form_is_valid_json_inside_a_string() {
        let json = serde_json::json!({"dn": "a\u{202e}b\u{85}c"}).to_string();
        let escaped = text(&json);
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["dn"], "a\u{202e}b\u{85}c");
    }

    #[test]
    fn a_stream_is_escaped_even_where_a_character_is_split_between_writes() {
        use std::io::Write;
        let mut out = Escaping::new(Vec::new());
        let text = "ü\u{1b}[2J ✔ \u{202e}x";
        let bytes = text.as_bytes();
        for chunk in bytes.chunks(1) {
            out.write_all(chunk).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(
            String::from_utf8(out.inner).unwrap(),
            "ü\\u001b[2J ✔ \\u202ex"
        );
    }
}
