//! Long lists that build only the rows in view: every row has the same height, the list is a
//! scrollable of that many rows' height, and a view builds the rows its scroll offset shows (a
//! few more on each side) between two empty spaces that stand for the rest. A list of 100 000
//! users costs the same to draw as a list of 30.

use std::ops::Range;

use iced::widget::{Space, column, container, scrollable};
use iced::{Element, Length};

/// Every row's height, in logical pixels.
pub const ROW_HEIGHT: f32 = 26.0;
/// The list's height at most.
pub const LIST_HEIGHT: f32 = 416.0;
/// Rows built beyond each edge of the view (smooth scrolling by a few rows).
const OVERSCAN: usize = 4;

/// The rows a list of `total` rows shows at scroll `offset`.
pub fn in_view(offset: f32, total: usize) -> Range<usize> {
    let first = (offset.max(0.0) / ROW_HEIGHT) as usize;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let count = (LIST_HEIGHT / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    start..(start + count).min(total)
}

/// A list of `total` rows at scroll `offset`, building each visible row with `row(i)`;
/// `on_scroll` gets the new offset.
pub fn list<'a, M: 'a>(
    total: usize,
    offset: f32,
    on_scroll: impl Fn(f32) -> M + 'a,
    mut row: impl FnMut(usize) -> Element<'a, M>,
) -> Element<'a, M> {
    let range = in_view(offset, total);
    let mut rows = column![Space::new().height(range.start as f32 * ROW_HEIGHT)];
    for i in range.clone() {
        rows = rows.push(
            container(row(i))
                .height(ROW_HEIGHT)
                .width(Length::Fill)
                .clip(true),
        );
    }
    rows = rows.push(Space::new().height((total - range.end) as f32 * ROW_HEIGHT));
    scrollable(rows)
        .height((total as f32 * ROW_HEIGHT).min(LIST_HEIGHT))
        .on_scroll(move |v| on_scroll(v.absolute_offset().y))
        .into()
}

/// Whether a list's cached order still belongs to `current` (the same `Arc`, or both none).
pub fn same_source<T>(
    current: Option<&std::sync::Arc<T>>,
    cached: &Option<std::sync::Arc<T>>,
) -> bool {
    match (current, cached) {
        (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// `haystack` contains `needle_lower` (already lower case), ignoring ASCII case, without
/// allocating (filtering 100 000 rows per keystroke).
pub fn contains_folded(haystack: &str, needle_lower: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
    n.is_empty()
        || h.windows(n.len())
            .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

/// Compares ignoring ASCII case, without allocating.
pub fn cmp_folded(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_covers_the_offset_and_never_runs_past_the_end() {
        let r = in_view(0.0, 100_000);
        assert_eq!(r.start, 0);
        assert!(r.len() <= 30, "{r:?}");
        let r = in_view(50_000.0 * ROW_HEIGHT, 100_000);
        assert!(r.contains(&50_000) && r.contains(&50_010), "{r:?}");
        assert_eq!(in_view(1e9, 10), 10..10);
        assert_eq!(in_view(0.0, 3), 0..3);
        assert_eq!(in_view(-5.0, 3), 0..3);
    }

    #[test]
    fn folded_matching_and_ordering_ignore_ascii_case() {
        assert!(contains_folded("CN=Bob,OU=Users", "ou=us"));
        assert!(contains_folded("x", ""));
        assert!(!contains_folded("CN=Bob", "alice"));
        assert!(!contains_folded("ab", "abc"));
        assert_eq!(cmp_folded("ALICE", "alice"), std::cmp::Ordering::Equal);
        assert_eq!(cmp_folded("alice", "Bob"), std::cmp::Ordering::Less);
    }
}
