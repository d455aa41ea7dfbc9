//! The render stage: every page's Markdown through the event pass, then through its template
//! with a small context, in parallel. Produces the HTML outputs; `output/` adds the rest.

mod context;

pub use context::{CSS_PATH, Ctx, feed_path};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, line_col};
use crate::output::{Body, Output};
use crate::site::{PageId, PageLinks, Site};
use crate::templates::Templates;
use rayon::prelude::*;

/// Renders every page and the 404 page.
pub fn render_all(cx: &Ctx<'_>) -> Result<Vec<Output>, Diagnostics> {
    let results: Vec<Result<Output, Vec<Diagnostic>>> = (0..cx.site.nodes.len())
        .into_par_iter()
        .map(|id| render_page(cx, id))
        .collect();
    let mut out = Vec::with_capacity(results.len() + 1);
    let mut diags = Diagnostics::new();
    for r in results {
        match r {
            Ok(o) => out.push(o),
            Err(d) => diags.extend(d),
        }
    }
    match render_404(cx) {
        Ok(o) => out.push(o),
        Err(d) => diags.push(d),
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// Markdown of page `id` rendered with links resolved (relative, or absolute from `base`).
pub fn page_html(
    site: &Site,
    id: PageId,
    offline: bool,
    base: Option<&str>,
) -> Result<markdown::Rendered, Vec<Diagnostic>> {
    let node = site.node(id);
    let links = PageLinks {
        site,
        from: id,
        offline,
        absolute_base: base,
    };
    let src = &node.source;
    let r = markdown::render(&src.body, &src.headings, &links);
    if r.problems.is_empty() {
        return Ok(r);
    }
    Err(r
        .problems
        .iter()
        .map(|(off, p)| {
            let (l, c) = line_col(&src.body, *off, src.body_line);
            Diagnostic::error(src.path.clone(), p.clone()).at(&src.text, l, c)
        })
        .collect())
}

fn render_page(cx: &Ctx<'_>, id: PageId) -> Result<Output, Vec<Diagnostic>> {
    let node = cx.site.node(id);
    let rendered = page_html(cx.site, id, cx.opts.offline, None)?;
    let depth = crate::output::minify::nesting_depth(&rendered.html);
    if depth > crate::output::minify::MAX_DEPTH {
        let src = &node.source;
        return Err(vec![
            Diagnostic::error(
                src.path.clone(),
                crate::diagnostics::Problem::TooDeep { depth },
            )
            .at(&src.text, src.body_line, 1),
        ]);
    }
    let context = cx.page_context(id, rendered);
    let template = template_for(cx.templates, node, id == cx.site.home);
    let html = cx
        .templates
        .render(&template, &tera_context(&context))
        .map_err(|d| vec![with_page(d, node)])?;
    Ok(Output {
        path: node.url.file(),
        body: Body::Bytes(cx.finish_html(html)),
    })
}

fn render_404(cx: &Ctx<'_>) -> Result<Output, Diagnostic> {
    let html = cx
        .templates
        .render("404.html", &tera_context(&cx.not_found_context()))?;
    Ok(Output {
        path: "404.html".into(),
        body: Body::Bytes(cx.finish_html(html)),
    })
}

fn template_for(t: &Templates, node: &crate::site::Node, is_home: bool) -> String {
    if let Some(name) = &node.source.front.template {
        return name.clone();
    }
    if is_home && t.has("index.html") {
        "index.html".into()
    } else if node.is_section() {
        "section.html".into()
    } else {
        "page.html".into()
    }
}

/// A template error while rendering a page names the page too, when the template doesn't.
fn with_page(mut d: Diagnostic, node: &crate::site::Node) -> Diagnostic {
    if d.file.is_none() {
        d.file = Some(node.source.path.clone());
    }
    d
}

fn tera_context(c: &impl serde::Serialize) -> tera::Context {
    tera::Context::from_serialize(c).unwrap_or_default()
}
