//! Live-reload streams: the `Hub` that knows every open `/__loa/events` connection, and the
//! loop that writes server-sent events (`reload`, `: ping`) to one of them.
//! Each stream writes straight to the socket and flushes per event (no buffering).

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How often an idle stream gets a comment line, so dead connections are noticed.
const PING_EVERY: Duration = Duration::from_secs(15);

/// The open live-reload streams; each one waits on its own channel.
#[derive(Default)]
pub(super) struct Hub {
    clients: Mutex<Vec<Sender<()>>>,
}

impl Hub {
    /// Registers a stream; it receives one message per reload.
    fn subscribe(&self) -> Receiver<()> {
        let (tx, rx) = mpsc::channel();
        self.lock().push(tx);
        rx
    }

    /// Tells every open stream to reload; streams whose connection ended are dropped.
    /// Returns how many streams were told.
    pub(super) fn broadcast(&self) -> usize {
        let mut clients = self.lock();
        clients.retain(|tx| tx.send(()).is_ok());
        clients.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<()>>> {
        // A panic while holding the lock cannot leave the Vec inconsistent.
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Answers `request` with an event stream that lasts until the client goes away.
pub(super) fn stream(request: tiny_http::Request, hub: &Hub) {
    let http10 = request.http_version() == &tiny_http::HTTPVersion(1, 0);
    let head_only = request.method() == &tiny_http::Method::Head;
    let rx = hub.subscribe();
    let writer = request.into_writer();
    let mut out = EventWriter {
        inner: writer,
        chunked: !http10,
    };
    // Ending on a write error is the normal way a stream closes (tab closed, page reloaded).
    let _ = serve_stream(&mut out, &rx, head_only, PING_EVERY);
}

fn serve_stream<W: Write>(
    out: &mut EventWriter<W>,
    rx: &Receiver<()>,
    head_only: bool,
    ping_every: Duration,
) -> io::Result<()> {
    out.head(head_only)?;
    if head_only {
        return Ok(());
    }
    // EventSource reconnects after `retry` ms when the server restarts.
    out.event(b"retry: 1000\n\n")?;
    loop {
        match rx.recv_timeout(ping_every) {
            Ok(()) => out.event(b"event: reload\ndata: 1\n\n")?,
            Err(RecvTimeoutError::Timeout) => out.event(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return out.finish(),
        }
    }
}

/// Writes the raw HTTP response: tiny_http's own chunked encoder would hold small events
/// back in an 8 KiB buffer, so the framing is done here and every event is flushed.
struct EventWriter<W: Write> {
    inner: W,
    /// HTTP/1.1 uses chunked framing; HTTP/1.0 gets a body delimited by closing.
    chunked: bool,
}

impl<W: Write> EventWriter<W> {
    fn head(&mut self, head_only: bool) -> io::Result<()> {
        let (version, framing) = if self.chunked {
            ("1.1", "Transfer-Encoding: chunked\r\n")
        } else {
            ("1.0", "Connection: close\r\n")
        };
        let framing = if head_only { "" } else { framing };
        write!(
            self.inner,
            "HTTP/{version} 200 OK\r\nContent-Type: text/event-stream\r\n\
             Cache-Control: no-cache\r\nX-Accel-Buffering: no\r\n{framing}\r\n"
        )?;
        self.inner.flush()
    }

    fn event(&mut self, data: &[u8]) -> io::Result<()> {
        if self.chunked {
            write!(self.inner, "{:X}\r\n", data.len())?;
            self.inner.write_all(data)?;
            self.inner.write_all(b"\r\n")?;
        } else {
            self.inner.write_all(data)?;
        }
        self.inner.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.chunked {
            self.inner.write_all(b"0\r\n\r\n")?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcast_drops_closed_streams() {
        let hub = Hub::default();
        let a = hub.subscribe();
        let b = hub.subscribe();
        assert_eq!(hub.broadcast(), 2);
        drop(b);
        assert_eq!(hub.broadcast(), 1);
        assert_eq!(a.try_iter().count(), 2);
    }

    #[test]
    fn chunked_stream_frames_events_and_pings() {
        let (tx, rx) = mpsc::channel();
        tx.send(()).expect("send");
        drop(tx);
        let mut out = EventWriter {
            inner: Vec::new(),
            chunked: true,
        };
        serve_stream(&mut out, &rx, false, Duration::from_millis(1)).expect("stream");
        let text = String::from_utf8(out.inner).expect("utf-8");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("Transfer-Encoding: chunked\r\n"));
        assert!(text.contains("\r\n\r\nD\r\nretry: 1000\n\n\r\n"), "{text}");
        assert!(
            text.contains("17\r\nevent: reload\ndata: 1\n\n\r\n"),
            "{text}"
        );
        assert!(text.ends_with("0\r\n\r\n"));
    }

    #[test]
    fn idle_stream_pings_and_http10_is_unframed() {
        let (_tx, rx) = mpsc::channel();
        let mut out = EventWriter {
            inner: FailAfter(Vec::new(), 2),
            chunked: false,
        };
        assert!(serve_stream(&mut out, &rx, false, Duration::from_millis(1)).is_err());
        let text = String::from_utf8(out.inner.0).expect("utf-8");
        assert!(text.starts_with("HTTP/1.0 200 OK\r\n"));
        assert!(
            text.ends_with("\r\n\r\nretry: 1000\n\n: ping\n\n"),
            "{text}"
        );
    }

    /// A writer that fails on the flush after `n` successful flushes, like a closed socket.
    struct FailAfter(Vec<u8>, usize);

    impl Write for FailAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            if self.1 == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.1 -= 1;
            Ok(())
        }
    }
}
