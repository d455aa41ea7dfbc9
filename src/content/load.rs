//! Walking `content/` (sorted, so output never depends on the file system's order) and
//! reading the Markdown files in parallel.

use super::{Asset, Loaded, Source, front_matter};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, display_path};
use crate::markdown::{collect_headings, line_col};
use crate::vi::nfc;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Loads every file under `<root>/content`. Files with problems are left out of `Loaded`
/// (named in `failed`) and their problems returned beside it, so one bad file does not hide
/// the problems of the others; `Err` only when there is no content folder.
pub fn load(root: &Path) -> Result<(Loaded, Diagnostics), Diagnostics> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Diagnostic::error(
            None,
            Problem::NoContent {
                path: display_path(&content),
            },
        )
        .into());
    }
    let mut diags = Diagnostics::new();
    let mut md: Vec<(String, PathBuf)> = Vec::new();
    let mut assets = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or(content.clone());
                diags.push(Diagnostic::error(
                    rel_to(root, &path),
                    Problem::Read {
                        path: display_path(&path),
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let abs = entry.path().to_path_buf();
        let Some(rel) = abs
            .strip_prefix(&content)
            .ok()
            .and_then(|r| r.to_str())
            .map(|r| nfc(&r.replace('\\', "/")).into_owned())
        else {
            diags.push(Diagnostic::error(rel_to(root, &abs), Problem::NonUtf8Path));
            continue;
        };
        if rel.ends_with(".md") {
            md.push((rel, abs));
        } else {
            assets.push(Asset { rel, abs });
        }
    }
    let results: Vec<Result<Source, Vec<Diagnostic>>> = md
        .par_iter()
        .map(|(rel, abs)| read_source(root, rel, abs))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    let mut failed = std::collections::HashSet::new();
    for (r, (rel, _)) in results.into_iter().zip(&md) {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => {
                diags.extend(d);
                failed.insert(rel.clone());
            }
        }
    }
    Ok((
        Loaded {
            sources,
            assets,
            failed,
        },
        diags,
    ))
}

/// `_data`, `_drafts`, `.git`… are not content; `_index.md` is.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    (n.starts_with('_') && n != "_index.md") || n.starts_with('.')
}

fn rel_to(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

fn read_source(root: &Path, rel: &str, abs: &Path) -> Result<Source, Vec<Diagnostic>> {
    let path = rel_to(root, abs);
    let bytes = std::fs::read(abs).map_err(|e| {
        vec![Diagnostic::error(
            path.clone(),
            Problem::Read {
                path: display_path(&path),
                detail: e.to_string(),
            },
        )]
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let (line, col) = line_col(&valid, at, 1);
            return Err(vec![
                Diagnostic::error(path, Problem::NotUtf8 { byte_offset: at }).at_line(line, col),
            ]);
        }
    };
    let text = nfc(&text).into_owned().replace("\r\n", "\n");
    let is_section = rel == "_index.md" || rel.ends_with("/_index.md");
    let split = front_matter::split(&text)
        .map_err(|p| vec![Diagnostic::error(path.clone(), p).at(&text, 1, 1)])?;
    let front = front_matter::parse(split.yaml, &path, &text, is_section)?;
    let body = split.body.to_string();
    let body_line = split.body_line;
    let (headings, problems) = collect_headings(&body);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|(off, p)| {
                let (l, c) = line_col(&body, off, body_line);
                Diagnostic::error(path.clone(), p).at(&text, l, c)
            })
            .collect());
    }
    Ok(Source {
        rel: rel.to_string(),
        path,
        is_section,
        front,
        body,
        body_line,
        text,
        headings,
    })
}
