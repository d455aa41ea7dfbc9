//! The link checker: every internal `href`/`src` of a built site, resolved as files.

use super::*;
use std::path::Path;

/// What `check_links` found.
#[derive(Debug, Default)]
pub struct LinkReport {
    /// Everything wrong, one line each.
    pub problems: Vec<String>,
    /// (file, href) of every internal link checked.
    pub checked: Vec<(String, String)>,
}

/// Checks every internal `href`/`src` of every HTML file under `out`, as a browser reading
/// the files would: relative URLs resolve against the file's folder, a folder means its
/// `index.html`, and a `#fragment` must be an id of the target. Root-absolute URLs are allowed
/// only in `404.html`, under `base_path` (`/` or `/bau-cu/`). With `offline`, every link to a
/// page must name `index.html`. Ids must be unique on each page.
pub fn check_links(out: &Path, base_path: &str, offline: bool) -> LinkReport {
    let mut r = LinkReport::default();
    let files = html_files(out);
    for f in &files {
        let html = read(out, f);
        let own_ids = ids(&html);
        let mut seen = std::collections::HashSet::new();
        for id in &own_ids {
            if !seen.insert(id) {
                r.problems.push(format!("{f}: duplicate id `{id}`"));
            }
        }
        for url in links(&html) {
            if is_external(&url) {
                continue;
            }
            let (path, frag) = match url.split_once('#') {
                Some((p, fr)) => (p, Some(fr)),
                None => (url.as_str(), None),
            };
            if path.is_empty() {
                match frag {
                    Some(fr) if !fr.is_empty() => {
                        if !own_ids.iter().any(|i| *i == percent_decode(fr)) {
                            r.problems
                                .push(format!("{f}: `{url}`: no such id on the page"));
                        }
                    }
                    _ => r.problems.push(format!("{f}: empty link `{url}`")),
                }
                continue;
            }
            r.checked.push((f.clone(), url.clone()));
            let resolved = if path.starts_with('/') {
                if f != "404.html" {
                    r.problems.push(format!("{f}: root-absolute link `{url}`"));
                    continue;
                }
                let Some(rest) = path.strip_prefix(base_path) else {
                    r.problems
                        .push(format!("{f}: `{url}` is not under `{base_path}`"));
                    continue;
                };
                join_url_path("", &percent_decode(rest))
            } else {
                join_url_path(dir_of(f), &percent_decode(path))
            };
            let Some(resolved) = resolved else {
                r.problems
                    .push(format!("{f}: `{url}` climbs above the site root"));
                continue;
            };
            let is_page_link = resolved.is_empty() || resolved.ends_with('/');
            if offline && is_page_link {
                r.problems.push(format!(
                    "{f}: offline link `{url}` does not name index.html"
                ));
            }
            let target = if is_page_link {
                format!("{resolved}index.html")
            } else {
                resolved.clone()
            };
            let target_path = out.join(&target);
            if target_path.is_dir() {
                r.problems.push(format!(
                    "{f}: `{url}` names a folder without a trailing `/`"
                ));
                continue;
            }
            if !target_path.is_file() {
                r.problems
                    .push(format!("{f}: `{url}` → `{target}` does not exist"));
                continue;
            }
            if let Some(fr) = frag {
                if !target.ends_with(".html") {
                    continue;
                }
                let want = percent_decode(fr);
                if fr.is_empty() || !ids(&read(out, &target)).contains(&want) {
                    r.problems
                        .push(format!("{f}: `{url}`: `{target}` has no id `{want}`"));
                }
            }
        }
    }
    r
}
