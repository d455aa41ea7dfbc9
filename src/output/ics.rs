//! The iCalendar (RFC 5545) writer for an election schedule: all-day events in one
//! `VCALENDAR`, with TEXT escaping, CRLF line ends and folding at 75 octets that never splits a
//! UTF-8 character. Pure: the same events and stamp always give the same bytes.

use jiff::Timestamp;
use jiff::civil::Date;

/// One all-day (or multi-day) event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event<'a> {
    /// Stable unique id, e.g. `thanh-lap-uy-ban-bau-cu@loa.example.org`.
    pub uid: &'a str,
    /// Title (any Unicode).
    pub summary: &'a str,
    /// Longer text; may contain newlines, commas, semicolons, backslashes. Omitted when empty.
    pub description: &'a str,
    /// First day.
    pub start: Date,
    /// Last day, inclusive (`== start` for a one-day event). Written as the exclusive `DTEND`
    /// (the day after). A last day before `start` is taken as `start`.
    pub end: Date,
    /// Absolute URL of the page about the event, written as the `URL` property.
    pub url: Option<&'a str>,
}

/// The longest physical line, in octets, without its CRLF (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// The whole `VCALENDAR` named `name`, one `VEVENT` per event in the given order, each with
/// `DTSTAMP` set to `stamp` (in UTC). Every line ends with CRLF.
pub fn calendar(name: &str, events: &[Event<'_>], stamp: Timestamp) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "PRODID:-//Loa//Lich bau cu//VI");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    let dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        event(&mut out, e, &dtstamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, e: &Event<'_>, dtstamp: &str) {
    let last = e.end.max(e.start);
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", text(e.uid)));
    line(out, &format!("DTSTAMP:{dtstamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", date(e.start)));
    match last.tomorrow() {
        Ok(after) => line(out, &format!("DTEND;VALUE=DATE:{}", date(after))),
        // 9999-12-31 has no next day to name: say the length instead (§3.6.1 allows either).
        Err(_) => {
            let days = (last - e.start).get_days() + 1;
            line(out, &format!("DURATION:P{days}D"));
        }
    }
    line(out, &format!("SUMMARY:{}", text(e.summary)));
    if !e.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", text(e.description)));
    }
    if let Some(url) = e.url {
        // A URI has no escapes; control characters are never part of one, and a line break
        // would start a new property, so they are dropped.
        let url: String = url.chars().filter(|c| !c.is_control()).collect();
        line(out, &format!("URL:{url}"));
    }
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// `YYYYMMDD` (the DATE form of §3.3.4).
fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value escaped per §3.3.11: `\` `;` `,` get a backslash, a newline becomes `\n`,
/// a carriage return is dropped (so CRLF in the input is one newline).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line is over `MAX_LINE` octets
/// (a continuation's leading space counts) and no fold falls inside a UTF-8 character.
fn line(out: &mut String, content: &str) {
    let mut room = MAX_LINE;
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > room {
            out.push_str("\r\n ");
            room = MAX_LINE - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;
    use proptest::prelude::*;

    fn stamp() -> Timestamp {
        "2021-06-01T00:00:00Z".parse().unwrap()
    }

    fn one(summary: &str, description: &str) -> String {
        calendar(
            "Lịch bầu cử",
            &[Event {
                uid: "a@loa.example.org",
                summary,
                description,
                start: d(2021, 5, 23),
                end: d(2021, 5, 23),
                url: None,
            }],
            stamp(),
        )
    }

    /// The physical lines, each checked to end with CRLF and to have no other CR or LF.
    fn physical(ics: &str) -> Vec<&str> {
        assert!(ics.ends_with("\r\n"), "no CRLF at the end: {ics:?}");
        let lines: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
        for l in &lines {
            assert!(!l.contains(['\r', '\n']), "bare CR or LF in {l:?}");
        }
        lines
    }

    /// The logical content lines: continuation lines joined back, without their space.
    fn unfold(ics: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in physical(ics) {
            match (l.strip_prefix(' '), out.last_mut()) {
                (Some(rest), Some(prev)) => prev.push_str(rest),
                _ => out.push(l.to_string()),
            }
        }
        out
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(e @ ('\\' | ';' | ',')) => out.push(e),
                    other => panic!("bad escape \\{other:?} in {v:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The unescaped value of the first logical line starting with `name:`.
    fn prop(ics: &str, name: &str) -> Option<String> {
        let key = format!("{name}:");
        unfold(ics)
            .iter()
            .find_map(|l| l.strip_prefix(&key).map(unescape))
    }

    #[test]
    fn structure_and_order() {
        let ics = one("Ngày bầu cử", "");
        let lines = unfold(&ics);
        assert_eq!(
            lines,
            [
                "BEGIN:VCALENDAR",
                "PRODID:-//Loa//Lich bau cu//VI",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Lịch bầu cử",
                "BEGIN:VEVENT",
                "UID:a@loa.example.org",
                "DTSTAMP:20210601T000000Z",
                "DTSTART;VALUE=DATE:20210523",
                "DTEND;VALUE=DATE:20210524",
                "SUMMARY:Ngày bầu cử",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
            ]
        );
    }

    #[test]
    fn dtend_is_the_day_after_the_last_day() {
        let ics = calendar(
            "x",
            &[
                Event {
                    uid: "month-end",
                    summary: "s",
                    description: "",
                    start: d(2021, 2, 27),
                    end: d(2021, 2, 28),
                    url: Some("https://loa.example.org/lich/"),
                },
                Event {
                    uid: "year-end",
                    summary: "s",
                    description: "",
                    start: d(2020, 12, 31),
                    end: d(2020, 12, 31),
                    url: None,
                },
            ],
            stamp(),
        );
        let lines = unfold(&ics);
        let ends: Vec<&String> = lines.iter().filter(|l| l.starts_with("DTEND")).collect();
        assert_eq!(
            ends,
            ["DTEND;VALUE=DATE:20210301", "DTEND;VALUE=DATE:20210101"]
        );
        assert!(lines.contains(&"URL:https://loa.example.org/lich/".to_string()));
    }

    #[test]
    fn the_last_representable_day_gets_a_duration() {
        let ics = calendar(
            "x",
            &[Event {
                uid: "u",
                summary: "s",
                description: "",
                start: d(9999, 12, 30),
                end: d(9999, 12, 31),
                url: None,
            }],
            stamp(),
        );
        let lines = unfold(&ics);
        assert!(lines.contains(&"DURATION:P2D".to_string()), "{lines:?}");
        assert!(!lines.iter().any(|l| l.starts_with("DTEND")));
    }

    #[test]
    fn dtstamp_is_utc() {
        let ics = calendar(
            "x",
            &[one_event()],
            "2021-05-23T07:08:09+07:00".parse().unwrap(),
        );
        assert_eq!(prop(&ics, "DTSTAMP").as_deref(), Some("20210523T000809Z"));
    }

    fn one_event() -> Event<'static> {
        Event {
            uid: "u",
            summary: "s",
            description: "",
            start: d(2021, 5, 23),
            end: d(2021, 5, 23),
            url: None,
        }
    }

    #[test]
    fn text_is_escaped() {
        let ics = one("Bầu cử; đợt 1, 2", "Dòng 1\r\nDòng 2\nC:\\bau\\cu; a,b\rc");
        let lines = unfold(&ics);
        assert!(lines.contains(&"SUMMARY:Bầu cử\\; đợt 1\\, 2".to_string()));
        assert!(
            lines.contains(&"DESCRIPTION:Dòng 1\\nDòng 2\\nC:\\\\bau\\\\cu\\; a\\,bc".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn empty_description_and_no_url_are_left_out() {
        let ics = one("s", "");
        assert!(!ics.contains("DESCRIPTION"));
        assert!(!ics.contains("URL"));
    }

    #[test]
    fn url_cannot_inject_a_property() {
        let ics = calendar(
            "x",
            &[Event {
                url: Some("https://a.example/\r\nX-EVIL:1"),
                ..one_event()
            }],
            stamp(),
        );
        assert_eq!(
            prop(&ics, "URL").as_deref(),
            Some("https://a.example/X-EVIL:1")
        );
        assert!(!unfold(&ics).iter().any(|l| l.starts_with("X-EVIL")));
    }

    #[test]
    fn long_vietnamese_line_is_folded_on_character_boundaries() {
        let summary = "Hội đồng bầu cử quốc gia công bố danh sách chính thức những người \
                       ứng cử đại biểu Quốc hội khóa XV theo từng đơn vị bầu cử trong cả nước";
        let ics = one(summary, "");
        let lines = physical(&ics);
        assert!(
            lines.iter().any(|l| l.starts_with(' ')),
            "nothing was folded"
        );
        for l in &lines {
            assert!(l.len() <= MAX_LINE, "{} octets: {l:?}", l.len());
        }
        // Splitting the bytes at each CRLF gives valid UTF-8 pieces (no character was cut).
        for piece in ics.as_bytes().split(|&b| b == b'\n') {
            std::str::from_utf8(piece).unwrap();
        }
        assert_eq!(prop(&ics, "SUMMARY").as_deref(), Some(summary));
        // The first line is filled as far as a character allows.
        let first = lines.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
        assert!(first.len() > MAX_LINE - 4);
    }

    #[test]
    fn fold_counts_the_leading_space() {
        let mut out = String::new();
        line(&mut out, &"a".repeat(75 + 74 + 1));
        assert_eq!(
            out,
            format!("{}\r\n {}\r\n a\r\n", "a".repeat(75), "a".repeat(74))
        );
        let mut out = String::new();
        line(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
    }

    #[test]
    fn only_crlf_line_ends() {
        let ics = one("a\nb", "c\r\nd\re");
        let bytes = ics.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}");
            }
            if b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(one("Ngày bầu cử", "x, y"), one("Ngày bầu cử", "x, y"));
    }

    /// Characters that stress escaping and folding: specials, multi-byte Vietnamese, 4-byte.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            any::<char>(),
            prop::sample::select(vec![
                '\\', ';', ',', '\n', '\r', ' ', ':', '"', 'ệ', 'ự', 'ữ', 'Đ', 'ẫ', '😀',
                '\u{301}',
            ]),
        ]
    }

    fn tricky_text() -> impl Strategy<Value = String> {
        prop::collection::vec(tricky_char(), 0..300).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn any_text_folds_and_round_trips(summary in tricky_text(), description in tricky_text()) {
            let ics = one(&summary, &description);
            prop_assert!(ics.ends_with("\r\n"));
            // Every physical line: ≤ 75 octets, valid UTF-8 on its own, ended by CRLF.
            let bytes = ics.as_bytes();
            let mut start = 0;
            while start < bytes.len() {
                let rel = bytes[start..].iter().position(|&b| b == b'\n');
                prop_assert!(rel.is_some(), "last line has no LF");
                let end = start + rel.unwrap_or(0);
                prop_assert!(end > start && bytes[end - 1] == b'\r', "LF without CR");
                let body = &bytes[start..end - 1];
                prop_assert!(body.len() <= MAX_LINE, "{} octets", body.len());
                prop_assert!(std::str::from_utf8(body).is_ok());
                prop_assert!(!body.contains(&b'\r'), "bare CR");
                start = end + 1;
            }
            let want = |s: &str| s.replace('\r', "");
            prop_assert_eq!(prop(&ics, "SUMMARY").unwrap_or_default(), want(&summary));
            let desc = prop(&ics, "DESCRIPTION");
            if description.is_empty() {
                prop_assert!(desc.is_none());
            } else {
                prop_assert_eq!(desc.unwrap_or_default(), want(&description));
            }
        }
    }
}
