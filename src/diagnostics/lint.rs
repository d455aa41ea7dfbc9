//! Problems found by the accessibility lint of the render pass (`markdown/lint.rs`): images
//! without alt text, skipped heading levels, empty or ambiguous link text, repeated HTML ids
//! and tables without a header row. Messages and fixes in both languages.

use super::text::pick;

/// What an HTML `id` written in a page's Markdown collides with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdClash {
    /// The id of a heading of the page.
    Heading,
    /// An `id` of another HTML tag earlier in the page.
    Html,
    /// An id the theme (`noi-dung`, `loa-…`) or the footnotes (`fn-N`, `fnref-N`) own.
    Reserved,
}

/// What the accessibility lint found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs)]
pub enum LintProblem {
    /// `src` as written; `html` when the image is a raw `<img>` tag.
    #[error("image without alt text {src}")]
    ImageNoAlt { src: String, html: bool },
    /// A heading of `level` after one of `previous` (1 is the page title).
    #[error("heading level {level} after level {previous}")]
    HeadingSkip { level: u8, previous: u8 },
    #[error("empty link text {dest}")]
    EmptyLinkText { dest: String },
    #[error("duplicate HTML id {id}")]
    DuplicateHtmlId { id: String, clash: IdClash },
    #[error("ambiguous link text {text}")]
    AmbiguousLinkText { text: String },
    #[error("table without a header row")]
    TableNoHeader,
}

impl LintProblem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            LintProblem::ImageNoAlt { .. } => "image-no-alt",
            LintProblem::HeadingSkip { .. } => "heading-skip",
            LintProblem::EmptyLinkText { .. } => "empty-link-text",
            LintProblem::DuplicateHtmlId { .. } => "duplicate-html-id",
            LintProblem::AmbiguousLinkText { .. } => "ambiguous-link-text",
            LintProblem::TableNoHeader => "table-no-header",
        }
    }

    /// Whether the problem fails the build (else it is a warning, fatal only with `--strict`).
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            LintProblem::AmbiguousLinkText { .. } | LintProblem::TableNoHeader
        )
    }

    /// What is wrong, in one line.
    pub fn message(&self, vi: bool) -> String {
        match self {
            LintProblem::ImageNoAlt { src, .. } => pick(
                vi,
                format!("hình `{src}` không có lời mô tả (alt) cho người không xem được hình"),
                format!("the image `{src}` has no alt text for people who cannot see it"),
            ),
            LintProblem::HeadingSkip { level, previous: 1 } => pick(
                vi,
                format!(
                    "đề mục đầu tiên của bài là cấp {level} (`{}`): tiêu đề trang là cấp 1 nên đề mục đầu tiên phải là cấp 2 (`##`)",
                    hashes(*level)
                ),
                format!(
                    "the first heading of the body is level {level} (`{}`): the page title is level 1, so the first heading must be level 2 (`##`)",
                    hashes(*level)
                ),
            ),
            LintProblem::HeadingSkip { level, previous } => pick(
                vi,
                format!(
                    "đề mục cấp {level} (`{}`) ngay sau đề mục cấp {previous}: bỏ qua cấp {}",
                    hashes(*level),
                    previous + 1
                ),
                format!(
                    "a level-{level} heading (`{}`) right after a level-{previous} one skips level {}",
                    hashes(*level),
                    previous + 1
                ),
            ),
            LintProblem::EmptyLinkText { dest } => pick(
                vi,
                format!("liên kết tới `{dest}` không có chữ nào để đọc"),
                format!("the link to `{dest}` has no text to read"),
            ),
            LintProblem::DuplicateHtmlId { id, clash } => match clash {
                IdClash::Heading => pick(
                    vi,
                    format!("mã `id=\"{id}\"` trong HTML trùng với mã của một đề mục trong trang"),
                    format!("the HTML `id=\"{id}\"` is also the id of a heading on the page"),
                ),
                IdClash::Html => pick(
                    vi,
                    format!("mã `id=\"{id}\"` đã được dùng cho một thẻ HTML khác trong trang"),
                    format!("the HTML `id=\"{id}\"` is already used by another tag on the page"),
                ),
                IdClash::Reserved => pick(
                    vi,
                    format!(
                        "mã `id=\"{id}\"` dành riêng cho giao diện hoặc chú thích (`noi-dung`, `loa-…`, `fn-…`, `fnref-…`)"
                    ),
                    format!(
                        "the HTML `id=\"{id}\"` is reserved for the theme or footnotes (`noi-dung`, `loa-…`, `fn-…`, `fnref-…`)"
                    ),
                ),
            },
            LintProblem::AmbiguousLinkText { text } => pick(
                vi,
                format!("chữ của liên kết “{text}” không cho biết liên kết dẫn tới đâu"),
                format!("the link text “{text}” does not say where the link goes"),
            ),
            LintProblem::TableNoHeader => pick(
                vi,
                "bảng không có hàng tiêu đề (mọi ô của hàng đầu đều trống)".into(),
                "the table has no header row (every cell of its first row is empty)".into(),
            ),
        }
    }

    /// How to fix it.
    pub fn help(&self, vi: bool) -> String {
        match self {
            LintProblem::ImageNoAlt { html: true, .. } => pick(
                vi,
                "thêm lời mô tả ngắn: `<img src=\"…\" alt=\"Mẫu phiếu bầu\">`; hình chỉ để trang trí thì ghi `alt=\"\"`".into(),
                "add a short description: `<img src=\"…\" alt=\"Sample ballot\">`; for a purely decorative image write `alt=\"\"`".into(),
            ),
            LintProblem::ImageNoAlt { html: false, .. } => pick(
                vi,
                "viết lời mô tả ngắn trong ngoặc vuông: `![Mẫu phiếu bầu](mau-phieu.png)`; hình chỉ để trang trí thì ghi tiêu đề \"trang trí\": `![](hoa-van.png \"trang trí\")`".into(),
                "describe the image in the brackets: `![Sample ballot](mau-phieu.png)`; for a purely decorative image give it the title \"decorative\": `![](pattern.png \"decorative\")`".into(),
            ),
            LintProblem::HeadingSkip { previous, .. } => pick(
                vi,
                format!(
                    "đổi thành `{}` (cấp {}) hoặc thêm đề mục cấp giữa; trình đọc màn hình dùng các cấp đề mục để đi qua trang",
                    hashes(previous + 1),
                    previous + 1
                ),
                format!(
                    "make it `{}` (level {}) or add the missing level; screen readers move through a page by its heading levels",
                    hashes(previous + 1),
                    previous + 1
                ),
            ),
            LintProblem::EmptyLinkText { .. } => pick(
                vi,
                "viết trong ngoặc vuông chữ nói rõ trang đích, ví dụ `[Lịch bầu cử](lich-bau-cu/_index.md)`; nếu liên kết là một hình, hãy mô tả hình".into(),
                "put words naming the target in the brackets, e.g. `[Election calendar](lich-bau-cu/_index.md)`; if the link is an image, describe the image".into(),
            ),
            LintProblem::DuplicateHtmlId { .. } => pick(
                vi,
                "đặt một mã khác chưa dùng trong trang; mỗi `id` chỉ được có một lần".into(),
                "choose an id not used elsewhere on the page; each `id` may appear once".into(),
            ),
            LintProblem::AmbiguousLinkText { .. } => pick(
                vi,
                "viết tên trang hoặc văn bản đích làm chữ liên kết, ví dụ `[Lịch bầu cử](…)` thay vì `[tại đây](…)`: người dùng trình đọc màn hình thường nghe các liên kết tách khỏi câu".into(),
                "use the name of the target as the link text, e.g. `[Election calendar](…)` rather than `[here](…)`: screen-reader users often hear links out of their sentence".into(),
            ),
            LintProblem::TableNoHeader => pick(
                vi,
                "ghi tên từng cột vào hàng đầu của bảng".into(),
                "name each column in the first row of the table".into(),
            ),
        }
    }
}

/// `level` hash signs, as the heading is written in Markdown.
fn hashes(level: u8) -> String {
    "#".repeat(usize::from(level.clamp(1, 6)))
}
