//! The Vietnamese text rules applied to running text in the render pass: tone-style
//! conversion, first-use `<abbr>` expansion outside document identifiers, and the tallies and
//! lints (`mixed-tone-style`, `suspicious-syllable`) reported against the Markdown source.

use crate::diagnostics::{Problem, TextProblem};
use crate::escape::escape_into as escape;
use crate::vi::abbr::Abbreviations;
use crate::vi::syllable::Suspicion;
use crate::vi::tone::{self, Placement, ToneStyle};
use crate::vi::{docid, is_letter, syllable};
use pulldown_cmark::{CowStr, Event};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The site's text settings, borrowed for one render.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRules<'a> {
    /// Convert tone-mark placement in the output.
    pub tone_style: ToneStyle,
    /// Glossary abbreviations to expand on first use.
    pub abbreviations: Option<&'a Abbreviations>,
    /// Run the `suspicious-syllable` lint.
    pub lint_syllables: bool,
    /// Words the syllable lint accepts, as written in site.yaml (compared case-insensitively).
    pub allow: &'a [String],
    /// Tally tone placements and run the lints; off when a page is rendered a second time
    /// (feeds), whose findings were already reported.
    pub report: bool,
    /// Collect the page's question headings and their answers (FAQ pages only).
    pub questions: bool,
}

/// The pages of registered documents, as seen from the page being rendered.
pub trait DocumentLinks {
    /// Whether the site registers any document (when not, text is not searched).
    fn has_documents(&self) -> bool {
        false
    }
    /// The relative URL of the page of the document `id` (normalized), when it is registered
    /// and has a page other than the one being rendered.
    fn document(&self, _id: &str) -> Option<String> {
        None
    }
}

/// No document register.
pub struct NoDocuments;

impl DocumentLinks for NoDocuments {}

/// Where a piece of text sits, which decides what may be done to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Paragraphs, headings, list items, table cells: everything applies.
    Prose,
    /// The text of a link: no `<abbr>` (it would nest interactive text).
    LinkText,
    /// An image's alt text: plain text only.
    ImageAlt,
    /// A fenced or indented code block: left exactly as written.
    CodeBlock,
}

/// Where a word of a page is: in the title (front matter) or at a byte offset of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The page's `title:`.
    Title,
    /// A byte offset in the Markdown body.
    Body(usize),
}

/// How many words of a page use each tone-mark placement, with the first of each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToneTally {
    /// Words in traditional placement (`hòa`).
    pub traditional: usize,
    /// Words in modern placement (`hoà`).
    pub modern: usize,
    /// The first traditional word and where it is.
    pub first_traditional: Option<(At, String)>,
    /// The first modern word and where it is.
    pub first_modern: Option<(At, String)>,
}

impl ToneTally {
    /// Counts the placements in `text`, whose byte range `r` is at `locate(r)`.
    pub fn add(&mut self, text: &str, locate: impl Fn(Range<usize>) -> At) {
        for (r, p) in tone::placements(text) {
            self.count(p, &text[r.clone()], || locate(r));
        }
    }

    /// Counts one word showing placement `p`.
    fn count(&mut self, p: Placement, word: &str, at: impl FnOnce() -> At) {
        let (count, first) = match p {
            Placement::Traditional => (&mut self.traditional, &mut self.first_traditional),
            Placement::Modern => (&mut self.modern, &mut self.first_modern),
        };
        *count += 1;
        if first.is_none() {
            *first = Some((at(), word.to_string()));
        }
    }

    /// Adds the counts of `later`, whose words come after this tally's.
    pub fn extend(&mut self, later: &ToneTally) {
        self.traditional += later.traditional;
        self.modern += later.modern;
        if self.first_traditional.is_none() {
            self.first_traditional = later.first_traditional.clone();
        }
        if self.first_modern.is_none() {
            self.first_modern = later.first_modern.clone();
        }
    }

    /// The `mixed-tone-style` problem when both placements occur, located at the first word
    /// of the rarer one (the likely slip).
    pub fn mixed(&self) -> Option<(At, Problem)> {
        let (Some(t), Some(m)) = (&self.first_traditional, &self.first_modern) else {
            return None;
        };
        let at = if self.traditional <= self.modern {
            t.0
        } else {
            m.0
        };
        let p = TextProblem::MixedToneStyle {
            traditional: self.traditional,
            modern: self.modern,
            traditional_example: t.1.clone(),
            modern_example: m.1.clone(),
        };
        Some((at, p.into()))
    }
}

/// What the text rules remember across one page.
#[derive(Debug, Default)]
pub struct PageText {
    /// Glossary entries already expanded on this page.
    expanded: HashSet<usize>,
    /// How many glossary entries the page's source uses outside document identifiers (an
    /// upper bound of what can be expanded), counted on first use of the rules.
    expandable_here: Option<usize>,
    /// Tone placements seen in the body.
    pub tones: ToneTally,
    /// Warnings, each with its byte offset in the body.
    pub lints: Vec<(usize, Problem)>,
    /// Registered documents already linked on this page, by normalized id.
    linked: HashSet<String>,
}

impl PageText {
    /// Applies the rules to one (merged) text event found at `range` of `body`.
    pub fn apply<'e>(
        &mut self,
        rules: &TextRules<'_>,
        text: CowStr<'e>,
        body: &str,
        range: Range<usize>,
        place: Place,
        docs: &dyn DocumentLinks,
    ) -> Event<'e> {
        if place == Place::CodeBlock {
            return Event::Text(text);
        }
        let source = body.get(range.clone()).unwrap_or_default();
        // Text equal to its source maps byte for byte; otherwise (escapes, smart quotes) find
        // the word in the source, or fall back to where the text starts.
        let locate = |r: Range<usize>| -> usize {
            if source.len() == text.len() {
                range.start + r.start
            } else {
                source
                    .find(&text[r])
                    .map_or(range.start, |i| range.start + i)
            }
        };
        if rules.report {
            self.words(rules, &text, locate);
        }
        let converted = match tone::convert(&text, rules.tone_style) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(s) => CowStr::from(s),
        };
        if place == Place::Prose
            && docs.has_documents()
            && let Some(html) = self.link_documents(rules, &converted, body, docs)
        {
            return Event::InlineHtml(html.into());
        }
        match (place, rules.abbreviations) {
            (Place::Prose, Some(abbrs)) if !abbrs.is_empty() => {
                let here = *self
                    .expandable_here
                    .get_or_insert_with(|| used_outside_ids(abbrs, body));
                if self.expanded.len() >= here {
                    return Event::Text(converted);
                }
                match self.expand(abbrs, &converted) {
                    Some(html) => Event::InlineHtml(html.into()),
                    None => Event::Text(converted),
                }
            }
            _ => Event::Text(converted),
        }
    }

    /// One pass over the words of `text`: the tone tally, and `suspicious-syllable` for each
    /// word in scope that is not allowed when the lint is on.
    fn words(&mut self, rules: &TextRules<'_>, text: &str, locate: impl Fn(Range<usize>) -> usize) {
        for (r, ascii) in scan_words(text) {
            // ASCII words show no placement and are never in the lint's scope (R8).
            if ascii {
                continue;
            }
            let w = &text[r.clone()];
            if let Some(p) = tone::placement(w) {
                self.tones.count(p, w, || At::Body(locate(r.clone())));
            }
            if !rules.lint_syllables {
                continue;
            }
            let Some(why) = suspicion(w) else { continue };
            if rules.allow.iter().any(|a| eq_ignore_case(a, w)) {
                continue;
            }
            let p = TextProblem::SuspiciousSyllable {
                word: w.to_string(),
                why,
            };
            self.lints.push((locate(r), p.into()));
        }
    }

    /// The HTML of `text` with the first mention on this page of each registered document
    /// linked to its page (abbreviations expanded around them), or `None` when none is new.
    fn link_documents(
        &mut self,
        rules: &TextRules<'_>,
        text: &str,
        body: &str,
        docs: &dyn DocumentLinks,
    ) -> Option<String> {
        if !text.contains('/') {
            return None;
        }
        let mut links = Vec::new();
        for d in docid::find(text) {
            if self.linked.contains(&d.id) {
                continue;
            }
            if let Some(url) = docs.document(&d.id) {
                self.linked.insert(d.id);
                links.push((d.range, url));
            }
        }
        if links.is_empty() {
            return None;
        }
        let mut html = String::with_capacity(text.len() + 64 * links.len());
        let mut last = 0;
        let plain = |this: &mut Self, html: &mut String, seg: &str| {
            let expanded = rules
                .abbreviations
                .filter(|a| !a.is_empty())
                .and_then(|abbrs| {
                    let here = *this
                        .expandable_here
                        .get_or_insert_with(|| used_outside_ids(abbrs, body));
                    (this.expanded.len() < here)
                        .then(|| this.expand(abbrs, seg))
                        .flatten()
                });
            match expanded {
                Some(h) => html.push_str(&h),
                None => escape(html, seg),
            }
        };
        for (r, url) in links {
            plain(self, &mut html, &text[last..r.start]);
            html.push_str("<a class=\"loa-docref\" href=\"");
            escape(&mut html, &url);
            html.push_str("\">");
            escape(&mut html, &text[r.clone()]);
            html.push_str("</a>");
            last = r.end;
        }
        plain(self, &mut html, &text[last..]);
        Some(html)
    }

    /// The HTML of `text` with the first use on this page of each unambiguous abbreviation
    /// wrapped in `<abbr title>`, or `None` when nothing is wrapped.
    fn expand(&mut self, abbrs: &Abbreviations, text: &str) -> Option<String> {
        let mut found = abbrs.find(text, &[]);
        found.retain(|f| {
            abbrs.entry(f.entry).expansion.is_some() && !self.expanded.contains(&f.entry)
        });
        if found.is_empty() {
            return None;
        }
        // Document identifiers (`02/CT-TTg`) are never expanded inside.
        let ids = ids_around(text, found.iter().map(|f| &f.range));
        if !ids.is_empty() {
            found = abbrs.find(text, &ids);
            found.retain(|f| abbrs.entry(f.entry).expansion.is_some());
        }
        let mut html = String::with_capacity(text.len() + 64);
        let mut last = 0;
        for f in found {
            let entry = abbrs.entry(f.entry);
            let Some(expansion) = &entry.expansion else {
                continue;
            };
            if !self.expanded.insert(f.entry) {
                continue;
            }
            escape(&mut html, &text[last..f.range.start]);
            html.push_str("<abbr title=\"");
            escape(&mut html, expansion);
            html.push_str("\">");
            escape(&mut html, &text[f.range.clone()]);
            html.push_str("</abbr>");
            last = f.range.end;
        }
        if last == 0 {
            return None;
        }
        escape(&mut html, &text[last..]);
        Some(html)
    }
}

thread_local! {
    /// Verdicts of the syllable lint by word: text repeats a few thousand syllables, so each
    /// worker thread checks each distinct word once.
    static VERDICTS: RefCell<HashMap<Box<str>, Option<Suspicion>, BuildWordHasher>> =
        RefCell::new(HashMap::default());
}

/// A fast hash for short words (FxHash's rotate-multiply). The keys are the site's own words
/// and the memo is capped, so hash flooding cannot cost more than one slow build.
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

/// Words remembered per thread before the memo starts over (bounds memory on odd input).
const MAX_REMEMBERED: usize = 100_000;

/// Why `word` is suspicious, if it is in the lint's scope and not a valid syllable.
fn suspicion(word: &str) -> Option<Suspicion> {
    VERDICTS.with(|v| {
        if let Some(known) = v.borrow().get(word) {
            return *known;
        }
        let verdict = if syllable::in_scope(word) {
            syllable::check(word)
        } else {
            None
        };
        let mut v = v.borrow_mut();
        if v.len() >= MAX_REMEMBERED {
            v.clear();
        }
        v.insert(word.into(), verdict);
        verdict
    })
}

/// How many unambiguous glossary entries occur in `source` outside document identifiers. Once
/// that many have been expanded, the rest of the page has nothing left to expand, so the
/// per-text search stops (most pages use a few abbreviations early and often).
fn used_outside_ids(abbrs: &Abbreviations, source: &str) -> usize {
    let mut found = abbrs.find(source, &[]);
    found.retain(|f| abbrs.entry(f.entry).expansion.is_some());
    let ids = ids_around(source, found.iter().map(|f| &f.range));
    found
        .into_iter()
        .filter(|f| {
            !ids.iter()
                .any(|i| i.start < f.range.end && f.range.start < i.end)
        })
        .map(|f| f.entry)
        .collect::<HashSet<_>>()
        .len()
}

/// How far from an abbreviation an identifier holding it can start or end (the longest real
/// ones, such as `09/2021/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN`, are under 50 bytes).
const ID_REACH: usize = 64;

/// The document identifiers of `text` that could hold one of the abbreviations at `near`,
/// sorted: the recognizer runs only on the run of identifier characters around each
/// abbreviation that has a separator beside it (plus one neighbour on each side, which the
/// pattern's boundaries look at), not on the whole text.
fn ids_around<'r>(text: &str, near: impl Iterator<Item = &'r Range<usize>>) -> Vec<Range<usize>> {
    let id_char = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, 'Đ' | 'đ' | 'Ð' | 'ð' | ' ' | '\t' | '\u{a0}')
            || is_separator(c)
    };
    let mut ids: Vec<Range<usize>> = Vec::new();
    for r in near.filter(|r| joined_like_id(text, r)) {
        let mut left = text[..r.start].char_indices().rev();
        let mut start = r.start;
        for (i, c) in left.by_ref() {
            start = i;
            if !id_char(c) || r.start - i > ID_REACH {
                break;
            }
        }
        let mut end = r.end;
        for (i, c) in text[r.end..].char_indices() {
            end = r.end + i + c.len_utf8();
            if !id_char(c) || i > ID_REACH {
                break;
            }
        }
        for d in docid::find(&text[start..end]) {
            let span = d.range.start + start..d.range.end + start;
            if !ids.contains(&span) {
                ids.push(span);
            }
        }
    }
    ids.sort_by_key(|r| r.start);
    ids
}

/// Whether the abbreviation at `r` could be a code of a document identifier: one starts with a
/// number and joins its codes with `/` or a dash (spaces allowed around the first join), so a
/// code has a separator beside it. Only then is the identifier recognizer run.
fn joined_like_id(text: &str, r: &Range<usize>) -> bool {
    let is_sep = is_separator;
    let blank = |c: &char| matches!(c, ' ' | '\t' | '\u{a0}');
    let before = text[..r.start].chars().rev().find(|c| !blank(c));
    let after = text[r.end..].chars().find(|c| !blank(c));
    before.is_some_and(is_sep) || after.is_some_and(is_sep)
}

/// The slashes and dashes a document identifier may join its parts with (VIETNAMESE.md §7).
fn is_separator(c: char) -> bool {
    "/⁄∕／-‐‑‒–—−﹣－".contains(c)
}

/// Byte ranges of the words of `text`: letters, with an apostrophe inside a word kept
/// (`M'Drắk`).
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan_words(text).map(|(r, _)| r)
}

/// The words of `text` (as `words`) and whether each is ASCII only; ASCII text is walked byte
/// by byte, since this runs over every character of the content.
fn scan_words(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let len = text.len();
    let mut i = 0;
    std::iter::from_fn(move || {
        let (start, mut ascii) = loop {
            if i >= len {
                return None;
            }
            let (c, n) = char_at(text, i);
            i += n;
            if is_letter(c) {
                break (i - n, n == 1);
            }
        };
        while i < len {
            let (c, n) = char_at(text, i);
            let joins = matches!(c, '\'' | '’') && i + n < len && is_letter(char_at(text, i + n).0);
            if !(is_letter(c) || joins) {
                break;
            }
            ascii &= n == 1;
            i += n;
        }
        Some((start..i, ascii))
    })
}

/// The character starting at byte `i` of `text` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(('\u{fffd}', 1), |c| (c, c.len_utf8())),
    }
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
