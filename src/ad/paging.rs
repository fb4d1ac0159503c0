//! How many entries the DC expects a paged search to return: the `size` of the paged-results
//! response control (RFC 2696 calls it an estimate; Samba gives the exact count, Windows usually
//! 0, "unknown"). ldap3's paging adapter consumes the control, so this adapter sits below it in
//! the chain, where each page's result arrives first, and records the estimate.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use ldap3::adapters::Adapter;
use ldap3::controls::{Control, ControlType};
use ldap3::result::Result;
use ldap3::{ResultEntry, Scope, SearchStream};

/// Records the DC's estimate of a paged search's size (0 while unknown).
#[derive(Clone, Debug, Default)]
pub struct PageEstimate {
    pub size: Arc<AtomicUsize>,
}

#[async_trait]
impl<'a, S, A> Adapter<'a, S, A> for PageEstimate
where
    S: AsRef<str> + Clone + std::fmt::Debug + Send + Sync + 'a,
    A: AsRef<[S]> + Clone + std::fmt::Debug + Send + Sync + 'a,
{
    async fn start(
        &mut self,
        stream: &mut SearchStream<'a, S, A>,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: A,
    ) -> Result<()> {
        stream.start(base, scope, filter, attrs).await
    }

    async fn next(&mut self, stream: &mut SearchStream<'a, S, A>) -> Result<Option<ResultEntry>> {
        let item = stream.next().await;
        if let (Ok(None), Some(res)) = (&item, stream.res.as_ref()) {
            for Control(kind, raw) in &res.ctrls {
                if matches!(kind, Some(ControlType::PagedResults))
                    && let Some(size) = raw.val.as_deref().and_then(paged_size)
                {
                    self.size.store(size, Ordering::Relaxed);
                }
            }
        }
        item
    }

    async fn finish(&mut self, stream: &mut SearchStream<'a, S, A>) -> ldap3::LdapResult {
        stream.finish().await
    }
}

/// The `size` of a paged-results control value, `SEQUENCE { size INTEGER, cookie OCTET STRING }`
/// in BER; `None` for anything malformed or negative (it came from the network).
pub fn paged_size(ber: &[u8]) -> Option<usize> {
    let (tag, body, _) = tlv(ber)?;
    if tag != 0x30 {
        return None;
    }
    let (tag, int, _) = tlv(body)?;
    if tag != 0x02 || int.is_empty() || int.len() > 8 || int[0] & 0x80 != 0 {
        return None;
    }
    let v = int.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    usize::try_from(v).ok()
}

/// One BER tag-length-value: (tag, contents, rest).
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = b.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first & 0x80 == 0 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_read_from_the_control_and_garbage_gives_none() {
        // SEQUENCE { INTEGER 13, OCTET STRING "1\0" } as Samba sends it.
        assert_eq!(
            paged_size(&[0x30, 0x07, 0x02, 0x01, 0x0d, 0x04, 0x02, 0x31, 0x00]),
            Some(13)
        );
        assert_eq!(
            paged_size(&[0x30, 0x07, 0x02, 0x03, 0x01, 0x86, 0xa9, 0x04, 0x00]),
            Some(100_009)
        );
        // Long-form length.
        assert_eq!(
            paged_size(&[0x30, 0x81, 0x05, 0x02, 0x01, 0x00, 0x04, 0x00]),
            Some(0)
        );
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x02, 0x01],
            &[0x31, 0x03, 0x02, 0x01, 0x01],
            &[0x30, 0x03, 0x04, 0x01, 0x01],
            &[0x30, 0x03, 0x02, 0x01, 0xff],
            &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
            &[0x30, 0x02, 0x02, 0x00],
        ] {
            assert_eq!(paged_size(bad), None, "{bad:?}");
        }
    }
}
