//! Site search, built at build time (ARCHITECTURE.md §11): the text of each rendered page
//! becomes tokens keyed by the Vietnamese fold, merged into an index written as `.js` files
//! that a `<script>` tag loads, so searching needs no server and works from `file://`.

mod bigrams;
pub mod builder;
mod collapse;
mod elements;
pub mod encode;
pub mod extract;
pub mod index;
pub mod token;
pub mod vocab;

pub use builder::Builder;
pub use encode::{DIR, Fragment};
pub use index::PageIndex;
pub use vocab::Vocab;

use crate::diagnostics::Diagnostic;

/// The search page's folder in the output.
pub const PAGE_DIR: &str = "tim-kiem";
/// The client script in the output (from the theme's `static/`).
pub const CLIENT: &str = "js/tim-kiem.js";

/// Where the index files go as soon as they are made, so a build never holds them: the
/// output's staging folder, or nowhere for `loa check`.
pub trait Sink: Sync {
    /// Writes `bytes` at `path` (relative to the output folder).
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
}

/// A sink that keeps nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: &[u8]) -> Result<(), Diagnostic> {
        Ok(())
    }
}

thread_local! {
    /// Each rendering thread's text buffers, reused from page to page.
    static TEXT: std::cell::RefCell<extract::Text> = std::cell::RefCell::default();
}

/// The variants, bigrams and text of a rendered page (`html` is the whole document).
pub fn analyze(html: &str, vocab: &Vocab) -> PageIndex {
    TEXT.with_borrow_mut(|text| {
        extract::extract_into(html, text);
        index::page_index(text, vocab)
    })
}
