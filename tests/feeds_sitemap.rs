//! Feeds and sitemaps read back with real tools (`common::validate`): every Atom feed of the
//! bundled site and of the `civic` fixture parses cleanly with Python's `feedparser`, has the
//! entries its content calls for, newest first, and links only to built pages by absolute URL;
//! each `sitemap.xml` validates with `xmllint` against the sitemaps.org schema and lists exactly
//! the built pages. The last tests break a feed and a sitemap on purpose, to show that the
//! tools catch what they are here to catch.

mod common;

use common::civic::{HOST, texts};
use common::validate::*;
use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The offset of every date in the feeds: both sites are in Asia/Ho_Chi_Minh (no DST), so
/// the RFC 3339 strings also sort in time order.
const OFFSET: &str = "+07:00";

/// A built site: its output folder (kept while `_tmp` lives) and its `base_url`.
struct Built {
    _tmp: tempfile::TempDir,
    out: PathBuf,
    base: String,
}

impl Built {
    /// The output files called `name`, relative to the output folder, with `/`.
    fn files_named(&self, name: &str) -> Vec<String> {
        tree(&self.out)
            .into_keys()
            .filter(|p| p.rsplit('/').next() == Some(name))
            .collect()
    }

    /// The built pages, as the URL paths of their folders (`""` for the home page,
    /// `"tin-tuc/"`…): every `index.html` but the redirect pages of `aliases:` and the search
    /// page (which search engines need not list).
    fn pages(&self) -> BTreeSet<String> {
        self.files_named("index.html")
            .into_iter()
            .filter(|f| f != "tim-kiem/index.html")
            .filter(|f| {
                let html = read(&self.out, f);
                !(html.contains("http-equiv=\"refresh\"") || html.contains("http-equiv=refresh"))
            })
            .map(|f| f.strip_suffix("index.html").unwrap().to_string())
            .collect()
    }

    /// The page a URL of the site leads to (`tin-tuc/x/index.html`), if it was built.
    fn page_file(&self, url: &str) -> Option<String> {
        let rel = url.strip_prefix(&self.base)?;
        if !(rel.is_empty() || rel.ends_with('/')) {
            return None;
        }
        let file = format!("{rel}index.html");
        self.out.join(&file).is_file().then_some(file)
    }

    /// Every `atom.xml` of the output, found by walking it, parsed with `feedparser`.
    fn feeds(&self) -> BTreeMap<String, Value> {
        self.files_named("atom.xml")
            .into_iter()
            .map(|rel| {
                let feed = parse_feed(&self.out.join(&rel));
                (rel, feed)
            })
            .collect()
    }
}

/// The `base_url:` of a `site.yaml`.
fn base_url(site_yaml: &Path) -> String {
    let text = std::fs::read_to_string(site_yaml).unwrap();
    let url = text
        .lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .unwrap_or_else(|| panic!("no base_url in {}", site_yaml.display()))
        .trim()
        .trim_matches('"')
        .to_string();
    assert!(url.starts_with("https://") && url.ends_with('/'), "{url}");
    url
}

/// The bundled site at the repository root, built at `NOW`.
fn bundled() -> Built {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let mut opts = loa::Options::new(repo());
    opts.output = Some(out.clone());
    opts.now = loa::BuildTime::Civil(NOW.into());
    loa::build(&opts).unwrap_or_else(|d| panic!("the bundled site does not build:\n{d}"));
    Built {
        _tmp: tmp,
        out,
        base: base_url(&repo().join("site.yaml")),
    }
}

/// The `civic` fixture, built at `NOW`.
fn civic() -> Built {
    let TestSite { tmp, root, out } = common::civic::civic_at(NOW);
    let base = base_url(&root.join("site.yaml"));
    assert_eq!(base, format!("https://{HOST}/"));
    Built {
        _tmp: tmp,
        out,
        base,
    }
}

fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

/// Checks what holds for every feed of `b` and returns, for each feed, its entries' links
/// relative to the base URL, in feed order.
fn check_feeds(b: &Built) -> BTreeMap<String, Vec<String>> {
    let feeds = b.feeds();
    assert!(!feeds.is_empty(), "no atom.xml in {}", b.out.display());
    let mut linked = BTreeMap::new();
    for (rel, feed) in &feeds {
        // Where the feed is, and the page it belongs to.
        let dir = rel.strip_suffix("atom.xml").unwrap();
        assert_eq!(
            text(&feed["self"]),
            format!("{}{rel}", b.base),
            "{rel}: self link"
        );
        assert_eq!(
            text(&feed["id"]),
            format!("{}{dir}", b.base),
            "{rel}: feed id"
        );
        assert!(
            b.page_file(text(&feed["id"])).is_some(),
            "{rel}: the feed's page {dir} is not built"
        );

        let entries = feed["entries"].as_array().unwrap();
        assert!(!entries.is_empty(), "{rel} has no entries");
        let mut links = Vec::new();
        for e in entries {
            let link = text(&e["link"]);
            assert!(
                link.starts_with(&b.base),
                "{rel}: entry link {link} is not an absolute URL under {}",
                b.base
            );
            assert_eq!(
                text(&e["id"]),
                link,
                "{rel}: the entry id is its page's URL"
            );
            let file = b
                .page_file(link)
                .unwrap_or_else(|| panic!("{rel}: entry link {link} is not a built page"));
            let h1: Vec<String> = texts(&read(&b.out, &file), "h1")
                .iter()
                .map(|t| decode_entities(t))
                .collect();
            assert_eq!(h1, [text(&e["title"])], "{rel}: the title of {link}");
            let (published, updated) = (text(&e["published"]), text(&e["updated"]));
            assert!(
                published.ends_with(OFFSET) && updated.ends_with(OFFSET),
                "{rel}: {link}: {published} / {updated} not in the site's time zone"
            );
            assert!(
                updated >= published,
                "{rel}: {link} updated before published"
            );
            links.push(link.strip_prefix(&b.base).unwrap().to_string());
        }

        // Newest first, and the feed is as new as its newest entry.
        let published: Vec<&str> = entries.iter().map(|e| text(&e["published"])).collect();
        assert!(
            published.windows(2).all(|w| w[0] >= w[1]),
            "{rel}: entries not newest first: {published:?}"
        );
        let newest = entries.iter().map(|e| text(&e["updated"])).max().unwrap();
        assert_eq!(text(&feed["updated"]), newest, "{rel}: feed updated");
        linked.insert(rel.clone(), links);
    }
    linked
}

/// Validates `b`'s sitemap with xmllint, checks that it lists each built page once and nothing
/// else, and that its `lastmod`s agree with the feeds. Returns the number of URLs.
fn check_sitemap(b: &Built) -> usize {
    validate_sitemap(&b.out.join("sitemap.xml"));
    let xml = read(&b.out, "sitemap.xml");
    let mut listed: BTreeMap<String, Option<String>> = BTreeMap::new();
    for url in elements(&xml, "url") {
        let loc = elements(url, "loc");
        assert_eq!(loc.len(), 1, "{url}");
        let loc = decode_entities(loc[0]);
        let lastmod = elements(url, "lastmod").first().map(|s| s.to_string());
        assert!(
            listed.insert(loc.clone(), lastmod).is_none(),
            "{loc} is listed twice"
        );
    }
    let listed_set: BTreeSet<&String> = listed.keys().collect();
    let built: BTreeSet<String> = b
        .pages()
        .into_iter()
        .map(|p| format!("{}{p}", b.base))
        .collect();
    let built_set: BTreeSet<&String> = built.iter().collect();
    let missing: Vec<_> = built_set.difference(&listed_set).collect();
    let extra: Vec<_> = listed_set.difference(&built_set).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "sitemap.xml and the built pages differ:\n  built but not listed: {missing:?}\n  \
         listed but not built: {extra:?}"
    );
    assert!(b.out.join("404.html").is_file());
    for not_a_page in ["404.html", "404/"] {
        let url = format!("{}{not_a_page}", b.base);
        assert!(!listed.contains_key(&url), "{url} is in the sitemap");
    }

    // A page in a feed has the same last change in the sitemap.
    for (rel, feed) in b.feeds() {
        for e in feed["entries"].as_array().unwrap() {
            let link = text(&e["link"]);
            assert_eq!(
                listed[link].as_deref(),
                Some(&text(&e["updated"])[..10]),
                "{rel}: {link}: the sitemap's lastmod and the feed's updated differ"
            );
        }
    }
    listed.len()
}

/// Top-level `key: value` lines of a Markdown file's front matter, values unquoted.
fn front_matter(md: &str) -> BTreeMap<String, String> {
    let mut lines = md.lines();
    assert_eq!(lines.next().map(str::trim_end), Some("---"));
    lines
        .take_while(|l| l.trim_end() != "---")
        .filter(|l| !l.starts_with([' ', '\t', '-', '#']))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The bundled site

#[test]
fn bundled_feeds_parse_and_link_to_built_pages() {
    let b = bundled();
    let feeds = check_feeds(&b);

    // What the content calls for, read from the Markdown files themselves: a feed for each
    // section whose `_index.md` says `feed: true`, with the section's dated pages; a feed on each
    // locality's page with the dated pages naming that locality.
    let content = repo().join("content");
    let mut section_feeds: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_locality: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let sources: Vec<(String, BTreeMap<String, String>)> = tree(&content)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".md"))
        .map(|(p, bytes)| {
            let fm = front_matter(&String::from_utf8(bytes).unwrap());
            (p, fm)
        })
        .collect();
    for (p, fm) in &sources {
        if let Some(dir) = p.strip_suffix("_index.md")
            && fm.get("feed").map(String::as_str) == Some("true")
        {
            section_feeds.insert(format!("{dir}atom.xml"), BTreeSet::new());
        }
    }
    assert_eq!(
        section_feeds.keys().collect::<Vec<_>>(),
        ["tin-tuc/atom.xml"]
    );
    for (p, fm) in &sources {
        if p.ends_with("_index.md")
            || !fm.contains_key("date")
            || fm.get("draft").map(String::as_str) == Some("true")
        {
            continue;
        }
        let (dir, file) = p.rsplit_once('/').map_or(("", p.as_str()), |(d, f)| (d, f));
        let slug = fm
            .get("slug")
            .cloned()
            .unwrap_or_else(|| file.strip_suffix(".md").unwrap().to_string());
        let url = if dir.is_empty() {
            format!("{slug}/")
        } else {
            format!("{dir}/{slug}/")
        };
        if let Some(pages) = section_feeds.get_mut(&format!("{dir}/atom.xml")) {
            pages.insert(url.clone());
        }
        if let Some(l) = fm.get("locality") {
            by_locality.entry(l.clone()).or_default().insert(url);
        }
    }
    assert!(by_locality.len() >= 3, "{by_locality:?}");

    // Each section feed has the section's dated pages; every other feed is a locality's.
    for (rel, pages) in &section_feeds {
        let got = feeds
            .get(rel)
            .unwrap_or_else(|| panic!("no {rel}; feeds: {:?}", feeds.keys()));
        assert_eq!(
            &got.iter().cloned().collect::<BTreeSet<_>>(),
            pages,
            "{rel}"
        );
        assert_eq!(got.len(), pages.len(), "{rel}: a page twice");
    }
    let site_title = " – Thông tin bầu cử 2021";
    let mut locality_feeds = BTreeMap::new();
    for (rel, links) in feeds
        .iter()
        .filter(|(r, _)| !section_feeds.contains_key(*r))
    {
        assert!(rel.starts_with("dia-phuong/"), "an unexpected feed: {rel}");
        let feed = parse_feed(&b.out.join(rel));
        let name = text(&feed["title"])
            .strip_suffix(site_title)
            .unwrap_or_else(|| panic!("{rel}: feed title {}", feed["title"]))
            .to_string();
        assert_eq!(
            links.len(),
            links.iter().collect::<BTreeSet<_>>().len(),
            "{rel}"
        );
        locality_feeds.insert(name, links.iter().cloned().collect::<BTreeSet<_>>());
    }
    assert_eq!(locality_feeds, by_locality);
    assert_eq!(feeds.len(), section_feeds.len() + by_locality.len());
}

#[test]
fn bundled_sitemap_validates_and_lists_every_page() {
    let b = bundled();
    let n = check_sitemap(&b);
    assert!(n >= 20, "only {n} URLs");
}

// ---------------------------------------------------------------------------------------------
// The civic fixture

#[test]
fn civic_feeds_parse_and_link_to_built_pages() {
    let b = civic();
    let feeds = check_feeds(&b);
    let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let expected: BTreeMap<String, Vec<String>> = [
        // "Hoà Bình" and "Hòa Bình" in front matter are the same locality.
        (
            "dia-phuong/hoa-binh/atom.xml",
            list(&["tin-tuc/hiep-thuong/", "tin-tuc/hoi-nghi/"]),
        ),
        ("dia-phuong/lang-son/atom.xml", list(&["tin-tuc/lang-son/"])),
        (
            "tin-tuc/atom.xml",
            list(&[
                "tin-tuc/lang-son/",
                "tin-tuc/hiep-thuong/",
                "tin-tuc/hoi-nghi/",
            ]),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // Hà Nội has a page but no dated one: no feed.
    assert_eq!(feeds, expected);

    let hb = parse_feed(&b.out.join("dia-phuong/hoa-binh/atom.xml"));
    assert_eq!(text(&hb["title"]), "Hòa Bình – Bầu cử ở Hòa Bình");
    assert_eq!(text(&hb["updated"]), "2021-02-04T00:00:00+07:00");
}

#[test]
fn civic_sitemap_validates_and_lists_every_page() {
    let b = civic();
    let n = check_sitemap(&b);
    assert!(n >= 20, "only {n} URLs");
}

// ---------------------------------------------------------------------------------------------
// The tools catch what they are here to catch

/// Writes `text` to `name` in a scratch folder kept by `dir`.
fn scratch(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// `s` with `from` replaced once; fails the test when `from` is not in `s`.
fn replace_once(s: &str, from: &str, to: &str) -> String {
    assert!(s.contains(from), "{from:?} not found");
    s.replacen(from, to, 1)
}

#[test]
fn the_feed_check_rejects_broken_feeds() {
    let b = civic();
    let good = read(&b.out, "tin-tuc/atom.xml");
    let tmp = tempfile::tempdir().unwrap();
    let check = |name: &str, xml: &str| check_feed(&scratch(&tmp, name, xml));

    // The feed as built passes.
    assert!(check("good.xml", &good).is_ok());

    // The first entry without its id.
    let entry = good.find("<entry>").unwrap();
    let id_start = entry + good[entry..].find("<id>").unwrap();
    let id_end = id_start + good[id_start..].find("</id>").unwrap() + "</id>".len();
    let no_id = format!("{}{}", &good[..id_start], &good[id_end..]);
    let err = check("no-id.xml", &no_id).unwrap_err();
    assert!(
        err.contains("entry 1") && err.contains("has no id"),
        "{err}"
    );

    // Not well-formed: an element left open.
    let open = replace_once(&good, "</entry>", "");
    let err = check("open.xml", &open).unwrap_err();
    assert!(err.contains("bozo"), "{err}");

    // Not well-formed: a bare `&` in a title.
    let amp = replace_once(&good, "<title>Lạng Sơn", "<title>Lạng Sơn & ");
    let err = check("amp.xml", &amp).unwrap_err();
    assert!(err.contains("bozo"), "{err}");

    // An entry date feedparser cannot read.
    let date = replace_once(
        &good,
        "<updated>2021-02-10T00:00:00+07:00</updated>\n<category",
        "<updated>ngày 10/02/2021</updated>\n<category",
    );
    let err = check("date.xml", &date).unwrap_err();
    assert!(
        err.contains("updated") && err.contains("not a date"),
        "{err}"
    );

    // No self link.
    let no_self = replace_once(&good, "rel=\"self\"", "rel=\"related\"");
    let err = check("no-self.xml", &no_self).unwrap_err();
    assert!(err.contains("self"), "{err}");

    // RSS is not Atom.
    let rss = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
               <title>T</title><link>https://example.org/</link><description>D</description>\
               </channel></rss>\n";
    let err = check("rss.xml", rss).unwrap_err();
    assert!(err.contains("not an Atom 1.0 feed"), "{err}");
}

#[test]
fn xmllint_rejects_bad_sitemaps() {
    let b = civic();
    let good = read(&b.out, "sitemap.xml");
    let tmp = tempfile::tempdir().unwrap();
    let check = |name: &str, xml: &str| sitemap_errors(&scratch(&tmp, name, xml));
    let page = format!("<loc>https://{HOST}/tin-tuc/hiep-thuong/</loc>");

    // The sitemap as built passes.
    assert_eq!(check("good.xml", &good), Ok(()));

    // A relative `<loc>`, long enough for the official schema's 12 characters.
    let relative = replace_once(&good, &page, "<loc>/tin-tuc/hiep-thuong/</loc>");
    let err = check("relative.xml", &relative).unwrap_err();
    assert!(
        err.contains("'/tin-tuc/hiep-thuong/' is not accepted by the pattern"),
        "{err}"
    );

    // A `lastmod` written day first, and one that is no date at all.
    let lastmod = format!("{page}<lastmod>2021-02-04</lastmod>");
    for bad in ["04/02/2021", "2021-02-30"] {
        let xml = replace_once(&good, &lastmod, &format!("{page}<lastmod>{bad}</lastmod>"));
        let err = check("lastmod.xml", &xml).unwrap_err();
        assert!(
            err.contains(&format!("'{bad}' is not a valid value")) && err.contains("lastmod"),
            "{err}"
        );
    }

    // `lastmod` before `loc`, a `changefreq` not in the list, a `priority` over 1.
    let swapped = replace_once(
        &good,
        &lastmod,
        &format!("<lastmod>2021-02-04</lastmod>{page}"),
    );
    assert!(check("order.xml", &swapped).is_err());
    for extra in [
        "<changefreq>sometimes</changefreq>",
        "<priority>1.5</priority>",
    ] {
        let xml = replace_once(&good, &lastmod, &format!("{lastmod}{extra}"));
        assert!(check("extra.xml", &xml).is_err(), "{extra} passed");
    }

    // Not well-formed, and the wrong namespace.
    let open = replace_once(&good, "</urlset>", "");
    assert!(
        check("open.xml", &open)
            .unwrap_err()
            .contains("parser error")
    );
    let ns = good.replace("sitemaps.org/schemas/sitemap/0.9", "example.org/sitemap");
    assert!(check("ns.xml", &ns).is_err());
}
