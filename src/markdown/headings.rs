//! Headings of a Markdown text: their plain text, level and unique id (explicit `{#id}` or
//! the slug of the text), computed once at load so links to `page.md#id` can be checked.

use super::new_parser;
use crate::diagnostics::Problem;
use crate::vi::slugify;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::HashSet;

/// Whether an id belongs to the theme (`noi-dung`, the main landmark, and `loa-*`) or to
/// footnotes (`fn-N`, `fnref-N`), so headings never take it.
pub fn is_reserved_id(id: &str) -> bool {
    id == "noi-dung" || ["loa-", "fn-", "fnref-"].iter().any(|p| id.starts_with(p))
}

/// One heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Unique id on the page.
    pub id: String,
    /// Plain text.
    pub title: String,
    /// Byte offset in the Markdown text.
    pub offset: usize,
}

/// All headings of `body`, with ids made unique, and problems (duplicate explicit ids) with
/// their byte offsets.
pub fn collect_headings(body: &str) -> (Vec<Heading>, Vec<(usize, Problem)>) {
    let mut out: Vec<Heading> = Vec::new();
    let mut explicit: Vec<Option<String>> = Vec::new();
    let mut current: Option<(u8, Option<String>, String, usize)> = None;
    for (ev, range) in new_parser(body).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((
                    level as u8,
                    id.map(|s| s.to_string()),
                    String::new(),
                    range.start,
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text, _)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, text, _)) = current.as_mut() {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, title, offset)) = current.take() {
                    explicit.push(id);
                    out.push(Heading {
                        level,
                        id: String::new(),
                        title: title.trim().to_string(),
                        offset,
                    });
                }
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    // Explicit ids first: they win over generated ones.
    for (h, e) in out.iter_mut().zip(&explicit) {
        if let Some(id) = e {
            if is_reserved_id(id) || !used.insert(id.clone()) {
                problems.push((h.offset, Problem::DuplicateHeadingId { id: id.clone() }));
            }
            h.id = id.clone();
        }
    }
    for (i, (h, e)) in out.iter_mut().zip(&explicit).enumerate() {
        if e.is_some() {
            continue;
        }
        let mut base = slugify(&h.title);
        if base.is_empty() {
            base = format!("muc-{}", i + 1);
        } else if is_reserved_id(&base) {
            base = format!("muc-{base}");
        }
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        h.id = id;
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_unique_and_explicit_ids_win() {
        let md = "# Ai được bầu cử?\n\n## Danh sách\n\n## Danh sách\n\n## Khác {#danh-sach}\n";
        let (h, p) = collect_headings(md);
        let ids: Vec<&str> = h.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["ai-duoc-bau-cu", "danh-sach-2", "danh-sach-3", "danh-sach"]
        );
        assert!(p.is_empty());
        assert_eq!(h[0].title, "Ai được bầu cử?");
        assert_eq!(h[1].level, 2);
    }

    #[test]
    fn theme_ids_are_never_taken() {
        let (h, p) = collect_headings("## Nội dung\n\n## X {#loa-nguon}\n");
        assert_eq!(h[0].id, "muc-noi-dung");
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn duplicate_explicit_ids_are_reported() {
        let (_, p) = collect_headings("## A {#x}\n\n## B {#x}\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, 11);
    }
}
