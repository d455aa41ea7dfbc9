//! `loa new`: a new Markdown page with its front matter filled in, its file name made from
//! the Vietnamese title (`Hội nghị trực tuyến` → `hoi-nghi-truc-tuyen.md`).

use super::{EXIT_SITE_ERRORS, say};
use crate::diagnostics::Lang;
use crate::vi::slugify;
use std::path::Path;

/// `loa new <section>/<file>.md [--title]` or `loa new <section> --title "…"`.
pub fn new(root: &Path, path: &str, title: Option<&str>, lang: Lang) -> u8 {
    match make(root, path, title, lang) {
        Ok(msg) => {
            println!("{msg}");
            0
        }
        Err(msg) => {
            eprintln!("{}: {msg}", say(lang, "lỗi", "error"));
            EXIT_SITE_ERRORS
        }
    }
}

fn make(root: &Path, path: &str, title: Option<&str>, lang: Lang) -> Result<String, String> {
    let path = path.trim().trim_start_matches("content/").trim_matches('/');
    if path.split('/').any(|s| s == ".." || s.starts_with('.')) {
        return Err(say(
            lang,
            "đường dẫn không được chứa `..`",
            "the path may not contain `..`",
        ));
    }
    let (dir, file, title) = if path.ends_with(".md") {
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
        let stem = file.trim_end_matches(".md");
        let title = title.map_or_else(|| stem.replace('-', " "), str::to_string);
        (dir.to_string(), file.to_string(), title)
    } else {
        let Some(title) = title else {
            return Err(say(
                lang,
                "cần `--title \"Tiêu đề\"` khi chỉ ghi tên mục",
                "`--title \"…\"` is needed when only a section is given",
            ));
        };
        let slug = slugify(title);
        if slug.is_empty() {
            return Err(say(
                lang,
                "tiêu đề không có chữ hoặc số nào để làm tên tệp",
                "the title has no letter or digit to name the file",
            ));
        }
        (path.to_string(), format!("{slug}.md"), title.to_string())
    };
    let content = root.join("content");
    let section = content.join(&dir).join("_index.md");
    if !section.is_file() {
        return Err(match lang {
            Lang::Vi => format!(
                "chưa có mục `{dir}`: tạo `content/{dir}/_index.md` trước, hoặc chọn mục khác"
            ),
            Lang::En => {
                format!("there is no section `{dir}`: create `content/{dir}/_index.md` first")
            }
        });
    }
    let target = content.join(&dir).join(&file);
    if target.exists() {
        return Err(match lang {
            Lang::Vi => format!("`{}` đã có; Loa không ghi đè", target.display()),
            Lang::En => format!("`{}` exists; Loa does not overwrite it", target.display()),
        });
    }
    let today = crate::config::build_time(
        &crate::config::SiteConfig::default(),
        &super::build_time(None),
    )
    .map(|z| z.date().to_string())
    .unwrap_or_default();
    let text = format!(
        "---\ntitle: \"{}\"\ndescription: \"\"\ndate: {today}\n# Bỏ dòng dưới khi trang sẵn sàng đăng.\ndraft: true\n# locality: \"Hà Nội\"\n# sources:\n#   - {{title: \"…\", url: \"https://…\", publisher: \"…\"}}\n---\n\nViết nội dung ở đây.\n",
        title.replace('\\', "\\\\").replace('"', "\\\"")
    );
    std::fs::write(&target, text).map_err(|e| e.to_string())?;
    Ok(match lang {
        Lang::Vi => format!("Đã tạo {}", target.display()),
        Lang::En => format!("Created {}", target.display()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_from_title_and_no_overwrite() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("content/tin-tuc")).unwrap();
        std::fs::write(
            t.path().join("content/tin-tuc/_index.md"),
            "---\ntitle: T\n---\n",
        )
        .unwrap();
        let r = make(t.path(), "tin-tuc", Some("Hội nghị “trực tuyến”"), Lang::Vi);
        assert!(r.is_ok(), "{r:?}");
        let file = t.path().join("content/tin-tuc/hoi-nghi-truc-tuyen.md");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("---\ntitle: \"Hội nghị “trực tuyến”\"\n"),
            "{text}"
        );
        assert!(make(t.path(), "tin-tuc", Some("Hội nghị trực tuyến"), Lang::Vi).is_err());
        assert!(make(t.path(), "khong-co/a.md", None, Lang::Vi).is_err());
        assert!(make(t.path(), "../a.md", None, Lang::Vi).is_err());
    }
}
