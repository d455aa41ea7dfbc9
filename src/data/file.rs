//! One data file being checked: its path and text, and the located diagnostics every data set
//! reports through (a node found by its path in the YAML, a date read day-first).

use crate::config::parse_located;
use crate::diagnostics::{DataProblem, Diagnostic, Problem, TextProblem};
use crate::yaml::{Seg, locate};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A data file's path (for messages) and NFC text.
pub struct DataFile<'a> {
    /// Path relative to the site root.
    pub rel: &'a Path,
    /// The whole text.
    pub text: &'a str,
}

impl<'a> DataFile<'a> {
    /// Parses the file into `T`; type errors, unknown keys and syntax errors are located.
    pub fn parse<T: for<'de> Deserialize<'de>>(&self) -> Result<T, Vec<Diagnostic>> {
        parse_located(self.text, self.rel, self.text, 0)
    }

    /// The 1-based line of the node at `path` (1 when it cannot be found).
    pub fn line(&self, path: &[Seg<'_>]) -> usize {
        locate(self.text, path).map_or(1, |(l, _)| l)
    }

    /// An error about the node at `path`.
    pub fn error(&self, path: &[Seg<'_>], problem: impl Into<Problem>) -> Diagnostic {
        let (line, col) = locate(self.text, path).unwrap_or((1, 1));
        Diagnostic::error(PathBuf::from(self.rel), problem.into()).at(self.text, line, col)
    }

    /// Reads the date written at `path` under `key`, day first.
    pub fn date(
        &self,
        path: &[Seg<'_>],
        key: &str,
        value: &str,
    ) -> Result<jiff::civil::Date, Diagnostic> {
        crate::vi::date::parse_checked(value)
            .map(|m| m.date())
            .map_err(|reason| {
                self.error(
                    path,
                    TextProblem::BadDate {
                        key: key.into(),
                        value: value.into(),
                        reason,
                    },
                )
            })
    }

    /// `value` trimmed, or an `empty-field` error at `path`.
    pub fn required(
        &self,
        path: &[Seg<'_>],
        field: &str,
        value: &str,
    ) -> Result<String, Diagnostic> {
        let v = value.trim();
        if v.is_empty() {
            Err(self.error(
                path,
                DataProblem::EmptyField {
                    field: field.into(),
                },
            ))
        } else {
            Ok(v.to_string())
        }
    }
}

/// `value` when no problem was found, else the problems.
pub fn collected<T>(value: T, errors: Vec<Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A value written either alone or as a list (`basis: "85/2015/QH13"` or `basis: [a, b]`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(untagged)]
pub enum OneOrMany {
    /// Nothing written.
    #[default]
    None,
    /// One value.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values, in order.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}
