//! Theme-then-site overlays: the files under several folders, by path relative to their folder,
//! the later folder replacing the earlier file by file (how `templates/` and `static/` of a
//! site override the theme's).

use crate::diagnostics::{Diagnostic, Problem};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Relative path (with `/`) → file on disk, for every file under `dirs`, later dirs winning.
/// Missing folders are skipped; a file name that is not UTF-8 is an error.
pub fn overlay(dirs: &[PathBuf]) -> Result<BTreeMap<String, PathBuf>, Diagnostic> {
    let mut files = BTreeMap::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(rel) = entry.path().strip_prefix(dir).ok().and_then(Path::to_str) else {
                return Err(Diagnostic::error(
                    entry.path().to_path_buf(),
                    Problem::NonUtf8Path,
                ));
            };
            files.insert(rel.replace('\\', "/"), entry.path().to_path_buf());
        }
    }
    Ok(files)
}
