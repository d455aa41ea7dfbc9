//! Odd and hostile input never panics: the library returns `Ok` or `Err`, the binary exits 0
//! or 1 (a panic would be 101).

mod common;

use common::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

fn nested_list(depth: usize) -> String {
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(&"  ".repeat(i));
        s.push_str("- mục\n");
    }
    s
}

/// Odd files, each as the only extra file of a site.
fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let fm = |body: &str| format!("---\ntitle: Lạ\n---\n\n{body}").into_bytes();
    let mut junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    junk.splice(0..0, b"---\ntitle: X\n---\n".iter().copied());
    vec![
        ("empty", Vec::new()),
        ("only dashes", b"---".to_vec()),
        ("only dashes and newline", b"---\n".to_vec()),
        ("two dashes lines", b"---\n---\n".to_vec()),
        ("byte-order mark only", "\u{feff}".as_bytes().to_vec()),
        (
            "tabs in front matter",
            b"---\ntitle:\tA\n\tdate: 2021-01-01\n---\n".to_vec(),
        ),
        ("front matter is a list", b"---\n- a\n- b\n---\n".to_vec()),
        (
            "front matter is a string",
            "---\nchỉ là chữ\n---\n".as_bytes().to_vec(),
        ),
        ("nested title", b"---\ntitle:\n  a: b\n---\n".to_vec()),
        (
            "yaml anchors",
            b"---\ntitle: &a A\ndescription: *a\ntags: *a\n---\n".to_vec(),
        ),
        (
            "huge heading",
            fm(&format!("## {}\n", "Bầu cử ".repeat(20_000))),
        ),
        (
            "heading of marks",
            fm("## \u{300}\u{301}\u{309}\n\n## ---\n\n## 🗳️\n"),
        ),
        ("binary junk", junk),
        ("empty link", fm("[](<>) [a]() ![](<>)\n")),
        ("bare fragment", fm("[x](#)\n")),
        ("fragment only dashes", fm("[x](#--)\n")),
        (
            "link with many hashes",
            fm("[x](a.md#b#c) [y](../../../../x.md)\n"),
        ),
        (
            "link to content root",
            fm("[x](@/) [y](@/../x.md) [z](./) [w](.)\n"),
        ),
        ("deep list", fm(&nested_list(200))),
        ("deep quotes", fm(&format!("{} sâu\n", ">".repeat(5_000)))),
        (
            "deep html",
            fm(&format!("<div>\n\n{}chữ\n", "<span>".repeat(20_000))),
        ),
        (
            "deep emphasis",
            fm(&format!("{}a{}\n", "*_".repeat(3_000), "_*".repeat(3_000))),
        ),
        (
            "unclosed footnote",
            fm("Chữ[^khong-co] và [^].\n\n[^x]: [^x]\n"),
        ),
        (
            "html and template syntax",
            fm("<script>alert(1)</script> {{ page.title }} {% raw %}\n"),
        ),
        (
            "CR only newlines",
            "---\rtitle: A\r---\rchữ\r".as_bytes().to_vec(),
        ),
        (
            "CRLF",
            b"---\r\ntitle: A\r\n---\r\n\r\n## A\r\n\r\n[a](#a)\r\n".to_vec(),
        ),
        ("NUL bytes", b"---\ntitle: A\0B\n---\n\n\0\0\0\n".to_vec()),
        (
            "weird slug",
            b"---\ntitle: A\nslug: \"../../..\"\n---\n".to_vec(),
        ),
        (
            "alias to root",
            b"---\ntitle: A\naliases: [\"/\", \"../..\"]\n---\n".to_vec(),
        ),
        (
            "template path escape",
            b"---\ntitle: A\ntemplate: ../../../etc/passwd\n---\n".to_vec(),
        ),
        ("long line", fm(&"ư".repeat(200_000))),
        (
            "huge weight",
            b"---\ntitle: A\nweight: 99999999999999999999999\n---\n".to_vec(),
        ),
        (
            "dates far away",
            b"---\ntitle: A\ndate: 9999-12-31T23:59:59\nexpires: 0001-01-01\n---\n".to_vec(),
        ),
    ]
}

/// Cases that overflow the stack of a render thread. A stack overflow aborts the whole
/// process (it cannot be caught with `catch_unwind`), so these run only through the binary.
const ABORTS_IN_PROCESS: &[&str] = &["deep quotes", "deep html"];

#[test]
fn the_library_never_panics() {
    let mut panics = Vec::new();
    for (name, bytes) in cases() {
        if ABORTS_IN_PROCESS.contains(&name) {
            continue;
        }
        let s = site_from(&[("content/_index.md", HOME)]);
        s.write("content/la.md", &bytes);
        let r = catch_unwind(AssertUnwindSafe(|| {
            let _ = loa::check(&s.opts());
            let _ = loa::build(&s.opts());
            let mut o = s.opts();
            o.offline = true;
            o.drafts = true;
            let _ = loa::build(&o);
        }));
        if r.is_err() {
            panics.push(name);
        }
    }
    assert!(panics.is_empty(), "panicked on: {panics:?}");
}

fn run_binary(root: &std::path::Path, lang: &str) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["--lang", lang, "build", "--quiet", "--root"])
        .arg(root)
        .args(["--now", NOW])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_binary_exits_0_or_1_on_each_odd_file() {
    let mut bad = Vec::new();
    for (name, bytes) in cases() {
        let s = site_from(&[("content/_index.md", HOME)]);
        s.write("content/la.md", &bytes);
        let (code, err) = run_binary(&s.root, "en");
        if !matches!(code, Some(0) | Some(1)) {
            let last = err.lines().last().unwrap_or_default().to_string();
            bad.push(format!("{name}: exit {code:?} ({last})"));
        }
    }
    assert!(bad.is_empty(), "crashed:\n{}", bad.join("\n"));
}

#[test]
fn all_odd_files_together_give_located_messages() {
    let s = site_from(&[("content/_index.md", HOME)]);
    for (i, (_, bytes)) in cases().into_iter().enumerate() {
        s.write(&format!("content/la-{i:02}.md"), &bytes);
    }
    for lang in ["vi", "en"] {
        let (code, err) = run_binary(&s.root, lang);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("content/la-00.md:1:1"), "{err}");
    }
}

#[test]
fn odd_but_valid_files_build() {
    // Hostile input that is still a valid page must build, not merely not crash.
    for (name, bytes) in cases() {
        let ok = [
            "huge heading",
            "heading of marks",
            "deep list",
            "deep emphasis",
            "html and template syntax",
            "CRLF",
            "long line",
            "yaml anchors",
        ];
        if !ok.contains(&name) {
            continue;
        }
        let s = site_from(&[("content/_index.md", HOME)]);
        s.write("content/la.md", &bytes);
        match s.build() {
            Ok(_) => assert!(
                s.has("la/index.html") || name == "yaml anchors",
                "{name}: page missing"
            ),
            Err(d) => {
                // `tags: *a` is a string, not a list: a typed error is fine. A list nested
                // hundreds deep is refused with a located `too-deep` error.
                let too_deep =
                    d.0.iter()
                        .all(|x| x.problem.code() == "too-deep" && x.line > 0);
                assert!(
                    name == "yaml anchors" || (name == "deep list" && too_deep),
                    "{name} failed:\n{d}"
                );
            }
        }
    }
}
