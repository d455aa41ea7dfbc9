//! Helpers shared by the integration tests: fixture sites copied into a scratch folder with the
//! real default theme, the build options every test starts from, reading the output back, a
//! small attribute scanner for minified HTML (values may be unquoted), an .ics parser, and the
//! feed and sitemap checks with real tools (`validate`).

#![allow(dead_code)]

pub mod civic;
mod diags;
mod html;
pub mod ical;
mod links;
pub mod python;
pub mod validate;

#[allow(unused_imports)]
pub use diags::*;
#[allow(unused_imports)]
pub use html::*;
#[allow(unused_imports)]
pub use links::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The build time every test uses unless it says otherwise.
pub const NOW: &str = "2021-06-01";

/// A site in a scratch folder: `<tmp>/site` (the root) and `<tmp>/out` (the output).
pub struct TestSite {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub out: PathBuf,
}

impl TestSite {
    /// Options for building this site into `out` at `NOW`.
    pub fn opts(&self) -> loa::Options {
        let mut o = loa::Options::new(&self.root);
        o.output = Some(self.out.clone());
        o.now = loa::BuildTime::Civil(NOW.into());
        o
    }

    /// Builds with the default options.
    pub fn build(&self) -> Result<loa::Report, loa::Diagnostics> {
        loa::build(&self.opts())
    }

    /// Builds and fails the test, showing the diagnostics, when the build fails.
    pub fn build_ok(&self) -> loa::Report {
        self.build()
            .unwrap_or_else(|d| panic!("build failed:\n{d}"))
    }

    /// Builds and returns the diagnostics; fails the test when the build succeeds.
    pub fn build_err(&self) -> loa::Diagnostics {
        match self.build() {
            Ok(r) => panic!("build succeeded ({} files) but should fail", r.files),
            Err(d) => d,
        }
    }

    /// Writes (or replaces) a file of the site, creating folders.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Removes a file of the site.
    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).unwrap();
    }

    /// Reads an output file as text.
    pub fn read(&self, rel: &str) -> String {
        read(&self.out, rel)
    }

    /// Reads a file of the site itself (not the output) as text.
    pub fn read_source(&self, rel: &str) -> String {
        read(&self.root, rel)
    }

    /// Whether the output has this file.
    pub fn has(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/<name>` into a scratch folder and adds the default theme
/// (unless the fixture brings its own `themes/default`).
pub fn fixture(name: &str) -> TestSite {
    let site = empty_site();
    copy_dir(&repo().join("tests/fixtures").join(name), &site.root);
    add_theme(&site.root);
    site
}

/// A generated site: `site.yaml` (a default one unless given), the given files, the theme.
pub fn site_from(files: &[(&str, &str)]) -> TestSite {
    let site = empty_site();
    std::fs::create_dir_all(site.root.join("content")).unwrap();
    if !files.iter().any(|(p, _)| *p == "site.yaml") {
        site.write(
            "site.yaml",
            "title: \"Thử\"\nbase_url: \"https://example.org/\"\n",
        );
    }
    for (p, t) in files {
        site.write(p, t);
    }
    add_theme(&site.root);
    site
}

fn empty_site() -> TestSite {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&root).unwrap();
    TestSite { tmp, root, out }
}

fn add_theme(root: &Path) {
    let dest = root.join("themes/default");
    if !dest.exists() {
        copy_dir(&repo().join("themes/default"), &dest);
    }
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Reads a file under `dir` as text.
pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir`: path relative to `dir` (with `/`) → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let p = entry.path();
        if entry.file_type().unwrap().is_dir() {
            walk(base, &p, out);
        } else {
            let rel = p
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(&p).unwrap());
        }
    }
}

/// The HTML files of an output tree.
pub fn html_files(dir: &Path) -> Vec<String> {
    tree(dir)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}
