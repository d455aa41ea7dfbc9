//! Listings and addresses beyond the basic shape: feed order and size, the main menu, alias
//! redirects, section slugs, and escaping of titles.

mod common;

use common::*;

#[test]
fn a_feed_is_newest_first_whatever_the_section_order() {
    // The section lists by weight, the oldest page first; the newest page has the largest
    // weight and would be the 51st by weight: a feed of 50 entries must still carry it.
    let mut files: Vec<(String, String)> = vec![
        (
            "content/_index.md".into(),
            "---\ntitle: Trang chủ\n---\n".into(),
        ),
        (
            "content/tin/_index.md".into(),
            "---\ntitle: Tin\nfeed: true\n---\n".into(),
        ),
    ];
    for i in 0..51 {
        let day = jiff_day(i);
        files.push((
            format!("content/tin/tin-{i:02}.md"),
            format!("---\ntitle: \"Tin số {i}\"\ndate: {day}\nweight: {i}\n---\n\nTin.\n"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let s = site_from(&refs);
    s.build_ok();
    // The section page keeps its own order.
    let list = s.read("tin/index.html");
    assert!(list.find("Tin số 0<").unwrap() < list.find("Tin số 1<").unwrap());

    let xml = s.read("tin/atom.xml");
    let titles: Vec<&str> = elements(&xml, "entry")
        .iter()
        .map(|e| elements(e, "title")[0])
        .collect();
    assert_eq!(titles.len(), 50);
    assert_eq!(titles[0], "Tin số 50", "newest entry first");
    assert_eq!(titles[49], "Tin số 1", "the oldest one is dropped");
}

/// 2021-01-01 plus `i` days (i < 59), as `YYYY-MM-DD`.
fn jiff_day(i: usize) -> String {
    if i < 31 {
        format!("2021-01-{:02}", i + 1)
    } else {
        format!("2021-02-{:02}", i - 30)
    }
}

#[test]
fn the_menu_marks_the_current_page_and_section() {
    let s = fixture("basic");
    s.build_ok();
    let nav = |file: &str| -> Vec<(String, Option<String>, String)> {
        let html = s.read(file);
        let start = html.find("site-nav").expect("menu");
        let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
        let texts = elements(nav, "a");
        start_tags(nav, "a")
            .iter()
            .zip(texts)
            .map(|(t, text)| {
                (
                    attr(t, "href").unwrap(),
                    attr(t, "aria-current"),
                    text.to_string(),
                )
            })
            .collect()
    };
    let titles: Vec<String> = nav("index.html").into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(
        titles,
        ["Hướng dẫn", "Tin tức", "Giới thiệu"],
        "weight order"
    );
    let on_page = nav("huong-dan/cu-tri/danh-sach/index.html");
    assert_eq!(
        on_page[0],
        ("../../".into(), Some("true".into()), "Hướng dẫn".into())
    );
    assert_eq!(on_page[1].1, None);
    let on_section = nav("tin-tuc/index.html");
    assert_eq!(
        on_section[1],
        ("./".into(), Some("page".into()), "Tin tức".into())
    );
    let on_top_page = nav("gioi-thieu/index.html");
    assert_eq!(on_top_page[2].1.as_deref(), Some("page"));
}

#[test]
fn aliases_redirect_with_relative_urls() {
    let s = fixture("basic");
    let p = "content/huong-dan/lich.md";
    let text = std::fs::read_to_string(s.root.join(p)).unwrap();
    let with_alias = text.replacen(
        "---\n",
        "---\naliases: [\"/lich-cu/\", \"huong-dan/lich-bau-cu\"]\n",
        1,
    );
    s.write(p, &with_alias);
    s.build_ok();
    let old = s.read("lich-cu/index.html");
    assert!(old.contains("url=../huong-dan/lich/\""), "{old}");
    assert!(attr_values(&old, "href").contains(&"../huong-dan/lich/".to_string()));
    let moved = s.read("huong-dan/lich-bau-cu/index.html");
    assert!(
        attr_values(&moved, "href").contains(&"../lich/".to_string()),
        "{moved}"
    );
    assert!(check_links(&s.out, "/", false).problems.is_empty());

    let mut o = s.opts();
    o.offline = true;
    loa::build(&o).unwrap();
    let old = s.read("lich-cu/index.html");
    assert!(old.contains("url=../huong-dan/lich/index.html\""), "{old}");

    // An alias may not take the address of a page.
    s.write(
        p,
        text.replacen("---\n", "---\naliases: [\"tin-tuc\"]\n", 1),
    );
    let d = s.build_err();
    assert_eq!(codes(&d), ["url-collision"], "{d}");
    assert_eq!(d.0[0].line, 2);
}

#[test]
fn a_section_slug_moves_its_pages_and_files() {
    let s = fixture("basic");
    let p = "content/huong-dan/cu-tri/_index.md";
    let text = std::fs::read_to_string(s.root.join(p)).unwrap();
    s.write(p, text.replacen("---\n", "---\nslug: \"Cử tri\"\n", 1));
    s.build_ok();
    assert!(s.has("huong-dan/cu-tri/danh-sach/index.html"));
    s.write(
        p,
        text.replacen("---\n", "---\nslug: \"Người đi bầu\"\n", 1),
    );
    s.build_ok();
    assert!(!s.out.join("huong-dan/cu-tri").exists());
    assert!(s.has("huong-dan/nguoi-di-bau/index.html"));
    assert!(s.has("huong-dan/nguoi-di-bau/danh-sach/index.html"));
    assert!(s.has("huong-dan/nguoi-di-bau/mau-phieu.svg"));
    assert!(check_links(&s.out, "/", false).problems.is_empty());
    assert!(
        s.read("sitemap.xml")
            .contains("https://example.org/huong-dan/nguoi-di-bau/bo-phieu/")
    );
}

#[test]
fn titles_and_descriptions_are_escaped_everywhere() {
    let nasty = "Hỏi <b>đáp</b> & \\\"trả lời\\\" 'x'";
    let s = site_from(&[
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
        (
            "content/tin/_index.md",
            "---\ntitle: Tin\nfeed: true\nsort_by: date\nin_menu: true\n---\n",
        ),
        (
            "content/tin/a.md",
            &format!(
                "---\ntitle: \"{nasty}\"\ndescription: \"{nasty}\"\nlocality: \"{nasty}\"\ndate: 2021-01-01\naliases: [cu]\n---\n"
            ),
        ),
    ]);
    s.build_ok();
    for (path, bytes) in tree(&s.out) {
        if path.ends_with(".png") {
            continue; // the theme's share image
        }
        let text = String::from_utf8(bytes).unwrap();
        // Inside `<title>` and quoted attributes `<b>` is only text; in the body it is a tag.
        let body = match text.find("<body") {
            Some(i) => &text[i..],
            None if path.ends_with(".xml") => &text,
            None => continue,
        };
        assert!(!body.contains("<b>"), "{path}: unescaped title\n{text}");
    }
    let page = s.read("tin/a/index.html");
    assert!(
        page.contains("<h1>Hỏi &lt;b>đáp&lt;/b> & \"trả lời\" 'x'</h1>"),
        "{page}"
    );
    assert!(page.contains("<title>Hỏi <b>đáp</b> & \"trả lời\" 'x' – Thử</title>"));
    let alias = s.read("cu/index.html");
    assert!(
        alias.contains("<a href=\"../tin/a/\">Hỏi &lt;b&gt;đáp"),
        "{alias}"
    );
    let feed = s.read("tin/atom.xml");
    assert!(
        feed.contains("<title>Hỏi &lt;b&gt;đáp&lt;/b&gt; &amp;"),
        "{feed}"
    );
}
