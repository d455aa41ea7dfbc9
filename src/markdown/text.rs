//! The Vietnamese text rules applied to running text in the render pass: tone-style
//! conversion, first-use `<abbr>` expansion outside document identifiers, and the tallies and
//! lints (`mixed-tone-style`, `suspicious-syllable`) reported against the Markdown source.

use crate::diagnostics::{Problem, TextProblem};
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
}

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
            let (count, first) = match p {
                Placement::Traditional => (&mut self.traditional, &mut self.first_traditional),
                Placement::Modern => (&mut self.modern, &mut self.first_modern),
            };
            *count += 1;
            if first.is_none() {
                *first = Some((locate(r.clone()), text[r].to_string()));
            }
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
    /// Tone placements seen in the body.
    pub tones: ToneTally,
    /// Warnings, each with its byte offset in the body.
    pub lints: Vec<(usize, Problem)>,
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
        self.tones.add(&text, |r| At::Body(locate(r)));
        if rules.lint_syllables {
            self.lint(rules, &text, locate);
        }
        let converted = match tone::convert(&text, rules.tone_style) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(s) => CowStr::from(s),
        };
        match (place, rules.abbreviations) {
            (Place::Prose, Some(abbrs)) if !abbrs.is_empty() => {
                match self.expand(abbrs, &converted) {
                    Some(html) => Event::InlineHtml(html.into()),
                    None => Event::Text(converted),
                }
            }
            _ => Event::Text(converted),
        }
    }

    /// `suspicious-syllable` for each word in scope that is not allowed.
    fn lint(&mut self, rules: &TextRules<'_>, text: &str, locate: impl Fn(Range<usize>) -> usize) {
        for r in words(text) {
            let w = &text[r.clone()];
            // ASCII words are never in scope (R8).
            if w.is_ascii() {
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

    /// The HTML of `text` with the first use on this page of each unambiguous abbreviation
    /// wrapped in `<abbr title>`, or `None` when nothing is wrapped.
    fn expand(&mut self, abbrs: &Abbreviations, text: &str) -> Option<String> {
        // Once every abbreviation has had its first use, the rest of the page is left alone.
        if self.expanded.len() >= abbrs.expandable() {
            return None;
        }
        let mut found = abbrs.find(text, &[]);
        found.retain(|f| {
            abbrs.entry(f.entry).expansion.is_some() && !self.expanded.contains(&f.entry)
        });
        if found.is_empty() {
            return None;
        }
        // Document identifiers (`02/CT-TTg`) are never expanded inside.
        let ids: Vec<Range<usize>> = if text.bytes().any(|b| b.is_ascii_digit()) {
            docid::find(text).into_iter().map(|d| d.range).collect()
        } else {
            Vec::new()
        };
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
    static VERDICTS: RefCell<HashMap<Box<str>, Option<Suspicion>>> = RefCell::new(HashMap::new());
}

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

/// Byte ranges of the words of `text`: letters, with an apostrophe inside a word kept
/// (`M'Drắk`).
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| is_letter(*c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let joins = matches!(c, '\'' | '’')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_letter);
            if !(is_letter(c) || joins) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Escapes text for HTML content and attribute values.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::abbr::Entry;

    fn abbrs() -> Abbreviations {
        Abbreviations::new(vec![
            Entry {
                abbr: "HĐND".into(),
                expansion: Some("Hội đồng nhân dân".into()),
            },
            Entry {
                abbr: "TTg".into(),
                expansion: Some("Thủ tướng Chính phủ".into()),
            },
        ])
    }

    fn run(rules: &TextRules<'_>, page: &mut PageText, text: &str, place: Place) -> String {
        match page.apply(rules, text.into(), text, 0..text.len(), place) {
            Event::Text(t) => format!("T:{t}"),
            Event::InlineHtml(h) => format!("H:{h}"),
            e => format!("{e:?}"),
        }
    }

    #[test]
    fn first_use_only_and_not_inside_document_ids() {
        let a = abbrs();
        let rules = TextRules {
            abbreviations: Some(&a),
            ..Default::default()
        };
        let mut page = PageText::default();
        assert_eq!(
            run(
                &rules,
                &mut page,
                "Chỉ thị 02/CT-TTg; HĐND & TTg",
                Place::Prose
            ),
            "H:Chỉ thị 02/CT-TTg; <abbr title=\"Hội đồng nhân dân\">HĐND</abbr> &amp; <abbr title=\"Thủ tướng Chính phủ\">TTg</abbr>"
        );
        assert_eq!(run(&rules, &mut page, "HĐND", Place::Prose), "T:HĐND");
        let mut fresh = PageText::default();
        assert_eq!(run(&rules, &mut fresh, "HĐND", Place::LinkText), "T:HĐND");
        assert_eq!(run(&rules, &mut fresh, "HĐND", Place::ImageAlt), "T:HĐND");
        assert!(run(&rules, &mut fresh, "HĐND", Place::Prose).starts_with("H:<abbr"));
    }

    #[test]
    fn converts_tone_style_but_not_code() {
        let rules = TextRules {
            tone_style: ToneStyle::Modern,
            ..Default::default()
        };
        let mut page = PageText::default();
        assert_eq!(
            run(&rules, &mut page, "Ủy ban, hòa", Place::Prose),
            "T:Uỷ ban, hoà"
        );
        assert_eq!(run(&rules, &mut page, "hòa", Place::CodeBlock), "T:hòa");
        assert_eq!(page.tones.traditional, 2);
    }

    #[test]
    fn tally_reports_mixed_placement_at_the_rarer_style() {
        let mut page = PageText::default();
        let body = "Ủy ban, hòa bình, thuỷ";
        page.apply(
            &TextRules::default(),
            body.into(),
            body,
            0..body.len(),
            Place::Prose,
        );
        let (at, p) = page.tones.mixed().unwrap();
        let At::Body(at) = at else { panic!("{at:?}") };
        assert_eq!(&body[at..at + "thuỷ".len()], "thuỷ");
        assert_eq!(p.code(), "mixed-tone-style");
        assert!(
            p.message(crate::Lang::En)
                .contains("2 traditional (e.g. “Ủy”)")
        );
    }

    #[test]
    fn syllable_lint_locates_words_and_respects_allow() {
        let allow = vec!["Kạn".to_string()];
        let rules = TextRules {
            lint_syllables: true,
            allow: &allow,
            ..Default::default()
        };
        let mut page = PageText::default();
        let body = "xx ngừơi ở Bắc Kạn, qúy HĐND";
        page.apply(&rules, body[3..].into(), body, 3..body.len(), Place::Prose);
        let got: Vec<_> = page
            .lints
            .iter()
            .map(|(at, _)| body[*at..].split(' ').next().unwrap_or_default())
            .collect();
        assert_eq!(got, ["ngừơi", "qúy"], "{:?}", page.lints);
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let t = "M'Drắk, 'Ea' Súp";
        let got: Vec<_> = words(t).map(|r| &t[r]).collect();
        assert_eq!(got, ["M'Drắk", "Ea", "Súp"]);
    }
}
