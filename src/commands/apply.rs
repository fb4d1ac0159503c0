//! `apply`: the engine's write path (`engine::write`) on the command line. A plan file is read
//! and checked before anything is sent anywhere; every directory is prepared (the target read
//! from the DC the user named, the plan made or checked now, the preview), shown, confirmed
//! once, and applied as one run with its manifest.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use writeback_wizard::cli::{ApplyArgs, ConnectionArgs, PlanOptionArgs};
use writeback_wizard::engine::write::switches::{self, HybridAdmin, Switch, Switched};
use writeback_wizard::engine::write::{self, PdcSwitch, PlanSource, Prepared, RunEvent};
use writeback_wizard::plan::apply::{ApplyOptions, Event};
use writeback_wizard::plan::{self, Plan, backup};
use writeback_wizard::syncserver::ProcessPowerShell;
use writeback_wizard::words::Words;

use super::fix::{confirm, plan_options};

/// A plan file as `plan --format json` writes it, checked as apply checks it (schema,
/// checksum, shapes) before anything else happens.
fn read_plan(path: &Path) -> Result<Plan> {
    let shown = path.display().to_string();
    let text =
        std::fs::read(path).with_context(|| super::say("cli-reading-plan", &[("path", &shown)]))?;
    let plan: Plan = serde_json::from_slice(&text)
        .with_context(|| super::say("cli-not-a-plan", &[("path", &shown)]))?;
    plan::validate::check_file(&plan).map_err(|e| anyhow::Error::new(e).context(shown))?;
    Ok(plan)
}

/// With `--plan`, the plan's own options are used: other plan options given with it are
/// refused rather than silently ignored (`--include-adminsdholder` is the consent asked for
/// now).
fn plan_flags_with_file(o: &PlanOptionArgs) -> Result<()> {
    use writeback_wizard::cli::{GrantAtArg, InetOrgPersonArg};
    let none = o.inetorgperson == InetOrgPersonArg::Auto
        && !o.no_protected_containers
        && !o.no_protected_users
        && !o.min_password_age_zero
        && o.fix_pso.is_empty()
        && !o.clear_stale_admincount
        && o.grant_at == GrantAtArg::Root
        && !o.grant_samserver;
    if !none {
        bail!(super::say("cli-plan-file-options", &[]));
    }
    Ok(())
}

/// What the switches the arguments ask for are.
fn switches_of(args: &ApplyArgs, hybrid: Option<HybridAdmin>) -> Vec<Switch> {
    let mut v = Vec::new();
    if args.enable_writeback {
        v.push(Switch::ConnectSync);
    }
    if let Some(admin) = hybrid {
        v.push(Switch::CloudSync(admin));
    }
    v
}

pub async fn run(args: ApplyArgs, words: &Words) -> Result<ExitCode> {
    // Files first: nothing is signed in to before a plan file is read and checked whole.
    let source = match &args.plan {
        Some(path) => {
            if args.connection.profile.is_some() {
                bail!(super::say("cli-profile-plan-file", &[]));
            }
            plan_flags_with_file(&args.options)?;
            PlanSource::File {
                plan: Box::new(read_plan(path)?),
                adminsdholder_now: args.options.include_adminsdholder,
            }
        }
        None => PlanSource::Fresh(plan_options(&args.options)),
    };
    let hybrid = super::cloud::hybrid_admin(&args)?;
    let dirs = super::directories::from_args(&args.connection, &args.target, 1000).await?;
    let several = dirs.len() > 1;
    let mut prepared = Vec::new();
    for d in &dirs {
        let p = write::prepare(d, &source, 1000)
            .await
            .map_err(|e| anyhow::anyhow!(words.error(&e)))?;
        if several {
            outln!(
                "\n{}",
                super::say("report-directory-heading", &[("label", &d.label)])
            );
        }
        show(&p, words);
        prepared.push(p);
    }
    let total: usize = prepared.iter().map(|p| p.plan.changes.len()).sum();
    let manifest: PathBuf = args.backup.clone().unwrap_or_else(backup::default_path);
    if total == 0 {
        outln!("{}", super::say("cli-nothing-to-change", &[]));
    } else if let Some(code) = confirm_and_apply(&args, &prepared, total, &manifest, words).await? {
        return Ok(code);
    }
    for s in switches_of(&args, hybrid) {
        let ps = ProcessPowerShell::default();
        let done = switches::enable(&ps, &s)
            .await
            .map_err(|e| anyhow::anyhow!(words.error(&e)))?;
        let id = match (&s, done) {
            (Switch::CloudSync(_), _) => "cli-cloud-sync-writeback-on",
            (_, Switched::AlreadyOn) => "cli-writeback-already-on",
            (_, Switched::NowOn) => "cli-writeback-now-on",
        };
        outln!("{}", super::say(id, &[]));
    }
    if total > 0 {
        save_baselines(&dirs, &manifest, words).await;
    }
    Ok(ExitCode::from(super::exit::OK))
}

/// After a successful run: each directory checked again and its baseline saved beside the run's
/// file (`baseline-<stamp>.json`, `baseline-<stamp>-2.json` … with several) and as its domain's last
/// configuration, to compare with later (`check --baseline`). A baseline that cannot be taken
/// is said, and the run stays a success.
async fn save_baselines(
    dirs: &[writeback_wizard::engine::Directory],
    manifest: &Path,
    words: &Words,
) {
    for (i, d) in dirs.iter().enumerate() {
        match writeback_wizard::engine::baseline::save_after_run(d, manifest, i).await {
            Ok(path) => {
                let shown = path.display().to_string();
                outln!(
                    "{}",
                    super::say(
                        "cli-baseline-after-apply",
                        &[("label", &d.label), ("path", &shown)]
                    )
                )
            }
            Err(e) => errln!(
                "{}",
                super::say(
                    "cli-baseline-after-apply-failed",
                    &[("label", &d.label), ("reason", &words.error(&e))]
                )
            ),
        }
    }
}

/// Asks, then applies every prepared directory as one run. `Some(code)`: the user declined.
async fn confirm_and_apply(
    args: &ApplyArgs,
    prepared: &[Prepared],
    total: usize,
    manifest: &Path,
    words: &Words,
) -> Result<Option<ExitCode>> {
    if !confirm(
        &format!(
            "\n{}",
            super::say("cli-apply-confirm", &[("count", &total.to_string())])
        ),
        args.yes,
    )? {
        errln!("{}", super::say("cli-nothing-changed", &[]));
        return Ok(Some(ExitCode::from(super::exit::DECLINED)));
    }
    let hint = restore_hint(&args.connection, manifest);
    let opts = ApplyOptions {
        replan: args.replan,
        ..ApplyOptions::default()
    };
    let several = prepared.len() > 1;
    match write::apply(prepared, manifest, &opts, |e| event(&e, several)).await {
        Ok(written) => {
            outln!(
                "\n{}",
                super::say(
                    "cli-apply-done",
                    &[
                        ("count", &written.iter().sum::<usize>().to_string()),
                        ("backup", &manifest.display().to_string()),
                        ("command", &hint),
                    ],
                )
            );
            Ok(None)
        }
        Err(stop) => {
            let mut msg = words.error(&stop.error);
            let written: usize = stop.written.iter().sum();
            if written > 0 || manifest.exists() {
                msg.push_str(if msg.ends_with('.') { " " } else { ". " });
                msg.push_str(&super::say(
                    "cli-undo-hint",
                    &[("written", &written.to_string()), ("command", &hint)],
                ));
            }
            bail!(msg)
        }
    }
}

/// One directory as it will be written: where, for whom, what changed since a plan file, the
/// preview from the values now, and the plan's warnings and what it leaves.
fn show(p: &Prepared, words: &Words) {
    let t = &p.target;
    match &t.pdc {
        PdcSwitch::Same => {}
        PdcSwitch::Connected { pdc } => {
            errln!("{}", super::say("cli-pdc-connected", &[("pdc", pdc)]))
        }
        PdcSwitch::Unreachable { pdc, error } => errln!(
            "{}",
            super::say(
                "cli-pdc-unreachable",
                &[
                    ("pdc", pdc),
                    ("reason", &words.ad_error(error)),
                    ("server", &t.dc)
                ],
            )
        ),
    }
    outln!(
        "{}",
        super::say(
            "cli-apply-preview",
            &[
                ("domain", &t.domain.dn),
                ("name", &t.connector.sam_account_name),
                ("sid", &t.connector.sid.to_string()),
                ("dn", &t.connector.dn),
            ],
        )
    );
    if let Some(r) = &p.review {
        if let Some((dc, pdc)) = &r.file_dc {
            outln!(
                "{}",
                super::say(
                    "cli-apply-file-dc",
                    &[
                        ("dc", dc),
                        ("pdc", pdc.as_deref().unwrap_or("-")),
                        ("now", &t.dc)
                    ],
                )
            );
        }
        let changes = |c: &[plan::Change]| -> Vec<String> {
            c.iter()
                .map(|c| format!("{}: {}", c.dn, plan::reconcile::describe(&c.action)))
                .collect()
        };
        list("cli-apply-changed-since", &r.changed_since);
        list("cli-apply-in-place", &changes(&r.in_place));
        list("cli-apply-not-in-file", &changes(&r.not_in_file));
    }
    out!("{}", plan::apply::preview_text(&p.preview));
    if let Some(r) = &p.plan.reach {
        outln!("\n{}", words.reach(r));
    }
    for w in words.plan_warnings(&p.plan) {
        outln!("\n{}: {w}", words.get("plan-warning"));
    }
    for n in &p.plan.not_fixed {
        outln!(
            "\n{}: {}",
            words.get("plan-not-fixed"),
            words.not_fixed_line(n)
        );
    }
}

/// A heading and its lines, each escaped as one line (they come from a file or the directory);
/// nothing when there are none.
fn list(heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    outln!("{}", super::say(heading, &[]));
    for l in lines {
        outln!("  - {}", writeback_wizard::terminal::line(l));
    }
}

/// A run's progress on standard error.
fn event(e: &RunEvent, several: bool) {
    match e {
        RunEvent::Directory { label, .. } if several => errln!(
            "\n{}",
            super::say("report-directory-heading", &[("label", label)])
        ),
        RunEvent::Directory { .. } | RunEvent::Done { .. } => {}
        RunEvent::BackedUp { path, entries, .. } => errln!(
            "{}",
            super::say(
                "cli-apply-backed-up",
                &[
                    ("count", &entries.to_string()),
                    ("path", &path.display().to_string())
                ],
            )
        ),
        RunEvent::Step { event, .. } => match event {
            Event::Writing { index, total, dn } => errln!(
                "[{}/{total}] {}",
                index + 1,
                super::say("cli-apply-writing", &[("dn", dn)])
            ),
            Event::Verified { dn, .. } => errln!(
                "        {}",
                super::say("cli-apply-verified", &[("dn", dn)])
            ),
            Event::AlreadyDone { dn, .. } => {
                errln!("        {}", super::say("cli-apply-already", &[("dn", dn)]))
            }
        },
    }
}

/// How to undo the run: `restore` with the same connection (or profile) and the run's file.
fn restore_hint(args: &ConnectionArgs, manifest: &Path) -> String {
    let mut s = format!("writeback-wizard restore --backup {}", manifest.display());
    if let Some(profile) = &args.profile {
        s.push_str(&format!(" --profile {}", profile.display()));
    }
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
