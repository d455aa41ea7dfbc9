//! Every kind of problem Loa reports, as a typed enum, with its message and its fix in
//! Vietnamese and English. Adding a problem means adding both languages here.

use super::Lang;

/// What is wrong. Each variant knows how to say it and how to fix it, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs)]
pub enum Problem {
    #[error("cannot read {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("cannot write {path}: {detail}")]
    Write { path: String, detail: String },
    #[error("file is not UTF-8")]
    NotUtf8 { byte_offset: usize },
    #[error("file name is not UTF-8")]
    NonUtf8Path,
    #[error("missing front matter")]
    NoFrontMatter,
    #[error("front matter is not closed")]
    UnclosedFrontMatter,
    #[error("YAML syntax: {detail}")]
    Yaml { detail: String },
    #[error("unknown key {key}")]
    UnknownKey {
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    #[error("wrong value: {detail}")]
    BadValue { key: String, detail: String },
    #[error("section-only key {key}")]
    SectionOnlyKey { key: String },
    #[error("link to hidden page {target}")]
    LinkToHidden { target: String, draft: bool },
    #[error("absolute link {target}")]
    RootRelativeLink { target: String },
    #[error("level-1 heading in body")]
    BodyH1,
    #[error("nesting too deep")]
    TooDeep { depth: usize },
    #[error("output collision {path}")]
    OutputCollision { path: String },
    #[error("no base_url")]
    NoBaseUrl,
    #[error("missing title")]
    MissingTitle,
    #[error("empty slug")]
    EmptySlug { from: String },
    #[error("URL collision {url}")]
    UrlCollision { url: String, other: String },
    #[error("folder without _index.md")]
    NoSectionIndex { folder: String },
    #[error("broken link {target}")]
    BrokenLink { target: String },
    #[error("broken anchor {target}#{anchor}")]
    BrokenAnchor {
        target: String,
        anchor: String,
        available: Vec<String>,
    },
    #[error("duplicate heading id {id}")]
    DuplicateHeadingId { id: String },
    #[error("template: {detail}")]
    Template { name: String, detail: String },
    #[error("no template {name}")]
    TemplateNotFound { name: String },
    #[error("theme not found {name}")]
    ThemeNotFound { name: String },
    #[error("bad base_url {value}")]
    BadBaseUrl { value: String },
    #[error("bad --now {value}")]
    BadNow { value: String },
    #[error("output directory is unsafe: {path}")]
    UnsafeOutput { path: String },
    #[error("no content folder {path}")]
    NoContent { path: String },
    #[error(transparent)]
    Text(#[from] super::text::TextProblem),
    #[error(transparent)]
    Data(#[from] super::data::DataProblem),
    #[error(transparent)]
    Lint(#[from] super::lint::LintProblem),
}

impl Problem {
    /// A short stable code, shown in brackets and usable in scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Read { .. } => "read",
            Problem::Write { .. } => "write",
            Problem::NotUtf8 { .. } => "not-utf8",
            Problem::NonUtf8Path => "non-utf8-path",
            Problem::NoFrontMatter => "no-front-matter",
            Problem::UnclosedFrontMatter => "unclosed-front-matter",
            Problem::Yaml { .. } => "yaml",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::BadValue { .. } => "bad-value",
            Problem::MissingTitle => "missing-title",
            Problem::NoBaseUrl => "no-base-url",
            Problem::BodyH1 => "body-h1",
            Problem::TooDeep { .. } => "too-deep",
            Problem::OutputCollision { .. } => "output-collision",
            Problem::SectionOnlyKey { .. } => "section-only-key",
            Problem::LinkToHidden { .. } => "link-to-hidden",
            Problem::RootRelativeLink { .. } => "root-relative-link",
            Problem::EmptySlug { .. } => "empty-slug",
            Problem::UrlCollision { .. } => "url-collision",
            Problem::NoSectionIndex { .. } => "no-section-index",
            Problem::BrokenLink { .. } => "broken-link",
            Problem::BrokenAnchor { .. } => "broken-anchor",
            Problem::DuplicateHeadingId { .. } => "duplicate-heading-id",
            Problem::Template { .. } => "template",
            Problem::TemplateNotFound { .. } => "template-not-found",
            Problem::ThemeNotFound { .. } => "theme-not-found",
            Problem::BadBaseUrl { .. } => "bad-base-url",
            Problem::BadNow { .. } => "bad-now",
            Problem::UnsafeOutput { .. } => "unsafe-output",
            Problem::NoContent { .. } => "no-content",
            Problem::Text(t) => t.code(),
            Problem::Data(d) => d.code(),
            Problem::Lint(l) => l.code(),
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Problem::Read { path, detail } => pick(
                vi,
                format!("không đọc được `{path}`: {detail}"),
                format!("cannot read `{path}`: {detail}"),
            ),
            Problem::Write { path, detail } => pick(
                vi,
                format!("không ghi được `{path}`: {detail}"),
                format!("cannot write `{path}`: {detail}"),
            ),
            Problem::NotUtf8 { byte_offset } => pick(
                vi,
                format!("tệp không phải văn bản UTF-8 (byte thứ {byte_offset} không hợp lệ)"),
                format!("the file is not UTF-8 text (invalid byte at offset {byte_offset})"),
            ),
            Problem::NonUtf8Path => pick(
                vi,
                "tên tệp hoặc thư mục có ký tự không đọc được (không phải UTF-8)".into(),
                "the file or folder name has unreadable characters (not UTF-8)".into(),
            ),
            Problem::NoFrontMatter => pick(
                vi,
                "trang thiếu phần thông tin đầu trang (front matter)".into(),
                "the page has no front matter".into(),
            ),
            Problem::UnclosedFrontMatter => pick(
                vi,
                "phần thông tin đầu trang mở bằng `---` nhưng không có dòng `---` đóng lại".into(),
                "the front matter opens with `---` but has no closing `---` line".into(),
            ),
            Problem::Yaml { detail } => pick(
                vi,
                format!("lỗi cú pháp YAML: {detail}"),
                format!("YAML syntax error: {detail}"),
            ),
            Problem::UnknownKey { key, .. } => pick(
                vi,
                format!("khóa `{key}` không được hỗ trợ"),
                format!("unknown key `{key}`"),
            ),
            Problem::BadValue { key, detail } => pick(
                vi,
                format!("giá trị của `{key}` không đúng kiểu: {detail}"),
                format!("the value of `{key}` has the wrong type: {detail}"),
            ),
            Problem::SectionOnlyKey { key } => pick(
                vi,
                format!("khóa `{key}` chỉ dùng cho mục (tệp `_index.md`)"),
                format!("`{key}` is only for sections (`_index.md` files)"),
            ),
            Problem::LinkToHidden { target, draft: true } => pick(
                vi,
                format!("liên kết tới `{target}`, một trang nháp chưa được đăng"),
                format!("the link goes to `{target}`, a draft that is not published"),
            ),
            Problem::LinkToHidden { target, draft: false } => pick(
                vi,
                format!("liên kết tới `{target}`, một trang chưa tới hoặc đã hết thời hạn đăng"),
                format!("the link goes to `{target}`, a page outside its publish/expires window"),
            ),
            Problem::RootRelativeLink { target } => pick(
                vi,
                format!("liên kết `{target}` bắt đầu bằng `/` nên sẽ hỏng khi trang web nằm trong thư mục con hoặc mở từ USB"),
                format!("the link `{target}` starts with `/`, which breaks under a sub-path or from a USB stick"),
            ),
            Problem::BodyH1 => pick(
                vi,
                "đề mục cấp 1 (`# …`) trong bài: mỗi trang chỉ có một đề mục cấp 1 là tiêu đề trang".into(),
                "a level-1 heading (`# …`) in the body: the page title is the page's only level-1 heading".into(),
            ),
            Problem::TooDeep { depth } => pick(
                vi,
                format!("nội dung lồng nhau quá sâu ({depth} cấp)"),
                format!("the content is nested too deeply ({depth} levels)"),
            ),
            Problem::OutputCollision { path } => pick(
                vi,
                format!("hai tệp cùng được ghi vào `{path}`"),
                format!("two files would be written to `{path}`"),
            ),
            Problem::NoBaseUrl => pick(
                vi,
                "site.yaml không có `base_url`: bỏ qua sitemap.xml, nguồn tin Atom và liên kết chuẩn (canonical)".into(),
                "site.yaml has no `base_url`: no sitemap.xml, Atom feeds or canonical links".into(),
            ),
            Problem::MissingTitle => pick(
                vi,
                "trang thiếu tiêu đề (`title`)".into(),
                "the page has no `title`".into(),
            ),
            Problem::EmptySlug { from } => pick(
                vi,
                format!("không tạo được địa chỉ (slug) từ `{from}`"),
                format!("no URL slug can be made from `{from}`"),
            ),
            Problem::UrlCollision { url, other } => pick(
                vi,
                format!("địa chỉ `{url}` trùng với trang `{other}`"),
                format!("the URL `{url}` is also used by `{other}`"),
            ),
            Problem::NoSectionIndex { folder } => pick(
                vi,
                format!("thư mục `{folder}` có trang nhưng không có tệp `_index.md`"),
                format!("the folder `{folder}` has pages but no `_index.md`"),
            ),
            Problem::BrokenLink { target } => pick(
                vi,
                format!("liên kết tới `{target}` không trỏ tới trang nào"),
                format!("the link to `{target}` points to no page"),
            ),
            Problem::BrokenAnchor { target, anchor, .. } => pick(
                vi,
                format!("trang `{target}` không có mục `#{anchor}`"),
                format!("the page `{target}` has no heading `#{anchor}`"),
            ),
            Problem::DuplicateHeadingId { id } => pick(
                vi,
                format!("mã đề mục `#{id}` bị dùng hai lần trong trang"),
                format!("the heading id `#{id}` is used twice on the page"),
            ),
            Problem::Template { name, detail } => pick(
                vi,
                format!("lỗi khuôn mẫu `{name}`: {detail}"),
                format!("template `{name}` failed: {detail}"),
            ),
            Problem::TemplateNotFound { name } => pick(
                vi,
                format!("không có khuôn mẫu `{name}`"),
                format!("there is no template `{name}`"),
            ),
            Problem::ThemeNotFound { name } => pick(
                vi,
                format!("không tìm thấy giao diện `{name}`"),
                format!("the theme `{name}` was not found"),
            ),
            Problem::BadBaseUrl { value } => pick(
                vi,
                format!("`base_url: {value}` không phải địa chỉ http(s) hợp lệ"),
                format!("`base_url: {value}` is not a valid http(s) URL"),
            ),
            Problem::BadNow { value } => pick(
                vi,
                format!("thời điểm xây dựng `{value}` không hợp lệ"),
                format!("the build time `{value}` is not valid"),
            ),
            Problem::UnsafeOutput { path } => pick(
                vi,
                format!("không thể dùng `{path}` làm thư mục đầu ra"),
                format!("`{path}` cannot be used as the output folder"),
            ),
            Problem::NoContent { path } => pick(
                vi,
                format!("không có thư mục nội dung `{path}`"),
                format!("there is no content folder `{path}`"),
            ),
            Problem::Text(t) => t.message(vi),
            Problem::Data(d) => d.message(vi),
            Problem::Lint(l) => l.message(vi),
        }
    }

    /// How to fix it, in one or two lines.
    pub fn help(&self, lang: Lang) -> Option<String> {
        let vi = lang == Lang::Vi;
        let s = match self {
            Problem::Read { .. } => pick(
                vi,
                "kiểm tra tệp còn tồn tại và có quyền đọc".into(),
                "check that the file exists and is readable".into(),
            ),
            Problem::Write { .. } => pick(
                vi,
                "kiểm tra ổ đĩa còn chỗ trống và có quyền ghi vào thư mục".into(),
                "check free disk space and write permission on the folder".into(),
            ),
            Problem::NotUtf8 { .. } => pick(
                vi,
                "lưu lại tệp với bảng mã UTF-8 (trong Word: Lưu thành… → Văn bản thuần, mã hóa Unicode UTF-8)".into(),
                "save the file again as UTF-8 text".into(),
            ),
            Problem::NonUtf8Path => pick(
                vi,
                "đổi tên tệp, chỉ dùng chữ thường không dấu, số và dấu gạch ngang".into(),
                "rename the file using lowercase ASCII letters, digits and hyphens".into(),
            ),
            Problem::NoFrontMatter => pick(
                vi,
                "thêm vào đầu tệp:\n---\ntitle: \"Tiêu đề trang\"\n---".into(),
                "start the file with:\n---\ntitle: \"Page title\"\n---".into(),
            ),
            Problem::UnclosedFrontMatter => pick(
                vi,
                "thêm một dòng chỉ có `---` sau dòng thông tin cuối cùng".into(),
                "add a line with only `---` after the last front-matter line".into(),
            ),
            Problem::Yaml { .. } => pick(
                vi,
                "mỗi dòng có dạng `khóa: giá trị`; đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép".into(),
                "each line is `key: value`; quote values that contain `:` or `#`".into(),
            ),
            Problem::UnknownKey { suggestion: Some(s), .. } => pick(
                vi,
                format!("có phải bạn định viết `{s}`?"),
                format!("did you mean `{s}`?"),
            ),
            Problem::UnknownKey { allowed, .. } => pick(
                vi,
                format!("các khóa được dùng: {}", allowed.join(", ")),
                format!("allowed keys: {}", allowed.join(", ")),
            ),
            Problem::BadValue { .. } => pick(
                vi,
                "xem bảng các khóa trong README.md (mục \"Viết một trang\")".into(),
                "see the key table in README.md (\"Writing a page\")".into(),
            ),
            Problem::SectionOnlyKey { .. } => pick(
                vi,
                "xóa khóa này, hoặc chuyển nó sang tệp `_index.md` của mục".into(),
                "remove the key, or move it to the section's `_index.md`".into(),
            ),
            Problem::LinkToHidden { .. } => pick(
                vi,
                "bỏ liên kết, hoặc đăng trang đích (bỏ `draft: true`, sửa `publish`/`expires`); xem trước với `--drafts` hoặc `--future`".into(),
                "remove the link or publish the target (drop `draft: true`, fix `publish`/`expires`); preview with `--drafts` or `--future`".into(),
            ),
            Problem::RootRelativeLink { .. } => pick(
                vi,
                "viết đường dẫn tương đối tới tệp .md, ví dụ `../lich-bau-cu/_index.md`, hoặc `@/lich-bau-cu/_index.md`".into(),
                "link to the .md file with a relative path, e.g. `../lich-bau-cu/_index.md`, or `@/lich-bau-cu/_index.md`".into(),
            ),
            Problem::BodyH1 => pick(
                vi,
                "đổi `# ` thành `## ` (và các đề mục con thêm một dấu `#`)".into(),
                "change `# ` to `## ` (and add one `#` to the headings below it)".into(),
            ),
            Problem::TooDeep { .. } => pick(
                vi,
                "bớt các lớp trích dẫn (`>`), danh sách hoặc thẻ HTML lồng vào nhau".into(),
                "reduce nested quotes (`>`), lists or HTML tags".into(),
            ),
            Problem::OutputCollision { .. } => pick(
                vi,
                "đổi tên hoặc xóa một trong hai tệp (tệp trong `static/` hoặc `content/` không được trùng với trang do Loa tạo)".into(),
                "rename or remove one of them (files in `static/` or `content/` may not replace a page Loa makes)".into(),
            ),
            Problem::NoBaseUrl => pick(
                vi,
                "thêm địa chỉ trang web vào site.yaml, ví dụ `base_url: \"https://baucu.example.gov.vn/\"`, hoặc dùng `--base-url`".into(),
                "add the site's address to site.yaml, e.g. `base_url: \"https://example.org/\"`, or pass `--base-url`".into(),
            ),
            Problem::MissingTitle => pick(
                vi,
                "thêm dòng `title: \"Tiêu đề trang\"` vào phần thông tin đầu trang".into(),
                "add `title: \"Page title\"` to the front matter".into(),
            ),
            Problem::EmptySlug { .. } => pick(
                vi,
                "thêm `slug: ten-trang` vào phần thông tin đầu trang".into(),
                "add `slug: page-name` to the front matter".into(),
            ),
            Problem::UrlCollision { .. } => pick(
                vi,
                "đổi tên một trong hai tệp, hoặc thêm `slug:` khác nhau cho từng trang".into(),
                "rename one of the files, or give each page its own `slug:`".into(),
            ),
            Problem::NoSectionIndex { .. } => pick(
                vi,
                "tạo tệp `_index.md` có `title:` trong thư mục đó".into(),
                "create an `_index.md` with a `title:` in that folder".into(),
            ),
            Problem::BrokenLink { .. } => pick(
                vi,
                "viết đường dẫn tương đối tới tệp .md có thật, ví dụ `../lich-bau-cu/_index.md`, hoặc `@/muc/trang.md`".into(),
                "link to an existing .md file with a relative path, e.g. `../lich-bau-cu/_index.md`, or `@/section/page.md`".into(),
            ),
            Problem::BrokenAnchor { available, .. } if available.is_empty() => pick(
                vi,
                "trang đích không có đề mục nào; bỏ phần `#…` khỏi liên kết".into(),
                "the target page has no headings; remove the `#…` part".into(),
            ),
            Problem::BrokenAnchor { available, .. } => pick(
                vi,
                format!("các mục có trong trang: {}", preview(available)),
                format!("headings on that page: {}", preview(available)),
            ),
            Problem::DuplicateHeadingId { .. } => pick(
                vi,
                "đặt mã khác cho một đề mục: `## Tiêu đề {#ma-khac}`".into(),
                "give one heading another id: `## Heading {#other-id}`".into(),
            ),
            Problem::Template { .. } | Problem::TemplateNotFound { .. } => pick(
                vi,
                "kiểm tra khuôn mẫu trong `templates/` của trang web hoặc của giao diện".into(),
                "check the template in the site's or the theme's `templates/`".into(),
            ),
            Problem::ThemeNotFound { .. } => pick(
                vi,
                "kiểm tra `theme:` trong site.yaml và thư mục `themes/`".into(),
                "check `theme:` in site.yaml and the `themes/` folder".into(),
            ),
            Problem::BadBaseUrl { .. } => pick(
                vi,
                "viết đầy đủ, ví dụ `base_url: \"https://baucu.example.gov.vn/\"`".into(),
                "write it in full, e.g. `base_url: \"https://example.org/\"`".into(),
            ),
            Problem::BadNow { .. } => pick(
                vi,
                "dùng dạng `2021-05-23` hoặc `2021-05-23T07:00:00`".into(),
                "use `2021-05-23` or `2021-05-23T07:00:00`".into(),
            ),
            Problem::UnsafeOutput { .. } => pick(
                vi,
                "chọn một thư mục riêng cho kết quả, ví dụ `--output public`".into(),
                "choose a folder of its own for the output, e.g. `--output public`".into(),
            ),
            Problem::NoContent { .. } => pick(
                vi,
                "chạy lệnh trong thư mục trang web, hoặc chỉ ra thư mục bằng `--root`; tạo trang mới bằng `loa init`".into(),
                "run in the site folder or pass `--root`; make a new site with `loa init`".into(),
            ),
            Problem::Text(t) => t.help(vi),
            Problem::Data(d) => d.help(vi),
            Problem::Lint(l) => l.help(vi),
        };
        Some(s)
    }
}

fn pick(vi: bool, v: String, e: String) -> String {
    if vi { v } else { e }
}

fn preview(items: &[String]) -> String {
    let mut s: Vec<String> = items.iter().take(8).map(|i| format!("#{i}")).collect();
    if items.len() > 8 {
        s.push("…".into());
    }
    s.join(", ")
}
