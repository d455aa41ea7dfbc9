//! Prints diagnostics the way rustc and Tera 2 do: a headline, the location, the offending
//! source line with a caret, and the fix.

use super::{Diagnostics, Lang, Severity};
use std::fmt::Write;

/// Renders every diagnostic, then a one-line count.
pub fn render(diags: &Diagnostics, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    for d in &diags.0 {
        let head = match (d.severity, vi) {
            (Severity::Error, true) => "lỗi",
            (Severity::Error, false) => "error",
            (Severity::Warning, true) => "cảnh báo",
            (Severity::Warning, false) => "warning",
            (Severity::Note, true) => "ghi chú",
            (Severity::Note, false) => "note",
        };
        let _ = writeln!(out, "{head}[{}]: {}", d.problem.code(), d.message(lang));
        let loc = d.location();
        if !loc.is_empty() {
            let _ = writeln!(out, "  --> {loc}");
        }
        if let Some(line) = &d.source_line {
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            let caret_at = d.col.saturating_sub(1);
            let indent: String = line
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {line}");
            let _ = writeln!(out, "{pad} | {indent}^");
        }
        if let Some(help) = d.problem.help(lang) {
            let label = if vi { "cách sửa" } else { "help" };
            let mut lines = help.lines();
            if let Some(first) = lines.next() {
                let _ = writeln!(out, "  = {label}: {first}");
            }
            for l in lines {
                let _ = writeln!(out, "      {l}");
            }
        }
        out.push('\n');
    }
    let (e, w) = (diags.errors(), diags.warnings());
    if e + w > 0 {
        let _ = if vi {
            writeln!(out, "{e} lỗi, {w} cảnh báo")
        } else {
            writeln!(out, "{e} error(s), {w} warning(s)")
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Problem};
    use std::path::PathBuf;

    #[test]
    fn renders_location_snippet_and_help_in_both_languages() {
        let d = Diagnostic::error(
            PathBuf::from("content/tin-tuc/a.md"),
            Problem::UnknownKey {
                key: "titel".into(),
                suggestion: Some("title".into()),
                allowed: vec![],
            },
        )
        .at("---\ntitel: X\n---\n", 2, 1);
        let diags = Diagnostics::from(d);
        let vi = render(&diags, Lang::Vi);
        assert!(
            vi.contains("lỗi[unknown-key]: khóa `titel` không được hỗ trợ"),
            "{vi}"
        );
        assert!(vi.contains("--> content/tin-tuc/a.md:2:1"));
        assert!(vi.contains("2 | titel: X"));
        assert!(vi.contains("cách sửa: có phải bạn định viết `title`?"));
        let en = render(&diags, Lang::En);
        assert!(en.contains("error[unknown-key]: unknown key `titel`"));
        assert!(en.contains("help: did you mean `title`?"));
    }
}
