//! References from pages into the data: `data:` names a data set, `locality:` a listed
//! locality, a `sources:` id a registered document. Checked once, located at the key (or the
//! list item) that holds the reference.

use crate::config::key_line;
use crate::content::{SourceRef, front_matter};
use crate::data::Data;
use crate::diagnostics::{DataProblem, Diagnostic, Problem};
use crate::yaml::{Seg, locate};

/// The reference errors of a written page (generated pages are checked with their data).
pub fn check(s: &crate::content::Source, data: &Data) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if s.origin.is_some() {
        return errors;
    }
    let f = &s.front;
    let at_key = |key: &str, p: DataProblem| {
        let line = key_line(&s.text, key).unwrap_or(1);
        Diagnostic::error(s.path.clone(), Problem::Data(p)).at(&s.text, line, 1)
    };
    for name in &f.data {
        if !data.has(name) {
            errors.push(at_key(
                "data",
                DataProblem::UnknownDataSet {
                    name: name.clone(),
                    known: data.names(),
                },
            ));
        }
    }
    if let Some(l) = &f.locality
        && !data.localities.is_empty()
        && data.localities.find(l).is_none()
    {
        let line = key_line(&s.text, "locality").unwrap_or(1);
        errors.push(crate::data::locality_error(&data.localities, &s.path, l).at(&s.text, line, 1));
    }
    if data.documents.is_empty() {
        return errors;
    }
    let yaml = front_matter::split(&s.text)
        .map(|sp| sp.yaml)
        .unwrap_or_default();
    for (i, src) in f.sources.iter().enumerate() {
        let SourceRef::Document(id) = src else {
            continue;
        };
        if data.documents.find(id).is_some() {
            continue;
        }
        // The front matter starts on line 2, after `---`.
        let (line, col) = locate(yaml, &[Seg::Key("sources"), Seg::Index(i)])
            .map_or((key_line(&s.text, "sources").unwrap_or(1), 1), |(l, c)| {
                (l + 1, c)
            });
        errors.push(
            Diagnostic::error(
                s.path.clone(),
                Problem::Data(DataProblem::UnknownDocument {
                    id: id.clone(),
                    suggestion: data.documents.suggest(id),
                }),
            )
            .at(&s.text, line, col),
        );
    }
    errors
}
