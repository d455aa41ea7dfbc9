//! Problems of the Vietnamese text layer: dates that cannot be read, mixed tone placement,
//! suspicious syllables, eth look-alikes and decomposed text. Messages in both languages.

use crate::vi::date::DateError;
use crate::vi::syllable::Suspicion;

/// What the text layer found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs)]
pub enum TextProblem {
    #[error("bad date {value}")]
    BadDate {
        key: String,
        value: String,
        reason: DateError,
    },
    #[error("mixed tone style")]
    MixedToneStyle {
        traditional: usize,
        modern: usize,
        traditional_example: String,
        modern_example: String,
    },
    #[error("suspicious syllable {word}")]
    SuspiciousSyllable { word: String, why: Suspicion },
    #[error("eth letter in {word}")]
    EthLetter { word: String, count: usize },
    #[error("text was not NFC")]
    NotNfc { chars: usize },
}

impl TextProblem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            TextProblem::BadDate { .. } => "bad-date",
            TextProblem::MixedToneStyle { .. } => "mixed-tone-style",
            TextProblem::SuspiciousSyllable { .. } => "suspicious-syllable",
            TextProblem::EthLetter { .. } => "eth-letter",
            TextProblem::NotNfc { .. } => "not-nfc",
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, vi: bool) -> String {
        match self {
            TextProblem::BadDate { key, value, reason } => match reason {
                DateError::Unrecognized => pick(
                    vi,
                    format!("`{key}: {value}` không phải là ngày hợp lệ"),
                    format!("`{key}: {value}` is not a valid date"),
                ),
                DateError::Impossible => pick(
                    vi,
                    format!("`{key}: {value}`: không có ngày này trong lịch"),
                    format!("`{key}: {value}`: no such day in the calendar"),
                ),
                DateError::MonthFirst { .. } => pick(
                    vi,
                    format!("`{key}: {value}`: tháng được viết trước ngày"),
                    format!("`{key}: {value}`: the month is written before the day"),
                ),
                DateError::Ambiguous => pick(
                    vi,
                    format!("`{key}: {value}`: ngày này có thể hiểu theo nhiều cách"),
                    format!("`{key}: {value}` can be read more than one way"),
                ),
            },
            TextProblem::MixedToneStyle {
                traditional,
                modern,
                traditional_example,
                modern_example,
            } => pick(
                vi,
                format!(
                    "trang dùng lẫn hai kiểu đặt dấu thanh: {traditional} chữ kiểu cũ (như “{traditional_example}”) và {modern} chữ kiểu mới (như “{modern_example}”)"
                ),
                format!(
                    "the page mixes both tone-mark placements: {traditional} traditional (e.g. “{traditional_example}”) and {modern} modern (e.g. “{modern_example}”)"
                ),
            ),
            TextProblem::SuspiciousSyllable { word, why } => pick(
                vi,
                format!("chữ “{word}” có vẻ viết sai: {}", why_text(*why, true)),
                format!("“{word}” looks misspelt: {}", why_text(*why, false)),
            ),
            TextProblem::EthLetter { word, count } => pick(
                vi,
                format!(
                    "{count} chữ dùng ký tự Ð/ð (eth, chữ Iceland) thay cho Đ/đ, như “{word}”; Loa đã đổi sang Đ/đ"
                ),
                format!(
                    "{count} words use the letter Ð/ð (eth) instead of Đ/đ, e.g. “{word}”; Loa changed them to Đ/đ"
                ),
            ),
            TextProblem::NotNfc { chars } => pick(
                vi,
                format!(
                    "văn bản viết bằng Unicode tổ hợp: {chars} dấu rời đã được ghép vào chữ (NFC)"
                ),
                format!(
                    "the text is decomposed Unicode: {chars} combining marks were joined to their letters (NFC)"
                ),
            ),
        }
    }

    /// How to fix it.
    pub fn help(&self, vi: bool) -> String {
        match self {
            TextProblem::BadDate { reason, .. } => match reason {
                DateError::MonthFirst { swapped } => pick(
                    vi,
                    format!("viết ngày trước tháng: `{swapped}`"),
                    format!("write the day before the month: `{swapped}`"),
                ),
                DateError::Impossible => pick(
                    vi,
                    "kiểm tra lại ngày và tháng (ngày trước, tháng sau), ví dụ `23/05/2021`".into(),
                    "check the day and month (day first), e.g. `23/05/2021`".into(),
                ),
                DateError::Ambiguous | DateError::Unrecognized => pick(
                    vi,
                    "viết ngày, tháng, rồi năm đủ bốn chữ số: `23/05/2021`, `ngày 23 tháng 5 năm 2021` hoặc `2021-05-23`".into(),
                    "write day, month, then a four-digit year: `23/05/2021`, `ngày 23 tháng 5 năm 2021` or `2021-05-23`".into(),
                ),
            },
            TextProblem::MixedToneStyle { .. } => pick(
                vi,
                "sửa cho thống nhất một kiểu (hòa/thủy hoặc hoà/thuỷ), hoặc đặt `tone_style: traditional` hay `tone_style: modern` trong site.yaml để Loa tự chuyển".into(),
                "use one placement throughout (hòa/thủy or hoà/thuỷ), or set `tone_style: traditional` or `modern` in site.yaml to convert automatically".into(),
            ),
            TextProblem::SuspiciousSyllable { .. } => pick(
                vi,
                "sửa chính tả; nếu đây là tên riêng đúng, thêm nó vào `lint.allow` trong site.yaml".into(),
                "fix the spelling; if it is a correct proper name, add it to `lint.allow` in site.yaml".into(),
            ),
            TextProblem::EthLetter { .. } => pick(
                vi,
                "thay Ð/ð bằng Đ/đ trong tệp nguồn (thường do chuyển phông TCVN3/VNI cũ)".into(),
                "replace Ð/ð with Đ/đ in the source (usually left by old TCVN3/VNI font converters)".into(),
            ),
            TextProblem::NotNfc { .. } => pick(
                vi,
                "không cần làm gì; muốn tệp gọn hơn, hãy gõ bằng bảng mã Unicode dựng sẵn".into(),
                "nothing to do; for smaller files, type in precomposed Unicode".into(),
            ),
        }
    }
}

fn why_text(why: Suspicion, vi: bool) -> &'static str {
    match (why, vi) {
        (Suspicion::TwoTones, true) => "có hai dấu thanh",
        (Suspicion::TwoTones, false) => "it has two tone marks",
        (Suspicion::MisplacedTone, true) => "dấu thanh đặt sai chỗ",
        (Suspicion::MisplacedTone, false) => "the tone mark is on the wrong letter",
        (Suspicion::UnknownRhyme, true) => "vần này không có trong tiếng Việt",
        (Suspicion::UnknownRhyme, false) => "no Vietnamese syllable has this rhyme",
        (Suspicion::BadOnset, true) => "phụ âm đầu không đi với nguyên âm này",
        (Suspicion::BadOnset, false) => "this initial consonant is not written before this vowel",
        (Suspicion::ToneOnStopCoda, true) => {
            "vần tận cùng bằng c, ch, p, t chỉ mang dấu sắc hoặc nặng"
        }
        (Suspicion::ToneOnStopCoda, false) => {
            "a syllable ending in c, ch, p or t takes only the sắc or nặng tone"
        }
        (Suspicion::NotASyllable, true) => "không phải một âm tiết tiếng Việt",
        (Suspicion::NotASyllable, false) => "it is not a Vietnamese syllable",
    }
}

pub(super) fn pick(vi: bool, v: String, e: String) -> String {
    if vi { v } else { e }
}
