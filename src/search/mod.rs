//! Site search, built at build time (ARCHITECTURE.md §11): the text of each rendered page
//! becomes tokens keyed by the Vietnamese fold, merged into an index written as `.js` files
//! that a `<script>` tag loads, so searching needs no server and works from `file://`.

pub mod builder;
pub mod encode;
pub mod extract;
pub mod index;
pub mod token;

pub use builder::Builder;
pub use encode::{DIR, Fragment};
pub use index::PageTerms;

/// The search page's folder in the output.
pub const PAGE_DIR: &str = "tim-kiem";
/// The client script in the output (from the theme's `static/`).
pub const CLIENT: &str = "js/tim-kiem.js";

/// The tokens, bigrams and text of a rendered page (`html` is the whole document).
pub fn analyze(html: &str) -> PageTerms {
    index::page_terms(&extract::extract(html))
}
