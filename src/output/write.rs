//! Writing the site: everything goes into a staging folder beside the output, which is then
//! swapped in. On Linux `renameat2(RENAME_EXCHANGE)` swaps the two folders in one step;
//! elsewhere the old one is moved aside first. A failed build leaves the old output as it was.

use super::{Body, Output};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, display_path};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Writes `outputs` as the new content of `out_dir`.
pub fn write_site(outputs: &[Output], out_dir: &Path, root: &Path) -> Result<(), Diagnostics> {
    let staging = Staging::create(out_dir, root)?;
    staging.fill(outputs)?;
    staging.commit()
}

/// The new output being written beside the old one. Dropped without [`Staging::commit`], it
/// is removed and the old output stays as it was.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out_dir: PathBuf,
    parent: PathBuf,
    name: String,
    committed: bool,
}

impl Staging {
    /// An empty staging folder for `out_dir` (which must not hold the site itself).
    pub fn create(out_dir: &Path, root: &Path) -> Result<Self, Diagnostics> {
        check_target(out_dir, root)?;
        let name = out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| unsafe_output(out_dir))?;
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| write_err(&parent, &e))?;
        let dir = parent.join(format!(".{name}.staging"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| write_err(&dir, &e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| write_err(&dir, &e))?;
        Ok(Self {
            dir,
            out_dir: out_dir.to_path_buf(),
            parent,
            name,
            committed: false,
        })
    }

    /// Writes `outputs` into the staging folder.
    pub fn fill(&self, outputs: &[Output]) -> Result<(), Diagnostics> {
        fill(&self.dir, outputs)
    }

    /// Puts the staging folder in the output's place.
    pub fn commit(mut self) -> Result<(), Diagnostics> {
        self.committed = true;
        swap_in(&self.dir, &self.out_dir, &self.parent, &self.name).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&self.dir);
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl crate::search::Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let dest = self.dir.join(path);
        if let Some(d) = dest.parent()
            && !d.is_dir()
        {
            std::fs::create_dir_all(d).map_err(|e| write_err(d, &e))?;
        }
        std::fs::write(&dest, bytes).map_err(|e| write_err(&dest, &e))
    }
}

/// The staging folder a build of `out_dir` uses (for watchers to ignore).
pub fn staging_dir(out_dir: &Path) -> Option<PathBuf> {
    let name = out_dir.file_name()?.to_string_lossy().into_owned();
    Some(
        out_dir
            .parent()
            .unwrap_or(Path::new("."))
            .join(format!(".{name}.staging")),
    )
}

fn fill(staging: &Path, outputs: &[Output]) -> Result<(), Diagnostics> {
    let dirs: BTreeSet<PathBuf> = outputs
        .iter()
        .filter_map(|o| Path::new(&o.path).parent().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    for d in &dirs {
        let p = staging.join(d);
        std::fs::create_dir_all(&p).map_err(|e| write_err(&p, &e))?;
    }
    let errors: Vec<Diagnostic> = outputs
        .par_iter()
        .filter_map(|o| {
            let dest = staging.join(&o.path);
            let r = match &o.body {
                Body::Bytes(b) => std::fs::write(&dest, b),
                Body::Copy(src) => std::fs::copy(src, &dest).map(|_| ()),
            };
            r.err().map(|e| write_err(&dest, &e))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        let mut d = Diagnostics(errors);
        d.sort();
        Err(d)
    }
}

fn swap_in(staging: &Path, out_dir: &Path, parent: &Path, name: &str) -> Result<(), Diagnostics> {
    if !out_dir.exists() {
        return std::fs::rename(staging, out_dir).map_err(|e| write_err(out_dir, &e).into());
    }
    if !out_dir.is_dir() {
        return Err(unsafe_output(out_dir).into());
    }
    if exchange(staging, out_dir) {
        // `staging` now holds the previous output.
        let _ = std::fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old"));
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| write_err(&old, &e))?;
    }
    std::fs::rename(out_dir, &old).map_err(|e| write_err(out_dir, &e))?;
    if let Err(e) = std::fs::rename(staging, out_dir) {
        let _ = std::fs::rename(&old, out_dir);
        return Err(write_err(out_dir, &e).into());
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two directories atomically; false when the platform or file system can't.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(ca), Ok(cb)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both are valid NUL-terminated paths; renameat2 reads them and nothing else.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    r == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Refuses output folders whose replacement would destroy the site itself.
fn check_target(out_dir: &Path, root: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists; keep the rest.
        std::fs::canonicalize(&p).unwrap_or_else(|_| normalize(&p))
    };
    let out = abs(out_dir);
    let root = abs(root);
    let protected = ["content", "themes", "templates", "static", "src", ".git"];
    let bad = out.parent().is_none()
        || root.starts_with(&out)
        || protected.iter().any(|p| out.starts_with(root.join(p)));
    if bad {
        Err(unsafe_output(out_dir))
    } else {
        Ok(())
    }
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

fn unsafe_output(p: &Path) -> Diagnostic {
    Diagnostic::error(
        None,
        Problem::UnsafeOutput {
            path: display_path(p),
        },
    )
}

fn write_err(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        Problem::Write {
            path: display_path(p),
            detail: e.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, s: &str) -> Output {
        Output {
            path: path.into(),
            body: Body::Bytes(s.as_bytes().to_vec()),
        }
    }

    #[test]
    fn writes_then_swaps_and_cleans_up() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        let public = root.join("public");
        write_site(
            &[out("index.html", "1"), out("a/b/index.html", "x")],
            &public,
            &root,
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(public.join("a/b/index.html")).unwrap(),
            "x"
        );
        write_site(&[out("index.html", "2")], &public, &root).unwrap();
        assert_eq!(
            std::fs::read_to_string(public.join("index.html")).unwrap(),
            "2"
        );
        assert!(
            !public.join("a").exists(),
            "old files are gone after the swap"
        );
        let names: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_to_replace_the_site_itself() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(write_site(&[], &root, &root).is_err());
        assert!(write_site(&[], &root.join("content"), &root).is_err());
        assert!(write_site(&[], t.path(), &root).is_err());
        assert!(root.join("content").is_dir());
    }
}
