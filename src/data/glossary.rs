//! `content/_data/glossary.yaml`: abbreviations and what they stand for. Feeds the first-use
//! `<abbr title>` expansion; an abbreviation with several meanings is never expanded.

use crate::config::parse_located;
use crate::diagnostics::{DataProblem, Diagnostic, Problem};
use crate::vi::abbr::{Abbreviations, Entry};
use serde::Deserialize;
use std::path::Path;

/// One glossary entry as written.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The abbreviation (`HĐND`).
    pub abbr: String,
    /// What it stands for (`Hội đồng nhân dân`).
    #[serde(default)]
    pub expansion: Option<String>,
    /// For an ambiguous abbreviation: its possible meanings. It is then never expanded.
    #[serde(default)]
    pub meanings: Vec<String>,
    /// A longer explanation, for the glossary page.
    #[serde(default)]
    pub description: Option<String>,
}

/// The checked glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Entries in file order.
    pub terms: Vec<Term>,
    /// The matcher built from them.
    pub matcher: Abbreviations,
}

/// Parses and checks the glossary text of `file`.
pub fn parse(text: &str, file: &Path) -> Result<Glossary, Vec<Diagnostic>> {
    let terms: Vec<Term> = parse_located(text, file, text, 0)?;
    // The n-th `abbr:` line belongs to the n-th entry (keys cannot repeat inside one entry).
    let abbr_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start().trim_start_matches('-').trim_start();
            l.strip_prefix("abbr")
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|(i, _)| i + 1)
        .collect();
    let mut errors = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, t) in terms.iter().enumerate() {
        let line = abbr_lines.get(i).copied().unwrap_or(1);
        let err = |p: DataProblem| {
            Diagnostic::error(file.to_path_buf(), Problem::Data(p)).at(text, line, 1)
        };
        let abbr = t.abbr.trim();
        if abbr.is_empty() || abbr.chars().any(char::is_whitespace) {
            errors.push(err(DataProblem::BadAbbreviation {
                abbr: t.abbr.clone(),
            }));
            continue;
        }
        let expanded = t.expansion.as_deref().is_some_and(|e| !e.trim().is_empty());
        if expanded == (t.meanings.len() >= 2) {
            errors.push(err(DataProblem::AbbreviationMeaning { abbr: abbr.into() }));
        }
        if let Some(first) = seen.insert(abbr, line) {
            errors.push(err(DataProblem::DuplicateAbbreviation {
                abbr: abbr.into(),
                first_line: first,
            }));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let matcher = Abbreviations::new(
        terms
            .iter()
            .map(|t| Entry {
                abbr: t.abbr.trim().to_string(),
                expansion: t.expansion.as_deref().map(str::trim).map(String::from),
            })
            .collect(),
    );
    Ok(Glossary { terms, matcher })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(text: &str) -> Result<Glossary, Vec<Diagnostic>> {
        parse(text, Path::new("content/_data/glossary.yaml"))
    }

    #[test]
    fn reads_entries_and_ambiguous_ones() {
        let g = go("- abbr: HĐND\n  expansion: Hội đồng nhân dân\n- abbr: CT\n  meanings: [Chỉ thị, Chủ tịch]\n").unwrap();
        assert_eq!(g.terms.len(), 2);
        let found = g.matcher.find("HĐND và CT", &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(g.matcher.entry(found[1].entry).expansion, None);
    }

    #[test]
    fn problems_name_their_line() {
        let e = go("- abbr: HĐND\n  expansion: Hội đồng nhân dân\n- abbr: UBND\n- abbr: HĐND\n  expansion: x\n").unwrap_err();
        let got: Vec<_> = e.iter().map(|d| (d.problem.code(), d.line)).collect();
        assert_eq!(
            got,
            [("abbreviation-meaning", 3), ("duplicate-abbreviation", 4)]
        );
        let e = go("- abbr: HĐND\n  expanson: x\n").unwrap_err();
        assert_eq!(e[0].problem.code(), "unknown-key");
        assert_eq!(e[0].line, 2);
    }
}
