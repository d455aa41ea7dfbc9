//! Located errors of the civic data, one test per kind of problem: each breaks a copy of the
//! `civic` fixture in one place and checks the code, the file, the line and (where it means
//! something) the column of the one diagnostic, in Vietnamese or English.

mod common;

use common::*;

/// The fixture with each `(file, from, to)` replacement made (`from` must occur once), built
/// to failure.
fn broken(edits: &[(&str, &str, &str)]) -> (TestSite, loa::Diagnostics) {
    let s = fixture("civic");
    for (file, from, to) in edits {
        let text = s.read_source(file);
        assert_eq!(text.matches(from).count(), 1, "`{from}` in {file}");
        s.write(file, text.replacen(from, to, 1));
    }
    let d = s.build_err();
    (s, d)
}

/// The one diagnostic, which must have `code`.
fn only(d: &loa::Diagnostics, code: &str) -> loa::Diagnostic {
    assert_eq!(d.0.len(), 1, "expected one diagnostic:\n{d}");
    assert_eq!(d.0[0].problem.code(), code, "{d}");
    d.0[0].clone()
}

/// 1-based (line, column in characters) of the one occurrence of `needle` in `rel`.
fn where_is(s: &TestSite, rel: &str, needle: &str) -> (usize, usize) {
    let text = s.read_source(rel);
    assert_eq!(text.matches(needle).count(), 1, "`{needle}` in {rel}");
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// Asserts `d` is at `needle` of `rel` (line and column).
fn assert_at(s: &TestSite, d: &loa::Diagnostic, rel: &str, needle: &str) {
    let (line, col) = where_is(s, rel, needle);
    assert_eq!(at(d), loc(rel, line, col), "{}", d.message(loa::Lang::En));
}

/// Asserts `d` is at the value of the one `key: value` line `needle` of `rel`.
fn assert_value_at(s: &TestSite, d: &loa::Diagnostic, rel: &str, needle: &str) {
    let (line, col) = where_is(s, rel, needle);
    let key = needle.find(": ").expect("`key: value`") + 2;
    let col = col + needle[..key].chars().count();
    assert_eq!(at(d), loc(rel, line, col), "{}", d.message(loa::Lang::En));
}

/// Asserts `d` is on the line of `needle` in `rel` (the column is the start of the line).
fn assert_on_line(s: &TestSite, d: &loa::Diagnostic, rel: &str, needle: &str) {
    let (line, _) = where_is(s, rel, needle);
    assert_eq!(at(d), loc(rel, line, 1), "{}", d.message(loa::Lang::En));
}

const SCHEDULE: &str = "content/_data/schedule.yaml";
const DOCUMENTS: &str = "content/_data/documents.yaml";
const LOCALITIES: &str = "content/_data/localities.yaml";
const UNIT: &str = "content/_data/units/hoa-binh-1.yaml";

#[test]
fn error_bad_value_for_a_value_of_the_wrong_type() {
    let (s, d) = broken(&[(UNIT, "seats: 2", "seats: hai")]);
    let e = only(&d, "bad-value");
    assert_at(&s, &e, UNIT, "hai");
    assert!(e.message(loa::Lang::En).contains("seats"), "{d}");
}

#[test]
fn error_bad_value_for_a_missing_field_names_it() {
    let (s, d) = broken(&[(DOCUMENTS, "  issuer: \"Ban Tổ chức Trung ương\"\n", "")]);
    let e = only(&d, "bad-value");
    assert!(e.message(loa::Lang::En).contains("issuer"), "{d}");
    // The entry that lacks it.
    assert_at(&s, &e, DOCUMENTS, "id: \"36 -HD/BTCTW\"");
}

#[test]
fn error_unknown_key_with_a_suggestion() {
    let (s, d) = broken(&[(
        LOCALITIES,
        "  kind: \"thành phố\"",
        "  kinds: \"thành phố\"",
    )]);
    let e = only(&d, "unknown-key");
    assert_at(&s, &e, LOCALITIES, "kinds:");
    assert!(
        e.problem.help(loa::Lang::En).unwrap().contains("kind"),
        "{d}"
    );
}

#[test]
fn error_duplicate_id_points_at_the_second_and_names_the_first() {
    let (s, d) = broken(&[(SCHEDULE, "id: cong-bo-ket-qua", "id: ngay-bau-cu")]);
    let e = only(&d, "duplicate-id");
    let (second, col) = where_is(&s, SCHEDULE, "ngay-bau-cu\n    title: \"Công bố");
    assert_eq!(at(&e), loc(SCHEDULE, second, col));
    let (first, _) = where_is(&s, SCHEDULE, "ngay-bau-cu\n    title: \"Ngày bầu cử\"");
    assert!(
        e.message(loa::Lang::En).contains(&format!("line {first}")),
        "{}",
        e.message(loa::Lang::En)
    );
    // Two spellings of one document id are one id.
    let (s, d) = broken(&[(DOCUMENTS, "id: \"02/CT-TTg\"", "id: \"45 - CT/TW\"")]);
    let e = only(&d, "duplicate-id");
    assert_at(&s, &e, DOCUMENTS, "\"45 - CT/TW\"");
}

#[test]
fn error_bad_date_month_first() {
    let (s, d) = broken(&[(UNIT, "born: 10/10/1980", "born: 10/31/1980")]);
    let e = only(&d, "bad-date");
    assert_at(&s, &e, UNIT, "10/31/1980");
    let (s, d) = broken(&[(
        SCHEDULE,
        "election_day: 23/05/2021",
        "election_day: 2021/23/05",
    )]);
    let e = only(&d, "bad-date");
    assert_at(&s, &e, SCHEDULE, "2021/23/05");
}

#[test]
fn error_milestone_date_needs_exactly_one_of_offset_and_date() {
    // Both.
    let (s, d) = broken(&[(
        SCHEDULE,
        "    offset_days: 20\n",
        "    offset_days: 20\n    date: 12/06/2021\n",
    )]);
    let e = only(&d, "milestone-date");
    assert_at(&s, &e, SCHEDULE, "12/06/2021");
    assert!(e.message(loa::Lang::En).contains("cong-bo-ket-qua"));
    // Neither: at the milestone's id.
    let (s, d) = broken(&[(SCHEDULE, "    offset_days: 20\n", "")]);
    let e = only(&d, "milestone-date");
    assert_at(&s, &e, SCHEDULE, "cong-bo-ket-qua");
}

#[test]
fn error_end_before_start() {
    let (s, d) = broken(&[(SCHEDULE, "end_offset_days: -30", "end_offset_days: -50")]);
    let e = only(&d, "end-before-start");
    assert_at(&s, &e, SCHEDULE, "-50");
    assert!(e.message(loa::Lang::En).contains("niem-yet-danh-sach"));
}

#[test]
fn error_bad_time() {
    let (s, d) = broken(&[(SCHEDULE, "time: \"7:00\"", "time: \"7 giờ\"")]);
    let e = only(&d, "bad-time");
    assert_at(&s, &e, SCHEDULE, "\"7 giờ\"");
}

#[test]
fn error_bad_id() {
    let (s, d) = broken(&[(SCHEDULE, "id: ngay-bau-cu", "id: Ngày-bầu-cử")]);
    let e = only(&d, "bad-id");
    assert_at(&s, &e, SCHEDULE, "Ngày-bầu-cử");
}

#[test]
fn error_empty_field() {
    let (s, d) = broken(&[(
        DOCUMENTS,
        "summary: \"Hướng dẫn về nhân sự.\"",
        "summary: \" \"",
    )]);
    let e = only(&d, "empty-field");
    assert_at(&s, &e, DOCUMENTS, "\" \"");
    assert!(e.message(loa::Lang::En).contains("summary"));
}

#[test]
fn error_no_seats() {
    let (s, d) = broken(&[(UNIT, "seats: 2", "seats: 0")]);
    let e = only(&d, "no-seats");
    assert_value_at(&s, &e, UNIT, "seats: 0");
}

#[test]
fn error_unknown_document_in_sources_is_at_the_list_item() {
    let page = "content/tin-tuc/hoi-nghi.md";
    let (s, d) = broken(&[(page, "  - \"45-CT/TW\"", "  - \"46-CT/TW\"")]);
    let e = only(&d, "unknown-document");
    assert_at(&s, &e, page, "\"46-CT/TW\"");
    assert!(
        e.problem
            .help(loa::Lang::En)
            .unwrap()
            .contains("“45-CT/TW”"),
        "{}",
        e.problem.help(loa::Lang::En).unwrap()
    );
    // A milestone's basis: at its `basis:` line.
    let (s, d) = broken(&[(
        SCHEDULE,
        "basis: \"85/2015/QH13\"",
        "basis: \"85/2016/QH13\"",
    )]);
    let e = only(&d, "unknown-document");
    assert_on_line(&s, &e, SCHEDULE, "85/2016/QH13");
    assert!(
        e.problem
            .help(loa::Lang::En)
            .unwrap()
            .contains("“85/2015/QH13”")
    );
}

#[test]
fn error_unknown_locality_suggests_the_listed_name() {
    let page = "content/tin-tuc/lang-son.md";
    let (s, d) = broken(&[(page, "locality: \"Lạng Sơn\"", "locality: \"Lang Son\"")]);
    let e = only(&d, "unknown-locality");
    assert_on_line(&s, &e, page, "locality: \"Lang Son\"");
    assert!(
        e.problem
            .help(loa::Lang::En)
            .unwrap()
            .contains("“Lạng Sơn”")
    );
    // In a unit file.
    let (s, d) = broken(&[(UNIT, "locality: \"Hòa Bình\"", "locality: \"Hoa Binh\"")]);
    let e = only(&d, "unknown-locality");
    assert_on_line(&s, &e, UNIT, "locality: \"Hoa Binh\"");
    assert!(
        e.problem
            .help(loa::Lang::En)
            .unwrap()
            .contains("“Hòa Bình”")
    );
    // In the document register.
    let (s, d) = broken(&[(
        DOCUMENTS,
        "locality: \"Hòa Bình\"",
        "locality: \"Hải Bình\"",
    )]);
    let e = only(&d, "unknown-locality");
    assert_on_line(&s, &e, DOCUMENTS, "id: \"03-CT/TU\"");
}

#[test]
fn error_unknown_data_set_in_pages_from_and_data() {
    let section = "content/diem-bau-cu/_index.md";
    let (s, d) = broken(&[(
        section,
        "pages_from: diem-bau-cu",
        "pages_from: diem-bo-phieu",
    )]);
    let e = only(&d, "unknown-data-set");
    assert_on_line(&s, &e, section, "pages_from:");
    assert!(
        e.problem
            .help(loa::Lang::En)
            .unwrap()
            .contains("diem-bau-cu"),
        "{}",
        e.problem.help(loa::Lang::En).unwrap()
    );
    let page = "content/lich-bau-cu/_index.md";
    let (s, d) = broken(&[(page, "data: [schedule]", "data: [lich]")]);
    let e = only(&d, "unknown-data-set");
    assert_on_line(&s, &e, page, "data: [lich]");
}

#[test]
fn error_missing_record_field_for_slug_from() {
    let section = "content/diem-bau-cu/_index.md";
    let (s, d) = broken(&[(section, "slug_from: id", "slug_from: ma")]);
    let e = only(&d, "missing-record-field");
    assert_on_line(&s, &e, section, "slug_from: ma");
    assert!(e.message(loa::Lang::En).contains("`ma`"));
}

#[test]
fn error_not_records_for_a_data_file_that_is_not_a_list() {
    let s = fixture("civic");
    s.write(
        "content/_data/diem-bau-cu.yaml",
        "ten: \"Điểm bỏ phiếu\"\nso: 2\n",
    );
    let d = s.build_err();
    let e = only(&d, "not-records");
    assert_on_line(&s, &e, "content/diem-bau-cu/_index.md", "pages_from:");
}
