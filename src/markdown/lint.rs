//! The accessibility lint of the render pass: fed the events of one page as they go by, it
//! finds images without alt text, skipped heading levels, empty and ambiguous link text, HTML
//! ids that repeat or take a reserved id, and tables without a header row, each at its offset.

use super::Heading;
use super::headings::is_reserved_id;
use crate::diagnostics::{IdClash, LintProblem, Problem};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;

/// Link texts that say nothing of where the link goes, lowercase NFC, words separated by one
/// space. A link's text is compared after trimming punctuation, case-insensitively.
const AMBIGUOUS: [&str; 17] = [
    "tại đây",
    "ở đây",
    "đây",
    "xem",
    "xem thêm",
    "xem tại đây",
    "xem chi tiết",
    "chi tiết",
    "bấm vào đây",
    "nhấn vào đây",
    "liên kết",
    "link",
    "here",
    "click here",
    "click",
    "read more",
    "more",
];

/// The entries also matched on the folded text (`Hére`, `línk`). Vietnamese entries are not:
/// folding would make “đây” match “day”.
const AMBIGUOUS_FOLDED: [&str; 6] = ["link", "here", "click here", "click", "read more", "more"];

/// Link text longer than this (bytes) is never ambiguous, so no more of it is kept.
const LINK_TEXT_CAP: usize = 64;

/// Whether an image title marks the image as decorative (`![](hoa-van.png "trang trí")`): its
/// empty alt text is then intended, and the title is not written to the HTML.
pub fn is_decorative(title: &str) -> bool {
    let t = title.trim();
    same_lowercase(t, "trang trí") || same_lowercase(t, "decorative")
}

/// A link being read.
struct OpenLink<'a> {
    at: usize,
    dest: CowStr<'a>,
    has_text: bool,
    /// Where its text starts in `PageLint::link_text`.
    text_from: usize,
    /// Its text went past `LINK_TEXT_CAP`.
    long: bool,
}

/// An image being read.
struct OpenImage<'a> {
    at: usize,
    dest: CowStr<'a>,
    decorative: bool,
    has_alt: bool,
}

/// The lint's state over one page. Holds nothing per text event: text outside links, images
/// and table heads is only looked at for being inside one of them.
pub struct PageLint<'a> {
    body: &'a str,
    headings: &'a [Heading],
    /// Level of the last heading; the page title is the `<h1>`.
    level: u8,
    links: Vec<OpenLink<'a>>,
    images: Vec<OpenImage<'a>>,
    /// The text of the open links, capped (a buffer reused across the page).
    link_text: String,
    /// Inside a table's head row: where it starts and whether a cell has text.
    head: Option<(usize, bool)>,
    in_html_block: bool,
    /// Heading ids, made on the first raw HTML id.
    heading_ids: Option<HashSet<&'a str>>,
    /// Ids of raw HTML tags so far.
    html_ids: HashSet<&'a str>,
    /// Errors (fail the build), each with its byte offset in the body.
    pub errors: Vec<(usize, Problem)>,
    /// Warnings (fail only with `--strict`), each with its byte offset in the body.
    pub warnings: Vec<(usize, Problem)>,
}

impl<'a> PageLint<'a> {
    /// A lint for `body`, whose headings (with their final ids) are `headings`.
    pub fn new(body: &'a str, headings: &'a [Heading]) -> Self {
        Self {
            body,
            headings,
            level: 1,
            links: Vec::new(),
            images: Vec::new(),
            link_text: String::new(),
            head: None,
            in_html_block: false,
            heading_ids: None,
            html_ids: HashSet::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Looks at one event of the body, found at `range`, before the render pass changes it.
    pub fn event(&mut self, ev: &Event<'a>, range: &Range<usize>) {
        match ev {
            Event::Text(t) | Event::Code(t) => self.text(t),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Start(Tag::Heading { level, .. }) => self.heading(*level as u8, range.start),
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push(OpenLink {
                at: range.start,
                dest: dest_url.clone(),
                has_text: false,
                text_from: self.link_text.len(),
                long: false,
            }),
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => self.images.push(OpenImage {
                at: range.start,
                dest: dest_url.clone(),
                decorative: is_decorative(title),
                has_alt: false,
            }),
            Event::End(TagEnd::Image) => {
                if let Some(i) = self.images.pop()
                    && !i.has_alt
                    && !i.decorative
                {
                    let p = LintProblem::ImageNoAlt {
                        src: i.dest.into_string(),
                        html: false,
                    };
                    self.report(i.at, p);
                }
            }
            Event::Start(Tag::TableHead) => self.head = Some((range.start, false)),
            Event::End(TagEnd::TableHead) => {
                if let Some((at, false)) = self.head.take() {
                    self.report(at, LintProblem::TableNoHeader);
                }
            }
            // A block's tags are read from its whole source at once: a tag may span lines.
            Event::Start(Tag::HtmlBlock) => {
                self.in_html_block = true;
                self.html(range.clone());
            }
            Event::End(TagEnd::HtmlBlock) => self.in_html_block = false,
            Event::InlineHtml(_) => self.html(range.clone()),
            Event::Html(_) if !self.in_html_block => self.html(range.clone()),
            _ => {}
        }
    }

    /// Records a finding at byte `at` of the body, as an error or a warning.
    fn report(&mut self, at: usize, p: LintProblem) {
        if p.is_error() {
            self.errors.push((at, p.into()));
        } else {
            self.warnings.push((at, p.into()));
        }
    }

    /// Text (or code, or a line break) inside whatever is open.
    fn text(&mut self, t: &str) {
        if self.links.is_empty() && self.images.is_empty() && self.head.is_none() {
            return;
        }
        if !t.trim().is_empty() {
            if let Some(i) = self.images.last_mut() {
                i.has_alt = true;
            }
            if let Some(l) = self.links.last_mut() {
                l.has_text = true;
            }
            if let Some((_, has_text)) = &mut self.head {
                *has_text = true;
            }
        }
        if let Some(l) = self.links.last_mut() {
            if self.link_text.len() - l.text_from + t.len() <= LINK_TEXT_CAP {
                self.link_text.push_str(t);
            } else {
                l.long = true;
            }
        }
    }

    fn heading(&mut self, level: u8, at: usize) {
        // A level-1 heading is reported as `body-h1`; below it the outline starts again.
        if level > self.level + 1 && level > 1 {
            let p = LintProblem::HeadingSkip {
                level,
                previous: self.level,
            };
            self.report(at, p);
        }
        self.level = level;
    }

    fn end_link(&mut self) {
        let Some(l) = self.links.pop() else { return };
        let text = self.link_text.get(l.text_from..).unwrap_or_default();
        if !l.has_text {
            let p = LintProblem::EmptyLinkText {
                dest: l.dest.into_string(),
            };
            self.report(l.at, p);
        } else if !l.long && is_ambiguous(text) {
            let p = LintProblem::AmbiguousLinkText {
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            };
            self.report(l.at, p);
        }
        self.link_text.truncate(l.text_from);
        if let Some(outer) = self.links.last_mut() {
            outer.has_text |= l.has_text;
        }
    }

    /// Raw HTML at `range` of the body: ids, and `<img>` tags without `alt`.
    fn html(&mut self, range: Range<usize>) {
        let body = self.body;
        let Some(src) = body.get(range.clone()) else {
            return;
        };
        for tag in tags(src) {
            let is_img = tag.name.eq_ignore_ascii_case("img");
            let (mut alt, mut img_src) = (None, "");
            for (off, name, value) in tag.attrs() {
                if name.eq_ignore_ascii_case("id")
                    && let Some(id) = value.filter(|v| !v.is_empty())
                {
                    self.id(range.start + off, id);
                } else if is_img && name.eq_ignore_ascii_case("alt") {
                    alt = Some(value.unwrap_or_default());
                } else if is_img && name.eq_ignore_ascii_case("src") {
                    img_src = value.unwrap_or_default();
                }
            }
            if !is_img {
                continue;
            }
            match alt {
                None => {
                    let p = LintProblem::ImageNoAlt {
                        src: img_src.to_string(),
                        html: true,
                    };
                    self.report(range.start + tag.at, p);
                }
                Some(a) if !a.trim().is_empty() => {
                    if let Some(l) = self.links.last_mut() {
                        l.has_text = true;
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// An `id` written in raw HTML at byte `at` of the body.
    fn id(&mut self, at: usize, id: &'a str) {
        let headings = self.headings;
        let heading_ids = self
            .heading_ids
            .get_or_insert_with(|| headings.iter().map(|h| h.id.as_str()).collect());
        let clash = if is_reserved_id(id) {
            IdClash::Reserved
        } else if heading_ids.contains(id) {
            IdClash::Heading
        } else if !self.html_ids.insert(id) {
            IdClash::Html
        } else {
            return;
        };
        let p = LintProblem::DuplicateHtmlId {
            id: id.to_string(),
            clash,
        };
        self.report(at, p);
    }
}

/// Whether a link's text is one of the `AMBIGUOUS` phrases, once punctuation around it is
/// trimmed.
pub fn is_ambiguous(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() {
        return false;
    }
    if AMBIGUOUS.iter().any(|a| same_words(t, a)) {
        return true;
    }
    // Only short non-ASCII text can fold to one of the English phrases.
    if t.is_ascii() || t.chars().count() > 12 {
        return false;
    }
    let folded = crate::vi::fold(t);
    AMBIGUOUS_FOLDED.iter().any(|a| same_words(&folded, a))
}

/// Whether `text` is the words of `phrase` (lowercase, one space between words), whatever the
/// case and the spacing of `text`.
fn same_words(text: &str, phrase: &str) -> bool {
    let mut words = text.split_whitespace();
    let mut expected = phrase.split(' ');
    loop {
        match (words.next(), expected.next()) {
            (None, None) => return true,
            (Some(w), Some(e)) if same_lowercase(w, e) => {}
            _ => return false,
        }
    }
}

/// Whether `text` lowercased is `lower`.
fn same_lowercase(text: &str, lower: &str) -> bool {
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// One start tag of raw HTML.
struct RawTag<'h> {
    /// Byte offset of its `<`.
    at: usize,
    name: &'h str,
    /// The text between the name and the closing `>`, and its offset.
    attrs: &'h str,
    attrs_at: usize,
}

impl<'h> RawTag<'h> {
    /// Its attributes: offset of the name (in the scanned text), name, value if any.
    fn attrs(&self) -> impl Iterator<Item = (usize, &'h str, Option<&'h str>)> + use<'h> {
        let (s, base) = (self.attrs, self.attrs_at);
        let b = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() {
                return None;
            }
            let start = i;
            while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'=' | b'/')) {
                i += 1;
            }
            // A stray `=` with no name before it: skip it.
            if i == start {
                i += 1;
                return Some((base + start, "", None));
            }
            let name = &s[start..i];
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() || b[j] != b'=' {
                return Some((base + start, name, None));
            }
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let from = j + 1;
                    let to = s[from..].find(char::from(q)).map_or(s.len(), |k| from + k);
                    i = (to + 1).min(s.len());
                    &s[from..to]
                }
                _ => {
                    let from = j;
                    let mut to = j;
                    while to < b.len() && !b[to].is_ascii_whitespace() {
                        to += 1;
                    }
                    i = to;
                    &s[from..to]
                }
            };
            Some((base + start, name, Some(value)))
        })
    }
}

/// The start tags of a piece of raw HTML, comments skipped.
fn tags(html: &str) -> impl Iterator<Item = RawTag<'_>> {
    let b = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let lt = i + html.get(i..)?.find('<')?;
            if html[lt..].starts_with("<!--") {
                i = html[lt + 4..]
                    .find("-->")
                    .map_or(html.len(), |k| lt + 4 + k + 3);
                continue;
            }
            let mut end = lt + 1;
            while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') {
                end += 1;
            }
            if end == lt + 1 || !b[lt + 1].is_ascii_alphabetic() {
                i = lt + 1;
                continue;
            }
            // The closing `>`, outside quoted values (a quote opens one only after `=`).
            let mut quote = None;
            let mut after_eq = false;
            let mut close = end;
            while close < b.len() {
                match (quote, b[close]) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) if after_eq => quote = Some(q),
                    _ => {}
                }
                if quote.is_none() && !b[close].is_ascii_whitespace() {
                    after_eq = b[close] == b'=';
                }
                close += 1;
            }
            i = (close + 1).min(html.len());
            return Some(RawTag {
                at: lt,
                name: &html[lt + 1..end],
                attrs: &html[end..close.min(html.len())],
                attrs_at: end,
            });
        }
    })
}

#[cfg(test)]
#[path = "lint_tests.rs"]
mod tests;
