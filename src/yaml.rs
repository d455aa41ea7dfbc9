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

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// The value of this key in a mapping.
    Key(&'a str),
    /// The n-th item (0-based) of a sequence.
    Index(usize),
}

/// 1-based (line, column) where the node at `path` starts in `text`, or `None` when there is
/// no such node. Used to locate problems found after parsing (a duplicate id, an unknown
/// reference): the parser itself is asked, so flow style and comments are handled exactly.
pub fn locate(text: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    use serde::de::DeserializeSeed;
    let de = serde_yaml::Deserializer::from_str(text);
    match (Seek { path }).deserialize(de) {
        Ok(()) => None,
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| (l.line(), l.column())),
        Err(_) => None,
    }
}

const FOUND: &str = "\u{0}loa-found";

/// Walks to the node at `path` and fails there, so the parser reports its position.
struct Seek<'p, 'a> {
    path: &'p [Seg<'a>],
}

impl<'de> serde::de::DeserializeSeed<'de> for Seek<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Seek<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML node")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.path.split_first() else {
            return Err(serde::de::Error::custom(FOUND));
        };
        while let Some(key) = map.next_key::<KeyText>()? {
            if key.0.as_deref() == Some(*want) {
                return map.next_value_seed(Seek { path: rest });
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.path.split_first() else {
            return Err(serde::de::Error::custom(FOUND));
        };
        for _ in 0..*want {
            if seq.next_element::<serde::de::IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek { path: rest }).map(|_| ())
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.leaf()
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.leaf()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.leaf()
    }
}

impl Seek<'_, '_> {
    fn leaf<E: serde::de::Error>(&self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

/// A mapping key read as text when it is a scalar, else skipped.
struct KeyText(Option<String>);

impl<'de> serde::Deserialize<'de> for KeyText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_yaml::Value::deserialize(d)?;
        Ok(KeyText(match v {
            serde_yaml::Value::String(s) => Some(s),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }))
    }
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
    fn locate_finds_nodes_in_block_and_flow_style() {
        let text = "# c\nitems:\n  - id: a\n    date: 1/1/2021\n  - {id: b, date: x}\nname: n\n";
        assert_eq!(
            locate(text, &[Seg::Key("items"), Seg::Index(0), Seg::Key("date")]),
            Some((4, 11))
        );
        assert_eq!(
            locate(text, &[Seg::Key("items"), Seg::Index(1), Seg::Key("date")]),
            Some((5, 19))
        );
        assert_eq!(
            locate(text, &[Seg::Key("items"), Seg::Index(1)]),
            Some((5, 5))
        );
        assert_eq!(locate(text, &[Seg::Key("name")]), Some((6, 7)));
        assert_eq!(locate(text, &[Seg::Key("items"), Seg::Index(2)]), None);
        assert_eq!(locate(text, &[Seg::Key("nope")]), None);
        assert_eq!(locate("- a\n- b\n", &[Seg::Index(1)]), Some((2, 3)));
    }

    #[test]
    fn empty_is_empty_mapping() {
        let t: T = from_str("  \n").unwrap();
        assert!(t.title.is_none());
    }
}
