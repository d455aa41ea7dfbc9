//! Running a check script of `tests/support/` with a real Python library: the interpreter is
//! `$LOA_PYTHON` (set by `./.ci/test`), else `python3`. Without it, or without the library, the
//! test fails with what to install: it is never skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python the checks run with.
fn python() -> PathBuf {
    std::env::var_os("LOA_PYTHON")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

/// Runs `tests/support/<script> <path>` after making sure `module` imports (panicking with
/// `needs` when it does not): `Ok` with the JSON the script printed, or `Err` with its
/// complaint when the file fails a check.
pub fn run_check(
    module: &str,
    needs: &str,
    script: &str,
    path: &Path,
) -> Result<serde_json::Value, String> {
    let py = python();
    match Command::new(&py)
        .args(["-c", &format!("import {module}")])
        .output()
    {
        Err(e) => panic!("{needs} (could not run {}: {e})", py.display()),
        Ok(o) if !o.status.success() => panic!(
            "{needs} (`{} -c 'import {module}'` failed: {})",
            py.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Ok(_) => {}
    }
    let script_path = super::repo().join("tests/support").join(script);
    let out = Command::new(&py)
        .arg(&script_path)
        .arg(path)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", script_path.display()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(stderr.trim().to_string());
    }
    Ok(serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}):\n{}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    }))
}
