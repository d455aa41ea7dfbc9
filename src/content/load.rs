//! Walking `content/` (sorted, so output never depends on the file system's order) and
//! reading the Markdown files in parallel.

use super::{Asset, FrontMatter, Loaded, Source, front_matter};
use crate::diagnostics::{
    Diagnostic, Diagnostics, Problem, TextProblem, WithWarnings, display_path,
};
use crate::markdown::{Heading, collect_headings, line_col};
use crate::vi::normalize::{Ingested, ingest};
use crate::vi::tone::{self, ToneStyle};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Loads every file under `<root>/content`. Files with problems are left out of `Loaded`
/// (named in `failed`) and their problems returned beside it, so one bad file does not hide
/// the problems of the others; `Err` only when there is no content folder.
pub fn load(root: &Path, tone_style: ToneStyle) -> Result<(Loaded, Diagnostics), Diagnostics> {
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
            .map(|r| ingest(&r.replace('\\', "/")).text)
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
    let results: Vec<WithWarnings<Source>> = md
        .par_iter()
        .map(|(rel, abs)| read_source(root, rel, abs, tone_style))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    let mut failed = std::collections::HashSet::new();
    for (r, (rel, _)) in results.into_iter().zip(&md) {
        match r {
            Ok((s, notes)) => {
                sources.push(s);
                diags.extend(notes);
            }
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

/// Reads one Markdown file. `Ok` carries the source and the notes and warnings about its text
/// (decomposed Unicode, eth look-alikes).
fn read_source(root: &Path, rel: &str, abs: &Path, tone_style: ToneStyle) -> WithWarnings<Source> {
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
    let ingested = ingest(&text);
    let notes = text_notes(&path, &ingested);
    let text = ingested.text.replace("\r\n", "\n");
    let is_section = rel == "_index.md" || rel.ends_with("/_index.md");
    let split = front_matter::split(&text)
        .map_err(|p| vec![Diagnostic::error(path.clone(), p).at(&text, 1, 1)])?;
    let mut front = front_matter::parse(split.yaml, &path, &text, is_section)?;
    let body = split.body.to_string();
    let body_line = split.body_line;
    let (mut headings, problems) = collect_headings(&body);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|(off, p)| {
                let (l, c) = line_col(&body, off, body_line);
                Diagnostic::error(path.clone(), p).at(&text, l, c)
            })
            .collect());
    }
    if tone_style != ToneStyle::Keep {
        convert_tone(&mut front, &mut headings, tone_style);
    }
    let source = Source {
        rel: rel.to_string(),
        path,
        is_section,
        front,
        body,
        body_line,
        text,
        headings,
        origin: None,
    };
    Ok((source, notes))
}

/// The output text of the front matter and headings in the site's tone style (the body's
/// text is converted in the render pass).
fn convert_tone(front: &mut FrontMatter, headings: &mut [Heading], style: ToneStyle) {
    let conv = |s: &mut String| {
        if let std::borrow::Cow::Owned(c) = tone::convert(s, style) {
            *s = c;
        }
    };
    conv(&mut front.title);
    front.description.iter_mut().for_each(conv);
    front.locality.iter_mut().for_each(conv);
    front.tags.iter_mut().for_each(conv);
    headings.iter_mut().for_each(|h| conv(&mut h.title));
}

/// A note when the file was not NFC, a warning when eth look-alikes were replaced.
fn text_notes(path: &Path, i: &Ingested) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |d: Diagnostic, off: usize| {
        let (l, c) = line_col(&i.text, off, 1);
        d.at(&i.text, l, c)
    };
    if let Some(off) = i.first_recomposed {
        let p = TextProblem::NotNfc {
            chars: i.recomposed,
        };
        out.push(at(Diagnostic::note(path.to_path_buf(), p.into()), off));
    }
    if let Some((r, word)) = i.eth.first() {
        let p = TextProblem::EthLetter {
            word: word.clone(),
            count: i.eth.len(),
        };
        out.push(at(
            Diagnostic::warning(path.to_path_buf(), p.into()),
            r.start,
        ));
    }
    out
}
