//! `loa init <dir>`: a new site — `site.yaml`, a home page, an updates section with one
//! example page, and a copy of the default theme — that builds as it is.

use super::{EXIT_SITE_ERRORS, THEME_FILES, say};
use crate::diagnostics::Lang;
use std::path::Path;

const SITE_YAML: &str = "title: \"Thông tin bầu cử\"\n\
base_url: \"https://example.org/\"\n\
description: \"Thông tin bầu cử cho cử tri\"\n\
language: vi\n\
timezone: Asia/Ho_Chi_Minh\n\
theme: default\n";

const HOME: &str = "---\ntitle: \"Thông tin bầu cử\"\ndescription: \"Thông tin bầu cử cho cử tri\"\n---\n\nChào mừng bạn. Xem [tin tức](tin-tuc/_index.md).\n";

const UPDATES: &str = "---\ntitle: \"Tin tức\"\nsort_by: date\nfeed: true\nin_menu: true\nweight: 1\n---\n\nTin mới về công tác bầu cử.\n";

const FIRST: &str = "---\ntitle: \"Trang web bắt đầu hoạt động\"\ndescription: \"Trang thông tin bầu cử đã được tạo.\"\ndate: 2021-01-21\n---\n\n## Nội dung chính\n\nSửa tệp này trong `content/tin-tuc/`.\n";

/// `loa init`.
pub fn init(dir: &Path, lang: Lang) -> u8 {
    match make(dir) {
        Ok(()) => {
            println!(
                "{} {}",
                say(lang, "Đã tạo trang web mới trong", "Created a new site in"),
                dir.display()
            );
            println!(
                "{}",
                say(
                    lang,
                    "Xem trước: loa serve --root <thư mục>",
                    "Preview: loa serve --root <dir>"
                )
            );
            0
        }
        Err(e) => {
            eprintln!(
                "{}: {e}",
                say(
                    lang,
                    "lỗi: không tạo được trang web",
                    "error: cannot create the site"
                )
            );
            EXIT_SITE_ERRORS
        }
    }
}

fn make(dir: &Path) -> std::io::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("`{}` không trống / is not empty", dir.display()),
        ));
    }
    let files: [(&str, &[u8]); 4] = [
        ("site.yaml", SITE_YAML.as_bytes()),
        ("content/_index.md", HOME.as_bytes()),
        ("content/tin-tuc/_index.md", UPDATES.as_bytes()),
        ("content/tin-tuc/bat-dau.md", FIRST.as_bytes()),
    ];
    let theme = THEME_FILES
        .iter()
        .map(|(p, b)| (format!("themes/default/{p}"), *b));
    for (path, bytes) in files.iter().map(|(p, b)| (p.to_string(), *b)).chain(theme) {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_theme_matches_the_files_on_disk() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = THEME_FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(embedded, on_disk, "regenerate src/cmd/theme_files.rs");
    }

    #[test]
    fn refuses_a_non_empty_folder() {
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("x"), "").unwrap();
        assert!(make(t.path()).is_err());
    }
}
