//! Test helpers: start a server on 127.0.0.1 with port 0 in a background thread, and speak
//! raw HTTP/1.1 to it over `std::net::TcpStream` with bounded waits.

use super::{ServeConfig, run};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Starts a server for `site_dir` and returns its address once it listens.
pub(super) fn start(
    site_dir: &Path,
    watch: Vec<PathBuf>,
    ignore: Vec<PathBuf>,
    rebuild: impl FnMut() -> bool + Send + 'static,
) -> SocketAddr {
    let cfg = ServeConfig {
        bind: [127, 0, 0, 1].into(),
        port: 0,
        site_dir: site_dir.to_path_buf(),
        watch,
        ignore,
    };
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let result = run(cfg, rebuild, |addr| {
            let _ = tx.send(addr);
        });
        panic!("server stopped: {result:?}");
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("server did not start")
}

/// Sends a raw request and returns (status, "name: value" lines with lowercase names, body).
pub(super) fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: String = lines
        .map(|l| match l.split_once(": ") {
            Some((name, value)) => format!("{}: {value}\n", name.to_ascii_lowercase()),
            None => format!("{l}\n"),
        })
        .collect();
    if headers.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, headers, body)
}

pub(super) fn get(addr: SocketAddr, path: &str) -> (u16, String, Vec<u8>) {
    request(addr, "GET", path)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&data[..eol]).expect("chunk size");
        let size = usize::from_str_radix(size.trim(), 16).expect("chunk size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 4 + size..];
    }
    out
}

/// Reads from a stream (with a short read timeout set) into `seen` until it contains
/// `needle` or five seconds pass.
pub(super) fn wait_for(stream: &mut TcpStream, seen: &mut Vec<u8>, needle: &str) -> bool {
    let until = Instant::now() + Duration::from_secs(5);
    let mut buf = [0u8; 1024];
    while Instant::now() < until {
        if String::from_utf8_lossy(seen).contains(needle) {
            return true;
        }
        match stream.read(&mut buf) {
            Ok(0) => return false,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
    }
    String::from_utf8_lossy(seen).contains(needle)
}
