//! Cancel: during the check, while configuring (the backup undoes it), and closing the window
//! while configuring.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_during_the_check_stops_it_and_next_stays_off() {
    let Some(lab) = Lab::get() else { return };
    let server = MockServer::start().await;
    let dir = fresh_dir("cancel");
    // Straight to the prerequisites page: its check starts on entry.
    let (mut h, task) = to_checks(&lab, &server, &dir).await;
    // The first progress event arrives; then the user presses Cancel.
    let stream = h.first_message(task, "the check").await;
    h.assert_shows("Cancel");
    h.click("Cancel").await;
    let late = h.late_messages(stream).await;
    assert!(late <= 1, "the check stopped ({late} late messages)");
    assert!(
        h.w.shared.first().assessment().is_none(),
        "a cancelled check has no result"
    );
    h.assert_shows("The check was cancelled.");
    assert!(!h.next_enabled());
    h.click("Check again").await;
    assert!(h.w.shared.first().assessed().is_some());
    assert!(h.next_enabled());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_while_configuring_stops_between_objects_and_the_backup_undoes_it() {
    use writeback_wizard::engine::write::RunEvent;
    use writeback_wizard::gui::jobs::{
        self, ApplyEvent, ApplyParams, DirectoryParams, RestoreEvent,
    };
    use writeback_wizard::plan::apply::Event;
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("cancel-configure");
    let before = snapshot(&lab).await;
    let params = DirectoryParams {
        opts: lab.options(),
        user: lab.var("LAB_ADMIN_UPN").into(),
        password: Zeroizing::new(lab.var("LAB_ADMIN_PW").into()),
        kerberos: false,
    };
    let options = writeback_wizard::plan::PlanOptions {
        min_password_age_zero: true,
        fix_pso: vec!["LabPSO".into()],
        ..Default::default()
    };
    let planned = jobs::compute_plan(params.clone(), None, Default::default(), options)
        .await
        .unwrap();
    assert!(planned.plan.changes.len() >= 3);
    let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let backup = dir.join("backup.json");
    let directory = writeback_wizard::engine::Directory {
        label: lab.var("LAB_LDAPS_URL").into(),
        login: params.login(),
        options: Default::default(),
    };
    let mut stream = std::pin::pin!(jobs::apply(ApplyParams {
        directories: vec![(directory.clone(), Arc::new(planned.plan.clone()))],
        manifest: backup.clone(),
        cancel: cancel.clone(),
        switch: None,
        powershell: Default::default(),
    }));
    let mut verified = 0;
    let mut done = None;
    while let Some(e) = stream.next().await {
        match e {
            // The user presses Cancel while the first object is being written.
            ApplyEvent::Run(RunEvent::Step {
                event: Event::Writing { index: 0, .. },
                ..
            }) => cancel.store(true, std::sync::atomic::Ordering::SeqCst),
            ApplyEvent::Run(RunEvent::Step {
                event: Event::Verified { .. },
                ..
            }) => verified += 1,
            ApplyEvent::Done(r) => done = Some(r),
            _ => {}
        }
    }
    let Some(Err((e, written))) = done else {
        panic!("configure was not cancelled: {done:?}")
    };
    assert_eq!(
        (written, verified),
        (vec![1], 1),
        "the write in progress finished and was verified"
    );
    assert!(e.message.contains("cancelled after 1"), "{}", e.message);
    assert_ne!(snapshot(&lab).await, before, "one change was written");
    let files = jobs::open_run(backup.clone()).await.unwrap();
    let parts = jobs::prepare_restore(vec![directory], files).await.unwrap();
    assert_eq!(
        parts.iter().map(|p| p.writes()).sum::<usize>(),
        1,
        "only the value written is taken back"
    );
    let mut restore = std::pin::pin!(jobs::restore(parts));
    let mut ok = false;
    while let Some(e) = restore.next().await {
        if let RestoreEvent::Done(r) = e {
            ok = r.is_ok();
        }
    }
    assert!(ok);
    assert_eq!(snapshot(&lab).await, before, "restored byte for byte");
}

/// Whether `task` ends the program.
async fn exits(task: Task<Message>) -> bool {
    let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
        return false;
    };
    while let Some(a) = stream.next().await {
        if matches!(a, iced_test::runtime::Action::Exit) {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn closing_the_window_while_configuring_cancels_and_exits_after_the_current_object() {
    use writeback_wizard::gui::jobs::ApplyEvent;
    use writeback_wizard::gui::pages::configuring;
    let mut h = Harness::new(None, None).await;
    assert!(
        exits(h.w.update(Message::CloseRequested)).await,
        "idle: close exits"
    );
    h.w.step = Step::Configuring;
    h.w.pages.configuring.running = true;
    assert!(
        !exits(h.w.update(Message::CloseRequested)).await,
        "not in the middle of a write"
    );
    assert!(h.w.close_when_done);
    h.assert_shows("Cancelling after the current object…");
    let done = Message::Configuring(configuring::Message::Event(ApplyEvent::Done(Ok(vec![1]))));
    assert!(
        exits(h.w.update(done)).await,
        "closes once the write is verified"
    );
}
