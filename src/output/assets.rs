//! Static files: the theme's `static/`, overridden file by file by the site's `static/`, and
//! the non-Markdown files of `content/`. Stylesheets and scripts are minified; everything else
//! is copied.

use super::{Body, Output};
use crate::diagnostics::{Diagnostic, Problem, display_path};
use crate::site::Site;
use std::path::Path;

/// The static outputs of a site whose theme lives in `theme_dir`.
pub fn static_files(site: &Site, root: &Path, theme_dir: &Path) -> Result<Vec<Output>, Diagnostic> {
    let mut files = crate::overlay::overlay(&[theme_dir.join("static"), root.join("static")])?;
    for (asset, out) in &site.assets {
        files.insert(out.clone(), asset.abs.clone());
    }
    let mut outputs = Vec::with_capacity(files.len());
    for (path, src) in files {
        let minify: Option<fn(&str) -> Vec<u8>> = match path.rsplit('.').next() {
            Some("css") => Some(super::minify::css),
            Some("js") => Some(super::minify::js),
            _ => None,
        };
        let body = if let (Some(minify), true) = (minify, site.config.minify) {
            let text = std::fs::read_to_string(&src).map_err(|e| {
                Diagnostic::error(
                    src.clone(),
                    Problem::Read {
                        path: display_path(&src),
                        detail: e.to_string(),
                    },
                )
            })?;
            Body::Bytes(minify(&text))
        } else {
            Body::Copy(src)
        };
        outputs.push(Output { path, body });
    }
    Ok(outputs)
}
