//! `plan`, `apply`, `restore` and `verify-as-connector`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use writeback_wizard::words::Words;

use anyhow::{Context, Result, bail};
use writeback_wizard::ad::Connection;
use writeback_wizard::check::CheckOptions;
use writeback_wizard::cli::{
    ApplyArgs, ConnectionArgs, GrantAtArg, InetOrgPersonArg, PlanArgs, PlanFormat, PlanOptionArgs,
    RestoreArgs, TargetArgs, VerifyArgs,
};
use writeback_wizard::engine::{self, Login, PdcSwitch};
use writeback_wizard::plan::apply::{ApplyOptions, Event, apply};
use writeback_wizard::plan::backup::{self, Backup, RestoreMode};
use writeback_wizard::plan::{self, GrantAt, InetOrgPerson, Plan, PlanOptions};

fn plan_options(o: &PlanOptionArgs) -> PlanOptions {
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
    };
    Ok(engine::plan(login, None, &opts, &plan_options(options))
        .await?
        .plan)
}

pub async fn run_plan(args: PlanArgs, words: &Words) -> Result<ExitCode> {
    let login = super::connect::login(&args.connection)?;
    let plan = compute(&login, &args.target, &args.options).await?;
    let text = match args.format {
        PlanFormat::Text => words.plan_text(&plan),
        PlanFormat::Json => serde_json::to_string_pretty(&plan)? + "\n",
    };
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes())
                .with_context(|| format!("writing the plan to {}", path.display()))?;
            eprintln!(
                "plan written to {} ({} change(s))",
                path.display(),
                plan.changes.len()
            );
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// Asks "yes/no" on the terminal; without a terminal, `--yes` is required.
fn confirm(question: &str, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("not a terminal, so nothing can be confirmed: add --yes to proceed");
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

/// The PDC emulator, when the user chose another DC: connect there if possible.
async fn connect_for_writes(login: &Login, conn: Connection, plan: &Plan) -> Connection {
    let (conn, switch) = login.for_writes(conn, plan).await;
    match switch {
        PdcSwitch::Same => {}
        PdcSwitch::Connected { pdc } => eprintln!("connected to the PDC emulator {pdc}"),
        PdcSwitch::Unreachable { pdc, error } => eprintln!(
            "WARNING: cannot reach the PDC emulator {pdc} ({error}); applying on {} instead",
            conn.server()
        ),
    }
    conn
}

fn restore_hint(args: &ConnectionArgs, backup: &std::path::Path) -> String {
    let mut s = format!("writeback-wizard restore --backup {}", backup.display());
    if let Some(server) = &args.server {
        s.push_str(&format!(" --server {server}"));
    }
    if let Some(ca) = &args.ca_file {
        s.push_str(&format!(" --ca-file {}", ca.display()));
    }
    if let Some(user) = &args.user {
        s.push_str(&format!(" --user {user}"));
    }
    s
}

/// A plan file as `plan --format json` writes it (its content is checked again by apply).
fn read_plan(path: &std::path::Path) -> Result<Plan> {
    let text =
        std::fs::read(path).with_context(|| format!("reading the plan {}", path.display()))?;
    let plan: Plan = serde_json::from_slice(&text).with_context(|| {
        format!(
            "{} is not a plan written by `plan --format json`",
            path.display()
        )
    })?;
    if plan.schema != plan::SCHEMA {
        bail!(
            "{}: plan schema {} is not {}",
            path.display(),
            plan.schema,
            plan::SCHEMA
        );
    }
    Ok(plan)
}

pub async fn run_apply(args: ApplyArgs, words: &Words) -> Result<ExitCode> {
    let login = super::connect::login(&args.connection)?;
    let plan = match &args.plan {
        Some(path) => read_plan(path)?,
        None => compute(&login, &args.target, &args.options).await?,
    };
    if plan.is_empty() {
        println!("Nothing to change in the directory.");
        if args.enable_writeback {
            super::cloud::enable_writeback().await?;
        }
        return Ok(ExitCode::from(super::exit::OK));
    }
    let conn = login.connect().await?;
    let mut conn = connect_for_writes(&login, conn, &plan).await;
    // What will be written, worked out from the directory as it is now and checked as apply
    // checks it: a plan file's own text is never what is shown.
    let preview = match writeback_wizard::plan::apply::preview(&mut conn, &plan).await {
        Ok(p) => p,
        Err(e) => bail!("{}", words.error(&e)),
    };
    println!(
        "Plan for {} (connector {}), as it applies to the directory now:",
        plan.domain_dn, plan.connector_dn
    );
    print!("{}", writeback_wizard::plan::apply::preview_text(&preview));
    for w in words.plan_warnings(&plan) {
        println!("\n{}: {w}", words.get("plan-warning"));
    }
    for n in &plan.not_fixed {
        println!(
            "\n{}: {}",
            words.get("plan-not-fixed"),
            words.not_fixed_line(n)
        );
    }
    if !confirm(
        &format!("\nApply {} change(s)?", plan.changes.len()),
        args.yes,
    )? {
        eprintln!("Nothing was changed.");
        return Ok(ExitCode::from(super::exit::DECLINED));
    }
    let backup_path: PathBuf = args.backup.clone().unwrap_or_else(backup::default_path);
    let result = apply(
        &mut conn,
        &plan,
        &backup_path,
        &ApplyOptions {
            replan: args.replan,
            ..ApplyOptions::default()
        },
        |event| match &event {
            Event::BackedUp { path, entries } => {
                eprintln!("backup of {entries} original value(s) written to {path}")
            }
            Event::Writing { index, total, dn } => {
                eprintln!("[{}/{total}] writing {dn}", index + 1)
            }
            Event::Verified { dn, .. } => eprintln!("        verified {dn}"),
            Event::AlreadyDone { dn, .. } => eprintln!("        already as planned: {dn}"),
        },
    )
    .await;
    conn.close().await;
    match result {
        Ok(written) => {
            println!(
                "\nDone: {written} change(s) written and verified.\nBackup: {}\nTo undo: {}",
                backup_path.display(),
                restore_hint(&args.connection, &backup_path)
            );
            if args.enable_writeback {
                super::cloud::enable_writeback().await?;
            }
            Ok(ExitCode::from(super::exit::OK))
        }
        Err(e) => {
            let written = e.written();
            let mut msg = words.error(&e);
            if written > 0 || backup_path.exists() {
                msg.push_str(&format!(
                    ". {written} change(s) had been written; to undo them: {}",
                    restore_hint(&args.connection, &backup_path)
                ));
            }
            bail!(msg)
        }
    }
}

pub async fn run_restore(args: RestoreArgs, words: &Words) -> Result<ExitCode> {
    // Refuse a damaged, edited or foreign-shaped file before connecting, let alone writing.
    let backup = Backup::load(&args.backup)?;
    let mut conn = super::connect::connect(&args.connection).await?;
    println!(
        "Backup of {} ({}), made {} on {}: {} value(s).",
        backup.domain_dn,
        backup.domain_sid,
        backup.time,
        backup.dc,
        backup.entries.len()
    );
    let mode = if args.whole {
        RestoreMode::Whole { force: args.force }
    } else {
        RestoreMode::Undo
    };
    let items = backup::prepare_restore(&mut conn, &backup, &args.backup, mode, args.force).await?;
    let writes = items.iter().filter(|i| i.target.is_some()).count();
    for (k, i) in items.iter().enumerate() {
        println!(
            "\n{}. {} ({})\n   {}",
            k + 1,
            i.dn,
            i.attribute,
            words.restore_note(i)
        );
        for l in &i.diff {
            println!("   {l}");
        }
    }
    if writes == 0 {
        println!("\nNothing to write.");
        return Ok(ExitCode::from(super::exit::OK));
    }
    if !confirm(&format!("\nWrite these {writes} value(s)?"), args.yes)? {
        eprintln!("Nothing was changed.");
        return Ok(ExitCode::from(super::exit::DECLINED));
    }
    let report = backup::execute_restore(&mut conn, &items, |line| eprintln!("{line}")).await?;
    conn.close().await;
    println!(
        "Restored {} value(s), {} already as before apply{}; all verified.",
        report.restored.len(),
        report.unchanged.len(),
        if report.kept.is_empty() {
            String::new()
        } else {
            format!(
                ", {} changed since by someone else and kept",
                report.kept.len()
            )
        }
    );
    Ok(ExitCode::from(super::exit::OK))
}

pub async fn run_verify(args: VerifyArgs) -> Result<ExitCode> {
    let mut conn = super::connect::connect(&args.connection).await?;
    let attempts = plan::verify::try_writeback(&mut conn, &args.canary).await?;
    conn.close().await;
    println!(
        "Signed in as {}, on {}:",
        args.connection.user.as_deref().unwrap_or("(Kerberos)"),
        args.canary
    );
    for a in &attempts {
        println!(
            "  {} {:<18} {}",
            if a.passed { "✔" } else { "✖" },
            a.right,
            if a.passed {
                "works".to_string()
            } else {
                format!("refused: LDAP {} ({})", a.code, a.text)
            }
        );
    }
    let all = attempts.iter().all(|a| a.passed);
    println!(
        "{}",
        if all {
            "The connector can write back passwords for this user. (Its password is now random.)"
        } else {
            "The connector can NOT write back passwords for this user."
        }
    );
    Ok(if all {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}
