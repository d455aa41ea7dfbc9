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
    #[error("duplicate id {id}")]
    DuplicateId { id: String, first_line: usize },
    #[error("unknown document {id}")]
    UnknownDocument {
        id: String,
        suggestion: Option<String>,
    },
    #[error("unknown locality {name}")]
    UnknownLocality {
        name: String,
        suggestion: Option<String>,
    },
    #[error("milestone {id} needs one date")]
    MilestoneWhen { id: String },
    #[error("milestone {id} ends before it starts")]
    EndBeforeStart { id: String },
    #[error("bad time {value}")]
    BadTime { value: String },
    #[error("bad id {id}")]
    BadId { id: String },
    #[error("empty field {field}")]
    EmptyField { field: String },
    #[error("no seats")]
    NoSeats,
    #[error("unknown data set {name}")]
    UnknownDataSet { name: String, known: Vec<String> },
    #[error("record without {field}")]
    MissingRecordField {
        set: String,
        index: usize,
        field: String,
    },
    #[error("data set {set} is not a list of records")]
    NotRecords { set: String },
}

impl DataProblem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            DataProblem::BadAbbreviation { .. } => "bad-abbreviation",
            DataProblem::AbbreviationMeaning { .. } => "abbreviation-meaning",
            DataProblem::DuplicateAbbreviation { .. } => "duplicate-abbreviation",
            DataProblem::DuplicateId { .. } => "duplicate-id",
            DataProblem::UnknownDocument { .. } => "unknown-document",
            DataProblem::UnknownLocality { .. } => "unknown-locality",
            DataProblem::MilestoneWhen { .. } => "milestone-date",
            DataProblem::EndBeforeStart { .. } => "end-before-start",
            DataProblem::BadTime { .. } => "bad-time",
            DataProblem::BadId { .. } => "bad-id",
            DataProblem::EmptyField { .. } => "empty-field",
            DataProblem::NoSeats => "no-seats",
            DataProblem::UnknownDataSet { .. } => "unknown-data-set",
            DataProblem::MissingRecordField { .. } => "missing-record-field",
            DataProblem::NotRecords { .. } => "not-records",
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
            DataProblem::DuplicateId { id, first_line } => pick(
                vi,
                format!("mã “{id}” bị trùng: đã có ở dòng {first_line}"),
                format!("the id “{id}” is a duplicate of the one on line {first_line}"),
            ),
            DataProblem::UnknownDocument { id, .. } => pick(
                vi,
                format!(
                    "văn bản “{id}” không có trong danh mục văn bản (content/_data/documents.yaml)"
                ),
                format!(
                    "the document “{id}” is not in the document registry (content/_data/documents.yaml)"
                ),
            ),
            DataProblem::UnknownLocality { name, .. } => pick(
                vi,
                format!(
                    "địa phương “{name}” không có trong danh sách (content/_data/localities.yaml)"
                ),
                format!("the locality “{name}” is not in the list (content/_data/localities.yaml)"),
            ),
            DataProblem::MilestoneWhen { id } => pick(
                vi,
                format!(
                    "mốc “{id}” cần đúng một trong hai: `offset_days` (số ngày so với ngày bầu cử) hoặc `date` (ngày cố định)"
                ),
                format!(
                    "the milestone “{id}” needs exactly one of `offset_days` (days from election day) or `date` (a fixed date)"
                ),
            ),
            DataProblem::EndBeforeStart { id } => pick(
                vi,
                format!("mốc “{id}” kết thúc trước khi bắt đầu"),
                format!("the milestone “{id}” ends before it starts"),
            ),
            DataProblem::BadTime { value } => pick(
                vi,
                format!("“{value}” không phải là giờ hợp lệ"),
                format!("“{value}” is not a valid time of day"),
            ),
            DataProblem::BadId { id } => pick(
                vi,
                format!("mã “{id}” chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang"),
                format!("the id “{id}” may only have lowercase ASCII letters, digits and hyphens"),
            ),
            DataProblem::EmptyField { field } => pick(
                vi,
                format!("trường `{field}` đang để trống"),
                format!("the field `{field}` is empty"),
            ),
            DataProblem::NoSeats => pick(
                vi,
                "số đại biểu được bầu (`seats`) phải từ 1 trở lên".into(),
                "the number of seats (`seats`) must be at least 1".into(),
            ),
            DataProblem::UnknownDataSet { name, .. } => pick(
                vi,
                format!("không có tập dữ liệu “{name}” trong content/_data/"),
                format!("there is no data set “{name}” in content/_data/"),
            ),
            DataProblem::MissingRecordField { set, index, field } => pick(
                vi,
                format!(
                    "bản ghi thứ {index} của “{set}” không có trường `{field}` (hoặc trường này không phải là chữ)"
                ),
                format!("record {index} of “{set}” has no text field `{field}`"),
            ),
            DataProblem::NotRecords { set } => pick(
                vi,
                format!("tập dữ liệu “{set}” không phải là một danh sách các bản ghi"),
                format!("the data set “{set}” is not a list of records"),
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
            DataProblem::DuplicateId { .. } => pick(
                vi,
                "mỗi mục cần một mã riêng: đổi mã hoặc xóa mục bị lặp".into(),
                "every entry needs its own id: change it or remove the repeated entry".into(),
            ),
            DataProblem::UnknownDocument { suggestion, .. } => match suggestion {
                Some(s) => pick(
                    vi,
                    format!("có phải là “{s}”? Nếu là văn bản khác, thêm nó vào content/_data/documents.yaml"),
                    format!("did you mean “{s}”? If it is another document, add it to content/_data/documents.yaml"),
                ),
                None => pick(
                    vi,
                    "thêm văn bản vào content/_data/documents.yaml, hoặc ghi nguồn dạng `{title: …, url: …}`".into(),
                    "add the document to content/_data/documents.yaml, or write the source as `{title: …, url: …}`".into(),
                ),
            },
            DataProblem::UnknownLocality { suggestion, .. } => match suggestion {
                Some(s) => pick(
                    vi,
                    format!("có phải là “{s}”? Viết đúng tên có dấu như trong danh sách"),
                    format!("did you mean “{s}”? Write the name with its diacritics as the list does"),
                ),
                None => pick(
                    vi,
                    "dùng tên tỉnh, thành phố như trong content/_data/localities.yaml, hoặc thêm địa phương đó vào danh sách".into(),
                    "use a name from content/_data/localities.yaml, or add the locality to it".into(),
                ),
            },
            DataProblem::MilestoneWhen { .. } => pick(
                vi,
                "ví dụ `offset_days: -105` (105 ngày trước ngày bầu cử) hoặc `date: 17/11/2020`".into(),
                "e.g. `offset_days: -105` (105 days before election day) or `date: 17/11/2020`".into(),
            ),
            DataProblem::EndBeforeStart { .. } => pick(
                vi,
                "kiểm tra lại `end_date` hoặc `end_offset_days`".into(),
                "check `end_date` or `end_offset_days`".into(),
            ),
            DataProblem::BadTime { .. } => pick(
                vi,
                "viết giờ dạng 24 giờ, ví dụ `time: \"17:00\"`".into(),
                "write a 24-hour time, e.g. `time: \"17:00\"`".into(),
            ),
            DataProblem::BadId { .. } => pick(
                vi,
                "ví dụ `id: hiep-thuong-lan-1`; mã này nằm trong lịch điện tử nên đừng đổi sau khi đã đăng".into(),
                "e.g. `id: hiep-thuong-lan-1`; calendars keep it, so do not change it once published".into(),
            ),
            DataProblem::EmptyField { .. } => pick(
                vi,
                "điền nội dung cho trường này, hoặc xóa dòng đó nếu trường không bắt buộc".into(),
                "fill the field in, or remove the line when the field is optional".into(),
            ),
            DataProblem::NoSeats => pick(
                vi,
                "ghi số đại biểu được bầu ở đơn vị này, ví dụ `seats: 3`".into(),
                "write how many deputies the unit elects, e.g. `seats: 3`".into(),
            ),
            DataProblem::UnknownDataSet { known, .. } => pick(
                vi,
                format!("các tập dữ liệu có: {}", known.join(", ")),
                format!("the data sets are: {}", known.join(", ")),
            ),
            DataProblem::MissingRecordField { field, .. } => pick(
                vi,
                format!("thêm `{field}` vào mọi bản ghi, hoặc chọn trường khác cho `slug_from`/`title_from`"),
                format!("add `{field}` to every record, or pick another field for `slug_from`/`title_from`"),
            ),
            DataProblem::NotRecords { .. } => pick(
                vi,
                "tệp dữ liệu cần là một danh sách, mỗi mục bắt đầu bằng `- ` và có các trường `tên: giá trị`".into(),
                "the data file must be a list whose items are mappings of `field: value`".into(),
            ),
        }
    }
}
