//! The search index a build writes (ARCHITECTURE.md §11), read back from the output: keys
//! folded so "bau cu", "dai bieu" and "uy ban" meet their marked spellings, variants kept
//! apart for ranking, bigrams for adjacency, chunks in key order, fragments, and the page and
//! header box that lead to it; `search: false` turns it all off.

mod common;

use common::{TestSite, site_from};
use loa::search::encode::{decode, utf16_cmp};
use serde_json::Value;
use std::collections::BTreeMap;

/// The JSON value a search `.js` file stores under `name`.
fn stored(s: &TestSite, path: &str, name: &str) -> Value {
    let js = s.read(path);
    let prefix = format!("(self.loaSearch=self.loaSearch||{{}})[\"{name}\"]=");
    let json = js
        .strip_prefix(&prefix)
        .and_then(|r| r.trim_end().strip_suffix(';'))
        .unwrap_or_else(|| {
            panic!(
                "{path} is not a loaSearch assignment: {}",
                &js[..60.min(js.len())]
            )
        });
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The whole index: manifest, entries by key (with their chunk), fragments by page.
struct Read {
    manifest: Value,
    entries: BTreeMap<String, (usize, Vec<Value>)>,
    fragments: Vec<Value>,
}

impl Read {
    fn of(s: &TestSite) -> Read {
        let manifest = stored(s, "tim-kiem/chi-muc/m.js", "m");
        let chunks = manifest["chunks"].as_array().unwrap().clone();
        let mut entries = BTreeMap::new();
        for n in 0..chunks.len() {
            let chunk = stored(s, &format!("tim-kiem/chi-muc/t/{n}.js"), &format!("t{n}"));
            for e in chunk.as_array().unwrap() {
                let e = e.as_array().unwrap().clone();
                entries.insert(e[0].as_str().unwrap().to_string(), (n, e));
            }
        }
        let pages = manifest["pages"].as_u64().unwrap() as usize;
        let group = manifest["g"].as_u64().unwrap() as usize;
        let fragments: Vec<Value> = (0..pages.div_ceil(group))
            .flat_map(|n| {
                let file = stored(s, &format!("tim-kiem/chi-muc/p/{n}.js"), &format!("p{n}"));
                let list = file.as_array().unwrap().clone();
                // Every file but the last holds a whole group.
                assert_eq!(list.len(), group.min(pages - n * group), "file {n}");
                list
            })
            .collect();
        assert_eq!(fragments.len(), pages);
        Read {
            manifest,
            entries,
            fragments,
        }
    }

    /// Page number of the page at `url` (from the root).
    fn page(&self, url: &str) -> u32 {
        self.fragments
            .iter()
            .position(|f| f["u"] == url)
            .unwrap_or_else(|| panic!("no fragment for {url}")) as u32
    }

    /// A term's variants and their pages.
    fn variants(&self, key: &str) -> Vec<(String, Vec<u32>)> {
        let (_, e) = self
            .entries
            .get(key)
            .unwrap_or_else(|| panic!("no key {key}"));
        e[1..]
            .chunks(2)
            .map(|v| {
                let pages = decode(v[1].as_str().unwrap(), true).expect("postings decode");
                (
                    v[0].as_str().unwrap().to_string(),
                    pages.iter().map(|p| p.0).collect(),
                )
            })
            .collect()
    }

    /// A bigram's pages (weights are 0: bigrams have none).
    fn bigram(&self, key: &str) -> Vec<(u32, u8)> {
        let (_, e) = self
            .entries
            .get(key)
            .unwrap_or_else(|| panic!("no bigram {key}"));
        assert_eq!(e.len(), 2, "a bigram has one postings string");
        decode(e[1].as_str().unwrap(), false).expect("postings decode")
    }
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n---\n\n{body}\n")
}

fn search_site() -> TestSite {
    site_from(&[
        (
            "site.yaml",
            "title: \"Thử tìm kiếm\"\nbase_url: \"https://vi.du/\"\n",
        ),
        ("content/_index.md", &page("Trang chủ", "Chào mừng.")),
        (
            "content/bau-cu/_index.md",
            &page("Bầu cử", "Mọi điều về bầu cử."),
        ),
        (
            "content/bau-cu/lich.md",
            &page(
                "Lịch bầu cử",
                "## Ngày bầu cử\n\nCử tri đi bầu ngày 23/5/2021.",
            ),
        ),
        (
            "content/bau-cu/dang-ky.md",
            &page(
                "Thủ tục",
                "Cử tri **đăng ký** tạm trú. Ủy ban bầu cử nhận đơn.",
            ),
        ),
        (
            "content/bau-cu/binh-dang.md",
            &page(
                "Nguyên tắc",
                "Bình đẳng giữa các cử tri trong mỗi kỳ bầu cử. Uỷ ban kiểm tra.",
            ),
        ),
        (
            "content/dai-bieu.md",
            &page(
                "Đại biểu",
                "Đại biểu Quốc hội. Hòa bình, hoà giải; hóa đơn. Ký tên, kí tên.",
            ),
        ),
    ])
}

#[test]
fn keys_fold_and_variants_keep_their_marks() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let lich = r.page("bau-cu/lich/");
    // "bau" and "cu" are folds; the schedule page has both, and the bigram.
    let bau = r.variants("bau");
    assert_eq!(bau[0].0, "bầu");
    assert!(bau[0].1.contains(&lich));
    assert!(
        r.variants("cu")
            .iter()
            .any(|(v, p)| v == "cử" && p.contains(&lich))
    );
    assert!(r.bigram("bau cu").iter().any(|p| p.0 == lich));
    // "dai" finds "đại"; "dai bieu" is a bigram on that page.
    let dai = r.page("dai-bieu/");
    assert!(
        r.variants("dai")
            .iter()
            .any(|(v, p)| v == "đại" && p.contains(&dai))
    );
    assert!(r.bigram("dai bieu").iter().any(|p| p.0 == dai));
    // "Ủy" and "Uỷ" are one variant under "uy", on both pages.
    let uy = r.variants("uy");
    assert_eq!(uy.len(), 1, "{uy:?}");
    let mut both = [r.page("bau-cu/dang-ky/"), r.page("bau-cu/binh-dang/")];
    both.sort();
    assert_eq!(uy[0].1, both);
    // "hòa"/"hoà" are one variant, "hóa" another, both under "hoa" (written with the
    // modern placement).
    let mut hoa: Vec<String> = r.variants("hoa").into_iter().map(|v| v.0).collect();
    hoa.sort();
    assert_eq!(hoa, ["hoà", "hoá"]);
    // "ký", "kí" and "kỳ" share the key "ki", as three variants.
    let mut ki: Vec<String> = r.variants("ki").into_iter().map(|v| v.0).collect();
    ki.sort();
    assert_eq!(ki, ["kí", "ký", "kỳ"]);
}

#[test]
fn adjacency_is_a_bigram_only_where_words_touch() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let dang_ky = r.page("bau-cu/dang-ky/");
    let binh_dang = r.page("bau-cu/binh-dang/");
    let pages: Vec<u32> = r.bigram("dang ki").iter().map(|p| p.0).collect();
    assert_eq!(pages, [dang_ky], "\"bình đẳng … kỳ\" is not adjacent");
    // The words themselves are on both pages.
    let dang: Vec<u32> = r.variants("dang").into_iter().flat_map(|v| v.1).collect();
    assert!(dang.contains(&dang_ky) && dang.contains(&binh_dang));
    // Sentence punctuation breaks adjacency: "tên, kí" is not a bigram.
    assert!(!r.entries.contains_key("ten ki"));
}

#[test]
fn title_and_headings_weigh_more_than_body() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let (_, e) = &r.entries["lich"];
    let lich = r.page("bau-cu/lich/");
    let w = decode(e[2].as_str().unwrap(), true).unwrap();
    let title_weight = w.iter().find(|p| p.0 == lich).unwrap().1;
    // "ngày" is in a heading and the body of the same page, never in a title.
    let (_, e) = &r.entries["ngay"];
    let w = decode(e[2].as_str().unwrap(), true).unwrap();
    let heading_weight = w.iter().find(|p| p.0 == lich).unwrap().1;
    assert!(
        title_weight > heading_weight,
        "{title_weight} vs {heading_weight}"
    );
    assert!(
        heading_weight > 3,
        "a heading counts more than one body word"
    );
}

#[test]
fn chunks_hold_keys_in_javascript_order() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let firsts: Vec<&str> = r.manifest["chunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(firsts[0], "");
    for pair in firsts.windows(2) {
        assert_eq!(utf16_cmp(pair[0], pair[1]), std::cmp::Ordering::Less);
    }
    for (key, (n, _)) in &r.entries {
        assert!(utf16_cmp(firsts[*n], key).is_le(), "{key} before its chunk");
        if let Some(next) = firsts.get(n + 1) {
            assert!(utf16_cmp(key, next).is_lt(), "{key} past its chunk");
        }
    }
    assert_eq!(r.manifest["v"], loa::search::encode::VERSION);
    assert_eq!(r.manifest["h"].as_str().unwrap().len(), 8);
}

#[test]
fn fragments_name_the_page_its_section_and_text() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let f = &r.fragments[r.page("bau-cu/dang-ky/") as usize];
    assert_eq!(f["t"], "Thủ tục");
    assert_eq!(f["s"], "Bầu cử");
    let x = f["x"].as_str().unwrap();
    assert!(x.contains("Cử tri đăng ký tạm trú."), "{x}");
    assert!(
        !x.contains("Thủ tục"),
        "the title is not repeated in the text"
    );
    // Top-level pages have no section; the home page is the root itself.
    assert!(r.fragments[r.page("dai-bieu/") as usize].get("s").is_none());
    r.page("");
    // The search page itself is not indexed.
    assert!(r.fragments.iter().all(|f| f["u"] != "tim-kiem/"));
}

#[test]
fn search_page_and_header_box_lead_to_the_index() {
    let s = search_site();
    s.build_ok();
    let r = Read::of(&s);
    let page = s.read("tim-kiem/index.html");
    let h = r.manifest["h"].as_str().unwrap();
    assert!(
        page.contains(&format!("chi-muc/m.js?v={h}")),
        "the manifest URL carries its hash"
    );
    assert!(page.contains("../js/tim-kiem.js"));
    // Without JavaScript the page still lists every section.
    assert!(
        page.contains("href=../bau-cu/") || page.contains("href=\"../bau-cu/\""),
        "{page}"
    );
    // Every other page has a plain form that leads to the search page.
    let lich = s.read("bau-cu/lich/index.html");
    assert!(lich.contains("action=../../tim-kiem/") || lich.contains("action=\"../../tim-kiem/\""));
    assert!(!lich.contains("tim-kiem.js"), "no script on ordinary pages");
    assert!(s.read("js/tim-kiem.js").len() > 1000);
}

#[test]
fn offline_fragments_name_index_html() {
    let s = search_site();
    let mut o = s.opts();
    o.offline = true;
    loa::build(&o).unwrap_or_else(|d| panic!("{d}"));
    let r = Read::of(&s);
    r.page("bau-cu/lich/index.html");
    r.page("index.html");
    let lich = s.read("bau-cu/lich/index.html");
    assert!(
        lich.contains("tim-kiem/index.html"),
        "the header box works from file://"
    );
}

#[test]
fn search_false_writes_no_index_page_or_box() {
    let s = search_site();
    s.write("site.yaml", "title: \"Thử\"\nsearch: false\n");
    s.build_ok();
    assert!(!s.has("tim-kiem/index.html"));
    assert!(!s.has("tim-kiem/chi-muc/m.js"));
    assert!(!s.read("bau-cu/lich/index.html").contains("tim-kiem"));
}

#[test]
fn the_index_is_byte_identical_across_builds() {
    let s = search_site();
    s.build_ok();
    let first = common::tree(&s.out.join("tim-kiem"));
    s.build_ok();
    assert_eq!(first, common::tree(&s.out.join("tim-kiem")));
    // A change of text changes the cache key.
    let h1 = Read::of(&s).manifest["h"].clone();
    s.write("content/dai-bieu.md", page("Đại biểu", "Nội dung khác."));
    s.build_ok();
    assert_ne!(Read::of(&s).manifest["h"], h1);
}

#[test]
fn a_static_file_in_the_index_folder_is_refused_and_the_old_output_kept() {
    let s = search_site();
    s.build_ok();
    let manifest = s.read("tim-kiem/chi-muc/m.js");
    // The index is written while pages render; a file of the site may not replace any of it.
    s.write("static/tim-kiem/chi-muc/p/0.js", "alert(1)");
    let d = s.build_err();
    assert!(
        d.0.iter().any(|d| d.problem.code() == "output-collision"),
        "{d}"
    );
    assert_eq!(s.read("tim-kiem/chi-muc/m.js"), manifest);
    assert!(!s.read("tim-kiem/chi-muc/p/0.js").contains("alert"));
    // Nothing is left beside the output.
    let parent = s.out.parent().unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
