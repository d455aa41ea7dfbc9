//! Watches the site's sources: a recursive notify watcher, a filter for ignored paths and
//! editor temp files, and the debounce loop that calls `rebuild` after a quiet period.
//! The loop runs on its own thread so requests are served while a build runs.

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// A batch of changes ends when no relevant event came for this long.
const QUIET: Duration = Duration::from_millis(150);

/// Starts watching every existing path of `watch`; the returned watcher stops when dropped.
/// After each debounced batch `rebuild` runs, and `on_success` when it returned true.
pub(super) fn start(
    watch: &[PathBuf],
    ignore: &[PathBuf],
    rebuild: impl FnMut() -> bool + Send + 'static,
    on_success: impl Fn() + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)?;
    // Resolved paths, so event paths compare with them and with the resolved ignore list.
    let mut roots: Vec<PathBuf> = watch.iter().filter_map(|p| p.canonicalize().ok()).collect();
    roots.sort();
    roots.dedup();
    let mut parents: Vec<&Path> = Vec::new();
    for root in &roots {
        if roots
            .iter()
            .any(|r| r != root && root.starts_with(r) && r.is_dir())
        {
            continue; // already inside a recursively watched directory
        }
        if root.is_dir() {
            watcher.watch(root, RecursiveMode::Recursive)?;
        } else if let Some(parent) = root.parent() {
            // Editors often replace a file by renaming a new one over it, which ends a watch
            // on the file itself: watch its directory and keep only the file's events.
            if !parents.contains(&parent) {
                watcher.watch(parent, RecursiveMode::NonRecursive)?;
                parents.push(parent);
            }
        }
    }
    let filter = Filter {
        ignore: ignore.iter().map(|p| normalize(p)).collect(),
        roots,
    };
    thread::Builder::new()
        .name("loa-serve-watch".into())
        .spawn(move || debounce(&rx, &filter, QUIET, rebuild, on_success))
        .map_err(notify::Error::io)?;
    Ok(watcher)
}

/// Waits for a relevant event, collects more until `quiet` passes without one, rebuilds,
/// and starts over. Returns when the watcher (the sending side) is gone, after building
/// what it had already reported.
fn debounce(
    rx: &Receiver<notify::Result<Event>>,
    filter: &Filter,
    quiet: Duration,
    mut rebuild: impl FnMut() -> bool,
    on_success: impl Fn(),
) {
    loop {
        match rx.recv() {
            Ok(event) if filter.wants(&event) => {}
            Ok(_) => continue,
            Err(_) => return,
        }
        let mut deadline = Instant::now() + quiet;
        let mut open = true;
        while open {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(event) if filter.wants(&event) => deadline = Instant::now() + quiet,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        // A panicking build must not stop the watcher: count it as a failed build.
        if catch_unwind(AssertUnwindSafe(&mut rebuild)).unwrap_or(false) {
            on_success();
        }
        if !open {
            return;
        }
    }
}

/// Decides which file-system events are changes to the sources.
struct Filter {
    /// The watched paths, resolved; events elsewhere (beside a watched file) are not changes.
    roots: Vec<PathBuf>,
    /// Absolute, resolved paths under which changes are ignored.
    ignore: Vec<PathBuf>,
}

impl Filter {
    fn wants(&self, event: &notify::Result<Event>) -> bool {
        match event {
            Ok(event) if event.need_rescan() => true,
            // Reads (including the build's own) are not changes.
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => false,
            Ok(event) => event.paths.iter().any(|p| !self.ignored(p)),
            Err(e) => {
                eprintln!("loa serve: watch error: {e}");
                false
            }
        }
    }

    fn ignored(&self, path: &Path) -> bool {
        !self.roots.iter().any(|root| path.starts_with(root))
            || self.ignore.iter().any(|dir| path.starts_with(dir))
            || is_editor_temp(path)
    }
}

/// Swap, backup and lock files that editors write beside the file being edited.
fn is_editor_temp(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// An absolute path with symlinks resolved as far as it exists (ignored paths such as the
/// staging directory may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    if let Ok(resolved) = path.canonicalize() {
        return resolved;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
            normalize(parent).join(name)
        }
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};
    use std::cell::Cell;

    fn event(kind: EventKind, path: &str) -> notify::Result<Event> {
        Ok(Event::new(kind).add_path(PathBuf::from(path)))
    }

    fn modify(path: &str) -> notify::Result<Event> {
        event(EventKind::Modify(ModifyKind::Any), path)
    }

    #[test]
    fn filter_skips_ignored_dirs_editor_files_and_reads() {
        let filter = Filter {
            roots: vec!["/site".into()],
            ignore: vec!["/site/public".into(), "/site/.public.staging".into()],
        };
        assert!(filter.wants(&modify("/site/content/a.md")));
        assert!(filter.wants(&event(EventKind::Create(CreateKind::File), "/site/b.md")));
        assert!(!filter.wants(&modify("/site/public/index.html")));
        assert!(!filter.wants(&modify("/site/.public.staging/x/index.html")));
        assert!(filter.wants(&modify("/site/public-notes/a.md")));
        assert!(!filter.wants(&modify("/elsewhere/a.md")));
        for temp in [
            "a.md~",
            ".a.md.swp",
            ".a.md.swx",
            ".#a.md",
            "#a.md#",
            "4913",
        ] {
            assert!(
                !filter.wants(&modify(&format!("/site/content/{temp}"))),
                "{temp}"
            );
        }
        let read = event(EventKind::Access(AccessKind::Any), "/site/content/a.md");
        assert!(!filter.wants(&read));
        let rescan = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(filter.wants(&Ok(rescan)));
        assert!(!filter.wants(&Err(notify::Error::generic("test"))));
    }

    #[test]
    fn normalize_resolves_missing_tails_against_existing_parents() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().canonicalize().expect("canonicalize");
        assert_eq!(normalize(dir.path()), real);
        let missing = dir.path().join(".public.staging").join("x");
        assert_eq!(normalize(&missing), real.join(".public.staging").join("x"));
        assert!(normalize(Path::new("relative/out")).is_absolute());
    }

    #[test]
    fn burst_of_events_gives_one_rebuild() {
        let (tx, rx) = mpsc::channel();
        let filter = Filter {
            roots: vec!["/".into()],
            ignore: vec![],
        };
        let feeder = thread::spawn(move || {
            for i in 0..4 {
                let _ = tx.send(modify(&format!("/src/{i}.md")));
                thread::sleep(Duration::from_millis(10));
            }
            thread::sleep(Duration::from_millis(300));
            let _ = tx.send(modify("/src/late.md"));
        });
        let builds = Cell::new(0);
        let reloads = Cell::new(0);
        let rebuild = || {
            builds.set(builds.get() + 1);
            builds.get() == 1
        };
        debounce(&rx, &filter, Duration::from_millis(100), rebuild, || {
            reloads.set(reloads.get() + 1)
        });
        let _ = feeder.join();
        assert_eq!(builds.get(), 2, "one build per burst");
        assert_eq!(reloads.get(), 1, "only the successful build reloads");
    }

    #[test]
    fn panicking_build_counts_as_failed() {
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(modify("/src/a.md"));
        drop(tx);
        let reloads = Cell::new(0);
        let built = Cell::new(false);
        let filter = Filter {
            roots: vec!["/".into()],
            ignore: vec![],
        };
        let rebuild = || -> bool {
            built.set(true);
            panic!("test build panics")
        };
        debounce(&rx, &filter, Duration::from_millis(1), rebuild, || {
            reloads.set(reloads.get() + 1)
        });
        assert!(built.get(), "the pending batch is built before returning");
        assert_eq!(reloads.get(), 0);
    }

    #[test]
    fn watched_file_survives_replacement_by_rename() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("site.yaml");
        std::fs::write(&file, "a: 1").expect("write");
        let (tx, rx) = mpsc::channel();
        let rebuild = move || tx.send(()).is_ok();
        let watch = [file.clone(), dir.path().join("missing")];
        let _watcher = start(&watch, &[], rebuild, || {}).expect("watch");
        for i in 0..2 {
            let tmp = dir.path().join("site.yaml.new");
            std::fs::write(&tmp, format!("a: {i}")).expect("write");
            std::fs::rename(&tmp, &file).expect("rename");
            assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok(), "save {i}");
        }
        std::fs::write(dir.path().join("notes.txt"), "x").expect("write");
        assert!(rx.recv_timeout(Duration::from_millis(500)).is_err());
    }
}
