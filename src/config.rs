//! `site.yaml`: the site's settings, typed, with unknown keys rejected and a suggestion for
//! a misspelt one. Also resolves the build time against the site's time zone.

use crate::diagnostics::{Diagnostic, Problem, suggest};
use crate::options::{BuildTime, Options};
use crate::vi::date::{self, Moment};
use crate::vi::tone::ToneStyle;
use crate::yaml::{self, YamlErrorKind};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The settings in `site.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name.
    pub title: String,
    /// The absolute URL the site is published at, for canonical links, feeds and the sitemap.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Language of the content (`vi`).
    #[serde(default = "default_language")]
    pub language: String,
    /// One-sentence description.
    #[serde(default)]
    pub description: Option<String>,
    /// The time zone of dates written in content.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// The theme folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Minify HTML and CSS.
    #[serde(default = "default_true")]
    pub minify: bool,
    /// Who publishes the site (feeds' author).
    #[serde(default)]
    pub publisher: Option<String>,
    /// Tone-mark placement of the output: `keep` (as written), `traditional` (`hòa`, `ủy`)
    /// or `modern` (`hoà`, `uỷ`).
    #[serde(default)]
    pub tone_style: ToneStyle,
    /// Optional text lints.
    #[serde(default)]
    pub lint: LintConfig,
    /// Build the search page, its index and the header's search box (ARCHITECTURE.md §11).
    #[serde(default = "default_true")]
    pub search: bool,
}

/// `lint:` in site.yaml: text checks that are off unless asked for.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// Warn about words that are not valid Vietnamese syllables (`suspicious-syllable`).
    #[serde(default)]
    pub suspicious_syllable: bool,
    /// Words the syllable lint accepts (proper names such as `Kạn`, `Đắk`), in any case.
    #[serde(default)]
    pub allow: Vec<String>,
}

impl Default for SiteConfig {
    /// The settings of a `site.yaml` that gives only an empty title.
    fn default() -> Self {
        Self {
            title: String::new(),
            base_url: None,
            language: default_language(),
            description: None,
            timezone: default_timezone(),
            theme: default_theme(),
            minify: true,
            publisher: None,
            tone_style: ToneStyle::Keep,
            lint: LintConfig::default(),
            search: true,
        }
    }
}

fn default_language() -> String {
    "vi".into()
}
fn default_timezone() -> String {
    "Asia/Ho_Chi_Minh".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_true() -> bool {
    true
}

/// The config file's path, relative to the root, for messages.
pub const FILE: &str = "site.yaml";

/// Reads and checks `site.yaml` under `root`, applying `--base-url`.
pub fn load(opts: &Options) -> Result<SiteConfig, Vec<Diagnostic>> {
    let rel = PathBuf::from(FILE);
    let text = crate::data::read_text(&opts.root.join(FILE), &rel)?;
    let mut cfg: SiteConfig = parse(&text, &rel)?;
    if let Some(b) = &opts.base_url {
        cfg.base_url = Some(b.clone());
    }
    if let Some(b) = &cfg.base_url {
        match normalize_base_url(b) {
            Some(n) => cfg.base_url = Some(n),
            None => {
                let line = key_line(&text, "base_url");
                let d = Diagnostic::error(rel, Problem::BadBaseUrl { value: b.clone() });
                return Err(vec![match line {
                    Some(l) if opts.base_url.is_none() => d.at(&text, l, 1),
                    _ => d,
                }]);
            }
        }
    }
    Ok(cfg)
}

/// Parses a YAML document into `T`, turning errors into located diagnostics about `file`.
/// `line_offset` is the line number of the YAML's first line minus one.
pub fn parse_located<T: for<'de> Deserialize<'de>>(
    yaml_text: &str,
    file: &Path,
    whole_text: &str,
    line_offset: usize,
) -> Result<T, Vec<Diagnostic>> {
    yaml::from_str(yaml_text).map_err(|e| {
        let problem = match e.kind {
            YamlErrorKind::UnknownField { field, expected } => Problem::UnknownKey {
                suggestion: suggest(&field, expected.iter().map(String::as_str)),
                key: field,
                allowed: expected,
            },
            YamlErrorKind::Type(detail) => Problem::BadValue {
                key: key_at(yaml_text, e.line).unwrap_or_default(),
                detail,
            },
            YamlErrorKind::Syntax(detail) => Problem::Yaml { detail },
        };
        let line = if e.line > 0 { e.line + line_offset } else { 0 };
        vec![Diagnostic::error(file.to_path_buf(), problem).at(whole_text, line, e.col)]
    })
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, rel: &Path) -> Result<T, Vec<Diagnostic>> {
    parse_located(text, rel, text, 0)
}

/// The key written on `line` (1-based) of a YAML mapping, if the line starts one.
fn key_at(yaml_text: &str, line: usize) -> Option<String> {
    let l = yaml_text.lines().nth(line.checked_sub(1)?)?;
    let (k, _) = l.trim_start().split_once(':')?;
    Some(k.trim().trim_start_matches("- ").to_string())
}

/// The 1-based line on which top-level `key:` is written.
pub fn key_line(yaml_text: &str, key: &str) -> Option<usize> {
    yaml_text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// `https://example.org/bau-cu` → `https://example.org/bau-cu/`; `None` when not http(s).
fn normalize_base_url(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let host = rest.split('/').next()?;
    if host.is_empty() || s.chars().any(char::is_whitespace) {
        return None;
    }
    Some(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

/// The build's "now" in the site's time zone.
pub fn build_time(cfg: &SiteConfig, now: &BuildTime) -> Result<jiff::Zoned, Diagnostic> {
    let tz = jiff::tz::TimeZone::get(&cfg.timezone).map_err(|_| {
        Diagnostic::error(
            PathBuf::from(FILE),
            Problem::BadValue {
                key: "timezone".into(),
                detail: cfg.timezone.clone(),
            },
        )
    })?;
    let bad = |v: String| Diagnostic::error(None, Problem::BadNow { value: v });
    match now {
        BuildTime::Clock => Ok(jiff::Timestamp::now().to_zoned(tz)),
        BuildTime::Epoch(s) => jiff::Timestamp::from_second(*s)
            .map(|t| t.to_zoned(tz))
            .map_err(|_| bad(s.to_string())),
        BuildTime::Civil(s) => {
            let m = date::parse(s).ok_or_else(|| bad(s.clone()))?;
            let dt = match m {
                Moment::Day(d) => d.to_datetime(jiff::civil::Time::midnight()),
                Moment::At(dt) => dt,
            };
            dt.to_zoned(tz).map_err(|_| bad(s.clone()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_trailing_slash_and_must_be_http() {
        assert_eq!(
            normalize_base_url("https://a.vn/bau-cu").as_deref(),
            Some("https://a.vn/bau-cu/")
        );
        assert_eq!(normalize_base_url("a.vn"), None);
        assert_eq!(normalize_base_url("https:///x"), None);
    }

    #[test]
    fn unknown_key_suggests() {
        let e = parse::<SiteConfig>("title: X\nthem: default\n", Path::new(FILE)).unwrap_err();
        assert_eq!(e[0].line, 2);
        match &e[0].problem {
            Problem::UnknownKey { suggestion, .. } => {
                assert_eq!(suggestion.as_deref(), Some("theme"))
            }
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn civil_now_is_in_site_zone() {
        let cfg: SiteConfig = parse("title: X\n", Path::new(FILE)).unwrap();
        let z = build_time(&cfg, &BuildTime::Civil("2021-05-23T07:00".into())).unwrap();
        assert_eq!(z.timestamp().as_second(), 1_621_728_000);
    }
}
