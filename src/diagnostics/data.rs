//! Problems in the data files of `content/_data/`, in both languages.

use super::text::pick;

/// What is wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs)]
pub enum DataProblem {
    #[error("bad abbreviation {abbr}")]
    BadAbbreviation { abbr: String },
    #[error("abbreviation {abbr} needs one meaning")]
    AbbreviationMeaning { abbr: String },
    #[error("duplicate abbreviation {abbr}")]
    DuplicateAbbreviation { abbr: String, first_line: usize },
}

impl DataProblem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            DataProblem::BadAbbreviation { .. } => "bad-abbreviation",
            DataProblem::AbbreviationMeaning { .. } => "abbreviation-meaning",
            DataProblem::DuplicateAbbreviation { .. } => "duplicate-abbreviation",
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, vi: bool) -> String {
        match self {
            DataProblem::BadAbbreviation { abbr } => pick(
                vi,
                format!("chữ viết tắt “{abbr}” trống hoặc có khoảng trắng"),
                format!("the abbreviation “{abbr}” is empty or contains spaces"),
            ),
            DataProblem::AbbreviationMeaning { abbr } => pick(
                vi,
                format!(
                    "“{abbr}” cần đúng một trong hai: `expansion` (một nghĩa) hoặc `meanings` (từ hai nghĩa trở lên)"
                ),
                format!(
                    "“{abbr}” needs exactly one of `expansion` (one meaning) or `meanings` (two or more)"
                ),
            ),
            DataProblem::DuplicateAbbreviation { abbr, first_line } => pick(
                vi,
                format!("“{abbr}” đã có ở dòng {first_line}"),
                format!("“{abbr}” is already defined on line {first_line}"),
            ),
        }
    }

    /// How to fix it.
    pub fn help(&self, vi: bool) -> String {
        match self {
            DataProblem::BadAbbreviation { .. } => pick(
                vi,
                "viết chữ viết tắt liền, ví dụ `abbr: HĐND`".into(),
                "write the abbreviation as one token, e.g. `abbr: HĐND`".into(),
            ),
            DataProblem::AbbreviationMeaning { .. } => pick(
                vi,
                "thêm `expansion: Hội đồng nhân dân`; chữ viết tắt nhiều nghĩa thì ghi `meanings: [Chỉ thị, Chủ tịch]` và Loa sẽ không tự giải thích".into(),
                "add `expansion: …`; for an ambiguous abbreviation list `meanings: [...]` and Loa will not expand it".into(),
            ),
            DataProblem::DuplicateAbbreviation { .. } => pick(
                vi,
                "xóa một trong hai mục, hoặc gộp nghĩa của chúng vào `meanings`".into(),
                "remove one of the two, or merge their meanings into `meanings`".into(),
            ),
        }
    }
}
