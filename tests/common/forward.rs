//! A TCP forwarder to the lab's DC on loopback: counts what the server sends, and can cut the
//! connection after a number of bytes (a network that drops mid-scan).

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Forwarder {
    pub addr: SocketAddr,
    /// Bytes the server sent to the client so far, over all connections.
    pub from_server: Arc<AtomicU64>,
}

impl Forwarder {
    /// Listens on `listen` (e.g. `127.0.0.1:0`) and forwards every connection to `target`;
    /// after `cut_after` bytes from the server (in total), both sides are closed.
    pub fn start(listen: &str, target: SocketAddr, cut_after: Option<u64>) -> Forwarder {
        Self::on(TcpListener::bind(listen).unwrap(), target, cut_after)
    }

    /// The same on a listener the caller bound.
    pub fn on(listener: TcpListener, target: SocketAddr, cut_after: Option<u64>) -> Forwarder {
        let addr = listener.local_addr().unwrap();
        let from_server = Arc::new(AtomicU64::new(0));
        let counter = from_server.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(target) else {
                    return;
                };
                let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                std::thread::spawn(move || pipe(c2, s2, None, None));
                let counter = counter.clone();
                std::thread::spawn(move || pipe(server, client, Some(counter), cut_after));
            }
        });
        Forwarder { addr, from_server }
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream, count: Option<Arc<AtomicU64>>, cut: Option<u64>) {
    let mut buf = [0u8; 16384];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 {
            break;
        }
        let mut n = n as u64;
        let mut last = false;
        if let Some(c) = &count {
            let before = c.fetch_add(n, Ordering::SeqCst);
            if let Some(limit) = cut
                && before + n > limit
            {
                n = limit.saturating_sub(before);
                last = true;
            }
        }
        if to.write_all(&buf[..n as usize]).is_err() || last {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
