//! Resolving links written in content (`../a.md#muc`, `@/lich-bau-cu/_index.md`, `anh.jpg`)
//! against the site, into URLs relative to the page that holds them.

use super::urls::{self, Dest};
use super::{Hidden, PageId, Site};
use crate::diagnostics::Problem;
use crate::markdown::LinkResolver;

/// The links of one page.
pub struct PageLinks<'a> {
    /// The site.
    pub site: &'a Site,
    /// The page holding the links.
    pub from: PageId,
    /// `--offline`.
    pub offline: bool,
    /// When set, links are absolute from this base URL (for feeds) instead of relative.
    pub absolute_base: Option<&'a str>,
}

impl PageLinks<'_> {
    fn url(&self, from: &super::urls::UrlPath, to: Dest<'_>) -> String {
        match self.absolute_base {
            Some(base) => urls::absolute(base, to),
            None => urls::relative(from, to, self.offline),
        }
    }
}

impl crate::markdown::text::DocumentLinks for PageLinks<'_> {
    fn has_documents(&self) -> bool {
        self.site.index.has_pages("documents")
    }

    fn document(&self, id: &str) -> Option<String> {
        let i = self.site.data.documents.find(id)?;
        let page = self
            .site
            .index
            .page("documents", i)
            .filter(|p| *p != self.from)?;
        let from = &self.site.node(self.from).url;
        Some(self.url(from, Dest::Page(&self.site.node(page).url)))
    }
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, dest: &str) -> Result<String, Problem> {
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let from = self.site.node(self.from);
        if path.is_empty() {
            let f = fragment.unwrap_or_default();
            check_anchor(self.site, self.from, f, dest)?;
            return Ok(match self.absolute_base {
                Some(_) => format!("{}#{f}", self.url(&from.url, Dest::Page(&from.url))),
                None => format!("#{f}"),
            });
        }
        if path.starts_with('/') {
            return Err(Problem::RootRelativeLink {
                target: dest.into(),
            });
        }
        let broken = || Problem::BrokenLink {
            target: dest.into(),
        };
        let rel = match path.strip_prefix("@/") {
            Some(r) => normalize("", r),
            None => normalize(from.source.dir(), path),
        }
        .ok_or_else(broken)?;
        let rel = crate::vi::nfc(&percent_decode(&rel)).into_owned();
        let page_rel = if rel.ends_with(".md") {
            Some(rel.clone())
        } else if rel.is_empty() || path.ends_with('/') {
            Some(if rel.is_empty() {
                "_index.md".to_string()
            } else {
                format!("{rel}/_index.md")
            })
        } else {
            None
        };
        if let Some(page_rel) = page_rel {
            if self.site.failed.contains(&page_rel) {
                // Its own problems are reported; this build writes nothing anyway.
                return Ok(String::new());
            }
            if let Some(h) = self.site.hidden.get(&page_rel) {
                return Err(Problem::LinkToHidden {
                    target: dest.into(),
                    draft: *h == Hidden::Draft,
                });
            }
            let id = *self.site.by_rel.get(&page_rel).ok_or_else(broken)?;
            let mut url = self.url(&from.url, Dest::Page(&self.site.node(id).url));
            if let Some(f) = fragment {
                check_anchor(self.site, id, f, dest)?;
                url.push('#');
                url.push_str(f);
            }
            return Ok(url);
        }
        let out = self.site.asset_by_rel.get(&rel).ok_or_else(broken)?;
        let mut url = self.url(&from.url, Dest::File(out));
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        Ok(url)
    }
}

fn check_anchor(site: &Site, id: PageId, fragment: &str, dest: &str) -> Result<(), Problem> {
    let headings = &site.node(id).source.headings;
    if headings.iter().any(|h| h.id == fragment) {
        Ok(())
    } else {
        Err(Problem::BrokenAnchor {
            target: dest.split('#').next().unwrap_or_default().to_string(),
            anchor: fragment.into(),
            available: headings.iter().map(|h| h.id.clone()).collect(),
        })
    }
}

/// `a%20b.md` → `a b.md` (editors insert `%20`); invalid sequences are kept as written.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Joins `path` onto the folder `dir` (both relative to `content/`), resolving `.` and `..`;
/// `None` when it climbs out of `content/`.
fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(super::percent_decode("a%20b.md"), "a b.md");
        assert_eq!(super::percent_decode("%E1%BA%A3nh.jpg"), "ảnh.jpg");
        assert_eq!(super::percent_decode("50%.md"), "50%.md");
        assert_eq!(super::percent_decode("%zz"), "%zz");
    }

    #[test]
    fn normalizes_relative_paths() {
        assert_eq!(
            normalize("tin-tuc", "a.md").as_deref(),
            Some("tin-tuc/a.md")
        );
        assert_eq!(
            normalize("tin-tuc", "../b/_index.md").as_deref(),
            Some("b/_index.md")
        );
        assert_eq!(normalize("", "./a.md").as_deref(), Some("a.md"));
        assert_eq!(normalize("", "../a.md"), None);
    }
}
