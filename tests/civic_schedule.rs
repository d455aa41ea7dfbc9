//! The schedule of the `civic` fixture: the table (order, weekday, offsets, machine dates), the
//! status of each milestone and the home page's box at several build times, moving election
//! day, and the calendar file read back by a real iCalendar parser.

mod common;

use common::civic::*;
use common::ical::parse_ics;
use common::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The schedule

#[test]
fn schedule_rows_are_in_date_order_with_weekday_offset_and_machine_dates() {
    let s = civic_at("2021-05-01");
    let html = s.read("lich-bau-cu/index.html");
    let rows = schedule_rows(main_of(&html));
    let ids: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let want: Vec<String> = MILESTONES
        .iter()
        .map(|m| format!("loa-moc-{}", m.0))
        .collect();
    assert_eq!(ids, want);
    // Every date cell is a <time datetime> whose text is the weekday and the day-first date.
    for ((_, _, row), (_, title, start, _)) in rows.iter().zip(MILESTONES) {
        assert!(row.contains(&format!("<th scope=row>{title}")), "{row}");
        let time = format!(
            "<time datetime={start}>{}, {}</time>",
            weekday_vi(start),
            day_first(start)
        );
        assert!(row.contains(&time), "{time} not in {row}");
    }
    let cells = |i: usize| texts(&rows[i].2, "td");
    // A fixed date has no offset; the others count from election day.
    assert_eq!(cells(0)[1], "–");
    assert_eq!(cells(1)[1], "105 ngày trước ngày bầu cử");
    assert_eq!(cells(2)[1], "40 ngày trước ngày bầu cử");
    assert_eq!(cells(3)[1], "Ngày bầu cử");
    assert_eq!(cells(4)[1], "20 ngày sau ngày bầu cử");
    // Deadlines, periods and times of day.
    assert!(cells(1)[0].starts_with("Chậm nhất Chủ nhật, 07/02/2021"));
    assert!(rows[2].2.contains(
        "<time datetime=2021-04-13>Thứ Ba, 13/04/2021</time> đến <time datetime=2021-04-23>Thứ Sáu, 23/04/2021</time>"
    ));
    assert!(
        rows[3]
            .2
            .contains("lúc <time datetime=2021-05-23T07:00>07:00</time>"),
        "{}",
        rows[3].2
    );
    assert!(!cells(0)[0].contains("Chậm nhất"));
    // Who, and the legal basis linked to the documents' pages.
    assert_eq!(cells(1)[2], "Ủy ban nhân dân các cấp");
    assert!(rows[1].2.contains(
        "<a href=../van-ban/85-2015-qh13/>Luật số 85/2015/QH13</a>; <a href=../van-ban/45-ct-tw/>Chỉ thị số 45-CT/TW</a>"
    ));
    assert_eq!(cells(0)[3], "–");
    assert!(
        rows[2]
            .2
            .contains("Cử tri kiểm tra tên mình trong danh sách.")
    );
    // The status as of the build, and the calendar link.
    assert!(html.contains("<time datetime=2021-05-01>ngày 01 tháng 5 năm 2021</time>"));
    assert!(html.contains("href=../lich-bau-cu.ics"));
}

#[test]
fn statuses_and_the_home_box_follow_the_build_time() {
    let status = |s: &TestSite| -> Vec<String> {
        schedule_rows(main_of(&s.read("lich-bau-cu/index.html")))
            .into_iter()
            .map(|r| r.1)
            .collect()
    };
    // Before election day, during the listing period.
    let s = civic_at("2021-04-15");
    assert_eq!(
        status(&s),
        [
            "status-past",
            "status-past",
            "status-now",
            "status-next",
            "status-upcoming"
        ]
    );
    let home = s.read("index.html");
    let boxed = elements(&home, "section")
        .into_iter()
        .find(|b| b.contains("loa-moc-tiep-theo"))
        .expect("the next-milestone box");
    assert!(boxed.contains(">Mốc tiếp theo</h2>"), "{boxed}");
    assert!(!boxed.contains("Cuộc bầu cử đã diễn ra"));
    let next: Vec<String> = texts(boxed, "li");
    assert_eq!(
        next,
        [
            "Niêm yết danh sách cử tri: Thứ Ba, 13/04/2021 (40 ngày trước ngày bầu cử)",
            "Ngày bầu cử: Chủ nhật, 23/05/2021"
        ]
    );
    assert!(boxed.contains("href=lich-bau-cu/#loa-moc-niem-yet-danh-sach"));
    assert!(boxed.contains("<time datetime=2021-05-23>"));

    // On election day itself.
    let s = civic_at("2021-05-23T09:00");
    assert_eq!(
        status(&s),
        [
            "status-past",
            "status-past",
            "status-past",
            "status-now",
            "status-next"
        ]
    );

    // After the last milestone: everything is past and the home page says so.
    let s = civic_at("2021-07-01");
    assert!(
        status(&s).iter().all(|c| c == "status-past"),
        "{:?}",
        status(&s)
    );
    let home = s.read("index.html");
    assert!(
        home.contains(
            "Cuộc bầu cử đã diễn ra <time datetime=2021-05-23>ngày 23 tháng 5 năm 2021</time>"
        ),
        "{}",
        main_of(&home)
    );
    assert!(!home.contains("Mốc tiếp theo"));
    assert!(home.contains("href=lich-bau-cu/>Xem toàn bộ lịch bầu cử"));
}

#[test]
fn moving_election_day_moves_the_offset_milestones_only() {
    let s = fixture("civic");
    let p = "content/_data/schedule.yaml";
    let text = s.read_source(p);
    s.write(
        p,
        text.replace("election_day: 23/05/2021", "election_day: 30/05/2021"),
    );
    build_at(&s, "2021-05-01");
    let html = s.read("lich-bau-cu/index.html");
    let rows = schedule_rows(main_of(&html));
    let date_of = |id: &str| {
        let row = &rows
            .iter()
            .find(|r| r.0 == format!("loa-moc-{id}"))
            .unwrap()
            .2;
        attr(start_tags(row, "time")[0], "datetime").unwrap()
    };
    assert_eq!(date_of("quyet-dinh-ngay-bau-cu"), "2020-11-17");
    assert_eq!(date_of("thanh-lap-uy-ban"), "2021-02-14");
    assert_eq!(date_of("niem-yet-danh-sach"), "2021-04-20");
    assert_eq!(date_of("ngay-bau-cu"), "2021-05-30");
    assert_eq!(date_of("cong-bo-ket-qua"), "2021-06-19");
    assert!(rows[1].2.contains("Chủ nhật, 14/02/2021"));
    assert!(html.contains("<time datetime=2021-04-30>Thứ Sáu, 30/04/2021</time>"));
    let ics = s.read("lich-bau-cu.ics");
    assert!(ics.contains("DTSTART;VALUE=DATE:20210530\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20210214\r\n"));
    assert!(!ics.contains("DTSTART;VALUE=DATE:20210523\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20201117\r\n"));
}

#[test]
fn calendar_file_reads_back_with_stable_uids_and_the_build_time_as_dtstamp() {
    let s = civic_at("2021-05-01");
    let first = parse_ics(&s.out.join("lich-bau-cu.ics"));
    assert_eq!(first["calname"], "Bầu cử ở Hòa Bình");
    let events = first["events"].as_array().unwrap();
    assert_eq!(events.len(), MILESTONES.len());
    for (e, (id, title, start, end)) in events.iter().zip(MILESTONES) {
        assert_eq!(e["uid"], format!("{id}@{HOST}"));
        assert_eq!(e["summary"], title);
        assert_eq!(e["dtstart"], start, "{id}");
        assert_eq!(e["dtend"], end, "{id}: DTEND is the day after the last day");
        assert_eq!(e["dtstart_is_date"], true);
        assert_eq!(e["dtend_is_date"], true);
        // Midnight 2021-05-01 in Hanoi is 17:00 UTC the day before.
        assert_eq!(e["dtstamp"], "2021-04-30T17:00:00+00:00");
        assert_eq!(
            e["url"],
            format!("https://{HOST}/lich-bau-cu/#loa-moc-{id}")
        );
    }
    let description = |i: usize| events[i]["description"].as_str().unwrap().to_string();
    assert_eq!(
        description(1),
        "Chậm nhất ngày này. 105 ngày trước ngày bầu cử.\nThực hiện: Ủy ban nhân dân các cấp.\nCăn cứ: Luật số 85/2015/QH13; Chỉ thị số 45-CT/TW."
    );
    assert!(description(3).starts_with("Lúc 07:00. Ngày bầu cử."));

    // Another build time: same events and UIDs, a new DTSTAMP.
    let s2 = civic_at("2021-07-01T08:30");
    let second = parse_ics(&s2.out.join("lich-bau-cu.ics"));
    let uids = |v: &Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["uid"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(uids(&first), uids(&second));
    for e in second["events"].as_array().unwrap() {
        assert_eq!(e["dtstamp"], "2021-07-01T01:30:00+00:00");
    }
}
