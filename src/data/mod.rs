//! Structured data in `content/_data/`: typed, validated, every problem located. The civic
//! data sets (schedule, documents, localities, units) and the glossary have schemas; any other
//! `*.yaml` there is a generic list of records that `pages_from:` can turn into pages.

pub mod documents;
mod file;
pub mod glossary;
pub mod localities;
pub mod records;
pub mod schedule;
pub mod units;

pub use documents::{Document, Documents};
pub use file::DataFile;
pub use glossary::Glossary;
pub use localities::{Localities, Locality};
pub use records::Record;
pub use schedule::{Milestone, Schedule, Status};
pub use units::{Candidate, Unit};

use crate::diagnostics::{DataProblem, Diagnostic, Problem, display_path};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The data folder, relative to the site root.
pub const DIR: &str = "content/_data";

/// The names of the data sets with a schema.
pub const TYPED: [&str; 5] = ["documents", "glossary", "localities", "schedule", "units"];

/// Everything under `content/_data/` the build uses.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// Abbreviations and their expansions.
    pub glossary: Glossary,
    /// Election day and milestones.
    pub schedule: Option<Schedule>,
    /// The document register.
    pub documents: Documents,
    /// Provinces and cities.
    pub localities: Localities,
    /// Electoral units, by id.
    pub units: Vec<Unit>,
    /// Other data files: name → (file, records as JSON).
    pub generic: BTreeMap<String, (PathBuf, serde_json::Value)>,
    /// Which typed files exist (a missing file is an empty set, but not a known one).
    pub present: Vec<&'static str>,
}

impl Data {
    /// The names of every data set present, for messages.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.present.iter().map(|s| s.to_string()).collect();
        v.extend(self.generic.keys().cloned());
        v.sort();
        v
    }

    /// Whether `name` is a data set of this site.
    pub fn has(&self, name: &str) -> bool {
        self.present.contains(&name) || self.generic.contains_key(name)
    }
}

/// Loads and checks the data files under `root`; a missing file is an empty data set.
pub fn load(root: &Path) -> Result<Data, Vec<Diagnostic>> {
    let mut data = Data::default();
    let mut errors = Vec::new();
    let mut read =
        |name: &'static str, errors: &mut Vec<Diagnostic>| -> Option<(PathBuf, String)> {
            match read_optional(root, &format!("{name}.yaml")) {
                Ok(Some(f)) => {
                    data.present.push(name);
                    Some(f)
                }
                Ok(None) => None,
                Err(e) => {
                    errors.extend(e);
                    None
                }
            }
        };
    let glossary = read("glossary", &mut errors);
    let schedule = read("schedule", &mut errors);
    let documents = read("documents", &mut errors);
    let localities = read("localities", &mut errors);
    let mut collect = |r: Result<(), Vec<Diagnostic>>| {
        if let Err(e) = r {
            errors.extend(e);
        }
    };
    if let Some(f) = &glossary {
        collect(glossary::parse(&f.1, &f.0).map(|g| data.glossary = g));
    }
    if let Some(f) = &schedule {
        collect(
            schedule::parse(&DataFile {
                rel: &f.0,
                text: &f.1,
            })
            .map(|s| data.schedule = Some(s)),
        );
    }
    if let Some(f) = &documents {
        collect(
            documents::parse(&DataFile {
                rel: &f.0,
                text: &f.1,
            })
            .map(|d| data.documents = d),
        );
    }
    if let Some(f) = &localities {
        collect(
            localities::parse(&DataFile {
                rel: &f.0,
                text: &f.1,
            })
            .map(|l| data.localities = l),
        );
    }
    match load_units(root, &data.localities) {
        Ok(Some(u)) => {
            data.present.push("units");
            data.units = u;
        }
        Ok(None) => {}
        Err(e) => errors.extend(e),
    }
    match load_generic(root) {
        Ok(g) => data.generic = g,
        Err(e) => errors.extend(e),
    }
    if errors.is_empty() {
        errors.extend(cross_check(&data, schedule.as_ref(), documents.as_ref()));
    }
    file::collected(data, errors)
}

/// References between data sets: milestone bases are registered documents, documents and
/// units name listed localities.
fn cross_check(
    data: &Data,
    schedule: Option<&(PathBuf, String)>,
    documents: Option<&(PathBuf, String)>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if let (Some(s), Some((rel, text))) = (&data.schedule, schedule) {
        for m in &s.milestones {
            for b in &m.basis {
                if data.documents.find(b).is_none() {
                    errors.push(
                        Diagnostic::error(
                            rel.clone(),
                            Problem::Data(DataProblem::UnknownDocument {
                                id: b.clone(),
                                suggestion: data.documents.suggest(b),
                            }),
                        )
                        .at(text, m.basis_line, 1),
                    );
                }
            }
        }
    }
    if !data.localities.is_empty()
        && let Some((rel, text)) = documents
    {
        for d in &data.documents.list {
            if let Some(l) = &d.locality
                && data.localities.find(l).is_none()
            {
                errors.push(locality_error(&data.localities, rel, l).at(text, d.line, 1));
            }
        }
    }
    errors
}

/// The `unknown-locality` error for `name`, with a suggestion.
pub fn locality_error(list: &Localities, file: &Path, name: &str) -> Diagnostic {
    Diagnostic::error(
        file.to_path_buf(),
        Problem::Data(DataProblem::UnknownLocality {
            name: name.to_string(),
            suggestion: list.suggest(name),
        }),
    )
}

/// Every `content/_data/units/*.yaml`, sorted by file name; `None` without the folder. Each
/// unit's locality must be listed (when the site lists localities).
fn load_units(root: &Path, places: &Localities) -> Result<Option<Vec<Unit>>, Vec<Diagnostic>> {
    let dir = root.join(DIR).join("units");
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut units = Vec::new();
    let mut errors = Vec::new();
    for abs in files {
        let stem = abs
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rel = Path::new(DIR)
            .join("units")
            .join(abs.file_name().unwrap_or_default());
        let text = match read_text(&abs, &rel) {
            Ok(t) => t,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        let id = crate::vi::slugify(&stem);
        match units::parse(
            &DataFile {
                rel: &rel,
                text: &text,
            },
            &id,
        ) {
            Ok(u) if !places.is_empty() && places.find(&u.locality).is_none() => {
                errors.push(locality_error(places, &rel, &u.locality).at(
                    &text,
                    u.locality_line,
                    1,
                ));
            }
            Ok(u) => units.push(u),
            Err(e) => errors.extend(e),
        }
    }
    file::collected(Some(units), errors)
}

/// The other `*.yaml` files of the data folder, read as plain values.
fn load_generic(
    root: &Path,
) -> Result<BTreeMap<String, (PathBuf, serde_json::Value)>, Vec<Diagnostic>> {
    let dir = root.join(DIR);
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut errors = Vec::new();
    for e in walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = e.path();
        let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if p.extension().is_none_or(|x| x != "yaml") || TYPED.contains(&stem.as_str()) {
            continue;
        }
        let rel = Path::new(DIR).join(e.file_name());
        let text = match read_text(p, &rel) {
            Ok(t) => t,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        match (DataFile {
            rel: &rel,
            text: &text,
        })
        .parse::<serde_json::Value>()
        {
            Ok(v) => {
                out.insert(stem, (rel, v));
            }
            Err(e) => errors.extend(e),
        }
    }
    file::collected(out, errors)
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
