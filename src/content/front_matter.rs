//! Front matter: splitting it from the body and checking it against the content model.
//! Every key is typed; unknown keys get a "did you mean"; dates are parsed and located.

use crate::config::{key_line, parse_located};
use crate::diagnostics::{Diagnostic, Problem, TextProblem};
use crate::vi::date::{self, Moment};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The order of a section's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// By `weight`, then title.
    #[default]
    Weight,
    /// Newest first.
    Date,
    /// By title.
    Title,
}

/// Where a fact comes from: a document identifier or a web page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum SourceRef {
    /// A legal or administrative document, by its identifier (`02/CT-TTg`).
    Document(String),
    /// A public web page.
    Web {
        /// What the page is.
        title: String,
        /// Its address.
        url: String,
        /// Who published it.
        #[serde(default)]
        publisher: Option<String>,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<String>,
    description: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    publish: Option<String>,
    expires: Option<String>,
    #[serde(default)]
    draft: bool,
    slug: Option<String>,
    weight: Option<i64>,
    template: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    locality: Option<String>,
    #[serde(default)]
    sources: Vec<SourceRef>,
    #[serde(default)]
    aliases: Vec<String>,
    toc: Option<bool>,
    sort_by: Option<SortBy>,
    feed: Option<bool>,
    in_menu: Option<bool>,
    #[serde(default)]
    data: Vec<String>,
    pages_from: Option<String>,
    slug_from: Option<String>,
    title_from: Option<String>,
    group_by: Option<String>,
}

/// Checked front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The page's title.
    pub title: String,
    /// Summary for listings and meta description.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<Moment>,
    /// Last substantive change.
    pub updated: Option<Moment>,
    /// Hidden before this moment.
    pub publish: Option<Moment>,
    /// Hidden after this moment.
    pub expires: Option<Moment>,
    /// Hidden unless `--drafts`.
    pub draft: bool,
    /// Replaces the slug made from the file name.
    pub slug: Option<String>,
    /// Order within a section.
    pub weight: Option<i64>,
    /// Template to render with.
    pub template: Option<String>,
    /// Keywords.
    pub tags: Vec<String>,
    /// The province or city the page is about.
    pub locality: Option<String>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Show a table of contents.
    pub toc: Option<bool>,
    /// Sections: order of pages.
    pub sort_by: SortBy,
    /// Sections: write an Atom feed.
    pub feed: bool,
    /// Show in the main navigation.
    pub in_menu: bool,
    /// Data sets this page's template shows (`schedule`, `glossary`, …).
    pub data: Vec<String>,
    /// Sections: make one page per record of this data set.
    pub pages_from: Option<PagesFrom>,
}

/// A section's `pages_from:` with the keys that go with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagesFrom {
    /// The data set.
    pub set: String,
    /// The record field the slug of each page comes from (default `id`).
    pub slug_from: String,
    /// The record field the title comes from (default `title`, else `name`).
    pub title_from: Option<String>,
    /// Group the section's listing by this record field.
    pub group_by: Option<String>,
}

/// A file split into its front-matter YAML and its body.
pub struct Split<'a> {
    /// The YAML text between the `---` lines.
    pub yaml: &'a str,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

/// Splits `text` at its `---` lines. A byte-order mark is skipped.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Err(Problem::NoFrontMatter);
    }
    let mut pos = first_end;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[first_end..pos],
                body: &text[end..],
                body_line: line + 1,
            });
        }
        pos = end;
        line += 1;
    }
    Err(Problem::UnclosedFrontMatter)
}

/// Parses and checks the front matter of `file` (whose whole text is `text`).
pub fn parse(
    yaml: &str,
    file: &Path,
    text: &str,
    is_section: bool,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    // The YAML starts on line 2, after the opening `---`.
    let raw: Raw = parse_located(yaml, file, text, 1)?;
    let mut errors = Vec::new();
    let at_key = |key: &str, p: Problem| {
        let d = Diagnostic::error(file.to_path_buf(), p);
        match key_line(yaml, key) {
            Some(l) => d.at(text, l + 1, 1),
            None => d.at(text, 1, 1),
        }
    };
    let mut moment = |key: &str, v: &Option<String>| -> Option<Moment> {
        let v = v.as_deref()?;
        match date::parse_checked(v) {
            Ok(m) => Some(m),
            Err(reason) => {
                errors.push(at_key(
                    key,
                    TextProblem::BadDate {
                        key: key.into(),
                        value: v.into(),
                        reason,
                    }
                    .into(),
                ));
                None
            }
        }
    };
    let fm_date = moment("date", &raw.date);
    let updated = moment("updated", &raw.updated);
    let publish = moment("publish", &raw.publish);
    let expires = moment("expires", &raw.expires);
    let title = raw.title.as_deref().map(str::trim).unwrap_or_default();
    if title.is_empty() {
        errors.push(at_key("title", Problem::MissingTitle));
    }
    if !is_section {
        let set = [
            ("sort_by", raw.sort_by.is_some()),
            ("feed", raw.feed.is_some()),
            ("pages_from", raw.pages_from.is_some()),
            ("slug_from", raw.slug_from.is_some()),
            ("title_from", raw.title_from.is_some()),
            ("group_by", raw.group_by.is_some()),
        ];
        for (key, _) in set.iter().filter(|(_, on)| *on) {
            errors.push(at_key(key, Problem::SectionOnlyKey { key: (*key).into() }));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(FrontMatter {
        title: title.to_string(),
        description: raw.description.filter(|d| !d.trim().is_empty()),
        date: fm_date,
        updated,
        publish,
        expires,
        draft: raw.draft,
        slug: raw.slug,
        weight: raw.weight,
        template: raw.template,
        tags: raw.tags,
        locality: raw.locality,
        sources: raw.sources.into_iter().map(normalize_source).collect(),
        aliases: raw.aliases,
        toc: raw.toc,
        sort_by: raw.sort_by.unwrap_or_default(),
        feed: raw.feed.unwrap_or(false),
        in_menu: raw.in_menu.unwrap_or(false),
        data: raw.data.iter().map(|d| d.trim().to_string()).collect(),
        pages_from: raw.pages_from.map(|set| PagesFrom {
            set: set.trim().to_string(),
            slug_from: raw.slug_from.unwrap_or_else(|| "id".into()),
            title_from: raw.title_from,
            group_by: raw.group_by,
        }),
    })
}

/// A document identifier in its normal spelling (`36 -HD/BTCTW` → `36-HD/BTCTW`, `số 2/CT-TTG`
/// → `02/CT-TTg`); anything else (a title around an identifier) is kept as written.
fn normalize_source(s: SourceRef) -> SourceRef {
    match s {
        SourceRef::Document(id) => {
            SourceRef::Document(crate::vi::docid::normalize(&id).unwrap_or(id))
        }
        web => web,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let s = split(text).map_err(|p| vec![Diagnostic::error(None, p)])?;
        parse(s.yaml, Path::new("a.md"), text, false)
    }

    #[test]
    fn splits_and_counts_body_line() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
        assert!(matches!(split("title: A\n"), Err(Problem::NoFrontMatter)));
        assert!(matches!(
            split("---\ntitle: A\n"),
            Err(Problem::UnclosedFrontMatter)
        ));
    }

    #[test]
    fn parses_all_kinds_of_values() {
        let f = fm("---\ntitle: Tin\ndate: 2021-01-21\ntags: [a, b]\nsources:\n  - \"02/CT-TTg\"\n  - {title: T, url: \"https://x.vn/\"}\n---\n").unwrap();
        assert_eq!(f.title, "Tin");
        assert_eq!(f.date.unwrap().date().to_string(), "2021-01-21");
        assert_eq!(f.tags, vec!["a", "b"]);
        assert_eq!(f.sources.len(), 2);
        assert!(matches!(f.sources[0], SourceRef::Document(_)));
    }

    #[test]
    fn document_sources_are_normalized() {
        let f = fm("---\ntitle: T\nsources: [\"36 -HD/BTCTW\", \"Chỉ thị số 45-CT/TW\", \"số 2/CT-TTG\", \"Luật Bầu cử\"]\n---\n").unwrap();
        let ids: Vec<_> = f
            .sources
            .iter()
            .map(|s| match s {
                SourceRef::Document(d) => d.as_str(),
                SourceRef::Web { .. } => "",
            })
            .collect();
        assert_eq!(
            ids,
            [
                "36-HD/BTCTW",
                "Chỉ thị số 45-CT/TW",
                "02/CT-TTg",
                "Luật Bầu cử"
            ]
        );
    }

    #[test]
    fn errors_are_located_in_the_file() {
        let e = fm("---\ntitle: A\nngay: 2021-01-01\n---\n").unwrap_err();
        assert_eq!((e[0].line, e[0].col), (3, 1));
        let e = fm("---\ntitle: A\ndate: 2021-02-30\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert_eq!(e[0].problem.code(), "bad-date");
        let e = fm("---\ndescription: x\n---\n").unwrap_err();
        assert!(matches!(e[0].problem, Problem::MissingTitle));
        let e = fm("---\ntitle: A\nweight: nặng\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(matches!(&e[0].problem, Problem::BadValue { key, .. } if key == "weight"));
        let e = fm("---\ntitle: A\nfeed: true\n---\n").unwrap_err();
        assert!(matches!(&e[0].problem, Problem::SectionOnlyKey { key } if key == "feed"));
    }
}
