//! Reading an .ics file back with a real iCalendar parser: Python's `icalendar`, run through
//! `tests/support/check_ics.py`. The interpreter is `$LOA_PYTHON` (set by `./.ci/test`), else
//! `python3`; without it, or without `icalendar`, the test fails: it is never skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

const NEEDS: &str = "the iCalendar test needs Python with `icalendar`: run ./.ci/test, or set \
                     LOA_PYTHON to a Python that has it";

/// The Python the iCalendar checks run with.
fn python() -> PathBuf {
    std::env::var_os("LOA_PYTHON")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

/// Checks `path` (CRLF only, lines ≤ 75 octets, each valid UTF-8), parses it with `icalendar`
/// and returns what it read: `{"calname", "events": [{"uid", "summary", "description",
/// "dtstart", "dtend", "dtstart_is_date", "dtend_is_date", "dtstamp", "url", "transp"}]}`.
/// Panics when Python or `icalendar` is missing, or when the file fails a check.
pub fn parse_ics(path: &Path) -> serde_json::Value {
    let py = python();
    match Command::new(&py).args(["-c", "import icalendar"]).output() {
        Err(e) => panic!("{NEEDS} (could not run {}: {e})", py.display()),
        Ok(o) if !o.status.success() => panic!(
            "{NEEDS} (`{} -c 'import icalendar'` failed: {})",
            py.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Ok(_) => {}
    }
    let script = super::repo().join("tests/support/check_ics.py");
    let out = Command::new(&py)
        .arg(&script)
        .arg(path)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", script.display()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} rejected {}:\n{stderr}",
        script.display(),
        path.display()
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check_ics.py printed no JSON ({e}):\n{}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}
