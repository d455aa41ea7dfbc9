//! `sitemap.xml` (absolute URLs, so only with `base_url`), `robots.txt`, and the redirect
//! pages of `aliases:`.

use super::{Body, Output};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use crate::render::Ctx;
use crate::site::urls::{self, Dest, UrlPath};
use crate::templates::SitemapEntry;
use crate::vi::slugify;

/// `sitemap.xml` and `robots.txt`.
pub fn sitemap_and_robots(cx: &Ctx<'_>) -> Result<Vec<Output>, Diagnostic> {
    let site = cx.site;
    let base = site.config.base_url.as_deref();
    let mut out = Vec::new();
    if let Some(base) = base {
        let mut entries: Vec<SitemapEntry> = site
            .nodes
            .iter()
            .map(|n| SitemapEntry {
                loc: urls::absolute(base, Dest::Page(&n.url)),
                lastmod: n
                    .source
                    .front
                    .updated
                    .or(n.source.front.date)
                    .map(|d| d.date().to_string()),
            })
            .collect();
        entries.sort_by(|a, b| a.loc.cmp(&b.loc));
        let mut ctx = tera::Context::new();
        ctx.insert("entries", &entries);
        let xml = cx.templates.render("sitemap.xml", &ctx)?;
        out.push(Output {
            path: "sitemap.xml".into(),
            body: Body::Bytes(xml.into_bytes()),
        });
    }
    let mut ctx = tera::Context::new();
    ctx.insert(
        "sitemap_url",
        &base.map(|b| urls::absolute(b, Dest::File("sitemap.xml"))),
    );
    let robots = cx.templates.render("robots.txt", &ctx)?;
    out.push(Output {
        path: "robots.txt".into(),
        body: Body::Bytes(robots.into_bytes()),
    });
    Ok(out)
}

/// A small page at each alias that sends the reader on to the page's new address.
pub fn aliases(cx: &Ctx<'_>) -> Result<Vec<Output>, Diagnostics> {
    let site = cx.site;
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    let taken: std::collections::HashSet<&UrlPath> = site.nodes.iter().map(|n| &n.url).collect();
    for n in &site.nodes {
        for alias in &n.source.front.aliases {
            let from = UrlPath(
                alias
                    .split('/')
                    .map(slugify)
                    .filter(|s| !s.is_empty())
                    .collect(),
            );
            if from.0.is_empty() || taken.contains(&from) {
                let line = crate::config::key_line(&n.source.text, "aliases").unwrap_or(1);
                diags.push(
                    Diagnostic::error(
                        n.source.path.clone(),
                        Problem::UrlCollision {
                            url: if from.0.is_empty() {
                                "/".into()
                            } else {
                                from.absolute()
                            },
                            other: alias.clone(),
                        },
                    )
                    .at(&n.source.text, line, 1),
                );
                continue;
            }
            let to = urls::relative(&from, Dest::Page(&n.url), cx.opts.offline);
            let title = crate::templates::escape(&n.source.front.title);
            let html = format!(
                "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
                 <meta http-equiv=\"refresh\" content=\"0; url={to}\"><meta name=\"robots\" content=\"noindex\">\
                 </head><body><p><a href=\"{to}\">{title}</a></p></body></html>",
                lang = site.config.language,
            );
            out.push(Output {
                path: from.file(),
                body: Body::Bytes(html.into_bytes()),
            });
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}
