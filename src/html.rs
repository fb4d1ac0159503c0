//! Small self-contained HTML pages (no scripts, no external resources) written with `maud`,
//! which escapes every piece of text: the report's frame and the sign-in redirect's answers.

use maud::{DOCTYPE, Markup, html};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}\
.error{color:#b00020}.warning{color:#8a6d00}.info{color:#1b5e20}\
code{font-size:.9em;word-break:break-all}";

/// A whole page in language `lang` (`en`, `de-DE`): `title` in the head, `body`, and the
/// shared style.
pub fn document(lang: &str, title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// A small page with a heading and one paragraph (the sign-in redirect's answers).
pub fn page(title: &str, text: &str) -> String {
    document("en", title, html! { h1 { (title) } p { (text) } })
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_in_pages_is_escaped() {
        let p = super::page(
            "Sign-in <failed>",
            "said: <script>alert('x')</script> & \"more\"",
        );
        assert!(p.contains("Sign-in &lt;failed&gt;"), "{p}");
        assert!(
            p.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;more&quot;"),
            "{p}"
        );
        assert!(!p.contains("<script>"), "{p}");
    }
}
