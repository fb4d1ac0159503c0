//! What will be written in one directory, worked out before anything is: the target read from
//! the DC the user named, the plan (made now, or a plan file planned again now and held
//! against it, or the plan the user reviewed in this session), and the preview computed from
//! the values as they are now at the DC the writes go to.

use std::sync::Arc;

use super::target::{Target, resolve};
use super::{ConnectorRefusal, FileMismatch, WriteError};
use crate::ad::dn;
use crate::check::CheckOptions;
use crate::engine::{Directory, planning};
use crate::plan::apply::{self, Preview};
use crate::plan::reconcile::{NotPlannedNow, reconcile};
use crate::plan::{Change, Plan, PlanOptions};

/// Where the plan to write comes from.
#[derive(Clone, Debug)]
pub enum PlanSource {
    /// Plan afresh from the directory with these options.
    Fresh(PlanOptions),
    /// A plan file: a reviewed request. It is planned again now with its own options and scope
    /// (AdminSDHolder only with the consent given now), and only what both plans hold is
    /// written.
    File {
        plan: Box<Plan>,
        /// `--include-adminsdholder` given now.
        adminsdholder_now: bool,
    },
    /// The plan the user reviewed in this session (the wizard's Ready page), made by the engine
    /// from the assessment they saw.
    Session(Arc<Plan>),
}

/// What a plan file said against what is true now (only for [`PlanSource::File`]).
#[derive(Clone, Debug, Default)]
pub struct Review {
    /// Objects whose value changed since the file's plan was made (in the file's words).
    pub changed_since: Vec<String>,
    /// What the directory also needs now but the file does not ask for: not written.
    pub not_in_file: Vec<Change>,
    /// What the file asks for that the directory already holds: nothing to write.
    pub in_place: Vec<Change>,
    /// The DC and PDC emulator the file names, where they differ from the ones used now (only
    /// compared, never dialled).
    pub file_dc: Option<(String, Option<String>)>,
}

/// One directory, ready to write.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub target: Target,
    /// What will be written (its warnings and blockers left computed now).
    pub plan: Plan,
    /// The plan against the values as they are now, at the DC the writes go to.
    pub preview: Vec<Preview>,
    /// With a plan file: how it compares with now.
    pub review: Option<Review>,
}

/// Works out what `source` writes in `dir`. A plan file's shape is checked before anything is
/// sent anywhere; then the DC the user named is asked for the domain, the connector and the
/// PDC emulator, and the file is compared with them. Nothing is written.
pub async fn prepare(
    dir: &Directory,
    source: &PlanSource,
    page_size: i32,
) -> Result<Prepared, WriteError> {
    if let PlanSource::File { plan, .. } = source {
        crate::plan::validate::check_file(plan)?;
    }
    let target = resolve(dir).await?;
    let options = |scopes: Vec<String>| CheckOptions {
        connector: Some(target.connector.sid.to_string()),
        scopes,
        page_size,
        sync_rules: None,
    };
    let (plan, review) = match source {
        PlanSource::Fresh(opts) => {
            let p = planning::plan(&dir.login, None, &options(dir.options.scopes.clone()), opts)
                .await?;
            (p.plan, None)
        }
        PlanSource::Session(plan) => {
            same_target(plan, &target)?;
            (plan.as_ref().clone(), None)
        }
        PlanSource::File {
            plan: file,
            adminsdholder_now,
        } => {
            same_target(file, &target)?;
            let mut opts = file.request.options.clone();
            opts.include_adminsdholder = *adminsdholder_now;
            let scopes = if dir.options.scopes.is_empty() {
                file.request.scopes.clone()
            } else {
                dir.options.scopes.clone()
            };
            let fresh = planning::plan(&dir.login, None, &options(scopes), &opts)
                .await?
                .plan;
            let (plan, review) = held_against(file, &fresh, &target)?;
            (plan, Some(review))
        }
    };
    let mut conn = target.connect().await?;
    let r = async {
        let review = match review {
            Some((review, unplanned)) => {
                Some(only_in_place(&mut conn, &target, review, unplanned).await?)
            }
            None => None,
        };
        let preview = apply::preview(&mut conn, &plan, &target.domain).await?;
        Ok::<_, WriteError>((review, preview))
    }
    .await;
    conn.close().await;
    let (review, preview) = r?;
    Ok(Prepared {
        preview,
        target,
        plan,
        review,
    })
}

/// A plan file held against the plan made now with its request: refused when the scopes
/// differ; else what both hold, the review, and what the file asks for beyond the fresh plan.
fn held_against(
    file: &Plan,
    fresh: &Plan,
    target: &Target,
) -> Result<(Plan, (Review, Vec<Change>)), WriteError> {
    let (now, then) = (&fresh.request.scopes, &file.request.scopes);
    let same_scope =
        now.len() == then.len() && now.iter().all(|s| then.iter().any(|f| dn::same(s, f)));
    if !same_scope {
        let said = |v: &[String]| {
            if v.is_empty() {
                target.domain.dn.clone()
            } else {
                v.join("; ")
            }
        };
        return Err(FileMismatch::Scope {
            file: said(then),
            now: said(now),
        }
        .into());
    }
    let r = reconcile(file, fresh);
    let file_dc = (!file.dc.eq_ignore_ascii_case(&target.dc)
        || file.pdc_emulator != fresh.pdc_emulator)
        .then(|| (file.dc.clone(), file.pdc_emulator.clone()));
    let review = Review {
        changed_since: r.changed_since,
        not_in_file: r.not_in_file,
        in_place: Vec::new(),
        file_dc,
    };
    Ok((r.plan, (review, r.unplanned)))
}

/// What a file asks for beyond the fresh plan passes only where the directory already holds
/// it (nothing to write); anything else refuses the file.
async fn only_in_place(
    conn: &mut crate::ad::Connection,
    target: &Target,
    mut review: Review,
    unplanned: Vec<Change>,
) -> Result<Review, WriteError> {
    let mut refused = Vec::new();
    for c in unplanned {
        let held =
            target.domain.holds(&c.dn) && matches!(apply::in_place(conn, &c).await, Ok(true));
        if held {
            review.in_place.push(c);
        } else {
            refused.push(c);
        }
    }
    if !refused.is_empty() {
        return Err(NotPlannedNow::of(&refused).into());
    }
    Ok(review)
}

/// A plan (a file's, or one made earlier) is for this domain and this connector.
fn same_target(plan: &Plan, target: &Target) -> Result<(), WriteError> {
    let sid = target.domain.sid.to_string();
    if plan.domain_sid != sid {
        return Err(FileMismatch::Domain {
            file: plan.domain_sid.clone(),
            directory: sid,
        }
        .into());
    }
    if !dn::same(&plan.domain_dn, &target.domain.dn) {
        return Err(FileMismatch::Domain {
            file: plan.domain_dn.clone(),
            directory: target.domain.dn.clone(),
        }
        .into());
    }
    if plan.connector_sid != target.connector.sid.to_string() {
        return Err(ConnectorRefusal::FileConnector {
            file: plan.connector_sid.clone(),
            name: target.connector.sam_account_name.clone(),
            sid: target.connector.sid.to_string(),
            dn: target.connector.dn.clone(),
        }
        .into());
    }
    Ok(())
}
