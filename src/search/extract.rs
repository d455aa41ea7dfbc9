//! The searchable text of a rendered page: what is inside `<main>`, in blocks, each marked as
//! title (`<h1>`), heading (`<h2>`–`<h6>`) or body. Navigation, scripts, forms and anything
//! marked `data-search-skip` are left out (ARCHITECTURE.md §11).

use super::elements::{Kind, kind};
use memchr::memmem;
use std::sync::LazyLock;

/// Which part of a page a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The page's `<h1>`.
    Title,
    /// A `<h2>`–`<h6>` heading.
    Heading,
    /// Everything else.
    Body,
}

/// One block of text (a paragraph, a list item, a cell, a heading): a range of [`Text::buf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where it is.
    pub field: Field,
    /// Start of its text in [`Text::buf`].
    pub start: usize,
    /// End of its text in [`Text::buf`].
    pub end: usize,
}

/// The searchable text of a page: every block's text, entities decoded, in one string (so a
/// page costs two allocations, not one per block). White space is left as written: the
/// tokenizer reads any run of it as one gap, and snippets collapse it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The blocks' text, each followed by `\n`.
    pub buf: String,
    /// The blocks, in document order.
    pub blocks: Vec<Block>,
}

impl Text {
    /// The text of `b`.
    pub fn of(&self, b: &Block) -> &str {
        &self.buf[b.start..b.end]
    }
}

/// The attribute that keeps an element out of the index.
pub const SKIP_ATTR: &str = "data-search-skip";

/// A tag read from the HTML.
struct Tag<'a> {
    name: &'a str,
    kind: Kind,
    closing: bool,
    self_closed: bool,
    attrs: &'a str,
}

/// Reads the tag starting at `html[at] == '<'`; returns it and the offset after its `>`.
/// `None` when it is not a tag (a lone `<`), a comment or a declaration (also skipped).
fn read_tag(html: &str, at: usize) -> (Option<Tag<'_>>, usize) {
    let b = html.as_bytes();
    let rest = &b[at..];
    if rest.starts_with(b"<!--") {
        let end = FINDERS
            .comment_end
            .find(rest)
            .map_or(html.len(), |e| at + e + 3);
        return (None, end);
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        let end = memchr::memchr(b'>', rest).map_or(html.len(), |e| at + e + 1);
        return (None, end);
    }
    let closing = b.get(at + 1) == Some(&b'/');
    let start = at + 1 + usize::from(closing);
    let name_end = b[start..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len(), |e| start + e);
    if name_end == start || !b[start].is_ascii_alphabetic() {
        return (None, at + 1);
    }
    // Find the `>` that ends the tag, stepping over quoted attribute values.
    let mut i = name_end;
    if b.get(i) != Some(&b'>') {
        while let Some(off) = memchr::memchr3(b'>', b'"', b'\'', &b[i..]) {
            let c = b[i + off];
            i += off;
            if c == b'>' {
                break;
            }
            i = memchr::memchr(c, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
        }
    }
    let i = if i < b.len() && b[i] == b'>' {
        i
    } else {
        b.len()
    };
    let attrs = &html[name_end..i];
    let tag = Tag {
        name: &html[start..name_end],
        kind: kind(&b[start..name_end]),
        closing,
        self_closed: attrs
            .bytes()
            .rev()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|c| c == b'/'),
        attrs,
    };
    (Some(tag), (i + 1).min(html.len()))
}

/// What a `<` outside `<main>` starts.
enum Outside {
    /// `<main`, `<script` or `<style`: read as a tag.
    Tag,
    /// `<!--`.
    Comment,
    /// Anything else, passed over without reading its attributes.
    Other,
}

fn outside_main(b: &[u8], at: usize) -> Outside {
    let rest = &b[at + 1..];
    if rest.starts_with(b"!--") {
        return Outside::Comment;
    }
    let is = |name: &[u8]| {
        rest.get(..name.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(name))
            && !rest.get(name.len()).is_some_and(u8::is_ascii_alphanumeric)
    };
    if is(b"main") || is(b"script") || is(b"style") {
        Outside::Tag
    } else {
        Outside::Other
    }
}

/// The searchable text of `html`, a whole rendered page. Text outside `<main>` is ignored.
pub fn extract(html: &str) -> Text {
    let mut out = Text::default();
    extract_into(html, &mut out);
    out
}

/// [`extract`] into `out`, whose buffers are reused (a rendering thread keeps one).
pub fn extract_into(html: &str, out: &mut Text) {
    out.buf.clear();
    out.blocks.clear();
    out.buf.reserve(html.len() / 2);
    // Where the current block's text starts in `out.buf`.
    let mut start = 0;
    let mut field = Field::Body;
    let mut in_main = 0usize;
    // The element being skipped and how deep inside it we are.
    let mut skipping: Option<(String, usize)> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        let collecting = in_main > 0 && skipping.is_none();
        let at = if collecting {
            match copy_text(html, i, &mut out.buf) {
                Some(at) => at,
                None => break,
            }
        } else {
            match memchr::memchr(b'<', &bytes[i..]) {
                Some(off) => i + off,
                None => break,
            }
        };
        if in_main == 0 && skipping.is_none() {
            // Outside `<main>` only `<main>` itself and what could hide a false one matter.
            match outside_main(bytes, at) {
                Outside::Other => {
                    i = at + 1;
                    continue;
                }
                Outside::Comment => {
                    i = FINDERS
                        .comment_end
                        .find(&bytes[at..])
                        .map_or(html.len(), |e| at + e + 3);
                    continue;
                }
                Outside::Tag => {}
            }
        }
        let (tag, next) = read_tag(html, at);
        i = next;
        let Some(tag) = tag else {
            if next == at + 1 && collecting {
                out.buf.push('<');
            }
            continue;
        };
        let void = matches!(tag.kind, Kind::Void | Kind::Break) || tag.self_closed;
        if let Some((name, depth)) = &mut skipping {
            if name.eq_ignore_ascii_case(tag.name) && !void {
                if tag.closing {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
                if *depth == 0 {
                    skipping = None;
                }
            }
            continue;
        }
        if tag.kind == Kind::Main {
            end_block(out, &mut start, field);
            if tag.closing {
                in_main = in_main.saturating_sub(1);
            } else {
                in_main += 1;
            }
            continue;
        }
        let raw = tag.kind == Kind::Skipped { raw: true };
        if in_main == 0 && !raw {
            continue;
        }
        if !tag.closing
            && !void
            && (matches!(tag.kind, Kind::Skipped { .. })
                || (in_main > 0 && has_skip_attr(tag.attrs)))
        {
            if raw {
                // Raw text: jump to its end tag, which is the only way out.
                let end = format!("</{}", tag.name);
                i = find_ci(html, i, &end).map_or(html.len(), |e| {
                    memchr::memchr(b'>', &bytes[e..]).map_or(html.len(), |g| e + g + 1)
                });
            } else {
                skipping = Some((tag.name.to_ascii_lowercase(), 1));
            }
            continue;
        }
        match tag.kind {
            Kind::Block { heading } => {
                end_block(out, &mut start, field);
                field = match (tag.closing, heading) {
                    (false, Some(f)) => f,
                    (true, Some(_)) => Field::Body,
                    _ => field,
                };
            }
            Kind::Break => end_block(out, &mut start, field),
            _ => {}
        }
    }
    end_block(out, &mut start, field);
}

/// Appends the text of `html` from `i` to the next `<` to `out`, character references
/// decoded; returns where that `<` is, or `None` when the text runs to the end.
#[inline]
fn copy_text(html: &str, mut i: usize, out: &mut String) -> Option<usize> {
    let b = html.as_bytes();
    loop {
        let Some(off) = memchr::memchr2(b'<', b'&', &b[i..]) else {
            out.push_str(&html[i..]);
            return None;
        };
        out.push_str(&html[i..i + off]);
        i += off;
        if b[i] == b'<' {
            return Some(i);
        }
        i += push_reference(&html[i..], out);
    }
}

/// Ends the current block, which starts at `start` in `out.buf`: it joins `out` when it has
/// more than white space, and the next block starts after it.
fn end_block(out: &mut Text, start: &mut usize, field: Field) {
    let text = &out.buf.as_bytes()[*start..];
    // Text made of Unicode spaces only is kept: it gives no token and no snippet.
    if text
        .iter()
        .any(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
    {
        out.blocks.push(Block {
            field,
            start: *start,
            end: out.buf.len(),
        });
        out.buf.push('\n');
    } else {
        out.buf.truncate(*start);
    }
    *start = out.buf.len();
}

/// Finders built once: building one costs more than a short search.
struct Finders {
    comment_end: memmem::Finder<'static>,
    skip_attr: memmem::Finder<'static>,
}

static FINDERS: LazyLock<Finders> = LazyLock::new(|| Finders {
    comment_end: memmem::Finder::new(b"-->"),
    skip_attr: memmem::Finder::new(SKIP_ATTR.as_bytes()),
});

/// Whether the attribute text of a tag has [`SKIP_ATTR`] (with or without a value).
fn has_skip_attr(attrs: &str) -> bool {
    let n = SKIP_ATTR.len();
    attrs.len() > n
        && FINDERS.skip_attr.find_iter(attrs.as_bytes()).any(|at| {
            let before = attrs[..at].chars().next_back();
            let after = attrs[at + n..].chars().next();
            before.is_some_and(char::is_whitespace)
                && after.is_none_or(|c| c == '=' || c == '/' || c.is_whitespace())
        })
}

/// Byte offset of `needle` (ASCII, starting with `<`) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let mut at = from;
    while let Some(off) = memchr::memchr(b'<', h.get(at..)?) {
        let i = at + off;
        if h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Decodes the character reference at the start of `rest` (which starts with `&`) into
/// `out`, a no-break space as a space, or a lone `&` when it is none; returns the bytes read.
fn push_reference(rest: &str, out: &mut String) -> usize {
    let end = rest[1..]
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
        .map(|e| e + 1);
    let decoded = match end {
        Some(e) if rest[e..].starts_with(';') => entity(&rest[1..e]).map(|c| (c, e + 1)),
        _ => None,
    };
    match decoded {
        Some((c, len)) => {
            out.push(if c == '\u{a0}' { ' ' } else { c });
            len
        }
        None => {
            out.push('&');
            1
        }
    }
}

/// The character a reference names (`amp`, `#39`, `#x27`), for the ones HTML writers use.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "copy" => '©',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks of `html`, white space collapsed.
    fn blocks(html: &str) -> Vec<(Field, String)> {
        let t = extract(html);
        t.blocks
            .iter()
            .map(|b| {
                let mut s = String::new();
                crate::search::collapse::push_collapsed(t.of(b), 0, &mut s);
                (b.field, s)
            })
            .collect()
    }

    #[test]
    fn only_main_counts_and_fields_follow_headings() {
        let html = "<header><a>Trang chủ</a></header><main id=noi-dung>\
            <h1>Lịch  bầu cử</h1><p>Ngày <strong>bầu</strong> cử</p>\
            <h2 id=x>Mốc <em>chính</em></h2><ul><li>một</li><li>hai</li></ul></main>\
            <footer>chân trang</footer>";
        assert_eq!(
            blocks(html),
            [
                (Field::Title, "Lịch bầu cử".into()),
                (Field::Body, "Ngày bầu cử".into()),
                (Field::Heading, "Mốc chính".into()),
                (Field::Body, "một".into()),
                (Field::Body, "hai".into()),
            ]
        );
    }

    #[test]
    fn nothing_before_main_is_taken_for_it() {
        let html = "<!doctype html><head><title>x</title><script>let s = '<main>không</main>';</script>\
            <STYLE>main::before{content:'<main>'}</STYLE></head><body>\
            <!-- <main>chú thích</main> --><header data-x=\"a > b\"><mainly>không</mainly></header>\
            <MAIN class=x><p>có</p></MAIN><p>sau</p>";
        assert_eq!(blocks(html), [(Field::Body, "có".into())]);
    }

    #[test]
    fn skipped_elements_and_nested_skips() {
        let html = "<main><nav><ul><li>mục lục</li></ul></nav><p>giữ</p>\
            <div data-search-skip class=meta><div>bỏ</div><p>bỏ nữa</p></div>\
            <script>var x = '<p>không</p>';</script><style>p{}</style>\
            <form><input name=q><button>Tìm</button></form><p>còn</p></main>";
        assert_eq!(
            blocks(html),
            [(Field::Body, "giữ".into()), (Field::Body, "còn".into())]
        );
    }

    #[test]
    fn entities_comments_and_lone_angles() {
        let html = "<main><p>a &amp; b &lt;c&gt; &#39;d&#x27; e&nbsp;f &bogus; g<!-- x --> 1 < 2</p></main>";
        assert_eq!(
            blocks(html),
            [(Field::Body, "a & b <c> 'd' e f &bogus; g 1 < 2".into())]
        );
    }

    #[test]
    fn quoted_greater_than_in_attributes() {
        let html = r#"<main><p title="a > b">văn <a href="x?a>b">bản</a></p></main>"#;
        assert_eq!(blocks(html), [(Field::Body, "văn bản".into())]);
    }

    #[test]
    fn attribute_names_are_matched_whole() {
        assert!(has_skip_attr(" data-search-skip"));
        assert!(has_skip_attr(" class=a data-search-skip=\"\""));
        assert!(!has_skip_attr(" data-search-skipped"));
        assert!(!has_skip_attr(" title=\"xdata-search-skip\""));
    }

    #[test]
    fn unclosed_input_does_not_panic() {
        for html in [
            "<main><p>a",
            "<main><",
            "<main><!--",
            "<main><p title='x",
            "<main>&",
            "<main>&#xZZ;",
        ] {
            let _ = extract(html);
        }
        assert_eq!(
            blocks("<main>&#1114112; x</main>"),
            [(Field::Body, "&#1114112; x".into())]
        );
    }
}
