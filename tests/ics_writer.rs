//! The iCalendar writer read back by a real parser (Python `icalendar`, see `common::ical`):
//! folded Vietnamese text with escapes round-trips exactly, events are all-day with an
//! exclusive DTEND, and UID and DTSTAMP are as given.

mod common;

use common::ical::parse_ics;
use jiff::civil::date;
use loa::output::ics::{Event, calendar};
use serde_json::{Value, json};

const LONG: &str = "Ủy ban bầu cử ở tỉnh, thành phố trực thuộc trung ương; Ủy ban bầu cử ở \
huyện, quận, thị xã, thành phố thuộc tỉnh; Ủy ban bầu cử ở xã, phường, thị trấn được thành lập \
chậm nhất 105 ngày trước ngày bầu cử.\nThành phần gồm: đại diện Thường trực Hội đồng nhân dân, \
Ủy ban nhân dân, Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp.\r\n\
Xem thêm: Luật Bầu cử số 85/2015/QH13, Điều 24; đường dẫn C:\\tai-lieu\\nghi-quyet.pdf \
(dấu gạch chéo ngược \\n không phải xuống dòng), và 😀.";

#[test]
fn a_real_parser_reads_back_what_the_writer_wrote() {
    let events = [
        Event {
            uid: "thanh-lap-uy-ban-bau-cu@loa.example.org",
            summary: "Thành lập Ủy ban bầu cử ở tỉnh, huyện, xã",
            description: LONG,
            start: date(2021, 2, 7),
            end: date(2021, 2, 7),
            url: Some("https://loa.example.org/lich/thanh-lap-uy-ban/"),
        },
        Event {
            uid: "nop-ho-so@loa.example.org",
            summary: "Nộp hồ sơ ứng cử; tự ứng cử, được giới thiệu",
            description: "Từ 8 giờ.\n\nHạn cuối: 17 giờ ngày 14/3.",
            start: date(2021, 2, 28),
            end: date(2021, 3, 14),
            url: None,
        },
        Event {
            uid: "ngay-bau-cu@loa.example.org",
            summary: "Ngày bầu cử",
            description: "",
            start: date(2021, 5, 23),
            end: date(2021, 5, 23),
            url: Some("https://loa.example.org/ngay-bau-cu/"),
        },
    ];
    let stamp: jiff::Timestamp = "2021-06-01T00:00:00Z".parse().unwrap();
    let name = "Lịch bầu cử, khóa XV; 2021–2026";
    let ics = calendar(name, &events, stamp);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lich-bau-cu.ics");
    std::fs::write(&path, &ics).unwrap();
    let got = parse_ics(&path);

    // The long description really was folded, so the round trip crosses folds.
    assert!(ics.contains("\r\n "), "nothing was folded:\n{ics}");
    assert_eq!(got["calname"], json!(name));
    let got_events = got["events"].as_array().expect("events");
    assert_eq!(got_events.len(), 3, "{got:#}");
    let want = [
        ("2021-02-07", "2021-02-08"),
        ("2021-02-28", "2021-03-15"),
        ("2021-05-23", "2021-05-24"),
    ];
    for ((e, g), (start, end)) in events.iter().zip(got_events).zip(want) {
        assert_eq!(g["uid"], json!(e.uid));
        assert_eq!(g["summary"], json!(e.summary));
        let description = if e.description.is_empty() {
            Value::Null
        } else {
            json!(e.description.replace('\r', ""))
        };
        assert_eq!(g["description"], description, "{}", e.uid);
        assert_eq!(g["dtstart"], json!(start), "{}", e.uid);
        assert_eq!(g["dtend"], json!(end), "{}", e.uid);
        assert_eq!(g["dtstart_is_date"], json!(true), "{}", e.uid);
        assert_eq!(g["dtend_is_date"], json!(true), "{}", e.uid);
        assert_eq!(g["dtstamp"], json!("2021-06-01T00:00:00+00:00"));
        assert_eq!(g["url"], e.url.map_or(Value::Null, |u| json!(u)));
        assert_eq!(g["transp"], json!("TRANSPARENT"));
    }
}
