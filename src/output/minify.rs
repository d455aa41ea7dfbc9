//! Minification: HTML with minify-html (JavaScript left alone), CSS with lightningcss.
//! Minification never changes what a reader sees; when CSS cannot be parsed it is kept as is.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

/// How deeply elements may nest before a page is refused: minify-html recurses once per
/// level, and a page no one can read nested thousands deep must not crash the build.
pub const MAX_DEPTH: usize = 256;

/// The deepest element nesting in `html` (a cheap scan: tags in, closing tags out, void and
/// self-closed elements ignored).
pub fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = b[start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |e| start + e);
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let gt = b[end..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| end + e);
        if VOID.contains(&name.as_str()) || (gt > 0 && b.get(gt - 1) == Some(&b'/')) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// Minified HTML.
pub fn html(src: &str) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: false,
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(src.as_bytes(), &cfg)
}

/// Minified JavaScript (minify-html's script minifier), or the input when minifying does not
/// make it smaller or the script could not stand inside a `<script>` element.
pub fn js(src: &str) -> Vec<u8> {
    if src.to_ascii_lowercase().contains("</script") {
        return src.as_bytes().to_vec();
    }
    let cfg = minify_html::Cfg {
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    let wrapped = format!("<script>{src}</script>");
    let out = minify_html::minify(wrapped.as_bytes(), &cfg);
    match out
        .strip_prefix(b"<script>".as_slice())
        .and_then(|o| o.strip_suffix(b"</script>".as_slice()))
    {
        Some(code) if !code.is_empty() && code.len() < src.len() => code.to_vec(),
        _ => src.as_bytes().to_vec(),
    }
}

/// Minified CSS, or the input when it does not parse.
pub fn css(src: &str) -> Vec<u8> {
    let min = StyleSheet::parse(src, ParserOptions::default())
        .ok()
        .and_then(|mut sheet| {
            sheet.minify(MinifyOptions::default()).ok()?;
            sheet
                .to_css(PrinterOptions {
                    minify: true,
                    ..PrinterOptions::default()
                })
                .ok()
        });
    match min {
        Some(out) if out.code.len() < src.len() => out.code.into_bytes(),
        _ => src.as_bytes().to_vec(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(super::nesting_depth("<p>a<br>b<img src=x/></p>"), 1);
        assert_eq!(
            super::nesting_depth("<div><ul><li>a</li><li>b</li></ul></div>"),
            3
        );
        assert_eq!(super::nesting_depth(&"<blockquote>".repeat(300)), 300);
        assert_eq!(super::nesting_depth("a < b and c<3"), 0);
    }

    #[test]
    fn html_keeps_text_and_drops_comments() {
        let out = super::html("<p>  Bầu   cử  <!-- x --></p>\n\n<p>b</p>");
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("Bầu cử"), "{s}");
        assert!(!s.contains("<!--"));
    }

    #[test]
    fn js_is_smaller_and_still_javascript() {
        let src = "// note\nfunction add(first, second) {\n  return first + second;\n}\nwindow.add = add;\n";
        let out = String::from_utf8(super::js(src)).unwrap();
        assert!(out.len() < src.len(), "{out}");
        assert!(
            out.contains("return first+second") && out.contains("window.add"),
            "{out}"
        );
        let odd = "var s = '</script>';";
        assert_eq!(super::js(odd), odd.as_bytes());
    }

    #[test]
    fn css_is_smaller_and_bad_css_kept() {
        let src = "body {\n  color: #000000;\n  margin: 0px;\n}\n";
        let out = super::css(src);
        assert!(out.len() < src.len());
        assert_eq!(String::from_utf8(out).unwrap(), "body{color:#000;margin:0}");
    }
}
