//! Minification: HTML with minify-html (JavaScript left alone), CSS with lightningcss.
//! Minification never changes what a reader sees; when CSS cannot be parsed it is kept as is.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

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
    fn html_keeps_text_and_drops_comments() {
        let out = super::html("<p>  Bầu   cử  <!-- x --></p>\n\n<p>b</p>");
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("Bầu cử"), "{s}");
        assert!(!s.contains("<!--"));
    }

    #[test]
    fn css_is_smaller_and_bad_css_kept() {
        let src = "body {\n  color: #000000;\n  margin: 0px;\n}\n";
        let out = super::css(src);
        assert!(out.len() < src.len());
        assert_eq!(String::from_utf8(out).unwrap(), "body{color:#000;margin:0}");
    }
}
