//! Planning, for every face: the plan from the assessment the user just saw (or from a fresh
//! check), with the policy figures the wizard's options show.

use crate::check::{self, CheckOptions, CheckOutcome};
use crate::plan::{self, Plan, PlanError, PlanOptions};

use super::Login;
use super::assess::AssessError;

/// A plan, and what the options beside it show.
#[derive(Clone, Debug)]
pub struct Planned {
    pub plan: Plan,
    /// Fine-grained policies with a minimum age: (name, age in 100-ns intervals, negative).
    pub psos: Vec<(String, i64)>,
    /// Users whose adminCount is stale.
    pub stale_admin: usize,
    /// The domain's minimum password age (100-ns intervals, negative), when readable.
    pub domain_min_age: Option<i64>,
}

impl Planned {
    /// An age as AD stores it, in days.
    pub fn days(age: Option<i64>) -> f64 {
        age.map_or(0.0, |a| (a.unsigned_abs() as f64) / 864_000_000_000.0)
    }
}

/// Why no plan could be made.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PlanningError {
    // Not transparent: the cause stays reachable through `source()` for the faces' words.
    #[error("{0}")]
    Assess(#[from] AssessError),
    #[error("{0}")]
    Plan(#[from] PlanError),
}

impl From<crate::ad::AdError> for PlanningError {
    fn from(e: crate::ad::AdError) -> Self {
        PlanningError::Assess(e.into())
    }
}

impl From<check::CheckError> for PlanningError {
    fn from(e: check::CheckError) -> Self {
        PlanningError::Assess(e.into())
    }
}

/// The plan for `checked` (the outcome the user saw), or for a fresh check with `options` when
/// there is none. Planning again after an option changed does not scan every user again;
/// `apply` still stops if an object changed since.
pub async fn plan(
    login: &Login,
    checked: Option<&CheckOutcome>,
    options: &CheckOptions,
    plan_options: &PlanOptions,
) -> Result<Planned, PlanningError> {
    let mut conn = login.connect().await?;
    let fresh;
    let outcome = match checked {
        Some(o) => o,
        None => match check::run(&mut conn, options, |_| {}).await {
            Ok(o) => {
                fresh = o;
                &fresh
            }
            Err(e) => {
                conn.close().await;
                return Err(e.into());
            }
        },
    };
    let extra = plan::gather_extra(&mut conn, outcome, plan_options).await;
    conn.close().await;
    let plan = plan::compute(outcome, &extra?, plan_options)?;
    Ok(Planned {
        plan,
        psos: outcome
            .facts
            .psos
            .iter()
            .filter_map(|p| p.min_age.filter(|a| *a != 0).map(|a| (p.name.clone(), a)))
            .collect(),
        stale_admin: outcome.stale_admin().len(),
        domain_min_age: outcome.facts.domain.min_pwd_age,
    })
}
