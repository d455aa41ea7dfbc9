//! Reading an .ics file back with a real iCalendar parser: Python's `icalendar`, run through
//! `tests/support/check_ics.py`. The interpreter is `$LOA_PYTHON` (set by `./.ci/test`), else
//! `python3`; without it, or without `icalendar`, the test fails: it is never skipped.

use std::path::Path;

const NEEDS: &str = "the iCalendar test needs Python with `icalendar`: run ./.ci/test, or set \
                     LOA_PYTHON to a Python that has it";

/// Checks `path` (CRLF only, lines ≤ 75 octets, each valid UTF-8), parses it with `icalendar`
/// and returns what it read: `{"calname", "events": [{"uid", "summary", "description",
/// "dtstart", "dtend", "dtstart_is_date", "dtend_is_date", "dtstamp", "url", "transp"}]}`.
/// Panics when Python or `icalendar` is missing, or when the file fails a check.
pub fn parse_ics(path: &Path) -> serde_json::Value {
    super::python::run_check("icalendar", NEEDS, "check_ics.py", path)
        .unwrap_or_else(|e| panic!("check_ics.py rejected {}:\n{e}", path.display()))
}
