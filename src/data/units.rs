//! `content/_data/units/*.yaml`: electoral units, one per file (the file name is its id), with
//! seats, the area they cover and their candidates, kept in ballot order.

use super::file::DataFile;
use crate::diagnostics::{DataProblem, Diagnostic};
use crate::yaml::Seg;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    locality: String,
    number: u32,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    body: Option<String>,
    seats: u32,
    area: String,
    #[serde(default)]
    candidates: Vec<RawCandidate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCandidate {
    name: String,
    #[serde(default)]
    born: Option<String>,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    hometown: Option<String>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    education: Option<String>,
}

/// A person standing for election, as the data holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Full name.
    pub name: String,
    /// Date of birth.
    pub born: Option<Date>,
    /// As written.
    pub gender: Option<String>,
    /// Hometown.
    pub hometown: Option<String>,
    /// Current position.
    pub position: Option<String>,
    /// Education.
    pub education: Option<String>,
}

/// One electoral unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The file stem (`lang-son-1`).
    pub id: String,
    /// Its file, for messages.
    pub file: std::path::PathBuf,
    /// Province or city (checked against the localities list on load).
    pub locality: String,
    /// Its number in the locality.
    pub number: u32,
    /// `Đơn vị bầu cử số 1` unless named otherwise.
    pub name: String,
    /// What it elects deputies to (`Quốc hội`).
    pub body: Option<String>,
    /// Deputies it elects.
    pub seats: u32,
    /// The area it covers.
    pub area: String,
    /// In ballot order: given name, family name, middle names, date of birth.
    pub candidates: Vec<Candidate>,
    /// 1-based line of `locality:`.
    pub locality_line: usize,
}

/// Parses and checks the unit in `file`, whose id is `id`.
pub fn parse(file: &DataFile<'_>, id: &str) -> Result<Unit, Vec<Diagnostic>> {
    let raw: Raw = file.parse()?;
    let mut errors = Vec::new();
    let locality = file
        .required(&[Seg::Key("locality")], "locality", &raw.locality)
        .map_err(|d| errors.push(d))
        .unwrap_or_default();
    let area = file
        .required(&[Seg::Key("area")], "area", &raw.area)
        .map_err(|d| errors.push(d))
        .unwrap_or_default();
    if raw.seats == 0 {
        errors.push(file.error(&[Seg::Key("seats")], DataProblem::NoSeats));
    }
    let mut candidates = Vec::new();
    for (i, c) in raw.candidates.into_iter().enumerate() {
        let at = |k: &'static str| [Seg::Key("candidates"), Seg::Index(i), Seg::Key(k)];
        let name = match file.required(&at("name"), "name", &c.name) {
            Ok(n) => n,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let born = match &c.born {
            None => None,
            Some(b) => match file.date(&at("born"), "born", b) {
                Ok(d) => Some(d),
                Err(d) => {
                    errors.push(d);
                    continue;
                }
            },
        };
        let text = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        candidates.push(Candidate {
            name,
            born,
            gender: text(c.gender),
            hometown: text(c.hometown),
            position: text(c.position),
            education: text(c.education),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    candidates
        .sort_by(|a, b| crate::vi::collate::compare_people((&a.name, a.born), (&b.name, b.born)));
    Ok(Unit {
        id: id.to_string(),
        file: file.rel.to_path_buf(),
        locality,
        number: raw.number,
        name: raw
            .name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("Đơn vị bầu cử số {}", raw.number)),
        body: raw
            .body
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty()),
        seats: raw.seats,
        area,
        candidates,
        locality_line: file.line(&[Seg::Key("locality")]),
    })
}
