//! URL paths and the file system: percent-decoding a request path into a path that stays
//! inside the site directory, and keeping redirect targets valid header values.

use std::path::{Component, Path, PathBuf};

/// Decodes a URL path into a path relative to the site directory, or `None` when it could
/// escape it (`..`, a drive or root, NUL, backslash) or is not valid UTF-8 after decoding.
pub(super) fn url_to_relative(raw_path: &str) -> Option<PathBuf> {
    let decoded = String::from_utf8(percent_decode(raw_path)?).ok()?;
    let mut rel = PathBuf::new();
    for segment in decoded.split('/') {
        if segment.is_empty() || segment == "." {
            continue;
        }
        if segment.contains(['\0', '\\']) {
            return None;
        }
        let mut parts = Path::new(segment).components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(part)), None) => rel.push(part),
            _ => return None,
        }
    }
    Some(rel)
}

/// `%XX` → byte; a `%` not followed by two hex digits makes the path invalid.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Keeps a redirect target a valid header value: non-ASCII and control bytes become `%XX`.
pub(super) fn encode_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_joins_segments() {
        assert_eq!(url_to_relative("/"), Some(PathBuf::new()));
        assert_eq!(url_to_relative("/a/b/"), Some(PathBuf::from("a/b")));
        assert_eq!(url_to_relative("//a/./b"), Some(PathBuf::from("a/b")));
        assert_eq!(
            url_to_relative("/b%E1%BA%A7u%20c%E1%BB%AD"),
            Some(PathBuf::from("bầu cử"))
        );
        assert_eq!(url_to_relative("/a%2Fb"), Some(PathBuf::from("a/b")));
    }

    #[test]
    fn refuses_paths_that_could_escape() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc",
            "/%2e%2e/etc/passwd",
            "/..%2Fetc",
            "/a%00b",
            "/a%5C..%5Cb",
            "/%ff",
            "/%zz",
            "/%2",
        ] {
            assert_eq!(url_to_relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn redirect_targets_stay_ascii() {
        assert_eq!(encode_non_ascii("/a b/ầ"), "/a%20b/%E1%BA%A7");
        assert_eq!(encode_non_ascii("/plain/"), "/plain/");
    }
}
