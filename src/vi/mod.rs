//! Vietnamese text rules: normalization, tone placement, folding, slugs, collation, dates,
//! document identifiers and syllables. Knows nothing of sites; every other module calls these
//! instead of handling Vietnamese text itself.

pub mod abbr;
pub mod collate;
pub mod date;
pub mod docid;
pub mod fold;
pub mod normalize;
pub mod slug;
pub mod syllable;
pub mod tone;

pub use fold::fold;
pub use normalize::nfc;
pub use slug::slugify;
