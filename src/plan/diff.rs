//! A DACL diff for people: the control flags if they changed, then one line per ACE added
//! (`+ (…)`) or removed (`- (…)`). Unchanged ACEs are not shown; the full strings are beside it.

use crate::sd::{Ace, AclSlot, DomainContext, SecurityDescriptor, sddl};

fn text(ace: &Ace, ctx: &DomainContext) -> String {
    sddl::format_ace(ace, ctx).unwrap_or_else(|_| format!("(ACE type 0x{:02x})", ace.ace_type.0))
}

fn aces(slot: &AclSlot) -> &[Ace] {
    slot.acl().map_or(&[], |a| a.aces.as_slice())
}

/// The lines that differ between `before` and `after` (as multisets of ACEs).
pub fn lines(
    before: &SecurityDescriptor,
    after: &SecurityDescriptor,
    ctx: &DomainContext,
) -> Vec<String> {
    let mut out = Vec::new();
    if before.dacl_protected() != after.dacl_protected() {
        out.push(format!(
            "~ inheritance: {} → {}",
            if before.dacl_protected() {
                "disabled (P)"
            } else {
                "enabled"
            },
            if after.dacl_protected() {
                "disabled (P)"
            } else {
                "enabled"
            }
        ));
    }
    let mut remaining: Vec<&Ace> = aces(&after.dacl).iter().collect();
    for ace in aces(&before.dacl) {
        match remaining.iter().position(|a| *a == ace) {
            Some(i) => {
                remaining.remove(i);
            }
            None => out.push(format!("- {}", text(ace, ctx))),
        }
    }
    out.extend(remaining.into_iter().map(|a| format!("+ {}", text(a, ctx))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_only_added_and_removed_aces_and_the_protection_flag() {
        let ctx = DomainContext::default();
        let before = sddl::parse("D:P(A;;RC;;;WD)(A;;RP;;;AU)", &ctx).unwrap();
        let after = sddl::parse("D:(A;;RC;;;WD)(A;;WP;;;AU)", &ctx).unwrap();
        assert_eq!(
            lines(&before, &after, &ctx),
            [
                "~ inheritance: disabled (P) → enabled",
                "- (A;;RP;;;AU)",
                "+ (A;;WP;;;AU)"
            ]
        );
        assert!(lines(&before, &before, &ctx).is_empty());
    }
}
