//! The subcommands of `loa`, each a small function over the library that prints in the
//! chosen language and returns the exit status.

mod build;
mod init;
mod new;
mod serve;
mod theme_files;

pub use build::{build, build_time, check};
pub use init::init;
pub use new::new;
pub use serve::serve;
pub use theme_files::THEME_FILES;

use crate::diagnostics::{Diagnostics, Lang, render};

/// Exit status: the site has errors.
pub const EXIT_SITE_ERRORS: u8 = 1;

/// Prints diagnostics to standard error.
pub fn eprint_diags(d: &Diagnostics, lang: Lang) {
    if !d.is_empty() {
        eprint!("{}", render(d, lang));
    }
}

/// Picks the message in the user's language.
pub fn say(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}
