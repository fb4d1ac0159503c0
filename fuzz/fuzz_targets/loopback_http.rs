//! Any bytes sent to the sign-in's loopback redirect: the HTTP server and the judge of the
//! request never panic, and only a request with this sign-in's state yields a code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use writeback_wizard::entra::auth::{Callback, answer_one, judge_callback};

const STATE: &str = "s3cr3t-STATE";

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Callback::Code(_) = judge_callback(text, STATE) {
            assert!(text.contains(STATE));
        }
    }
    RUNTIME.with(|rt| {
        rt.block_on(async {
            let (mut client, server) = tokio::io::duplex(64 * 1024);
            let serve = tokio::spawn(answer_one(server, STATE));
            let _ = client.write_all(data).await;
            let _ = client.shutdown().await;
            let mut answer = Vec::new();
            let _ = client.read_to_end(&mut answer).await;
            let judged = serve.await.expect("the server task does not panic");
            if let Some(Callback::Code(_)) = judged {
                let raw = String::from_utf8_lossy(data);
                assert!(
                    raw.contains(STATE) || raw.contains("%"),
                    "a code only with our state"
                );
            }
        })
    });
});
