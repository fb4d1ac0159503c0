//! Several directories at once, as Connect's "Connect your directories" page lists them: each
//! forest (and each domain of a forest, every domain root reached through its own DC) is
//! assessed, planned, applied and restored on its own, and the assessments run concurrently, so
//! the whole takes about as long as the slowest directory, not the sum.

use tokio::sync::mpsc;

use super::{AssessError, Assessment, Login, Progress, Request, assess};
use crate::ad::discovery::ForestDomain;

/// One directory to assess: a label for the faces (the forest or domain name as the user gave
/// it), how to sign in, and what to check there.
#[derive(Clone, Debug)]
pub struct DirectoryJob {
    pub label: String,
    pub login: Login,
    pub request: Request,
}

/// What one directory's assessment came to.
#[derive(Debug)]
pub struct DirectoryOutcome {
    pub label: String,
    pub result: Result<Assessment, AssessError>,
}

/// What the concurrent assessment tells its face: directory `index`'s own progress, and when
/// it is over.
#[derive(Clone, Debug)]
pub enum DirectoryProgress {
    Progress(Progress),
    Finished,
}

/// Assesses every directory of `jobs` concurrently (one task each) and returns the outcomes in
/// the order of `jobs`. A directory that fails does not stop the others: its outcome says why.
/// Dropping the future cancels every task.
pub async fn assess_all(
    jobs: Vec<DirectoryJob>,
    mut progress: impl FnMut(usize, DirectoryProgress) + Send,
) -> Vec<DirectoryOutcome> {
    let (tx, mut rx) = mpsc::unbounded_channel::<(usize, DirectoryProgress)>();
    let mut set = tokio::task::JoinSet::new();
    let labels: Vec<String> = jobs.iter().map(|j| j.label.clone()).collect();
    for (index, job) in jobs.into_iter().enumerate() {
        let tx = tx.clone();
        set.spawn(async move {
            let result = assess(&job.login, &job.request, |p| {
                let _ = tx.send((index, DirectoryProgress::Progress(p)));
            })
            .await;
            let _ = tx.send((index, DirectoryProgress::Finished));
            (index, result)
        });
    }
    drop(tx);
    let mut results: Vec<Option<Result<Assessment, AssessError>>> =
        labels.iter().map(|_| None).collect();
    let mut open = set.len();
    while open > 0 {
        tokio::select! {
            Some((index, p)) = rx.recv() => progress(index, p),
            joined = set.join_next() => match joined {
                Some(Ok((index, result))) => {
                    results[index] = Some(result);
                    open -= 1;
                }
                // A task that panicked: its directory gets no verdict (said below).
                Some(Err(e)) => {
                    tracing::error!("a directory's assessment stopped: {e}");
                    open -= 1;
                }
                None => break,
            },
        }
    }
    // Progress sent after the last join still reaches the face.
    while let Ok((index, p)) = rx.try_recv() {
        progress(index, p);
    }
    labels
        .into_iter()
        .zip(results)
        .map(|(label, result)| DirectoryOutcome {
            result: result.unwrap_or_else(|| {
                Err(AssessError::Directory(crate::ad::AdError::ConnectionLost {
                    server: label.clone(),
                    op: "assessment",
                    reason: "the assessment stopped unexpectedly".into(),
                }))
            }),
            label,
        })
        .collect()
}

/// The domains of a forest as directories to check, each domain root reached through its own
/// DC (by the domain's DNS name, which resolves to its DCs): `server` is the DC the forest was
/// reached through, `forest` the domains its partitions container lists. The domain `server`
/// serves keeps `server`; the others get the DNS name their DN spells. Connect grants the
/// writeback rights at every domain root of a forest, so each needs its own check.
pub fn forest_domains(
    server: &str,
    served_dn: &str,
    forest: &[ForestDomain],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = forest
        .iter()
        .map(|d| {
            // The name the domain's DN spells, never the crossRef's `dnsRoot`: a directory
            // value, which an edit could point at another host (where the sign-in would go).
            let reach = if d.dn.eq_ignore_ascii_case(served_dn) {
                server.to_string()
            } else {
                crate::ad::discovery::dns_from_dn(&d.dn)
            };
            if !d.dns_name.is_empty()
                && !d
                    .dns_name
                    .eq_ignore_ascii_case(&crate::ad::discovery::dns_from_dn(&d.dn))
            {
                tracing::warn!(
                    "the crossRef of {} names {} as its DNS root; reached as {reach}",
                    d.dn,
                    d.dns_name
                );
            }
            (d.dn.clone(), reach)
        })
        .collect();
    // The domain the forest was reached through first, then the rest by name.
    out.sort_by_key(|(dn, _)| (!dn.eq_ignore_ascii_case(served_dn), dn.to_ascii_lowercase()));
    out
}

/// One domain of a forest as a directory of the run: its DN, the name its DC is reached by, and
/// the OUs of the scope that lie in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForestPart {
    pub dn: String,
    pub reach: String,
    pub scopes: Vec<String>,
}

impl ForestPart {
    /// What the faces call it: the domain's DNS name.
    pub fn label(&self) -> String {
        crate::ad::discovery::dns_from_dn(&self.dn)
    }
}

/// A profile's `all_domains`, the same in every face: every domain of the forest reached
/// through `server` (see [`forest_domains`]), each with the OUs of `scopes` inside it; with a
/// non-empty scope, a domain none of its OUs is in is left out (nothing there is synced).
pub fn forest_parts(
    server: &str,
    served_dn: &str,
    forest: &[ForestDomain],
    scopes: &[String],
) -> Vec<ForestPart> {
    use crate::ad::discovery::is_within;
    // An OU belongs to the deepest domain it lies in: OU=Paris,DC=emea,DC=corp is emea's, not
    // corp's, though both DNs contain it.
    let home = |scope: &str| -> Option<&str> {
        forest
            .iter()
            .filter(|d| is_within(scope, &d.dn))
            .max_by_key(|d| crate::ad::dn::components(&d.dn).map_or(0, |c| c.len()))
            .map(|d| d.dn.as_str())
    };
    forest_domains(server, served_dn, forest)
        .into_iter()
        .filter_map(|(dn, reach)| {
            let mine: Vec<String> = scopes
                .iter()
                .filter(|s| home(s).is_some_and(|h| h.eq_ignore_ascii_case(&dn)))
                .cloned()
                .collect();
            (scopes.is_empty() || !mine.is_empty()).then_some(ForestPart {
                dn,
                reach,
                scopes: mine,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(dn: &str, dns: &str) -> ForestDomain {
        ForestDomain {
            dn: dn.into(),
            dns_name: dns.into(),
            netbios_name: dns.split('.').next().unwrap_or_default().to_uppercase(),
        }
    }

    #[test]
    fn every_domain_of_a_forest_is_reached_through_its_own_dc() {
        let forest = [
            domain("DC=emea,DC=corp,DC=example", "emea.corp.example"),
            domain("DC=corp,DC=example", "corp.example"),
            domain("DC=apac,DC=corp,DC=example", "apac.corp.example"),
        ];
        let got = forest_domains("dc1.corp.example", "DC=corp,DC=example", &forest);
        assert_eq!(
            got,
            [
                (
                    "DC=corp,DC=example".to_string(),
                    "dc1.corp.example".to_string()
                ),
                (
                    "DC=apac,DC=corp,DC=example".into(),
                    "apac.corp.example".into()
                ),
                (
                    "DC=emea,DC=corp,DC=example".into(),
                    "emea.corp.example".into()
                ),
            ]
        );
    }

    #[test]
    fn a_scope_goes_to_the_domain_that_holds_it_and_a_domain_without_one_is_left_out() {
        let forest = [
            domain("DC=corp,DC=example", "corp.example"),
            domain("DC=emea,DC=corp,DC=example", "emea.corp.example"),
            domain("DC=apac,DC=corp,DC=example", "apac.corp.example"),
        ];
        let scopes = [
            "OU=Staff,DC=corp,DC=example".to_string(),
            "OU=Paris,DC=emea,DC=corp,DC=example".to_string(),
        ];
        let parts = forest_parts("dc1.corp.example", "DC=corp,DC=example", &forest, &scopes);
        let got: Vec<(String, &str, &[String])> = parts
            .iter()
            .map(|p| (p.label(), p.reach.as_str(), p.scopes.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                ("corp.example".to_string(), "dc1.corp.example", &scopes[..1]),
                (
                    "emea.corp.example".to_string(),
                    "emea.corp.example",
                    &scopes[1..]
                ),
            ],
            "apac holds none of the scope: not synced, not checked"
        );
        let all = forest_parts("dc1.corp.example", "DC=corp,DC=example", &forest, &[]);
        assert_eq!(all.len(), 3, "no scope: the whole forest");
        assert!(all.iter().all(|p| p.scopes.is_empty()));
    }

    #[test]
    fn a_crossref_pointing_elsewhere_does_not_decide_where_the_sign_in_goes() {
        let mut emea = domain("DC=emea,DC=corp,DC=example", "emea.corp.example");
        emea.dns_name = "collector.attacker.example".into();
        let forest = [domain("DC=corp,DC=example", "corp.example"), emea];
        let got = forest_domains("dc1.corp.example", "DC=corp,DC=example", &forest);
        assert_eq!(got[1].1, "emea.corp.example");
    }

    #[test]
    fn a_single_domain_forest_is_one_directory_on_the_given_server() {
        let forest = [domain("DC=lab,DC=example,DC=test", "lab.example.test")];
        assert_eq!(
            forest_domains(
                "ldaps://127.0.0.1:636",
                "DC=lab,DC=example,DC=test",
                &forest
            ),
            [(
                "DC=lab,DC=example,DC=test".to_string(),
                "ldaps://127.0.0.1:636".to_string()
            )]
        );
    }
}
