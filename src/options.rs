//! What a build needs from the command line, as one plain struct the library takes.

use crate::diagnostics::Lang;
use std::path::PathBuf;

/// Where the build's notion of "now" comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum BuildTime {
    /// The system clock.
    #[default]
    Clock,
    /// Seconds since the Unix epoch (`SOURCE_DATE_EPOCH`).
    Epoch(i64),
    /// A date or date-time in the site's time zone (`--now 2021-05-23`).
    Civil(String),
}

/// Options of one build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (holds `site.yaml` and `content/`).
    pub root: PathBuf,
    /// Where the site is written; `None` means `<root>/public`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Links end in `index.html` so the site works from `file://`.
    pub offline: bool,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// Include pages whose `publish` time has not come yet.
    pub future: bool,
    /// The build time.
    pub now: BuildTime,
    /// Warnings fail the build.
    pub strict: bool,
    /// Language of messages.
    pub lang: Lang,
    /// URL of a live-reload script to put on every page (`loa serve` only).
    pub live_reload: Option<String>,
}

impl Options {
    /// Defaults for a site at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            output: None,
            base_url: None,
            offline: false,
            drafts: false,
            future: false,
            now: BuildTime::Clock,
            strict: false,
            lang: Lang::Vi,
            live_reload: None,
        }
    }

    /// The output folder this build writes.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}
