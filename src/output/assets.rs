//! Static files: the theme's `static/`, overridden file by file by the site's `static/`, and
//! the non-Markdown files of `content/`. Stylesheets are minified; everything else is copied.

use super::{Body, Output};
use crate::diagnostics::{Diagnostic, Problem, display_path};
use crate::site::Site;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The static outputs of a site whose theme lives in `theme_dir`.
pub fn static_files(site: &Site, root: &Path, theme_dir: &Path) -> Result<Vec<Output>, Diagnostic> {
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in [theme_dir.join("static"), root.join("static")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(rel) = entry
                .path()
                .strip_prefix(&dir)
                .ok()
                .and_then(|p| p.to_str())
            else {
                return Err(Diagnostic::error(
                    entry.path().to_path_buf(),
                    Problem::NonUtf8Path,
                ));
            };
            files.insert(rel.replace('\\', "/"), entry.path().to_path_buf());
        }
    }
    for (asset, out) in &site.assets {
        files.insert(out.clone(), asset.abs.clone());
    }
    let mut outputs = Vec::with_capacity(files.len());
    for (path, src) in files {
        let body = if path.ends_with(".css") && site.config.minify {
            let text = std::fs::read_to_string(&src).map_err(|e| {
                Diagnostic::error(
                    src.clone(),
                    Problem::Read {
                        path: display_path(&src),
                        detail: e.to_string(),
                    },
                )
            })?;
            Body::Bytes(super::minify::css(&text))
        } else {
            Body::Copy(src)
        };
        outputs.push(Output { path, body });
    }
    Ok(outputs)
}
