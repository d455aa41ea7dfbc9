//! The data a page's context carries: the "Căn cứ" list of its sources, the groups of a
//! `group_by:` listing, the record of a generated page with what relates to it, and the data
//! sets its `data:` asks for (the schedule with each milestone's status at build time, the
//! glossary in Vietnamese order, any list of records). URLs are relative to the page.

use super::Ctx;
use crate::content::SourceRef;
use crate::data::records::status_word;
use crate::data::{Data, Milestone};
use crate::site::urls::{self, Dest, UrlPath};
use crate::site::{Node, PageId};
use crate::templates::{DateCtx, GroupCtx, RecordCtx, SourceCtx, Summary};
use serde_json::{Map, Value, json};

/// Where the schedule's calendar file is written.
pub const ICS_PATH: &str = "lich-bau-cu.ics";

impl Ctx<'_> {
    fn data(&self) -> &Data {
        &self.site.data
    }

    /// One entry of the "Căn cứ" list: a registered document links to its page.
    pub(super) fn source_ctx(&self, from: &UrlPath, s: &SourceRef) -> SourceCtx {
        match s {
            SourceRef::Document(id) => match self.data().documents.find(id) {
                Some(i) => {
                    let d = &self.data().documents.list[i];
                    SourceCtx {
                        id: Some(d.id.clone()),
                        title: Some(d.name()),
                        url: self
                            .site
                            .index
                            .page("documents", i)
                            .map(|p| self.link(from, p)),
                        publisher: Some(d.issuer.clone()),
                        subject: Some(d.title.clone()),
                        date: d.date.map(DateCtx::new),
                    }
                }
                None => SourceCtx {
                    id: Some(id.clone()),
                    ..SourceCtx::default()
                },
            },
            SourceRef::Web {
                title,
                url,
                publisher,
            } => SourceCtx {
                title: Some(title.clone()),
                url: Some(url.clone()),
                publisher: publisher.clone(),
                ..SourceCtx::default()
            },
        }
    }

    /// Relative URL of the page of the locality `name`.
    pub(super) fn locality_url(&self, from: &UrlPath, name: &str) -> Option<String> {
        let i = self.data().localities.find(name)?;
        let p = self.site.index.page("localities", i)?;
        Some(self.link(from, p))
    }

    /// A section's pages grouped by its `group_by:` field, groups in data-file order.
    pub(super) fn groups(&self, node: &Node) -> Vec<GroupCtx> {
        let Some(pf) = &node.source.front.pages_from else {
            return Vec::new();
        };
        let (Some(field), Some(records)) = (&pf.group_by, self.site.index.records.get(&pf.set))
        else {
            return Vec::new();
        };
        let key = |p: PageId| {
            let o = self.site.node(p).source.origin.as_ref()?;
            records.get(o.index)?.text(field)
        };
        let mut order: Vec<String> = Vec::new();
        for r in records {
            if let Some(k) = r.text(field)
                && !order.contains(&k)
            {
                order.push(k);
            }
        }
        order
            .into_iter()
            .map(|title| GroupCtx {
                pages: node
                    .pages
                    .iter()
                    .filter(|p| key(**p).as_deref() == Some(title.as_str()))
                    .map(|p| self.summary(&node.url, *p))
                    .collect(),
                title,
            })
            .filter(|g| !g.pages.is_empty())
            .collect()
    }

    /// The record of a generated page and what relates to it.
    pub(super) fn record_ctx(&self, id: PageId) -> Option<RecordCtx> {
        let node = self.site.node(id);
        let o = node.source.origin.as_ref()?;
        let record = self.site.index.records.get(&o.set)?.get(o.index)?;
        let from = &node.url;
        let summaries = |ids: &[PageId]| -> Vec<Summary> {
            ids.iter().map(|p| self.summary(from, *p)).collect()
        };
        let mut cx = RecordCtx {
            fields: Value::Object(record.fields.clone()),
            set: o.set.clone(),
            ..RecordCtx::default()
        };
        match o.set.as_str() {
            "documents" => {
                if let Some(pages) = self.site.index.cited_by.get(&o.index) {
                    cx.cited_by = summaries(pages);
                }
                cx.milestones =
                    self.milestones_citing(from, &self.data().documents.list[o.index].id);
            }
            "localities" => {
                let name = &self.data().localities.list[o.index].name;
                if let Some(pages) = self.site.index.by_locality.get(name) {
                    cx.pages = summaries(pages);
                }
                cx.units = self
                    .data()
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| self.data().localities.find(&u.locality) == Some(o.index))
                    .filter_map(|(i, _)| self.site.index.page("units", i))
                    .map(|p| self.summary(from, p))
                    .collect();
                let dated = cx.pages.iter().any(|p| p.date.is_some());
                if self.site.config.base_url.is_some() && dated {
                    cx.feed_url = Some(urls::relative(
                        from,
                        Dest::File(&super::feed_path(from)),
                        false,
                    ));
                }
            }
            _ => {}
        }
        Some(cx)
    }

    /// Milestones whose legal basis is the document `id`, linked into the schedule page.
    fn milestones_citing(&self, from: &UrlPath, id: &str) -> Vec<Summary> {
        let Some(s) = &self.data().schedule else {
            return Vec::new();
        };
        let page = self.site.index.schedule_page.map(|p| self.link(from, p));
        s.milestones
            .iter()
            .filter(|m| {
                m.basis.iter().any(|b| {
                    self.data()
                        .documents
                        .find(b)
                        .is_some_and(|i| self.data().documents.list[i].id == id)
                })
            })
            .map(|m| Summary {
                title: m.title.clone(),
                url: page
                    .as_ref()
                    .map_or_else(String::new, |u| format!("{u}#loa-moc-{}", m.id)),
                description: None,
                date: Some(DateCtx::new(m.start)),
                locality: None,
            })
            .collect()
    }

    /// The data sets page `id` asks for with `data:`.
    pub(super) fn data_ctx(&self, id: PageId) -> Map<String, Value> {
        let node = self.site.node(id);
        let from = &node.url;
        let mut out = Map::new();
        for name in &node.source.front.data {
            let v = match name.as_str() {
                "schedule" => self.schedule_ctx(from),
                "glossary" => self.glossary_ctx(),
                other => self.records_ctx(from, other),
            };
            out.insert(name.clone(), v);
        }
        out
    }

    /// The schedule as of the build: every milestone with its status, the next ones, whether
    /// the election is over, and where the calendar file is.
    fn schedule_ctx(&self, from: &UrlPath) -> Value {
        let Some(s) = &self.data().schedule else {
            return Value::Null;
        };
        let today = self.site.now.date();
        let statuses = s.statuses(today);
        let page = self.site.index.schedule_page.map(|p| self.link(from, p));
        let milestones: Vec<Value> = s
            .milestones
            .iter()
            .zip(&statuses)
            .map(|(m, st)| {
                let mut v = self.milestone_json(from, m);
                v["status"] = json!(status_word(*st));
                v["url"] = json!(page.as_ref().map(|u| format!("{u}#loa-moc-{}", m.id)));
                v
            })
            .collect();
        let next: Vec<Value> = milestones
            .iter()
            .filter(|m| m["status"] == "next" || m["status"] == "now")
            .cloned()
            .collect();
        json!({
            "today": DateCtx::new(today),
            "election_day": DateCtx::new(s.election_day),
            "over": s.election_day < today
                && statuses.iter().all(|st| *st == crate::data::Status::Past),
            "milestones": milestones,
            "next": next,
            "page_url": page,
            "ics_url": urls::relative(from, Dest::File(ICS_PATH), false),
        })
    }

    fn milestone_json(&self, from: &UrlPath, m: &Milestone) -> Value {
        let docs = &self.data().documents;
        let basis: Vec<Value> = m
            .basis
            .iter()
            .map(|b| match docs.find(b) {
                Some(i) => json!({
                    "id": docs.list[i].id,
                    "name": docs.list[i].name(),
                    "url": self.site.index.page("documents", i).map(|p| self.link(from, p)),
                }),
                None => json!({ "id": b, "name": b, "url": null }),
            })
            .collect();
        json!({
            "id": m.id,
            "title": m.title,
            "date": DateCtx::new(m.start),
            "end": m.end.map(DateCtx::new),
            "offset_days": m.offset_days,
            "offset_abs": m.offset_days.map(i32::unsigned_abs),
            "deadline": m.deadline,
            "time": m.time,
            "who": m.who,
            "basis": basis,
            "note": m.note,
        })
    }

    /// The glossary in Vietnamese alphabetical order of the abbreviations.
    fn glossary_ctx(&self) -> Value {
        let mut terms: Vec<&crate::data::glossary::Term> =
            self.data().glossary.terms.iter().collect();
        terms.sort_by(|a, b| crate::vi::collate::compare(a.abbr.trim(), b.abbr.trim()));
        Value::Array(
            terms
                .into_iter()
                .map(|t| {
                    json!({
                        "abbr": t.abbr.trim(), "expansion": t.expansion,
                        "meanings": t.meanings, "description": t.description,
                    })
                })
                .collect(),
        )
    }

    /// Any data set as a list of records, each with the URL of its page when it has one.
    fn records_ctx(&self, from: &UrlPath, set: &str) -> Value {
        let Some(records) = self.data().records(set) else {
            return Value::Null;
        };
        Value::Array(
            records
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut f = r.fields;
                    let url = self.site.index.page(set, i).map(|p| self.link(from, p));
                    f.insert("url".into(), json!(url));
                    Value::Object(f)
                })
                .collect(),
        )
    }
}
