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
/// serves keeps `server`; the others get their DNS name. Connect grants the writeback rights at
/// every domain root of a forest, so each needs its own check.
pub fn forest_domains(
    server: &str,
    served_dn: &str,
    forest: &[ForestDomain],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = forest
        .iter()
        .map(|d| {
            let reach = if d.dn.eq_ignore_ascii_case(served_dn) {
                server.to_string()
            } else {
                d.dns_name.clone()
            };
            (d.dn.clone(), reach)
        })
        .collect();
    // The domain the forest was reached through first, then the rest by name.
    out.sort_by_key(|(dn, _)| (!dn.eq_ignore_ascii_case(served_dn), dn.to_ascii_lowercase()));
    out
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
