//! Every internal link of a built site resolves, read as files: relative URLs by default,
//! `index.html` links with `--offline`, and root-absolute links only on the 404 page, under
//! the path of `base_url`.

mod common;

use common::*;

fn assert_clean(r: &LinkReport) {
    assert!(
        r.problems.is_empty(),
        "{} link problem(s):\n{}",
        r.problems.len(),
        r.problems.join("\n")
    );
}

/// The internal links found in one output file.
fn checked_in<'a>(r: &'a LinkReport, file: &str) -> Vec<&'a str> {
    r.checked
        .iter()
        .filter(|(f, _)| f == file)
        .map(|(_, u)| u.as_str())
        .collect()
}

#[test]
fn every_internal_link_resolves_and_is_relative() {
    let s = fixture("basic");
    s.build_ok();
    let r = check_links(&s.out, "/", false);
    assert_clean(&r);
    // The nested page's links were all seen and checked, content and theme alike.
    let ds = checked_in(&r, "huong-dan/cu-tri/danh-sach/index.html");
    for want in [
        "../bo-phieu/#mang-gi-theo",
        "../../lich/#ngay-bau-cu",
        "../../../tin-tuc/hoi-nghi-toan-quoc/",
        "../../../gioi-thieu/#lien-he",
        "../",
        "../../../tin-tuc/",
        "../../../",
        "../mau-phieu.svg",
        "../../../css/loa.css",
        "../../../tin-tuc/atom.xml",
    ] {
        assert!(ds.contains(&want), "{want} not among {ds:?}");
    }
    // A section two levels down links up and down.
    let cu_tri = checked_in(&r, "huong-dan/cu-tri/index.html");
    for want in ["danh-sach/", "bo-phieu/", "../", "../../"] {
        assert!(cu_tri.contains(&want), "{want} not among {cu_tri:?}");
    }
    // A percent-encoded asset name resolves to the file with the Vietnamese name.
    let bk = checked_in(&r, "tin-tuc/bac-kan/index.html");
    assert!(bk.contains(&"../th%C3%B4ng%20b%C3%A1o.txt"), "{bk:?}");
    assert!(s.has("tin-tuc/thông báo.txt"));
    // Top-level page to a top-level asset and to a nested page's heading.
    let gt = checked_in(&r, "gioi-thieu/index.html");
    assert!(gt.contains(&"../tai-lieu.txt"), "{gt:?}");
    assert!(gt.contains(&"../huong-dan/cu-tri/danh-sach/#ai-duoc-ghi-ten"));
    assert!(
        r.checked.len() > 100,
        "only {} links checked",
        r.checked.len()
    );
}

#[test]
fn the_checker_itself_catches_broken_links() {
    // Guards the test above against passing vacuously.
    let s = fixture("basic");
    s.build_ok();
    let page = s.out.join("huong-dan/lich/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let broken = html.replacen("../../css/loa.css", "../css/loa.css", 1)
        + "<a href=../cu-tri/#khong-co>x</a><a href=/x/>y</a><a href=#khong>z</a>";
    std::fs::write(&page, broken).unwrap();
    let r = check_links(&s.out, "/", false);
    assert_eq!(r.problems.len(), 4, "{:#?}", r.problems);
}

#[test]
fn only_the_404_page_uses_root_absolute_links() {
    let s = fixture("basic");
    s.build_ok();
    let nf = s.read("404.html");
    let l = links(&nf);
    let internal: Vec<&String> = l
        .iter()
        .filter(|u| !is_external(u) && !u.starts_with('#'))
        .collect();
    assert!(!internal.is_empty());
    for u in &internal {
        assert!(u.starts_with('/'), "404.html link `{u}` is relative");
    }
    assert!(internal.iter().any(|u| *u == "/css/loa.css"));
    assert!(internal.iter().any(|u| *u == "/huong-dan/"));
    assert!(internal.iter().any(|u| *u == "/"));
    for f in html_files(&s.out) {
        if f == "404.html" {
            continue;
        }
        for u in links(&s.read(&f)) {
            assert!(!u.starts_with('/'), "{f}: `{u}` starts with /");
        }
    }
}

#[test]
fn offline_links_name_index_html_and_resolve_as_files() {
    let s = fixture("basic");
    let mut o = s.opts();
    o.offline = true;
    loa::build(&o).unwrap_or_else(|d| panic!("{d}"));
    let r = check_links(&s.out, "/", true);
    assert_clean(&r);
    let ds = checked_in(&r, "huong-dan/cu-tri/danh-sach/index.html");
    for want in [
        "../bo-phieu/index.html#mang-gi-theo",
        "../../../index.html",
        "../index.html",
        "../../../tin-tuc/hoi-nghi-toan-quoc/index.html",
        "../mau-phieu.svg",
    ] {
        assert!(ds.contains(&want), "{want} not among {ds:?}");
    }
    let home = checked_in(&r, "index.html");
    assert!(home.contains(&"huong-dan/index.html"), "{home:?}");
    assert!(home.contains(&"index.html"), "{home:?}");
    // Every page link names a file, also on the 404 page.
    for (f, u) in &r.checked {
        let path = u.split('#').next().unwrap();
        assert!(!path.ends_with('/') && !path.is_empty(), "{f}: `{u}`");
    }
}

#[test]
fn a_site_under_a_sub_path_keeps_it_in_absolute_urls() {
    let s = fixture("basic");
    s.write(
        "site.yaml",
        "title: \"Bầu cử thử nghiệm\"\nbase_url: \"https://example.org/bau-cu/\"\n",
    );
    s.build_ok();
    let page = s.read("huong-dan/cu-tri/danh-sach/index.html");
    let canon: Vec<String> = start_tags(&page, "link")
        .iter()
        .filter(|t| attr(t, "rel").as_deref() == Some("canonical"))
        .filter_map(|t| attr(t, "href"))
        .collect();
    assert_eq!(
        canon,
        ["https://example.org/bau-cu/huong-dan/cu-tri/danh-sach/"]
    );
    let home = s.read("index.html");
    assert!(home.contains("https://example.org/bau-cu/"));

    let sitemap = s.read("sitemap.xml");
    let locs = elements(&sitemap, "loc");
    assert_eq!(locs.len(), 11);
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://example.org/bau-cu/")),
        "{locs:?}"
    );
    assert!(locs.contains(&"https://example.org/bau-cu/tin-tuc/hoi-nghi-toan-quoc/"));
    assert!(
        s.read("robots.txt")
            .contains("Sitemap: https://example.org/bau-cu/sitemap.xml")
    );
    let feed = s.read("tin-tuc/atom.xml");
    assert!(feed.contains("href=\"https://example.org/bau-cu/tin-tuc/atom.xml\""));
    assert!(feed.contains("https://example.org/bau-cu/tin-tuc/bac-kan/"));

    // The 404 page is served at any depth: its links start at the sub-path.
    let nf = s.read("404.html");
    let internal: Vec<String> = links(&nf)
        .into_iter()
        .filter(|u| !is_external(u) && !u.starts_with('#'))
        .collect();
    assert!(!internal.is_empty());
    for u in &internal {
        assert!(u.starts_with("/bau-cu/"), "404.html: `{u}`");
    }
    assert!(internal.contains(&"/bau-cu/css/loa.css".to_string()));
    assert!(internal.contains(&"/bau-cu/".to_string()));
    // Everything still resolves, the 404 page's links under /bau-cu/ too.
    assert_clean(&check_links(&s.out, "/bau-cu/", false));
}

#[test]
fn base_url_from_the_command_line_gets_its_trailing_slash() {
    let s = fixture("basic");
    let mut o = s.opts();
    o.base_url = Some("https://example.org/bau-cu".into());
    loa::build(&o).unwrap();
    let sitemap = s.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/bau-cu/huong-dan/</loc>"),
        "{sitemap}"
    );
    assert!(s.read("404.html").contains("href=/bau-cu/css/loa.css"));
}

#[test]
fn footnotes_keep_ids_unique() {
    // A note cited twice, two names with one slug, and a heading whose slug is a note's id.
    let s = site_from(&[
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
        (
            "content/a.md",
            "---\ntitle: A\n---\n\n## Fn 1\n\nLuật[^1] và lại luật[^1]; nguồn[^Á] khác nguồn[^a].\n\n[^1]: Luật Bầu cử.\n[^Á]: Nguồn một.\n[^a]: Nguồn hai.\n",
        ),
    ]);
    s.build_ok();
    let r = check_links(&s.out, "/", false);
    assert!(r.problems.is_empty(), "{}", r.problems.join("\n"));
    let html = s.read("a/index.html");
    let refs: Vec<String> = attr_values(&html, "href")
        .into_iter()
        .filter(|h| h.starts_with("#fn"))
        .collect();
    assert_eq!(refs.len(), 4, "{refs:?}");
    // The two different notes must be told apart.
    assert_ne!(refs[2], refs[3], "[^Á] and [^a] link to the same note");
}
