//! The render stage: every page's Markdown through the event pass, then through its template
//! with a small context, in parallel. Produces the HTML outputs; `output/` adds the rest.

mod context;
mod data_ctx;
mod in_order;
mod json_ld;

pub use context::{CSS_PATH, Ctx, feed_path};
pub use data_ctx::ICS_PATH;
pub use json_ld::SHARE_IMAGE;

use crate::diagnostics::{Diagnostic, Diagnostics, WithWarnings};
use crate::markdown::{self, line_col, text::At};
use crate::output::{Body, Output};
use crate::search::encode::GROUP;
use crate::search::vocab::Words;
use crate::search::{Builder, Fragment, PageIndex, Sink, Vocab};
use crate::site::urls::Dest;
use crate::site::{PageId, PageLinks, Site};
use crate::templates::Templates;

/// What rendering every page made.
pub struct Pages {
    /// The HTML outputs (the 404 page included).
    pub outputs: Vec<Output>,
    /// With search: how many index files went to the sink so far (the fragments).
    pub search_files: usize,
    /// The pages' warnings.
    pub warnings: Diagnostics,
    /// With search: the index with every page in, and the vocabulary its ids refer to, to be
    /// finished (its chunks written) while the build goes on; its hash is already known.
    pub index: Option<(Builder, Words)>,
}

/// How many pages may be rendered past the oldest one the index has not taken in yet: so few
/// pages' terms are ever held, while no core waits for another to end a batch. The index
/// takes pages in runs of half as many.
const AHEAD: usize = 128;

type Rendered = WithWarnings<(Output, Option<PageIndex>)>;

/// Renders every page and the 404 page and, when the site has search, indexes the pages'
/// text, writing each page's fragment to `sink` as it is made.
pub fn render_all(cx: &Ctx<'_>, sink: &dyn Sink) -> Result<Pages, Diagnostics> {
    let n = cx.site.nodes.len();
    let vocab = Vocab::new();
    let mut out = Pages {
        outputs: Vec::with_capacity(n + 1),
        search_files: 0,
        warnings: Diagnostics::new(),
        index: None,
    };
    let mut diags = Diagnostics::new();
    let mut index = Builder::new();
    // Pages are rendered a group at a time, the pages that share a fragment file (with or
    // without search: a job per page would cost a hand-over per page). The index takes them
    // in, in page order, on a thread of its own while the next ones render; its allocations
    // then never wait on the renderers' (glibc's arenas).
    in_order::run_in_order(
        n.div_ceil(GROUP),
        AHEAD / GROUP,
        |g| render_group(cx, g * GROUP..(g * GROUP + GROUP).min(n), &vocab, sink),
        |rendered| {
            for r in rendered {
                match r {
                    Ok(((o, s), w)) => {
                        out.outputs.push(o);
                        if let Some(page) = s {
                            index.add(&page);
                        }
                        out.warnings.extend(w);
                    }
                    Err(d) => diags.extend(d),
                }
            }
        },
    );
    if cx.site.config.search && diags.is_empty() {
        out.search_files = n.div_ceil(GROUP);
        out.index = Some((index, vocab.into_words()));
    }
    match render_404(cx) {
        Ok(o) => out.outputs.push(o),
        Err(d) => diags.push(d),
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// The search page, whose index has the cache key `hash`.
pub fn render_search(cx: &Ctx<'_>, hash: &str) -> Result<Output, Diagnostic> {
    let html = cx
        .templates
        .render("search.html", &tera_context(&cx.search_context(hash)))?;
    Ok(Output {
        path: format!("{}/index.html", crate::search::PAGE_DIR),
        body: Body::Bytes(cx.finish_html(html)),
    })
}

/// What page `id`, rendered as `html`, gives the search index, and its fragment.
fn search_entry(cx: &Ctx<'_>, id: PageId, html: &str, vocab: &Vocab) -> (PageIndex, Fragment) {
    let site = cx.site;
    let node = site.node(id);
    let root = crate::site::urls::UrlPath::default();
    let url = crate::site::urls::relative(&root, Dest::Page(&node.url), cx.opts.offline);
    let mut terms = crate::search::analyze(html, vocab);
    let fragment = Fragment {
        u: url.strip_prefix("./").unwrap_or(&url).to_string(),
        t: node.source.front.title.clone(),
        s: node
            .parent
            .filter(|p| *p != site.home)
            .map(|p| site.node(p).source.front.title.clone()),
        x: std::mem::take(&mut terms.text),
    };
    (terms, fragment)
}

/// Renders the pages `ids`, which share a fragment file (page numbers are page ids); with
/// search, writes that file to `sink` and mixes it into the first page's hash.
fn render_group(
    cx: &Ctx<'_>,
    ids: std::ops::Range<PageId>,
    vocab: &Vocab,
    sink: &dyn Sink,
) -> Vec<Rendered> {
    let mut fragments = Vec::with_capacity(ids.len());
    let mut out: Vec<Rendered> = ids
        .clone()
        .map(|id| {
            let ((o, entry), w) = render_page(cx, id, vocab)?;
            let index = entry.map(|(index, f)| {
                fragments.push(f);
                index
            });
            Ok(((o, index), w))
        })
        .collect();
    // A page that failed fails the build: its group's file is not needed.
    if fragments.len() == ids.len() {
        let (path, bytes) = crate::search::encode::fragment_file(ids.start / GROUP, &fragments);
        if let Err(d) = sink.put(&path, &bytes) {
            out.push(Err(vec![d]));
        } else if let Some(Ok(((_, Some(first)), _))) = out.first_mut() {
            crate::search::encode::hash_bytes(&mut first.hash, &bytes);
        }
    }
    out
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
    let mut rules = site.text_rules();
    // A feed re-renders the page with absolute links; its findings were reported the first time.
    rules.report = base.is_none();
    rules.questions = base.is_none() && context::is_faq(src);
    let r = markdown::render(&src.body, &src.headings, &links, &rules);
    if r.problems.is_empty() {
        return Ok(r);
    }
    Err(r
        .problems
        .iter()
        .map(|(off, p)| at_body(src, *off, Diagnostic::error(src.path.clone(), p.clone())))
        .collect())
}

/// `d` located at byte `off` of the source's body.
fn at_body(src: &crate::content::Source, off: usize, d: Diagnostic) -> Diagnostic {
    let (l, c) = line_col(&src.body, off, src.body_line);
    d.at(&src.text, l, c)
}

/// The text-layer warnings of a rendered page: its lints, and `mixed-tone-style` over the
/// title and body when the site keeps text as written.
fn text_warnings(
    site: &Site,
    src: &crate::content::Source,
    r: &mut markdown::Rendered,
) -> Vec<Diagnostic> {
    let warn = |off: usize, p| at_body(src, off, Diagnostic::warning(src.path.clone(), p));
    let mut out: Vec<Diagnostic> = std::mem::take(&mut r.lints)
        .into_iter()
        .map(|(off, p)| warn(off, p))
        .collect();
    if site.config.tone_style == crate::vi::tone::ToneStyle::Keep {
        let mut tones = markdown::ToneTally::default();
        tones.add(&src.front.title, |_| At::Title);
        tones.extend(&r.tones);
        if let Some((at, p)) = tones.mixed() {
            out.push(match at {
                At::Body(off) => warn(off, p),
                At::Title => {
                    let line = crate::config::key_line(&src.text, "title").unwrap_or(1);
                    Diagnostic::warning(src.path.clone(), p).at(&src.text, line, 1)
                }
            });
        }
    }
    out
}

/// Page `id` and, with search, what it gives the index.
fn render_page(
    cx: &Ctx<'_>,
    id: PageId,
    vocab: &Vocab,
) -> WithWarnings<(Output, Option<(PageIndex, Fragment)>)> {
    let node = cx.site.node(id);
    let mut rendered = page_html(cx.site, id, cx.opts.offline, None)?;
    let warnings = text_warnings(cx.site, &node.source, &mut rendered);
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
    let search = cx
        .site
        .config
        .search
        .then(|| search_entry(cx, id, &html, vocab));
    Ok((
        (
            Output {
                path: node.url.file(),
                body: Body::Bytes(cx.finish_html(html)),
            },
            search,
        ),
        warnings,
    ))
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
