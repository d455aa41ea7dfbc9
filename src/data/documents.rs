//! `content/_data/documents.yaml`: the register of legal and administrative documents. Each
//! has a page; `sources:` and milestones cite them by id; mentions in text link to them.

use super::file::DataFile;
use crate::diagnostics::{DataProblem, Diagnostic};
use crate::yaml::Seg;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    number: Option<String>,
    issuer: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    effective: Option<String>,
    title: String,
    summary: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    locality: Option<String>,
}

/// One registered document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Normalized identifier (`45-CT/TW`), or the id as written when it is not one.
    pub id: String,
    /// Its type (`Chỉ thị`).
    pub kind: String,
    /// Its number as printed (defaults to the id).
    pub number: String,
    /// Who issued it.
    pub issuer: String,
    /// When it was issued or adopted.
    pub date: Option<Date>,
    /// When it took effect.
    pub effective: Option<Date>,
    /// What it is about.
    pub title: String,
    /// What it governs, in plain words.
    pub summary: String,
    /// Where to read it.
    pub url: Option<String>,
    /// A province's own document.
    pub locality: Option<String>,
    /// 1-based line of its entry.
    pub line: usize,
}

impl Document {
    /// `Chỉ thị số 45-CT/TW`.
    pub fn name(&self) -> String {
        format!("{} số {}", self.kind, self.number)
    }
}

/// The checked register.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// In file order.
    pub list: Vec<Document>,
    by_id: HashMap<String, usize>,
}

impl Documents {
    /// The document an id written in content refers to: exact, normalized, or the one
    /// identifier inside a longer text (`Chỉ thị số 45-CT/TW`).
    pub fn find(&self, written: &str) -> Option<usize> {
        if self.list.is_empty() {
            return None;
        }
        let w = written.trim();
        if let Some(i) = self.by_id.get(w) {
            return Some(*i);
        }
        let id = crate::vi::docid::normalize(w).or_else(|| {
            match crate::vi::docid::find(w).as_slice() {
                [one] => Some(one.id.clone()),
                _ => None,
            }
        })?;
        self.by_id.get(&id).copied()
    }

    /// The closest registered id to `written`, for "did you mean".
    pub fn suggest(&self, written: &str) -> Option<String> {
        crate::diagnostics::suggest(written, self.list.iter().map(|d| d.id.as_str()))
    }

    /// Whether nothing is registered.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Parses and checks `file`.
pub fn parse(file: &DataFile<'_>) -> Result<Documents, Vec<Diagnostic>> {
    let raw: Vec<Raw> = file.parse()?;
    let mut errors = Vec::new();
    let mut out = Documents::default();
    for (i, r) in raw.into_iter().enumerate() {
        let at = |k: &'static str| [Seg::Index(i), Seg::Key(k)];
        let mut ok = true;
        let mut req = |k: &'static str, v: &str| match file.required(&at(k), k, v) {
            Ok(s) => s,
            Err(d) => {
                errors.push(d);
                ok = false;
                String::new()
            }
        };
        let written = req("id", &r.id);
        let kind = req("type", &r.kind);
        let issuer = req("issuer", &r.issuer);
        let title = req("title", &r.title);
        let summary = req("summary", &r.summary);
        let mut date = |k: &'static str, v: &Option<String>| match v {
            None => None,
            Some(v) => match file.date(&at(k), k, v) {
                Ok(d) => Some(d),
                Err(d) => {
                    errors.push(d);
                    ok = false;
                    None
                }
            },
        };
        let issued = date("date", &r.date);
        let effective = date("effective", &r.effective);
        if !ok {
            continue;
        }
        let id = crate::vi::docid::normalize(&written).unwrap_or(written);
        let line = file.line(&[Seg::Index(i)]);
        if let Some(first) = out.by_id.get(&id) {
            errors.push(file.error(
                &at("id"),
                DataProblem::DuplicateId {
                    id,
                    first_line: out.list[*first].line,
                },
            ));
            continue;
        }
        out.by_id.insert(id.clone(), out.list.len());
        out.list.push(Document {
            number: r
                .number
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| id.clone()),
            id,
            kind,
            issuer,
            date: issued,
            effective,
            title,
            summary,
            url: r.url.filter(|u| !u.trim().is_empty()),
            locality: r.locality,
            line,
        });
    }
    super::file::collected(out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn go(text: &str) -> Result<Documents, Vec<Diagnostic>> {
        parse(&DataFile {
            rel: Path::new("content/_data/documents.yaml"),
            text,
        })
    }

    const ONE: &str = "- id: \"36 -HD/BTCTW\"\n  type: Hướng dẫn\n  issuer: Ban Tổ chức Trung ương\n  date: 20/01/2021\n  title: Công tác nhân sự\n  summary: Hướng dẫn.\n";

    #[test]
    fn ids_are_normalized_and_found_in_any_spelling() {
        let d = go(ONE).unwrap();
        assert_eq!(d.list[0].id, "36-HD/BTCTW");
        assert_eq!(d.list[0].name(), "Hướng dẫn số 36-HD/BTCTW");
        for w in [
            "36-HD/BTCTW",
            "36 -HD/BTCTW",
            "Hướng dẫn số 36-HD/BTCTW",
            "số 36-HD/BTCTW",
        ] {
            assert_eq!(d.find(w), Some(0), "{w}");
        }
        assert_eq!(d.find("37-HD/BTCTW"), None);
        assert_eq!(d.suggest("37-HD/BTCTW").as_deref(), Some("36-HD/BTCTW"));
    }

    #[test]
    fn problems_are_located() {
        let twice = format!("{ONE}{}", ONE.replace("36 -HD", "36-HD"));
        let e = go(&twice).unwrap_err();
        assert_eq!(e[0].problem.code(), "duplicate-id");
        assert_eq!((e[0].line, e[0].col), (7, 7));
        let e = go(&ONE.replace("20/01/2021", "2021/01/20")).unwrap_err();
        assert_eq!((e[0].problem.code(), e[0].line), ("bad-date", 4));
        let e = go(&ONE.replace("  title: Công tác nhân sự\n", "")).unwrap_err();
        assert_eq!(e[0].problem.code(), "bad-value");
        assert!(e[0].message(crate::diagnostics::Lang::En).contains("title"));
        let e = go(&ONE.replace("Ban Tổ chức Trung ương", "\"\"")).unwrap_err();
        assert_eq!((e[0].problem.code(), e[0].line), ("empty-field", 3));
        let e = go(&ONE.replace("title:", "titel:")).unwrap_err();
        assert_eq!((e[0].problem.code(), e[0].line), ("unknown-key", 5));
    }
}
