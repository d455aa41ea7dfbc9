//! Located problems found while building a site: `Diagnostic` (file, line, column, what is
//! wrong, how to fix it) and the `Diagnostics` collection every stage returns.
//! Messages live in `problem.rs` (`text.rs`, `data.rs`, `lint.rs`); rendering in `render.rs`.

mod data;
mod lint;
mod problem;
mod render;
mod text;

pub use data::DataProblem;
pub use lint::{IdClash, LintProblem};
pub use problem::Problem;
pub use render::render;
pub use text::TextProblem;

use std::path::{Path, PathBuf};

/// The language diagnostics and the CLI speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English, with `--lang en`.
    En,
}

/// A stage's result for one item: the value with its warnings, or the errors.
pub type WithWarnings<T> = Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot produce a correct site; nothing is written.
    Error,
    /// Worth fixing; fails the build only with `--strict`.
    Warning,
    /// Worth knowing; never fails a build.
    Note,
}

/// One located problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: Option<PathBuf>,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub col: usize,
    /// What is wrong.
    pub problem: Problem,
    /// The text of the offending line, for the snippet.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no position).
    pub fn error(file: impl Into<Option<PathBuf>>, problem: Problem) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            col: 0,
            problem,
            source_line: None,
        }
    }

    /// A warning about a whole file (no position).
    pub fn warning(file: impl Into<Option<PathBuf>>, problem: Problem) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, problem)
        }
    }

    /// A note about a whole file (no position): worth knowing, never fails a build.
    pub fn note(file: impl Into<Option<PathBuf>>, problem: Problem) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::error(file, problem)
        }
    }

    /// Sets the position, taking the snippet line from `text` (the whole file).
    pub fn at(mut self, text: &str, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self.source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .filter(|_| line > 0)
            .map(|l| l.trim_end().to_string());
        self
    }

    /// Sets the position without a snippet.
    pub fn at_line(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    /// The one-line message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }

    /// `file:line:col`, as far as known.
    pub fn location(&self) -> String {
        let Some(file) = &self.file else {
            return String::new();
        };
        let mut s = display_path(file);
        if self.line > 0 {
            s.push_str(&format!(":{}", self.line));
            if self.col > 0 {
                s.push_str(&format!(":{}", self.col));
            }
        }
        s
    }
}

/// Paths are shown with `/` on every platform.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// All the problems of one build, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// No problems.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Whether any problem is an error (or, when `strict`, a warning).
    pub fn is_fatal(&self, strict: bool) -> bool {
        self.0
            .iter()
            .any(|d| d.severity == Severity::Error || strict)
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings (notes not counted).
    pub fn warnings(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Sorts by file, line, column, so output does not depend on thread timing.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.col, a.severity, a.problem.code()).cmp(&(
                &b.file,
                b.line,
                b.col,
                b.severity,
                b.problem.code(),
            ))
        });
        self.0.dedup();
    }

    /// Whether there is nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self, Lang::En))
    }
}

impl std::error::Error for Diagnostics {}

/// The closest candidate to `word` by edit distance, when it is close enough to be a
/// plausible typo ("did you mean").
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let word = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&word, &c.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (word.chars().count() / 3).max(1) + 1;
    best.filter(|(d, _)| *d <= limit)
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["title", "description", "date", "tags"];
        assert_eq!(suggest("titel", keys).as_deref(), Some("title"));
        assert_eq!(suggest("descripton", keys).as_deref(), Some("description"));
        assert_eq!(suggest("zzzzzz", keys), None);
    }

    #[test]
    fn edit_distance_counts_chars_not_bytes() {
        assert_eq!(edit_distance("bầu", "bâu"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn location_formats_known_parts() {
        let d = Diagnostic::error(PathBuf::from("content/a.md"), Problem::MissingTitle).at(
            "---\nx: 1\n",
            2,
            1,
        );
        assert_eq!(d.location(), "content/a.md:2:1");
        assert_eq!(d.source_line.as_deref(), Some("x: 1"));
    }
}
