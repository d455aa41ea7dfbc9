//! Building the section tree: which sources are visible, the URL of each, collisions,
//! children in display order, and the main menu.

use super::urls::UrlPath;
use super::{Hidden, Node, PageId, Site};
use crate::config::SiteConfig;
use crate::content::{FrontMatter, Loaded, SortBy, Source};
use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use crate::options::Options;
use crate::vi::{collate, slugify};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Resolves `loaded` into a `Site` as of `now`.
pub fn resolve(
    mut loaded: Loaded,
    config: SiteConfig,
    data: Data,
    opts: &Options,
    now: jiff::Zoned,
) -> Result<Site, Diagnostics> {
    let mut diags = Diagnostics::new();
    let now_civil = now.datetime();
    let hidden_reason = |f: &FrontMatter| -> Option<Hidden> {
        if f.draft && !opts.drafts {
            return Some(Hidden::Draft);
        }
        let early = f.publish.is_some_and(|p| p.start() > now_civil) && !opts.future;
        let late = f.expires.is_some_and(|e| e.start() <= now_civil);
        (early || late).then_some(Hidden::OutOfWindow)
    };

    // Sections by folder; the home page is made up when `content/_index.md` is missing.
    if loaded.failed.contains("_index.md") {
        // The home page's own problem is reported; nothing can hang below it.
        return Err(Diagnostics::new());
    }
    let mut sources = std::mem::take(&mut loaded.sources);
    if !sources.iter().any(|s| s.rel == "_index.md") {
        sources.insert(0, implicit_home(&config));
    }
    for s in &sources {
        diags.extend(super::refs::check(s, &data));
    }
    let (records, generated) = super::generate::expand(&mut sources, &data);
    diags.extend(generated);
    for s in &mut sources {
        if let Some(l) = &s.front.locality
            && let Some(i) = data.localities.find(l)
        {
            s.front.locality = Some(data.localities.list[i].name.clone());
        }
    }
    let mut hidden: HashMap<String, Hidden> = HashMap::new();
    let mut hidden_dirs: Vec<(String, Hidden)> = Vec::new();
    for s in &sources {
        if s.is_section
            && s.rel != "_index.md"
            && let Some(h) = hidden_reason(&s.front)
        {
            hidden_dirs.push((format!("{}/", s.dir()), h));
        }
    }
    let mut visible: Vec<Source> = Vec::new();
    for s in sources {
        let in_hidden_dir = hidden_dirs
            .iter()
            .find(|(d, _)| s.rel.starts_with(d.as_str()))
            .map(|(_, h)| *h);
        match in_hidden_dir.or_else(|| hidden_reason(&s.front)) {
            Some(h) if s.rel != "_index.md" => {
                hidden.insert(s.rel.clone(), h);
            }
            _ => visible.push(s),
        }
    }
    // Sections first, shallow before deep, so parents get ids before children.
    visible.sort_by(|a, b| {
        (!a.is_section, a.rel.matches('/').count(), &a.rel).cmp(&(
            !b.is_section,
            b.rel.matches('/').count(),
            &b.rel,
        ))
    });

    let mut nodes: Vec<Node> = Vec::with_capacity(visible.len());
    let mut section_of_dir: HashMap<String, PageId> = HashMap::new();
    let mut urls: HashMap<UrlPath, PathBuf> = HashMap::new();
    let mut reported_dirs: Vec<String> = Vec::new();
    for s in visible {
        let (parent_dir, own) = if s.is_section {
            let dir = s.dir().to_string();
            let parent = dir.rsplit_once('/').map_or("", |(p, _)| p).to_string();
            let name = dir.rsplit('/').next().unwrap_or_default().to_string();
            (if dir.is_empty() { None } else { Some(parent) }, name)
        } else {
            let stem = s
                .rel
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".md")
                .to_string();
            (Some(s.dir().to_string()), stem)
        };
        let parent = match &parent_dir {
            None => None,
            Some(d) => match section_of_dir.get(d) {
                Some(id) => Some(*id),
                None => {
                    let index = if d.is_empty() {
                        "_index.md".to_string()
                    } else {
                        format!("{d}/_index.md")
                    };
                    if !reported_dirs.contains(d) && !loaded.failed.contains(&index) {
                        reported_dirs.push(d.clone());
                        diags.push(
                            Diagnostic::error(
                                s.path.clone(),
                                Problem::NoSectionIndex {
                                    folder: format!("content/{d}"),
                                },
                            )
                            .at(&s.text, 1, 1),
                        );
                    }
                    continue;
                }
            },
        };
        let url = match parent {
            None => UrlPath::default(),
            Some(p) => {
                let wanted = s.front.slug.as_deref().unwrap_or(&own);
                let slug = slugify(wanted);
                if slug.is_empty() {
                    let from = wanted.to_string();
                    diags.push(at_slug(&s, Problem::EmptySlug { from }));
                    continue;
                }
                nodes[p].url.join(&slug)
            }
        };
        if let Some(other) = urls.get(&url) {
            let other = crate::diagnostics::display_path(other);
            diags.push(at_slug(
                &s,
                Problem::UrlCollision {
                    url: url.absolute(),
                    other,
                },
            ));
            continue;
        }
        urls.insert(url.clone(), s.path.clone());
        let id = nodes.len();
        if s.is_section {
            section_of_dir.insert(s.dir().to_string(), id);
        }
        if let Some(p) = parent {
            if s.is_section {
                nodes[p].sections.push(id);
            } else {
                nodes[p].pages.push(id);
            }
        }
        nodes.push(Node {
            source: s,
            url,
            parent,
            pages: Vec::new(),
            sections: Vec::new(),
        });
    }

    // Display order inside each section.
    for i in 0..nodes.len() {
        let sort_by = nodes[i].source.front.sort_by;
        let mut pages = std::mem::take(&mut nodes[i].pages);
        pages.sort_by(|a, b| order(&nodes[*a].source, &nodes[*b].source, sort_by));
        let mut sections = std::mem::take(&mut nodes[i].sections);
        sections.sort_by(|a, b| order(&nodes[*a].source, &nodes[*b].source, SortBy::Weight));
        nodes[i].pages = pages;
        nodes[i].sections = sections;
    }

    let home = 0;
    let mut nav: Vec<PageId> = nodes[home]
        .sections
        .iter()
        .chain(&nodes[home].pages)
        .copied()
        .filter(|id| nodes[*id].source.front.in_menu)
        .collect();
    nav.sort_by(|a, b| order(&nodes[*a].source, &nodes[*b].source, SortBy::Weight));

    let by_rel = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.source.rel.clone(), i))
        .collect();

    // Assets go where their folder is published.
    let mut assets = Vec::new();
    let mut asset_by_rel = HashMap::new();
    let dir_urls: BTreeMap<&str, &UrlPath> = section_of_dir
        .iter()
        .map(|(d, id)| (d.as_str(), &nodes[*id].url))
        .collect();
    for a in std::mem::take(&mut loaded.assets) {
        let (dir, name) = a.rel.rsplit_once('/').unwrap_or(("", &a.rel));
        let mut out = match dir_urls.get(dir) {
            Some(u) => u.0.join("/"),
            None => dir.split('/').map(slugify).collect::<Vec<_>>().join("/"),
        };
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(name);
        asset_by_rel.insert(a.rel.clone(), out.clone());
        assets.push((a, out));
    }

    if !diags.is_empty() {
        return Err(diags);
    }
    let index = super::DataIndex::new(&nodes, home, &data, records);
    Ok(Site {
        config,
        data,
        index,
        nodes,
        home,
        by_rel,
        hidden,
        failed: loaded.failed,
        assets,
        asset_by_rel,
        nav,
        now,
    })
}

/// A URL problem of `s`, pointing at its `slug:` line (else its first line).
fn at_slug(s: &Source, problem: Problem) -> Diagnostic {
    let line = crate::config::key_line(&s.text, "slug").unwrap_or(1);
    Diagnostic::error(s.path.clone(), problem).at(&s.text, line, 1)
}

/// Order of two pages in a listing.
fn order(a: &Source, b: &Source, by: SortBy) -> Ordering {
    let title = || collate::compare(&a.front.title, &b.front.title);
    let primary = match by {
        SortBy::Weight => a
            .front
            .weight
            .unwrap_or(i64::MAX)
            .cmp(&b.front.weight.unwrap_or(i64::MAX))
            .then_with(title),
        // Newest first; undated last.
        SortBy::Date => b
            .front
            .date
            .map(|d| d.start())
            .cmp(&a.front.date.map(|d| d.start()))
            .then_with(title),
        SortBy::Title => title(),
    };
    primary.then_with(|| a.rel.cmp(&b.rel))
}

fn implicit_home(config: &SiteConfig) -> Source {
    Source {
        rel: "_index.md".into(),
        path: PathBuf::from("content/_index.md"),
        is_section: true,
        front: FrontMatter {
            title: config.title.clone(),
            ..FrontMatter::default()
        },
        body: String::new(),
        body_line: 1,
        text: String::new(),
        headings: Vec::new(),
        origin: None,
    }
}
