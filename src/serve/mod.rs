//! The development server of `loa serve`: configuration, errors and the `run` loop that ties
//! the HTTP side (`http`, `sse`) to the file watcher (`watch`).
//! It serves the built site on a loopback address and makes open pages reload after rebuilds.

mod files;
mod http;
mod sse;
mod url;
mod watch;

#[cfg(test)]
mod testutil;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;

/// URL path of the live-reload script that pages load (served from memory).
pub const RELOAD_SCRIPT_PATH: &str = "/__loa/reload.js";

/// URL path of the server-sent events stream the reload script listens to.
const EVENTS_PATH: &str = "/__loa/events";

/// What `run` serves and watches.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Address to bind; the caller picks 127.0.0.1 by default.
    pub bind: IpAddr,
    /// Port to bind; 0 lets the system pick a free one.
    pub port: u16,
    /// Directory with the built site (index.html, 404.html, …).
    pub site_dir: PathBuf,
    /// Directories or files watched recursively; those that do not exist are skipped.
    pub watch: Vec<PathBuf>,
    /// Changes under these paths are ignored (output dir, its staging dir, target/, …).
    pub ignore: Vec<PathBuf>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch for changes: {0}")]
    Watch(#[from] notify::Error),
}

/// Serves `cfg.site_dir` until the process is killed.
///
/// After a debounced batch of changes under `cfg.watch`, `rebuild` is called on a worker
/// thread; when it returns true every open page is told to reload. `on_ready` gets the bound
/// address once the socket listens and the watcher runs.
pub fn run(
    cfg: ServeConfig,
    rebuild: impl FnMut() -> bool + Send + 'static,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let addr = SocketAddr::new(cfg.bind, cfg.port);
    let listener = TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| ServeError::Bind { addr, source })?;
    let server =
        tiny_http::Server::from_listener(listener, None).map_err(|e| ServeError::Bind {
            addr,
            source: std::io::Error::other(e.to_string()),
        })?;

    let hub = Arc::new(sse::Hub::default());
    let mut ignore = cfg.ignore.clone();
    ignore.push(cfg.site_dir.clone());
    // The watcher stops when dropped: keep it alive as long as the server runs.
    let _watcher = watch::start(&cfg.watch, &ignore, rebuild, {
        let hub = Arc::clone(&hub);
        move || {
            hub.broadcast();
        }
    })?;

    on_ready(local);

    let site_dir = Arc::new(cfg.site_dir);
    for request in server.incoming_requests() {
        let hub = Arc::clone(&hub);
        let site_dir = Arc::clone(&site_dir);
        // A thread per request: live-reload streams stay open for as long as a page does.
        let spawned = thread::Builder::new()
            .name("loa-serve-request".into())
            .spawn(move || http::handle(request, &site_dir, &hub));
        if let Err(e) = spawned {
            // The request was dropped with the closure; tiny_http answers it with a 500.
            eprintln!("loa serve: cannot start a request thread: {e}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::testutil::{get, start, wait_for};
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::{Duration, Instant};

    #[test]
    fn sse_client_gets_reload_after_change() {
        let src = tempfile::tempdir().expect("tempdir");
        let site = tempfile::tempdir().expect("tempdir");
        std::fs::write(site.path().join("index.html"), "<p>hi</p>").expect("write");
        let calls = Arc::new(AtomicUsize::new(0));
        let rebuild = {
            let calls = Arc::clone(&calls);
            move || {
                calls.fetch_add(1, Ordering::SeqCst);
                true
            }
        };
        let addr = start(site.path(), vec![src.path().to_path_buf()], vec![], rebuild);

        let mut stream = TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("timeout");
        let req = "GET /__loa/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n";
        stream.write_all(req.as_bytes()).expect("send");
        let mut seen = Vec::new();
        // `retry:` is sent once the stream is registered with the hub.
        assert!(
            wait_for(&mut stream, &mut seen, "retry:"),
            "no stream start"
        );
        let head = String::from_utf8_lossy(&seen).to_string();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");

        // Editor temp files alone do not trigger a rebuild.
        std::fs::write(src.path().join("page.md.swp"), "x").expect("write");
        std::fs::write(src.path().join("page.md"), "# changed").expect("write");
        assert!(wait_for(
            &mut stream,
            &mut seen,
            "event: reload\ndata: 1\n\n"
        ));
        assert_eq!(calls.load(Ordering::SeqCst), 1);

        // Other requests are served while the stream is open.
        let (status, _, body) = get(addr, "/");
        assert_eq!(status, 200);
        assert!(body.starts_with(b"<p>hi</p>"));
    }

    #[test]
    fn failed_rebuild_sends_no_reload_and_ignored_paths_do_not_rebuild() {
        let src = tempfile::tempdir().expect("tempdir");
        let site = tempfile::tempdir().expect("tempdir");
        let out = src.path().join("public");
        std::fs::create_dir(&out).expect("mkdir");
        let (tx, rx) = mpsc::channel();
        let rebuild = move || {
            let _ = tx.send(());
            false
        };
        let addr = start(
            site.path(),
            vec![src.path().to_path_buf()],
            vec![out.clone()],
            rebuild,
        );
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("timeout");
        stream
            .write_all(b"GET /__loa/events HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("send");
        let mut seen = Vec::new();
        assert!(wait_for(&mut stream, &mut seen, "retry:"));

        std::fs::write(out.join("index.html"), "x").expect("write");
        assert!(rx.recv_timeout(Duration::from_millis(600)).is_err());
        std::fs::write(src.path().join("a.md"), "x").expect("write");
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
        let until = Instant::now() + Duration::from_millis(400);
        let mut buf = [0u8; 256];
        while Instant::now() < until {
            if let Ok(n) = stream.read(&mut buf) {
                seen.extend_from_slice(&buf[..n]);
            }
        }
        assert!(!String::from_utf8_lossy(&seen).contains("event: reload"));
    }

    #[test]
    fn bind_failure_is_an_error() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = taken.local_addr().expect("addr").port();
        let cfg = super::ServeConfig {
            bind: [127, 0, 0, 1].into(),
            port,
            site_dir: ".".into(),
            watch: vec![],
            ignore: vec![],
        };
        let err = super::run(cfg, || true, |_| {}).expect_err("port is taken");
        assert!(matches!(err, super::ServeError::Bind { .. }), "{err}");
        assert!(err.to_string().contains(&port.to_string()));
    }
}
