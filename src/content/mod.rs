//! The load stage: walks `content/`, reads every Markdown file as NFC text, parses its front
//! matter and collects its headings. Other files become assets copied beside their pages.

pub mod front_matter;
mod load;

pub use front_matter::{FrontMatter, PagesFrom, SortBy, SourceRef};
pub use load::load;

use crate::markdown::Heading;
use std::path::PathBuf;

/// One Markdown file, read and checked.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to `content/`, with `/` separators (`tin-tuc/a.md`).
    pub rel: String,
    /// Path for messages, relative to the site root (`content/tin-tuc/a.md`).
    pub path: PathBuf,
    /// Whether this is a section's `_index.md`.
    pub is_section: bool,
    /// Checked front matter.
    pub front: FrontMatter,
    /// The Markdown body (NFC).
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// The whole file (NFC), for error snippets.
    pub text: String,
    /// The body's headings with their ids.
    pub headings: Vec<Heading>,
    /// For a page made from a data record (`pages_from:`): the set and the record's index.
    pub origin: Option<Origin>,
}

/// The data record a generated page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The data set.
    pub set: String,
    /// The record's index in it.
    pub index: usize,
}

impl Source {
    /// The folder holding the file, relative to `content/` (`""` at the top).
    pub fn dir(&self) -> &str {
        self.rel.rsplit_once('/').map_or("", |(d, _)| d)
    }
}

/// A non-Markdown file inside `content/` (an image, a PDF).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Where it is on disk.
    pub abs: PathBuf,
}

/// Everything the load stage found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Markdown files, sorted by `rel`.
    pub sources: Vec<Source>,
    /// Other files, sorted by `rel`.
    pub assets: Vec<Asset>,
    /// Markdown files that could not be read or parsed (already reported), by `rel`, so later
    /// stages neither report links to them as broken nor their folders as missing an index.
    pub failed: std::collections::HashSet<String>,
}
