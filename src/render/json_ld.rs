//! A page's structured data (JSON-LD), one `@graph`: the publisher as a
//! GovernmentOrganization, the BreadcrumbList, NewsArticle for dated updates, an Event per
//! milestone on the schedule page, Legislation on a document's page, FAQPage on question pages.

use super::Ctx;
use crate::site::PageId;
use crate::site::urls::{self, Dest};
use serde_json::{Value, json};

/// The share image every page names in Open Graph, inside the static files.
pub const SHARE_IMAGE: &str = "img/chia-se.png";

impl Ctx<'_> {
    /// The JSON-LD of page `id` (safe inside `<script>`), or `None` when it has nothing to say.
    pub(super) fn json_ld(&self, id: PageId, questions: &[(String, String)]) -> Option<String> {
        let site = self.site;
        let node = site.node(id);
        let f = &node.source.front;
        let base = site.config.base_url.as_deref();
        let abs = |p: PageId| base.map(|b| urls::absolute(b, Dest::Page(&site.node(p).url)));
        let mut graph: Vec<Value> = Vec::new();
        let publisher_id = base.map(|b| format!("{b}#to-chuc"));
        if let Some(b) = base {
            graph.push(json!({
                "@type": "GovernmentOrganization",
                "@id": publisher_id,
                "name": site.config.publisher.clone().unwrap_or_else(|| site.config.title.clone()),
                "url": b,
            }));
            if id != site.home {
                let mut items: Vec<Value> = site
                    .ancestors(id)
                    .into_iter()
                    .chain([id])
                    .enumerate()
                    .map(|(i, p)| {
                        let name = if p == site.home {
                            self.t.get("home").cloned().unwrap_or_else(|| site.config.title.clone())
                        } else {
                            site.node(p).source.front.title.clone()
                        };
                        json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": abs(p) })
                    })
                    .collect();
                items.dedup();
                graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": items }));
            }
        }
        let updates_page = node.parent.is_some_and(|p| Some(p) == self.updates);
        if let (true, Some(date), Some(url)) = (updates_page, f.date, abs(id)) {
            graph.push(json!({
                "@type": "NewsArticle",
                "headline": f.title.chars().take(110).collect::<String>(),
                "description": f.description,
                "datePublished": crate::output::feeds::rfc3339(self, date),
                "dateModified": crate::output::feeds::rfc3339(self, f.updated.unwrap_or(date)),
                "inLanguage": site.config.language,
                "url": url,
                "mainEntityOfPage": url,
                "image": self.share_image.as_deref().map(|i| vec![i]),
                "author": { "@id": publisher_id },
                "publisher": { "@id": publisher_id },
                "contentLocation": f.locality.as_ref().map(|l| json!({ "@type": "AdministrativeArea", "name": l })),
            }));
        }
        if site.index.schedule_page == Some(id)
            && let Some(s) = &site.data.schedule
        {
            for m in &s.milestones {
                graph.push(json!({
                    "@type": "Event",
                    "name": m.title,
                    "startDate": m.start.to_string(),
                    "endDate": m.last_day().to_string(),
                    "eventStatus": "https://schema.org/EventScheduled",
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                    "location": { "@type": "Country", "name": "Việt Nam" },
                    "organizer": m.who.as_ref().map(|w| json!({ "@type": "GovernmentOrganization", "name": w })),
                    "description": m.note,
                    "url": abs(id).map(|u| format!("{u}#loa-moc-{}", m.id)),
                }));
            }
        }
        if let Some(o) = &node.source.origin
            && o.set == "documents"
            && let Some(d) = site.data.documents.list.get(o.index)
        {
            graph.push(json!({
                "@type": "Legislation",
                "name": d.name(),
                "description": d.title,
                "abstract": d.summary,
                "legislationIdentifier": d.id,
                "legislationType": d.kind,
                "legislationDate": d.date.map(|x| x.to_string()),
                "legislationPassedBy": { "@type": "GovernmentOrganization", "name": d.issuer },
                "legislationJurisdiction": {
                    "@type": "AdministrativeArea",
                    "name": d.locality.clone().unwrap_or_else(|| "Việt Nam".into()),
                },
                "inLanguage": site.config.language,
                "url": abs(id),
                "sameAs": d.url,
            }));
        }
        if super::context::is_faq(&node.source) && !questions.is_empty() {
            let entities: Vec<Value> = questions
                .iter()
                .map(|(q, a)| {
                    json!({
                        "@type": "Question",
                        "name": q,
                        "acceptedAnswer": { "@type": "Answer", "text": a },
                    })
                })
                .collect();
            graph.push(json!({ "@type": "FAQPage", "url": abs(id), "mainEntity": entities }));
        }
        if graph.is_empty() {
            return None;
        }
        let mut v = json!({ "@context": "https://schema.org", "@graph": graph });
        strip_nulls(&mut v);
        Some(v.to_string().replace('<', "\\u003c"))
    }
}

/// Drops `null` members, so optional properties are simply absent.
fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
