//! What a file of the built site looks like on the wire: its body (streamed from disk, or
//! HTML with the live-reload script tag added) and its Content-Type from the extension.

use super::RELOAD_SCRIPT_PATH;
use std::fs;
use std::io::{self, Cursor, ErrorKind, Read};
use std::path::Path;

pub(super) type Body = Box<dyn Read + Send>;

/// Opens a file as a body and its length; HTML is read whole to add the live-reload script
/// tag unless the page already loads it, anything else is streamed from disk.
pub(super) fn open_file(path: &Path) -> io::Result<(Body, usize)> {
    if content_type(path).starts_with("text/html") {
        let html = inject_reload(fs::read(path)?);
        let len = html.len();
        return Ok((Box::new(Cursor::new(html)), len));
    }
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ErrorKind::NotFound.into());
    }
    let len = usize::try_from(meta.len()).map_err(|_| io::Error::from(ErrorKind::FileTooLarge))?;
    Ok((Box::new(file), len))
}

/// Adds the live-reload script tag before the last `</body`, or at the end without one.
fn inject_reload(mut html: Vec<u8>) -> Vec<u8> {
    let script = RELOAD_SCRIPT_PATH.as_bytes();
    if html.windows(script.len()).any(|w| w == script) {
        return html;
    }
    let tag = format!("<script src=\"{RELOAD_SCRIPT_PATH}\"></script>");
    let at = html
        .windows(6)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body"))
        .unwrap_or(html.len());
    html.splice(at..at, tag.bytes());
    html
}

pub(super) fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "ics" => "text/calendar; charset=utf-8",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_ignores_case_and_defaults_to_bytes() {
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a/B.JPEG")), "image/jpeg");
        assert_eq!(content_type(Path::new("favicon.ico")), "image/x-icon");
        assert_eq!(content_type(Path::new("doc.pdf")), "application/pdf");
        assert_eq!(content_type(Path::new("a.gif")), "image/gif");
        assert_eq!(content_type(Path::new("a.webp")), "image/webp");
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }

    #[test]
    fn reload_tag_is_added_once() {
        assert_eq!(
            inject_reload(b"<BODY>x</BODY>".to_vec()),
            b"<BODY>x<script src=\"/__loa/reload.js\"></script></BODY>"
        );
        assert_eq!(
            inject_reload(b"<p>x</p>".to_vec()),
            b"<p>x</p><script src=\"/__loa/reload.js\"></script>"
        );
        let already = b"<script src=\"/__loa/reload.js\"></script></body>".to_vec();
        assert_eq!(inject_reload(already.clone()), already);
    }
}
