//! Structured data in `content/_data/`: typed, validated, every problem located. The civic
//! data sets (schedule, documents, localities, units) join the glossary here.

pub mod glossary;

pub use glossary::Glossary;

use crate::diagnostics::{Diagnostic, Problem, display_path};
use std::path::{Path, PathBuf};

/// The data folder, relative to the site root.
pub const DIR: &str = "content/_data";

/// Everything under `content/_data/` the build uses.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// Abbreviations and their expansions.
    pub glossary: Glossary,
}

/// Loads the data files under `root`; a missing file is an empty data set.
pub fn load(root: &Path) -> Result<Data, Vec<Diagnostic>> {
    let glossary = match read_optional(root, "glossary.yaml")? {
        Some((rel, text)) => glossary::parse(&text, &rel)?,
        None => Glossary::default(),
    };
    Ok(Data { glossary })
}

/// The NFC text of `content/_data/<name>` and its path for messages, or `None` when absent.
fn read_optional(root: &Path, name: &str) -> Result<Option<(PathBuf, String)>, Vec<Diagnostic>> {
    let rel = Path::new(DIR).join(name);
    let abs = root.join(&rel);
    if !abs.exists() {
        return Ok(None);
    }
    read_text(&abs, &rel).map(|t| Some((rel, t)))
}

/// Reads a UTF-8 text file as NFC with `\n` line ends; problems are about `rel`.
pub fn read_text(abs: &Path, rel: &Path) -> Result<String, Vec<Diagnostic>> {
    let bytes = std::fs::read(abs).map_err(|e| {
        vec![Diagnostic::error(
            rel.to_path_buf(),
            Problem::Read {
                path: display_path(abs),
                detail: e.to_string(),
            },
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, col) = crate::markdown::line_col(&valid, at, 1);
        vec![
            Diagnostic::error(rel.to_path_buf(), Problem::NotUtf8 { byte_offset: at })
                .at_line(line, col),
        ]
    })?;
    Ok(crate::vi::normalize::ingest(&text)
        .text
        .replace("\r\n", "\n"))
}
