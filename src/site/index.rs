//! Where the data shows up in the resolved site, worked out once: the page made from each
//! record, the pages citing each document, the pages about each locality, and the schedule
//! page. Renders look things up here instead of walking the site.

use super::{Node, PageId};
use crate::content::SourceRef;
use crate::data::{Data, Record};
use std::collections::HashMap;

/// Lookups from data to pages.
#[derive(Debug, Clone, Default)]
pub struct DataIndex {
    /// Records of the data sets pages were made from, by set.
    pub records: HashMap<String, Vec<Record>>,
    /// The page made from record `i` of a set.
    pages: HashMap<String, Vec<Option<PageId>>>,
    /// Pages whose `sources:` cite document `i` of the register.
    pub cited_by: HashMap<usize, Vec<PageId>>,
    /// Pages whose `locality:` is each listed name, newest first.
    pub by_locality: HashMap<String, Vec<PageId>>,
    /// The page that shows the schedule (`data: [schedule]`, other than the home page).
    pub schedule_page: Option<PageId>,
}

impl DataIndex {
    /// Indexes the visible `nodes`.
    pub fn new(
        nodes: &[Node],
        home: PageId,
        data: &Data,
        records: HashMap<String, Vec<Record>>,
    ) -> Self {
        let mut ix = DataIndex {
            records,
            ..Self::default()
        };
        for (id, n) in nodes.iter().enumerate() {
            let f = &n.source.front;
            if let Some(o) = &n.source.origin {
                let v = ix.pages.entry(o.set.clone()).or_default();
                if v.len() <= o.index {
                    v.resize(o.index + 1, None);
                }
                v[o.index] = Some(id);
            }
            for s in &f.sources {
                if let SourceRef::Document(d) = s
                    && let Some(i) = data.documents.find(d)
                {
                    let v = ix.cited_by.entry(i).or_default();
                    if !v.contains(&id) {
                        v.push(id);
                    }
                }
            }
            if let Some(l) = &f.locality
                && n.source.origin.is_none()
            {
                ix.by_locality.entry(l.clone()).or_default().push(id);
            }
            if id != home && ix.schedule_page.is_none() && f.data.iter().any(|d| d == "schedule") {
                ix.schedule_page = Some(id);
            }
        }
        for v in ix.by_locality.values_mut() {
            v.sort_by(|a, b| {
                let (fa, fb) = (&nodes[*a].source, &nodes[*b].source);
                fb.front
                    .date
                    .map(|d| d.start())
                    .cmp(&fa.front.date.map(|d| d.start()))
                    .then_with(|| fa.rel.cmp(&fb.rel))
            });
        }
        ix
    }

    /// The page made from record `index` of `set`, if it is published.
    pub fn page(&self, set: &str, index: usize) -> Option<PageId> {
        self.pages.get(set)?.get(index).copied().flatten()
    }

    /// Whether pages were made from `set`.
    pub fn has_pages(&self, set: &str) -> bool {
        self.pages.contains_key(set)
    }
}
