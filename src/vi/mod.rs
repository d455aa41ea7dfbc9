//! Vietnamese text rules: normalization, folding, slugs and dates. Knows nothing of sites;
//! every other module calls these instead of handling Vietnamese text itself.

pub mod date;
pub mod fold;
pub mod normalize;
pub mod slug;

pub use fold::fold;
pub use normalize::nfc;
pub use slug::slugify;
