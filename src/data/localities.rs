//! `content/_data/localities.yaml`: the provinces and cities a page's `locality:` may name.
//! Names match whatever the tone-mark placement (`Hòa Bình` = `Hoà Bình`); a near miss gets
//! a suggestion (`Lang Son` → `Lạng Sơn`).

use super::file::DataFile;
use crate::diagnostics::{DataProblem, Diagnostic};
use crate::vi::fold::fold;
use crate::vi::tone::{ToneStyle, convert};
use crate::yaml::Seg;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: String,
    #[serde(default)]
    kind: Option<String>,
}

/// One province or city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    /// Its name as listed (`Lạng Sơn`).
    pub name: String,
    /// `tỉnh` or `thành phố`.
    pub kind: Option<String>,
    /// 1-based line of its entry.
    pub line: usize,
}

/// The checked list.
#[derive(Debug, Clone, Default)]
pub struct Localities {
    /// In file order.
    pub list: Vec<Locality>,
    by_key: HashMap<String, usize>,
}

/// The key two spellings of one name share: trimmed, one tone-mark placement.
fn key(name: &str) -> String {
    convert(name.trim(), ToneStyle::Traditional).into_owned()
}

impl Localities {
    /// The locality `name` refers to.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_key.get(&key(name)).copied()
    }

    /// The listed name closest to `name`: same letters without marks first, else a typo.
    pub fn suggest(&self, name: &str) -> Option<String> {
        let folded = fold(name.trim());
        if let Some(l) = self.list.iter().find(|l| fold(&l.name) == folded) {
            return Some(l.name.clone());
        }
        let folds: Vec<(String, &str)> = self
            .list
            .iter()
            .map(|l| (fold(&l.name), l.name.as_str()))
            .collect();
        let best = crate::diagnostics::suggest(&folded, folds.iter().map(|(f, _)| f.as_str()))?;
        folds
            .iter()
            .find(|(f, _)| *f == best)
            .map(|(_, n)| n.to_string())
    }

    /// Whether the site lists no localities.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Parses and checks `file`.
pub fn parse(file: &DataFile<'_>) -> Result<Localities, Vec<Diagnostic>> {
    let raw: Vec<Raw> = file.parse()?;
    let mut errors = Vec::new();
    let mut out = Localities::default();
    for (i, r) in raw.into_iter().enumerate() {
        let at = [Seg::Index(i), Seg::Key("name")];
        let name = match file.required(&at, "name", &r.name) {
            Ok(n) => n,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let line = file.line(&[Seg::Index(i)]);
        let k = key(&name);
        if let Some(first) = out.by_key.get(&k) {
            errors.push(file.error(
                &at,
                DataProblem::DuplicateId {
                    id: name,
                    first_line: out.list[*first].line,
                },
            ));
            continue;
        }
        out.by_key.insert(k, out.list.len());
        out.list.push(Locality {
            name,
            kind: r.kind.filter(|k| !k.trim().is_empty()),
            line,
        });
    }
    super::file::collected(out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn go(text: &str) -> Result<Localities, Vec<Diagnostic>> {
        parse(&DataFile {
            rel: Path::new("content/_data/localities.yaml"),
            text,
        })
    }

    #[test]
    fn finds_names_and_suggests_near_misses() {
        let l = go("- name: Lạng Sơn\n  kind: tỉnh\n- name: Hòa Bình\n- name: Lào Cai\n").unwrap();
        assert_eq!(l.find("Lạng Sơn"), Some(0));
        assert_eq!(l.find("Hoà Bình"), Some(1));
        assert_eq!(l.find("Lang Son"), None);
        assert_eq!(l.suggest("Lang Son").as_deref(), Some("Lạng Sơn"));
        assert_eq!(l.suggest("lạng sơn").as_deref(), Some("Lạng Sơn"));
        assert_eq!(l.suggest("Lao Kai").as_deref(), Some("Lào Cai"));
        assert_eq!(l.suggest("Cà Mau"), None);
    }

    #[test]
    fn duplicates_are_located() {
        let e = go("- name: Hòa Bình\n- name: Lào Cai\n- name: Hoà Bình\n").unwrap_err();
        assert_eq!((e[0].problem.code(), e[0].line), ("duplicate-id", 3));
    }
}
