//! Atom feeds: one `atom.xml` for each section whose `_index.md` says `feed: true` and for
//! each locality page with updates, the entries' content rendered again with absolute links
//! (feeds are read away from the site).

use super::{Body, Output};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::{Ctx, feed_path, page_html};
use crate::site::urls::{self, Dest};
use crate::templates::{FeedCtx, FeedEntry};
use crate::vi::date::Moment;

/// How many entries a feed carries.
const MAX_ENTRIES: usize = 50;

/// The feeds of the site (none without `base_url`: Atom needs absolute URLs).
pub fn feeds(cx: &Ctx<'_>) -> Result<Vec<Output>, Diagnostics> {
    let site = cx.site;
    let Some(base) = site.config.base_url.as_deref() else {
        return Ok(Vec::new());
    };
    let mut outputs = Vec::new();
    let mut diags = Diagnostics::new();
    let mut feeds: Vec<(usize, Vec<usize>)> = Vec::new();
    for (id, node) in site.nodes.iter().enumerate() {
        if node.is_section() && node.source.front.feed {
            feeds.push((id, site.latest(id, MAX_ENTRIES)));
        } else if let Some(o) = &node.source.origin
            && o.set == "localities"
        {
            let name = &site.data.localities.list[o.index].name;
            let pages: Vec<usize> = site
                .index
                .by_locality
                .get(name)
                .into_iter()
                .flatten()
                .copied()
                .filter(|p| site.node(*p).source.front.date.is_some())
                .take(MAX_ENTRIES)
                .collect();
            if !pages.is_empty() {
                feeds.push((id, pages));
            }
        }
    }
    for (id, pages) in feeds {
        let node = site.node(id);
        let mut entries = Vec::new();
        for p in pages {
            let f = &site.node(p).source.front;
            let Some(published) = f.date else { continue };
            let html = match page_html(site, p, false, Some(base)) {
                Ok(r) => r.html,
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            };
            let url = urls::absolute(base, Dest::Page(&site.node(p).url));
            entries.push(FeedEntry {
                title: f.title.clone(),
                id: url.clone(),
                url,
                published: rfc3339(cx, published),
                updated: rfc3339(cx, f.updated.unwrap_or(published)),
                summary: f.description.clone(),
                content: html,
                locality: f.locality.clone(),
            });
        }
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| site.now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
        let path = feed_path(&node.url);
        let alternate = urls::absolute(base, Dest::Page(&node.url));
        let feed = FeedCtx {
            title: format!("{} – {}", node.source.front.title, site.config.title),
            id: alternate.clone(),
            self_url: urls::absolute(base, Dest::File(&path)),
            alternate_url: alternate,
            updated,
            entries,
        };
        let mut ctx = tera::Context::new();
        ctx.insert("feed", &feed);
        match cx.templates.render("atom.xml", &ctx) {
            Ok(xml) => outputs.push(Output {
                path,
                body: Body::Bytes(xml.into_bytes()),
            }),
            Err(d) => diags.push(with_file(d, &site.node(id).source.path)),
        }
    }
    if diags.is_empty() {
        Ok(outputs)
    } else {
        Err(diags)
    }
}

fn with_file(mut d: Diagnostic, p: &std::path::Path) -> Diagnostic {
    if d.file.is_none() {
        d.file = Some(p.to_path_buf());
    }
    d
}

/// RFC 3339 in the site's time zone.
pub fn rfc3339(cx: &Ctx<'_>, m: Moment) -> String {
    m.start()
        .to_zoned(cx.site.now.time_zone().clone())
        .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_else(|_| format!("{}T00:00:00Z", m.date()))
}
