//! Loa: a static site generator for Vietnamese public voter-information websites.
//! `build` runs the pipeline load → resolve → render → finish → write (ARCHITECTURE.md);
//! `check` runs everything but the write.

#![warn(missing_docs)]

pub mod cmd;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod escape;
pub mod markdown;
pub mod options;
pub mod output;
pub mod overlay;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod templates;
pub mod vi;
pub mod yaml;

pub use diagnostics::{Diagnostic, Diagnostics, Lang};
pub use options::{BuildTime, Options};

use output::Output;
use render::Ctx;
use templates::{SiteCtx, Templates, ThemeDirs};

/// What a successful build or check did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Pages and sections rendered (the 404 page not counted).
    pub pages: usize,
    /// Files in the output.
    pub files: usize,
    /// Warnings (errors would have failed the build).
    pub warnings: Diagnostics,
}

/// Builds the site and writes it to the output folder. On any error nothing is written.
pub fn build(opts: &Options) -> Result<Report, Diagnostics> {
    // The search index goes into the staging folder while pages render; a failed build drops
    // the staging folder with it.
    let staging = output::write::Staging::create(&opts.output_dir(), &opts.root)?;
    let report = std::thread::scope(|s| {
        let (outputs, mut report, finishing) = run(opts, &staging, s)?;
        // The index's chunks are written while the other outputs are made and written.
        let filled = staging.fill(&outputs);
        let chunks = finished(finishing);
        filled?;
        report.files += chunks?;
        Ok::<_, Diagnostics>(report)
    })?;
    staging.commit()?;
    Ok(report)
}

/// Does everything `build` does except writing.
pub fn check(opts: &Options) -> Result<Report, Diagnostics> {
    std::thread::scope(|s| {
        let (_, mut report, finishing) = run(opts, &search::Discard, s)?;
        report.files += finished(finishing)?;
        Ok(report)
    })
}

/// The search index's chunks being written, on a thread of the build's scope.
type Finishing<'scope> = Option<std::thread::ScopedJoinHandle<'scope, Result<usize, Diagnostic>>>;

/// How many files the index's chunks and manifest took, once written.
fn finished(f: Finishing<'_>) -> Result<usize, Diagnostics> {
    match f.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))) {
        Some(Ok(n)) => Ok(n),
        Some(Err(d)) => Err(Diagnostics(vec![d])),
        None => Ok(0),
    }
}

/// Everything but writing the outputs; the index's chunks go on being written to `sink` on a
/// thread of `scope`, which the caller joins.
fn run<'scope, 'env>(
    opts: &'env Options,
    sink: &'env dyn search::Sink,
    scope: &'scope std::thread::Scope<'scope, 'env>,
) -> Result<(Vec<Output>, Report, Finishing<'scope>), Diagnostics> {
    let config = config::load(opts).map_err(Diagnostics)?;
    let now = config::build_time(&config, &opts.now).map_err(Diagnostics::from)?;
    let mut diags = Diagnostics::new();
    let mut warnings = Diagnostics::new();
    if config.base_url.is_none() {
        warnings.push(Diagnostic::warning(
            std::path::PathBuf::from(config::FILE),
            diagnostics::Problem::NoBaseUrl,
        ));
    }
    let theme = ThemeDirs::find(&opts.root, &config.theme).map_err(Diagnostics::from)?;
    let (templates, loaded) = rayon::join(
        || -> Result<(Templates, _), Diagnostics> {
            let mut t = Templates::load(&opts.root, &theme)?;
            let strings = templates::ui_strings(&opts.root, &theme)?;
            t.set_global(
                "site",
                &SiteCtx {
                    title: config.title.clone(),
                    description: config.description.clone(),
                    language: config.language.clone(),
                    base_url: config.base_url.clone(),
                },
            );
            t.set_global("t", &strings);
            Ok((t, strings))
        },
        || {
            rayon::join(
                || content::load(&opts.root, config.tone_style),
                || data::load(&opts.root),
            )
        },
    );
    let (loaded, data) = loaded;
    let data = data.map_err(|d| diags.extend(d)).ok();
    let (templates, strings) = templates.map_err(|d| diags.extend(d)).ok().unzip();
    let loaded = match loaded {
        Ok((l, d)) => {
            for d in d.0 {
                match d.severity {
                    diagnostics::Severity::Error => diags.push(d),
                    _ => warnings.push(d),
                }
            }
            Some(l)
        }
        Err(d) => {
            diags.extend(d);
            None
        }
    };
    let (Some(templates), Some(strings), Some(loaded), Some(data)) =
        (templates, strings, loaded, data)
    else {
        return Err(finish_diags(diags));
    };
    let site = match site::resolve(loaded, config, data, opts, now) {
        Ok(s) => s,
        Err(d) => {
            diags.extend(d);
            return Err(finish_diags(diags));
        }
    };
    let mut cx = Ctx::new(&site, &templates, opts, &strings);
    let has_share_image = [theme.theme.join("static"), opts.root.join("static")]
        .iter()
        .any(|d| d.join(render::SHARE_IMAGE).is_file());
    if let (true, Some(b)) = (has_share_image, site.config.base_url.as_deref()) {
        cx.share_image = Some(format!("{b}{}", render::SHARE_IMAGE));
    }

    let mut outputs = Vec::new();
    let mut search_files = 0;
    let mut index = None;
    match render::render_all(&cx, sink) {
        Ok(p) => {
            outputs.extend(p.outputs);
            search_files = p.search_files;
            warnings.extend(p.warnings);
            if let Some((builder, words)) = p.index {
                match render::render_search(&cx, &builder.hash()) {
                    Ok(o) => outputs.push(o),
                    Err(d) => diags.push(d),
                }
                index = Some((builder, words));
            }
        }
        Err(d) => diags.extend(d),
    }
    // The index's chunks are written while the other outputs are made (and written, by the
    // caller).
    let finishing = index.map(|(b, words)| scope.spawn(move || b.finish(&words, sink)));
    other_outputs(&cx, &theme.theme, &mut outputs, &mut diags);
    let pages = site.nodes.len();
    diags.extend(output_collisions(&outputs, &opts.root, site.config.search));
    if !diags.is_empty() || (opts.strict && warnings.warnings() > 0) {
        diags.extend(warnings);
        return Err(finish_diags(diags));
    }
    warnings.sort();
    let report = Report {
        pages,
        files: outputs.len() + search_files,
        warnings,
    };
    Ok((outputs, report, finishing))
}

/// The outputs besides the pages: feeds, the calendar, the sitemap, redirects, static files.
fn other_outputs(
    cx: &Ctx<'_>,
    theme: &std::path::Path,
    outputs: &mut Vec<Output>,
    diags: &mut Diagnostics,
) {
    let site = cx.site;
    match output::feeds::feeds(cx) {
        Ok(o) => outputs.extend(o),
        Err(d) => diags.extend(d),
    }
    outputs.extend(output::calendar::schedule(cx));
    match output::sitemap::sitemap_and_robots(cx) {
        Ok(o) => outputs.extend(o),
        Err(d) => diags.push(d),
    }
    match output::sitemap::aliases(cx) {
        Ok(o) => outputs.extend(o),
        Err(d) => diags.extend(d),
    }
    match output::assets::static_files(site, &cx.opts.root, theme) {
        Ok(o) => outputs.extend(o),
        Err(d) => diags.push(d),
    }
}

/// Two outputs for one path: a static or content file would replace a page Loa makes, or
/// with `search`, a file of the search index (written before the others).
fn output_collisions(outputs: &[Output], root: &std::path::Path, search: bool) -> Vec<Diagnostic> {
    let mut first: std::collections::HashMap<&str, &Output> = std::collections::HashMap::new();
    let mut out = Vec::new();
    let index_dir = format!("{}/", search::DIR);
    for o in outputs {
        let in_index = search && o.path.starts_with(&index_dir);
        if let Some(prev) = first.insert(o.path.as_str(), o).or(in_index.then_some(o)) {
            // Name the copied file (the one a person put there), when there is one.
            let file = [o, prev].into_iter().find_map(|x| match &x.body {
                output::Body::Copy(p) => Some(p.strip_prefix(root).unwrap_or(p).to_path_buf()),
                output::Body::Bytes(_) => None,
            });
            out.push(Diagnostic::error(
                file,
                diagnostics::Problem::OutputCollision {
                    path: o.path.clone(),
                },
            ));
        }
    }
    out
}

fn finish_diags(mut d: Diagnostics) -> Diagnostics {
    d.sort();
    d
}
