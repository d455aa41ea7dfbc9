//! The shape of a built site: which files are written where, the sitemap, robots.txt, the
//! Atom feed, minification, and the page skeleton every page shares.

mod common;

use common::*;
use std::collections::BTreeSet;

/// Output files of the `basic` fixture, besides the theme's static files.
const EXPECTED: &[&str] = &[
    "404.html",
    "gioi-thieu/index.html",
    "huong-dan/cu-tri/bo-phieu/index.html",
    "huong-dan/cu-tri/danh-sach/index.html",
    "huong-dan/cu-tri/index.html",
    "huong-dan/cu-tri/mau-phieu.svg",
    "huong-dan/index.html",
    "huong-dan/lich/index.html",
    "index.html",
    "robots.txt",
    "sitemap.xml",
    "tai-lieu.txt",
    "tin-tuc/atom.xml",
    "tin-tuc/bac-kan/index.html",
    "tin-tuc/hai-phong/index.html",
    "tin-tuc/hoi-nghi-toan-quoc/index.html",
    "tin-tuc/index.html",
    "tin-tuc/thông báo.txt",
];

fn theme_static() -> BTreeSet<String> {
    tree(&repo().join("themes/default/static"))
        .into_keys()
        .collect()
}

#[test]
fn writes_exactly_the_expected_files_with_pretty_urls() {
    let s = fixture("basic");
    let report = s.build_ok();
    let written: BTreeSet<String> = tree(&s.out).into_keys().collect();
    let theme = theme_static();
    assert!(theme.contains("css/loa.css"));
    let mut expected: BTreeSet<String> = EXPECTED.iter().map(|p| p.to_string()).collect();
    expected.extend(theme.iter().cloned());
    // The search page and its index: a manifest, term chunks, a fragment file per group of
    // pages.
    let index: BTreeSet<String> = written
        .iter()
        .filter(|p| p.starts_with("tim-kiem/"))
        .cloned()
        .collect();
    assert!(index.contains("tim-kiem/index.html") && index.contains("tim-kiem/chi-muc/m.js"));
    assert!(index.contains("tim-kiem/chi-muc/t/0.js"));
    let fragments = index.iter().filter(|p| p.contains("/chi-muc/p/")).count();
    assert_eq!(
        fragments,
        report.pages.div_ceil(loa::search::encode::GROUP),
        "a fragment file per group of pages"
    );
    expected.extend(index);
    assert_eq!(written, expected);
    // Home, 3 sections, 7 pages; the 404 page is not counted.
    assert_eq!(report.pages, 11);
    assert_eq!(report.files, written.len());
    // Assets are copied byte for byte beside the page that holds them.
    let src = std::fs::read(s.root.join("content/huong-dan/cu-tri/mau-phieu.svg")).unwrap();
    assert_eq!(
        std::fs::read(s.out.join("huong-dan/cu-tri/mau-phieu.svg")).unwrap(),
        src
    );
    assert!(report.warnings.is_empty(), "{}", report.warnings);
}

#[test]
fn draft_future_and_expired_pages_are_left_out() {
    let s = fixture("basic");
    s.build_ok();
    for p in ["nhap", "sap-toi", "het-han"] {
        assert!(!s.out.join("tin-tuc").join(p).exists(), "{p} written");
    }
    let listing = s.read("tin-tuc/index.html");
    let sitemap = s.read("sitemap.xml");
    let feed = s.read("tin-tuc/atom.xml");
    for t in ["Bản nháp", "Tin hẹn giờ", "Tin hết hạn"] {
        assert!(!listing.contains(t) && !feed.contains(t), "{t} listed");
    }
    for p in ["nhap", "sap-toi", "het-han"] {
        assert!(
            !sitemap.contains(&format!("/tin-tuc/{p}/")),
            "{p} in sitemap"
        );
    }

    let mut o = s.opts();
    o.drafts = true;
    loa::build(&o).unwrap();
    assert!(s.has("tin-tuc/nhap/index.html"));
    assert!(!s.has("tin-tuc/sap-toi/index.html"));
    assert!(s.read("tin-tuc/atom.xml").contains("Bản nháp"));

    let mut o = s.opts();
    o.future = true;
    loa::build(&o).unwrap();
    assert!(s.has("tin-tuc/sap-toi/index.html"));
    assert!(!s.has("tin-tuc/nhap/index.html"));

    // Expired stays expired, whatever the flags.
    o.drafts = true;
    loa::build(&o).unwrap();
    assert!(!s.has("tin-tuc/het-han/index.html"));

    // `publish: 2021-07-01T08:00:00` is in the site's time zone: visible from then on.
    let mut o = s.opts();
    o.now = loa::BuildTime::Civil("2021-07-01T07:59:59".into());
    loa::build(&o).unwrap();
    assert!(!s.has("tin-tuc/sap-toi/index.html"));
    o.now = loa::BuildTime::Civil("2021-07-01T08:00:00".into());
    loa::build(&o).unwrap();
    assert!(s.has("tin-tuc/sap-toi/index.html"));
    // …and `expires: 2021-05-01` hides from the start of that day.
    o.now = loa::BuildTime::Civil("2021-04-30T23:59:59".into());
    loa::build(&o).unwrap();
    assert!(s.has("tin-tuc/het-han/index.html"));
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls_and_lastmod() {
    let s = fixture("basic");
    s.build_ok();
    let xml = s.read("sitemap.xml");
    assert!(xml.starts_with("<?xml"), "{xml}");
    let urls = elements(&xml, "url");
    let mut locs = BTreeSet::new();
    let mut lastmod = std::collections::BTreeMap::new();
    for u in &urls {
        let loc = elements(u, "loc")[0].to_string();
        if let Some(m) = elements(u, "lastmod").first() {
            lastmod.insert(loc.clone(), m.to_string());
        }
        assert!(locs.insert(loc), "duplicate sitemap entry");
    }
    let pages: BTreeSet<String> = html_files(&s.out)
        .into_iter()
        .filter(|f| f != "404.html" && f != "tim-kiem/index.html")
        .map(|f| format!("https://example.org/{}", f.trim_end_matches("index.html")))
        .collect();
    assert_eq!(locs, pages);
    let get = |p: &str| {
        lastmod
            .get(&format!("https://example.org/{p}"))
            .map(String::as_str)
    };
    assert_eq!(
        get("huong-dan/lich/"),
        Some("2021-05-25"),
        "updated wins over date"
    );
    assert_eq!(get("tin-tuc/bac-kan/"), Some("2021-03-12"));
    assert_eq!(get("tin-tuc/hai-phong/"), Some("2021-01-21"));
    assert_eq!(get(""), None);

    let robots = s.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l == "Sitemap: https://example.org/sitemap.xml"),
        "{robots}"
    );
    assert!(robots.contains("User-agent: *"));
}

#[test]
fn atom_feed_is_newest_first_with_absolute_links() {
    let s = fixture("basic");
    s.build_ok();
    let xml = s.read("tin-tuc/atom.xml");
    assert!(xml.starts_with("<?xml"));
    assert_eq!(xml.matches("<feed").count(), 1);
    let entries = elements(&xml, "entry");
    let titles: Vec<String> = entries
        .iter()
        .map(|e| decode_entities(elements(e, "title")[0]))
        .collect();
    assert_eq!(
        titles,
        [
            "Điểm cầu Bắc Kạn",
            "Hội nghị trực tuyến toàn quốc",
            "Điểm cầu Hải Phòng"
        ]
    );
    let published: Vec<&str> = entries
        .iter()
        .map(|e| elements(e, "published")[0])
        .collect();
    assert_eq!(published[0], "2021-03-10T00:00:00+07:00");
    let mut sorted = published.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, sorted, "newest first");
    assert_eq!(elements(&xml, "updated")[0], "2021-03-12T00:00:00+07:00");

    let links: Vec<String> = start_tags(&xml, "link")
        .iter()
        .filter_map(|t| attr(t, "href"))
        .collect();
    assert!(links.contains(&"https://example.org/tin-tuc/atom.xml".to_string()));
    assert!(links.contains(&"https://example.org/tin-tuc/hoi-nghi-toan-quoc/".to_string()));
    assert!(xml.contains(r#"<category term="Bắc Kạn"/>"#));

    let mut content_links = Vec::new();
    for e in &entries {
        let html = decode_entities(elements(e, "content")[0]);
        content_links.extend(common::links(&html));
    }
    assert!(content_links.len() >= 4, "{content_links:?}");
    for l in &content_links {
        assert!(
            l.starts_with("https://example.org/") || l.starts_with('#'),
            "relative link in the feed: {l}"
        );
    }
    for want in [
        "https://example.org/tin-tuc/th%C3%B4ng%20b%C3%A1o.txt",
        "https://example.org/tin-tuc/bac-kan/#ket-qua",
        "https://example.org/huong-dan/lich/#ngay-bau-cu",
    ] {
        assert!(
            content_links.iter().any(|l| l == want),
            "{want} not in {content_links:?}"
        );
    }
}

#[test]
fn html_and_css_are_minified() {
    let s = fixture("basic");
    s.build_ok();
    for f in html_files(&s.out) {
        let html = s.read(&f);
        assert!(!html.contains("\n\n"), "{f} has blank lines");
        assert!(!html.contains(">\n<"), "{f} has newlines between tags");
        assert!(!html.contains("<!--"), "{f} has comments");
    }
    let css = s.read("css/loa.css");
    let src = std::fs::read_to_string(repo().join("themes/default/static/css/loa.css")).unwrap();
    assert!(css.len() < src.len());
    assert!(
        !css.contains("\n\n") && !css.contains("{\n"),
        "CSS not minified"
    );
}

#[test]
fn every_page_has_the_accessible_skeleton() {
    let s = fixture("basic");
    s.build_ok();
    for f in html_files(&s.out) {
        let html = s.read(&f);
        let html_tag = start_tags(&html, "html");
        assert_eq!(attr(html_tag[0], "lang").as_deref(), Some("vi"), "{f}");
        assert_eq!(html.matches("<h1").count(), 1, "{f}: not exactly one <h1>");
        let body = &html[html.find("<body").expect("body")..];
        let first_a = start_tags(body, "a")[0];
        assert_eq!(attr(first_a, "href").as_deref(), Some("#noi-dung"), "{f}");
        assert_eq!(attr(first_a, "class").as_deref(), Some("skip-link"), "{f}");
        let main = start_tags(&html, "main");
        assert_eq!(main.len(), 1, "{f}");
        assert_eq!(attr(main[0], "id").as_deref(), Some("noi-dung"), "{f}");
        assert_eq!(html.matches("<main").count(), 1);
    }
    let h = s.read("tin-tuc/hoi-nghi-toan-quoc/index.html");
    assert!(h.contains("<h1>Hội nghị trực tuyến toàn quốc</h1>"));
    assert!(h.contains("<title>Hội nghị trực tuyến toàn quốc – Bầu cử thử nghiệm</title>"));
    assert!(
        !s.out.join("tin-tuc/hoi-nghi").exists(),
        "slug override ignored"
    );
}

#[test]
fn breadcrumbs_lead_from_home_to_the_parent() {
    let s = fixture("basic");
    s.build_ok();
    let html = s.read("huong-dan/cu-tri/danh-sach/index.html");
    let start = html.find("breadcrumbs").expect("breadcrumbs nav");
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    let hrefs = attr_values(nav, "href");
    assert_eq!(hrefs, ["../../../", "../../", "../"]);
    let texts: Vec<&str> = elements(nav, "a").into_iter().collect();
    assert_eq!(texts, ["Trang chủ", "Hướng dẫn", "Dành cho cử tri"]);
    assert!(
        nav.contains("aria-current=page>Danh sách cử tri</li>"),
        "{nav}"
    );
    // The home page has none.
    assert!(!s.read("index.html").contains("breadcrumbs"));
}

#[test]
fn dates_localities_and_content_parts_are_rendered() {
    let s = fixture("basic");
    s.build_ok();
    let lich = s.read("huong-dan/lich/index.html");
    let dt = attr_values(&lich, "datetime");
    assert_eq!(dt, ["2021-05-01", "2021-05-25"]);
    assert!(
        lich.contains("ngày 01 tháng 5 năm 2021"),
        "long Vietnamese date"
    );

    let list = s.read("tin-tuc/index.html");
    let dt = attr_values(&list, "datetime");
    assert_eq!(
        dt,
        ["2021-03-10", "2021-02-25", "2021-01-21"],
        "listing newest first"
    );
    assert!(list.contains("Thứ Tư, 10/03/2021"));
    assert!(list.contains("Bắc Kạn") && list.contains("Hải Phòng"));
    let bk = s.read("tin-tuc/bac-kan/index.html");
    assert!(bk.contains("Bắc Kạn"));

    let ds = s.read("huong-dan/cu-tri/danh-sach/index.html");
    let ids = ids(&ds);
    for id in [
        "ai-duoc-ghi-ten",
        "truong-hop-dac-biet",
        "mau-phieu",
        "fn-1",
        "fn-2",
    ] {
        assert!(ids.iter().any(|i| i == id), "no id {id} in {ids:?}");
    }
    assert!(ds.contains("<table>") || ds.contains("<table "), "table");
    assert!(
        ds.contains("table-wrap"),
        "tables are wrapped for small screens"
    );
    assert!(
        ds.contains("<th>Nhóm</th>") || ds.contains("<th>Nhóm"),
        "table header"
    );
    let hrefs = attr_values(&ds, "href");
    assert!(hrefs.iter().any(|h| h == "#fn-1"), "footnote reference");
    assert!(
        hrefs.iter().any(|h| h == "#truong-hop-dac-biet"),
        "table of contents"
    );
    assert!(
        ds.contains("85/2015/QH13") && ds.contains("Quốc hội"),
        "sources"
    );
    let src = attr_values(&ds, "src");
    assert_eq!(src, ["../mau-phieu.svg"]);
}
