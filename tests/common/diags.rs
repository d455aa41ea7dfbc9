//! Building small broken sites and reading their diagnostics.

use super::*;

/// A home page for generated sites.
pub const HOME: &str = "---\ntitle: Trang chủ\n---\n\nTrang chủ.\n";

/// The problem codes of a set of diagnostics.
pub fn codes(d: &loa::Diagnostics) -> Vec<&'static str> {
    d.0.iter().map(|d| d.problem.code()).collect()
}

/// Builds a site of `files` (plus a home page unless given) that must fail; checks that
/// nothing was written and that every diagnostic is an error.
pub fn errors(files: &[(&str, &str)]) -> loa::Diagnostics {
    let mut all: Vec<(&str, &str)> = Vec::new();
    if !files.iter().any(|(p, _)| *p == "content/_index.md") {
        all.push(("content/_index.md", HOME));
    }
    all.extend_from_slice(files);
    let s = site_from(&all);
    let d = s.build_err();
    assert!(!s.out.exists(), "a failed build wrote its output");
    assert!(!s.tmp.path().join(".out.staging").exists());
    for x in &d.0 {
        assert_eq!(x.severity, loa::diagnostics::Severity::Error, "{d}");
    }
    d
}

/// Like `errors`, for exactly one diagnostic.
pub fn one_error(files: &[(&str, &str)]) -> loa::Diagnostic {
    let d = errors(files);
    assert_eq!(d.0.len(), 1, "expected one diagnostic, got:\n{d}");
    d.0[0].clone()
}

/// `(file, line, col)` of a diagnostic, the file with `/`.
pub fn at(d: &loa::Diagnostic) -> (String, usize, usize) {
    let f = d
        .file
        .as_ref()
        .map(|f| f.to_string_lossy().replace('\\', "/"));
    (f.unwrap_or_default(), d.line, d.col)
}

/// `(file, line, col)` to compare with `at`.
pub fn loc(file: &str, line: usize, col: usize) -> (String, usize, usize) {
    (file.to_string(), line, col)
}
