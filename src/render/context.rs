//! Building the small per-page context (ARCHITECTURE.md §5) from the resolved site: URLs are
//! made relative to the page here, through `site::urls`, and nowhere else.

use crate::markdown::Rendered;
use crate::options::Options;
use crate::output::minify;
use crate::site::urls::{self, Dest, UrlPath};
use crate::site::{PageId, Site};
use crate::templates::{
    DateCtx, LinkCtx, NavItem, PageContext, PageCtx, SearchCtx, SectionCtx, Summary, Templates,
    TocItem,
};
use std::collections::BTreeMap;

/// Path of the stylesheet in the output.
pub const CSS_PATH: &str = "css/loa.css";

/// What every render of one build shares.
pub struct Ctx<'a> {
    /// The site.
    pub site: &'a Site,
    /// Compiled templates.
    pub templates: &'a Templates,
    /// Build options.
    pub opts: &'a Options,
    /// UI strings.
    pub t: &'a BTreeMap<String, String>,
    /// The section whose feed is the site's "updates" feed.
    pub updates: Option<PageId>,
    /// Absolute URL of the share image, when the site has one and a `base_url`.
    pub share_image: Option<String>,
}

impl<'a> Ctx<'a> {
    /// Shared state for rendering `site`.
    pub fn new(
        site: &'a Site,
        templates: &'a Templates,
        opts: &'a Options,
        t: &'a BTreeMap<String, String>,
    ) -> Self {
        let updates = (0..site.nodes.len())
            .find(|id| site.node(*id).is_section() && site.node(*id).source.front.feed);
        Self {
            site,
            templates,
            opts,
            t,
            updates,
            share_image: None,
        }
    }

    pub(super) fn link(&self, from: &UrlPath, to: PageId) -> String {
        urls::relative(from, Dest::Page(&self.site.node(to).url), self.opts.offline)
    }

    pub(super) fn summary(&self, from: &UrlPath, id: PageId) -> Summary {
        let f = &self.site.node(id).source.front;
        Summary {
            title: f.title.clone(),
            url: self.link(from, id),
            description: f.description.clone(),
            date: f.date.map(|d| DateCtx::new(d.date())),
            locality: f.locality.clone(),
        }
    }

    /// Relative URL of the updates feed, when the site has one and can publish feeds.
    fn feed_url(&self, from: &UrlPath) -> Option<String> {
        self.site.config.base_url.as_ref()?;
        let id = self.updates?;
        let file = feed_path(&self.site.node(id).url);
        Some(urls::relative(from, Dest::File(&file), false))
    }

    /// The context of page `id`, whose Markdown is `rendered`.
    pub fn page_context(&self, id: PageId, mut rendered: Rendered) -> PageContext {
        let site = self.site;
        let node = site.node(id);
        let from = &node.url;
        let f = &node.source.front;
        let ancestors = site.ancestors(id);
        let nav = site
            .nav
            .iter()
            .map(|n| NavItem {
                title: site.node(*n).source.front.title.clone(),
                url: self.link(from, *n),
                current: if *n == id {
                    Some("page")
                } else if ancestors.contains(n) {
                    Some("section")
                } else {
                    None
                },
            })
            .collect();
        let breadcrumbs = ancestors
            .iter()
            .map(|a| LinkCtx {
                title: if *a == site.home {
                    self.t
                        .get("home")
                        .cloned()
                        .unwrap_or_else(|| site.node(*a).source.front.title.clone())
                } else {
                    site.node(*a).source.front.title.clone()
                },
                url: self.link(from, *a),
            })
            .collect();
        let toc: Vec<TocItem> = node
            .source
            .headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .map(|h| TocItem {
                level: h.level,
                id: h.id.clone(),
                title: h.title.clone(),
            })
            .collect();
        let h2 = toc.iter().filter(|t| t.level == 2).count();
        let kind = if id == site.home {
            "home"
        } else if node.is_section() {
            "section"
        } else {
            "page"
        };
        let section = node.is_section().then(|| SectionCtx {
            pages: node.pages.iter().map(|p| self.summary(from, *p)).collect(),
            subsections: node
                .sections
                .iter()
                .map(|p| self.summary(from, *p))
                .collect(),
            groups: self.groups(node),
        });
        let updates = match (kind, self.updates) {
            ("home", Some(u)) => site
                .latest(u, 5)
                .into_iter()
                .map(|p| self.summary(from, p))
                .collect(),
            _ => Vec::new(),
        };
        PageContext {
            root: urls::to_root(from),
            home_url: self.link(from, site.home),
            css_url: urls::relative(from, Dest::File(CSS_PATH), false),
            feed_url: self.feed_url(from),
            canonical: site
                .config
                .base_url
                .as_ref()
                .map(|b| urls::absolute(b, Dest::Page(from))),
            current_path: from.absolute(),
            nav,
            breadcrumbs,
            page: PageCtx {
                kind,
                title: f.title.clone(),
                description: f.description.clone(),
                date: f.date.map(|d| DateCtx::new(d.date())),
                updated: f.updated.map(|d| DateCtx::new(d.date())),
                publish: f.publish.map(|d| DateCtx::new(d.date())),
                content: std::mem::take(&mut rendered.html),
                toc,
                tags: f.tags.clone(),
                locality: f.locality.clone(),
                locality_url: f
                    .locality
                    .as_deref()
                    .and_then(|l| self.locality_url(from, l))
                    .filter(|_| {
                        node.source
                            .origin
                            .as_ref()
                            .is_none_or(|o| o.set != "localities")
                    }),
                sources: f.sources.iter().map(|s| self.source_ctx(from, s)).collect(),
                reading_minutes: rendered.words.div_ceil(200).max(1),
            },
            section,
            toc_enabled: f.toc.unwrap_or(h2 >= 4),
            updates,
            record: self.record_ctx(id),
            data: self.data_ctx(id),
            json_ld: self.json_ld(id, &rendered.questions),
            share_image: self.share_image.clone(),
            live_reload: self.opts.live_reload.clone(),
            search_url: self.search_url(from),
            search: None,
        }
    }

    /// Relative URL of the search page from `from`, when the site has search.
    fn search_url(&self, from: &UrlPath) -> Option<String> {
        self.site.config.search.then(|| {
            let page = UrlPath(vec![crate::search::PAGE_DIR.to_string()]);
            urls::relative(from, Dest::Page(&page), self.opts.offline)
        })
    }

    /// The context of the search page; `hash` is the index's cache key.
    pub fn search_context(&self, hash: &str) -> PageContext {
        let site = self.site;
        let from = UrlPath(vec![crate::search::PAGE_DIR.to_string()]);
        let title = self
            .t
            .get("search_title")
            .cloned()
            .unwrap_or_else(|| "Tìm kiếm".into());
        let mut cx = self.shell(&from, "search", title);
        cx.breadcrumbs = vec![LinkCtx {
            title: self
                .t
                .get("home")
                .cloned()
                .unwrap_or_else(|| site.node(site.home).source.front.title.clone()),
            url: self.link(&from, site.home),
        }];
        let manifest = format!("{}/m.js", crate::search::DIR);
        cx.search = Some(SearchCtx {
            client_url: urls::relative(&from, Dest::File(crate::search::CLIENT), false),
            index_url: format!(
                "{}?v={hash}",
                urls::relative(&from, Dest::File(&manifest), false)
            ),
            sections: (0..site.nodes.len())
                .filter(|id| *id != site.home && site.node(*id).is_section())
                .map(|id| LinkCtx {
                    title: site.node(id).source.front.title.clone(),
                    url: self.link(&from, id),
                })
                .collect(),
        });
        cx.canonical = site
            .config
            .base_url
            .as_ref()
            .map(|b| urls::absolute(b, Dest::Page(&from)));
        cx
    }

    /// The context of a page Loa makes itself (no Markdown behind it) at `from`: the menu,
    /// the links every page has, an empty page of `kind` titled `title`.
    fn shell(&self, from: &UrlPath, kind: &'static str, title: String) -> PageContext {
        let site = self.site;
        PageContext {
            root: urls::to_root(from),
            home_url: self.link(from, site.home),
            css_url: urls::relative(from, Dest::File(CSS_PATH), false),
            feed_url: self.feed_url(from),
            canonical: None,
            current_path: from.absolute(),
            nav: site
                .nav
                .iter()
                .map(|n| NavItem {
                    title: site.node(*n).source.front.title.clone(),
                    url: self.link(from, *n),
                    current: None,
                })
                .collect(),
            breadcrumbs: Vec::new(),
            page: PageCtx {
                kind,
                title,
                description: None,
                date: None,
                updated: None,
                publish: None,
                content: String::new(),
                toc: Vec::new(),
                tags: Vec::new(),
                locality: None,
                locality_url: None,
                sources: Vec::new(),
                reading_minutes: 1,
            },
            section: None,
            toc_enabled: false,
            updates: Vec::new(),
            record: None,
            data: serde_json::Map::new(),
            json_ld: None,
            share_image: self.share_image.clone(),
            live_reload: self.opts.live_reload.clone(),
            search_url: self.search_url(from),
            search: None,
        }
    }

    /// The context of the 404 page. Hosts serve it at any depth, so its links are
    /// root-absolute from `base_url`'s path when that is known (and the build is not
    /// `--offline`), else relative to the root.
    pub fn not_found_context(&self) -> PageContext {
        let site = self.site;
        let root = UrlPath::default();
        // An --offline build is opened from a folder, where root-absolute links lead nowhere.
        let prefix = site
            .config
            .base_url
            .as_deref()
            .filter(|_| !self.opts.offline)
            .and_then(|b| b.splitn(4, '/').nth(3).map(|p| format!("/{p}")));
        let fix = |rel: String| match &prefix {
            Some(p) => format!("{p}{}", rel.strip_prefix("./").unwrap_or(&rel)),
            None => rel,
        };
        let title = self
            .t
            .get("not_found_title")
            .cloned()
            .unwrap_or_else(|| "404".into());
        let mut cx = self.shell(&root, "404", title);
        cx.current_path = "/404.html".into();
        for url in [&mut cx.root, &mut cx.home_url, &mut cx.css_url]
            .into_iter()
            .chain(cx.feed_url.as_mut())
            .chain(cx.search_url.as_mut())
            .chain(cx.nav.iter_mut().map(|n| &mut n.url))
        {
            *url = fix(std::mem::take(url));
        }
        cx
    }

    /// Minifies when the site asks for it.
    pub fn finish_html(&self, html: String) -> Vec<u8> {
        if self.site.config.minify {
            minify::html(&html)
        } else {
            html.into_bytes()
        }
    }
}

/// Where the feed of the section at `url` is written.
pub fn feed_path(url: &UrlPath) -> String {
    let mut s = url.0.join("/");
    if !s.is_empty() {
        s.push('/');
    }
    s.push_str("atom.xml");
    s
}

/// The folder whose pages are questions and answers.
const FAQ_DIR: &str = "hoi-dap/";

/// Whether `src` is a question-and-answer page (a page in `hoi-dap/`).
pub fn is_faq(src: &crate::content::Source) -> bool {
    src.rel.starts_with(FAQ_DIR) && !src.is_section
}
