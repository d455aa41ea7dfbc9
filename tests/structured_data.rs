//! Sharing and structured data on every page of the bundled site and the `civic` fixture: the
//! canonical URL, Open Graph (`vi_VN`, an absolute share image that is published), and every
//! JSON-LD block parsed, with the properties each type needs.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The bundled site (the repository root) built into a scratch folder.
fn bundled() -> TestSite {
    let s = fixture("basic");
    std::fs::remove_dir_all(&s.root).unwrap();
    for d in ["content", "themes"] {
        copy_dir(&repo().join(d), &s.root.join(d));
    }
    std::fs::copy(repo().join("site.yaml"), s.root.join("site.yaml")).unwrap();
    s.build_ok();
    s
}

/// The value of `<meta property|name=… content=…>` in `html`.
fn meta(html: &str, key: &str) -> Option<String> {
    start_tags(html, "meta")
        .into_iter()
        .find(|t| attr(t, "property").or_else(|| attr(t, "name")).as_deref() == Some(key))
        .and_then(|t| attr(t, "content"))
}

/// Every JSON-LD node of `html` (the members of each block's `@graph`).
fn nodes(html: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for (t, body) in start_tags(html, "script")
        .into_iter()
        .zip(elements(html, "script"))
    {
        if attr(t, "type").as_deref() != Some("application/ld+json") {
            continue;
        }
        assert!(!body.contains('<'), "`<` inside JSON-LD: {body}");
        let v: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
        assert_eq!(v["@context"], "https://schema.org");
        out.extend(v["@graph"].as_array().expect("a @graph").iter().cloned());
    }
    out
}

fn text(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| panic!("`{key}` missing or empty in {v}"))
        .to_string()
}

/// Checks the properties each type needs; returns the types seen.
fn check_node(n: &Value, base: &str, page_url: &str) -> String {
    let ty = text(n, "@type");
    match ty.as_str() {
        "GovernmentOrganization" => {
            text(n, "name");
            assert_eq!(text(n, "url"), base);
        }
        "BreadcrumbList" => {
            let items = n["itemListElement"].as_array().expect("items");
            assert!(items.len() >= 2, "{n}");
            for (i, it) in items.iter().enumerate() {
                assert_eq!(it["@type"], "ListItem");
                assert_eq!(it["position"], i + 1);
                text(it, "name");
                assert!(text(it, "item").starts_with(base), "{it}");
            }
            assert_eq!(items[0]["item"], base);
            assert_eq!(items.last().unwrap()["item"], page_url);
        }
        "NewsArticle" => {
            assert!(text(n, "headline").chars().count() <= 110);
            for k in ["datePublished", "dateModified"] {
                let t = text(n, k);
                t.parse::<jiff::Timestamp>()
                    .unwrap_or_else(|e| panic!("{k} {t}: {e}"));
            }
            assert_eq!(text(n, "url"), page_url);
            let img = n["image"][0].as_str().expect("an image");
            assert!(img.starts_with(base), "{img}");
            assert!(n["publisher"]["@id"].is_string() && n["author"]["@id"].is_string());
        }
        "Event" => {
            text(n, "name");
            let (s, e) = (text(n, "startDate"), text(n, "endDate"));
            let (s, e): (jiff::civil::Date, jiff::civil::Date) =
                (s.parse().unwrap(), e.parse().unwrap());
            assert!(s <= e, "{n}");
            text(&n["location"], "name");
            assert!(text(n, "url").starts_with(&format!("{page_url}#loa-moc-")));
        }
        "Legislation" => {
            for k in [
                "name",
                "legislationIdentifier",
                "legislationType",
                "abstract",
            ] {
                text(n, k);
            }
            text(&n["legislationPassedBy"], "name");
            assert_eq!(text(n, "url"), page_url);
        }
        "FAQPage" => {
            let q = n["mainEntity"].as_array().expect("questions");
            assert!(!q.is_empty());
            for e in q {
                assert!(text(e, "name").ends_with('?'), "{e}");
                text(&e["acceptedAnswer"], "text");
            }
        }
        other => panic!("unexpected type {other}"),
    }
    ty
}

/// Checks every page of a built site; returns how many pages carry each type.
fn check_site(s: &TestSite, base: &str) -> BTreeMap<String, usize> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for f in html_files(&s.out) {
        // The 404 and search pages are not for search engines (`noindex`).
        if f == "404.html" || f == "tim-kiem/index.html" {
            continue;
        }
        let html = s.read(&f);
        if html.contains("http-equiv=refresh") {
            continue; // an alias redirect
        }
        let url = format!("{base}{}", f.trim_end_matches("index.html"));
        let canonical = start_tags(&html, "link")
            .into_iter()
            .find(|t| attr(t, "rel").as_deref() == Some("canonical"))
            .and_then(|t| attr(t, "href"));
        assert_eq!(canonical.as_deref(), Some(url.as_str()), "{f}");
        assert_eq!(meta(&html, "og:url").as_deref(), Some(url.as_str()), "{f}");
        assert_eq!(meta(&html, "og:locale").as_deref(), Some("vi_VN"), "{f}");
        let img = meta(&html, "og:image").unwrap_or_else(|| panic!("{f}: no og:image"));
        let rel = img
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{f}: {img}"));
        assert!(
            Path::new(&s.out).join(rel).is_file(),
            "{img} is not published"
        );
        assert!(
            meta(&html, "og:image:alt").is_some_and(|a| !a.is_empty()),
            "{f}"
        );
        let mut types: Vec<String> = nodes(&html)
            .iter()
            .map(|n| check_node(n, base, &url))
            .collect();
        assert!(types.contains(&"GovernmentOrganization".to_string()), "{f}");
        types.dedup();
        for t in types {
            *seen.entry(t).or_default() += 1;
        }
    }
    seen
}

#[test]
fn every_page_of_the_bundled_site_has_valid_sharing_and_structured_data() {
    let s = bundled();
    let seen = check_site(&s, "https://loa.example.org/");
    // Updates are news articles, documents legislation, the questions FAQ pages.
    assert!(
        seen.get("NewsArticle").copied().unwrap_or(0) >= 5,
        "{seen:?}"
    );
    assert_eq!(seen.get("Legislation").copied(), Some(14), "{seen:?}");
    assert_eq!(seen.get("FAQPage").copied(), Some(3), "{seen:?}");
    assert_eq!(seen.get("Event").copied(), Some(1), "{seen:?}");
    // The schedule page has one Event per milestone.
    let events = nodes(&s.read("lich-bau-cu/index.html"))
        .into_iter()
        .filter(|n| n["@type"] == "Event")
        .count();
    assert_eq!(events, 20);
}

#[test]
fn the_civic_fixture_has_valid_structured_data_too() {
    let s = fixture("civic");
    s.build_ok();
    let seen = check_site(&s, "https://bau-cu.example.org/");
    assert!(
        seen.contains_key("Legislation") && seen.contains_key("Event"),
        "{seen:?}"
    );
}
