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
            eprintln!(
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
        None => print!("{text}"),
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
        None => print!("{text}"),
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// The sync engines' writeback switches the arguments ask for.
async fn enable_switches(
    args: &ApplyArgs,
    hybrid: Option<&super::cloud::HybridAdmin>,
) -> Result<()> {
    if args.enable_writeback {
        super::cloud::enable_writeback().await?;
    }
    if let Some(admin) = hybrid {
        super::cloud::enable_cloud_sync_writeback(admin).await?;
    }
    Ok(())
}

/// Asks "yes/no" on the terminal; without a terminal, `--yes` is required.
fn confirm(question: &str, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!(super::say("cli-not-a-terminal", &[]));
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
        PdcSwitch::Connected { pdc } => {
            eprintln!("{}", super::say("cli-pdc-connected", &[("pdc", &pdc)]))
        }
        PdcSwitch::Unreachable { pdc, error } => eprintln!(
            "{}",
            super::say(
                "cli-pdc-unreachable",
                &[
                    ("pdc", &pdc),
                    ("reason", &super::words().ad_error(&error)),
                    ("server", conn.server())
                ],
            )
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
    let shown = path.display().to_string();
    let text =
        std::fs::read(path).with_context(|| super::say("cli-reading-plan", &[("path", &shown)]))?;
    let plan: Plan = serde_json::from_slice(&text)
        .with_context(|| super::say("cli-not-a-plan", &[("path", &shown)]))?;
    if plan.schema != plan::SCHEMA {
        return Err(anyhow::Error::new(plan::validate::PlanFileError::Schema(
            plan.schema,
            plan::SCHEMA,
        ))
        .context(shown));
    }
    Ok(plan)
}

pub async fn run_apply(args: ApplyArgs, words: &Words) -> Result<ExitCode> {
    let hybrid = super::cloud::hybrid_admin(&args)?;
    if args.connection.profile.is_some() {
        return apply_several(&args, hybrid.as_ref(), words).await;
    }
    let login = super::connect::login(&args.connection)?;
    let plan = match &args.plan {
        Some(path) => read_plan(path)?,
        None => compute(&login, &args.target, &args.options).await?,
    };
    let backup_path: PathBuf = args.backup.clone().unwrap_or_else(backup::default_path);
    let hint = restore_hint(&args.connection, &backup_path);
    let code = apply_one(&args, &login, &plan, &backup_path, &hint, words).await?;
    if code == ExitCode::from(super::exit::OK) {
        enable_switches(&args, hybrid.as_ref()).await?;
    }
    Ok(code)
}

/// `apply --profile`: each directory planned, shown, confirmed and applied in turn, with its
/// own backup; the run's manifest (at `--backup`) lists them for `restore --profile`.
async fn apply_several(
    args: &ApplyArgs,
    hybrid: Option<&super::cloud::HybridAdmin>,
    words: &Words,
) -> Result<ExitCode> {
    if args.plan.is_some() {
        bail!(super::say("cli-profile-plan-file", &[]));
    }
    let dirs = super::directories::from_args(&args.connection, &args.target, 1000).await?;
    let manifest: PathBuf = args.backup.clone().unwrap_or_else(backup::default_path);
    if manifest.exists() {
        return Err(backup::BackupError::Exists {
            path: manifest.display().to_string(),
        }
        .into());
    }
    let entries: Vec<serde_json::Value> = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            serde_json::json!({
                "label": d.label,
                "backup": super::directories::backup_of(&manifest, i, &d.label),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(
        &serde_json::json!({"schema": 1, "tool": "writeback-wizard", "directories": entries}),
    )? + "\n";
    super::write_file(&manifest, text.as_bytes()).map_err(|e| backup::BackupError::Write {
        path: manifest.display().to_string(),
        reason: e.to_string(),
    })?;
    let hint = format!(
        "writeback-wizard restore --profile {} --backup {}",
        args.connection
            .profile
            .as_deref()
            .unwrap_or(std::path::Path::new("?"))
            .display(),
        manifest.display()
    );
    for (i, d) in dirs.iter().enumerate() {
        println!(
            "\n{}",
            super::say("report-directory-heading", &[("label", &d.label)])
        );
        let plan = engine::plan(&d.login, None, &d.options, &plan_options(&args.options))
            .await?
            .plan;
        let path = super::directories::backup_of(&manifest, i, &d.label);
        let code = apply_one(args, &d.login, &plan, &path, &hint, words).await?;
        if code != ExitCode::from(super::exit::OK) {
            return Ok(code);
        }
    }
    enable_switches(args, hybrid).await?;
    println!(
        "\n{}",
        super::say(
            "cli-apply-several-done",
            &[("count", &dirs.len().to_string()), ("command", &hint)]
        )
    );
    Ok(ExitCode::from(super::exit::OK))
}

/// Shows `plan` as it applies to the directory now, asks, and applies it with its backup at
/// `backup_path`. `hint` is how to undo it.
async fn apply_one(
    args: &ApplyArgs,
    login: &Login,
    plan: &Plan,
    backup_path: &std::path::Path,
    hint: &str,
    words: &Words,
) -> Result<ExitCode> {
    let plan = plan.clone();
    if plan.is_empty() {
        println!("{}", super::say("cli-nothing-to-change", &[]));
        return Ok(ExitCode::from(super::exit::OK));
    }
    let conn = login.connect().await?;
    let mut conn = connect_for_writes(login, conn, &plan).await;
    // What will be written, worked out from the directory as it is now and checked as apply
    // checks it: a plan file's own text is never what is shown.
    let preview = match writeback_wizard::plan::apply::preview(&mut conn, &plan).await {
        Ok(p) => p,
        Err(e) => bail!("{}", words.error(&e)),
    };
    println!(
        "{}",
        super::say(
            "cli-apply-preview",
            &[
                ("domain", &plan.domain_dn),
                ("connector", &plan.connector_dn)
            ],
        )
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
        &format!(
            "\n{}",
            super::say(
                "cli-apply-confirm",
                &[("count", &plan.changes.len().to_string())]
            )
        ),
        args.yes,
    )? {
        eprintln!("{}", super::say("cli-nothing-changed", &[]));
        return Ok(ExitCode::from(super::exit::DECLINED));
    }
    let result = apply(
        &mut conn,
        &plan,
        backup_path,
        &ApplyOptions {
            replan: args.replan,
            ..ApplyOptions::default()
        },
        |event| match &event {
            Event::BackedUp { path, entries } => eprintln!(
                "{}",
                super::say(
                    "cli-apply-backed-up",
                    &[("count", &entries.to_string()), ("path", path)]
                )
            ),
            Event::Writing { index, total, dn } => {
                eprintln!(
                    "[{}/{total}] {}",
                    index + 1,
                    super::say("cli-apply-writing", &[("dn", dn)])
                )
            }
            Event::Verified { dn, .. } => eprintln!(
                "        {}",
                super::say("cli-apply-verified", &[("dn", dn)])
            ),
            Event::AlreadyDone { dn, .. } => {
                eprintln!("        {}", super::say("cli-apply-already", &[("dn", dn)]))
            }
        },
    )
    .await;
    conn.close().await;
    match result {
        Ok(written) => {
            println!(
                "\n{}",
                super::say(
                    "cli-apply-done",
                    &[
                        ("count", &written.to_string()),
                        ("backup", &backup_path.display().to_string()),
                        ("command", hint),
                    ],
                )
            );
            Ok(ExitCode::from(super::exit::OK))
        }
        Err(e) => {
            let written = e.written();
            let mut msg = words.error(&e);
            if written > 0 || backup_path.exists() {
                msg.push_str(". ");
                msg.push_str(&super::say(
                    "cli-undo-hint",
                    &[("written", &written.to_string()), ("command", hint)],
                ));
            }
            bail!(msg)
        }
    }
}

pub async fn run_restore(args: RestoreArgs, words: &Words) -> Result<ExitCode> {
    if args.connection.profile.is_some() {
        return restore_several(&args, words).await;
    }
    let login = super::connect::login(&args.connection)?;
    restore_one(&args, &login, &args.backup, words).await
}

/// `restore --profile --backup MANIFEST`: each directory's backup of the run, in turn.
async fn restore_several(args: &RestoreArgs, words: &Words) -> Result<ExitCode> {
    #[derive(serde::Deserialize)]
    struct Entry {
        label: String,
        backup: PathBuf,
    }
    #[derive(serde::Deserialize)]
    struct Manifest {
        directories: Vec<Entry>,
    }
    let shown = args.backup.display().to_string();
    let text = std::fs::read(&args.backup).map_err(|e| backup::BackupError::Read {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let manifest: Manifest =
        serde_json::from_slice(&text).map_err(|e| backup::BackupError::Damaged {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
    let target = TargetArgs {
        connector: None,
        scope: Vec::new(),
    };
    let dirs = super::directories::from_args(&args.connection, &target, 1000).await?;
    for entry in &manifest.directories {
        println!(
            "\n{}",
            super::say("report-directory-heading", &[("label", &entry.label)])
        );
        if !entry.backup.exists() {
            // Apply stopped before it reached this directory: nothing was written there.
            println!("{}", super::say("cli-nothing-to-write", &[]));
            continue;
        }
        let Some(d) = dirs.iter().find(|d| d.label == entry.label) else {
            bail!(super::say(
                "cli-profile-no-directory",
                &[("label", &entry.label), ("path", &shown)]
            ));
        };
        let code = restore_one(args, &d.login, &entry.backup, words).await?;
        if code != ExitCode::from(super::exit::OK) {
            return Ok(code);
        }
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// Restores one directory from its backup at `path`.
async fn restore_one(
    args: &RestoreArgs,
    login: &Login,
    path: &std::path::Path,
    words: &Words,
) -> Result<ExitCode> {
    // Refuse a damaged, edited or foreign-shaped file before connecting, let alone writing.
    let backup = Backup::load(path)?;
    let mut conn = login.connect().await?;
    println!(
        "{}",
        super::say(
            "cli-restore-backup",
            &[
                ("domain", &backup.domain_dn),
                ("sid", &backup.domain_sid),
                ("time", &backup.time),
                ("dc", &backup.dc),
                ("count", &backup.entries.len().to_string()),
            ],
        )
    );
    let mode = if args.whole {
        RestoreMode::Whole { force: args.force }
    } else {
        RestoreMode::Undo
    };
    let items = backup::prepare_restore(&mut conn, &backup, path, mode, args.force).await?;
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
        println!("\n{}", super::say("cli-nothing-to-write", &[]));
        return Ok(ExitCode::from(super::exit::OK));
    }
    if !confirm(
        &format!(
            "\n{}",
            super::say("cli-restore-confirm", &[("count", &writes.to_string())])
        ),
        args.yes,
    )? {
        eprintln!("{}", super::say("cli-nothing-changed", &[]));
        return Ok(ExitCode::from(super::exit::DECLINED));
    }
    let report = backup::execute_restore(&mut conn, &items, |line| eprintln!("{line}")).await?;
    conn.close().await;
    println!(
        "{}",
        super::say(
            if report.kept.is_empty() {
                "cli-restore-done"
            } else {
                "cli-restore-done-kept"
            },
            &[
                ("restored", &report.restored.len().to_string()),
                ("unchanged", &report.unchanged.len().to_string()),
                ("kept", &report.kept.len().to_string()),
            ],
        )
    );
    Ok(ExitCode::from(super::exit::OK))
}

pub async fn run_verify(args: VerifyArgs) -> Result<ExitCode> {
    let mut conn = super::connect::connect(&args.connection).await?;
    let attempts = plan::verify::try_writeback(&mut conn, &args.canary).await?;
    conn.close().await;
    println!(
        "{}",
        super::say(
            "cli-verify-signed-in",
            &[
                (
                    "user",
                    args.connection.user.as_deref().unwrap_or("(Kerberos)")
                ),
                ("dn", &args.canary),
            ],
        )
    );
    for a in &attempts {
        println!(
            "  {} {:<18} {}",
            if a.passed { "✔" } else { "✖" },
            a.right,
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
    println!(
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
