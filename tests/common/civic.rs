//! Helpers of the civic-data tests: the `civic` fixture built at a given time, pieces of its
//! pages (main, content, schedule rows, document links, listings), dates worked out
//! independently of Loa, and a small XML well-formedness check for the feeds.

use super::*;

/// The host of the fixture's `base_url` (calendar UIDs end in it).
pub const HOST: &str = "bau-cu.example.org";

/// The fixture's milestones in date order: (id, title, first day, day after the last one).
pub const MILESTONES: [(&str, &str, &str, &str); 5] = [
    (
        "quyet-dinh-ngay-bau-cu",
        "Quốc hội quyết định ngày bầu cử",
        "2020-11-17",
        "2020-11-18",
    ),
    (
        "thanh-lap-uy-ban",
        "Thành lập Ủy ban bầu cử",
        "2021-02-07",
        "2021-02-08",
    ),
    (
        "niem-yet-danh-sach",
        "Niêm yết danh sách cử tri",
        "2021-04-13",
        "2021-04-24",
    ),
    ("ngay-bau-cu", "Ngày bầu cử", "2021-05-23", "2021-05-24"),
    (
        "cong-bo-ket-qua",
        "Công bố kết quả bầu cử",
        "2021-06-12",
        "2021-06-13",
    ),
];

/// The fixture built at `now` (a date or date-time in Asia/Ho_Chi_Minh).
pub fn civic_at(now: &str) -> TestSite {
    let s = fixture("civic");
    build_at(&s, now);
    s
}

/// Builds `s` at `now`, failing the test on errors.
pub fn build_at(s: &TestSite, now: &str) -> loa::Report {
    let mut o = s.opts();
    o.now = loa::BuildTime::Civil(now.into());
    loa::build(&o).unwrap_or_else(|d| panic!("build at {now} failed:\n{d}"))
}

/// The `<main>` element of a page (what the page itself says, without header and footer).
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html[start..].find("</main>").expect("</main>") + start;
    &html[start..end]
}

/// The rendered Markdown of a page.
pub fn content_of(html: &str) -> &str {
    let start = html.find("<div class=content>").expect("a content block");
    let end = html[start..].find("</div>").expect("</div>") + start;
    &html[start..end]
}

/// The text of the elements `<tag …>…</tag>` of `html`, tags inside removed.
pub fn texts(html: &str, tag: &str) -> Vec<String> {
    elements(html, tag).into_iter().map(strip_tags).collect()
}

pub fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The schedule table's rows: (id, status class, the row's HTML).
pub fn schedule_rows(html: &str) -> Vec<(String, String, String)> {
    let body = elements(html, "tbody");
    assert_eq!(body.len(), 1, "one schedule table");
    let tags = start_tags(body[0], "tr");
    let rows = elements(body[0], "tr");
    assert_eq!(tags.len(), rows.len());
    tags.iter()
        .zip(rows)
        .map(|(t, r)| {
            (
                attr(t, "id").expect("row id"),
                attr(t, "class").expect("row class"),
                r.to_string(),
            )
        })
        .collect()
}

/// `Thứ Hai` … `Chủ nhật` for an ISO date, worked out here independently of Loa.
pub fn weekday_vi(iso: &str) -> &'static str {
    let d: jiff::civil::Date = iso.parse().unwrap();
    match d.weekday() {
        jiff::civil::Weekday::Monday => "Thứ Hai",
        jiff::civil::Weekday::Tuesday => "Thứ Ba",
        jiff::civil::Weekday::Wednesday => "Thứ Tư",
        jiff::civil::Weekday::Thursday => "Thứ Năm",
        jiff::civil::Weekday::Friday => "Thứ Sáu",
        jiff::civil::Weekday::Saturday => "Thứ Bảy",
        jiff::civil::Weekday::Sunday => "Chủ nhật",
    }
}

/// `dd/mm/yyyy` of an ISO date.
pub fn day_first(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    format!("{}/{}/{}", p[2], p[1], p[0])
}

/// The hrefs of the `<a class=loa-docref>` links of `html`.
pub fn docrefs(html: &str) -> Vec<String> {
    start_tags(html, "a")
        .into_iter()
        .filter(|t| attr(t, "class").as_deref() == Some("loa-docref"))
        .map(|t| attr(t, "href").unwrap())
        .collect()
}

/// The part of `html` from `heading` to the end of the list that follows it.
pub fn list_after<'a>(html: &'a str, heading: &str) -> &'a str {
    let at = html
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}` in {html}"));
    let rest = &html[at..];
    let end = rest.find("</ul>").expect("a list after the heading");
    &rest[..end]
}

/// The titles and hrefs of a `page-list`, in order.
pub fn listed(html: &str) -> Vec<(String, String)> {
    start_tags(html, "a")
        .into_iter()
        .zip(texts(html, "a"))
        .map(|(t, text)| (text, attr(t, "href").unwrap()))
        .collect()
}

/// Checks that `xml` is a well-formed XML document: one root element, properly nested and
/// matched tags, quoted and unique attributes, only the predefined or numeric entities, no raw
/// `<` or `&` in text or values.
pub fn check_xml(xml: &str) -> Result<(), String> {
    let mut rest = xml;
    if let Some(r) = rest.strip_prefix("<?xml") {
        let end = r.find("?>").ok_or("unclosed XML declaration")?;
        rest = &r[end + 2..];
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            check_text(rest, &stack)?;
            break;
        };
        check_text(&rest[..lt], &stack)?;
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or("unclosed comment")?;
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<![CDATA[") {
            if stack.is_empty() {
                return Err("CDATA outside the root".into());
            }
            let end = r.find("]]>").ok_or("unclosed CDATA")?;
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').ok_or("unclosed end tag")?;
            let name = r[..end].trim_end();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("`</{name}>` closes {other:?}")),
            }
            rest = &r[end + 1..];
        } else {
            let (name, after, empty) = start_tag(&rest[1..])?;
            if stack.is_empty() {
                roots += 1;
                if roots > 1 {
                    return Err(format!("a second root element `{name}`"));
                }
            }
            if !empty {
                stack.push(name);
            }
            rest = after;
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("`<{open}>` is never closed"));
    }
    if roots != 1 {
        return Err("no root element".into());
    }
    Ok(())
}

/// Reads one start tag after its `<`: (name, the text after `>`, whether it is empty `/>`).
pub fn start_tag(s: &str) -> Result<(&str, &str, bool), String> {
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .ok_or("unclosed start tag")?;
    let name = &s[..name_end];
    if !name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
    {
        return Err(format!("bad element name `{name}`"));
    }
    let mut rest = &s[name_end..];
    let mut seen: Vec<&str> = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("/>") {
            return Ok((name, r, true));
        }
        if let Some(r) = rest.strip_prefix('>') {
            return Ok((name, r, false));
        }
        let eq = rest
            .find('=')
            .ok_or(format!("attribute without value in `{name}`"))?;
        let key = rest[..eq].trim();
        if key.is_empty() || key.contains(char::is_whitespace) || key.contains(['<', '>']) {
            return Err(format!("bad attribute name `{key}` in `{name}`"));
        }
        if seen.contains(&key) {
            return Err(format!("attribute `{key}` twice in `{name}`"));
        }
        seen.push(key);
        let v = rest[eq + 1..].trim_start();
        let q = v
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or(format!("unquoted value of `{key}` in `{name}`"))?;
        let end = v[1..].find(q).ok_or("unclosed attribute value")? + 1;
        let value = &v[1..end];
        if value.contains('<') {
            return Err(format!("`<` in the value of `{key}`"));
        }
        check_entities(value)?;
        rest = &v[end + 1..];
    }
}

pub fn check_text(t: &str, stack: &[&str]) -> Result<(), String> {
    if stack.is_empty() && !t.trim().is_empty() {
        return Err(format!("text outside the root element: {t:?}"));
    }
    check_entities(t)
}

/// Every `&` starts `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` or a numeric reference.
pub fn check_entities(t: &str) -> Result<(), String> {
    let mut rest = t;
    while let Some(i) = rest.find('&') {
        let r = &rest[i + 1..];
        let end = r.find(';').ok_or(format!("bare `&` in {t:?}"))?;
        let name = &r[..end];
        let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name
                .strip_prefix("#x")
                .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
            || name
                .strip_prefix('#')
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return Err(format!("unknown entity `&{name};`"));
        }
        rest = &r[end + 1..];
    }
    Ok(())
}
