//! Checking feeds and sitemaps with real tools: Atom feeds are read back with Python's
//! `feedparser` (through `tests/support/check_feed.py`; the interpreter is `$LOA_PYTHON`, set by
//! `./.ci/test`, else `python3`), and `sitemap.xml` is validated with `xmllint` against the
//! sitemaps.org schema in `tests/support/sitemap.xsd`. Without either tool the test fails: it
//! is never skipped.

use std::path::Path;
use std::process::Command;

const NEEDS_FEEDPARSER: &str = "the feed tests need Python with `feedparser`: run ./.ci/test, \
                                or set LOA_PYTHON to a Python that has it";
const NEEDS_XMLLINT: &str = "the sitemap tests need `xmllint` on PATH: run ./.ci/test (as root \
                             it installs it), or install libxml2-utils (Debian/Ubuntu: apt-get \
                             install libxml2-utils)";

/// Runs `tests/support/check_feed.py` on `path`: `Ok` with what `feedparser` read,
/// `{"title", "id", "self", "updated", "entries": [{"id", "title", "link", "published",
/// "updated"}]}`,
/// or `Err` with the script's complaint when the feed fails a check. Panics when Python or
/// `feedparser` is missing.
pub fn check_feed(path: &Path) -> Result<serde_json::Value, String> {
    super::python::run_check("feedparser", NEEDS_FEEDPARSER, "check_feed.py", path)
}

/// Parses the Atom feed at `path` with `feedparser` and returns what it read (see
/// [`check_feed`]). Panics when the feed fails a check, or when Python or `feedparser` is
/// missing.
pub fn parse_feed(path: &Path) -> serde_json::Value {
    check_feed(path).unwrap_or_else(|e| panic!("check_feed.py rejected {}:\n{e}", path.display()))
}

/// Runs `xmllint --noout --schema tests/support/sitemap.xsd` on `path`: `Err` with xmllint's
/// output when the file is not a valid sitemap. Panics when xmllint cannot be run.
pub fn sitemap_errors(path: &Path) -> Result<(), String> {
    let schema = super::repo().join("tests/support/sitemap.xsd");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{NEEDS_XMLLINT} (could not run xmllint: {e})"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    match out.status.code() {
        Some(0) => Ok(()),
        // 1: the file is missing or not well-formed XML; 3: it does not validate against the schema.
        Some(1 | 3) => Err(text.trim().to_string()),
        // Anything else is a problem with the check itself: the schema does not compile (5), or
        // xmllint was killed.
        code => panic!(
            "xmllint could not check {} (exit status {code:?}); {NEEDS_XMLLINT}:\n{text}",
            path.display()
        ),
    }
}

/// Validates `path` against the sitemaps.org schema with xmllint; panics with xmllint's output
/// when it does not validate, or when xmllint is missing.
pub fn validate_sitemap(path: &Path) {
    if let Err(e) = sitemap_errors(path) {
        panic!("{} is not a valid sitemap:\n{e}", path.display());
    }
}
