//! The only module that names the YAML crate. It parses YAML into typed values and turns the
//! crate's errors into located ones (line, column, and the unknown field when there is one).

use serde::de::DeserializeOwned;

/// A YAML error with its position inside the parsed text (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line within the YAML text.
    pub line: usize,
    /// 1-based column within the YAML text.
    pub col: usize,
    /// What went wrong.
    pub kind: YamlErrorKind,
}

/// The kinds of YAML error Loa treats differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// A key that the schema does not have.
    UnknownField {
        /// The key as written.
        field: String,
        /// The keys the schema accepts.
        expected: Vec<String>,
    },
    /// A value of the wrong type or shape.
    Type(String),
    /// Anything else: bad syntax.
    Syntax(String),
}

/// Parses `text` into `T`. Empty text parses as an empty mapping.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let source = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(source).map_err(|e| convert(&e))
}

fn convert(e: &serde_yaml::Error) -> YamlError {
    let (line, col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    let mut msg = e.to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    // Errors inside a mapping are prefixed with the key path: `weight: invalid type: …`.
    let body_at = |pat: &str| {
        msg.find(pat)
            .filter(|i| *i == 0 || msg[..*i].ends_with(": "))
    };
    let kind = if let Some(rest) = body_at("unknown field `").map(|i| &msg[i + 15..]) {
        let field = rest.split('`').next().unwrap_or_default().to_string();
        let expected = rest
            .split_once("expected")
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        YamlErrorKind::UnknownField { field, expected }
    } else if [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown variant",
        "invalid length",
        "duplicate field",
        "data did not match",
    ]
    .iter()
    .any(|p| body_at(p).is_some())
    {
        YamlErrorKind::Type(msg)
    } else {
        YamlErrorKind::Syntax(msg)
    };
    YamlError { line, col, kind }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: Option<String>,
        weight: Option<i64>,
    }

    #[test]
    fn unknown_field_is_located_and_named() {
        let e = from_str::<T>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.col, 1);
        match e.kind {
            YamlErrorKind::UnknownField { field, expected } => {
                assert_eq!(field, "titel");
                assert_eq!(expected, vec!["title", "weight"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn type_error_is_located() {
        let e = from_str::<T>("title: a\nweight: nặng\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(matches!(e.kind, YamlErrorKind::Type(_)), "{e:?}");
    }

    #[test]
    fn syntax_error_is_located() {
        let e = from_str::<T>("title: \"a\nweight: 1\n").unwrap_err();
        assert!(e.line >= 1);
        assert!(matches!(e.kind, YamlErrorKind::Syntax(_)), "{e:?}");
    }

    #[test]
    fn empty_is_empty_mapping() {
        let t: T = from_str("  \n").unwrap();
        assert!(t.title.is_none());
    }
}
