//! What an element is to the text scanner of `extract.rs`, judged once from its name: a block
//! (a heading among them), left out with its content, void, `main`, or inline
//! (ARCHITECTURE.md §11).

use super::extract::Field;

/// What an element is to the scanner, judged once from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `main`.
    Main,
    /// Left out with everything inside it (`nav`, `form`, …); `raw` when its text is raw, with
    /// no tags inside (`script`, `style`).
    Skipped { raw: bool },
    /// It ends a block: `h1` is the title, `h2`–`h6` headings.
    Block { heading: Option<Field> },
    /// It has no end tag and ends a block (`br`).
    Break,
    /// It has no end tag.
    Void,
    /// Anything else.
    Inline,
}

/// `name` packed in an integer, lowercase, low byte first (names of at most 8 bytes).
const fn pack(name: &[u8]) -> u64 {
    let mut w = 0u64;
    let mut i = 0;
    while i < name.len() {
        w |= (name[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    w
}

/// Element names of at most 8 bytes, packed.
mod names {
    use super::pack;
    pub const P: u64 = pack(b"p");
    pub const LI: u64 = pack(b"li");
    pub const TD: u64 = pack(b"td");
    pub const TH: u64 = pack(b"th");
    pub const DT: u64 = pack(b"dt");
    pub const DD: u64 = pack(b"dd");
    pub const DIV: u64 = pack(b"div");
    pub const TR: u64 = pack(b"tr");
    pub const PRE: u64 = pack(b"pre");
    pub const CAPTION: u64 = pack(b"caption");
    pub const SECTION: u64 = pack(b"section");
    pub const ARTICLE: u64 = pack(b"article");
    pub const ASIDE: u64 = pack(b"aside");
    pub const HEADER: u64 = pack(b"header");
    pub const FOOTER: u64 = pack(b"footer");
    pub const UL: u64 = pack(b"ul");
    pub const OL: u64 = pack(b"ol");
    pub const TABLE: u64 = pack(b"table");
    pub const H1: u64 = pack(b"h1");
    pub const H2: u64 = pack(b"h2");
    pub const H3: u64 = pack(b"h3");
    pub const H4: u64 = pack(b"h4");
    pub const H5: u64 = pack(b"h5");
    pub const H6: u64 = pack(b"h6");
    pub const MAIN: u64 = pack(b"main");
    pub const SCRIPT: u64 = pack(b"script");
    pub const STYLE: u64 = pack(b"style");
    pub const NAV: u64 = pack(b"nav");
    pub const TEMPLATE: u64 = pack(b"template");
    pub const SVG: u64 = pack(b"svg");
    pub const FORM: u64 = pack(b"form");
    pub const NOSCRIPT: u64 = pack(b"noscript");
    pub const BR: u64 = pack(b"br");
    pub const AREA: u64 = pack(b"area");
    pub const BASE: u64 = pack(b"base");
    pub const COL: u64 = pack(b"col");
    pub const EMBED: u64 = pack(b"embed");
    pub const HR: u64 = pack(b"hr");
    pub const IMG: u64 = pack(b"img");
    pub const INPUT: u64 = pack(b"input");
    pub const LINK: u64 = pack(b"link");
    pub const META: u64 = pack(b"meta");
    pub const SOURCE: u64 = pack(b"source");
    pub const TRACK: u64 = pack(b"track");
    pub const WBR: u64 = pack(b"wbr");
    pub const PARAM: u64 = pack(b"param");
}

pub fn kind(name: &[u8]) -> Kind {
    use names::*;
    if name.len() > 8 {
        return if name.eq_ignore_ascii_case(b"blockquote")
            || name.eq_ignore_ascii_case(b"figcaption")
        {
            Kind::Block { heading: None }
        } else {
            Kind::Inline
        };
    }
    match pack(name) {
        P | LI | TD | TH | DT | DD | DIV | TR | PRE | CAPTION | SECTION | ARTICLE | ASIDE
        | HEADER | FOOTER | UL | OL | TABLE => Kind::Block { heading: None },
        H1 => Kind::Block {
            heading: Some(Field::Title),
        },
        H2 | H3 | H4 | H5 | H6 => Kind::Block {
            heading: Some(Field::Heading),
        },
        MAIN => Kind::Main,
        SCRIPT | STYLE => Kind::Skipped { raw: true },
        NAV | TEMPLATE | SVG | FORM | NOSCRIPT => Kind::Skipped { raw: false },
        BR => Kind::Break,
        AREA | BASE | COL | EMBED | HR | IMG | INPUT | LINK | META | SOURCE | TRACK | WBR
        | PARAM => Kind::Void,
        _ => Kind::Inline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_judged_whole_and_without_case() {
        let block = Kind::Block { heading: None };
        assert_eq!(kind(b"MAIN"), Kind::Main);
        assert_eq!(kind(b"mainly"), Kind::Inline);
        assert_eq!(
            kind(b"H1"),
            Kind::Block {
                heading: Some(Field::Title)
            }
        );
        assert_eq!(
            kind(b"h6"),
            Kind::Block {
                heading: Some(Field::Heading)
            }
        );
        assert_eq!(kind(b"h7"), Kind::Inline);
        assert_eq!(kind(b"BlockQuote"), block);
        assert_eq!(kind(b"figcaption"), block);
        assert_eq!(kind(b"blockquotes"), Kind::Inline);
        assert_eq!(kind(b"Script"), Kind::Skipped { raw: true });
        assert_eq!(kind(b"noscript"), Kind::Skipped { raw: false });
        assert_eq!(kind(b"br"), Kind::Break);
        assert_eq!(kind(b"img"), Kind::Void);
        assert_eq!(kind(b"strong"), Kind::Inline);
    }
}
