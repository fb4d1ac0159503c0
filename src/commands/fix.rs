//! `plan` and `verify-as-connector`, and what `apply` shares with them (the plan options, the
//! confirmation).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use writeback_wizard::words::Words;

use anyhow::{Context, Result, bail};
use writeback_wizard::check::CheckOptions;
use writeback_wizard::cli::{
    GrantAtArg, InetOrgPersonArg, PlanArgs, PlanFormat, PlanOptionArgs, TargetArgs, VerifyArgs,
};
use writeback_wizard::engine::{self, Login};
use writeback_wizard::plan::{self, GrantAt, InetOrgPerson, Plan, PlanOptions};

pub(super) fn plan_options(o: &PlanOptionArgs) -> PlanOptions {
    PlanOptions {
        inetorgperson: match o.inetorgperson {
            InetOrgPersonArg::Auto => InetOrgPerson::Auto,
            InetOrgPersonArg::Always => InetOrgPerson::Always,
            InetOrgPersonArg::Never => InetOrgPerson::Never,
        },
        protected_containers: !o.no_protected_containers,
        protected_users: !o.no_protected_users,
        include_adminsdholder: o.include_adminsdholder,
        min_password_age_zero: o.min_password_age_zero,
        fix_pso: o.fix_pso.clone(),
        clear_stale_admincount: o.clear_stale_admincount,
        grant_samserver: o.grant_samserver,
        grant_at: match o.grant_at {
            GrantAtArg::Root => GrantAt::Root,
            GrantAtArg::Scope => GrantAt::Scope,
        },
    }
}

/// A fresh check and the plan from it.
async fn compute(login: &Login, target: &TargetArgs, options: &PlanOptionArgs) -> Result<Plan> {
    let opts = CheckOptions {
        connector: target.connector.clone(),
        scopes: target.scope.clone(),
        page_size: 1000,
        sync_rules: None,
    };
    Ok(engine::plan(login, None, &opts, &plan_options(options))
        .await?
        .plan)
}

pub async fn run_plan(args: PlanArgs, words: &Words) -> Result<ExitCode> {
    if args.connection.profile.is_some() {
        return plan_several(&args, words).await;
    }
    let login = super::connect::login(&args.connection)?;
    let plan = compute(&login, &args.target, &args.options).await?;
    let text = match args.format {
        PlanFormat::Text => words.plan_text(&plan),
        PlanFormat::Json => serde_json::to_string_pretty(&plan)? + "\n",
    };
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes()).with_context(|| {
                super::say("cli-writing-plan", &[("path", &path.display().to_string())])
            })?;
            errln!(
                "{}",
                super::say(
                    "cli-plan-written",
                    &[
                        ("path", &path.display().to_string()),
                        ("count", &plan.changes.len().to_string()),
                    ],
                )
            );
        }
        None => out!("{text}"),
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// `plan --profile`: each directory's plan under its heading (JSON: `{"plans": [{label,
/// plan}]}`; `apply --profile` plans afresh, so this is for reading).
async fn plan_several(args: &PlanArgs, words: &Words) -> Result<ExitCode> {
    let dirs = super::directories::from_args(&args.connection, &args.target, 1000).await?;
    let mut text = String::new();
    let mut plans = Vec::new();
    for d in &dirs {
        let plan = engine::plan(&d.login, None, &d.options, &plan_options(&args.options))
            .await?
            .plan;
        text.push_str(&format!(
            "{}\n{}\n",
            super::say("report-directory-heading", &[("label", &d.label)]),
            words.plan_text(&plan)
        ));
        plans.push(serde_json::json!({"label": d.label, "plan": plan}));
    }
    if args.format == PlanFormat::Json {
        text = serde_json::to_string_pretty(&serde_json::json!({ "plans": plans }))? + "\n";
    }
    match &args.output {
        Some(path) => super::write_file(path, text.as_bytes()).with_context(|| {
            super::say("cli-writing-plan", &[("path", &path.display().to_string())])
        })?,
        None => out!("{text}"),
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// Asks "yes/no" on the terminal; without a terminal, `--yes` is required.
pub(super) fn confirm(question: &str, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!(super::say("cli-not-a-terminal", &[]));
    }
    err!("{question} {} ", super::say("cli-confirm-choices", &[]));
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    // The language's own "yes" words, and the English ones everywhere.
    let yes = super::say("cli-confirm-yes-words", &[]);
    let answer = answer.trim().to_lowercase();
    Ok(!answer.is_empty()
        && yes
            .split(',')
            .map(str::trim)
            .chain(["y", "yes"])
            .any(|w| w == answer))
}

pub async fn run_verify(args: VerifyArgs, words: &Words) -> Result<ExitCode> {
    let mut conn = super::connect::connect(&args.connection).await?;
    let attempts = plan::verify::try_writeback(&mut conn, &args.canary).await?;
    conn.close().await;
    outln!(
        "{}",
        super::say(
            "cli-verify-signed-in",
            &[
                (
                    "user",
                    &args
                        .connection
                        .user
                        .clone()
                        .unwrap_or_else(|| super::say("cli-verify-kerberos", &[])),
                ),
                ("dn", &args.canary),
            ],
        )
    );
    for a in &attempts {
        outln!(
            "  {} {:<24} {}",
            if a.passed { "✔" } else { "✖" },
            words.right(a.right),
            if a.passed {
                super::say("cli-verify-works", &[])
            } else {
                super::say(
                    "cli-verify-refused",
                    &[("code", &a.code.to_string()), ("text", &a.text)],
                )
            }
        );
    }
    let all = attempts.iter().all(|a| a.passed);
    outln!(
        "{}",
        super::say(
            if all {
                "cli-verify-all"
            } else {
                "cli-verify-not"
            },
            &[]
        )
    );
    Ok(if all {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}
