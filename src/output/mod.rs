//! The finish and write stages: feeds, sitemap, robots, static files, alias redirects,
//! minification, and writing everything through a staging directory with an atomic swap.

pub mod assets;
pub mod calendar;
pub mod feeds;
pub mod ics;
pub mod minify;
pub mod sitemap;
pub mod write;

use std::path::PathBuf;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// What to write there.
    pub body: Body,
}

/// The bytes of an output file.
#[derive(Debug, Clone)]
pub enum Body {
    /// Made in memory.
    Bytes(Vec<u8>),
    /// Copied from a file as it is.
    Copy(PathBuf),
}
