//! `pages_from:`: one page per record of a data set, placed in the section that asks for it
//! (as Eleventy's pagination does). The pages are ordinary sources from here on, so URLs,
//! collisions, listings, menus, sitemaps and links treat them like written ones.

use crate::config::key_line;
use crate::content::{FrontMatter, Origin, Source};
use crate::data::{Data, Record};
use crate::diagnostics::{DataProblem, Diagnostic, Problem};
use std::collections::HashMap;

/// Appends the generated pages of every section with `pages_from:` to `sources`, with the
/// records each set was read into. A section's `template:` names its pages' template; the
/// section itself keeps the default one.
pub fn expand(
    sources: &mut Vec<Source>,
    data: &Data,
) -> (HashMap<String, Vec<Record>>, Vec<Diagnostic>) {
    let mut records: HashMap<String, Vec<Record>> = HashMap::new();
    let mut errors = Vec::new();
    let mut made = Vec::new();
    for s in sources.iter_mut() {
        let Some(pf) = s.front.pages_from.clone() else {
            continue;
        };
        let at = |key: &str, p: DataProblem| {
            let line = key_line(&s.text, key).unwrap_or(1);
            Diagnostic::error(s.path.clone(), Problem::Data(p)).at(&s.text, line, 1)
        };
        if !data.has(&pf.set) {
            errors.push(at(
                "pages_from",
                DataProblem::UnknownDataSet {
                    name: pf.set.clone(),
                    known: data.names(),
                },
            ));
            continue;
        }
        let Some(list) = data.records(&pf.set) else {
            errors.push(at(
                "pages_from",
                DataProblem::NotRecords {
                    set: pf.set.clone(),
                },
            ));
            continue;
        };
        let template = s.front.template.take();
        for (index, r) in list.iter().enumerate() {
            let missing = |field: &str| DataProblem::MissingRecordField {
                set: pf.set.clone(),
                index: index + 1,
                field: field.into(),
            };
            let Some(slug_text) = r.text(&pf.slug_from) else {
                errors.push(at("slug_from", missing(&pf.slug_from)));
                break;
            };
            let title = match &pf.title_from {
                Some(f) => r.text(f),
                None => r.text("title").or_else(|| r.text("name")),
            };
            let Some(title) = title else {
                let f = pf.title_from.clone().unwrap_or_else(|| "title".into());
                errors.push(at(
                    if pf.title_from.is_some() {
                        "title_from"
                    } else {
                        "pages_from"
                    },
                    missing(&f),
                ));
                break;
            };
            let titled_elsewhere = pf.title_from.as_deref().is_some_and(|f| f != "title");
            let description = r
                .text("description")
                .or_else(|| {
                    if titled_elsewhere {
                        r.text("title")
                    } else {
                        None
                    }
                })
                .or_else(|| r.text("summary"));
            let slug = crate::vi::slugify(&slug_text);
            let dir = s.dir();
            let rel = if dir.is_empty() {
                format!("{slug}.md")
            } else {
                format!("{dir}/{slug}.md")
            };
            made.push(Source {
                rel,
                path: s.path.clone(),
                is_section: false,
                front: FrontMatter {
                    title,
                    description,
                    date: r.date.map(crate::vi::date::Moment::Day),
                    slug: Some(slug),
                    weight: i64::try_from(index).ok(),
                    template: template.clone(),
                    locality: r.locality.clone(),
                    ..FrontMatter::default()
                },
                body: String::new(),
                body_line: s.body_line,
                text: s.text.clone(),
                headings: Vec::new(),
                origin: Some(Origin {
                    set: pf.set.clone(),
                    index,
                }),
            });
        }
        records.insert(pf.set.clone(), list);
    }
    sources.extend(made);
    (records, errors)
}
