//! Markdown → HTML. One function sets the parser options; a single event pass gives headings
//! their ids, resolves internal links through a `LinkResolver`, prefixes footnote ids and
//! applies the Vietnamese text rules (tone style, `<abbr>`, text lints) to running text and
//! the accessibility lint (`lint.rs`). Knows nothing of Tera or of the site tree.

mod headings;
mod lint;
mod render;
pub mod text;

pub use headings::{Heading, collect_headings};
pub use render::{LinkResolver, Rendered, render};
pub use text::{TextRules, ToneTally};

use pulldown_cmark::{Options, Parser};

/// The parser options every Markdown text in Loa is read with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A parser over `text` with Loa's options (mdBook's `new_cmark_parser`).
pub fn new_parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// 1-based (line, column in characters) of `offset` in `text`, plus `first_line - 1`.
pub fn line_col(text: &str, offset: usize, first_line: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line + first_line, col)
}
