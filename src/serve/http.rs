//! Answers one HTTP request: method check, the live-reload routes, then static files from
//! the site directory (directory index and redirect, 404 page, error statuses, headers).

use super::files::{Body, content_type, open_file};
use super::url::{encode_non_ascii, url_to_relative};
use super::{EVENTS_PATH, RELOAD_SCRIPT_PATH, sse::Hub};
use std::io::{self, ErrorKind};
use std::path::Path;
use tiny_http::{Header, Method, Request, Response, StatusCode};

const RELOAD_JS: &str = include_str!("reload.js");

type Reply = Response<Body>;

/// Answers `request`; errors writing the answer only mean the client went away.
pub(super) fn handle(request: Request, site_dir: &Path, hub: &Hub) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let reply = with_header(text(405, "405 Method Not Allowed\n"), "Allow", "GET, HEAD");
        let _ = request.respond(reply);
        return;
    }
    let url = request.url().to_string();
    let (path, query) = match url.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (url.as_str(), None),
    };
    let path = path.split('#').next().unwrap_or_default();
    if path == EVENTS_PATH {
        super::sse::stream(request, hub);
        return;
    }
    let answer = if path == RELOAD_SCRIPT_PATH {
        let js = RELOAD_JS.as_bytes();
        reply(
            200,
            Box::new(js),
            js.len(),
            "text/javascript; charset=utf-8",
        )
    } else {
        static_file(site_dir, path, query)
    };
    let _ = request.respond(answer);
}

/// Maps a URL path to a reply from the site directory.
fn static_file(site_dir: &Path, raw_path: &str, query: Option<&str>) -> Reply {
    let Some(rel) = url_to_relative(raw_path) else {
        return text(400, "400 Bad Request\n");
    };
    let target = site_dir.join(&rel);
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            if raw_path.ends_with('/') {
                file_or_404(site_dir, &target.join("index.html"))
            } else {
                let mut location = format!("{}/", encode_non_ascii(raw_path));
                if let Some(query) = query {
                    location.push('?');
                    location.push_str(&encode_non_ascii(query));
                }
                with_header(text(301, "301 Moved Permanently\n"), "Location", &location)
            }
        }
        // A file asked for as a directory (`/style.css/`) does not exist.
        Ok(_) if raw_path.ends_with('/') => not_found(site_dir),
        Ok(_) => file_or_404(site_dir, &target),
        Err(e) if is_missing(&e) => not_found(site_dir),
        Err(_) => text(500, "500 Internal Server Error\n"),
    }
}

fn file_or_404(site_dir: &Path, file: &Path) -> Reply {
    match open_file(file) {
        Ok((body, len)) => reply(200, body, len, content_type(file)),
        Err(e) if is_missing(&e) => not_found(site_dir),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => text(403, "403 Forbidden\n"),
        Err(_) => text(500, "500 Internal Server Error\n"),
    }
}

fn not_found(site_dir: &Path) -> Reply {
    match open_file(&site_dir.join("404.html")) {
        Ok((body, len)) => reply(404, body, len, "text/html; charset=utf-8"),
        Err(_) => text(404, "404 Not Found\n"),
    }
}

fn is_missing(e: &io::Error) -> bool {
    matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

fn reply(status: u16, body: Body, len: usize, content_type: &str) -> Reply {
    let reply = Response::new(StatusCode(status), Vec::new(), body, Some(len), None);
    let reply = with_header(reply, "Content-Type", content_type);
    with_header(reply, "Cache-Control", "no-cache")
}

/// Adds a header; values here are constants or ASCII (see `encode_non_ascii`), so the
/// invalid case that drops the header is never hit in practice.
fn with_header(reply: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => reply.with_header(h),
        Err(()) => reply,
    }
}

fn text(status: u16, body: &'static str) -> Reply {
    reply(
        status,
        Box::new(body.as_bytes()),
        body.len(),
        "text/plain; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{get, request, start};
    use super::*;
    use std::fs;
    use std::net::SocketAddr;

    /// A site with an index, a section `a/`, a 404 page and one file of each kind.
    fn site() -> (tempfile::TempDir, SocketAddr) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let write = |rel: &str, body: &str| {
            let path = root.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).expect("mkdir");
            }
            fs::write(path, body).expect("write");
        };
        write("index.html", "<html><body>home</body></html>");
        write("a/index.html", "<p>section a</p>");
        write("404.html", "<p>not here</p>");
        write("bầu cử/index.html", "<p>vi</p>");
        for ext in [
            "css", "js", "xml", "json", "txt", "svg", "png", "jpg", "ics", "woff2", "bin",
        ] {
            write(&format!("files/f.{ext}"), "x");
        }
        let addr = start(root, vec![], vec![], || true);
        (dir, addr)
    }

    fn header_of(headers: &str, name: &str) -> String {
        let prefix = format!("{name}: ");
        headers
            .lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn serves_index_for_root_and_directories() {
        let (_dir, addr) = site();
        let (status, headers, body) = get(addr, "/");
        assert_eq!(status, 200);
        assert_eq!(
            header_of(&headers, "content-type"),
            "text/html; charset=utf-8"
        );
        assert_eq!(header_of(&headers, "cache-control"), "no-cache");
        let expected = "<html><body>home<script src=\"/__loa/reload.js\"></script></body></html>";
        assert_eq!(String::from_utf8_lossy(&body), expected);

        let (status, _, body) = get(addr, "/a/?x=1");
        assert_eq!(status, 200);
        assert!(body.starts_with(b"<p>section a</p><script"));
        let (status, _, body) = get(addr, "/b%E1%BA%A7u%20c%E1%BB%AD/");
        assert_eq!(status, 200);
        assert!(body.starts_with(b"<p>vi</p>"));
        let (status, _, _) = get(addr, "/a/index.html");
        assert_eq!(status, 200);
    }

    #[test]
    fn directory_without_slash_redirects() {
        let (_dir, addr) = site();
        let (status, headers, _) = get(addr, "/a");
        assert_eq!(status, 301);
        assert_eq!(header_of(&headers, "location"), "/a/");
        let (status, headers, _) = get(addr, "/a?x=1");
        assert_eq!(status, 301);
        assert_eq!(header_of(&headers, "location"), "/a/?x=1");
    }

    #[test]
    fn missing_file_serves_404_page() {
        let (dir, addr) = site();
        let (status, headers, body) = get(addr, "/nope/");
        assert_eq!(status, 404);
        assert_eq!(
            header_of(&headers, "content-type"),
            "text/html; charset=utf-8"
        );
        assert!(body.starts_with(b"<p>not here</p>"));
        let (status, _, _) = get(addr, "/index.html/x");
        assert_eq!(status, 404);
        let (status, _, _) = get(addr, "/files/f.css/");
        assert_eq!(status, 404);

        fs::remove_file(dir.path().join("404.html")).expect("rm");
        let (status, headers, body) = get(addr, "/nope");
        assert_eq!(status, 404);
        assert!(header_of(&headers, "content-type").starts_with("text/plain"));
        assert_eq!(body, b"404 Not Found\n");
    }

    #[test]
    fn traversal_is_refused() {
        let (_dir, addr) = site();
        for path in [
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/a/..%2f..%2fetc/passwd",
        ] {
            let (status, _, body) = get(addr, path);
            assert_eq!(status, 400, "{path}");
            assert!(!String::from_utf8_lossy(&body).contains("root:"), "{path}");
        }
    }

    #[test]
    fn content_types_follow_extensions() {
        let (_dir, addr) = site();
        for (ext, ty) in [
            ("css", "text/css; charset=utf-8"),
            ("js", "text/javascript; charset=utf-8"),
            ("xml", "application/xml; charset=utf-8"),
            ("json", "application/json"),
            ("txt", "text/plain; charset=utf-8"),
            ("svg", "image/svg+xml"),
            ("png", "image/png"),
            ("jpg", "image/jpeg"),
            ("ics", "text/calendar; charset=utf-8"),
            ("woff2", "font/woff2"),
            ("bin", "application/octet-stream"),
        ] {
            let (status, headers, body) = get(addr, &format!("/files/f.{ext}"));
            assert_eq!(status, 200, "{ext}");
            assert_eq!(header_of(&headers, "content-type"), ty, "{ext}");
            assert_eq!(header_of(&headers, "cache-control"), "no-cache", "{ext}");
            assert_eq!(body, b"x", "{ext}");
        }
    }

    #[test]
    fn reload_script_is_served() {
        let (_dir, addr) = site();
        let (status, headers, body) = get(addr, RELOAD_SCRIPT_PATH);
        assert_eq!(status, 200);
        assert_eq!(
            header_of(&headers, "content-type"),
            "text/javascript; charset=utf-8"
        );
        let js = String::from_utf8_lossy(&body);
        assert!(js.contains("new EventSource(\"/__loa/events\")"));
        assert!(js.contains("location.reload()"));
        assert!(body.len() < 1024);
    }

    #[test]
    fn only_get_and_head_are_allowed() {
        let (_dir, addr) = site();
        let (status, headers, body) = request(addr, "HEAD", "/files/f.css");
        assert_eq!(status, 200);
        assert_eq!(header_of(&headers, "content-length"), "1");
        assert!(body.is_empty());
        let (status, headers, _) = request(addr, "POST", "/");
        assert_eq!(status, 405);
        assert_eq!(header_of(&headers, "allow"), "GET, HEAD");
    }
}
