//! Reading minified HTML and small XML files back: attribute values (quoted or not),
//! elements, entities, percent-encoding and relative URL paths.

/// The values of attribute `name` on every tag of `html`, entity-decoded. Handles
/// `name="v"`, `name='v'` and the unquoted `name=v` that minified HTML uses.
pub fn attr_values(html: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags(html) {
        for (k, v) in attributes(tag) {
            if k.eq_ignore_ascii_case(name) {
                out.push(v);
            }
        }
    }
    out
}

/// Every `href` and `src` value in `html`.
pub fn links(html: &str) -> Vec<String> {
    let mut v = attr_values(html, "href");
    v.extend(attr_values(html, "src"));
    v
}

/// Every `id` in `html`.
pub fn ids(html: &str) -> Vec<String> {
    attr_values(html, "id")
}

/// The insides of the start tags of `html` (`a href=x class=y`), skipping comments.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        if html[start..].starts_with("!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        if start >= b.len() || !b[start].is_ascii_alphabetic() {
            i = start;
            continue;
        }
        // Find the closing `>`, skipping over quoted values.
        let mut j = start;
        let mut quote: Option<u8> = None;
        while j < b.len() {
            match (quote, b[j]) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                // A quote opens a value only right after `=`.
                (None, b'"' | b'\'') if j > 0 && b[j - 1] == b'=' => quote = Some(b[j]),
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        out.push(&html[start..j.min(b.len())]);
        i = (j + 1).min(html.len());
    }
    out
}

/// The attributes of one tag's inside, names lowercased, values entity-decoded.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let b = tag.as_bytes();
    let mut i = 0;
    // Skip the tag name.
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' {
        i += 1;
    }
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let ks = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let key = tag[ks..i].to_ascii_lowercase();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = tag[vs..].find(q as char).map_or(tag.len(), |e| vs + e);
                i = (ve + 1).min(b.len());
                &tag[vs..ve]
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                // As in HTML, an unquoted value runs to whitespace or `>`, `/` included.
                &tag[vs..i]
            };
            out.push((key, decode_entities(value)));
        } else {
            out.push((key, String::new()));
        }
    }
    out
}

/// Decodes the few entities minified HTML and XML leave in attribute values and text.
pub fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Percent-decoding of a URL path (UTF-8).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("percent-decoded URL is UTF-8")
}

/// Whether a URL leaves the site.
pub fn is_external(url: &str) -> bool {
    ["http:", "https:", "mailto:", "tel:", "//"]
        .iter()
        .any(|p| url.starts_with(p))
}

/// Joins a relative path onto a folder (both `/`-separated, relative to the output root),
/// resolving `.` and `..`; `None` when it climbs above the root.
pub fn join_url_path(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = rel.is_empty() || rel.ends_with('/') || rel == "." || rel.ends_with("/.");
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut s = parts.join("/");
    if trailing && !s.is_empty() {
        s.push('/');
    }
    Some(s)
}

/// The folder (relative to the output root, `""` at the top) holding output file `file`.
pub fn dir_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(d, _)| d)
}

/// The text of the elements `<name …>…</name>` in `xml`, in order (no nesting of `name`).
pub fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = xml[i..].find(&open) {
        let s = i + off;
        let after = xml.as_bytes().get(s + open.len()).copied();
        if !matches!(after, Some(b'>') | Some(b' ') | Some(b'/')) {
            i = s + open.len();
            continue;
        }
        let Some(gt) = xml[s..].find('>') else { break };
        let body_start = s + gt + 1;
        let inner = &xml[s..s + gt];
        // Self-closing (`<x a="b"/>`); an unquoted HTML value may end in `/` itself.
        if inner == format!("{open}/") || ["\"/", "'/", " /"].iter().any(|e| inner.ends_with(e)) {
            out.push("");
            i = body_start;
            continue;
        }
        let Some(end) = xml[body_start..].find(&close) else {
            break;
        };
        out.push(&xml[body_start..body_start + end]);
        i = body_start + end + close.len();
    }
    out
}

/// The start tags `<name …>` (their inside) in `xml`, for reading attributes.
pub fn start_tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    tags(xml)
        .into_iter()
        .filter(|t| {
            t.strip_prefix(name)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '/']))
        })
        .collect()
}

/// The value of attribute `name` in a tag's inside.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    attributes(tag)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
