//! Tera setup: the theme's templates, overridden file by file by the site's own `templates/`,
//! compiled once; the Vietnamese filters; and rendering with located errors. Reads theme
//! files, never content.

mod contexts;
mod filters;

pub use contexts::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Problem, display_path};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use tera::{Context, ErrorKind, Tera};

/// The compiled templates of a build.
pub struct Templates {
    tera: Tera,
    /// Template name → (file shown in messages, its text).
    files: HashMap<String, (PathBuf, String)>,
}

/// Folders a theme lends the site.
pub struct ThemeDirs {
    /// `themes/<name>`.
    pub theme: PathBuf,
}

impl ThemeDirs {
    /// Locates the theme `name` under `root/themes`.
    pub fn find(root: &Path, name: &str) -> Result<Self, Diagnostic> {
        let theme = root.join("themes").join(name);
        if theme.join("templates").is_dir() {
            Ok(Self { theme })
        } else {
            Err(Diagnostic::error(
                PathBuf::from(crate::config::FILE),
                Problem::ThemeNotFound { name: name.into() },
            ))
        }
    }
}

/// The theme's UI strings (`theme.yaml`), a flat map.
pub fn ui_strings(root: &Path, dirs: &ThemeDirs) -> Result<BTreeMap<String, String>, Diagnostics> {
    let path = dirs.theme.join("theme.yaml");
    let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(BTreeMap::new());
    };
    crate::config::parse_located(&text, &shown, &text, 0).map_err(Diagnostics)
}

impl Templates {
    /// Compiles the theme's templates and the site's overrides.
    pub fn load(root: &Path, dirs: &ThemeDirs) -> Result<Self, Diagnostics> {
        let mut files: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        let mut diags = Diagnostics::new();
        let found =
            crate::overlay::overlay(&[dirs.theme.join("templates"), root.join("templates")])
                .map_err(Diagnostics::from)?;
        for (name, path) in found {
            let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    files.insert(name, (shown, text));
                }
                Err(e) => diags.push(Diagnostic::error(
                    shown.clone(),
                    Problem::Read {
                        path: display_path(&shown),
                        detail: e.to_string(),
                    },
                )),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut tera = Tera::new();
        filters::register(&mut tera);
        let files: HashMap<String, (PathBuf, String)> = files.into_iter().collect();
        let mut t = Self {
            tera,
            files: HashMap::new(),
        };
        let result = t.tera.add_raw_templates(
            files
                .iter()
                .map(|(n, (_, text))| (n.as_str(), text.as_str())),
        );
        t.files = files;
        if let Err(e) = result {
            return Err(t.diagnostic("", &e).into());
        }
        Ok(t)
    }

    /// Whether a template of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Sets a value every render sees.
    pub fn set_global(&mut self, key: &'static str, value: &impl serde::Serialize) {
        self.tera.global_context().insert(key, value);
    }

    /// Renders `name`.
    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        if !self.has(name) {
            return Err(Diagnostic::error(
                None,
                Problem::TemplateNotFound { name: name.into() },
            ));
        }
        self.tera
            .render(name, ctx)
            .map_err(|e| self.diagnostic(name, &e))
    }

    fn diagnostic(&self, name: &str, e: &tera::Error) -> Diagnostic {
        match e.kind() {
            ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
                let file = r.filename().to_string();
                let problem = Problem::Template {
                    name: file.clone(),
                    detail: r.message().to_string(),
                };
                match self.files.get(&file) {
                    Some((path, text)) => Diagnostic::error(path.clone(), problem).at(
                        text,
                        r.span().start_line,
                        r.span().start_col + 1,
                    ),
                    None => Diagnostic::error(None, problem),
                }
            }
            ErrorKind::TemplateNotFound(n) => {
                let d = Diagnostic::error(None, Problem::TemplateNotFound { name: n.clone() });
                match self.files.get(name) {
                    Some((path, _)) => Diagnostic {
                        file: Some(path.clone()),
                        ..d
                    },
                    None => d,
                }
            }
            other => {
                let d = Diagnostic::error(
                    None,
                    Problem::Template {
                        name: name.into(),
                        detail: other.to_string(),
                    },
                );
                match self.files.get(name) {
                    Some((path, _)) => Diagnostic {
                        file: Some(path.clone()),
                        ..d
                    },
                    None => d,
                }
            }
        }
    }
}

/// HTML-escapes text for the few pages made without a template.
pub use crate::escape::escape;
