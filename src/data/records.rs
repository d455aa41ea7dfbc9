//! Data sets as lists of records for `pages_from:` and templates: the typed sets turned into
//! JSON (dates as `{iso, long, short}`), the generic ones as written.

use super::{Data, Status};
use crate::templates::DateCtx;
use jiff::civil::Date;
use serde_json::{Map, Value, json};

/// One record of a data set.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its fields, as templates see them.
    pub fields: Map<String, Value>,
    /// Its date, for sorting and listings.
    pub date: Option<Date>,
    /// Its locality.
    pub locality: Option<String>,
}

impl Record {
    /// The text of `field` (a string or a number), if it has one.
    pub fn text(&self, field: &str) -> Option<String> {
        match self.fields.get(field)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

impl Data {
    /// The listed spelling of a locality name (as written when it is not listed).
    pub fn locality_name(&self, name: &str) -> String {
        self.localities.find(name).map_or_else(
            || name.to_string(),
            |i| self.localities.list[i].name.clone(),
        )
    }
}

fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| json!(DateCtx::new(d)))
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

impl Data {
    /// The records of data set `name`; `None` when there is no such set or it is not a list
    /// of mappings.
    pub fn records(&self, name: &str) -> Option<Vec<Record>> {
        Some(match name {
            "documents" => self
                .documents
                .list
                .iter()
                .map(|d| Record {
                    fields: obj(json!({
                        "id": d.id, "type": d.kind, "number": d.number, "name": d.name(),
                        "issuer": d.issuer, "date": date(d.date), "effective": date(d.effective),
                        "title": d.title, "summary": d.summary, "url": d.url,
                        "locality": d.locality.as_deref().map(|l| self.locality_name(l)),
                    })),
                    date: d.date,
                    locality: d.locality.as_deref().map(|l| self.locality_name(l)),
                })
                .collect(),
            "localities" => self
                .localities
                .list
                .iter()
                .map(|l| Record {
                    fields: obj(json!({ "name": l.name, "kind": l.kind })),
                    date: None,
                    locality: None,
                })
                .collect(),
            "units" => self
                .units
                .iter()
                .map(|u| Record {
                    fields: obj(json!({
                        "id": u.id, "locality": self.locality_name(&u.locality),
                        "number": u.number, "name": u.name,
                        "title": format!("{}, {}", u.name, self.locality_name(&u.locality)),
                        "body": u.body, "seats": u.seats, "area": u.area,
                        "columns": {
                            "born": u.candidates.iter().any(|c| c.born.is_some()),
                            "gender": u.candidates.iter().any(|c| c.gender.is_some()),
                            "hometown": u.candidates.iter().any(|c| c.hometown.is_some()),
                            "position": u.candidates.iter().any(|c| c.position.is_some()),
                            "education": u.candidates.iter().any(|c| c.education.is_some()),
                        },
                        "candidates": u.candidates.iter().map(|c| json!({
                            "name": c.name, "born": date(c.born), "gender": c.gender,
                            "hometown": c.hometown, "position": c.position,
                            "education": c.education,
                        })).collect::<Vec<_>>(),
                    })),
                    date: None,
                    locality: Some(self.locality_name(&u.locality)),
                })
                .collect(),
            "glossary" => self
                .glossary
                .terms
                .iter()
                .map(|t| Record {
                    fields: obj(json!({
                        "abbr": t.abbr.trim(), "expansion": t.expansion,
                        "meanings": t.meanings, "description": t.description,
                    })),
                    date: None,
                    locality: None,
                })
                .collect(),
            "schedule" => self
                .schedule
                .as_ref()?
                .milestones
                .iter()
                .map(|m| Record {
                    fields: obj(json!({
                        "id": m.id, "title": m.title, "date": date(Some(m.start)),
                        "end": date(m.end), "offset_days": m.offset_days,
                        "deadline": m.deadline, "time": m.time, "who": m.who,
                        "basis": m.basis, "note": m.note,
                    })),
                    date: Some(m.start),
                    locality: None,
                })
                .collect(),
            other => {
                let (_, v) = self.generic.get(other)?;
                let Value::Array(items) = v else {
                    return None;
                };
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    let Value::Object(m) = item else {
                        return None;
                    };
                    let date = m
                        .get("date")
                        .and_then(Value::as_str)
                        .and_then(crate::vi::date::parse)
                        .map(|m| m.date());
                    let locality = m.get("locality").and_then(Value::as_str).map(String::from);
                    let mut fields = m.clone();
                    if let Some(d) = date {
                        fields.insert("date".into(), json!(DateCtx::new(d)));
                    }
                    out.push(Record {
                        fields,
                        date,
                        locality,
                    });
                }
                out
            }
        })
    }
}

/// The words templates and calendars use for a milestone's status.
pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Past => "past",
        Status::Now => "now",
        Status::Next => "next",
        Status::Upcoming => "upcoming",
    }
}
