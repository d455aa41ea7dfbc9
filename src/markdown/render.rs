//! The render pass: one walk over the event stream that sets heading ids, rewrites internal
//! links and image sources to relative URLs, numbers footnotes with prefixed ids, applies the
//! Vietnamese text rules to running text (`text.rs`), runs the accessibility lint (`lint.rs`)
//! and counts words. Problems come back with their byte offsets for the caller to locate.

use super::lint::{PageLint, is_decorative};
use super::text::{DocumentLinks, PageText, Place, TextRules, ToneTally};
use super::{Heading, new_parser};
use crate::diagnostics::Problem;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd, TextMergeWithOffset, html};
use std::collections::HashMap;

/// Turns a link destination written in content into the URL to put in the HTML, and a
/// mention of a registered document into a link to its page.
pub trait LinkResolver: DocumentLinks {
    /// `dest` is never external (no scheme). Returns the relative URL, or what is wrong.
    fn resolve(&self, dest: &str) -> Result<String, Problem>;
}

/// The output of rendering one Markdown text.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Words of running text.
    pub words: usize,
    /// Problems (errors, the accessibility lint's included), each with its byte offset in the
    /// Markdown text.
    pub problems: Vec<(usize, Problem)>,
    /// Warnings from the text lints and the accessibility lint, each with its byte offset in
    /// the Markdown text.
    pub lints: Vec<(usize, Problem)>,
    /// Tone-mark placements of the running text, as written.
    pub tones: ToneTally,
    /// The `##` headings that are questions (end in `?`), each with the plain text of the
    /// answer below it (up to the next `##`): the page's FAQ.
    pub questions: Vec<(String, String)>,
}

/// Gathers the plain text of `##` headings and of what follows them.
#[derive(Default)]
struct Questions {
    /// Inside a `##` heading.
    in_h2: bool,
    /// The current heading's text and the answer so far; `None` before the first `##`.
    current: Option<(String, String)>,
    done: Vec<(String, String)>,
}

impl Questions {
    fn start_h2(&mut self) {
        self.finish();
        self.in_h2 = true;
        self.current = Some((String::new(), String::new()));
    }

    fn text(&mut self, t: &str) {
        if let Some((q, a)) = &mut self.current {
            if self.in_h2 {
                q.push_str(t);
            } else if q.trim_end().ends_with('?') {
                a.push_str(t);
            }
        }
    }

    fn block_end(&mut self) {
        if let Some((_, a)) = &mut self.current
            && !self.in_h2
            && !a.is_empty()
            && !a.ends_with(' ')
        {
            a.push(' ');
        }
    }

    fn finish(&mut self) {
        if let Some((q, a)) = self.current.take() {
            let (q, a) = (
                q.trim().to_string(),
                a.split_whitespace().collect::<Vec<_>>().join(" "),
            );
            if q.ends_with('?') && !a.is_empty() {
                self.done.push((q, a));
            }
        }
    }
}

/// Whether a destination leaves the site (has a URL scheme or is protocol-relative).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && !scheme.contains(['/', '?', '#'])
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// How many `<a …>` tags open and `</a>` tags close in a piece of raw HTML.
fn html_links(h: &str) -> (usize, usize) {
    let lower = h.to_ascii_lowercase();
    let opens =
        lower.matches("<a ").count() + lower.matches("<a>").count() + lower.matches("<a\n").count();
    (opens, lower.matches("</a>").count())
}

/// Renders `body`, whose headings were collected by `collect_headings`.
pub fn render(
    body: &str,
    headings: &[Heading],
    links: &dyn LinkResolver,
    rules: &TextRules<'_>,
) -> Rendered {
    let mut out = Rendered::default();
    let mut text = PageText::default();
    // Nesting of links, images and code blocks around the current event.
    let (mut in_link, mut in_image, mut in_code) = (0usize, 0usize, false);
    let mut heading_ix = 0;
    // Footnote name → (number, references so far). Ids are `fn-N` / `fnref-N[-k]`.
    let mut footnotes: HashMap<String, (usize, usize)> = HashMap::new();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut questions = Questions::default();
    let resolve = |dest: CowStr<'_>, at: usize, problems: &mut Vec<(usize, Problem)>| {
        if dest.is_empty() || is_external(&dest) {
            return dest.into_string();
        }
        match links.resolve(&dest) {
            Ok(url) => url,
            Err(p) => {
                problems.push((at, p));
                dest.into_string()
            }
        }
    };
    // The accessibility lint, once per page: not when it is re-rendered for a feed.
    let mut lint = rules.report.then(|| PageLint::new(body, headings));
    for (ev, range) in TextMergeWithOffset::new(new_parser(body).into_offset_iter()) {
        if let Some(l) = lint.as_mut() {
            l.event(&ev, &range);
        }
        match &ev {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            // Links written as raw HTML count too: nothing may be linked inside them.
            Event::Html(h) | Event::InlineHtml(h) => {
                let (opens, closes) = html_links(h);
                in_link = (in_link + opens).saturating_sub(closes);
            }
            _ => {}
        }
        if rules.questions {
            match &ev {
                Event::Start(Tag::Heading { level, .. })
                    if *level <= pulldown_cmark::HeadingLevel::H2 =>
                {
                    questions.start_h2()
                }
                Event::End(TagEnd::Heading(level))
                    if *level <= pulldown_cmark::HeadingLevel::H2 =>
                {
                    questions.in_h2 = false
                }
                Event::Text(t) | Event::Code(t) => questions.text(t),
                Event::SoftBreak | Event::HardBreak => questions.text(" "),
                Event::End(
                    TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
                ) => questions.block_end(),
                _ => {}
            }
        }
        let ev = match ev {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                if level == pulldown_cmark::HeadingLevel::H1 {
                    out.problems.push((range.start, Problem::BodyH1));
                }
                let id = headings.get(heading_ix).map(|h| CowStr::from(h.id.clone()));
                heading_ix += 1;
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: resolve(dest_url, range.start, &mut out.problems).into(),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: resolve(dest_url, range.start, &mut out.problems).into(),
                // The decorative mark is for the lint, not a tooltip.
                title: if is_decorative(&title) {
                    CowStr::Borrowed("")
                } else {
                    title
                },
                id,
            }),
            Event::FootnoteReference(name) => {
                let next = footnotes.len() + 1;
                let entry = footnotes.entry(name.to_string()).or_insert((next, 0));
                entry.1 += 1;
                let (n, k) = *entry;
                let ref_id = if k == 1 {
                    format!("fnref-{n}")
                } else {
                    format!("fnref-{n}-{k}")
                };
                Event::Html(
                    format!(
                        "<sup class=\"footnote-ref\"><a href=\"#fn-{n}\" id=\"{ref_id}\">{n}</a></sup>"
                    )
                    .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let next = footnotes.len() + 1;
                let (n, _) = *footnotes.entry(name.to_string()).or_insert((next, 0));
                Event::Html(
                    format!(
                        "<div class=\"footnote\" id=\"fn-{n}\"><span class=\"footnote-label\">{n}.</span> "
                    )
                    .into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</div>".into()),
            Event::Text(t) => {
                out.words += t.split_whitespace().count();
                let place = if in_code {
                    Place::CodeBlock
                } else if in_image > 0 {
                    Place::ImageAlt
                } else if in_link > 0 {
                    Place::LinkText
                } else {
                    Place::Prose
                };
                text.apply(rules, t, body, range, place, links)
            }
            other => other,
        };
        events.push(ev);
    }
    out.html.reserve(body.len() * 3 / 2);
    html::push_html(&mut out.html, events.into_iter());
    questions.finish();
    out.questions = questions.done;
    out.lints = text.lints;
    if let Some(l) = lint {
        out.problems.extend(l.errors);
        out.lints.extend(l.warnings);
    }
    out.tones = text.tones;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::collect_headings;

    struct Links;
    impl crate::markdown::text::DocumentLinks for Links {}
    impl LinkResolver for Links {
        fn resolve(&self, dest: &str) -> Result<String, Problem> {
            match dest {
                "b.md" => Ok("../b/".into()),
                "b.md#x" => Ok("../b/#x".into()),
                _ => Err(Problem::BrokenLink {
                    target: dest.into(),
                }),
            }
        }
    }

    fn go(md: &str) -> Rendered {
        let (h, _) = collect_headings(md);
        let rules = TextRules {
            questions: true,
            ..TextRules::default()
        };
        render(md, &h, &Links, &rules)
    }

    #[test]
    fn headings_get_ids() {
        let r = go("## Cử tri là ai?\n");
        assert_eq!(r.html, "<h2 id=\"cu-tri-la-ai\">Cử tri là ai?</h2>\n");
    }

    #[test]
    fn internal_links_resolve_and_external_stay() {
        let r = go("[b](b.md) [x](b.md#x) [w](https://a.vn/) [m](mailto:a@b.vn)");
        assert!(r.html.contains("href=\"../b/\""), "{}", r.html);
        assert!(r.html.contains("href=\"../b/#x\""));
        assert!(r.html.contains("href=\"https://a.vn/\""));
        assert!(r.html.contains("href=\"mailto:a@b.vn\""));
        assert!(r.problems.is_empty());
    }

    #[test]
    fn broken_links_report_offsets() {
        let r = go("Xem\n[c](c.md)\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].0, 4);
    }

    #[test]
    fn footnotes_have_prefixed_ids() {
        let r = go("Văn bản[^1].\n\n[^1]: Nguồn.\n");
        assert!(r.html.contains("href=\"#fn-1\""), "{}", r.html);
        assert!(r.html.contains("id=\"fn-1\""));
        assert!(!r.html.contains("id=\"1\""));
    }

    #[test]
    fn question_headings_collect_their_answers() {
        let r = go(
            "Mở đầu.\n\n## Ai được bầu?\n\nCông dân đủ\n18 tuổi.\n\n- Một\n- Hai\n\n### Chi tiết\n\nThêm `mã`.\n\n## Ghi chú\n\nKhông hỏi.\n\n## Khi nào?\n\n",
        );
        assert_eq!(
            r.questions,
            [(
                "Ai được bầu?".to_string(),
                "Công dân đủ 18 tuổi. Một Hai Chi tiết Thêm mã.".to_string()
            )]
        );
    }

    #[test]
    fn the_accessibility_lint_runs_once_per_page() {
        let md = "### Mở đầu\n\n![](https://a.vn/a.png) [tại đây](b.md)\n";
        let (h, _) = collect_headings(md);
        let mut rules = TextRules {
            report: true,
            ..TextRules::default()
        };
        let r = render(md, &h, &Links, &rules);
        let codes = |v: &[(usize, Problem)]| v.iter().map(|(_, p)| p.code()).collect::<Vec<_>>();
        assert_eq!(codes(&r.problems), ["heading-skip", "image-no-alt"]);
        assert_eq!(codes(&r.lints), ["ambiguous-link-text"]);
        // Re-rendered for a feed: the same HTML, nothing reported again.
        rules.report = false;
        let again = render(md, &h, &Links, &rules);
        assert!(again.problems.is_empty() && again.lints.is_empty());
        assert_eq!(again.html, r.html);
    }

    #[test]
    fn decorative_images_have_empty_alt_and_no_title() {
        let r = go("![](hoa-van.png \"trang trí\") ![Bản đồ](b.png \"Bản đồ xã\")");
        assert!(
            r.html.contains("<img src=\"hoa-van.png\" alt=\"\" />"),
            "{}",
            r.html
        );
        assert!(r.html.contains("title=\"Bản đồ xã\""), "{}", r.html);
    }

    #[test]
    fn raw_html_links_count_as_links() {
        assert_eq!(html_links("<a href=\"x\">"), (1, 0));
        assert_eq!(html_links("<A HREF=x>a</A> <abbr>"), (1, 1));
        assert_eq!(html_links("<area> <b>"), (0, 0));
    }

    #[test]
    fn external_detection() {
        assert!(is_external("https://x"));
        assert!(is_external("//cdn"));
        assert!(is_external("tel:113"));
        assert!(!is_external("a.md"));
        assert!(!is_external("../a.md#b:c"));
        assert!(!is_external("@/a.md"));
    }
}
