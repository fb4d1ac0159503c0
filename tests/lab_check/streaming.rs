//! The command line's report writer receives each blocked user while the scan is still running:
//! the DC is reached through a forwarder that counts what it sends, so "still running" is the
//! DC's own traffic still to come — and a scan cut in the middle, which never finishes, has
//! already handed rows to the writer (and leaves no report behind).

use std::sync::atomic::Ordering;
use std::time::Duration;

use writeback_wizard::ad::{ConnectOptions, SimpleCredential};
use writeback_wizard::check::{CheckOptions, Keep};
use writeback_wizard::engine::{self, Credential, Login, Progress, Request};
use writeback_wizard::report::RowFormat;
use writeback_wizard::report::stream::{ReportStream, StreamFormat};
use writeback_wizard::words::{Face, Words};
use zeroize::Zeroizing;

use super::common::forward::Forwarder;
use super::common::{DIRECTORY_LOCK, Lab};

fn login(lab: &Lab, port: u16) -> Login {
    let mut o = ConnectOptions::new(format!("ldaps://127.0.0.1:{port}"));
    o.ca_file = Some(lab.var("LAB_CA_FILE").into());
    o.timeout = Duration::from_secs(30);
    Login {
        options: o,
        credential: Credential::Password(SimpleCredential {
            user: lab.var("LAB_ADMIN_UPN").into(),
            password: Zeroizing::new(lab.var("LAB_ADMIN_PW").into()),
        }),
    }
}

/// Two users a page, none kept: the rows can only reach the writer through the events.
fn request() -> Request {
    Request {
        options: CheckOptions {
            page_size: 2,
            ..CheckOptions::default()
        },
        keep: Keep::CountOnly,
        ..Request::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_users_reach_the_report_writer_while_the_dc_is_still_sending_them() {
    let Some(lab) = Lab::get() else { return };
    let _g = DIRECTORY_LOCK.lock().await;
    let words = Words::for_lang(Some("en-US"), Face::Cli);
    let target = "127.0.0.1:636".parse().unwrap();
    let dir = std::env::temp_dir().join(format!("ww-stream-{}", std::process::id()));

    // The whole run: when the first row reaches the writer, how much has the DC sent?
    let whole = Forwarder::start("127.0.0.1:0", target, None);
    let mut stream = ReportStream::new(StreamFormat::Rows(RowFormat::Json), &words, &dir).unwrap();
    let mut at_first_row = None;
    let mut rows_before_the_scan_ended = None;
    let counter = whole.from_server.clone();
    let assessed = engine::assess(&login(&lab, whole.addr.port()), &request(), |p| match p {
        Progress::Blocked(b) => {
            if stream.count() == 0 {
                at_first_row = Some(counter.load(Ordering::SeqCst));
            }
            stream.push(b.as_ref());
        }
        // The scan's last progress event comes after its last page.
        Progress::Users(c) if c.expected == Some(c.scanned) && c.scanned > 0 => {
            rows_before_the_scan_ended = Some(stream.count());
        }
        _ => {}
    })
    .await
    .expect("the assessment through the forwarder");
    let total = whole.from_server.load(Ordering::SeqCst);
    let first = at_first_row.expect("a blocked user was handed out");
    let blocked = assessed.report.readiness.blocked;
    assert!(blocked >= 5, "the seeded lab blocks users: {blocked}");
    assert_eq!(
        rows_before_the_scan_ended,
        Some(blocked),
        "every row was in the writer before the scan's end"
    );
    assert!(
        assessed.report.users.blocked.is_empty(),
        "none kept in memory"
    );
    // At two users a page, several pages of users were still to come from the DC.
    assert!(
        total - first > 4_000,
        "first row after {first} of {total} bytes from the DC"
    );
    // The report it writes lists them all.
    let mut out = Vec::new();
    stream.finish(&assessed.report, &mut out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["users"]["blocked"].as_array().unwrap().len(), blocked);

    // Cut halfway between the first row and the end: the scan never finishes, yet the writer
    // already holds rows; the run is an error and its rows' file is gone with the writer.
    let cut = Forwarder::start("127.0.0.1:0", target, Some(first + (total - first) / 2));
    let mut stream = ReportStream::new(StreamFormat::Rows(RowFormat::Json), &words, &dir).unwrap();
    let run = engine::assess(&login(&lab, cut.addr.port()), &request(), |p| {
        if let Progress::Blocked(b) = p {
            stream.push(b.as_ref())
        }
    })
    .await;
    assert!(run.is_err(), "a cut scan gives no verdict");
    assert!(stream.count() >= 1, "rows arrived before the cut");
    drop(stream);
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert!(left.is_empty(), "the rows' file is removed: {left:?}");
    std::fs::remove_dir_all(&dir).ok();
}
