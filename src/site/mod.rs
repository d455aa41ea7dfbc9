//! The resolve stage: from loaded sources to an immutable `Site` — visibility (drafts,
//! publish, expires), URLs and their collisions, the section tree, sorting, the main menu and
//! the link index that every page's links are checked against.

mod generate;
mod index;
mod links;
mod refs;
mod tree;
pub mod urls;

pub use index::DataIndex;
pub use links::PageLinks;
pub use tree::resolve;

use crate::config::SiteConfig;
use crate::content::{Asset, Source};
use crate::data::Data;
use crate::markdown::TextRules;
use std::collections::HashMap;
use urls::UrlPath;

/// Index of a node in `Site::nodes`.
pub type PageId = usize;

/// A visible page or section.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its source file.
    pub source: Source,
    /// Where it is published.
    pub url: UrlPath,
    /// The section holding it (`None` for the home page).
    pub parent: Option<PageId>,
    /// Sections: their pages, in display order.
    pub pages: Vec<PageId>,
    /// Sections: their subsections, in display order.
    pub sections: Vec<PageId>,
}

impl Node {
    /// Whether this is the home page or a section.
    pub fn is_section(&self) -> bool {
        self.source.is_section
    }
}

/// Why a source is not published in this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// `draft: true` without `--drafts`.
    Draft,
    /// Before `publish` or after `expires`.
    OutOfWindow,
}

/// The resolved site: everything rendering needs, read-only.
#[derive(Debug, Clone)]
pub struct Site {
    /// site.yaml.
    pub config: SiteConfig,
    /// The data files of `content/_data/`.
    pub data: Data,
    /// Where the data shows up: pages made from records, citations, localities.
    pub index: DataIndex,
    /// Visible pages and sections; parents come before children.
    pub nodes: Vec<Node>,
    /// The home page.
    pub home: PageId,
    /// Visible sources by content path (`tin-tuc/a.md`).
    pub by_rel: HashMap<String, PageId>,
    /// Sources left out of this build, by content path.
    pub hidden: HashMap<String, Hidden>,
    /// Sources that failed to load (already reported), by content path.
    pub failed: std::collections::HashSet<String>,
    /// Files copied as they are, with their output paths.
    pub assets: Vec<(Asset, String)>,
    /// Output path of each asset by content path.
    pub asset_by_rel: HashMap<String, String>,
    /// The main menu, in order.
    pub nav: Vec<PageId>,
    /// The build time, in the site's time zone.
    pub now: jiff::Zoned,
}

impl Site {
    /// The text rules every page's Markdown is rendered with.
    pub fn text_rules(&self) -> TextRules<'_> {
        TextRules {
            tone_style: self.config.tone_style,
            abbreviations: Some(&self.data.glossary.matcher),
            lint_syllables: self.config.lint.suspicious_syllable,
            allow: &self.config.lint.allow,
            report: true,
            questions: false,
        }
    }

    /// The node with this id.
    pub fn node(&self, id: PageId) -> &Node {
        &self.nodes[id]
    }

    /// The dated pages of section `id`, newest first, at most `n` (feeds, "latest updates").
    pub fn latest(&self, id: PageId, n: usize) -> Vec<PageId> {
        let mut v: Vec<PageId> = self.nodes[id]
            .pages
            .iter()
            .copied()
            .filter(|p| self.nodes[*p].source.front.date.is_some())
            .collect();
        v.sort_by(|a, b| {
            let (fa, fb) = (&self.nodes[*a].source, &self.nodes[*b].source);
            fb.front
                .date
                .map(|d| d.start())
                .cmp(&fa.front.date.map(|d| d.start()))
                .then_with(|| fa.rel.cmp(&fb.rel))
        });
        v.truncate(n);
        v
    }

    /// Ancestors from the home page down to the parent of `id`.
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut v = Vec::new();
        let mut cur = self.nodes[id].parent;
        while let Some(p) = cur {
            v.push(p);
            cur = self.nodes[p].parent;
        }
        v.reverse();
        v
    }
}
