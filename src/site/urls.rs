//! The one place internal URLs are made. Every `href`/`src` Loa writes for a page is relative
//! to that page (like mdBook's `path_to_root`), so one build works at a domain root, under a
//! sub-path, and — with `offline`, which names `index.html` — from `file://`.

/// A page's location: its URL path components (`["tin-tuc", "hoi-nghi"]` is
/// `/tin-tuc/hoi-nghi/`, written as `tin-tuc/hoi-nghi/index.html`). The home page is empty.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct UrlPath(pub Vec<String>);

impl UrlPath {
    /// The child `slug` of this path.
    pub fn join(&self, slug: &str) -> UrlPath {
        let mut v = self.0.clone();
        v.push(slug.to_string());
        UrlPath(v)
    }

    /// Site-absolute form, for display and the sitemap: `/tin-tuc/hoi-nghi/`.
    pub fn absolute(&self) -> String {
        let mut s = String::from("/");
        for c in &self.0 {
            s.push_str(c);
            s.push('/');
        }
        s
    }

    /// The output file holding this page.
    pub fn file(&self) -> String {
        let mut s = String::new();
        for c in &self.0 {
            s.push_str(c);
            s.push('/');
        }
        s.push_str("index.html");
        s
    }

    /// Depth below the root.
    pub fn depth(&self) -> usize {
        self.0.len()
    }
}

/// What a link points at.
#[derive(Debug, Clone, Copy)]
pub enum Dest<'a> {
    /// A page (a folder with `index.html`).
    Page(&'a UrlPath),
    /// A file, by its path from the site root (`css/loa.css`, `tin-tuc/anh.jpg`).
    File(&'a str),
}

/// The URL of `to` as written in the page at `from`.
pub fn relative(from: &UrlPath, to: Dest<'_>, offline: bool) -> String {
    let (dirs, name): (Vec<&str>, Option<&str>) = match to {
        Dest::Page(p) => (p.0.iter().map(String::as_str).collect(), None),
        Dest::File(f) => {
            let mut parts: Vec<&str> = f.split('/').filter(|s| !s.is_empty()).collect();
            let name = parts.pop();
            (parts, name)
        }
    };
    let common = from
        .0
        .iter()
        .zip(&dirs)
        .take_while(|(a, b)| a.as_str() == **b)
        .count();
    let mut s = "../".repeat(from.0.len() - common);
    for d in &dirs[common..] {
        s.push_str(&encode(d));
        s.push('/');
    }
    match name {
        Some(n) => s.push_str(&encode(n)),
        None if offline => s.push_str("index.html"),
        None if s.is_empty() => s.push_str("./"),
        None => {}
    }
    s
}

/// The relative path from `from` to the site root (`"../../"`, or `"./"` at the root).
pub fn to_root(from: &UrlPath) -> String {
    if from.0.is_empty() {
        "./".into()
    } else {
        "../".repeat(from.0.len())
    }
}

/// The absolute URL of a page, given a `base_url` ending in `/`.
pub fn absolute(base_url: &str, to: Dest<'_>) -> String {
    let rel = relative(&UrlPath::default(), to, false);
    let rel = rel.strip_prefix("./").unwrap_or(&rel);
    format!("{base_url}{rel}")
}

/// Percent-encodes what may not stand in a URL path segment.
fn encode(seg: &str) -> std::borrow::Cow<'_, str> {
    let ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if seg.bytes().all(ok) {
        return seg.into();
    }
    let mut s = String::with_capacity(seg.len() * 3);
    for b in seg.bytes() {
        if ok(b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> UrlPath {
        UrlPath(
            s.split('/')
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect(),
        )
    }

    #[test]
    fn page_to_page() {
        let a = p("tin-tuc/hoi-nghi");
        assert_eq!(
            relative(&a, Dest::Page(&p("tin-tuc/khac")), false),
            "../khac/"
        );
        assert_eq!(relative(&a, Dest::Page(&p("tin-tuc")), false), "../");
        assert_eq!(relative(&a, Dest::Page(&p("")), false), "../../");
        assert_eq!(relative(&a, Dest::Page(&a), false), "./");
        assert_eq!(relative(&p(""), Dest::Page(&p("")), false), "./");
        assert_eq!(
            relative(&p(""), Dest::Page(&p("lich-bau-cu")), false),
            "lich-bau-cu/"
        );
        assert_eq!(relative(&p("a"), Dest::Page(&p("a/b/c")), false), "b/c/");
    }

    #[test]
    fn offline_names_index_html() {
        let a = p("tin-tuc/hoi-nghi");
        assert_eq!(relative(&a, Dest::Page(&p("")), true), "../../index.html");
        assert_eq!(relative(&a, Dest::Page(&a), true), "index.html");
        assert_eq!(
            relative(&p(""), Dest::Page(&p("hoi-dap")), true),
            "hoi-dap/index.html"
        );
    }

    #[test]
    fn files_and_encoding() {
        let a = p("tin-tuc/hoi-nghi");
        assert_eq!(
            relative(&a, Dest::File("css/loa.css"), false),
            "../../css/loa.css"
        );
        assert_eq!(
            relative(&a, Dest::File("tin-tuc/ảnh 1.jpg"), true),
            "../%E1%BA%A3nh%201.jpg"
        );
        assert_eq!(relative(&p(""), Dest::File("atom.xml"), false), "atom.xml");
    }

    #[test]
    fn absolute_urls() {
        let b = "https://a.vn/bau-cu/";
        assert_eq!(absolute(b, Dest::Page(&p(""))), "https://a.vn/bau-cu/");
        assert_eq!(
            absolute(b, Dest::Page(&p("tin-tuc"))),
            "https://a.vn/bau-cu/tin-tuc/"
        );
        assert_eq!(
            absolute(b, Dest::File("tin-tuc/atom.xml")),
            "https://a.vn/bau-cu/tin-tuc/atom.xml"
        );
    }

    #[test]
    fn to_root_counts_depth() {
        assert_eq!(to_root(&p("")), "./");
        assert_eq!(to_root(&p("a/b")), "../../");
    }
}
